import { expiring, type RetentionRule } from '../privacy/retention/rule.ts';
import { COMMUNITY_RETENTION, communityMember } from './schema.ts';

/**
 * Due from the moment of deletion: the content is hidden then, and this sweep, every quarter of an hour, removes the
 * account row, whose foreign keys take its posts and comments with it. 24 hours is the promise (COMM-4), not the wait.
 */
export const communityRetentionRules: RetentionRule[] = [
  expiring(
    COMMUNITY_RETENTION,
    'A deleted community account is hidden at once, and its profile, posts and comments (with the comments others wrote on those posts) are purged within 24 hours, usually within 15 minutes. This holds also when the whole account is deleted, whose other data waits a month.',
    '*/15 * * * *',
    { table: communityMember, key: communityMember.userId, since: communityMember.deletedAt, keepMs: 0 },
  ),
];
