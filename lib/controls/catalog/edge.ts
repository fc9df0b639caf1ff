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
      'The service is served only over HTTPS: the load balancer terminates TLS on 443 with the configured certificate, and port 80 only redirects to HTTPS.',
    sources: [
      { seed: '003_c8c1318184c7c51b.txt', quote: 'Lexagle is served 100% over https.' },
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'All access to the Crystallize user interface and API is encrypted with HTTPS transport layer security (TLS).',
      },
      {
        seed: '000_0f4aa12068a9bf0e.txt',
        quote: 'Transport security via TLS/SSL for all incoming and outgoing network traffic',
      },
      { seed: '004_c378355873db2afd.txt', quote: 'All customer data is encrypted in transit using TLS (HTTPS).' },
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'The use of HTTPS websites also safeguards your important data and credentials against unauthorized third-party access.',
      },
    ],
    kind: 'enforced',
    area: 'edge',
    status: 'planned',
    enforcement:
      'AWS::ElasticLoadBalancingV2::Listener on 443 (Protocol HTTPS, certificate ARN from config) forwarding to the workload, and a listener on 80 whose only action is a redirect to HTTPS:443 (HTTP_301).',
  },
  {
    id: 'EDGE-TLS-POLICY',
    statement: 'The HTTPS listener negotiates only TLS 1.2 or later with forward-secret AEAD cipher suites.',
    sources: [
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'Our systems support some of the cutting-edge cipher suites to encrypt all data in transit, including the use of TLS 1.2 protocols and SHA256 hashing algorithm.',
      },
      { seed: '003_c8c1318184c7c51b.txt', quote: 'encrypted in transit using 256-bit encryption' },
    ],
    kind: 'enforced',
    area: 'edge',
    status: 'planned',
    enforcement:
      'HTTPS listener SslPolicy ELBSecurityPolicy-TLS13-1-2-2021-06 by default (or a stricter TLS 1.3 / FS policy from config, validated against an allow-list of TLS 1.2+ policies).',
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
    status: 'planned',
    enforcement:
      'Internet-facing ALB in the public subnets whose security group ingress from 0.0.0.0/0 and ::/0 is only TCP 443 and 80, with routing.http.drop_invalid_header_fields.enabled true; no other load balancer is internet-facing and no other resource has a public IP.',
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
    status: 'planned',
    enforcement:
      'AWS::WAFv2::WebACL (Scope REGIONAL) with AWSManagedRulesCommonRuleSet, AWSManagedRulesKnownBadInputsRuleSet, AWSManagedRulesSQLiRuleSet, AWSManagedRulesAmazonIpReputationList and AWSManagedRulesAnonymousIpList, attached to the ALB by AWS::WAFv2::WebACLAssociation.',
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
    status: 'planned',
    enforcement:
      'Web ACL rule with RateBasedStatement (AggregateKeyType IP, Limit from config validated within WAF\'s range) and action Block.',
  },
  {
    id: 'EDGE-WAF-LOGGING',
    statement:
      'WAF logs go to a KMS-encrypted aws-waf-logs- destination with retention, with the authorization and cookie headers redacted.',
    sources: [
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Security-relevant events (e.g., admin access, authentication failures, data export, system errors) are logged.',
      },
      { seed: '004_c378355873db2afd.txt', quote: 'do not include private client content' },
    ],
    kind: 'enforced',
    area: 'edge',
    status: 'planned',
    enforcement:
      'AWS::WAFv2::LoggingConfiguration to a CloudWatch log group named aws-waf-logs-* with KmsKeyId and retention, RedactedFields SingleHeader authorization and cookie.',
  },
  {
    id: 'EDGE-DDOS-SHIELD',
    statement:
      'Where the environment enables it (production by default), Shield Advanced protects the load balancer, with a Route 53 health check when one is configured.',
    sources: [
      { seed: '000_0f4aa12068a9bf0e.txt', quote: 'DDoS protected infrastructure' },
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'mitigations against distributed denial of service (DDoS) attacks',
      },
    ],
    kind: 'enforced',
    area: 'edge',
    status: 'planned',
    enforcement:
      'AWS::Shield::Protection for the ALB ARN when config shieldAdvanced is true (with HealthCheckArns from config), and none when it is false.',
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
    status: 'planned',
    enforcement:
      'ALB attribute access_logs.s3.enabled true targeting a dedicated S3 bucket with SSE-S3 (the only encryption ELB log delivery supports), public access blocked, TLS-only policy and a lifecycle expiration from config; ALB deletion_protection.enabled true in production.',
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
    status: 'planned',
    enforcement:
      "ECS Fargate service in PRIVATE_WITH_EGRESS subnets with AssignPublicIp DISABLED; the task security group's only ingress is the container port from the ALB security group.",
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
    status: 'planned',
    enforcement:
      'Fargate service DesiredCount from config (at least 2 in production) over private subnets in every zone, with the deployment circuit breaker and rollback enabled and load balancer health checks.',
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
    status: 'planned',
    enforcement:
      'ECS task role limited to rds-db:connect on its tenants\' database users and their secret and key ARNs; execution role limited to ECR pull, log writes and the task\'s secrets; a test fails on Action or Resource "*" not covered by an acknowledgement naming the API that requires it.',
  },
  {
    id: 'WL-MANAGED-COMPUTE',
    statement:
      'The deployment runs no self-managed servers: compute is Fargate on the latest platform version, kept patched by AWS.',
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
    status: 'planned',
    enforcement:
      'No AWS::EC2::Instance, LaunchTemplate or AutoScaling group in any template; the ECS service uses LaunchType FARGATE with PlatformVersion LATEST.',
  },
];
