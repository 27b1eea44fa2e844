import type { Fact, SourceRecord } from '../src/knowledge/index.js';

/**
 * Synthetic reporting for growth measurements: each source is an article of distinct sentences
 * about made-up combinations of actors, places and threats, with one verbatim-quoted fact per
 * sentence, so a bigger base has more *different* facts rather than copies of one.
 */

const COUNTRIES = ['Russia', 'China', 'Iran', 'North Korea', 'Belarus', 'Venezuela', 'Cuba', 'Syria'];
const AGENCIES = [
  'the Cybersecurity and Infrastructure Security Agency',
  'the Federal Bureau of Investigation',
  'the Election Assistance Commission',
  'the Office of the Director of National Intelligence',
  'the National Security Agency',
  'a state election board',
  'an independent auditing firm',
  'a university research lab',
];
const FIRST = ['Maria', 'James', 'Aisha', 'Tomas', 'Priya', 'Daniel', 'Keiko', 'Samuel', 'Elena', 'Omar'];
const LAST = ['Alvarez', 'Whitfield', 'Okafor', 'Lindqvist', 'Raman', 'Kowalski', 'Tanaka', 'Mensah'];
const TITLES = ['director', 'deputy secretary', 'chief analyst', 'spokesperson', 'general counsel'];
const PLACES = [
  'Arizona',
  'Georgia',
  'Michigan',
  'Pennsylvania',
  'Wisconsin',
  'Nevada',
  'Ohio',
  'Texas',
  'Maine',
  'Oregon',
];
const ASSETS = [
  'voter registration databases',
  'county websites',
  'ballot printing vendors',
  'poll-book software',
  'email accounts of campaign staff',
  'results-reporting servers',
  'absentee ballot tracking portals',
];
const THREATS = [
  'ransomware',
  'spear-phishing',
  'deepfake audio',
  'coordinated inauthentic accounts',
  'hack-and-leak operations',
  'denial-of-service attacks',
  'fake polling-place notices',
];
const MONTHS = ['January', 'March', 'May', 'July', 'August', 'September', 'October', 'December'];
const ACTIONS = [
  'replace aging voting equipment',
  'run a public tabletop exercise',
  'hire additional security staff',
  'publish paper-ballot audit results',
  'train poll workers on phishing',
  'move election websites to a protected domain',
];

/** Deterministic PRNG (mulberry32), so every run benchmarks the same base. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Drawn {
  sentence: string;
  claim: string;
  who: string;
  when?: string;
  where?: string;
  why?: string;
  topics: Fact['topics'];
}

type Pick = <T>(list: readonly T[]) => T;

const TEMPLATES: Array<(pick: Pick, n: number) => Drawn> = [
  (pick) => {
    const who = `${pick(FIRST)} ${pick(LAST)}`;
    const [title, agency, month, country, asset, place] = [
      pick(TITLES),
      pick(AGENCIES),
      pick(MONTHS),
      pick(COUNTRIES),
      pick(ASSETS),
      pick(PLACES),
    ];
    return {
      sentence: `${who}, ${title} at ${agency}, said in ${month} that hackers tied to ${country} had scanned ${asset} in ${place}.`,
      claim: `${who} said hackers tied to ${country} scanned ${asset} in ${place}.`,
      who,
      when: `in ${month}`,
      where: place,
      topics: ['threats'],
    };
  },
  (pick, n) => {
    const [agency, asset, place, country] = [pick(AGENCIES), pick(ASSETS), pick(PLACES), pick(COUNTRIES)];
    const count = 3 + (n % 40);
    return {
      sentence: `According to ${agency}, ${count} ${asset} in ${place} were probed by groups linked to ${country} before the primaries.`,
      claim: `${agency} counted ${count} probes of ${asset} in ${place} by groups linked to ${country}.`,
      who: agency,
      where: place,
      when: 'before the primaries',
      topics: ['threats'],
    };
  },
  (pick) => {
    const [country, threat, place] = [pick(COUNTRIES), pick(THREATS), pick(PLACES)];
    const who = `${pick(FIRST)} ${pick(LAST)}`;
    return {
      sentence: `${country} denied any role in the ${threat} that disrupted early voting in ${place}, ${who} told reporters.`,
      claim: `${country} denied a role in the ${threat} that disrupted early voting in ${place}.`,
      who: country,
      where: place,
      topics: ['relations'],
    };
  },
  (pick, n) => {
    const [place, action, threat] = [pick(PLACES), pick(ACTIONS), pick(THREATS)];
    const year = 2026 + (n % 3) * 2;
    return {
      sentence: `Officials in ${place} plan to ${action} before the ${year} election because of worries about ${threat}.`,
      claim: `${place} plans to ${action} before the ${year} election, citing ${threat}.`,
      who: `officials in ${place}`,
      where: place,
      why: `worries about ${threat}`,
      topics: ['outlook'],
    };
  },
  (pick) => {
    const [agency, threat, country, month] = [pick(AGENCIES), pick(THREATS), pick(COUNTRIES), pick(MONTHS)];
    return {
      sentence: `A report by ${agency} found that ${threat} campaigns attributed to ${country} grew sharply after ${month}.`,
      claim: `${agency} reported that ${threat} campaigns attributed to ${country} grew after ${month}.`,
      who: agency,
      when: `after ${month}`,
      topics: ['threats', 'context'],
    };
  },
  (pick) => {
    const who = `${pick(FIRST)} ${pick(LAST)}`;
    const [country, place, asset] = [pick(COUNTRIES), pick(PLACES), pick(ASSETS)];
    return {
      sentence: `Election clerk ${who} warned that a forged memo blaming ${country} for outages of ${asset} circulated widely in ${place}.`,
      claim: `A forged memo blaming ${country} for outages of ${asset} circulated in ${place}, ${who} warned.`,
      who,
      where: place,
      topics: ['context'],
    };
  },
];

export interface SyntheticBase {
  sources: SourceRecord[];
  facts: Fact[];
}

/** `count` synthetic sources of `factsPerSource` facts each, distinct across sources. */
export function syntheticSources(count: number, factsPerSource: number, seed = 7): SyntheticBase {
  const pick0 = rng(seed);
  const pick: Pick = (list) => list[Math.floor(pick0() * list.length)] as (typeof list)[number];
  const sources: SourceRecord[] = [];
  const facts: Fact[] = [];
  for (let s = 0; s < count; s++) {
    const id = `synthetic-${s + 1}`;
    const sentences: string[] = [];
    for (let i = 0; i < factsPerSource; i++) {
      const n = s * factsPerSource + i;
      const drawn = (TEMPLATES[n % TEMPLATES.length] as (typeof TEMPLATES)[number])(pick, n);
      // Keep every sentence unique so quotes cite one place in the text.
      if (sentences.includes(drawn.sentence)) continue;
      sentences.push(drawn.sentence);
      facts.push({
        id: `${id}-fact-${i + 1}`,
        topics: drawn.topics,
        claim: drawn.claim,
        evidence: [drawn.sentence],
        attribution: drawn.who,
        who: drawn.who,
        ...(drawn.when && { when: drawn.when }),
        ...(drawn.where && { where: drawn.where }),
        ...(drawn.why && { why: drawn.why }),
        source: id,
        added: '2026-11-25',
      });
    }
    sources.push({
      id,
      text: sentences.join(' '),
      meta: { title: `Synthetic report ${s + 1}`, outlet: null, published: null, added: '2026-11-25' },
    });
  }
  return { sources, facts };
}
