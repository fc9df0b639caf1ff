/**
 * The PR controls diff (DEL-PR-CONTROLS-DIFF) against a weakening of every control it watches:
 * each fixture of `test/weakenings/<area>.ts` edits a copy of the templates this test run
 * synthesized from the reference fixture, and the CLI, run in-process on base and edited
 * templates, must exit 1 naming that control as weakened; the fixture's neutral edit of the same
 * kind of resources must leave the control unreported.
 *
 * Only the stacks a fixture reads are copied, and only the resources an edit changed are diffed
 * (an unchanged stack or resource produces no line; a test shows the whole stacks give the same
 * report), so all fixtures together cost about a second of CPU.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CONTROL_RULES } from '../lib/controls/diff-rules';
import { runDiff } from '../scripts/controls-diff';
import { allStacks, templateJson } from './support/synth';
import { STACK_TYPES } from './weakenings/edit';
import type { Templates, Weakening } from './weakenings/types';

const WEAKENINGS_DIR = path.join(__dirname, 'weakenings');
/** The files of test/weakenings/ that hold no fixtures: the fixture type and the editing helpers. */
const NOT_AREAS = ['types.ts', 'edit.ts'];

/** Every area file of test/weakenings/ (each exports `WEAKENINGS`), so a new area is picked up. */
const AREA_FILES = fs
  .readdirSync(WEAKENINGS_DIR)
  .filter((f) => f.endsWith('.ts') && !NOT_AREAS.includes(f))
  .sort();

const FIXTURES: ReadonlyArray<Weakening & { readonly area: string }> = AREA_FILES.flatMap((file) => {
  const { WEAKENINGS } = require(path.join(WEAKENINGS_DIR, file)) as { WEAKENINGS?: readonly Weakening[] };
  if (!Array.isArray(WEAKENINGS)) throw new Error(`test/weakenings/${file} exports no WEAKENINGS list`);
  return WEAKENINGS.map((w) => ({ ...w, area: path.basename(file, '.ts') }));
});

/** The resource types the rules of each control read. */
const RULE_TYPES = new Map<string, Set<string>>();
for (const rule of CONTROL_RULES) {
  const types = RULE_TYPES.get(rule.control) ?? new Set<string>();
  rule.resourceTypes.forEach((t) => types.add(t));
  RULE_TYPES.set(rule.control, types);
}

let base: Templates;
/** Each synthesized stack as JSON: parsed for a fresh copy of the stacks a fixture reads. */
let baseJson: Map<string, string>;
/** The resource types of each stack, for the fixtures' finders ({@link STACK_TYPES}). */
let baseTypes: Map<string, Set<string>>;

beforeAll(() => {
  base = Object.fromEntries(allStacks().map((s) => [`${s.env}/${s.stackId}`, templateJson(s.env, s.stackId)]));
  baseJson = new Map(Object.entries(base).map(([k, t]) => [k, JSON.stringify(t)]));
  baseTypes = new Map(Object.entries(base).map(([k, t]) => [k, new Set(Object.values<any>(t.Resources ?? {}).map((r) => r.Type))]));
});

/**
 * The synthesized templates edited by `edit`. Each stack is copied (parsed from its JSON) only
 * when the edit reads it; a stack it never read is the synthesized one, unchanged. Deleting a
 * stack or adding one works as on a plain object.
 */
function edited(edit: (templates: Templates) => void): Templates {
  const copies = new Map<string, Record<string, any>>();
  const head: Templates = {};
  for (const stack of baseJson.keys()) {
    Object.defineProperty(head, stack, {
      enumerable: true,
      configurable: true,
      get: () => copies.get(stack) ?? copies.set(stack, JSON.parse(baseJson.get(stack)!)).get(stack),
      set: (value) => copies.set(stack, value),
    });
  }
  Object.defineProperty(head, STACK_TYPES, { value: baseTypes, enumerable: false });
  edit(head);
  return Object.fromEntries(Object.keys(head).map((stack) => [stack, Object.getOwnPropertyDescriptor(head, stack)!.get && !copies.has(stack) ? base[stack] : head[stack]]));
}

/** The stacks an edit added, removed or changed (a stack the edit never read is the base's own object). */
function changedStacks(head: Templates): string[] {
  return [...new Set([...Object.keys(base), ...Object.keys(head)])].filter((k) => head[k] !== base[k] && baseJson.get(k) !== (k in head ? JSON.stringify(head[k]) : undefined)).sort();
}

/** The resources of one stack that differ between base and head, by side. */
function changedResources(stack: string, head: Templates): { base: Record<string, any>; head: Record<string, any> } {
  const [b, h] = [base[stack]?.Resources ?? {}, head[stack]?.Resources ?? {}];
  const ids = [...new Set([...Object.keys(b), ...Object.keys(h)])].filter((id) => JSON.stringify(b[id]) !== JSON.stringify(h[id]));
  const pick = (resources: Record<string, any>) => Object.fromEntries(ids.filter((id) => id in resources).map((id) => [id, resources[id]]));
  return { base: pick(b), head: pick(h) };
}

/**
 * The template pair the CLI is given: only the stacks an edit changed, and of those only the
 * resources that differ (an unchanged resource produces no line, and diffing all of them cost
 * most of the time). A stack the edit removed or added stays absent on its side.
 * @param whole the changed stacks whole instead (the fidelity test compares both)
 */
function pair(head: Templates, whole = false): { base: Templates; head: Templates; stacks: string[] } {
  const stacks = changedStacks(head);
  const out = { base: {} as Templates, head: {} as Templates, stacks };
  for (const stack of stacks) {
    const resources = changedResources(stack, head);
    if (stack in base) out.base[stack] = whole ? base[stack] : { Resources: resources.base };
    if (stack in head) out.head[stack] = whole ? head[stack] : { Resources: resources.head };
  }
  return out;
}

/** The CLI's text report of the changed stacks, in-process, and its exit code. */
function diffOf(head: Templates, whole = false): { code: number; stdout: string; stacks: string[] } {
  const templates = pair(head, whole);
  const out: string[] = [];
  const code = runDiff(templates.base, templates.head, { format: 'text', baseLabel: 'synthesized', headLabel: 'edited' }, { out: (t) => out.push(t), err: () => undefined });
  return { code, stdout: out.join('\n'), stacks: templates.stacks };
}

/** The types of the resources an edit added, removed or changed, over every stack. */
function changedResourceTypes(head: Templates): Set<string> {
  const types = new Set<string>();
  for (const stack of changedStacks(head)) {
    const resources = changedResources(stack, head);
    for (const r of [...Object.values(resources.base), ...Object.values(resources.head)]) types.add(r.Type);
  }
  return types;
}

const weakenedLine = (control: string) => new RegExp(`^${control} weakened: `, 'm');

describe('controls diff against a weakening of every watched control', () => {
  test('DEL-PR-CONTROLS-DIFF: the synthesized templates and the weakening fixtures are there to diff', () => {
    expect(Object.keys(base).length).toBeGreaterThan(0);
    expect(AREA_FILES.length).toBeGreaterThan(0);
    expect(FIXTURES.length).toBeGreaterThan(0);
  });

  describe.each(FIXTURES.map((f) => [`${f.control} (${f.area}): ${f.title}`, f] as const))('%s', (_name, fixture) => {
    test(`${fixture.control}, DEL-PR-CONTROLS-DIFF: the weakening makes the CLI exit 1 naming ${fixture.control} as weakened`, () => {
      const { code, stdout, stacks } = diffOf(edited(fixture.weaken));
      expect(stacks.length).toBeGreaterThan(0);
      expect(stdout).toMatch(weakenedLine(fixture.control));
      expect(stdout).toMatch(new RegExp(`^weakened controls: .*\\b${fixture.control}\\b`, 'm'));
      expect(code).toBe(1);
    });

    test(`${fixture.control}, DEL-PR-CONTROLS-DIFF: the neutral edit of a resource its rules read leaves ${fixture.control} unreported as weakened`, () => {
      const head = edited(fixture.neutral);
      // A neutral edit that changes nothing, or nothing the control's rules read, proves nothing.
      const touched = [...changedResourceTypes(head)];
      expect(touched.length).toBeGreaterThan(0);
      expect(touched.filter((t) => RULE_TYPES.get(fixture.control)?.has(t))).not.toEqual([]);
      expect(diffOf(head).stdout).not.toMatch(weakenedLine(fixture.control));
    });
  });
});

describe('weakening fixtures cover the diff rules', () => {
  test('DEL-PR-CONTROLS-DIFF: diffing only the changed resources reports what diffing the whole changed stacks reports', () => {
    expect(FIXTURES.length).toBeGreaterThan(0);
    // One weakening and one neutral edit per area file: the whole stacks cost tens of milliseconds each.
    const samples = AREA_FILES.map((file) => FIXTURES.find((f) => f.area === path.basename(file, '.ts'))!).filter(Boolean);
    expect(samples.length).toBe(AREA_FILES.length);
    for (const fixture of samples) {
      for (const edit of [fixture.weaken, fixture.neutral]) {
        const head = edited(edit);
        expect(diffOf(head).stdout).toBe(diffOf(head, true).stdout);
      }
    }
  });

  test('DEL-PR-CONTROLS-DIFF: every control with diff rules has a weakening fixture', () => {
    expect(RULE_TYPES.size).toBeGreaterThan(0);
    const covered = new Set(FIXTURES.map((f) => f.control as string));
    expect([...RULE_TYPES.keys()].filter((c) => !covered.has(c)).sort()).toEqual([]);
  });

  test('DEL-PR-CONTROLS-DIFF: every weakening fixture names a control the diff has rules for', () => {
    expect(FIXTURES.length).toBeGreaterThan(0);
    expect(FIXTURES.filter((f) => !RULE_TYPES.has(f.control)).map((f) => `${f.area}: ${f.control}`)).toEqual([]);
  });

  test('DEL-PR-CONTROLS-DIFF: a weakening that finds nothing to edit throws instead of passing', () => {
    // Every fixture's weaken must throw on templates without its resources (types.ts).
    expect(FIXTURES.length).toBeGreaterThan(0);
    const silent = FIXTURES.filter((f) => {
      try {
        f.weaken({ 'production/Empty': { Resources: {} } });
        return true;
      } catch {
        return false;
      }
    });
    expect(silent.map((f) => `${f.area}: ${f.control}: ${f.title}`)).toEqual([]);
  });
});
