// @vitest-environment node
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { emulatorForThisFile, json } from './emulator-server';

const emulator = emulatorForThisFile();

describe('authentication', () => {
  it('answers 401 without an API key', async () => {
    const res = await emulator().api('/test_framework/v2/aiagents/', { key: null });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await json(res)).toEqual({ detail: 'Authentication credentials were not provided.' });
  });

  it('answers 403 with a wrong API key, on every API path', async () => {
    for (const path of ['/test_framework/v2/aiagents/', '/test_framework/v2/aiagents/101/', '/user/v1/projects/']) {
      const res = await emulator().api(path, { key: 'not-the-key' });
      expect(res.status).toBe(403);
      expect(await json(res)).toEqual({ detail: 'Invalid API key.' });
    }
  });

  it('checks the key before reading a PATCH body, and changes nothing', async () => {
    const res = await emulator().api('/test_framework/v2/aiagents/101/', { method: 'PATCH', key: 'wrong', body: { name: 'Hacked' } });
    expect(res.status).toBe(403);
    const agent = await json(await emulator().api('/test_framework/v2/aiagents/101/'));
    expect(agent.name).not.toBe('Hacked');
  });

  it('accepts the configured demo key', async () => {
    const res = await emulator().api('/user/v1/projects/');
    expect(res.status).toBe(200);
  });
});

describe('routing', () => {
  it('answers 404 Not found for an unknown agent and for unknown API paths', async () => {
    for (const path of ['/test_framework/v2/aiagents/999999/', '/test_framework/v2/aiagents/abc/', '/test_framework/v2/nothing/', '/user/v1/projects']) {
      const res = await emulator().api(path);
      expect(res.status, path).toBe(404);
      expect(await json(res)).toEqual({ detail: 'Not found.' });
    }
  });

  it('answers 404 for history and restore of an unknown agent', async () => {
    expect((await emulator().api('/test_framework/v2/aiagents/999999/history/')).status).toBe(404);
    const res = await emulator().api('/test_framework/v2/aiagents/999999/restore/', { method: 'POST', body: { history_id: 1 } });
    expect(res.status).toBe(404);
  });

  it('answers 405 with DRF’s message for a wrong method', async () => {
    const cases: [string, string][] = [
      ['DELETE', '/test_framework/v2/aiagents/101/'],
      ['PUT', '/test_framework/v2/aiagents/101/'],
      ['POST', '/test_framework/v2/aiagents/'],
      ['GET', '/test_framework/v2/aiagents/101/restore/'],
      ['POST', '/user/v1/projects/'],
    ];
    for (const [method, path] of cases) {
      const res = await emulator().api(path, { method });
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(await json(res)).toEqual({ detail: `Method "${method}" not allowed.` });
    }
  });

  it('answers malformed JSON with a DRF parse error', async () => {
    const res = await emulator().api('/test_framework/v2/aiagents/101/', { method: 'PATCH', body: '{"name": ' });
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(String(body.detail)).toMatch(/^JSON parse error - /);
  });

  it('answers a JSON body that is not an object with non_field_errors', async () => {
    const res = await emulator().api('/test_framework/v2/aiagents/101/', { method: 'PATCH', body: [1, 2] });
    expect(res.status).toBe(400);
    expect(await json(res)).toEqual({ non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] });
  });

  it('passes paths it does not own to next()', async () => {
    const server = http.createServer((req, res) =>
      emulator().handler(req, res, () => {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end('<!doctype html><title>SPA</title>');
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      for (const path of ['/', '/agents/101', '/assets/index.js', '/test_frameworkx/']) {
        const res = await fetch(`http://127.0.0.1:${port}${path}`);
        expect(await res.text(), path).toContain('<title>SPA</title>');
      }
      const api = await fetch(`http://127.0.0.1:${port}/user/v1/projects/`);
      expect(api.status).toBe(401);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('projects', () => {
  it('lists three projects as a plain array', async () => {
    const res = await emulator().api('/user/v1/projects/');
    expect(res.headers.get('content-type')).toBe('application/json');
    const projects = (await res.json()) as { id: number; name: string }[];
    expect(Array.isArray(projects)).toBe(true);
    expect(projects).toHaveLength(3);
    for (const p of projects) {
      expect(typeof p.id).toBe('number');
      expect(p.name.length).toBeGreaterThan(0);
    }
  });
});
