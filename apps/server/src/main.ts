import { Command } from 'commander';
import { buildApp } from './app.ts';
import { createStaff } from './cli/create-staff.ts';
import { DEMO_PASSWORD, seedDemo } from './cli/seed-demo.ts';
import { type SimulationProgress, simulateDevices } from './cli/simulate-devices.ts';
import { startServer } from './cli/start-server.ts';
import { ensureCatalogue, licenseTypeOf, listOffers } from './modules/licenses/catalogue.ts';
import { issueLicense } from './modules/licenses/issue-license.ts';
import { formatDataMapTable, personalColumns } from './modules/privacy/datamap-view.ts';
import { formatRetentionReport, retentionReport } from './modules/privacy/retention/retention-report.ts';
import { retentionRule, retentionRules } from './modules/privacy/retention/rules.ts';
import { runRetention } from './modules/privacy/retention/run-retention.ts';
import { formatQueue } from './modules/privacy/rights/format-queue.ts';
import { requestQueue } from './modules/privacy/rights/request-queue.ts';
import { runExport } from './modules/privacy/rights/run-export.ts';
import { addAgent } from './modules/support/departments.ts';
import { sendRequestSurveys } from './modules/support/send-request-surveys.ts';
import { sendYearlySurveys } from './modules/support/send-yearly-surveys.ts';
import { verifyAuditChain } from './platform/audit/verify-audit-chain.ts';
import { ConfigError, loadConfig } from './platform/config.ts';
import { collectDataMap } from './platform/datamap/collect.ts';
import { Problem } from './platform/errors.ts';
import { openRuntime } from './platform/runtime.ts';

async function withRuntime<T>(task: (runtime: Awaited<ReturnType<typeof openRuntime>>) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(loadConfig(), { jobs: false });
  try {
    return await task(runtime);
  } finally {
    await runtime.close();
  }
}

const program = new Command('steward').description('Steward: customer platform and privacy engine');

program
  .command('start')
  .description('run the HTTP server and the job runner')
  .action(() => startServer(loadConfig()));

program
  .command('migrate')
  .description('apply database migrations and exit')
  .action(() => withRuntime(async () => void process.stdout.write('migrations applied\n')));

program
  .command('seed')
  .description('add demo data')
  .option('--demo', 'demo customers and staff, all with the demo password')
  .action((options: { demo?: boolean }) =>
    withRuntime(async ({ deps }) => {
      if (!options.demo) throw new Error('say which data: --demo');
      const { auth } = await buildApp(deps);
      const lines = await seedDemo(auth, deps);
      process.stdout.write(`${lines.join('\n')}\nAll demo accounts use the password: ${DEMO_PASSWORD}\n`);
    }),
  );

program
  .command('datamap')
  .description('print every personal-data column with its purpose, legal basis, retention and erasure')
  .option('--json', 'print JSON instead of a table')
  .action((options: { json?: boolean }) => {
    const columns = personalColumns(collectDataMap());
    process.stdout.write(`${options.json ? JSON.stringify(columns, null, 2) : formatDataMapTable(columns)}\n`);
  });

const staff = program.command('staff').description('manage staff accounts');
staff
  .command('create')
  .description('create a staff account (or give an existing account a staff role)')
  .requiredOption('--email <email>', 'sign-in address')
  .requiredOption('--role <role>', 'admin | support | dpo')
  .option('--password <password>', 'password (generated and printed when omitted)')
  .option('--name <name>', 'display name')
  .option(
    '--department <code>',
    'support department the account works in (repeatable; role support or admin)',
    (code: string, all: string[]) => [...all, code],
    [],
  )
  .action((options: { email: string; role: string; password?: string; name?: string; department: string[] }) =>
    withRuntime(async ({ deps }) => {
      if (options.department.length > 0 && !['support', 'admin'].includes(options.role)) throw new Error('--department needs role support or admin');
      const { app, auth } = await buildApp(deps);
      // Ready runs the modules' start-up work, such as the default support departments.
      await app.ready();
      const result = await createStaff(auth, deps, options);
      for (const code of options.department) await addAgent(deps, code, result.userId);
      process.stdout.write(
        `staff account ${options.email} has role ${options.role}${options.department.length ? `, agent of ${options.department.join(', ')}` : ''}\n`,
      );
      if (result.generatedPassword) process.stdout.write(`password: ${result.generatedPassword}\n`);
      await app.close();
    }),
  );

const license = program.command('license').description('licenses');
license
  .command('issue')
  .description('issue activation codes of a license type, for codes sold elsewhere (resellers, boxes); each is printed once and stored only hashed')
  .requiredOption('--type <id>', 'license type, e.g. total-security-1y-10')
  .option('--count <n>', 'how many codes', '1')
  .action((options: { type: string; count: string }) =>
    withRuntime(async ({ deps }) => {
      const count = Number(options.count);
      if (!Number.isInteger(count) || count < 1 || count > 1000) throw new Error('--count must be a whole number from 1 to 1000');
      await ensureCatalogue(deps);
      const type = await licenseTypeOf(deps, options.type);
      if (!type) throw new Error(`no license type "${options.type}"; known: ${(await listOffers(deps)).map((offer) => offer.id).join(', ')}`);
      for (let i = 0; i < count; i++) process.stdout.write(`${(await issueLicense(deps, { typeId: type.id, termDays: type.termDays })).code}\n`);
    }),
  );

const support = program.command('support').description('the support desk');
support
  .command('send-surveys')
  .description('send now the satisfaction surveys the schedules would send: after closed requests, and the yearly one')
  .action(() =>
    withRuntime(async ({ deps }) => {
      const afterRequests = await sendRequestSurveys(deps);
      const yearly = await sendYearlySurveys(deps);
      process.stdout.write(`surveys sent: ${afterRequests} after closed requests, ${yearly} yearly\n`);
    }),
  );

const audit = program.command('audit').description('the audit log of staff access to personal data');
audit
  .command('verify')
  .description('recompute the hash chain and report the first entry that does not match')
  .action(() =>
    withRuntime(async ({ deps }) => {
      const result = await verifyAuditChain(deps.db);
      if (result.ok) process.stdout.write(`audit log intact: ${result.entries} entries, chain verified\n`);
      else {
        process.stdout.write(`audit log BROKEN at entry ${result.firstBadSeq} (of ${result.entries} read)\n`);
        process.exitCode = 2;
      }
    }),
  );

const retention = program.command('retention').description('the retention rules of the data map and their sweeps');
retention
  .command('report')
  .description('per rule: what is due now, the oldest item still held, the last run and its count')
  .action(() => withRuntime(async ({ deps }) => void process.stdout.write(formatRetentionReport(await retentionReport(deps)))));
retention
  .command('run')
  .description('run the sweep of one rule now, as its schedule would')
  .argument('<rule>', 'the rule id, as the report names it')
  .action((id: string) =>
    withRuntime(async ({ deps }) => {
      if (!retentionRules.some((rule) => rule.id === id)) throw new Error(`no retention rule "${id}"; known: ${retentionRules.map((r) => r.id).join(', ')}`);
      const rows = await runRetention(deps, retentionRule(id));
      process.stdout.write(`${id}: ${rows} removed\n`);
    }),
  );

const dsr = program.command('dsr').description('data subject requests (the rights centre)');
dsr
  .command('queue')
  .description('open requests: overdue first, then due within 7 days, then the rest (audited as a staff read)')
  .requiredOption('--actor <staffUserId>', 'the staff member reading the queue, for the audit log')
  .option('--limit <n>', 'how many', '50')
  .action((options: { actor: string; limit: string }) =>
    withRuntime(
      async ({ deps }) => void process.stdout.write(formatQueue(await requestQueue(deps, { userId: options.actor }, { limit: Number(options.limit) }))),
    ),
  );
dsr
  .command('run-export')
  .description('run or resume one export job now, from its last finished step')
  .argument('<requestId>', 'the export request id')
  .action((requestId: string) =>
    withRuntime(async ({ deps }) => {
      await runExport(deps, requestId);
      process.stdout.write(`export ${requestId} finished\n`);
    }),
  );

const device = program.command('device').description('devices and the product API');
device
  .command('simulate')
  .description('enroll simulated devices into an account on a running server, then run check-in rounds')
  .requiredOption('--count <n>', 'how many devices to enroll')
  .option('--url <url>', 'the server', 'http://localhost:3000')
  .option('--origin <url>', 'the server’s BASE_URL, when it differs from --url (sign-in checks it)')
  .option('--email <email>', 'the account the devices are linked to', 'ada@demo.steward.local')
  .option('--password <password>', 'its password', DEMO_PASSWORD)
  .option('--rounds <n>', 'check-ins per device', '3')
  .option('--concurrency <n>', 'requests in flight at once', '64')
  .action(async (options: { count: string; url: string; origin?: string; email: string; password: string; rounds: string; concurrency: string }) => {
    const whole = (name: string, raw: string, max: number) => {
      const n = Number(raw);
      if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`--${name} must be a whole number from 1 to ${max}`);
      return n;
    };
    const progress = ({ phase, done, total, waitingSeconds }: SimulationProgress) => {
      process.stderr.write(
        `\r${phase === 'enroll' ? 'enrolling' : 'checking in'} ${done}/${total}${waitingSeconds ? ` (rate-limited, waiting ${waitingSeconds}s)` : ''}\x1b[K`,
      );
    };
    const result = await simulateDevices({
      baseUrl: options.url.replace(/\/$/, ''),
      origin: options.origin?.replace(/\/$/, ''),
      email: options.email,
      password: options.password,
      count: whole('count', options.count, 1_000_000),
      rounds: whole('rounds', options.rounds, 10_000),
      concurrency: whole('concurrency', options.concurrency, 10_000),
      onProgress: progress,
    });
    process.stderr.write('\n');
    process.stdout.write(
      `enrolled ${result.enrolled} devices in ${result.enrollSeconds.toFixed(1)}s\n` +
        `${result.checkins} check-ins in ${result.checkinSeconds.toFixed(1)}s: ${Math.round(result.checkinsPerSecond)}/s, ` +
        `p50 ${result.checkinP50Ms.toFixed(1)} ms, p99 ${result.checkinP99Ms.toFixed(1)} ms\n` +
        `${result.commandsAcknowledged} commands acknowledged\n`,
    );
  });

program.parseAsync().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else if (error instanceof Problem) process.stderr.write(`${error.message}: ${error.detail ?? ''}\n`);
  else process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
