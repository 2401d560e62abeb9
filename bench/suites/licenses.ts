import { createPublicKey, verify } from 'node:crypto';
import { DeviceClient, importLicensePublicKey, verifyLicenseToken } from '@steward/client';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { simulateDevices } from '../../apps/server/src/cli/simulate-devices.ts';
import { ensureCatalogue } from '../../apps/server/src/modules/licenses/catalogue.ts';
import { issueLicense } from '../../apps/server/src/modules/licenses/issue-license.ts';
import type { Deps } from '../../apps/server/src/platform/deps.ts';
import { type Load, load, signedInCookie, startBenchServer } from './bench-server.ts';
import type { DeviceTokens } from './device-tokens.ts';

const SMALL_FLEET = 1_000;
const LARGE_FLEET = 1_000_000;
const CONNECTIONS = 64;
const SECONDS = 10;
const VERIFICATIONS = 20_000;
const SEED_BATCH = 100_000;

const line = (label: string, value: string, beside = '') => process.stdout.write(`  ${label.padEnd(44)} ${value.padStart(14)}  ${beside}\n`);
const describe = (l: Load) => `${Math.round(l.rps).toLocaleString('en')} req/s`;
const latency = (l: Load) => `p50 ${l.p50} ms, p99 ${l.p99} ms`;
const round = (n: number) => Math.round(n * 1000) / 1000;

/** Devices numbered from..to, spread over 10,000 owners, inserted by the database itself in batches. */
async function seedDevices(deps: Deps, from: number, to: number, onProgress: (done: number) => void): Promise<void> {
  for (let start = from; start <= to; start += SEED_BATCH) {
    const end = Math.min(to, start + SEED_BATCH - 1);
    await deps.db.execute(sql`insert into device (id, user_id, name, platform, machine_hash, protection_status, token_hash, token_scopes, enrolled_at)
      select ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'bench-owner-' || (g % 10000), 'Bench device ' || g, 'linux', md5(g::text),
        'unknown', encode(sha256(convert_to(md5(g::text) || md5(g::text || 's'), 'UTF8')), 'hex'), '["checkin","commands","licenses"]'::jsonb, now()
      from generate_series(${start}::int, ${end}::int) g`);
    onProgress(end);
  }
  await deps.db.execute(sql`vacuum analyze device`);
}

/** The ceiling: a bare Fastify route doing one primary-key SELECT on the server's own pool. */
async function startCeiling(deps: Deps): Promise<{ url: string; close(): Promise<void> }> {
  const bare = Fastify();
  bare.get<{ Params: { id: string } }>('/license/:id', async (request) => {
    const result = await deps.pool.query('select id, status, expires_at from license where id = $1', [request.params.id]);
    return result.rows[0];
  });
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const address = bare.server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, close: () => bare.close() };
}

const CHECKIN = JSON.stringify({ protectionStatus: 'protected', productVersion: '24.11.0', problems: [] });

async function checkinLoad(url: string, deviceTokens: DeviceTokens): Promise<Load> {
  const options = { method: 'POST' as const, body: CHECKIN, connections: CONNECTIONS, deviceTokens };
  await load(`${url}/api/v1/devices/checkin`, '', { ...options, seconds: 3 });
  return load(`${url}/api/v1/devices/checkin`, '', { ...options, seconds: SECONDS });
}

/** Offline verification of one license token, beside a bare Ed25519 verify of the same bytes. */
function tokenVerification(token: string, jwk: Parameters<typeof importLicensePublicKey>[0], fingerprint: string) {
  const key = importLicensePublicKey(jwk);
  const raw = createPublicKey({ key: jwk, format: 'jwk' });
  const [header, payload, signature] = token.split('.');
  const signed = Buffer.from(`${header}.${payload}`);
  const bytes = Buffer.from(signature, 'base64url');
  const time = (task: () => unknown) => {
    for (let i = 0; i < 2000; i++) task();
    const start = process.hrtime.bigint();
    for (let i = 0; i < VERIFICATIONS; i++) task();
    return Number(process.hrtime.bigint() - start) / 1000 / VERIFICATIONS;
  };
  const ours = time(() => {
    if (!verifyLicenseToken(token, key, { fingerprint }).valid) throw new Error('the bench token does not verify');
  });
  const ceiling = time(() => verify(null, signed, raw, bytes));
  return { ours, ceiling };
}

export async function licensesBench(): Promise<Record<string, number>> {
  process.stdout.write('licenses: validate and check-in under load beside a bare primary-key SELECT, offline token checks, check-in at scale\n');
  const server = await startBenchServer();
  const ceilingServer = await startCeiling(server.runtime.deps);
  try {
    const deps = server.runtime.deps;
    await ensureCatalogue(deps);
    const owner = await signedInCookie(server);
    const simulation = await simulateDevices({ baseUrl: server.url, email: owner.email, password: owner.password, count: 50, rounds: 5 });
    line(
      'simulator: 50 devices x 5 rounds (steward device simulate)',
      `${Math.round(simulation.checkinsPerSecond).toLocaleString('en')} /s`,
      `p99 ${simulation.checkinP99Ms.toFixed(1)} ms`,
    );

    const { id: licenseId, code } = await issueLicense(deps, { typeId: 'total-security-1y-3', termDays: 365, userId: owner.userId });
    const fingerprint = 'bench-machine-fingerprint';
    const product = new DeviceClient({ baseUrl: server.url });
    const activation = await product.activate({ code, fingerprint, deviceName: 'Bench laptop' });
    const jwk = await product.licenseKey();

    const ceiling = await (async () => {
      await load(`${ceilingServer.url}/license/${licenseId}`, '', { seconds: 3, connections: CONNECTIONS });
      return load(`${ceilingServer.url}/license/${licenseId}`, '', { seconds: SECONDS, connections: CONNECTIONS });
    })();
    line('ceiling: bare route, one primary-key SELECT', describe(ceiling), latency(ceiling));

    const validateOptions = { method: 'POST' as const, body: JSON.stringify({ token: activation.token, fingerprint }), connections: CONNECTIONS };
    await load(`${server.url}/api/v1/licenses/validate`, '', { ...validateOptions, seconds: 3 });
    const validate = await load(`${server.url}/api/v1/licenses/validate`, '', { ...validateOptions, seconds: SECONDS });
    line(
      'POST /api/v1/licenses/validate (token)',
      describe(validate),
      `${latency(validate)}; ${Math.round((validate.rps / ceiling.rps) * 100)} % of the ceiling`,
    );

    await seedDevices(deps, 1, SMALL_FLEET, () => {});
    const small = await checkinLoad(server.url, { fleet: SMALL_FLEET, order: 'cycle' });
    line(
      `POST /api/v1/devices/checkin, ${SMALL_FLEET.toLocaleString('en')} devices`,
      describe(small),
      `${latency(small)}; ${Math.round((small.rps / ceiling.rps) * 100)} % of the ceiling`,
    );

    const seedStart = process.hrtime.bigint();
    await seedDevices(deps, SMALL_FLEET + 1, LARGE_FLEET, (done) =>
      process.stderr.write(`\r  seeding devices ${done.toLocaleString('en')} / ${LARGE_FLEET.toLocaleString('en')}`),
    );
    process.stderr.write('\n');
    const seeded = Number(process.hrtime.bigint() - seedStart) / 1e9;
    const large = await checkinLoad(server.url, { fleet: LARGE_FLEET, order: 'random' });
    line(
      `POST /api/v1/devices/checkin, ${LARGE_FLEET.toLocaleString('en')} devices`,
      describe(large),
      `${latency(large)}; p99 ${round(large.p99 / Math.max(small.p99, 1))}x of ${SMALL_FLEET.toLocaleString('en')} devices (seeded in ${seeded.toFixed(0)} s)`,
    );

    const verification = tokenVerification(activation.token, jwk, fingerprint);
    line('offline license-token verification', `${verification.ours.toFixed(1)} µs`, `ceiling: bare Ed25519 verify ${verification.ceiling.toFixed(1)} µs`);

    return {
      validate_rps: Math.round(validate.rps),
      validate_p50_ms: validate.p50,
      validate_p99_ms: validate.p99,
      ceiling_rps: Math.round(ceiling.rps),
      ceiling_p50_ms: ceiling.p50,
      ceiling_p99_ms: ceiling.p99,
      validate_ratio: round(validate.rps / ceiling.rps),
      checkin_per_s: Math.round(small.rps),
      checkin_p50_ms: small.p50,
      checkin_p99_ms: small.p99,
      checkin_ratio: round(small.rps / ceiling.rps),
      checkin_1m_per_s: Math.round(large.rps),
      checkin_1m_p99_ms: large.p99,
      checkin_p99_scale_ratio: round(large.p99 / Math.max(small.p99, 1)),
      simulated_checkin_per_s: Math.round(simulation.checkinsPerSecond),
      token_verify_us: round(verification.ours),
      token_verify_ceiling_us: round(verification.ceiling),
    };
  } finally {
    await ceilingServer.close();
    await server.close();
  }
}
