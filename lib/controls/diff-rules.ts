/**
 * The control-rules table of the PR controls diff (`npm run controls-diff`, control
 * DEL-PR-CONTROLS-DIFF): which CloudFormation resource types and property paths enforce which
 * control, and whether a change to them weakens, strengthens or leaves the control alone.
 *
 * Rules are written against CloudFormation resource types, never against our construct names,
 * so they hold for every stack the areas add and for templates that were not written with CDK.
 * A resource type that appears in no rule produces no line in the diff.
 *
 * Two shapes of rule:
 * - a *property* rule (`path` set) compares the value at `path` on a resource that exists in both
 *   templates; it says nothing when the resource is added or removed.
 * - a *resource* rule (no `path`) looks at the whole resource when it is added, removed or
 *   replaced (and may also look at updates). By default removing an enforcing resource weakens
 *   the control and adding one strengthens it.
 */
import { STATEFUL_RESOURCE_TYPES, isStateful } from '../aspects/retain-stateful';
import { AREA_A_RULES } from './diff-rules-area-a';
import { DATABASE_PORT } from '../constants/ports';
import { isTrue } from '../nag/utils/references';
import type { ControlId } from './control-id';

/** How a change affects a control. */
export type Direction = 'weakened' | 'strengthened' | 'neutral';

/** A CloudFormation resource as it appears in a template. */
export interface TemplateResource {
  readonly Type: string;
  readonly Properties?: Record<string, any>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
  readonly [key: string]: any;
}

/** What happened to the resource, as @aws-cdk/cloudformation-diff reports it. */
export type ResourceChangeKind = 'added' | 'removed' | 'updated' | 'replaced';

/** The verdict of one rule on one change. */
export interface Verdict {
  readonly direction: Direction;
  /** What changed, in the reviewer's words (`rds.force_ssl 1 → 0`). */
  readonly detail: string;
}

/** One row of the control-rules table. */
export interface ControlRule {
  /** The catalog control ID (`DB-TLS`). */
  readonly control: ControlId;
  /** The CloudFormation types that enforce it. */
  readonly resourceTypes: readonly string[];
  /**
   * Path from the resource root to the enforcing value (`['Properties', 'StorageEncrypted']`;
   * `['DeletionPolicy']`). Segments are literal keys, so `'rds.force_ssl'` is one segment.
   * @default - a resource rule: `assess` sees the whole resource
   */
  readonly path?: readonly string[];
  /**
   * Classifies a change. For property rules `before`/`after` are the values at `path`
   * (`undefined` when absent); for resource rules they are the whole resources (`undefined`
   * when it did not or no longer exists). Returns nothing, or an empty list, when the change
   * does not concern the control.
   */
  readonly assess: (before: any, after: any, kind: ResourceChangeKind) => Verdict | readonly Verdict[] | undefined;
}

// ---------------------------------------------------------------------------------------------
// Value helpers
// ---------------------------------------------------------------------------------------------

const SHOW_MAX = 80;

/** Renders a template value for a diff line: scalars as they are, intrinsics shortened. */
export function show(value: unknown): string {
  if (value === undefined) return '(absent)';
  if (value === null) return 'null';
  if (typeof value !== 'object') return String(value);
  const v = value as Record<string, any>;
  if (typeof v.Ref === 'string') return `Ref ${v.Ref}`;
  if (Array.isArray(v['Fn::GetAtt'])) return `GetAtt ${v['Fn::GetAtt'].join('.')}`;
  // Whole structures (event selectors, lock configurations) would drown the line.
  const json = JSON.stringify(value);
  return json.length > SHOW_MAX ? `${json.slice(0, SHOW_MAX - 1)}…` : json;
}

/** `true` for CloudFormation's spellings of true (booleans arrive as strings from some tools). */
export { isTrue };

export const arrow = (label: string, before: unknown, after: unknown) => `${label} ${show(before)} → ${show(after)}`;

export const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Direction of a move on an ordered scale where a higher rank is stronger. */
export function byRank(before: number, after: number): Direction {
  if (after < before) return 'weakened';
  if (after > before) return 'strengthened';
  return 'neutral';
}

/**
 * A property rule for a boolean whose `true` enforces the control.
 * @param absent what CloudFormation assumes when the property is left out
 */
export function flag(control: ControlId, resourceTypes: readonly string[], path: readonly string[], label: string, absent = false): ControlRule {
  return {
    control,
    resourceTypes,
    path,
    assess: (before, after) => ({
      direction: byRank(Number(before === undefined ? absent : isTrue(before)), Number(after === undefined ? absent : isTrue(after))),
      detail: arrow(label, before, after),
    }),
  };
}

/**
 * A property rule for a number where more is stronger (retention days, backup periods).
 * @param absent the effective value when the property is left out (`Infinity` for "forever")
 */
export function atLeast(control: ControlId, resourceTypes: readonly string[], path: readonly string[], label: string, absent: number): ControlRule {
  return {
    control,
    resourceTypes,
    path,
    assess: (before, after) => {
      const num = (v: unknown) => (v === undefined ? absent : Number(v));
      const [b, a] = [num(before), num(after)];
      // A token (Ref to a parameter) cannot be compared; a reviewer must look.
      if (Number.isNaN(b) || Number.isNaN(a)) return { direction: 'neutral', detail: `${arrow(label, before, after)} (not comparable)` };
      return { direction: byRank(b, a), detail: arrow(label, before, after) };
    },
  };
}

/** A property rule for a reference (a KMS key, a parameter group) whose presence enforces the control. */
export function present(control: ControlId, resourceTypes: readonly string[], path: readonly string[], label: string): ControlRule {
  return {
    control,
    resourceTypes,
    path,
    assess: (before, after) => {
      if (before === undefined) return { direction: 'strengthened', detail: `${label} set to ${show(after)}` };
      if (after === undefined) return { direction: 'weakened', detail: `${label} removed (was ${show(before)})` };
      return { direction: 'neutral', detail: arrow(label, before, after) };
    },
  };
}

/**
 * A property rule for a value on an ordered scale, weakest first (`['OFF', 'OPTIONAL', 'ON']`).
 * A value missing from the scale ranks as weakest.
 * @param absent the effective value when the property is left out
 */
export function ranked(control: ControlId, resourceTypes: readonly string[], path: readonly string[], label: string, scale: readonly unknown[], absent: unknown): ControlRule {
  return {
    control,
    resourceTypes,
    path,
    assess: (before, after) => ({
      direction: byRank(scale.indexOf(before ?? absent), scale.indexOf(after ?? absent)),
      detail: arrow(label, before, after),
    }),
  };
}

/**
 * A resource rule: removing an enforcing resource weakens the control and adding one strengthens
 * it. Updates are left to the property rules.
 * @param what the resource in the reviewer's words (`flow log`)
 * @param enforces whether a resource enforces the control; a removed resource that never did is
 *   not reported
 * @param missing when set, adding a resource that does not enforce the control weakens it
 *   (`bucket added without public access block`); when unset such an addition is not reported
 */
export function enforcedBy(
  control: ControlId,
  resourceTypes: readonly string[],
  what: string,
  enforces: (r: TemplateResource) => boolean = () => true,
  missing?: string,
): ControlRule {
  return {
    control,
    resourceTypes,
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined, kind) => {
      if (kind === 'added') {
        if (enforces(after!)) return { direction: 'strengthened', detail: `${what} added` };
        return missing === undefined ? undefined : { direction: 'weakened', detail: `${what} added without ${missing}` };
      }
      if (kind === 'removed' && enforces(before!)) return { direction: 'weakened', detail: `${what} removed` };
      return undefined;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Ordered scales
// ---------------------------------------------------------------------------------------------

/**
 * Elastic Load Balancing security policies of ALB/NLB listeners, weakest first. Policies in one
 * inner list are equally strong (same minimum TLS version and cipher class). A policy missing
 * from this table ranks as weakest, so an unknown policy fails the diff until it is added here:
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
 */
export const ELB_SSL_POLICY_STRENGTH: readonly (readonly string[])[] = [
  // TLS 1.0 and legacy ciphers
  ['ELBSecurityPolicy-2015-05', 'ELBSecurityPolicy-2016-08', 'ELBSecurityPolicy-TLS-1-0-2015-04'],
  ['ELBSecurityPolicy-FS-2018-06', 'ELBSecurityPolicy-TLS13-1-0-2021-06'],
  // TLS 1.1 minimum
  ['ELBSecurityPolicy-TLS-1-1-2017-01', 'ELBSecurityPolicy-FS-1-1-2019-08', 'ELBSecurityPolicy-TLS13-1-1-2021-06'],
  // TLS 1.2 minimum, extended (CBC) ciphers
  ['ELBSecurityPolicy-TLS-1-2-2017-01', 'ELBSecurityPolicy-TLS-1-2-Ext-2018-06', 'ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06', 'ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06'],
  // TLS 1.2 minimum, forward secrecy
  ['ELBSecurityPolicy-FS-1-2-2019-08', 'ELBSecurityPolicy-TLS13-1-2-2021-06', 'ELBSecurityPolicy-TLS13-1-2-Ext0-PQ-2025-09', 'ELBSecurityPolicy-TLS13-1-2-PQ-2025-09'],
  // TLS 1.2 minimum, restricted to AEAD forward-secret ciphers
  [
    'ELBSecurityPolicy-FS-1-2-Res-2019-08',
    'ELBSecurityPolicy-FS-1-2-Res-2020-10',
    'ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
    'ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04',
    'ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04',
    'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09',
  ],
  // TLS 1.3 only
  ['ELBSecurityPolicy-TLS13-1-3-2021-06', 'ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04', 'ELBSecurityPolicy-TLS13-1-3-PQ-2025-09'],
];

/**
 * The weakest tier that meets EDGE-TLS-POLICY ("TLS 1.2 or later with forward-secret AEAD cipher
 * suites"): a new HTTPS/TLS listener below it weakens the control.
 */
const EDGE_TLS_POLICY_FLOOR = ELB_SSL_POLICY_STRENGTH.length - 2;

/** ELB's policy for an HTTPS/TLS listener that names none. */
const ELB_DEFAULT_SSL_POLICY = 'ELBSecurityPolicy-2016-08';

function sslPolicyRank(policy: unknown): number {
  const name = policy === undefined ? ELB_DEFAULT_SSL_POLICY : policy;
  return ELB_SSL_POLICY_STRENGTH.findIndex((tier) => tier.includes(name as string));
}

/** PostgreSQL's `ssl_min_protocol_version` values, weakest first. */
const PG_TLS_VERSIONS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
/** PostgreSQL 12+ (and so Aurora PostgreSQL) defaults `ssl_min_protocol_version` to TLSv1.2. */
const PG_DEFAULT_TLS = 'TLSv1.2';

/** Server-side encryption algorithms of S3, weakest first. */
const S3_SSE_STRENGTH = [undefined, 'AES256', 'aws:kms', 'aws:kms:dsse'];

// ---------------------------------------------------------------------------------------------
// Structural helpers
// ---------------------------------------------------------------------------------------------


const keepsData = (policy: unknown) => policy === 'Retain' || policy === 'Snapshot' || policy === 'RetainExceptOnCreate';

/** A CloudFormation security group rule (inline or as its own resource). */
export interface SgRule {
  IpProtocol?: string | number;
  FromPort?: number;
  ToPort?: number;
  CidrIp?: unknown;
  CidrIpv6?: unknown;
  SourceSecurityGroupId?: unknown;
  SourcePrefixListId?: unknown;
}

const ADMIN_PORTS = [22, 3389];

/** Whether a security group rule admits TCP `port` (all-protocol rules admit every port). */
function coversPort(rule: SgRule, port: number): boolean {
  const protocol = String(rule.IpProtocol ?? '');
  if (protocol === '-1' || protocol === 'all') return true;
  return (protocol === 'tcp' || protocol === '6') && Number(rule.FromPort) <= port && port <= Number(rule.ToPort);
}

/** The administrative ports (SSH, RDP) a security group rule opens. */
function adminPorts(rule: SgRule): number[] {
  return ADMIN_PORTS.filter((p) => coversPort(rule, p));
}

function sgRuleSource(rule: SgRule): string {
  return show(rule.CidrIp ?? rule.CidrIpv6 ?? rule.SourceSecurityGroupId ?? rule.SourcePrefixListId);
}

function describeAdminRule(rule: SgRule): string {
  return `ingress ${adminPorts(rule).join('/')} from ${sgRuleSource(rule)}`;
}

export const isAnywhere = (cidr: unknown) => cidr === '0.0.0.0/0' || cidr === '::/0';

/** A security group rule that admits an address range (not a security group) on the database port. */
function opensDatabaseToRange(rule: SgRule): boolean {
  if (rule.SourceSecurityGroupId !== undefined) return false;
  return coversPort(rule, DATABASE_PORT) && (rule.CidrIp !== undefined || rule.CidrIpv6 !== undefined || rule.SourcePrefixListId !== undefined);
}

/**
 * The two rules that watch security group ingress for one control: inline rules of an
 * `AWS::EC2::SecurityGroup` and standalone `AWS::EC2::SecurityGroupIngress` resources. Adding a
 * rule that `matches` weakens the control, removing one strengthens it.
 * @param describe the rule in the reviewer's words, before "added"/"removed"
 */
export function ingressRules(control: ControlId, matches: (rule: SgRule) => boolean, describe: (rule: SgRule) => string): ControlRule[] {
  return [
    {
      control,
      resourceTypes: ['AWS::EC2::SecurityGroup'],
      path: ['Properties', 'SecurityGroupIngress'],
      assess: (before: SgRule[] | undefined, after: SgRule[] | undefined) => {
        const [b, a] = [(before ?? []).filter(matches), (after ?? []).filter(matches)];
        return [
          ...a.filter((r) => !b.some((x) => same(x, r))).map((r) => ({ direction: 'weakened' as const, detail: `${describe(r)} added` })),
          ...b.filter((r) => !a.some((x) => same(x, r))).map((r) => ({ direction: 'strengthened' as const, detail: `${describe(r)} removed` })),
        ];
      },
    },
    {
      control,
      resourceTypes: ['AWS::EC2::SecurityGroupIngress'],
      assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
        const b = before?.Properties as SgRule | undefined;
        const a = after?.Properties as SgRule | undefined;
        if (same(b, a)) return undefined;
        if (a !== undefined && matches(a)) return { direction: 'weakened', detail: `${describe(a)} added` };
        if (b !== undefined && matches(b)) return { direction: 'strengthened', detail: `${describe(b)} removed` };
        return undefined;
      },
    },
  ];
}

/** A rule for a load balancer attribute whose `true` enforces the control (`access_logs.s3.enabled`). */
function loadBalancerFlag(control: ControlId, key: string): ControlRule {
  return {
    control,
    resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
    path: ['Properties', 'LoadBalancerAttributes'],
    assess: (before, after) => {
      const [b, a] = [lbAttribute({ LoadBalancerAttributes: before }, key), lbAttribute({ LoadBalancerAttributes: after }, key)];
      if (String(b) === String(a)) return undefined;
      return { direction: byRank(Number(isTrue(b)), Number(isTrue(a))), detail: arrow(key, b, a) };
    },
  };
}

/** A NACL entry that lets anything in or out from anywhere, or that denies. */
function naclEntryDescription(p: Record<string, any>): string {
  const range = p.PortRange ? ` ports ${p.PortRange.From}-${p.PortRange.To}` : '';
  return `${p.Egress ? 'egress' : 'ingress'} rule ${p.RuleNumber} ${p.RuleAction} ${show(p.CidrBlock ?? p.Ipv6CidrBlock)}${range}`;
}

/** The statements of a policy document (`Statement` may be one object or a list). */
export function statementsOf(doc: any): any[] {
  return Array.isArray(doc?.Statement) ? doc.Statement : doc?.Statement ? [doc.Statement] : [];
}

/** Statements of a policy document that let a human principal (an account, a user, a federated identity) in. */
function humanAllowStatements(doc: any): any[] {
  return statementsOf(doc).filter((s: any) => s.Effect === 'Allow' && s.Principal && (s.Principal.AWS !== undefined || s.Principal.Federated !== undefined || s.Principal === '*'));
}

/** The value of one condition key of a statement, under any operator. */
export function conditionValue(statement: any, key: string): unknown {
  for (const operator of Object.values<any>(statement.Condition ?? {})) {
    if (operator && typeof operator === 'object' && key in operator) return operator[key];
  }
  return undefined;
}

/** A trust policy's MFA requirement: `undefined` when no human may assume the role. */
export function mfaRequirement(doc: any): { mfa: boolean; maxAge: number } | undefined {
  const human = humanAllowStatements(doc);
  if (human.length === 0) return undefined;
  const mfa = human.every((s) => isTrue(conditionValue(s, 'aws:MultiFactorAuthPresent')));
  const ages = human.map((s) => Number(conditionValue(s, 'aws:MultiFactorAuthAge') ?? Infinity));
  return { mfa, maxAge: Math.max(...ages) };
}

/** Managed rule groups of a WAF web ACL, and the ones switched to count-only. */
function managedRuleGroups(rules: any[] | undefined): Map<string, boolean> {
  const groups = new Map<string, boolean>();
  for (const rule of rules ?? []) {
    const group = rule?.Statement?.ManagedRuleGroupStatement;
    if (!group) continue;
    groups.set(`${group.VendorName}/${group.Name}`, rule.OverrideAction?.Count === undefined);
  }
  return groups;
}

/** Whether an HTTP listener sends every request on to HTTPS. */
function redirectsToHttps(props: Record<string, any> | undefined): boolean {
  return (props?.DefaultActions ?? []).some((a: any) => a.Type === 'redirect' && a.RedirectConfig?.Protocol === 'HTTPS');
}

/** Backup plan rules by name. */
function backupRules(props: Record<string, any> | undefined): Map<string, any> {
  return new Map((props?.BackupPlan?.BackupPlanRule ?? []).map((r: any) => [String(r.RuleName), r]));
}

/** Retention of a backup rule in days; no lifecycle keeps recovery points forever. */
const keptDays = (rule: any) => Number(rule?.Lifecycle?.DeleteAfterDays ?? Infinity);

/** Whether a policy document denies requests that do not use TLS (`aws:SecureTransport` false). */
export function deniesInsecureTransport(doc: any): boolean {
  return statementsOf(doc).some((st: any) => st.Effect === 'Deny' && String(conditionValue(st, 'aws:SecureTransport')) === 'false');
}

/** One load balancer attribute (`access_logs.s3.enabled`). */
export function lbAttribute(props: Record<string, any> | undefined, key: string): unknown {
  return (props?.LoadBalancerAttributes ?? []).find((a: any) => a.Key === key)?.Value;
}

// ---------------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------------

const PARAMETER_GROUPS = ['AWS::RDS::DBClusterParameterGroup', 'AWS::RDS::DBParameterGroup'];
const DATABASES = ['AWS::RDS::DBCluster', 'AWS::RDS::DBInstance'];
const forcesSsl = (r: TemplateResource) => String(r.Properties?.Parameters?.['rds.force_ssl']) === '1';
const BLOCK_FLAGS = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'];

/** Every control the PR controls diff watches, by the CloudFormation resources that enforce it. */
export const CONTROL_RULES: readonly ControlRule[] = [
  // --- DB-TLS: databases accept TLS connections only --------------------------------------
  {
    control: 'DB-TLS',
    resourceTypes: PARAMETER_GROUPS,
    path: ['Properties', 'Parameters', 'rds.force_ssl'],
    assess: (before, after) => ({
      direction: byRank(Number(String(before) === '1'), Number(String(after) === '1')),
      detail: arrow('rds.force_ssl', before, after),
    }),
  },
  ranked('DB-TLS', PARAMETER_GROUPS, ['Properties', 'Parameters', 'ssl_min_protocol_version'], 'ssl_min_protocol_version', PG_TLS_VERSIONS, PG_DEFAULT_TLS),
  enforcedBy('DB-TLS', PARAMETER_GROUPS, 'parameter group with rds.force_ssl=1', forcesSsl),
  present('DB-TLS', ['AWS::RDS::DBCluster'], ['Properties', 'DBClusterParameterGroupName'], 'DBClusterParameterGroupName'),
  present('DB-TLS', ['AWS::RDS::DBInstance'], ['Properties', 'DBParameterGroupName'], 'DBParameterGroupName'),

  // --- DB-ENCRYPTION-AT-REST --------------------------------------------------------------
  flag('DB-ENCRYPTION-AT-REST', DATABASES, ['Properties', 'StorageEncrypted'], 'StorageEncrypted'),
  present('DB-ENCRYPTION-AT-REST', DATABASES, ['Properties', 'KmsKeyId'], 'KmsKeyId'),
  // An instance that belongs to a cluster inherits the cluster's encryption.
  enforcedBy(
    'DB-ENCRYPTION-AT-REST',
    DATABASES,
    'database',
    (r) => isTrue(r.Properties?.StorageEncrypted) || r.Properties?.DBClusterIdentifier !== undefined,
    'StorageEncrypted',
  ),

  // --- DB-PITR-RETENTION ------------------------------------------------------------------
  // CloudFormation's default BackupRetentionPeriod is 1 day for both clusters and instances.
  atLeast('DB-PITR-RETENTION', DATABASES, ['Properties', 'BackupRetentionPeriod'], 'BackupRetentionPeriod', 1),

  // --- DB-IAM-AUTH ------------------------------------------------------------------------
  flag('DB-IAM-AUTH', DATABASES, ['Properties', 'EnableIAMDatabaseAuthentication'], 'EnableIAMDatabaseAuthentication'),

  // --- FND-ENCRYPTION-AT-REST -------------------------------------------------------------
  flag('FND-ENCRYPTION-AT-REST', ['AWS::KMS::Key'], ['Properties', 'EnableKeyRotation'], 'EnableKeyRotation'),
  // Only symmetric encryption keys can rotate automatically; asymmetric and HMAC keys are not judged.
  enforcedBy(
    'FND-ENCRYPTION-AT-REST',
    ['AWS::KMS::Key'],
    'KMS key',
    (r) => isTrue(r.Properties?.EnableKeyRotation) || !['SYMMETRIC_DEFAULT', undefined].includes(r.Properties?.KeySpec),
    'EnableKeyRotation',
  ),
  present('FND-ENCRYPTION-AT-REST', ['AWS::Logs::LogGroup'], ['Properties', 'KmsKeyId'], 'KmsKeyId'),
  present('FND-ENCRYPTION-AT-REST', ['AWS::SNS::Topic', 'AWS::SQS::Queue'], ['Properties', 'KmsMasterKeyId'], 'KmsMasterKeyId'),
  flag('FND-ENCRYPTION-AT-REST', ['AWS::EFS::FileSystem'], ['Properties', 'Encrypted'], 'Encrypted'),
  {
    control: 'FND-ENCRYPTION-AT-REST',
    resourceTypes: ['AWS::S3::Bucket'],
    path: ['Properties', 'BucketEncryption', 'ServerSideEncryptionConfiguration'],
    assess: (before, after) => {
      const algorithm = (c: any) => c?.[0]?.ServerSideEncryptionByDefault?.SSEAlgorithm;
      const key = (c: any) => c?.[0]?.ServerSideEncryptionByDefault?.KMSMasterKeyID;
      const [b, a] = [algorithm(before), algorithm(after)];
      if (b === a) return key(before) === undefined || key(after) !== undefined ? { direction: 'neutral', detail: arrow('KMSMasterKeyID', key(before), key(after)) } : { direction: 'weakened', detail: `KMSMasterKeyID removed (was ${show(key(before))})` };
      return { direction: byRank(S3_SSE_STRENGTH.indexOf(b), S3_SSE_STRENGTH.indexOf(a)), detail: arrow('SSEAlgorithm', b, a) };
    },
  },

  // --- FND-NO-PUBLIC-BUCKETS --------------------------------------------------------------
  ...BLOCK_FLAGS.map((f) => flag('FND-NO-PUBLIC-BUCKETS', ['AWS::S3::Bucket'], ['Properties', 'PublicAccessBlockConfiguration', f], f)),
  enforcedBy(
    'FND-NO-PUBLIC-BUCKETS',
    ['AWS::S3::Bucket'],
    'bucket',
    (r) => BLOCK_FLAGS.every((f) => isTrue(r.Properties?.PublicAccessBlockConfiguration?.[f])),
    'a full public access block',
  ),

  // --- NET-FLOW-LOGS ----------------------------------------------------------------------
  enforcedBy('NET-FLOW-LOGS', ['AWS::EC2::FlowLog'], 'flow log'),
  {
    control: 'NET-FLOW-LOGS',
    resourceTypes: ['AWS::EC2::FlowLog'],
    path: ['Properties', 'TrafficType'],
    assess: (before, after) => ({
      // ALL records what ACCEPT and REJECT record, and more.
      direction: byRank(Number(before === 'ALL'), Number(after === 'ALL')),
      detail: arrow('TrafficType', before, after),
    }),
  },

  // --- NET-NACLS --------------------------------------------------------------------------
  {
    control: 'NET-NACLS',
    resourceTypes: ['AWS::EC2::NetworkAclEntry'],
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined, kind) => {
      const b = before?.Properties ?? {};
      const a = after?.Properties ?? {};
      const openAllow = (p: Record<string, any>) => p.RuleAction === 'allow' && (isAnywhere(p.CidrBlock) || isAnywhere(p.Ipv6CidrBlock));
      if (kind === 'added') {
        if (a.RuleAction === 'deny') return { direction: 'strengthened', detail: `${naclEntryDescription(a)} added` };
        if (openAllow(a)) return { direction: 'weakened', detail: `${naclEntryDescription(a)} added` };
        return { direction: 'neutral', detail: `${naclEntryDescription(a)} added` };
      }
      if (kind === 'removed') {
        if (b.RuleAction === 'deny') return { direction: 'weakened', detail: `${naclEntryDescription(b)} removed` };
        return { direction: 'strengthened', detail: `${naclEntryDescription(b)} removed` };
      }
      const keys = ['RuleAction', 'CidrBlock', 'Ipv6CidrBlock', 'PortRange', 'Protocol', 'RuleNumber', 'Egress'];
      if (keys.every((k) => same(b[k], a[k]))) return undefined;
      const detail = `${naclEntryDescription(b)} → ${naclEntryDescription(a)}`;
      if (b.RuleAction === 'deny' && a.RuleAction !== 'deny') return { direction: 'weakened', detail };
      if (!openAllow(b) && openAllow(a)) return { direction: 'weakened', detail };
      if (b.RuleAction !== 'deny' && a.RuleAction === 'deny') return { direction: 'strengthened', detail };
      return { direction: 'neutral', detail };
    },
  },
  enforcedBy('NET-NACLS', ['AWS::EC2::SubnetNetworkAclAssociation'], 'subnet NACL association'),

  // --- NET-NO-ADMIN-PORTS -----------------------------------------------------------------
  ...ingressRules('NET-NO-ADMIN-PORTS', (r) => adminPorts(r).length > 0, describeAdminRule),

  // --- DB-NETWORK-ACCESS ------------------------------------------------------------------
  // The databases admit only security groups (the workload's); a rule that opens the database
  // port to an address range (0.0.0.0/0, a CIDR, a prefix list) bypasses that.
  ...ingressRules('DB-NETWORK-ACCESS', opensDatabaseToRange, (r) => `ingress ${DATABASE_PORT} from ${sgRuleSource(r)}`),

  // --- EDGE-TLS-POLICY --------------------------------------------------------------------
  {
    control: 'EDGE-TLS-POLICY',
    resourceTypes: ['AWS::ElasticLoadBalancingV2::Listener'],
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined, kind) => {
      const tls = (r?: TemplateResource) => r !== undefined && ['HTTPS', 'TLS'].includes(r.Properties?.Protocol);
      const policy = (r?: TemplateResource) => r?.Properties?.SslPolicy;
      if (kind === 'removed' || !tls(after)) return undefined;
      const unknown = sslPolicyRank(policy(after)) < 0 ? ' (not in the strength table: ranked weakest)' : '';
      if (!tls(before)) {
        const meetsFloor = sslPolicyRank(policy(after)) >= EDGE_TLS_POLICY_FLOOR;
        return {
          direction: meetsFloor ? 'strengthened' : 'weakened',
          detail: `${after!.Properties?.Protocol} listener added with SslPolicy ${show(policy(after) ?? ELB_DEFAULT_SSL_POLICY)}${meetsFloor ? '' : ', below TLS 1.2 with forward-secret AEAD ciphers only'}${unknown}`,
        };
      }
      if (policy(before) === policy(after)) return undefined;
      return { direction: byRank(sslPolicyRank(policy(before)), sslPolicyRank(policy(after))), detail: `${arrow('SslPolicy', policy(before), policy(after))}${unknown}` };
    },
  },

  // --- EDGE-HTTPS-ONLY --------------------------------------------------------------------
  {
    control: 'EDGE-HTTPS-ONLY',
    resourceTypes: ['AWS::ElasticLoadBalancingV2::Listener'],
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
      const plain = (r?: TemplateResource) => r !== undefined && r.Properties?.Protocol === 'HTTP';
      const open = (r?: TemplateResource) => plain(r) && !redirectsToHttps(r!.Properties);
      const port = (r?: TemplateResource) => r?.Properties?.Port;
      if (open(after) && !open(before)) {
        return { direction: 'weakened', detail: before === undefined || !plain(before) ? `HTTP listener on port ${port(after)} serves without redirecting to HTTPS` : `HTTP listener on port ${port(after)} no longer redirects to HTTPS` };
      }
      if (open(before) && !open(after)) return { direction: 'strengthened', detail: `HTTP listener on port ${port(before)} ${after === undefined ? 'removed' : 'now redirects to HTTPS'}` };
      return undefined;
    },
  },

  // --- EDGE-WAF ---------------------------------------------------------------------------
  enforcedBy('EDGE-WAF', ['AWS::WAFv2::WebACLAssociation'], 'web ACL association'),
  {
    control: 'EDGE-WAF',
    resourceTypes: ['AWS::WAFv2::WebACL'],
    path: ['Properties', 'Rules'],
    assess: (before: any[] | undefined, after: any[] | undefined) => {
      const [b, a] = [managedRuleGroups(before), managedRuleGroups(after)];
      const out: Verdict[] = [];
      for (const [name, blocking] of b) {
        if (!a.has(name)) out.push({ direction: 'weakened', detail: `managed rule group ${name} removed` });
        else if (blocking && !a.get(name)) out.push({ direction: 'weakened', detail: `managed rule group ${name} switched to count only` });
        else if (!blocking && a.get(name)) out.push({ direction: 'strengthened', detail: `managed rule group ${name} now blocks` });
      }
      for (const name of a.keys()) if (!b.has(name)) out.push({ direction: 'strengthened', detail: `managed rule group ${name} added` });
      return out;
    },
  },
  {
    control: 'EDGE-WAF',
    resourceTypes: ['AWS::WAFv2::WebACL'],
    path: ['Properties', 'DefaultAction'],
    assess: (before, after) => ({
      direction: byRank(Number(before?.Block !== undefined), Number(after?.Block !== undefined)),
      detail: arrow('DefaultAction', Object.keys(before ?? {})[0], Object.keys(after ?? {})[0]),
    }),
  },

  // --- IAM-MFA-ROLES ----------------------------------------------------------------------
  {
    control: 'IAM-MFA-ROLES',
    resourceTypes: ['AWS::IAM::Role'],
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined, kind) => {
      const b = mfaRequirement(before?.Properties?.AssumeRolePolicyDocument);
      const a = mfaRequirement(after?.Properties?.AssumeRolePolicyDocument);
      if (kind === 'removed' || a === undefined) return undefined;
      if (b === undefined) return a.mfa ? undefined : { direction: 'weakened', detail: 'role assumable by people without aws:MultiFactorAuthPresent added' };
      if (b.mfa && !a.mfa) return { direction: 'weakened', detail: 'trust policy lost aws:MultiFactorAuthPresent' };
      if (!b.mfa && a.mfa) return { direction: 'strengthened', detail: 'trust policy now requires aws:MultiFactorAuthPresent' };
      if (a.mfa && a.maxAge !== b.maxAge) {
        return { direction: byRank(-b.maxAge, -a.maxAge), detail: arrow('aws:MultiFactorAuthAge', Number.isFinite(b.maxAge) ? b.maxAge : undefined, Number.isFinite(a.maxAge) ? a.maxAge : undefined) };
      }
      return undefined;
    },
  },

  // --- BAK-TIERS --------------------------------------------------------------------------
  enforcedBy('BAK-TIERS', ['AWS::Backup::BackupPlan'], 'backup plan'),
  {
    control: 'BAK-TIERS',
    resourceTypes: ['AWS::Backup::BackupPlan'],
    path: ['Properties'],
    assess: (before, after) => {
      const [b, a] = [backupRules(before), backupRules(after)];
      const out: Verdict[] = [];
      for (const [name, rule] of b) {
        const now = a.get(name);
        if (!now) out.push({ direction: 'weakened', detail: `backup rule ${name} removed` });
        else if (keptDays(now) !== keptDays(rule)) out.push({ direction: byRank(keptDays(rule), keptDays(now)), detail: arrow(`${name} DeleteAfterDays`, rule.Lifecycle?.DeleteAfterDays, now.Lifecycle?.DeleteAfterDays) });
        else if (rule.ScheduleExpression !== now.ScheduleExpression) out.push({ direction: 'neutral', detail: arrow(`${name} ScheduleExpression`, rule.ScheduleExpression, now.ScheduleExpression) });
      }
      for (const name of a.keys()) if (!b.has(name)) out.push({ direction: 'strengthened', detail: `backup rule ${name} added` });
      return out;
    },
  },
  enforcedBy('BAK-SELECTIONS', ['AWS::Backup::BackupSelection'], 'backup selection'),

  // --- BAK-PITR ---------------------------------------------------------------------------
  {
    control: 'BAK-PITR',
    resourceTypes: ['AWS::Backup::BackupPlan'],
    path: ['Properties'],
    assess: (before, after) => {
      const [b, a] = [backupRules(before), backupRules(after)];
      const continuous = (m: Map<string, any>) => [...m.values()].some((r) => isTrue(r.EnableContinuousBackup));
      if (continuous(b) === continuous(a)) return undefined;
      return { direction: continuous(a) ? 'strengthened' : 'weakened', detail: `continuous backup ${continuous(a) ? 'enabled' : 'disabled'}` };
    },
  },

  // --- FND-TLS-IN-TRANSIT -----------------------------------------------------------------
  {
    control: 'FND-TLS-IN-TRANSIT',
    resourceTypes: ['AWS::S3::BucketPolicy', 'AWS::SNS::TopicPolicy', 'AWS::SQS::QueuePolicy'],
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined) => {
      const [b, a] = [deniesInsecureTransport(before?.Properties?.PolicyDocument), deniesInsecureTransport(after?.Properties?.PolicyDocument)];
      if (b === a) return undefined;
      return a ? { direction: 'strengthened', detail: 'policy now denies requests without TLS (aws:SecureTransport)' } : { direction: 'weakened', detail: `policy ${after ? 'no longer denies' : 'that denied'} requests without TLS (aws:SecureTransport)${after ? '' : ' removed'}` };
    },
  },

  // --- DB-AUDIT-LOGGING -------------------------------------------------------------------
  {
    control: 'DB-AUDIT-LOGGING',
    resourceTypes: DATABASES,
    path: ['Properties', 'EnableCloudwatchLogsExports'],
    assess: (before: string[] | undefined, after: string[] | undefined) => [
      ...(before ?? []).filter((l) => !(after ?? []).includes(l)).map((l) => ({ direction: 'weakened' as const, detail: `log export ${l} removed` })),
      ...(after ?? []).filter((l) => !(before ?? []).includes(l)).map((l) => ({ direction: 'strengthened' as const, detail: `log export ${l} added` })),
    ],
  },

  // --- NET-DEFAULT-SG-CLOSED --------------------------------------------------------------
  enforcedBy('NET-DEFAULT-SG-CLOSED', ['Custom::VpcRestrictDefaultSG'], 'default security group restriction'),

  // --- EDGE-WAF-LOGGING, EDGE-DDOS-SHIELD, EDGE-ALB-ACCESS-LOGS ----------------------------
  enforcedBy('EDGE-WAF-LOGGING', ['AWS::WAFv2::LoggingConfiguration'], 'WAF logging configuration'),
  enforcedBy('EDGE-DDOS-SHIELD', ['AWS::Shield::Protection'], 'Shield Advanced protection'),
  loadBalancerFlag('EDGE-ALB-ACCESS-LOGS', 'access_logs.s3.enabled'),

  // --- FND-STATEFUL-RETAIN: deletion protection -------------------------------------------
  flag('FND-STATEFUL-RETAIN', ['AWS::RDS::DBCluster', 'AWS::RDS::DBInstance'], ['Properties', 'DeletionProtection'], 'DeletionProtection'),
  loadBalancerFlag('FND-STATEFUL-RETAIN', 'deletion_protection.enabled'),

  // --- DATA-VERSIONED-RETENTION, DATA-BUCKET-ACCESS-LOGS ----------------------------------
  ranked('DATA-VERSIONED-RETENTION', ['AWS::S3::Bucket'], ['Properties', 'VersioningConfiguration', 'Status'], 'VersioningConfiguration.Status', ['Suspended', 'Enabled'], 'Suspended'),
  present('DATA-BUCKET-ACCESS-LOGS', ['AWS::S3::Bucket'], ['Properties', 'LoggingConfiguration'], 'LoggingConfiguration'),

  // --- DB-CREDENTIAL-ROTATION -------------------------------------------------------------
  // The RDS-managed secret rotates on its own; without it the master password is a static one.
  flag('DB-CREDENTIAL-ROTATION', ['AWS::RDS::DBCluster', 'AWS::RDS::DBInstance'], ['Properties', 'ManageMasterUserPassword'], 'ManageMasterUserPassword'),

  // --- WL-PRIVATE-TASKS -------------------------------------------------------------------
  ranked('WL-PRIVATE-TASKS', ['AWS::ECS::Service'], ['Properties', 'NetworkConfiguration', 'AwsvpcConfiguration', 'AssignPublicIp'], 'AssignPublicIp', ['ENABLED', 'DISABLED'], 'DISABLED'),

  // --- SIGNIN-PASSWORD-POLICY -------------------------------------------------------------
  atLeast('SIGNIN-PASSWORD-POLICY', ['AWS::Cognito::UserPool'], ['Properties', 'Policies', 'PasswordPolicy', 'MinimumLength'], 'PasswordPolicy.MinimumLength', 8),

  // --- INC-ALERT-TOPICS -------------------------------------------------------------------
  present('INC-ALERT-TOPICS', ['AWS::SNS::Topic'], ['Properties', 'KmsMasterKeyId'], 'KmsMasterKeyId'),

  // --- AUD-CLOUDTRAIL, AUD-DATA-EVENTS ----------------------------------------------------
  enforcedBy('AUD-CLOUDTRAIL', ['AWS::CloudTrail::Trail'], 'trail'),
  flag('AUD-CLOUDTRAIL', ['AWS::CloudTrail::Trail'], ['Properties', 'IsLogging'], 'IsLogging'),
  flag('AUD-CLOUDTRAIL', ['AWS::CloudTrail::Trail'], ['Properties', 'IsMultiRegionTrail'], 'IsMultiRegionTrail'),
  flag('AUD-CLOUDTRAIL', ['AWS::CloudTrail::Trail'], ['Properties', 'EnableLogFileValidation'], 'EnableLogFileValidation'),
  present('AUD-CLOUDTRAIL', ['AWS::CloudTrail::Trail'], ['Properties', 'KMSKeyId'], 'KMSKeyId'),
  present('AUD-DATA-EVENTS', ['AWS::CloudTrail::Trail'], ['Properties', 'EventSelectors'], 'EventSelectors'),
  present('AUD-DATA-EVENTS', ['AWS::CloudTrail::Trail'], ['Properties', 'AdvancedEventSelectors'], 'AdvancedEventSelectors'),

  // --- MON-* and IAM-ACCESS-ANALYZER: services whose presence is the control --------------
  enforcedBy('MON-GUARDDUTY', ['AWS::GuardDuty::Detector'], 'GuardDuty detector'),
  flag('MON-GUARDDUTY', ['AWS::GuardDuty::Detector'], ['Properties', 'Enable'], 'Enable'),
  enforcedBy('MON-SECURITY-HUB', ['AWS::SecurityHub::Hub', 'AWS::SecurityHub::Standard'], 'Security Hub hub or standard'),
  enforcedBy('MON-CONFIG-RULES', ['AWS::Config::ConfigurationRecorder', 'AWS::Config::DeliveryChannel', 'AWS::Config::ConfigRule', 'AWS::Config::ConformancePack'], 'AWS Config recorder, channel, rule or pack'),
  enforcedBy('IAM-ACCESS-ANALYZER', ['AWS::AccessAnalyzer::Analyzer'], 'access analyzer'),

  // --- BAK-VAULT-ENCRYPTED, BAK-VAULT-LOCK, BAK-RESTORE-TESTING ---------------------------
  present('BAK-VAULT-ENCRYPTED', ['AWS::Backup::BackupVault'], ['Properties', 'EncryptionKeyArn'], 'EncryptionKeyArn'),
  present('BAK-VAULT-LOCK', ['AWS::Backup::BackupVault'], ['Properties', 'LockConfiguration'], 'LockConfiguration'),
  atLeast('BAK-VAULT-LOCK', ['AWS::Backup::BackupVault'], ['Properties', 'LockConfiguration', 'MinRetentionDays'], 'MinRetentionDays', 0),
  {
    control: 'BAK-VAULT-LOCK',
    resourceTypes: ['AWS::Backup::BackupVault'],
    path: ['Properties', 'AccessPolicy'],
    assess: (before, after) => {
      const deniesDelete = (doc: any) =>
        statementsOf(doc).some((st) => st.Effect === 'Deny' && [st.Action].flat().some((a: unknown) => ['backup:DeleteRecoveryPoint', 'backup:*', '*'].includes(a as string)));
      if (deniesDelete(before) === deniesDelete(after)) return undefined;
      return { direction: deniesDelete(after) ? 'strengthened' : 'weakened', detail: `access policy ${deniesDelete(after) ? 'now denies' : 'no longer denies'} backup:DeleteRecoveryPoint` };
    },
  },
  enforcedBy('BAK-RESTORE-TESTING', ['AWS::Backup::RestoreTestingPlan', 'AWS::Backup::RestoreTestingSelection'], 'restore testing plan or selection'),

  // --- SIGNIN-MFA, SIGNIN-THREAT-PROTECTION -----------------------------------------------
  ranked('SIGNIN-MFA', ['AWS::Cognito::UserPool'], ['Properties', 'MfaConfiguration'], 'MfaConfiguration', ['OFF', 'OPTIONAL', 'ON'], 'OFF'),
  ranked('SIGNIN-THREAT-PROTECTION', ['AWS::Cognito::UserPool'], ['Properties', 'UserPoolAddOns', 'AdvancedSecurityMode'], 'AdvancedSecurityMode', ['OFF', 'AUDIT', 'ENFORCED'], 'OFF'),

  // --- LOG-ENCRYPTED-RETAINED -------------------------------------------------------------
  // A log group without RetentionInDays keeps events forever.
  atLeast('LOG-ENCRYPTED-RETAINED', ['AWS::Logs::LogGroup'], ['Properties', 'RetentionInDays'], 'RetentionInDays', Infinity),
  present('LOG-ENCRYPTED-RETAINED', ['AWS::Logs::LogGroup'], ['Properties', 'KmsKeyId'], 'KmsKeyId'),
  enforcedBy('LOG-ENCRYPTED-RETAINED', ['AWS::Logs::LogGroup'], 'log group', (r) => r.Properties?.KmsKeyId !== undefined, 'KmsKeyId'),

  // --- FND-STATEFUL-RETAIN ----------------------------------------------------------------
  {
    control: 'FND-STATEFUL-RETAIN',
    resourceTypes: STATEFUL_RESOURCE_TYPES,
    assess: (before: TemplateResource | undefined, after: TemplateResource | undefined, kind) => {
      // An Aurora cluster's member instances hold no data of their own (isStateful).
      const resource = (after ?? before)!;
      if (!isStateful(resource.Type, resource.Properties)) return undefined;
      if (kind === 'removed') return { direction: 'weakened', detail: `${before!.Type} removed (${keepsData(before!.DeletionPolicy) ? `DeletionPolicy ${before!.DeletionPolicy} keeps the data, but it leaves the stack` : 'its data is deleted'})` };
      if (kind === 'added') return keepsData(after!.DeletionPolicy) ? undefined : { direction: 'weakened', detail: `${after!.Type} added with DeletionPolicy ${show(after!.DeletionPolicy ?? 'Delete')}` };
      const out: Verdict[] = [];
      if (kind === 'replaced') out.push({ direction: 'weakened', detail: `${after!.Type} will be replaced (a new physical resource; the old one's data stays behind only if UpdateReplacePolicy keeps it)` });
      for (const attribute of ['DeletionPolicy', 'UpdateReplacePolicy'] as const) {
        const [b, a] = [before![attribute], after![attribute]];
        if (b !== a) out.push({ direction: byRank(Number(keepsData(b)), Number(keepsData(a))), detail: arrow(attribute, b ?? 'Delete', a ?? 'Delete') });
      }
      return out;
    },
  },
  ...AREA_A_RULES,
];
