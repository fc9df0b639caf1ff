import { Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { HTTPS_PORT } from '../../constants/ports';

/** Props of {@link PrivateEndpoints}. */
export interface PrivateEndpointsProps {
  /** The VPC; interface endpoints go into its private subnets. */
  readonly vpc: ec2.IVpc;
  /** The VPC's IPv4 CIDR as a literal: the only source the endpoints' security group admits. */
  readonly vpcCidr: string;
  /**
   * Create the interface endpoints. Each costs an hourly fee per zone; turning them off (staging
   * only; production validation refuses it) sends the same API calls through the NAT gateways
   * over TLS instead. The S3 gateway endpoint, which is free, is always created.
   * @default true
   */
  readonly interfaceEndpoints?: boolean;
}

/**
 * The interface endpoints the workload and operators need, by construct ID. Chosen for a Fargate
 * workload with secrets, keys, logs and ECS Exec:
 * - ECR api and dkr (with the S3 gateway endpoint for layers): image pulls;
 * - Secrets Manager, KMS, STS, CloudWatch Logs: what tasks call at start and while running;
 * - SSM and SSM messages: Session Manager and ECS Exec (NET-OPERATOR-ACCESS). EC2 messages is left
 *   out: SSM Agent 3.3.40.0 and later, and ECS Exec, open their channels through SSM messages.
 */
const INTERFACE_SERVICES = {
  SecretsManager: ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
  Kms: ec2.InterfaceVpcEndpointAwsService.KMS,
  Logs: ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
  EcrApi: ec2.InterfaceVpcEndpointAwsService.ECR,
  EcrDocker: ec2.InterfaceVpcEndpointAwsService.ECR_DOCKER,
  Sts: ec2.InterfaceVpcEndpointAwsService.STS,
  Ssm: ec2.InterfaceVpcEndpointAwsService.SSM,
  SsmMessages: ec2.InterfaceVpcEndpointAwsService.SSM_MESSAGES,
} as const;

/**
 * Endpoints limited to principals of this account. SSM messages keeps the default policy: it
 * carries only the data channel of sessions that `ssm:StartSession` (through the Ssm endpoint,
 * which is limited) has already authorised.
 */
const WITH_IDENTITY_PERIMETER: ReadonlySet<keyof typeof INTERFACE_SERVICES> = new Set([
  'SecretsManager',
  'Kms',
  'Logs',
  'EcrApi',
  'EcrDocker',
  'Sts',
  'Ssm',
]);

/**
 * VPC endpoints so that workloads and the data tier reach AWS without the internet
 * (NET-PRIVATE-ENDPOINTS):
 *
 * - an S3 gateway endpoint in the private and isolated route tables, limited to buckets of this
 *   account plus the AWS-owned buckets the platform needs: the regional ECR layer bucket that
 *   image pulls read from, and CloudFormation's response buckets for custom resources;
 * - interface endpoints in the private subnets, one per zone, private DNS on, behind a security
 *   group that admits HTTPS from the VPC only, each limited to principals of this account where
 *   the service takes an endpoint policy (a data perimeter: credentials of another account
 *   cannot carry data out through them).
 */
export class PrivateEndpoints extends Construct {
  /** The S3 gateway endpoint. */
  public readonly s3: ec2.GatewayVpcEndpoint;
  /** The security group of every interface endpoint (HTTPS from the VPC only); none without interface endpoints. */
  public readonly securityGroup?: ec2.SecurityGroup;
  /** The interface endpoints by construct ID; empty when `interfaceEndpoints` is false. */
  public readonly interfaceEndpoints: Readonly<Record<string, ec2.InterfaceVpcEndpoint>>;

  constructor(scope: Construct, id: string, props: PrivateEndpointsProps) {
    super(scope, id);
    const { vpc } = props;
    const { account, region, partition } = Stack.of(this);
    if (Token.isUnresolved(region) || Token.isUnresolved(account)) {
      // The policies name this account and the region's AWS-owned buckets literally.
      throw new Error(`PrivateEndpoints ${id}: the stack's account and region got unresolved tokens, expected an environment-pinned stack`);
    }

    this.s3 = new ec2.GatewayVpcEndpoint(this, 'S3', {
      vpc,
      service: ec2.GatewayVpcEndpointAwsService.S3,
      subnets: [{ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }, { subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
    });
    // Endpoint policies bound what passes through the endpoint; they grant nothing themselves.
    this.s3.addToPolicy(
      throughEndpoint('BucketsOfThisAccount', ['s3:*'], ['*'], { StringEquals: { 'aws:ResourceAccount': account } }),
    );
    // ECR keeps image layers in an AWS-owned bucket; without this, image pulls through the endpoint
    // fail with 403 once the statement above applies.
    // https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html#ecr-setting-up-s3-gateway
    this.s3.addToPolicy(
      throughEndpoint('EcrImageLayers', ['s3:GetObject'], [`arn:${partition}:s3:::prod-${region}-starport-layer-bucket/*`]),
    );
    // Custom resources and wait conditions answer CloudFormation by a presigned PUT into AWS-owned
    // buckets; a custom-resource Lambda in these subnets would otherwise hang the deployment for an
    // hour. The custom-resource bucket's name carries the region without dashes.
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cfn-vpce-bucketnames.html
    this.s3.addToPolicy(
      throughEndpoint('CloudFormationResponses', ['s3:PutObject'], [
        `arn:${partition}:s3:::cloudformation-custom-resource-response-${region.replace(/-/g, '')}/*`,
        `arn:${partition}:s3:::cloudformation-waitcondition-${region}/*`,
      ]),
    );

    const endpoints: Record<string, ec2.InterfaceVpcEndpoint> = {};
    if (props.interfaceEndpoints ?? true) {
      this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
        vpc,
        description: 'Interface endpoints: HTTPS from inside the VPC only',
        allowAllOutbound: false,
      });
      this.securityGroup.addIngressRule(ec2.Peer.ipv4(props.vpcCidr), ec2.Port.tcp(HTTPS_PORT), 'HTTPS from inside the VPC');
      for (const [name, service] of Object.entries(INTERFACE_SERVICES) as Array<[keyof typeof INTERFACE_SERVICES, ec2.InterfaceVpcEndpointAwsService]>) {
        const endpoint = new ec2.InterfaceVpcEndpoint(this, name, {
          vpc,
          service,
          privateDnsEnabled: true,
          subnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
          securityGroups: [this.securityGroup],
          // The group above already admits the VPC; `open` would add the same rule again.
          open: false,
        });
        if (WITH_IDENTITY_PERIMETER.has(name)) {
          endpoint.addToPolicy(throughEndpoint('PrincipalsOfThisAccount', ['*'], ['*'], { StringEquals: { 'aws:PrincipalAccount': account } }));
        }
        endpoints[name] = endpoint;
      }
    }
    this.interfaceEndpoints = endpoints;
  }
}

/** An endpoint policy statement: who may pass is decided by `conditions`, so the principal is any. */
function throughEndpoint(sid: string, actions: string[], resources: string[], conditions?: Record<string, unknown>): iam.PolicyStatement {
  return new iam.PolicyStatement({ sid, principals: [new iam.AnyPrincipal()], actions, resources, conditions });
}
