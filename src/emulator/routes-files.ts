import { FILES_PATH_PREFIX, mimeTypeOf, parseFileUrl } from './blobs';
import { HttpError } from './http';
import type { RequestContext, Route } from './router';

/** Knowledge-base contents at their `file_url`, byte for byte, without an API key. */
function serveFile(ctx: RequestContext): void {
  const location = parseFileUrl(ctx.url.pathname);
  const bytes = location ? ctx.store.blobs.read(location.blobId, location.fileName) : null;
  if (!location || !bytes) throw new HttpError(404, { detail: 'Not found.' });
  const mime = mimeTypeOf(location.fileName);
  ctx.res.writeHead(200, {
    'Content-Type': mime.startsWith('text/') ? `${mime}; charset=utf-8` : mime,
    'Content-Length': bytes.length,
    'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(location.fileName)}`,
    'Cache-Control': 'no-store',
  });
  ctx.res.end(ctx.req.method === 'HEAD' ? undefined : bytes);
}

export const fileRoutes: readonly Route[] = [
  { path: new RegExp(`^${FILES_PATH_PREFIX}\\d+/[^/]+$`), methods: { GET: serveFile, HEAD: serveFile } },
];
