/**
 * Production floors with a named opt-out (`productionOptOuts.<field>`): production keeps the
 * seed's promise unless its configuration names the reason, the opt-out is refused where it
 * changes nothing or where there is no floor (staging), and the controls report shows each
 * opt-out in force beside the control it weakens.
 */
import { loadEnvironments } from '../lib/config/load';
import { optOutsOf } from '../lib/controls/evidence';
import { issuesOf, withChange } from './support/config-cases';

const REASON = 'Approved by the CISO on 2026-11-30: DR copies to Sydney under contract clause 7';

const production = (change: (e: any) => void) => loadEnvironments(withChange('production', change), ['production'])[0];

describe('production floors and their opt-outs', () => {
  test('the fixture production keeps every floor and opts out of none', () => {
    const env = production(() => undefined);
    expect(env.productionOptOuts).toEqual({});
    expect(optOutsOf(env)).toEqual({});
  });

  test.each<[string, (e: any) => void, RegExp]>([
    [
      'FND-DATA-RESIDENCY: a second allowed region without the opt-out',
      (e) => (e.allowedRegions = ['ap-southeast-1', 'ap-southeast-2']),
      /^production\.allowedRegions: got \["ap-southeast-1","ap-southeast-2"\], production keeps services and data in its home region only \(003 "hosted in \.\.\. Singapore", FND-DATA-RESIDENCY\): set it to \["ap-southeast-1"\], or give the reason in productionOptOuts\.regionsBeyondHome$/,
    ],
    [
      'FND-DATA-RESIDENCY: the opt-out while production allows only its home region',
      (e) => (e.productionOptOuts = { regionsBeyondHome: REASON }),
      /^production\.productionOptOuts\.regionsBeyondHome: got ".*", allowedRegions is only the home region "ap-southeast-1": remove the opt-out$/,
    ],
    [
      'INC-ALERT-TOPICS: no paging endpoint without the opt-out',
      (e) => delete e.alerts.httpsEndpointSecret,
      /^production\.alerts\.httpsEndpointSecret: got no value, production pages its on-call team \(003 "teams are paged", INC-ALERT-TOPICS\): name the Secrets Manager secret of the paging endpoint, or give the reason in productionOptOuts\.paging$/,
    ],
    [
      'INC-ALERT-TOPICS: the opt-out while a paging endpoint is set',
      (e) => (e.productionOptOuts = { paging: REASON }),
      /^production\.productionOptOuts\.paging: got ".*", alerts\.httpsEndpointSecret is set, so production pages: remove the opt-out$/,
    ],
    [
      'EDGE-DDOS-SHIELD: Shield Advanced off without the opt-out',
      (e) => (e.edge.shieldAdvanced = false),
      /^production\.edge\.shieldAdvanced: got false, production is protected by Shield Advanced \(000 "DDoS protected infrastructure", EDGE-DDOS-SHIELD\): set it to true, or give the reason in productionOptOuts\.shieldAdvanced$/,
    ],
    [
      'EDGE-DDOS-SHIELD: the opt-out while Shield Advanced is on',
      (e) => (e.productionOptOuts = { shieldAdvanced: REASON }),
      /^production\.productionOptOuts\.shieldAdvanced: got ".*", edge\.shieldAdvanced is true: remove the opt-out$/,
    ],
    [
      'EDGE-DDOS-SHIELD: an opt-out without a reason an auditor can read',
      (e) => ((e.edge.shieldAdvanced = false), (e.productionOptOuts = { shieldAdvanced: 'cost' })),
      /^production\.productionOptOuts\.shieldAdvanced: got "cost", expected the reason and who approved it, in at least 20 characters$/,
    ],
    [
      'EDGE-DDOS-SHIELD: an opt-out of a floor that does not exist',
      (e) => (e.productionOptOuts = { wafRateLimit: REASON }),
      /^production\.productionOptOuts: .*wafRateLimit/,
    ],
  ])('fails on %s', (_name, change, message) => {
    const issues = issuesOf(withChange('production', change));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(message);
  });

  test('FND-DATA-RESIDENCY: staging has no floor to opt out of, and says so', () => {
    expect(issuesOf(withChange('staging', (e) => (e.productionOptOuts = { paging: REASON })))).toEqual([
      `staging.productionOptOuts.paging: got "${REASON}", only a production environment has floors to opt out of: remove it from this staging environment`,
    ]);
  });

  test.each<[string, (e: any) => void, string, string]>([
    ['FND-DATA-RESIDENCY', (e) => ((e.allowedRegions = ['ap-southeast-1', 'ap-southeast-2']), (e.productionOptOuts = { regionsBeyondHome: REASON })), 'FND-DATA-RESIDENCY', 'regionsBeyondHome'],
    ['INC-ALERT-TOPICS', (e) => (delete e.alerts.httpsEndpointSecret, (e.productionOptOuts = { paging: REASON })), 'INC-ALERT-TOPICS', 'paging'],
    ['EDGE-DDOS-SHIELD', (e) => ((e.edge.shieldAdvanced = false), (e.productionOptOuts = { shieldAdvanced: REASON })), 'EDGE-DDOS-SHIELD', 'shieldAdvanced'],
  ])('%s: with the named opt-out production validates below the floor, and the opt-out is reported beside its control', (_name, change, id, field) => {
    const env = production(change);
    expect(optOutsOf(env)).toEqual({ [id]: `productionOptOuts.${field}: "${REASON}"` });
  });

  test('FND-DATA-RESIDENCY: staging may allow further regions without an opt-out (it holds no production data)', () => {
    const env = loadEnvironments(withChange('staging', (e) => (e.allowedRegions = ['ap-southeast-1', 'ap-southeast-2'])), ['staging'])[0];
    expect(env.allowedRegions).toEqual(['ap-southeast-1', 'ap-southeast-2']);
  });
});
