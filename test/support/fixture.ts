/**
 * The reference fixture (test/fixtures/config/reference.yaml): the configuration the code tests
 * and snapshots are written against. Never the adopter's configuration.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseConfigText } from '../../lib/config/deployment';
import type { z } from 'zod';
import type { PipelineSchema } from '../../lib/config/pipeline';
import type { EnvironmentInput } from '../../lib/config/schema';

/** The fixture file. */
export const FIXTURE_FILE = path.join(__dirname, '..', 'fixtures', 'config', 'reference.yaml');

const raw = parseConfigText(fs.readFileSync(FIXTURE_FILE, 'utf8'), 'test/fixtures/config/reference.yaml') as {
  environments: Record<string, EnvironmentInput>;
  pipeline: z.input<typeof PipelineSchema>;
};

/** The fixture's environments by name, as written (defaults omitted). Copy before changing. */
export const ENVIRONMENTS: Readonly<Record<string, EnvironmentInput>> = raw.environments;

/** The fixture's delivery-pipeline settings (`enabled: false`). */
export const PIPELINE: z.input<typeof PipelineSchema> = raw.pipeline;
