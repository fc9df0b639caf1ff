/**
 * What each control claims, read against what the templates and the configuration rules hold
 * (issue #14). A control whose seed sentences promise more than the templates deliver is
 * `partial`, and its `missing` text names the gap these tests find in the templates; a control
 * that keeps its promise says so only where the templates show it. Each test reads the real
 * synthesized fixture, so a change that closes a gap fails here until the catalog says so too.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CATALOG } from '../lib/controls/catalog';
import type { Control } from '../lib/controls/types';
import { statementsOf } from '../lib/controls/diff-rules';
import { loadEnvironments } from '../lib/config/load';
import { BACKUP_TAG, TENANT_TAG_KEY } from '../lib/constants/tags';
import { ENVIRONMENTS } from './support/fixture';
import { issuesOf, withChange } from './support/config-cases';
import { allResources, allStacks } from './support/synth';

const REPO = path.join(__dirname, '..');
const resources = allResources();

function control(id: string): Control {
  const c = CATALOG.find((x) => x.id === id);
  if (!c) throw new Error(`no control ${id}`);
  return c;
}

/** Resources of some types in one environment (or all); fails on none, so no check passes on an empty list. */
function ofType(env: string | undefined, ...types: string[]) {
  const found = resources.filter((r) => types.includes(r.type) && (env === undefined || r.env === env));
  expect({ types, env, found: found.length > 0 }).toEqual({ types, env, found: true });
  return found;
}

const tagOf = (r: { props: any }, key: string): unknown => (Array.isArray(r.props.Tags) ? r.props.Tags.find((t: any) => t.Key === key)?.Value : r.props.Tags?.[key]);
const text = (v: unknown) => JSON.stringify(v ?? '');

describe('controls claim no more than the templates deliver', () => {
  test('NET-OPERATOR-ACCESS: no staff role or policy binds AWS API calls to a network and production does not require the Client VPN, so the VPN promise is declared missing with its remainder', () => {
    const identity = resources.filter((r) => r.stackId === 'Identity' && ['AWS::IAM::Role', 'AWS::IAM::ManagedPolicy'].includes(r.type));
    expect(identity.length).toBeGreaterThan(4);
    expect(identity.filter((r) => /aws:Source(Ip|Vpc|Vpce)\b/.test(text(r.props))).map((r) => r.logicalId)).toEqual([]);
    // The Client VPN is optional in production: the fixture's production validates without it.
    const table = withChange('production', (e) => delete e.network.clientVpn);
    expect(loadEnvironments(table, ['production'])[0].network.clientVpn).toBeUndefined();
    const c = control('NET-OPERATOR-ACCESS');
    expect([c.status, c.missing]).toEqual(['partial', expect.stringMatching(/dedicated VPN.*aws:SourceIp.*not required in production.*ORG-PRODUCTION-CHANGE-PATH/s)]);
  });

  test('NET-NO-ADMIN-PORTS: cites no VPN sentence, because closing ports 22 and 3389 does not route changes through a VPN', () => {
    expect(control('NET-NO-ADMIN-PORTS').sources.map((s) => s.quote).filter((q) => /VPN/.test(q))).toEqual([]);
  });

  test('FND-TLS-IN-TRANSIT: the load balancer reaches the tasks over plain HTTP, and the control declares that hop missing', () => {
    const plain = ofType(undefined, 'AWS::ElasticLoadBalancingV2::TargetGroup').filter((r) => r.props.Protocol !== 'HTTPS');
    const c = control('FND-TLS-IN-TRANSIT');
    if (plain.length === 0) {
      expect(c.status).toBe('implemented');
    } else {
      expect(c.statement).toMatch(/plain HTTP/);
      expect([c.status, c.missing]).toEqual(['partial', expect.stringMatching(/load balancer to the tasks.*HTTP/s)]);
    }
  });

  test('EDGE-HTTPS-ONLY: every listener serves HTTPS or only redirects to it, and the control claims the client side only', () => {
    for (const l of ofType(undefined, 'AWS::ElasticLoadBalancingV2::Listener')) {
      const redirectsOnly = (l.props.DefaultActions ?? []).every((a: any) => a.Type === 'redirect' && a.RedirectConfig?.Protocol === 'HTTPS');
      expect({ listener: l.logicalId, https: l.props.Protocol === 'HTTPS' || redirectsOnly }).toEqual({ listener: l.logicalId, https: true });
    }
    const c = control('EDGE-HTTPS-ONLY');
    expect(c.statement).toMatch(/^Clients reach the service only over HTTPS/);
    expect(c.sources.map((s) => s.quote).filter((q) => /all incoming and outgoing|All customer data is encrypted in transit/.test(q))).toEqual([]);
  });

  test('EDGE-TLS-POLICY: the listener policy admits TLS 1.3, whose AES-128-GCM suite no predefined policy leaves out, and PostgreSQL sets no cipher list, so "256-bit" is declared missing', () => {
    const https = ofType(undefined, 'AWS::ElasticLoadBalancingV2::Listener').filter((l) => l.props.Protocol === 'HTTPS');
    expect(https.length).toBeGreaterThan(0);
    for (const l of https) expect(l.props.SslPolicy).toMatch(/^ELBSecurityPolicy-TLS13-/);
    const groups = ofType(undefined, 'AWS::RDS::DBClusterParameterGroup');
    for (const g of groups) expect({ group: g.logicalId, ciphers: g.props.Parameters?.ssl_ciphers }).toEqual({ group: g.logicalId, ciphers: undefined });
    const c = control('EDGE-TLS-POLICY');
    expect([c.status, c.missing]).toEqual(['partial', expect.stringMatching(/"256-bit encryption" \(003\).*AES-128-GCM.*PostgreSQL/s)]);
  });

  test('DB-AUDIT-LOGGING: every production database records reads with pgaudit; production refuses data.auditReads false, staging may turn it off', () => {
    const production = ofType('production', 'AWS::RDS::DBClusterParameterGroup').filter((g) => g.props.Parameters?.['pgaudit.log'] !== undefined);
    expect(production.length).toBeGreaterThan(0);
    for (const g of production) expect(String(g.props.Parameters['pgaudit.log']).split(',')).toEqual(expect.arrayContaining(['ddl', 'role', 'write', 'read']));
    expect(issuesOf(withChange('production', (e) => (e.data.auditReads = false)))).toEqual([
      'production.data.auditReads: got false, production records reads of customer data too (002 "any access to customer\'s data is logged", DB-AUDIT-LOGGING): set it to true or leave it out',
    ]);
    expect(loadEnvironments(withChange('staging', (e) => (e.data.auditReads = false)), ['staging'])[0].data.auditReads).toBe(false);
    expect(loadEnvironments(withChange('staging', (e) => delete e.data.auditReads), ['staging'])[0].data.auditReads).toBe(true);
    expect(control('DB-AUDIT-LOGGING').status).toBe('implemented');
  });

  test('BAK-SELECTIONS: every data store of the templates is either selected by the backup tag or named as not backed up (the Cognito user pool)', () => {
    const selected = (r: { props: any }) => tagOf(r, BACKUP_TAG.key) === BACKUP_TAG.value;
    // Stores AWS Backup cannot select, with the words the control's missing text must use for each.
    const unsupported: Record<string, RegExp> = { 'AWS::Cognito::UserPool': /Cognito user pool/ };
    expect(ofType(undefined, 'AWS::RDS::DBCluster').filter((r) => !selected(r)).map((r) => r.logicalId)).toEqual([]);
    expect(ofType(undefined, 'AWS::S3::Bucket').filter((r) => tagOf(r, TENANT_TAG_KEY) !== undefined && !selected(r)).map((r) => r.logicalId)).toEqual([]);
    const c = control('BAK-SELECTIONS');
    const gaps = ofType(undefined, ...Object.keys(unsupported)).filter((r) => !selected(r));
    expect(gaps.length).toBeGreaterThan(0);
    expect(c.status).toBe('partial');
    for (const r of gaps) expect({ store: `${r.env}/${r.logicalId}`, declared: unsupported[r.type].test(c.missing ?? '') }).toEqual({ store: `${r.env}/${r.logicalId}`, declared: true });
    // No backup selection names a user pool: the gap is real, not a stale sentence.
    for (const s of ofType(undefined, 'AWS::Backup::BackupSelection')) expect(text(s.props)).not.toMatch(/cognito/i);
  });

  test('DB-PITR-RETENTION: only physical backups exist (no scheduled job or task besides the workload that could take a logical export), and the logical backups are declared missing', () => {
    expect(resources.filter((r) => ['AWS::Scheduler::Schedule', 'AWS::CodeBuild::Project', 'AWS::Glue::Job', 'AWS::DMS::ReplicationTask'].includes(r.type))).toEqual([]);
    expect(ofType(undefined, 'AWS::ECS::TaskDefinition').map((r) => r.stackId)).toEqual(expect.arrayContaining(['Workload']));
    expect(ofType(undefined, 'AWS::ECS::TaskDefinition').filter((r) => r.stackId !== 'Workload')).toEqual([]);
    const c = control('DB-PITR-RETENTION');
    expect([c.status, c.missing]).toEqual(['partial', expect.stringMatching(/"logical ... backups" \(000\).*physical/s)]);
    expect(control('BAK-PITR').sources.map((s) => s.quote).filter((q) => /logical/.test(q))).toEqual([]);
  });

  test('AUD-CLOUDTRAIL: no enforced control claims the in-product audit log of every user action; ORG-IN-PRODUCT-AUDIT-LOG does, and the trail bucket admits only AWS services', () => {
    const quote = 'Audit logs to allow you to view the details of every user action';
    expect(CATALOG.filter((c) => c.sources.some((s) => s.quote === quote)).map((c) => `${c.id} ${c.kind}`)).toEqual(['ORG-IN-PRODUCT-AUDIT-LOG organisational']);
    for (const id of ['AUD-CLOUDTRAIL', 'SIGNIN-AUTH-LOGGING']) expect(control(id).statement).toMatch(/not (shown|visible) to customers|customers do not see it/);
    const trails = ofType(undefined, 'AWS::CloudTrail::Trail');
    const trailBuckets = new Set(trails.map((t) => t.props.S3BucketName?.Ref).filter(Boolean));
    const policies = ofType(undefined, 'AWS::S3::BucketPolicy').filter((p) => trailBuckets.has(p.props.Bucket?.Ref));
    expect(policies.length).toBeGreaterThan(0);
    for (const p of policies) {
      for (const st of statementsOf(p.props.PolicyDocument).filter((s) => s.Effect === 'Allow')) expect(Object.keys(st.Principal ?? {})).toEqual(['Service']);
    }
  });

  test('DEL-STAGED-ROLLOUT: the fixture synthesizes no pipeline and the operator role may assume the CDK deploy role, so a forced path through staging is declared missing', () => {
    expect(allStacks().filter((s) => /Pipeline/.test(s.stackId))).toEqual([]);
    const deploy = ofType(undefined, 'AWS::IAM::ManagedPolicy').filter((p) => statementsOf(p.props.PolicyDocument).some((st) => st.Effect === 'Allow' && text(st.Action).includes('sts:AssumeRole') && /cdk-.*-deploy-role-/.test(text(st.Resource))));
    expect(deploy.length).toBeGreaterThan(0);
    const c = control('DEL-STAGED-ROLLOUT');
    expect([c.status, c.missing]).toEqual(['partial', expect.stringMatching(/operator role may deploy to production directly.*ORG-PRODUCTION-CHANGE-PATH/s)]);
  });

  test('IAM-CUSTOMER-DATA-RESTRICTED: below administrator, log reads are denied only on the database log groups and the execution role is not in the templates, and the control names both', () => {
    const policies = ofType(undefined, 'AWS::IAM::ManagedPolicy');
    const logDenies = policies.flatMap((p) => statementsOf(p.props.PolicyDocument).filter((st) => st.Effect === 'Deny' && text(st.Action).includes('logs:GetLogEvents')));
    expect(logDenies.length).toBeGreaterThan(0);
    for (const st of logDenies) expect(text(st.Resource)).toMatch(/log-group:\/aws\/rds\/\*/);
    const reads = policies.flatMap((p) => statementsOf(p.props.PolicyDocument).filter((st) => st.Effect === 'Allow' && text(st.Action).includes('logs:GetLogEvents')));
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.some((st) => [st.Resource].flat().includes('*'))).toBe(true);
    expect(resources.filter((r) => r.type === 'AWS::IAM::Role' && /cfn-exec-role/.test(text(r.props.RoleName)))).toEqual([]);
    const c = control('IAM-CUSTOMER-DATA-RESTRICTED');
    expect([c.status, c.missing]).toEqual(['partial', expect.stringMatching(/AdministratorAccess.*bootstrap.*every log group but the database ones/s)]);
  });

  test('LOG-NO-CLIENT-CONTENT: pgaudit writes statement text and the load balancer logs full URLs to its bucket, and the control names both as not kept', () => {
    const audited = ofType(undefined, 'AWS::RDS::DBClusterParameterGroup').filter((g) => g.props.Parameters?.['pgaudit.log'] !== undefined);
    expect(audited.length).toBeGreaterThan(0);
    for (const g of audited) expect(String(g.props.Parameters['pgaudit.log_parameter'])).toBe('0');
    const logged = ofType(undefined, 'AWS::ElasticLoadBalancingV2::LoadBalancer').filter((lb) => (lb.props.LoadBalancerAttributes ?? []).some((a: any) => a.Key === 'access_logs.s3.enabled' && a.Value === 'true'));
    expect(logged.length).toBeGreaterThan(0);
    // Those objects are readable only above the staff roles that are denied every object read.
    const objectDenies = ofType(undefined, 'AWS::IAM::ManagedPolicy').flatMap((p) => statementsOf(p.props.PolicyDocument).filter((st) => st.Effect === 'Deny' && text(st.Action).includes('"s3:GetObject"') && [st.Resource].flat().includes('*')));
    expect(objectDenies.length).toBeGreaterThan(0);
    const c = control('LOG-NO-CLIENT-CONTENT');
    expect(c.statement).toMatch(/^Security logs/);
    expect(c.statement).toMatch(/database.*WAF/s);
    expect([c.status, c.missing]).toEqual(['partial', expect.stringMatching(/pgaudit.*literal.*access logs.*query string/s)]);
  });

  test('DEL-PR-CONTROLS-DIFF: the pull-request workflow runs the diff, but no file makes a person review, so review is declared missing with its remainder', () => {
    expect(fs.readFileSync(path.join(REPO, '.github/workflows/ci.yml'), 'utf8')).toMatch(/controls-diff/);
    expect(['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'].filter((f) => fs.existsSync(path.join(REPO, f)))).toEqual([]);
    const c = control('DEL-PR-CONTROLS-DIFF');
    expect([c.status, c.missing]).toEqual(['partial', expect.stringMatching(/pair programming.*ORG-REPOSITORY-SETTINGS/s)]);
  });

  test('DEL-DEPENDENCY-MONITORING: dependabot.yml schedules version updates only, so advisory alerts are declared missing with their remainder', () => {
    const file = fs.readFileSync(path.join(REPO, '.github/dependabot.yml'), 'utf8');
    expect(file).toMatch(/^updates:/m);
    expect(file).toMatch(/schedule:/);
    const c = control('DEL-DEPENDENCY-MONITORING');
    expect([c.status, c.missing]).toEqual(['partial', expect.stringMatching(/version updates only.*alerts.*ORG-REPOSITORY-SETTINGS/s)]);
  });

  test('WL-MANAGED-COMPUTE: the task runs the configured image and no template scans or rebuilds it, so its patching is declared missing with its remainder', () => {
    const configs = loadEnvironments(ENVIRONMENTS);
    for (const td of ofType(undefined, 'AWS::ECS::TaskDefinition')) {
      const image = configs.find((c) => c.name === td.env)!.workload.containerImage;
      expect(td.props.ContainerDefinitions.map((d: any) => d.Image)).toContain(image);
    }
    expect(resources.filter((r) => ['AWS::ECR::Repository', 'AWS::CodeBuild::Project', 'AWS::Inspector::AssessmentTemplate', 'AWS::ImageBuilder::ImagePipeline'].includes(r.type))).toEqual([]);
    const c = control('WL-MANAGED-COMPUTE');
    expect([c.status, c.missing]).toEqual(['partial', expect.stringMatching(/container image.*ORG-APP-IMAGE-PATCHING/s)]);
  });

  test('ORG-TENANT-DATA-DELETION: the vault key, not a tenant key, encrypts S3 recovery points and tenant clusters leave a final snapshot, and the reason says both', () => {
    const tenantKeys = new Set(ofType(undefined, 'AWS::KMS::Key').filter((k) => tagOf(k, TENANT_TAG_KEY) !== undefined).map((k) => `${k.env}/${k.stackId}/${k.logicalId}`));
    for (const v of ofType(undefined, 'AWS::Backup::BackupVault')) expect(tenantKeys.has(`${v.env}/${v.stackId}/${v.props.EncryptionKeyArn?.['Fn::GetAtt']?.[0]}`)).toBe(false);
    for (const db of ofType(undefined, 'AWS::RDS::DBCluster').filter((r) => tagOf(r, TENANT_TAG_KEY) !== undefined)) {
      expect(db.resource.DeletionPolicy).toBe('Snapshot');
      expect(tenantKeys.has(`${db.env}/${db.stackId}/${db.props.KmsKeyId?.['Fn::GetAtt']?.[0]}`)).toBe(true);
    }
    expect(control('ORG-TENANT-DATA-DELETION').reason).toMatch(/not the S3 recovery points.*vault's key.*final snapshot.*never rotated out/s);
  });

  test('BAK-VAULT-ENCRYPTED: tenant clusters are encrypted with their tenant key, so their recovery points are too, and the statement says which key encrypts which', () => {
    for (const db of ofType(undefined, 'AWS::RDS::DBCluster')) expect(db.props.KmsKeyId?.['Fn::GetAtt']?.[0]).toMatch(/Key/);
    expect(control('BAK-VAULT-ENCRYPTED').statement).toMatch(/S3 recovery points under the vault's own key, Aurora recovery points .* under the tenant database's key/);
  });

  test('SIGNIN-PASSWORDLESS: the user pool has no custom authentication trigger, so no magic link exists, and the control says so', () => {
    for (const pool of ofType(undefined, 'AWS::Cognito::UserPool')) {
      expect(pool.props.LambdaConfig?.CreateAuthChallenge).toBeUndefined();
      expect(pool.props.Policies?.SignInPolicy?.AllowedFirstAuthFactors).toContain('WEB_AUTHN');
    }
    const c = control('SIGNIN-PASSWORDLESS');
    expect(c.statement).toMatch(/no magic link/);
    expect([c.status, c.missing]).toEqual(['partial', expect.stringMatching(/"passwordless via magic link" \(001\)/)]);
  });

  test('SIGNIN-FEDERATION: the configuration offers no GitHub or Twitter provider, and the control declares them missing', () => {
    const table = withChange('production', (e) => e.signIn.identityProviders.push({ type: 'github', clientId: 'x', clientSecretArn: 'arn:aws:secretsmanager:ap-southeast-1:222222222222:secret:x-AbCdEf' }));
    expect(issuesOf(table).some((l) => /^production\.signIn\.identityProviders\[\d+\]/.test(l))).toBe(true);
    const c = control('SIGNIN-FEDERATION');
    expect([c.status, c.missing]).toEqual(['partial', expect.stringMatching(/"Github Connect, or Twitter Connect" \(001\)/)]);
  });

  test('IAM-MFA-ROLES: the statement says SAML-trusting roles rely on the identity provider\'s MFA, which identity.samlMfaEnforcedBy must name', () => {
    const c = control('IAM-MFA-ROLES');
    expect(c.statement).toMatch(/SAML provider relies on the identity provider's MFA.*identity\.samlMfaEnforcedBy/s);
    const table = withChange('production', (e) => (e.identity.trustedPrincipals = ['arn:aws:iam::222222222222:saml-provider/staff-idp']));
    expect(issuesOf(table).some((l) => l.startsWith('production.identity.samlMfaEnforcedBy'))).toBe(true);
  });
});
