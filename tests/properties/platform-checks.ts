/**
 * What a person on each platform would see, checked against every number in the limits files:
 * the same rules as the renderer tests, applied here to whole commands and knowledge bases.
 */
import { expect } from 'vitest';
import { embedSize } from '../../src/bots/discord/embeds.js';
import { DISCORD_LIMITS as D } from '../../src/bots/discord/limits.js';
import type { DiscordMessage } from '../../src/bots/discord/render.js';
import { SLACK_LIMITS as S } from '../../src/bots/slack/limits.js';
import type { SlackMessage } from '../../src/bots/slack/render.js';
import { seenText } from '../bots/discord/seen.js';
import { activeMentions, visibleText } from '../fakes/slack/payload.js';

type Loose = {
  type: string;
  text?: { text: string };
  elements?: { type: string; text?: unknown; value?: string }[];
};

export function expectSlackMessages(messages: SlackMessage[]): void {
  expect(messages.length).toBeGreaterThan(0);
  for (const m of messages) {
    expect(m.blocks.length).toBeGreaterThan(0);
    expect(m.blocks.length).toBeLessThanOrEqual(S.blocksPerMessage);
    expect(m.text.length).toBeGreaterThan(0);
    expect(m.text.length).toBeLessThanOrEqual(S.fallbackText);
    expect(JSON.stringify(m.blocks).length + m.text.length).toBeLessThanOrEqual(S.messageChars);
    for (const b of m.blocks as unknown as Loose[]) {
      if (b.type === 'header') expect(b.text?.text.length).toBeLessThanOrEqual(S.headerText);
      if (b.type === 'section') {
        expect(b.text?.text.length).toBeGreaterThan(0);
        expect(b.text?.text.length).toBeLessThanOrEqual(S.sectionText);
      }
      if (b.type === 'context') {
        expect(b.elements?.length).toBeLessThanOrEqual(S.contextElements);
        for (const e of b.elements ?? [])
          expect(String(e.text).length).toBeLessThanOrEqual(S.contextElementText);
      }
      if (b.type === 'actions') {
        for (const e of b.elements ?? []) {
          expect((e.text as { text: string }).text.length).toBeLessThanOrEqual(S.buttonText);
          expect(e.value?.length ?? 0).toBeLessThanOrEqual(S.buttonValue);
        }
      }
    }
    // The whole payload, button values included: no `<!…>`, `<@…>`, bare @channel, or link_names.
    expect(activeMentions(m)).toEqual([]);
  }
}

export function expectDiscordMessages(messages: DiscordMessage[]): void {
  expect(messages.length).toBeGreaterThan(0);
  for (const m of messages) {
    expect(m.allowed_mentions).toEqual({ parse: [] });
    expect(m.content?.length ?? 0).toBeLessThanOrEqual(D.content);
    expect(m.embeds.length).toBeGreaterThan(0);
    expect(m.embeds.length).toBeLessThanOrEqual(D.embedsPerMessage);
    expect(m.embeds.reduce((n, e) => n + embedSize(e), 0)).toBeLessThanOrEqual(D.embedsTotal);
    for (const e of m.embeds) {
      expect(e.title?.length ?? 0).toBeLessThanOrEqual(D.title);
      expect(e.description?.length ?? 0).toBeLessThanOrEqual(D.description);
      expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(D.footer);
      expect(e.author?.name.length ?? 0).toBeLessThanOrEqual(D.authorName);
      expect(e.fields?.length ?? 0).toBeLessThanOrEqual(D.fields);
      for (const f of e.fields ?? []) {
        expect(f.name.length).toBeGreaterThan(0);
        expect(f.name.length).toBeLessThanOrEqual(D.fieldName);
        expect(f.value.length).toBeGreaterThan(0);
        expect(f.value.length).toBeLessThanOrEqual(D.fieldValue);
      }
    }
    // Second lock behind allowed_mentions: nothing that would ping if the switch were ever lost.
    expect(discordText([m])).not.toMatch(/(^|[^\u200B])@(everyone|here)\b|<@[!&]?\d+>/);
  }
}

/** Every string a Discord user reads in these messages. */
export const discordText = (messages: DiscordMessage[]): string => seenText(messages);

/** Slack's text as read (entities decoded, zero-width spaces gone), all messages together. */
export const slackText = (messages: SlackMessage[]) => messages.map((m) => visibleText(m)).join('\n');

/** Discord's text as read: the zero-width spaces that defuse mentions are invisible. */
export const discordSeen = (messages: DiscordMessage[]) => discordText(messages).replace(/\u200B/g, '');
