/**
 * Staff access (IAM-*): every property is read from the synthesized templates. The sample
 * environments trust an account; one in-process synthesis covers a SAML provider.
 */
import { ALL_MANAGEMENT_EVENTS_STATE } from '../lib/constructs/common/management-event-rule';
import { DATABASE_LOG_GROUP_PREFIX } from '../lib/constructs/identity/staff-policies';
import * as fs from 'fs';
import * as path from 'path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ENVIRONMENTS } from './support/fixture';
import { loadEnvironments } from '../lib/config/load';
import type { EnvironmentConfig } from '../lib/config/schema';
import { TENANT_TAG_KEY } from '../lib/constants/tags';
import { BREAK_GLASS_ROLE_ARN_GLOB, BreakGlassAlert } from '../lib/constructs/identity/break-glass-alert';
import { GLOBAL_SERVICE_ACTIONS } from '../lib/constructs/identity/staff-policies';
import { StaffRole } from '../lib/constructs/identity/staff-role';
import { AlertingStack } from '../lib/stacks/alerting-stack';
import { IdentityStack } from '../lib/stacks/identity-stack';
import { ENV_NAMES, allResources, templateJson, crossStackRef } from './support/synth';

const CONFIGS = Object.fromEntries(loadEnvironments(ENVIRONMENTS).map((e) => [e.name, e]));
const LEVELS = ['administrator', 'operator', 'developer', 'security-auditor', 'break-glass'] as const;
/** Privileged: one-hour sessions and an MFA sign-in no older than identity.mfaMaxAgeSeconds. */
const PRIVILEGED = ['administrator', 'operator', 'break-glass'];
const ADMINS = ['administrator', 'break-glass'];
const BELOW_ADMIN = ['operator', 'developer', 'security-auditor'];

const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/** A CloudWatch Logs string glob (`*` any run of characters) as a whole-string regular expression. */
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const globRegExp = (glob: string) => new RegExp('^' + glob.split('*').map(escapeRegExp).join('.*') + '$');

/** The staff roles of an environment's identity stack, by level, with the managed policies they attach. */
function staffRoles(resources: Record<string, any>, env: string): Record<string, { id: string; props: any; policies: any[] }> {
  return Object.fromEntries(
    LEVELS.map((level) => {
      const entry = Object.entries<any>(resources).find(([, r]) => r.Type === 'AWS::IAM::Role' && r.Properties.RoleName === `${env}-${level}`);
      if (!entry) throw new Error(`no role ${env}-${level}`);
      const [id, r] = entry;
      const policies = (r.Properties.ManagedPolicyArns ?? []).map((arn: any) => (arn.Ref ? { id: arn.Ref, ...resources[arn.Ref].Properties } : { arn }));
      return [level, { id, props: r.Properties, policies }];
    }),
  );
}

/** Every statement of a role's attached customer-managed policies. */
const statementsOf = (role: { policies: any[] }) => role.policies.flatMap((p) => asArray(p.PolicyDocument?.Statement));

describe.each(ENV_NAMES)('staff access of %s', (env) => {
  const config = CONFIGS[env];
  const resources = templateJson(env, 'Identity').Resources;
  const roles = staffRoles(resources, env);

  test('IAM-STAFF-ROLES: five permission levels, each trusted only by the configured principals, with bounded sessions', () => {
    for (const level of LEVELS) {
      const { props } = roles[level];
      const principals = props.AssumeRolePolicyDocument.Statement.map((s: any) => JSON.stringify(s.Principal));
      expect(principals).toHaveLength(config.identity.trustedPrincipals.length);
      config.identity.trustedPrincipals.forEach((p, i) => expect(principals[i]).toContain(`:iam::${p}:root`));
      const hours = PRIVILEGED.includes(level) ? config.identity.privilegedSessionHours : config.identity.sessionHours;
      expect({ level, MaxSessionDuration: props.MaxSessionDuration }).toEqual({ level, MaxSessionDuration: hours * 3600 });
      expect(props.Policies).toBeUndefined(); // no inline policies
    }
    if (config.tier === 'production') for (const level of PRIVILEGED) expect(roles[level].props.MaxSessionDuration).toBe(3600);
  });

  test('IAM-STAFF-ROLES: the levels differ: administrators hold everything, the operator deploys, the developer and auditor read', () => {
    const actions = (level: string) => statementsOf(roles[level]).filter((s) => s.Effect === 'Allow').flatMap((s) => asArray(s.Action));
    for (const level of ADMINS) expect(actions(level)).toContain('*');
    expect(actions('operator')).toEqual(expect.arrayContaining(['sts:AssumeRole', 'ecs:UpdateService', 'logs:FilterLogEvents']));
    expect(actions('developer')).toEqual(expect.arrayContaining(['logs:FilterLogEvents', 'cloudwatch:Get*', 'ecs:Describe*', 'rds:Describe*']));
    expect(actions('developer')).not.toContain('sts:AssumeRole');
    expect(roles['security-auditor'].policies.map((p) => JSON.stringify(p.arn ?? ''))).toContainEqual(expect.stringContaining(':iam::aws:policy/SecurityAudit'));
  });

  test('IAM-STAFF-ROLES: the operator may assume only the CDK deploy and asset-publishing bootstrap roles of this account', () => {
    const assume = statementsOf(roles.operator).filter((s) => s.Effect === 'Allow' && asArray(s.Action).includes('sts:AssumeRole'));
    expect(assume).toHaveLength(1);
    const names = asArray(assume[0].Resource).map((r: any) => {
      const parts = r['Fn::Join'][1];
      expect(parts).toContainEqual({ Ref: 'AWS::AccountId' });
      return parts[parts.length - 1].replace(/^:role\//, '');
    });
    expect(names.sort()).toEqual(['cdk-*-deploy-role-*', 'cdk-*-file-publishing-role-*', 'cdk-*-image-publishing-role-*']);
    // Not the lookup role (ReadOnlyAccess reads customer objects and logs) nor the execution role.
    for (const other of ['cdk-hnb659fds-lookup-role-222222222222-ap-southeast-1', 'cdk-hnb659fds-cfn-exec-role-222222222222-ap-southeast-1']) {
      expect({ other, matched: names.some((n: string) => globRegExp(n).test(other)) }).toEqual({ other, matched: false });
    }
    expect(names.some((n: string) => globRegExp(n).test('cdk-hnb659fds-deploy-role-222222222222-ap-southeast-1'))).toBe(true);
  });

  test('IAM-STAFF-ROLES: no IAM user or access key exists for people', () => {
    const people = allResources().filter((r) => r.env === env && ['AWS::IAM::User', 'AWS::IAM::AccessKey'].includes(r.type));
    expect(people).toEqual([]);
  });

  test('IAM-MFA-ROLES: every trust statement of every staff role requires MFA (read from the trust policies)', () => {
    for (const level of LEVELS) {
      for (const s of roles[level].props.AssumeRolePolicyDocument.Statement) {
        expect({ level, action: s.Action, mfa: s.Condition?.Bool?.['aws:MultiFactorAuthPresent'] }).toEqual({ level, action: 'sts:AssumeRole', mfa: 'true' });
      }
    }
  });

  test('IAM-MFA-ROLES: administrator, operator and break-glass require an MFA sign-in no older than configured', () => {
    for (const level of LEVELS) {
      for (const s of roles[level].props.AssumeRolePolicyDocument.Statement) {
        const age = s.Condition?.NumericLessThan?.['aws:MultiFactorAuthAge'];
        expect({ level, age }).toEqual({ level, age: PRIVILEGED.includes(level) ? String(config.identity.mfaMaxAgeSeconds) : undefined });
      }
    }
    if (config.tier === 'production') expect(config.identity.mfaMaxAgeSeconds).toBeLessThanOrEqual(3600);
  });

  test('IAM-REGION-GUARDRAIL: every staff role denies all but global services outside the allowed regions', () => {
    for (const level of LEVELS) {
      const deny = statementsOf(roles[level]).find((s) => s.Effect === 'Deny' && s.Condition?.StringNotEquals?.['aws:RequestedRegion']);
      expect({ level, found: Boolean(deny) }).toEqual({ level, found: true });
      expect(asArray(deny.Condition.StringNotEquals['aws:RequestedRegion'])).toEqual(config.allowedRegions);
      expect(deny.Resource).toBe('*');
      expect(deny.Action).toBeUndefined();
      // Global services stay reachable; data services do not.
      expect(deny.NotAction).toEqual(expect.arrayContaining(['iam:*', 'sts:*', 'organizations:*', 'route53:*', 'cloudfront:*', 'support:*']));
      // Certificates for CloudFront and the Cognito custom sign-in domain exist only in us-east-1
      // ACM: staff must be able to request and renew them there.
      expect(deny.NotAction).toContain('acm:*');
      for (const regional of ['s3:*', 'rds:*', 'ec2:*', 'kms:*', 'logs:*', 'secretsmanager:*', 'dynamodb:*']) expect(deny.NotAction).not.toContain(regional);
    }
  });

  test('IAM-CUSTOMER-DATA-RESTRICTED: operator, developer and auditor are explicitly denied customer data', () => {
    for (const level of BELOW_ADMIN) {
      const denied = statementsOf(roles[level]).filter((s) => s.Effect === 'Deny');
      const deniedActions = denied.flatMap((s) => asArray(s.Action));
      expect({ level, deniedActions }).toEqual({
        level,
        deniedActions: expect.arrayContaining(['rds-db:connect', 'secretsmanager:GetSecretValue', 'kms:Decrypt', 's3:GetObject', 'ecs:ExecuteCommand', 'logs:Unmask', 'cognito-idp:ListUsers', 'cognito-idp:DescribeIdentityProvider']),
      });
      // Tenant keys are recognised by the tenant tag, whatever their ARN.
      const kms = denied.find((s) => asArray(s.Action).includes('kms:Decrypt'));
      expect(kms.Condition).toEqual({ Null: { [`aws:ResourceTag/${TENANT_TAG_KEY}`]: 'false' } });
      expect(kms.Resource).toBe('*');
    }
    for (const level of ADMINS) {
      const deniedActions = statementsOf(roles[level]).filter((s) => s.Effect === 'Deny').flatMap((s) => asArray(s.Action));
      expect({ level, deniedActions }).toEqual({ level, deniedActions: [] });
    }
  });

  test('IAM-CUSTOMER-DATA-RESTRICTED: operator, developer and auditor are denied the objects of the customer authentication event bucket by name', () => {
    const delivery = Object.values<any>(resources).find((r) => r.Type === 'AWS::Cognito::LogDeliveryConfiguration');
    const bucketIds = delivery.Properties.LogConfigurations.map((c: any) => c.S3Configuration.BucketArn['Fn::GetAtt'][0]);
    expect(bucketIds).toHaveLength(1);
    const [bucketId] = bucketIds;
    expect(resources[bucketId].Type).toBe('AWS::S3::Bucket');
    for (const level of BELOW_ADMIN) {
      const deny = statementsOf(roles[level]).find((s) => s.Effect === 'Deny' && JSON.stringify(s.Resource ?? '').includes(bucketId));
      expect({ level, found: Boolean(deny) }).toEqual({ level, found: true });
      expect(deny.Action).toBe('s3:GetObject*');
      expect(deny.Condition).toBeUndefined();
      expect(deny.Resource).toEqual({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/*']] });
    }
    // The only log groups denied are the databases' (pgaudit statement text, LOG-NO-CLIENT-CONTENT):
    // operational logs stay readable to operator and developer.
    for (const level of BELOW_ADMIN) {
      const logGroupDenies = statementsOf(roles[level]).filter((s) => s.Effect === 'Deny' && JSON.stringify(s.Resource ?? '').includes(':log-group:'));
      expect({ level, resources: logGroupDenies.map((s) => JSON.stringify(s.Resource).match(/:log-group:[^"]*/)?.[0]) }).toEqual({ level, resources: [`:log-group:${DATABASE_LOG_GROUP_PREFIX}*`] });
    }
    for (const level of ['operator', 'developer']) {
      expect(statementsOf(roles[level]).some((s) => s.Effect === 'Allow' && asArray(s.Action).includes('logs:FilterLogEvents') && s.Resource === '*')).toBe(true);
    }
  });

  test('IAM-MFA-USERS: a group whose managed policy denies all but MFA self-service until MFA is present', () => {
    const groups = Object.values<any>(resources).filter((r) => r.Type === 'AWS::IAM::Group');
    expect(groups).toHaveLength(1);
    const [policyRef] = groups[0].Properties.ManagedPolicyArns;
    const statements = resources[policyRef.Ref].Properties.PolicyDocument.Statement;
    const deny = statements.find((s: any) => s.Effect === 'Deny');
    expect(deny.Condition).toEqual({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } });
    expect(deny.Resource).toBe('*');
    expect([...deny.NotAction].sort()).toEqual(
      [
        'iam:ChangePassword',
        'iam:CreateVirtualMFADevice',
        'iam:EnableMFADevice',
        'iam:GetAccountPasswordPolicy',
        'iam:GetMFADevice',
        'iam:GetUser',
        'iam:ListMFADevices',
        'iam:ListVirtualMFADevices',
        'iam:ResyncMFADevice',
        'sts:GetSessionToken',
      ].sort(),
    );
    // Users manage only their own user and MFA device.
    for (const s of statements.filter((x: any) => x.Effect === 'Allow' && asArray(x.Action).some((a: string) => /MFADevice$|ChangePassword/.test(a) && a !== 'iam:ListVirtualMFADevices' && a !== 'iam:CreateVirtualMFADevice'))) {
      expect(JSON.stringify(s.Resource)).toContain(':user/${aws:username}');
    }
  });

  test('IAM-BREAK-GLASS-ALERT: an EventBridge rule on AssumeRole and AssumeRoleWithSAML of the break-glass role pages the security topic', () => {
    const rules = Object.values<any>(resources).filter((r) => r.Type === 'AWS::Events::Rule');
    const rule = rules.find((r) => r.Properties.EventPattern?.detail?.eventName?.includes('AssumeRole'));
    // AssumeRole* are read-only management events, delivered only in this state.
    expect(rule.Properties.State).toBe(ALL_MANAGEMENT_EVENTS_STATE);
    expect(rule.Properties.EventPattern).toEqual({
      source: ['aws.sts'],
      'detail-type': ['AWS API Call via CloudTrail'],
      detail: {
        eventSource: ['sts.amazonaws.com'],
        eventName: ['AssumeRole', 'AssumeRoleWithSAML'],
        // The ARN of the break-glass role, built from its fixed name (no cross-stack export needed).
        requestParameters: { roleArn: [`arn:aws:iam::${config.account}:role/${roles['break-glass'].props.RoleName}`] },
      },
    });
    expect(roles['break-glass'].props.Path ?? '/').toBe('/');
    const [target] = rule.Properties.Targets;
    const securityTopic = Object.entries<any>(templateJson(env, 'Alerting').Resources).find(
      ([, r]) => r.Type === 'AWS::SNS::Topic' && r.Properties.DisplayName === `${env} security alerts`,
    )![0];
    expect(crossStackRef(target.Arn)).toContain(securityTopic);
  });
});

describe('IAM-NO-WILDCARD-ADMIN: no policy in any stack allows * on * except the administrator and break-glass roles', () => {
  const resources = allResources();
  const isStar = (x: unknown) => asArray(x as any).includes('*');
  // An Allow with NotAction on * grants everything but a few actions: as broad as * on *.
  const starStatements = (doc: any) =>
    asArray(doc?.Statement).filter((s: any) => s.Effect === 'Allow' && isStar(s.Resource) && (isStar(s.Action) || s.NotAction !== undefined));

  test('IAM-NO-WILDCARD-ADMIN: only the administrator policy holds * (or NotAction) on *, and only the two MFA-gated roles attach it', () => {
    const holders: string[] = [];
    for (const r of resources) {
      const docs =
        r.type === 'AWS::IAM::ManagedPolicy' || r.type === 'AWS::IAM::Policy'
          ? [r.props.PolicyDocument]
          : ['AWS::IAM::Role', 'AWS::IAM::Group', 'AWS::IAM::User'].includes(r.type)
            ? asArray(r.props.Policies).map((p: any) => p.PolicyDocument)
            : [];
      if (docs.some((d) => starStatements(d).length > 0)) holders.push(`${r.env}/${r.stackId}/${r.logicalId}`);
    }
    expect(holders.sort()).toEqual(ENV_NAMES.map((env) => `${env}/Identity/${Object.keys(templateJson(env, 'Identity').Resources).find((id) => id.startsWith('StaffAdministratorAccess'))}`).sort());
    for (const env of ENV_NAMES) {
      const res = templateJson(env, 'Identity').Resources;
      const adminPolicy = Object.keys(res).find((id) => id.startsWith('StaffAdministratorAccess'))!;
      // Inline Policy resources could attach it by name; there are none with * on *, and the attachments are:
      const attached = allResources()
        .filter((r) => r.env === env && ['AWS::IAM::Role', 'AWS::IAM::Group', 'AWS::IAM::User'].includes(r.type))
        .filter((r) => asArray(r.props.ManagedPolicyArns).some((a: any) => a.Ref === adminPolicy && r.stackId === 'Identity'));
      expect(attached.map((r) => r.props.RoleName).sort()).toEqual([`${env}-administrator`, `${env}-break-glass`]);
      for (const r of attached) {
        for (const s of r.props.AssumeRolePolicyDocument.Statement) {
          expect(s.Condition.Bool['aws:MultiFactorAuthPresent']).toBe('true');
          expect(s.Condition.NumericLessThan['aws:MultiFactorAuthAge']).toBeDefined();
        }
      }
      // No AWS managed full-access policy (AdministratorAccess, PowerUserAccess, IAMFullAccess) is attached anywhere.
      const awsManaged = allResources()
        .filter((r) => r.env === env)
        .flatMap((r) => asArray(r.props.ManagedPolicyArns).map((a: any) => JSON.stringify(a)));
      for (const a of awsManaged) expect(a).not.toMatch(/policy\/(AdministratorAccess|PowerUserAccess|IAMFullAccess)/);
    }
  });
});

describe('staff access with a SAML provider (in-process synthesis)', () => {
  const base = CONFIGS.staging;
  const saml = `arn:aws:iam::${base.account}:saml-provider/AWSSSO_0123456789abcdef_DO_NOT_DELETE`;
  const config: EnvironmentConfig = {
    ...base,
    identity: { ...base.identity, trustedPrincipals: ['999999999999', saml], samlMfaEnforcedBy: 'IAM Identity Center: MFA every time you sign in' },
  };
  const app = new App();
  const alerting = new AlertingStack(app, 'Alerting', { config });
  const t = Template.fromStack(new IdentityStack(app, 'Identity', { config, alerting }));
  const roles = staffRoles(t.toJSON().Resources, config.name);

  test('IAM-STAFF-ROLES: a SAML provider becomes a federated trust statement limited to the AWS sign-in audience', () => {
    for (const level of LEVELS) {
      const statements = roles[level].props.AssumeRolePolicyDocument.Statement;
      expect(statements).toHaveLength(2);
      expect(statements[1]).toEqual({
        Action: 'sts:AssumeRoleWithSAML',
        Effect: 'Allow',
        Principal: { Federated: saml },
        Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
      });
    }
  });

  test('IAM-MFA-ROLES: each role names the identity provider setting that requires MFA of SAML sessions, and the own pack\'s finding is acknowledged on it alone', () => {
    for (const level of LEVELS) {
      expect(roles[level].props.Description).toMatch(/SAML sessions: MFA required by the identity provider \(IAM Identity Center: MFA every time you sign in\)$/);
    }
    const withoutIt: EnvironmentConfig = { ...config, identity: { ...config.identity, samlMfaEnforcedBy: undefined } };
    expect(() => new IdentityStack(new App(), 'Identity', { config: withoutIt, alerting: new AlertingStack(new App(), 'A', { config: withoutIt }) })).toThrow(
      /a SAML provider is trusted; samlMfaEnforcedBy must name the identity provider setting that requires MFA/,
    );
  });

  test('IAM-MFA-ROLES: the account statement beside a SAML statement still requires MFA', () => {
    for (const level of LEVELS) {
      const [account] = roles[level].props.AssumeRolePolicyDocument.Statement;
      expect(account.Condition.Bool).toEqual({ 'aws:MultiFactorAuthPresent': 'true' });
    }
  });

  test('IAM-BREAK-GLASS-ALERT: the rule also matches the AssumeRoleWithSAML call SAML-federated staff make', () => {
    const samlAction = roles['break-glass'].props.AssumeRolePolicyDocument.Statement[1].Action;
    expect(samlAction).toBe('sts:AssumeRoleWithSAML');
    const rules = t.findResources('AWS::Events::Rule');
    const [rule] = Object.values<any>(rules).filter((r) => r.Properties.EventPattern?.source?.includes('aws.sts'));
    expect(rule.Properties.EventPattern.detail.eventName).toContain(samlAction.replace(/^sts:/, ''));
    expect(rule.Properties.EventPattern.detail.requestParameters.roleArn).toEqual([`arn:aws:iam::${config.account}:role/${roles['break-glass'].props.RoleName}`]);
  });
});

describe('IAM-BREAK-GLASS-ALERT: the metric filter pattern for the trail log group', () => {
  test('IAM-BREAK-GLASS-ALERT: matches AssumeRole and AssumeRoleWithSAML of the role in CloudTrail JSON', () => {
    const pattern = BreakGlassAlert.filterPattern('arn:aws:iam::222222222222:role/production-break-glass').logPatternString;
    expect(pattern).toBe(
      '{ ($.eventSource = "sts.amazonaws.com") && (($.eventName = "AssumeRole") || ($.eventName = "AssumeRoleWithSAML")) && ($.requestParameters.roleArn = "arn:aws:iam::222222222222:role/production-break-glass") }',
    );
  });

  test.each(ENV_NAMES)('IAM-BREAK-GLASS-ALERT: the account trail alarm of %s matches the ARN of the break-glass role the identity stack creates', (env) => {
    const filters = Object.values<any>(templateJson(env, 'AccountBaseline').Resources).filter(
      (r) => r.Type === 'AWS::Logs::MetricFilter' && r.Properties.MetricTransformations[0].MetricName === 'BreakGlassRoleUse',
    );
    expect(filters).toHaveLength(1);
    const pattern: string = filters[0].Properties.FilterPattern;
    expect(pattern).toBe(BreakGlassAlert.filterPattern(BREAK_GLASS_ROLE_ARN_GLOB).logPatternString);
    for (const call of ['AssumeRole', 'AssumeRoleWithSAML']) expect(pattern).toContain(`($.eventName = "${call}")`);
    const glob = /\$\.requestParameters\.roleArn = "([^"]+)"/.exec(pattern)![1];
    const role = staffRoles(templateJson(env, 'Identity').Resources, env)['break-glass'].props;
    const arn = `arn:aws:iam::${CONFIGS[env].account}:role${role.Path ?? '/'}${role.RoleName}`;
    expect({ glob, arn, matched: globRegExp(glob).test(arn) }).toEqual({ glob, arn, matched: true });
    // No other staff role is caught by it.
    for (const level of LEVELS.filter((l) => l !== 'break-glass')) expect(globRegExp(glob).test(`arn:aws:iam::${CONFIGS[env].account}:role/${env}-${level}`)).toBe(false);
  });
});

describe('IAM-REGION-GUARDRAIL: the service control policy in docs/identity.md', () => {
  test('IAM-REGION-GUARDRAIL: the documented SCP exempts exactly the global services the staff roles exempt', () => {
    const doc = fs.readFileSync(path.join(__dirname, '..', 'docs', 'identity.md'), 'utf8');
    const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]));
    const scp = blocks.find((b) => asArray(b.Statement).some((s: any) => s.Sid === 'DenyOutsideAllowedRegions'));
    expect(scp).toBeDefined();
    const [statement] = scp.Statement;
    expect(statement.Effect).toBe('Deny');
    expect([...statement.NotAction].sort()).toEqual([...GLOBAL_SERVICE_ACTIONS].sort());
  });
});

describe('StaffRole validates its props', () => {
  const props = { roleName: 'x', description: 'x', trustedPrincipals: ['999999999999'], maxSessionDuration: Duration.hours(1), managedPolicies: [] };

  test.each<[string, object, RegExp]>([
    ['a principal that is neither an account nor a SAML provider', { trustedPrincipals: ['alice'] }, /trustedPrincipals got "alice", expected a 12-digit account ID or an IAM SAML provider ARN/],
    ['no principal', { trustedPrincipals: [] }, /trustedPrincipals is empty/],
    ['a session beyond 12 hours', { maxSessionDuration: Duration.hours(13) }, /maxSessionDuration got 13 hours, IAM allows 1 to 12/],
    ['an MFA age below 5 minutes', { mfaMaxAge: Duration.seconds(60) }, /mfaMaxAge got 60 seconds, expected 300 to 43200/],
  ])('IAM-STAFF-ROLES: throws on %s', (_name, change, message) => {
    expect(() => new StaffRole(new Stack(), 'Role', { ...props, ...change })).toThrow(message);
  });
});
