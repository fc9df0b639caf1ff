/**
 * Custom resource handler for the IAM account password policy (IAM-PASSWORD-POLICY).
 *
 * CloudFormation has no resource for the account password policy, so this handler applies it:
 * - Create reads the policy in force (`iam:GetAccountPasswordPolicy`), applies the requested one
 *   and keeps the previous policy in the physical resource ID (base64url JSON, a few hundred
 *   bytes; CloudFormation stores it and hands it back on every later event, so no other state
 *   store is needed).
 * - Update applies the new properties and keeps the physical ID, so the original policy is
 *   still the one restored.
 * - Delete restores the previous policy, or deletes the policy if the account had none.
 *   A physical ID this handler did not write (a failed create) leaves the account untouched.
 *
 * It answers CloudFormation itself by a PUT to the pre-signed response URL (the plain
 * `CustomResource` protocol: no provider framework, so no extra functions or roles).
 */
import {
  DeleteAccountPasswordPolicyCommand,
  GetAccountPasswordPolicyCommand,
  IAMClient,
  NoSuchEntityException,
  UpdateAccountPasswordPolicyCommand,
  type PasswordPolicy,
  type UpdateAccountPasswordPolicyCommandInput,
} from '@aws-sdk/client-iam';
import type { CloudFormationCustomResourceEvent, Context } from 'aws-lambda';

const iam = new IAMClient({});

/** Prefix of the physical IDs this handler writes; what follows is the previous policy. */
export const PHYSICAL_ID_PREFIX = 'account-password-policy:';
/** Physical ID reported when a create fails; Delete of it does nothing. */
export const FAILED_PHYSICAL_ID = 'account-password-policy-not-applied';

/** The fields of a policy that `UpdateAccountPasswordPolicy` takes. */
type PolicyInput = UpdateAccountPasswordPolicyCommandInput;

/** The outcome of one event: the physical ID to report. */
export interface Outcome {
  readonly physicalResourceId: string;
}

/** Encodes the policy in force before create (`null`: none) into a physical ID. */
export function encodePrevious(previous: PolicyInput | null): string {
  return PHYSICAL_ID_PREFIX + Buffer.from(JSON.stringify(previous), 'utf8').toString('base64url');
}

/** Decodes a physical ID; `undefined` when this handler did not write it. */
export function decodePrevious(physicalId: string): PolicyInput | null | undefined {
  if (!physicalId.startsWith(PHYSICAL_ID_PREFIX)) return undefined;
  try {
    return JSON.parse(Buffer.from(physicalId.slice(PHYSICAL_ID_PREFIX.length), 'base64url').toString('utf8')) as PolicyInput | null;
  } catch {
    return undefined;
  }
}

/** Handles one custom resource event and answers CloudFormation. */
export async function handler(event: CloudFormationCustomResourceEvent, context: Context): Promise<void> {
  let body: Record<string, unknown>;
  try {
    const outcome = await onEvent(event);
    body = { Status: 'SUCCESS', PhysicalResourceId: outcome.physicalResourceId };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    console.error(JSON.stringify({ requestType: event.RequestType, error: message }));
    body = {
      Status: 'FAILED',
      Reason: `${message} (log stream ${context.logStreamName})`,
      PhysicalResourceId: 'PhysicalResourceId' in event ? event.PhysicalResourceId : FAILED_PHYSICAL_ID,
    };
  }
  await respond(event, body);
}

/** Applies one event to the account. Throws on failure; `handler` reports it. */
export async function onEvent(event: CloudFormationCustomResourceEvent): Promise<Outcome> {
  switch (event.RequestType) {
    case 'Create': {
      const previous = await readPolicy();
      await iam.send(new UpdateAccountPasswordPolicyCommand(desiredPolicy(event.ResourceProperties)));
      return { physicalResourceId: encodePrevious(previous) };
    }
    case 'Update':
      await iam.send(new UpdateAccountPasswordPolicyCommand(desiredPolicy(event.ResourceProperties)));
      return { physicalResourceId: event.PhysicalResourceId };
    case 'Delete': {
      const previous = decodePrevious(event.PhysicalResourceId);
      if (previous === null) {
        await deletePolicy();
      } else if (previous !== undefined) {
        await iam.send(new UpdateAccountPasswordPolicyCommand(previous));
      }
      return { physicalResourceId: event.PhysicalResourceId };
    }
    default:
      throw new Error(`unknown request type ${JSON.stringify((event as { RequestType?: unknown }).RequestType)}`);
  }
}

/** The policy in force, as an update input; `null` when the account has none. */
async function readPolicy(): Promise<PolicyInput | null> {
  try {
    const { PasswordPolicy: p } = await iam.send(new GetAccountPasswordPolicyCommand({}));
    return p ? toInput(p) : null;
  } catch (e) {
    if (e instanceof NoSuchEntityException || (e as { name?: string }).name === 'NoSuchEntityException') return null;
    throw e;
  }
}

async function deletePolicy(): Promise<void> {
  try {
    await iam.send(new DeleteAccountPasswordPolicyCommand({}));
  } catch (e) {
    // Someone removed it already: the account is where it was before the create.
    if (!(e instanceof NoSuchEntityException || (e as { name?: string }).name === 'NoSuchEntityException')) throw e;
  }
}

/** Keeps the fields an update takes (drops the derived `ExpirePasswords`) and omits unset ones. */
function toInput(p: PasswordPolicy): PolicyInput {
  const input: PolicyInput = {
    MinimumPasswordLength: p.MinimumPasswordLength,
    RequireSymbols: p.RequireSymbols,
    RequireNumbers: p.RequireNumbers,
    RequireUppercaseCharacters: p.RequireUppercaseCharacters,
    RequireLowercaseCharacters: p.RequireLowercaseCharacters,
    AllowUsersToChangePassword: p.AllowUsersToChangePassword,
    MaxPasswordAge: p.MaxPasswordAge,
    PasswordReusePrevention: p.PasswordReusePrevention,
    HardExpiry: p.HardExpiry,
  };
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as PolicyInput;
}

const INTEGER_FIELDS = ['MinimumPasswordLength', 'MaxPasswordAge', 'PasswordReusePrevention'] as const;
const BOOLEAN_FIELDS = [
  'RequireSymbols',
  'RequireNumbers',
  'RequireUppercaseCharacters',
  'RequireLowercaseCharacters',
  'AllowUsersToChangePassword',
  'HardExpiry',
] as const;

/**
 * The requested policy from the resource properties. CloudFormation passes every property value
 * as a string ("14", "true"), so each is parsed and a malformed one fails the deployment.
 */
export function desiredPolicy(props: Record<string, unknown>): PolicyInput {
  const policy: Record<string, number | boolean> = {};
  for (const field of INTEGER_FIELDS) {
    const raw = props[field];
    const value = Number(raw);
    if (raw === undefined || raw === '' || !Number.isInteger(value)) throw new Error(`${field}: got ${JSON.stringify(raw)}, expected an integer`);
    policy[field] = value;
  }
  for (const field of BOOLEAN_FIELDS) {
    const raw = props[field];
    if (raw !== true && raw !== false && raw !== 'true' && raw !== 'false') throw new Error(`${field}: got ${JSON.stringify(raw)}, expected true or false`);
    policy[field] = raw === true || raw === 'true';
  }
  return policy as PolicyInput;
}

/** Sends the response document to CloudFormation's pre-signed S3 URL. */
async function respond(event: CloudFormationCustomResourceEvent, body: Record<string, unknown>): Promise<void> {
  const document = JSON.stringify({ ...body, StackId: event.StackId, RequestId: event.RequestId, LogicalResourceId: event.LogicalResourceId });
  // The pre-signed URL was signed without a content type: sending one breaks the signature.
  const res = await fetch(event.ResponseURL, { method: 'PUT', body: document, headers: { 'content-type': '' } });
  if (!res.ok) throw new Error(`CloudFormation response rejected: HTTP ${res.status}`);
}
