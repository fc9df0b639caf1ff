/**
 * The deployment suite: what must hold for ANY valid configuration, asserted on the templates a
 * configuration synthesizes. It names no account, domain, tenant or environment of its own: it
 * reads them from the configuration under test, so an adopter's configuration passes it with no
 * test edited. Run on the live configuration (live.test.ts) and on an adapted copy of the example
 * (adapted.test.ts).
 *
 * For every environment:
 * - each enforced control of the catalog is proven: its evidence selector (lib/controls/evidence.ts)
 *   finds the resources that carry it, each exists, and no pack reports a finding against it (or
 *   the environment inherits it from its organisation, or its configuration switches it off, with
 *   the reason);
 * - properties that hold for every resource of a kind, not only for some (encryption, TLS, the
 *   retain policy, public access, trust policies);
 * - no sample value of the shipped examples reaches a template of a configuration that is not an
 *   example.
 *
 * The summary reporter counts the controls proven here per environment (`controls: ...`).
 */
import { CATALOG } from '../../lib/controls/catalog';
import { conditionValue, deniesInsecureTransport, isTrue, statementsOf } from '../../lib/controls/diff-rules';
import { STATEFUL_RESOURCE_TYPES, isStateful } from '../../lib/aspects/retain-stateful';
import { exampleSampleValues } from '../../lib/config/deployment';
import { deployedDetectors, detectorsOf, missingDetectors } from '../../lib/controls/detectors';
import { CONTROL_TOWER_CACHE_DIR, checkControlTower } from '../../lib/nag/control-tower';
import { buildControlsReport, type ControlReportEntry } from '../../lib/report/controls-report';
import { environmentTemplates } from '../../lib/report/environment-templates';
import { readOpenFindings } from '../../lib/report/findings';
import type { DeploymentUnderTest } from '../support/deployment';

interface Resource {
  stack: string;
  logicalId: string;
  type: string;
  props: Record<string, any>;
  resource: Record<string, any>;
}

/** Title of a per-environment describe block; the summary reporter reads it. */
export const environmentTitle = (env: string) => `environment ${env}`;

/** Every resource of one environment's templates. */
function resourcesOf(d: DeploymentUnderTest, env: string): Resource[] {
  return d.assembly.getNestedAssembly(`assembly-${env}`).stacks.flatMap((s) =>
    Object.entries<any>(s.template.Resources ?? {}).map(([logicalId, resource]) => ({
      stack: s.hierarchicalId.split('/').pop()!,
      logicalId,
      type: resource.Type,
      props: resource.Properties ?? {},
      resource,
    })),
  );
}

/** Resources of some types; fails when there are none, so no check passes on an empty list. */
function ofType(resources: readonly Resource[], ...types: string[]): Resource[] {
  const found = resources.filter((r) => types.includes(r.type));
  expect({ types, found: found.length > 0 }).toEqual({ types, found: true });
  return found;
}

const where = (r: Resource) => `${r.stack}/${r.logicalId}`;

/** The account IDs a trust policy names (`arn:aws:iam::<id>:root`, plain IDs, joined ARNs). */
function trustedAccounts(principal: unknown): string[] {
  const text = JSON.stringify(principal ?? '');
  return [...text.matchAll(/\b(\d{12})\b/g)].map((m) => m[1]);
}

/** Registers the suite for one deployment under test. */
export function describeDeployment(label: string, load: () => DeploymentUnderTest): void {
  const d = load();
  describe(`${label} (${d.file.name})`, () => {
    test('the configuration validates (FND-ENV-SEPARATION and every other rule of lib/config)', () => {
      expect(d.configError ?? '').toBe('');
    });
    if (d.configError) return;

    // The AWS Control Tower rules add their findings to the assembly; the report reads them with
    // the packs'. A fresh synthesis needs them run; the shared fixture's ran in the global setup.
    let report: ControlReportEntry[] = [];
    beforeAll(async () => {
      if (d.app) await checkControlTower(d.app, d.assembly, d.acknowledgements, { cacheDir: CONTROL_TOWER_CACHE_DIR });
      report = buildControlsReport(CATALOG, [], d.acknowledgements, environmentTemplates(d.assembly, d.environments), readOpenFindings(d.assemblyDir));
    }, 180_000);

    test('every partially delivered control says in the report what it does not deliver, and every opt-out names its field and reason', () => {
      const partial = report.filter((c) => c.kind === 'enforced' && CATALOG.find((k) => k.id === c.id)?.status === 'partial');
      for (const c of partial) expect({ id: c.id, missing: (c.missing ?? '').length > 0 }).toEqual({ id: c.id, missing: true });
      for (const c of report) for (const what of Object.values(c.optOuts)) expect(what).toMatch(/^productionOptOuts\.[A-Za-z]+: ".{20,}"$/);
    });

    test('DEL-COMPLIANCE-PACKS: no open finding of any pack, nor of the AWS Control Tower rules, in any environment', () => {
      expect(readOpenFindings(d.assemblyDir).map((f) => `${f.pack} ${f.rule} at ${f.constructPath}`)).toEqual([]);
    });

    if (!d.file.example) {
      test('FND-NO-PLAINTEXT-SECRETS: no sample value of the shipped examples in any template', () => {
        const samples = exampleSampleValues();
        const found: string[] = [];
        const stacks = d.assembly.stacksRecursively;
        expect(stacks.length).toBeGreaterThan(0);
        for (const stack of stacks) {
          const text = JSON.stringify(stack.template);
          for (const value of [...samples.whole, ...samples.parts]) if (text.includes(value)) found.push(`${stack.hierarchicalId}: ${value}`);
        }
        expect(found).toEqual([]);
      });
    }

    for (const env of d.environments) {
      describe(environmentTitle(env.name), () => {
        const resources = resourcesOf(d, env.name);
        const enforced = CATALOG.filter((c) => c.kind === 'enforced').map((c) => c.id);
        expect(enforced.length).toBeGreaterThan(0);

        test.each(enforced.map((id) => [id]))('%s: enforced by its resources in the templates, with no open finding', (id) => {
          const control = report.find((c) => c.id === id)!;
          expect(control).toBeDefined();
          expect(control.findings.filter((f) => f.constructPath.startsWith(`${env.name}/`))).toEqual([]);
          const evidence = control.environments[env.name];
          if (evidence === undefined) {
            // Enforced outside the templates (config validation, CI): the configuration validated.
            expect(control.evidence).toMatch(/^evidence: config validation \/ test only: .+/);
          } else if (typeof evidence === 'string') {
            expect(evidence).toMatch(/^(inherited|not applicable: .+)$/);
          } else {
            expect(evidence.length).toBeGreaterThan(0);
            for (const ref of evidence) {
              const [stack, logicalId] = ref.split('/');
              expect({ ref, exists: resources.some((r) => r.stack === stack && r.logicalId === logicalId) }).toEqual({ ref, exists: true });
            }
          }
        });

        const watched = CATALOG.filter((c) => c.kind === 'enforced' && detectorsOf(c).length > 0);
        test.each(watched.map((c) => [c.id, c] as const))('%s: its detectors are deployed in the account (or inherited from the organisation)', (_id, control) => {
          const stacks = d.assembly.getNestedAssembly(`assembly-${env.name}`).stacks.map((s) => ({ id: s.hierarchicalId.split('/').pop()!, template: s.template }));
          expect(stacks.length).toBeGreaterThan(0);
          expect(missingDetectors(control, env, deployedDetectors(stacks))).toEqual([]);
        });

        test('FND-ENCRYPTION-AT-REST: every bucket, log group, database, topic, queue, vault and secret is encrypted', () => {
          const unencrypted = [
            ...ofType(resources, 'AWS::S3::Bucket').filter((r) => !r.props.BucketEncryption?.ServerSideEncryptionConfiguration?.length),
            ...ofType(resources, 'AWS::Logs::LogGroup').filter((r) => !r.props.KmsKeyId),
            ...ofType(resources, 'AWS::RDS::DBCluster').filter((r) => r.props.StorageEncrypted !== true || !r.props.KmsKeyId),
            ...ofType(resources, 'AWS::SNS::Topic').filter((r) => !r.props.KmsMasterKeyId),
            ...resources.filter((r) => r.type === 'AWS::SQS::Queue' && !r.props.KmsMasterKeyId && r.props.SqsManagedSseEnabled !== true),
            ...ofType(resources, 'AWS::Backup::BackupVault').filter((r) => !r.props.EncryptionKeyArn),
            ...resources.filter((r) => r.type === 'AWS::SecretsManager::Secret' && !r.props.KmsKeyId),
          ].map(where);
          expect(unencrypted).toEqual([]);
        });

        test('FND-TLS-IN-TRANSIT, FND-NO-PUBLIC-BUCKETS: every bucket refuses plain HTTP and blocks public access', () => {
          const policies = resources.filter((r) => r.type === 'AWS::S3::BucketPolicy');
          const bad = ofType(resources, 'AWS::S3::Bucket')
            .filter((b) => {
              const policy = policies.find((p) => p.props.Bucket?.Ref === b.logicalId);
              const block = b.props.PublicAccessBlockConfiguration ?? {};
              const blocked = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'].every((k) => block[k] === true);
              return !policy || !deniesInsecureTransport(policy.props.PolicyDocument) || !blocked;
            })
            .map(where);
          expect(bad).toEqual([]);
        });

        test('FND-STATEFUL-RETAIN: every stateful resource survives stack deletion and replacement', () => {
          const bad = ofType(resources, ...STATEFUL_RESOURCE_TYPES)
            .filter((r) => isStateful(r.type, r.props))
            .filter((r) => !['Retain', 'RetainExceptOnCreate', 'Snapshot'].includes(r.resource.DeletionPolicy) || !['Retain', 'Snapshot'].includes(r.resource.UpdateReplacePolicy))
            .map(where);
          expect(bad).toEqual([]);
        });

        if (env.tier === 'production') {
          test('FND-STATEFUL-RETAIN: every production stack has termination protection', () => {
            const stacks = d.assembly.getNestedAssembly(`assembly-${env.name}`).stacks;
            expect(stacks.length).toBeGreaterThan(0);
            expect(stacks.filter((s) => !s.terminationProtection).map((s) => s.hierarchicalId)).toEqual([]);
          });
        }

        test('LOG-ENCRYPTED-RETAINED: every log group has a retention period', () => {
          expect(ofType(resources, 'AWS::Logs::LogGroup').filter((r) => !(r.props.RetentionInDays > 0)).map(where)).toEqual([]);
        });

        test('DB-TLS: every database parameter group forces TLS', () => {
          const groups = ofType(resources, 'AWS::RDS::DBClusterParameterGroup').filter((r) => String(r.props.Family).startsWith('aurora-postgresql'));
          expect(groups.length).toBeGreaterThan(0);
          expect(groups.filter((g) => String(g.props.Parameters?.['rds.force_ssl']) !== '1').map(where)).toEqual([]);
        });

        test('DB-ENCRYPTION-AT-REST, TEN-DEDICATED-DATASTORE: one encrypted cluster per configured tenant', () => {
          expect(ofType(resources, 'AWS::RDS::DBCluster').length).toBe(env.data.tenants.length);
        });

        test('IAM-STAFF-ROLES, IAM-MFA-ROLES: roles that people assume trust only the configured principals, with MFA or through SAML', () => {
          const allowed = new Set([env.account, ...env.identity.trustedPrincipals.filter((p) => /^\d{12}$/.test(p))]);
          const saml = new Set(env.identity.trustedPrincipals.filter((p) => p.startsWith('arn:')));
          const human = ofType(resources, 'AWS::IAM::Role').flatMap((r) =>
            statementsOf(r.props.AssumeRolePolicyDocument)
              .filter((s: any) => s.Effect === 'Allow' && s.Principal && (s.Principal === '*' || s.Principal.AWS !== undefined || s.Principal.Federated !== undefined))
              .map((s: any) => ({ r, s })),
          );
          expect(human.length).toBeGreaterThan(0);
          const bad = human
            .filter(({ s }) => {
              if (s.Principal === '*' || s.Principal.AWS === '*') return true;
              if (s.Principal.Federated !== undefined) return !saml.has(String(s.Principal.Federated)) && !JSON.stringify(s.Principal.Federated).includes('saml-provider');
              const accounts = trustedAccounts(s.Principal.AWS);
              const mfa = isTrue(conditionValue(s, 'aws:MultiFactorAuthPresent'));
              // The environment's own account may switch in too (the CDK roles' pattern), never without MFA.
              return accounts.length === 0 || accounts.some((a) => !allowed.has(a)) || !mfa;
            })
            .map(({ r, s }) => `${where(r)}: ${JSON.stringify(s.Principal)}`);
          expect(bad).toEqual([]);
        });

        test('FND-DATA-RESIDENCY: every stack deploys to an allowed region (or us-east-1 for the global-event forwarder, which holds no data)', () => {
          const stacks = d.assembly.getNestedAssembly(`assembly-${env.name}`).stacks;
          expect(stacks.length).toBeGreaterThan(0);
          const outside = stacks
            .filter((s) => !env.allowedRegions.includes(s.environment.region) && !(s.environment.region === 'us-east-1' && /GlobalEvents$/.test(s.hierarchicalId)))
            .map((s) => `${s.hierarchicalId}: ${s.environment.region}`);
          expect(outside).toEqual([]);
          expect(stacks.every((s) => s.environment.account === env.account)).toBe(true);
        });

        test('NET-NO-ADMIN-PORTS, EDGE-INTERNET-EXPOSURE: only the load balancer admits the internet, on 443 and 80', () => {
          const open = resources
            .flatMap((r) => {
              if (r.type === 'AWS::EC2::SecurityGroup') return (r.props.SecurityGroupIngress ?? []).map((i: any) => ({ r, i }));
              if (r.type === 'AWS::EC2::SecurityGroupIngress') return [{ r, i: r.props }];
              return [];
            })
            .filter(({ i }) => i.CidrIp === '0.0.0.0/0' || i.CidrIpv6 === '::/0');
          expect(open.length).toBeGreaterThan(0);
          const bad = open.filter(({ i }) => !(i.FromPort === i.ToPort && [80, 443].includes(i.FromPort))).map(({ r, i }) => `${where(r)}: ${i.FromPort}-${i.ToPort}`);
          expect(bad).toEqual([]);
        });

        test('EDGE-HTTPS-ONLY, EDGE-TLS-POLICY: every listener serves TLS 1.2+ or only redirects to HTTPS', () => {
          const bad = ofType(resources, 'AWS::ElasticLoadBalancingV2::Listener')
            .filter((l) => {
              if (l.props.Protocol === 'HTTPS') return !/^ELBSecurityPolicy-TLS13-1-2/.test(String(l.props.SslPolicy));
              return !(l.props.DefaultActions ?? []).every((a: any) => a.Type === 'redirect' && a.RedirectConfig?.Protocol === 'HTTPS');
            })
            .map(where);
          expect(bad).toEqual([]);
        });
      });
    }
  });
}
