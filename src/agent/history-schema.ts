import * as z from 'zod/mini';
import { apiDynamicVariableSchema, apiKnowledgeBaseFileSchema, apiMockToolSchema } from './api-schema';
import type { ApiAgent } from './api-schema';

/**
 * Lenient schemas of the agent's history (`GET …/{id}/history/`, `PATCH …/history/edit/`), as
 * `CONTRACT.md` "History and restore" reads Cekura's documents. Like `api-schema.ts`: unknown
 * keys kept, `null` accepted, a wrongly typed optional value becomes `undefined`. The spec types
 * the snapshot's collections only as read-only strings: a list is taken item by item (items that
 * do not parse are dropped), JSON text is parsed, anything else is an empty list.
 */
const lenient = <T extends z.core.SomeType>(schema: T) => z.catch(z.nullish(schema), undefined);
const str = lenient(z.string());
const num = lenient(z.number());

function snapshotList<T extends z.core.$ZodType>(item: T) {
  return z.pipe(
    z.unknown(),
    z.transform((raw: unknown): z.output<T>[] => {
      let value = raw;
      if (typeof value === 'string') {
        try {
          value = JSON.parse(value) as unknown;
        } catch {
          return [];
        }
      }
      if (!Array.isArray(value)) return [];
      return value.flatMap((entry) => {
        const parsed = z.safeParse(item, entry);
        return parsed.success ? [parsed.data] : [];
      });
    }),
  );
}

export const apiHistoryUserSchema = z.looseObject({ id: num, name: str, email: str, first_name: str, last_name: str });

export const apiHistoryVersionSchema = z.looseObject({
  history_id: z.number(),
  history_date: str,
  /** `+` created, `~` changed, `-` deleted. */
  history_type: str,
  history_change_reason: str,
  history_user: lenient(apiHistoryUserSchema),
  version_id: lenient(z.union([z.string(), z.number()])),
  version_name: str,
  /** The agent's id. */
  id: num,
  agent_name: str,
  language: str,
  description: str,
  mock_tools: snapshotList(apiMockToolSchema),
  dynamic_variables: snapshotList(apiDynamicVariableSchema),
  knowledge_base_files: snapshotList(apiKnowledgeBaseFileSchema),
});

/** Drops the versions that do not parse instead of failing the page. */
const versionList = z.pipe(
  z.catch(z.nullish(z.array(z.unknown())), undefined),
  z.transform((items: unknown[] | null | undefined) =>
    (items ?? []).flatMap((raw) => {
      const parsed = z.safeParse(apiHistoryVersionSchema, raw);
      return parsed.success ? [parsed.data] : [];
    }),
  ),
);

export const apiHistoryPageSchema = z.looseObject({
  count: z.catch(z.number(), 0),
  next: str,
  previous: str,
  results: versionList,
});

export type ApiHistoryUser = z.output<typeof apiHistoryUserSchema>;
export type ApiHistoryVersion = z.output<typeof apiHistoryVersionSchema>;
export type ApiHistoryPage = z.output<typeof apiHistoryPageSchema>;

/** Parses one page of history; throws only when it is not an object. */
export function parseHistoryPage(raw: unknown): ApiHistoryPage {
  return z.parse(apiHistoryPageSchema, raw);
}

/** Parses one version (the answer of `PATCH …/history/edit/`); throws only without a numeric `history_id`. */
export function parseHistoryVersion(raw: unknown): ApiHistoryVersion {
  return z.parse(apiHistoryVersionSchema, raw);
}

/** Who made a version, in words: the name, else first and last name, else the email; null when nobody is recorded. */
export function historyUserName(user: ApiHistoryUser | null | undefined): string | null {
  if (!user) return null;
  const full = [user.first_name, user.last_name].filter((part) => part !== undefined && part !== null && part.trim() !== '').join(' ');
  return [user.name, full, user.email].find((text): text is string => typeof text === 'string' && text.trim() !== '') ?? null;
}

/** The fields a version records, in the agent's shape (for diffing a version with the agent). */
export const VERSIONED_AGENT_FIELDS = ['name', 'language', 'description', 'mock_tools', 'dynamic_variables', 'knowledge_base_files'] as const;

/**
 * The agent as restoring `version` would leave it: `current` with the versioned fields taken
 * from the version (what the API's restore does), so the form engine can diff the two.
 *
 * @example buildAgentPatch(current, agentToFormValues(agentAtVersion(current, version))) // what a restore changes
 */
export function agentAtVersion(current: ApiAgent, version: ApiHistoryVersion): ApiAgent {
  return {
    ...current,
    name: version.agent_name,
    language: version.language,
    description: version.description,
    mock_tools: version.mock_tools,
    dynamic_variables: version.dynamic_variables,
    knowledge_base_files: version.knowledge_base_files,
  };
}
