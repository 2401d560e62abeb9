import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { blob } from '../../platform/blobs/schema.ts';
import { BASE_URL, type TestApp } from '../../testing/harness.ts';
import { supportAgent, supportAttachment, supportDepartment } from './schema.ts';
import { requestBody } from './support-test-kit.ts';

/** Test helpers for attachments and surveys: requests, uploads, and hand-made archives. */

export async function department(t: TestApp) {
  const [row] = await t.deps.db
    .insert(supportDepartment)
    .values({ code: `test-${randomBytes(4).toString('hex')}`, name: 'Test desk', createdAt: t.clock.now() })
    .returning();
  return row;
}

export async function agentOf(t: TestApp, departmentId: string, userId: string) {
  await t.deps.db.insert(supportAgent).values({ userId, departmentId, addedAt: t.clock.now() });
}

/** A signed-in client as accounts-client makes it. */
type Browser = { request(method: 'POST', url: string, body: unknown): Promise<LightMyRequestResponse> };

/** Opens a request through the API as the customer would, with its own contact address. */
export async function openedRequest(browser: Browser, contactEmail = `contact-${randomBytes(4).toString('hex')}@example.test`) {
  const response = await browser.request('POST', '/api/support/requests', requestBody({ contactEmail }));
  if (response.statusCode !== 201) throw new Error(`opening a request answered ${response.statusCode}: ${response.body}`);
  const view = response.json();
  return { id: view.id as string, number: view.number as number, contactEmail: view.contactEmail as string, departmentCode: view.department.code as string };
}

export interface Part {
  name?: string;
  fileName: string;
  data: Buffer | string;
}

export function multipart(parts: Part[]) {
  const boundary = `steward-${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${part.name ?? 'file'}"; filename="${part.fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
    );
    chunks.push(Buffer.from(part.data));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Posts files as a browser form would, with the cookie of a signed-in client (or none). */
export async function upload(t: TestApp, cookie: string, requestId: string, parts: Part[] | Part) {
  const body = multipart([parts].flat());
  return t.app.inject({
    method: 'POST',
    url: `/api/support/requests/${requestId}/attachments`,
    remoteAddress: `10.250.${randomBytes(1)[0]}.${1 + (randomBytes(1)[0] % 250)}`,
    headers: { origin: BASE_URL, 'content-type': body.contentType, ...(cookie ? { cookie } : {}) },
    payload: body.payload,
  });
}

/** Every object file in the app's blob folder. */
export function storedObjects(t: TestApp): string[] {
  try {
    return readdirSync(join(t.deps.config.dataDir, 'blobs'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
  } catch {
    return [];
  }
}

/** What an upload could leave behind: blob rows of the owner, attachment rows of the request, object files. */
export async function leftovers(t: TestApp, userId: string, requestId: string) {
  const blobs = await t.deps.db.select({ id: blob.id }).from(blob).where(eq(blob.subjectId, userId));
  const attachments = await t.deps.db.select({ id: supportAttachment.id }).from(supportAttachment).where(eq(supportAttachment.requestId, requestId));
  return { blobs: blobs.length, attachments: attachments.length, objects: storedObjects(t) };
}

export interface ZipInput {
  name: string;
  data: Buffer;
  /** Unix mode bits for the external attributes, e.g. 0o120777 for a symbolic link. */
  mode?: number;
  /** A size to claim in the headers instead of the real one. */
  claimedSize?: number;
}

/** A zip written by hand, so a test controls every header field an attacker would. */
export function makeZip(entries: ZipInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const packed = deflateRawSync(entry.data);
    const size = entry.claimedSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(entry.data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(entry.data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((entry.mode ?? 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export interface TarInput {
  name: string;
  data?: Buffer;
  /** '0' file, '2' symbolic link, 'x' pax header, ... */
  type?: string;
  linkName?: string;
}

function tarHeader(entry: TarInput, size: number): Buffer {
  const block = Buffer.alloc(512);
  block.write(entry.name, 0, 100, 'utf8');
  block.write('0000644\0', 100);
  block.write('0000000\0', 108);
  block.write('0000000\0', 116);
  block.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  block.write('00000000000\0', 136);
  block.write(entry.type ?? '0', 156);
  block.write(entry.linkName ?? '', 157, 100, 'utf8');
  block.write('ustar\0', 257);
  block.write('00', 263);
  block.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return block;
}

/** A ustar archive written by hand, ending with its two zero blocks. */
export function makeTar(entries: TarInput[]): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    const data = entry.data ?? Buffer.alloc(0);
    parts.push(tarHeader(entry, data.length), data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

export const paxRecord = (key: string, value: string) => {
  const body = ` ${key}=${value}\n`;
  let length = body.length + 1;
  while (`${length}${body}`.length !== length) length++;
  return Buffer.from(`${length}${body}`);
};
