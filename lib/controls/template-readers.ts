/**
 * Readers of synthesized CloudFormation templates, shared by the controls diff's rules, the
 * evidence selectors of the catalog and the tests: what a policy document, a security group
 * rule, a listener, a web ACL or a backup plan says, in the terms a control cares about.
 */
import { isTrue } from '../nag/utils/references';
import { ADMIN_PORTS, DATABASE_PORT } from '../constants/ports';
import { POSTGRES_TLS_PARAMETERS } from '../constants/postgres-tls';

/** `true` for CloudFormation's spellings of true (booleans arrive as strings from some tools). */
export { isTrue };

/** A CloudFormation resource as it appears in a template. */
export interface TemplateResource {
  readonly Type: string;
  readonly Properties?: Record<string, any>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
  readonly [key: string]: any;
}

// ---------------------------------------------------------------------------------------------
// Policy documents
// ---------------------------------------------------------------------------------------------

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

/** Whether a policy document denies requests that do not use TLS (`aws:SecureTransport` false). */
export function deniesInsecureTransport(doc: any): boolean {
  return statementsOf(doc).some((st: any) => st.Effect === 'Deny' && String(conditionValue(st, 'aws:SecureTransport')) === 'false');
}

// ---------------------------------------------------------------------------------------------
// Security group rules
// ---------------------------------------------------------------------------------------------

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

/** Whether a security group rule admits TCP `port` (all-protocol rules admit every port). */
export function coversPort(rule: SgRule, port: number): boolean {
  const protocol = String(rule.IpProtocol ?? '');
  if (protocol === '-1' || protocol === 'all') return true;
  return (protocol === 'tcp' || protocol === '6') && Number(rule.FromPort) <= port && port <= Number(rule.ToPort);
}

/** The administrative ports (SSH, RDP) a security group rule opens. */
export function adminPorts(rule: SgRule): number[] {
  return ADMIN_PORTS.filter((p) => coversPort(rule, p));
}

export const isAnywhere = (cidr: unknown) => cidr === '0.0.0.0/0' || cidr === '::/0';

/** A security group rule that admits an address range (not a security group) on the database port. */
export function opensDatabaseToRange(rule: SgRule): boolean {
  if (rule.SourceSecurityGroupId !== undefined) return false;
  return coversPort(rule, DATABASE_PORT) && (rule.CidrIp !== undefined || rule.CidrIpv6 !== undefined || rule.SourcePrefixListId !== undefined);
}

// ---------------------------------------------------------------------------------------------
// Load balancers, web ACLs, databases, backups
// ---------------------------------------------------------------------------------------------

/** One load balancer attribute (`access_logs.s3.enabled`). */
export function lbAttribute(props: Record<string, any> | undefined, key: string): unknown {
  return (props?.LoadBalancerAttributes ?? []).find((a: any) => a.Key === key)?.Value;
}

/** Whether an HTTP listener sends every request on to HTTPS. */
export function redirectsToHttps(props: Record<string, any> | undefined): boolean {
  return (props?.DefaultActions ?? []).some((a: any) => a.Type === 'redirect' && a.RedirectConfig?.Protocol === 'HTTPS');
}

/** Managed rule groups of a WAF web ACL, each with whether it blocks (`false`: switched to count only). */
export function managedRuleGroups(rules: any[] | undefined): Map<string, boolean> {
  const groups = new Map<string, boolean>();
  for (const rule of rules ?? []) {
    const group = rule?.Statement?.ManagedRuleGroupStatement;
    if (!group) continue;
    groups.set(`${group.VendorName}/${group.Name}`, rule.OverrideAction?.Count === undefined);
  }
  return groups;
}

/** The event sources an EventBridge pattern matches (`aws.backup`). */
export const sourcesOf = (pattern: any): string[] => [pattern?.source].flat().filter(Boolean);

/** A parameter group that makes PostgreSQL refuse connections without TLS. */
export const forcesSsl = (r: TemplateResource) => String(r.Properties?.Parameters?.['rds.force_ssl']) === POSTGRES_TLS_PARAMETERS['rds.force_ssl'];

/** Backup plan rules by name. */
export function backupRules(props: Record<string, any> | undefined): Map<string, any> {
  return new Map((props?.BackupPlan?.BackupPlanRule ?? []).map((r: any) => [String(r.RuleName), r]));
}

/** Retention of a backup rule in days; no lifecycle keeps recovery points forever. */
export const keptDays = (rule: any) => Number(rule?.Lifecycle?.DeleteAfterDays ?? Infinity);

/** Whether a DeletionPolicy or UpdateReplacePolicy keeps the resource's data. */
export const keepsData = (policy: unknown) => policy === 'Retain' || policy === 'Snapshot' || policy === 'RetainExceptOnCreate';
