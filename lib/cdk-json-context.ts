import * as fs from 'fs';
import * as path from 'path';

/**
 * Makes every `new App()` in this process see the feature flags of `cdk.json`, as an app run by
 * the CDK CLI does. Tests, the benchmark and the scripts synthesize in-process; without this their
 * templates would differ from `npx cdk synth`'s (for example, server access logs granted by ACL
 * instead of bucket policy). The App constructor reads `CDK_CONTEXT_JSON`; an existing value (set
 * by the CLI) wins.
 */
export function useCdkJsonContext(): void {
  if (process.env.CDK_CONTEXT_JSON) return;
  const cdkJson = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'cdk.json'), 'utf8'));
  process.env.CDK_CONTEXT_JSON = JSON.stringify(cdkJson.context ?? {});
}
