/** Part-of-speech tags for a question, from wink-nlp's English model (loaded once, ~0.1 s). */
import model from 'wink-eng-lite-web-model';
import winkNLP, { type ItsFunction } from 'wink-nlp';

/** Universal POS tags as wink-nlp reports them (NOUN, VERB, ADJ, ADV, PROPN, NUM, AUX, ADP, …). */
export interface TaggedWord {
  /** Lower-cased token text as typed. */
  word: string;
  pos: string;
  /** Dictionary form, American spelling ("publicised" → publicize, "heard" → hear). */
  lemma: string;
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | undefined;

/** Loads the model once; call it at start-up so the first question does not wait ~0.1 s for it. */
export function loadTagger(): Nlp {
  nlp ??= winkNLP(model, ['pos']);
  return nlp;
}

/**
 * Reading a question tags it more than once (dictionary forms of unknown words, then their part of
 * speech): the last few texts keep their tags.
 */
const recent = new Map<string, readonly TaggedWord[]>();
const RECENT = 8;

/** Tags every token but punctuation and spaces; contractions come apart ("what's" → what, 's). */
export function tagWords(text: string): readonly TaggedWord[] {
  const known = recent.get(text);
  if (known !== undefined) return known;
  const tagged = tag(text);
  if (recent.size >= RECENT) recent.delete(recent.keys().next().value as string);
  recent.set(text, tagged);
  return tagged;
}

function tag(text: string): TaggedWord[] {
  const tagger = loadTagger();
  const { its } = tagger;
  const tokens = tagger.readDoc(text).tokens();
  const words = tokens.out(its.value);
  const tags = tokens.out(its.pos);
  // wink-nlp's typings give `its.lemma` the wrong parameter list; it is a token helper like the rest.
  const lemmas = tokens.out(its.lemma as unknown as ItsFunction<string>);
  const out: TaggedWord[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = (words[i] as string).toLowerCase();
    const pos = tags[i] ?? 'X';
    if (pos !== 'PUNCT' && pos !== 'SPACE') out.push({ word, pos, lemma: lemmas[i] ?? word });
  }
  return out;
}
