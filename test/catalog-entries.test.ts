/**
 * Each enforced control is one typed unit in its catalog entry: what enforces it (`enforcedBy`),
 * where an auditor finds it (`evidence`), how the PR controls diff watches it (`diff`) and the
 * own pack's rules that check it (`nagRules`). These tests keep every entry complete, so that no
 * control drops out of the diff, the report or the pack without its entry saying why.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CATALOG } from '../lib/controls/catalog';
import { describeCoverage, diffCoverage } from '../lib/controls/diff-coverage';
import { CONTROL_RULES } from '../lib/controls/diff-rules';
import * as nagRules from '../lib/nag/rules';
import { SAAS_BASELINE_RULES } from '../lib/nag/saas-baseline-checks';
import type { Control } from '../lib/controls/types';

const REPO = path.join(__dirname, '..');
const enforced = CATALOG.filter((c) => c.kind === 'enforced');
const others = CATALOG.filter((c) => c.kind !== 'enforced');
const diffOf = (c: Control) => c.diff!;

describe('catalog entries', () => {
  test('the catalog has enforced and organisational or customer controls to check', () => {
    expect(enforced.length).toBeGreaterThan(0);
    expect(others.length).toBeGreaterThan(0);
  });

  test('every enforced control names what enforces it: exported classes or functions that load under their name, or repository files that exist', async () => {
    const missing = enforced.filter((c) => (c.enforcedBy ?? []).length === 0).map((c) => c.id);
    expect(missing).toEqual([]);
    const exports = enforced.flatMap((c) => c.enforcedBy!.filter((e) => 'load' in e).map((e) => ({ id: c.id, e })));
    expect(exports.length).toBeGreaterThan(0);
    // Each named export is loaded: a class or function whose own name is the one the catalog gives
    // (the report shows that name), so a wrong loader or an export renamed at runtime fails here.
    const loaded = await Promise.all(exports.map(async ({ id, e }) => ({ id, name: e.name, value: await e.load() })));
    expect(loaded.filter((l) => typeof l.value !== 'function' || (l.value as { name: string }).name !== l.name).map((l) => `${l.id}: ${l.name}`)).toEqual([]);
    const files = enforced.flatMap((c) => c.enforcedBy!.flatMap((e) => ('file' in e ? [{ id: c.id, file: e.file }] : [])));
    expect(files.filter((f) => !fs.existsSync(path.join(REPO, f.file))).map((f) => `${f.id}: ${f.file}`)).toEqual([]);
  });

  test('every enforced control has evidence: resources to select, or where outside the templates it is kept', () => {
    const missing = enforced.filter((c) => c.evidence === undefined).map((c) => c.id);
    expect(missing).toEqual([]);
    const empty = enforced.filter((c) => ('select' in c.evidence! ? c.evidence.select.length === 0 || c.evidence.what === '' : c.evidence!.outsideTemplates === '')).map((c) => c.id);
    expect(empty).toEqual([]);
  });

  test('every enforced control declares its diff: rules, or why a template diff cannot show it and a test file that exists and names the control in a title', () => {
    expect(enforced.length).toBeGreaterThan(0);
    const problems = enforced.flatMap((c) => {
      const diff = c.diff;
      if (diff === undefined) return [`${c.id}: no diff`];
      if ('rules' in diff) return diff.rules.length > 0 ? [] : [`${c.id}: empty rules`];
      if (diff.outsideTemplates.trim() === '') return [`${c.id}: no reason`];
      const guard = path.join(REPO, diff.guardedBy);
      if (!/^test\/.+\.test\.ts$/.test(diff.guardedBy) || !fs.existsSync(guard)) return [`${c.id}: guardedBy ${diff.guardedBy} is not a test file`];
      // The guarding file proves this control: a test title names it (`'ID: ...'`, `'ID, OTHER: ...'`).
      return new RegExp(`(^|[^A-Z-])${c.id}[:,]`).test(fs.readFileSync(guard, 'utf8')) ? [] : [`${c.id}: ${diff.guardedBy} names it in no test title`];
    });
    expect(problems).toEqual([]);
  });

  test('a control enforced outside the templates has no diff rule, and its evidence says it lies outside them too', () => {
    const outside = enforced.filter((c) => 'outsideTemplates' in diffOf(c));
    expect(outside.length).toBeGreaterThan(0);
    expect(outside.filter((c) => !('outsideTemplates' in c.evidence!)).map((c) => c.id)).toEqual([]);
    expect(enforced.filter((c) => 'outsideTemplates' in c.evidence! && !('outsideTemplates' in diffOf(c))).map((c) => c.id)).toEqual([]);
  });

  test('the coverage line counts every enforced control as watched by rules or enforced outside the templates, naming the tests of the latter', () => {
    const coverage = diffCoverage(CATALOG, CONTROL_RULES);
    const outside = enforced.filter((c) => 'outsideTemplates' in diffOf(c));
    expect(outside.length).toBeGreaterThan(0);
    expect(coverage.watched).toEqual(enforced.filter((c) => 'rules' in diffOf(c)).map((c) => c.id));
    expect(coverage.outsideTemplates.map((o) => o.control)).toEqual(outside.map((c) => c.id));
    expect(coverage.unwatched).toEqual([]);
    expect(coverage.watched.length + coverage.outsideTemplates.length).toBe(enforced.length);
    const line = describeCoverage(coverage);
    expect(line).toContain(`${coverage.watched.length} of ${enforced.length} enforced by rules; the other ${outside.length} are enforced outside the templates`);
    for (const c of outside) expect(line).toContain(`${c.id} (${(c.diff as { guardedBy: string }).guardedBy})`);
    expect(line).not.toContain('no diff rule');
  });

  test('the coverage line names a control with neither rules nor a reason', () => {
    const bare: Control = { ...enforced[0], id: 'TEST-BARE', diff: undefined };
    const coverage = diffCoverage([...CATALOG, bare], CONTROL_RULES);
    expect(coverage.unwatched).toEqual(['TEST-BARE']);
    expect(describeCoverage(coverage)).toMatch(/; 1 have no diff rule and no reason, so a weakening of theirs goes unreported: TEST-BARE$/);
  });

  test('CONTROL_RULES is the entries\' rules, each tagged with its own control', () => {
    const declared = enforced.flatMap((c) => ('rules' in diffOf(c) ? (diffOf(c) as { rules: readonly unknown[] }).rules.map(() => c.id) : []));
    expect(declared.length).toBeGreaterThan(0);
    expect(CONTROL_RULES.map((r) => r.control)).toEqual(declared);
  });

  test('every rule of the own pack is named by exactly one enforced control, which SAAS_BASELINE_RULES reports', () => {
    const rules = Object.values(nagRules);
    expect(rules.length).toBeGreaterThan(0);
    const owners = rules.map((rule) => ({ rule: rule.name, controls: CATALOG.filter((c) => c.nagRules?.includes(rule)).map((c) => c.id) }));
    expect(owners.filter((o) => o.controls.length !== 1)).toEqual([]);
    expect(SAAS_BASELINE_RULES.map((r) => [r.rule.name, r.control])).toEqual(
      expect.arrayContaining(owners.map((o) => [o.rule, o.controls[0]])),
    );
    expect(SAAS_BASELINE_RULES).toHaveLength(rules.length);
    for (const r of SAAS_BASELINE_RULES) expect(r.info.endsWith(` - [${r.control}].`)).toBe(true);
  });

  test('constructs take no value from lib/controls/ but control IDs, so the catalog can import them without a cycle', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.ts')) files.push(full);
      }
    };
    walk(path.join(REPO, 'lib', 'constructs'));
    expect(files.length).toBeGreaterThan(0);
    const valueImports = files.flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/^import (?!type )[^;]*from '([^']*\/controls\/[^']*)'/gm)]
        .filter((m) => !m[1].endsWith('/controls/control-id'))
        .map((m) => `${path.relative(REPO, file)}: ${m[1]}`),
    );
    expect(valueImports).toEqual([]);
  });

  test('organisational and customer controls carry no enforcement links', () => {
    const linked = others.filter((c) => c.enforcedBy !== undefined || c.evidence !== undefined || c.diff !== undefined || c.nagRules !== undefined).map((c) => c.id);
    expect(linked).toEqual([]);
  });
});
