/**
 * DB-TLS for PostgreSQL, the one table of it: the cluster parameters that refuse every connection
 * without TLS and every TLS version older than 1.2. The tenant databases' parameter group and the
 * restore-test parameter group set them; the restore-validation function checks them on every
 * restored copy (accepting a newer minimum version than the one set here).
 *
 * https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraPostgreSQL.Security.html
 */
export const POSTGRES_TLS_PARAMETERS = { 'rds.force_ssl': '1', ssl_min_protocol_version: 'TLSv1.2' } as const;

/** The values of each TLS parameter that keep DB-TLS: the one set, or a stricter one. */
export const POSTGRES_TLS_ACCEPTED: { readonly [K in keyof typeof POSTGRES_TLS_PARAMETERS]: readonly string[] } = {
  'rds.force_ssl': [POSTGRES_TLS_PARAMETERS['rds.force_ssl']],
  ssl_min_protocol_version: [POSTGRES_TLS_PARAMETERS.ssl_min_protocol_version, 'TLSv1.3'],
};
