import {
  ApplicationCommandOptionType,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Client,
  type Interaction,
  MessageFlags,
} from 'discord.js';
import { findGroup } from '../../commands/registry.js';
import { suggestOptionValues } from '../../commands/suggest.js';
import type { OptionValues } from '../../commands/types.js';
import type { AdapterDeps } from '../adapter.js';
import { observeCommand } from '../run-observed.js';
import { commandContext } from './context.js';
import { withDeferral } from './defer.js';
import { replyPrivately, SHARE_CUSTOM_ID } from './respond.js';
import { rerunAndShare, shareAnswer } from './share.js';
import { encodeShareRequest, SHARE_RERUN_PREFIX, type ShareRequest } from './share-request.js';

export interface InboundOptions {
  /** Answer with a deferral when the command has not finished by then (well inside Discord's 3 s). */
  deferAfterMs: number;
}

/** Slash-command options → the structured request the neutral dispatcher takes. */
export function toRequest(interaction: ChatInputCommandInteraction): ShareRequest {
  let sub: (typeof interaction.options.data)[number] | undefined;
  for (const o of interaction.options.data) if (o.type === ApplicationCommandOptionType.Subcommand) sub ??= o;
  const options: OptionValues = {};
  for (const o of sub?.options ?? []) {
    if (typeof o.value === 'string' || typeof o.value === 'number') options[o.name] = o.value;
  }
  return { group: interaction.commandName, subcommand: sub?.name ?? '', options };
}

async function handleCommand(
  client: Client,
  interaction: ChatInputCommandInteraction,
  deps: AdapterDeps,
  options: InboundOptions,
): Promise<void> {
  const request = toRequest(interaction);
  // Admin commands touch storage and the REST API (channel checks): always defer those.
  if (findGroup(request.group)?.access === 'admin')
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const work = observeCommand(deps, request, commandContext(client, interaction, deps));
  // A command that answered at once needs no deferral; one that waits may.
  const result = !(work instanceof Promise)
    ? work
    : interaction.deferred
      ? await work
      : await withDeferral(work, options.deferAfterMs, () =>
          interaction.deferReply({ flags: MessageFlags.Ephemeral }),
        );
  await replyPrivately(interaction, result.reply, encodeShareRequest(request));
}

/** Suggestions come from the core; the adapter only translates them into Discord choices. */
async function handleAutocomplete(
  client: Client,
  interaction: AutocompleteInteraction,
  deps: AdapterDeps,
): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const suggestions = await suggestOptionValues(
    {
      group: interaction.commandName,
      subcommand: interaction.options.getSubcommand(false) ?? '',
      option: focused.name,
      typed: String(focused.value),
    },
    commandContext(client, interaction, deps),
  );
  await interaction.respond(suggestions);
}

/** Every interaction the bot receives: slash commands, the Share button, autocomplete. */
export function interactionListener(client: Client, deps: AdapterDeps, options: InboundOptions) {
  return (interaction: Interaction): void => {
    const run = async () => {
      if (interaction.isChatInputCommand()) await handleCommand(client, interaction, deps, options);
      else if (interaction.isButton() && interaction.customId.startsWith(SHARE_RERUN_PREFIX))
        await rerunAndShare(client, interaction, deps, options.deferAfterMs);
      else if (interaction.isButton() && interaction.customId === SHARE_CUSTOM_ID)
        await shareAnswer(interaction);
      else if (interaction.isAutocomplete()) await handleAutocomplete(client, interaction, deps);
    };
    run().catch((err: unknown) =>
      deps.log.error({ err, interaction: interaction.id }, 'discord interaction failed'),
    );
  };
}
