import type { Customer, CustomerSaved, DuplicateGroup, ImportJob, TimelineItem } from '@switchboard/shared';
import { expect, it } from 'vitest';
import { describeOnEachDialect, type ErrorBody, type Page } from '../../testing/test-app.ts';
import { writeXlsx } from './customer.file.ts';
import { appendTimelineEntry, findCustomerIdByPhone, getCustomerContact } from './index.ts';

describeOnEachDialect('customers (CRM-1…4)', (server) => {
  const as = async (who: string) => server().login(who);
  const create = async (body: Record<string, unknown>, who = '1001') =>
    server().request<CustomerSaved>('POST', '/api/customers', { cookie: await as(who), body });
  const auditCount = async (action: string) =>
    Number(
      (
        await server()
          .db.selectFrom('audit_events')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('action', '=', action)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('CRM-1: an agent creates, reads and edits a customer; phones are stored as digits', async () => {
    const res = await create({
      name: '测试客户',
      phones: ['137 1234-0001'],
      originChannels: ['网络', '朋友介绍'],
      giftWilling: true,
      custom: { home_store: '东区旗舰店', member_birthday: '1990-05-01' },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ phones: ['13712340001'], duplicates: [] });
    const patched = await server().request<CustomerSaved>('PATCH', `/api/customers/${res.body.id}`, {
      cookie: await as('1001'),
      body: { address: '人民路 1 号', vipLevel: 2 },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      address: '人民路 1 号',
      vipLevel: 2,
      custom: { home_store: '东区旗舰店' },
    });
    expect(await findCustomerIdByPhone(server().db, '13712340001')).toBe(res.body.id);
    expect(await getCustomerContact(server().db, res.body.id)).toMatchObject({ name: '测试客户' });
  });

  it('rejects bad input with field errors: phone format, unknown custom field, bad choice', async () => {
    const bad = await create({ name: '', phones: ['abc'] });
    expect(bad.status).toBe(400);
    const paths = (bad.body as unknown as ErrorBody).error.fields?.map((f) => f.path) ?? [];
    expect(paths).toEqual(expect.arrayContaining(['name', 'phones.0']));
    const custom = await create({
      name: '甲',
      phones: ['13700000000'],
      custom: { nope: 'x', home_store: '火星店' },
    });
    expect(custom.status).toBe(400);
    expect((custom.body as unknown as ErrorBody).error.fields?.map((f) => f.path).sort()).toEqual([
      'custom.home_store',
      'custom.nope',
    ]);
  });

  it('lists with paging and finds by name, phone, card and custom value', async () => {
    const cookie = await as('1001');
    const page = await server().request<Page<Customer>>('GET', '/api/customers?page=2&pageSize=10', {
      cookie,
    });
    expect(page.body.items).toHaveLength(10);
    expect(page.body.total).toBeGreaterThanOrEqual(60);
    const vip = await server().request<Page<Customer>>('GET', '/api/customers?q=13900000001', { cookie });
    expect(vip.body.items[0]?.vipLevel).toBe(5);
    const store = await server().request<Page<Customer>>(
      `GET`,
      `/api/customers?q=${encodeURIComponent('南区便民店')}`,
      { cookie },
    );
    expect(store.body.total).toBe(20);
    const byPhone = await server().request<Customer>('GET', '/api/customers/by-phone?phone=13900000002', {
      cookie,
    });
    expect(byPhone.status).toBe(200);
    const unknown = await server().request('GET', '/api/customers/by-phone?phone=10000000000', { cookie });
    expect(unknown.status).toBe(404);
  });

  it('PLAT-6: QA sees phones, card and e-mail masked; agents see them whole; every opening is logged', async () => {
    const created = await create({
      name: '保密客户',
      phones: ['13712340099'],
      cardNo: 'C-20261122-7788',
      email: 'baomi@example.com',
    });
    expect(created.status, created.text).toBe(201);
    const id = created.body.id;
    const reads = await auditCount('customer.read');

    const byAgent = await server().request<CustomerSaved>('GET', `/api/customers/${id}`, {
      cookie: await as('1001'),
    });
    expect(byAgent.body).toMatchObject({
      phones: ['13712340099'],
      cardNo: 'C-20261122-7788',
      email: 'baomi@example.com',
    });

    const qa = await as('3001');
    const byQa = await server().request<CustomerSaved>('GET', `/api/customers/${id}`, { cookie: qa });
    expect(byQa.status).toBe(200);
    expect(byQa.body).toMatchObject({
      phones: ['137****0099'],
      cardNo: '***********7788',
      email: 'b***@example.com',
    });
    const listed = await server().request<Page<CustomerSaved>>('GET', '/api/customers?q=保密客户', {
      cookie: qa,
    });
    expect(listed.body.items.map((c) => c.phones)).toEqual([['137****0099']]);
    const popped = await server().request<CustomerSaved>('GET', '/api/customers/by-phone?phone=13712340099', {
      cookie: qa,
    });
    expect(popped.body.phones).toEqual(['137****0099']);

    expect(await auditCount('customer.read')).toBe(reads + 3);
  });

  it('department roles may not read customers; only admin defines custom fields', async () => {
    expect((await server().request('GET', '/api/customers', { cookie: await as('5101') })).status).toBe(403);
    expect((await server().request('GET', '/api/customers/1', { cookie: await as('5001') })).status).toBe(
      403,
    );
    const field = { key: 'wechat', label: '微信号', type: 'text' };
    const byAgent = await server().request('POST', '/api/customers/fields', {
      cookie: await as('1001'),
      body: field,
    });
    expect(byAgent.status).toBe(403);
    const byAdmin = await server().request('POST', '/api/customers/fields', {
      cookie: await as('admin'),
      body: field,
    });
    expect(byAdmin.status).toBe(201);
    const again = await server().request('POST', '/api/customers/fields', {
      cookie: await as('admin'),
      body: field,
    });
    expect(again.status).toBe(409);
  });

  it('CRM-4: a shared phone is flagged as duplicate, listed, and merged without deleting (audited)', async () => {
    const a = await create({ name: '重复甲', phones: ['13655550001'], cardNo: 'DUP-1' });
    const b = await create({ name: '重复乙', phones: ['13655550001', '13655550002'] });
    expect(b.status).toBe(201);
    expect(b.body.duplicates).toEqual([{ id: a.body.id, name: '重复甲', reason: 'phone' }]);
    const cookie = await as('3101');
    const groups = await server().request<{ items: DuplicateGroup[] }>('GET', '/api/customers/duplicates', {
      cookie,
    });
    expect(groups.body.items.find((g) => g.value === '13655550001')?.customers.map((c) => c.id)).toEqual([
      a.body.id,
      b.body.id,
    ]);
    await appendTimelineEntry(server().db, {
      customerId: b.body.id,
      at: server().clock.now(),
      kind: 'sms',
      refId: 'sms-1',
      summary: '短信回访',
    });
    const ticket = await server().request<{ id: number; customerId: number | null }>('POST', '/api/tickets', {
      cookie: await as('1001'),
      body: {
        kind: 'complaint',
        category: 'equipment',
        phone: '13655550002',
        customerName: '重复乙',
        customerId: b.body.id,
        gender: 'female',
        aspects: ['service'],
        reason: '合并前的投诉',
      },
    });
    expect(ticket.status, ticket.text).toBe(201);
    expect(ticket.body.customerId).toBe(b.body.id);
    const sms = await server()
      .db.insertInto('sms_inbound')
      .values({
        from_number: '13655550002',
        to_number: null,
        body: '回复 1',
        provider: 'test',
        provider_message_id: null,
        customer_id: b.body.id,
        received_at: server().clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const before = await auditCount('customer.merge');
    const merged = await server().request<CustomerSaved>('POST', '/api/customers/merge', {
      cookie,
      body: { keepId: a.body.id, mergeId: b.body.id },
    });
    expect(merged.status, merged.text).toBe(200);
    expect(merged.body.phones).toEqual(['13655550001', '13655550002']);
    expect(await auditCount('customer.merge')).toBe(before + 1);
    const gone = await server().request<Customer>('GET', `/api/customers/${b.body.id}`, { cookie });
    expect(gone.body.mergedInto).toBe(a.body.id);
    const timeline = await server().request<Page<TimelineItem>>(
      'GET',
      `/api/customers/${a.body.id}/timeline`,
      {
        cookie,
      },
    );
    expect(timeline.body.items.map((t) => t.summary)).toContain('短信回访');
    const moved = await server()
      .db.selectFrom('tickets')
      .select('customer_id')
      .where('id', '=', ticket.body.id)
      .executeTakeFirstOrThrow();
    expect(moved.customer_id).toBe(a.body.id); // the merged record's tickets follow it
    const smsAfter = await server()
      .db.selectFrom('sms_inbound')
      .select('customer_id')
      .where('id', '=', sms.id)
      .executeTakeFirstOrThrow();
    expect(smsAfter.customer_id).toBe(a.body.id); // and so do its inbound SMS
    const twice = await server().request('POST', '/api/customers/merge', {
      cookie,
      body: { keepId: a.body.id, mergeId: b.body.id },
    });
    expect(twice.status).toBe(409);
    const byAgent = await server().request('POST', '/api/customers/merge', {
      cookie: await as('1001'),
      body: { keepId: a.body.id, mergeId: b.body.id },
    });
    expect(byAgent.status).toBe(403);
  });

  it('CRM-2: the timeline holds calls from the CDRs and notes, newest first', async () => {
    const c = await create({ name: '时间线', phones: ['13644440001'] });
    const at = server().clock.now();
    await server()
      .db.insertInto('cdrs')
      .values({
        call_id: 'crm-call-1',
        direction: 'inbound',
        caller_number: '13644440001',
        called_number: '10000',
        access_code: '10000',
        queue_id: null,
        first_agent_id: null,
        last_agent_id: null,
        started_at: new Date(at.getTime() - 60_000),
        queued_at: null,
        offered_at: null,
        answered_at: null,
        ended_at: at,
        end_cause: 'caller_hangup',
        disposition: 'abandoned',
        wait_ms: 1000,
        talk_ms: 0,
        hold_ms: 0,
        transfers: 0,
        recording_files: '[]',
        vip: false,
        created_at: at,
      })
      .execute();
    const cookie = await as('1001');
    const note = await server().request('POST', `/api/customers/${c.body.id}/notes`, {
      cookie,
      body: { summary: '客户来电咨询' },
    });
    expect(note.status).toBe(204);
    const res = await server().request<Page<TimelineItem>>('GET', `/api/customers/${c.body.id}/timeline`, {
      cookie,
    });
    expect(res.body.total).toBe(2);
    expect(res.body.items.map((i) => i.kind)).toEqual(['note', 'call']);
    expect((await server().request('GET', '/api/customers/999999/timeline', { cookie })).status).toBe(404);
  });

  it('CRM-3: imports a CSV, rejecting broken rows with their row number; export is audited', async () => {
    const csv = [
      '姓名,电话,卡号,性别,片区,VIP等级,礼品意愿',
      '导入甲,13633330001,IMP-1,男,EAST,1,愿意',
      ',13633330002,,,,,',
      '导入乙,not-a-phone,,,,,',
      '导入丙,13633330003;13633330004,,女,西区,0,不愿意',
      '导入丁,13633330005,,,MARS,,',
    ].join('\n');
    const cookie = await as('3101');
    const start = await server().request<ImportJob>('POST', '/api/customers/imports', {
      cookie,
      body: { fileName: 'a.csv', format: 'csv', contentBase64: Buffer.from(csv).toString('base64') },
    });
    expect(start.status, start.text).toBe(202);
    let job = start.body;
    for (let i = 0; i < 100 && job.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = (await server().request<ImportJob>('GET', `/api/customers/imports/${job.id}`, { cookie })).body;
    }
    expect(job).toMatchObject({ status: 'done', totalRows: 5, processedRows: 5, importedRows: 2 });
    expect(job.rejected.map((r) => r.row)).toEqual([3, 4, 6]);
    expect(job.rejected[0]?.reason).toContain('name');
    const unreadable = await server().request('POST', '/api/customers/imports', {
      cookie,
      body: {
        fileName: 'x.csv',
        format: 'csv',
        contentBase64: Buffer.from('foo,bar\n1,2').toString('base64'),
      },
    });
    expect(unreadable.status).toBe(400);

    const before = await auditCount('customer.export');
    const csvOut = await server().request('GET', '/api/customers/export?format=csv', { cookie });
    expect(csvOut.status).toBe(200);
    expect(csvOut.text).toContain('导入丙');
    const xlsx = await server().request('GET', '/api/customers/export?format=xlsx', { cookie });
    expect(xlsx.status).toBe(200);
    expect(await auditCount('customer.export')).toBe(before + 2);
    expect(
      (await server().request('GET', '/api/customers/export', { cookie: await as('1001') })).status,
    ).toBe(403);
  });

  it('CRM-3: a ~5 MB CSV is streamed as the raw body; progress moves and broken rows are reported', async () => {
    const pad = '路'.repeat(60); // an address of 180 bytes keeps the row count modest
    const lines = ['name,phones,address'];
    for (let i = 1; i <= 26_000; i++) {
      const good = i % 130 === 0; // 200 good rows, the rest rejected (name too long) cheaply
      const name = good ? `大文件${i}` : `名`.repeat(51);
      lines.push(`${name},1380${String(i).padStart(7, '0')},"${pad}, ${i} 号"`);
    }
    const csv = lines.join('\r\n');
    expect(Buffer.byteLength(csv)).toBeGreaterThan(5_000_000);
    const cookie = await as('3101');
    const start = await server().request<ImportJob>(
      'POST',
      '/api/customers/imports/file?fileName=big.csv&format=csv',
      { cookie, rawBody: csv, headers: { 'content-type': 'text/csv' } },
    );
    expect(start.status, start.text).toBe(202);
    const seen = [start.body.processedRows];
    let job = start.body;
    for (let i = 0; i < 600 && job.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await server().request<ImportJob>('GET', `/api/customers/imports/${job.id}`, { cookie })).body;
      seen.push(job.processedRows);
    }
    expect(job).toMatchObject({
      status: 'done',
      totalRows: 26_000,
      processedRows: 26_000,
      importedRows: 200,
      rejectedRows: 25_800,
    });
    expect(seen).toEqual([...seen].sort((a, b) => a - b)); // progress only moves forward
    expect(new Set(seen).size).toBeGreaterThan(1);
    expect(job.rejected).toHaveLength(1000); // the report keeps the first 1,000
    expect(job.rejected[0]).toMatchObject({ row: 2, reasonEn: 'invalid field(s): name' });
    expect(await findCustomerIdByPhone(server().db, '13800000130')).not.toBeNull();

    const badHeader = await server().request(
      'POST',
      '/api/customers/imports/file?fileName=x.csv&format=csv',
      {
        cookie,
        rawBody: 'foo,bar\n1,2',
        headers: { 'content-type': 'application/octet-stream' },
      },
    );
    expect(badHeader.status).toBe(400);
    const tooBig = await server().request('POST', '/api/customers/imports/file?fileName=x.csv&format=csv', {
      cookie,
      rawBody: 'x'.repeat(20 * 1024 * 1024 + 1),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(tooBig.status).toBe(413);
    const byAgent = await server().request('POST', '/api/customers/imports/file?fileName=x.csv&format=csv', {
      cookie: await as('1001'),
      rawBody: csv.slice(0, 200),
      headers: { 'content-type': 'text/csv' },
    });
    expect(byAgent.status).toBe(403);
  });

  it('CRM-3: imports an XLSX workbook and flags a row sharing a seeded phone as duplicate', async () => {
    const cookie = await as('admin');
    const bytes = await writeXlsx([
      ['name', 'phones', 'area_code'],
      ['表格甲', '13622220001', '南区'],
      ['表格乙', '13900000004', 'WEST'],
    ]);
    const start = await server().request<ImportJob>('POST', '/api/customers/imports', {
      cookie,
      body: { fileName: 'b.xlsx', format: 'xlsx', contentBase64: bytes.toString('base64') },
    });
    expect(start.status, start.text).toBe(202);
    let job = start.body;
    for (let i = 0; i < 100 && job.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = (await server().request<ImportJob>('GET', `/api/customers/imports/${job.id}`, { cookie })).body;
    }
    expect(job).toMatchObject({ status: 'done', importedRows: 2, duplicateRows: 1, rejected: [] });
    // Someone else's import job is not theirs to read.
    const other = await server().request('GET', `/api/customers/imports/${job.id}`, {
      cookie: await as('3101'),
    });
    expect(other.status).toBe(404);
  });
});
