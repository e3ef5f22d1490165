import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, spawnServer } from '../server/src/testing/spawn-server.ts';

// The desktop's first load (PLAT-4: a page complete within 3 s cold): the bundle goes out
// compressed, and hashed assets are cached for good while index.html always revalidates.
const INDEX = new URL('../web/dist/index.html', import.meta.url);

describe('serving the desktop', () => {
  let server: RunningServer;
  beforeAll(async () => {
    if (!existsSync(INDEX))
      throw new Error('web/dist/index.html is missing: build the web app first (npm run build)');
    server = await spawnServer({ SIMULATE_TRAFFIC: 'false', DEMO_AUTOPILOT_AGENTS: '0' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const mainScript = () => {
    const match = readFileSync(INDEX, 'utf8').match(/src="(\/assets\/index-[^"]+\.js)"/);
    if (!match?.[1]) throw new Error('no main script in index.html');
    return match[1];
  };

  it('sends the main script Brotli-compressed and cacheable for a year', async () => {
    const res = await fetch(server.baseUrl + mainScript(), { headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('cache-control')).toContain('immutable');
    const body = await res.arrayBuffer();
    expect(body.byteLength).toBeGreaterThan(1000);
  });

  it('falls back to gzip, and to plain for a client that accepts neither', async () => {
    const gz = await fetch(server.baseUrl + mainScript(), { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    await gz.arrayBuffer(); // read every body: an unread one keeps its response open on the server
    const plain = await fetch(server.baseUrl + mainScript(), { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    await plain.arrayBuffer();
  });

  it('makes the browser revalidate index.html, so a new release is picked up', async () => {
    const res = await fetch(`${server.baseUrl}/`);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('<div id="root">');
  });
});
