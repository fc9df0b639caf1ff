/**
 * Which tests prove which control: read from the test sources, so that a control counts as
 * tested only when a `describe`/`test`/`it` title names its ID.
 */
import * as fs from 'fs';
import * as path from 'path';

/** The title of one test block and the file it is in. */
export interface TestTitle {
  readonly file: string;
  readonly title: string;
}

const TITLE = /\b(?:describe|test|it)\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g;
/** A `test.each([...])('title %s', ...)` table: group 1 the rows, group 3 the title. */
const EACH = /\b(?:describe|test|it)\.each(?:<[\s\S]*?>)?\(\s*\[([\s\S]*?)\]\s*\)\(\s*(['"`])((?:\\.|(?!\2)[^\\])*)\2/g;
/** In a table, a row's name that starts with a control ID: `'DB-TLS: ...'`. */
const ROW_NAME = /(['"`])([A-Z]{2,}(?:-[A-Z0-9]+)+:(?:\\.|(?!\1)[^\\])*)\1/g;

/**
 * A title as Jest shows it: the escapes of the string literal resolved (`environment\'s` is
 * `environment's`). A template literal's `${...}` stays as written: only running the test knows it.
 */
const LITERAL_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t' };
const literalText = (source: string) => source.replace(/\\(.)/g, (_, c: string) => LITERAL_ESCAPES[c] ?? c);

/**
 * Tests of the tooling that *watches* controls (the controls diff, the project's own cdk-nag
 * rules). Their titles name control IDs, but they prove that the tool classifies a change or
 * flags a resource correctly, not that the deployment enforces the control, so they are not
 * evidence of enforcement.
 */
export const TOOLING_TEST_FILES: readonly string[] = [
  'controls-diff.test.ts',
  'controls-diff-weakenings.test.ts',
  'nag-rules.test.ts',
];

/** Test files that are not `*.test.ts` but hold tests the `*.test.ts` files register (test/deployment/suite.ts). */
const SUITE_FILES: readonly string[] = ['suite.ts'];

/**
 * Every describe/test/it title in the `*.test.ts` files (and {@link SUITE_FILES}) below `dir`.
 * @param options.includeTooling also read {@link TOOLING_TEST_FILES} (default false)
 */
export function readTestTitles(dir: string, options: { includeTooling?: boolean } = {}): TestTitle[] {
  const titles: TestTitle[] = [];
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      // The deployment suite's assertions live in suite.ts, which its *.test.ts files run.
      else if ((entry.name.endsWith('.test.ts') || SUITE_FILES.includes(entry.name)) && (options.includeTooling || !TOOLING_TEST_FILES.includes(entry.name))) {
        const source = fs.readFileSync(full, 'utf8');
        const file = path.relative(dir, full);
        for (const match of source.matchAll(TITLE)) titles.push({ file, title: literalText(match[2]) });
        // Table rows count as tests of their own when their name starts with a control ID.
        for (const table of source.matchAll(EACH)) {
          for (const row of table[1].matchAll(ROW_NAME)) titles.push({ file, title: literalText(table[3]).replace('%s', literalText(row[2])) });
        }
      }
    }
  };
  walk(dir);
  return titles;
}

/** Titles that name each ID (as a whole word: `DB-TLS` does not match `DB-TLS-VERSION`). */
export function testsByControl(ids: readonly string[], titles: readonly TestTitle[]): Map<string, TestTitle[]> {
  const byId = new Map<string, TestTitle[]>(ids.map((id) => [id, []]));
  for (const id of ids) {
    const word = new RegExp(`(^|[^A-Z0-9-])${id.replace(/[-]/g, '\\-')}($|[^A-Z0-9-])`);
    for (const t of titles) if (word.test(t.title)) byId.get(id)!.push(t);
  }
  return byId;
}
