/**
 * npm run evidence [-- --since 2026-11-01] [--out evidence] [--env production]
 *
 * Collects live evidence per control and environment of the live configuration, with the
 * credentials in the environment (the security-auditor role of each account), read-only.
 * Writes <out>/evidence.md and <out>/evidence.json; exits 1 when a control fails, 2 on an error
 * or when an environment could not be read at all (credentials of another account, none).
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadDeployment, readConfigFile, resolveConfigFile } from '../lib/config/deployment';
import { CATALOG } from '../lib/controls/catalog';
import { clientsFor } from '../lib/evidence/aws';
import { collectEvidence } from '../lib/evidence/collect';
import { renderEvidenceJson, renderEvidenceMarkdown, summaryLines } from '../lib/evidence/render';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const USAGE = `Usage: npm run evidence -- [--since 2026-11-01] [--env production] [--out evidence] [--config config/deployment.yaml]

Reads, read-only, what watches each enforced control in the running account of every environment
(or only --env) and writes <out>/evidence.md and <out>/evidence.json. Run it with each account's
security-auditor role (the credentials in the environment).

  --since   start of the period (default: 30 days ago): AWS Config compliance timeline per rule,
            restore tests, Backup Audit Manager reports; the timeline is cut to AWS Config's retention
  --env     only this environment of the configuration
  --out     output directory (default: evidence)
  --config  configuration file (default: config/deployment.yaml, else the shipped example)

Exit status: 0 every control operating or not observable with its reason, 1 a control failing,
2 an error or an environment that could not be read (credentials of another account, none).`;

async function main(): Promise<number> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const sinceText = arg('since');
  const since = sinceText ? new Date(sinceText) : new Date(Date.now() - 30 * 86_400_000);
  if (Number.isNaN(since.getTime())) {
    console.error(`--since: got "${sinceText}", expected a date (2026-11-01)`);
    return 2;
  }
  const only = arg('env');
  const deployment = loadDeployment(readConfigFile(resolveConfigFile(arg('config'))), { only: only ? [only] : [] });
  const report = await collectEvidence(deployment.environments, CATALOG, { since, clientsFor: (env) => clientsFor(env.region) });
  const out = path.resolve(arg('out') ?? 'evidence');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'evidence.md'), renderEvidenceMarkdown(report));
  fs.writeFileSync(path.join(out, 'evidence.json'), renderEvidenceJson(report));
  for (const line of summaryLines(report)) console.log(line);
  console.log(`written: ${path.join(out, 'evidence.md')}, ${path.join(out, 'evidence.json')}`);
  if (report.summary.failing > 0) return 1;
  // Nothing read from an environment (wrong or missing credentials) is not a pass.
  return report.environments.some((e) => e.problems.length > 0) ? 2 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`evidence: ${(e as Error).message}`);
    process.exit(2);
  },
);
