/**
 * Stateful resources (keys, databases, buckets, log groups, secrets, vaults, user pools) survive
 * stack deletion and replacing updates, and their logical IDs never change by accident.
 */
import * as fs from 'fs';
import * as path from 'path';
import { isStateful } from '../lib/aspects/retain-stateful';
import { allStacks, templateJson } from './support/synth';

const PINS_FILE = path.join(__dirname, 'stateful-logical-ids.json');

function statefulResources(env: string, stackId: string): Array<[string, any]> {
  const resources = templateJson(env, stackId).Resources ?? {};
  return Object.entries<any>(resources).filter(([, r]) => isStateful(r.Type, r.Properties));
}

describe('FND-STATEFUL-RETAIN: stateful resources are never deleted by CloudFormation', () => {
  test.each(allStacks().map((s) => [`${s.env}/${s.stackId}`, s.env, s.stackId]))(
    'FND-STATEFUL-RETAIN: %s retains or snapshots every stateful resource on delete and on replace',
    (_name, env, stackId) => {
      for (const [id, r] of statefulResources(env, stackId)) {
        expect({ id, DeletionPolicy: r.DeletionPolicy }).toEqual({ id, DeletionPolicy: expect.stringMatching(/^(Retain|Snapshot|RetainExceptOnCreate)$/) });
        expect({ id, UpdateReplacePolicy: r.UpdateReplacePolicy }).toEqual({ id, UpdateReplacePolicy: expect.stringMatching(/^(Retain|Snapshot)$/) });
      }
    },
  );

  test('FND-STATEFUL-RETAIN: only the snapshotted databases keep Snapshot; every other stateful resource is RetainExceptOnCreate, so a rolled-back first deploy leaves no orphan behind', () => {
    const policies = new Map<string, Set<string>>();
    for (const s of allStacks()) {
      for (const [, r] of statefulResources(s.env, s.stackId)) {
        const key = r.DeletionPolicy === 'Snapshot' ? `Snapshot:${r.Type}` : String(r.DeletionPolicy);
        policies.set(key, (policies.get(key) ?? new Set()).add(r.Type));
      }
    }
    expect([...policies.keys()].sort()).toEqual(['RetainExceptOnCreate', 'Snapshot:AWS::RDS::DBCluster']);
  });

  test('FND-STATEFUL-RETAIN: every production stack has termination protection, staging stacks do not', () => {
    for (const s of allStacks()) {
      expect({ stack: `${s.env}/${s.stackId}`, protected: s.terminationProtection }).toEqual({
        stack: `${s.env}/${s.stackId}`,
        protected: s.env === 'production',
      });
    }
  });

  test('the logical IDs of stateful resources are pinned (test/stateful-logical-ids.json)', () => {
    const actual: Record<string, Record<string, string>> = {};
    for (const { env, stackId } of allStacks()) {
      const ids = statefulResources(env, stackId);
      if (ids.length > 0) actual[`${env}/${stackId}`] = Object.fromEntries(ids.map(([id, r]) => [id, r.Type]).sort());
    }
    if (process.env.UPDATE_PINS === '1') fs.writeFileSync(PINS_FILE, JSON.stringify(actual, undefined, 2) + '\n');
    const pinned = JSON.parse(fs.readFileSync(PINS_FILE, 'utf8'));
    // A renamed construct ID replaces the resource: data lost, or orphaned under the retain policy.
    // If the change is intended (a new resource, or a planned migration), rerun with UPDATE_PINS=1
    // and say why in the pull request.
    expect(actual).toEqual(pinned);
  });
});
