/**
 * A complete adaptation (adapt.ts) passes the deployment suite with no test edited: what an
 * adopter's `npm test` runs on their own configuration.
 */
import { deploymentUnderTest } from '../support/deployment';
import { PRIVATE_IMAGE_REPOSITORY, adapted, asAdopterFile } from './adapt';
import { describeDeployment } from './suite';

const deployment = deploymentUnderTest(asAdopterFile(adapted()));

describeDeployment('adapted copy of the example', () => deployment);

describe('adapted copy: the adopter\'s own container image', () => {
  test('WL-LEAST-PRIVILEGE: the task execution role may pull from the private ECR repository, and from no other', () => {
    const workload = deployment.assembly.getNestedAssembly('assembly-production').stacks.find((s) => s.hierarchicalId.endsWith('/Workload'))!;
    const statements = Object.values<any>(workload.template.Resources)
      .filter((r) => r.Type === 'AWS::IAM::ManagedPolicy' || r.Type === 'AWS::IAM::Policy')
      .flatMap((p) => p.Properties.PolicyDocument.Statement);
    const [, account, region, repository] = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com\/(.+)$/.exec(PRIVATE_IMAGE_REPOSITORY)!;
    const pulls = statements.filter((s) => [s.Action].flat().includes('ecr:BatchGetImage'));
    expect(pulls.flatMap((s) => [s.Resource].flat())).toContainEqual(`arn:aws:ecr:${region}:${account}:repository/${repository}`);
    const image = Object.values<any>(workload.template.Resources).find((r) => r.Type === 'AWS::ECS::TaskDefinition').Properties.ContainerDefinitions[0].Image;
    // The registry's domain suffix is the partition's (AWS::URLSuffix).
    expect(JSON.stringify(image).replace('.",{"Ref":"AWS::URLSuffix"},"', '.amazonaws.com')).toContain(`${PRIVATE_IMAGE_REPOSITORY}:2.4.1`);
  });
});
