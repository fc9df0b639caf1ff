import type { Control } from '../types';

/*
 * Edge and workload controls (areas 'edge' and 'workload'): the internet-facing Application
 * Load Balancer (HTTPS only, a TLS 1.2+ policy, only 443 and 80 open, access logs), the WAFv2
 * web ACL in front of it (managed rules, a rate-based rule, redacted logging), Shield Advanced
 * where the environment enables it, and the ECS Fargate workload tier behind it (private
 * tasks, spread across zones, least-privilege roles, no self-managed servers). The
 * edge/workload stack builds them.
 */
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
  },

  // Workload tier.
  {
    id: 'WL-PRIVATE-TASKS',
    statement:
      'Workload tasks run in private subnets without public IPs and accept traffic only from the load balancer.',
    sources: [
      {
        seed: '003_c8c1318184c7c51b.txt',
        quote: 'All of our servers are within our own virtual private cloud (VPC)',
      },
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'Only a small number of production servers and network protocols are accessible from the internet.',
      },
    ],
    kind: 'enforced',
    area: 'workload',
    status: 'implemented',
    enforcement:
      "FargateWorkload: ECS Fargate service in PRIVATE_WITH_EGRESS subnets with AssignPublicIp DISABLED and the network stack's workload security group, whose only ingress is the container port from the ALB security group (rule in the workload stack); egress only TCP 443 (image pull and AWS APIs, rule in the workload stack) and DATABASE_PORT to each data stack's database security group (rule in that data stack).",
    detectors: {
      securityHub: ['ECS.2'],
    },
  },
  {
    id: 'WL-MULTI-AZ',
    statement:
      'The workload service runs several tasks spread across the configured availability zones and survives the loss of one zone or one task.',
    sources: [
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'tolerant to failures of individual servers as well as entire data centers',
      },
    ],
    kind: 'enforced',
    area: 'workload',
    status: 'implemented',
    enforcement:
      'FargateWorkload: DesiredCount from config workload.desiredCount (at least one per zone in production, validated) over private subnets in every zone, deployment circuit breaker with rollback, minimum healthy 100 %, and the ALB target group health check on workload.healthCheckPath.',
    detectors: {
      none: 'No managed detector checks the zones of running tasks; the RunningTaskCount and UnHealthyHostCount alarms (MON-OPERATIONAL-ALARMS) page when tasks are lost.',
    },
  },
  {
    id: 'WL-LEAST-PRIVILEGE',
    statement:
      'The task and execution roles grant only the actions and resources the service needs, and neither grants * on *.',
    sources: [
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'All access to our infrastructure is based on the principle of least privilege.',
      },
    ],
    kind: 'enforced',
    area: 'workload',
    status: 'implemented',
    enforcement:
      'FargateWorkload: task and execution roles are ManagedPolicyRoles trusted only by ecs-tasks.amazonaws.com with aws:SourceAccount and aws:SourceArn conditions; the task role has no permissions until the application is granted some, the execution role may only logs:CreateLogStream/PutLogEvents on the application log group and pull GuardDuty\'s Fargate runtime agent (ecr:BatchCheckLayerAvailability/GetDownloadUrlForLayer/BatchGetImage on that one repository, plus ecr:GetAuthorizationToken, which has no resource type); the container runs with a read-only root filesystem, dropped capabilities and no environment variables. A test fails on Action "*" in the workload stack\'s policies, and on Resource "*" anywhere but ecr:GetAuthorizationToken.',
    detectors: {
      configRules: ['ECS_CONTAINERS_READONLY_ACCESS', 'ECS_CONTAINERS_NONPRIVILEGED'],
      securityHub: ['ECS.5', 'ECS.4'],
    },
  },
  {
    id: 'WL-MANAGED-COMPUTE',
    statement:
      'The deployment runs no self-managed servers: compute is Fargate on the latest platform version, whose hosts and platform AWS patches; the application image is not patched, scanned or rebuilt by this code.',
    sources: [
      { seed: '003_c8c1318184c7c51b.txt', quote: 'All of our services run in the cloud.' },
      {
        seed: '003_c8c1318184c7c51b.txt',
        quote: 'Lexagle does not run our own routers, load balancers, DNS servers, or physical servers.',
      },
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Security patches and critical updates are applied on an ongoing basis.',
      },
    ],
    kind: 'enforced',
    area: 'workload',
    status: 'partial',
    missing:
      '"Security patches and critical updates are applied on an ongoing basis" (004) for the application\'s container image: this code neither builds, scans nor rebuilds it on a schedule (workload.containerImage is any registry\'s image, by tag or digest), so the operating-system packages and libraries inside it are as current as the adopter keeps them. The remainder is ORG-APP-IMAGE-PATCHING.',
    enforcement:
      'No AWS::EC2::Instance, LaunchTemplate, Auto Scaling group or ECS capacity provider in any template; the ECS service uses LaunchType FARGATE with PlatformVersion LATEST, so each new task starts on the latest, patched platform revision, and AWS retires tasks on a revision with a security issue (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-fargate.html).',
    detectors: {
      configRules: ['ECS_FARGATE_LATEST_PLATFORM_VERSION'],
      securityHub: ['ECS.10'],
    },
  },
];
