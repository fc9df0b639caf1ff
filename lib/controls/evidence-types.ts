/**
 * The shape of a control's evidence: where an auditor finds an enforced control in the
 * synthesized templates (the resources that carry it, by CloudFormation type narrowed by a
 * predicate), or an explicit statement that it is enforced outside the templates (config
 * validation, CI, the repository) and proven by tests only. Each catalog entry declares its own
 * (`evidence`); the controls report lists the selected resources per environment as
 * `stack/logicalId`.
 *
 * Selectors are written against CloudFormation types and properties, like the controls-diff
 * rules, so a renamed construct keeps its evidence; a logical ID appears in a predicate only
 * where nothing in the resource itself tells it apart.
 */
import type { EnvironmentConfig } from '../config/schema';
import type { TemplateResource } from './template-readers';

/** A stack template, as far as evidence selection reads it. */
export interface EvidenceTemplate {
  readonly Resources?: Readonly<Record<string, TemplateResource>>;
}

/** Where a candidate resource lives, for predicates that follow references. */
export interface ResourceContext {
  readonly logicalId: string;
  /** The stack's ID within its environment (`Network`, `Data1`). */
  readonly stack: string;
  /** The whole template of that stack. */
  readonly template: EvidenceTemplate;
}

/** Resources of some CloudFormation types, optionally narrowed. */
export interface EvidenceSelector {
  readonly types: readonly string[];
  /**
   * Keeps only the resources that carry the control.
   * @default - every resource of the types
   */
  readonly where?: (resource: TemplateResource, context: ResourceContext) => boolean;
}

/** Evidence in the templates: what the selected resources are, and how to select them. */
export interface TemplateEvidence {
  /** The resources in the reader's words ("the trail's metric filters and their alarms"). */
  readonly what: string;
  readonly select: readonly EvidenceSelector[];
  /**
   * Returns why the control does not apply to an environment (and so selects nothing there),
   * or `undefined` when it applies.
   * @default - applies to every environment
   */
  readonly notApplicable?: (env: EnvironmentConfig) => string | undefined;
}

/** A control enforced outside the templates: no resource to list, tests are the evidence. */
export interface OutsideTemplates {
  /** Where it is enforced and which tests prove it. */
  readonly outsideTemplates: string;
}

export type ControlEvidence = TemplateEvidence | OutsideTemplates;

/** The marker the report shows for {@link OutsideTemplates} controls. */
export const OUTSIDE_TEMPLATES_MARKER = 'evidence: config validation / test only';

export function isOutsideTemplates(e: ControlEvidence): e is OutsideTemplates {
  return 'outsideTemplates' in e;
}
