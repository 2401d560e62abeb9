import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../db/pool.ts';
import { outboxMessage } from './schema.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** The account the message is about, so erasure can find it in the outbox. */
  userId?: string;
  /** Service and legal mail always goes; marketing (news, surveys) is refused to a restricted account (RIGHT-6). Default: service. */
  kind?: 'service' | 'marketing';
  /** For marketing: the processing purpose it serves, e.g. 'news' or 'surveys', which the person may have objected to. */
  purpose?: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  readonly transport: 'smtp' | 'outbox';
}

const FROM = 'Steward <no-reply@steward.local>';

export function smtpMailer(smtpUrl: string, from = FROM): Mailer & { close(): void } {
  const transporter: Transporter = nodemailer.createTransport(smtpUrl);
  return {
    transport: 'smtp',
    async send(mail) {
      await transporter.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transporter.close(),
  };
}

/** With no SMTP server the message waits in the outbox, where the staff console shows it. */
export function outboxMailer(db: Db): Mailer {
  return {
    transport: 'outbox',
    async send(mail) {
      await db.insert(outboxMessage).values({
        channel: 'email',
        recipient: mail.to,
        subject: mail.subject,
        body: mail.text,
        subjectUserId: mail.userId,
      });
    },
  };
}
