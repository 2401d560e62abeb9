import type { Multipart } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { Problem, problems } from '../../platform/errors.ts';
import { isUuid } from '../../platform/uuid.ts';
import { MAX_REPORT_BYTES } from './report-blobs.ts';

const LIMITS = { fileSize: MAX_REPORT_BYTES, files: 1, fields: 4, fieldSize: 200, parts: 5 };

export interface UploadFields {
  requestId: string | null;
}

export interface UploadedFile {
  fields: UploadFields;
  fileName: string;
  data: Buffer;
}

function fieldValue(part: Multipart): string {
  return part.type === 'field' && typeof part.value === 'string' ? part.value : '';
}

function safeFileName(name: string): string {
  const base =
    name
      .split(/[\\/]/)
      .pop()
      ?.replace(/[\u0000-\u001f\u007f]/g, '') ?? '';
  return base.slice(0, 200) || 'report.tar.gz';
}

async function fileBytes(part: Multipart & { type: 'file' }): Promise<Buffer> {
  try {
    return await part.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw problems.tooLarge(`a report may be at most ${MAX_REPORT_BYTES} bytes`);
    throw problems.invalidField('file', 'could not be read');
  }
}

/**
 * Reads the upload form in order: `confirm` (must be "yes") and an optional `requestId` come
 * before `file` (GSI-3), so a missing confirmation is refused before any byte of the file is
 * kept. `beforeFile` runs its checks once the fields are known and the file is about to be read.
 */
export async function readUploadForm(request: FastifyRequest, beforeFile: (fields: UploadFields) => Promise<void>): Promise<UploadedFile> {
  try {
    return await readParts(request, beforeFile);
  } catch (error) {
    if (error instanceof Problem) throw error;
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 413) throw problems.tooLarge(`a report may be at most ${MAX_REPORT_BYTES} bytes`);
    if (status !== undefined && status >= 400 && status < 500) throw problems.invalidField('file', 'is not a valid multipart/form-data upload');
    throw error;
  }
}

async function readParts(request: FastifyRequest, beforeFile: (fields: UploadFields) => Promise<void>): Promise<UploadedFile> {
  if (!request.isMultipart()) throw problems.invalidField('file', 'send multipart/form-data with the fields confirm, then file');
  let confirm = '';
  let requestId: string | null = null;
  for await (const part of request.parts({ limits: LIMITS })) {
    if (part.type === 'field') {
      if (part.fieldname === 'confirm') confirm = fieldValue(part);
      else if (part.fieldname === 'requestId') requestId = fieldValue(part);
      else throw problems.invalidField(part.fieldname.slice(0, 50), 'is not a field of this form');
      continue;
    }
    if (part.fieldname !== 'file') throw problems.invalidField(part.fieldname.slice(0, 50), 'is not a field of this form');
    if (confirm !== 'yes') {
      part.file.resume();
      throw problems.invalidField('confirm', 'must be "yes", sent before the file: confirm the report is yours and holds nothing confidential');
    }
    if (requestId !== null && !isUuid(requestId)) {
      part.file.resume();
      throw problems.invalidField('requestId', 'must be the id of one of your support requests');
    }
    await beforeFile({ requestId }).catch((error: unknown) => {
      part.file.resume();
      throw error;
    });
    return { fields: { requestId }, fileName: safeFileName(part.filename), data: await fileBytes(part) };
  }
  throw problems.invalidField(confirm === 'yes' ? 'file' : 'confirm', confirm === 'yes' ? 'is required' : 'must be "yes", sent before the file');
}
