import { Client, Events, GatewayIntentBits, MessageFlags } from 'discord.js';
import { type DiscordMessage, renderReply } from '../src/bots/discord/render.js';
import { shareRow } from '../src/bots/discord/respond.js';
import { encodeShareRequest } from '../src/bots/discord/share-request.js';
import type { Knowledge } from '../src/knowledge/api.js';
import { type FakeDiscord, startFakeDiscord } from '../tests/fakes/discord/index.js';
import { type Comparison, compareInterleaved } from './compare.js';
import { startOurDiscord } from './ours.js';
import { precomputeReplies } from './precomputed.js';

export interface DiscordCommand {
  subcommand: string;
  options?: Record<string, string>;
}

/** What the baseline sends for one command: our rendered answer and the button we would put under it. */
interface Constant {
  message: DiscordMessage;
  components: ReturnType<typeof shareRow>[];
}

/**
 * The baseline: a bare discord.js client replying, ephemeral, with a constant — the answer we
 * would give to that command, rendered before timing starts, with the same Share button — so both
 * sides send the same bytes.
 */
async function startBareClient(fake: FakeDiscord, constants: Map<string, Constant>): Promise<Client> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.restUrl } });
  client.on(Events.InteractionCreate, (interaction) => {
    if (!interaction.isChatInputCommand()) return;
    const constant = constants.get(
      keyOf(interaction.options.getSubcommand(), interaction.options.getString('question')),
    );
    interaction
      .reply({
        ...(constant?.message.content ? { content: constant.message.content } : {}),
        embeds: constant?.message.embeds ?? [],
        components: constant?.components ?? [],
        allowedMentions: { parse: [] },
        flags: MessageFlags.Ephemeral,
      })
      .catch((err: unknown) => console.error('bare client reply failed', err));
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(fake.token);
  await ready;
  return client;
}

const keyOf = (subcommand: string, question: string | null) => `${subcommand}\u0000${question ?? ''}`;

/** INTERACTION_CREATE on the fake gateway → the answer the asker sees at the fake REST. */
async function commandOnce(fake: FakeDiscord, command: DiscordCommand): Promise<void> {
  const guild = [...fake.state.guilds.values()][0];
  const channelId = guild?.channels[0]?.id;
  if (!guild || !channelId) throw new Error('discord e2e: the fake has no channel');
  const handle = fake.slashCommand({
    guildId: guild.id,
    channelId,
    group: 'election',
    subcommand: command.subcommand,
    ...(command.options && { options: command.options }),
  });
  const answer = await handle.firstReply();
  const visible = JSON.stringify(answer);
  if (visible.length < 20) throw new Error('discord e2e: empty answer');
  // Otherwise the fake holds every request and body of the run: the GC would copy them on each
  // scavenge, a pause that lands on whichever side happens to allocate.
  fake.state.forgetRecorded();
}

/** Each side gets its own fake (one gateway session owns a guild), both in this process. */
export async function benchDiscordEndToEnd(
  knowledge: Knowledge,
  commands: DiscordCommand[],
  samples: number,
  warmup: number,
): Promise<Comparison> {
  const ourFake = await startFakeDiscord();
  const bareFake = await startFakeDiscord();
  const ours = await startOurDiscord(ourFake, knowledge, true);
  const replies = await precomputeReplies(
    knowledge,
    commands.map((c) => ({
      key: keyOf(c.subcommand, c.options?.question ?? null),
      request: { group: 'election', subcommand: c.subcommand, options: c.options ?? {} },
    })),
  );
  const constants = new Map<string, Constant>();
  for (const c of commands) {
    const key = keyOf(c.subcommand, c.options?.question ?? null);
    const reply = replies.get(key);
    if (!reply) continue;
    const rerunId = encodeShareRequest({
      group: 'election',
      subcommand: c.subcommand,
      options: c.options ?? {},
    });
    constants.set(key, {
      message: renderReply(reply)[0] as DiscordMessage,
      components: reply.shareable ? [shareRow(rerunId)] : [],
    });
  }
  const bare = await startBareClient(bareFake, constants);
  const pick = (i: number) => commands[i % commands.length] as DiscordCommand;
  try {
    return await compareInterleaved({
      samples,
      warmup,
      ours: (i) => commandOnce(ourFake, pick(i)),
      baseline: (i) => commandOnce(bareFake, pick(i)),
    });
  } finally {
    await ours.adapter.stop();
    await bare.destroy();
    await ourFake.close();
    await bareFake.close();
  }
}
