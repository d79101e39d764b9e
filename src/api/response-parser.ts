/**
 * What the API client needs of a response schema: `safeParse`. Classic zod and zod/mini schemas
 * both fit, so the list page can parse with zod/mini and stay light.
 */
export interface ResponseParser<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false };
}
