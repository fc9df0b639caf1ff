/**
 * Ports that carry meaning between stacks. The network ACLs admit exactly these, so a stack that
 * listens elsewhere is unreachable: change them here, never in one stack alone.
 */

/**
 * The PostgreSQL port every tenant database listens on. The isolated tier's network ACL admits
 * this port, and nothing else, from the private tier (NET-NACLS); the data stacks must use it.
 */
export const DATABASE_PORT = 5432;

/** HTTPS: the only port the load balancer serves for real, and the only one workloads may call out on (000 "TLS/SSL for all ... outgoing network traffic"). */
export const HTTPS_PORT = 443;

/** HTTP: admitted at the load balancer only, which answers with a redirect to HTTPS. */
export const HTTP_PORT = 80;

/**
 * Ports a client picks for its side of a TCP connection, as network ACLs must admit them for
 * return traffic. 1024-65535 is the widest range in use (NAT gateways, Windows, the load
 * balancer), as the VPC user guide recommends for NACLs.
 */
export const EPHEMERAL_PORTS = { from: 1024, to: 65535 } as const;

/**
 * Remote administration ports no ingress rule may ever cover (NET-NO-ADMIN-PORTS): SSH and RDP.
 * Operators use SSM Session Manager or the Client VPN instead.
 */
export const ADMIN_PORTS: readonly number[] = [22, 3389];
