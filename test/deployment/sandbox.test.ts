/**
 * The sandbox example (config/sandbox.example.yaml) deploys everything an environment has at the
 * lowest cost: it passes the deployment suite like any configuration, and these tests pin what
 * makes it cheap and removable.
 */
import * as path from 'path';
import { EXAMPLE_CONFIGS, REPO_ROOT, readConfigFile } from '../../lib/config/deployment';
import { deploymentUnderTest } from '../support/deployment';
import { describeDeployment } from './suite';

const sandbox = deploymentUnderTest(readConfigFile(path.join(REPO_ROOT, EXAMPLE_CONFIGS[1])));

describeDeployment('sandbox example', () => sandbox);

describe('sandbox example: cheap, and nothing that outlives a teardown by more than its governance locks', () => {
  const resources = sandbox.assembly.stacksRecursively.flatMap((s) => Object.values<any>(s.template.Resources ?? {}));
  const ofType = (type: string) => resources.filter((r) => r.Type === type);

  test('EDGE-DDOS-SHIELD: no Shield Advanced subscription (USD 3,000 a month)', () => {
    expect(ofType('AWS::Shield::Protection')).toEqual([]);
  });

  test('BAK-VAULT-LOCK, AUD-TRAIL-BUCKET, BAK-LEGAL-ARCHIVE: governance-mode locks only, never compliance mode', () => {
    const vaults = ofType('AWS::Backup::BackupVault');
    expect(vaults.length).toBeGreaterThan(0);
    for (const v of vaults) expect(v.Properties.LockConfiguration?.ChangeableForDays).toBeUndefined();
    const locked = ofType('AWS::S3::Bucket').filter((b) => b.Properties.ObjectLockConfiguration);
    expect(locked.length).toBeGreaterThan(0);
    for (const b of locked) expect(b.Properties.ObjectLockConfiguration.Rule?.DefaultRetention?.Mode ?? 'GOVERNANCE').toBe('GOVERNANCE');
  });

  test('NET-MULTI-AZ: one NAT gateway and no interface endpoints; one task; one small database', () => {
    expect(ofType('AWS::EC2::NatGateway')).toHaveLength(1);
    expect(ofType('AWS::EC2::VPCEndpoint').filter((e) => e.Properties.VpcEndpointType === 'Interface')).toEqual([]);
    expect(ofType('AWS::ECS::Service').map((s) => s.Properties.DesiredCount)).toEqual([1]);
    expect(ofType('AWS::RDS::DBInstance').map((i) => i.Properties.DBInstanceClass)).toEqual(['db.t4g.medium', 'db.t4g.medium']);
  });
});
