import { problems } from '../../platform/errors.ts';
import { inspectGzip } from './inspect-gzip.ts';
import { ATTACHMENT_LIMITS } from './upload-limits.ts';
import { inspectZip } from './zip-directory.ts';

interface FileType {
  contentType: string;
  /** Whether the content is what the extension says, by its leading bytes. */
  matches(data: Buffer): boolean;
}

const startsWith =
  (...signatures: Array<number[] | string>) =>
  (data: Buffer) =>
    signatures.some((signature) => {
      const bytes = typeof signature === 'string' ? Buffer.from(signature, 'latin1') : Buffer.from(signature);
      return data.subarray(0, bytes.length).equals(bytes);
    });

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Text is valid UTF-8 without NUL, or UTF-16 with its byte-order mark as Windows writes logs. */
function textOf(data: Buffer): string | null {
  const utf16 = data[0] === 0xff && data[1] === 0xfe ? 'utf-16le' : data[0] === 0xfe && data[1] === 0xff ? 'utf-16be' : null;
  try {
    const decoded = new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(
      utf16 ? data.subarray(2) : data.subarray(startsWith([...UTF8_BOM])(data) ? 3 : 0),
    );
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}

const isText = (data: Buffer) => textOf(data) !== null;
const textStartingWith = (first: RegExp) => (data: Buffer) => first.test(textOf(data)?.trimStart().charAt(0) ?? '');

const image = { png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], jpeg: [0xff, 0xd8, 0xff] };
const GZIP = [0x1f, 0x8b, 0x08];

/** The files a request may carry (SUP-2), by extension; the content must agree with it. */
const FILE_TYPES: Record<string, FileType> = {
  png: { contentType: 'image/png', matches: startsWith(image.png) },
  jpg: { contentType: 'image/jpeg', matches: startsWith(image.jpeg) },
  jpeg: { contentType: 'image/jpeg', matches: startsWith(image.jpeg) },
  gif: { contentType: 'image/gif', matches: startsWith('GIF87a', 'GIF89a') },
  pdf: { contentType: 'application/pdf', matches: startsWith('%PDF-') },
  txt: { contentType: 'text/plain', matches: isText },
  log: { contentType: 'text/plain', matches: isText },
  csv: { contentType: 'text/csv', matches: isText },
  json: { contentType: 'application/json', matches: textStartingWith(/[[{"\d\-tfn]/) },
  xml: { contentType: 'application/xml', matches: textStartingWith(/</) },
  zip: { contentType: 'application/zip', matches: startsWith('PK\x03\x04', 'PK\x05\x06') },
  gz: { contentType: 'application/gzip', matches: startsWith(GZIP) },
  tgz: { contentType: 'application/gzip', matches: startsWith(GZIP) },
  'tar.gz': { contentType: 'application/gzip', matches: startsWith(GZIP) },
};

export const ALLOWED_EXTENSIONS = Object.keys(FILE_TYPES);

function extensionOf(fileName: string): string {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.tar.gz')) return 'tar.gz';
  const dot = lower.lastIndexOf('.');
  return dot === -1 ? '' : lower.slice(dot + 1);
}

/**
 * A plain file name of an allowed type: no folders, no `..`, no control characters, so the
 * name can never steer where a download is saved.
 */
export function checkFileName(fileName: string | undefined): string {
  const name = fileName ?? '';
  if (name.length === 0 || name.length > ATTACHMENT_LIMITS.fileNameLength)
    throw problems.invalidField('file', `must have a name of 1 to ${ATTACHMENT_LIMITS.fileNameLength} characters`);
  if (name.includes('/') || name.includes('\\') || name.includes('..'))
    throw problems.invalidField('file', 'must have a plain file name, without folders or ..');
  if (/\p{Cc}/u.test(name)) throw problems.invalidField('file', 'must not have control characters in its name');
  const extension = extensionOf(name);
  if (!(extension in FILE_TYPES)) throw problems.invalidField('file', `must be one of these types: ${ALLOWED_EXTENSIONS.join(', ')}`);
  return extension;
}

/** Checks name, type and, for archives, what they unpack to; answers the content type to store, decided here and never taken from the client. */
export async function inspectUpload(fileName: string, data: Buffer): Promise<{ contentType: string }> {
  const extension = checkFileName(fileName);
  if (data.length === 0) throw problems.invalidField('file', 'is empty');
  const type = FILE_TYPES[extension];
  if (!type.matches(data)) throw problems.invalidField('file', `does not hold what a .${extension} file holds; its content is of another type`);
  if (extension === 'zip') await inspectZip(data);
  if (type.contentType === 'application/gzip') await inspectGzip(data, extension !== 'gz');
  return { contentType: type.contentType };
}
