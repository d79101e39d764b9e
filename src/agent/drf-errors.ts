import type { z } from 'zod';
import { isPlainObject } from './deep-equal';
import { formPathOfMessage } from './field-catalogue';

/** A DRF error body: `{"field": ["msg"], "nested": {"x": ["msg"]}, "list": [{}, {"y": ["msg"]}]}`. */
export type DrfErrorBody = Record<string, unknown>;

export interface FieldError {
  /** A form path (`telephony.sip_uri`, `mock_tools.1.name`) or `root` for errors of no field. */
  path: string;
  message: string;
}

/** Builds a DRF-shaped error body from zod issues (the emulator's 400s). */
export function zodIssuesToDrf(issues: readonly z.core.$ZodIssue[]): DrfErrorBody {
  const body: Record<string, unknown> = {};
  for (const issue of issues) {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    addDrfError(body, path.length > 0 ? path : ['non_field_errors'], issue.message);
  }
  return body;
}

/** Adds one message at `path` inside a DRF error body, creating `{}`/`[{}]` containers on the way. */
export function addDrfError(body: Record<string, unknown>, path: readonly (string | number)[], message: string): void {
  let node: Record<string, unknown> | unknown[] = body;
  path.forEach((segment, i) => {
    const last = i === path.length - 1;
    const nextIsIndex = typeof path[i + 1] === 'number';
    const container = node as Record<string | number, unknown>;
    // Items before an indexed error are `{}` (valid), never holes that serialize as null.
    if (Array.isArray(node) && typeof segment === 'number') {
      for (let k = 0; k < segment; k++) (node)[k] ??= {};
    }
    if (last) {
      const existing = container[segment];
      container[segment] = Array.isArray(existing) ? [...(existing as unknown[]), message] : [message];
      return;
    }
    if (container[segment] === undefined) container[segment] = nextIsIndex ? [] : {};
    node = container[segment] as Record<string, unknown> | unknown[];
  });
}

const NON_FIELD = 'non_field_errors';

/** The form path of an API error path; the field catalogue knows where the form holds each field. */
function toFormPath(apiPath: string): string {
  if (apiPath === NON_FIELD || apiPath === 'detail') return 'root';
  if (apiPath.endsWith(`.${NON_FIELD}`)) return apiPath.slice(0, -NON_FIELD.length - 1);
  return formPathOfMessage(apiPath);
}

/**
 * Flattens a DRF error body into messages at form paths.
 *
 * @example mapDrfErrors({ telephony: { sip_uri: ['Bad URI'] } }) // → [{ path: 'telephony.sip_uri', message: 'Bad URI' }]
 */
export function mapDrfErrors(body: unknown): FieldError[] {
  const out: FieldError[] = [];
  const walk = (node: unknown, path: string) => {
    if (typeof node === 'string') {
      out.push({ path: toFormPath(path === '' ? 'non_field_errors' : path), message: node });
    } else if (Array.isArray(node)) {
      const allStrings = node.every((n) => typeof n === 'string');
      node.forEach((child, i) => walk(child, allStrings ? path : path === '' ? String(i) : `${path}.${i}`));
    } else if (isPlainObject(node)) {
      for (const [key, child] of Object.entries(node)) walk(child, path === '' ? key : `${path}.${key}`);
    }
  };
  walk(body, '');
  return out;
}
