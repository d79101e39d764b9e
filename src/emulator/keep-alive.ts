/**
 * How long an idle keep-alive connection stays open. Node closes one after 5 s by default; a
 * client reusing it at that very moment (Playwright's request context, undici, a browser) sends
 * into a closing socket and gets ECONNRESET, a failure no real API gives. A minute makes that
 * race as rare as a minute's idle pause; headers must be allowed a little longer (Node's rule).
 */
export function keepIdleConnectionsOpen(server: { keepAliveTimeout: number; headersTimeout: number }): void {
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 61_000;
}
