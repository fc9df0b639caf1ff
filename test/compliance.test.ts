/**
 * Every compliance pack must be clean in every environment. An open finding fails here with the
 * rule and the construct; the fix is in the construct, or, where a seed control requires the
 * flagged design, an entry in lib/nag/acknowledgements.ts on that one construct.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ACKNOWLEDGEMENTS } from '../lib/nag/acknowledgements';
import { DELIVERY_ACKNOWLEDGEMENTS } from '../lib/nag/acknowledgements/delivery';
import { ACKS_START, embedAcknowledgementTable, renderAcknowledgementTable } from '../lib/report/acknowledgement-table';

/** Acknowledgements that only the optional delivery pipeline uses: the delivery area's. */
const PIPELINE_ONLY_ACKNOWLEDGEMENTS: readonly string[] = Object.keys(DELIVERY_ACKNOWLEDGEMENTS);

/** Acknowledgements that only some configurations use; each is proven in use where noted. */
const CONFIG_DEPENDENT_ACKNOWLEDGEMENTS = [
  // A SAML provider among identity.trustedPrincipals: test/deployment/adapted.test.ts trusts one.
  'samlIdentityProviderMfa',
];
import { CATALOG } from '../lib/controls/catalog';
import { ENVIRONMENTS } from './support/fixture';
import { acknowledgements, allStacks, findings } from './support/synth';

describe('compliance packs (AwsSolutions, NIST 800-53 R5, PCI DSS 3.2.1, HIPAA Security, Serverless; SaasBaseline on each stage)', () => {
  test('DEL-COMPLIANCE-PACKS: no open finding of any pack in any environment', () => {
    const open = findings().map((f) => `${f.pack} ${f.rule} at ${f.constructPath}`);
    expect(open).toEqual([]);
  });

  test('DEL-COMPLIANCE-PACKS: every environment of the fixture was synthesized, and the Control Tower rules checked every one of its templates', () => {
    const stacks = allStacks();
    expect(new Set(stacks.map((s) => s.env))).toEqual(new Set(Object.keys(ENVIRONMENTS)));
    const report = JSON.parse(fs.readFileSync(path.join(process.env.SSB_SYNTH_DIR!, 'control-tower-report.json'), 'utf8'));
    expect(report.templates).toBe(stacks.length);
    expect(report.notChecked).toEqual([]);
  });

  test('DEL-COMPLIANCE-PACKS: the Serverless pack is in the gate, and its findings are acknowledged only per construct', () => {
    // The pack ran: its rules appear among the acknowledgements (dead-letter queues, custom-resource handler).
    const serverless = acknowledgements().filter((a) => a.rule.startsWith('Serverless-'));
    expect(serverless.length).toBeGreaterThan(0);
    expect(new Set(serverless.map((a) => a.rule))).toEqual(new Set(['Serverless-SQSRedrivePolicy', 'Serverless-LambdaDLQ', 'Serverless-LambdaTracing']));
    expect(findings().filter((f) => f.pack === 'Serverless')).toEqual([]);
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
      const match = table.find((t) => (a.rule === t.rule || a.rule.replace(/\[.*\]$/, '') === t.rule) && a.reason === `[${t.control}] ${t.reason}`);
      expect({ path: a.constructPath, rule: a.rule, fromTable: Boolean(match) }).toEqual({ path: a.constructPath, rule: a.rule, fromTable: true });
    }
  });

  test('the acknowledgement table in docs/acknowledgements.md is up to date (run `npm run docs`)', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', 'docs', 'acknowledgements.md'), 'utf8');
    expect(readme).toContain(ACKS_START);
    expect(readme).toEqual(embedAcknowledgementTable(readme, renderAcknowledgementTable(ACKNOWLEDGEMENTS, acknowledgements())));
  });

  test('every table entry is in use (entries of the optional pipeline are checked by test/pipeline.test.ts)', () => {
    const used = new Set(acknowledgements().flatMap((a) => [`${a.rule}|${a.reason}`, `${a.rule.replace(/\[.*\]$/, '')}|${a.reason}`]));
    const unused = Object.entries(ACKNOWLEDGEMENTS)
      .filter(([key]) => !PIPELINE_ONLY_ACKNOWLEDGEMENTS.includes(key) && !CONFIG_DEPENDENT_ACKNOWLEDGEMENTS.includes(key))
      .flatMap(([key, list]) => list.filter((t) => !used.has(`${t.rule}|[${t.control}] ${t.reason}`)).map((t) => `${key}: ${t.rule}`));
    expect(unused).toEqual([]);
  });
});

describe('open findings fail the synth (bin/app.ts calls failOnOpenFindings after app.synth())', () => {
  const fs = jest.requireActual('fs') as typeof import('fs');
  const os = jest.requireActual('os') as typeof import('os');
  const path = jest.requireActual('path') as typeof import('path');
  const { failOnOpenFindings } = jest.requireActual('../lib/report/findings');

  function assemblyWith(report: unknown): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssb-findings-'));
    fs.writeFileSync(path.join(dir, 'validation-report.json'), JSON.stringify(report));
    return dir;
  }

  test('DEL-COMPLIANCE-PACKS: an open error finding throws, naming the pack, rule and construct', () => {
    const dir = assemblyWith({
      pluginReports: [
        {
          summary: { pluginName: 'AwsSolutions' },
          violations: [{ ruleName: 'AwsSolutions-S1', severity: 'error', violatingConstructs: [{ constructPath: 'production/Edge/Logs/Resource' }] }],
        },
      ],
    });
    expect(() => failOnOpenFindings(dir)).toThrow(/1 open compliance finding\(s\)[\s\S]*AwsSolutions AwsSolutions-S1 at production\/Edge\/Logs\/Resource/);
  });

  test('DEL-COMPLIANCE-PACKS: an open warning of a pack (AwsSolutions-VPC3 is one) throws too', () => {
    const warning = {
      pluginReports: [{ summary: { pluginName: 'AwsSolutions' }, violations: [{ ruleName: 'AwsSolutions-VPC3', severity: 'warning', violatingConstructs: [{ constructPath: 'staging/Network/Vpc/NetworkAcls/Public/Resource' }] }] }],
    };
    expect(() => failOnOpenFindings(assemblyWith(warning))).toThrow(/1 open compliance finding\(s\)[\s\S]*AwsSolutions AwsSolutions-VPC3 at staging\/Network/);
  });

  test('DEL-COMPLIANCE-PACKS: a clean report, or warnings of CDK\'s own template validation only, passes', () => {
    expect(() => failOnOpenFindings(assemblyWith({ pluginReports: [] }))).not.toThrow();
    const advice = { pluginReports: [{ summary: { pluginName: 'CloudFormation Validate' }, violations: [{ ruleName: 'W3010', severity: 'warning', violatingConstructs: [{ constructPath: 'a/b/c' }] }] }] };
    expect(() => failOnOpenFindings(assemblyWith(advice))).not.toThrow();
  });
});
