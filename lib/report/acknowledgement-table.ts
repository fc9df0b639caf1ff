/**
 * The table of acknowledgements (docs/acknowledgements.md), generated from `lib/nag/acknowledgements.ts` and the
 * acknowledgements found on the synthesized tree, so it cannot drift from the code.
 */
import { ackReason, type Acknowledgement } from '../nag/acknowledgements';
import type { AcknowledgedFinding } from './findings';
import { embedBetween } from './embed';
import { cell } from './markdown';

export const ACKS_START = '<!-- acknowledgements:start (npm run docs) -->';
export const ACKS_END = '<!-- acknowledgements:end -->';

/** One row per table key: its rules, controls, where it is applied (by stack and construct), and why. */
export function renderAcknowledgementTable(
  table: Record<string, readonly Acknowledgement[]>,
  found: readonly AcknowledgedFinding[],
): string {
  const lines = ['| key | rules | control | applied on | why |', '| --- | --- | --- | --- | --- |'];
  for (const [key, entries] of Object.entries(table)) {
    const reasons = new Set(entries.map(ackReason));
    const constructs = [
      ...new Set(found.filter((f) => reasons.has(f.reason)).map((f) => f.constructPath.split('/').slice(1).join('/'))),
    ].sort();
    const rules = [...new Set(entries.map((e) => e.rule + (e.findings ? ' (listed findings only)' : '')))];
    const controls = [...new Set(entries.map((e) => e.control))];
    const where = constructs.length === 0 ? 'only when the optional pipeline is enabled' : `${constructs.length}: ${constructs.map((c) => `\`${c}\``).join(', ')}`;
    lines.push(`| \`${key}\` | ${cell(rules.join(', '))} | ${controls.join(', ')} | ${cell(where)} | ${cell(entries[0].reason)} |`);
  }
  return lines.join('\n');
}

/** Replaces the table between the markers in `readme`. */
export function embedAcknowledgementTable(readme: string, table: string): string {
  return embedBetween(readme, ACKS_START, ACKS_END, table);
}
