// Events: who did what to whom, coded in PLOVER. A trigger from the event dictionary (a verb,
// phrasal verb or noun) opens an event; its source and target come from the entity mentions
// around it by shallow syntax (subject before the verb, object after it, passive "by"); place,
// time and figures come from the other layers when they are there; modality and attribution
// from cue words and the quotes layer.
import type { Entity, Event, Modality, Quote, Span } from "../../core/schema.js";
import { SpanIndex } from "../../core/spans.js";
import { hasAsciiLetter, type Sentence, sentenceAt, type Token } from "../../nlp/index.js";
import { type AnalysedDoc, defineStage } from "../stage.js";
import { eventDictionary, type PloverType, type Trigger } from "./dictionary.js";

export { buildEventDictionary, eventDictionary } from "./dictionary.js";

const SKIPPED_SECTIONS = new Set(["credit", "byline", "boilerplate"]);

/** Words that open a new clause, whose event has its own actors ("..., as America redeploys"). */
const CLAUSE_OPENERS = new Set([
  "as",
  "while",
  "whereas",
  "but",
  "although",
  "though",
  "because",
  "after",
  "before",
  "when",
  "since",
  "until",
  "and",
]);
/** Relative pronouns: the clause they open describes a noun, it is no event of the sentence. */
const RELATIVES = new Set(["which", "who", "whom", "whose", "where"]);
const PREPOSITIONS = new Set([
  "in",
  "on",
  "at",
  "from",
  "to",
  "into",
  "with",
  "of",
  "for",
  "against",
  "by",
  "over",
  "near",
  "under",
  "across",
  "after",
  "before",
  "since",
  "during",
  "about",
  "between",
  "among",
  "despite",
  "toward",
  "towards",
  "through",
  "via",
  "like",
  "than",
  "including",
  "behind",
  "beyond",
  "within",
  "without",
  "upon",
  "amid",
]);
const BE = new Set(["be", "was", "were", "been", "being", "is", "are", "am", "get", "got"]);
const SUBJECT_PRONOUNS = new Set(["it", "they", "he", "she", "we"]);
const TIME_WORDS = new Set([
  "today",
  "yesterday",
  "tonight",
  "tomorrow",
  "week",
  "month",
  "year",
  "morning",
  "evening",
  "night",
  "weekend",
]);
const MODALS = new Set([
  "will",
  "would",
  "shall",
  "should",
  "can",
  "could",
  "may",
  "might",
  "must",
  "to",
  "'ll",
  "not",
  "n't",
]);
/** Obligation after a reporting verb makes a demand: "Russia said Sudan must return ...". */
const OBLIGATION = new Set(["must", "should"]);
/** Types that, promised for later, are a threat: "said they would boycott". */
const HOSTILE = new Set<PloverType>(["SANCTION", "COERCE", "ASSAULT", "PROTEST", "MOBILIZE", "REJECT"]);
/** Types a promise turns into an agreement: "Finland will give Tanzania a grant". */
const COOPERATIVE = new Set<PloverType>(["AID", "COOPERATE", "CONSULT", "CONCEDE", "RETREAT", "SUPPORT"]);
/** Triggers that count the dead: "killed an estimated 200 people". */
const LETHAL = new Set([
  "kill",
  "killed",
  "killing",
  "killings",
  "murder",
  "massacre",
  "execute",
  "assassinate",
  "slaughter",
  "slay",
  "behead",
  "lynch",
  "shoot",
]);
/** What a fatality figure counts. */
const VICTIMS =
  /^(people|persons?|civilians?|soldiers?|troops?|policemen|police|fighters?|militants?|rebels?|children|women|men|villagers|residents|protesters|demonstrators|refugees|students|officers?|workers|worshippers|passengers|pilgrims|others|dead)/;
/** Prepositions that take a movement's destination: "redeploys the forces to Afghanistan". */
const ASPECTUAL = new Set([
  "resume",
  "continue",
  "begin",
  "start",
  "keep",
  "stop",
  "try",
  "attempt",
  "plan",
  "intensify",
  "step",
]);
const QUANTITY_NOUNS = new Set([
  "thousands",
  "hundreds",
  "dozens",
  "tens",
  "millions",
  "scores",
  "group",
  "number",
  "members",
  "delegation",
  "team",
  "contingent",
  "band",
  "crowd",
  "crowds",
  "handful",
  "batch",
  "unit",
  "units",
  "some",
  "many",
  "most",
  "all",
  "several",
]);
const QUOTE_MARKS = new Set(["“", "”", '"', "«", "»"]);
const DESTINATION = new Set(["to", "into", "toward", "towards"]);
/** Prepositions that place an event: "in Iraq", "near Mosul", "on Afghan soil", "from Iraq". */
const LOCATIVE_PREPOSITIONS = new Set([
  "in",
  "at",
  "near",
  "from",
  "to",
  "into",
  "across",
  "outside",
  "inside",
  "throughout",
  "around",
  "on",
  "toward",
  "towards",
  "within",
  "along",
  "off",
  "over",
  "through",
  "of",
]);

interface Candidate {
  token: number;
  end: number;
  trigger: Trigger;
  noun: boolean;
  /** Every later trigger in its clause is its content. */
  frame?: boolean;
}

/** CAMEO roots of the types a promise, threat or refusal is converted to. */
const CONVERTED_CAMEO: Partial<Record<PloverType, string>> = { AGREE: "030", THREATEN: "130", REJECT: "120" };

const OBLIGATION_TRIGGER: Trigger = { type: "REQUEST", cameo: "100", entry: "obligation-after-report" };

interface MentionRef {
  entity: string;
  tokenStart: number;
  tokenEnd: number;
}

export function extractEvents(doc: AnalysedDoc): Omit<Event, "id">[] {
  const { tokens, sentences } = doc.nlp;
  const text = doc.text;
  const entities = doc.layers.entities ?? [];
  const entityById = new Map(entities.map((e) => [e.id, e]));
  const places = doc.layers.places ?? [];
  const times = doc.layers.times ?? [];
  const quantities = doc.layers.quantities ?? [];
  // in the layer's order, so that the first quote around a trigger is the one taken
  const quotes = new SpanIndex((doc.layers.quotes ?? []).map((quote, order) => ({ ...quote, order })));
  const skipped = new SpanIndex(doc.sections.filter((s) => SKIPPED_SECTIONS.has(s.kind)));
  const mentions = mentionIndex(entities, tokens);
  const placesOf = bySentence(sentences, places);
  const timesOf = bySentence(sentences, times);
  const quantitiesOf = bySentence(sentences, quantities);
  const events: Omit<Event, "id">[] = [];
  let previousSource: string[] = [];
  let lastPlace: string | undefined;

  for (const [si, s] of sentences.entries()) {
    if (skipped.covers(s.start)) continue;
    const relative = relativeSpans(tokens, s.tokenStart, s.tokenEnd);
    const inRelative = (i: number) => relative.some(([a, b]) => i >= a && i < b);
    const inSentence: MentionRef[] = [];
    for (let k = firstMentionFrom(mentions, s.tokenStart); k < mentions.length; k++) {
      const m = mentions[k]!;
      if (m.tokenStart >= s.tokenEnd) break;
      if (m.tokenEnd <= s.tokenEnd && !inRelative(m.tokenStart)) inSentence.push(m);
    }
    const candidates = findTriggers(tokens, s.tokenStart, s.tokenEnd, inSentence).filter(
      (c) => !inRelative(c.token),
    );
    const sentencePlaces = placesOf[si]!;
    const clauseStarts = clauseBoundaries(tokens, s.tokenStart, s.tokenEnd);
    const clauseOf = (i: number) => {
      let c = s.tokenStart;
      for (const b of clauseStarts) if (b <= i) c = b;
      return c;
    };
    const clauseEnd = (i: number) => clauseStarts.find((b) => b > i) ?? s.tokenEnd;
    let mainOfClause = -1;
    let framed = false;
    /** Whether the sentence states a condition ("if", "unless"): looked up once, when first asked. */
    let condition: boolean | undefined;
    let mainEnd = -1;
    const taken: Omit<Event, "id">[] = [];

    for (const c of candidates) {
      const clause = clauseOf(c.token);
      const end = reportTail(tokens, c.end, clauseEnd(c.token));
      // A trigger inside an earlier trigger's object is its content, not a second event:
      // "threatened to ban", "calling for the withdrawal", "demanded that the US cancel".
      const sameClause = mainOfClause === clause && c.token < mainEnd;
      if (sameClause && (c.noun || framed || isComplement(tokens, c.token, s.tokenStart))) continue;

      // "Norway said that Iceland must return ...": the speaker demands, the one obliged is the target.
      const report = c.trigger === OBLIGATION_TRIGGER ? lastReportingVerb(tokens, clause, c.token) : -1;
      let source = subjectOf(tokens, inSentence, clause, report >= 0 ? report : c.token, s.tokenStart);
      let target: string[] = [];
      const passiveBy = c.noun ? undefined : passiveAgent(tokens, inSentence, c.end, end);
      const after = objectOf(tokens, inSentence, c.end, end, source);
      if (passiveBy !== undefined) {
        target = source;
        source = passiveBy;
      } else target = after;
      if (report >= 0)
        target = inSentence
          .filter((m) => m.tokenStart > report && m.tokenEnd <= c.token)
          .map((m) => m.entity);
      if (source.length === 0 && sameClause) source = taken[taken.length - 1]?.source ?? [];
      if (source.length === 0 && c.noun) source = nominalAgent(tokens, inSentence, c.end, end);
      if (source.length === 0 && mainOfClause !== clause && clause !== s.tokenStart) continue;
      if (source.some((x) => x === "pronoun"))
        source = resolvePronoun(tokens, inSentence, c.token, previousSource);
      source = withOwner(tokens, inSentence, source, c.token, entityById);
      target = target.filter((t) => !source.includes(t));

      let type: PloverType = c.trigger.type;
      let rule = c.trigger.entry;
      const cues = cueWindow(tokens, clause, c.token, s.tokenStart);
      const negated = cues.has("negated");
      const future = cues.has("future");
      condition ??= hasCondition(tokens, s.tokenStart, s.tokenEnd);
      if (!sameClause && future && !["AGREE", "REQUEST", "THREATEN", "ACCUSE", "REJECT"].includes(type)) {
        if (negated) [type, rule] = ["REJECT", `${rule}+future-negated`];
        else if (HOSTILE.has(type) || (condition && COOPERATIVE.has(type)))
          [type, rule] = ["THREATEN", `${rule}+future-hostile`];
        else if (COOPERATIVE.has(type)) [type, rule] = ["AGREE", `${rule}+future-promise`];
      }
      // "will not accept", "did not agree": a refused agreement is a rejection.
      if (negated && !rule.includes("future") && (type === "AGREE" || type === "CONCEDE"))
        [type, rule] = ["REJECT", `${rule}+negated`];

      const actors = inSentence.filter((m) => source.includes(m.entity));
      const place = choosePlace(sentencePlaces, tokens, c, type, actors) ?? lastPlace;
      const time = timesOf[si]!.find((t) => t.type === "DATE" || t.type === "TIME");
      const figures = quantitiesOf[si]!.filter(
        (q) => q.start >= tokens[c.token]!.start && q.end <= tokens[end - 1]!.end,
      );
      const fatalities = type === "ASSAULT" ? countDead(tokens, c, end, figures) : undefined;
      // A promise, threat or refusal read from "will (not)" is itself made, not expected.
      const converted = /\+(future|negated)/.test(rule);
      const modality = converted
        ? reportedOrAsserted(tokens, c, s)
        : modalityOf(tokens, c, s, cues, negated, condition);
      const attribution = attributionOf(quotes, c, s, tokens, inSentence);

      // A converted event keeps no mode of the act promised, and takes its own CAMEO root.
      const mode = converted ? undefined : c.trigger.mode;
      const cameo = converted ? CONVERTED_CAMEO[type] : c.trigger.cameo;
      const event: Omit<Event, "id"> = {
        type,
        ...(mode ? { mode } : {}),
        ...(cameo ? { cameo } : {}),
        trigger: {
          start: tokens[c.token]!.start,
          end: tokens[c.end - 1]!.end,
          text: text.slice(tokens[c.token]!.start, tokens[c.end - 1]!.end),
        },
        sentence: { start: s.start, end: s.end },
        source,
        target,
        ...(place ? { place } : {}),
        ...(time ? { time: time.id } : {}),
        quantities: figures.map((q) => q.id),
        ...(fatalities !== undefined ? { fatalities } : {}),
        modality,
        ...(attribution ? { attribution } : {}),
        rule,
      };
      // One event per act: a second trigger of the same type and actors repeats the first.
      if (taken.some((e) => e.type === event.type && e.source.join() === event.source.join())) continue;
      taken.push(event);
      if (mainOfClause !== clause) {
        mainOfClause = clause;
        mainEnd = end;
        framed = c.frame === true;
      }
    }
    for (const e of taken) events.push(e);
    if (taken.length && taken[0]!.source.length) previousSource = taken[0]!.source;
    const located = sentencePlaces.filter((p) =>
      LOCATIVE_PREPOSITIONS.has(prepositionBefore(tokens, p.start)),
    );
    // A place carries over to the next sentence only: "... in Afghanistan. By late January, ISIS had killed ...".
    lastPlace = located.length ? located[located.length - 1]!.id : undefined;
  }
  return events;
}

// The claim rests on the quote around the trigger, or on whoever the sentence says said it.
function attributionOf(
  quotes: SpanIndex<Quote & { order: number }>,
  c: Candidate,
  s: { start: number; end: number; tokenStart: number; tokenEnd: number },
  tokens: Token[],
  inSentence: MentionRef[],
): string | undefined {
  const at = tokens[c.token]!.start;
  let quote: (Quote & { order: number }) | undefined;
  for (const q of quotes.overlapping(at, at + 1)) if (!quote || q.order < quote.order) quote = q;
  if (quote) return quote.id;
  // "..., according to the United Nations" / "..., police said"
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const t = tokens[i]!;
    if (t.lower === "according" && tokens[i + 1]?.lower === "to") {
      const m = inSentence.find((m) => m.tokenStart >= i + 2 && m.tokenStart <= i + 4);
      if (m) return m.entity;
    }
    if (i > c.token && eventDictionary.cues.reportingLemmas.has(t.lemma)) {
      const m = inSentence.find(
        (m) => (m.tokenEnd <= i && m.tokenEnd >= i - 2) || (m.tokenStart > i && m.tokenStart <= i + 2),
      );
      if (m) return m.entity;
    }
  }
  return undefined;
}

/** Each entity mention as a token range, in text order. */
function mentionIndex(entities: Entity[], tokens: Token[]): MentionRef[] {
  const refs: MentionRef[] = [];
  for (const e of entities) {
    for (const m of e.mentions) {
      const a = firstTokenAt(tokens, m.start);
      let b = a;
      while (b < tokens.length && tokens[b]!.start < m.end) b++;
      if (a < b) refs.push({ entity: e.id, tokenStart: a, tokenEnd: b });
    }
  }
  return refs.sort((x, y) => x.tokenStart - y.tokenStart);
}

/**
 * Each span under the sentence holding it whole, once per document, in layer order: a sentence
 * then reads its own places and times instead of filtering the whole layer.
 */
function bySentence<T extends Span>(sentences: Sentence[], spans: readonly T[]): T[][] {
  const buckets: T[][] = sentences.map(() => []);
  for (const x of spans) {
    const i = sentenceAt(sentences, x.start);
    if (i >= 0 && x.end <= sentences[i]!.end) buckets[i]!.push(x);
  }
  return buckets;
}

/** The first mention (sorted by start) starting at or after token `from`. */
function firstMentionFrom(mentions: MentionRef[], from: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.tokenStart < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function firstTokenAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Trigger candidates in a sentence, by lemma, in text order. */
/** "state of the union" -> "state", "state of", "state of the": what stands before one of its spaces. */
function beforeSpaces(phrase: string): string[] {
  return [...phrase.matchAll(/ /g)].map((m) => phrase.slice(0, m.index));
}

/** What stands after one of its spaces: "of the union", "the union", "union". */
function afterSpaces(phrase: string): string[] {
  return [...phrase.matchAll(/ /g)].map((m) => phrase.slice(m.index + 1));
}

/**
 * The halves of the set phrases that name no event ("press" and "conference"): a pair of words is
 * looked up only when a word is one, rather than built for every word of every sentence.
 */
const NOT_EVENT_STARTS = new Set([...eventDictionary.notEvents].flatMap(beforeSpaces));
const NOT_EVENT_ENDS = new Set([...eventDictionary.notEvents].flatMap(afterSpaces));

/** What a word without dictionary entries yields, shared rather than a new empty list per word. */
const NO_TRIGGERS: readonly Trigger[] = [];

function findTriggers(tokens: Token[], from: number, to: number, mentions: MentionRef[]): Candidate[] {
  const out: Candidate[] = [];
  // Which of the sentence's tokens a name covers, marked once rather than asked of every mention per token.
  const named = new Uint8Array(to - from);
  for (const m of mentions)
    named.fill(1, Math.max(0, m.tokenStart - from), Math.max(0, Math.min(to, m.tokenEnd) - from));
  const insideName = (i: number) => named[i - from] === 1;
  let reported = false;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (eventDictionary.cues.reportingLemmas.has(t.lemma)) reported = true;
    // "Russia said Sudan must return the helicopter": the obligation is the demand, its content no event.
    if (reported && OBLIGATION.has(t.lower)) {
      out.push({ token: i, end: i + 1, trigger: OBLIGATION_TRIGGER, noun: false, frame: true });
      continue;
    }
    // "Asked about the blast, the mayor said ...": a participle opening the sentence is a reduced clause.
    if (i === from && t.pos === "VERB" && /ed$/.test(t.lower)) continue;
    // "is prepared to lift the ban": readiness marks what follows as promised, it is no act.
    if (eventDictionary.cues.future.has(t.lower) && i > from && BE.has(tokens[i - 1]!.lower)) continue;
    // "Iran-allied", "U.S.-backed": a compound modifier, not an act.
    // ("test-fired two missiles" is a verb: a lower-case left part and no noun after it.)
    const compound =
      tokens[i - 1]?.text === "-" &&
      tokens[i - 1]!.end === t.start &&
      (/^[A-Z]/.test(tokens[i - 2]?.text ?? "") ||
        ["NOUN", "ADJ", "PROPN"].includes(tokens[i + 1]?.pos ?? ""));
    if (insideName(i) || compound || !hasAsciiLetter(t.text)) continue;
    const lemma = lowerLemma(t);
    const lower = t.lower;
    // "would close", "to ban": after a modal or an infinitive "to" a word is a verb whatever its tag.
    const afterModal = i > from && MODALS.has(tokens[i - 1]!.lower);
    const verbish =
      t.pos === "VERB" ||
      afterModal ||
      (t.pos === "PROPN" && /(ed|ing|s)$/.test(lower)) ||
      (t.pos === "NOUN" && /(ed|ing)$/.test(lower));
    let found: Candidate | undefined;
    if (verbish) {
      for (const trig of eventDictionary.verbs.get(lemma) ??
        eventDictionary.verbs.get(lower) ??
        NO_TRIGGERS) {
        if (trig.next) {
          const j = [i + 1, i + 2].find((k) => k < to && tokens[k]!.lower === trig.next);
          if (j === undefined) continue;
          found = { token: i, end: j === i + 1 ? j + 1 : i + 1, trigger: trig, noun: false };
        } else found = { token: i, end: i + 1, trigger: trig, noun: false };
        break;
      }
      // "imposed sanctions", "held talks": the noun names the event, the light verb anchors it.
      if (eventDictionary.light.has(lemma)) {
        const noun = nounTriggerAhead(tokens, i + 1, Math.min(to, i + 6));
        if (noun)
          found = {
            token: i,
            end: i + 1,
            trigger: { ...noun, entry: `${noun.entry}+light:${lemma}` },
            noun: false,
          };
        if (!found) continue;
      }
    }
    // "a press conference", "the peace process": set phrases that name no event.
    if (
      i > from &&
      NOT_EVENT_ENDS.has(lower) &&
      eventDictionary.notEvents.has(`${tokens[i - 1]!.lower} ${lower}`)
    )
      continue;
    if (
      i + 1 < to &&
      NOT_EVENT_STARTS.has(lower) &&
      eventDictionary.notEvents.has(`${lower} ${tokens[i + 1]!.lower}`)
    )
      continue;
    // "truce monitors", "aid deliveries": a noun modifying another noun names no event.
    const modifier = isNounModifier(tokens, i, to);
    if (!found && !modifier && (t.pos === "NOUN" || t.pos === "PROPN" || t.pos === "ADJ" || !verbish)) {
      for (const trig of eventDictionary.nouns.get(lemma) ??
        eventDictionary.nouns.get(lower) ??
        NO_TRIGGERS) {
        if (trig.before) {
          const a = i - trig.before.length;
          if (a < from || trig.before.some((w, k) => tokens[a + k]!.lower !== w)) continue;
          found = { token: a, end: i + 1, trigger: trig, noun: true };
        } else if (t.pos === "NOUN" || t.pos === "PROPN")
          found = { token: i, end: i + 1, trigger: trig, noun: true };
        if (found) break;
      }
    }
    if (found) out.push(found);
  }
  return out;
}

/**
 * "truce monitors": a noun followed by a common noun other than a time word ("demand today") or
 * a light head ("mediation effort", "aid convoy").
 */
function isNounModifier(tokens: Token[], i: number, to: number): boolean {
  const next = tokens[i + 1];
  return (
    i + 1 < to &&
    next!.pos === "NOUN" &&
    /^[a-z]/.test(next!.text) &&
    !TIME_WORDS.has(next!.lower) &&
    !eventDictionary.lightNouns.has(next!.lower)
  );
}

/** A token's lemma in lower case; a name is its own lemma ("Iraq"), whose lower case the token has already. */
function lowerLemma(t: Token): string {
  return t.lemma === t.text ? t.lower : t.lemma.toLowerCase();
}

function nounTriggerAhead(tokens: Token[], from: number, to: number): Trigger | undefined {
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.pos === "VERB" || t.pos === "PUNCT") return undefined;
    if ((t.pos !== "NOUN" && t.pos !== "PROPN") || isNounModifier(tokens, i, to)) continue;
    const list = eventDictionary.nouns.get(lowerLemma(t)) ?? eventDictionary.nouns.get(t.lower);
    const plain = list?.find((x) => !x.before);
    if (plain) return plain;
  }
  return undefined;
}

/** Token indices where a new clause starts: after ";", and at clause openers that follow a comma or stand alone. */
function clauseBoundaries(tokens: Token[], from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from + 1; i < to; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1]!;
    // A quotation is its speaker's own clause: "told AP, “The battle against Daesh has ended”".
    if (prev.text === ";" || prev.text === ":" || QUOTE_MARKS.has(prev.text) || QUOTE_MARKS.has(t.text))
      out.push(i);
    else if (
      CLAUSE_OPENERS.has(t.lower) &&
      t.lower !== "and" &&
      (t.pos === "SCONJ" || t.pos === "CCONJ" || prev.text === ",")
    )
      out.push(i);
    else if (t.lower === "and" && prev.text === ",") out.push(i);
  }
  return out;
}

/**
 * ", officials said" / ", according to police" after the act: the clause's actors end before it,
 * so the speaker is not taken for the target.
 */
function reportTail(tokens: Token[], from: number, end: number): number {
  for (let i = from; i < end; i++) {
    if (tokens[i]!.text !== ",") continue;
    for (let j = i + 1; j < end && tokens[j]!.text !== ","; j++) {
      const w = tokens[j]!;
      if (
        eventDictionary.cues.reportingLemmas.has(w.lemma) ||
        (w.lower === "according" && tokens[j + 1]?.lower === "to")
      )
        return i;
    }
  }
  return end;
}

/** ", which played a role in defeating ...,": relative clauses to skip, as token ranges. */
function relativeSpans(tokens: Token[], from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = from + 1; i < to; i++) {
    // ", which played a role" and "Macedonia which is preparing": after a comma or a name.
    const prev = tokens[i - 1]!;
    if ((prev.text === "," || prev.pos === "PROPN") && RELATIVES.has(tokens[i]!.lower)) {
      let j = i + 1;
      while (j < to && tokens[j]!.text !== "," && tokens[j]!.text !== ";") j++;
      out.push([i, j]);
    }
  }
  return out;
}

/** "agreed to share", "demanded that ...", "calling for the withdrawal": the trigger fills another's slot. */
function isComplement(tokens: Token[], i: number, from: number): boolean {
  for (let k = i - 1; k >= Math.max(from, i - 5); k--) {
    const w = tokens[k]!.lower;
    // "denied accusations that its forces had fired": a "that" clause, subject and all.
    if (w === "that") return true;
    // "agreed to share", "calling for the withdrawal", "accused of violating": right before it,
    // past adverbs and articles only ("of priorities as America redeploys" is no complement).
    const adjacent = tokens
      .slice(k + 1, i)
      .every((t) => t.pos === "ADV" || t.pos === "DET" || t.pos === "ADJ");
    if ((w === "to" || w === "for" || w === "of") && adjacent) return true;
    // "prepared to resume shelling", "continued their push": an aspect verb hands on its content.
    if (ASPECTUAL.has(tokens[k]!.lemma)) return true;
    if (tokens[k]!.pos === "VERB" || tokens[k]!.pos === "PUNCT") return false;
  }
  return false;
}

/** A mention that can be a subject: not the object of a preposition, not a modifier ("Iran-allied"). */
function subjectLike(tokens: Token[], m: MentionRef): boolean {
  const next = tokens[m.tokenEnd];
  if (next?.text === "-" && next.start === tokens[m.tokenEnd - 1]!.end) return false;
  let k = m.tokenStart - 1;
  while (
    k >= 0 &&
    ["DET", "ADJ", "NUM"].includes(tokens[k]!.pos) &&
    tokens[k]!.sentence === tokens[m.tokenStart]!.sentence
  )
    k--;
  const before = tokens[k];
  if (!before || before.sentence !== tokens[m.tokenStart]!.sentence) return true;
  if (before.lower === "by") return false;
  // "opened fire to disperse demonstrators": the object of an act is not its subject.
  // ("Iran-allied militias": a hyphened participle is a modifier, not a verb.)
  const compound = tokens[k - 1]?.text === "-" && tokens[k - 1]!.end === before.start;
  if (before.pos === "VERB" && !compound && !eventDictionary.cues.reportingLemmas.has(before.lemma))
    return false;
  // "Thousands of Iraqi Kurds", "a group of Moroccan diplomats": the quantity's "of" keeps the subject.
  if (
    before.lower === "of" &&
    (tokens[k - 1]?.pos === "NUM" || QUANTITY_NOUNS.has(tokens[k - 1]?.lower ?? ""))
  )
    return true;
  return !PREPOSITIONS.has(before.lower) || isPossessive(tokens, m);
}

function isPossessive(tokens: Token[], m: MentionRef): boolean {
  return /^['\u2019]s?$/.test(tokens[m.tokenEnd]?.text ?? "");
}

/**
 * The actors before the trigger: the nearest subject-like mention and those coordinated with
 * it ("Senior Hungarian and Romanian officials agreed"); a pronoun subject is marked for
 * resolution ("Hungary has said it will support").
 */
function subjectOf(
  tokens: Token[],
  mentions: MentionRef[],
  clause: number,
  trigger: number,
  sentenceStart: number,
): string[] {
  const before = (from: number) =>
    mentions.filter((m) => m.tokenStart >= from && m.tokenEnd <= trigger && subjectLike(tokens, m));
  // After a reporting verb the embedded clause has its own subject: "said [it] will support".
  let from = clause;
  for (let i = trigger - 1; i > clause; i--) {
    if (eventDictionary.cues.reportingLemmas.has(tokens[i]!.lemma)) {
      from = i + 1;
      break;
    }
  }
  let found = before(from);
  if (found.length === 0) {
    for (let i = trigger - 1; i >= from; i--)
      if (SUBJECT_PRONOUNS.has(tokens[i]!.lower) && tokens[i]!.pos === "PRON") return ["pronoun"];
    found = before(clause);
  }
  if (found.length === 0 && clause !== sentenceStart) {
    for (let i = trigger - 1; i >= clause; i--)
      if (SUBJECT_PRONOUNS.has(tokens[i]!.lower) && tokens[i]!.pos === "PRON") return ["pronoun"];
  }
  if (found.length === 0) return [];
  // The nearest one and everything coordinated with it.
  const group = [found[found.length - 1]!];
  for (let k = found.length - 2; k >= 0; k--) {
    const gap = tokens.slice(found[k]!.tokenEnd, group[0]!.tokenStart);
    if (
      gap.every(
        (t) => t.lower === "and" || t.text === "," || t.pos === "ADJ" || t.pos === "DET" || t.pos === "NOUN",
      )
    )
      group.unshift(found[k]!);
    else break;
  }
  return [...new Set(group.map((m) => m.entity))];
}

/** "Hungary has said it will support": the pronoun is the sentence's first subject, else the last event's. */
function resolvePronoun(
  tokens: Token[],
  mentions: MentionRef[],
  trigger: number,
  previous: string[],
): string[] {
  const earlier = mentions.find((m) => m.tokenEnd <= trigger && subjectLike(tokens, m));
  return earlier ? [earlier.entity] : previous;
}

/**
 * "Bosnian Serbs said their forces had completed their withdrawal": a source with no country,
 * owned by a possessive pronoun, belongs to the sentence's first subject.
 */
function withOwner(
  tokens: Token[],
  mentions: MentionRef[],
  source: string[],
  trigger: number,
  byId: ReadonlyMap<string, Entity>,
): string[] {
  if (source.length === 0 || source.some((id) => byId.get(id)?.actor?.country)) return source;
  const m = mentions.find((m) => m.entity === source[0] && m.tokenEnd <= trigger);
  if (!m || !["their", "its", "his", "her"].includes(tokens[m.tokenStart - 1]?.lower ?? "")) return source;
  const owner = mentions.find(
    (o) => o.tokenEnd <= m.tokenStart && subjectLike(tokens, o) && byId.get(o.entity)?.actor?.country,
  );
  return owner ? [owner.entity, ...source] : source;
}

/** "was attacked by Burundian militiamen": the agent of a passive verb, [] when none is named. */
function passiveAgent(
  tokens: Token[],
  mentions: MentionRef[],
  after: number,
  end: number,
): string[] | undefined {
  const verb = tokens[after - 1]!;
  const aux = tokens[after - 2];
  const aux2 = tokens[after - 3];
  const passive =
    /(ed|en|wn|ne)$/.test(verb.lower) &&
    ((aux && BE.has(aux.lower)) || (aux2 && BE.has(aux2.lower) && aux?.pos === "ADV"));
  // "is committed to opening": a participle before an infinitive is a state, not a passive.
  if (!passive || tokens[after]?.lower === "to") return undefined;
  for (let i = after; i < Math.min(end, after + 3); i++) {
    if (tokens[i]!.lower === "by") {
      const m = mentions.find((m) => m.tokenStart > i && m.tokenStart <= i + 4);
      if (m) return [m.entity];
    }
  }
  // "it was released on Tuesday": the subject underwent the act; who did it is not said.
  return [];
}

/** The first actors after the trigger in its clause: object, or after "against", "on", "to", "with". */
function objectOf(
  tokens: Token[],
  mentions: MentionRef[],
  after: number,
  end: number,
  source: string[],
): string[] {
  const candidates = mentions.filter(
    (m) =>
      m.tokenStart >= after &&
      m.tokenEnd <= end &&
      !source.includes(m.entity) &&
      tokens[m.tokenEnd]?.text !== "-",
  );
  const m = candidates[0];
  return m ? [m.entity] : [];
}

/** "the withdrawal of U.S. troops": a nominal trigger's agent after "of" or "by". */
function nominalAgent(tokens: Token[], mentions: MentionRef[], after: number, end: number): string[] {
  if (!["of", "by"].includes(tokens[after]?.lower ?? "")) return [];
  const m = mentions.find((m) => m.tokenStart > after && m.tokenStart <= after + 3 && m.tokenEnd <= end);
  return m ? [m.entity] : [];
}

/** Each cue word or two-word phrase of the modality lists -> the cue classes that list it. */
const CUE_CLASSES = new Map<string, string[]>();
for (const [name, words] of Object.entries(eventDictionary.cues)) {
  for (const w of words) CUE_CLASSES.set(w, [...(CUE_CLASSES.get(w) ?? []), name]);
}
const NO_CUES: readonly string[] = [];
/** What a cue phrase's words before its last space can be: only after one is a pair worth looking up. */
const CUE_PAIR_STARTS = new Set([...CUE_CLASSES.keys()].flatMap((w) => beforeSpaces(w)));

/** Cue classes found between the clause start and the trigger ("is expected to", "will not"). */
function cueWindow(tokens: Token[], clause: number, trigger: number, sentenceStart: number): Set<string> {
  const found = new Set<string>();
  const from = Math.max(clause, sentenceStart, trigger - 8);
  // Typographic apostrophes read as plain ones: "doesn’t" is "does" + "n't".
  const plain = (t: Token) => (t.lower.includes("\u2019") ? t.lower.replace(/\u2019/g, "'") : t.lower);
  let previous = "";
  for (let i = from; i < trigger; i++) {
    const w = plain(tokens[i]!);
    for (const name of CUE_CLASSES.get(w) ?? NO_CUES) found.add(name);
    if (i > from && CUE_PAIR_STARTS.has(previous))
      for (const name of CUE_CLASSES.get(`${previous} ${w}`) ?? NO_CUES) found.add(name);
    previous = w;
  }
  return found;
}

function hasCondition(tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (eventDictionary.cues.condition.has(tokens[i]!.lower)) return true;
  return false;
}

/** The word before a place, past articles and adjectives: "in" for "in western Iraq". */
function prepositionBefore(tokens: Token[], offset: number): string {
  let k = firstTokenAt(tokens, offset) - 1;
  while (k >= 0 && ["DET", "ADJ", "NUM"].includes(tokens[k]!.pos)) k--;
  return tokens[k]?.lower ?? "";
}

/**
 * Where the event happened: a place after a locative preposition ("in Iraq", "on Afghan soil"),
 * the destination for a movement ("redeploys the forces to Afghanistan"); never a place that is
 * one of the actors ("U.S. troops").
 */
function choosePlace(
  places: { id: string; start: number; end: number }[],
  tokens: Token[],
  c: Candidate,
  type: PloverType,
  actors: MentionRef[],
): string | undefined {
  const at = tokens[c.token]!.start;
  const prepOf = (p: { start: number }) => prepositionBefore(tokens, p.start);
  const isActor = (p: { start: number; end: number }) =>
    actors.some((m) => tokens[m.tokenStart]!.start < p.end && p.start < tokens[m.tokenEnd - 1]!.end);
  const located = places.filter((p) => LOCATIVE_PREPOSITIONS.has(prepOf(p)) && !isActor(p));
  const after = located.filter((p) => p.start >= at);
  if (type === "MOBILIZE") {
    const dest = after.find((p) => DESTINATION.has(prepOf(p)));
    if (dest) return dest.id;
  }
  return (after[0] ?? located[0])?.id;
}

/** Deaths counted by a lethal trigger; the lowest figure when several are given. */
function countDead(
  tokens: Token[],
  c: Candidate,
  end: number,
  figures: { value?: number; low?: number; counts?: string }[],
): number | undefined {
  const lethal =
    LETHAL.has(tokens[c.token]!.lemma.toLowerCase()) ||
    LETHAL.has(tokens[c.token]!.lower) ||
    tokens.slice(c.end, end).some((t) => t.lower === "killing" || t.lower === "killed");
  if (!lethal) return undefined;
  const values: number[] = [];
  for (const q of figures) {
    const v = q.low ?? q.value;
    if (v !== undefined && (!q.counts || VICTIMS.test(q.counts))) values.push(v);
  }
  if (values.length === 0) {
    // Without the quantities layer: a plain numeral before a victim noun ("killed 12 civilians").
    for (let i = c.end; i < end - 1; i++) {
      const n = Number(tokens[i]!.text.replace(/,/g, ""));
      if (tokens[i]!.pos === "NUM" && Number.isFinite(n) && VICTIMS.test(tokens[i + 1]!.lower))
        values.push(n);
    }
  }
  return values.length ? Math.min(...values) : undefined;
}

function modalityOf(
  tokens: Token[],
  c: Candidate,
  s: { tokenStart: number; tokenEnd: number },
  cues: Set<string>,
  negated: boolean,
  condition: boolean,
): Modality {
  if (negated) return "negated";
  if (cues.has("hypothetical") || (condition && cues.has("future"))) return "hypothetical";
  if (cues.has("expected")) return "expected";
  if (cues.has("hedged")) return "hedged";
  // "killed an estimated 200 people": the figure, not the act, is estimated.
  for (let i = c.end; i < Math.min(s.tokenEnd, c.end + 4); i++)
    if (tokens[i]!.lower === "estimated") return "estimated";
  if (cues.has("estimated") && tokens[c.token - 1]?.lower === "estimated") return "estimated";
  return reportedOrAsserted(tokens, c, s);
}

/** "reported" when the sentence says who says so ("police said", "according to"), else "asserted". */
function reportedOrAsserted(
  tokens: Token[],
  c: Candidate,
  s: { tokenStart: number; tokenEnd: number },
): Modality {
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const w = tokens[i]!;
    if (
      i !== c.token &&
      (eventDictionary.cues.reportingLemmas.has(w.lemma) ||
        (w.lower === "according" && tokens[i + 1]?.lower === "to"))
    )
      return "reported";
  }
  return "asserted";
}

/** The reporting verb nearest before `before` in the clause, or -1. */
function lastReportingVerb(tokens: Token[], clause: number, before: number): number {
  for (let i = before - 1; i >= clause; i--)
    if (eventDictionary.cues.reportingLemmas.has(tokens[i]!.lemma)) return i;
  return -1;
}

export const eventsStage = defineStage({
  name: "events",
  requires: ["entities"],
  uses: ["places", "times", "quantities", "quotes"],
  run: (doc) => ({ items: extractEvents(doc).map((e, i) => ({ id: `ev${i + 1}`, ...e })) }),
});
