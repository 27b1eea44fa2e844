import { Client, Events, GatewayIntentBits, MessageFlags } from 'discord.js';
import type { Knowledge } from '../src/knowledge/api.js';
import { type FakeDiscord, startFakeDiscord } from '../tests/fakes/discord/index.js';
import { type Comparison, compareInterleaved } from './compare.js';
import { startOurDiscord } from './ours.js';

export interface DiscordCommand {
  subcommand: string;
  options?: Record<string, string>;
}

/** The baseline: a bare discord.js client replying a constant, ephemeral, to every slash command. */
async function startBareClient(fake: FakeDiscord): Promise<Client> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.restUrl } });
  client.on(Events.InteractionCreate, (interaction) => {
    if (!interaction.isChatInputCommand()) return;
    interaction
      .reply({ content: 'A constant answer.', flags: MessageFlags.Ephemeral })
      .catch((err: unknown) => console.error('bare client reply failed', err));
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(fake.token);
  await ready;
  return client;
}

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
  const bare = await startBareClient(bareFake);
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
