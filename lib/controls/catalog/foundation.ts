import { isStateful, RetainStatefulResources, STATEFUL_RESOURCE_TYPES } from '../../aspects/retain-stateful';
import { loadEnvironments } from '../../config/load';
import { validateAcrossEnvironments } from '../../config/validate';
import { AuditBucket } from '../../constructs/audit/audit-bucket';
import { LegalArchiveBucket } from '../../constructs/backup/legal-archive-bucket';
import { LockedBackupVault } from '../../constructs/backup/locked-backup-vault';
import { AccessLogBucket } from '../../constructs/common/access-log-bucket';
import { EncryptionKey } from '../../constructs/common/encryption-key';
import { SecureBucket } from '../../constructs/common/secure-bucket';
import { SecureLogGroup } from '../../constructs/common/secure-log-group';
import { CustomerFilesBucket } from '../../constructs/data/customer-files-bucket';
import { TenantDatabase } from '../../constructs/data/tenant-database';
import { HttpsLoadBalancer } from '../../constructs/edge/https-load-balancer';
import { CustomerUserPool } from '../../constructs/identity/customer-user-pool';
import { AlertDeadLetterQueue } from '../../constructs/monitoring/alert-dead-letter-queue';
import { AlertTopics } from '../../constructs/monitoring/alert-topics';
import { FargateWorkload } from '../../constructs/workload/fargate-workload';
import { DB_CLUSTERS, PUBLIC_ACCESS_BLOCK_FLAGS, S3_SSE_STRENGTH } from '../aws-tables';
import { arrow, byRank, enforcingResource, flag, loadBalancerFlag, present, show } from '../diff-builders';
import { FND_NO_PLAINTEXT_SECRETS_RULES, FND_TLS_VERSION_RULES } from '../diff-rules-area-a';
import type { Verdict } from '../diff-rule';
import { props } from '../evidence-predicates';
import { deniesInsecureTransport, isTrue, keepsData, type TemplateResource } from '../template-readers';
import type { Control } from '../types';

/*
 * Foundation controls (area 'foundation'): promises that hold across the whole deployment
 * rather than in one stack. They cover separate staging and production environments, staging
 * without production data, data residency in the configured region(s), the availability-zone
 * count, and the cross-cutting rules every data store and connection follows: customer-managed
 * encryption keys, TLS in transit, no public buckets, stateful resources retained in
 * production, and no secrets in code or templates. The app, its validated configuration and
 * tests over every synthesized template enforce them.
 */
export const FOUNDATION_CONTROLS: readonly Control[] = [
  {
    id: 'FND-ENV-SEPARATION',
    statement:
      'Staging and production are separate CDK stages, each with its own validated configuration, network, keys and data stores.',
    sources: [
      {
        seed: '004_c378355873db2afd.txt',
        quote: 'The platform is developed using version control, peer review of code changes, and separate staging/production environments.',
      },
      { seed: '001_b709435b510d2964.txt', quote: 'Each new feature is first deployed to our staging environments' },
    ],
    kind: 'enforced',
    area: 'foundation',
    status: 'implemented',
    enforcement:
      "bin/app.ts builds one Stage per environment (staging, production) from the validated config; no VPC, KMS key, secret, bucket or database is shared between the two stages' templates.",
    detectors: {
      none: 'A property of the account boundaries: no Config rule or Security Hub control compares two environments\' accounts. Config validation and test/foundation.test.ts keep it before deployment; CloudTrail records any cross-account call.',
    },
    enforcedBy: [validateAcrossEnvironments],
    evidence: {
      outsideTemplates:
        'A property of the assembly, not of a resource: bin/app.ts builds one stage per environment from the validated config; test/foundation.test.ts proves no VPC, key, secret, bucket or database is shared between the stages\' templates.',
    },
    diff: { outsideTemplates: 'One stage per environment is a property of the assembly, not of a resource a template diff compares.', guardedBy: 'test/foundation.test.ts' },
  },
  {
    id: 'FND-NO-PROD-DATA-IN-STAGING',
    statement:
      'Staging holds no production data: no production key, secret, database snapshot or recovery point can be used by or copied to staging.',
    sources: [
      {
        seed: '001_b709435b510d2964.txt',
        quote: 'Each new feature is first deployed to our staging environments (which do not contain any production data) to perform QA and testing.',
      },
    ],
    kind: 'enforced',
    area: 'foundation',
    status: 'implemented',
    enforcement:
      'Staging and production deploy to different accounts (config validation); every key, bucket, secret, topic and vault policy names only its own environment\'s account, no backup copy or replication targets another account, and no template mentions the other environment\'s account (tests over every resource).',
    detectors: {
      none: 'No managed detector follows data between accounts. IAM Access Analyzer (IAM-ACCESS-ANALYZER) reports a key, bucket or vault shared outside the account, which any copy to staging needs; its findings reach Security Hub and the finding route.',
    },
    enforcedBy: [validateAcrossEnvironments],
    evidence: {
      outsideTemplates:
        'Config validation puts staging and production in different accounts; test/foundation.test.ts reads every resource policy and fails on any mention of the other environment\'s account (an absence, so no resource to list).',
    },
    diff: { outsideTemplates: 'The accounts come from validated configuration, and what keeps the environments apart is an absence (no policy names the other account), which no resource carries.', guardedBy: 'test/foundation.test.ts' },
  },
  {
    id: 'FND-DATA-RESIDENCY',
    statement:
      "Every data store, and every stack except the one forwarding AWS sign-in events home from us-east-1 (which holds no customer data, only the events it could not forward), is deployed only in the environment's home region (Singapore, ap-southeast-1, in the examples, as the seed says); production's allowed regions are exactly its home region, so no recovery point leaves it, unless productionOptOuts.regionsBeyondHome gives the reason, which the controls report shows for that environment.",
    sources: [
      {
        seed: '003_c8c1318184c7c51b.txt',
        quote: 'All of our services and data are hosted in Lexagle facilities in Singapore',
      },
      {
        seed: '003_c8c1318184c7c51b.txt',
        quote: 'Lexagle services and data are hosted in Amazon Web Services (AWS) facilities in Singapore.',
      },
    ],
    kind: 'enforced',
    area: 'foundation',
    status: 'implemented',
    enforcement:
      "Every stack's env.region comes from the validated config, whose region must be one of allowedRegions; config validation rejects availability zones and any DR region outside allowedRegions, and in production rejects allowedRegions other than [region] unless productionOptOuts.regionsBeyondHome is set (and rejects that opt-out where allowedRegions is only the home region), so a production DR region needs the named opt-out. The one stack elsewhere is GlobalEvents in us-east-1 (alerts.forwardGlobalEvents): two EventBridge rules and their role forwarding AWS's own root sign-in and STS events (account sign-in metadata, no customer data) to the home region; the only store is the dead-letter queue of events it could not forward (14 days, INC-ALERT-DELIVERY), with its key and the us-east-1 alert topics its alarm notifies.",
    detectors: {
      none: 'No managed Config rule or Security Hub control checks where resources are created; Config records only the home region. The staff roles\' region guardrail (IAM-REGION-GUARDRAIL) denies other regions, and the organisation\'s service control policy (docs/identity.md) is its detective twin.',
    },
    enforcedBy: [loadEnvironments],
    evidence: {
      outsideTemplates: 'Each stack\'s env.region comes from the validated config, whose region and any DR region must be in allowedRegions (config validation; test/config.test.ts); the data-free GlobalEvents stack is the one stack in us-east-1 (test/foundation.test.ts).',
    },
    diff: { outsideTemplates: 'Each stack\'s region comes from validated configuration; a template does not carry it.', guardedBy: 'test/config.test.ts' },
  },
  {
    id: 'FND-AZ-COUNT',
    statement:
      'Production spans at least three explicitly named availability zones of its region (at most six), so losing one zone leaves the service running.',
    sources: [
      {
        seed: '003_c8c1318184c7c51b.txt',
        quote: 'All of our infrastructure is spread across 5 AWS data centers (availability zones)',
      },
      {
        seed: '003_c8c1318184c7c51b.txt',
        quote: 'will continue to work should any one of those data centers fail unexpectedly',
      },
    ],
    kind: 'enforced',
    area: 'foundation',
    status: 'implemented',
    enforcement:
      'Config schema requires explicit availabilityZones that belong to the region, at least 3 in production and at most 6; stacks take availabilityZones from config and make no context lookups.',
    detectors: {
      none: 'A property of the configuration (the zones listed per environment); the multi-AZ detectors of DB-MULTI-AZ (RDS.15) and the load balancer\'s placement watch what is built in those zones.',
    },
    enforcedBy: [loadEnvironments],
    evidence: {
      outsideTemplates:
        'The config schema requires explicit availability zones of the region, at least 3 in production (config validation; test/config.test.ts); the subnets built in them are the evidence of NET-MULTI-AZ.',
    },
    diff: { outsideTemplates: 'The zones are validated configuration; the subnets built in them belong to NET-MULTI-AZ.', guardedBy: 'test/config.test.ts' },
  },
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
    enforcedBy: [EncryptionKey, SecureBucket, SecureLogGroup, TenantDatabase, LockedBackupVault, AlertTopics],
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
    enforcedBy: [SecureBucket, AlertTopics, AlertDeadLetterQueue],
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
        ...FND_TLS_VERSION_RULES,
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
    enforcedBy: [SecureBucket, AccessLogBucket, AuditBucket, LegalArchiveBucket, CustomerFilesBucket],
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
    enforcedBy: [RetainStatefulResources, TenantDatabase, HttpsLoadBalancer],
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
    enforcedBy: [TenantDatabase, CustomerUserPool, FargateWorkload],
    evidence: {
      what: 'database clusters whose master password RDS manages, generated secrets, and identity providers whose secret is a dynamic reference',
      select: [
        { types: DB_CLUSTERS, where: (r) => isTrue(props(r).ManageMasterUserPassword) },
        { types: ['AWS::SecretsManager::Secret'], where: (r) => props(r).GenerateSecretString !== undefined },
        { types: ['AWS::Cognito::UserPoolIdentityProvider'], where: (r) => JSON.stringify(props(r).ProviderDetails ?? {}).includes('{{resolve:secretsmanager:') },
      ],
    },
    diff: { rules: FND_NO_PLAINTEXT_SECRETS_RULES },
  },
];
