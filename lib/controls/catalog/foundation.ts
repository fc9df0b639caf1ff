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
  },
];
