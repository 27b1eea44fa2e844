/** Snowflake-shaped ids for fixtures: realistic size, and a predictable shard per guild. */
const BASE_MS = 290_000_000_000n;

export function snowflake(n: number): string {
  return ((BASE_MS + BigInt(n)) << 22n).toString();
}

/** Discord's routing rule: a guild lives on shard `(guild_id >> 22) % num_shards`. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

export const PERMISSIONS = {
  Administrator: 0x8n,
  ManageGuild: 0x20n,
  ViewChannel: 0x400n,
  SendMessages: 0x800n,
  EmbedLinks: 0x4000n,
  ReadMessageHistory: 0x10000n,
  UseApplicationCommands: 0x80000000n,
} as const;

export const MEMBER_PERMISSIONS =
  PERMISSIONS.ViewChannel |
  PERMISSIONS.SendMessages |
  PERMISSIONS.EmbedLinks |
  PERMISSIONS.ReadMessageHistory |
  PERMISSIONS.UseApplicationCommands;

export const ADMIN_PERMISSIONS = MEMBER_PERMISSIONS | PERMISSIONS.ManageGuild;
