import type {
  IvrFlow,
  IvrFlowDefinitionInput,
  IvrFlowVersion,
  IvrValidationResult,
} from '@switchboard/shared';
import { expect, it } from 'vitest';
import { describeOnEachDialect, type ErrorBody } from '../../testing/test-app.ts';
import { setServicePassword, verifyServicePassword } from './service-password.ts';

const definition: IvrFlowDefinitionInput = {
  start: 'menu',
  humanTarget: { kind: 'queue', queueCode: 'GENERAL' },
  nodes: [
    {
      id: 'menu',
      name: '菜单',
      type: 'menu',
      prompt: 'm',
      options: [{ digit: '1', next: 'bye' }],
      onTimeout: 'bye',
      onInvalid: 'bye',
    },
    { id: 'bye', name: '再见', type: 'hangup' },
  ],
};

describeOnEachDialect('IVR flows: versions, publish, passwords (IVR-1, IVR-2)', (server) => {
  const admin = () => server().login('admin');

  it('the demo flow of access code 1000 is seeded and published; agents may not edit flows', async () => {
    const res = await server().request<{ items: IvrFlow[] }>('GET', '/api/ivr/flows', {
      cookie: await admin(),
    });
    expect(res.status).toBe(200);
    expect(res.body.items.find((f) => f.accessCode === '1000')).toMatchObject({
      publishedVersion: 1,
      latestVersion: 1,
    });
    const agent = await server().request('GET', '/api/ivr/flows', { cookie: await server().login('1001') });
    expect(agent.status).toBe(403);
    // A team lead reads the list (the IVR analytics page picks its flow from it) but cannot edit.
    const lead = await server().login('2001');
    expect((await server().request('GET', '/api/ivr/flows', { cookie: lead })).status).toBe(200);
    const edit = await server().request('POST', '/api/ivr/flows', {
      cookie: lead,
      body: { name: '班长新建' },
    });
    expect(edit.status).toBe(403);
  });

  it('CTI-10: agents may list the published flows to send a caller to, drafts excluded', async () => {
    const cookie = await admin();
    const draft = await server().request<IvrFlow>('POST', '/api/ivr/flows', {
      cookie,
      body: { name: '未发布的草稿' },
    });
    expect(draft.status).toBe(201);
    const res = await server().request<{ items: { id: number; name: string }[] }>(
      'GET',
      '/api/ivr/transfer-targets',
      { cookie: await server().login('1001') },
    );
    expect(res.status).toBe(200);
    const names = res.body.items.map((i) => i.name);
    expect(names).toContain('满意度调查');
    expect(names).toContain('10000 号客服热线主流程（1000）');
    expect(names).not.toContain('未发布的草稿');
    const anonymous = await server().request('GET', '/api/ivr/transfer-targets');
    expect(anonymous.status).toBe(401);
  });

  it('saves drafts, rejects publishing a broken flow with the node named, publishes, and never edits a published version', async () => {
    const cookie = await admin();
    const created = await server().request<IvrFlow>('POST', '/api/ivr/flows', {
      cookie,
      body: { name: '测试流程', accessCode: '8123' },
    });
    expect(created.status, created.text).toBe(201);
    const id = created.body.id;
    const dup = await server().request<ErrorBody>('POST', '/api/ivr/flows', {
      cookie,
      body: { name: '重复', accessCode: '8123' },
    });
    expect(dup.status).toBe(409);

    const broken = structuredClone(definition);
    broken.nodes.push({ id: 'island', type: 'hangup' });
    const saved = await server().request<{ version: IvrFlowVersion; validation: IvrValidationResult }>(
      'PUT',
      `/api/ivr/flows/${id}/draft`,
      {
        cookie,
        body: { definition: broken },
      },
    );
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.validation.problems.map((p) => [p.code, p.nodeId])).toEqual([
      ['unreachable', 'island'],
    ]);
    const refused = await server().request<ErrorBody>('POST', `/api/ivr/flows/${id}/versions/1/publish`, {
      cookie,
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('nodes.island');
    expect(refused.text).toContain('从起始节点无法到达此节点');

    await server().request('PUT', `/api/ivr/flows/${id}/draft`, { cookie, body: { definition } });
    const published = await server().request<IvrFlowVersion>(
      'POST',
      `/api/ivr/flows/${id}/versions/1/publish`,
      { cookie },
    );
    expect(published.status, published.text).toBe(200);
    expect(published.body.status).toBe('published');

    // editing after publishing opens version 2; version 1 stays as it was
    const v2 = await server().request<{ version: IvrFlowVersion }>('PUT', `/api/ivr/flows/${id}/draft`, {
      cookie,
      body: { definition: { ...definition, start: 'bye' } },
    });
    expect(v2.body.version.version).toBe(2);
    const again = await server().request<ErrorBody>('POST', `/api/ivr/flows/${id}/versions/1/publish`, {
      cookie,
    });
    expect(again.status).toBe(409);
    const versions = await server().request<{ items: IvrFlowVersion[] }>(
      'GET',
      `/api/ivr/flows/${id}/versions`,
      { cookie },
    );
    expect(versions.body.items.map((v) => [v.version, v.status, v.definition.start])).toEqual([
      [2, 'draft', 'bye'],
      [1, 'published', 'menu'],
    ]);
    const audits = await server()
      .db.selectFrom('audit_events')
      .select('detail')
      .where('object_type', '=', 'ivr_flow')
      .where('object_id', '=', String(id))
      .execute();
    expect(audits.length).toBeGreaterThanOrEqual(4);
  });

  it('IVR-2 service password: hashed, verified, locked for 30 minutes after 3 failures, every transaction recorded', async () => {
    const { db, deps } = server();
    const now = server().clock.now();
    const phone = '13912345678';
    expect(
      await setServicePassword(db, deps.hasher, { phoneNumber: phone, digits: '12345', callId: null, now }),
    ).toBe(false);
    expect(
      await setServicePassword(db, deps.hasher, { phoneNumber: phone, digits: '246810', callId: 'c1', now }),
    ).toBe(true);
    const stored = await db
      .selectFrom('ivr_service_passwords')
      .selectAll()
      .where('phone_number', '=', phone)
      .executeTakeFirstOrThrow();
    expect(stored.password_hash).not.toContain('246810');
    const verify = (digits: string, at = now) =>
      verifyServicePassword(db, deps.hasher, { phoneNumber: phone, digits, callId: 'c1', now: at });
    expect(await verify('246810')).toBe('ok');
    expect(await verify('000000')).toBe('fail');
    expect(await verify('000001')).toBe('fail');
    expect(await verify('000002')).toBe('locked');
    expect(await verify('246810')).toBe('locked');
    expect(await verify('246810', new Date(now.getTime() + 31 * 60_000))).toBe('ok');
    const kinds = await db
      .selectFrom('ivr_password_events')
      .select('kind')
      .where('phone_number', '=', phone)
      .orderBy('id')
      .execute();
    expect(kinds.map((k) => k.kind)).toEqual([
      'set',
      'verify_ok',
      'verify_fail',
      'verify_fail',
      'verify_fail',
      'locked',
      'verify_locked',
      'verify_ok',
    ]);
  });
});
