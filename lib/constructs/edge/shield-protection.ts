import { Token } from 'aws-cdk-lib';
import * as shield from 'aws-cdk-lib/aws-shield';
import { Construct } from 'constructs';

/** Props of {@link ShieldProtection}. */
export interface ShieldProtectionProps {
  /** A name for the protection, shown in the Shield console. */
  readonly name: string;
  /** ARN of the protected resource (the Application Load Balancer). */
  readonly resourceArn: string;
  /**
   * ARN of a Route 53 health check of the protected application. Shield Advanced uses it for
   * health-based detection: it mitigates sooner and with fewer false positives, and proactive
   * engagement requires it.
   * @default - no health check; detection by traffic baselines only
   */
  readonly healthCheckArn?: string;
}

/**
 * AWS Shield Advanced protection of one resource (EDGE-DDOS-SHIELD). The account must already
 * subscribe to Shield Advanced (see docs/edge.md): the resource fails to create otherwise.
 */
export class ShieldProtection extends Construct {
  /** The protection. */
  public readonly protection: shield.CfnProtection;

  constructor(scope: Construct, id: string, props: ShieldProtectionProps) {
    super(scope, id);
    const arn = props.healthCheckArn;
    if (arn !== undefined && !Token.isUnresolved(arn) && !/^arn:aws[a-z-]*:route53:::healthcheck\/[0-9a-f-]{36}$/.test(arn)) {
      throw new Error(`ShieldProtection ${id}: healthCheckArn must be a Route 53 health check ARN; got ${arn}`);
    }
    this.protection = new shield.CfnProtection(this, 'Resource', {
      name: props.name,
      resourceArn: props.resourceArn,
      healthCheckArns: arn === undefined ? undefined : [arn],
    });
  }
}
