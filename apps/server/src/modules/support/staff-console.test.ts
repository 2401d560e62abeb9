import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEntries } from '../../platform/audit/list-audit-entries.ts';
import { client, staffClient } from '../../testing/accounts-client.ts';
import { newVisitor, type TestApp } from '../../testing/harness.ts';
import { createOwnTestApp } from '../../testing/own-database.ts';
import { openRequest, supportAgent, supportCustomer } from './support-test-kit.ts';

// The queue lists a whole department, oldest first: a database of its own keeps other files' requests out of it.
let t: TestApp;
beforeAll(async () => {
  t = await createOwnTestApp();
});
afterAll(() => t.close());

const auditOf = (actorId: string) => listAuditEntries(t.deps.db, { actorId, limit: 50 });

describe('agents see only their departments’ requests', () => {
  it('[SUP-6] gives an agent of another department 404 on view, change and message, and no queue entry', async () => {
    const customer = await supportCustomer(t);
    const request = await openRequest(customer);
    const outsider = await supportAgent(t, 'dach');
    const admin = await supportAgent(t, null, 'admin');
    for (const staff of [outsider, admin]) {
      expect((await staff.browser.request('GET', `/api/staff/support/requests/${request.id}`)).statusCode).toBe(404);
      expect((await staff.browser.request('PATCH', `/api/staff/support/requests/${request.id}`, { status: 'solved' })).statusCode).toBe(404);
      const message = await staff.browser.request('POST', `/api/staff/support/requests/${request.id}/messages`, { body: 'Hi', internal: false });
      expect(message.statusCode).toBe(404);
      const queue = (await staff.browser.request('GET', '/api/staff/support/queue?status=new&limit=200')).json();
      expect(queue.map((r: { id: string }) => r.id)).not.toContain(request.id);
      expect(await auditOf(staff.userId)).toEqual([]);
    }
    expect((await customer.browser.request('GET', `/api/support/requests/${request.id}`)).json()).toMatchObject({ status: 'new', messages: [] });
  });

  it('[SUP-6] audits every view of a request, naming the customer, the reason and the request', async () => {
    const customer = await supportCustomer(t, { language: 'en', country: 'IE' });
    const request = await openRequest(customer);
    const agent = await supportAgent(t, 'consumer');
    const first = await agent.browser.request('GET', `/api/staff/support/requests/${request.id}?reason=${encodeURIComponent('customer called, ticket 7')}`);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      id: request.id,
      userId: customer.userId,
      country: 'IE',
      language: 'en',
      assignee: null,
      department: { code: 'consumer' },
    });
    await agent.browser.request('GET', `/api/staff/support/requests/${request.id}`);
    const views = (await auditOf(agent.userId)).filter((e) => e.action === 'support.request.view');
    expect(views).toEqual([
      expect.objectContaining({ subjectUserId: customer.userId, reason: 'handle support request', details: { requestId: request.id } }),
      expect.objectContaining({ subjectUserId: customer.userId, reason: 'customer called, ticket 7', details: { requestId: request.id } }),
    ]);
  });

  it('[SUP-6] audits the queue listing once per customer shown, and filters it', async () => {
    const customer = await supportCustomer(t);
    const older = await openRequest(customer, { subject: 'Older' });
    t.clock.advance(60_000);
    const newer = await openRequest(customer, { subject: 'Newer' });
    const agent = await supportAgent(t, 'consumer');
    const queue = (await agent.browser.request('GET', '/api/staff/support/queue?status=new&assigned=none&limit=200')).json();
    const mine = queue.filter((r: { id: string }) => r.id === older.id || r.id === newer.id);
    expect(mine.map((r: { subject: string }) => r.subject)).toEqual(['Older', 'Newer']);
    expect(mine[0]).toMatchObject({ status: 'new', assignee: null, department: { code: 'consumer' } });
    const listed = (await auditOf(agent.userId)).find((e) => e.action === 'support.queue.view' && e.subjectUserId === customer.userId);
    expect(listed?.details).toEqual({ requestIds: expect.arrayContaining([older.id, newer.id]) });

    await agent.browser.request('PATCH', `/api/staff/support/requests/${older.id}`, { assigneeId: agent.userId });
    const assigned = (await agent.browser.request('GET', '/api/staff/support/queue?assigned=me')).json();
    expect(assigned.map((r: { id: string }) => r.id)).toEqual([older.id]);
    expect(assigned[0].assignee).toEqual({ id: agent.userId, email: expect.any(String) });
  });
});

describe('working a request', () => {
  it('[SUP-6] moves status with the conversation, assigns only within the department, and closing sets closedAt', async () => {
    const customer = await supportCustomer(t);
    const request = await openRequest(customer);
    const agent = await supportAgent(t, 'consumer');
    const colleague = await supportAgent(t, 'consumer');
    const outsider = await supportAgent(t, 'dach');
    const url = `/api/staff/support/requests/${request.id}`;

    const reply = await agent.browser.request('POST', `${url}/messages`, { body: 'Please send a report', internal: false });
    expect(reply.statusCode).toBe(201);
    expect(reply.json()).toMatchObject({ authorKind: 'staff', internal: false });
    expect((await customer.browser.request('GET', `/api/support/requests/${request.id}`)).json().status).toBe('waiting-on-customer');
    t.clock.advance(1000);
    await agent.browser.request('POST', `${url}/messages`, { body: 'Looks like driver trouble', internal: true });
    expect((await customer.browser.request('GET', `/api/support/requests/${request.id}`)).json().status).toBe('waiting-on-customer');
    t.clock.advance(1000);
    await customer.browser.request('POST', `/api/support/requests/${request.id}/messages`, { body: 'Attached' });
    const seen = (await agent.browser.request('GET', url)).json();
    expect(seen.status).toBe('open');
    expect(seen.messages.map((m: { body: string; internal: boolean }) => [m.body, m.internal])).toEqual([
      ['Please send a report', false],
      ['Looks like driver trouble', true],
      ['Attached', false],
    ]);

    const refused = await agent.browser.request('PATCH', url, { assigneeId: outsider.userId });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe('assigneeId');
    const assigned = await agent.browser.request('PATCH', url, { assigneeId: colleague.userId });
    expect(assigned.json().assignee.id).toBe(colleague.userId);
    expect((await agent.browser.request('PATCH', url, { assigneeId: null })).json().assignee).toBeNull();

    const closed = (await agent.browser.request('PATCH', url, { status: 'closed' })).json();
    expect(closed).toMatchObject({ status: 'closed', closedAt: t.clock.now().toISOString() });
    expect((await agent.browser.request('POST', `${url}/messages`, { body: 'Late', internal: false })).statusCode).toBe(409);
    expect((await agent.browser.request('PATCH', url, { status: 'open' })).json()).toMatchObject({ status: 'open', closedAt: null });
  });

  it('[SUP-6] refuses customers (403), anonymous callers (401) and the DPO (403) on every support staff route', async () => {
    const customer = await supportCustomer(t);
    const request = await openRequest(customer);
    const dpo = await staffClient(t, 'dpo');
    const routes: Array<['GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', string, unknown]> = [
      ['GET', '/api/staff/support/queue', undefined],
      ['GET', `/api/staff/support/requests/${request.id}`, undefined],
      ['PATCH', `/api/staff/support/requests/${request.id}`, { status: 'solved' }],
      ['POST', `/api/staff/support/requests/${request.id}/messages`, { body: 'Hi', internal: false }],
      ['GET', '/api/staff/support/agents', undefined],
      ['GET', '/api/staff/support/departments', undefined],
      ['POST', '/api/staff/support/departments', { code: 'ops', name: 'Ops' }],
      ['PUT', `/api/staff/support/departments/${crypto.randomUUID()}/agents`, { agentIds: [] }],
      ['GET', '/api/staff/support/routing-rules', undefined],
      ['PUT', '/api/staff/support/routing-rules', { rules: [] }],
      ['GET', '/api/staff/support/canned-replies', undefined],
      ['POST', '/api/staff/support/canned-replies', { title: 'Hi', body: 'Hello', departmentId: null }],
      ['PUT', `/api/staff/support/canned-replies/${crypto.randomUUID()}`, { title: 'Hi', body: 'Hello', departmentId: null }],
      ['DELETE', `/api/staff/support/canned-replies/${crypto.randomUUID()}`, undefined],
    ];
    const anonymous = client(t, newVisitor());
    for (const [method, url, body] of routes) {
      expect((await customer.browser.request(method, url, body)).statusCode, `customer ${method} ${url}`).toBe(403);
      expect((await dpo.request(method, url, body)).statusCode, `dpo ${method} ${url}`).toBe(403);
      expect((await anonymous.request(method, url, body)).statusCode, `anonymous ${method} ${url}`).toBe(401);
    }
    expect((await customer.browser.request('GET', `/api/support/requests/${request.id}`)).json().status).toBe('new');
  });
});

describe('departments and agents', () => {
  it('lets an administrator add a department and set its agents, to staff who may handle requests', async () => {
    const admin = await staffClient(t, 'admin');
    const agent = await supportAgent(t, null);
    const dpo = await supportAgent(t, null, 'dpo');
    const customer = await supportCustomer(t);
    const code = `team-${crypto.randomUUID().slice(0, 8)}`;
    const created = await admin.request('POST', '/api/staff/support/departments', { code, name: 'Night shift' });
    expect(created.statusCode).toBe(201);
    expect((await admin.request('POST', '/api/staff/support/departments', { code, name: 'Again' })).statusCode).toBe(409);
    const id = created.json().id;
    for (const refusedId of [dpo.userId, customer.userId]) {
      const refused = await admin.request('PUT', `/api/staff/support/departments/${id}/agents`, { agentIds: [refusedId] });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors[0].field).toBe('agentIds');
    }
    const set = await admin.request('PUT', `/api/staff/support/departments/${id}/agents`, { agentIds: [agent.userId] });
    expect(set.json()).toMatchObject({ code, isDefault: false, agents: [{ id: agent.userId }] });
    expect((await agent.browser.request('GET', '/api/staff/support/agents')).json()).toEqual([
      { id: agent.userId, email: expect.any(String), departments: [code] },
    ]);
    expect((await agent.browser.request('POST', '/api/staff/support/departments', { code: `${code}-x`, name: 'Mine' })).statusCode).toBe(403);
    expect((await agent.browser.request('PUT', `/api/staff/support/departments/${id}/agents`, { agentIds: [] })).statusCode).toBe(403);
    const bad = await admin.request('POST', '/api/staff/support/departments', { code: 'Has Spaces', name: 'x' });
    expect(bad.json().errors[0].field).toBe('code');
  });
});

describe('canned replies', () => {
  it('lets agents keep replies for their own department and administrators for any', async () => {
    const admin = await staffClient(t, 'admin');
    const departments = (await admin.request('GET', '/api/staff/support/departments')).json();
    const consumer = departments.find((d: { code: string }) => d.code === 'consumer');
    const dach = departments.find((d: { code: string }) => d.code === 'dach');
    const agent = await supportAgent(t, 'consumer');
    const outsider = await supportAgent(t, 'dach');
    const title = `Reboot ${crypto.randomUUID().slice(0, 8)}`;

    const own = await agent.browser.request('POST', '/api/staff/support/canned-replies', { title, body: 'Please restart.', departmentId: consumer.id });
    expect(own.statusCode).toBe(201);
    expect(own.json()).toMatchObject({ title, department: { code: 'consumer' } });
    expect((await agent.browser.request('POST', '/api/staff/support/canned-replies', { title, body: 'x', departmentId: dach.id })).statusCode).toBe(403);
    expect((await agent.browser.request('POST', '/api/staff/support/canned-replies', { title, body: 'x', departmentId: null })).statusCode).toBe(403);
    const unknown = await admin.request('POST', '/api/staff/support/canned-replies', { title, body: 'x', departmentId: crypto.randomUUID() });
    expect(unknown.json().errors[0].field).toBe('departmentId');
    const global = (await admin.request('POST', '/api/staff/support/canned-replies', { title: `${title} all`, body: 'Hello', departmentId: null })).json();

    const titles = async (staff: { request: typeof admin.request }) =>
      (await staff.request('GET', '/api/staff/support/canned-replies')).json().map((r: { title: string }) => r.title);
    expect(await titles(agent.browser)).toEqual(expect.arrayContaining([title, `${title} all`]));
    expect(await titles(outsider.browser)).not.toContain(title);
    expect(await titles(outsider.browser)).toContain(`${title} all`);

    const id = own.json().id;
    expect((await outsider.browser.request('DELETE', `/api/staff/support/canned-replies/${id}`)).statusCode).toBe(404);
    expect((await agent.browser.request('DELETE', `/api/staff/support/canned-replies/${global.id}`)).statusCode).toBe(403);
    const changed = await agent.browser.request('PUT', `/api/staff/support/canned-replies/${id}`, { title, body: 'Restart twice.', departmentId: consumer.id });
    expect(changed.json().body).toBe('Restart twice.');
    expect((await agent.browser.request('DELETE', `/api/staff/support/canned-replies/${id}`)).statusCode).toBe(204);
    expect(await titles(agent.browser)).not.toContain(title);
  });
});
