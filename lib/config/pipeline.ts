/**
 * The optional delivery pipeline (DEL-STAGED-ROLLOUT): one CDK Pipelines pipeline, in a tooling
 * account, that deploys staging, waits for a manual approval and then deploys production. It is
 * built when the configuration file has a `pipeline` block: add one when the repository and its
 * CodeConnections connection exist.
 */
import { z } from 'zod';
import { ConfigError, renderSchemaIssues } from './load';

export const PipelineSchema = z.strictObject({
  /**
   * Build the pipeline stack. The block is left out until the repository connection exists;
   * `false` keeps the settings without building it.
   * @default true
   */
  enabled: z.boolean().default(true),
  /** The tooling account that hosts the pipeline; staging and production accounts must trust it (`cdk bootstrap --trust`). */
  account: z.string().regex(/^\d{12}$/, { error: 'expected a 12-digit AWS account ID' }),
  /** The pipeline's region. */
  region: z.string().regex(/^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/, { error: 'expected an AWS region name such as ap-southeast-1' }),
  /** The source repository, `owner/name`. */
  repository: z.string().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, { error: 'expected owner/name' }),
  /** The branch whose commits are deployed. */
  branch: z.string().min(1, { error: 'expected a branch name' }),
  /** ARN of the AWS CodeConnections (or CodeStar Connections) connection to the repository host. */
  connectionArn: z
    .string()
    .regex(/^arn:aws[a-z-]*:(codeconnections|codestar-connections):[a-z0-9-]+:\d{12}:connection\/[0-9a-f-]{36}$/, {
      error: 'expected a CodeConnections connection ARN (arn:aws:codeconnections:<region>:<account>:connection/<uuid>)',
    }),
});

export type PipelineConfig = z.output<typeof PipelineSchema>;

/** Parses and validates the pipeline settings, or throws a `ConfigError` listing every problem. */
export function loadPipeline(raw: unknown): PipelineConfig {
  const result = PipelineSchema.safeParse(raw, { reportInput: true });
  if (!result.success) throw new ConfigError(renderSchemaIssues('pipeline', result.error));
  const lines: string[] = [];
  const connectionRegion = result.data.connectionArn.split(':')[3];
  if (connectionRegion !== result.data.region) {
    lines.push(`pipeline.connectionArn: got "${result.data.connectionArn}", expected a connection in the pipeline's region ${result.data.region}`);
  }
  if (lines.length > 0) throw new ConfigError(lines);
  return result.data;
}
