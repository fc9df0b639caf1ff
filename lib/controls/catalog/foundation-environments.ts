import type { Control } from '../types';
import { exported } from '../enforcer';

// The modules of what enforces these controls, loaded only when asked for (lib/controls/enforcer.ts).
const loadModule = () => import('../../config/load.js');
const validateModule = () => import('../../config/validate.js');

/*
 * Foundation controls of the environments (area 'foundation'): separate staging and production
 * environments, staging without production data, data residency in the configured region(s) and
 * the availability-zone count. The app and its validated configuration enforce them, outside the
 * templates: their tests, not the controls diff, guard them. foundation-data-protection.ts holds
 * the rules every data store and connection follows.
 */
export const FOUNDATION_ENVIRONMENT_CONTROLS: readonly Control[] = [
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
    enforcedBy: [exported(validateModule, 'validateAcrossEnvironments')],
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
    enforcedBy: [exported(validateModule, 'validateAcrossEnvironments')],
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
    enforcedBy: [exported(loadModule, 'loadEnvironments')],
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
    enforcedBy: [exported(loadModule, 'loadEnvironments')],
    evidence: {
      outsideTemplates:
        'The config schema requires explicit availability zones of the region, at least 3 in production (config validation; test/config.test.ts); the subnets built in them are the evidence of NET-MULTI-AZ.',
    },
    diff: { outsideTemplates: 'The zones are validated configuration; the subnets built in them belong to NET-MULTI-AZ.', guardedBy: 'test/config.test.ts' },
  },
];
