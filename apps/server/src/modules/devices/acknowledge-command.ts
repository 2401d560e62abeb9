import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import { deviceErrors } from './device-errors.ts';
import { deviceCommand, deviceProblem } from './schema.ts';

export interface Acknowledgement {
  status: 'acknowledged' | 'failed';
  /** What the device says it did: a line of text, or a few named values. */
  result?: string | Record<string, string | number | boolean>;
}

const storedResult = (result: Acknowledgement['result']) => (result === undefined ? null : typeof result === 'string' ? result : JSON.stringify(result));

/**
 * DEV-3: the device confirms (or reports failing) one of its own commands; the answer goes into
 * the command log. A fix the device carried out closes the problem it named (DEV-2).
 */
export async function acknowledgeCommand(deps: Pick<Deps, 'db' | 'clock'>, deviceId: string, commandId: string, answer: Acknowledgement): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const [answered] = await tx
      .update(deviceCommand)
      .set({
        status: answer.status,
        result: storedResult(answer.result),
        acknowledgedAt: now,
        deliveredAt: sql`coalesce(${deviceCommand.deliveredAt}, ${now})`,
      })
      .where(and(eq(deviceCommand.id, commandId), eq(deviceCommand.deviceId, deviceId), inArray(deviceCommand.status, ['pending', 'delivered'])))
      .returning({ kind: deviceCommand.kind, payload: deviceCommand.payload });
    if (!answered) {
      const [closed] = await tx
        .select({ id: deviceCommand.id })
        .from(deviceCommand)
        .where(and(eq(deviceCommand.id, commandId), eq(deviceCommand.deviceId, deviceId)));
      throw closed ? deviceErrors.commandClosed() : problems.notFound('command');
    }
    const problemId = answered.payload.problemId;
    if (answered.kind === 'fix' && answer.status === 'acknowledged' && typeof problemId === 'string') {
      await tx
        .update(deviceProblem)
        .set({ resolvedAt: now })
        .where(and(eq(deviceProblem.id, problemId), eq(deviceProblem.deviceId, deviceId), isNull(deviceProblem.resolvedAt)));
    }
  });
}
