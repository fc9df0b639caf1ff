import { POINT_IN_TIME_MAX_DAYS } from '../aws-facts/backup-retention';
import { SEED_BACKUP_TIERS, type SeedBackupTier } from '../constants/seed-backup-tiers';

/**
 * The minimums the seed policies promise for production. Validation rejects a production
 * environment below any of them; staging may go lower to save cost. Each floor names the seed
 * sentence it comes from, so that a reviewer can see why it is not lower.
 */
export const PRODUCTION_FLOORS = {
  /**
   * 003: "spread across 5 AWS data centers (availability zones) and will continue to work should
   * any one of those data centers fail". Three is the fewest that survives a zone loss with a
   * majority left; Singapore (ap-southeast-1) has three zones, so 5 cannot be met there.
   */
  availabilityZones: 3,
  /** Security logs kept a year, matching the longest backup tier of 001 ("monthly, retained for a year"). */
  logRetentionDays: 365,
  /**
   * 004 "Security-relevant events (e.g., admin access ...) are logged"; 001 keeps the monthly
   * tier "for a year": the audit trail must reach back at least as far.
   */
  trailRetentionDays: 365,
  /**
   * 002: "Network access to our production environment from public networks is restricted."
   * Production reaches AWS through interface endpoints, not through the NAT gateways.
   */
  interfaceEndpoints: true,
  /**
   * 001 "hourly, retained for one day; daily, retained for 7 days; weekly, retained for a month;
   * monthly, retained for a year". Production keeps each tier's frequency and exactly this
   * retention (not a floor: 004 lets backups persist only "until overwritten through routine
   * secure backup rotation"); "a month" is 31 days (the longest calendar month).
   */
  backupTiers: Object.fromEntries(Object.entries(SEED_BACKUP_TIERS).map(([tier, t]) => [tier, t.deleteAfterDays])) as Record<SeedBackupTier, number>,
  /** 001 "point-in-time restore": the longest window AWS keeps, for the databases and buckets alike. */
  continuousBackupDays: POINT_IN_TIME_MAX_DAYS,
  /** 002 "any access to customer's data is logged": pgaudit records reads as well (`data.auditReads`); no opt-out. */
  auditReads: true,
  /**
   * Floors with a named opt-out (`productionOptOuts.<field>`, whose reason the controls report
   * shows): 003 "hosted in ... Singapore" (allowedRegions is exactly the home region), 003
   * "teams are paged" (a paging endpoint), 000 "DDoS protected infrastructure" (Shield Advanced).
   */
  onlyHomeRegion: true,
  pagingEndpoint: true,
  shieldAdvanced: true,
} as const;

/**
 * Staff-access floors for production. Staging may relax them (longer sessions for day-long
 * debugging), never below what IAM itself allows.
 */
export const PRODUCTION_IDENTITY_FLOORS = {
  /**
   * 004 "Administrative access follows the principle of least privilege": privileged sessions
   * (administrator, operator, break-glass) last the IAM minimum of one hour in production.
   */
  privilegedSessionHours: 1,
  /** 004 "Critical internal tools require Multi-Factor Authentication (MFA)": a privileged session starts from an MFA sign-in of the last hour. */
  mfaMaxAgeSeconds: 3600,
} as const;

/**
 * Customer sign-in floors. They hold in every environment, because staging users are real
 * people too and a weak staging policy would train weak habits.
 */
export const SIGNIN_FLOORS = {
  /**
   * 004 "Customer access to the platform can be protected with MFA, strong passwords, and
   * role-based permissions": 12 characters of every class (NIST SP 800-63B asks 8; 12 with
   * every class matches the CIS and AWS Foundational guidance for user pools).
   */
  passwordMinLength: 12,
} as const;
