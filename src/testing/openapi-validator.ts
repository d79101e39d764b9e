import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/**
 * Cekura's published OpenAPI document is read where it lies, beside the repo
 * (`../shared/reference/cekura-openapi-agents.json`); it is theirs, so it is not copied in.
 */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const OPENAPI_PATH = process.env.CEKURA_OPENAPI_PATH ?? resolve(repoRoot, '../shared/reference/cekura-openapi-agents.json');
export const openApiAvailable = existsSync(OPENAPI_PATH);

/**
 * The generated document writes every "X or null" and every provider-dependent config as
 * `oneOf` over schemas that overlap (`{}` matches null too; a `{trigger_url}` config is a valid
 * Vapi, Retell and ElevenLabs config at once), so a strict `oneOf` rejects every such value.
 * The server picks the branch by `provider.type`; we read `oneOf` as `anyOf`.
 */
function oneOfAsAnyOf(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(oneOfAsAnyOf);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key === 'oneOf' ? 'anyOf' : key, oneOfAsAnyOf(value)]),
  );
}

export function loadPatchValidator(schemaName = 'PatchedSchemaPostAIAgentV2'): ValidateFunction {
  const document = oneOfAsAnyOf(JSON.parse(readFileSync(OPENAPI_PATH, 'utf8'))) as Record<string, unknown>;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: 'cekura-openapi.json' });
  const validate = ajv.getSchema(`cekura-openapi.json#/components/schemas/${schemaName}`);
  if (!validate) throw new Error(`${schemaName} is not in ${OPENAPI_PATH}`);
  return validate;
}
