import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/schema';

/** Props of every stack of the baseline. */
export interface BaselineStackProps extends Omit<StackProps, 'env'> {
  /** The validated environment this stack belongs to. */
  readonly config: EnvironmentConfig;
  /**
   * Region of this stack, for the few stacks that live outside the home region (the backup
   * disaster-recovery vault). Such a stack may not read `availabilityZones`: the configured zones
   * belong to the home region.
   * @default - the environment's home region
   */
  readonly region?: string;
}

/**
 * The base of every stack: pins account, region and availability zones from the config, and
 * protects production stacks from termination.
 */
export class BaselineStack extends Stack {
  public readonly config: EnvironmentConfig;

  constructor(scope: Construct, id: string, props: BaselineStackProps) {
    const { config, region, ...rest } = props;
    super(scope, id, {
      ...rest,
      env: { account: config.account, region: region ?? config.region },
      terminationProtection: config.tier === 'production',
    });
    this.config = config;
  }

  /**
   * The zones come from the config, so synthesis never asks the account (no context lookup, no
   * `dummy1a` placeholders) and the VPC spans exactly the zones the environment names.
   */
  public override get availabilityZones(): string[] {
    if (this.region !== this.config.region) {
      throw new Error(
        `${this.node.path}: availabilityZones: got a stack in ${this.region}, the configured zones belong to ${this.config.region}; this stack must not place resources in zones`,
      );
    }
    return [...this.config.availabilityZones];
  }
}
