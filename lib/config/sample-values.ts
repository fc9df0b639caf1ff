/**
 * Sample values: the identifying values of the shipped example configurations (accounts,
 * principals, ARNs, domains, addresses, client IDs). A configuration of the adopter's that still
 * holds one would deploy against somebody else's account or principal (a staff role trusting
 * `999999999999`) or page nobody, silently; validation refuses it, one line per field.
 *
 * The samples are read from the example files themselves, so an example value added upstream is
 * refused at once, with no second list to keep in step.
 */

/** A string value of a configuration, with the path validation reports it under. */
export interface ConfigLeaf {
  readonly path: string;
  readonly value: string;
}

/** Every string (and number) of a parsed configuration, with its path (`production.edge.domainName`). */
export function leavesOf(value: unknown, path = ''): ConfigLeaf[] {
  if (typeof value === 'string') return [{ path, value }];
  if (typeof value === 'number') return [{ path, value: String(value) }];
  if (Array.isArray(value)) return value.flatMap((v, i) => leavesOf(v, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => leavesOf(v, path === '' ? k : `${path}.${k}`));
  }
  return [];
}

/** Fields whose whole value identifies somebody's resource or person. */
const IDENTIFYING_FIELD = /(^|\.)(account|domainName|from|clientId|teamId|keyId|issuerUrl|repository|[A-Za-z]*Arn)$|(^|\.)(emails|trustedPrincipals)\[\d+\]$/;

/**
 * Parts of any value that identify somebody: account IDs, UUIDs and secret names (inside ARNs
 * too; a secret's name ends in the six random characters Secrets Manager adds).
 */
const IDENTIFYING_PART = /\b\d{12}\b|\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b|secret:[A-Za-z0-9/_+=.@-]+/gi;

/**
 * Placeholders whatever their digit: an account of one repeated digit, a UUID of one repeated hex
 * digit (its version and variant digits aside). A find-and-replace of the sample accounts turns
 * `11111111-1111-4111-8111-111111111111` into nothing an example holds, but it is still no certificate.
 */
const PLACEHOLDER = /\b(\d)\1{11}\b|\b([0-9a-f])\2{7}-\2{4}-[0-9a-f]\2{3}-[0-9a-f]\2{3}-\2{12}\b/i;

/**
 * Domains reserved for documentation (RFC 2606, RFC 6761): nobody can own them, so a value under
 * one is a sample whether or not an example file holds it.
 */
const RESERVED_DOMAIN = /(^|[.@/])(example\.(com|net|org)|[a-z0-9-]+\.(example|test|invalid|localhost))(?=$|[/:?#])/i;

/** What counts as a sample: whole values of identifying fields, and identifying parts of any value. */
export interface SampleValues {
  readonly whole: ReadonlySet<string>;
  readonly parts: ReadonlySet<string>;
}

/** The sample values of example configurations (parsed YAML documents). */
export function sampleValuesOf(examples: readonly unknown[]): SampleValues {
  const whole = new Set<string>();
  const parts = new Set<string>();
  for (const leaf of examples.flatMap((e) => leavesOf(e))) {
    if (IDENTIFYING_FIELD.test(leaf.path)) whole.add(leaf.value);
    for (const part of leaf.value.match(IDENTIFYING_PART) ?? []) parts.add(part.toLowerCase());
  }
  return { whole, parts };
}

/**
 * One line per field of `config` that holds a sample value, as `<path>: got <value>, <why>`.
 * Fields of the configuration's `x-` blocks (YAML anchors) are checked where they are used.
 */
export function sampleValueIssues(config: unknown, samples: SampleValues, exampleName: string): string[] {
  const issues: string[] = [];
  for (const leaf of leavesOf(config)) {
    if (/^x-/.test(leaf.path)) continue;
    const found = samples.whole.has(leaf.value)
      ? leaf.value
      : ((leaf.value.match(IDENTIFYING_PART) ?? []).find((p) => samples.parts.has(p.toLowerCase())) ??
        leaf.value.match(RESERVED_DOMAIN)?.[2] ??
        leaf.value.match(PLACEHOLDER)?.[0]);
    if (found === undefined) continue;
    const what = found === leaf.value ? 'a sample value' : `a sample value (${JSON.stringify(found)})`;
    issues.push(`${leaf.path.replace(/^environments\./, '')}: got ${JSON.stringify(leaf.value)}, ${what} of ${exampleName}: replace it with your own`);
  }
  return issues;
}
