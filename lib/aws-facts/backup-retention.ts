/**
 * The longest point-in-time restore window AWS keeps, in days: an Aurora cluster's automated
 * backups (`BackupRetentionPeriod`, 1 to 35) and an AWS Backup continuous-backup rule (1 to 35),
 * which takes over the cluster's automated backups and sets their retention to its own.
 *
 * https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.Managing.Backups.html
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/point-in-time-recovery.html
 */
export const POINT_IN_TIME_MAX_DAYS = 35;
