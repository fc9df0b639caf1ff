import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';
import { POSTGRES_TLS_PARAMETERS } from '../../constants/postgres-tls';

/** Props of {@link PostgresParameterGroup}. */
export interface PostgresParameterGroupProps {
  /** The Aurora PostgreSQL engine (its major version picks the parameter group family). */
  readonly engine: rds.IClusterEngine;
  /**
   * Also record reads (`SELECT`, `COPY ... TO`) with pgaudit.
   * @default false - DDL, role changes and writes only
   */
  readonly auditReads?: boolean;
}

/**
 * The cluster parameter group every tenant database uses: TLS 1.2+ only (DB-TLS), pgaudit
 * session and object auditing with connection logging (DB-AUDIT-LOGGING), and no bound values,
 * statement text outside the audit trail or error details in any log line (LOG-NO-CLIENT-CONTENT).
 * pgaudit still logs the text of audited statements (without bound parameters), which holds any
 * literal values an application writes into its SQL: the log group masks personal data and staff
 * below administrator cannot read it (see {@link TenantDatabase}).
 *
 * Parameter values are RDS's own spellings; see
 * https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraPostgreSQL.Reference.ParameterGroups.html
 * and https://github.com/pgaudit/pgaudit#settings.
 */
export class PostgresParameterGroup extends Construct {
  /** The parameters, exported for tests and documentation. */
  public readonly parameters: Readonly<Record<string, string>>;
  /** The parameter group. */
  public readonly parameterGroup: rds.ParameterGroup;

  constructor(scope: Construct, id: string, props: PostgresParameterGroupProps) {
    super(scope, id);
    const classes = ['ddl', 'role', 'write', ...(props.auditReads ? ['read'] : [])];
    this.parameters = {
      // DB-TLS: refuse every connection without TLS, and TLS older than 1.2.
      ...POSTGRES_TLS_PARAMETERS,
      // DB-AUDIT-LOGGING: pgaudit must be preloaded before it can be configured.
      shared_preload_libraries: 'pg_stat_statements,pgaudit',
      'pgaudit.log': classes.join(','),
      // Object auditing: grant a table to this role to audit every access to it.
      'pgaudit.role': 'rds_pgaudit',
      // Statement parameters can hold customer data; seed 004 keeps private content out of logs.
      'pgaudit.log_parameter': '0',
      // System catalog queries (psql's \d, drivers' metadata calls) would drown the audit trail.
      'pgaudit.log_catalog': '0',
      'pgaudit.log_relation': '1',
      log_connections: '1',
      log_disconnections: '1',
      // Lock waits and slow statements are the usual first clue in an incident.
      log_lock_waits: '1',
      // LOG-NO-CLIENT-CONTENT: no statement text in the log, because statements carry customer
      // values as literals. PostgreSQL logs a statement when it is slow
      // (log_min_duration_statement), of a logged class (log_statement) or failed
      // (log_min_error_statement, default ERROR: "STATEMENT: insert ... values ('a@b.c')"). Slow
      // queries are found with pg_stat_statements and Performance Insights, which show them
      // normalised, without values. https://www.postgresql.org/docs/17/runtime-config-logging.html
      log_min_duration_statement: '-1',
      log_statement: 'none',
      log_min_error_statement: 'panic',
      // TERSE drops an error's DETAIL, HINT, QUERY and CONTEXT lines; DETAIL carries the values
      // of a violated key ("Key (email)=(a@b.c) already exists").
      log_error_verbosity: 'terse',
      // Temporary files over 100 MB: the usual cause of a FreeLocalStorage alarm.
      log_temp_files: '102400',
    };
    this.parameterGroup = new rds.ParameterGroup(this, 'Resource', {
      engine: props.engine,
      description: `Aurora PostgreSQL: TLS 1.2+ only, pgaudit ${classes.join(',')}`,
      parameters: { ...this.parameters },
    });
  }
}
