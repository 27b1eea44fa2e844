import type { DigestService } from '../digests/service.js';
import type { Knowledge } from '../knowledge/api.js';

/** What the core hands every handler: the knowledge base and, once wired, the digest service. */
export interface Services {
  knowledge: Knowledge;
  defaultTimezone: string;
  /** Scheduled digests; absent until the runtime is wired (then /digest says it is unavailable). */
  digests?: DigestService;
}
