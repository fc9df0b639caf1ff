/**
 * One snapshot per stack, with asset hashes masked (test/support/mask-volatile.js), so that a
 * pull request's snapshot diff shows exactly the infrastructure it changes. Snapshots complement
 * the fine-grained assertions of each area; they prove nothing on their own.
 */
import { allStacks, templateJson } from './support/synth';

describe('template snapshots', () => {
  test.each(allStacks().map((s) => [`${s.env}/${s.stackId}`, s.env, s.stackId]))('%s matches its snapshot', (_name, env, stackId) => {
    expect(templateJson(env, stackId)).toMatchSnapshot();
  });
});
