/**
 * `productionOptOuts`: the floors production keeps unless an opt-out names its reason, opt-outs
 * refused where they change nothing or sit outside production, and the one floor with no opt-out
 * (read auditing).
 */
import { PRODUCTION_FLOORS } from '../floors';
import { quoted, type ConfigIssue, type Validator } from './common';

/**
 * Production floors a seed promises but that an adopter may go below with a named opt-out
 * (`productionOptOuts.<field>`, its reason shown in the controls report), and the one it may not
 * (read auditing). An opt-out is refused where it changes nothing, so that every opt-out in a
 * configuration is one in force.
 */
export const productionFloors: Validator = (env) => {
  const issues: ConfigIssue[] = [];
  const issue = (path: string, got: string, expected: string) => issues.push({ env: env.name, path, got, expected });
  const optOuts = env.productionOptOuts;
  if (env.tier !== 'production') {
    for (const [field, reason] of Object.entries(optOuts)) {
      if (reason !== undefined) issue(`productionOptOuts.${field}`, quoted(reason), `only a production environment has floors to opt out of: remove it from this ${env.tier} environment`);
    }
    return issues;
  }
  const beyondHome = env.allowedRegions.filter((r) => r !== env.region);
  if (PRODUCTION_FLOORS.onlyHomeRegion && beyondHome.length > 0 && optOuts.regionsBeyondHome === undefined) {
    issue(
      'allowedRegions',
      quoted(env.allowedRegions),
      `production keeps services and data in its home region only (003 "hosted in ... Singapore", FND-DATA-RESIDENCY): set it to ["${env.region}"], or give the reason in productionOptOuts.regionsBeyondHome`,
    );
  } else if (beyondHome.length === 0 && optOuts.regionsBeyondHome !== undefined) {
    issue('productionOptOuts.regionsBeyondHome', quoted(optOuts.regionsBeyondHome), `allowedRegions is only the home region "${env.region}": remove the opt-out`);
  }
  if (PRODUCTION_FLOORS.pagingEndpoint && env.alerts.httpsEndpointSecret === undefined && optOuts.paging === undefined) {
    issue(
      'alerts.httpsEndpointSecret',
      'no value',
      'production pages its on-call team (003 "teams are paged", INC-ALERT-TOPICS): name the Secrets Manager secret of the paging endpoint, or give the reason in productionOptOuts.paging',
    );
  } else if (env.alerts.httpsEndpointSecret !== undefined && optOuts.paging !== undefined) {
    issue('productionOptOuts.paging', quoted(optOuts.paging), 'alerts.httpsEndpointSecret is set, so production pages: remove the opt-out');
  }
  if (PRODUCTION_FLOORS.shieldAdvanced && !env.edge.shieldAdvanced && optOuts.shieldAdvanced === undefined) {
    issue(
      'edge.shieldAdvanced',
      'false',
      'production is protected by Shield Advanced (000 "DDoS protected infrastructure", EDGE-DDOS-SHIELD): set it to true, or give the reason in productionOptOuts.shieldAdvanced',
    );
  } else if (env.edge.shieldAdvanced && optOuts.shieldAdvanced !== undefined) {
    issue('productionOptOuts.shieldAdvanced', quoted(optOuts.shieldAdvanced), 'edge.shieldAdvanced is true: remove the opt-out');
  }
  if (env.data.auditReads !== PRODUCTION_FLOORS.auditReads) {
    issue('data.auditReads', 'false', 'production records reads of customer data too (002 "any access to customer\'s data is logged", DB-AUDIT-LOGGING): set it to true or leave it out');
  }
  return issues;
};
