import * as fs from 'fs';
import * as path from 'path';

/**
 * Makes every `new App()` in this process see the feature flags of `cdk.json`, as an app run by
 * the CDK CLI does. Tests, the benchmark and the scripts synthesize in-process; without this their
 * templates would differ from `npx cdk synth`'s (for example, server access logs granted by ACL
 * instead of bucket policy). The App constructor reads `CDK_CONTEXT_JSON`; an existing value (set
 * by the CLI) wins.
 *
 * `cdk.json`'s top-level `"versionReporting": false` reaches an app only through the CLI, which
 * turns it into the reserved context key `aws:cdk:version-reporting`; that key cannot live in
 * `cdk.json`'s context (the CLI warns about reserved keys there), so it is set here, and templates
 * synthesized in-process carry no `AWS::CDK::Metadata` either.
 */
export function useCdkJsonContext(): void {
  if (process.env.CDK_CONTEXT_JSON) return;
  const cdkJson = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'cdk.json'), 'utf8'));
  const versionReporting = cdkJson.versionReporting ?? true;
  process.env.CDK_CONTEXT_JSON = JSON.stringify({ ...(cdkJson.context ?? {}), 'aws:cdk:version-reporting': versionReporting });
}
