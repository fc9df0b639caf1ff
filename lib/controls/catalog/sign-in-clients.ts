import { arrow, byRank, enforcingResource, entryVerdicts, flagSet, list, ranked, rankedSet, show } from '../diff-builders';
import type { Verdict } from '../diff-rule';
import { props, referenced } from '../evidence-predicates';
import type { TemplateResource } from '../template-readers';
import type { Control } from '../types';
import { exported } from '../enforcer';

// The modules of what enforces these controls, loaded only when asked for (lib/controls/enforcer.ts).
const customerUserPoolModule = () => import('../../constructs/identity/customer-user-pool.js');
const secureBucketModule = () => import('../../constructs/common/secure-bucket.js');

const APP_CLIENT = ['AWS::Cognito::UserPoolClient'];

/*
 * Customer sign-in controls (area 'identity', SIGNIN-*) of what a signed-in customer gets: role
 * groups, a hardened app client with short-lived revocable tokens, and authentication logs. The
 * identity stack builds them; sign-in.ts holds how a customer signs in.
 */
export const SIGN_IN_CLIENT_CONTROLS: readonly Control[] = [
  {
    id: 'SIGNIN-RBAC-GROUPS',
    statement: 'Customer roles are Cognito groups carried in the tokens, so the application grants permissions by role.',
    sources: [
      {
        seed: '000_0f4aa12068a9bf0e.txt',
        quote: 'Cryptlex offers fine-grained role based access control, which can be used to limit the access to your account.',
      },
      {
        seed: '000_0f4aa12068a9bf0e.txt',
        quote: 'Fine grained role-based access control to limit the access to your account and resources',
      },
      { seed: '004_c378355873db2afd.txt', quote: 'role-based permissionswhere supported by the product plan' },
    ],
    kind: 'enforced',
    area: 'identity',
    status: 'implemented',
    enforcement:
      'AWS::Cognito::UserPoolGroup per signIn.groups entry (default admin, member, viewer) with Precedence in config order; Cognito puts cognito:groups in ID and access tokens.',
    detectors: {
      none: 'No managed detector evaluates Cognito groups; CloudTrail records CreateGroup and UpdateGroup.',
    },
    enforcedBy: [exported(customerUserPoolModule, 'CustomerUserPool')],
    evidence: {
      what: 'the user pool groups',
      select: [{ types: ['AWS::Cognito::UserPoolGroup'] }],
      notApplicable: (env) => (env.signIn.groups.length > 0 ? undefined : 'signIn.groups is empty'),
    },
    diff: {
      rules: [
        // Customer roles as Cognito groups.
        enforcingResource(['AWS::Cognito::UserPoolGroup'], 'user pool group'),
      ],
    },
  },
  {
    id: 'SIGNIN-APP-CLIENT',
    statement:
      'The application never receives customer passwords: its app client uses only the authorization-code flow and issues short-lived, revocable tokens.',
    sources: [
      { seed: '001_b709435b510d2964.txt', quote: "Users' passwords will never be transferred to Crystallize." },
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Passwords are stored using secure one-way hashing algorithms and are not logged or stored in plaintext.',
      },
    ],
    kind: 'enforced',
    area: 'identity',
    status: 'implemented',
    enforcement:
      'AWS::Cognito::UserPoolClient AllowedOAuthFlows [code] only, GenerateSecret false (public client, PKCE), ExplicitAuthFlows [ALLOW_USER_AUTH] (no password flows), access and ID token validity signIn.tokenMinutes (15-60), refresh signIn.refreshTokenHours (at most 30 days) with rotation, EnableTokenRevocation true, PreventUserExistenceErrors ENABLED, HTTPS callback and logout URLs on edge.domainName.',
    detectors: {
      none: 'No managed detector evaluates Cognito app clients; CloudTrail records UpdateUserPoolClient.',
    },
    enforcedBy: [exported(customerUserPoolModule, 'CustomerUserPool')],
    evidence: { what: 'the app clients (code flow with PKCE)', select: [{ types: ['AWS::Cognito::UserPoolClient'] }] },
    diff: {
      rules: [
        // Code flow only, no password flows, short-lived revocable tokens.
        {
          resourceTypes: APP_CLIENT,
          path: ['Properties', 'AllowedOAuthFlows'],
          assess: (before, after) => entryVerdicts(list(before).filter((f) => f !== 'code'), list(after).filter((f) => f !== 'code'), 'weakened', (f, how) => `OAuth flow ${show(f)} ${how}`),
        },
        {
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
        flagSet(APP_CLIENT, ['Properties', 'EnableTokenRevocation'], 'EnableTokenRevocation'),
        // LEGACY is the API's default (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html).
        ranked(APP_CLIENT, ['Properties', 'PreventUserExistenceErrors'], 'PreventUserExistenceErrors', ['LEGACY', 'ENABLED'], 'LEGACY'),
        rankedSet(APP_CLIENT, ['Properties', 'RefreshTokenRotation', 'Feature'], 'RefreshTokenRotation.Feature', ['DISABLED', 'ENABLED']),
        {
          resourceTypes: APP_CLIENT,
          path: ['Properties', 'CallbackURLs'],
          assess: (before, after) => entryVerdicts(list(before).filter((u) => !String(u).startsWith('https://')), list(after).filter((u) => !String(u).startsWith('https://')), 'weakened', (u, how) => `callback URL ${show(u)} without HTTPS ${how}`),
        },
      ],
    },
  },
  {
    id: 'SIGNIN-AUTH-LOGGING',
    statement:
      'Customer authentication events, including failures, are delivered for the operator\'s security team (not shown to customers) to an S3 bucket encrypted with a customer-managed KMS key, which expires them after the log retention.',
    sources: [{ seed: '004_c378355873db2afd.txt', quote: 'authentication failures' }],
    kind: 'enforced',
    area: 'identity',
    status: 'implemented',
    enforcement:
      'AWS::Cognito::LogDeliveryConfiguration userAuthEvents INFO with S3Configuration into a SecureBucket (SSE-KMS with the stack\'s customer-managed key and a bucket key, versioned, TLS 1.2+ only, public access blocked, server access logs to the stack\'s access-log bucket, lifecycle expiry after logs.retentionDays, retained); the bucket policy admits only delivery.logs.amazonaws.com (s3:PutObject on AWSLogs/<account>/* with bucket-owner-full-control, s3:GetBucketAcl/ListBucket) and the key policy only the documented kms:Encrypt, Decrypt, ReEncrypt*, GenerateDataKey* and DescribeKey, both for aws:SourceAccount this account and aws:SourceArn arn:<partition>:logs:<region>:<account>:*. No CloudWatch log group: Cognito delivers only to log groups without KMS encryption, so userNotification (CloudWatch Logs only) is not exported.',
    detectors: {
      none: 'No managed detector checks Cognito log delivery; CloudTrail records SetLogDeliveryConfiguration.',
    },
    enforcedBy: [exported(customerUserPoolModule, 'CustomerUserPool'), exported(secureBucketModule, 'SecureBucket')],
    evidence: {
      what: 'the user pool\'s log delivery and the bucket it delivers to',
      select: [
        { types: ['AWS::Cognito::LogDeliveryConfiguration'] },
        {
          types: ['AWS::S3::Bucket'],
          where: (_r, c) =>
            referenced(c.template, 'AWS::Cognito::LogDeliveryConfiguration', (t) => (props(t).LogConfigurations ?? []).map((l: any) => l.S3Configuration?.BucketArn)).has(c.logicalId),
        },
      ],
    },
    diff: {
      rules: [
        // Authentication events delivered (userAuthEvents needs LogLevel INFO:
        // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_LogConfigurationType.html)
        {
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
      ],
    },
  },
];

// ---------------------------------------------------------------------------------------------
// What the diff rules above read
// ---------------------------------------------------------------------------------------------

/** App client flows that never hand the customer's password to the application. */
const PASSWORDLESS_APP_FLOWS = new Set(['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);

/** Token lifetimes in seconds. Units left out are hours for access and ID tokens, days for refresh tokens
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-cognito-userpoolclient-tokenvalidityunits.html). */
const UNIT_SECONDS: Record<string, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };
const TOKENS = [
  { property: 'AccessTokenValidity', unit: 'AccessToken', defaultUnit: 'hours' },
  { property: 'IdTokenValidity', unit: 'IdToken', defaultUnit: 'hours' },
  { property: 'RefreshTokenValidity', unit: 'RefreshToken', defaultUnit: 'days' },
] as const;
