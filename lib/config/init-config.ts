/**
 * The adopter's copy of an example configuration (`npm run init-config`): the example's text with
 * its "owned by upstream, do not edit" banner replaced by one that says whose the file is.
 */

/** The text of config/deployment.yaml made from the example file `source` (relative path). */
export function adopterCopyOf(exampleText: string, source: string): string {
  const body = exampleText.replace(/^# ─+\n(?:#.*\n)*?# ─+\n/, '');
  const banner = [
    `# This deployment's configuration, created by \`npm run init-config\` from ${source}.`,
    '# It is yours: upstream never ships or changes this file. Replace every sample value (accounts,',
    '# principals, ARNs, domains, addresses, client IDs); `npx cdk synth` names each one left.',
    '# Every field is documented in lib/config/schema.ts; the README says how to deploy.',
    '',
  ].join('\n');
  return banner + body;
}
