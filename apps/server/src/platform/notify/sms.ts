import type { Db } from '../db/pool.ts';
import { outboxMessage } from './schema.ts';

export interface Sms {
  to: string;
  text: string;
  userId?: string;
}

/** An SMS gateway fills this interface; none can run here, so the default is the outbox. */
export interface SmsSender {
  send(sms: Sms): Promise<void>;
}

export function outboxSms(db: Db): SmsSender {
  return {
    async send(sms) {
      await db.insert(outboxMessage).values({
        channel: 'sms',
        recipient: sms.to,
        subject: 'SMS',
        body: sms.text,
        subjectUserId: sms.userId,
      });
    },
  };
}
