import type { Deps } from '../../../platform/deps.ts';
import { Problem } from '../../../platform/errors.ts';
import { getProfile } from '../../accounts/profile.ts';
import { complaint } from '../rights.ts';

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The address of a live account; an erased or deleted account has none left to write to. */
async function addressOf(deps: Pick<Deps, 'db'>, userId: string): Promise<string | null> {
  try {
    return (await getProfile(deps, userId)).email;
  } catch (error) {
    if (error instanceof Problem && error.status === 404) return null;
    throw error;
  }
}

/** Every message of the rights centre. All are service mail: the law requires telling the person. */
export function rightsMessages(deps: Deps) {
  const mail = async (userId: string, subject: string, text: string) => {
    const to = await addressOf(deps, userId);
    if (to) await deps.mailer.send({ to, subject, text, userId, kind: 'service' });
  };
  return {
    extended: (userId: string, until: Date, reason: string) =>
      mail(
        userId,
        'We need more time for your privacy request',
        `We need more time to answer your privacy request. We will answer by ${day(until)}.\n\nWhy: ${reason}\n\n${complaint(deps.config.supervisoryAuthority).text}`,
      ),
    refused: (userId: string, reason: string) =>
      mail(
        userId,
        'We cannot act on your privacy request',
        `We have refused your privacy request.\n\nWhy: ${reason}\n\n${complaint(deps.config.supervisoryAuthority).text}`,
      ),
    completed: (userId: string) =>
      mail(userId, 'Your privacy request is done', 'We have finished handling your privacy request. Account → Privacy shows its history.'),
    exportReady: (userId: string, expiresAt: Date) =>
      mail(
        userId,
        'Your data export is ready',
        `Your data export is ready at ${deps.config.baseUrl}/account/privacy.\nIt can be downloaded once, until ${expiresAt.toISOString()}, after signing in again.`,
      ),
    /** Sent to the address captured before erasure, since the account no longer has one. */
    erased: (to: string, userId: string, url: string) =>
      deps.mailer.send({
        to,
        userId,
        kind: 'service',
        subject: 'Your data is erased',
        text: `We have erased your Steward account and its data. What was erased, and what the law makes us keep and until when, is here for 30 days:\n${url}`,
      }),
  };
}
