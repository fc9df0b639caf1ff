import { SSE_S3_LOG_DELIVERY_TAG } from '../../constants/tags';
import * as nag from '../../nag/rules';
import { ELB_DEFAULT_SSL_POLICY, ELB_SSL_POLICY_STRENGTH, sslPolicyRank } from '../aws-tables';
import { arrow, byRank, enforcingResource, entryVerdicts, prop, show } from '../diff-builders';
import { ingressRules, loadBalancerFlag } from '../diff-builders-resources';
import type { Verdict } from '../diff-rule';
import { hasTag, named, props } from '../evidence-predicates';
import { isAnywhere, isTrue, lbAttribute, managedRuleGroups, redirectsToHttps, type SgRule, type TemplateResource } from '../template-readers';
import type { Control } from '../types';
import { exported } from '../enforcer';

// The modules of what enforces these controls, loaded only when asked for (lib/controls/enforcer.ts).
const accessLogBucketModule = () => import('../../constructs/common/access-log-bucket.js');
const httpsLoadBalancerModule = () => import('../../constructs/edge/https-load-balancer.js');
const shieldProtectionModule = () => import('../../constructs/edge/shield-protection.js');
const webAclModule = () => import('../../constructs/edge/web-acl.js');

/*
 * Edge controls (area 'edge'): the internet-facing Application Load Balancer (HTTPS only, a
 * TLS 1.2+ policy, only 443 and 80 open, access logs), the WAFv2 web ACL in front of it
 * (managed rules, a rate-based rule, redacted logging) and Shield Advanced where the
 * environment enables it. The workload stack builds them; the tier behind them is workload.ts.
 */

/**
 * The weakest tier of {@link ELB_SSL_POLICY_STRENGTH} that meets EDGE-TLS-POLICY ("TLS 1.2 or
 * later with forward-secret AEAD cipher suites"): a new HTTPS/TLS listener below it weakens the
 * control.
 */
const EDGE_TLS_POLICY_FLOOR = ELB_SSL_POLICY_STRENGTH.length - 2;

export const EDGE_CONTROLS: readonly Control[] = [
  {
    id: 'EDGE-HTTPS-ONLY',
    statement:
      'Clients reach the service only over HTTPS: the load balancer terminates TLS on 443 with the configured certificate, and port 80 only redirects to HTTPS. (Beyond the load balancer, FND-TLS-IN-TRANSIT says which hops are encrypted.)',
    sources: [
      { seed: '003_c8c1318184c7c51b.txt', quote: 'Lexagle is served 100% over https.' },
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'All access to the Crystallize user interface and API is encrypted with HTTPS transport layer security (TLS).',
      },
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'The use of HTTPS websites also safeguards your important data and credentials against unauthorized third-party access.',
      },
    ],
    kind: 'enforced',
    area: 'edge',
    status: 'implemented',
    enforcement:
      'HttpsLoadBalancer: AWS::ElasticLoadBalancingV2::Listener on 443 (Protocol HTTPS, certificate ARN from config edge.certificateArn) forwarding to the workload target group, and a listener on 80 whose only action is a redirect to HTTPS:443 (HTTP_301); no other listener or listener rule.',
    detectors: {
      configRules: ['ALB_HTTP_TO_HTTPS_REDIRECTION_CHECK'],
      securityHub: ['ELB.1'],
    },
    enforcedBy: [exported(httpsLoadBalancerModule, 'HttpsLoadBalancer')],
    evidence: {
      what: 'the HTTPS listener and the HTTP listener that only redirects',
      select: [
        {
          types: ['AWS::ElasticLoadBalancingV2::Listener'],
          where: (r) => props(r).Protocol === 'HTTPS' || (props(r).DefaultActions ?? []).every((a: any) => a.Type === 'redirect' && a.RedirectConfig?.Protocol === 'HTTPS'),
        },
      ],
    },
    diff: {
      rules: [
        {
          resourceTypes: ['AWS::ElasticLoadBalancingV2::Listener'],
          assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
            const plain = (r?: TemplateResource) => r !== undefined && r.Properties?.Protocol === 'HTTP';
            const open = (r?: TemplateResource) => plain(r) && !redirectsToHttps(r!.Properties);
            const port = (r?: TemplateResource) => r?.Properties?.Port;
            if (open(after) && !open(before)) {
              return { direction: 'weakened', detail: before === undefined || !plain(before) ? `HTTP listener on port ${port(after)} serves without redirecting to HTTPS` : `HTTP listener on port ${port(after)} no longer redirects to HTTPS` };
            }
            if (open(before) && !open(after)) return { direction: 'strengthened', detail: `HTTP listener on port ${port(before)} ${after === undefined ? 'removed' : 'now redirects to HTTPS'}` };
            return undefined;
          },
        },
      ],
    },
  },
  {
    id: 'EDGE-TLS-POLICY',
    statement: 'The HTTPS listener negotiates only TLS 1.2 or later with forward-secret AES-GCM suites, of 128 or 256 bits.',
    sources: [
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'Our systems support some of the cutting-edge cipher suites to encrypt all data in transit, including the use of TLS 1.2 protocols and SHA256 hashing algorithm.',
      },
      { seed: '003_c8c1318184c7c51b.txt', quote: 'encrypted in transit using 256-bit encryption' },
    ],
    kind: 'enforced',
    area: 'edge',
    status: 'partial',
    missing:
      '"256-bit encryption" (003): the listener also accepts AES-128-GCM (TLS_AES_128_GCM_SHA256 under TLS 1.3, ECDHE-*-AES128-GCM-SHA256 under TLS 1.2), and so does PostgreSQL (DB-TLS). Application Load Balancers take only predefined security policies, with no cipher list of one\'s own (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html), and TLS 1.3 requires every implementation to offer TLS_AES_128_GCM_SHA256 (RFC 8446, section 9.1); this baseline keeps TLS 1.3, so a 256-bit-only endpoint is not offered.',
    enforcement:
      'HTTPS listener SslPolicy ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09 (HTTPS_SSL_POLICY): TLS 1.3, and TLS 1.2 only with ECDHE + AES-GCM suites, plus hybrid post-quantum ML-KEM key exchange; the strictest predefined policy that still accepts TLS 1.2 (seed 002).',
    detectors: {
      none: 'No managed Config rule or Security Hub control of the verified reference (awsdocs, 2023) checks an Application Load Balancer listener\'s predefined TLS policy; the controls diff fails a pull request that weakens it, and CloudTrail records ModifyListener.',
    },
    enforcedBy: [exported(httpsLoadBalancerModule, 'HttpsLoadBalancer')],
    evidence: { what: 'HTTPS/TLS listeners with their SslPolicy', select: [{ types: ['AWS::ElasticLoadBalancingV2::Listener'], where: (r) => ['HTTPS', 'TLS'].includes(props(r).Protocol) }] },
    diff: {
      rules: [
        {
          resourceTypes: ['AWS::ElasticLoadBalancingV2::Listener'],
          assess: (before: TemplateResource | undefined, after: TemplateResource | undefined, kind) => {
            const tls = (r?: TemplateResource) => r !== undefined && ['HTTPS', 'TLS'].includes(r.Properties?.Protocol);
            const policy = (r?: TemplateResource) => r?.Properties?.SslPolicy;
            if (kind === 'removed' || !tls(after)) return undefined;
            const unknown = sslPolicyRank(policy(after)) < 0 ? ' (not in the strength table: ranked weakest)' : '';
            if (!tls(before)) {
              const meetsFloor = sslPolicyRank(policy(after)) >= EDGE_TLS_POLICY_FLOOR;
              return {
                direction: meetsFloor ? 'strengthened' : 'weakened',
                detail: `${after!.Properties?.Protocol} listener added with SslPolicy ${show(policy(after) ?? ELB_DEFAULT_SSL_POLICY)}${meetsFloor ? '' : ', below TLS 1.2 with forward-secret AEAD ciphers only'}${unknown}`,
              };
            }
            if (policy(before) === policy(after)) return undefined;
            return { direction: byRank(sslPolicyRank(policy(before)), sslPolicyRank(policy(after))), detail: `${arrow('SslPolicy', policy(before), policy(after))}${unknown}` };
          },
        },
      ],
    },
  },
  {
    id: 'EDGE-INTERNET-EXPOSURE',
    statement:
      'The load balancer is the only internet-facing component, and it admits only ports 443 and 80 from the internet.',
    sources: [
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'Only a small number of production servers and network protocols are accessible from the internet.',
      },
    ],
    kind: 'enforced',
    area: 'edge',
    status: 'implemented',
    enforcement:
      'HttpsLoadBalancer: internet-facing ALB in the public subnets whose security group ingress is only TCP 443 and 80 from 0.0.0.0/0 and whose only egress is the container port to the workload security group; routing.http.drop_invalid_header_fields.enabled true, routing.http.desync_mitigation_mode strictest, waf.fail_open.enabled false. A deployment-wide test proves no other load balancer is internet-facing and no other security group is open to the internet.',
    detectors: {
      configRules: ['VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS', 'ALB_HTTP_DROP_INVALID_HEADER_ENABLED'],
      securityHub: ['EC2.18', 'ELB.4', 'ELB.12'],
    },
    enforcedBy: [exported(httpsLoadBalancerModule, 'HttpsLoadBalancer')],
    evidence: {
      what: 'the internet-facing load balancer and the security groups open to the internet',
      select: [
        { types: ['AWS::ElasticLoadBalancingV2::LoadBalancer'], where: (r) => props(r).Scheme === 'internet-facing' },
        { types: ['AWS::EC2::SecurityGroup'], where: (r) => (props(r).SecurityGroupIngress ?? []).some((i: any) => i.CidrIp === '0.0.0.0/0' || i.CidrIpv6 === '::/0') },
      ],
    },
    diff: {
      rules: [
        ...ingressRules(opensInternetBeyondEdgePorts, describeInternetRule),
        {
          resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
          assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
            if (!internetFacing(after) || internetFacing(before)) return undefined;
            return { direction: 'weakened', detail: before === undefined ? 'internet-facing load balancer added' : `load balancer Scheme ${show(prop(before, 'Scheme'))} → internet-facing` };
          },
        },
      ],
    },
  },
  {
    id: 'EDGE-WAF',
    statement:
      'A WAFv2 web ACL with AWS managed rule groups (Common, Known Bad Inputs, SQL injection, Amazon IP reputation, Anonymous IP) inspects every request to the load balancer.',
    sources: [
      {
        seed: '000_0f4aa12068a9bf0e.txt',
        quote: 'Best in class, secure, battle-tested and DDoS protected infrastructure',
      },
      { seed: '004_c378355873db2afd.txt', quote: 'potential security threats' },
    ],
    kind: 'enforced',
    area: 'edge',
    status: 'implemented',
    enforcement:
      'EdgeWebAcl: AWS::WAFv2::WebACL (Scope REGIONAL, default action allow, metrics and sampled requests on for the ACL and every rule) with AWSManagedRulesAmazonIpReputationList, AWSManagedRulesAnonymousIpList, AWSManagedRulesCommonRuleSet, AWSManagedRulesKnownBadInputsRuleSet and AWSManagedRulesSQLiRuleSet (override action none), attached to the ALB by AWS::WAFv2::WebACLAssociation.',
    detectors: {
      configRules: ['ALB_WAF_ENABLED'],
      securityHub: ['WAF.10'],
    },
    enforcedBy: [exported(webAclModule, 'EdgeWebAcl')],
    evidence: { what: 'the web ACL and its association with the load balancer', select: [{ types: ['AWS::WAFv2::WebACL', 'AWS::WAFv2::WebACLAssociation'] }] },
    diff: {
      rules: [
        enforcingResource(['AWS::WAFv2::WebACLAssociation'], 'web ACL association'),
        {
          resourceTypes: ['AWS::WAFv2::WebACL'],
          path: ['Properties', 'Rules'],
          assess: (before: any[] | undefined, after: any[] | undefined) => {
            const [b, a] = [managedRuleGroups(before), managedRuleGroups(after)];
            const out: Verdict[] = [];
            for (const [name, blocking] of b) {
              if (!a.has(name)) out.push({ direction: 'weakened', detail: `managed rule group ${name} removed` });
              else if (blocking && !a.get(name)) out.push({ direction: 'weakened', detail: `managed rule group ${name} switched to count only` });
              else if (!blocking && a.get(name)) out.push({ direction: 'strengthened', detail: `managed rule group ${name} now blocks` });
            }
            for (const name of a.keys()) if (!b.has(name)) out.push({ direction: 'strengthened', detail: `managed rule group ${name} added` });
            return out;
          },
        },
        {
          resourceTypes: ['AWS::WAFv2::WebACL'],
          path: ['Properties', 'DefaultAction'],
          assess: (before, after) => ({
            direction: byRank(Number(before?.Block !== undefined), Number(after?.Block !== undefined)),
            detail: arrow('DefaultAction', Object.keys(before ?? {})[0], Object.keys(after ?? {})[0]),
          }),
        },
      ],
    },
    nagRules: [nag.AlbWebAcl],
  },
  {
    id: 'EDGE-WAF-RATE-LIMIT',
    statement: 'A rate-based WAF rule blocks any client IP that exceeds the configured request rate.',
    sources: [
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'We employ the cutting-edge mitigations against distributed denial of service (DDoS) attacks at our network.',
      },
    ],
    kind: 'enforced',
    area: 'edge',
    status: 'implemented',
    enforcement:
      "EdgeWebAcl rule RateLimitPerIp: RateBasedStatement (AggregateKeyType IP, EvaluationWindowSec 300, Limit from config edge.wafRateLimit, validated within WAF's range 10 to 2,000,000,000) with action Block.",
    detectors: {
      none: 'No managed detector reads a web ACL\'s rules beyond their count (WAF.10); the controls diff and tests keep the rate-based rule, and its CloudWatch metrics show it acting.',
    },
    enforcedBy: [exported(webAclModule, 'EdgeWebAcl')],
    evidence: {
      what: 'web ACLs with a rate-based blocking rule',
      select: [{ types: ['AWS::WAFv2::WebACL'], where: (r) => (props(r).Rules ?? []).some((rule: any) => rule.Statement?.RateBasedStatement && rule.Action?.Block !== undefined) }],
    },
    diff: {
      rules: [
        {
          resourceTypes: ['AWS::WAFv2::WebACL'],
          path: ['Properties', 'Rules'],
          assess: (before: any[] | undefined, after: any[] | undefined) => {
            const [b, a] = [rateRules(before), rateRules(after)];
            const out: Verdict[] = [];
            for (const [name, rule] of b) {
              const now = a.get(name);
              if (!now) out.push({ direction: 'weakened', detail: `rate-based rule ${name} removed` });
              else if (rule.blocks && !now.blocks) out.push({ direction: 'weakened', detail: `rate-based rule ${name} no longer blocks` });
              else if (!rule.blocks && now.blocks) out.push({ direction: 'strengthened', detail: `rate-based rule ${name} now blocks` });
              else if (now.perSecond !== rule.perSecond) {
                out.push({ direction: byRank(-rule.perSecond, -now.perSecond), detail: `rate-based rule ${name} limit ${show(rule.limit)} per ${show(rule.window)} s → ${show(now.limit)} per ${show(now.window)} s` });
              }
            }
            for (const [name, rule] of a) if (!b.has(name) && rule.blocks) out.push({ direction: 'strengthened', detail: `rate-based rule ${name} added` });
            return out;
          },
        },
      ],
    },
  },
  {
    id: 'EDGE-WAF-LOGGING',
    statement:
      'WAF logs go to a KMS-encrypted aws-waf-logs- destination with retention, only for requests a rule acted on, with the query string and the authorization and cookie headers redacted.',
    sources: [
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Security-relevant events (e.g., admin access, authentication failures, data export, system errors) are logged.',
      },
      { seed: '004_c378355873db2afd.txt', quote: 'do not include private client content' },
    ],
    kind: 'enforced',
    area: 'edge',
    status: 'implemented',
    enforcement:
      'EdgeWebAcl: AWS::WAFv2::LoggingConfiguration to the SecureLogGroup aws-waf-logs-<env> (KMS key, retention from config logs.retentionDays) with RedactedFields QueryString and SingleHeader authorization and cookie and a LoggingFilter that drops everything but BLOCK, COUNT, CAPTCHA, CHALLENGE and EXCLUDED_AS_COUNT; an AWS::Logs::ResourcePolicy lets only delivery.logs.amazonaws.com of this account write to that group.',
    detectors: {
      configRules: ['WAFV2_LOGGING_ENABLED'],
      securityHub: ['WAF.11'],
    },
    enforcedBy: [exported(webAclModule, 'EdgeWebAcl')],
    evidence: {
      what: 'the WAF logging configuration and its aws-waf-logs- log group',
      select: [{ types: ['AWS::WAFv2::LoggingConfiguration'] }, { types: ['AWS::Logs::LogGroup'], where: named(/^aws-waf-logs-/) }],
    },
    diff: {
      rules: [
        enforcingResource(['AWS::WAFv2::LoggingConfiguration'], 'WAF logging configuration'),
        // What the logs redact, and that they keep only requests a rule acted on.
        {
          resourceTypes: ['AWS::WAFv2::LoggingConfiguration'],
          path: ['Properties', 'RedactedFields'],
          assess: (before: any[] | undefined, after: any[] | undefined) =>
            entryVerdicts((before ?? []).map((f) => JSON.stringify(f)), (after ?? []).map((f) => JSON.stringify(f)), 'strengthened', (f, how) => `redacted field ${f} ${how === 'added' ? 'added' : 'removed: it is logged in clear'}`),
        },
        {
          resourceTypes: ['AWS::WAFv2::LoggingConfiguration'],
          path: ['Properties', 'LoggingFilter', 'DefaultBehavior'],
          // DROP keeps only what the filters select (requests a rule acted on); without a filter, or with KEEP, every request is logged.
          assess: (before, after) => ({ direction: byRank(Number(before === 'DROP'), Number(after === 'DROP')), detail: arrow('LoggingFilter.DefaultBehavior', before, after) }),
        },
      ],
    },
  },
  {
    id: 'EDGE-DDOS-SHIELD',
    statement:
      'Shield Advanced protects the load balancer in production, unless productionOptOuts.shieldAdvanced gives the reason (which the controls report shows for that environment), and in any other environment that turns it on, with a Route 53 health check when one is configured.',
    sources: [
      { seed: '000_0f4aa12068a9bf0e.txt', quote: 'DDoS protected infrastructure' },
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'mitigations against distributed denial of service (DDoS) attacks',
      },
    ],
    kind: 'enforced',
    area: 'edge',
    status: 'implemented',
    enforcement:
      'ShieldProtection: AWS::Shield::Protection for the ALB ARN when config edge.shieldAdvanced is true (with HealthCheckArns from config edge.healthCheckArn, validated), and none when it is false; config validation rejects edge.shieldAdvanced false in production unless productionOptOuts.shieldAdvanced is set (and rejects that opt-out where Shield Advanced is on).',
    detectors: {
      none: 'No managed Config rule or Security Hub control of the enabled standards checks that Shield Advanced protects this load balancer (SHIELD_ADVANCED_ENABLED_AUTORENEW checks only the subscription\'s renewal); the Shield console and DescribeProtection show it.',
    },
    enforcedBy: [exported(shieldProtectionModule, 'ShieldProtection')],
    evidence: {
      what: 'Shield Advanced protections',
      select: [{ types: ['AWS::Shield::Protection'] }],
      notApplicable: (env) => (env.edge.shieldAdvanced ? undefined : 'edge.shieldAdvanced is false'),
    },
    diff: {
      rules: [
        enforcingResource(['AWS::Shield::Protection'], 'Shield Advanced protection'),
      ],
    },
    nagRules: [nag.ShieldProtection],
  },
  {
    id: 'EDGE-ALB-ACCESS-LOGS',
    statement: 'The load balancer writes access logs to an encrypted, TLS-only, non-public bucket with retention.',
    sources: [
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'for information concerning security, monitoring, availability, access and other metrics',
      },
    ],
    kind: 'enforced',
    area: 'edge',
    status: 'implemented',
    enforcement:
      'AccessLogBucket: ALB attributes access_logs.s3.enabled and connection_logs.s3.enabled true targeting a dedicated S3 bucket with SSE-S3 (the only encryption ELB log delivery supports; tagged saas-security-baseline:log-delivery, the only exception to KMS), versioned, public access blocked, ACLs disabled, a policy denying non-TLS and TLS < 1.2, and lifecycle expiration from config edge.accessLogRetentionDays (at least 365 in production); ALB deletion_protection.enabled true in production.',
    detectors: {
      configRules: ['ELB_LOGGING_ENABLED'],
      securityHub: ['ELB.5'],
    },
    enforcedBy: [exported(httpsLoadBalancerModule, 'HttpsLoadBalancer'), exported(accessLogBucketModule, 'AccessLogBucket')],
    evidence: {
      what: 'load balancers with access logs on, and their log-delivery bucket',
      select: [
        { types: ['AWS::ElasticLoadBalancingV2::LoadBalancer'], where: (r) => isTrue(lbAttribute(props(r), 'access_logs.s3.enabled')) },
        { types: ['AWS::S3::Bucket'], where: hasTag(SSE_S3_LOG_DELIVERY_TAG.key, SSE_S3_LOG_DELIVERY_TAG.value) },
      ],
    },
    diff: {
      rules: [
        loadBalancerFlag('access_logs.s3.enabled'),
      ],
    },
  },
];

// ---------------------------------------------------------------------------------------------
// What the diff rules above read
// ---------------------------------------------------------------------------------------------

/** The ports the load balancer may admit from the internet. */
const EDGE_PORTS = [80, 443];

/** A security group rule that admits the internet on anything but TCP 80 or 443. */
function opensInternetBeyondEdgePorts(rule: SgRule): boolean {
  if (!isAnywhere(rule.CidrIp) && !isAnywhere(rule.CidrIpv6)) return false;
  const protocol = String(rule.IpProtocol ?? '');
  return !((protocol === 'tcp' || protocol === '6') && rule.FromPort === rule.ToPort && EDGE_PORTS.includes(Number(rule.FromPort)));
}

function describeInternetRule(rule: SgRule): string {
  return `ingress ${String(rule.IpProtocol) === '-1' ? 'all traffic' : `${rule.IpProtocol} ${rule.FromPort}-${rule.ToPort}`} from ${show(rule.CidrIp ?? rule.CidrIpv6)}`;
}

/**
 * A load balancer without `Scheme` is internet-facing: the ELBv2 CreateLoadBalancer reference
 * creates "an Internet facing load balancer" from subnets alone and needs `internal` for the other
 * (https://docs.aws.amazon.com/goto/SdkForKotlin/elasticloadbalancingv2-2015-12-01/CreateLoadBalancer).
 */
function internetFacing(r: TemplateResource | undefined): boolean {
  return r !== undefined && (prop(r, 'Scheme') ?? 'internet-facing') === 'internet-facing';
}

/**
 * The rate-based rules of a web ACL by name: whether each blocks, and its limit in requests per
 * second of the evaluation window (300 s when absent: "300 (5 minutes) is the default",
 * https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-type-rate-based-high-level-settings.html).
 */
function rateRules(rules: any[] | undefined): Map<string, { blocks: boolean; perSecond: number; limit: unknown; window: unknown }> {
  const out = new Map<string, { blocks: boolean; perSecond: number; limit: unknown; window: unknown }>();
  for (const rule of rules ?? []) {
    const rate = rule?.Statement?.RateBasedStatement;
    if (!rate) continue;
    const window = rate.EvaluationWindowSec ?? 300;
    out.set(String(rule.Name), { blocks: rule.Action?.Block !== undefined, perSecond: Number(rate.Limit) / Number(window), limit: rate.Limit, window });
  }
  return out;
}
