import * as nag from '../../nag/rules';
import { arrow, atLeast, atMost, byRank, enforcingResource, entryVerdicts, flag, forbiddenResource, list, show } from '../diff-builders';
import { eventRule } from '../diff-builders-alerting';
import { guardrailRule, POLICY_HOLDERS, policyStatements } from '../diff-builders-iam';
import { actionsOf, eventPattern, eventSources, props } from '../evidence-predicates';
import { conditionValue, mfaRequirement, sourcesOf, statementsOf, type TemplateResource } from '../template-readers';
import type { Control } from '../types';
import { exported } from '../enforcer';

// The modules of what enforces these controls, loaded only when asked for (lib/controls/enforcer.ts).
const accessAnalyzerModule = () => import('../../constructs/audit/access-analyzer.js');
const breakGlassAlertModule = () => import('../../constructs/identity/break-glass-alert.js');
const mfaRequiredGroupModule = () => import('../../constructs/identity/mfa-required-group.js');
const passwordPolicyModule = () => import('../../constructs/audit/password-policy.js');
const staffPoliciesModule = () => import('../../constructs/identity/staff-policies.js');
const staffRoleModule = () => import('../../constructs/identity/staff-role.js');
const staffRolesModule = () => import('../../constructs/identity/staff-roles.js');

/** The account password policy, a custom resource of the account baseline. */
const PASSWORD_POLICY = ['Custom::AccountPasswordPolicy'];

/*
 * Staff access controls (area 'identity', IAM-*): how staff reach the AWS account: distinct
 * MFA-gated roles with bounded sessions, an MFA requirement for IAM users, the account password
 * policy, a region guardrail, IAM Access Analyzer, no * on * outside the administrator and
 * break-glass roles, an alert on every break-glass use, and customer data kept from roles that
 * do not need it. The identity stack (and, for account-wide resources, the account baseline)
 * builds them; sign-in.ts and sign-in-clients.ts hold the customers' side of the area.
 */
export const STAFF_ACCESS_CONTROLS: readonly Control[] = [
  // Staff access.
  {
    id: 'IAM-STAFF-ROLES',
    statement:
      'Staff use distinct roles (administrator, operator/deployer, developer, security auditor, break-glass), each trusted only by principals from config, with a bounded session and no long-term credentials.',
    sources: [
      {
        seed: '003_c8c1318184c7c51b.txt',
        quote: 'Lexagle enables permission levels to be set for any employees with access to Lexagle.',
      },
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Administrative access follows the principle of least privilege (access is limited to what is required for a job role).',
      },
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'Employees are only given access to systems they require for their roles.',
      },
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Production systems are accessible only to authorized personnel using unique user accounts.',
      },
    ],
    kind: 'enforced',
    area: 'identity',
    status: 'implemented',
    enforcement:
      'IdentityStack/StaffRoles: five AWS::IAM::Role (<env>-administrator, -operator, -developer, -security-auditor, -break-glass), permissions only from managed policies (administrator and break-glass: AdministratorAccess customer policy; operator: Deploy via the cdk-*-deploy-role-*, cdk-*-file-publishing-role-* and cdk-*-image-publishing-role-* bootstrap roles only (not the lookup or execution roles) plus OperationalRead; developer: OperationalRead; auditor: AWS SecurityAudit), one trust statement per identity.trustedPrincipals entry (AccountPrincipal, or SAML provider with SAML:aud), MaxSessionDuration identity.privilegedSessionHours (1 h in production) for the privileged roles and identity.sessionHours for the others; no AWS::IAM::User or AccessKey for people. Config validation rejects other principals and sessions outside IAM\'s 1-12 h.',
    detectors: {
      none: 'No managed detector knows which principals may assume which staff role; IAM Access Analyzer reports a trust policy that admits another account, and CloudTrail records every AssumeRole.',
    },
    enforcedBy: [exported(staffRolesModule, 'StaffRoles'), exported(staffRoleModule, 'StaffRole')],
    evidence: { what: 'roles people can assume (the staff roles)', select: [{ types: ['AWS::IAM::Role'], where: (r) => mfaRequirement(props(r).AssumeRolePolicyDocument) !== undefined }] },
    diff: {
      rules: [
        // Distinct roles, principals from config, bounded sessions, no long-term credentials.
        {
          resourceTypes: ['AWS::IAM::Role'],
          assess: (before: TemplateResource | undefined, after: TemplateResource | undefined, kind) => {
            if (kind === 'added' || kind === 'removed') return undefined;
            const [bDoc, aDoc] = [before?.Properties?.AssumeRolePolicyDocument, after?.Properties?.AssumeRolePolicyDocument];
            if (mfaRequirement(bDoc) === undefined && mfaRequirement(aDoc) === undefined) return undefined;
            const out = entryVerdicts(humanPrincipals(bDoc), humanPrincipals(aDoc), 'weakened', (p, how) => `trust policy principal ${show(p)} ${how}`);
            const session = (r?: TemplateResource) => Number(r?.Properties?.MaxSessionDuration ?? IAM_DEFAULT_SESSION_SECONDS);
            if (session(before) !== session(after)) out.push({ direction: byRank(-session(before), -session(after)), detail: arrow('MaxSessionDuration', session(before), session(after)) });
            return out;
          },
        },
        forbiddenResource(['AWS::IAM::User', 'AWS::IAM::AccessKey'], (r) =>
          r.Type === 'AWS::IAM::User' ? 'IAM user (long-term credentials)' : 'IAM access key (long-term credential)',
        ),
      ],
    },
  },
  {
    id: 'IAM-MFA-ROLES',
    statement:
      'Every staff role trusted by an account principal can be assumed only with MFA, and the privileged roles (administrator, operator, break-glass) only with a recent MFA sign-in; a role trusted by a SAML provider relies on the identity provider\'s MFA, which the configuration must name (identity.samlMfaEnforcedBy) and the role\'s description states, because IAM sees no MFA in a SAML session.',
    sources: [
      { seed: '000_0f4aa12068a9bf0e.txt', quote: 'Two-factor authentication enabled for all cloud hosting providers' },
      {
        seed: '000_0f4aa12068a9bf0e.txt',
        quote: 'Only authorised personnel have access to data with two-factor authentication being mandatory',
      },
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'We have implemented multi-factor authentication for all server access on our production level.',
      },
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Critical internal tools require Multi-Factor Authentication (MFA)',
      },
    ],
    kind: 'enforced',
    area: 'identity',
    status: 'implemented',
    enforcement:
      'Each account trust statement of every staff role requires Bool aws:MultiFactorAuthPresent true; administrator, operator and break-glass also NumericLessThan aws:MultiFactorAuthAge identity.mfaMaxAgeSeconds (at most 3600 in production). SAML sessions carry no MFA key: config validation requires identity.samlMfaEnforcedBy (the IdP setting that requires MFA) whenever a trusted principal is a SAML provider, and every role trusting one names it in its Description ("SAML sessions: MFA required by the identity provider (<setting>)"; docs/identity.md).',
    detectors: {
      none: 'No managed detector reads MFA conditions in role trust policies; the controls diff fails a pull request that drops them, and CloudTrail records each session\'s MFA flag.',
    },
    enforcedBy: [exported(staffRoleModule, 'StaffRole')],
    evidence: {
      what: 'roles whose trust policy requires aws:MultiFactorAuthPresent, or that trust a SAML provider and name the identity provider setting requiring MFA (SAML sessions carry no MFA context IAM can check)',
      select: [
        {
          types: ['AWS::IAM::Role'],
          where: (r) =>
            mfaRequirement(props(r).AssumeRolePolicyDocument)?.mfa === true ||
            (JSON.stringify(props(r).AssumeRolePolicyDocument ?? {}).includes(':saml-provider/') && /SAML sessions: MFA required by the identity provider \(.+\)/.test(String(props(r).Description ?? ''))),
        },
      ],
    },
    diff: {
      rules: [
        {
          resourceTypes: ['AWS::IAM::Role'],
          assess: (before: TemplateResource | undefined, after: TemplateResource | undefined, kind) => {
            const b = mfaRequirement(before?.Properties?.AssumeRolePolicyDocument);
            const a = mfaRequirement(after?.Properties?.AssumeRolePolicyDocument);
            if (kind === 'removed' || a === undefined) return undefined;
            if (b === undefined) return a.mfa ? undefined : { direction: 'weakened', detail: 'role assumable by people without aws:MultiFactorAuthPresent added' };
            if (b.mfa && !a.mfa) return { direction: 'weakened', detail: 'trust policy lost aws:MultiFactorAuthPresent' };
            if (!b.mfa && a.mfa) return { direction: 'strengthened', detail: 'trust policy now requires aws:MultiFactorAuthPresent' };
            if (a.mfa && a.maxAge !== b.maxAge) {
              return { direction: byRank(-b.maxAge, -a.maxAge), detail: arrow('aws:MultiFactorAuthAge', Number.isFinite(b.maxAge) ? b.maxAge : undefined, Number.isFinite(a.maxAge) ? a.maxAge : undefined) };
            }
            return undefined;
          },
        },
      ],
    },
    nagRules: [nag.StaffRoleMfa],
  },
  {
    id: 'IAM-MFA-USERS',
    statement: 'IAM users in the account can do nothing but set up their own MFA until they have signed in with MFA.',
    sources: [
      { seed: '000_0f4aa12068a9bf0e.txt', quote: 'Two-factor authentication enabled for all cloud hosting providers' },
    ],
    kind: 'enforced',
    area: 'identity',
    status: 'implemented',
    enforcement:
      'MfaRequiredGroup: AWS::IAM::Group <env>-mfa-required with a customer-managed policy (AWS\'s documented self-management policy) that denies NotAction [own MFA device and password actions, sts:GetSessionToken] when BoolIfExists aws:MultiFactorAuthPresent is false.',
    detectors: {
      configRules: ['IAM_USER_MFA_ENABLED', 'MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS', 'ROOT_ACCOUNT_MFA_ENABLED'],
      securityHub: ['IAM.5'],
    },
    enforcedBy: [exported(mfaRequiredGroupModule, 'MfaRequiredGroup')],
    evidence: {
      what: 'the MFA-required group and its policy denying actions without MFA',
      select: [
        { types: ['AWS::IAM::Group'] },
        {
          types: ['AWS::IAM::ManagedPolicy'],
          where: (r) => statementsOf(props(r).PolicyDocument).some((st) => st.Effect === 'Deny' && String(conditionValue(st, 'aws:MultiFactorAuthPresent')) === 'false'),
        },
      ],
    },
    diff: {
      rules: [
        // IAM users can do nothing but set up MFA until they sign in with it.
        guardrailRule('aws:MultiFactorAuthPresent', 'deny of actions without MFA'),
      ],
    },
  },
  {
    id: 'IAM-PASSWORD-POLICY',
    statement:
      'The account password policy requires at least 14 characters of every class, blocks reuse of the last 24 passwords and expires passwords after the configured age.',
    sources: [{ seed: '004_c378355873db2afd.txt', quote: 'strong passwords' }],
    kind: 'enforced',
    area: 'identity',
    status: 'implemented',
    enforcement:
      'AccountPasswordPolicy (account-baseline stack): Custom::AccountPasswordPolicy backed by a Node.js 24 NodejsFunction calling iam:UpdateAccountPasswordPolicy (MinimumPasswordLength 14, RequireUppercase/Lowercase/Numbers/Symbols true, PasswordReusePrevention 24, MaxPasswordAge from accountBaseline.passwordMaxAgeDays, HardExpiry false); the previous policy is kept in the physical ID and restored (or the policy deleted) on delete.',
    detectors: {
      configRules: ['IAM_PASSWORD_POLICY'],
      securityHub: ['IAM.7'],
    },
    enforcedBy: [exported(passwordPolicyModule, 'AccountPasswordPolicy')],
    evidence: { what: 'the account password policy custom resource', select: [{ types: ['Custom::AccountPasswordPolicy'] }] },
    diff: {
      rules: [
        // Defaults of UpdateAccountPasswordPolicy for a parameter left out: minimum length 6, no
        // character class required, no reuse prevention, no expiry
        // (https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAccountPasswordPolicy.html).
        enforcingResource(PASSWORD_POLICY, 'account password policy'),
        atLeast(PASSWORD_POLICY, ['Properties', 'MinimumPasswordLength'], 'MinimumPasswordLength', 6),
        atLeast(PASSWORD_POLICY, ['Properties', 'PasswordReusePrevention'], 'PasswordReusePrevention', 0),
        ...['RequireSymbols', 'RequireNumbers', 'RequireUppercaseCharacters', 'RequireLowercaseCharacters'].map((p) => flag(PASSWORD_POLICY, ['Properties', p], p)),
        atMost(PASSWORD_POLICY, ['Properties', 'MaxPasswordAge'], 'MaxPasswordAge', Infinity),
      ],
    },
  },
  {
    id: 'IAM-REGION-GUARDRAIL',
    statement: 'Staff roles cannot act outside the environment\'s allowed regions, except on global services.',
    sources: [
      {
        seed: '003_c8c1318184c7c51b.txt',
        quote: 'All of our services and data are hosted in Lexagle facilities in Singapore',
      },
    ],
    kind: 'enforced',
    area: 'identity',
    status: 'implemented',
    enforcement:
      'StaffRoles RegionGuardrail managed policy on every staff role: Deny NotAction GLOBAL_SERVICE_ACTIONS (IAM, STS, Organizations, billing, support, Route 53, CloudFront and its WAF/Shield/ACM certificates, ...) on * when StringNotEquals aws:RequestedRegion allowedRegions; docs/identity.md gives the equivalent service control policy (a test keeps its exemptions equal).',
    detectors: {
      none: 'No managed detector evaluates region conditions in IAM policies; the organisation\'s service control policy (docs/identity.md) is the second net, and CloudTrail records calls in any region.',
    },
    enforcedBy: [exported(staffRolesModule, 'StaffRoles'), exported(staffPoliciesModule, 'regionGuardrailStatement')],
    evidence: {
      what: 'the managed policy denying requests outside the allowed regions',
      select: [{ types: ['AWS::IAM::ManagedPolicy'], where: (r) => statementsOf(props(r).PolicyDocument).some((st) => st.Effect === 'Deny' && conditionValue(st, 'aws:RequestedRegion') !== undefined) }],
    },
    diff: {
      rules: [
        // Staff cannot act outside the allowed regions.
        guardrailRule('aws:RequestedRegion', 'region guardrail', { label: 'region', values: (s) => list(conditionValue(s, 'aws:RequestedRegion')) }),
      ],
    },
  },
  {
    id: 'IAM-ACCESS-ANALYZER',
    statement: 'IAM Access Analyzer continuously reports any resource shared outside the account.',
    sources: [
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'All access to our infrastructure is based on the principle of least privilege.',
      },
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: "We set strict controls over our employees' access to customer's personal data.",
      },
    ],
    kind: 'enforced',
    area: 'identity',
    status: 'implemented',
    enforcement:
      'AccessAnalyzer (account-baseline stack): AWS::AccessAnalyzer::Analyzer of Type ACCOUNT, plus ACCOUNT_UNUSED_ACCESS where accountBaseline.unusedAccessAgeDays is set (reported as inherited when the organisation runs it centrally).',
    detectors: {
      none: 'No managed Config rule or Security Hub control of the verified reference checks that an analyzer exists; the analyzer\'s own findings reach Security Hub and the HIGH/CRITICAL finding route.',
    },
    enforcedBy: [exported(accessAnalyzerModule, 'AccessAnalyzer')],
    evidence: { what: 'IAM Access Analyzer analyzers', select: [{ types: ['AWS::AccessAnalyzer::Analyzer'] }] },
    diff: {
      rules: [
        enforcingResource(['AWS::AccessAnalyzer::Analyzer'], 'access analyzer'),
      ],
    },
  },
  {
    id: 'IAM-NO-WILDCARD-ADMIN',
    statement: 'No IAM policy allows * on * except those of the MFA-gated administrator and break-glass roles.',
    sources: [
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Administrative access follows the principle of least privilege',
      },
    ],
    kind: 'enforced',
    area: 'identity',
    status: 'implemented',
    enforcement:
      'Test over every synthesized AWS::IAM::Policy, ManagedPolicy and inline Role/Group/User policy of every stack: an Allow with Action * and Resource * appears only in the StaffRoles AdministratorAccess policy, attached only to the MFA-gated (with MFA age) administrator and break-glass roles.',
    detectors: {
      none: 'IAM.1 and IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS flag every * on * policy, including the MFA-gated administrator and break-glass policy that holds it by design, so they cannot tell drift from design here; the tests and the IAM policy change alarm (MON-CIS-ALARMS) watch it.',
    },
    enforcedBy: [exported(staffRolesModule, 'StaffRoles'), exported(staffPoliciesModule, 'administratorStatements')],
    evidence: {
      what: 'the one policy allowing Action * on Resource * (the test checks every other policy has none)',
      select: [
        {
          types: ['AWS::IAM::ManagedPolicy', 'AWS::IAM::Policy'],
          where: (r) => statementsOf(props(r).PolicyDocument).some((st) => st.Effect === 'Allow' && actionsOf(st).includes('*') && [st.Resource].flat().includes('*')),
        },
      ],
    },
    diff: {
      rules: [
        // No new Allow * on *.
        {
          resourceTypes: POLICY_HOLDERS,
          assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
            const [b, a] = [wildcardAdmin(before).length, wildcardAdmin(after).length];
            if (a > b) return { direction: 'weakened', detail: `${a - b} statement(s) allowing * on * added` };
            if (a < b) return { direction: 'strengthened', detail: `${b - a} statement(s) allowing * on * removed` };
            return undefined;
          },
        },
      ],
    },
  },
  {
    id: 'IAM-BREAK-GLASS-ALERT',
    statement: 'Every assumption of the break-glass role raises a security alert.',
    sources: [
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Security-relevant events (e.g., admin access, authentication failures, data export, system errors) are logged.',
      },
      {
        seed: '003_c8c1318184c7c51b.txt',
        quote: 'When security events are detected they are escalated to our emergency alias',
      },
    ],
    kind: 'enforced',
    area: 'identity',
    status: 'implemented',
    enforcement:
      'BreakGlassAlert: AWS::Events::Rule on source aws.sts, AWS API Call via CloudTrail, eventName AssumeRole or AssumeRoleWithSAML, requestParameters.roleArn the break-glass role (<env>-break-glass, named from BREAK_GLASS_ROLE_SUFFIX), in state ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS (AssumeRole* are read-only management events), targeting the security alert topic; assumptions through the global STS endpoint, which EventBridge receives in us-east-1, reach that rule through the GlobalEvents stack (alerts.forwardGlobalEvents, default true): an AWS::Events::Rule in us-east-1 in the same state with the same breakGlassEventPattern() targeting the home region\'s default event bus through a role that may only events:PutEvents to it; the account baseline\'s CIS alarm BreakGlassRoleUse is a metric filter on the account trail log group built from the same BreakGlassAlert.filterPattern() with the role-ARN glob *-break-glass (every region, including assumptions through the global STS endpoint).',
    detectors: {
      none: 'The control is itself detection (EventBridge rules and a CIS alarm); no managed detector evaluates an EventBridge rule\'s state. Its dead-letter queue alarms when a delivery fails.',
    },
    enforcedBy: [exported(breakGlassAlertModule, 'BreakGlassAlert')],
    evidence: {
      what: 'the EventBridge rule on AssumeRole of the break-glass role, and its us-east-1 forwarding rule (GlobalEvents)',
      select: [{ types: ['AWS::Events::Rule'], where: (r) => eventSources(r).includes('aws.sts') && [eventPattern(r).detail?.eventName].flat().includes('AssumeRole') }],
    },
    diff: {
      rules: [
        // The EventBridge rules on assumptions of a named role.
        eventRule('role-assumption alert', (p) => sourcesOf(p).includes('aws.sts') && p?.detail?.requestParameters?.roleArn !== undefined),
      ],
    },
  },
  {
    id: 'IAM-CUSTOMER-DATA-RESTRICTED',
    statement:
      'The developer, operator and auditor roles are denied direct reads of customer data (databases, tenant keys and secrets, objects, the customer directory, database logs, shells and unmasking); the tenant workload, administrator and break-glass roles are not.',
    sources: [
      { seed: '000_0f4aa12068a9bf0e.txt', quote: 'Only authorised personnel have access to data' },
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: "We set strict controls over our employees' access to customer's personal data.",
      },
      { seed: '001_b709435b510d2964.txt', quote: 'Access to data is extremely restricted.' },
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'in order to diagnose a problem our customers are having we may need to access their data',
      },
    ],
    kind: 'enforced',
    area: 'identity',
    status: 'partial',
    missing:
      '"Access to data is extremely restricted" (001) holds only for direct reads. CloudFormation deploys through the CDK bootstrap\'s execution role, which holds AdministratorAccess unless the account was bootstrapped with the generated policy (npm run cfn-execution-policy, docs/identity.md); that bootstrap is manual, nothing here checks which policy the role holds, and the operator role deploys through it, so an operator can deploy a change (a function, a task, a grant) that reads customer data. The developer and operator roles read every log group but the database ones: application logs (personal data masked, LOG-NO-CLIENT-CONTENT), WAF logs (request paths and headers other than authorization and cookie), the trail\'s log group (object keys of customer buckets), flow logs and VPN connection logs.',
    enforcement:
      'StaffRoles CustomerDataDeny managed policy on the operator, developer and security-auditor roles: explicit Deny of rds-db:connect and rds-data:*, secretsmanager:GetSecretValue, kms:Decrypt/ReEncryptFrom/GenerateDataKey*/CreateGrant on keys tagged with the tenant tag (aws:ResourceTag/saas-security-baseline:tenant present), s3:GetObject* on all buckets, ecs:ExecuteCommand, ssm:StartSession, logs:Unmask, the log-event reads (GetLogEvents, FilterLogEvents, StartQuery, StartLiveTail, GetLogRecord, CreateExportTask) of the /aws/rds/* database log groups (DenyDatabaseLogReads), s3:GetObject* on the objects of the Cognito authentication event bucket (named, beside the all-bucket deny) and reads of the Cognito customer directory (ListUsers, AdminGetUser, DescribeIdentityProvider, ...).',
    detectors: {
      none: 'No managed detector evaluates explicit denies for staff roles; the tests read the policies on every synthesis, and CloudTrail records every data-plane call.',
    },
    enforcedBy: [exported(staffRolesModule, 'StaffRoles'), exported(staffPoliciesModule, 'customerDataDenyStatements')],
    evidence: {
      what: 'the managed policy denying staff access to customer data',
      select: [{ types: ['AWS::IAM::ManagedPolicy'], where: (r) => statementsOf(props(r).PolicyDocument).some((st) => st.Effect === 'Deny' && actionsOf(st).includes('rds-db:connect')) }],
    },
    diff: {
      rules: [
        // Explicit denies of customer-data reads.
        {
          resourceTypes: POLICY_HOLDERS,
          assess: (before: TemplateResource | undefined, after: TemplateResource | undefined, kind) => {
            const [b, a] = [explicitDenies(before), explicitDenies(after)];
            if (kind === 'removed') return b.length > 0 ? { direction: 'weakened', detail: `policy with ${b.length} explicit deny(s) removed` } : undefined;
            return entryVerdicts(b, a, 'strengthened', (d, how) => `explicit deny of ${d} ${how}`);
          },
        },
      ],
    },
  },
];

// ---------------------------------------------------------------------------------------------
// What the diff rules above read
// ---------------------------------------------------------------------------------------------

/** IAM's MaxSessionDuration when none is given: one hour (https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateRole.html). */
const IAM_DEFAULT_SESSION_SECONDS = 3600;

/** The principals an IAM role's trust policy lets people in with (accounts, users, federated providers). */
function humanPrincipals(doc: any): unknown[] {
  return statementsOf(doc)
    .filter((s) => s.Effect === 'Allow')
    .flatMap((s) => (s.Principal === '*' ? ['*'] : [...list(s.Principal?.AWS), ...list(s.Principal?.Federated)]));
}

/** Allow statements granting every action on every resource. */
function wildcardAdmin(r: TemplateResource | undefined): any[] {
  return policyStatements(r).filter((s) => s.Effect === 'Allow' && list(s.Action).includes('*') && list(s.Resource).includes('*'));
}

/** Explicit denies of named actions (not guardrails), one entry per action, resource and condition. */
function explicitDenies(r: TemplateResource | undefined): string[] {
  return policyStatements(r)
    .filter((s) => s.Effect === 'Deny' && s.Action !== undefined)
    .flatMap((s) => list(s.Action).map((a) => `${show(a)} on ${list(s.Resource).map(show).join(', ')}${s.Condition ? ` when ${show(s.Condition)}` : ''}`));
}
