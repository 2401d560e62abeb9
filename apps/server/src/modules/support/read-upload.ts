import type { FastifyRequest } from 'fastify';
import { Problem, problems } from '../../platform/errors.ts';
import { checkFileName } from './inspect-upload.ts';
import { ATTACHMENT_LIMITS } from './upload-limits.ts';

/** Busboy's limits for one upload: one file, no other fields worth reading, a few parts. */
export const UPLOAD_PARSER_LIMITS = {
  fileSize: ATTACHMENT_LIMITS.fileBytes,
  files: 1,
  fields: 2,
  parts: 3,
  fieldNameSize: 100,
  fieldSize: 1024,
  headerPairs: 20,
};

function asProblem(error: unknown): unknown {
  if (error instanceof Problem) return error;
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return problems.tooLarge(`files may be at most ${ATTACHMENT_LIMITS.fileBytes} bytes`);
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return problems.invalidField('file', 'send one file per upload');
  const status = (error as { statusCode?: number }).statusCode;
  if (status !== undefined && status >= 400 && status < 500) return problems.invalidField('file', 'is not a valid multipart/form-data upload');
  return error;
}

/**
 * The one file of a multipart upload, read into memory up to the size limit so it can be
 * inspected before anything is stored. The name is checked before the content is read.
 */
export async function readUpload(request: FastifyRequest): Promise<{ fileName: string; data: Buffer }> {
  if (!request.isMultipart()) throw problems.invalidField('file', 'send the file as multipart/form-data');
  try {
    // preservePath keeps the name as sent, so a name with folders is refused rather than cut down.
    const part = await request.file({ limits: UPLOAD_PARSER_LIMITS, preservePath: true });
    if (!part) throw problems.invalidField('file', 'is required');
    if (part.fieldname !== 'file') throw problems.invalidField('file', 'send the file in the field named file');
    checkFileName(part.filename);
    return { fileName: part.filename, data: await part.toBuffer() };
  } catch (error) {
    throw asProblem(error);
  }
}
