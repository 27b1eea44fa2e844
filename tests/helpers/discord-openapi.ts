import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { it } from 'vitest';

/**
 * Validates request bodies the bot sends against Discord's official OpenAPI description
 * (../shared/specs/discord-openapi.json, outside the repository). Where a clone has no
 * ../shared, the validation tests skip with a visible reason — except under CI, where they fail.
 */
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DISCORD_SPEC_PATH = resolve(REPO_ROOT, '../shared/specs/discord-openapi.json');

type Json = Record<string, unknown>;

/**
 * Where the spec and Discord's written docs disagree, we follow the docs (specs/README.md):
 * the docs give `default_member_permissions` as a string ("32"), the spec as an integer.
 */
function applyDocumentedDivergences(spec: Json): void {
  const schemas = (spec.components as Json).schemas as Record<string, Json>;
  for (const name of ['ApplicationCommandUpdateRequest', 'ApplicationCommandCreateRequest']) {
    const props = schemas[name]?.properties as Json | undefined;
    if (props?.default_member_permissions) {
      props.default_member_permissions = {
        anyOf: [props.default_member_permissions, { type: 'string', pattern: '^[0-9]{1,20}$' }],
      };
    }
  }
}

export interface DiscordSpecValidator {
  /** Errors for one request body (empty when valid); an unknown route is an error too. */
  validate(method: string, route: string, body: unknown): string[];
}

function load(): DiscordSpecValidator | string {
  if (!existsSync(DISCORD_SPEC_PATH)) return `Discord OpenAPI spec not found at ${DISCORD_SPEC_PATH}`;
  const spec = JSON.parse(readFileSync(DISCORD_SPEC_PATH, 'utf8')) as Json;
  applyDocumentedDivergences(spec);
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: false });
  ajv.addSchema({ $id: 'discord', components: spec.components, paths: spec.paths }, 'discord');
  const cache = new Map<string, ValidateFunction | null>();
  const paths = spec.paths as Record<string, Record<string, Json>>;
  return {
    validate(method, route, body) {
      const verb = method.toLowerCase();
      const operation = paths[route]?.[verb];
      if (!operation) return [`${method} ${route} is not in the Discord spec`];
      const key = `${verb} ${route}`;
      if (!cache.has(key)) {
        const content = (operation.requestBody as Json | undefined)?.content as Json | undefined;
        const pointer = ['paths', route, verb, 'requestBody', 'content', 'application/json', 'schema']
          .map((p) => encodeURIComponent(p.replace(/~/g, '~0').replace(/\//g, '~1')))
          .join('/');
        cache.set(key, content?.['application/json'] ? (ajv.getSchema(`discord#/${pointer}`) ?? null) : null);
      }
      const fn = cache.get(key);
      if (!fn) return body === undefined ? [] : [`${method} ${route} takes no JSON body in the spec`];
      if (fn(body)) return [];
      return (fn.errors ?? []).map((e) => `${method} ${route}${e.instancePath}: ${e.message}`);
    },
  };
}

const loaded = load();
export const discordSpec: DiscordSpecValidator | undefined = typeof loaded === 'string' ? undefined : loaded;
export const discordSpecMissing: string | undefined = typeof loaded === 'string' ? loaded : undefined;

/**
 * `it` for tests that need the spec: skipped with the reason in its name when the spec is
 * absent, but failing under CI=true so a broken CI setup cannot pass silently.
 */
export function specTestMode(specMissing: boolean, env: NodeJS.ProcessEnv): 'run' | 'fail' | 'skip' {
  if (!specMissing) return 'run';
  return env.CI === 'true' ? 'fail' : 'skip';
}

export function itWithDiscordSpec(
  name: string,
  fn: (spec: DiscordSpecValidator) => Promise<void> | void,
): void {
  const mode = specTestMode(!discordSpec, process.env);
  if (mode === 'run' && discordSpec) {
    const spec = discordSpec;
    it(name, () => fn(spec));
  } else if (mode === 'fail') {
    it(name, () => {
      throw new Error(`${discordSpecMissing}; CI requires it`);
    });
  } else {
    it.skip(`${name} — skipped: ${discordSpecMissing}`, () => {});
  }
}
