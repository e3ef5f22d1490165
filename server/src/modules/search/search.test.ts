import type { SavedQuery, SearchResult } from '@switchboard/shared';
import { expect, it } from 'vitest';
import { describeOnEachDialect } from '../../testing/test-app.ts';

describeOnEachDialect('comprehensive query (QRY-1)', (server) => {
  const search = async (who: string, body: Record<string, unknown>) =>
    server().request<SearchResult>('POST', '/api/search', { cookie: await server().login(who), body });
  const group = (r: SearchResult, g: string) => r.groups.find((x) => x.group === g);

  it('finds customers by fuzzy name, phone and custom field, and staff by name or 工号, grouped with counts', async () => {
    const byPhone = await search('1001', { q: '13900000001' });
    expect(byPhone.status, byPhone.text).toBe(200);
    expect(group(byPhone.body, 'customers')?.items[0]?.title).toContain('VIP5');
    const byStore = await search('1001', { q: '西区中心', groups: ['customers'] });
    expect(group(byStore.body, 'customers')?.count).toBe(20);
    const byEmployeeNo = await search('1001', { q: '2001', groups: ['staff'] });
    expect(group(byEmployeeNo.body, 'staff')?.count).toBe(1);
    const filtered = await search('1001', { q: '', groups: ['customers'], vipOnly: true });
    expect(group(filtered.body, 'customers')?.items.every((i) => i.title.includes('VIP'))).toBe(true);
  });

  it('PLAT-6: shows QA the customer hits with masked phone numbers, an agent the whole number', async () => {
    const byAgent = await search('1001', { q: '13900000001', groups: ['customers'] });
    expect(group(byAgent.body, 'customers')?.items[0]?.detail).toContain('13900000001');
    const byQa = await search('3001', { q: '13900000001', groups: ['customers'] });
    const detail = group(byQa.body, 'customers')?.items[0]?.detail ?? '';
    expect(detail).toContain('139****0001');
    expect(detail).not.toContain('13900000001');
  });

  it('pages a group that hits its cap ("more"), and gives phone-book hits a number to dial', async () => {
    const first = await search('1001', { q: '', groups: ['customers'] });
    const page1 = group(first.body, 'customers');
    expect(page1?.items).toHaveLength(20);
    expect(page1?.hasMore).toBe(true);
    const next = await search('1001', { q: '', groups: ['customers'], offset: 20 });
    const page2 = group(next.body, 'customers');
    expect(page2?.items.length).toBeGreaterThan(0);
    const ids = new Set(page1?.items.map((i) => i.id));
    expect(page2?.items.some((i) => ids.has(i.id))).toBe(false);
    const staff = await search('1001', { q: '2001', groups: ['staff'] });
    expect(group(staff.body, 'staff')?.items[0]?.dial).toMatch(/^\d+$/);
    expect(group(staff.body, 'staff')?.hasMore).toBe(false);
  });

  it('gives department roles the phone book but no customers or calls', async () => {
    const res = await search('5101', { q: '13900000001' });
    expect(res.status).toBe(200);
    expect(res.body.groups.map((g) => g.group)).not.toContain('customers');
    expect(res.body.groups.map((g) => g.group)).not.toContain('calls');
  });

  it('rejects bad criteria', async () => {
    expect((await search('1001', { q: 'x', groups: ['planets'] })).status).toBe(400);
  });

  it('saves, lists, runs and deletes my queries; others cannot see or delete them', async () => {
    const cookie = await server().login('1002');
    const saved = await server().request<SavedQuery>('POST', '/api/search/saved', {
      cookie,
      body: { name: '东区VIP', criteria: { q: '', vipOnly: true, groups: ['customers'] } },
    });
    expect(saved.status, saved.text).toBe(201);
    const dup = await server().request('POST', '/api/search/saved', {
      cookie,
      body: { name: '东区VIP', criteria: { q: 'x' } },
    });
    expect(dup.status).toBe(409);
    const mine = await server().request<{ items: SavedQuery[] }>('GET', '/api/search/saved', { cookie });
    expect(mine.body.items.map((q) => q.name)).toEqual(['东区VIP']);
    const other = await server().login('1003');
    const theirs = await server().request<{ items: SavedQuery[] }>('GET', '/api/search/saved', {
      cookie: other,
    });
    expect(theirs.body.items).toEqual([]);
    expect(
      (await server().request('DELETE', `/api/search/saved/${saved.body.id}`, { cookie: other })).status,
    ).toBe(404);
    expect((await server().request('DELETE', `/api/search/saved/${saved.body.id}`, { cookie })).status).toBe(
      204,
    );
  });
});
