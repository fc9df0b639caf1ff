import { Stack } from 'aws-cdk-lib';
import * as securityhub from 'aws-cdk-lib/aws-securityhub';
import { Construct } from 'constructs';
import { SECURITY_HUB_STANDARDS, type SecurityHubStandard } from '../../aws-facts/security-hub';

/** Props of {@link SecurityHub}. */
export interface SecurityHubProps {
  /** Standards to subscribe to, by ARN path (`pci-dss/v/4.0.1`); at least one. */
  readonly standards: readonly SecurityHubStandard[];
}

/**
 * Security Hub for the account (MON-SECURITY-HUB) with the configured standards. AWS's default
 * standards are not enabled implicitly, so the subscribed list is exactly the configured one;
 * consolidated control findings (one finding per control across standards) keep the alert
 * volume down. Most controls evaluate through AWS Config: the hub depends on the recorder.
 */
export class SecurityHub extends Construct {
  /** The hub. */
  public readonly hub: securityhub.CfnHub;
  /** The standard subscriptions, by ARN path. */
  public readonly standards: Record<string, securityhub.CfnStandard> = {};

  constructor(scope: Construct, id: string, props: SecurityHubProps) {
    super(scope, id);
    if (props.standards.length === 0) throw new Error(`SecurityHub ${id}: standards must name at least one standard (got none)`);
    for (const s of props.standards) {
      if (!(s in SECURITY_HUB_STANDARDS)) {
        throw new Error(`SecurityHub ${id}: standards: got "${s}", expected one of ${Object.keys(SECURITY_HUB_STANDARDS).join(', ')}`);
      }
    }
    this.hub = new securityhub.CfnHub(this, 'Resource', {
      enableDefaultStandards: false,
      controlFindingGenerator: 'SECURITY_CONTROL',
      autoEnableControls: true,
    });
    const { partition, region } = Stack.of(this);
    const group = new Construct(this, 'Standards');
    for (const s of props.standards) {
      const standard = new securityhub.CfnStandard(group, s.replace(/[^A-Za-z0-9]/g, ''), {
        standardsArn: `arn:${partition}:securityhub:${region}::standards/${s}`,
      });
      standard.node.addDependency(this.hub);
      this.standards[s] = standard;
    }
  }
}
