/**
 * Every compliance pack must be clean in every environment. An open finding fails here with the
 * rule and the construct; the fix is in the construct, or, where a seed control requires the
 * flagged design, an entry in lib/nag/acknowledgements.ts on that one construct.
 */
import { ACKNOWLEDGEMENTS } from '../lib/nag/acknowledgements';
import { CATALOG } from '../lib/controls/catalog';
import { acknowledgements, allStacks, findings } from './support/synth';

describe('compliance packs (AwsSolutions, NIST 800-53 R5, PCI DSS 3.2.1, HIPAA Security)', () => {
  test('no open finding of any pack in any environment', () => {
    const open = findings().map((f) => `${f.pack} ${f.rule} at ${f.constructPath}`);
    expect(open).toEqual([]);
  });

  test('both environments were synthesized with every pack', () => {
    expect(new Set(allStacks().map((s) => s.env))).toEqual(new Set(['staging', 'production']));
  });

  test('every acknowledgement is on one construct below a stack, never on a stack, stage or app', () => {
    const acks = acknowledgements();
    expect(acks.length).toBeGreaterThan(0);
    for (const a of acks) {
      // <stage>/<stack>/<construct>...: at least three path segments.
      expect({ path: a.constructPath, depth: a.constructPath.split('/').length >= 3 }).toEqual({ path: a.constructPath, depth: true });
    }
  });

  test('every acknowledgement comes from the table and cites a control of the catalog', () => {
    const ids = new Set(CATALOG.map((c) => c.id));
    const table = Object.values(ACKNOWLEDGEMENTS).flat();
    for (const entry of table) expect({ rule: entry.rule, control: entry.control, known: ids.has(entry.control) }).toEqual({ rule: entry.rule, control: entry.control, known: true });
    for (const a of acknowledgements()) {
      const match = table.find((t) => (a.rule === t.rule || a.rule.startsWith(`${t.rule}[`)) && a.reason === `[${t.control}] ${t.reason}`);
      expect({ path: a.constructPath, rule: a.rule, fromTable: Boolean(match) }).toEqual({ path: a.constructPath, rule: a.rule, fromTable: true });
    }
  });

  test('every table entry is in use', () => {
    // A finding acknowledged per value (`Rule[value]`) uses the table's `Rule` entry.
    const used = new Set(acknowledgements().map((a) => `${a.rule.replace(/\[.*\]$/, '')}|${a.reason}`));
    const unused = Object.entries(ACKNOWLEDGEMENTS).flatMap(([key, list]) =>
      list.filter((t) => !used.has(`${t.rule}|[${t.control}] ${t.reason}`)).map((t) => `${key}: ${t.rule}`),
    );
    expect(unused).toEqual([]);
  });
});
