import { ArnFormat, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { WAF_RATE_LIMIT } from '../../aws-facts/waf';
import { SecureLogGroup } from '../common/secure-log-group';

/** Props of {@link EdgeWebAcl}. */
export interface EdgeWebAclProps {
  /** ARN of the resource to protect (the Application Load Balancer). */
  readonly resourceArn: string;
  /** Requests per 5 minutes one client IP may send before it is blocked (10 to 2,000,000,000). */
  readonly rateLimit: number;
  /** Name suffix of the log group, after the mandatory `aws-waf-logs-` prefix (e.g. the environment name). */
  readonly logNameSuffix: string;
  /** Key for the log group; its policy must let CloudWatch Logs use it. */
  readonly logKey: kms.IKey;
  /** Days to keep WAF logs. */
  readonly logRetentionDays: number;
}

/**
 * The AWS managed rule groups of the web ACL, in evaluation order (EDGE-WAF): reputation lists
 * first (cheap, and they drop known-bad sources before anything else), then the general OWASP
 * rules, known bad inputs (Log4j, Java deserialization, ...) and SQL injection, because the
 * backend is PostgreSQL. https://docs.aws.amazon.com/waf/latest/developerguide/aws-managed-rule-groups-list.html
 */
export const MANAGED_RULE_GROUPS = [
  'AWSManagedRulesAmazonIpReputationList',
  'AWSManagedRulesAnonymousIpList',
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
  'AWSManagedRulesSQLiRuleSet',
] as const;

/** Headers that carry credentials or sessions: WAF logs replace their values with `REDACTED` (EDGE-WAF-LOGGING). */
export const REDACTED_HEADERS = ['authorization', 'cookie'] as const;

/** Rule actions whose requests WAF logs; allowed requests are dropped from the log. */
export const LOGGED_WAF_ACTIONS = ['BLOCK', 'COUNT', 'CAPTCHA', 'CHALLENGE', 'EXCLUDED_AS_COUNT'] as const;

/**
 * The WAF logging filter: drop every record except those of {@link LOGGED_WAF_ACTIONS}.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-wafv2-loggingconfiguration-loggingfilter.html
 */
const WAF_LOGGING_FILTER = {
  DefaultBehavior: 'DROP',
  Filters: [{ Behavior: 'KEEP', Requirement: 'MEETS_ANY', Conditions: LOGGED_WAF_ACTIONS.map((action) => ({ ActionCondition: { Action: action } })) }],
};

/**
 * A regional WAFv2 web ACL associated with the load balancer (EDGE-WAF, EDGE-WAF-RATE-LIMIT,
 * EDGE-WAF-LOGGING): requests from the Amazon IP reputation and anonymous-IP lists are blocked,
 * then the rate-based rule blocks any client IP over `rateLimit` requests in 5 minutes, then the
 * Common, Known Bad Inputs and SQL injection rule groups inspect what is left; everything else is
 * allowed. Every rule publishes CloudWatch metrics and sampled requests. Logs go to a
 * KMS-encrypted `aws-waf-logs-` log group, only for requests a rule blocked, counted or challenged,
 * with the query string and the `authorization` and `cookie` headers redacted, so credentials,
 * session tokens and what customers type into URLs never reach the logs (004 "do not include
 * private client content").
 */
export class EdgeWebAcl extends Construct {
  /** The web ACL. */
  public readonly webAcl: wafv2.CfnWebACL;
  /** Where WAF logs go. */
  public readonly logGroup: SecureLogGroup;

  constructor(scope: Construct, id: string, props: EdgeWebAclProps) {
    super(scope, id);
    if (!Token.isUnresolved(props.rateLimit) && (!Number.isInteger(props.rateLimit) || props.rateLimit < WAF_RATE_LIMIT.min || props.rateLimit > WAF_RATE_LIMIT.max)) {
      throw new Error(`EdgeWebAcl ${id}: rateLimit must be a whole number from ${WAF_RATE_LIMIT.min} to ${WAF_RATE_LIMIT.max}; got ${props.rateLimit}`);
    }
    if (!/^[a-zA-Z0-9_.#-]{1,240}$/.test(props.logNameSuffix)) {
      throw new Error(`EdgeWebAcl ${id}: logNameSuffix must be 1-240 letters, digits, _ . # or -; got "${props.logNameSuffix}"`);
    }
    const metric = (name: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName: name,
    });
    const managed: wafv2.CfnWebACL.RuleProperty[] = MANAGED_RULE_GROUPS.map((name, i) => ({
      name: `AWS-${name}`,
      // The rate-based rule sits at 2, between the reputation lists and the inspection groups.
      priority: i < 2 ? i : i + 1,
      statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
      // The groups' own actions (block) apply; `count` would only observe.
      overrideAction: { none: {} },
      visibilityConfig: metric(name),
    }));
    const rateLimit: wafv2.CfnWebACL.RuleProperty = {
      name: 'RateLimitPerIp',
      priority: 2,
      statement: { rateBasedStatement: { aggregateKeyType: 'IP', limit: props.rateLimit, evaluationWindowSec: 300 } },
      action: { block: {} },
      visibilityConfig: metric('RateLimitPerIp'),
    };
    this.webAcl = new wafv2.CfnWebACL(this, 'Resource', {
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      description: 'Managed rule groups and a per-IP rate limit in front of the load balancer',
      rules: [...managed, rateLimit].sort((a, b) => a.priority - b.priority),
      visibilityConfig: metric('WebAcl'),
    });
    new wafv2.CfnWebACLAssociation(this, 'Association', {
      resourceArn: props.resourceArn,
      webAclArn: this.webAcl.attrArn,
    });

    // WAF requires the destination's name to start with aws-waf-logs-.
    const logGroupName = `aws-waf-logs-${props.logNameSuffix}`;
    this.logGroup = new SecureLogGroup(this, 'Logs', {
      encryptionKey: props.logKey,
      retentionDays: props.logRetentionDays,
      logGroupName,
    });
    const stack = Stack.of(this);
    // WAF names the log group without the `:*` suffix that the group's Arn attribute carries.
    const logGroupArn = stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    // WAF delivers through the CloudWatch Logs log-delivery service; the resource policy lets it
    // write to this group only, and only on behalf of this account.
    // https://docs.aws.amazon.com/waf/latest/developerguide/logging-cw-logs.html
    const delivery = new logs.ResourcePolicy(this, 'DeliveryPolicy', {
      policyStatements: [
        new iam.PolicyStatement({
          sid: 'AWSLogDeliveryWrite',
          principals: [new iam.ServicePrincipal('delivery.logs.amazonaws.com')],
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [`${logGroupArn}:log-stream:*`],
          conditions: {
            StringEquals: { 'aws:SourceAccount': stack.account },
            ArnLike: { 'aws:SourceArn': stack.formatArn({ service: 'logs', resource: '*', arnFormat: ArnFormat.NO_RESOURCE_NAME }) },
          },
        }),
      ],
    });
    const logging = new wafv2.CfnLoggingConfiguration(this, 'Logging', {
      resourceArn: this.webAcl.attrArn,
      logDestinationConfigs: [logGroupArn],
      // LOG-NO-CLIENT-CONTENT: query strings carry search terms, e-mail addresses and tokens, so
      // they are redacted with the credential headers. The values are JSON objects in
      // CloudFormation, hence the capitalised keys.
      // https://docs.aws.amazon.com/waf/latest/developerguide/logging-management.html
      redactedFields: [{ queryString: {} }, ...REDACTED_HEADERS.map((name) => ({ singleHeader: { Name: name } }))],
      // Only requests a rule blocked, counted or challenged are logged: allowed customer traffic
      // never reaches this log (the load balancer's access logs record it for operations).
      loggingFilter: WAF_LOGGING_FILTER,
    });
    logging.node.addDependency(this.logGroup, delivery);
  }
}
