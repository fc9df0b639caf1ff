import { isStateful, STATEFUL_RESOURCE_TYPES } from '../../aspects/retain-stateful';
import { DB_CLUSTERS, PUBLIC_ACCESS_BLOCK_FLAGS, S3_SSE_STRENGTH } from '../aws-tables';
import { arrow, byRank, enforcingResource, entryVerdicts, flag, present, prop, show } from '../diff-builders';
import { loadBalancerFlag } from '../diff-builders-resources';
import type { DiffRule, Verdict } from '../diff-rule';
import { props } from '../evidence-predicates';
import { conditionValue, deniesInsecureTransport, isTrue, keepsData, statementsOf, type TemplateResource } from '../template-readers';
import type { Control } from '../types';
import { exported } from '../enforcer';

// The modules of what enforces these controls, loaded only when asked for (lib/controls/enforcer.ts).
const accessLogBucketModule = () => import('../../constructs/common/access-log-bucket.js');
const alertDeadLetterQueueModule = () => import('../../constructs/monitoring/alert-dead-letter-queue.js');
const alertTopicsModule = () => import('../../constructs/monitoring/alert-topics.js');
const auditBucketModule = () => import('../../constructs/audit/audit-bucket.js');
const customerFilesBucketModule = () => import('../../constructs/data/customer-files-bucket.js');
const customerUserPoolModule = () => import('../../constructs/identity/customer-user-pool.js');
const encryptionKeyModule = () => import('../../constructs/common/encryption-key.js');
const fargateWorkloadModule = () => import('../../constructs/workload/fargate-workload.js');
const httpsLoadBalancerModule = () => import('../../constructs/edge/https-load-balancer.js');
const legalArchiveBucketModule = () => import('../../constructs/backup/legal-archive-bucket.js');
const lockedBackupVaultModule = () => import('../../constructs/backup/locked-backup-vault.js');
const retainStatefulModule = () => import('../../aspects/retain-stateful.js');
const secureBucketModule = () => import('../../constructs/common/secure-bucket.js');
const secureLogGroupModule = () => import('../../constructs/common/secure-log-group.js');
const tenantDatabaseModule = () => import('../../constructs/data/tenant-database.js');

/*
 * Foundation controls of data protection (area 'foundation'): the cross-cutting rules every data
 * store and connection follows, in every stack: customer-managed encryption keys, TLS in transit,
 * no public buckets, stateful resources retained in production, and no secrets in code or
 * templates. Tests over every synthesized template enforce them. foundation-environments.ts holds
 * the environments' controls.
 */
export const FOUNDATION_DATA_PROTECTION_CONTROLS: readonly Control[] = [
  {
    id: 'FND-ENCRYPTION-AT-REST',
    statement:
      'Every data store (databases, buckets, log groups, secrets, topics, backup vault) is encrypted at rest with AES-256 under a customer-managed KMS key that rotates automatically.',
    sources: [
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'Data at rest in our production environment is encrypted at the storage level using either AES256 or AES 128.',
      },
      { seed: '002_d509c6ba1f6a9163.txt', quote: 'This applies to all of data at rest.' },
      {
        seed: '003_c8c1318184c7c51b.txt',
        quote: 'We also encrypt data at rest using an industry-standard AES-256 encryption algorithm.',
      },
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'Primary data stores and backups are encrypted at rest using industry-accepted encryption standards.',
      },
    ],
    kind: 'enforced',
    area: 'foundation',
    status: 'implemented',
    enforcement:
      'Every RDS cluster, S3 bucket, CloudWatch log group, Secrets Manager secret, SNS topic and Backup vault references a customer-managed AWS::KMS::Key (SYMMETRIC_DEFAULT, AES-256-GCM) with EnableKeyRotation true; the only exceptions are log-delivery buckets (ALB and S3 access logs), which AWS requires to use SSE-S3 (AES-256).',
    detectors: {
      configRules: ['ENCRYPTED_VOLUMES', 'RDS_STORAGE_ENCRYPTED', 'S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED', 'CMK_BACKING_KEY_ROTATION_ENABLED', 'CLOUDWATCH_LOG_GROUP_ENCRYPTED', 'SNS_ENCRYPTED_KMS'],
      securityHub: ['S3.4', 'RDS.4', 'SNS.1', 'SQS.1', 'KMS.4'],
    },
    enforcedBy: [
      exported(encryptionKeyModule, 'EncryptionKey'),
      exported(secureBucketModule, 'SecureBucket'),
      exported(secureLogGroupModule, 'SecureLogGroup'),
      exported(tenantDatabaseModule, 'TenantDatabase'),
      exported(lockedBackupVaultModule, 'LockedBackupVault'),
      exported(alertTopicsModule, 'AlertTopics'),
    ],
    evidence: {
      what: 'customer-managed KMS keys with automatic rotation',
      select: [{ types: ['AWS::KMS::Key'], where: (r) => isTrue(props(r).EnableKeyRotation) }],
    },
    diff: {
      rules: [
        flag(['AWS::KMS::Key'], ['Properties', 'EnableKeyRotation'], 'EnableKeyRotation'),
        // Only symmetric encryption keys can rotate automatically; asymmetric and HMAC keys are not judged.
        enforcingResource(
          ['AWS::KMS::Key'],
          'KMS key',
          (r) => isTrue(r.Properties?.EnableKeyRotation) || !['SYMMETRIC_DEFAULT', undefined].includes(r.Properties?.KeySpec),
          'EnableKeyRotation',
        ),
        present(['AWS::Logs::LogGroup'], ['Properties', 'KmsKeyId'], 'KmsKeyId'),
        present(['AWS::SNS::Topic', 'AWS::SQS::Queue'], ['Properties', 'KmsMasterKeyId'], 'KmsMasterKeyId'),
        flag(['AWS::EFS::FileSystem'], ['Properties', 'Encrypted'], 'Encrypted'),
        {
          resourceTypes: ['AWS::S3::Bucket'],
          path: ['Properties', 'BucketEncryption', 'ServerSideEncryptionConfiguration'],
          assess: (before, after) => {
            const algorithm = (c: any) => c?.[0]?.ServerSideEncryptionByDefault?.SSEAlgorithm;
            const key = (c: any) => c?.[0]?.ServerSideEncryptionByDefault?.KMSMasterKeyID;
            const [b, a] = [algorithm(before), algorithm(after)];
            if (b === a) return key(before) === undefined || key(after) !== undefined ? { direction: 'neutral', detail: arrow('KMSMasterKeyID', key(before), key(after)) } : { direction: 'weakened', detail: `KMSMasterKeyID removed (was ${show(key(before))})` };
            return { direction: byRank(S3_SSE_STRENGTH.indexOf(b), S3_SSE_STRENGTH.indexOf(a)), detail: arrow('SSEAlgorithm', b, a) };
          },
        },
      ],
    },
  },
  {
    id: 'FND-TLS-IN-TRANSIT',
    statement:
      'Every bucket, topic and queue refuses requests without TLS (buckets also below TLS 1.2), and the load balancer\'s listeners and PostgreSQL accept only TLS; the load balancer reaches the tasks over plain HTTP inside the private subnets.',
    sources: [
      {
        seed: '000_0f4aa12068a9bf0e.txt',
        quote: 'Transport security via TLS/SSL for all incoming and outgoing network traffic',
      },
      { seed: '004_c378355873db2afd.txt', quote: 'All customer data is encrypted in transit using TLS (HTTPS).' },
      {
        seed: '003_c8c1318184c7c51b.txt',
        quote: 'All data sent to or from Lexagle is encrypted in transit using 256-bit encryption.',
      },
      { seed: '002_d509c6ba1f6a9163.txt', quote: 'We transmit data over public networks using proper encryption.' },
    ],
    kind: 'enforced',
    area: 'foundation',
    status: 'partial',
    missing:
      '"for all incoming and outgoing network traffic" (000) is not kept on the hop from the load balancer to the tasks: the target group speaks HTTP to the container port inside the private subnets, because serving TLS needs a certificate in the application image, which this code does not build (workload.containerImage is the adopter\'s). "256-bit encryption" (003): the load balancer and PostgreSQL also accept AES-128-GCM suites (EDGE-TLS-POLICY).',
    enforcement:
      'Every AWS::S3::BucketPolicy denies aws:SecureTransport=false and s3:TlsVersion below 1.2, and every AWS::SNS::TopicPolicy and AWS::SQS::QueuePolicy denies aws:SecureTransport=false; the load balancer (EDGE-HTTPS-ONLY, EDGE-TLS-POLICY) and PostgreSQL (DB-TLS) enforce TLS on their own endpoints.',
    detectors: {
      configRules: ['S3_BUCKET_SSL_REQUESTS_ONLY', 'ALB_HTTP_TO_HTTPS_REDIRECTION_CHECK'],
      securityHub: ['S3.5', 'ELB.1'],
    },
    enforcedBy: [
      exported(secureBucketModule, 'SecureBucket'),
      exported(alertTopicsModule, 'AlertTopics'),
      exported(alertDeadLetterQueueModule, 'AlertDeadLetterQueue'),
    ],
    evidence: {
      what: 'bucket, topic and queue policies that deny requests without TLS',
      select: [
        { types: ['AWS::S3::BucketPolicy', 'AWS::SNS::TopicPolicy', 'AWS::SQS::QueuePolicy'], where: (r) => deniesInsecureTransport(props(r).PolicyDocument) },
      ],
    },
    diff: {
      rules: [
        {
          resourceTypes: ['AWS::S3::BucketPolicy', 'AWS::SNS::TopicPolicy', 'AWS::SQS::QueuePolicy'],
          assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
            const [b, a] = [deniesInsecureTransport(before?.Properties?.PolicyDocument), deniesInsecureTransport(after?.Properties?.PolicyDocument)];
            if (b === a) return undefined;
            return a ? { direction: 'strengthened', detail: 'policy now denies requests without TLS (aws:SecureTransport)' } : { direction: 'weakened', detail: `policy ${after ? 'no longer denies' : 'that denied'} requests without TLS (aws:SecureTransport)${after ? '' : ' removed'}` };
          },
        },
        // Bucket policies also deny TLS below 1.2 (s3:TlsVersion).
        {
          resourceTypes: ['AWS::S3::BucketPolicy'],
          assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
            const [b, a] = [deniesOldTls(before?.Properties?.PolicyDocument), deniesOldTls(after?.Properties?.PolicyDocument)];
            if (b === a || after === undefined) return undefined;
            return { direction: a ? 'strengthened' : 'weakened', detail: `bucket policy ${a ? 'now denies' : 'no longer denies'} requests below a TLS version (s3:TlsVersion)` };
          },
        },
      ],
    },
  },
  {
    id: 'FND-NO-PUBLIC-BUCKETS',
    statement: 'No S3 bucket can be made public: every bucket blocks all public access and disables ACLs.',
    sources: [
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'We are devoted to ensuring that data is not seen by anyone without access.',
      },
    ],
    kind: 'enforced',
    area: 'foundation',
    status: 'implemented',
    enforcement:
      'Every AWS::S3::Bucket sets PublicAccessBlockConfiguration with all four flags true and OwnershipControls BucketOwnerEnforced (log-delivery buckets excepted only where the log service still needs ACLs, with an acknowledgement).',
    detectors: {
      configRules: ['S3_BUCKET_PUBLIC_READ_PROHIBITED', 'S3_BUCKET_PUBLIC_WRITE_PROHIBITED', 'S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED'],
      securityHub: ['S3.2', 'S3.3', 'S3.8'],
    },
    enforcedBy: [
      exported(secureBucketModule, 'SecureBucket'),
      exported(accessLogBucketModule, 'AccessLogBucket'),
      exported(auditBucketModule, 'AuditBucket'),
      exported(legalArchiveBucketModule, 'LegalArchiveBucket'),
      exported(customerFilesBucketModule, 'CustomerFilesBucket'),
    ],
    evidence: {
      what: 'buckets with all four public access block flags on',
      select: [
        {
          types: ['AWS::S3::Bucket'],
          where: (r) => ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'].every((f) => isTrue(props(r).PublicAccessBlockConfiguration?.[f])),
        },
      ],
    },
    diff: {
      rules: [
        ...PUBLIC_ACCESS_BLOCK_FLAGS.map((f) => flag(['AWS::S3::Bucket'], ['Properties', 'PublicAccessBlockConfiguration', f], f)),
        enforcingResource(
          ['AWS::S3::Bucket'],
          'bucket',
          (r) => PUBLIC_ACCESS_BLOCK_FLAGS.every((f) => isTrue(r.Properties?.PublicAccessBlockConfiguration?.[f])),
          'a full public access block',
        ),
      ],
    },
  },
  {
    id: 'FND-STATEFUL-RETAIN',
    statement:
      'Production data survives a mistaken stack update or deletion: production stacks are termination-protected and every stateful resource is retained or snapshotted.',
    sources: [
      { seed: '003_c8c1318184c7c51b.txt', quote: 'Lexagle has been built with disaster recovery in mind.' },
      {
        seed: '002_d509c6ba1f6a9163.txt',
        quote: 'We have safe backup and restoration procedures to ensure recovery from a major disaster.',
      },
    ],
    kind: 'enforced',
    area: 'foundation',
    status: 'implemented',
    enforcement:
      'Production stacks set terminationProtection and production load balancers deletion protection; in every environment databases keep DeletionProtection true and DeletionPolicy Snapshot (their member instances hold no data and go with the cluster), and the RetainStatefulResources aspect gives every other KMS key, bucket, secret, user pool, log group and backup vault DeletionPolicy RetainExceptOnCreate (kept on deletion and update; deleted only when the operation that created it rolls back, so a failed first deploy leaves no orphan with a fixed name) and UpdateReplacePolicy Retain; a test pins their logical IDs.',
    detectors: {
      configRules: ['RDS_CLUSTER_DELETION_PROTECTION_ENABLED'],
      securityHub: ['RDS.7', 'KMS.3'],
    },
    enforcedBy: [
      exported(retainStatefulModule, 'RetainStatefulResources'),
      exported(tenantDatabaseModule, 'TenantDatabase'),
      exported(httpsLoadBalancerModule, 'HttpsLoadBalancer'),
    ],
    evidence: {
      what: 'stateful resources whose DeletionPolicy keeps the data',
      select: [{ types: STATEFUL_RESOURCE_TYPES, where: (r) => isStateful(r.Type, r.Properties) && keepsData(r.DeletionPolicy) }],
    },
    diff: {
      rules: [
        flag(['AWS::RDS::DBCluster', 'AWS::RDS::DBInstance'], ['Properties', 'DeletionProtection'], 'DeletionProtection'),
        loadBalancerFlag('deletion_protection.enabled'),
        {
          resourceTypes: STATEFUL_RESOURCE_TYPES,
          assess: (before: TemplateResource | undefined, after: TemplateResource | undefined, kind) => {
            // An Aurora cluster's member instances hold no data of their own (isStateful).
            const resource = (after ?? before)!;
            if (!isStateful(resource.Type, resource.Properties)) return undefined;
            if (kind === 'removed') return { direction: 'weakened', detail: `${before!.Type} removed (${keepsData(before!.DeletionPolicy) ? `DeletionPolicy ${before!.DeletionPolicy} keeps the data, but it leaves the stack` : 'its data is deleted'})` };
            if (kind === 'added') return keepsData(after!.DeletionPolicy) ? undefined : { direction: 'weakened', detail: `${after!.Type} added with DeletionPolicy ${show(after!.DeletionPolicy ?? 'Delete')}` };
            const out: Verdict[] = [];
            if (kind === 'replaced') out.push({ direction: 'weakened', detail: `${after!.Type} will be replaced (a new physical resource; the old one's data stays behind only if UpdateReplacePolicy keeps it)` });
            for (const attribute of ['DeletionPolicy', 'UpdateReplacePolicy'] as const) {
              const [b, a] = [before![attribute], after![attribute]];
              if (b !== a) out.push({ direction: byRank(Number(keepsData(b)), Number(keepsData(a))), detail: arrow(attribute, b ?? 'Delete', a ?? 'Delete') });
            }
            return out;
          },
        },
      ],
    },
  },
  {
    id: 'FND-NO-PLAINTEXT-SECRETS',
    statement:
      'No password, key or client secret appears in code, context, configuration or synthesized templates; secrets live only in Secrets Manager.',
    sources: [
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'There are no passwords stored in plaintext in any of the tools that we are using.',
      },
      { seed: '004_c378355873db2afd.txt', quote: 'are not logged or stored in plaintext' },
    ],
    kind: 'enforced',
    area: 'foundation',
    status: 'implemented',
    enforcement:
      'Database credentials are generated into AWS::SecretsManager::Secret (GenerateSecretString), identity-provider client secrets and certificates are referenced by ARN or dynamic reference, ECS tasks receive secrets through container secrets rather than environment variables, and a test scans every template for literal password or secret values.',
    detectors: {
      securityHub: ['ECS.8'],
    },
    enforcedBy: [
      exported(tenantDatabaseModule, 'TenantDatabase'),
      exported(customerUserPoolModule, 'CustomerUserPool'),
      exported(fargateWorkloadModule, 'FargateWorkload'),
    ],
    evidence: {
      what: 'database clusters whose master password RDS manages, generated secrets, and identity providers whose secret is a dynamic reference',
      select: [
        { types: DB_CLUSTERS, where: (r) => isTrue(props(r).ManageMasterUserPassword) },
        { types: ['AWS::SecretsManager::Secret'], where: (r) => props(r).GenerateSecretString !== undefined },
        { types: ['AWS::Cognito::UserPoolIdentityProvider'], where: (r) => JSON.stringify(props(r).ProviderDetails ?? {}).includes('{{resolve:secretsmanager:') },
      ],
    },
    diff: {
      rules: [
        {
          resourceTypes: ['AWS::ECS::TaskDefinition'],
          path: ['Properties', 'ContainerDefinitions'],
          assess: (before, after) =>
            entryVerdicts(containerSecretVariables(before), containerSecretVariables(after), 'weakened', (v, how) => {
              const [container, name] = v.split('/');
              return `container ${container} environment variable ${name} ${how === 'added' ? 'set in plaintext (container secrets keep it in Secrets Manager)' : 'no longer in plaintext'}`;
            }),
        },
        {
          resourceTypes: ['AWS::Lambda::Function'],
          path: ['Properties', 'Environment', 'Variables'],
          assess: (before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined) => {
            const secrets = (vars?: Record<string, unknown>) => Object.entries(vars ?? {}).filter(([k, v]) => SECRET_NAME.test(k) && isPlaintext(v)).map(([k]) => k);
            return entryVerdicts(secrets(before), secrets(after), 'weakened', (name, how) => `function environment variable ${name} ${how === 'added' ? 'set in plaintext' : 'no longer in plaintext'}`);
          },
        },
        ...(
          [
            [['AWS::RDS::DBCluster', 'AWS::RDS::DBInstance'], 'MasterUserPassword'],
            [['AWS::Cognito::UserPoolIdentityProvider'], 'ProviderDetails.client_secret'],
            [['AWS::SecretsManager::Secret'], 'SecretString'],
          ] as const
        ).map(
          ([resourceTypes, path]): DiffRule => ({
            resourceTypes,
            assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
              const [b, a] = [isPlaintext(prop(before, path)), isPlaintext(prop(after, path))];
              if (a && !b) return { direction: 'weakened', detail: `${path} written into the template in plaintext` };
              if (b && !a && after !== undefined) return { direction: 'strengthened', detail: `${path} no longer in plaintext (${show(prop(after, path))})` };
              return undefined;
            },
          }),
        ),
      ],
    },
  },
];

// ---------------------------------------------------------------------------------------------
// What the diff rules above read
// ---------------------------------------------------------------------------------------------

/** Whether a bucket policy denies requests below a TLS version (`s3:TlsVersion`). */
function deniesOldTls(doc: any): boolean {
  return statementsOf(doc).some((st) => st.Effect === 'Deny' && conditionValue(st, 's3:TlsVersion') !== undefined);
}

/** Names of variables that carry a credential. */
const SECRET_NAME = /PASSW(OR)?D|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL/i;

/**
 * A value written into the template itself: a literal string that is not a dynamic reference
 * (`{{resolve:secretsmanager:...}}` and `{{resolve:ssm-secure:...}}` are resolved at deploy
 * time and never stored in the template). References and intrinsics are not literals.
 */
function isPlaintext(value: unknown): boolean {
  return (typeof value === 'string' || typeof value === 'number') && !String(value).startsWith('{{resolve:');
}

/** `container/NAME` for each credential-named environment variable of an ECS task definition. */
function containerSecretVariables(containers: any[] | undefined): string[] {
  return (containers ?? []).flatMap((c) => (c?.Environment ?? []).filter((e: any) => SECRET_NAME.test(String(e?.Name)) && isPlaintext(e?.Value)).map((e: any) => `${c.Name}/${e.Name}`));
}
