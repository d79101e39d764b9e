// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { allowInPolicy, cspHash, hasDotDotSegment, inlineScripts, readSecurityHeaders } from '../security-headers';
import { DOT_DOT_PATHS } from './attack-paths';

/** Each directive of a policy with its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((p) => p.trim().split(/\s+/))
      .filter((p) => p[0] !== '')
      .map(([name = '', ...sources]) => [name, sources]),
  );
}


describe('hasDotDotSegment', () => {
  it.each(DOT_DOT_PATHS)('refuses %s', (path) => expect(hasDotDotSegment(path)).toBe(true));

  it.each(['/test_framework/v2/aiagents/?q=..', '/test_framework/v2/aiagents/a..b/', '/user/v1/projects/', '/agents/4242/telephony', '/test_framework/v2/aiagents/.../'])(
    'lets %s through',
    (path) => expect(hasDotDotSegment(path)).toBe(false),
  );
});

describe("the nginx template's security headers", () => {
  const headers = readSecurityHeaders();
  const csp = directives(headers['Content-Security-Policy'] ?? '');

  it('has a strict Content-Security-Policy', () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    // Scripts from the origin only; 'wasm-unsafe-eval' lets WebAssembly compile (the knowledge-base
    // base64 encoder) and nothing else: JavaScript eval stays refused.
    expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('worker-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    // Mantine's run-time <style> elements, and no inline style attributes.
    expect(csp.get('style-src-elem')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('style-src-attr')).toEqual(["'none'"]);
    expect(headers['Content-Security-Policy']).not.toMatch(/(?<!wasm-)unsafe-eval|\*|https?:|data:|blob:/);
  });

  it('sends nosniff, no referrer and a Permissions-Policy', () => {
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('no-referrer');
    expect(headers['Permissions-Policy']).toContain('camera=()');
  });
});

describe('allowInPolicy / inlineScripts / cspHash', () => {
  it('adds sources to one directive and hashes inline scripts as browsers do', () => {
    expect(allowInPolicy("default-src 'self'; script-src 'self'", 'script-src', ["'sha256-x'"])).toBe("default-src 'self'; script-src 'self' 'sha256-x'");
    expect(allowInPolicy("default-src 'self'", 'script-src', ["'sha256-x'"])).toBe("default-src 'self'; script-src 'sha256-x'");
    expect(inlineScripts('<script type="module">a()</script><script src="/x.js"></script>')).toEqual(['a()']);
    // echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
    expect(cspHash('alert(1)')).toBe("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
  });
});
