/**
 * What an installed product calls: link the device, check in, answer commands, and activate or
 * validate licenses. Plain `fetch`, so connections are kept alive by Node's own HTTP client.
 */

export type ProtectionStatus = 'protected' | 'at-risk' | 'unprotected' | 'unknown';
export type CommandKind = 'lock' | 'alarm' | 'wipe' | 'fix';

export interface ReportedProblem {
  code: string;
  detail?: string;
  fixable?: boolean;
}

export interface CheckinReport {
  protectionStatus: ProtectionStatus;
  productVersion?: string;
  problems: ReportedProblem[];
}

export interface DeviceCommand {
  id: string;
  kind: CommandKind;
  payload: Record<string, unknown>;
}

export interface EnrollInput {
  code: string;
  fingerprint: string;
  name: string;
  platform: string;
  productVersion?: string;
}

export interface Enrolled {
  deviceId: string;
  token: string;
  scopes: string[];
}

export type ActivateInput = { code: string; fingerprint: string; deviceName?: string } | { licenseId: string; fingerprint: string };

export interface Activation {
  activationId: string;
  licenseId: string;
  /** The license token, checked offline with `verifyLicenseToken`. */
  token: string;
  tokenExpiresAt: string;
}

export type ValidateInput = { token: string; fingerprint: string } | { code: string; fingerprint: string };

export type Validation =
  | { valid: true; licenseId: string; expiresAt: string | null; entitlements: string[] }
  | { valid: false; reason: 'expired' | 'revoked' | 'seats-exceeded' | 'unknown' | 'fingerprint-mismatch' };

/** A problem+json answer from Steward; `code` is the stable problem code, e.g. `location-refused`. */
export class StewardProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string | undefined;
  readonly errors: Array<{ field: string; message: string }>;
  /** Seconds to wait before trying again, when Steward said (429, 503). */
  readonly retryAfter: number | undefined;

  constructor(
    status: number,
    body: { code?: string; title?: string; detail?: string; errors?: Array<{ field: string; message: string }> },
    retryAfter?: number,
  ) {
    super(body.title ?? `Steward answered ${status}`);
    this.name = 'StewardProblem';
    this.status = status;
    this.code = body.code ?? `http-${status}`;
    this.detail = body.detail;
    this.errors = body.errors ?? [];
    this.retryAfter = retryAfter;
  }
}

/** What the client needs of an HTTP answer; a `fetch` Response is one. */
export interface HttpAnswer {
  ok: boolean;
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** How the client sends a request: global `fetch` unless another transport is given. */
export type HttpTransport = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<HttpAnswer>;

export interface DeviceClientOptions {
  baseUrl: string;
  /** The device token from `enroll`, when the device was linked before. */
  token?: string;
  fetch?: HttpTransport;
}

export class DeviceClient {
  readonly baseUrl: string;
  token: string | undefined;
  private readonly send: HttpTransport;

  constructor(options: DeviceClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/$/, '');
    this.token = options.token;
    this.send = options.fetch ?? ((url, init) => fetch(url, init));
  }

  /** Links the device with the code its owner created in the account; keeps the device token it receives. */
  async enroll(input: EnrollInput): Promise<Enrolled> {
    const enrolled = await this.call<Enrolled>('POST', '/api/v1/devices/enroll', input, false);
    this.token = enrolled.token;
    return enrolled;
  }

  /** Reports the device's state; answers with the commands waiting for it. Never send location: it is refused. */
  async checkin(report: CheckinReport): Promise<{ commands: DeviceCommand[] }> {
    return this.call('POST', '/api/v1/devices/checkin', report, true);
  }

  /** Confirms a command (or reports it failed), with what the device did: a line of text or a few named values. */
  async ack(commandId: string, status: 'acknowledged' | 'failed', result?: string | Record<string, string | number | boolean>): Promise<void> {
    await this.call('POST', `/api/v1/devices/commands/${encodeURIComponent(commandId)}/ack`, result === undefined ? { status } : { status, result }, true);
  }

  /** Takes a seat: by activation code, or (with the device token) a license the owner bound to this device. */
  async activate(input: ActivateInput): Promise<Activation> {
    return this.call('POST', '/api/v1/activations', input, 'licenseId' in input);
  }

  async validate(input: ValidateInput): Promise<Validation> {
    return this.call('POST', '/api/v1/licenses/validate', input, false);
  }

  /** The public key license tokens are signed with, for `importLicensePublicKey`. */
  async licenseKey(): Promise<JsonWebKey> {
    return this.call('GET', '/api/v1/license-key', undefined, false);
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body: unknown, withToken: boolean): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (withToken) {
      if (!this.token) throw new StewardProblem(401, { code: 'device-not-enrolled', title: 'Enroll the device first' });
      headers.authorization = `Bearer ${this.token}`;
    }
    const response = await this.send(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const parsed = parseJson(await response.text());
    if (!response.ok) {
      const retryAfter = Number(response.headers.get('retry-after')) || undefined;
      throw new StewardProblem(response.status, (parsed ?? {}) as ConstructorParameters<typeof StewardProblem>[1], retryAfter);
    }
    return parsed as T;
  }
}

/** A proxy in between may answer with a page instead of JSON; the status still tells what happened. */
function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
