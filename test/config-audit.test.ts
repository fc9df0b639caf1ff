/**
 * Bad input for the audit, monitoring and incident-response fields: each case names the field,
 * the bad value and what is allowed (same table pattern as config.test.ts).
 */
import { ENVIRONMENTS } from './support/fixture';
import { loadEnvironments } from '../lib/config/load';
import { withChange, issuesOf } from './support/config-cases';



describe('audit and monitoring configuration', () => {
  test('the account baseline defaults to on, GOVERNANCE lock, a year of trail and the four standards', () => {
    const table = withChange('staging', (e) => {
      delete e.accountBaseline;
      delete e.alerts.guardDutyMinSeverity;
    });
    const staging = loadEnvironments(table, ['staging'])[0];
    expect(staging.accountBaseline).toEqual({
      enabled: true,
      trail: { retentionDays: 365, objectLockMode: 'GOVERNANCE' },
      securityHubStandards: ['aws-foundational-security-best-practices/v/1.0.0', 'cis-aws-foundations-benchmark/v/3.0.0', 'pci-dss/v/4.0.1', 'nist-800-53/v/5.0.0'],
      passwordMaxAgeDays: 90,
    });
    expect(staging.alerts.guardDutyMinSeverity).toBe('MEDIUM');
  });

  test('INC-ALERT-TOPICS: the HTTPS endpoint is named by its Secrets Manager secret (name or ARN)', () => {
    const byName = withChange('staging', (e) => (e.alerts.httpsEndpointSecret = 'alerts/chat-webhook'));
    expect(loadEnvironments(byName, ['staging'])[0].alerts.httpsEndpointSecret).toBe('alerts/chat-webhook');
    const arn = 'arn:aws:secretsmanager:ap-southeast-1:111111111111:secret:alerts/chat-webhook-AbCdEf';
    expect(loadEnvironments(withChange('staging', (e) => (e.alerts.httpsEndpointSecret = arn)), ['staging'])[0].alerts.httpsEndpointSecret).toBe(arn);
  });

  test('FND-NO-PLAINTEXT-SECRETS: an endpoint URL in the configuration is refused without echoing it', () => {
    const url = 'https://events.pagerduty.com/integration/0123456789abcdef0123456789abcdef/enqueue';
    const issues = issuesOf(withChange('production', (e) => (e.alerts.httpsEndpoint = url)));
    expect(issues).toEqual([
      'production.alerts.httpsEndpoint: got a value (not shown: it may carry a credential), expected no URL in the configuration (paging and webhook URLs carry their integration key): store it as a Secrets Manager secret and name that secret in alerts.httpsEndpointSecret',
    ]);
    expect(issues.join('\n')).not.toContain('0123456789abcdef');
  });

  test('AUD-CLOUDTRAIL: two environments in different accounts may both own their baseline; one may leave it to the organisation', () => {
    expect(() => loadEnvironments(ENVIRONMENTS)).not.toThrow();
    const shared = withChange('staging', (e) => {
      e.account = '333333333333';
      e.edge.certificateArn = e.edge.certificateArn.replace('111111111111', '333333333333');
    });
    (shared as any).sandbox = { ...structuredClone(shared.staging), network: { vpcCidr: '10.30.0.0/16', natGateways: 1 }, accountBaseline: { enabled: false } };
    expect(() => loadEnvironments(shared)).not.toThrow();
  });

  test.each<[string, 'staging' | 'production', (e: any) => void, RegExp]>([
    ['INC-ALERT-TOPICS: a malformed alert address', 'production', (e) => (e.alerts.emails = ['oncall@', 'ok@example.com']), /^production\.alerts\.emails\[0\]: got "oncall@", expected an e-mail address$/],
    ['INC-ALERT-TOPICS: an endpoint secret that is no secret name', 'staging', (e) => (e.alerts.httpsEndpointSecret = 'https://hooks.example.com/x'), /^staging\.alerts\.httpsEndpointSecret: got "https:\/\/hooks\.example\.com\/x", expected the name or ARN of a Secrets Manager secret/],
    ['INC-FINDING-ROUTING: an unknown GuardDuty severity', 'staging', (e) => (e.alerts.guardDutyMinSeverity = 'SEVERE'), /^staging\.alerts\.guardDutyMinSeverity: got "SEVERE", expected one of LOW, MEDIUM, HIGH, CRITICAL$/],
    ['INC-FINDING-ROUTING: a numeric GuardDuty severity', 'staging', (e) => (e.alerts.guardDutyMinSeverity = 7), /^staging\.alerts\.guardDutyMinSeverity: got 7, expected one of LOW, MEDIUM, HIGH, CRITICAL$/],
    ['AUD-TRAIL-BUCKET: a production trail retention below a year', 'production', (e) => (e.accountBaseline.trail.retentionDays = 180), /^production\.accountBaseline\.trail\.retentionDays: got 180, production keeps the audit trail at least 365 days$/],
    ['AUD-TRAIL-BUCKET: a trail retention shorter than the cold-storage minimum', 'staging', (e) => (e.accountBaseline.trail.retentionDays = 30), /^staging\.accountBaseline\.trail\.retentionDays: got 30, expected at least 180 days/],
    ['AUD-TRAIL-BUCKET: an unknown Object Lock mode', 'production', (e) => (e.accountBaseline.trail.objectLockMode = 'LEGAL_HOLD'), /^production\.accountBaseline\.trail\.objectLockMode: got "LEGAL_HOLD", expected "GOVERNANCE" or "COMPLIANCE"$/],
    ['MON-SECURITY-HUB: a standard Security Hub does not have', 'staging', (e) => (e.accountBaseline.securityHubStandards = ['soc2/v/1.0.0']), /^staging\.accountBaseline\.securityHubStandards\[0\]: got "soc2\/v\/1\.0\.0", expected one of aws-foundational-security-best-practices\/v\/1\.0\.0, /],
    [
      'MON-SECURITY-HUB: a standard that does not exist in the region',
      'staging',
      (e) => {
        e.region = 'cn-north-1';
        e.allowedRegions = ['cn-north-1'];
        e.availabilityZones = ['cn-north-1a', 'cn-north-1b'];
        e.accountBaseline.securityHubStandards = ['aws-foundational-security-best-practices/v/1.0.0', 'nist-800-53/v/5.0.0'];
      },
      /^staging\.accountBaseline\.securityHubStandards\[1\]: got "nist-800-53\/v\/5\.0\.0", Security Hub does not offer this standard in cn-north-1 \(partition aws-cn\); it exists in aws, aws-us-gov$/,
    ],
    ['MON-SECURITY-HUB: a standard listed twice', 'staging', (e) => (e.accountBaseline.securityHubStandards = ['pci-dss/v/4.0.1', 'pci-dss/v/4.0.1']), /^staging\.accountBaseline\.securityHubStandards\[1\]: got "pci-dss\/v\/4\.0\.1", each standard may appear once$/],
    ['MON-SECURITY-HUB: no standard at all', 'staging', (e) => (e.accountBaseline.securityHubStandards = []), /^staging\.accountBaseline\.securityHubStandards: got \[\], expected at least one standard$/],
    ['IAM-PASSWORD-POLICY: a maximum password age IAM does not accept', 'production', (e) => (e.accountBaseline.passwordMaxAgeDays = 2000), /^production\.accountBaseline\.passwordMaxAgeDays: got 2000, expected 1 to 1095 days \(the IAM maximum\)$/],
    ['IAM-ACCESS-ANALYZER: an unused-access age out of range', 'production', (e) => (e.accountBaseline.unusedAccessAgeDays = 0), /^production\.accountBaseline\.unusedAccessAgeDays: got 0, expected 1 to 365 days$/],
    ['an unknown baseline field', 'staging', (e) => (e.accountBaseline.guardDuty = true), /^staging\.accountBaseline: got unknown field\(s\) guardDuty, expected only the documented fields \(lib\/config\/schema\.ts\)$/],
  ])('fails on %s', (_name, env, change, message) => {
    expect(issuesOf(withChange(env, change))).toContainEqual(expect.stringMatching(message));
  });

  test('AUD-CLOUDTRAIL: fails when two environments share an account and region and both own the baseline', () => {
    const table = structuredClone(ENVIRONMENTS);
    (table as any).qa = {
      ...structuredClone(ENVIRONMENTS.staging),
      network: { vpcCidr: '10.30.0.0/16', natGateways: 1 },
    };
    expect(issuesOf(table)).toContainEqual(
      'qa.accountBaseline.enabled: got true, staging already owns the account baseline of 111111111111 in ap-southeast-1; turn it off in all but one environment',
    );
    (table as any).qa.accountBaseline = { enabled: false };
    expect(() => loadEnvironments(table)).not.toThrow();
  });
});
