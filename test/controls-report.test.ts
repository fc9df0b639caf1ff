/**
 * The controls report: every enforced control names its evidence (the resources that carry it
 * per environment, or an explicit "outside the templates" marker), open findings of the
 * validation report show per control, and the committed docs/controls.md and .json match the
 * catalog, the tests, the templates and the acknowledgements as they are now. When the staleness
 * checks fail, run `npm run report` and commit the result.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { ENVIRONMENTS } from './support/fixture';
import { loadEnvironments } from '../lib/config/load';
import { CATALOG } from '../lib/controls/catalog';
import { readTestTitles } from '../lib/controls/coverage';
import { CONTROL_EVIDENCE, isOutsideTemplates, OUTSIDE_TEMPLATES_MARKER } from '../lib/controls/evidence';
import { EXAMPLE_CONFIGS } from '../lib/config/deployment';
import type { Control } from '../lib/controls/types';
import { exported } from '../lib/controls/enforcer';
import { buildControlsReport, controlCounts, controlsOfFinding, enforcingConstructsOf, renderControlsJson, renderControlsMarkdown, type ControlReportEntry } from '../lib/report/controls-report';
import { environmentTemplates } from '../lib/report/environment-templates';
import { failOnOpenFindings, readFindings, readOpenFindings, VALIDATION_REPORT_FILE, type Finding } from '../lib/report/findings';
import { acknowledgements, findings, templateJson } from './support/synth';

const DOCS = path.join(__dirname, '..', 'docs');

/** What a reader of the rendered Markdown sees of a text: the report's escapes undone, its lines joined. */
const visible = (md: string) => md.replace(/\s+/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/\\([*_])/g, '$1').replace(/&amp;/g, '&');

/** The section of a control in the Markdown: from its heading to the next heading. */
const sectionOf = (md: string, id: string) => {
  const start = md.indexOf(`\n### ${id}\n`);
  if (start < 0) throw new Error(`no section ### ${id}`);
  const end = md.slice(start + 1).search(/\n#{1,3} /);
  return end < 0 ? md.slice(start) : md.slice(start, start + 1 + end);
};

/**
 * The anchors GitHub gives the headings of a Markdown text, written from its documented rule
 * (github-slugger: lower case, punctuation but `-` and `_` dropped, spaces to `-`, repeats
 * numbered) independently of the renderer's own slug.
 */
function githubAnchors(md: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const [, heading] of md.matchAll(/^#{1,6} (.+)$/gm)) {
    const base = heading.trim().toLowerCase().replace(/[^a-z0-9 _-]/g, '').replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

describe('controls report', () => {
  const envs = loadEnvironments(ENVIRONMENTS);
  const templates = environmentTemplates(new CloudAssembly(process.env.SSB_SYNTH_DIR!), envs);
  const entries = buildControlsReport(CATALOG, readTestTitles(__dirname), acknowledgements(), templates, findings());
  const entry = (id: string) => entries.find((e) => e.id === id)!;
  const enforced = entries.filter((e) => e.kind === 'enforced');
  const md = renderControlsMarkdown(entries, { configuration: EXAMPLE_CONFIGS[0] });
  /** The resource at `stack/logicalId` of an environment. */
  const resource = (env: string, ref: string) => templateJson(env, ref.split('/')[0]).Resources[ref.split('/')[1]];

  test('DEL-PR-CONTROLS-DIFF: each enforced control\'s section says what the PR controls diff watches of it: its rules\' resource types, or the test that guards it outside the templates', () => {
    expect(enforced.length).toBeGreaterThan(0);
    for (const e of enforced) {
      const c = CATALOG.find((x) => x.id === e.id)!;
      const diff = c.diff!;
      const expected = 'rules' in diff ? `${diff.rules.length} rule` : `guarded by \`${diff.guardedBy}\``;
      expect({ id: e.id, section: visible(sectionOf(md, e.id)) }).toEqual({ id: e.id, section: expect.stringContaining(expected) });
      expect(visible(sectionOf(md, e.id))).toContain('- controls diff: ');
    }
    expect(sectionOf(md, 'DB-TLS')).toContain('`AWS::RDS::DBClusterParameterGroup`');
  });

  test('every enforced control has an evidence entry, and only enforced controls of the catalog do', () => {
    expect(enforced.filter((e) => CONTROL_EVIDENCE[e.id] === undefined).map((e) => e.id)).toEqual([]);
    const enforcedIds = new Set(enforced.map((e) => e.id));
    expect(Object.keys(CONTROL_EVIDENCE).filter((id) => !enforcedIds.has(id))).toEqual([]);
  });

  test('every enforced control names at least one resource in each environment, or says why not (inherited, not applicable, or enforced outside the templates)', () => {
    const missing: string[] = [];
    for (const e of enforced) {
      const evidence = CONTROL_EVIDENCE[e.id];
      if (isOutsideTemplates(evidence)) {
        // The marker carries a reason: where the control is enforced and which tests prove it.
        expect({ id: e.id, evidence: e.evidence }).toEqual({ id: e.id, evidence: expect.stringMatching(new RegExp(`^${OUTSIDE_TEMPLATES_MARKER}: .{20,}`)) });
        expect(e.environments).toEqual({});
        continue;
      }
      for (const env of envs) {
        const r = e.environments[env.name];
        if (r === 'inherited' || (typeof r === 'string' && /^not applicable: .+/.test(r))) continue;
        if (!Array.isArray(r) || r.length === 0) missing.push(`${env.name} ${e.id}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('each listed resource exists in its environment\'s templates', () => {
    const dangling = enforced.flatMap((e) =>
      Object.entries(e.environments).flatMap(([env, r]) => (Array.isArray(r) ? r.filter((ref) => resource(env, ref) === undefined).map((ref) => `${e.id} ${env} ${ref}`) : [])),
    );
    expect(dangling).toEqual([]);
  });

  test('names the enforcing resources of each enforced control per environment, by stack and logical ID', () => {
    const dbTls = entry('DB-TLS');
    for (const env of ['staging', 'production']) expect(dbTls.environments[env]).toEqual(expect.arrayContaining([expect.stringMatching(/^Data1\/DatabaseParameters/)]));
    expect(dbTls.nagRules).toEqual(['SaasBaseline-PostgresForceSsl']);
  });

  test('evidence is the resources that carry the control, not every resource of a type', () => {
    for (const env of envs) {
      // Only roles whose trust policy requires MFA: not the flow-log, task or backup roles.
      const mfaRoles = entry('IAM-MFA-ROLES').environments[env.name] as string[];
      expect(mfaRoles.length).toBeGreaterThan(0);
      for (const ref of mfaRoles) expect({ ref, trust: JSON.stringify(resource(env.name, ref).Properties.AssumeRolePolicyDocument) }).toEqual({ ref, trust: expect.stringContaining('aws:MultiFactorAuthPresent') });
      // One key per tenant, each in a data stack.
      const tenantKeys = entry('TEN-DEDICATED-KEY').environments[env.name] as string[];
      expect(tenantKeys).toHaveLength(env.data.tenants.length);
      for (const ref of tenantKeys) expect(ref).toMatch(/^Data\d+\//);
      // The trail's metric filters and the alarms on their metrics, in the account baseline, and no operational alarm.
      const cis = entry('MON-CIS-ALARMS').environments[env.name];
      if (cis === 'inherited') continue;
      const types = new Set((cis as string[]).map((ref) => resource(env.name, ref).Type));
      expect(types).toEqual(new Set(['AWS::Logs::MetricFilter', 'AWS::CloudWatch::Alarm']));
      expect((cis as string[]).filter((ref) => (entry('MON-OPERATIONAL-ALARMS').environments[env.name] as string[]).includes(ref))).toEqual([]);
    }
  });

  test('AUD-CLOUDTRAIL: marks the account-baseline controls inherited in an environment whose baseline is off', () => {
    const off = envs.map((e) => (e.name === 'staging' ? { ...e, accountBaseline: { ...e.accountBaseline, enabled: false } } : e));
    const report = buildControlsReport(CATALOG, [], [], environmentTemplates(new CloudAssembly(process.env.SSB_SYNTH_DIR!), off));
    const trail = report.find((e) => e.id === 'AUD-CLOUDTRAIL')!;
    expect(trail.environments.staging).toBe('inherited');
    expect(trail.environments.production).toEqual(expect.arrayContaining([expect.stringMatching(/^AccountBaseline\//)]));
  });

  test('marks a control not applicable, with the config reason, where the environment switches it off', () => {
    const off = envs.map((e) => ({ ...e, edge: { ...e.edge, shieldAdvanced: false } }));
    const report = buildControlsReport(CATALOG, [], [], environmentTemplates(new CloudAssembly(process.env.SSB_SYNTH_DIR!), off));
    for (const env of envs) expect(report.find((e) => e.id === 'EDGE-DDOS-SHIELD')!.environments[env.name]).toBe('not applicable: edge.shieldAdvanced is false');
  });

  test('EDGE-DDOS-SHIELD: an environment\'s production opt-out shows beside its control, naming the field and its reason, in the Markdown and the JSON', () => {
    const reason = 'Approved by the CISO on 2026-11-30 until the subscription starts';
    const optedOut = envs.map((e) => (e.tier === 'production' ? { ...e, edge: { ...e.edge, shieldAdvanced: false }, productionOptOuts: { shieldAdvanced: reason } } : e));
    const report = buildControlsReport(CATALOG, [], [], environmentTemplates(new CloudAssembly(process.env.SSB_SYNTH_DIR!), optedOut));
    const shield = report.find((e) => e.id === 'EDGE-DDOS-SHIELD')!;
    expect(shield.optOuts).toEqual({ production: `productionOptOuts.shieldAdvanced: "${reason}"` });
    expect(report.filter((e) => Object.keys(e.optOuts).length > 0).map((e) => e.id)).toEqual(['EDGE-DDOS-SHIELD']);
    const optedOutMd = renderControlsMarkdown(report);
    // In the header, linked to the control's section, and in that section.
    expect(visible(optedOutMd)).toContain(`- production: [EDGE-DDOS-SHIELD](#edge-ddos-shield) opted out by productionOptOuts.shieldAdvanced: "${reason}"`);
    expect(visible(sectionOf(optedOutMd, 'EDGE-DDOS-SHIELD'))).toContain(`- production: opted out by productionOptOuts.shieldAdvanced: "${reason}"`);
    expect(JSON.parse(renderControlsJson(report)).find((e: ControlReportEntry) => e.id === 'EDGE-DDOS-SHIELD').optOuts).toEqual(shield.optOuts);
    // Without an opt-out the report says every floor is kept.
    expect(md).toContain('Production opt-outs: none; every production environment keeps every floor.');
  });

  test('counts fully and partially delivered controls apart, links each partial one from the header, and shows what it does not deliver in its section and the JSON', () => {
    const partial = entries.filter((e) => e.kind === 'enforced' && e.missing !== undefined);
    expect(partial.length).toBeGreaterThan(0);
    const full = enforced.length - partial.length - enforced.filter((e) => e.status === 'planned').length;
    expect(visible(md)).toContain(`${entries.length} controls: ${full} fully delivered by this code, ${partial.length} partially delivered`);
    const header = visible(md.slice(0, md.indexOf('\n## ')));
    expect(header).toContain(`Partially delivered: ${partial.map((e) => `[${e.id}](#${e.id.toLowerCase()})`).join(', ')}.`);
    const json = JSON.parse(renderControlsJson(entries)) as ControlReportEntry[];
    for (const e of partial) {
      expect(e.status).toBe('partial');
      expect(md).toMatch(new RegExp(`^\\| \\[${e.id}\\]\\(#${e.id.toLowerCase()}\\) \\| enforced \\| partial \\|`, 'm'));
      expect({ id: e.id, section: visible(sectionOf(md, e.id)) }).toEqual({ id: e.id, section: expect.stringContaining(`- not delivered: ${e.missing!.replace(/\s+/g, ' ')}`) });
      expect(json.find((j) => j.id === e.id)!.missing).toBe(e.missing);
    }
  });

  test('README.md and docs/development.md state the counts the report computes (fully and partially delivered, organisational and customer)', () => {
    const n = controlCounts(entries);
    expect(n.full + n.partial + n.planned + n.organisational + n.customer).toBe(entries.length);
    const flat = (file: string) => fs.readFileSync(path.join(__dirname, '..', file), 'utf8').replace(/\s+/g, ' ');
    expect(flat('README.md')).toContain(
      `(${n.total} controls: ${n.full} fully delivered by this code, ${n.partial} partially delivered, each saying exactly what it does not deliver, and ${n.organisational + n.customer} organisational or customer ones`,
    );
    expect(flat('docs/development.md')).toContain(
      `${n.total} controls from the five seeds, ${n.full + n.partial + n.planned} enforced (${n.full} fully delivered and ${n.partial} partially delivered, all tested), ${n.organisational} organisational and ${n.customer} customer`,
    );
  });

  test('lists every control of the catalog once in the summary and once as a section, organisational and customer ones with their reasons', () => {
    expect(entries.map((e) => e.id)).toEqual(CATALOG.map((c) => c.id));
    const rows = [...md.matchAll(/^\| \[([A-Z0-9-]+)\]\(#[a-z0-9-]+\) \|/gm)].map((m) => m[1]);
    const headings = [...md.matchAll(/^### (.+)$/gm)].map((m) => m[1]);
    expect(rows.length).toBe(CATALOG.length);
    expect([...rows].sort()).toEqual(CATALOG.map((c) => c.id).sort());
    expect([...headings].sort()).toEqual(CATALOG.map((c) => c.id).sort());
    const others = CATALOG.filter((x) => x.kind !== 'enforced');
    expect(others.length).toBeGreaterThan(0);
    for (const c of others) {
      expect({ id: c.id, section: visible(sectionOf(md, c.id)) }).toEqual({ id: c.id, section: expect.stringContaining(`- why no infrastructure here keeps it: ${c.reason!.replace(/\s+/g, ' ')}`) });
      expect(md).toMatch(new RegExp(`^\\| \\[${c.id}\\]\\(#${c.id.toLowerCase()}\\) \\| ${c.kind} \\|`, 'm'));
    }
  });

  test('every link of the Markdown to a section of it lands on a heading GitHub renders, and every summary row links to its control\'s section', () => {
    const anchors = githubAnchors(md);
    const links = [...md.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(CATALOG.length);
    expect(links.filter((l) => !anchors.has(l))).toEqual([]);
    for (const c of CATALOG) expect(md).toMatch(new RegExp(`^\\| \\[${c.id}\\]\\(#${c.id.toLowerCase()}\\) \\|`, 'm'));
  });

  test('the summary row of each enforced control counts its resources per environment, tests, own nag rules and detectors', () => {
    expect(enforced.length).toBeGreaterThan(0);
    const envNames = envs.map((e) => e.name);
    expect(md).toContain(`| control | kind | status | resources (${envNames.join(' / ')}) | tests | nag rules | detectors |`);
    for (const e of enforced) {
      const resources = envNames.map((n) => {
        const r = e.environments[n];
        return r === undefined ? '—' : typeof r === 'string' ? r.replace(/:.*$/, '') : String(r.length);
      });
      const row = md.split('\n').find((l) => l.startsWith(`| [${e.id}](`));
      expect(row).toMatch(new RegExp(`\\| enforced \\| ${e.status} \\| ${resources.join(' / ')} \\| ${e.tests.length} \\| ${e.nagRules.length} \\| (\\d+|none) \\|$`));
    }
    expect(md.split('\n').find((l) => l.startsWith('| [DB-TLS]('))).toMatch(/\| 2 \/ 2 \| \d+ \| 1 \| none \|$/);
  });

  test('the header names the configuration and the environments the report was generated from', () => {
    expect(visible(md)).toContain(`Generated from the configuration \`${EXAMPLE_CONFIGS[0]}\`, environments ${envs.map((e) => `\`${e.name}\``).join(', ')}.`);
    expect(visible(renderControlsMarkdown(entries))).toContain(`Generated from environments ${envs.map((e) => `\`${e.name}\``).join(', ')}.`);
  });

  test('sources show the seed words verbatim, as the seed\'s readers see them: no backslash escape of the seed\'s Markdown source', () => {
    const sources = CATALOG.flatMap((c) => c.sources.map((s) => ({ id: c.id, seed: s.seed.slice(0, 3), quote: s.quote })));
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources) {
      expect({ id: s.id, section: visible(sectionOf(md, s.id)) }).toEqual({ id: s.id, section: expect.stringContaining(`- seed ${s.seed}: "${s.quote.replace(/\s+/g, ' ')}"`) });
    }
    expect(sectionOf(md, 'DB-TLS')).toContain('- seed 000: "Postgres (database) transport security via TLS/SSL"');
    expect(md).not.toMatch(/\\[()]/);
  });

  test('test titles show as Jest shows them, in the Markdown and the JSON: no escape of their string literal', () => {
    const title = 'FND-ENV-SEPARATION: each environment\'s stacks deploy to its own account and reference nothing of the other';
    expect(entry('FND-ENV-SEPARATION').tests).toContain(`foundation.test.ts › ${title}`);
    expect(sectionOf(md, 'FND-ENV-SEPARATION')).toContain(`  - foundation.test.ts › ${title}\n`);
    expect(md).not.toContain("\\'");
    expect(renderControlsJson(entries)).not.toContain("\\\\'");
  });

  test('no line of the Markdown is longer than 400 characters, except a quoted seed sentence', () => {
    const lines = md.split('\n');
    expect(lines.length).toBeGreaterThan(CATALOG.length);
    expect(lines.filter((l) => l.length > 400 && !/^  - seed \d{3}: "/.test(l)).map((l) => l.slice(0, 80))).toEqual([]);
  });

  test('each control\'s section names the constructs of the catalog\'s enforcedBy, by class name, in the Markdown and the JSON', () => {
    const dbTls = CATALOG.find((c) => c.id === 'DB-TLS')!;
    expect(enforcingConstructsOf(dbTls)).toEqual((dbTls.enforcedBy ?? []).map((c) => ('file' in c ? c.file : c.name)));
    const withConstruct: Control = { ...dbTls, enforcedBy: [exported(() => import('../lib/constructs/data/tenant-database.js'), 'TenantDatabase')] };
    expect(enforcingConstructsOf(withConstruct)).toEqual(['TenantDatabase']);
    const report = buildControlsReport(
      CATALOG.map((c) => (c.id === 'DB-TLS' ? withConstruct : c)),
      [],
      [],
      templates,
    );
    expect(sectionOf(renderControlsMarkdown(report), 'DB-TLS')).toContain('- enforced by: `TenantDatabase`\n');
    expect(JSON.parse(renderControlsJson(report)).find((e: ControlReportEntry) => e.id === 'DB-TLS').enforcedBy).toEqual(['TenantDatabase']);
    for (const e of entries) expect({ id: e.id, enforcedBy: e.enforcedBy }).toEqual({ id: e.id, enforcedBy: enforcingConstructsOf(CATALOG.find((c) => c.id === e.id)!) });
  });

  test('the Markdown renders each enforced control\'s resources per environment, environments with the same ones together, and its test titles, long lists folded', () => {
    const dbTls = sectionOf(md, 'DB-TLS');
    expect(entry('DB-TLS').environments.staging).toEqual(entry('DB-TLS').environments.production);
    expect(dbTls).toContain('- resources in staging and production: ');
    for (const ref of entry('DB-TLS').environments.production as string[]) expect(dbTls).toContain(`\`${ref}\``);
    expect(dbTls).toContain(entry('DB-TLS').tests[0].replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    // Environments whose resources differ get a line each.
    const retain = entry('FND-STATEFUL-RETAIN');
    expect(retain.environments.staging).not.toEqual(retain.environments.production);
    expect(sectionOf(md, 'FND-STATEFUL-RETAIN')).toMatch(/- resources in staging:[\s\S]*- resources in production:/);
    expect(sectionOf(md, 'NET-NACLS')).toMatch(/<details><summary>\d+ resources<\/summary>/);
    expect(visible(sectionOf(md, 'DEL-CI-TESTS'))).toContain(`- ${OUTSIDE_TEMPLATES_MARKER}: `);
  });

  test('each acknowledged finding that cites a control shows in its section once per rule and construct, with the environments it is acknowledged in', () => {
    const cited = enforced.filter((e) => e.acknowledgements.length > 0);
    expect(cited.length).toBeGreaterThan(0);
    for (const e of cited) {
      const section = visible(sectionOf(md, e.id));
      for (const a of e.acknowledgements) {
        const [env, ...rest] = a.constructPath.split('/');
        const line = new RegExp(`- \`${a.rule.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\` at \`${rest.join('/').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\` \\([^)]*\\b${env}\\b[^)]*\\)`);
        expect({ id: e.id, ack: `${a.rule} ${a.constructPath}`, found: line.test(section) }).toEqual({ id: e.id, ack: `${a.rule} ${a.constructPath}`, found: true });
      }
    }
  });

  test('a clean synthesis has no open findings, so no control shows them', () => {
    expect(entries.filter((e) => e.findings.length > 0 || e.status === 'open findings').map((e) => e.id)).toEqual([]);
  });

  test('open findings of validation-report.json show per control, and the control\'s status is "open findings"', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssb-findings-'));
    try {
      const violation = (ruleName: string, constructPath: string) => ({ ruleName, severity: 'error', description: 'd', violatingConstructs: [{ constructPath }] });
      const report = {
        pluginReports: [
          { summary: { pluginName: 'SaasBaseline' }, violations: [violation('SaasBaseline-PostgresForceSsl', 'production/Data1/DatabaseParameters')] },
          {
            summary: { pluginName: 'NIST.800.53.R5' },
            violations: [violation('NIST.800.53.R5-VPCNoUnrestrictedRouteToIGW', 'production/Network/Vpc/PublicSubnet1/DefaultRoute'), violation('NIST.800.53.R5-SomeRuleNoEntryCites', 'production/Workload/X')],
          },
        ],
      };
      fs.writeFileSync(path.join(dir, VALIDATION_REPORT_FILE), JSON.stringify(report));
      const open: Finding[] = readFindings(dir);
      const withFindings = buildControlsReport(CATALOG, [], [], templates, open);
      const of = (id: string) => withFindings.find((e) => e.id === id) as ControlReportEntry;
      // An own rule names its control; a published rule the acknowledgement table cites, that table's control; any other, DEL-COMPLIANCE-PACKS.
      expect(of('DB-TLS')).toMatchObject({ status: 'open findings', findings: [{ pack: 'SaasBaseline', rule: 'SaasBaseline-PostgresForceSsl', constructPath: 'production/Data1/DatabaseParameters' }] });
      expect(of('NET-TIERED-SUBNETS').status).toBe('open findings');
      expect(of('DEL-COMPLIANCE-PACKS').findings.map((f) => f.rule)).toEqual(['NIST.800.53.R5-SomeRuleNoEntryCites']);
      expect(of('DB-ENCRYPTION-AT-REST').status).toBe('implemented');
      expect(sectionOf(renderControlsMarkdown(withFindings), 'DB-TLS')).toMatch(/open findings:\n  - SaasBaseline `SaasBaseline-PostgresForceSsl` at `production\/Data1\/DatabaseParameters`/);
      expect(renderControlsMarkdown(withFindings)).toMatch(/^\| \[DB-TLS\]\(#db-tls\) \| enforced \| open findings \|/m);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('DEL-COMPLIANCE-PACKS: warnings of CDK\'s CloudFormation validation (CDK_VALIDATION=true) are not open findings, so they neither fail the synth nor stale the report; a pack\'s warnings are', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssb-findings-'));
    try {
      const report = {
        pluginReports: [
          { summary: { pluginName: 'CloudFormation Validate' }, violations: [{ ruleName: 'W3010', severity: 'warning', description: 'hardcoded AZ', violatingConstructs: [{ constructPath: 'production/Network/Vpc/Resource/PublicSubnet1/Subnet' }] }] },
          { summary: { pluginName: 'SaasBaseline' }, violations: [{ ruleName: 'SaasBaseline-PostgresForceSsl', severity: 'error', description: 'd', violatingConstructs: [{ constructPath: 'production/Data1/DatabaseParameters' }] }] },
          { summary: { pluginName: 'AwsSolutions' }, violations: [{ ruleName: 'AwsSolutions-VPC3', severity: 'warning', description: 'nacl', violatingConstructs: [{ constructPath: 'production/Network/Vpc/NetworkAcls/Public/Resource' }] }] },
        ],
      };
      fs.writeFileSync(path.join(dir, VALIDATION_REPORT_FILE), JSON.stringify(report));
      expect(readFindings(dir).map((f) => f.rule)).toEqual(['W3010', 'SaasBaseline-PostgresForceSsl', 'AwsSolutions-VPC3']);
      expect(readOpenFindings(dir).map((f) => f.rule)).toEqual(['SaasBaseline-PostgresForceSsl', 'AwsSolutions-VPC3']);
      expect(() => failOnOpenFindings(dir)).toThrow(/2 open compliance finding\(s\)[\s\S]*SaasBaseline-PostgresForceSsl[\s\S]*AwsSolutions-VPC3/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a finding reported per value (AwsSolutions-IAM5[...]) maps through its rule', () => {
    expect(controlsOfFinding({ rule: 'AwsSolutions-IAM5[Resource::*]' })).not.toEqual(['DEL-COMPLIANCE-PACKS']);
  });

  test('the report does not depend on the optional pipeline: acknowledgements outside the environment stages are left out', () => {
    const pipelineAck = { constructPath: 'Pipeline/Delivery/Pipeline/Synth/Role', rule: 'NIST.800.53.R5-IAMNoInlinePolicy', reason: '[DEL-STAGED-ROLLOUT] generated by CDK Pipelines' };
    const withPipeline = buildControlsReport(CATALOG, readTestTitles(__dirname), [...acknowledgements(), pipelineAck], templates, findings());
    expect(renderControlsJson(withPipeline)).toEqual(renderControlsJson(entries));
  });

  test('docs/controls.md is up to date (run `npm run report`)', () => {
    expect(fs.readFileSync(path.join(DOCS, 'controls.md'), 'utf8')).toEqual(md);
  });

  test('docs/controls.json is up to date (run `npm run report`)', () => {
    expect(fs.readFileSync(path.join(DOCS, 'controls.json'), 'utf8')).toEqual(renderControlsJson(entries));
  });
});
