import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import type { Auth } from '../accounts/auth.ts';

export async function diagApiRoutes(_app: FastifyInstance, _opts: { auth: Auth; deps: Deps }) {}
