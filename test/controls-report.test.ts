/**
 * The committed controls report (docs/controls.md and .json) must match the catalog, the tests and
 * the acknowledgements as they are now. When this fails, run `npm run docs` and commit the result.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CATALOG } from '../lib/controls/catalog';
import { readTestTitles } from '../lib/controls/coverage';
import { buildControlsReport, renderControlsJson, renderControlsMarkdown } from '../lib/report/controls-report';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { ENVIRONMENTS } from '../lib/config/environments';
import { loadEnvironments } from '../lib/config/load';
import { environmentTemplates } from '../lib/report/environment-templates';
import { acknowledgements } from './support/synth';

const DOCS = path.join(__dirname, '..', 'docs');

describe('controls report', () => {
  const envs = loadEnvironments(ENVIRONMENTS);
  const entries = buildControlsReport(
    CATALOG,
    readTestTitles(__dirname),
    acknowledgements(),
    environmentTemplates(new CloudAssembly(process.env.SSB_SYNTH_DIR!), envs),
  );

  test('names the enforcing resources of each enforced control per environment, by stack and logical ID', () => {
    const dbTls = entries.find((e) => e.id === 'DB-TLS')!;
    for (const env of ['staging', 'production']) expect(dbTls.environments[env]).toEqual(expect.arrayContaining([expect.stringMatching(/^Data1\/DatabaseParameters/)]));
    expect(dbTls.nagRules).toEqual(['SaasBaseline-PostgresForceSsl']);
  });

  test('marks the account-baseline controls inherited in an environment whose baseline is off', () => {
    const off = envs.map((e) => (e.name === 'staging' ? { ...e, accountBaseline: { ...e.accountBaseline, enabled: false } } : e));
    const report = buildControlsReport(CATALOG, [], [], environmentTemplates(new CloudAssembly(process.env.SSB_SYNTH_DIR!), off));
    const trail = report.find((e) => e.id === 'AUD-CLOUDTRAIL')!;
    expect(trail.environments.staging).toBe('inherited');
    expect(trail.environments.production).toEqual(expect.arrayContaining([expect.stringMatching(/^AccountBaseline\//)]));
  });

  test('lists every control of the catalog, organisational and customer ones with their reasons', () => {
    expect(entries.map((e) => e.id)).toEqual(CATALOG.map((c) => c.id));
    const md = renderControlsMarkdown(entries);
    for (const c of CATALOG) expect(md).toContain(`| ${c.id} |`);
    for (const c of CATALOG.filter((x) => x.kind !== 'enforced')) expect(c.reason && md.includes(c.reason.replace(/\|/g, '\\|').replace(/\n/g, ' '))).toBeTruthy();
  });

  test('docs/controls.md is up to date (run `npm run docs`)', () => {
    expect(fs.readFileSync(path.join(DOCS, 'controls.md'), 'utf8')).toEqual(renderControlsMarkdown(entries));
  });

  test('docs/controls.json is up to date (run `npm run docs`)', () => {
    expect(fs.readFileSync(path.join(DOCS, 'controls.json'), 'utf8')).toEqual(renderControlsJson(entries));
  });
});
