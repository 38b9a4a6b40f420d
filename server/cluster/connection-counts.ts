// Open connections per address over all nodes (MAX_CONNECTIONS_PER_IP with REDIS_URL), so that
// the balancer spreading an address's sockets over three nodes does not give it three caps.
//
// Why per-node hashes: a count that survives a node's death without leaking. Each node keeps its
// own hash in Redis (address → open connections on that node) with a TTL it refreshes; a node
// that dies stops refreshing, and its hash – with every connection it held – expires by itself.
// A sorted set names the nodes (score: when their hash expires), so the total is the sum of one
// field over the live nodes' hashes. A single counter per address could not tell which of its
// connections belonged to a dead node, and would leak them for good.
//
// The hash mirrors the node's own ConnectionCounter: changed with it (one script a connection,
// which also reads the total: one round trip per handshake, none per message), and rewritten
// whole on every refresh and whenever Redis is back, so that an update lost while Redis was away
// (or a Redis restart) heals within a refresh. While Redis does not answer, the node's own count
// decides (see socket-guards.ts). The script reads keys it is not given (the other nodes'
// hashes): fine on one Redis server with replicas, not on a Redis Cluster.
import type { SharedBudgets } from '../security/quotas.ts';
import type { ConnectionCounter } from '../security/ip-limits.ts';

// KEYS[1] this node's hash, KEYS[2] the nodes; ARGV: address, now (ms), TTL (ms), this node,
// the prefix of every node's hash.
const ADD = `
redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('ZADD', KEYS[2], tonumber(ARGV[2]) + tonumber(ARGV[3]), ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[2])
local total = 0
for _, node in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
  total = total + math.max(0, tonumber(redis.call('HGET', ARGV[5] .. node, ARGV[1])) or 0)
end
return total`;

// Never below 0: a close counted here whose opening Redis missed is healed by the next refresh.
const REMOVE = `
if redis.call('HINCRBY', KEYS[1], ARGV[1], -1) <= 0 then redis.call('HDEL', KEYS[1], ARGV[1]) end`;

export type ClusterConnections = {
  /**
   * Counts a new connection of `key` on this node; resolves with the address's open connections
   * on all live nodes (this one included), or undefined when Redis did not answer. Never rejects.
   */
  add: (key: string) => Promise<number | undefined>;
  remove: (key: string) => void;
  /** Stops refreshing and takes this node's hash out (its connections are closing). */
  close: () => Promise<void>;
};

export function clusterConnections(shared: SharedBudgets, node: string, local: ConnectionCounter, ttlMs = 30_000): ClusterConnections {
  const { client } = shared;
  const prefix = `${shared.prefix}:connections:`;
  const own = prefix + node;
  const nodes = `${shared.prefix}:connection-nodes`;
  // The whole of this node's count, as one transaction: what Redis missed is put right.
  const refresh = () => {
    const multi = client.multi().del(own);
    const entries = local.entries();
    if (entries.length) multi.hset(own, Object.fromEntries(entries));
    void multi.pexpire(own, ttlMs).zadd(nodes, Date.now() + ttlMs, node).exec().catch(() => {});
  };
  const timer = setInterval(refresh, ttlMs / 3);
  timer.unref();
  client.on('ready', refresh);
  refresh();
  return {
    add: (key) =>
      client.eval(ADD, 2, own, nodes, key, Date.now(), ttlMs, node, prefix).then(
        (total) => Number(total),
        () => undefined,
      ),
    remove: (key) => void client.eval(REMOVE, 1, own, key).catch(() => {}),
    async close() {
      clearInterval(timer);
      client.off('ready', refresh);
      await client.multi().del(own).zrem(nodes, node).exec().catch(() => {});
    },
  };
}
