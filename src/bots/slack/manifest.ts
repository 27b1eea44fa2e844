import { COMMANDS } from '../../commands/registry.js';
import type { Config } from '../../config.js';

/** The bot's name in Slack; also what "/invite @…" hints name. */
export const BOT_NAME = 'newsroom';

/**
 * Only what the bot calls: slash commands, posting (incl. DMs via the Messages tab), admin checks
 * (users.info), channel checks (conversations.info) and delivery look-ups (conversations.history).
 */
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'users:read',
  'channels:read',
  'groups:read',
  'channels:history',
  'groups:history',
] as const;

const PLACEHOLDER_URL = 'https://newsroom.example.org';

/** Slack's `/slack/events` path, where Bolt's HTTP receiver takes commands and button clicks. */
export const EVENTS_PATH = '/slack/events';

/**
 * A complete app manifest, generated from the command definitions, to paste at
 * https://api.slack.com/apps → Create New App → From a manifest.
 */
export function slackManifest(config: Pick<Config, 'PUBLIC_URL' | 'SLACK_APP_TOKEN'>) {
  const socketMode = Boolean(config.SLACK_APP_TOKEN);
  const requestUrl = `${(config.PUBLIC_URL ?? PLACEHOLDER_URL).replace(/\/+$/, '')}${EVENTS_PATH}`;
  const url = socketMode ? {} : { url: requestUrl };
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: BOT_NAME,
      description: 'Election-security reporting: cited answers and scheduled digests.',
      background_color: '#1d3557',
    },
    features: {
      app_home: { home_tab_enabled: false, messages_tab_enabled: true, messages_tab_read_only_enabled: true },
      bot_user: { display_name: BOT_NAME, always_online: true },
      slash_commands: COMMANDS.map((group) => ({
        command: `/${group.name}`,
        ...url,
        description: group.description,
        usage_hint: group.subcommands.map((s) => s.usage).join(' | '),
        // Channels and users arrive as <#C…|name> / <@U…> ids, which the /digest grammar needs.
        should_escape: true,
      })),
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      // The Share to channel button posts back here.
      interactivity: { is_enabled: true, ...(socketMode ? {} : { request_url: requestUrl }) },
      org_deploy_enabled: false,
      socket_mode_enabled: socketMode,
      token_rotation_enabled: false,
    },
  };
}

export type SlackManifest = ReturnType<typeof slackManifest>;
