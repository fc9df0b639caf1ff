import { Duration, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';
import { acknowledge } from '../../nag/acknowledgements';
import { AccessLogBucket } from '../common/access-log-bucket';

/** Props of {@link HttpsLoadBalancer}. */
export interface HttpsLoadBalancerProps {
  /** The VPC; the load balancer goes into its public subnets. */
  readonly vpc: ec2.IVpc;
  /** ARN of the ACM certificate served on 443; must be in the stack's region. */
  readonly certificateArn: string;
  /** Where HTTPS requests go: the workload's target group. */
  readonly targetGroup: elbv2.IApplicationTargetGroup;
  /** Days to keep access logs. */
  readonly accessLogRetentionDays: number;
  /**
   * Refuse deletion of the load balancer (the API rejects DeleteLoadBalancer until turned off).
   * @default true
   */
  readonly deletionProtection?: boolean;
}

/**
 * The TLS policy of the HTTPS listener (EDGE-TLS-POLICY): TLS 1.3, and TLS 1.2 only with ECDHE
 * key exchange and AES-GCM ("Res": restricted to forward-secret AEAD suites), plus hybrid
 * post-quantum ML-KEM key exchange for clients that offer it. It is the strictest predefined
 * policy that still accepts TLS 1.2, which seed 002 promises ("including the use of TLS 1.2");
 * the TLS 1.3-only policies would turn away TLS 1.2 clients. The FIPS variant
 * (`FIPS_TLS13_12_RES_PQ`) narrows the same suites to a FIPS 140-3 module; choose it where a
 * customer requires FIPS. https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
 */
export const HTTPS_SSL_POLICY = elbv2.SslPolicy.TLS13_12_RES_PQ;

/**
 * The internet-facing Application Load Balancer (EDGE-HTTPS-ONLY, EDGE-TLS-POLICY,
 * EDGE-INTERNET-EXPOSURE, EDGE-ALB-ACCESS-LOGS):
 *
 * - in the public subnets, the only internet-facing component of the deployment;
 * - its security group admits 443 and 80 from anywhere and nothing else, and sends only to the
 *   targets it is connected to (no outbound rule to the internet);
 * - 443 terminates TLS with the configured certificate and {@link HTTPS_SSL_POLICY}; 80 answers
 *   every request with a permanent redirect to HTTPS and forwards nothing;
 * - invalid header fields are dropped and HTTP desync mitigation is at its strictest, so requests
 *   that could smuggle a second request past the WAF never reach the workload;
 * - access logs and TLS connection logs go to an {@link AccessLogBucket}.
 */
export class HttpsLoadBalancer extends Construct {
  /** The load balancer. */
  public readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  /** Its security group. */
  public readonly securityGroup: ec2.SecurityGroup;
  /** The HTTPS listener on 443. */
  public readonly httpsListener: elbv2.ApplicationListener;
  /** The HTTP listener on 80 (redirect only). */
  public readonly httpListener: elbv2.ApplicationListener;
  /** Where access logs go. */
  public readonly accessLogs: AccessLogBucket;

  constructor(scope: Construct, id: string, props: HttpsLoadBalancerProps) {
    super(scope, id);
    if (!Token.isUnresolved(props.certificateArn) && !/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]{36}$/.test(props.certificateArn)) {
      throw new Error(`HttpsLoadBalancer ${id}: certificateArn must be an ACM certificate ARN; got ${props.certificateArn}`);
    }
    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'Internet-facing load balancer: HTTPS and HTTP (redirect) in, only to its targets out',
      // Egress is added per target by the connections API (target port to the target's group).
      allowAllOutbound: false,
    });
    this.securityGroup.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS from the internet');
    this.securityGroup.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(80), 'HTTP from the internet, redirected to HTTPS');
    acknowledge(this.securityGroup, 'internetFacingLoadBalancerIngress');

    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'Resource', {
      vpc: props.vpc,
      internetFacing: true,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      securityGroup: this.securityGroup,
      dropInvalidHeaderFields: true,
      desyncMitigationMode: elbv2.DesyncMitigationMode.STRICTEST,
      deletionProtection: props.deletionProtection ?? true,
      http2Enabled: true,
      idleTimeout: Duration.seconds(60),
    });
    // If the WAF cannot answer, requests are refused rather than let through uninspected. Written
    // explicitly (the L2 omits the default) so that a template diff shows any change.
    this.loadBalancer.setAttribute('waf.fail_open.enabled', 'false');

    this.accessLogs = new AccessLogBucket(this, 'AccessLogs', { delivery: 'elb-access-logs', retentionDays: props.accessLogRetentionDays });
    this.loadBalancer.logAccessLogs(this.accessLogs.bucket, 'alb');
    // Connection logs record each TLS handshake (protocol, cipher, failures): the evidence that
    // clients negotiate what EDGE-TLS-POLICY promises, and the trace of handshake-level attacks.
    this.loadBalancer.logConnectionLogs(this.accessLogs.bucket, 'alb-connections');

    this.httpsListener = this.loadBalancer.addListener('Https', {
      port: 443,
      protocol: elbv2.ApplicationProtocol.HTTPS,
      certificates: [elbv2.ListenerCertificate.fromArn(props.certificateArn)],
      sslPolicy: HTTPS_SSL_POLICY,
      // Ingress is managed on the security group above, not by the listener.
      open: false,
      defaultAction: elbv2.ListenerAction.forward([props.targetGroup]),
    });
    this.httpListener = this.loadBalancer.addListener('Http', {
      port: 80,
      protocol: elbv2.ApplicationProtocol.HTTP,
      open: false,
      defaultAction: elbv2.ListenerAction.redirect({ protocol: 'HTTPS', port: '443', permanent: true }),
    });
    acknowledge(this.httpListener, 'httpRedirectListener');
  }
}
