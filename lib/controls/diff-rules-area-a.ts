/**
 * Controls-diff rules (DEL-PR-CONTROLS-DIFF) of the foundation, network, edge, workload and data
 * controls that had none, and of three watched ones whose rules missed a weakening (the TLS-version
 * deny of bucket policies, WAF log redaction and filtering, publicly accessible database
 * instances): what a pull request can loosen in the templates of each. Like every
 * rule they read CloudFormation types and properties, never construct names; each control's
 * catalog entry declares its list (`diff: { rules }`), and `CONTROL_RULES` flattens them.
 */
import { TENANT_TAG_KEY } from '../constants/tags';
import { arrow, byRank, enforcingResource, flag, ingressRules, present, same, show } from './diff-builders';
import type { DiffRule, Verdict } from './diff-rule';
import { conditionValue, isAnywhere, isTrue, statementsOf, type SgRule, type TemplateResource } from './template-readers';

// ---------------------------------------------------------------------------------------------
// Readers
// ---------------------------------------------------------------------------------------------

/** The tenant a resource is tagged for (`saas-security-baseline:tenant`), if any. */
function tenantOf(resource: TemplateResource | undefined): string | undefined {
  const tags = resource?.Properties?.Tags;
  return Array.isArray(tags) ? tags.find((t: any) => t?.Key === TENANT_TAG_KEY)?.Value : undefined;
}

/** A value read from a dotted path of a resource's properties. */
function prop(resource: TemplateResource | undefined, path: string): unknown {
  let value: any = resource?.Properties;
  for (const key of path.split('.')) value = value?.[key];
  return value;
}

/** The list entries of `items`, keyed by `key` (container definitions by name, rules by name). */
function byName<T extends Record<string, any>>(items: readonly T[] | undefined, key = 'Name'): Map<string, T> {
  return new Map((items ?? []).map((item, i) => [String(item?.[key] ?? `#${i}`), item]));
}

/** Verdicts for the members a set gained (weakened) and lost (strengthened), or the reverse. */
function setChange(before: Iterable<string>, after: Iterable<string>, gained: 'weakened' | 'strengthened', describe: (item: string, added: boolean) => string): Verdict[] {
  const [b, a] = [new Set(before), new Set(after)];
  const lost: Verdict['direction'] = gained === 'weakened' ? 'strengthened' : 'weakened';
  return [
    ...[...a].filter((x) => !b.has(x)).map((x) => ({ direction: gained, detail: describe(x, true) })),
    ...[...b].filter((x) => !a.has(x)).map((x) => ({ direction: lost, detail: describe(x, false) })),
  ];
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

// ---------------------------------------------------------------------------------------------
// FND-NO-PLAINTEXT-SECRETS
// ---------------------------------------------------------------------------------------------

/** Names of variables that carry a credential. */
const SECRET_NAME = /PASSW(OR)?D|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL/i;

/**
 * A value written into the template itself: a literal string that is not a dynamic reference
 * (`{{resolve:secretsmanager:...}}` and `{{resolve:ssm-secure:...}}` are resolved at deploy
 * time and never stored in the template). References and intrinsics are not literals.
 */
const isPlaintext = (value: unknown) => (typeof value === 'string' || typeof value === 'number') && !String(value).startsWith('{{resolve:');

/** `container/NAME` for each credential-named environment variable of an ECS task definition. */
function containerSecretVariables(containers: any[] | undefined): string[] {
  return (containers ?? []).flatMap((c) => (c?.Environment ?? []).filter((e: any) => SECRET_NAME.test(String(e?.Name)) && isPlaintext(e?.Value)).map((e: any) => `${c.Name}/${e.Name}`));
}

/** The diff rules of FND-NO-PLAINTEXT-SECRETS. */
export const FND_NO_PLAINTEXT_SECRETS_RULES: readonly DiffRule[] = [
  {
    resourceTypes: ['AWS::ECS::TaskDefinition'],
    path: ['Properties', 'ContainerDefinitions'],
    assess: (before, after) =>
      setChange(containerSecretVariables(before), containerSecretVariables(after), 'weakened', (v, added) => {
        const [container, name] = v.split('/');
        return `container ${container} environment variable ${name} ${added ? 'set in plaintext (container secrets keep it in Secrets Manager)' : 'no longer in plaintext'}`;
      }),
  },
  {
    resourceTypes: ['AWS::Lambda::Function'],
    path: ['Properties', 'Environment', 'Variables'],
    assess: (before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined) => {
      const secrets = (vars?: Record<string, unknown>) => Object.entries(vars ?? {}).filter(([k, v]) => SECRET_NAME.test(k) && isPlaintext(v)).map(([k]) => k);
      return setChange(secrets(before), secrets(after), 'weakened', (name, added) => `function environment variable ${name} ${added ? 'set in plaintext' : 'no longer in plaintext'}`);
    },
  },
  ...(
    [
      [['AWS::RDS::DBCluster', 'AWS::RDS::DBInstance'], 'MasterUserPassword'],
      [['AWS::Cognito::UserPoolIdentityProvider'], 'ProviderDetails.client_secret'],
      [['AWS::SecretsManager::Secret'], 'SecretString'],
    ] as const
  ).map(
    ([resourceTypes, path]): DiffRule => ({
      resourceTypes,
      assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
        const [b, a] = [isPlaintext(prop(before, path)), isPlaintext(prop(after, path))];
        if (a && !b) return { direction: 'weakened', detail: `${path} written into the template in plaintext` };
        if (b && !a && after !== undefined) return { direction: 'strengthened', detail: `${path} no longer in plaintext (${show(prop(after, path))})` };
        return undefined;
      },
    }),
  ),
];

// ---------------------------------------------------------------------------------------------
// Network
// ---------------------------------------------------------------------------------------------

const DEFAULT_ROUTES = ['0.0.0.0/0', '::/0'];
const ROUTE_TARGETS = ['GatewayId', 'NatGatewayId', 'EgressOnlyInternetGatewayId', 'TransitGatewayId', 'VpcPeeringConnectionId', 'NetworkInterfaceId', 'InstanceId', 'VpcEndpointId', 'CarrierGatewayId', 'LocalGatewayId', 'CoreNetworkArn'];

function routeTarget(props: Record<string, any> | undefined): string {
  const key = ROUTE_TARGETS.find((k) => props?.[k] !== undefined);
  return key ? `${key} ${show(props![key])}` : '(no target)';
}

const isDefaultRoute = (props: Record<string, any> | undefined) => DEFAULT_ROUTES.includes(props?.DestinationCidrBlock) || DEFAULT_ROUTES.includes(props?.DestinationIpv6CidrBlock);

/** The prefix length of an IPv4 or IPv6 CIDR literal, or `undefined` for a reference. */
function prefixLength(cidr: unknown): number | undefined {
  const match = typeof cidr === 'string' ? /\/(\d+)$/.exec(cidr) : null;
  return match ? Number(match[1]) : undefined;
}

/** Condition keys that tie an endpoint policy statement to this account or organization. */
const ENDPOINT_SCOPE_KEYS = ['aws:PrincipalAccount', 'aws:ResourceAccount', 'aws:PrincipalOrgID', 'aws:ResourceOrgID', 'aws:SourceAccount', 'aws:SourceVpce'];

/**
 * The statements of a VPC endpoint policy that let any principal act on any resource without a
 * scoping condition. No policy at all is full access ("The default endpoint policy allows full
 * access to the service", AWS CDK reference of CfnVPCEndpoint.policyDocument,
 * https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_ec2.CfnVPCEndpointProps.html).
 */
function openEndpointStatements(doc: any): string[] {
  if (doc === undefined) return ['(no policy: full access)'];
  return statementsOf(doc)
    .filter((st) => st.Effect === 'Allow' && asList(st.Resource).includes('*') && ENDPOINT_SCOPE_KEYS.every((k) => conditionValue(st, k) === undefined))
    .map((st) => `${show(st.Action)} on * without ${ENDPOINT_SCOPE_KEYS[0]}/${ENDPOINT_SCOPE_KEYS[1]}`);
}

/** The diff rules of NET-MULTI-AZ: a subnet or NAT gateway fewer leaves a zone without its tier or its own egress. */
export const NET_MULTI_AZ_RULES: readonly DiffRule[] = [
  enforcingResource(['AWS::EC2::Subnet'], 'subnet'),
  enforcingResource(['AWS::EC2::NatGateway'], 'NAT gateway'),
];

/** The diff rules of NET-TIERED-SUBNETS. */
export const NET_TIERED_SUBNETS_RULES: readonly DiffRule[] = [
  {
    resourceTypes: ['AWS::EC2::Subnet'],
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
      const [b, a] = [isTrue(prop(before, 'MapPublicIpOnLaunch')), isTrue(prop(after, 'MapPublicIpOnLaunch'))];
      if (after === undefined || a === b) return undefined;
      if (a) return { direction: 'weakened', detail: `subnet ${before === undefined ? 'added with' : 'now has'} MapPublicIpOnLaunch true` };
      return before === undefined ? undefined : { direction: 'strengthened', detail: 'MapPublicIpOnLaunch true → false' };
    },
  },
  {
    // Which tier a route table serves is not in the route: a new way to the internet is for a
    // reviewer to confirm (the isolated tier must have none).
    resourceTypes: ['AWS::EC2::Route'],
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
      const [b, a] = [before?.Properties, after?.Properties];
      if (!isDefaultRoute(a)) return undefined;
      const destination = a!.DestinationCidrBlock ?? a!.DestinationIpv6CidrBlock;
      if (!isDefaultRoute(b)) return { direction: 'weakened', detail: `route to ${destination} via ${routeTarget(a)} added on route table ${show(a!.RouteTableId)}` };
      if (b!.GatewayId === undefined && a!.GatewayId !== undefined) return { direction: 'weakened', detail: `route to ${destination} now goes straight to ${routeTarget(a)} (was ${routeTarget(b)})` };
      return undefined;
    },
  },
];

/** The diff rules of NET-PRIVATE-ENDPOINTS. */
export const NET_PRIVATE_ENDPOINTS_RULES: readonly DiffRule[] = [
  {
    resourceTypes: ['AWS::EC2::VPCEndpoint'],
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined, kind) => {
      if (kind === 'removed') return { direction: 'weakened', detail: `VPC endpoint ${show(prop(before, 'ServiceName'))} removed` };
      if (kind === 'added') return { direction: 'strengthened', detail: `VPC endpoint ${show(prop(after, 'ServiceName'))} added` };
      return undefined;
    },
  },
  {
    resourceTypes: ['AWS::EC2::VPCEndpoint'],
    path: ['Properties', 'PolicyDocument'],
    assess: (before, after) => setChange(openEndpointStatements(before), openEndpointStatements(after), 'weakened', (s, added) => `endpoint policy ${added ? 'allows' : 'no longer allows'} ${s}`),
  },
  // Absent counts as off: the diff assumes no default it cannot see in the template.
  flag(['AWS::EC2::VPCEndpoint'], ['Properties', 'PrivateDnsEnabled'], 'PrivateDnsEnabled'),
];

/** The diff rules of NET-OPERATOR-ACCESS. */
export const NET_OPERATOR_ACCESS_RULES: readonly DiffRule[] = [
  {
    resourceTypes: ['AWS::EC2::ClientVpnAuthorizationRule'],
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
      if (after === undefined) return undefined;
      const [b, a] = [before?.Properties ?? {}, after.Properties ?? {}];
      const out: Verdict[] = [];
      if (isTrue(a.AuthorizeAllGroups) && !isTrue(b.AuthorizeAllGroups)) out.push({ direction: 'weakened', detail: `Client VPN authorization to ${show(a.TargetNetworkCidr)} ${before ? 'now admits' : 'added for'} every group (AuthorizeAllGroups true)` });
      const [bp, ap] = [prefixLength(b.TargetNetworkCidr), prefixLength(a.TargetNetworkCidr)];
      if (before !== undefined && bp !== undefined && ap !== undefined && ap !== bp) out.push({ direction: byRank(-ap, -bp), detail: arrow('Client VPN TargetNetworkCidr', b.TargetNetworkCidr, a.TargetNetworkCidr) });
      if (before === undefined && isAnywhere(a.TargetNetworkCidr)) out.push({ direction: 'weakened', detail: `Client VPN authorization to ${a.TargetNetworkCidr} added` });
      return out;
    },
  },
  {
    resourceTypes: ['AWS::EC2::ClientVpnEndpoint'],
    path: ['Properties', 'AuthenticationOptions'],
    assess: (before: any[] | undefined, after: any[] | undefined) => {
      const federated = (options?: any[]) => (options ?? []).some((o) => o?.Type === 'federated-authentication');
      if (federated(before) === federated(after)) return undefined;
      return { direction: federated(after) ? 'strengthened' : 'weakened', detail: `Client VPN ${federated(after) ? 'now signs in' : 'no longer signs in'} through the identity provider (federated-authentication)` };
    },
  },
  flag(['AWS::EC2::ClientVpnEndpoint'], ['Properties', 'ConnectionLogOptions', 'Enabled'], 'ConnectionLogOptions.Enabled'),
  {
    resourceTypes: ['AWS::ECS::Service'],
    path: ['Properties', 'EnableExecuteCommand'],
    // ECS Exec opens a session into every task of the service.
    assess: (before, after) => (isTrue(before) === isTrue(after) ? undefined : { direction: isTrue(after) ? 'weakened' : 'strengthened', detail: arrow('EnableExecuteCommand', before, after) }),
  },
];

// ---------------------------------------------------------------------------------------------
// Edge
// ---------------------------------------------------------------------------------------------

/** The ports the load balancer may admit from the internet. */
const EDGE_PORTS = [80, 443];

/** A security group rule that admits the internet on anything but TCP 80 or 443. */
function opensInternetBeyondEdgePorts(rule: SgRule): boolean {
  if (!isAnywhere(rule.CidrIp) && !isAnywhere(rule.CidrIpv6)) return false;
  const protocol = String(rule.IpProtocol ?? '');
  return !((protocol === 'tcp' || protocol === '6') && rule.FromPort === rule.ToPort && EDGE_PORTS.includes(Number(rule.FromPort)));
}

const describeInternetRule = (rule: SgRule) => `ingress ${String(rule.IpProtocol) === '-1' ? 'all traffic' : `${rule.IpProtocol} ${rule.FromPort}-${rule.ToPort}`} from ${show(rule.CidrIp ?? rule.CidrIpv6)}`;

/**
 * A load balancer without `Scheme` is internet-facing: the ELBv2 CreateLoadBalancer reference
 * creates "an Internet facing load balancer" from subnets alone and needs `internal` for the other
 * (https://docs.aws.amazon.com/goto/SdkForKotlin/elasticloadbalancingv2-2015-12-01/CreateLoadBalancer).
 */
const internetFacing = (r: TemplateResource | undefined) => r !== undefined && (prop(r, 'Scheme') ?? 'internet-facing') === 'internet-facing';

/**
 * The rate-based rules of a web ACL by name: whether each blocks, and its limit in requests per
 * second of the evaluation window (300 s when absent: "300 (5 minutes) is the default",
 * https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-type-rate-based-high-level-settings.html).
 */
function rateRules(rules: any[] | undefined): Map<string, { blocks: boolean; perSecond: number; limit: unknown; window: unknown }> {
  const out = new Map<string, { blocks: boolean; perSecond: number; limit: unknown; window: unknown }>();
  for (const rule of rules ?? []) {
    const rate = rule?.Statement?.RateBasedStatement;
    if (!rate) continue;
    const window = rate.EvaluationWindowSec ?? 300;
    out.set(String(rule.Name), { blocks: rule.Action?.Block !== undefined, perSecond: Number(rate.Limit) / Number(window), limit: rate.Limit, window });
  }
  return out;
}

/** The diff rules of EDGE-INTERNET-EXPOSURE. */
export const EDGE_INTERNET_EXPOSURE_RULES: readonly DiffRule[] = [
  ...ingressRules(opensInternetBeyondEdgePorts, describeInternetRule),
  {
    resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
      if (!internetFacing(after) || internetFacing(before)) return undefined;
      return { direction: 'weakened', detail: before === undefined ? 'internet-facing load balancer added' : `load balancer Scheme ${show(prop(before, 'Scheme'))} → internet-facing` };
    },
  },
];

/** The diff rules of EDGE-WAF-RATE-LIMIT. */
export const EDGE_WAF_RATE_LIMIT_RULES: readonly DiffRule[] = [
  {
    resourceTypes: ['AWS::WAFv2::WebACL'],
    path: ['Properties', 'Rules'],
    assess: (before: any[] | undefined, after: any[] | undefined) => {
      const [b, a] = [rateRules(before), rateRules(after)];
      const out: Verdict[] = [];
      for (const [name, rule] of b) {
        const now = a.get(name);
        if (!now) out.push({ direction: 'weakened', detail: `rate-based rule ${name} removed` });
        else if (rule.blocks && !now.blocks) out.push({ direction: 'weakened', detail: `rate-based rule ${name} no longer blocks` });
        else if (!rule.blocks && now.blocks) out.push({ direction: 'strengthened', detail: `rate-based rule ${name} now blocks` });
        else if (now.perSecond !== rule.perSecond) {
          out.push({ direction: byRank(-rule.perSecond, -now.perSecond), detail: `rate-based rule ${name} limit ${show(rule.limit)} per ${show(rule.window)} s → ${show(now.limit)} per ${show(now.window)} s` });
        }
      }
      for (const [name, rule] of a) if (!b.has(name) && rule.blocks) out.push({ direction: 'strengthened', detail: `rate-based rule ${name} added` });
      return out;
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Workload
// ---------------------------------------------------------------------------------------------

/** The number at `path`, or `undefined` when absent or not a number (a parameter). */
const num = (v: unknown) => (v === undefined || Number.isNaN(Number(v)) ? undefined : Number(v));

/**
 * A property rule for a number where more is stronger and absence says nothing the template can
 * show (ECS keeps a service's running count when DesiredCount is dropped on update).
 */
function moreIsStronger(resourceTypes: readonly string[], path: readonly string[], label: string): DiffRule {
  return {
    resourceTypes,
    path,
    assess: (before, after) => {
      const [b, a] = [num(before), num(after)];
      if (b === undefined || a === undefined) return { direction: 'neutral', detail: `${arrow(label, before, after)} (not comparable)` };
      return { direction: byRank(b, a), detail: arrow(label, before, after) };
    },
  };
}

/** Actions that grant every action, or every action of a service (`*`, `s3:*`), or NotAction. */
function wildcardGrants(doc: any): string[] {
  return statementsOf(doc)
    .filter((st) => st.Effect === 'Allow')
    .flatMap((st) => [
      ...asList(st.Action)
        .filter((a) => typeof a === 'string' && (a === '*' || a.endsWith(':*')))
        .map((a) => `${a} on ${show(st.Resource)}`),
      ...(st.NotAction !== undefined ? [`every action but ${show(st.NotAction)} on ${show(st.Resource)}`] : []),
    ]);
}

/** Every policy document of an IAM resource: a policy's own, a role's or group's inline ones. */
function policyDocuments(r: TemplateResource | undefined): any[] {
  if (r === undefined) return [];
  if (r.Properties?.PolicyDocument !== undefined) return [r.Properties.PolicyDocument];
  return (r.Properties?.Policies ?? []).map((p: any) => p?.PolicyDocument);
}

const IAM_POLICY_TYPES = ['AWS::IAM::ManagedPolicy', 'AWS::IAM::Policy', 'AWS::IAM::Role'];

/** Whether a role may be assumed by ECS tasks. */
const trustsEcsTasks = (r: TemplateResource | undefined) =>
  statementsOf(r?.Properties?.AssumeRolePolicyDocument).some((st) => st.Effect === 'Allow' && asList(st.Principal?.Service).includes('ecs-tasks.amazonaws.com'));

/** The hardening of each container of a task definition, as reviewer-readable facts. */
function containerHardening(containers: any[] | undefined): Map<string, { readOnly: boolean; privileged: boolean; added: string[]; dropped: string[]; user: unknown }> {
  return new Map(
    [...byName(containers)].map(([name, c]) => [
      name,
      {
        readOnly: isTrue(c?.ReadonlyRootFilesystem),
        privileged: isTrue(c?.Privileged),
        added: (c?.LinuxParameters?.Capabilities?.Add ?? []).map(String),
        dropped: (c?.LinuxParameters?.Capabilities?.Drop ?? []).map(String),
        user: c?.User,
      },
    ]),
  );
}

const ROOT_USERS = ['root', '0', '0:0', 'root:root'];

/** The trust conditions that bind a role for ECS tasks to this account's tasks. */
const ECS_TRUST_CONDITIONS = ['aws:SourceAccount', 'aws:SourceArn'];

/** Compute that a customer runs and patches itself: instances, launch templates, Auto Scaling, ECS capacity on EC2. */
const SELF_MANAGED_COMPUTE = ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::AutoScalingGroup', 'AWS::AutoScaling::LaunchConfiguration', 'AWS::ECS::CapacityProvider'];

/** The diff rules of WL-MULTI-AZ. */
export const WL_MULTI_AZ_RULES: readonly DiffRule[] = [
  moreIsStronger(['AWS::ECS::Service'], ['Properties', 'DesiredCount'], 'DesiredCount'),
  moreIsStronger(['AWS::ECS::Service'], ['Properties', 'DeploymentConfiguration', 'MinimumHealthyPercent'], 'MinimumHealthyPercent'),
  flag(['AWS::ECS::Service'], ['Properties', 'DeploymentConfiguration', 'DeploymentCircuitBreaker', 'Rollback'], 'DeploymentCircuitBreaker.Rollback'),
  {
    resourceTypes: ['AWS::ECS::Service'],
    path: ['Properties', 'NetworkConfiguration', 'AwsvpcConfiguration', 'Subnets'],
    assess: (before: unknown[] | undefined, after: unknown[] | undefined) => {
      const [b, a] = [asList(before).length, asList(after).length];
      return b === a ? { direction: 'neutral', detail: `service subnets changed (${a})` } : { direction: byRank(b, a), detail: `service subnets ${b} → ${a}` };
    },
  },
];

/** The diff rules of WL-LEAST-PRIVILEGE. */
export const WL_LEAST_PRIVILEGE_RULES: readonly DiffRule[] = [
  {
    resourceTypes: IAM_POLICY_TYPES,
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
      if (after === undefined) return undefined;
      return setChange(policyDocuments(before).flatMap(wildcardGrants), policyDocuments(after).flatMap(wildcardGrants), 'weakened', (g, added) => `${added ? 'grants' : 'no longer grants'} ${g}`);
    },
  },
  {
    resourceTypes: ['AWS::IAM::Role'],
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
      if (!trustsEcsTasks(after)) return undefined;
      // Without them any account's ECS tasks could be handed the role (the confused deputy).
      const conditions = (r?: TemplateResource) =>
        ECS_TRUST_CONDITIONS.filter((k) => statementsOf(r?.Properties?.AssumeRolePolicyDocument).some((st) => st.Effect === 'Allow' && conditionValue(st, k) !== undefined));
      if (before === undefined) {
        const missing = ECS_TRUST_CONDITIONS.filter((k) => !conditions(after).includes(k));
        return missing.length === ECS_TRUST_CONDITIONS.length ? { direction: 'weakened', detail: `role for ECS tasks added without ${missing.join(' or ')} in its trust policy` } : undefined;
      }
      return setChange(conditions(before), conditions(after), 'strengthened', (k, added) => `ECS task role trust ${added ? 'now requires' : 'no longer requires'} ${k}`);
    },
  },
  {
    resourceTypes: ['AWS::ECS::TaskDefinition'],
    path: ['Properties', 'ContainerDefinitions'],
    assess: (before: any[] | undefined, after: any[] | undefined) => {
      const [b, a] = [containerHardening(before), containerHardening(after)];
      const out: Verdict[] = [];
      for (const [name, now] of a) {
        const was = b.get(name);
        if (was === undefined) continue;
        if (was.readOnly !== now.readOnly) out.push({ direction: now.readOnly ? 'strengthened' : 'weakened', detail: `container ${name} ReadonlyRootFilesystem ${was.readOnly} → ${now.readOnly}` });
        if (was.privileged !== now.privileged) out.push({ direction: now.privileged ? 'weakened' : 'strengthened', detail: `container ${name} Privileged ${was.privileged} → ${now.privileged}` });
        out.push(...setChange(was.added, now.added, 'weakened', (c, added) => `container ${name} capability ${c} ${added ? 'added' : 'no longer added'}`));
        out.push(...setChange(was.dropped, now.dropped, 'strengthened', (c, added) => `container ${name} capability ${c} ${added ? 'dropped' : 'no longer dropped'}`));
        if (!same(was.user, now.user) && ROOT_USERS.includes(String(now.user))) out.push({ direction: 'weakened', detail: `container ${name} ${arrow('User', was.user, now.user)}` });
      }
      return out;
    },
  },
];

/** The diff rules of WL-MANAGED-COMPUTE. */
export const WL_MANAGED_COMPUTE_RULES: readonly DiffRule[] = [
  {
    resourceTypes: SELF_MANAGED_COMPUTE,
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined, kind) => {
      if (kind === 'added') return { direction: 'weakened', detail: `self-managed compute ${after!.Type} added` };
      if (kind === 'removed') return { direction: 'strengthened', detail: `self-managed compute ${before!.Type} removed` };
      return undefined;
    },
  },
  {
    resourceTypes: ['AWS::ECS::Service'],
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
      if (after === undefined) return undefined;
      const fargate = (r?: TemplateResource) => {
        const strategy: any[] = r?.Properties?.CapacityProviderStrategy ?? [];
        return strategy.length > 0 ? strategy.every((s) => ['FARGATE', 'FARGATE_SPOT'].includes(s?.CapacityProvider)) : r?.Properties?.LaunchType === 'FARGATE';
      };
      const out: Verdict[] = [];
      if (before !== undefined && fargate(before) !== fargate(after)) {
        out.push({ direction: fargate(after) ? 'strengthened' : 'weakened', detail: `service ${fargate(after) ? 'now runs' : 'no longer runs only'} on Fargate (LaunchType ${show(prop(after, 'LaunchType'))}, CapacityProviderStrategy ${show(prop(after, 'CapacityProviderStrategy'))})` });
      }
      if (before === undefined && !fargate(after)) out.push({ direction: 'weakened', detail: `service added outside Fargate (LaunchType ${show(prop(after, 'LaunchType'))})` });
      const [bp, ap] = [prop(before, 'PlatformVersion'), prop(after, 'PlatformVersion')];
      // Only explicit values are compared: which version an absent one means is the service's default.
      if (before !== undefined && bp !== undefined && ap !== undefined && bp !== ap && (bp === 'LATEST' || ap === 'LATEST')) {
        out.push({ direction: ap === 'LATEST' ? 'strengthened' : 'weakened', detail: `${arrow('PlatformVersion', bp, ap)}${ap === 'LATEST' ? '' : ': new tasks no longer start on the latest platform revision'}` });
      }
      return out;
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Data
// ---------------------------------------------------------------------------------------------

/**
 * The minor-version upgrades RDS applies by default ("By default, minor engine upgrades are
 * applied automatically", CreateDBInstance reference,
 * https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/rds/aws.sdk.kotlin.services.rds.model/-create-db-instance-request/auto-minor-version-upgrade.html).
 */
const INSTANCE_MINOR_UPGRADES_BY_DEFAULT = true;

/** Where each tenant-tagged type names its KMS keys. */
const TENANT_KEY_PATHS: Readonly<Record<string, readonly string[]>> = {
  'AWS::RDS::DBCluster': ['KmsKeyId', 'MasterUserSecret.KmsKeyId', 'PerformanceInsightsKmsKeyId'],
  'AWS::RDS::DBInstance': ['KmsKeyId', 'PerformanceInsightsKMSKeyId'],
  'AWS::Logs::LogGroup': ['KmsKeyId'],
  'AWS::SecretsManager::Secret': ['KmsKeyId'],
  'AWS::S3::Bucket': ['BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault.KMSMasterKeyID'],
};

/** The condition key the tenants' resource policies deny other tenants' principals by. */
const TENANT_PRINCIPAL_TAG = `aws:PrincipalTag/${TENANT_TAG_KEY}`;

/** Whether a resource policy denies principals tagged for another tenant. */
const deniesOtherTenants = (doc: any) => statementsOf(doc).some((st) => st.Effect === 'Deny' && conditionValue(st, TENANT_PRINCIPAL_TAG) !== undefined);

/** Actions that read or write a tenant's data: its database user, key, secret and objects. */
const TENANT_DATA_ACTION = /^(\*|rds-db:.*|kms:(\*|Decrypt.*|GenerateDataKey.*|ReEncrypt.*)|secretsmanager:(\*|Get.*)|s3:(\*|.*Object.*))$/i;

/** Grants of tenant-data actions on every resource (`Resource: "*"`). */
function tenantDataOnAnyResource(doc: any): string[] {
  return statementsOf(doc)
    .filter((st) => st.Effect === 'Allow' && asList(st.Resource).includes('*'))
    .flatMap((st) => asList(st.Action).filter((a) => TENANT_DATA_ACTION.test(String(a))))
    .map((a) => `${a} on *`);
}

/** The diff rules of DB-MULTI-AZ: an Aurora cluster's writer and readers, an instance's standby. */
export const DB_MULTI_AZ_RULES: readonly DiffRule[] = [
  {
    resourceTypes: ['AWS::RDS::DBInstance'],
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined, kind) => {
      const member = (r?: TemplateResource) => prop(r, 'DBClusterIdentifier');
      if (kind === 'removed' && member(before) !== undefined) return { direction: 'weakened', detail: `instance of cluster ${show(member(before))} removed (fewer zones to fail over to)` };
      if (kind === 'added' && member(after) !== undefined) return { direction: 'strengthened', detail: `instance of cluster ${show(member(after))} added` };
      const [bz, az] = [prop(before, 'AvailabilityZone'), prop(after, 'AvailabilityZone')];
      // Whether writer and reader still differ is a relation between resources, for a reviewer.
      if (before !== undefined && after !== undefined && bz !== az) return { direction: 'neutral', detail: `${arrow('AvailabilityZone', bz, az)} of an instance of cluster ${show(member(after))}` };
      return undefined;
    },
  },
  flag(['AWS::RDS::DBInstance'], ['Properties', 'MultiAZ'], 'MultiAZ'),
];

/** The diff rules of DB-PATCHING. */
export const DB_PATCHING_RULES: readonly DiffRule[] = [
  flag(['AWS::RDS::DBInstance'], ['Properties', 'AutoMinorVersionUpgrade'], 'AutoMinorVersionUpgrade', INSTANCE_MINOR_UPGRADES_BY_DEFAULT),
  flag(['AWS::RDS::DBCluster'], ['Properties', 'AutoMinorVersionUpgrade'], 'AutoMinorVersionUpgrade'),
  present(['AWS::RDS::DBCluster', 'AWS::RDS::DBInstance'], ['Properties', 'PreferredMaintenanceWindow'], 'PreferredMaintenanceWindow'),
];

/** The diff rules of TEN-DEDICATED-DATASTORE. */
export const TEN_DEDICATED_DATASTORE_RULES: readonly DiffRule[] = [
  {
    resourceTypes: ['AWS::RDS::DBCluster'],
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined, kind) => {
      const [b, a] = [tenantOf(before), tenantOf(after)];
      if (kind === 'removed') return b === undefined ? undefined : { direction: 'weakened', detail: `tenant ${b}'s database cluster removed` };
      if (kind === 'added') return a === undefined ? undefined : { direction: 'strengthened', detail: `database cluster of tenant ${a} added` };
      if (b === a) return undefined;
      return { direction: 'weakened', detail: `database cluster of tenant ${b ?? '(none)'} now tagged for ${a ?? 'no tenant'}` };
    },
  },
];

/** The diff rules of TEN-DEDICATED-KEY. */
export const TEN_DEDICATED_KEY_RULES: readonly DiffRule[] = [
  {
    resourceTypes: Object.keys(TENANT_KEY_PATHS),
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
      const tenant = tenantOf(before);
      if (tenant === undefined || after === undefined) return undefined;
      // The diff cannot prove a new key is the tenant's own: a reviewer must.
      return TENANT_KEY_PATHS[before!.Type]
        .filter((path) => !same(prop(before, path), prop(after, path)))
        .map((path) => ({ direction: 'weakened' as const, detail: `${arrow(path, prop(before, path), prop(after, path))} on tenant ${tenant}'s ${before!.Type}: not shown to be the tenant's own key` }));
    },
  },
  {
    resourceTypes: ['AWS::KMS::Key'],
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined, kind) => {
      const [b, a] = [tenantOf(before), tenantOf(after)];
      if (b === undefined || (kind !== 'removed' && a === b)) return undefined;
      return { direction: 'weakened', detail: kind === 'removed' ? `tenant ${b}'s KMS key removed` : `tenant ${b}'s KMS key now tagged for ${a ?? 'no tenant'}` };
    },
  },
];

/** The diff rules of TEN-ISOLATED-ACCESS. */
export const TEN_ISOLATED_ACCESS_RULES: readonly DiffRule[] = [
  ...(
    [
      ['AWS::KMS::Key', 'KeyPolicy', 'key policy'],
      ['AWS::S3::BucketPolicy', 'PolicyDocument', 'bucket policy'],
    ] as const
  ).map(
    ([type, key, what]): DiffRule => ({
      resourceTypes: [type],
      assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
        const [b, a] = [deniesOtherTenants(before?.Properties?.[key]), deniesOtherTenants(after?.Properties?.[key])];
        if (b === a || (after === undefined && before !== undefined && type === 'AWS::KMS::Key')) return undefined;
        return a
          ? { direction: 'strengthened', detail: `${what} now denies principals tagged for another tenant (${TENANT_PRINCIPAL_TAG})` }
          : { direction: 'weakened', detail: `${what} ${after ? 'no longer denies' : 'that denied'} principals tagged for another tenant (${TENANT_PRINCIPAL_TAG})${after ? '' : ' removed'}` };
      },
    }),
  ),
  {
    // The resource policies' deny keys on the principal's tenant tag: a role without it escapes.
    resourceTypes: ['AWS::IAM::Role'],
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
      const [b, a] = [tenantOf(before), tenantOf(after)];
      if (b === undefined || after === undefined || a === b) return undefined;
      return { direction: 'weakened', detail: `role of tenant ${b} ${a === undefined ? `lost its ${TENANT_TAG_KEY} tag` : `now tagged for ${a}`}` };
    },
  },
  {
    resourceTypes: IAM_POLICY_TYPES,
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
      if (after === undefined) return undefined;
      return setChange(policyDocuments(before).flatMap(tenantDataOnAnyResource), policyDocuments(after).flatMap(tenantDataOnAnyResource), 'weakened', (g, added) => `${added ? 'grants' : 'no longer grants'} tenant-data action ${g}`);
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Watched controls: weakenings their earlier rules did not see
// ---------------------------------------------------------------------------------------------

/** Whether a bucket policy denies requests below a TLS version (`s3:TlsVersion`). */
const deniesOldTls = (doc: any) => statementsOf(doc).some((st) => st.Effect === 'Deny' && conditionValue(st, 's3:TlsVersion') !== undefined);

/** FND-TLS-IN-TRANSIT: bucket policies also deny TLS below 1.2. */
export const FND_TLS_VERSION_RULES: readonly DiffRule[] = [
  {
    resourceTypes: ['AWS::S3::BucketPolicy'],
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
      const [b, a] = [deniesOldTls(before?.Properties?.PolicyDocument), deniesOldTls(after?.Properties?.PolicyDocument)];
      if (b === a || after === undefined) return undefined;
      return { direction: a ? 'strengthened' : 'weakened', detail: `bucket policy ${a ? 'now denies' : 'no longer denies'} requests below a TLS version (s3:TlsVersion)` };
    },
  },
];

/** EDGE-WAF-LOGGING: what the logs redact, and that they keep only requests a rule acted on. */
export const EDGE_WAF_LOG_CONTENT_RULES: readonly DiffRule[] = [
  {
    resourceTypes: ['AWS::WAFv2::LoggingConfiguration'],
    path: ['Properties', 'RedactedFields'],
    assess: (before: any[] | undefined, after: any[] | undefined) =>
      setChange((before ?? []).map((f) => JSON.stringify(f)), (after ?? []).map((f) => JSON.stringify(f)), 'strengthened', (f, added) => `redacted field ${f} ${added ? 'added' : 'removed: it is logged in clear'}`),
  },
  {
    resourceTypes: ['AWS::WAFv2::LoggingConfiguration'],
    path: ['Properties', 'LoggingFilter', 'DefaultBehavior'],
    // DROP keeps only what the filters select (requests a rule acted on); without a filter, or with KEEP, every request is logged.
    assess: (before, after) => ({ direction: byRank(Number(before === 'DROP'), Number(after === 'DROP')), detail: arrow('LoggingFilter.DefaultBehavior', before, after) }),
  },
];

/** DB-NETWORK-ACCESS: no database instance is publicly accessible. */
export const DB_PUBLIC_ACCESS_RULES: readonly DiffRule[] = [
  {
    resourceTypes: ['AWS::RDS::DBInstance'],
    path: ['Properties', 'PubliclyAccessible'],
    assess: (before, after) => (isTrue(before) === isTrue(after) ? undefined : { direction: isTrue(after) ? 'weakened' : 'strengthened', detail: arrow('PubliclyAccessible', before, after) }),
  },
];
