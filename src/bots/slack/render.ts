import type { types } from '@slack/bolt';
import type { Reply, ReplySection } from '../../commands/reply.js';
import { SLACK_LIMITS as L, SHARE_ACTION_ID } from './limits.js';
import { escapeMrkdwn, fitMrkdwn, hasMarkup, safePlain, splitMrkdwn, unescapeMrkdwn } from './mrkdwn.js';

export type Block = types.KnownBlock;

/** One Slack message: Block Kit plus the mrkdwn `text` fallback that notifications show. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export interface RenderOptions {
  /** Button value for "Share to channel"; no button when absent. */
  shareValue?: string;
  /** Display name of whoever shared this publicly, credited under the title (never as a mention). */
  sharedBy?: string;
}

/** A block plus the plain text it shows, from which each message's fallback is built. */
interface Unit {
  block: Block;
  plain: string;
  /** At least the length of the block's JSON, known without serialising it. */
  size: number;
}

/** Characters JSON escapes; a string without any serialises as itself in quotes. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what JSON escapes.
const JSON_ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/** At least JSON.stringify(text).length: exact unless it holds a character JSON escapes (≤ 6 each). */
const jsonTextSize = (text: string): number => 2 + (JSON_ESCAPED.test(text) ? 6 * text.length : text.length);

const headerBlock = (text: string): Block => ({
  type: 'header',
  text: { type: 'plain_text', text, emoji: false },
});
const sectionBlock = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text } });
const contextBlock = (texts: string[]): Block => ({
  type: 'context',
  elements: texts.map((text) => ({ type: 'mrkdwn' as const, text })),
});
const shareBlock = (label: string, value: string): Block => ({
  type: 'actions',
  elements: [
    {
      type: 'button',
      action_id: SHARE_ACTION_ID,
      text: { type: 'plain_text', text: label, emoji: false },
      value,
    },
  ],
});

/** The JSON each block shape adds around its strings, measured once from the same builders. */
const HEADER_JSON = JSON.stringify(headerBlock('')).length - 2;
const SECTION_JSON = JSON.stringify(sectionBlock('')).length - 2;
const CONTEXT_JSON = JSON.stringify(contextBlock([])).length;
const ELEMENT_JSON = JSON.stringify(contextBlock([''])).length - CONTEXT_JSON - 2;
const SHARE_JSON = JSON.stringify(shareBlock('', '')).length - 4;

/**
 * Renders a neutral reply into as many messages as Slack's limits require (limits.ts).
 * Never throws: anything too long is split or cut at a word.
 */
export function renderReply(reply: Reply, options: RenderOptions = {}): SlackMessage[] {
  return renderPlain(reply, options) ?? renderUnits(reply, options);
}

/**
 * The usual reply (an answer: a title, one section and its quotes) in one message, built directly:
 * the same blocks and fallback `renderUnits` makes, checked by tests on every reply shape. It runs
 * once per question with the caches cold, where each step of the general path costs.
 * Undefined when anything needs escaping, cutting or splitting: the general path does that.
 */
export function renderPlain(reply: Reply, options: RenderOptions): SlackMessage[] | undefined {
  const title = reply.title.trim();
  const section = reply.sections[0];
  if (
    options.sharedBy !== undefined ||
    reply.footer !== undefined ||
    reply.sections.length !== 1 ||
    section === undefined ||
    section.heading ||
    title === '' ||
    title.length > L.headerText ||
    hasMarkup(reply.title) ||
    section.text.trim() === '' ||
    hasMarkup(section.text)
  )
    return undefined;
  const citations = section.citations ?? [];
  if (citations.length > L.contextElements) return undefined;
  // Every character at most 6 in JSON: far below the message limit, so one message holds it all.
  let chars = reply.title.length + section.text.length;
  const quotes: string[] = [];
  const plain: string[] = [];
  for (const c of citations) {
    const quote = `“${c.quote}”${c.attribution ? ` — ${c.attribution}` : ''} (${c.source})`;
    if (quote.length > L.contextElementText || hasMarkup(quote)) return undefined;
    quotes.push(quote);
    plain.push(`“${c.quote}”`);
    chars += 2 * quote.length;
  }
  const share = options.shareValue;
  if (share !== undefined) chars += share.length;
  if (share !== undefined && share.length > L.buttonValue) return undefined;
  if (6 * chars + 2 * L.fallbackText > L.messageChars || section.text.length > L.sectionText)
    return undefined;
  const blocks: Block[] = [headerBlock(title), sectionBlock(section.text)];
  if (quotes.length > 0) blocks.push(contextBlock(quotes));
  if (share) blocks.push(shareBlock('Share to channel', share));
  const fallback =
    quotes.length > 0
      ? `${reply.title}\n${section.text}\n${plain.join('\n')}`
      : `${reply.title}\n${section.text}`;
  return [{ blocks, text: fitMrkdwn(fallback, L.fallbackText) || escapeMrkdwn('Newsroom') }];
}

/** Any reply: blocks of every kind, escaped, cut and split to Slack's limits. */
export function renderUnits(reply: Reply, options: RenderOptions = {}): SlackMessage[] {
  const units: Unit[] = [headerUnit(reply.title)];
  if (options.sharedBy !== undefined) {
    // Credit by name, not by <@mention>: a shared answer notifies nobody, not even the sharer.
    const name = options.sharedBy.trim() || 'a colleague';
    units.push(contextUnit([fitMrkdwn(`Shared by ${name}`, L.contextElementText)], `Shared by ${name}`));
  }
  for (const section of reply.sections) units.push(...sectionUnits(section));
  if (reply.footer) units.push(contextUnit([fitMrkdwn(reply.footer, L.contextElementText)], reply.footer));
  const actions = options.shareValue ? shareUnit(options.shareValue) : undefined;
  return pack(units, actions);
}

function headerUnit(title: string): Unit {
  const text = safePlain(title.trim() || 'Newsroom', L.headerText);
  return { block: headerBlock(text), plain: title, size: HEADER_JSON + jsonTextSize(text) };
}

function sectionUnits(section: ReplySection): Unit[] {
  const units: Unit[] = [];
  const heading = section.heading ? `*${fitMrkdwn(section.heading, 300)}*` : '';
  const room = heading ? L.sectionText - heading.length - 1 : L.sectionText;
  const chunks = section.text.trim() ? splitMrkdwn(section.text, room) : [];
  if (heading && chunks.length === 0) chunks.push('');
  chunks.forEach((chunk, i) => {
    const text = i === 0 && heading ? (chunk ? `${heading}\n${chunk}` : heading) : chunk;
    // The fallback is escaped once more as a whole, so it is built from the unescaped chunk.
    const shown = unescapeMrkdwn(chunk);
    const plain = i === 0 && section.heading ? `${section.heading}\n${shown}` : shown;
    units.push({ block: sectionBlock(text), plain, size: SECTION_JSON + jsonTextSize(text) });
  });
  const citations = (section.citations ?? []).map((c) => {
    const who = c.attribution ? ` — ${c.attribution}` : '';
    return { mrkdwn: fitMrkdwn(`“${c.quote}”${who} (${c.source})`, L.contextElementText), plain: c.quote };
  });
  for (let i = 0; i < citations.length; i += L.contextElements) {
    const group = citations.slice(i, i + L.contextElements);
    units.push(
      contextUnit(
        group.map((c) => c.mrkdwn),
        group.map((c) => `“${c.plain}”`).join('\n'),
      ),
    );
  }
  return units;
}

function contextUnit(mrkdwnTexts: string[], plain: string): Unit {
  let size = CONTEXT_JSON + Math.max(0, mrkdwnTexts.length - 1);
  for (const text of mrkdwnTexts) size += ELEMENT_JSON + jsonTextSize(text);
  return { block: contextBlock(mrkdwnTexts), plain, size };
}

function shareUnit(value: string): Unit | undefined {
  if (value.length > L.buttonValue) return undefined;
  const label = safePlain('Share to channel', L.buttonText);
  return {
    block: shareBlock(label, value),
    plain: '',
    size: SHARE_JSON + jsonTextSize(label) + jsonTextSize(value),
  };
}

/** What a block adds to the serialised `blocks` array: its JSON and the comma before the next one. */
const weight = (unit: Unit) => JSON.stringify(unit.block).length + 1;

/** Greedy packing: blocks in order, a new message whenever the block or character budget is hit. */
function pack(units: Unit[], actions: Unit | undefined): SlackMessage[] {
  const reserveBlocks = actions ? 1 : 0;
  // The array's own brackets count too (one more than the comma the last block does not need).
  // The usual reply fits one message by a wide margin: the sizes known from building the blocks,
  // each at least its JSON, settle that without serialising anything.
  let bound = L.fallbackText + 1 + (actions ? actions.size + 1 : 0);
  for (const unit of units) bound += unit.size + 1;
  const fitsOne = units.length <= L.blocksPerMessage - reserveBlocks && bound <= L.messageChars;
  const reserveChars = fitsOne ? 0 : L.fallbackText + 1 + (actions ? weight(actions) : 0);
  const groups: Unit[][] = [[]];
  let chars = 0;
  for (const unit of units) {
    const current = groups[groups.length - 1] as Unit[];
    if (fitsOne) {
      current.push(unit);
      continue;
    }
    const w = weight(unit);
    const full =
      current.length >= L.blocksPerMessage - reserveBlocks || chars + w > L.messageChars - reserveChars;
    if (full && current.length > 0) {
      groups.push([unit]);
      chars = w;
    } else {
      current.push(unit);
      chars += w;
    }
  }
  if (actions) (groups[groups.length - 1] as Unit[]).push(actions);
  return groups.map((group) => ({
    blocks: group.map((u) => u.block),
    text:
      fitMrkdwn(
        group
          .map((u) => u.plain)
          .filter(Boolean)
          .join('\n'),
        L.fallbackText,
      ) || escapeMrkdwn('Newsroom'),
  }));
}
