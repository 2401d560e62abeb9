// `npm run dev`: the server and Vite's dev server side by side; Vite proxies /api to the server.
import { spawn } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const children = [
  // Better Auth checks the origin, which in development is Vite's.
  spawn(process.execPath, ['apps/server/bin/steward.mjs', 'start'], {
    cwd: root,
    stdio: 'inherit',
    env: { BASE_URL: 'http://localhost:5173', ...process.env },
  }),
  spawn('npm', ['run', 'dev', '-w', 'apps/web'], { cwd: root, stdio: 'inherit' }),
];
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
  });
for (const child of children) child.on('exit', (code) => process.exit(code ?? 0));
