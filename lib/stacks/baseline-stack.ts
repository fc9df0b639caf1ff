import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/schema';

/** Props of every stack of the baseline. */
export interface BaselineStackProps extends Omit<StackProps, 'env'> {
  /** The validated environment this stack belongs to. */
  readonly config: EnvironmentConfig;
}

/**
 * The base of every stack: pins account, region and availability zones from the config, and
 * protects production stacks from termination.
 */
export class BaselineStack extends Stack {
  public readonly config: EnvironmentConfig;

  constructor(scope: Construct, id: string, props: BaselineStackProps) {
    const { config, ...rest } = props;
    super(scope, id, {
      ...rest,
      env: { account: config.account, region: config.region },
      terminationProtection: config.tier === 'production',
    });
    this.config = config;
  }

  /**
   * The zones come from the config, so synthesis never asks the account (no context lookup, no
   * `dummy1a` placeholders) and the VPC spans exactly the zones the environment names.
   */
  public override get availabilityZones(): string[] {
    return [...this.config.availabilityZones];
  }
}
