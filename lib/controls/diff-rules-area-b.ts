/**
 * Rules of the PR controls diff (control DEL-PR-CONTROLS-DIFF) for the identity, audit,
 * monitoring and backup controls that `diff-rules.ts` does not yet watch, and for weakenings of
 * the ones it watches that its rules missed (a weakening fixture showed each: a data-event
 * selector dropped while another stays, a password character class turned off, a GuardDuty
 * feature disabled, a threat-protection action loosened, ...).
 *
 * Written against CloudFormation types and properties only. A few resources are told apart by
 * a value this project writes into the template and names in one constant (the backup tag, the
 * alert dead-letter tag, the CIS metric namespace); each such place says why.
 *
 * The catalog entries of these controls name their rules here (`areaBRulesOf`); `CONTROL_RULES`
 * (diff-rules.ts) reads them from the entries like every other rule.
 */
import { ALERT_DEAD_LETTERS_TAG, BACKUP_TAG } from '../constants/tags';
import { CIS_METRIC_NAMESPACE } from '../constructs/audit/cis-alarms';
import type { ControlId } from './control-id';
import { arrow, atLeast as atLeastRule, byRank, enforcingResource, flag as flagRule, present as presentRule, ranked as rankedRule, show } from './diff-builders';
import type { ControlRule, DiffRule, Verdict } from './diff-rule';
import * as shapes from './diff-rule-shapes';
import { entryVerdicts, hasTag, isLocked, list, policyStatements, POLICY_HOLDERS, setDiff } from './diff-rule-shapes';
import { conditionValue, isTrue, mfaRequirement, statementsOf, type TemplateResource } from './template-readers';

/** A rule builder that also takes the control, so the table below reads one control at a time. */
const forControl =
  <A extends unknown[]>(build: (...args: A) => DiffRule) =>
  (control: ControlId, ...args: A): ControlRule => ({ ...build(...args), control });

const flag = forControl(flagRule);
const atLeast = forControl(atLeastRule);
const present = forControl(presentRule);
const ranked = forControl(rankedRule);
const enforcedBy = forControl(enforcingResource);
const rankedSet = forControl(shapes.rankedSet);
const flagSet = forControl(shapes.flagSet);
const atMost = forControl(shapes.atMost);
const guardrailRule = forControl(shapes.guardrailRule);
const eventRule = forControl(shapes.eventRule);
const alarmRule = forControl(shapes.alarmRule);
const objectLockRule = forControl(shapes.objectLockRule);

// ---------------------------------------------------------------------------------------------
// What tells the resources of these areas apart
// ---------------------------------------------------------------------------------------------

/** Allow statements granting every action on every resource. */
const wildcardAdmin = (r: TemplateResource | undefined) =>
  policyStatements(r).filter((s) => s.Effect === 'Allow' && list(s.Action).includes('*') && list(s.Resource).includes('*'));

/** Explicit denies of named actions (not guardrails), one entry per action, resource and condition. */
function explicitDenies(r: TemplateResource | undefined): string[] {
  return policyStatements(r)
    .filter((s) => s.Effect === 'Deny' && s.Action !== undefined)
    .flatMap((s) => list(s.Action).map((a) => `${show(a)} on ${list(s.Resource).map(show).join(', ')}${s.Condition ? ` when ${show(s.Condition)}` : ''}`));
}

/** The principals an IAM role's trust policy lets people in with (accounts, users, federated providers). */
function humanPrincipals(doc: any): unknown[] {
  return statementsOf(doc)
    .filter((s) => s.Effect === 'Allow')
    .flatMap((s) => (s.Principal === '*' ? ['*'] : [...list(s.Principal?.AWS), ...list(s.Principal?.Federated)]));
}

/** IAM's MaxSessionDuration when none is given: one hour (https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateRole.html). */
const IAM_DEFAULT_SESSION_SECONDS = 3600;

const sources = (pattern: any) => list(pattern?.source);
const detailTypes = (pattern: any) => list(pattern?.['detail-type']);

/** Backup job events of a successful end (`COMPLETED`): what the restore validation reacts to. */
const completedStates = (pattern: any) => [...list(pattern?.detail?.state), ...list(pattern?.detail?.status)].includes('COMPLETED');

/** The CloudWatch metrics of a dead-letter queue's depth and of EventBridge events neither delivered nor dead-lettered. */
const isDeliveryAlarm = (p: any) =>
  (p?.Namespace === 'AWS/SQS' && p?.MetricName === 'ApproximateNumberOfMessagesVisible') || (p?.Namespace === 'AWS/Events' && p?.MetricName === 'InvocationsFailedToBeSentToDlq');

/** Metric filters on CloudTrail events (the CIS patterns read these fields of a trail's log records). */
const readsTrailEvents = (p: any) => /\$\.(eventName|eventSource|errorCode|userIdentity|sourceIPAddress)\b/.test(String(p?.FilterPattern ?? ''));

/** The shortest lifecycle expiry of a bucket's current objects, in days (Infinity: kept). */
const expiryDays = (r?: TemplateResource) =>
  Math.min(...list(r?.Properties?.LifecycleConfiguration?.Rules).filter((x: any) => x?.Status !== 'Disabled' && x?.ExpirationInDays !== undefined).map((x: any) => Number(x.ExpirationInDays)), Infinity);

/**
 * The audit-log buckets: Object-Locked buckets that are not customer data. Customer-data and
 * legal-archive buckets carry the backup tag (BAK-SELECTIONS), audit logs never do.
 */
const isAuditLogBucket = (r: TemplateResource) => !hasTag(r, BACKUP_TAG);

// ---------------------------------------------------------------------------------------------
// Cognito
// ---------------------------------------------------------------------------------------------

/** Token lifetimes in seconds. Units left out are hours for access and ID tokens, days for refresh tokens
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-cognito-userpoolclient-tokenvalidityunits.html). */
const UNIT_SECONDS: Record<string, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };
const TOKENS = [
  { property: 'AccessTokenValidity', unit: 'AccessToken', defaultUnit: 'hours' },
  { property: 'IdTokenValidity', unit: 'IdToken', defaultUnit: 'hours' },
  { property: 'RefreshTokenValidity', unit: 'RefreshToken', defaultUnit: 'days' },
] as const;

/** OAuth scopes that only identify the user at sign-in (OIDC, Facebook, Sign in with Apple). */
const SIGN_IN_SCOPES = new Set(['openid', 'email', 'profile', 'public_profile', 'name']);
const scopesOf = (r?: TemplateResource) => String(r?.Properties?.ProviderDetails?.authorize_scopes ?? '').split(/[\s,]+/).filter(Boolean);
/** Provider secrets read from Secrets Manager at deploy time rather than written into the template. */
const secretFromSecretsManager = (v: unknown) => v === undefined || String(v).startsWith('{{resolve:secretsmanager:');
/** App client flows that never hand the customer's password to the application. */
const PASSWORDLESS_APP_FLOWS = new Set(['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
/** First sign-in factors without a password. */
const PASSWORDLESS_FACTORS = new Set(['WEB_AUTHN', 'EMAIL_OTP', 'SMS_OTP']);

/** Threat-protection actions, weakest first. */
const RISK_ACTIONS = ['NO_ACTION', 'MFA_IF_CONFIGURED', 'MFA_REQUIRED', 'BLOCK'];

// ---------------------------------------------------------------------------------------------
// The rules
// ---------------------------------------------------------------------------------------------

const USER_POOL = ['AWS::Cognito::UserPool'];
const APP_CLIENT = ['AWS::Cognito::UserPoolClient'];
const PASSWORD_POLICY = ['Custom::AccountPasswordPolicy'];
const PG_PARAMETERS = ['AWS::RDS::DBClusterParameterGroup', 'AWS::RDS::DBParameterGroup'];

/**
 * A database parameter that, when `logs` holds, writes statement text or values into the log
 * (LOG-NO-CLIENT-CONTENT). A parameter left out takes the engine's default, not compared.
 */
function loggingSwitch(parameter: string, logs: (value: unknown) => boolean): ControlRule {
  return {
    control: 'LOG-NO-CLIENT-CONTENT',
    resourceTypes: PG_PARAMETERS,
    path: ['Properties', 'Parameters', parameter],
    assess: (before, after) => {
      if (before === undefined || after === undefined) return { direction: 'neutral', detail: `${arrow(parameter, before, after)} (engine default, not comparable)` };
      return { direction: byRank(Number(!logs(before)), Number(!logs(after))), detail: arrow(parameter, before, after) };
    },
  };
}

/** The rules of the identity, audit, monitoring and backup areas this file adds, each with its control. */
const RULES: readonly ControlRule[] = [
  // --- IAM-STAFF-ROLES: distinct roles, principals from config, bounded sessions, no long-term credentials
  {
    control: 'IAM-STAFF-ROLES',
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
  {
    control: 'IAM-STAFF-ROLES',
    resourceTypes: ['AWS::IAM::User', 'AWS::IAM::AccessKey'],
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined, kind) => {
      const what = (before ?? after)!.Type === 'AWS::IAM::User' ? 'IAM user (long-term credentials)' : 'IAM access key (long-term credential)';
      if (kind === 'added') return { direction: 'weakened', detail: `${what} added` };
      if (kind === 'removed') return { direction: 'strengthened', detail: `${what} removed` };
      return undefined;
    },
  },

  // --- IAM-MFA-USERS: IAM users can do nothing but set up MFA until they sign in with it
  guardrailRule('IAM-MFA-USERS', 'aws:MultiFactorAuthPresent', 'deny of actions without MFA'),

  // --- IAM-PASSWORD-POLICY: the account password policy (custom resource of the account baseline).
  // Defaults of UpdateAccountPasswordPolicy for a parameter left out: minimum length 6, no
  // character class required, no reuse prevention, no expiry
  // (https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAccountPasswordPolicy.html).
  enforcedBy('IAM-PASSWORD-POLICY', PASSWORD_POLICY, 'account password policy'),
  atLeast('IAM-PASSWORD-POLICY', PASSWORD_POLICY, ['Properties', 'MinimumPasswordLength'], 'MinimumPasswordLength', 6),
  atLeast('IAM-PASSWORD-POLICY', PASSWORD_POLICY, ['Properties', 'PasswordReusePrevention'], 'PasswordReusePrevention', 0),
  ...['RequireSymbols', 'RequireNumbers', 'RequireUppercaseCharacters', 'RequireLowercaseCharacters'].map((p) => flag('IAM-PASSWORD-POLICY', PASSWORD_POLICY, ['Properties', p], p)),
  atMost('IAM-PASSWORD-POLICY', PASSWORD_POLICY, ['Properties', 'MaxPasswordAge'], 'MaxPasswordAge', Infinity),

  // --- IAM-REGION-GUARDRAIL: staff cannot act outside the allowed regions
  guardrailRule('IAM-REGION-GUARDRAIL', 'aws:RequestedRegion', 'region guardrail', { label: 'region', values: (s) => list(conditionValue(s, 'aws:RequestedRegion')) }),

  // --- IAM-NO-WILDCARD-ADMIN: no new Allow * on *
  {
    control: 'IAM-NO-WILDCARD-ADMIN',
    resourceTypes: POLICY_HOLDERS,
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
      const [b, a] = [wildcardAdmin(before).length, wildcardAdmin(after).length];
      if (a > b) return { direction: 'weakened', detail: `${a - b} statement(s) allowing * on * added` };
      if (a < b) return { direction: 'strengthened', detail: `${b - a} statement(s) allowing * on * removed` };
      return undefined;
    },
  },

  // --- IAM-BREAK-GLASS-ALERT: the EventBridge rules on assumptions of a named role
  eventRule('IAM-BREAK-GLASS-ALERT', 'role-assumption alert', (p) => sources(p).includes('aws.sts') && p?.detail?.requestParameters?.roleArn !== undefined),

  // --- IAM-CUSTOMER-DATA-RESTRICTED: explicit denies of customer-data reads
  {
    control: 'IAM-CUSTOMER-DATA-RESTRICTED',
    resourceTypes: POLICY_HOLDERS,
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined, kind) => {
      const [b, a] = [explicitDenies(before), explicitDenies(after)];
      if (kind === 'removed') return b.length > 0 ? { direction: 'weakened', detail: `policy with ${b.length} explicit deny(s) removed` } : undefined;
      return entryVerdicts(b, a, 'strengthened', (d, how) => `explicit deny of ${d} ${how}`);
    },
  },

  // --- SIGNIN-USER-POOL: the pool exists and cannot be deleted by accident
  enforcedBy('SIGNIN-USER-POOL', USER_POOL, 'customer user pool'),
  rankedSet('SIGNIN-USER-POOL', USER_POOL, ['Properties', 'DeletionProtection'], 'DeletionProtection', ['INACTIVE', 'ACTIVE']),
  {
    control: 'SIGNIN-USER-POOL',
    resourceTypes: USER_POOL,
    path: ['Properties', 'UserAttributeUpdateSettings', 'AttributesRequireVerificationBeforeUpdate'],
    assess: (before, after) => entryVerdicts(list(before), list(after), 'strengthened', (v, how) => `changes of ${show(v)} ${how === 'added' ? 'now need' : 'no longer need'} verification`),
  },

  // --- SIGNIN-PASSWORDLESS: passkeys (and e-mailed codes) as first factors
  {
    control: 'SIGNIN-PASSWORDLESS',
    resourceTypes: USER_POOL,
    path: ['Properties', 'Policies', 'SignInPolicy', 'AllowedFirstAuthFactors'],
    assess: (before, after) =>
      entryVerdicts(list(before).filter((f) => PASSWORDLESS_FACTORS.has(f as string)), list(after).filter((f) => PASSWORDLESS_FACTORS.has(f as string)), 'strengthened', (f, how) => `first sign-in factor ${show(f)} ${how}`),
  },
  rankedSet('SIGNIN-PASSWORDLESS', USER_POOL, ['Properties', 'WebAuthnUserVerification'], 'WebAuthnUserVerification', ['preferred', 'required']),
  rankedSet('SIGNIN-PASSWORDLESS', USER_POOL, ['Properties', 'WebAuthnFactorConfiguration'], 'WebAuthnFactorConfiguration', ['SINGLE_FACTOR_ONLY', 'MULTI_FACTOR_WITH_USER_VERIFICATION']),
  {
    control: 'SIGNIN-PASSWORDLESS',
    resourceTypes: APP_CLIENT,
    path: ['Properties', 'ExplicitAuthFlows'],
    assess: (before, after) => {
      const choice = (v: unknown) => list(v).includes('ALLOW_USER_AUTH');
      if (choice(before) === choice(after)) return undefined;
      return { direction: choice(after) ? 'strengthened' : 'weakened', detail: `choice-based sign-in (ALLOW_USER_AUTH) ${choice(after) ? 'allowed' : 'no longer allowed'}` };
    },
  },

  // --- SIGNIN-FEDERATION: identity providers with sign-in scopes and secrets from Secrets Manager
  {
    control: 'SIGNIN-FEDERATION',
    resourceTypes: ['AWS::Cognito::UserPoolIdentityProvider'],
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
      const name = show((after ?? before)!.Properties?.ProviderName);
      if (!after) return { direction: 'weakened', detail: `identity provider ${name} removed` };
      const secretsOk = (r?: TemplateResource) => ['client_secret', 'private_key'].every((k) => secretFromSecretsManager(r?.Properties?.ProviderDetails?.[k]));
      if (!before) return secretsOk(after) ? { direction: 'strengthened', detail: `identity provider ${name} added` } : { direction: 'weakened', detail: `identity provider ${name} added with a secret written into the template` };
      const out = entryVerdicts(
        scopesOf(before).filter((s) => !SIGN_IN_SCOPES.has(s)),
        scopesOf(after).filter((s) => !SIGN_IN_SCOPES.has(s)),
        'weakened',
        (s, how) => `${name} scope ${s} beyond sign-in ${how === 'added' ? 'requested' : 'no longer requested'}`,
      );
      if (secretsOk(before) !== secretsOk(after)) out.push({ direction: secretsOk(after) ? 'strengthened' : 'weakened', detail: `${name} secret ${secretsOk(after) ? 'now read from Secrets Manager' : 'no longer read from Secrets Manager'}` });
      return out;
    },
  },

  // --- SIGNIN-RBAC-GROUPS: customer roles as Cognito groups
  enforcedBy('SIGNIN-RBAC-GROUPS', ['AWS::Cognito::UserPoolGroup'], 'user pool group'),

  // --- SIGNIN-APP-CLIENT: code flow only, no password flows, short-lived revocable tokens
  {
    control: 'SIGNIN-APP-CLIENT',
    resourceTypes: APP_CLIENT,
    path: ['Properties', 'AllowedOAuthFlows'],
    assess: (before, after) => entryVerdicts(list(before).filter((f) => f !== 'code'), list(after).filter((f) => f !== 'code'), 'weakened', (f, how) => `OAuth flow ${show(f)} ${how}`),
  },
  {
    control: 'SIGNIN-APP-CLIENT',
    resourceTypes: APP_CLIENT,
    path: ['Properties', 'ExplicitAuthFlows'],
    assess: (before, after) =>
      entryVerdicts(
        list(before).filter((f) => !PASSWORDLESS_APP_FLOWS.has(f as string)),
        list(after).filter((f) => !PASSWORDLESS_APP_FLOWS.has(f as string)),
        'weakened',
        (f, how) => `auth flow ${show(f)} ${how}`,
      ),
  },
  {
    control: 'SIGNIN-APP-CLIENT',
    resourceTypes: APP_CLIENT,
    path: ['Properties'],
    assess: (before, after) => {
      const out: Verdict[] = [];
      for (const t of TOKENS) {
        const seconds = (p: any) => (p?.[t.property] === undefined ? undefined : Number(p[t.property]) * UNIT_SECONDS[p?.TokenValidityUnits?.[t.unit] ?? t.defaultUnit]);
        const [b, a] = [seconds(before), seconds(after)];
        if (b === a) continue;
        if (b === undefined || a === undefined) out.push({ direction: 'neutral', detail: `${arrow(t.property, before?.[t.property], after?.[t.property])} (service default, not comparable)` });
        else out.push({ direction: byRank(-b, -a), detail: arrow(`${t.property} (seconds)`, b, a) });
      }
      return out;
    },
  },
  flagSet('SIGNIN-APP-CLIENT', APP_CLIENT, ['Properties', 'EnableTokenRevocation'], 'EnableTokenRevocation'),
  // LEGACY is the API's default (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html).
  ranked('SIGNIN-APP-CLIENT', APP_CLIENT, ['Properties', 'PreventUserExistenceErrors'], 'PreventUserExistenceErrors', ['LEGACY', 'ENABLED'], 'LEGACY'),
  rankedSet('SIGNIN-APP-CLIENT', APP_CLIENT, ['Properties', 'RefreshTokenRotation', 'Feature'], 'RefreshTokenRotation.Feature', ['DISABLED', 'ENABLED']),
  {
    control: 'SIGNIN-APP-CLIENT',
    resourceTypes: APP_CLIENT,
    path: ['Properties', 'CallbackURLs'],
    assess: (before, after) => entryVerdicts(list(before).filter((u) => !String(u).startsWith('https://')), list(after).filter((u) => !String(u).startsWith('https://')), 'weakened', (u, how) => `callback URL ${show(u)} without HTTPS ${how}`),
  },

  // --- SIGNIN-AUTH-LOGGING: authentication events delivered (userAuthEvents needs LogLevel INFO:
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_LogConfigurationType.html)
  {
    control: 'SIGNIN-AUTH-LOGGING',
    resourceTypes: ['AWS::Cognito::LogDeliveryConfiguration'],
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
      const auth = (r?: TemplateResource) => list(r?.Properties?.LogConfigurations).filter((c: any) => c?.EventSource === 'userAuthEvents') as any[];
      const [b, a] = [auth(before), auth(after)];
      if (b.length === 0 && a.length === 0) return undefined;
      if (a.length === 0) return { direction: 'weakened', detail: `authentication event delivery ${after ? 'removed from the configuration' : 'removed'}` };
      if (b.length === 0) return { direction: 'strengthened', detail: 'authentication event delivery added' };
      const out: Verdict[] = [];
      const [lb, la] = [b[0].LogLevel, a[0].LogLevel];
      if (lb !== la) out.push({ direction: la === 'INFO' ? 'strengthened' : 'weakened', detail: arrow('userAuthEvents LogLevel', lb, la) });
      const dest = (c: any) => ({ S3: c.S3Configuration, Logs: c.CloudWatchLogsConfiguration, Firehose: c.FirehoseConfiguration });
      if (JSON.stringify(dest(b[0])) !== JSON.stringify(dest(a[0]))) out.push({ direction: 'neutral', detail: 'authentication events delivered to another destination' });
      return out;
    },
  },

  // --- SIGNIN-THREAT-PROTECTION, completed: custom-auth mode and the risk actions
  ranked('SIGNIN-THREAT-PROTECTION', USER_POOL, ['Properties', 'UserPoolAddOns', 'AdvancedSecurityAdditionalFlows', 'CustomAuthMode'], 'CustomAuthMode', ['OFF', 'AUDIT', 'ENFORCED'], 'OFF'),
  enforcedBy('SIGNIN-THREAT-PROTECTION', ['AWS::Cognito::UserPoolRiskConfigurationAttachment'], 'risk configuration'),
  ranked('SIGNIN-THREAT-PROTECTION', ['AWS::Cognito::UserPoolRiskConfigurationAttachment'], ['Properties', 'CompromisedCredentialsRiskConfiguration', 'Actions', 'EventAction'], 'compromised credentials EventAction', RISK_ACTIONS, 'NO_ACTION'),
  ...(['LowAction', 'MediumAction', 'HighAction'] as const).map((level) =>
    ranked('SIGNIN-THREAT-PROTECTION', ['AWS::Cognito::UserPoolRiskConfigurationAttachment'], ['Properties', 'AccountTakeoverRiskConfiguration', 'Actions', level, 'EventAction'], `account takeover ${level}`, RISK_ACTIONS, 'NO_ACTION'),
  ),

  // --- SIGNIN-PASSWORD-POLICY, completed: character classes, history, temporary passwords
  ...['RequireUppercase', 'RequireLowercase', 'RequireNumbers', 'RequireSymbols'].map((p) => flagSet('SIGNIN-PASSWORD-POLICY', USER_POOL, ['Properties', 'Policies', 'PasswordPolicy', p], `PasswordPolicy.${p}`)),
  atLeast('SIGNIN-PASSWORD-POLICY', USER_POOL, ['Properties', 'Policies', 'PasswordPolicy', 'PasswordHistorySize'], 'PasswordPolicy.PasswordHistorySize', NaN),
  atMost('SIGNIN-PASSWORD-POLICY', USER_POOL, ['Properties', 'Policies', 'PasswordPolicy', 'TemporaryPasswordValidityDays'], 'PasswordPolicy.TemporaryPasswordValidityDays', NaN),

  // --- AUD-CLOUDTRAIL, completed: global service events and the CloudWatch Logs delivery
  flagSet('AUD-CLOUDTRAIL', ['AWS::CloudTrail::Trail'], ['Properties', 'IncludeGlobalServiceEvents'], 'IncludeGlobalServiceEvents'),
  present('AUD-CLOUDTRAIL', ['AWS::CloudTrail::Trail'], ['Properties', 'CloudWatchLogsLogGroupArn'], 'CloudWatchLogsLogGroupArn'),

  // --- AUD-DATA-EVENTS, completed: a data-event selector dropped or narrowed while others stay
  {
    control: 'AUD-DATA-EVENTS',
    resourceTypes: ['AWS::CloudTrail::Trail'],
    path: ['Properties', 'AdvancedEventSelectors'],
    assess: (before, after) => {
      const data = (v: unknown) =>
        new Map(
          (list(v) as any[])
            .filter((s) => list(s?.FieldSelectors).some((f: any) => f?.Field === 'eventCategory' && list(f?.Equals).includes('Data')))
            .map((s, i) => [String(s.Name ?? `#${i}`), s]),
        );
      const exclusions = (s: any) => list(s?.FieldSelectors).reduce((n: number, f: any) => n + list(f?.NotStartsWith).length + list(f?.NotEquals).length + list(f?.NotEndsWith).length + (f?.Field === 'readOnly' ? 1 : 0), 0);
      const [b, a] = [data(before), data(after)];
      const out: Verdict[] = [];
      for (const [name, s] of b) {
        const now = a.get(name);
        if (!now) out.push({ direction: 'weakened', detail: `data event selector "${name}" removed` });
        else if (JSON.stringify(now) !== JSON.stringify(s)) {
          const [eb, ea] = [exclusions(s), exclusions(now)];
          out.push({ direction: ea > eb || list(now.FieldSelectors).length > list(s.FieldSelectors).length ? 'weakened' : ea < eb ? 'strengthened' : 'neutral', detail: `data event selector "${name}" changed` });
        }
      }
      for (const name of a.keys()) if (!b.has(name)) out.push({ direction: 'strengthened', detail: `data event selector "${name}" added` });
      return out;
    },
  },

  // --- AUD-TRAIL-BUCKET: Object Lock and retention of the audit-log buckets
  objectLockRule('AUD-TRAIL-BUCKET', 'Object-Locked audit log bucket', isAuditLogBucket),
  {
    control: 'AUD-TRAIL-BUCKET',
    resourceTypes: ['AWS::S3::Bucket'],
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined, kind) => {
      if (kind === 'added' || kind === 'removed' || !isLocked(before) || !isAuditLogBucket(before!)) return undefined;
      const [b, a] = [expiryDays(before), expiryDays(after)];
      return b === a ? undefined : { direction: byRank(b, a), detail: arrow('lifecycle ExpirationInDays', Number.isFinite(b) ? b : undefined, Number.isFinite(a) ? a : undefined) };
    },
  },

  // --- LOG-NO-CLIENT-CONTENT: masking in log groups, database statement logging, WAF log redaction
  {
    control: 'LOG-NO-CLIENT-CONTENT',
    resourceTypes: ['AWS::Logs::LogGroup'],
    path: ['Properties', 'DataProtectionPolicy'],
    assess: (before, after) => {
      if (after === undefined) return { direction: 'weakened', detail: 'DataProtectionPolicy removed' };
      if (before === undefined) return { direction: 'strengthened', detail: 'DataProtectionPolicy added' };
      const masked = (doc: any) => [...new Set(statementsOf(doc).filter((s) => s?.Operation?.Deidentify !== undefined).flatMap((s) => list(s.DataIdentifier)))];
      return entryVerdicts(masked(before), masked(after), 'strengthened', (id, how) => `masking of ${String(id).split('/').pop()} ${how}`);
    },
  },
  ...(
    [
      // Value scales, weakest (most logged) first. A parameter left out takes the engine's default, not compared.
      ['log_statement', ['all', 'mod', 'ddl', 'none']],
      ['log_error_verbosity', ['verbose', 'default', 'terse']],
      ['log_min_error_statement', ['debug5', 'debug4', 'debug3', 'debug2', 'debug1', 'info', 'notice', 'warning', 'error', 'log', 'fatal', 'panic']],
    ] as const
  ).map(([parameter, scale]) => rankedSet('LOG-NO-CLIENT-CONTENT', PG_PARAMETERS, ['Properties', 'Parameters', parameter], parameter, scale.map(String))),
  // -1 logs no statement by its duration; 0 or more logs the text of every statement that long.
  loggingSwitch('log_min_duration_statement', (v) => Number(v) >= 0),
  // pgaudit's switch for the bound values of audited statements (1/on writes them into the log).
  loggingSwitch('pgaudit.log_parameter', (v) => ['1', 'on', 'true'].includes(String(v).toLowerCase())),
  {
    control: 'LOG-NO-CLIENT-CONTENT',
    resourceTypes: ['AWS::WAFv2::LoggingConfiguration'],
    path: ['Properties'],
    assess: (before, after) => {
      const out = entryVerdicts(list(before?.RedactedFields), list(after?.RedactedFields), 'strengthened', (f, how) => `redacted field ${show(f)} ${how}`);
      const keepsAll = (p: any) => p?.LoggingFilter === undefined || p.LoggingFilter.DefaultBehavior === 'KEEP';
      if (keepsAll(before) !== keepsAll(after)) out.push({ direction: keepsAll(after) ? 'weakened' : 'strengthened', detail: keepsAll(after) ? 'WAF now logs every request' : 'WAF logs only requests its filter keeps' });
      return out;
    },
  },

  // --- MON-CONFIG-RULES, completed: what the recorder records
  flagSet('MON-CONFIG-RULES', ['AWS::Config::ConfigurationRecorder'], ['Properties', 'RecordingGroup', 'AllSupported'], 'RecordingGroup.AllSupported'),
  flagSet('MON-CONFIG-RULES', ['AWS::Config::ConfigurationRecorder'], ['Properties', 'RecordingGroup', 'IncludeGlobalResourceTypes'], 'RecordingGroup.IncludeGlobalResourceTypes'),

  // --- MON-GUARDDUTY, completed: protection plans (features) turned off
  {
    control: 'MON-GUARDDUTY',
    resourceTypes: ['AWS::GuardDuty::Detector'],
    path: ['Properties', 'Features'],
    assess: (before, after) => {
      const enabled = (v: unknown) => (list(v) as any[]).flatMap((f) => [
        ...(f?.Status === 'ENABLED' ? [String(f.Name)] : []),
        ...(list(f?.AdditionalConfiguration) as any[]).filter((c) => f?.Status === 'ENABLED' && c?.Status === 'ENABLED').map((c) => `${f.Name}/${c.Name}`),
      ]);
      return entryVerdicts(enabled(before), enabled(after), 'strengthened', (f, how) => `feature ${f} ${how === 'added' ? 'enabled' : 'no longer enabled'}`);
    },
  },

  // --- MON-CIS-ALARMS: metric filters on the trail's events and the alarms on their metrics
  {
    control: 'MON-CIS-ALARMS',
    resourceTypes: ['AWS::Logs::MetricFilter'],
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined, kind) => {
      const [b, a]: any[] = [before?.Properties ?? {}, after?.Properties ?? {}];
      if (!readsTrailEvents(before ? b : a)) return undefined;
      const name = show(list((before ? b : a).MetricTransformations).map((t: any) => t?.MetricName)[0]);
      if (kind === 'removed') return { direction: 'weakened', detail: `CloudTrail metric filter ${name} removed` };
      if (kind === 'added') return { direction: 'strengthened', detail: `CloudTrail metric filter ${name} added` };
      if (b.FilterPattern !== a.FilterPattern) return { direction: 'neutral', detail: `FilterPattern of ${name} changed (not comparable): review` };
      return undefined;
    },
  },
  // The CIS alarms are the ones on the CIS metric namespace, which only their metric filters write.
  alarmRule('MON-CIS-ALARMS', 'CIS', (p) => p?.Namespace === CIS_METRIC_NAMESPACE),

  // --- MON-OPERATIONAL-ALARMS: every other alarm (service health, system errors)
  alarmRule('MON-OPERATIONAL-ALARMS', 'operational', (p) => p?.Namespace !== CIS_METRIC_NAMESPACE && !isDeliveryAlarm(p)),

  // --- INC-ALERT-TOPICS, completed: the alert subscriptions
  enforcedBy('INC-ALERT-TOPICS', ['AWS::SNS::Subscription'], 'alert subscription'),

  // --- INC-FINDING-ROUTING: GuardDuty, Security Hub and root sign-in events to the security topic
  eventRule('INC-FINDING-ROUTING', 'finding routing', (p) => sources(p).some((s) => ['aws.guardduty', 'aws.securityhub', 'aws.signin'].includes(s as string))),

  // --- INC-ALERT-DELIVERY: dead-letter queues for every paging target and subscription
  {
    control: 'INC-ALERT-DELIVERY',
    resourceTypes: ['AWS::Events::Rule'],
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined, kind) => {
      if (kind === 'removed') return undefined;
      const targets = (r?: TemplateResource) => new Map((list(r?.Properties?.Targets) as any[]).map((t) => [String(t?.Id), t]));
      const [b, a] = [targets(before), targets(after)];
      // EventBridge retries a target for at most 86400 s (RetryPolicy.MaximumEventAgeInSeconds's
      // range: https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_RetryPolicy.html).
      const maxAge = (t: any) => Number(t?.RetryPolicy?.MaximumEventAgeInSeconds ?? 86400);
      const out: Verdict[] = [];
      for (const [id, t] of a) {
        const old = b.get(id);
        const hasDlq = (x: any) => x?.DeadLetterConfig?.Arn !== undefined;
        if (!hasDlq(t) && (old === undefined || hasDlq(old))) out.push({ direction: 'weakened', detail: `target ${id} (${show(t.Arn)}) ${old ? 'lost its' : 'added without a'} dead-letter queue` });
        else if (hasDlq(t) && old !== undefined && !hasDlq(old)) out.push({ direction: 'strengthened', detail: `target ${id} now has a dead-letter queue` });
        if (old !== undefined && maxAge(old) !== maxAge(t)) out.push({ direction: byRank(-maxAge(old), -maxAge(t)), detail: arrow(`target ${id} MaximumEventAgeInSeconds`, maxAge(old), maxAge(t)) });
      }
      return out;
    },
  },
  enforcedBy('INC-ALERT-DELIVERY', ['AWS::SNS::Subscription'], 'subscription', (r) => r.Properties?.RedrivePolicy !== undefined, 'a RedrivePolicy'),
  present('INC-ALERT-DELIVERY', ['AWS::SNS::Subscription'], ['Properties', 'RedrivePolicy'], 'RedrivePolicy'),
  {
    // The alert dead-letter queues carry ALERT_DEAD_LETTERS_TAG; other queues keep what they like.
    control: 'INC-ALERT-DELIVERY',
    resourceTypes: ['AWS::SQS::Queue'],
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined, kind) => {
      if (!hasTag(before ?? after, ALERT_DEAD_LETTERS_TAG)) return undefined;
      if (kind === 'removed') return { direction: 'weakened', detail: 'alert dead-letter queue removed' };
      if (kind === 'added') return undefined;
      const [b, a] = [before?.Properties?.MessageRetentionPeriod, after?.Properties?.MessageRetentionPeriod];
      if (b === a || b === undefined || a === undefined) return undefined;
      return { direction: byRank(Number(b), Number(a)), detail: arrow('MessageRetentionPeriod', b, a) };
    },
  },
  alarmRule('INC-ALERT-DELIVERY', 'dead-letter', isDeliveryAlarm),

  // --- INC-ALARM-ACTIONS: every alarm notifies a topic
  {
    control: 'INC-ALARM-ACTIONS',
    resourceTypes: ['AWS::CloudWatch::Alarm'],
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined, kind) => {
      if (kind === 'removed') return undefined;
      const [b, a] = [before?.Properties ?? {}, after!.Properties ?? {}];
      const off = (p: any) => p.ActionsEnabled !== undefined && !isTrue(p.ActionsEnabled);
      const actions = (p: any) => list(p.AlarmActions);
      if (kind === 'added') {
        if (off(a) || actions(a).length === 0) return { direction: 'weakened', detail: `alarm on ${show(a.MetricName)} added without actions` };
        return undefined;
      }
      const out = entryVerdicts(actions(b), actions(a), 'strengthened', (x, how) => `AlarmActions ${show(x)} ${how}`);
      if (off(b) !== off(a)) out.push({ direction: off(a) ? 'weakened' : 'strengthened', detail: arrow('ActionsEnabled', b.ActionsEnabled, a.ActionsEnabled) });
      return out;
    },
  },

  // --- BAK-PITR, completed: the continuous-backup window shortened
  {
    control: 'BAK-PITR',
    resourceTypes: ['AWS::Backup::BackupPlan'],
    path: ['Properties'],
    assess: (before, after) => {
      const window = (p: any) => Math.max(0, ...(list(p?.BackupPlan?.BackupPlanRule) as any[]).filter((r) => isTrue(r?.EnableContinuousBackup)).map((r) => Number(r?.Lifecycle?.DeleteAfterDays ?? 35)));
      const [b, a] = [window(before), window(after)];
      // Both with continuous backup: the window; turning it on or off is the rule in diff-rules.ts.
      if (b === a || b === 0 || a === 0) return undefined;
      return { direction: byRank(b, a), detail: arrow('continuous backup DeleteAfterDays', b, a) };
    },
  },

  // --- BAK-SELECTIONS, completed: resources left out of a selection
  {
    control: 'BAK-SELECTIONS',
    resourceTypes: ['AWS::Backup::BackupSelection'],
    path: ['Properties', 'BackupSelection'],
    assess: (before, after) => {
      const conditions = (s: any) => Object.entries<any>(s?.Conditions ?? {}).flatMap(([op, cs]) => list(cs).map((c) => `${op} ${show(c)}`));
      return [
        ...entryVerdicts(list(before?.Resources), list(after?.Resources), 'strengthened', (r, how) => `selected resources ${show(r)} ${how}`),
        ...entryVerdicts(list(before?.NotResources), list(after?.NotResources), 'weakened', (r, how) => `excluded resources ${show(r)} ${how}`),
        // Conditions are ANDed: each one added narrows the selection.
        ...entryVerdicts(conditions(before), conditions(after), 'weakened', (c, how) => `selection condition ${c} ${how}`),
      ];
    },
  },

  // --- BAK-RESIDENCY: a copy of recovery points to another vault moves data elsewhere
  {
    control: 'BAK-RESIDENCY',
    resourceTypes: ['AWS::Backup::BackupPlan'],
    path: ['Properties'],
    assess: (before, after) => {
      const copies = (p: any) => [...new Set((list(p?.BackupPlan?.BackupPlanRule) as any[]).flatMap((r) => (list(r?.CopyActions) as any[]).map((c) => c?.DestinationBackupVaultArn)))];
      const { added, removed } = setDiff(copies(before), copies(after));
      return [
        ...added.map((v) => ({ direction: 'weakened' as const, detail: `recovery points now copied to ${show(v)}: confirm its region is an allowed one` })),
        ...removed.map((v) => ({ direction: 'neutral' as const, detail: `copy to ${show(v)} removed` })),
      ];
    },
  },

  // --- BAK-RESTORE-VALIDATION: the rule that runs the validator on every completed restore
  eventRule('BAK-RESTORE-VALIDATION', 'restore validation', (p) => sources(p).includes('aws.backup') && detailTypes(p).includes('Restore Job State Change') && completedStates(p)),

  // --- BAK-FAILURE-NOTICE: backup, copy and restore failures and tampering calls
  eventRule('BAK-FAILURE-NOTICE', 'backup failure notice', (p) => sources(p).includes('aws.backup') && !completedStates(p)),

  // --- BAK-LEGAL-ARCHIVE: Object Lock of the archive (a customer-data bucket: it carries the backup tag)
  objectLockRule('BAK-LEGAL-ARCHIVE', 'Object-Locked archive bucket', (r) => hasTag(r, BACKUP_TAG)),
];

/**
 * The rules of this file by control, for the catalog entries (`diff.rules`): the controls they
 * add to the diff, and the completions of controls it already watched.
 */
export const AREA_B_RULES: ReadonlyMap<ControlId, readonly DiffRule[]> = RULES.reduce((byControl, { control, ...rule }) => byControl.set(control, [...(byControl.get(control) ?? []), rule]), new Map<ControlId, DiffRule[]>());

/** The area-b rules of one control; throws for a control this file has none for. */
export function areaBRulesOf(control: ControlId): readonly DiffRule[] {
  const rules = AREA_B_RULES.get(control);
  if (rules === undefined) throw new Error(`diff-rules-area-b.ts has no rules for ${control}`);
  return rules;
}
