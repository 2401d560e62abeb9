import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';

export async function healthRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  app.get('/healthz', { schema: { hide: true }, config: { rateLimit: false } }, async () => ({ status: 'alive' }));
  app.get('/readyz', { schema: { hide: true }, config: { rateLimit: false } }, async (_request, reply) => {
    const checks = { database: false, jobs: opts.deps.jobs === undefined ? 'off' : false };
    try {
      await opts.deps.pool.query('select 1');
      checks.database = true;
      if (opts.deps.jobs) checks.jobs = await opts.deps.jobs.isInstalled();
    } catch {
      // An unready dependency is the answer, not an error.
    }
    const ready = checks.database && checks.jobs !== false;
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not-ready', checks });
  });
}
