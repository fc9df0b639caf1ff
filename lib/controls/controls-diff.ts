/**
 * The core of the PR controls diff (control DEL-PR-CONTROLS-DIFF): given the stack templates of
 * a base and a head synthesis, report per control what changed in the resources that enforce it.
 *
 * Pure: no git, no synthesis, no file system. `scripts/controls-diff.ts` is the CLI around it.
 * Which resources changed, and whether a change replaces a resource, comes from
 * @aws-cdk/cloudformation-diff (the library behind `cdk diff`); the rules of the catalog entries
 * (gathered as `CONTROL_RULES` by `diff-rules.ts`) only classify what it found.
 */
import { fullDiff, ResourceImpact, type ResourceDifference } from '@aws-cdk/cloudformation-diff';
import type { ControlRule, Direction, ResourceChangeKind, Verdict } from './diff-rule';
import type { TemplateResource } from './template-readers';

/** Stack templates keyed by `stage/stack` (for example `production/Network`). */
export type TemplateSet = Readonly<Record<string, Record<string, any>>>;

/** One classified change to one control on one resource. */
export interface ControlChange {
  readonly control: string;
  readonly direction: Direction;
  /** What changed (`rds.force_ssl 1 → 0`). */
  readonly detail: string;
  /** `stage/stack` of the template. */
  readonly stack: string;
  readonly logicalId: string;
  readonly resourceType: string;
}

/** The result of {@link diffControls}. */
export interface ControlsDiff {
  /** Every change, ordered by control, then weakened before strengthened before neutral, then stack and logical ID. */
  readonly changes: readonly ControlChange[];
  /** Stacks only in the base (their resources count as removed). */
  readonly removedStacks: readonly string[];
  /** Stacks only in the head (their resources count as added). */
  readonly addedStacks: readonly string[];
}

/** Directions in report order: what needs a reviewer first. */
const DIRECTIONS: readonly Direction[] = ['weakened', 'strengthened', 'neutral'];

/** Exit code of the CLI for a diff: 1 when any control is weakened. */
export function exitCode(diff: ControlsDiff): 0 | 1 {
  return diff.changes.some((c) => c.direction === 'weakened') ? 1 : 0;
}

/**
 * Diffs each pair of templates (matched by `stage/stack`; a stack on one side only is diffed
 * against an empty template) and classifies every resource change with the rules.
 */
export function diffControls(base: TemplateSet, head: TemplateSet, rules: readonly ControlRule[]): ControlsDiff {
  const stacks = [...new Set([...Object.keys(base), ...Object.keys(head)])].sort();
  const changes: ControlChange[] = [];
  for (const stack of stacks) {
    const templateDiff = fullDiff(base[stack] ?? {}, head[stack] ?? {});
    templateDiff.resources.forEachDifference((logicalId, difference) => {
      for (const [kind, before, after] of resourceEvents(difference)) {
        const type = (after ?? before)!.Type;
        for (const rule of rules) {
          if (!rule.resourceTypes.includes(type)) continue;
          for (const verdict of apply(rule, kind, before, after)) {
            changes.push({ control: rule.control, ...verdict, stack, logicalId, resourceType: type });
          }
        }
      }
    });
  }
  changes.sort(
    (a, b) => cmp(a.control, b.control) || DIRECTIONS.indexOf(a.direction) - DIRECTIONS.indexOf(b.direction) || cmp(a.stack, b.stack) || cmp(a.logicalId, b.logicalId),
  );
  return {
    changes,
    removedStacks: stacks.filter((s) => !(s in head)),
    addedStacks: stacks.filter((s) => !(s in base)),
  };
}

/**
 * What happened to one logical ID. A change of resource type is not a valid CloudFormation
 * update: it is a removal of the old resource and an addition of the new one.
 */
function resourceEvents(d: ResourceDifference): Array<[ResourceChangeKind, TemplateResource | undefined, TemplateResource | undefined]> {
  if (!d.isDifferent) return [];
  if (d.isAddition) return [['added', undefined, d.newValue]];
  if (d.isRemoval) return [['removed', d.oldValue, undefined]];
  if (d.resourceTypeChanged) return [['removed', d.oldValue, undefined], ['added', undefined, d.newValue]];
  const replaced = d.changeImpact === ResourceImpact.WILL_REPLACE || d.changeImpact === ResourceImpact.MAY_REPLACE;
  return [[replaced ? 'replaced' : 'updated', d.oldValue, d.newValue]];
}

/** Runs one rule: property rules on resources present on both sides whose value at the path changed. */
function apply(rule: ControlRule, kind: ResourceChangeKind, before?: TemplateResource, after?: TemplateResource): Verdict[] {
  let verdict: Verdict | readonly Verdict[] | undefined;
  if (rule.path === undefined) {
    verdict = rule.assess(before, after, kind);
  } else {
    if (kind === 'added' || kind === 'removed') return [];
    const [b, a] = [at(before, rule.path), at(after, rule.path)];
    if (JSON.stringify(b) === JSON.stringify(a)) return [];
    verdict = rule.assess(b, a, kind);
  }
  if (verdict === undefined) return [];
  return Array.isArray(verdict) ? [...verdict] : [verdict as Verdict];
}

function at(resource: TemplateResource | undefined, path: readonly string[]): unknown {
  let value: any = resource;
  for (const key of path) value = value?.[key];
  return value;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

/** One line per change: `DB-TLS weakened: rds.force_ssl 1 → 0 on production/Data1/TenantAcmeParams`. */
export function formatLine(c: ControlChange): string {
  return `${c.control} ${c.direction}: ${c.detail} on ${c.stack}/${c.logicalId}`;
}

function counts(diff: ControlsDiff): Record<Direction, number> {
  const n = { weakened: 0, strengthened: 0, neutral: 0 };
  for (const c of diff.changes) n[c.direction]++;
  return n;
}

function controlsBy(diff: ControlsDiff, direction: Direction): string[] {
  return [...new Set(diff.changes.filter((c) => c.direction === direction).map((c) => c.control))];
}

/** The summary line(s) that end the text report. */
export function summary(diff: ControlsDiff): string {
  if (diff.changes.length === 0) return 'no control changes';
  const n = counts(diff);
  const controls = new Set(diff.changes.map((c) => c.control)).size;
  const weakened = controlsBy(diff, 'weakened');
  return [
    `${diff.changes.length} control change(s) across ${controls} control(s): ${DIRECTIONS.map((d) => `${n[d]} ${d}`).join(', ')}`,
    weakened.length > 0 ? `weakened controls: ${weakened.join(', ')}` : 'no control weakened',
  ].join('\n');
}

/** The plain-text report: changes grouped by control, then the summary. */
export function formatText(diff: ControlsDiff): string {
  const lines: string[] = [];
  for (const s of diff.addedStacks) lines.push(`stack added: ${s}`);
  for (const s of diff.removedStacks) lines.push(`stack removed: ${s}`);
  let previous: string | undefined;
  for (const c of diff.changes) {
    if (previous !== undefined && c.control !== previous) lines.push('');
    lines.push(formatLine(c));
    previous = c.control;
  }
  if (lines.length > 0) lines.push('');
  lines.push(summary(diff));
  return lines.join('\n');
}

const FOOTER = '<sub>Generated by `npm run controls-diff`; how to read it: docs/controls-diff.md.</sub>';

const ICON: Record<Direction, string> = { weakened: '🔴', strengthened: '🟢', neutral: '⚪' };
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The Markdown report for a pull-request comment: a verdict, then one table per control. */
export function formatMarkdown(diff: ControlsDiff, base?: string): string {
  const title = `## Controls diff${base ? ` against \`${base}\`` : ''}`;
  if (diff.changes.length === 0 && diff.addedStacks.length === 0 && diff.removedStacks.length === 0) {
    return `${title}\n\nNo control changes.\n\n${FOOTER}\n`;
  }
  const n = counts(diff);
  const weakened = controlsBy(diff, 'weakened');
  const out = [
    title,
    '',
    weakened.length > 0
      ? `**${ICON.weakened} ${weakened.length} control(s) weakened: ${weakened.map((c) => `\`${c}\``).join(', ')}.** A reviewer must confirm each weakening is intended.`
      : `**${ICON.strengthened} No control weakened.**`,
    '',
    `${n.weakened} weakened · ${n.strengthened} strengthened · ${n.neutral} neutral`,
  ];
  if (diff.addedStacks.length > 0) out.push('', `Stacks added: ${diff.addedStacks.map((s) => `\`${s}\``).join(', ')}`);
  if (diff.removedStacks.length > 0) out.push('', `Stacks removed: ${diff.removedStacks.map((s) => `\`${s}\``).join(', ')}`);
  for (const control of [...new Set(diff.changes.map((c) => c.control))]) {
    out.push('', `### ${control}`, '', '| | Change | Resource |', '|---|---|---|');
    for (const c of diff.changes.filter((x) => x.control === control)) {
      out.push(`| ${ICON[c.direction]} ${c.direction} | ${cell(c.detail)} | \`${c.stack}/${c.logicalId}\` (${c.resourceType}) |`);
    }
  }
  out.push('', FOOTER);
  return `${out.join('\n')}\n`;
}
