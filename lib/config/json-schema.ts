/**
 * The JSON Schema of a configuration file (config/schema.json), generated from the zod schemas
 * so editors can complete and check YAML against the one definition (`# yaml-language-server:
 * $schema=./schema.json` heads the examples). `npm run docs` writes it; a test fails when stale.
 */
import { z } from 'zod';
import { PipelineSchema } from './pipeline';
import { EnvironmentSchema } from './schema';

/** The file `npm run docs` writes, relative to the repository root. */
export const CONFIG_JSON_SCHEMA_FILE = 'config/schema.json';

/** The schema as formatted JSON text. */
export function configJsonSchema(): string {
  const file = z
    .object({
      environments: z.record(z.string(), EnvironmentSchema),
      pipeline: PipelineSchema.optional(),
    })
    // `x-<name>` blocks hold YAML anchors.
    .catchall(z.unknown());
  return `${JSON.stringify(z.toJSONSchema(file, { io: 'input', unrepresentable: 'any' }), undefined, 2)}\n`;
}
