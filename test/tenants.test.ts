/**
 * Single-tenant datastores: each tenant's database, key, secret and files are its own, its role
 * reaches nothing of another tenant's, and tenants spread across data stacks that stay under the
 * resource ceiling at 50 tenants. Everything is read from synthesized policies and templates.
 */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildBaseline } from '../lib/app';
import { MAX_RESOURCES_PER_DATA_STACK, RESOURCES_PER_DATA_STACK, RESOURCES_PER_TENANT, TENANTS_PER_DATA_STACK } from '../lib/config/data-layout';
import { ENVIRONMENTS } from './support/fixture';
import { loadEnvironments } from '../lib/config/load';
import { TENANT_TAG_KEY } from '../lib/constants/tags';
import { allResources, allStacks, ENV_NAMES, templateJson } from './support/synth';

const CONFIGS = Object.fromEntries(loadEnvironments(ENVIRONMENTS).map((e) => [e.name, e]));

/** Logical IDs a value refers to (Ref, Fn::GetAtt), at any depth. */
function refs(value: any, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => refs(v, out));
  else if (value && typeof value === 'object') {
    if (typeof value.Ref === 'string') out.add(value.Ref);
    if (Array.isArray(value['Fn::GetAtt'])) out.add(value['Fn::GetAtt'][0]);
    Object.values(value).forEach((v) => refs(v, out));
  }
  return out;
}
const asList = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
const tagOf = (r: any, key: string) => (r?.Properties?.Tags ?? []).find((t: any) => t.Key === key)?.Value;

/** Per data stack: resources by logical ID, and the tenant each belongs to. */
function dataStacks(env: string) {
  return allStacks()
    .filter((s) => s.env === env && /^Data\d+$/.test(s.stackId))
    .map((s) => {
      const resources: Record<string, any> = templateJson(env, s.stackId).Resources;
      const owner = (id: string) => tagOf(resources[id], TENANT_TAG_KEY) as string | undefined;
      return { stackId: s.stackId, resources, owner };
    });
}

/** The statements of every policy attached to a role (inline or managed, same stack). */
function statementsOf(resources: Record<string, any>, roleId: string): any[] {
  const role = resources[roleId];
  const managed = asList(role.Properties.ManagedPolicyArns).flatMap((arn: any) => (arn.Ref ? [resources[arn.Ref]] : []));
  const attached = Object.values(resources).filter(
    (r: any) => ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'].includes(r.Type) && asList(r.Properties.Roles).some((x: any) => x.Ref === roleId),
  );
  return [
    ...asList(role.Properties.Policies).flatMap((p: any) => p.PolicyDocument.Statement),
    ...[...managed, ...attached].flatMap((p: any) => p.Properties.PolicyDocument.Statement),
  ];
}

describe.each(ENV_NAMES)('%s single-tenant datastores', (env) => {
  const config = CONFIGS[env];

  test('TEN-DEDICATED-DATASTORE: every tenant has its own cluster, key, files bucket and access role, in the data stack of its shard', () => {
    for (const tenant of config.data.tenants) {
      const stack = dataStacks(env).find((s) => s.stackId === `Data${tenant.shard}`)!;
      const mine = Object.entries(stack.resources).filter(([id]) => stack.owner(id) === tenant.id);
      const count = (type: string) => mine.filter(([, r]) => r.Type === type).length;
      expect({ tenant: tenant.id, cluster: count('AWS::RDS::DBCluster'), key: count('AWS::KMS::Key'), bucket: count('AWS::S3::Bucket'), role: count('AWS::IAM::Role') }).toEqual({
        tenant: tenant.id,
        cluster: 1,
        key: 1,
        bucket: 1,
        role: 1,
      });
      // The master secret is RDS-managed: one per cluster, under the tenant's key.
      const [, cluster] = mine.find(([, r]) => r.Type === 'AWS::RDS::DBCluster')!;
      expect(cluster.Properties.ManageMasterUserPassword).toBe(true);
    }
    const ids = dataStacks(env).flatMap((s) => Object.values(s.resources).filter((r: any) => r.Type === 'AWS::RDS::DBCluster').map((r: any) => r.Properties.DBClusterIdentifier));
    expect(new Set(ids).size).toBe(config.data.tenants.length);
  });

  test('TEN-DEDICATED-KEY: each tenant\'s cluster, Performance Insights, master secret, log group and bucket use its own key, shared with no other tenant', () => {
    const keyUsers = new Map<string, Set<string>>();
    for (const s of dataStacks(env)) {
      for (const [id, r] of Object.entries<any>(s.resources)) {
        const tenant = s.owner(id);
        if (!tenant) continue;
        const keyRefs = [
          r.Properties?.KmsKeyId,
          r.Properties?.PerformanceInsightsKmsKeyId,
          r.Properties?.PerformanceInsightsKMSKeyId,
          r.Properties?.MasterUserSecret?.KmsKeyId,
          r.Properties?.BucketEncryption?.ServerSideEncryptionConfiguration?.[0]?.ServerSideEncryptionByDefault?.KMSMasterKeyID,
        ].filter(Boolean);
        for (const k of keyRefs.flatMap((x) => [...refs(x)])) {
          expect({ resource: id, key: k, keyOwner: s.owner(k) }).toEqual({ resource: id, key: k, keyOwner: tenant });
          keyUsers.set(k, (keyUsers.get(k) ?? new Set()).add(tenant));
        }
      }
    }
    expect(keyUsers.size).toBe(config.data.tenants.length);
    for (const [key, users] of keyUsers) expect({ key, users: [...users].length }).toEqual({ key, users: 1 });
  });

  test('TEN-DEDICATED-KEY: no tenant key policy names another tenant\'s role', () => {
    for (const s of dataStacks(env)) {
      for (const [id, r] of Object.entries<any>(s.resources).filter(([, x]) => x.Type === 'AWS::KMS::Key')) {
        for (const other of refs(r.Properties.KeyPolicy)) expect({ key: id, names: other, owner: s.owner(other) ?? s.owner(id) }).toEqual({ key: id, names: other, owner: s.owner(id) });
      }
    }
  });

  test('TEN-DEDICATED-KEY: CloudWatch Logs may use a tenant key for that tenant\'s PostgreSQL log group only', () => {
    for (const s of dataStacks(env)) {
      for (const [id, r] of Object.entries<any>(s.resources).filter(([, x]) => x.Type === 'AWS::KMS::Key')) {
        const logs = r.Properties.KeyPolicy.Statement.filter((st: any) => JSON.stringify(st.Principal ?? {}).includes('logs.'));
        expect({ key: id, conditions: logs.map((st: any) => st.Condition) }).toEqual({
          key: id,
          conditions: [
            {
              ArnEquals: {
                'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${config.region}:${config.account}:log-group:/aws/rds/cluster/${env}-${s.owner(id)}/postgresql`,
              },
            },
          ],
        });
      }
    }
  });

  test('TEN-ISOLATED-ACCESS: each tenant role reaches only its own database user, secret, key and files', () => {
    for (const s of dataStacks(env)) {
      const roles = Object.entries<any>(s.resources).filter(([id, r]) => r.Type === 'AWS::IAM::Role' && s.owner(id));
      expect(roles.length).toBeGreaterThan(0);
      for (const [roleId] of roles) {
        const tenant = s.owner(roleId)!;
        const statements = statementsOf(s.resources, roleId);
        const actions = statements.flatMap((st) => asList(st.Action)).sort();
        expect({ tenant, actions }).toEqual({
          tenant,
          actions: [
            'kms:Decrypt',
            'kms:GenerateDataKey',
            'rds-db:connect',
            's3:AbortMultipartUpload',
            's3:DeleteObject',
            's3:GetObject',
            's3:GetObjectVersion',
            's3:ListBucket',
            's3:ListBucketVersions',
            's3:PutObject',
            'secretsmanager:DescribeSecret',
            'secretsmanager:GetSecretValue',
          ],
        });
        for (const st of statements) {
          expect({ tenant, effect: st.Effect }).toEqual({ tenant, effect: 'Allow' });
          for (const resource of asList(st.Resource)) {
            // No literal resource at all: every resource is built from this tenant's own resources.
            expect({ tenant, action: st.Action, literal: typeof resource === 'string' }).toEqual({ tenant, action: st.Action, literal: false });
            const targets = [...refs(resource)].filter((r) => r !== 'AWS::Partition');
            expect(targets.length).toBeGreaterThan(0);
            for (const t of targets) expect({ tenant, action: st.Action, target: t, owner: s.owner(t) }).toEqual({ tenant, action: st.Action, target: t, owner: tenant });
          }
          if (asList(st.Action).includes('rds-db:connect')) {
            expect(JSON.stringify(st.Resource)).toMatch(new RegExp(`:dbuser:".*DBClusterResourceId.*"/tenant_${tenant}"`));
          }
        }
      }
    }
  });

  test('TEN-ISOLATED-ACCESS: each tenant\'s key and files bucket refuse every principal tagged with another tenant\'s ID, and each tenant role carries its own ID', () => {
    const tag = `aws:PrincipalTag/${TENANT_TAG_KEY}`;
    for (const s of dataStacks(env)) {
      const policyOf = (id: string, r: any) =>
        r.Type === 'AWS::KMS::Key'
          ? r.Properties.KeyPolicy
          : Object.values<any>(s.resources).find((p) => p.Type === 'AWS::S3::BucketPolicy' && p.Properties.Bucket.Ref === id)?.Properties.PolicyDocument;
      const guarded = Object.entries<any>(s.resources).filter(([id, r]) => s.owner(id) && ['AWS::KMS::Key', 'AWS::S3::Bucket'].includes(r.Type));
      expect(guarded.length).toBe(2 * Object.values<any>(s.resources).filter((r) => r.Type === 'AWS::RDS::DBCluster').length);
      for (const [id, r] of guarded) {
        const tenant = s.owner(id)!;
        const denies = asList(policyOf(id, r)?.Statement).filter((st: any) => st.Sid === 'DenyOtherTenants');
        expect({ resource: id, denies }).toEqual({
          resource: id,
          denies: [
            expect.objectContaining({
              Effect: 'Deny',
              Principal: { AWS: '*' },
              Action: r.Type === 'AWS::KMS::Key' ? 'kms:*' : 's3:*',
              // Denied: a principal that has the tenant tag with any value but this tenant's.
              Condition: { StringNotEquals: { [tag]: tenant }, Null: { [tag]: 'false' } },
            }),
          ],
        });
      }
      // The deny keys on the role's tag: every role that may connect to a tenant's database carries that tenant's ID.
      for (const [id, r] of Object.entries<any>(s.resources).filter(([, x]) => x.Type === 'AWS::IAM::Role')) {
        const connect = statementsOf(s.resources, id).filter((st) => asList(st.Action).includes('rds-db:connect'));
        const clusters = connect.flatMap((st) => [...refs(st.Resource)].filter((c) => s.resources[c]?.Type === 'AWS::RDS::DBCluster'));
        for (const cluster of clusters) expect({ role: id, tag: tagOf(r, TENANT_TAG_KEY) }).toEqual({ role: id, tag: s.owner(cluster) });
      }
    }
  });

  test('TEN-ISOLATED-ACCESS: only ECS tasks of the environment\'s account may assume a tenant role', () => {
    for (const s of dataStacks(env)) {
      for (const [id, r] of Object.entries<any>(s.resources).filter(([rid, x]) => x.Type === 'AWS::IAM::Role' && s.owner(rid))) {
        expect({ role: id, trust: r.Properties.AssumeRolePolicyDocument.Statement }).toEqual({
          role: id,
          trust: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Condition: { StringEquals: { 'aws:SourceAccount': config.account } } }],
        });
      }
    }
  });
});

describe('TEN-ISOLATED-ACCESS across the deployment', () => {
  /** Actions that read or change tenant data (or could), by service. */
  const TENANT_DATA_ACTION = /^(\*|rds-db:.*|rds:\*|secretsmanager:(\*|GetSecretValue)|kms:(\*|Decrypt|GenerateDataKey.*|ReEncrypt.*)|s3:(\*|Get.*|Put.*|Delete.*|List.*))$/;
  /**
   * Concrete actions that reach tenant data, directly or by handing it out (a snapshot, a share, a
   * reset master password, a grant). A wildcard action that matches one of them is a data action.
   */
  const DATA_ACTIONS = [
    'rds-db:connect',
    'rds:ModifyDBCluster',
    'rds:CreateDBClusterSnapshot',
    'rds:CopyDBClusterSnapshot',
    'rds:ModifyDBClusterSnapshotAttribute',
    'rds:RestoreDBClusterToPointInTime',
    'rds:StartExportTask',
    'secretsmanager:GetSecretValue',
    'secretsmanager:PutSecretValue',
    'kms:Decrypt',
    'kms:GenerateDataKey',
    'kms:GenerateDataKeyWithoutPlaintext',
    'kms:ReEncryptFrom',
    'kms:CreateGrant',
    's3:GetObject',
    's3:GetObjectVersion',
    's3:PutObject',
    's3:DeleteObject',
    's3:DeleteObjectVersion',
    's3:ListBucket',
    's3:PutBucketPolicy',
    's3:RestoreObject',
  ];
  /** IAM matches actions case-insensitively, with `*` and `?` as wildcards. */
  const pattern = (action: string) => new RegExp(`^${action.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  const isDataAction = (action: string) => TENANT_DATA_ACTION.test(action) || DATA_ACTIONS.some((a) => pattern(action).test(a));

  /** The literal text of a resource, with every reference replaced by `<ref>` (wildcards live only in literals). */
  const literalOf = (resource: any): string =>
    typeof resource === 'string'
      ? resource
      : Array.isArray(resource?.['Fn::Join'])
        ? resource['Fn::Join'][1].map(literalOf).join(resource['Fn::Join'][0])
        : '<ref>';

  /**
   * Every Allow statement of every IAM policy of the deployment, except those attached only to the
   * MFA-gated administrator and break-glass roles: IAM-NO-WILDCARD-ADMIN allows "*" on "*" to
   * exactly these two staff roles (MFA within the hour, one-hour sessions, break-glass use pages
   * security); test/identity.test.ts proves it.
   */
  function allowStatements() {
    const roles = allResources().filter((r) => r.type === 'AWS::IAM::Role');
    const roleNames = new Map(roles.map((r) => [`${r.env}/${r.stackId}/${r.logicalId}`, String(r.props.RoleName ?? '')]));
    /** Logical IDs of the roles a policy is attached to, from either side (its Roles list, or a role's ManagedPolicyArns). */
    const attachedTo = (r: { env: string; stackId: string; logicalId: string; props: any; type: string }) =>
      r.type === 'AWS::IAM::Role'
        ? [r.logicalId]
        : [
            ...asList(r.props.Roles).map((x: any) => x.Ref as string),
            ...roles
              .filter((role) => role.env === r.env && role.stackId === r.stackId && asList(role.props.ManagedPolicyArns).some((a: any) => a?.Ref === r.logicalId))
              .map((role) => role.logicalId),
          ];
    const out: Array<{ where: string; env: string; stackId: string; roles: string[]; st: any }> = [];
    for (const r of allResources()) {
      const docs =
        r.type === 'AWS::IAM::Policy' || r.type === 'AWS::IAM::ManagedPolicy'
          ? [r.props.PolicyDocument]
          : r.type === 'AWS::IAM::Role'
            ? asList(r.props.Policies).map((p: any) => p.PolicyDocument)
            : [];
      const attached = attachedTo(r);
      const names = attached.map((id) => roleNames.get(`${r.env}/${r.stackId}/${id}`) ?? '');
      if (names.length > 0 && names.every((n) => n === `${r.env}-administrator` || n === `${r.env}-break-glass`)) continue;
      for (const st of docs.flatMap((d: any) => asList(d?.Statement))) {
        if (st.Effect === 'Allow') out.push({ where: `${r.env}/${r.stackId}/${r.logicalId}`, env: r.env, stackId: r.stackId, roles: attached, st });
      }
    }
    return out;
  }

  /** Tenant ownership of the data stacks' resources, by `env/stack/logicalId`. */
  const owners = new Map<string, string>(
    ENV_NAMES.flatMap((env) => dataStacks(env).flatMap((s) => Object.keys(s.resources).flatMap((id) => (s.owner(id) ? [[`${env}/${s.stackId}/${id}`, s.owner(id)!] as [string, string]] : [])))),
  );

  /** Where a statement sits: its stack, and the roles its policy is attached to. */
  type Place = { env: string; stackId: string; roles: string[] };

  /** Data actions of an Allow statement granted on a wildcard resource, other than a tenant role on its own bucket's objects. */
  function wildcardResourceOffences(st: any, { env, stackId, roles }: Place): string[] {
    // A wildcard action may expand to a data action; NotAction grants everything it does not name.
    const dataActions = [...asList<string>(st.Action).filter(isDataAction), ...(st.NotAction ? ['NotAction'] : [])];
    if (dataActions.length === 0) return [];
    const roleTenants = new Set(roles.map((id) => owners.get(`${env}/${stackId}/${id}`)));
    const out: string[] = [];
    for (const resource of [...asList(st.Resource), ...(st.NotResource ? ['NotResource'] : [])]) {
      const literal = resource === 'NotResource' ? '*' : literalOf(resource);
      if (!literal.includes('*')) continue;
      // `<bucket ARN>/<key pattern>` of one named bucket (`<ref>/*`, `<ref>/config/AWSLogs/<ref>/Config/*`):
      // objects of that bucket only. The wildcard cannot reach beyond it.
      const parts = resource?.['Fn::Join']?.[0] === '' ? resource['Fn::Join'][1] : [];
      const bucket = parts[0]?.['Fn::GetAtt']?.[1] === 'Arn' ? parts[0]['Fn::GetAtt'][0] : undefined;
      const objectsOfOneBucket = bucket !== undefined && typeof parts[1] === 'string' && parts[1].startsWith('/');
      const bucketOwner = objectsOfOneBucket ? owners.get(`${env}/${stackId}/${bucket}`) : undefined;
      // A tenant's bucket only for that tenant's role; another named bucket's objects are no tenant's data.
      if (objectsOfOneBucket && (bucketOwner === undefined || (roleTenants.size === 1 && roleTenants.has(bucketOwner)))) continue;
      out.push(`${dataActions.join(',')} on ${literal}`);
    }
    return out;
  }

  /** Wildcard actions (or NotAction) of an Allow statement whose resources name a tenant's resource. */
  function wildcardActionOffences(st: any, { env, stackId }: Place): string[] {
    const tenantTargets = [...refs(st.Resource)].filter((id) => owners.has(`${env}/${stackId}/${id}`));
    if (tenantTargets.length === 0) return [];
    const wildcards = [...asList<string>(st.Action).filter((a) => a.includes('*') || a.includes('?')), ...(st.NotAction ? ['NotAction'] : [])];
    return wildcards.length > 0 ? [`${wildcards.join(',')} on ${tenantTargets.join(',')}`] : [];
  }

  test('TEN-ISOLATED-ACCESS: no IAM policy grants tenant-data actions on a wildcard resource, except a tenant role on its own bucket\'s objects', () => {
    const offenders = allowStatements().flatMap(({ where, st, ...place }) => wildcardResourceOffences(st, place).map((o) => `${where}: ${o}`));
    expect(offenders).toEqual([]);
  });

  test('TEN-ISOLATED-ACCESS: no IAM policy that names a tenant\'s resource uses a wildcard action on it', () => {
    const offenders = allowStatements().flatMap(({ where, st, ...place }) => wildcardActionOffences(st, place).map((o) => `${where}: ${o}`));
    expect(offenders).toEqual([]);
  });

  describe('TEN-ISOLATED-ACCESS: the wildcard checks catch what they are meant to', () => {
    // Statements placed in staging's Data1, as if attached to acme's access role.
    const s = dataStacks('staging').find((x) => x.stackId === 'Data1')!;
    const idOf = (tenant: string, type: string) => Object.keys(s.resources).find((id) => s.owner(id) === tenant && s.resources[id].Type === type)!;
    const place: Place = { env: 'staging', stackId: 'Data1', roles: [idOf('acme', 'AWS::IAM::Role')] };
    const arn = (tenant: string, type: string) => ({ 'Fn::GetAtt': [idOf(tenant, type), 'Arn'] });
    const objects = (tenant: string) => ({ 'Fn::Join': ['', [arn(tenant, 'AWS::S3::Bucket'), '/*']] });

    test.each<[string, any, 'resource' | 'action' | 'none']>([
      ['kms:* on the own key', { Effect: 'Allow', Action: 'kms:*', Resource: arn('acme', 'AWS::KMS::Key') }, 'action'],
      ['s3:*Object on the own objects', { Effect: 'Allow', Action: 's3:*Object', Resource: objects('acme') }, 'action'],
      ['secretsmanager:Get* on every secret', { Effect: 'Allow', Action: 'secretsmanager:Get*', Resource: '*' }, 'resource'],
      ['GetSecretValue on every RDS-managed secret', { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: 'arn:aws:secretsmanager:ap-southeast-1:111111111111:secret:rds!*' }, 'resource'],
      ['rds-db:connect as any user', { Effect: 'Allow', Action: 'rds-db:connect', Resource: { 'Fn::Join': ['', ['arn:aws:rds-db:ap-southeast-1:111111111111:dbuser:', { 'Fn::GetAtt': ['X', 'DBClusterResourceId'] }, '/*']] } }, 'resource'],
      ['NotAction on every resource', { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }, 'resource'],
      ['s3:GetObject on another tenant\'s objects', { Effect: 'Allow', Action: 's3:GetObject', Resource: objects('globex') }, 'resource'],
      ['s3:GetObject on the own objects', { Effect: 'Allow', Action: 's3:GetObject', Resource: objects('acme') }, 'none'],
      ['rds:Describe* on every resource (metadata, not data)', { Effect: 'Allow', Action: 'rds:Describe*', Resource: '*' }, 'none'],
    ])('%s', (_name, st, flagged) => {
      const found = { resource: wildcardResourceOffences(st, place).length > 0, action: wildcardActionOffences(st, place).length > 0 };
      expect(found).toEqual({ resource: flagged === 'resource', action: flagged === 'action' });
    });
  });

  test('TEN-ISOLATED-ACCESS: no tenant resource is named in a stack outside the data stacks except through exports', () => {
    // Tenant resources never leave their data stack by logical ID; other stacks may only import
    // what a data stack exports (for example the access role's ARN for the workload).
    for (const s of allStacks().filter((x) => !/^Data\d+$/.test(x.stackId))) {
      expect({ stack: `${s.env}/${s.stackId}`, mentions: /Tenant[A-Z][a-z0-9]*(Database|Key|Files)[0-9A-F]{8}/.test(JSON.stringify(templateJson(s.env, s.stackId))) }).toEqual({
        stack: `${s.env}/${s.stackId}`,
        mentions: false,
      });
    }
  });
});

describe('TEN-DEDICATED-DATASTORE: sharding at 50 tenants', () => {
  // One in-process synthesis of production with 50 tenants, packs off: the two sample tenants
  // first, then 48 more, each shard filled to TENANTS_PER_DATA_STACK before the next.
  const base = structuredClone(ENVIRONMENTS);
  const sample = base.production.data.tenants;
  const extra = Array.from({ length: 50 - sample.length }, (_, i) => ({ id: `tenant${String(i).padStart(2, '0')}`, displayName: `Tenant ${i}` }));
  base.production.data.tenants = [...sample, ...extra].map((t, i) => ({ ...t, shard: Math.floor(i / TENANTS_PER_DATA_STACK) + 1 }));
  const [production] = loadEnvironments(base, ['production']);
  const app = new App({ builtinCloudFormationValidation: false });
  const [stage] = buildBaseline(app, [production], { compliancePacks: false });
  const templates = Object.fromEntries(stage.data.map((s) => [s.node.id, Template.fromStack(s).toJSON()]));

  test('TEN-DEDICATED-DATASTORE: 50 tenants fill shards in order and no data stack exceeds the resource ceiling', () => {
    const counts = Object.fromEntries(Object.entries(templates).map(([id, t]) => [id, Object.keys(t.Resources).length]));
    const shards = Math.ceil(50 / TENANTS_PER_DATA_STACK);
    expect(Object.keys(counts)).toEqual(Array.from({ length: shards }, (_, i) => `Data${i + 1}`));
    for (const [id, n] of Object.entries(counts)) {
      const tenants = production.data.tenants.filter((t) => `Data${t.shard}` === id).length;
      // The layout constants are measured, not guessed: a new per-tenant resource fails here.
      expect({ stack: id, resources: n }).toEqual({ stack: id, resources: RESOURCES_PER_DATA_STACK + tenants * RESOURCES_PER_TENANT });
      expect(n).toBeLessThanOrEqual(MAX_RESOURCES_PER_DATA_STACK);
    }
  });

  test('TEN-DEDICATED-DATASTORE: adding tenants in other shards leaves an existing tenant\'s logical IDs as they are', () => {
    const idsOf = (t: any, tenant: string) =>
      Object.entries<any>(t.Resources)
        .filter(([, r]) => tagOf(r, TENANT_TAG_KEY) === tenant)
        .map(([id, r]) => `${id}:${r.Type}`)
        .sort();
    for (const tenant of sample) {
      const before = idsOf(templateJson('production', 'Data1'), tenant.id);
      expect(before.length).toBeGreaterThan(0);
      expect(idsOf(templates.Data1, tenant.id)).toEqual(before);
    }
  });
});
