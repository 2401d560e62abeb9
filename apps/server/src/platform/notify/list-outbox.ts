import { desc } from 'drizzle-orm';
import type { Db } from '../db/pool.ts';
import { outboxMessage } from './schema.ts';

export async function listOutbox(db: Db, limit: number) {
  const rows = await db.select().from(outboxMessage).orderBy(desc(outboxMessage.createdAt)).limit(limit);
  return rows.map((row) => ({
    id: row.id,
    channel: row.channel,
    recipient: row.recipient,
    subject: row.subject,
    text: row.body,
    createdAt: row.createdAt.toISOString(),
  }));
}
