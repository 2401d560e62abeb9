import type { RetentionRule } from '../privacy/retention/rule.ts';
import { deleteExpiredWorkspaces, expiredWorkspacesStatus } from './license-expiry.ts';

export const workspaceRetentionRules: RetentionRule[] = [
  {
    id: 'workspace-license-expired',
    description:
      'A workspace, its devices and everything they reported are deleted 30 days after the workspace’s license ended, unless it is renewed; its owners are warned by email 14 and 3 days before. An owner, or support on the company’s request, may delete it earlier.',
    status: expiredWorkspacesStatus,
    sweep: { cron: '50 2 * * *', run: deleteExpiredWorkspaces },
  },
];
