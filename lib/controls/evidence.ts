/**
 * The evidence of every enforced control, derived from the catalog: each entry declares where an
 * auditor finds it in the synthesized templates, or why no template holds it (`evidence`,
 * lib/controls/catalog/; the shape is evidence-types.ts, the predicates evidence-predicates.ts).
 * The controls report (`lib/report/controls-report.ts`) lists the selected resources per
 * environment as `stack/logicalId`. A test proves every enforced control has evidence, and that
 * each selects at least one resource in each environment where it applies.
 */
import type { EnvironmentConfig, ProductionOptOut } from '../config/schema';
import { CATALOG } from './catalog';
import type { ControlId } from './control-id';
import { isOutsideTemplates, type ControlEvidence, type EvidenceTemplate, type ResourceContext, type TemplateEvidence } from './evidence-types';

export {
  isOutsideTemplates,
  OUTSIDE_TEMPLATES_MARKER,
  type ControlEvidence,
  type EvidenceSelector,
  type EvidenceTemplate,
  type OutsideTemplates,
  type ResourceContext,
  type TemplateEvidence,
} from './evidence-types';

/** Evidence of every enforced control of the catalog, by control ID. */
export const CONTROL_EVIDENCE: Readonly<Record<string, ControlEvidence>> = Object.fromEntries(
  CATALOG.flatMap((c) => (c.evidence === undefined ? [] : [[c.id, c.evidence] as const])),
);

/** `stack/logicalId` of every resource of the stacks that the evidence selects. */
export function selectEvidence(
  evidence: TemplateEvidence,
  stacks: ReadonlyArray<{ readonly id: string; readonly template: EvidenceTemplate }>,
): string[] {
  const found: string[] = [];
  for (const stack of stacks) {
    for (const [logicalId, resource] of Object.entries(stack.template.Resources ?? {})) {
      const context: ResourceContext = { logicalId, stack: stack.id, template: stack.template };
      if (evidence.select.some((s) => s.types.includes(resource.Type) && (s.where === undefined || s.where(resource, context)))) found.push(`${stack.id}/${logicalId}`);
    }
  }
  return found;
}

/** Controls that do not apply to an environment, with the reason (its config switches them off). */
export function notApplicableControls(env: EnvironmentConfig): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, evidence] of Object.entries(CONTROL_EVIDENCE)) {
    const reason = isOutsideTemplates(evidence) ? undefined : evidence.notApplicable?.(env);
    if (reason !== undefined) out[id] = reason;
  }
  return out;
}

/**
 * The control each production opt-out (`productionOptOuts.<field>` of the configuration) weakens.
 * The controls report shows, per environment, each opt-out in force beside its control, naming the
 * field and quoting its reason.
 */
export const OPT_OUT_CONTROLS: Readonly<Record<ProductionOptOut, ControlId>> = {
  regionsBeyondHome: 'FND-DATA-RESIDENCY',
  paging: 'INC-ALERT-TOPICS',
  shieldAdvanced: 'EDGE-DDOS-SHIELD',
};

/** The production opt-outs an environment sets, by control: `productionOptOuts.<field>: "<reason>"`. */
export function optOutsOf(env: EnvironmentConfig): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, control] of Object.entries(OPT_OUT_CONTROLS) as [ProductionOptOut, string][]) {
    const reason = env.productionOptOuts[field];
    if (reason !== undefined) out[control] = `productionOptOuts.${field}: "${reason}"`;
  }
  return out;
}
