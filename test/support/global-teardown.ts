import * as fs from 'fs';

/** Removes the run's synthesized assembly. */
export default function globalTeardown(): void {
  const dir = process.env.SSB_SYNTH_DIR;
  if (dir && fs.existsSync(dir)) fs.rmSync(dir, { recursive: true, force: true });
}
