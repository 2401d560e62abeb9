import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../../testing/accounts-client.ts';
import { createTestApp, newVisitor, type TestApp } from '../../testing/harness.ts';
import { smtpMailer } from './mailer.ts';

interface Received {
  to: string[];
  data: string;
}

let server: SMTPServer;
let received: Received[];
let url: string;

beforeAll(async () => {
  received = [];
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function waitFor(predicate: () => boolean) {
  for (let i = 0; i < 100 && !predicate(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('mail over SMTP', () => {
  it('delivers a message to a real SMTP peer', async () => {
    const mailer = smtpMailer(url);
    await mailer.send({ to: 'someone@example.test', subject: 'Hello', text: 'Body text' });
    mailer.close();
    expect(received.at(-1)?.to).toEqual(['someone@example.test']);
    expect(received.at(-1)?.data).toContain('Subject: Hello');
  });

  it('sends the sign-up verification link through SMTP when SMTP_URL is set, leaving the outbox empty', async () => {
    const mailer = smtpMailer(url);
    const t: TestApp = await createTestApp({ mailer });
    try {
      const visitor = newVisitor();
      await client(t, visitor).signUp();
      await waitFor(() => received.some((r) => r.to.includes(visitor.email)));
      const message = received.find((r) => r.to.includes(visitor.email));
      expect(message?.data.replace(/=\r\n/g, '')).toContain('/api/auth/verify-email?token=');
    } finally {
      mailer.close();
      await t.close();
    }
  });
});
