/**
 * Read access to the assembly that `global-setup.ts` synthesized once for the whole run.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Template } from 'aws-cdk-lib/assertions';
import type { AcknowledgedFinding, Finding } from '../../lib/report/findings';
import { readFindings } from '../../lib/report/findings';

/** One synthesized stack, as the assembly manifest describes it. */
export interface StackInfo {
  id: string;
  templateFile: string;
  terminationProtection: boolean;
  account: string;
  region: string;
  /** Ids of the stacks of the same assembly this one depends on. */
  dependencies: string[];
}

interface Index {
  synthMs: number;
  environments: Array<{ name: string; stacks: Array<StackInfo> }>;
}

function dir(): string {
  const d = process.env.SSB_SYNTH_DIR;
  if (!d) throw new Error('SSB_SYNTH_DIR is not set: run the tests through jest (globalSetup synthesizes the app)');
  return d;
}

let index: Index | undefined;
const templates = new Map<string, Template>();

/** Names of the synthesized environments and their stacks. */
export function synthIndex(): Index {
  index ??= JSON.parse(fs.readFileSync(path.join(dir(), 'index.json'), 'utf8')) as Index;
  return index;
}

/** Environment names of the reference fixture (test/fixtures/config/reference.yaml), in file order. */
export const ENV_NAMES = ['staging', 'production'] as const;

/** The raw template JSON of one stack. */
export function templateJson(env: string, stackId: string): Record<string, any> {
  const e = synthIndex().environments.find((x) => x.name === env);
  const s = e?.stacks.find((x) => x.id === stackId);
  if (!s) throw new Error(`no stack ${env}/${stackId}; have ${JSON.stringify(synthIndex().environments.map((x) => [x.name, x.stacks.map((y) => y.id)]))}`);
  return JSON.parse(fs.readFileSync(s.templateFile, 'utf8'));
}

/** The assertions `Template` of one stack, parsed once per test file. */
export function template(env: string, stackId: string): Template {
  const key = `${env}/${stackId}`;
  if (!templates.has(key)) templates.set(key, Template.fromJSON(templateJson(env, stackId)));
  return templates.get(key)!;
}

/** Every stack of every environment. */
export function allStacks(): Array<StackInfo & { env: string; stackId: string }> {
  return synthIndex().environments.flatMap((e) => e.stacks.map((s) => ({ ...s, env: e.name, stackId: s.id })));
}

/** Every resource of every stack, with where it lives: for rules that hold across the deployment. */
export function allResources(): Array<{ env: string; stackId: string; logicalId: string; type: string; props: any; resource: any }> {
  return allStacks().flatMap(({ env, stackId }) =>
    Object.entries<any>(templateJson(env, stackId).Resources ?? {}).map(([logicalId, resource]) => ({
      env,
      stackId,
      logicalId,
      type: resource.Type,
      props: resource.Properties ?? {},
      resource,
    })),
  );
}

/** Open findings of every pack. */
export function findings(): Finding[] {
  return readFindings(dir());
}

/** Every acknowledgement on the construct tree. */
export function acknowledgements(): AcknowledgedFinding[] {
  return JSON.parse(fs.readFileSync(path.join(dir(), 'acknowledgements.json'), 'utf8'));
}

/**
 * The name a cross-stack reference reads: the output name of a weak reference
 * (`Fn::GetStackOutput`, cdk.json's `defaultCrossStackReferences: weak`) or the export name of an
 * `Fn::ImportValue`; '' for anything else. Both embed the referenced construct's logical ID.
 */
export function crossStackRef(value: any): string {
  return value?.['Fn::GetStackOutput']?.OutputName ?? value?.['Fn::ImportValue'] ?? '';
}

/**
 * Every statement of the customer-managed policies attached to a role, whichever side attaches
 * them (the role's ManagedPolicyArns, or the policy's Roles list as ManagedPolicyRole does).
 */
export function grantsOfRole(env: string, stackId: string, roleId: string): any[] {
  const resources = templateJson(env, stackId).Resources;
  const byRole = (resources[roleId].Properties.ManagedPolicyArns ?? []).filter((arn: any) => arn.Ref).map((arn: any) => arn.Ref);
  const byPolicy = Object.entries<any>(resources)
    .filter(([, r]) => r.Type === 'AWS::IAM::ManagedPolicy' && (r.Properties.Roles ?? []).some((x: any) => x.Ref === roleId))
    .map(([id]) => id);
  return [...byRole, ...byPolicy].flatMap((id: string) => resources[id].Properties.PolicyDocument.Statement);
}
