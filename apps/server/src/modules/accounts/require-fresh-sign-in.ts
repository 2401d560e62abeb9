import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import { FRESH_SESSION_SECONDS } from './auth.ts';

/** RIGHT-3: data is disclosed or erased only after the person proved who they are by signing in just now. */
export function requireFreshSignIn(deps: Pick<Deps, 'clock'>, caller: { sessionCreatedAt: Date }): void {
  if (deps.clock.now().getTime() - caller.sessionCreatedAt.getTime() > FRESH_SESSION_SECONDS * 1000) throw problems.freshSignInRequired();
}
