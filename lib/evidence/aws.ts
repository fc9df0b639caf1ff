/**
 * The AWS calls of the evidence command, and nothing else: every SDK command it may send is in
 * {@link READ_ONLY_COMMANDS}, and a test proves each is a Describe, Get or List call, so the
 * command can never change the account. Errors become {@link EvidenceError}s with one clear line:
 * throttling after retries, a missing permission (naming the IAM action), a service that is off.
 */
import { BackupClient, DescribeFrameworkCommand, ListFrameworksCommand, ListReportJobsCommand, ListRestoreJobsCommand } from '@aws-sdk/client-backup';
import { CloudTrailClient, DescribeTrailsCommand, GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import {
  ConfigServiceClient,
  DescribeComplianceByConfigRuleCommand,
  DescribeConfigRulesCommand,
  DescribeConfigurationRecorderStatusCommand,
  DescribeRetentionConfigurationsCommand,
  GetComplianceDetailsByConfigRuleCommand,
  GetResourceConfigHistoryCommand,
} from '@aws-sdk/client-config-service';
import { GetDetectorCommand, GuardDutyClient, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { GetEnabledStandardsCommand, GetFindingsCommand, ListStandardsControlAssociationsCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { EVIDENCE_COMMAND_ACTIONS } from './actions';

/** Every SDK command the evidence command sends, with the IAM action it needs. */
export const READ_ONLY_COMMANDS = {
  GetCallerIdentityCommand: { command: GetCallerIdentityCommand, action: EVIDENCE_COMMAND_ACTIONS.GetCallerIdentityCommand },
  DescribeConfigRulesCommand: { command: DescribeConfigRulesCommand, action: EVIDENCE_COMMAND_ACTIONS.DescribeConfigRulesCommand },
  DescribeComplianceByConfigRuleCommand: { command: DescribeComplianceByConfigRuleCommand, action: EVIDENCE_COMMAND_ACTIONS.DescribeComplianceByConfigRuleCommand },
  GetComplianceDetailsByConfigRuleCommand: { command: GetComplianceDetailsByConfigRuleCommand, action: EVIDENCE_COMMAND_ACTIONS.GetComplianceDetailsByConfigRuleCommand },
  DescribeConfigurationRecorderStatusCommand: { command: DescribeConfigurationRecorderStatusCommand, action: EVIDENCE_COMMAND_ACTIONS.DescribeConfigurationRecorderStatusCommand },
  DescribeRetentionConfigurationsCommand: { command: DescribeRetentionConfigurationsCommand, action: EVIDENCE_COMMAND_ACTIONS.DescribeRetentionConfigurationsCommand },
  GetResourceConfigHistoryCommand: { command: GetResourceConfigHistoryCommand, action: EVIDENCE_COMMAND_ACTIONS.GetResourceConfigHistoryCommand },
  GetEnabledStandardsCommand: { command: GetEnabledStandardsCommand, action: EVIDENCE_COMMAND_ACTIONS.GetEnabledStandardsCommand },
  GetFindingsCommand: { command: GetFindingsCommand, action: EVIDENCE_COMMAND_ACTIONS.GetFindingsCommand },
  ListStandardsControlAssociationsCommand: { command: ListStandardsControlAssociationsCommand, action: EVIDENCE_COMMAND_ACTIONS.ListStandardsControlAssociationsCommand },
  ListFrameworksCommand: { command: ListFrameworksCommand, action: EVIDENCE_COMMAND_ACTIONS.ListFrameworksCommand },
  DescribeFrameworkCommand: { command: DescribeFrameworkCommand, action: EVIDENCE_COMMAND_ACTIONS.DescribeFrameworkCommand },
  ListRestoreJobsCommand: { command: ListRestoreJobsCommand, action: EVIDENCE_COMMAND_ACTIONS.ListRestoreJobsCommand },
  ListReportJobsCommand: { command: ListReportJobsCommand, action: EVIDENCE_COMMAND_ACTIONS.ListReportJobsCommand },
  DescribeTrailsCommand: { command: DescribeTrailsCommand, action: EVIDENCE_COMMAND_ACTIONS.DescribeTrailsCommand },
  GetTrailStatusCommand: { command: GetTrailStatusCommand, action: EVIDENCE_COMMAND_ACTIONS.GetTrailStatusCommand },
  ListDetectorsCommand: { command: ListDetectorsCommand, action: EVIDENCE_COMMAND_ACTIONS.ListDetectorsCommand },
  GetDetectorCommand: { command: GetDetectorCommand, action: EVIDENCE_COMMAND_ACTIONS.GetDetectorCommand },
} as const satisfies Record<keyof typeof EVIDENCE_COMMAND_ACTIONS, unknown>;

/** The clients of one account and region. */
export interface EvidenceClients {
  readonly sts: STSClient;
  readonly config: ConfigServiceClient;
  readonly securityHub: SecurityHubClient;
  readonly backup: BackupClient;
  readonly cloudTrail: CloudTrailClient;
  readonly guardDuty: GuardDutyClient;
}

/** Clients for a region, with the default credential chain (the auditor's session). */
export function clientsFor(region: string): EvidenceClients {
  // The SDK's own retries stay on (3 attempts); `call` adds its own on top for throttling.
  return {
    sts: new STSClient({ region }),
    config: new ConfigServiceClient({ region }),
    securityHub: new SecurityHubClient({ region }),
    backup: new BackupClient({ region }),
    cloudTrail: new CloudTrailClient({ region }),
    guardDuty: new GuardDutyClient({ region }),
  };
}

/** Why a source could not be read. */
export type EvidenceErrorKind = 'throttled' | 'missing-permission' | 'service-off' | 'error';

/** A failed read, with the one line the report shows. */
export class EvidenceError extends Error {
  constructor(
    public readonly kind: EvidenceErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'EvidenceError';
  }
}

const THROTTLING = new Set(['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded', 'LimitExceededException']);
const ACCESS_DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'UnauthorizedException', 'AuthorizationErrorException']);

/** Options of {@link call}. */
export interface CallOptions {
  /** Attempts in all, throttling included. @default 5 */
  readonly attempts?: number;
  /** Waits between attempts (tests pass a no-op). @default exponential backoff from 200 ms */
  readonly sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type CommandName = keyof typeof READ_ONLY_COMMANDS;

/**
 * Sends one read-only command, retrying throttling with backoff; any error becomes an
 * {@link EvidenceError} naming the service call (and, for AccessDenied, the IAM action to grant).
 */
export async function call<T>(
  client: { send: (command: any) => Promise<any> },
  name: CommandName,
  input: Record<string, unknown>,
  serviceOff?: (e: { name?: string; message?: string }) => string | undefined,
  options: CallOptions = {},
): Promise<T> {
  const { command: Command, action } = READ_ONLY_COMMANDS[name];
  const attempts = options.attempts ?? 5;
  const sleep = options.sleep ?? realSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return (await client.send(new (Command as any)(input))) as T;
    } catch (e) {
      const err = e as { name?: string; message?: string; Code?: string };
      const code = err.name ?? err.Code ?? 'Error';
      if (THROTTLING.has(code)) {
        if (attempt < attempts) {
          await sleep(200 * 2 ** (attempt - 1));
          continue;
        }
        throw new EvidenceError('throttled', `throttled: ${action} still throttled after ${attempts} attempts; run again later or with fewer environments`);
      }
      if (ACCESS_DENIED.has(code)) throw new EvidenceError('missing-permission', `missing permission ${action}`);
      const off = serviceOff?.(err);
      if (off) throw new EvidenceError('service-off', off);
      throw new EvidenceError('error', `${action} failed: ${code}: ${err.message ?? ''}`.trim());
    }
  }
}

/** Follows a `NextToken` pagination to the end (at most `maxPages`). */
export async function paginate<T, I>(
  fetch: (nextToken: string | undefined) => Promise<T & { NextToken?: string; nextToken?: string }>,
  items: (page: T) => readonly I[] | undefined,
  maxPages = 100,
): Promise<I[]> {
  const all: I[] = [];
  let token: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const result = await fetch(token);
    all.push(...(items(result) ?? []));
    token = result.NextToken ?? result.nextToken;
    if (!token) break;
  }
  return all;
}
