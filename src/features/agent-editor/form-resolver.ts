import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import type { ApiAgent } from '../../agent/api-schema';
import { agentFormSchemaFor, agentFormSchemaForParts } from '../../agent/form-schema';
import type { AgentFormKey, AgentFormValues } from '../../agent/form-schema';

export interface AgentFormResolver {
  /** The form's resolver: the whole form (a field's own check as the user types), or the parts a save sends. */
  resolver: Resolver<AgentFormValues>;
  /**
   * Runs `submit` (react-hook-form's `handleSubmit(…)()`, which calls the resolver before its
   * first await) with the resolver checking only `parts`: what the save sends, so what the
   * user changed. A message still lands at each field of those parts; the untouched rest of a
   * large agent is not checked again (it is not sent, so it never blocks a save).
   */
  checkingOnly: <T>(parts: ReadonlySet<AgentFormKey>, submit: () => T) => T;
}

/**
 * The editor form's resolver for editing `baseline` (see `agentFormSchemaFor`).
 *
 * @example const { resolver, checkingOnly } = createAgentFormResolver(agent); checkingOnly(new Set(['name']), () => form.handleSubmit(save)())
 */
export function createAgentFormResolver(baseline: ApiAgent): AgentFormResolver {
  const whole = zodResolver(agentFormSchemaFor(baseline));
  const byParts = new Map<string, Resolver<AgentFormValues>>();
  let parts: ReadonlySet<AgentFormKey> | null = null;

  const resolverOf = (keys: ReadonlySet<AgentFormKey>): Resolver<AgentFormValues> => {
    const id = [...keys].sort().join(',');
    let resolver = byParts.get(id);
    if (resolver === undefined) {
      // The parts not checked pass through as the form holds them: the values keep their type.
      resolver = zodResolver(agentFormSchemaForParts(baseline, keys));
      byParts.set(id, resolver);
    }
    return resolver;
  };

  return {
    resolver: (values, context, options) => (parts === null ? whole(values, context, options) : resolverOf(parts)(values, context, options)),
    checkingOnly: (keys, submit) => {
      parts = keys;
      try {
        return submit();
      } finally {
        parts = null;
      }
    },
  };
}
