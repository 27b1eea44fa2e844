export const HELP: Record<string, string> = {
  main: `newsroom — election-security reporting for Slack, Discord and the terminal

Usage: newsroom <command> [options]

Commands:
  start                          Run the bot (console when no tokens are configured)
  ask "<question>" [--json]      Answer one question from our reporting
  ask --jsonl                    One question per stdin line → one JSON object per line
  commands --platform <p>        Print Discord command JSON or the Slack app manifest
  register-commands [--guild id] Overwrite the Discord application commands
  kb check                       Validate every knowledge file and list all problems
  eval [--file qa.json]          Score the knowledge module on a question set
  help [command]                 This help; every command also takes --help`,
  start: `newsroom start

Runs the bot as configured by the environment (see .env.example):
  no SLACK_* / DISCORD_*        console adapter (interactive on a terminal; piped: answers each line, exits 0)
  SLACK_BOT_TOKEN + SECRET      Slack over HTTP (POST /slack/events on PORT)
  ... + SLACK_APP_TOKEN         Slack over Socket Mode
  DISCORD_TOKEN                 Discord gateway
A bad setting stops start-up with exit code 2 and one line per problem.`,
  ask: `newsroom ask "<question>" [--json]
newsroom ask --jsonl

Answers from our reporting only; every citation is verbatim source text.
--json    print {"question","answered","text","citations"} as one JSON object
--jsonl   read one question per line from stdin and print one JSON object per line, in order`,
  commands: `newsroom commands --platform discord|slack

discord  the application-command JSON (what register-commands uploads)
slack    the complete app manifest, ready to paste when creating the Slack app (uses PUBLIC_URL)`,
  'register-commands': `newsroom register-commands [--guild <id>]

Overwrites the bot's Discord application commands in bulk (idempotent): guild-scoped with --guild
(instant, for development), global otherwise. Needs DISCORD_TOKEN and DISCORD_APPLICATION_ID.`,
  kb: `newsroom kb check

Validates every source and fact file under src/knowledge and prints every problem, one per line.
Exit 0 when all is well, 1 otherwise.`,
  eval: `newsroom eval [--file <qa.json>]

Runs a question set (default ../shared/knowledge/qa-dev.json) through the same path as ask --jsonl
and prints answerable and abstention accuracy. Exit 1 if any item fails.`,
  help: 'newsroom help [command]',
};
