// `npm start`: build the web app if needed, then run `steward start`.
import { spawn } from 'node:child_process';
import { ensureWebBuild, webDist } from './lib/web-build.mjs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`Steward needs Node.js 22.12 or newer (this is ${process.version}). See the README.\n`);
  process.exit(1);
}
ensureWebBuild();
const server = spawn(process.execPath, [new URL('../apps/server/bin/steward.mjs', import.meta.url).pathname, 'start', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { STEWARD_WEB_DIST: webDist, ...process.env },
});
// The server stops itself (and its embedded database) on these; the wrapper waits for it.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
