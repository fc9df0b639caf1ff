/**
 * Snapshot serializer: replaces asset hashes (64 hex digits, alone or in `<hash>.zip`) so that
 * snapshots change only when infrastructure does, not when a Lambda's bundle or CDK's own
 * custom-resource code changes byte for byte.
 */
const HASH = /[0-9a-f]{64}/g;

module.exports = {
  test: (value) => typeof value === 'string' && /[0-9a-f]{64}/.test(value),
  serialize: (value) => JSON.stringify(value.replace(HASH, '[ASSET HASH]')),
};
