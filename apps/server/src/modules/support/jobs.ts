import type { Deps } from '../../platform/deps.ts';
import type { Jobs } from '../../platform/jobs/boss.ts';

export async function registerSupportJobs(_deps: Deps, _jobs: Jobs): Promise<void> {}
