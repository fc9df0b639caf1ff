/**
 * Weakening fixtures of the foundation controls (lib/controls/catalog/foundation-*.ts), run by
 * test/controls-diff-weakenings.test.ts.
 */
import { first, isTrueish, tag } from './edit';
import { statementsOf } from '../../lib/controls/diff-rules';
import type { Templates, Weakening } from './types';

/** A bucket, topic or queue policy statement that denies requests without TLS. */
const secureTransportDeny = (st: any) => st.Effect === 'Deny' && String(st.Condition?.Bool?.['aws:SecureTransport']) === 'false';

/** A bucket policy statement that denies requests below a TLS version. */
const oldTlsDeny = (st: any) => st.Effect === 'Deny' && st.Condition?.NumericLessThan?.['s3:TlsVersion'] !== undefined;

/** The first container of the first task definition that has containers. */
function container(t: Templates): Record<string, any> {
  return first(t, 'AWS::ECS::TaskDefinition', (p) => (p.ContainerDefinitions ?? []).length > 0, 'task definition with containers').props.ContainerDefinitions[0];
}

export const WEAKENINGS: readonly Weakening[] = [
  {
    control: 'FND-ENCRYPTION-AT-REST',
    title: 'turns automatic rotation of a KMS key off',
    weaken: (t) => {
      first(t, 'AWS::KMS::Key', (p) => isTrueish(p.EnableKeyRotation), 'KMS key with rotation').props.EnableKeyRotation = false;
    },
    neutral: (t) => tag(first(t, 'AWS::KMS::Key', (p) => isTrueish(p.EnableKeyRotation), 'KMS key with rotation')),
  },
  {
    control: 'FND-TLS-IN-TRANSIT',
    title: 'drops the aws:SecureTransport deny from a bucket policy',
    weaken: (t) => {
      const policy = first(t, 'AWS::S3::BucketPolicy', (p) => statementsOf(p.PolicyDocument).some(secureTransportDeny), 'bucket policy denying requests without TLS');
      policy.props.PolicyDocument.Statement = statementsOf(policy.props.PolicyDocument).filter((st) => !secureTransportDeny(st));
    },
    neutral: (t) => {
      const policy = first(t, 'AWS::S3::BucketPolicy', (p) => statementsOf(p.PolicyDocument).some(secureTransportDeny), 'bucket policy denying requests without TLS');
      statementsOf(policy.props.PolicyDocument).find(secureTransportDeny).Sid = 'DenyWithoutTls';
    },
  },
  {
    control: 'FND-NO-PUBLIC-BUCKETS',
    title: "turns a bucket's BlockPublicPolicy off",
    weaken: (t) => {
      first(t, 'AWS::S3::Bucket', (p) => isTrueish(p.PublicAccessBlockConfiguration?.BlockPublicPolicy), 'bucket blocking public policies').props.PublicAccessBlockConfiguration.BlockPublicPolicy = false;
    },
    neutral: (t) => tag(first(t, 'AWS::S3::Bucket', (p) => isTrueish(p.PublicAccessBlockConfiguration?.BlockPublicPolicy), 'bucket blocking public policies')),
  },
  {
    control: 'FND-STATEFUL-RETAIN',
    title: 'lets a retained bucket be deleted with its stack (DeletionPolicy and UpdateReplacePolicy → Delete)',
    weaken: (t) => {
      const bucket = first(t, 'AWS::S3::Bucket', (_p, r) => r.UpdateReplacePolicy === 'Retain', 'retained bucket');
      bucket.resource.DeletionPolicy = 'Delete';
      bucket.resource.UpdateReplacePolicy = 'Delete';
    },
    neutral: (t) => tag(first(t, 'AWS::S3::Bucket', (_p, r) => r.UpdateReplacePolicy === 'Retain', 'retained bucket')),
  },
  {
    control: 'FND-STATEFUL-RETAIN',
    title: "turns a database cluster's deletion protection off",
    weaken: (t) => {
      first(t, 'AWS::RDS::DBCluster', (p) => isTrueish(p.DeletionProtection), 'cluster with deletion protection').props.DeletionProtection = false;
    },
    neutral: (t) => tag(first(t, 'AWS::RDS::DBCluster', (p) => isTrueish(p.DeletionProtection), 'cluster with deletion protection')),
  },
  {
    control: 'FND-NO-PLAINTEXT-SECRETS',
    title: "writes a database password into a container's environment",
    weaken: (t) => {
      (container(t).Environment ??= []).push({ Name: 'DB_PASSWORD', Value: 'correct-horse-battery-staple' });
    },
    neutral: (t) => {
      (container(t).Environment ??= []).push({ Name: 'LOG_LEVEL', Value: 'info' });
    },
  },
  {
    control: 'FND-NO-PLAINTEXT-SECRETS',
    title: 'gives a database cluster a literal master password',
    weaken: (t) => {
      first(t, 'AWS::RDS::DBCluster').props.MasterUserPassword = 'correct-horse-battery-staple';
    },
    neutral: (t) => {
      // A dynamic reference is resolved at deploy time and never stored in the template.
      first(t, 'AWS::RDS::DBCluster').props.MasterUserPassword = '{{resolve:secretsmanager:tenant-master:SecretString:password}}';
    },
  },
  {
    control: 'FND-TLS-IN-TRANSIT',
    title: 'drops the deny of TLS below 1.2 from a bucket policy',
    weaken: (t) => {
      const policy = first(t, 'AWS::S3::BucketPolicy', (p) => statementsOf(p.PolicyDocument).some(oldTlsDeny), 'bucket policy denying TLS below 1.2');
      policy.props.PolicyDocument.Statement = statementsOf(policy.props.PolicyDocument).filter((st) => !oldTlsDeny(st));
    },
    neutral: (t) => {
      const policy = first(t, 'AWS::S3::BucketPolicy', (p) => statementsOf(p.PolicyDocument).some(oldTlsDeny), 'bucket policy denying TLS below 1.2');
      statementsOf(policy.props.PolicyDocument).find(oldTlsDeny).Sid = 'DenyTlsBelow12';
    },
  },
];
