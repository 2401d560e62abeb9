import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { BundleError, type BundleLimits, readBundle } from '@steward/diag';
import { bundleDetails } from './bundle-details.ts';
import { findingsOf } from './findings.ts';
import { sectionsOf } from './report-details.ts';
import { type ParsedReport, ReportUnreadable } from './report-model.ts';
import { sosFiles } from './sos-archive.ts';
import { sosDetails, wantedSosFile } from './sos-details.ts';

/** An upload is at most 50 MB; what it may inflate to is bounded as well. */
export const REPORT_LIMITS: BundleLimits = {
  maxEntries: 5_000,
  maxFileBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxManifestBytes: 4 * 1024 * 1024,
};

const XZ_MAGIC = Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]);

const PEEK_BYTES = 8 * 1024;

function nameField(block: Buffer): string {
  const name = block.subarray(0, 100);
  const end = name.indexOf(0);
  return name.subarray(0, end === -1 ? name.length : end).toString('utf8');
}

/** The path of the first real tar entry (past pax and long-name headers), to tell a steward-diag bundle from a sos report. */
async function firstEntryName(data: Buffer): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of Readable.from([data]).pipe(createGunzip()) as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= PEEK_BYTES) break;
    }
  } catch {
    return null;
  }
  const head = Buffer.concat(chunks);
  for (let offset = 0; offset + 512 <= head.length; ) {
    const block = head.subarray(offset, offset + 512);
    const type = String.fromCharCode(block[156]);
    if (!['x', 'g', 'L'].includes(type)) return nameField(block);
    const bodySize = Number.parseInt(block.subarray(124, 136).toString('ascii').replace(/\0.*$/s, '').trim() || '0', 8);
    if (!Number.isSafeInteger(bodySize) || bodySize < 0) return null;
    offset += 512 + Math.ceil(bodySize / 512) * 512;
  }
  return null;
}

function isSosReport(firstEntry: string | null): boolean {
  return firstEntry !== null && /^(sosreport|sos-collector)-/.test(firstEntry);
}

async function parseBundle(data: Buffer): Promise<ParsedReport> {
  try {
    const { manifest, files } = await readBundle(data, REPORT_LIMITS);
    const details = bundleDetails(manifest, files);
    return { format: 'steward-diag', sections: sectionsOf(details), findings: findingsOf(details.facts) };
  } catch (error) {
    if (error instanceof BundleError) throw new ReportUnreadable(error.message);
    throw error;
  }
}

async function parseSos(data: Buffer): Promise<ParsedReport> {
  const details = sosDetails(await sosFiles(data, wantedSosFile));
  return { format: 'sos', sections: sectionsOf(details), findings: findingsOf(details.facts) };
}

/**
 * Parses a steward-diag bundle or a gzip-compressed sos report into sections and findings (GSI-2).
 * Throws only ReportUnreadable, with a message fit to show the uploader.
 */
export async function parseReport(data: Buffer): Promise<ParsedReport> {
  if (data.subarray(0, XZ_MAGIC.length).equals(XZ_MAGIC)) {
    throw new ReportUnreadable('xz-compressed reports cannot be read; make the sos report with "sos report -z gzip" and upload the .tar.gz');
  }
  if (data[0] !== 0x1f || data[1] !== 0x8b)
    throw new ReportUnreadable('not a .tar.gz file: upload a steward-diag bundle or a sos report made with "sos report -z gzip"');
  return isSosReport(await firstEntryName(data)) ? parseSos(data) : parseBundle(data);
}
