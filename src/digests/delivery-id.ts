/**
 * Delivery ids become Discord nonces (≤ 25 chars) and Slack metadata. Base 36 keeps them short:
 * a scheduled slot is a whole minute, so minutes since the epoch identify it; manual sends use ms.
 */
export function scheduledDeliveryId(subscriptionId: number, slot: Date): string {
  return `d${subscriptionId.toString(36)}-${Math.floor(slot.getTime() / 60_000).toString(36)}`;
}

export function manualDeliveryId(subscriptionId: number, at: Date): string {
  return `m${subscriptionId.toString(36)}-${at.getTime().toString(36)}`;
}
