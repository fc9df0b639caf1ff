/**
 * The acknowledgement table is joined from one file per area (lib/nag/acknowledgements/); the join
 * must neither let one area's key silently replace another's nor drop or reorder a key, because
 * docs/acknowledgements.md and the controls report list the table in its order.
 */
import { joinAreas, type Acknowledgement } from '../lib/nag/acknowledgements';

const entry = (rule: string): readonly Acknowledgement[] => [{ rule, control: 'FND-DATA-RESIDENCY', reason: `why ${rule}` }];
const network = { routeA: entry('A'), aclB: entry('B') };
const edge = { listenerC: entry('C') };

describe('joinAreas', () => {
  test('lists every key of every area in the listing order, not the order of the areas', () => {
    const joined = joinAreas([network, edge], ['listenerC', 'routeA', 'aclB']);
    expect(Object.keys(joined)).toEqual(['listenerC', 'routeA', 'aclB']);
    expect(joined.listenerC).toBe(edge.listenerC);
    expect(joined.aclB).toBe(network.aclB);
  });

  test.each([
    ['a key defined in two areas', [network, { routeA: entry('D') }], ['routeA', 'aclB'], /routeA is defined in two areas/],
    ['a key missing from the listing order', [network, edge], ['routeA', 'aclB'], /listenerC is missing from the listing order/],
    ['a key listed twice', [network], ['routeA', 'aclB', 'routeA'], /routeA is listed twice/],
    ['a listed key no area defines', [network], ['routeA', 'aclB', 'gone'], /gone is listed but no area defines it/],
  ])('fails on %s', (_case, areas, order, message) => {
    expect(() => joinAreas(areas, order)).toThrow(message);
  });
});
