import type { Stage } from 'aws-cdk-lib';
import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as pipelines from 'aws-cdk-lib/pipelines';
import { Construct } from 'constructs';
import { acknowledge } from '../../nag/acknowledgements';
import { AccessLogBucket } from '../common/access-log-bucket';
import { EncryptionKey } from '../common/encryption-key';
import { ManagedPolicyRole } from '../common/managed-policy-role';
import { SecureBucket } from '../common/secure-bucket';
import { SecureLogGroup } from '../common/secure-log-group';

/** The Node.js major version every CodeBuild project of the pipeline runs: one of the LTS lines CI tests (its matrix), and the Lambda functions' runtime. */
export const PIPELINE_NODE_VERSION = 24;

/** One environment the pipeline deploys, in order. */
export interface PipelineTarget {
  /** The environment's stage (built at app level, so its stacks are the same with or without the pipeline). */
  readonly stage: Stage;
  /** Wait for a person to approve before deploying this stage. */
  readonly requireApproval: boolean;
}

/** Props of {@link DeliveryPipeline}. */
export interface DeliveryPipelineProps {
  /** `owner/name` of the repository. */
  readonly repository: string;
  /** Branch to deploy. */
  readonly branch: string;
  /** CodeConnections connection ARN. */
  readonly connectionArn: string;
  /** Stages to deploy, in order. */
  readonly targets: readonly PipelineTarget[];
  /** Days to keep build logs and the server access logs of the artifact buckets. */
  readonly logRetentionDays: number;
}

/**
 * A CDK Pipelines pipeline that runs the whole test suite before anything deploys, deploys each
 * target stage in order, and waits for a manual approval before every stage that requires one
 * (DEL-STAGED-ROLLOUT, DEL-CI-TESTS). Artifacts are encrypted with a rotating customer-managed
 * key in a versioned, TLS-only bucket whose access is logged; build logs go to an encrypted log
 * group; the pipeline and synth roles carry managed, not inline, policies.
 */
export class DeliveryPipeline extends Construct {
  /** The CDK Pipelines construct. */
  public readonly pipeline: pipelines.CodePipeline;

  constructor(scope: Construct, id: string, props: DeliveryPipelineProps) {
    super(scope, id);
    const key = new EncryptionKey(this, 'ArtifactKey', { description: 'Delivery pipeline artifacts', allowCloudWatchLogs: true });
    const accessLogs = new AccessLogBucket(this, 'AccessLogs', { delivery: 's3-server-access-logs', retentionDays: props.logRetentionDays });
    const artifacts = new SecureBucket(this, 'Artifacts', {
      encryption: { kind: 'kms', key: key.key },
      serverAccessLogsBucket: accessLogs.bucket,
    });
    const buildLogs = new SecureLogGroup(this, 'BuildLogs', { encryptionKey: key.key, retentionDays: props.logRetentionDays });

    const pipelineRole = new ManagedPolicyRole(this, 'PipelineRole', {
      assumedBy: new iam.ServicePrincipal('codepipeline.amazonaws.com'),
      description: 'The delivery pipeline: reads and writes artifacts, starts its actions',
    });
    const codePipeline = new codepipeline.Pipeline(this, 'Resource', {
      pipelineType: codepipeline.PipelineType.V2,
      artifactBucket: artifacts.bucket,
      role: pipelineRole,
      // Staging and production live in other accounts than the pipeline.
      crossAccountKeys: true,
      enableKeyRotation: true,
      restartExecutionOnUpdate: true,
    });

    const synthRole = new ManagedPolicyRole(this, 'SynthRole', {
      assumedBy: new iam.ServicePrincipal('codebuild.amazonaws.com'),
      description: 'The synth step: installs, tests and synthesizes the app',
    });
    this.pipeline = new pipelines.CodePipeline(this, 'Pipeline', {
      codePipeline,
      synth: new pipelines.CodeBuildStep('Synth', {
        input: pipelines.CodePipelineSource.connection(props.repository, props.branch, { connectionArn: props.connectionArn }),
        // The whole suite (type check, catalog, every compliance pack, assertions) gates every deploy.
        commands: ['npm ci', 'npm test', 'npx cdk synth'],
        role: synthRole,
      }),
      codeBuildDefaults: {
        buildEnvironment: { buildImage: codebuild.LinuxBuildImage.STANDARD_7_0, computeType: codebuild.ComputeType.MEDIUM },
        // The image offers several Node.js versions and picks one per image release: pin one of
        // the LTS lines CI tests (.github/workflows/ci.yml matrix, package.json engines), so the
        // pipeline tests and synthesizes with a runtime every pull request is tested on.
        partialBuildSpec: codebuild.BuildSpec.fromObject({ phases: { install: { 'runtime-versions': { nodejs: PIPELINE_NODE_VERSION } } } }),
        logging: { cloudWatch: { logGroup: buildLogs.logGroup } },
      },
    });
    for (const target of props.targets) {
      this.pipeline.addStage(target.stage, {
        pre: target.requireApproval ? [new pipelines.ManualApprovalStep(`Approve-${target.stage.stageName}`)] : [],
      });
    }
    this.pipeline.buildPipeline();
    // A stage with a stack in another region (GlobalEvents, in us-east-1) makes CodePipeline add a
    // support stack there with a replication bucket for the artifacts; give it what the home
    // artifact bucket has (versioning, server access logs).
    for (const support of Object.values(codePipeline.crossRegionSupport)) hardenReplicationBucket(support, props.logRetentionDays);

    acknowledge(artifacts.bucket, 'bucketWithoutReplication');
    for (const child of [...codePipeline.node.findAll(), ...this.pipeline.node.findAll(), ...pipelineRole.node.findAll(), ...synthRole.node.findAll()]) {
      if (child instanceof iam.Role && child !== pipelineRole && child !== synthRole) acknowledge(child, 'pipelineGeneratedRole');
      if (child instanceof iam.CfnPolicy || child instanceof iam.CfnManagedPolicy) acknowledge(child, 'pipelineGeneratedPolicyWildcards');
      if (child instanceof codebuild.Project) acknowledge(child, 'pipelineBuildProject');
    }
  }
}

/**
 * Versioning and server access logs for the replication bucket CodePipeline generates in another
 * region (its L2 is built inside CodePipeline, so the settings go on the L1). The bucket holds
 * pipeline artifacts (templates, asset bundles), no customer data, and is not replicated itself.
 */
function hardenReplicationBucket(support: codepipeline.CrossRegionSupport, logRetentionDays: number): void {
  const bucket = support.replicationBucket;
  const cfn = bucket.node.defaultChild as s3.CfnBucket;
  const accessLogs = new AccessLogBucket(support.stack, 'ReplicationAccessLogs', { delivery: 's3-server-access-logs', retentionDays: logRetentionDays });
  cfn.versioningConfiguration = { status: 'Enabled' };
  cfn.loggingConfiguration = { destinationBucketName: accessLogs.bucket.bucketName, logFilePrefix: 'replication/' };
  // What the L2's serverAccessLogsBucket would add: delivery by the S3 logging service for this bucket only.
  accessLogs.bucket.addToResourcePolicy(
    new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
      actions: ['s3:PutObject'],
      resources: [accessLogs.bucket.arnForObjects('replication/*')],
      conditions: { ArnLike: { 'aws:SourceArn': bucket.bucketArn }, StringEquals: { 'aws:SourceAccount': support.stack.account } },
    }),
  );
  acknowledge(bucket, 'bucketWithoutReplication');
}
