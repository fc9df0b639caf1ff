/** Small IPv4 CIDR helpers for config validation (the schema has already checked the syntax). */

/** The first and last address of a CIDR block, as unsigned 32-bit integers. */
export function cidrRange(cidr: string): { first: number; last: number; prefix: number } {
  const [address, prefixText] = cidr.split('/');
  const prefix = Number(prefixText);
  const value = address.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
  const size = 2 ** (32 - prefix);
  const first = value - (value % size);
  return { first, last: first + size - 1, prefix };
}

/** True when the two blocks share at least one address. */
export function cidrsOverlap(a: string, b: string): boolean {
  const x = cidrRange(a);
  const y = cidrRange(b);
  return x.first <= y.last && y.first <= x.last;
}

/** True when the address part has no bits set below the prefix (10.0.0.0/16, not 10.0.1.0/16). */
export function isNetworkAddress(cidr: string): boolean {
  const [address, prefixText] = cidr.split('/');
  const value = address.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
  return value % 2 ** (32 - Number(prefixText)) === 0;
}
