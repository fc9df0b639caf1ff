/**
 * `data`: unique tenant IDs, production's point-in-time restore window, an Aurora PostgreSQL
 * instance class that supports encryption and Performance Insights, and shards that stay under
 * CloudFormation's resource ceiling.
 */
import { AURORA_POSTGRESQL_INSTANCE_CLASSES } from '../../aws-facts/aurora-instance-classes';
import { MAX_RESOURCES_PER_DATA_STACK, TENANTS_PER_DATA_STACK } from '../data-layout';
import { quoted, type ConfigIssue, type Validator } from './common';

export const data: Validator = (env) => {
  const issues: ConfigIssue[] = [];
  const ids = env.data.tenants.map((t) => t.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) {
      issues.push({
        env: env.name,
        path: `data.tenants[${i}].id`,
        got: quoted(id),
        expected: 'tenant IDs must be unique',
      });
    }
  });
  if (!(env.data.instanceClass in AURORA_POSTGRESQL_INSTANCE_CLASSES)) {
    issues.push({
      env: env.name,
      path: 'data.instanceClass',
      got: quoted(env.data.instanceClass),
      expected:
        'expected an Aurora PostgreSQL class that supports encryption and Performance Insights ' +
        '(db.t3/db.t4g medium or large, or db.r5/r6g/r6i/r7g/r7i/r8g large to 16xlarge; see lib/aws-facts/aurora-instance-classes.ts)',
    });
  }
  // Each data stack holds a bounded number of tenants so that it stays under the resource
  // ceiling; a full shard needs the next tenant to name a new shard (never a moved tenant).
  const perShard = new Map<number, number>();
  for (const t of env.data.tenants) perShard.set(t.shard, (perShard.get(t.shard) ?? 0) + 1);
  for (const [shard, count] of [...perShard].sort(([a], [b]) => a - b)) {
    if (count > TENANTS_PER_DATA_STACK) {
      issues.push({
        env: env.name,
        path: 'data.tenants',
        got: `${count} tenants in shard ${shard}`,
        expected: `a data stack holds at most ${TENANTS_PER_DATA_STACK} tenants (so it stays under ${MAX_RESOURCES_PER_DATA_STACK} CloudFormation resources); give new tenants another shard`,
      });
    }
  }
  return issues;
};
