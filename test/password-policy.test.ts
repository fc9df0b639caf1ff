/**
 * Unit tests of the password-policy custom resource handler (IAM-PASSWORD-POLICY), with the IAM
 * client mocked by aws-sdk-client-mock and CloudFormation's response URL by a fetch stub.
 */
import {
  DeleteAccountPasswordPolicyCommand,
  GetAccountPasswordPolicyCommand,
  IAMClient,
  NoSuchEntityException,
  UpdateAccountPasswordPolicyCommand,
} from '@aws-sdk/client-iam';
import type { CloudFormationCustomResourceEvent, Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import {
  decodePrevious,
  encodePrevious,
  FAILED_PHYSICAL_ID,
  handler,
  PHYSICAL_ID_PREFIX,
} from '../lib/lambda/password-policy';

const iam = mockClient(IAMClient);
const fetchMock = jest.fn();

/** The properties as CloudFormation delivers them: every value a string. */
const PROPS = {
  ServiceToken: 'arn:aws:lambda:ap-southeast-1:111111111111:function:handler',
  MinimumPasswordLength: '14',
  RequireSymbols: 'true',
  RequireNumbers: 'true',
  RequireUppercaseCharacters: 'true',
  RequireLowercaseCharacters: 'true',
  AllowUsersToChangePassword: 'true',
  PasswordReusePrevention: '24',
  MaxPasswordAge: '90',
  HardExpiry: 'false',
};

const APPLIED = {
  MinimumPasswordLength: 14,
  MaxPasswordAge: 90,
  PasswordReusePrevention: 24,
  RequireSymbols: true,
  RequireNumbers: true,
  RequireUppercaseCharacters: true,
  RequireLowercaseCharacters: true,
  AllowUsersToChangePassword: true,
  HardExpiry: false,
};

const PREVIOUS = {
  MinimumPasswordLength: 8,
  RequireSymbols: false,
  RequireNumbers: true,
  RequireUppercaseCharacters: false,
  RequireLowercaseCharacters: true,
  AllowUsersToChangePassword: true,
  PasswordReusePrevention: 3,
  HardExpiry: false,
};

const CONTEXT = { logStreamName: '2026/11/22/[$LATEST]abc' } as Context;

function event(type: 'Create' | 'Update' | 'Delete', extra: Record<string, unknown> = {}): CloudFormationCustomResourceEvent {
  return {
    RequestType: type,
    ServiceToken: PROPS.ServiceToken,
    ResponseURL: 'https://cloudformation-custom-resource-response.example/presigned',
    StackId: 'arn:aws:cloudformation:ap-southeast-1:111111111111:stack/AccountBaseline/guid',
    RequestId: 'request-1',
    LogicalResourceId: 'PasswordPolicy',
    ResourceType: 'Custom::AccountPasswordPolicy',
    ResourceProperties: PROPS,
    ...extra,
  } as CloudFormationCustomResourceEvent;
}

/** The document the handler sent to CloudFormation. */
function response(): any {
  expect(fetchMock).toHaveBeenCalledTimes(1);
  const [url, init] = fetchMock.mock.calls[0];
  expect(url).toBe('https://cloudformation-custom-resource-response.example/presigned');
  expect(init.method).toBe('PUT');
  return JSON.parse(init.body);
}

beforeEach(() => {
  iam.reset();
  fetchMock.mockReset();
  fetchMock.mockResolvedValue({ ok: true, status: 200 });
  (globalThis as any).fetch = fetchMock;
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => jest.restoreAllMocks());

describe('IAM-PASSWORD-POLICY: the custom resource handler', () => {
  test('IAM-PASSWORD-POLICY: create applies the policy and keeps the previous one in the physical ID', async () => {
    iam.on(GetAccountPasswordPolicyCommand).resolves({ PasswordPolicy: { ...PREVIOUS, ExpirePasswords: false } });
    iam.on(UpdateAccountPasswordPolicyCommand).resolves({});
    await handler(event('Create'), CONTEXT);
    expect(iam.commandCalls(UpdateAccountPasswordPolicyCommand).map((c) => c.args[0].input)).toEqual([APPLIED]);
    const body = response();
    expect(body).toEqual(
      expect.objectContaining({ Status: 'SUCCESS', RequestId: 'request-1', LogicalResourceId: 'PasswordPolicy', StackId: expect.stringContaining('stack/') }),
    );
    expect(body.PhysicalResourceId.startsWith(PHYSICAL_ID_PREFIX)).toBe(true);
    // ExpirePasswords is derived by IAM, not an input: it is not kept.
    expect(decodePrevious(body.PhysicalResourceId)).toEqual(PREVIOUS);
    expect(body.PhysicalResourceId.length).toBeLessThan(1024);
  });

  test('IAM-PASSWORD-POLICY: create on an account without a policy records that there was none', async () => {
    iam.on(GetAccountPasswordPolicyCommand).rejects(new NoSuchEntityException({ message: 'no policy', $metadata: {} }));
    iam.on(UpdateAccountPasswordPolicyCommand).resolves({});
    await handler(event('Create'), CONTEXT);
    const body = response();
    expect(body.Status).toBe('SUCCESS');
    expect(decodePrevious(body.PhysicalResourceId)).toBeNull();
  });

  test('IAM-PASSWORD-POLICY: update applies the new properties and keeps the physical ID (and so the original policy)', async () => {
    iam.on(UpdateAccountPasswordPolicyCommand).resolves({});
    const physicalId = encodePrevious(PREVIOUS);
    await handler(event('Update', { PhysicalResourceId: physicalId, ResourceProperties: { ...PROPS, MaxPasswordAge: '60' }, OldResourceProperties: PROPS }), CONTEXT);
    expect(iam.commandCalls(UpdateAccountPasswordPolicyCommand)[0].args[0].input).toEqual({ ...APPLIED, MaxPasswordAge: 60 });
    expect(iam.commandCalls(GetAccountPasswordPolicyCommand)).toHaveLength(0);
    expect(response()).toEqual(expect.objectContaining({ Status: 'SUCCESS', PhysicalResourceId: physicalId }));
  });

  test('IAM-PASSWORD-POLICY: delete restores the previous policy', async () => {
    iam.on(UpdateAccountPasswordPolicyCommand).resolves({});
    await handler(event('Delete', { PhysicalResourceId: encodePrevious(PREVIOUS) }), CONTEXT);
    expect(iam.commandCalls(UpdateAccountPasswordPolicyCommand).map((c) => c.args[0].input)).toEqual([PREVIOUS]);
    expect(iam.commandCalls(DeleteAccountPasswordPolicyCommand)).toHaveLength(0);
    expect(response().Status).toBe('SUCCESS');
  });

  test('IAM-PASSWORD-POLICY: delete removes the policy when the account had none, and tolerates it being gone already', async () => {
    iam.on(DeleteAccountPasswordPolicyCommand).rejects(new NoSuchEntityException({ message: 'gone', $metadata: {} }));
    await handler(event('Delete', { PhysicalResourceId: encodePrevious(null) }), CONTEXT);
    expect(iam.commandCalls(DeleteAccountPasswordPolicyCommand)).toHaveLength(1);
    expect(iam.commandCalls(UpdateAccountPasswordPolicyCommand)).toHaveLength(0);
    expect(response().Status).toBe('SUCCESS');
  });

  test('IAM-PASSWORD-POLICY: delete of a resource whose create failed leaves the account untouched', async () => {
    await handler(event('Delete', { PhysicalResourceId: FAILED_PHYSICAL_ID }), CONTEXT);
    expect(iam.calls()).toHaveLength(0);
    expect(response().Status).toBe('SUCCESS');
  });

  test('IAM-PASSWORD-POLICY: fails the create when IAM refuses, with a physical ID that a rollback delete ignores', async () => {
    iam.on(GetAccountPasswordPolicyCommand).resolves({ PasswordPolicy: PREVIOUS });
    iam.on(UpdateAccountPasswordPolicyCommand).rejects(new Error('AccessDenied: not authorized to perform iam:UpdateAccountPasswordPolicy'));
    await handler(event('Create'), CONTEXT);
    const body = response();
    expect(body).toEqual(expect.objectContaining({ Status: 'FAILED', PhysicalResourceId: FAILED_PHYSICAL_ID }));
    expect(body.Reason).toMatch(/AccessDenied.*log stream 2026\/11\/22/);
  });

  test('IAM-PASSWORD-POLICY: fails when reading the previous policy fails for another reason than "none"', async () => {
    iam.on(GetAccountPasswordPolicyCommand).rejects(new Error('Throttling: rate exceeded'));
    await handler(event('Create'), CONTEXT);
    expect(iam.commandCalls(UpdateAccountPasswordPolicyCommand)).toHaveLength(0);
    expect(response()).toEqual(expect.objectContaining({ Status: 'FAILED', Reason: expect.stringMatching(/^Throttling/) }));
  });

  test.each<[string, Record<string, unknown>, RegExp]>([
    ['a non-numeric length', { MinimumPasswordLength: 'fourteen' }, /^MinimumPasswordLength: got "fourteen", expected an integer/],
    ['a missing age', { MaxPasswordAge: undefined }, /^MaxPasswordAge: got undefined, expected an integer/],
    ['a malformed flag', { RequireSymbols: 'yes' }, /^RequireSymbols: got "yes", expected true or false/],
  ])('IAM-PASSWORD-POLICY: fails an update with %s and keeps the physical ID', async (_name, change, reason) => {
    const physicalId = encodePrevious(PREVIOUS);
    await handler(event('Update', { PhysicalResourceId: physicalId, ResourceProperties: { ...PROPS, ...change }, OldResourceProperties: PROPS }), CONTEXT);
    expect(iam.calls()).toHaveLength(0);
    expect(response()).toEqual(expect.objectContaining({ Status: 'FAILED', PhysicalResourceId: physicalId, Reason: expect.stringMatching(reason) }));
  });

  test('IAM-PASSWORD-POLICY: a restore that IAM refuses fails the delete instead of reporting success', async () => {
    iam.on(UpdateAccountPasswordPolicyCommand).rejects(new Error('AccessDenied'));
    const physicalId = encodePrevious(PREVIOUS);
    await handler(event('Delete', { PhysicalResourceId: physicalId }), CONTEXT);
    expect(response()).toEqual(expect.objectContaining({ Status: 'FAILED', PhysicalResourceId: physicalId }));
  });

  test('IAM-PASSWORD-POLICY: a physical ID that does not decode is treated as not ours', () => {
    expect(decodePrevious(`${PHYSICAL_ID_PREFIX}%%%not-base64`)).toBeUndefined();
    expect(decodePrevious('some-other-id')).toBeUndefined();
  });

  test('IAM-PASSWORD-POLICY: the handler rejects when CloudFormation refuses the response, so Lambda logs it', async () => {
    iam.on(DeleteAccountPasswordPolicyCommand).resolves({});
    fetchMock.mockResolvedValue({ ok: false, status: 403 });
    await expect(handler(event('Delete', { PhysicalResourceId: encodePrevious(null) }), CONTEXT)).rejects.toThrow(/HTTP 403/);
  });
});
