/** `alerts`: forwarding global events from us-east-1 only where the partition has it. */
import { partitionOf, type Validator } from './common';

export const alerts: Validator = (env) => {
  const partition = partitionOf(env.region);
  if (!env.alerts.forwardGlobalEvents || partition === 'aws') return [];
  // GlobalEventsStack forwards from us-east-1, where the aws partition's global endpoints deliver;
  // other partitions have other global regions, which this baseline does not model.
  return [
    {
      env: env.name,
      path: 'alerts.forwardGlobalEvents',
      got: 'true',
      expected: `forwarding from us-east-1 exists only in the aws partition, not ${partition} (${env.region}); set it to false`,
    },
  ];
};
