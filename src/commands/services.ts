import type { Knowledge } from '../knowledge/api.js';

/** What the core hands every handler: the knowledge base and, once wired, the digest service. */
export interface Services {
  knowledge: Knowledge;
  defaultTimezone: string;
}
