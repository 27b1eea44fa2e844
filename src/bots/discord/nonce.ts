import { createHash } from 'node:crypto';
import { DISCORD_LIMITS } from './limits.js';

/**
 * Discord's idempotency key for one message of a delivery: the same delivery and part always
 * give the same nonce (≤25 chars), so a retried post is stored once (`enforce_nonce`).
 */
export function deliveryNonce(deliveryId: string, part: number): string {
  const raw = part === 0 ? deliveryId : `${deliveryId}#${part}`;
  if (raw.length <= DISCORD_LIMITS.nonce && /^[\w:#.-]+$/.test(raw)) return raw;
  const digest = createHash('sha256').update(raw).digest('base64url');
  return `n${digest.slice(0, DISCORD_LIMITS.nonce - 1)}`;
}
