/**
 * A title bound to a named country is a person of its own: "Russia's president", "the Russian
 * leader", "the president of Taiwan". The title alone is a filler ("President Biden" is Biden), and
 * the lexicon maps the people the sources name ("China's president" → Xi), so a title left bound to
 * a country here names someone the reporting never mentions.
 */
import type { Reading } from './reading.js';

const TITLES = new Set(['president', 'presidents', 'leader', 'leaders', 'premier', 'head', 'chief', 'ruler']);

/** The country-and-title pairs of a question that name nobody in the sources. */
export function unnamedRoles(tokens: readonly Readonly<Reading>[]): string[] {
  const roles: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Readonly<Reading>;
    if (!t.generic || !TITLES.has(t.raw)) continue;
    const before = tokens[i - 1];
    // "the president of Russia": past "of" and an article.
    const of = tokens[i + 1]?.raw === 'of' ? (tokens[i + 2]?.raw === 'the' ? i + 3 : i + 2) : -1;
    const after = of > 0 ? tokens[of] : undefined;
    if (named(before)) roles.push(`${before.raw} ${t.raw}`);
    else if (named(after)) roles.push(`${t.raw} of ${after.raw}`);
  }
  return roles;
}

const named = (t: Readonly<Reading> | undefined): t is Readonly<Reading> =>
  t !== undefined && !t.generic && t.entity;
