/**
 * Cross-field rules the schema cannot express, split by area as the schema is: one file per
 * configuration section under `validate/`, and the rules across environments in
 * `validate/across-environments.ts`. Each validator returns every problem it finds (never
 * throws), so the loader can report them all at once; this file lists them in the order their
 * problems are reported, and keeps every name it exported before the areas moved out.
 */
import { accountBaseline } from './validate/account-baseline';
import { alerts } from './validate/alerts';
import { backup } from './validate/backup';
import type { Validator } from './validate/common';
import { data } from './validate/data';
import { edge, edgeProtection } from './validate/edge';
import { identity } from './validate/identity';
import { logs } from './validate/logs';
import { clientVpn, network } from './validate/network';
import { productionFloors } from './validate/production-opt-outs';
import { regions, zones } from './validate/regions';
import { signIn } from './validate/sign-in';
import { workload } from './validate/workload';

export { FARGATE_TASK_SIZES } from '../aws-facts/fargate';
export { validateAcrossEnvironments } from './validate/across-environments';
export { VAULT_LOCK_MIN_COOL_OFF_DAYS } from './validate/backup';
export { partitionOf, quoted, type ConfigIssue } from './validate/common';
export { SAML_PROVIDER_ARN } from './validate/identity';

/** Every per-environment validator, by area. Later areas add theirs here. */
export const ENVIRONMENT_VALIDATORS: readonly Validator[] = [
  regions,
  zones,
  network,
  clientVpn,
  edge,
  edgeProtection,
  workload,
  data,
  logs,
  alerts,
  accountBaseline,
  backup,
  identity,
  signIn,
  productionFloors,
];
