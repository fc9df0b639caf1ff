/**
 * A Mermaid diagram of one environment, generated from its synthesized assembly: one box per
 * stack with the notable resources it holds, and an arrow for each stack dependency.
 * docs/architecture.md embeds it; `npm run docs` refreshes it and a test fails when it is stale.
 */
import type { CloudFormationStackArtifact } from 'aws-cdk-lib/cx-api';
import { embedBetween } from './embed';

/** Resource types worth showing, with their labels. Anything else is left out of the picture. */
const NOTABLE: Record<string, string> = {
  'AWS::EC2::VPC': 'VPC',
  'AWS::EC2::Subnet': 'subnets',
  'AWS::EC2::NatGateway': 'NAT gateways',
  'AWS::EC2::NetworkAcl': 'network ACLs',
  'AWS::EC2::FlowLog': 'flow logs',
  'AWS::EC2::VPCEndpoint': 'VPC endpoints',
  'AWS::EC2::ClientVpnEndpoint': 'Client VPN',
  'AWS::ElasticLoadBalancingV2::LoadBalancer': 'load balancer',
  'AWS::WAFv2::WebACL': 'WAF web ACL',
  'AWS::Shield::Protection': 'Shield Advanced',
  'AWS::ECS::Service': 'Fargate service',
  'AWS::RDS::DBCluster': 'Aurora PostgreSQL clusters',
  'AWS::S3::Bucket': 'S3 buckets',
  'AWS::KMS::Key': 'KMS keys',
  'AWS::SecretsManager::Secret': 'secrets',
  'AWS::IAM::Role': 'IAM roles',
  'AWS::Cognito::UserPool': 'Cognito user pool',
  'AWS::CloudTrail::Trail': 'CloudTrail',
  'AWS::Config::ConfigRule': 'Config rules',
  'AWS::GuardDuty::Detector': 'GuardDuty',
  'AWS::SecurityHub::Hub': 'Security Hub',
  'AWS::AccessAnalyzer::Analyzer': 'Access Analyzer',
  'AWS::CloudWatch::Alarm': 'alarms',
  'AWS::Events::Rule': 'EventBridge rules',
  'AWS::SNS::Topic': 'SNS topics',
  'AWS::Backup::BackupVault': 'backup vaults',
  'AWS::Backup::BackupPlan': 'backup plans',
  'AWS::Backup::RestoreTestingPlan': 'restore testing',
  'AWS::Lambda::Function': 'Lambda functions',
  'AWS::Logs::LogGroup': 'log groups',
};

const nodeId = (s: string) => s.replace(/[^A-Za-z0-9]/g, '_');

/** Renders the stacks of one environment as a Mermaid flowchart. */
export function renderStackDiagram(stacks: readonly CloudFormationStackArtifact[]): string {
  const lines = ['```mermaid', 'flowchart LR'];
  const ids = new Set(stacks.map((s) => s.id));
  for (const stack of stacks) {
    const counts = new Map<string, number>();
    for (const r of Object.values<any>(stack.template.Resources ?? {})) {
      const label = NOTABLE[r.Type];
      if (label) counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    const items = [...counts.entries()].map(([label, n]) => `${n} ${label}`).join('<br/>');
    const name = stack.hierarchicalId.split('/').pop()!;
    lines.push(`  ${nodeId(stack.id)}["<b>${name}</b><br/>${items}"]`);
  }
  for (const stack of stacks) {
    for (const dep of stack.dependencies) {
      if (ids.has(dep.id)) lines.push(`  ${nodeId(dep.id)} --> ${nodeId(stack.id)}`);
    }
  }
  lines.push('```');
  return lines.join('\n');
}

export const DIAGRAM_START = '<!-- diagram:start (npm run docs) -->';
export const DIAGRAM_END = '<!-- diagram:end -->';

/** Replaces the diagram between the markers in `readme`. */
export function embedDiagram(readme: string, diagram: string): string {
  return embedBetween(readme, DIAGRAM_START, DIAGRAM_END, diagram);
}
