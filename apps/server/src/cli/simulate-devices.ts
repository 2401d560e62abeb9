import { randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  type CheckinReport,
  DeviceClient,
  type DeviceCommand,
  type HttpTransport,
  type ProtectionStatus,
  type ReportedProblem,
  StewardProblem,
} from '@steward/client';

export interface SimulationProgress {
  phase: 'enroll' | 'checkin';
  done: number;
  total: number;
  /** Set while the simulator waits out the server's rate limit. */
  waitingSeconds?: number;
}

export interface SimulationOptions {
  baseUrl: string;
  /** The account the devices are linked to; it signs in like a person would. */
  email: string;
  password: string;
  /** The server's own address (its BASE_URL), which sign-in requires as Origin; `baseUrl` when not given. */
  origin?: string;
  count: number;
  rounds: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Names for the first devices; the rest are "Simulated device N". */
  names?: string[];
  /** The chance that a device notices a new problem in a round. */
  problemRate?: number;
  /** Awaited, so a caller may act between phases (a test queues a command once all are enrolled). */
  onProgress?: (progress: SimulationProgress) => void | Promise<void>;
}

export interface SimulationResult {
  enrolled: number;
  checkins: number;
  commandsAcknowledged: number;
  enrollSeconds: number;
  checkinSeconds: number;
  checkinsPerSecond: number;
  checkinP50Ms: number;
  checkinP99Ms: number;
}

const PROBLEMS: ReportedProblem[] = [
  { code: 'definitions-outdated', detail: 'Threat definitions are more than 7 days old', fixable: true },
  { code: 'realtime-protection-off', detail: 'Real-time protection is switched off', fixable: true },
  { code: 'firewall-off', detail: 'The firewall is switched off', fixable: true },
  { code: 'restart-required', detail: 'An update waits for a restart', fixable: false },
];
const PLATFORMS = ['windows', 'macos', 'linux', 'android'];
const RESULTS: Record<DeviceCommand['kind'], string> = { lock: 'locked', alarm: 'alarm sounded', wipe: 'wiped', fix: 'fixed' };
/** The account API keeps at most this many enrollment codes open per user. */
const CODES_AT_ONCE = 5;

/** Runs `task` again after the wait a 429 or 503 names; anything else fails the run. */
async function patiently<T>(task: () => Promise<T>, onWait: (seconds: number) => void): Promise<T> {
  for (;;) {
    try {
      return await task();
    } catch (error) {
      if (!(error instanceof StewardProblem) || (error.status !== 429 && error.status !== 503)) throw error;
      const seconds = error.retryAfter ?? 1;
      onWait(seconds);
      await sleep(seconds * 1000);
    }
  }
}

/**
 * Node's own HTTP client with kept-alive connections: many simulated devices in one process cost
 * far less CPU than through `fetch`, so the simulator measures the server rather than itself.
 */
function nodeTransport(baseUrl: string, sockets: number): HttpTransport {
  const secure = baseUrl.startsWith('https:');
  const agent = secure ? new https.Agent({ keepAlive: true, maxSockets: sockets }) : new http.Agent({ keepAlive: true, maxSockets: sockets });
  const send = secure ? https.request : http.request;
  return (url, init) =>
    new Promise((resolve, reject) => {
      const headers = init.body === undefined ? init.headers : { ...init.headers, 'content-length': String(Buffer.byteLength(init.body)) };
      const request = send(url, { method: init.method, headers, agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          const text = Buffer.concat(chunks).toString('utf8');
          const header = (name: string) => response.headers[name.toLowerCase()];
          resolve({ ok: status >= 200 && status < 300, status, headers: { get: (name) => header(name)?.toString() ?? null }, text: async () => text });
        });
      });
      request.on('error', reject);
      request.end(init.body);
    });
}

async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** The account side: a signed-in session that asks for enrollment codes, as the owner would in the web. */
async function signIn(baseUrl: string, origin: string, email: string, password: string): Promise<(path: string) => Promise<unknown>> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`signing in as ${email} failed (${response.status}); is the account there and verified?`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return async (path) => {
    const answer = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { cookie, origin } });
    const body = await answer.json().catch(() => ({}));
    if (!answer.ok) throw new StewardProblem(answer.status, body, Number(answer.headers.get('retry-after')) || undefined);
    return body;
  };
}

class SimulatedDevice {
  readonly client: DeviceClient;
  readonly problems = new Map<string, ReportedProblem>();

  constructor(client: DeviceClient) {
    this.client = client;
  }

  report(problemRate: number): CheckinReport {
    for (const code of this.problems.keys()) if (Math.random() < 0.1) this.problems.delete(code);
    if (Math.random() < problemRate) {
      const problem = PROBLEMS[Math.floor(Math.random() * PROBLEMS.length)];
      this.problems.set(problem.code, problem);
    }
    const roll = Math.random();
    const status: ProtectionStatus = this.problems.size > 0 ? 'at-risk' : roll < 0.95 ? 'protected' : roll < 0.98 ? 'unprotected' : 'unknown';
    return { protectionStatus: status, productVersion: '24.3.1', problems: [...this.problems.values()] };
  }

  /** Does what the command asks (in pretend) and says so. */
  async carryOut(command: DeviceCommand): Promise<void> {
    if (command.kind === 'fix' && typeof command.payload.code === 'string') this.problems.delete(command.payload.code);
    await this.client.ack(command.id, 'acknowledged', RESULTS[command.kind]);
  }
}

async function enrollAll(
  options: SimulationOptions,
  transport: HttpTransport,
  report: (p: SimulationProgress) => void | Promise<void>,
): Promise<SimulatedDevice[]> {
  const newCode = await signIn(options.baseUrl, options.origin ?? options.baseUrl, options.email, options.password);
  const devices: SimulatedDevice[] = [];
  const wait = (seconds: number) => void report({ phase: 'enroll', done: devices.length, total: options.count, waitingSeconds: seconds });
  while (devices.length < options.count) {
    const codes: string[] = [];
    for (let i = 0; i < Math.min(CODES_AT_ONCE, options.count - devices.length); i++) {
      codes.push(((await patiently(() => newCode('/api/account/devices/enrollments'), wait)) as { code: string }).code);
    }
    await eachLimited(codes, CODES_AT_ONCE, async (code) => {
      const index = devices.length;
      const client = new DeviceClient({ baseUrl: options.baseUrl, fetch: transport });
      const input = {
        code,
        fingerprint: randomBytes(16).toString('hex'),
        name: options.names?.[index] ?? `Simulated device ${index + 1}`,
        platform: PLATFORMS[index % PLATFORMS.length],
        productVersion: '24.3.1',
      };
      devices.push(new SimulatedDevice(client));
      await patiently(() => client.enroll(input), wait);
    });
    await report({ phase: 'enroll', done: devices.length, total: options.count });
  }
  return devices;
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0);

/**
 * Simulated devices against a running server, through the same client library a product uses:
 * the account signs in and makes enrollment codes, each device enrolls with one, then every
 * device checks in once per round and acknowledges any command it receives.
 */
export async function simulateDevices(options: SimulationOptions): Promise<SimulationResult> {
  const report = options.onProgress ?? (() => {});
  const enrollStart = performance.now();
  const devices = await enrollAll(options, nodeTransport(options.baseUrl, options.concurrency ?? 64), report);
  const enrollSeconds = (performance.now() - enrollStart) / 1000;
  const latencies: number[] = [];
  let acknowledged = 0;
  const total = devices.length * options.rounds;
  const checkinStart = performance.now();
  const wait = (seconds: number) => void report({ phase: 'checkin', done: latencies.length, total, waitingSeconds: seconds });
  for (let round = 0; round < options.rounds; round++) {
    await eachLimited(devices, options.concurrency ?? 64, async (device) => {
      const started = performance.now();
      const { commands } = await patiently(() => device.client.checkin(device.report(options.problemRate ?? 0.05)), wait);
      latencies.push(performance.now() - started);
      for (const command of commands) await device.carryOut(command);
      acknowledged += commands.length;
      if (latencies.length % 100 === 0 || latencies.length === total) await report({ phase: 'checkin', done: latencies.length, total });
    });
  }
  const checkinSeconds = (performance.now() - checkinStart) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    enrolled: devices.length,
    checkins: latencies.length,
    commandsAcknowledged: acknowledged,
    enrollSeconds,
    checkinSeconds,
    checkinsPerSecond: checkinSeconds > 0 ? latencies.length / checkinSeconds : 0,
    checkinP50Ms: percentile(sorted, 50),
    checkinP99Ms: percentile(sorted, 99),
  };
}
