import type { SecondaryStorage } from '@better-auth/core/db';
import type { Redis } from 'ioredis';

/** Shared counters and session cache, so every server process sees the same rate limits. */
export function redisStorage(redis: Redis): SecondaryStorage {
  return {
    get: (key) => redis.get(`auth:${key}`),
    getAndDelete: (key) => redis.getdel(`auth:${key}`),
    async increment(key, ttl) {
      const count = await redis.incr(`auth:${key}`);
      if (count === 1) await redis.expire(`auth:${key}`, ttl);
      return count;
    },
    async set(key, value, ttl) {
      if (ttl) await redis.set(`auth:${key}`, value, 'EX', ttl);
      else await redis.set(`auth:${key}`, value);
    },
    delete: (key) => redis.del(`auth:${key}`).then(() => undefined),
  };
}
