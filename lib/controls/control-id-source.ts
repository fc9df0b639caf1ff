/**
 * Renders lib/controls/control-id.ts, the `ControlId` type of every catalog ID, which
 * `npm run docs` writes and a test keeps fresh. References to controls (acknowledgements, diff
 * rules, the own pack's rules, Config rules) are typed by it, so `tsc` fails on an ID the
 * catalog does not have.
 */
import type { Control } from './types';

/** The file `npm run docs` writes, relative to the repository root. */
export const CONTROL_ID_FILE = 'lib/controls/control-id.ts';

/** The text of lib/controls/control-id.ts for a catalog. */
export function renderControlIdModule(catalog: readonly Control[]): string {
  const ids = catalog.map((c) => c.id);
  return [
    '/**',
    ' * Every control ID of the catalog, generated from lib/controls/catalog by `npm run docs`',
    ' * (lib/controls/control-id-source.ts); test/catalog.test.ts fails when it is stale. A reference',
    ' * to a control typed `ControlId` makes `tsc` fail on an ID the catalog does not have.',
    ' */',
    'export const CONTROL_IDS = [',
    ...ids.map((id) => `  '${id}',`),
    '] as const;',
    '',
    '/** The ID of a control of the catalog. */',
    'export type ControlId = (typeof CONTROL_IDS)[number];',
    '',
  ].join('\n');
}
