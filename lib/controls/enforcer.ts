/**
 * What enforces a control, named without loading it.
 *
 * The catalog is data, and most of its readers never touch the constructs it names: the controls
 * report and the controls diff want names, the catalog's own tests want statements and rules.
 * Importing every construct module (and with them most of aws-cdk-lib's service modules, cdk-nag's
 * packs and the CloudFormation diff) cost each Jest test file that read the catalog about 0.6 s of
 * CPU (docs/development.md, "Checks and what they cost"). So an entry names each enforcer by the
 * module that exports it and its export name: `tsc` still fails when the module moves or the
 * export is renamed or removed, and the module loads only when someone asks for the class or
 * function (test/catalog-entries.test.ts, which proves each one exists under its name).
 *
 * The loader is a dynamic `import()`: TypeScript checks its specifier like a static import's.
 * Under `module: node20` an import() of a relative path names the file as it is emitted (`.js`);
 * the bundler (esbuild) and Jest (jest.config.js, moduleNameMapper) map it to the `.ts` source.
 */

/** A class (a construct, a stack, an aspect) or a function (a validator, the controls diff). */
type Callable = (abstract new (...args: any[]) => unknown) | ((...args: any[]) => unknown);

/** The names of the classes and functions a module exports. */
export type CallableExport<M> = { [K in keyof M]: M[K] extends Callable ? K : never }[keyof M] & string;

/** A class or function that enforces a control, by its module and name. */
export interface ExportedEnforcer {
  /** The export's name, which is also the class's or function's own `name`. */
  readonly name: string;
  /** Loads the module and returns the export. */
  readonly load: () => Promise<unknown>;
}

/**
 * Names the export `name` of the module `load` imports, without loading it:
 * `exported(() => import('../../constructs/data/tenant-database.js'), 'TenantDatabase')`.
 */
export function exported<M, K extends CallableExport<M>>(load: () => Promise<M>, name: K): ExportedEnforcer {
  return { name, load: async () => (await load())[name] };
}
