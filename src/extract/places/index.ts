// Places: find the place names an article mentions, pick the gazetteer entry each one means
// from the article's own context, and place what is only given relative to another place
// ("some 50 kilometers south of Mosul"). Runs offline from the index built at install time.
//
// 1. Candidate names: runs of capitalised tokens ("Al-Asad", "New South Wales", "U.S."),
//    segmented into the longest gazetteer names, one index lookup per candidate span.
// 2. Context: countries named (or implied by demonyms) anywhere, the focus country, and the
//    ", Iraq" that follows a name, decide between same-named places.
// 3. Actors and non-places are dropped: "Washington warned", "Baghdad's declaration",
//    "U.S.-led", people ("Hillary Clinton" is not Clinton, Iowa) and organisations.

import type { Place } from "../../core/schema.js";
import { SpanIndex } from "../../core/spans.js";
import { destination, distanceKm } from "../../gazetteer/geo.js";
import {
  type Candidate,
  defaultGazetteer,
  type Gazetteer,
  type GazetteerPlace,
  gazetteerProblem,
  type WordKind,
} from "../../gazetteer/index.js";
import { type Token, tokenFrom } from "../../nlp/index.js";
import { type AnalysedDoc, defineStage, type StageResult } from "../stage.js";
import { lexicon as L } from "./lexicon.js";

/** A name found in the text and the places it could mean. */
interface Mention {
  tokenStart: number;
  tokenEnd: number;
  /** Character span reported (may grow: "Afghan soil", "western Iraq"). */
  start: number;
  end: number;
  candidates: Candidate[];
  kind: "name" | "demonym" | "capital" | "facility" | "unknown";
  /** A lone capitalised word opening its sentence: weaker evidence of a name. */
  sentenceInitial: boolean;
  /** The name was matched after a compass modifier in its run: "Western Iraq". */
  direction?: string;
  place?: GazetteerPlace;
  score?: number;
  rules: string[];
  precision?: 1 | 2 | 3;
  point?: { lat: number; lon: number };
  relative?: { distanceKm: number; bearing: string; anchor: Mention };
  /** Stands for a government: kept, marked, never an event's location. */
  metonymy?: boolean;
  /** A one-word name that is also an English word or a person's name: "Many", "Franklin". */
  commonWord?: WordKind;
  /** Names listed with this one: "Arizona, Colorado, Georgia and Idaho". */
  peers?: Mention[];
  /** A landform named after the place: "Salinas Valley" (placed at Salinas, precision 2). */
  landform?: boolean;
  /** Country of a place known only through its container or anchor. */
  country?: string;
  dropped?: string;
}

interface Context {
  countries: Map<string, number>;
  focus: string | undefined;
  /** The first-level regions the article names, each once, by country. */
  regions: Map<string, GazetteerPlace[]>;
}

/** Lower-case words that join the parts of one name: "Gulf of Mexico", "Ras al-Ain", "Stratford-upon-Avon". */
const PARTICLES = new Set([
  "of",
  "for",
  "au",
  "aux",
  "en",
  "sur",
  "sous",
  "lès",
  "the",
  "de",
  "del",
  "della",
  "di",
  "la",
  "le",
  "les",
  "du",
  "des",
  "da",
  "do",
  "dos",
  "das",
  "al",
  "el",
  // Arabic's article before a sun letter: "Dar es Salaam", "Ras ash Shamrah", "Umm ar Rasas".
  "es",
  "ash",
  "ar",
  "az",
  "ad",
  "ul",
  "bin",
  "ibn",
  "upon",
  "on",
  "am",
  "an",
  "der",
  "van",
  "von",
  "y",
]);
/** English particles inside a run, which may stand between two places: "Cairo for the Hajj", "Most of Kenya". */
const RELATING_PARTICLES = new Set(["of", "for", "the", "on", "upon"]);
const FUNCTION_POS = new Set(["DET", "ADP", "PRON", "CCONJ", "SCONJ", "AUX", "PART", "INTJ"]);
const LOCATIVE = new Set([
  "in",
  "at",
  "from",
  "near",
  "to",
  "into",
  "across",
  "inside",
  "outside",
  "throughout",
  "around",
  "of",
  "through",
  "toward",
  "towards",
]);
const POSSESSIVE = new Set(["'s", "’s"]);
/** Prepositions that put what follows on the map ("in", "near"); "of", "to", "from" also take people. */
const PLACE_PREPOSITIONS = new Set(["in", "near", "inside", "outside", "throughout", "across"]);

/**
 * "Radio Pyongyang said ..." reads like a person's name, yet "in Pyongyang" and "the capital of
 * Pyongyang" are still the city: a name after a preposition of place or "<settlement> of", and
 * not followed by a possessive ("in Jordan's view"), stays a place.
 */
function placedByContext(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (!prev || (next && POSSESSIVE.has(next.lower))) return false;
  if (PLACE_PREPOSITIONS.has(prev.lower)) return true;
  return prev.lower === "of" && L.settlementNouns.has(tokens[i - 2]?.lower ?? "");
}
/** Accept a name that stands alone with weak evidence only above this score. */
const MIN_SCORE = 6;
const MIN_SCORE_SENTENCE_INITIAL = 9.5;

export const placesStage = defineStage({
  name: "places",
  requires: [],
  uses: ["times"],
  run(doc) {
    const gazetteer = defaultGazetteer();
    if (!gazetteer) {
      return {
        items: [],
        messages: [
          {
            code: "GAZETTEER_MISSING",
            severity: "warning",
            reason: `${gazetteerProblem() ?? "the gazetteer index is not usable"}: run \`node scripts/build-gazetteer.mjs\``,
          },
        ],
      };
    }
    return extractPlaces(doc, gazetteer);
  },
});

/** The places layer of one document, resolved against `gazetteer`. */
export function extractPlaces(doc: AnalysedDoc, gazetteer: Gazetteer): StageResult<"places"> {
  const { text } = doc;
  const tokens = doc.nlp.tokens;
  const blocked = blockedTokens(doc);
  const runs = joinCompoundNames(findRuns(text, tokens, blocked), text, tokens, gazetteer);
  const surnames = new Set<string>();
  const demonymCountries: string[] = [];
  const mentions: Mention[] = [];
  // A Title Case headline ("Strike Hits Port Near Hodeidah") is no evidence of people's surnames.
  const headlines = new SpanIndex(doc.sections.filter((s) => s.kind === "headline"));
  const inHeadline = (run: Run) => headlines.covers(tokens[run.a]!.start);
  for (const run of runs) {
    const runSurnames = inHeadline(run) ? new Set<string>() : surnames;
    segmentRun(run, text, tokens, gazetteer, mentions, runSurnames, demonymCountries);
  }

  const ctx = buildContext(mentions, demonymCountries);
  linkLists(mentions, tokens);
  for (const m of mentions) resolve(m, ctx);
  // Second pass: the regions named are now known ("Bulacan" helps place "Pandi").
  // Each region once, however often it is named: "Georgia" counts the others, not the mentions.
  const regions = new Map(
    mentions.flatMap((m) => (m.place && m.place.type === "admin1" ? [[m.place.id, m.place] as const] : [])),
  );
  for (const region of regions.values()) {
    const list = ctx.regions.get(region.country);
    if (list) list.push(region);
    else ctx.regions.set(region.country, [region]);
  }
  for (const m of mentions) resolve(m, ctx);
  resolveContainment(mentions, ctx, tokens);
  oneSensePerName(text, mentions);

  findRelatives(text, tokens, mentions, runs, gazetteer);
  for (const m of mentions) {
    if (!m.place && !m.point) continue;
    markActors(m, text, tokens, surnames);
    markDirectionalPart(m, text, tokens);
    markNearBorder(m, tokens);
  }
  return { items: toPlaces(text, mentions) };
}

// ---------------------------------------------------------------------------------------
// 1. Candidate names

interface Run {
  a: number;
  b: number;
}

/** "Mosul", "U.S.", "O'Leary"; not "US$" or "F-16". */
function isCapitalised(tok: Token): boolean {
  // Most words open with an ASCII character other than a capital ("the", "12", ","): no regex for those.
  const first = tok.text.charCodeAt(0);
  if (first < 128 && (first < 65 || first > 90)) return false;
  return CAPITALISED_WORD.test(tok.text);
}

const CAPITALISED_WORD = /^\p{Lu}[\p{L}\p{M}.'’]*$/u;

/** An elided French or Italian article glued to a name continues it: "Côte d'Ivoire", "L'Aquila". */
const ELIDED_NAME = /^[dl]['’]\p{Lu}/u;

/** Tokens inside a time expression ("May", "Sunday") never start or join a place name. */
function blockedTokens(doc: AnalysedDoc): Uint8Array {
  const tokens = doc.nlp.tokens;
  const blocked = new Uint8Array(tokens.length);
  for (const time of doc.layers.times ?? []) {
    for (let t = tokenFrom(tokens, time.start); t < tokens.length && tokens[t]!.start < time.end; t++)
      blocked[t] = 1;
  }
  // "Gov." is looked up as "gov".
  for (let i = 0; i < tokens.length; i++) {
    const lower = tokens[i]!.lower;
    if (L.notPlaces.has(lower.endsWith(".") ? lower.slice(0, -1) : lower)) blocked[i] = 1;
  }
  return blocked;
}

/** Runs of capitalised tokens, joined by hyphens, initials and name particles, within a line. */
function findRuns(text: string, tokens: Token[], blocked: Uint8Array): Run[] {
  const runs: Run[] = [];
  // No line break in the gap between the two tokens (a space or nothing, mostly), read in place.
  const sameLine = (a: Token, b: Token) => {
    if (a.sentence !== b.sentence) return false;
    for (let i = a.end; i < b.start; i++) if (text.charCodeAt(i) === 10) return false;
    return true;
  };
  let t = 0;
  while (t < tokens.length) {
    const tok = tokens[t]!;
    if (!isCapitalised(tok) || blocked[t] || (FUNCTION_POS.has(tok.pos) && !opensName(tokens, t))) {
      t++;
      continue;
    }
    let end = t + 1;
    let u = t + 1;
    while (u < tokens.length && sameLine(tokens[u - 1]!, tokens[u]!)) {
      const cur = tokens[u]!;
      const next = tokens[u + 1];
      // "Toruń" may come as "Toru" + "ń": letters glued to the previous token continue it.
      const glued = cur.start === tokens[u - 1]!.end && /^[\p{L}\p{M}]+$/u.test(cur.text);
      if ((isCapitalised(cur) || glued || ELIDED_NAME.test(cur.text)) && !blocked[u]) {
        end = ++u;
        continue;
      }
      const joinsNext = next && isCapitalised(next) && !blocked[u + 1] && sameLine(cur, next);
      const adjacent = cur.start === tokens[u - 1]!.end && next?.start === cur.end;
      if (joinsNext && cur.text === "-" && adjacent) {
        u++;
        continue;
      }
      // "Port-au-Prince", "Stratford-upon-Avon".
      if (cur.text === "-" && adjacent && next && PARTICLES.has(next.lower) && tokens[u + 2]?.text === "-") {
        u++;
        continue;
      }
      if (joinsNext && (PARTICLES.has(cur.lower) || POSSESSIVE.has(cur.lower))) {
        u++;
        continue;
      }
      // "Ras al-Ain", "Gulf of the Congo": a particle joined by a hyphen or another particle.
      const after = tokens[u + 2];
      if (
        PARTICLES.has(cur.lower) &&
        (next?.text === "-" || PARTICLES.has(next?.lower ?? "")) &&
        after &&
        isCapitalised(after)
      ) {
        u += 2;
        continue;
      }
      break;
    }
    runs.push({ a: t, b: end });
    t = end;
  }
  return runs;
}

/** How many words either side of "and" a compound name may take: "Saint Kitts and Nevis", "Turks and Caicos Islands". */
const COMPOUND_PART_WORDS = 3;

/**
 * "Bosnia and Herzegovina", "Jammu and Kashmir", "Turks and Caicos Islands": one country or
 * region named by two parts joined by "and", which the runs split. Two runs become one where
 * the gazetteer knows the joined words, up to the end of the second run, as a country's or a
 * division's own name, and neither part alone is a country ("Australia and New Zealand" stays
 * two countries though a region of that name exists).
 */
function joinCompoundNames(runs: Run[], text: string, tokens: Token[], gazetteer: Gazetteer): Run[] {
  const out: Run[] = [];
  for (let r = 0; r < runs.length; r++) {
    const first = runs[r]!;
    const second = runs[r + 1];
    const and = tokens[first.b];
    if (
      !second ||
      second.a !== first.b + 1 ||
      !and ||
      !COMPOUND_JOINERS.has(and.lower) ||
      and.sentence !== tokens[second.a]!.sentence
    ) {
      out.push(first);
      continue;
    }
    const end = tokens[second.b - 1]!.end;
    const secondPart = text.slice(tokens[second.a]!.start, end);
    let joinedAt: number | undefined;
    const from =
      second.b - second.a > COMPOUND_PART_WORDS ? first.b : Math.max(first.a, first.b - COMPOUND_PART_WORDS);
    for (let k = from; k < first.b; k++) {
      const whole = gazetteer.lookup(text.slice(tokens[k]!.start, end));
      if (
        !whole.some((c) => c.exact && (c.role === "name" || c.role === "alt") && COMPOUND_TYPES.has(c.type))
      )
        continue;
      const firstPart = text.slice(tokens[k]!.start, tokens[first.b - 1]!.end);
      if (![firstPart, secondPart].some((part) => gazetteer.lookup(part).some(isCountryName))) joinedAt = k;
      break;
    }
    if (joinedAt === undefined) {
      out.push(first);
      continue;
    }
    if (joinedAt > first.a) out.push({ a: first.a, b: joinedAt });
    out.push({ a: joinedAt, b: second.b });
    r++;
  }
  return out;
}

const COMPOUND_JOINERS = new Set(["and", "&"]);
const COMPOUND_TYPES = new Set(["country", "admin1", "admin2"]);
const isCountryName = (c: Candidate) => c.exact && c.type === "country" && c.role === "name";

/**
 * A capitalised particle inside a sentence opens a name even when tagged as a function word:
 * "to Da Nang", "from El Paso", "in La Paz" (but not a sentence's first "The" or "In").
 */
function opensName(tokens: Token[], t: number): boolean {
  const tok = tokens[t]!;
  const next = tokens[t + 1];
  return (
    PARTICLES.has(tok.lower) &&
    tok.lower !== "the" &&
    !isSentenceStart(tokens, t) &&
    next !== undefined &&
    next.sentence === tok.sentence &&
    isCapitalised(next)
  );
}

function isJoiner(tok: Token): boolean {
  return tok.text === "-" || ((PARTICLES.has(tok.lower) || POSSESSIVE.has(tok.lower)) && !isCapitalised(tok));
}

/**
 * Split one run into gazetteer names, longest first. A name must start the run (or follow
 * other names or compass modifiers: "Western Iraq") and end it (or be followed by an
 * admin suffix, a hyphen or a lower-case word): "Hillary Clinton", "Washington Post" and
 * "Qayara West Coalition" are someone's or something's name, not places.
 */
function segmentRun(
  run: Run,
  text: string,
  tokens: Token[],
  gazetteer: Gazetteer,
  mentions: Mention[],
  surnames: Set<string>,
  demonymCountries: string[],
): void {
  const first = tokens[run.a]!;
  const before = tokens[run.a - 1];
  // "Chief Veterinary Officer for Scotland", "Governor of Texas": an office named after its
  // place, not a person; the place at its end is found below.
  const office = endsWithOffice(run, tokens);
  if (
    !office &&
    (isTitle(first) || (before && isTitle(before))) &&
    !namesRegion(run, text, tokens, gazetteer)
  ) {
    // "Chief Executive of Racing NSW": a body's acronym ends the run, and no surname is written
    // in capitals.
    if (run.b - run.a >= 1 && !isAcronym(tokens[run.b - 1]!)) surnames.add(tokens[run.b - 1]!.lower);
    return;
  }
  // "Iraqi Prime Minister ...": a demonym opening a run tells the article's countries.
  for (const c of gazetteer.lookup(first.text))
    if (c.role === "demonym" && c.exact) demonymCountries.push(c.country);

  const found: Mention[] = [];
  let i = run.a;
  let direction: string | undefined;
  let particle = false;
  while (i < run.b) {
    if (isJoiner(tokens[i]!)) {
      if (tokens[i]!.text !== "-" && !RELATING_PARTICLES.has(tokens[i]!.lower)) particle = true;
      i++;
      continue;
    }
    // "Bab el-Oued", "Ain el Turk": two names a foreign article joins are one name the gazetteer
    // lacks, not the towns of Al Bāb and El Oued side by side. English "of" relates two places
    // ("the Gold Coast of Australia"), and a hyphen may join two ("Afghanistan-Pakistan").
    if (particle && found.length > 0) {
      found.length = 0;
      break;
    }
    particle = false;
    let match: Mention | undefined;
    for (let j = Math.min(run.b, i + 8); j > i; j--) {
      if (isJoiner(tokens[j - 1]!)) continue;
      const m = lookupSpan(i, j, text, tokens, gazetteer);
      if (m) {
        match = m;
        break;
      }
    }
    if (!match) {
      if (L.placeModifiers.has(tokens[i]!.lower) && found.length === 0) {
        direction = L.directionAdjectives.get(tokens[i]!.lower);
        i++;
        continue;
      }
      // "Neighbouring Israel has ...", "Residents of Jefferson Parish": a sentence's first word
      // is capitalised whatever it is (and the tagger may call a plural noun before "of" a name;
      // "Exercise Hawthorn" stays one name).
      const nounOf = gazetteer.wordKind(tokens[i]!.lower) === "word" && tokens[i + 1]?.lower === "of";
      if (i === run.a && isSentenceStart(tokens, i) && (tokens[i]!.pos !== "PROPN" || nounOf)) {
        i++;
        continue;
      }
      // "SOS Children's Village Malakal", "CDC Atlanta": an organisation's place at its end.
      const tail = found.length === 0 ? placeAtEnd(run, i, text, tokens, gazetteer) : undefined;
      if (tail) {
        found.push(tail);
        i = run.b;
      }
      break;
    }
    let j = match.tokenEnd;
    const rest = tokens[j];
    const lowerSuffix =
      j === run.b && rest?.text === rest?.lower && rest?.sentence === tokens[j - 1]!.sentence;
    if (rest && L.adminSuffixes.has(rest.lower) && (j < run.b || lowerSuffix)) {
      // "Nineveh Province", "Kandahar province": the suffix belongs to the name, and names the
      // region where the gazetteer has one under that form (not the city of Kandahar).
      const regions = gazetteer
        .lookup(`${text.slice(match.start, match.end)} ${rest.text}`)
        .filter((c) => c.type === "admin1" || c.type === "admin2");
      if (regions.length) match.candidates = regions;
      // "Scott County" where the gazetteer has no such county: not a town that bears the name
      // only as an alternate (Winchester, "Scott" among its old names), only one named so.
      // "the tropical Pacific region": a region's alternate name keeps it.
      else
        match.candidates = match.candidates.filter(
          (c) => c.role !== "alt" || HOLDERS.has(c.type) || c.type === "region",
        );
      if (j < run.b || regions.length) {
        j++;
        match.tokenEnd = j;
        match.end = rest.end;
      }
    }
    // "the state of Washington", "the province of Alberta": the region, not its namesake towns.
    const of = tokens[match.tokenStart - 1];
    const kindWord = tokens[match.tokenStart - 2];
    if (
      of?.lower === "of" &&
      kindWord &&
      kindWord.text === kindWord.lower &&
      L.adminSuffixes.has(kindWord.lower)
    ) {
      const regions = match.candidates.filter((c) => c.type === "admin1" || c.type === "admin2");
      if (regions.length) match.candidates = regions;
    }
    if (direction) match.direction = direction;
    // "Rome's Gemelli hospital": the place owns what follows.
    if (j < run.b && POSSESSIVE.has(tokens[j]!.lower)) {
      found.push(match);
      i = run.b;
      break;
    }
    // "the Salinas Valley", "Mahim Bay", "the Salinas Valley of California": a landform named
    // after the place, near it (precision 2).
    if (
      j < run.b &&
      found.length === 0 &&
      L.landformNouns.has(tokens[j]!.lower) &&
      (j === run.b - 1 || tokens[j + 1]!.lower === "of")
    ) {
      match.tokenEnd = j + 1;
      match.end = tokens[j]!.end;
      match.landform = true;
      found.push(match);
      i = j + 1;
      continue;
    }
    if (j < run.b && !isJoiner(tokens[j]!)) {
      // "U.S. Centers for Disease Control": an organisation named after a country or region.
      if (found.length === 0 && namesOrganisation(match, j, run, tokens)) {
        found.push(match);
        i = run.b;
        break;
      }
      // "South West England": compass words before a name, not the "South West" region of
      // another country followed by stray words.
      const named = found.length === 0 && !direction ? afterCompassWords(run, i, tokens) : undefined;
      if (named) {
        direction = named.direction;
        i = named.at;
        continue;
      }
      // "Four Guerrero state police": a sentence's first word that is no name (a number) is no
      // town of France either; the name after it is judged on its own.
      if (i === run.a && j === i + 1 && isSentenceStart(tokens, i) && !startsName(tokens[i]!)) {
        i++;
        continue;
      }
      found.length = 0;
      break;
    }
    found.push(match);
    i = j;
  }
  // Names must cover the run: "Hisham al-Hashimi" is not the town of Hysham.
  if (i < run.b) found.length = 0;
  if (
    found.length === 0 &&
    run.b - run.a >= 2 &&
    !L.placeModifiers.has(first.lower) &&
    !office &&
    !isAcronym(tokens[run.b - 1]!)
  ) {
    surnames.add(tokens[run.b - 1]!.lower);
  }
  for (const m of found) {
    m.sentenceInitial = m.tokenEnd - m.tokenStart === 1 && isSentenceStart(tokens, m.tokenStart);
    mentions.push(m);
  }
}

/** "Queen Anne's County", "Prince Edward Island": a region's whole name that opens with a title. */
function namesRegion(run: Run, text: string, tokens: Token[], gazetteer: Gazetteer): boolean {
  if (run.b - run.a < 2) return false;
  const name = text.slice(tokens[run.a]!.start, tokens[run.b - 1]!.end);
  return gazetteer
    .lookup(name)
    .some((c) => c.exact && c.role === "name" && (HOLDERS.has(c.type) || c.type === "region"));
}

/** "Col.", "President", "Gov.": a person's title, with or without its full stop. */
function isTitle(tok: Token): boolean {
  return L.personTitles.has(tok.lower.endsWith(".") ? tok.lower.slice(0, -1) : tok.lower);
}

/** A sentence's capitalised first word that may be a name's first ("Maya Harden"): tagged a name, and no number. */
function startsName(tok: Token): boolean {
  return tok.pos === "PROPN" && !L.numberWords.has(tok.lower);
}

/** Words that join an office or body to its place ("Officer for Scotland"), never a person's names. */
const OFFICE_JOINERS = new Set(["of", "for"]);

function endsWithOffice(run: Run, tokens: Token[]): boolean {
  return run.b - run.a >= 3 && OFFICE_JOINERS.has(tokens[run.b - 2]!.text);
}

/** The first token after the compass words opening a run, and the direction they give ("South West" -> SW). */
function afterCompassWords(
  run: Run,
  i: number,
  tokens: Token[],
): { at: number; direction?: string } | undefined {
  let k = i;
  while (k < run.b && L.placeModifiers.has(tokens[k]!.lower)) k++;
  if (k === i || k >= run.b || k - i > 2) return undefined;
  const words = tokens.slice(i, k).map((t) => t.lower);
  const direction = L.bearings.get(words.join("-")) ?? L.directionAdjectives.get(words[0]!);
  return direction ? { at: k, direction } : { at: k };
}

const isAcronym = (tok: Token) => /^\p{Lu}{2,}$/u.test(tok.text);
const isRegionLike = (c: Candidate) =>
  c.exact && (c.type === "country" || c.type === "admin1" || c.type === "region");

/**
 * A well-known place opening a longer name names it: "U.S. Agriculture Secretary", "New York
 * City Mayor". One word after it is more often a person's or a paper's name
 * ("Jordan Peterson", "Washington Post"), so it takes an abbreviation or two more words.
 */
function namesOrganisation(match: Mention, j: number, run: Run, tokens: Token[]): boolean {
  if (match.kind !== "name" || !match.candidates.some(isWellKnown)) return false;
  const abbreviated = match.candidates.some((c) => c.role === "abbr");
  let words = 0;
  for (let t = j; t < run.b; t++) if (isCapitalised(tokens[t]!)) words++;
  // "United States Food and Drug Administration": a national body's name goes on past "and"
  // ("San Fernando Valley and Santa Monica" is a list).
  const after = tokens[run.b];
  const national = match.candidates.some((c) => c.type === "country" && c.exact);
  if (
    national &&
    after &&
    (after.lower === "and" || after.text === "&") &&
    isCapitalised(tokens[run.b + 1] ?? after)
  )
    words++;
  return abbreviated || words >= 2;
}

/** The longest well-known place ending the run after an organisation's words. */
function placeAtEnd(
  run: Run,
  from: number,
  text: string,
  tokens: Token[],
  gazetteer: Gazetteer,
): Mention | undefined {
  for (let k = from + 1; k < run.b; k++) {
    if (isJoiner(tokens[k]!)) continue;
    let words = 0;
    let acronym = false;
    for (let t = run.a; t < k; t++) {
      if (isCapitalised(tokens[t]!)) words++;
      if (isAcronym(tokens[t]!)) acronym = true;
    }
    // "Chief Veterinary Officer for Scotland": the organisation's words come first, however many;
    // "Governor of Texas", "Mayor of Boston": one word will do when it is a title.
    const title = words === 1 && isTitle(tokens[run.a]!);
    if (words < 2 && !acronym && !(title && OFFICE_JOINERS.has(tokens[k - 1]!.lower))) continue;
    const m = lookupSpan(k, run.b, text, tokens, gazetteer);
    const strong = m?.candidates.some(
      (c) => isRegionLike(c) || (c.exact && c.type === "city" && c.population >= 100_000),
    );
    if (m && m.kind === "name" && strong) return m;
  }
  return undefined;
}

function isSentenceStart(tokens: Token[], t: number): boolean {
  const prev = tokens[t - 1];
  return !prev || prev.sentence !== tokens[t]!.sentence || /^["“‘'(]$/.test(prev.text);
}

/** The mention for tokens [i, j) when the gazetteer knows the name in this use. */
function lookupSpan(
  i: number,
  j: number,
  text: string,
  tokens: Token[],
  gazetteer: Gazetteer,
): Mention | undefined {
  const start = tokens[i]!.start;
  const end = tokens[j - 1]!.end;
  const name = text.slice(start, end);
  const next = tokens[j];
  const nextWord = next?.lower ?? "";
  let kind: Mention["kind"] = "name";
  let spanEnd = end;
  // A compass word alone ("[Western] contractors") or an institution ("the University said")
  // is no place name; nor is a disease named after one ("Marburg virus", "West Nile fever").
  if (j - i === 1 && (L.placeModifiers.has(tokens[i]!.lower) || L.institutionNouns.has(tokens[i]!.lower)))
    return undefined;
  if (L.diseaseNouns.has(nextWord)) return undefined;
  const all = gazetteer.lookup(name);
  if (all.length === 0) return undefined;
  // Tested only once the gazetteer knows the name: most spans asked about are no place.
  const allCaps = /^[\p{Lu}.]+$/u.test(name.replace(/[\s-]/g, ""));
  // "Canadian officials": a demonym is an adjective, not the town of Canadian, Texas.
  if (!L.demonymPlaceNouns.has(nextWord) && all.some((c) => c.role === "demonym" && c.exact))
    return undefined;
  const candidates = all.filter((c) => {
    if (c.role === "abbr") return allCaps && c.exact;
    if (c.role === "demonym") return c.exact && L.demonymPlaceNouns.has(nextWord);
    if (c.role === "short")
      return L.facilityNouns.has(nextWord) || (nextWord === "air" && tokens[j + 1]?.lower === "base");
    // An all-capitals word is an acronym ("AIDS", "WHO", "E.U.") unless it is a place's code.
    return !(allCaps && name.length <= 5) || c.type === "country";
  });
  // "US$ 5 million" is money.
  if (candidates.length === 0 || (next?.text.startsWith("$") && next.start === end)) return undefined;
  const demonyms = candidates.filter((c) => c.role === "demonym");
  if (demonyms.length) {
    kind = L.capitalNouns.has(nextWord) ? "capital" : "demonym";
    spanEnd = next!.end;
  } else if (
    candidates.some((c) => c.role === "short" || (c.type === "facility" && L.facilityNouns.has(nextWord)))
  ) {
    kind = "facility";
  }
  // "the Afghan capital" is Kabul.
  const capital = kind === "capital" ? gazetteer.capital(demonyms[0]!.country) : undefined;
  return {
    tokenStart: i,
    tokenEnd: j,
    start,
    end: spanEnd,
    candidates: capital
      ? [{ ...capital, form: name, role: "demonym", exact: true }]
      : demonyms.length
        ? demonyms
        : candidates,
    kind,
    sentenceInitial: false,
    rules: [],
    ...(j - i === 1 ? withWordKind(gazetteer.wordKind(tokens[i]!.lower)) : {}),
  };
}

function withWordKind(kind: WordKind | undefined): { commonWord?: WordKind } {
  return kind ? { commonWord: kind } : {};
}

/** Enough on its own to outweigh a common word or a first name: "Victoria", "Jordan", "Reading". */
function isWellKnown(c: Candidate): boolean {
  if (!c.exact) return false;
  if (c.type === "country" || c.type === "admin1" || c.type === "region") return true;
  // "Franklin" is an old name of Columbus, Ohio: an alternate name alone proves little.
  return c.population >= 100_000 && c.role === "name";
}

// ---------------------------------------------------------------------------------------
// 2. Context and disambiguation

function buildContext(mentions: Mention[], demonymCountries: string[]): Context {
  const countries = new Map<string, number>();
  const add = (code: string) => countries.set(code, (countries.get(code) ?? 0) + 1);
  for (const m of mentions) {
    const country = m.candidates.find((c) => c.type === "country" && c.exact && c.role !== "demonym");
    // "Georgia" is also a US state far away: the name alone is no evidence for either country
    // (ISO's Chinese province "Taiwan" is the same land, and no such doubt).
    const alsoRegion =
      country &&
      m.candidates.some(
        (c) =>
          c.type === "admin1" &&
          c.exact &&
          c.role === "name" &&
          c.country !== country.country &&
          distanceKm(c.lat, c.lon, country.lat, country.lon) > 1000,
      );
    if (country && alsoRegion) continue;
    if (country) add(country.country);
    else if (m.kind === "demonym" || m.kind === "capital") add(m.candidates[0]!.country);
    else {
      // "Cornwall in South West England": a region named tells its country as a country would.
      const region = m.candidates.find((c) => c.type === "admin1" && c.exact && c.role === "name");
      if (region && !m.sentenceInitial) add(region.country);
    }
  }
  for (const code of demonymCountries) add(code);
  let focus: string | undefined;
  let most = 0;
  for (const [code, n] of countries) {
    if (n > most) {
      focus = code;
      most = n;
    }
  }
  return { countries, focus, regions: new Map() };
}

const NO_CONTEXT: Context = { countries: new Map(), focus: undefined, regions: new Map() };

const TYPE_SCORE: Record<string, number> = {
  country: 11,
  region: 9,
  admin1: 8.5,
  admin2: 6,
  natural: 3,
  facility: 4,
};

/** Each candidate list's ids, made once: a common name has hundreds of readings to test against. */
const candidateIdSets = new WeakMap<readonly Candidate[], Set<Candidate["id"]>>();
function candidateIds(candidates: readonly Candidate[]): Set<Candidate["id"]> {
  let ids = candidateIdSets.get(candidates);
  if (!ids) candidateIdSets.set(candidates, (ids = new Set(candidates.map((c) => c.id))));
  return ids;
}

function score(c: Candidate, m: Mention, ctx: Context, container: GazetteerPlace | undefined): number {
  let s = TYPE_SCORE[c.type] ?? 0;
  // "Mexico" is the country, whatever city once went by that name.
  if (c.type === "country" && c.exact && c.role === "name") s += 2;
  if (c.type === "city") {
    // cities500 holds towns of 500 people or more: 0 means "not counted", not "empty".
    s = 2 + Math.log10(Math.max(c.population, 500) + 10);
    if (c.code === "PPLC") s += 1.5;
    else if (c.code === "PPLA") s += 0.7;
    else if (c.code === "PPLA2") s += 0.3;
  }
  if (c.type === "facility" && m.kind === "facility") s += 5;
  // A list of US states makes "Georgia" a state; a list of countries makes it the country.
  if (HOLDERS.has(c.type) && m.peers?.some((p) => p.place?.type === c.type && p.place.country === c.country))
    s += 4;
  else if (c.type === "country" && m.peers?.some((p) => p.place?.type === "country")) s += 2;
  s += c.exact ? 1 : -1.5;
  if (c.role === "alt") s -= 0.7;
  if (c.country && ctx.countries.has(c.country)) s += 3 + (c.country === ctx.focus ? 1 : 0);
  // An ocean, a continent, an island of several countries: no country named can speak for it,
  // so it starts where a place of a named country would ("the Pacific", not Pacific, Missouri).
  if (!c.country && c.type === "region" && ctx.countries.size > 0) s += 3;
  if (container) {
    if (container.country === c.country) s += 5;
    else if (container.country) s -= 6;
    if (
      container.type === "admin1" &&
      container.country === c.country &&
      distanceKm(c.lat, c.lon, container.lat, container.lon) < 250
    )
      s += 3;
    // "Scott County, Indiana": Kentucky's Scott County lies as near Indiana's middle.
    if (container.type === "admin1" && container.admin1 && c.admin1 === container.admin1) s += 3;
  } else if (c.type === "city" || c.type === "facility") {
    // "Fairfield" in an article naming Texas. A region that is another reading of this very name
    // counts only as the seat's region ("Gulu" the town of the Gulu district, within 250 km),
    // so "New York" is not the city for being also the state.
    if (
      ctx.regions
        .get(c.country)
        ?.some((r) => (candidateIds(m.candidates).has(r.id) ? near(r, c, 250) : holds(r, c)))
    )
      s += 2;
  } else if (c.type === "admin1") {
    // "Georgia" in an article naming Alabama and Texas is the state, not the country.
    let others = 0;
    for (const r of ctx.regions.get(c.country) ?? []) if (r.id !== c.id) others++;
    if (others >= 2) s += 1.5;
  } else if (c.type === "admin2" && c.admin1) {
    // "Crawford County located in Pennsylvania": the county of a state the article names.
    if (ctx.regions.get(c.country)?.some((r) => r.admin1 === c.admin1)) s += 3;
  }
  return s;
}

/**
 * Whether a region holds a town: by its admin1 code where both have one (Fairfield, Texas lies
 * 290 km from the middle of Texas), else by distance (a region placed by its listed point has
 * no code, and Mississauga lies 870 km from Ontario's).
 */
function holds(region: GazetteerPlace, c: Candidate, km = 250): boolean {
  if (region.admin1 && c.admin1) return c.admin1 === region.admin1;
  return near(region, c, km);
}

function near(a: GazetteerPlace, b: GazetteerPlace, km: number): boolean {
  return distanceKm(a.lat, a.lon, b.lat, b.lon) <= km;
}

const HOLDERS = new Set(["country", "admin1", "admin2"]);
const HELD = new Set(["city", "facility", "admin2", "natural"]);

/**
 * "Santa Ana, California", "Atlanta, Georgia", "Mosul, Iraq": of all the pairs of
 * candidates, the best-scoring one where the second holds the first. When none does
 * ("Norfolk, England" with no English Norfolk in the gazetteer), the place is somewhere in
 * the container: its point, precision 2.
 */
function resolveContainment(mentions: Mention[], ctx: Context, tokens: Token[]): void {
  const byStart = new Map(mentions.map((m) => [m.tokenStart, m]));
  for (const m of mentions) {
    // "Santa Ana, California"; "Austin, in Scott County, Indiana".
    const comma = tokens[m.tokenEnd]?.text === ",";
    const n = !comma
      ? undefined
      : tokens[m.tokenEnd + 1]?.lower === "in"
        ? byStart.get(m.tokenEnd + 2)
        : byStart.get(m.tokenEnd + 1);
    if (!n || m.kind !== "name" || n.kind !== "name" || m.relative) continue;
    // "Arizona, Colorado": a list of regions, not a town and its region; but "Scott County,
    // Indiana" is a county and its state.
    const countyOfState = m.place?.type === "admin2" && n.candidates.some((c) => c.type === "admin1");
    if (m.place && HOLDERS.has(m.place.type) && n.peers?.includes(m) && !countyOfState) continue;
    let best: [Candidate, Candidate] | undefined;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const cn of n.candidates) {
      if (!HOLDERS.has(cn.type)) continue;
      const sn = score(cn, n, ctx, undefined);
      for (const cm of m.candidates) {
        if (cm.id === cn.id || cm.country !== cn.country || !(HELD.has(cm.type) || cn.type === "country"))
          continue;
        // A county holds only towns of its own state: "Austin, in Scott County, Indiana" is not Ohio's Austintown.
        if (
          cm.type === "country" ||
          (cn.type !== "country" && !(cn.type === "admin1" ? holds(cn, cm, 1000) : near(cn, cm, 500))) ||
          (cn.type === "admin2" && cn.admin1 && cm.admin1 !== cn.admin1)
        )
          continue;
        const sum = sn + score(cm, m, ctx, cn);
        if (sum > bestScore) {
          best = [cm, cn];
          bestScore = sum;
        }
      }
    }
    if (best) {
      m.place = best[0];
      m.rules = [`gazetteer:${best[0].role}${best[0].exact ? "" : "~loose"}`, "contained"];
      m.dropped = undefined;
      if (n.place?.id !== best[1].id) {
        n.place = best[1];
        n.rules = [`gazetteer:${best[1].role}${best[1].exact ? "" : "~loose"}`, "container"];
        n.dropped = undefined;
      }
    } else if (n.place && HOLDERS.has(n.place.type) && (!m.place || HELD.has(m.place.type))) {
      if (m.place?.country === n.place.country || inListOf(m, n.place.type)) continue;
      m.place = undefined;
      m.point = { lat: n.place.lat, lon: n.place.lon };
      m.country = n.place.country;
      m.precision = 2;
      m.rules = ["contained:not-in-gazetteer"];
      m.dropped = undefined;
    }
  }
}

/**
 * "Kenya, Bundibugyo, Ivory Coast": a name after a country in a list of countries is an item of
 * the list, not a town of the next one. Not so where that country holds the name before it:
 * "Kampala, Uganda, Gulu, Uganda" pairs towns with their countries.
 */
function inListOf(m: Mention, type: string): boolean {
  const previous = m.peers?.find((p) => p.tokenEnd <= m.tokenStart);
  if (previous?.place?.type !== type) return false;
  const held = previous.peers?.find((p) => p.tokenEnd <= previous.tokenStart);
  return !held?.rules.some((r) => r.startsWith("contained"));
}

const LIST_JOINERS = new Set([",", "and", "or", "&"]);

/** Names separated only by commas and "and": "Anhui, Guangdong, Hunan and Hubei". */
function linkLists(mentions: Mention[], tokens: Token[]): void {
  const sorted = [...mentions].sort((a, b) => a.tokenStart - b.tokenStart);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    const gap = tokens.slice(a.tokenEnd, b.tokenStart);
    if (gap.length === 0 || gap.length > 2 || !gap.every((t) => LIST_JOINERS.has(t.lower))) continue;
    (a.peers ??= []).push(b);
    (b.peers ??= []).push(a);
  }
}

/** A name placed by strong evidence ("Santa Ana, California") means the same place elsewhere in the article. */
function oneSensePerName(text: string, mentions: Mention[]): void {
  const settled = new Map<string, Mention>();
  for (const m of mentions) {
    if (m.place && m.rules.some((r) => r === "contained" || r === "relative" || r === "container"))
      settled.set(text.slice(m.start, m.end), m);
  }
  for (const m of mentions) {
    const s = settled.get(text.slice(m.start, m.end));
    if (
      !s ||
      s === m ||
      m.rules.some((r) => r.startsWith("contain") || r === "relative") ||
      m.kind !== "name"
    )
      continue;
    if (m.place?.id === s.place!.id) continue;
    m.place = s.place;
    m.dropped = undefined;
    m.rules = [...s.rules.filter((r) => r.startsWith("gazetteer")), "same-name"];
  }
}
function resolve(m: Mention, ctx: Context): void {
  if (m.kind === "demonym" || m.kind === "capital") {
    m.place = m.candidates[0];
    m.score = 10;
    m.rules = [m.kind === "capital" ? "demonym+capital" : "demonym+place-noun"];
    return;
  }
  let best: Candidate | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const c of m.candidates) {
    const s = score(c, m, ctx, undefined);
    if (s > bestScore || (s === bestScore && best && c.population > best.population)) {
      best = c;
      bestScore = s;
    }
  }
  // A capitalised first word of a sentence is judged on its own merit, not the article's countries.
  const judged = best && m.sentenceInitial ? score(best, m, NO_CONTEXT, undefined) : bestScore;
  const threshold = m.sentenceInitial ? MIN_SCORE_SENTENCE_INITIAL : MIN_SCORE;
  // "Islington Bay" in a story about Auckland is no bay of London: a landform is placed by its
  // namesake only in a country the article is about.
  const strayLandform = m.landform && !(best?.country && ctx.countries.has(best.country));
  if (
    !best ||
    judged < threshold ||
    (m.commonWord && !isWellKnown(best)) ||
    strayLandform ||
    strayVillage(best, ctx)
  ) {
    m.place = undefined;
    m.dropped = "weak";
    return;
  }
  m.place = best;
  m.score = bestScore;
  const rules = [`gazetteer:${best.role}${best.exact ? "" : "~loose"}`];
  if (best.country && ctx.countries.has(best.country) && best.type !== "country")
    rules.push("context-country");
  if (m.landform) {
    rules.push("landform");
    m.precision = 2;
  }
  m.rules = rules;
}

/**
 * Below this many people (or uncounted), a town of a country the article does not name is
 * nobody's reading of a name. On GeoVirus, 1,000 to 20,000 drop only wrong places ("Nyanza",
 * "Piccadilly", "Karo", "Cobra"): headline F1 0.828 without the rule, 0.829 at 1,000, 0.830
 * at 5,000, 0.831 at 20,000; the middle is kept, as the larger towns are more often meant.
 */
const VILLAGE_POPULATION = 5000;

/**
 * "Nyanza" in an article about Kenya: the only place the gazetteer knows by the name is a
 * village in a country the article never names, and no place is better than that one. Only
 * where the article names countries at all (a local story naming none keeps its villages).
 */
function strayVillage(c: Candidate, ctx: Context): boolean {
  if (c.type !== "city" || c.code === "PPLC" || ctx.countries.size === 0 || ctx.countries.has(c.country))
    return false;
  return c.population < VILLAGE_POPULATION || (c.role === "alt" && c.population < KNOWN_BY_EXONYM);
}

/**
 * "Cobra", "Jin", "Vistula", "Monster": GeoNames lists these among the alternate names of towns
 * in the Philippines, Japan, Ohio and Westphalia. Reached only through such a name, a town of a
 * country the article never names is nobody's reading, unless it is a city known abroad by its
 * old or English name ("Peking", "Bombay", "Cologne", "Kiev").
 */
const KNOWN_BY_EXONYM = 300_000;

// ---------------------------------------------------------------------------------------
// Relative locations: "some 50 kilometers south of Mosul", "13 kilometers (8 miles) northeast of Mosul"

function findRelatives(
  text: string,
  tokens: Token[],
  mentions: Mention[],
  runs: Run[],
  gazetteer: Gazetteer,
): void {
  const byStart = new Map(mentions.map((m) => [m.tokenStart, m]));
  const byEnd = new Map(mentions.map((m) => [m.tokenEnd, m]));
  for (let b = 1; b + 2 < tokens.length; b++) {
    // A bearing is followed by "of", after one word or three ("north of", "north - east of").
    if (tokens[b + 1]!.lower !== "of" && tokens[b + 3]?.lower !== "of") continue;
    // "north-east" may come as three tokens: north, -, east.
    const compound =
      tokens[b + 1]!.text === "-" && tokens[b + 2] && tokens[b + 2]!.start === tokens[b + 1]!.end;
    const compoundBearing = compound
      ? L.bearings.get(`${tokens[b]!.lower}-${tokens[b + 2]!.lower}`)
      : undefined;
    const bearing = compoundBearing ?? L.bearings.get(tokens[b]!.lower);
    const of = compoundBearing ? b + 3 : b + 1;
    if (!bearing || tokens[of]?.lower !== "of") continue;
    const anchor = byStart.get(of + 1);
    if (!anchor?.place || anchor.relative) continue;
    let k = b - 1;
    if (tokens[k]?.text === ")") {
      while (k > 0 && tokens[k]!.text !== "(") k--;
      k--;
    }
    const factor = L.distanceUnits.get(tokens[k]?.lower ?? "");
    if (factor === undefined) continue;
    k--;
    if (tokens[k]?.text === "-") k--;
    const value = numberValue(tokens[k]);
    if (value === undefined) continue;
    k--;
    while (k >= 0 && (L.approximators.has(tokens[k]!.lower) || tokens[k]!.text === ",")) k--;
    const km = Math.round(value * factor * 10) / 10;
    const point = destination(anchor.place.lat, anchor.place.lon, km, bearing);
    let target = byEnd.get(k + 1);
    // "Louisville, Kentucky, some 30 miles south of Austin": the phrase places the town, and
    // the state after it only says where the town is.
    const held =
      tokens[target ? target.tokenStart - 1 : -1]?.text === ","
        ? byEnd.get(target!.tokenStart - 1)
        : undefined;
    if (held?.rules.includes("contained")) continue;
    if (!target) {
      // A place the gazetteer does not know: "the village of Kharaba, 20 km west of Mosul".
      const run = runs.find((r) => r.b === k + 1);
      if (!run || mentions.some((m) => m.tokenStart < run.b && m.tokenEnd > run.a)) continue;
      target = {
        tokenStart: run.a,
        tokenEnd: run.b,
        start: tokens[run.a]!.start,
        end: tokens[run.b - 1]!.end,
        candidates: [],
        kind: "unknown",
        sentenceInitial: false,
        rules: [],
      };
      mentions.push(target);
    }
    target.relative = { distanceKm: km, bearing, anchor };
    // The target is the candidate nearest the point the phrase gives, if one is near enough.
    const tolerance = Math.max(25, km * 0.5);
    let nearest: Candidate | undefined;
    let nearestKm = tolerance;
    const candidates = target.candidates.length
      ? target.candidates
      : gazetteer.lookup(text.slice(target.start, target.end));
    for (const c of candidates) {
      const d = distanceKm(c.lat, c.lon, point.lat, point.lon);
      if (d <= nearestKm && c.type !== "country") {
        nearest = c;
        nearestKm = d;
      }
    }
    target.dropped = undefined;
    if (nearest) {
      target.place = nearest;
      target.rules = [`gazetteer:${nearest.role}${nearest.exact ? "" : "~loose"}`, "relative"];
    } else {
      target.place = undefined;
      target.point = point;
      target.precision = 2;
      target.rules = ["relative:computed"];
    }
  }
}

function numberValue(tok: Token | undefined): number | undefined {
  if (!tok) return undefined;
  const digits = tok.text.replace(/,/g, "");
  if (/^\d+(\.\d+)?$/.test(digits)) return Number(digits);
  return L.numberWords.get(tok.lower);
}

// ---------------------------------------------------------------------------------------
// 3. Actors, parts of places, borders

/**
 * A country or capital standing for its government is an actor, not where something
 * happened: "Washington warned", "Baghdad's declaration of victory", "U.S.-led coalition".
 * People who share a name with a town are dropped too: "Clinton said" after "Hillary Clinton".
 */
function markActors(m: Mention, text: string, tokens: Token[], surnames: Set<string>): void {
  const place = m.place;
  const next = tokens[m.tokenEnd];
  const after = tokens[m.tokenEnd + 1];
  const prev = tokens[m.tokenStart - 1];
  if (m.kind !== "name" || !place) return;
  if (
    next?.text === "-" &&
    next.start === tokens[m.tokenEnd - 1]!.end &&
    after &&
    L.actorSuffixes.has(after.lower)
  ) {
    markMetonymy(m, "actor-compound");
    return;
  }
  if (
    m.tokenEnd - m.tokenStart === 1 &&
    place.type !== "country" &&
    surnames.has(tokens[m.tokenStart]!.lower) &&
    !placedByContext(tokens, m.tokenStart)
  ) {
    m.dropped = "person";
    return;
  }
  const governs = place.type === "country" || (place.type === "city" && place.code === "PPLC");
  if (!governs) return;
  if (next && POSSESSIVE.has(next.lower) && after && L.metonymyPossessions.has(after.lower)) {
    markMetonymy(m, "metonymy:possessive");
    return;
  }
  if (prev && LOCATIVE.has(prev.lower)) return;
  const verb = next?.pos === "AUX" ? after : next;
  if (
    verb &&
    L.metonymyVerbs.has(verb.lower) &&
    !/\n/.test(text.slice(tokens[m.tokenEnd - 1]!.end, verb.start))
  ) {
    markMetonymy(m, "metonymy:subject");
  }
}

function markMetonymy(m: Mention, rule: string): void {
  m.metonymy = true;
  m.rules.push(rule);
}

/**
 * "western Iraq", "West Java": a part of a country or region (precision 2). Only a part that is
 * a name of its own ("West Java", "Southern Sudan") is placed off the whole's centre; "eastern
 * Chad" is coded, as ACLED codes it, at the point of Chad: how far east the writer means is
 * unknown, and a point a few hundred kilometres off the centre is a guess a map would show as fact.
 */
function markDirectionalPart(m: Mention, text: string, tokens: Token[]): void {
  const place = m.place;
  const island = place?.type === "region" && place.code === "ISL";
  if (!place || m.dropped || !(place.type === "country" || place.type === "admin1" || island)) return;
  let direction = m.direction;
  let named = false;
  if (direction) {
    const at = tokens.findLastIndex((t) => t.end <= m.start && L.placeModifiers.has(t.lower));
    m.start = tokens[at]?.start ?? m.start;
    // "Eastern China saw ...": a sentence's first word is capitalised whatever it is.
    named = at < 0 || !isSentenceStart(tokens, at);
  } else {
    const prev = tokens[m.tokenStart - 1];
    direction = prev && /^\p{Ll}/u.test(prev.text) ? L.directionAdjectives.get(prev.lower) : undefined;
    if (!direction || !prev) return;
    m.start = prev.start;
  }
  // A country's and an island's population column holds their area: "East Java" lies 110 km off Java's middle.
  const size = place.type === "country" || island ? Math.sqrt(Math.max(place.population, 1)) : 200;
  m.point =
    direction === "C" || !named
      ? { lat: place.lat, lon: place.lon }
      : destination(place.lat, place.lon, size * 0.3, direction);
  m.precision = 2;
  m.rules.push(`directional-part:${text.slice(m.start, m.end).split(/\s+/)[0]!.toLowerCase()}`);
}

/** "near the border with Syria": the event is near the country, not somewhere inside it. */
function markNearBorder(m: Mention, tokens: Token[]): void {
  if (m.dropped || m.place?.type !== "country") return;
  const from = Math.max(0, m.tokenStart - 5);
  const window = tokens.slice(from, m.tokenStart).map((t) => t.lower);
  const border = window.findIndex((w) => L.borderNouns.has(w));
  if (border < 0 || !window.slice(0, border).some((w) => L.nearWords.has(w))) return;
  m.precision = 2;
  m.rules.push("near-border");
}

// ---------------------------------------------------------------------------------------
// Output

const FEATURE_TYPE: Record<string, string> = {
  country: "country",
  admin1: "admin1",
  admin2: "admin2",
  city: "city",
  facility: "facility",
  region: "region",
  natural: "natural",
};

function precisionOf(place: GazetteerPlace): 1 | 2 | 3 {
  if (place.type === "city" || place.type === "facility") return 1;
  if (place.type === "admin2" || place.type === "natural") return 2;
  return 3;
}

function toPlaces(text: string, mentions: Mention[]): Place[] {
  const kept = mentions
    .filter((m) => !m.dropped && (m.place || m.point))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const ids = new Map<Mention, string>();
  kept.forEach((m, n) => {
    ids.set(m, `p${n + 1}`);
  });
  const places: Place[] = [];
  for (const m of kept) {
    const place = m.place;
    const anchorId = m.relative ? ids.get(m.relative.anchor) : undefined;
    const point = m.point ?? { lat: place!.lat, lon: place!.lon };
    const anchorPlace = m.relative?.anchor.place;
    places.push({
      id: ids.get(m)!,
      start: m.start,
      end: m.end,
      text: text.slice(m.start, m.end),
      name: place?.name ?? text.slice(m.start, m.end),
      country: place?.country ?? m.country ?? anchorPlace?.country ?? "",
      lat: point.lat,
      lon: point.lon,
      featureType: m.landform
        ? "natural"
        : m.direction || m.rules.some((r) => r.startsWith("directional"))
          ? "region"
          : place
            ? (FEATURE_TYPE[place.type] ?? place.type)
            : "locality",
      ...(place?.geonameId ? { geonameId: place.geonameId } : {}),
      precision: m.precision ?? (place ? precisionOf(place) : 2),
      ...(m.metonymy ? { metonymy: true } : {}),
      ...(m.relative && anchorId
        ? { relative: { distanceKm: m.relative.distanceKm, bearing: m.relative.bearing, of: anchorId } }
        : {}),
      rule: m.rules.join("+") || "gazetteer",
    });
  }
  return places;
}
