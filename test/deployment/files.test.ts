/**
 * The configuration files: which are upstream's and which the adopter's, what an example may hold
 * and an adopter's file may not, and how a broken file is reported.
 */
import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';
import { DEPLOYMENT_CONFIG, EXAMPLE_CONFIGS, REPO_ROOT, loadDeployment, parseConfigText, readConfigFile, resolveConfigFile } from '../../lib/config/deployment';
import { adopterCopyOf } from '../../lib/config/init-config';
import { CONFIG_JSON_SCHEMA_FILE, configJsonSchema } from '../../lib/config/json-schema';
import { ConfigError } from '../../lib/config/load';
import { FIXTURE_FILE } from '../support/fixture';
import { allStacks, templateJson } from '../support/synth';
import { accountsOnly, adapted, asAdopterFile, exampleRaw } from './adapt';

/** The problems of a configuration that must fail. */
function problemsOf(load: () => unknown): readonly string[] {
  try {
    load();
  } catch (e) {
    if (e instanceof ConfigError) return e.issues;
    throw e;
  }
  throw new Error('expected the configuration to fail');
}

describe('configuration files', () => {
  test('upstream ships the examples and never the adopter\'s config/deployment.yaml (so pulling upstream never conflicts with it)', () => {
    for (const file of EXAMPLE_CONFIGS) expect(fs.existsSync(path.join(REPO_ROOT, file))).toBe(true);
    const gitignore = fs.readFileSync(path.join(REPO_ROOT, '.gitignore'), 'utf8');
    // Not ignored either: the adopter commits it in their repository.
    expect(gitignore).not.toMatch(/deployment\.yaml/);
  });

  test('without config/deployment.yaml a synth reads the example; -c config=<file> reads another', () => {
    const own = fs.existsSync(path.join(REPO_ROOT, DEPLOYMENT_CONFIG));
    expect(resolveConfigFile()).toBe(path.join(REPO_ROOT, own ? DEPLOYMENT_CONFIG : EXAMPLE_CONFIGS[0]));
    expect(resolveConfigFile('config/sandbox.example.yaml')).toBe(path.join(REPO_ROOT, 'config/sandbox.example.yaml'));
  });

  test.each(EXAMPLE_CONFIGS.map((f) => [f]))('%s validates, sample values allowed in an example', (file) => {
    const deployment = loadDeployment(readConfigFile(path.join(REPO_ROOT, file)));
    expect(deployment.file.example).toBe(true);
    expect(deployment.environments.length).toBeGreaterThan(0);
  });

  test('the reference fixture of the code tests has the example\'s environments, so the committed report describes the example', () => {
    const example = readConfigFile(path.join(REPO_ROOT, EXAMPLE_CONFIGS[0])).raw as any;
    const fixture = readConfigFile(FIXTURE_FILE).raw as any;
    expect(fixture.environments).toEqual(example.environments);
  });

  test('npm run init-config makes an adopter\'s copy: no upstream banner, and refused until its sample values are replaced', () => {
    for (const source of EXAMPLE_CONFIGS) {
      const text = adopterCopyOf(fs.readFileSync(path.join(REPO_ROOT, source), 'utf8'), source);
      expect(text).not.toMatch(/do not edit/i);
      expect(text).toMatch(/It is yours/);
      const problems = problemsOf(() => loadDeployment({ name: DEPLOYMENT_CONFIG, example: false, raw: parseConfigText(text, DEPLOYMENT_CONFIG) }));
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.every((p) => /a sample value/.test(p))).toBe(true);
    }
  });

  test('FND-ENV-SEPARATION: an adaptation that replaces only the account IDs is refused, one line per sample value left', () => {
    const problems = problemsOf(() => loadDeployment(asAdopterFile(accountsOnly())));
    expect(problems).toContain('staging.identity.trustedPrincipals[0]: got "999999999999", a sample value of config/example.yaml / config/sandbox.example.yaml: replace it with your own');
    expect(problems).toContainEqual(expect.stringMatching(/^production\.edge\.certificateArn: got ".*", a sample value/));
    expect(problems).toContainEqual(expect.stringMatching(/^production\.network\.clientVpn\.samlProviderArn: got ".*", a sample value/));
    expect(problems).toContainEqual(expect.stringMatching(/^production\.signIn\.identityProviders\[0\]\.clientId: got ".*", a sample value/));
    expect(problems).toContainEqual(expect.stringMatching(/^production\.alerts\.emails\[0\]: got "security-oncall@example\.com", a sample value/));
    expect(problems).toContainEqual(expect.stringMatching(/^staging\.edge\.domainName: got "staging\.app\.example\.com", a sample value/));
    // The replaced accounts are not reported; each problem names one field, once.
    expect(problems.filter((p) => /^(staging|production)\.account:/.test(p))).toEqual([]);
    expect(new Set(problems).size).toBe(problems.length);
  });

  test('FND-ENV-SEPARATION: a domain reserved for documentation is a sample value even where no example holds it', () => {
    const raw = adapted();
    raw.environments.staging.alerts.emails = ['ops@example.org'];
    expect(problemsOf(() => loadDeployment(asAdopterFile(raw)))).toEqual([
      'staging.alerts.emails[0]: got "ops@example.org", a sample value ("example.org") of config/example.yaml / config/sandbox.example.yaml: replace it with your own',
    ]);
  });

  test('a complete adaptation validates with sample values refused', () => {
    const deployment = loadDeployment(asAdopterFile(adapted()));
    expect(deployment.file.example).toBe(false);
    expect(deployment.environments.map((e) => e.name)).toEqual(['staging', 'production', 'dev']);
  });

  test('a broken file names the file and line; an unknown top-level field and an unquoted account ID say what to do', () => {
    expect(problemsOf(() => parseConfigText('environments:\n  staging: {\n', 'config/deployment.yaml'))[0]).toMatch(/^config\/deployment\.yaml:\d+:\d+: /);
    const raw = adapted();
    raw.environmnets = {};
    raw.environments.staging.account = 123456789012;
    expect(problemsOf(() => loadDeployment(asAdopterFile(raw)))).toEqual([
      'environmnets: got an unknown top-level field, expected environments, pipeline or x-<name> (a YAML anchor block)',
      'staging.account: got 123456789012, expected the account ID in quotes (YAML reads an unquoted one as a number and drops leading zeros)',
    ]);
  });

  test('YAML anchors are copied, not shared: changing one environment\'s tenants leaves the other\'s alone', () => {
    const raw = exampleRaw();
    raw.environments.staging.data.tenants.push({ id: 'extra', displayName: 'Extra' });
    expect(raw.environments.production.data.tenants.map((t: any) => t.id)).toEqual(['acme', 'globex']);
  });

  test(`${CONFIG_JSON_SCHEMA_FILE}, which editors check the YAML against, is up to date (run \`npm run docs\`)`, () => {
    expect(fs.readFileSync(path.join(REPO_ROOT, CONFIG_JSON_SCHEMA_FILE), 'utf8')).toBe(configJsonSchema());
  });
});

describe('FND-NO-PLAINTEXT-SECRETS: no endpoint credential in templates, logical IDs, snapshots or reports', () => {
  // The shape of a paging integration URL: a key in its path or query. The configuration cannot
  // hold one (alerts.httpsEndpoint is refused); this proves none reaches an output either.
  const CREDENTIAL_URL = /https:\/\/[^"\s]*(integration|hooks|webhook|apikey|api_key|token)[^"\s]*/i;

  test('no template holds an endpoint URL; HTTPS subscriptions read theirs from Secrets Manager', () => {
    const stacks = allStacks();
    expect(stacks.length).toBeGreaterThan(0);
    let https = 0;
    for (const s of stacks) {
      const template = templateJson(s.env, s.stackId);
      expect({ stack: s.templateFile, url: JSON.stringify(template).match(CREDENTIAL_URL)?.[0] ?? null }).toEqual({ stack: s.templateFile, url: null });
      for (const [logicalId, r] of Object.entries<any>(template.Resources)) {
        if (r.Type !== 'AWS::SNS::Subscription' || r.Properties.Protocol !== 'https') continue;
        https++;
        expect({ logicalId, endpoint: r.Properties.Endpoint }).toEqual({ logicalId, endpoint: expect.stringMatching(/^\{\{resolve:secretsmanager:[^}]+\}\}$/) });
      }
    }
    expect(https).toBeGreaterThan(0);
  });

  test('no committed snapshot, report or doc holds one', () => {
    const files = [
      path.join(REPO_ROOT, 'test', '__snapshots__', 'snapshot.test.ts.snap'),
      path.join(REPO_ROOT, 'docs', 'controls.md'),
      path.join(REPO_ROOT, 'docs', 'controls.json'),
      ...EXAMPLE_CONFIGS.map((f) => path.join(REPO_ROOT, f)),
    ];
    for (const file of files) expect({ file, url: fs.readFileSync(file, 'utf8').match(CREDENTIAL_URL)?.[0] ?? null }).toEqual({ file, url: null });
  });

  test('an adopter\'s file written with YAML round-trips (the adaptation helper writes what an adopter would)', () => {
    expect(parseConfigText(stringify(adapted()), 'x.yaml')).toEqual(adapted());
  });
});

describe('FND-STATEFUL-RETAIN: the teardown plan lists what a cdk destroy leaves, keys last', () => {
  test('every retained stateful resource of an environment, in deletion order', () => {
    const { teardownPlan } = jest.requireActual('../../lib/report/teardown-plan') as typeof import('../../lib/report/teardown-plan');
    const stacks = allStacks().filter((s) => s.env === 'production').map((s) => ({ id: s.stackId, template: templateJson(s.env, s.stackId) }));
    const plan = teardownPlan(stacks);
    const retained = stacks.flatMap((s) => Object.values<any>(s.template.Resources).filter((r) => ['Retain', 'RetainExceptOnCreate', 'Snapshot'].includes(r.DeletionPolicy)));
    expect(plan.length).toBeGreaterThan(0);
    expect(plan).toHaveLength(retained.length);
    expect(plan[0].type).toBe('AWS::Cognito::UserPool');
    expect(plan[plan.length - 1].type).toBe('AWS::KMS::Key');
  });
});

describe('FND-ENV-SEPARATION: placeholders a find-and-replace of the sample accounts leaves behind', () => {
  test('a certificate UUID of one repeated digit and the example\'s secret name are refused even in your own account', () => {
    const raw = adapted();
    raw.environments.staging.edge.certificateArn = 'arn:aws:acm:ap-southeast-1:123456789012:certificate/11111111-1111-4111-8111-123456789012';
    raw.environments.production.edge.certificateArn = 'arn:aws:acm:ap-southeast-1:210987654321:certificate/22222222-2222-4222-8222-222222222222';
    raw.environments.production.signIn.identityProviders[0].clientSecretArn = 'arn:aws:secretsmanager:ap-southeast-1:210987654321:secret:signin/google-client-secret-AbCdEf';
    const problems = problemsOf(() => loadDeployment(asAdopterFile(raw)));
    expect(problems).toEqual([
      expect.stringMatching(/^production\.edge\.certificateArn: got ".*", a sample value \("22222222-2222-4222-8222-222222222222"\)/),
      expect.stringMatching(/^production\.signIn\.identityProviders\[0\]\.clientSecretArn: got ".*", a sample value \("secret:signin\/google-client-secret-AbCdEf"\)/),
    ]);
  });
});
