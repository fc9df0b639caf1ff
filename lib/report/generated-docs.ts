/**
 * Where the generated tables and the diagram of upstream's example live (`npm run docs` writes
 * them; tests fail when one is stale). They are reference material for reviewers and auditors,
 * kept out of the README so an adopter's README never conflicts with upstream's.
 */
export const GENERATED_DOCS = {
  diagram: 'docs/architecture.md',
  acknowledgements: 'docs/acknowledgements.md',
  alarms: 'docs/alarms.md',
  detectors: 'docs/audit.md',
} as const;
