/**
 * The e2e web server: builds the web app, creates the staff account, then runs `steward start`.
 *
 * The staff account is made here, before the server starts, rather than in a Playwright
 * globalSetup: Playwright starts `webServer` before globalSetup runs, and without DATABASE_URL
 * the server runs an embedded PostgreSQL in STEWARD_DATA_DIR that a second process cannot open
 * while the server holds it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot, STAFF, serverEnv } from './env.ts';

const env = { ...process.env, ...serverEnv() };
const main = join(repoRoot, 'apps', 'server', 'src', 'main.ts');

function run(args: string[], cwd = repoRoot): void {
  const result = spawnSync(process.execPath, args, { cwd, env, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`e2e serve: \`${args.join(' ')}\` failed with ${result.status ?? result.signal}\n`);
    process.exit(1);
  }
}

if (!process.env.STEWARD_E2E_SKIP_BUILD) {
  run([join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], join(repoRoot, 'apps', 'web'));
}
run([main, 'staff', 'create', '--email', STAFF.email, '--role', STAFF.role, '--password', STAFF.password]);

const server = spawn(process.execPath, [main, 'start'], { cwd: repoRoot, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
