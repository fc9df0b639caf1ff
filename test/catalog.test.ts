/**
 * The control catalog is data; these tests keep it honest: every quote is in its seed, every
 * enforced control that claims to be implemented has a test whose title names it, and every
 * planned one is listed so progress is visible.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CATALOG } from '../lib/controls/catalog';
import { readTestTitles, testsByControl, TOOLING_TEST_FILES } from '../lib/controls/coverage';

const SEEDS = path.join(__dirname, '..', 'docs', 'seeds');
const titles = readTestTitles(__dirname);
const tested = testsByControl(
  CATALOG.map((c) => c.id),
  titles,
);
const enforced = CATALOG.filter((c) => c.kind === 'enforced');

/**
 * Text as a reader sees it: the seeds' Markdown escapes (`Postgres \\(database\\)`) dropped and
 * every run of whitespace, line breaks included, one space. Quotes are compared literally.
 */
const readable = (text: string) => text.replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1').replace(/\s+/g, ' ');

describe('control catalog', () => {
  test('lib/controls/control-id.ts lists exactly the catalog\'s IDs, so references typed ControlId are checked by tsc (run `npm run docs`)', () => {
    const { CONTROL_ID_FILE, renderControlIdModule } = jest.requireActual('../lib/controls/control-id-source') as typeof import('../lib/controls/control-id-source');
    const file = require('path').join(__dirname, '..', CONTROL_ID_FILE);
    expect(require('fs').readFileSync(file, 'utf8')).toBe(renderControlIdModule(CATALOG));
  });

  test('IDs are unique and shaped AREA-TOPIC', () => {
    const ids = CATALOG.map((c) => c.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const id of ids) expect(id).toMatch(/^[A-Z]{2,}(-[A-Z0-9]+)+$/);
  });

  test('every control cites at least one seed, and every quote is verbatim in its seed', () => {
    const seeds = new Map(fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => [f, fs.readFileSync(path.join(SEEDS, f), 'utf8')]));
    for (const c of CATALOG) {
      expect({ id: c.id, sources: c.sources.length > 0 }).toEqual({ id: c.id, sources: true });
      for (const s of c.sources) expect({ id: c.id, quote: s.quote, found: readable(seeds.get(s.seed) ?? '').includes(readable(s.quote)) }).toEqual({ id: c.id, quote: s.quote, found: true });
    }
  });

  test('no quote carries a backslash: quotes are the words a reader sees, not a pattern', () => {
    const sources = CATALOG.flatMap((c) => c.sources.map((s) => ({ id: c.id, quote: s.quote })));
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.filter((s) => s.quote.includes('\\'))).toEqual([]);
  });

  test('every seed is cited by at least one control', () => {
    const cited = new Set(CATALOG.flatMap((c) => c.sources.map((s) => s.seed)));
    expect([...cited].sort()).toEqual(fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort());
  });

  test('enforced controls name their area, status and enforcement; the others give a reason', () => {
    for (const c of CATALOG) {
      const shape = c.kind === 'enforced' ? { area: Boolean(c.area), status: Boolean(c.status), enforcement: Boolean(c.enforcement), reason: false } : { area: false, status: false, enforcement: false, reason: Boolean(c.reason) };
      expect({ id: c.id, area: Boolean(c.area), status: Boolean(c.status), enforcement: Boolean(c.enforcement), reason: Boolean(c.reason) }).toEqual({ id: c.id, ...shape });
    }
  });

  test('a partial control, and only a partial one, says what it does not deliver, quoting the seed words it falls short of', () => {
    const partial = enforced.filter((c) => c.status === 'partial');
    expect(partial.length).toBeGreaterThan(0);
    for (const c of CATALOG) expect({ id: c.id, missing: c.missing !== undefined }).toEqual({ id: c.id, missing: c.status === 'partial' });
    for (const c of partial) {
      // The words the control falls short of are quoted from one of its own sources ("..." (NNN)),
      // so the gap is read against the promise, not against a paraphrase of it.
      const quoted = [...c.missing!.matchAll(/"([^"]+)" \((\d{3})\)/g)];
      const own = quoted.filter(([, words, seed]) => c.sources.some((s) => s.seed.startsWith(seed) && s.quote.replace(/\s+/g, ' ').includes(words.split(' ... ')[0])));
      expect({ id: c.id, quotesItsSource: own.length > 0 }).toEqual({ id: c.id, quotesItsSource: true });
    }
  });

  test('every control that names another as the home of its remainder names one the catalog has', () => {
    const ids = new Set(CATALOG.map((c) => c.id));
    const named = CATALOG.flatMap((c) => [...(c.missing ?? '').matchAll(/\b(?:ORG|SHR)-[A-Z0-9-]+[A-Z0-9]\b/g)].map((m) => `${c.id} -> ${m[0]}`));
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((n) => !ids.has(n.split(' -> ')[1]))).toEqual([]);
  });

  test('every implemented or partial control has a test whose title names its ID', () => {
    const untested = enforced.filter((c) => (c.status === 'implemented' || c.status === 'partial') && tested.get(c.id)!.length === 0).map((c) => c.id);
    expect(untested).toEqual([]);
  });


  test('every tooling test file kept out of the enforcement evidence exists (a renamed one would count as evidence)', () => {
    expect(TOOLING_TEST_FILES.filter((f) => !fs.existsSync(path.join(__dirname, f)))).toEqual([]);
    expect(TOOLING_TEST_FILES.length).toBeGreaterThan(0);
  });

  test('no test title names an ID the catalog does not have', () => {
    const ids = new Set(CATALOG.map((c) => c.id));
    const prefixes = [...new Set(CATALOG.map((c) => c.id.split('-')[0]))].join('|');
    const unknown = readTestTitles(__dirname, { includeTooling: true }).flatMap((t) => (t.title.match(new RegExp(`\\b(?:${prefixes})(?:-[A-Z0-9]+)+\\b`, 'g')) ?? []).filter((id) => !ids.has(id)).map((id) => `${t.file}: ${id}`));
    expect([...new Set(unknown)]).toEqual([]);
  });

  test('no enforced control is left planned: each is implemented or partial (with what it misses)', () => {
    expect(enforced.length).toBeGreaterThan(0);
    const label = (id: string) => (tested.get(id)!.length > 0 ? `${id} (in progress)` : id);
    expect(enforced.filter((c) => c.status === 'planned').map((c) => `${label(c.id)} [${c.area}]`)).toEqual([]);
  });
});
