import * as fs from 'fs';
import { removeTypecheckResults } from './typecheck-run';

/** Removes the run's synthesized assembly and the type check's results. */
export default function globalTeardown(): void {
  const dir = process.env.SSB_SYNTH_DIR;
  if (dir && fs.existsSync(dir)) fs.rmSync(dir, { recursive: true, force: true });
  removeTypecheckResults();
}
