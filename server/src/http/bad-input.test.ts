import type { Staff } from '@switchboard/shared';
import { expect, it } from 'vitest';
import { describeOnEachDialect, type ErrorBody } from '../testing/test-app.ts';

// Bad input gets a clear 4xx in the caller's language and loses or half-writes nothing.
describeOnEachDialect('bad input', (server) => {
  const admin = () => server().login('admin');
  const areaCount = async () =>
    Number(
      (
        await server()
          .db.selectFrom('areas')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('answers malformed JSON with 400 MALFORMED_JSON in both languages', async () => {
    const s = server();
    const cookie = await admin();
    const zh = await s.request<ErrorBody>('POST', '/api/areas', {
      cookie,
      rawBody: '{"code": "X",',
      headers: { 'content-type': 'application/json' },
    });
    expect(zh.status).toBe(400);
    expect(zh.body.error).toEqual({ code: 'MALFORMED_JSON', message: '请求体不是有效的 JSON' });
    const en = await s.request<ErrorBody>('POST', '/api/areas', {
      cookie,
      rawBody: 'not json',
      headers: { 'content-type': 'application/json', 'accept-language': 'en-US' },
    });
    expect(en.body.error.message).toBe('The request body is not valid JSON');
  });

  it('names each field with a wrong type, and each unknown field', async () => {
    const s = server();
    const res = await s.request<ErrorBody>('POST', '/api/staff', {
      cookie: await admin(),
      body: { employeeNo: 42, name: ['x'], roles: 'agent', password: 'Whatever-1', isRoot: true },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const paths = res.body.error.fields?.map((f) => f.path).sort();
    expect(paths).toEqual(['employeeNo', 'isRoot', 'name', 'roles']);
    expect(res.body.error.fields?.find((f) => f.path === 'isRoot')?.message).toBe('不允许的字段');
    expect(res.body.error.fields?.find((f) => f.path === 'name')?.message).toBe('类型错误，应为文本');
  });

  it('says which field is missing, in English when asked', async () => {
    const s = server();
    const res = await s.request<ErrorBody>('POST', '/api/areas', {
      cookie: await admin(),
      body: { code: 'N1' },
      headers: { 'accept-language': 'en' },
    });
    expect(res.body.error.fields).toEqual([{ path: 'name', message: 'required' }]);
  });

  it('refuses an oversized body with 413 before touching the database', async () => {
    const s = server();
    const before = await areaCount();
    const res = await s.request<ErrorBody>('POST', '/api/areas', {
      cookie: await admin(),
      body: { code: 'BIG', name: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('BODY_TOO_LARGE');
    expect(await areaCount()).toBe(before);
  });

  it('refuses very long strings with the limit in the message', async () => {
    const s = server();
    const res = await s.request<ErrorBody>('POST', '/api/areas', {
      cookie: await admin(),
      body: { code: 'LONG', name: '长'.repeat(51) },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ path: 'name', message: '最多 50 个字符' }]);
  });

  it('refuses control characters in text', async () => {
    const s = server();
    const res = await s.request<ErrorBody>('POST', '/api/areas', {
      cookie: await admin(),
      body: { code: 'CTL', name: 'a\u0000b' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields?.[0]?.path).toBe('name');
  });

  it('stores SQL and HTML in strings as plain text, returned exactly as given', async () => {
    const s = server();
    const cookie = await admin();
    const name = `<script>alert(1)</script>'); DROP TABLE staff; --`;
    const res = await s.request<Staff>('POST', '/api/staff', {
      cookie,
      body: { employeeNo: 'SQL-1', name, roles: ['agent'], password: 'Whatever-1' },
    });
    expect(res.status).toBe(201);
    expect(res.body.name).toBe(name);
    const search = await s.request<{ total: number }>(
      'GET',
      `/api/staff?q=${encodeURIComponent("'); DROP")}`,
      { cookie },
    );
    expect(search.body.total).toBe(1);
    expect((await s.request('GET', '/api/staff?pageSize=1', { cookie })).status).toBe(200);
  });

  it('refuses a body that is not JSON with 415', async () => {
    const s = server();
    const res = await s.request<ErrorBody>('POST', '/api/areas', {
      cookie: await admin(),
      rawBody: 'code=X&name=Y',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('names a bad query parameter and a bad path id', async () => {
    const s = server();
    const cookie = await admin();
    const q = await s.request<ErrorBody>('GET', '/api/staff?pageSize=5000', { cookie });
    expect(q.status).toBe(400);
    expect(q.body.error.fields).toEqual([{ path: 'pageSize', message: '不能大于 200' }]);
    const p = await s.request<ErrorBody>('GET', '/api/staff/abc', { cookie });
    expect(p.status).toBe(400);
    expect(p.body.error.fields?.[0]?.path).toBe('id');
  });

  it('answers an unknown endpoint with 404 in the same error shape', async () => {
    const s = server();
    const res = await s.request<ErrorBody>('GET', '/api/nothing-here', {
      headers: { 'accept-language': 'en' },
    });
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual({
      code: 'ROUTE_NOT_FOUND',
      message: 'No such endpoint: GET /api/nothing-here',
    });
  });
});

describeOnEachDialect(
  'unexpected failures',
  (server) => {
    it('answers 500 with a generic message and never leaks the error text or a stack', async () => {
      const res = await server().request<ErrorBody>('GET', '/api/test-only/explode');
      expect(res.status).toBe(500);
      expect(res.body.error).toEqual({ code: 'INTERNAL', message: '服务器内部错误，请稍后重试' });
      expect(res.text).not.toMatch(/SELECT|secret|at .*\.ts/);
    });
  },
  {
    beforeListen: (app) => {
      app.get('/api/test-only/explode', { config: { access: 'public' } }, async () => {
        throw new Error('SELECT secret FROM vault');
      });
    },
  },
);
