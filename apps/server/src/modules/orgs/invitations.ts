import { randomUUID } from 'node:crypto';
import { and, count, desc, eq, gt } from 'drizzle-orm';
import { DAY_MS } from '../../platform/clock.ts';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import { userSummary } from '../accounts/user-summaries.ts';
import { companyProblems } from './company-problems.ts';
import type { CompanyView } from './company-view.ts';
import { joinCompany } from './join-company.ts';
import { type AssignableRole, asAssignableRole, type Membership, membershipOf, requireNoCompany } from './membership.ts';
import { company, companyInvitation } from './schema.ts';

export const INVITATION_DAYS = 7;
/** Open invitations per company; enough for onboarding a team, too few to spam with. */
export const OPEN_INVITATION_LIMIT = 100;

export interface InvitationView {
  id: string;
  email: string;
  role: string;
  expiresAt: string;
}

export const invitationLink = (deps: Pick<Deps, 'config'>, id: string) => `${deps.config.baseUrl}/company/invitations/${id}`;

async function openInvitations(deps: Pick<Deps, 'db' | 'clock'>, companyId: string): Promise<number> {
  const [{ open }] = await deps.db
    .select({ open: count() })
    .from(companyInvitation)
    .where(and(eq(companyInvitation.organizationId, companyId), eq(companyInvitation.status, 'pending'), gt(companyInvitation.expiresAt, deps.clock.now())));
  return open;
}

/** An administrator invites a colleague by address; a new invitation to the same address replaces the old one. */
export async function inviteColleague(
  deps: Pick<Deps, 'db' | 'clock' | 'mailer' | 'config'>,
  admin: Membership & { userId: string },
  input: { email: string; role: AssignableRole },
): Promise<InvitationView> {
  const email = input.email.trim().toLowerCase();
  if ((await openInvitations(deps, admin.companyId)) >= OPEN_INVITATION_LIMIT) {
    throw problems.conflict('too-many-invitations', 'Too many invitations are open; wait until some are used or expire');
  }
  const inviter = await userSummary(deps, admin.userId);
  const [{ name }] = await deps.db.select({ name: company.name }).from(company).where(eq(company.id, admin.companyId));
  const id = randomUUID();
  const expiresAt = new Date(deps.clock.now().getTime() + INVITATION_DAYS * DAY_MS);
  await deps.db.transaction(async (tx) => {
    await tx
      .update(companyInvitation)
      .set({ status: 'canceled' })
      .where(and(eq(companyInvitation.organizationId, admin.companyId), eq(companyInvitation.email, email), eq(companyInvitation.status, 'pending')));
    await tx.insert(companyInvitation).values({
      id,
      organizationId: admin.companyId,
      email,
      role: input.role,
      status: 'pending',
      expiresAt,
      inviterId: admin.userId,
      createdAt: deps.clock.now(),
    });
  });
  await deps.mailer.send({
    to: email,
    subject: `Join ${name} on Steward`,
    text: `${inviter?.name || inviter?.email || 'An administrator'} invites you to join ${name} on Steward.\nSign in, or register, with this address, then accept here:\n${invitationLink(deps, id)}\n\nThe invitation works for ${INVITATION_DAYS} days. If you do not expect it, ignore this message.`,
  });
  return { id, email, role: input.role, expiresAt: expiresAt.toISOString() };
}

/** What the invited person sees before accepting: who invites them, to which company, as what. */
export interface InvitationForInvitee {
  id: string;
  companyName: string;
  role: string;
  inviterName: string | null;
  expiresAt: string;
}

/** Only the invited address, verified, may see or accept; anything else looks like no invitation at all. */
async function usableInvitation(deps: Pick<Deps, 'db' | 'clock'>, userId: string, invitationId: string) {
  const user = await userSummary(deps, userId);
  const [found] = await deps.db
    .select({ invitation: companyInvitation, companyName: company.name, blockedAt: company.blockedAt })
    .from(companyInvitation)
    .innerJoin(company, eq(company.id, companyInvitation.organizationId))
    .where(eq(companyInvitation.id, invitationId));
  const usable =
    user?.emailVerified &&
    found?.invitation.status === 'pending' &&
    found.invitation.email === user.email.toLowerCase() &&
    found.invitation.expiresAt > deps.clock.now();
  if (!user || !found || !usable) throw problems.notFound('invitation');
  return { user, ...found };
}

/** A member of another company may read it (the page says to leave first), unless that company is blocked (ORG-3). */
export async function readInvitation(deps: Pick<Deps, 'db' | 'clock'>, userId: string, invitationId: string): Promise<InvitationForInvitee> {
  const { invitation, companyName } = await usableInvitation(deps, userId, invitationId);
  if ((await membershipOf(deps, userId))?.blocked) throw companyProblems.blocked();
  const inviter = invitation.inviterId ? await userSummary(deps, invitation.inviterId) : null;
  return {
    id: invitation.id,
    companyName,
    role: invitation.role ?? 'member',
    inviterName: inviter?.name || null,
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

export async function acceptInvitation(deps: Pick<Deps, 'db' | 'clock' | 'mailer'>, userId: string, invitationId: string): Promise<CompanyView> {
  const { user, invitation, blockedAt } = await usableInvitation(deps, userId, invitationId);
  if (blockedAt) throw companyProblems.blocked();
  await requireNoCompany(deps, userId);
  const role = asAssignableRole(invitation.role);
  return joinCompany(deps, { companyId: invitation.organizationId, joiner: user, role, via: 'invitation', invitationId });
}

/** The company's open invitations, newest first (administrators). */
export async function listInvitations(deps: Pick<Deps, 'db' | 'clock'>, admin: Membership): Promise<InvitationView[]> {
  const rows = await deps.db
    .select()
    .from(companyInvitation)
    .where(
      and(eq(companyInvitation.organizationId, admin.companyId), eq(companyInvitation.status, 'pending'), gt(companyInvitation.expiresAt, deps.clock.now())),
    )
    .orderBy(desc(companyInvitation.createdAt))
    .limit(OPEN_INVITATION_LIMIT);
  return rows.map((row) => ({ id: row.id, email: row.email, role: row.role ?? 'member', expiresAt: row.expiresAt.toISOString() }));
}

/** Withdraws an open invitation; another company's, or one already used, is not found. */
export async function cancelInvitation(deps: Pick<Deps, 'db'>, admin: Membership, invitationId: string): Promise<void> {
  const canceled = await deps.db
    .update(companyInvitation)
    .set({ status: 'canceled' })
    .where(and(eq(companyInvitation.id, invitationId), eq(companyInvitation.organizationId, admin.companyId), eq(companyInvitation.status, 'pending')))
    .returning({ id: companyInvitation.id });
  if (canceled.length === 0) throw problems.notFound('invitation');
}
