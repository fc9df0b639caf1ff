/**
 * Weakening fixtures of the PR controls diff (control DEL-PR-CONTROLS-DIFF): for every enforced
 * control the diff watches, an edit to the synthesized templates that weakens it (the CLI must
 * exit 1 naming the control) and an edit to the same resources that does not (the control must
 * stay quiet). Each area keeps its fixtures in `test/weakenings/<area>.ts`, exported as
 * `WEAKENINGS`; `test/controls-diff-weakenings.test.ts` runs them all against the templates the
 * test run synthesized from the reference fixture configuration.
 */
import type { ControlId } from '../../lib/controls/control-id';

/** Stack templates keyed by `stage/stack` (`production/Network`), as `diffControls` reads them. */
export type Templates = Record<string, Record<string, any>>;

/** One weakening of one control. */
export interface Weakening {
  /** The control the edit weakens; the CLI's output must name it as weakened. */
  readonly control: ControlId;
  /** What the edit does, in a reviewer's words ("opens the tenant database port to 0.0.0.0/0"). */
  readonly title: string;
  /**
   * Edits a deep copy of the head templates in place so that the control is weakened. It must
   * find what it edits (throw when the resource or property is not there), so a fixture can
   * never pass by editing nothing.
   */
  readonly weaken: (templates: Templates) => void;
  /**
   * Edits a deep copy of the head templates in place without weakening the control (a tag, a
   * description, an unrelated property of the same resource): the diff must not report the
   * control as weakened.
   */
  readonly neutral: (templates: Templates) => void;
}
