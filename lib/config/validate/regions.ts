/**
 * The environment's place in AWS: its allowed regions include the home region, and its zones are
 * zones of that region, each named once, as many as production needs.
 */
import { AVAILABILITY_ZONE_LETTERS, availabilityZonesOf } from '../../aws-facts/availability-zones';
import { PRODUCTION_FLOORS } from '../floors';
import { quoted, type ConfigIssue, type Validator } from './common';

export const regions: Validator = (env) => {
  const issues: ConfigIssue[] = [];
  if (!env.allowedRegions.includes(env.region)) {
    issues.push({
      env: env.name,
      path: 'allowedRegions',
      got: quoted(env.allowedRegions),
      expected: `the list must include the home region "${env.region}"`,
    });
  }
  return issues;
};

export const zones: Validator = (env) => {
  const issues: ConfigIssue[] = [];
  const known = availabilityZonesOf(env.region);
  if (known === undefined) {
    issues.push({
      env: env.name,
      path: 'region',
      got: quoted(env.region),
      expected: `expected a region whose zones lib/aws-facts/availability-zones.ts lists (${Object.keys(AVAILABILITY_ZONE_LETTERS).join(', ')})`,
    });
  }
  env.availabilityZones.forEach((az, i) => {
    // Zone names only: zone IDs (apse1-az1) are the same in every account but CloudFormation's
    // subnet and database properties take names.
    if (known !== undefined && !known.includes(az)) {
      issues.push({
        env: env.name,
        path: `availabilityZones[${i}]`,
        got: quoted(az),
        expected: `expected a zone of ${env.region}: ${known.join(', ')}`,
      });
    }
  });
  const duplicates = env.availabilityZones.filter((az, i) => env.availabilityZones.indexOf(az) !== i);
  if (duplicates.length > 0) {
    issues.push({
      env: env.name,
      path: 'availabilityZones',
      got: quoted(env.availabilityZones),
      expected: `each zone may appear once (repeated: ${[...new Set(duplicates)].join(', ')})`,
    });
  }
  if (env.tier === 'production' && env.availabilityZones.length < PRODUCTION_FLOORS.availabilityZones) {
    issues.push({
      env: env.name,
      path: 'availabilityZones',
      got: `${env.availabilityZones.length} zones`,
      expected: `production needs at least ${PRODUCTION_FLOORS.availabilityZones}`,
    });
  }
  return issues;
};
