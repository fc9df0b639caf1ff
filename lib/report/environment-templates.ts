import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import type { EnvironmentConfig } from '../config/schema';
import { inheritedControls } from '../controls/account-baseline';
import { notApplicableControls, optOutsOf } from '../controls/evidence';
import type { EnvironmentTemplates } from './controls-report';

/** Each environment's stack templates, read from a synthesized assembly, for the controls report. */
export function environmentTemplates(assembly: CloudAssembly, configs: readonly EnvironmentConfig[]): EnvironmentTemplates[] {
  return configs.map((config) => ({
    env: config.name,
    stacks: assembly
      .getNestedAssembly(`assembly-${config.name}`)
      .stacks.map((s) => ({ id: s.hierarchicalId.split('/').pop()!, template: s.template })),
    inherited: inheritedControls(config),
    notApplicable: notApplicableControls(config),
    optOuts: optOutsOf(config),
  }));
}
