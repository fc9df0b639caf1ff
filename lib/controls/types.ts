/**
 * The shape of the control catalog.
 *
 * Every technical promise in the seed policies (`../shared/seeds/`) becomes one `Control`.
 * Controls are data: the catalog test proves that every enforced control has a test whose
 * title carries its ID, and the controls report is generated from these entries.
 */

import type { CfnResource } from 'aws-cdk-lib';
import type { NagRuleResult } from 'cdk-nag';
import type { DiffRule } from './diff-rule';
import type { ExportedEnforcer } from './enforcer';
import type { ControlEvidence } from './evidence-types';

/** The five seed policies, by file name. */
export type SeedFile =
  | '000_0f4aa12068a9bf0e.txt'
  | '001_b709435b510d2964.txt'
  | '002_d509c6ba1f6a9163.txt'
  | '003_c8c1318184c7c51b.txt'
  | '004_c378355873db2afd.txt';

/** Where a control comes from: a seed file and the words quoted from it. */
export interface SeedSource {
  /** The seed file. */
  readonly seed: SeedFile;
  /**
   * The quoted words, verbatim from the seed (a few words to one sentence), as a reader sees
   * them: without the seed's Markdown escapes (`Postgres (database)`, not `Postgres \(database\)`)
   * and with any line break as a space.
   */
  readonly quote: string;
}

/**
 * Who can make the promise true.
 *
 * - `enforced`: infrastructure in this repository enforces it, and a test proves it.
 * - `organisational`: no infrastructure can (people, contracts, processes); `reason` says why.
 * - `customer`: the customer's own responsibility under the shared-responsibility model.
 */
export type ControlKind = 'enforced' | 'organisational' | 'customer';

/**
 * The part of the deployment that builds an enforced control. Each area maps to one stack
 * (or, for `foundation`, to the app and its configuration).
 */
export type ControlArea =
  | 'foundation'
  | 'network'
  | 'edge'
  | 'workload'
  | 'data'
  | 'identity'
  | 'audit'
  | 'monitoring'
  | 'backup'
  | 'delivery';

/**
 * Whether an enforced control is built yet, and how much of its seed sentences it keeps.
 *
 * - `implemented`: built, and at least one test title carries the control's ID; it keeps what
 *   its sources promise.
 * - `partial`: built and tested like an implemented one, but it keeps only part of what its
 *   sources promise; `missing` says exactly which part is not delivered (and the control that
 *   carries the remainder, where one does).
 * - `planned`: not built yet; the catalog test lists it so progress is visible.
 */
export type ControlStatus = 'implemented' | 'partial' | 'planned';

/**
 * A status the evidence command (`npm run evidence`) reads straight from a service, for what
 * no rule evaluates: the trail is logging, the detector is enabled, the recorder records, the
 * standards are subscribed, the period's restore tests ran and passed validation.
 */
export type ServiceStatusCheck = 'cloudtrail-logging' | 'guardduty-enabled' | 'config-recording' | 'securityhub-standards' | 'restore-tests';

/**
 * What watches an enforced control in the running account, after deployment. Each name is
 * AWS's own: a managed rule identifier, a Security Hub security control ID, an AWS Backup
 * Audit Manager control name. The detection test proves each is deployed in every environment
 * that enforces the control (or inherited from the organisation, see `account-baseline.ts`).
 */
export interface ControlDetectors {
  /**
   * AWS Config managed rules, by identifier (`RDS_STORAGE_ENCRYPTED`), deployed by
   * `ConfigRecorder` (account baseline) or the backup stack.
   * https://docs.aws.amazon.com/config/latest/developerguide/managed-rules-by-aws-config.html
   */
  readonly configRules?: readonly string[];
  /**
   * Security Hub security control IDs (`S3.5`) of the enabled standards
   * (`SECURITY_HUB_CONTROLS` in `lib/controls/detectors.ts` names the standards of each).
   */
  readonly securityHub?: readonly string[];
  /** AWS Backup Audit Manager controls of the environment's framework (`BACKUP_RECOVERY_POINT_ENCRYPTED`). */
  readonly backupAudit?: readonly string[];
  /** Statuses the evidence command reads directly. */
  readonly serviceStatus?: readonly ServiceStatusCheck[];
}

/** A control nothing in the account can observe, and why (what keeps it instead). */
export interface NoDetector {
  readonly none: string;
}

/** The detectors of an enforced control, or why it has none. */
export type Detectors = ControlDetectors | NoDetector;

/** A file of the repository that enforces a control (a workflow, `SECURITY.md`); a test proves it exists. */
export interface RepositoryFile {
  /** The path from the repository root. */
  readonly file: string;
}

/**
 * What enforces a control: a construct class (or stack, or aspect) or a function (a config
 * validator, the controls diff), named by its module and export so that `tsc` fails when one is
 * renamed or removed and the catalog loads none of them (`exported`, lib/controls/enforcer.ts);
 * or a repository file.
 */
export type Enforcer = ExportedEnforcer | RepositoryFile;

/**
 * How the PR controls diff watches an enforced control: its rules; or why a template diff
 * cannot show it, with the test file that guards it instead.
 */
export type ControlDiff =
  | { readonly rules: readonly DiffRule[] }
  | {
      /** Why no template holds it (config validation, CI, the repository). */
      readonly outsideTemplates: string;
      /** The test file, from the repository root, that fails when it is weakened. */
      readonly guardedBy: string;
    };

/** A rule function of the project's own cdk-nag pack (`lib/nag/rules/`). */
export type NagRule = (node: CfnResource) => NagRuleResult;

/** One promise from the seeds. */
export interface Control {
  /** Stable ID, `AREA-TOPIC` in capitals (for example `DB-TLS`). Never reuse or rename one. */
  readonly id: string;
  /** One line: what is true once the control holds. */
  readonly statement: string;
  /** The seed sentences this control answers; at least one. */
  readonly sources: readonly SeedSource[];
  /** Who can make it true. */
  readonly kind: ControlKind;
  /** For `enforced` controls: the area that builds it. */
  readonly area?: ControlArea;
  /** For `enforced` controls: built or planned. */
  readonly status?: ControlStatus;
  /** For `organisational` and `customer` controls: why no infrastructure here enforces it. */
  readonly reason?: string;
  /**
   * For `enforced` controls: how it is enforced, naming the constructs and properties
   * (for example "TenantDatabase: parameter group rds.force_ssl=1").
   */
  readonly enforcement?: string;
  /**
   * For `partial` controls, and only for them: what the seed sentences promise that this
   * control does not deliver, in the reader's words. The controls report shows it as the
   * control's "not delivered" line.
   */
  readonly missing?: string;
  /** For `enforced` controls: what watches it in the running account, or why nothing can. */
  readonly detectors?: Detectors;
  /** For `enforced` controls: the constructs (or functions, or repository files) that enforce it. */
  readonly enforcedBy?: readonly Enforcer[];
  /** For `enforced` controls: where an auditor finds it in the templates, or why no template holds it. */
  readonly evidence?: ControlEvidence;
  /** For `enforced` controls: how the PR controls diff watches it. */
  readonly diff?: ControlDiff;
  /**
   * The own pack's rules (`SaasBaseline`) that also check it before deployment; the pack reads
   * each rule's control from here.
   * @default - none
   */
  readonly nagRules?: readonly NagRule[];
}
