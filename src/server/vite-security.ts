import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin, ProxyOptions, ViteDevServer } from 'vite';
import { allowInPolicy, cspHash, hasDotDotSegment, inlineScripts, readSecurityHeaders } from './security-headers';

/** The only paths the dashboard's servers proxy to CEKURA_API_URL. */
export const API_PREFIXES = ['/test_framework/', '/user/'] as const;

type Next = (err?: unknown) => void;

function refuseDotDot(req: IncomingMessage, res: ServerResponse, next: Next): void {
  if (!hasDotDotSegment(req.url ?? '/')) {
    next();
    return;
  }
  res.writeHead(400, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify({ detail: 'Paths with ".." segments are refused.' }));
}

function setAll(res: ServerResponse, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}

/**
 * The dev server's policy: production's, plus the hashes of the inline scripts Vite's dev page
 * carries (React Refresh's preamble). Vite's CSS arrives as <style> elements, which production's
 * policy already allows; its HMR socket is on this origin ('self').
 */
async function devHeaders(server: ViteDevServer, production: Record<string, string>): Promise<Record<string, string>> {
  const html = await server.transformIndexHtml('/', '<!doctype html><html><head></head><body></body></html>');
  const hashes = inlineScripts(html).map(cspHash);
  const csp = production['Content-Security-Policy'] ?? '';
  return { ...production, 'Content-Security-Policy': allowInPolicy(csp, 'script-src', hashes) };
}

/**
 * Sends the nginx template's security headers from Vite's servers (so a CSP violation shows in
 * development first) and refuses `..` path segments before the API proxy or the emulator sees
 * them. Listed first among the plugins, so its middleware runs before everything else.
 */
export function dashboardSecurity(): Plugin {
  const production = readSecurityHeaders();
  return {
    name: 'cekura-dashboard-security',
    configureServer(server) {
      let headers: Promise<Record<string, string>> | undefined;
      server.middlewares.use((req, res, next) => {
        headers ??= devHeaders(server, production);
        headers.then(
          (h) => {
            setAll(res, h);
            refuseDotDot(req, res, next);
          },
          (error: unknown) => next(error),
        );
      });
    },
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        setAll(res, production);
        refuseDotDot(req, res, next);
      });
    },
  };
}

/**
 * Vite proxy entries for the API: only the two prefixes, the upstream's own Host, no cookies in
 * either direction (the API authenticates with X-CEKURA-API-KEY alone).
 */
export function apiProxy(target: string): Record<string, ProxyOptions> {
  const options: ProxyOptions = {
    target,
    changeOrigin: true,
    secure: true,
    configure(proxy) {
      proxy.on('proxyReq', (proxyReq) => proxyReq.removeHeader('cookie'));
      proxy.on('proxyRes', (proxyRes) => {
        delete proxyRes.headers['set-cookie'];
      });
    },
  };
  return Object.fromEntries(API_PREFIXES.map((prefix) => [prefix, options]));
}
