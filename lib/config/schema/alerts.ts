/**
 * `alerts`: who is told of a security or operations alarm (e-mail, and a paging endpoint named by
 * its secret), which GuardDuty findings page, and whether us-east-1's global events are forwarded
 * home. The paging floor of production is in `validate/production-opt-outs.ts`.
 */
import { z } from 'zod';
import { GUARDDUTY_SEVERITIES } from '../../aws-facts/guardduty';

/** Where alarms and findings are sent. */
export const AlertsSchema = z.strictObject({
  /** Addresses subscribed to the security and operations alert topics. At least one. */
  emails: z.array(z.email({ error: 'expected an e-mail address' })).min(1, {
    error: 'expected at least one alert e-mail address',
  }),
  /**
   * Name (or ARN) of the Secrets Manager secret whose plain-text value is an HTTPS endpoint (an
   * incident-management integration, a chat webhook) subscribed to both alert topics besides the
   * e-mail addresses. Such URLs carry their integration key, so the URL never appears in the
   * configuration, the templates, construct IDs or snapshots: the subscription reads it through
   * a CloudFormation dynamic reference at deploy time. Create the secret before deploying; SNS
   * sends the endpoint a subscription confirmation first.
   * @default - no HTTPS subscription
   */
  httpsEndpointSecret: z
    .string()
    .regex(/^(arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:)?[A-Za-z0-9/_+=.@-]{1,512}$/, {
      error: 'expected the name or ARN of a Secrets Manager secret (letters, digits and /_+=.@-)',
    })
    .optional(),
  /**
   * Refused: a URL written here would reach the templates, logical IDs and snapshots, with the
   * integration key it carries (FND-NO-PLAINTEXT-SECRETS). Use `httpsEndpointSecret`.
   */
  httpsEndpoint: z
    .custom<never>((v) => v === undefined, {
      error: 'expected no URL in the configuration (paging and webhook URLs carry their integration key): store it as a Secrets Manager secret and name that secret in alerts.httpsEndpointSecret',
      params: { redact: true },
    })
    .optional(),
  /**
   * The lowest GuardDuty finding severity that pages the security topic (LOW 1.0+, MEDIUM 4.0+,
   * HIGH 7.0+, CRITICAL 9.0+). Lower findings stay in the GuardDuty and Security Hub consoles.
   * @default 'MEDIUM'
   */
  guardDutyMinSeverity: z
    .enum(GUARDDUTY_SEVERITIES, { error: `expected one of ${GUARDDUTY_SEVERITIES.join(', ')}` })
    .default('MEDIUM'),
  /**
   * Forward from us-east-1 to the home region's default bus the events AWS delivers only there:
   * root console sign-ins (INC-FINDING-ROUTING) and assumptions of the break-glass role through
   * the global STS endpoint (IAM-BREAK-GLASS-ALERT), so the home-region rules page for them. Adds
   * a `GlobalEvents` stack in us-east-1 (two EventBridge rules and their role; no data, only
   * account sign-in metadata passes through), so us-east-1 must be CDK-bootstrapped. Turn it off
   * where the organisation already forwards these events centrally; the account trail's CIS
   * alarms remain the other net. No stack is created when the home region is us-east-1.
   * @default true
   */
  forwardGlobalEvents: z.boolean({ error: 'expected true or false' }).default(true),
});
