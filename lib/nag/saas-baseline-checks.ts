/**
 * The SaasBaseline pack: cdk-nag rules for the seed controls no published pack checks. Each
 * entry of the composition table names its rule and what a finding means; the control a rule
 * proves is the catalog entry that lists the rule in its `nagRules`, and
 * {@link SAAS_BASELINE_RULES} adds it. `docs/rule-pack.md` explains each rule and why it is ours.
 */
import type { CfnResource, IPolicyValidationContext, PolicyValidationPluginReport } from 'aws-cdk-lib';
import { NagMessageLevel, NagPack, type NagPackProps, type NagRuleResult } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { CATALOG } from '../controls/catalog';
import type { ControlId } from '../controls/control-id';
import {
  AlbWebAcl,
  AppLogDataProtection,
  BackupPlanTiers,
  DatabaseSecretRotation,
  PostgresForceSsl,
  RestoreTestingCoversDatabases,
  ShieldProtection,
  StaffRoleMfa,
} from './rules';

/** Props of {@link SaasBaselineChecks}. */
export interface SaasBaselineChecksProps extends NagPackProps {
  /**
   * The environment subscribes to AWS Shield Advanced (`edge.shieldAdvanced`): every
   * internet-facing load balancer must then carry a Shield protection (EDGE-DDOS-SHIELD).
   * @default false - ShieldProtection is not applied
   */
  readonly shieldAdvanced?: boolean;
}

/** One row of the pack's composition table. */
interface PackRule {
  /** The rule function; its `name` is the rule ID's suffix (`SaasBaseline-<name>`). */
  readonly rule: (node: CfnResource) => NagRuleResult;
  /** What a finding means; the finding ends with the control's ID (` - [DB-TLS]`). */
  readonly info: string;
  /** Why the rule exists. */
  readonly explanation: string;
  /** Only for environments that subscribe to Shield Advanced. */
  readonly shieldAdvancedOnly?: boolean;
}

/** A rule of the pack with the catalog control it proves. */
export interface SaasBaselineRule extends PackRule {
  /** The catalog control whose entry lists the rule in `nagRules`. */
  readonly control: ControlId;
}

/** The composition table of the pack, in the order the rules are applied. */
const PACK_RULES: readonly PackRule[] = [
  {
    rule: PostgresForceSsl,
    info: 'The PostgreSQL database or parameter group does not set rds.force_ssl to 1.',
    explanation:
      'Seed 000 promises transport security for Postgres. Without rds.force_ssl = 1 in the parameter group the cluster uses, the server accepts unencrypted connections; the engine default parameter group leaves it off.',
  },
  {
    rule: DatabaseSecretRotation,
    info: 'The database credentials do not rotate automatically at least every 30 days.',
    explanation:
      'Seed 000 promises auto-rotation of database credentials. A secret attached to a database needs a rotation schedule with a rotation function and a period of at most 30 days; a database needs either such a secret or ManageMasterUserPassword (RDS rotates it every 7 days).',
  },
  {
    rule: StaffRoleMfa,
    info: 'The role can be assumed by a person without MFA.',
    explanation:
      'Seeds 000 and 004 promise two-factor authentication for all staff access. A trust statement for an AWS account or ARN principal needs Bool aws:MultiFactorAuthPresent true (BoolIfExists lets access keys through). STS does not set that key for SAML sessions, so a SAML statement must pin saml:AuthnContextClassRef to the MFA context the IdP asserts; where the IdP enforces MFA on every sign-in and cannot assert it, acknowledge this rule on that role naming the IdP setting.',
  },
  {
    rule: AlbWebAcl,
    info: 'The internet-facing Application Load Balancer has no WAFv2 web ACL association in its environment.',
    explanation:
      'Every request from the internet must pass the web ACL with the AWS managed rule groups. The association may live in any stack of the environment.',
  },
  {
    rule: ShieldProtection,
    info: 'The internet-facing Application Load Balancer has no AWS Shield Advanced protection although the environment subscribes to Shield Advanced.',
    explanation:
      'Shield Advanced protects only the resources that have an AWS::Shield::Protection; the subscription alone does not cover the load balancer.',
    shieldAdvancedOnly: true,
  },
  {
    rule: BackupPlanTiers,
    info: 'The backup plan does not keep one of the tiers of seed 001 (finding suffix: hourly, daily, weekly or monthly).',
    explanation:
      'Seed 001 promises hourly backups kept 1 day, daily kept 7 days, weekly kept a month (28 days) and monthly kept a year (365 days). Each tier needs a rule that runs at least that often and keeps at least that long.',
  },
  {
    rule: RestoreTestingCoversDatabases,
    info: 'The database is not selected by any restore testing selection of a restore testing plan in its environment.',
    explanation:
      'Seeds 002 and 004 promise that recovery is tested regularly. A restore testing selection of type Aurora (RDS for instances) must include the database, by ARN or * and by conditions its tags satisfy.',
  },
  {
    rule: AppLogDataProtection,
    info: 'The application log group has no data protection policy that masks personal data.',
    explanation:
      'Seed 004 promises that logs do not include private client content. Log groups tagged as application logs need a DataProtectionPolicy with a Deidentify statement masking at least one data identifier.',
  },
];

/** The control whose catalog entry names `rule` in its `nagRules`; a rule no entry names fails at load. */
function controlOf(rule: PackRule['rule']): ControlId {
  const owners = CATALOG.filter((c) => c.nagRules?.includes(rule));
  if (owners.length !== 1) throw new Error(`SaasBaseline rule ${rule.name}: named by ${owners.length} catalog controls (${owners.map((c) => c.id).join(', ')}), expected exactly one`);
  return owners[0].id as ControlId;
}

/** The pack's rules, in the order they are applied, each with its control (and the control's ID at the end of its finding). */
export const SAAS_BASELINE_RULES: readonly SaasBaselineRule[] = PACK_RULES.map((entry) => {
  const control = controlOf(entry.rule);
  return { ...entry, control, info: `${entry.info.replace(/\.$/, '')} - [${control}].` };
});

/**
 * Checks the seed controls that no published cdk-nag pack checks. Register it on each
 * environment's stage, so that environment-dependent rules follow that environment's config:
 *
 *     Validations.of(stage).addPlugins(new SaasBaselineChecks(stage, { shieldAdvanced: true }));
 *
 * aws-cdk-lib hands every plugin the app's root construct (`appConstruct`), also those
 * registered on a stage; this pack walks only the scope it was constructed with, so each
 * stage's instance reports that stage's resources once, with that stage's settings.
 */
export class SaasBaselineChecks extends NagPack {
  public readonly name = 'SaasBaseline';
  private readonly scope?: IConstruct;
  private readonly shieldAdvanced: boolean;

  constructor(scope?: IConstruct, props?: SaasBaselineChecksProps) {
    super(scope, props);
    this.packName = 'SaasBaseline';
    this.scope = scope;
    this.shieldAdvanced = props?.shieldAdvanced ?? false;
  }

  public override validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    return this.scope ? this.validateScope(this.scope) : super.validate(context);
  }

  protected checkResource(node: CfnResource): void {
    for (const entry of SAAS_BASELINE_RULES) {
      if (entry.shieldAdvancedOnly && !this.shieldAdvanced) continue;
      this.applyRule({ info: entry.info, explanation: entry.explanation, level: NagMessageLevel.ERROR, rule: entry.rule, node });
    }
  }
}
