import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';

/**
 * Paths pino blanks before a line is written. Personal data and secrets never reach a log:
 * bodies are not logged at all, and these cover what could still ride along.
 */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-device-token"]',
  'res.headers["set-cookie"]',
  '*.email',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.phoneNumber',
  '*.phone',
  '*.token',
  '*.code',
  '*.otp',
  '*.secret',
  '*.name',
  '*.ip',
  '*.ipAddress',
];

/** A URL's query can carry a token (verification links) or an email, so only the path is logged. */
function pathOnly(url: string | undefined): string | undefined {
  return url?.split('?')[0];
}

/** The one logger of a process; Fastify's request logs go through it too. */
export function createLogger(level: string, destination?: NodeJS.WritableStream): FastifyBaseLogger {
  const options = {
    level,
    redact: { paths: redactedPaths, censor: '[redacted]' },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({ method: req.method, url: pathOnly(req.url), id: req.id }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: pino.stdSerializers.err,
    },
  };
  return (destination ? pino(options, destination) : pino(options)) as unknown as FastifyBaseLogger;
}
