import type { IncomingMessage } from 'node:http';
import { HttpError } from './http';

export const API_KEY_HEADER = 'x-cekura-api-key';

/**
 * The API key check: no key is a 401, a key other than the demo key a 403
 * (DRF answers 403 for failed authentication when the scheme sends no WWW-Authenticate).
 */
export function checkApiKey(req: IncomingMessage, expected: string): void {
  const raw = req.headers[API_KEY_HEADER];
  const key = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? '';
  if (key === '') throw new HttpError(401, { detail: 'Authentication credentials were not provided.' });
  if (key !== expected) throw new HttpError(403, { detail: 'Invalid API key.' });
}
