import type { OptionDef, OptionValues, Subcommand, TextParse } from './types.js';

/**
 * The text grammar shared by Slack and the console: options are positional, in definition order;
 * an option marked `rest` takes the remainder of the line.
 */
export function parseOptionsFromText(sub: Subcommand, text: string): TextParse {
  if (sub.parseText) return sub.parseText(text);
  const options: OptionValues = {};
  let remaining = text.trim();
  for (const def of sub.options) {
    if (remaining === '') break;
    let raw: string;
    if (def.rest) {
      raw = remaining;
      remaining = '';
    } else {
      const match = /^(\S+)\s*(.*)$/s.exec(remaining);
      raw = match?.[1] ?? '';
      remaining = match?.[2] ?? '';
    }
    const value = coerceOption(def, raw);
    if (!value.ok) return value;
    options[def.name] = value.value;
  }
  if (remaining !== '') return { ok: false, error: `Unexpected text: "${clip(remaining)}".` };
  return validateOptions(sub, options);
}

/** Checks types, choices, lengths and required options, whatever the platform delivered. */
export function validateOptions(sub: Subcommand, options: OptionValues): TextParse {
  const out: OptionValues = {};
  for (const def of sub.options) {
    const raw = options[def.name];
    if (raw === undefined || raw === '') {
      if (def.required) return { ok: false, error: `Missing \`${def.name}\`.` };
      continue;
    }
    const value = coerceOption(def, String(raw));
    if (!value.ok) return value;
    out[def.name] = value.value;
  }
  return { ok: true, options: out };
}

function coerceOption(
  def: OptionDef,
  raw: string,
): { ok: true; value: string | number } | { ok: false; error: string } {
  if (def.type === 'integer') {
    if (!/^\d{1,9}$/.test(raw)) return { ok: false, error: `\`${def.name}\` must be a whole number.` };
    const n = Number(raw);
    if (def.minValue !== undefined && n < def.minValue) {
      return { ok: false, error: `\`${def.name}\` must be at least ${def.minValue}.` };
    }
    return { ok: true, value: n };
  }
  if (def.choices) {
    const lower = raw.toLowerCase();
    if (!def.choices.includes(lower)) {
      return { ok: false, error: `\`${def.name}\` must be one of ${def.choices.join(', ')}.` };
    }
    return { ok: true, value: lower };
  }
  // Code points, not UTF-16 units; a string no longer in units than the limit is within it either way.
  if (def.maxLength !== undefined && raw.length > def.maxLength && [...raw].length > def.maxLength) {
    return { ok: false, error: `\`${def.name}\` is limited to ${def.maxLength} characters.` };
  }
  return { ok: true, value: raw };
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
