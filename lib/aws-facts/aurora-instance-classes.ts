/**
 * Aurora PostgreSQL instance classes this baseline accepts: each supports storage encryption
 * and Performance Insights for Aurora PostgreSQL (DB-ENCRYPTION-AT-REST), with its memory, from
 * which the database alarms derive their thresholds.
 *
 * Sources (check them when adding a class):
 * - classes per engine: https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.DBInstanceClass.SupportAurora.html
 * - Performance Insights per engine and class: https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_PerfInsights.Overview.Engines.html
 * - memory per class: https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.DBInstanceClass.Summary.html
 *
 * Left out on purpose: db.t3.small and older burstable classes (Aurora PostgreSQL does not run on
 * them, and Performance Insights is unavailable there), db.m* and db.t2 (not offered for Aurora
 * PostgreSQL), and Serverless v2 (`db.serverless`, whose memory moves with capacity, so the
 * alarm thresholds below would not hold).
 */

/** Memory in GiB by instance size of the memory-optimised families. */
const R_SIZES: Record<string, number> = {
  large: 16,
  xlarge: 32,
  '2xlarge': 64,
  '4xlarge': 128,
  '8xlarge': 256,
  '12xlarge': 384,
  '16xlarge': 512,
};

/** Memory-optimised families Aurora PostgreSQL offers (Graviton and Intel). */
const R_FAMILIES = ['r5', 'r6g', 'r6i', 'r7g', 'r7i', 'r8g'] as const;

/** Instance class (`db.r6g.large`) → memory in GiB. */
export const AURORA_POSTGRESQL_INSTANCE_CLASSES: Readonly<Record<string, number>> = {
  'db.t3.medium': 4,
  'db.t3.large': 8,
  'db.t4g.medium': 4,
  'db.t4g.large': 8,
  ...Object.fromEntries(R_FAMILIES.flatMap((f) => Object.entries(R_SIZES).map(([size, gib]) => [`db.${f}.${size}`, gib]))),
};

/**
 * Aurora PostgreSQL's default `max_connections` for a class:
 * `LEAST({DBInstanceClassMemory/9531392}, 5000)`, where DBInstanceClassMemory is a little less
 * than the class memory (the OS keeps some). Used for the connections alarm.
 */
export function defaultMaxConnections(instanceClass: string): number {
  const gib = AURORA_POSTGRESQL_INSTANCE_CLASSES[instanceClass];
  if (gib === undefined) throw new Error(`instanceClass: got "${instanceClass}", not in the Aurora PostgreSQL allow-list`);
  return Math.min(Math.floor((gib * 1024 ** 3 * 0.9) / 9531392), 5000);
}
