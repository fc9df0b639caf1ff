/**
 * The shape of the control catalog.
 *
 * Every technical promise in the seed policies (`../shared/seeds/`) becomes one `Control`.
 * Controls are data: the catalog test proves that every enforced control has a test whose
 * title carries its ID, and the controls report is generated from these entries.
 */

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
  /** The quoted words, verbatim from the seed (a few words to one sentence). */
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
}
