/**
 * `productionOptOuts`: the named reasons a production environment goes below a floor a seed
 * promises. When an opt-out is required, and when it is refused, is in
 * `validate/production-opt-outs.ts`.
 */
import { z } from 'zod';

/** Why production goes below one of its floors, and who decided it: a sentence an auditor can read. */
const optOutReason = z
  .string()
  .min(20, { error: 'expected the reason and who approved it, in at least 20 characters' })
  .max(300, { error: 'expected at most 300 characters' });

/**
 * Named, explicit opt-outs from production floors that a seed promises but that cost money or
 * need something outside this repository. Each is absent by default, and then production keeps
 * the floor; each one set is a sentence (why, and who approved it) that the controls report shows
 * next to the control it weakens, for that environment. Only a production environment may set
 * them, and only while it is actually below the floor.
 */
export const ProductionOptOutsSchema = z.strictObject({
  /**
   * Allow regions besides the home region in `allowedRegions` (for example a disaster-recovery
   * region for `backup.drRegion`). Without it production's `allowedRegions` is exactly
   * `[region]`: 003 "All of our services and data are hosted in ... Singapore"
   * (FND-DATA-RESIDENCY).
   * @default - production allows only its home region
   */
  regionsBeyondHome: optOutReason.optional(),
  /**
   * Run production without `alerts.httpsEndpointSecret` (no paging integration, alerts by e-mail
   * only). Without it production requires the paging endpoint: 003 "teams are paged"
   * (INC-ALERT-TOPICS).
   * @default - production requires a paging endpoint
   */
  paging: optOutReason.optional(),
  /**
   * Run production with `edge.shieldAdvanced: false` (Shield Standard only). Without it
   * production requires Shield Advanced: 000 "DDoS protected infrastructure", 002 "mitigations
   * against distributed denial of service (DDoS) attacks" (EDGE-DDOS-SHIELD).
   * @default - production requires Shield Advanced
   */
  shieldAdvanced: optOutReason.optional(),
});

/** The production floors an environment may opt out of, by field of {@link ProductionOptOutsSchema}. */
export type ProductionOptOut = keyof z.output<typeof ProductionOptOutsSchema>;
