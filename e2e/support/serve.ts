/**
 * The e2e web server: builds the web app, creates the staff account, then runs `steward start`,
 * which serves the built app and the API on one origin.
 *
 * The staff account is made here, before the server starts, rather than in a Playwright
 * globalSetup: Playwright starts `webServer` before globalSetup runs, and without DATABASE_URL
 * the server runs an embedded PostgreSQL in STEWARD_DATA_DIR that a second process cannot open
 * while the server holds it.
 *
 * STEWARD_E2E_WEB=vite serves the app with `vite preview` instead, proxying /api to the server
 * on the next port (the server's BASE_URL stays the origin the browser sees).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BASE_URL, PORT, repoRoot, STAFF, serverEnv, WEB_DIST } from './env.ts';

const viaVite = process.env.STEWARD_E2E_WEB === 'vite';
const env: NodeJS.ProcessEnv = { ...process.env, ...serverEnv() };
if (viaVite) {
  env.PORT = String(PORT + 1);
  env.BASE_URL = BASE_URL;
  delete env.STEWARD_WEB_DIST;
}
const main = join(repoRoot, 'apps', 'server', 'src', 'main.ts');
const vite = join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
const webDir = join(repoRoot, 'apps', 'web');

function run(args: string[], cwd = repoRoot): void {
  const result = spawnSync(process.execPath, args, { cwd, env, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`e2e serve: \`${args.join(' ')}\` failed with ${result.status ?? result.signal}\n`);
    process.exit(1);
  }
}

if (!process.env.STEWARD_E2E_SKIP_BUILD) run([vite, 'build', '--logLevel', 'warn', '--outDir', WEB_DIST, '--emptyOutDir'], webDir);
run([main, 'staff', 'create', '--email', STAFF.email, '--role', STAFF.role, '--password', STAFF.password]);

const children: ChildProcess[] = [spawn(process.execPath, [main, 'start'], { cwd: repoRoot, env, stdio: 'inherit' })];
if (viaVite) {
  children.push(
    spawn(process.execPath, [vite, 'preview', '--port', String(PORT), '--strictPort', '--host', 'localhost', '--outDir', WEB_DIST], {
      cwd: webDir,
      env: { ...process.env, STEWARD_API_URL: `http://127.0.0.1:${PORT + 1}` },
      stdio: 'inherit',
    }),
  );
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
  });
}
for (const child of children) {
  child.on('exit', (code, signal) => {
    for (const other of children) if (other !== child) other.kill('SIGTERM');
    process.exit(code ?? (signal ? 1 : 0));
  });
}
