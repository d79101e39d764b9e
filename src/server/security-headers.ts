import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nginx server block the Docker image and `npm run serve` use: the one source of the headers. */
export const NGINX_TEMPLATE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../deploy/nginx/default.conf.template');

/**
 * The fixed security headers of the nginx template (`add_header Name "value" always;`), so the
 * Vite servers send exactly what production sends. Headers whose value is an nginx variable
 * (Cache-Control) are left out.
 *
 * @example readSecurityHeaders()['X-Content-Type-Options'] // → 'nosniff'
 */
export function readSecurityHeaders(template = NGINX_TEMPLATE): Record<string, string> {
  const text = fs.readFileSync(template, 'utf8');
  const headers: Record<string, string> = {};
  for (const match of text.matchAll(/^\s*add_header\s+([A-Za-z-]+)\s+"([^"$]*)"\s+always;/gm)) {
    const [, name, value] = match;
    if (name !== undefined && value !== undefined) headers[name] = value;
  }
  if (headers['Content-Security-Policy'] === undefined) throw new Error(`${template} sets no Content-Security-Policy`);
  return headers;
}

/** `'sha256-…'` of an inline script's text, as CSP hashes it. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The policy with extra sources added to one directive, e.g. the dev server's inline React
 * Refresh preamble to `script-src`.
 *
 * @example allowInPolicy("default-src 'self'; script-src 'self'", 'script-src', ["'sha256-…'"]) // → "…; script-src 'self' 'sha256-…'"
 */
export function allowInPolicy(policy: string, directive: string, sources: readonly string[]): string {
  if (sources.length === 0) return policy;
  const parts = policy.split(';').map((p) => p.trim()).filter((p) => p !== '');
  const index = parts.findIndex((p) => p.split(/\s+/)[0] === directive);
  if (index === -1) return [...parts, `${directive} ${sources.join(' ')}`].join('; ');
  parts[index] = `${parts[index] ?? directive} ${sources.join(' ')}`;
  return parts.join('; ');
}

/** The text of each inline `<script>` of an HTML page (those without `src`). */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].flatMap((m) => (m[1] ? [m[1]] : []));
}

/**
 * Whether a raw request target has a `..` path segment, literal or percent-encoded, including
 * one split by an encoded slash or a backslash (`/a/%2e%2e%2fb`, `/a/..\\b`, `/a/..;/b`).
 * Such a path may climb out of the API prefixes on the upstream, so it is refused outright.
 * The same rule as the `if ($request_uri …)` of the nginx template.
 */
export function hasDotDotSegment(rawTarget: string): boolean {
  const pathPart = rawTarget.split(/[?#]/, 1)[0] ?? '';
  return /(^|\/|%2f|\\|%5c)(\.|%2e){2}(\/|%2f|\\|%5c|;|%3b|$)/i.test(pathPart);
}
