import { and, eq, inArray } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import { requireFreshSignIn } from '../accounts/require-fresh-sign-in.ts';
import { deviceErrors } from './device-errors.ts';
import { type CommandView, commandView } from './device-views.ts';
import { COMMAND_KINDS, type CommandKind, device, deviceCommand, deviceProblem } from './schema.ts';

export interface CommandRequest {
  kind: string;
  confirm: boolean;
  message?: string;
  problemId?: string;
}

const CARRIES_MESSAGE: readonly string[] = ['lock', 'alarm'];

/** Checks that need no database: a command is one of the device functions (ACC-3), confirmed, with only what its kind takes. */
function checkRequest(input: CommandRequest): asserts input is CommandRequest & { kind: CommandKind } {
  if (!(COMMAND_KINDS as readonly string[]).includes(input.kind)) {
    throw problems.invalidField('kind', `must be one of the device functions: ${COMMAND_KINDS.join(', ')}`);
  }
  if (input.confirm !== true) throw deviceErrors.unconfirmed();
  if (input.message !== undefined && !CARRIES_MESSAGE.includes(input.kind)) throw problems.invalidField('message', 'only lock and alarm show a message');
  if (input.kind === 'fix' && !input.problemId) throw problems.invalidField('problemId', 'is required to fix a problem');
  if (input.kind !== 'fix' && input.problemId !== undefined) throw problems.invalidField('problemId', 'only a fix names a problem');
}

type Tx = Parameters<Parameters<Deps['db']['transaction']>[0]>[0];

/** A fix names one of the device's open problems that can be fixed remotely (DEV-2). */
async function fixPayload(tx: Tx, deviceId: string, problemId: string): Promise<Record<string, unknown>> {
  const [problem] = await tx
    .select({ code: deviceProblem.code, fixable: deviceProblem.fixable, resolvedAt: deviceProblem.resolvedAt })
    .from(deviceProblem)
    .where(and(eq(deviceProblem.id, problemId), eq(deviceProblem.deviceId, deviceId)));
  if (!problem) throw problems.notFound('problem');
  if (!problem.fixable || problem.resolvedAt) throw deviceErrors.problemNotFixable();
  return { problemId, code: problem.code };
}

/**
 * DEV-2, DEV-3: the owner sends lock, alarm, wipe or fix. Each is confirmed in the web, a wipe
 * needs a fresh sign-in, and a device has at most one unanswered command of each kind. The
 * command row is the log: the device's delivery and answer are written to it later.
 */
export async function sendCommand(
  deps: Pick<Deps, 'db' | 'clock'>,
  caller: { userId: string; sessionCreatedAt: Date },
  deviceId: string,
  input: CommandRequest,
): Promise<CommandView> {
  checkRequest(input);
  if (input.kind === 'wipe') requireFreshSignIn(deps, caller);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    // The device row is locked, so two requests at once cannot both find no waiting command.
    const [owned] = await tx
      .select({ id: device.id })
      .from(device)
      .where(and(eq(device.id, deviceId), eq(device.userId, caller.userId)))
      .for('update');
    if (!owned) throw problems.notFound('device');
    const [waiting] = await tx
      .select({ id: deviceCommand.id })
      .from(deviceCommand)
      .where(and(eq(deviceCommand.deviceId, deviceId), eq(deviceCommand.kind, input.kind), inArray(deviceCommand.status, ['pending', 'delivered'])))
      .limit(1);
    if (waiting) throw deviceErrors.commandPending(input.kind);
    const payload = input.kind === 'fix' ? await fixPayload(tx, deviceId, input.problemId as string) : input.message ? { message: input.message } : {};
    const [row] = await tx
      .insert(deviceCommand)
      .values({ deviceId, userId: caller.userId, kind: input.kind, payload, status: 'pending', requestedAt: now })
      .returning();
    return commandView(row);
  });
}
