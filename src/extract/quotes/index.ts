// Quotes and who said them: direct quotes in marks, mixed quotes (a reported clause quoting part
// of the words) and indirect speech after reporting cues, each with its speaker (name plus
// description, or an anonymous description), the outlet that relays it, and the rule that found it.
import type { Entity, Quote, Section } from "../../core/schema.js";
import { SpanIndex } from "../../core/spans.js";
import { type Sentence, startsUpper, type Token } from "../../nlp/index.js";
import { type AnalysedDoc, defineStage } from "../stage.js";
import { type Frame, type Lexicon, lexicon, type VerbEntry } from "./lexicon.js";
import { pairQuoteMarks, type Segment, segmentAt } from "./marks.js";
import { isCapitalised, type SpeakerMention, SpeakerParser, singular } from "./speakers.js";

interface Cue {
  first: number;
  last: number;
  lemma: string;
  frames: ReadonlySet<Frame>;
  /** A stance adjective after "be": "is confident that". */
  adjective?: true;
}

/** One attribution before its quote is built: content, cue, speaker mention and channel. */
interface Attribution {
  contentStart: number;
  contentEnd: number;
  cue: Cue;
  speaker: SpeakerMention | null;
  /** A speaker taken over from another attribution: ", adding that ..." */
  inherit?: Attribution;
  channel?: string;
  rule: string;
  /** No speaker is named, but someone is implied: "he has been criticized for …". */
  implicit?: true;
  sentence: number;
  /** The attribution's own words (cue and speaker), to cut from content it sits inside. */
  ownStart: number;
  ownEnd: number;
}

interface ResolvedSpeaker {
  name: string | null;
  /** Head noun of an unnamed speaker, singular: "contractor". */
  head?: string;
  description?: string;
  anonymous: boolean;
  span?: { start: number; end: number };
  person: boolean;
  plural: boolean;
}

/** The modal verbs, written out: "would back", "could document". */
const MODAL_VERBS = ["will", "would", "could", "should", "may", "might", "must", "can", "shall"];
const AUX_OR_ADVERB = new Set([
  "has",
  "have",
  "had",
  "is",
  "was",
  "were",
  "are",
  "am",
  "be",
  "been",
  "being",
  ...MODAL_VERBS,
  "did",
  "does",
  "do",
  // "won't", "can't" split by the tokenizer: "wo" + "n't"
  "wo",
  "ca",
  "also",
  "repeatedly",
  "reportedly",
  "previously",
  "later",
  "earlier",
  "then",
  "now",
  "once",
  "again",
  "not",
  "n't",
  "n’t",
  "'ll",
  "’ll",
  "'d",
  "’d",
  "'ve",
  "’ve",
  "never",
  "further",
  "recently",
  "publicly",
  "privately",
  "openly",
  "flatly",
  "already",
  "still",
  "long",
  "often",
  "frequently",
  "firmly",
  "strongly",
  "subsequently",
  "separately",
  "first",
  "initially",
  "finally",
  "simply",
  "just",
  "even",
  "only",
  "actually",
  "clearly",
]);
/** Verbs of causing whose object is the subject of a following "to" + cue: "forced the banker to admit". */
const CONTROL_FORMS = new Set(
  ["force", "prompt", "compel", "pressure", "persuade", "convince", "oblige", "spur", "drive"].flatMap(
    (v) => [v, `${v}s`, v.endsWith("e") ? `${v}d` : `${v}ed`],
  ),
)
  .add("led")
  .add("leads")
  .add("lead")
  .add("drove")
  .add("driven")
  .add("got")
  .add("gets");
/** Marks inside the object of a verb of causing: "Sen. Ann Lee (D-Ore.)". */
const CONTROL_OBJECT_MARKS = new Set([".", "-", "(", ")"]);
/** Prepositions before a gerund that opens a sentence: "In defending his record, Moss ...". */
const OPENING_PREPOSITIONS = new Set([
  "in",
  "by",
  "after",
  "before",
  "while",
  "when",
  "without",
  "upon",
  "since",
]);
/** Verbs that voice a stance named by a noun: "expressed concern about", "voiced support for". */
const VOICING_VERBS = new Set(["express", "voice", "signal", "register", "reiterate", "repeat", "show"]);
/** Words before "from" that keep what follows: "aside from saying ...". */
const SAVE_WORDS = new Set(["aside", "apart"]);
/** Modal verbs, after which a cue is a verb whatever its tag: "would back", "could document". */
const MODALS = new Set([...MODAL_VERBS, "'ll", "’ll", "'d", "’d"]);
/** The frames of a cue that names none ("according to"): one set for all, never written to. */
const NO_FRAMES: ReadonlySet<Frame> = new Set();

/** Whether the words after token `t` are `rest`: "according" + ["to"]. */
function restFollows(tokens: readonly Token[], t: number, rest: readonly string[]): boolean {
  for (let i = 0; i < rest.length; i++) if (tokens[t + 1 + i]?.lower !== rest[i]) return false;
  return true;
}

const CLAUSE_PUNCT = new Set([",", ";", ":", "—", "–", "―", "--", "(", ")"]);
const QUOTE_TOKENS = /^["“”„«»‘’']+$/;
/** The characters of QUOTE_TOKENS by code: a token opening with none of them is tested no further. */
const QUOTE_CHAR_CODES = new Set([...`"“”„«»‘’'`].map((c) => c.charCodeAt(0)));
const WEEKDAYS =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|earlier|later|recently|again|also|privately|publicly)$/;
/** Nouns of the adjunct that names a medium: "in a statement", "in an interview with NBC". */
const ADJUNCT_STARTS = new Set([
  "of",
  "about",
  "in",
  "on",
  "at",
  "during",
  "after",
  "before",
  "to",
  "with",
  "via",
  "through",
  "from",
  "last",
  "this",
  "late",
  "early",
]);
const CLAUSE_JOINERS = new Set([
  "and",
  "but",
  "though",
  "although",
  "while",
  "whereas",
  "yet",
  "so",
  "or",
  "because",
  "as",
  "even",
]);
/** Words that open an indirect question after a cue: "asked whether", "explained how" ("said when she left" is a time). */
const WH_COMPLEMENTS = new Set(["whether", "if", "how", "why", "what", "who", "which"]);
/** Conjunctions that join two main clauses: "..., but he refuses to ...". */
const COORDINATORS = new Set(["and", "but", "or", "yet", "nor"]);
const SUBORDINATORS = new Set([
  "though",
  "although",
  "while",
  "whereas",
  "because",
  "if",
  "when",
  "since",
  "unless",
  "whether",
]);
/** Conjunctions after a comma that start the reporter's own clause: ", although he refused". */
const REPORTER_CLAUSES = new Set(["although", "though", "whereas", "while"]);
/** Sentence adverbs set off by commas between a subject and its verb: "Critics, however, say". */
const PARENTHETICAL_ADVERBS = new Set([
  "however",
  "meanwhile",
  "though",
  "too",
  "instead",
  "nonetheless",
  "nevertheless",
  "moreover",
  "likewise",
  "similarly",
  "therefore",
  "also",
]);
/** Prepositions after a comma that open the reporter's own setting: ", despite weeks of ...", ", aside from ...". */
const REPORTER_PHRASES = new Set(["despite", "amid", "aside"]);
/** Words that open the reporter's adverbial after an object: "… during the debate", "… after hackers struck". */
const PHRASE_ENDERS = new Set([
  "during",
  "before",
  "after",
  "since",
  "when",
  "while",
  "because",
  "until",
  "amid",
  "despite",
]);
/** Verbs that link a subject to a stance adjective: "is confident", "remained wary of". */
const COPULAS = new Set([
  "is",
  "are",
  "was",
  "were",
  "be",
  "been",
  "being",
  "am",
  "'s",
  "’s",
  "'re",
  "’re",
  "seem",
  "seems",
  "seemed",
  "remain",
  "remains",
  "remained",
  "appear",
  "appears",
  "appeared",
  "become",
  "becomes",
  "became",
]);
/** Words of degree between a copula and its adjective: "is too sure", "was very critical of". */
const DEGREE_WORDS = new Set([
  "too",
  "very",
  "so",
  "quite",
  "more",
  "less",
  "most",
  "all",
  "also",
  "not",
  "n't",
  "n’t",
]);
/** Rules of stances and aims, which another attribution's content may hold. */
const NESTABLE_RULE = / (object|to-clause)$/;
/** Rules of a reported clause ("said that ...", "says the plan failed"), which may hold another. */
const REPORTED_CLAUSE_RULE = / (that|clause|wh-clause)$/;
/** Conjunctions that open the reporter's clause of time or cause after an aim. */
const CLAUSE_OPENERS = new Set([
  "as",
  "so",
  "after",
  "before",
  "when",
  "while",
  "because",
  "since",
  "until",
  "although",
  "though",
]);
/** Prepositions that open the setting of an act: "in a statement", "at a rally", "on Thursday". */
const SETTING_PREPOSITIONS = new Set(["in", "at", "on", "during", "over", "via", "through"]);
const ADVERBIAL_OPENERS = new Set(["after", "before", "once", "until", "as", "upon"]);
const RELATIVES = new Set(["who", "which"]);
const PLURAL_AUXILIARIES = new Set(["have", "are", "were", "do"]);
/** Verbs of an infinitive of purpose after an object: "... to help explain", "... to ensure". */
const PURPOSE_VERBS = new Set(["help", "ensure", "avoid", "prevent"]);
/** Adverbs that stand for the last item of a list of places: "China, Russia and elsewhere". */
const LIST_CLOSING_ADVERBS = new Set(["elsewhere", "abroad", "overseas", "beyond"]);
/** Words after a comma that go on describing a stance's object: ", including …". */
const OBJECT_MODIFIER_OPENERS = new Set(["including", "especially", "particularly"]);
/** Pronouns that may stand alone as a stance's object: "criticized him", "cited it". */
const OBJECT_PRONOUNS = new Set(["him", "her", "them", "it", "us", "me", "you", "one"]);
/** Particles of issuing verbs before their object: "fired off a letter", "put out a statement". */
const ISSUING_PARTICLES = new Set(["out", "off", "up"]);
/** Prepositions before the topic of a spoken message: "speeches on trade", "a briefing about the storm". */
const TOPIC_PREPOSITIONS = new Set(["on", "about"]);
const NEGATIONS = new Set(["not", "n't", "never"]);
/** Conjunctions before a participle whose subject is the clause's: "before asking her, “…”". */
const PARTICIPLE_OPENERS = new Set(["before", "after", "while", "when", "by", "without", "upon"]);
const SUBJECT_PRONOUNS = new Set(["he", "she", "they", "it", "we", "i", "you"]);
/** Verbs of seeming, trying and going on that carry an infinitive cue: "appeared to suggest". */
const CATENATIVE_FORMS = new Set(
  [
    "appear",
    "seem",
    "continue",
    "try",
    "begin",
    "start",
    "manage",
    "fail",
    "tend",
    "proceed",
    "attempt",
  ].flatMap((v) => [
    v,
    `${v}s`,
    v.endsWith("e") ? `${v}d` : v.endsWith("y") ? `${v.slice(0, -1)}ied` : `${v}ed`,
  ]),
)
  .add("tries")
  .add("began")
  .add("begun")
  .add("continuing")
  .add("trying");
/** Verbs that name their object with a noun phrase: "called him a liar", passive "was branded a traitor by …". */
const NAMING_VERBS = new Set(["call", "label", "brand", "dub", "deem"]);
/** Pronouns that name no one: "by nobody", "by none". */
const NEGATIVE_PRONOUNS = new Set(["nobody", "none", "no", "neither"]);
/** Adjectives of ability and speed that carry an infinitive cue after a copula: "was quick to condemn", "is able to tout". */
const ABILITY_ADJECTIVES = new Set(["able", "unable", "quick", "slow", "careful", "first", "last"]);
const GO_FORMS = new Set(["go", "goes", "went", "gone", "going"]);
/** Forms of "have" before a stance noun whose holder is their subject: "had doubts about". */
const HAVE_FORMS = new Set(["have", "has", "had", "having"]);
/** Words that point back to something named before: "this question", "the same criticism". */
const ANAPHORIC_WORDS = new Set(["this", "that", "these", "those", "same", "such"]);
/** Prepositions that open the object of a received stance: "questions about", "criticism over". */
const RECEIVED_PREPOSITIONS = new Set(["about", "over", "for", "of", "on"]);
/** Conjunctions that open a clause of time after a cue: "said when she resigned". */
const TIME_CLAUSE_OPENERS = new Set(["when", "while", "after", "before", "until", "as"]);
/** Words of a stretch of time before "after"/"before" a clause: "hours after", "shortly before". */
const SPANS_OF_TIME = new Set([
  "seconds",
  "minutes",
  "hours",
  "days",
  "weeks",
  "months",
  "years",
  "moments",
  "shortly",
  "soon",
  "long",
  "just",
  "right",
  "immediately",
]);
/** Verbs of avoiding, stopping and going on before a gerund cue: "avoids condemning", "kept attacking". */
const GERUND_CARRIER_FORMS = new Set(
  ["avoid", "keep", "stop", "continue", "start", "begin", "quit", "resume"].flatMap((v) => [
    v,
    `${v}s`,
    v.endsWith("e") ? `${v}d` : `${v}ed`,
  ]),
)
  .add("kept")
  .add("began")
  .add("begun")
  .add("stopped");
/** Quantifiers that may float after a plural subject: "the senators all said". */
const FLOATING_QUANTIFIERS = new Set(["all", "both", "each"]);
/** Short words a title leaves in lower case: "Fox and Friends", "Meet the Press". */
const TITLE_SMALL_WORDS = new Set([
  "a",
  "an",
  "and",
  "at",
  "by",
  "for",
  "in",
  "of",
  "on",
  "or",
  "the",
  "to",
  "with",
]);
const DASHES = new Set(["--", "—", "–", "―"]);
const BE_FORMS = new Set(["is", "are", "was", "were", "be", "been", "being", "'s", "’s"]);
const NP_TAGS = new Set(["DET", "PROPN", "NOUN", "ADJ", "PRON", "NUM"]);
const CONTENT_SECTIONS = new Set(["body", "headline"]);

export interface QuoteOptions {
  lexicon?: Lexicon;
}

/** Finds quotes in an analysed document. Pure: the same doc always gives the same quotes. */
export function extractQuotes(doc: AnalysedDoc, options: QuoteOptions = {}): Quote[] {
  return new QuoteFinder(doc, options.lexicon ?? lexicon).run();
}

export const quotesStage = defineStage({
  name: "quotes",
  requires: [],
  uses: ["entities", "times"],
  run: (doc) => ({ items: extractQuotes(doc) }),
});

/** An entity layer's ids by lower-case name and by the last word of names that are not places. */
interface EntityNames {
  of: readonly Entity[];
  exact: Map<string, string>;
  lastWord: Map<string, string>;
}

class QuoteFinder {
  private readonly text: string;
  private names?: EntityNames;
  /** Every entity mention, with its entity's place in the layer, for the speakers' links. */
  private mentionIndex?: SpanIndex<{ start: number; end: number; order: number }>;
  /** The body's and the headline's sections: quotes are found only there. */
  private readonly content: SpanIndex<Section>;
  private readonly tokens: readonly Token[];
  private readonly sentences: readonly Sentence[];
  private readonly segments: Segment[];
  /** Segment index of each token, or -1: tokens inside marks are quoted words, not cues. */
  private readonly segmentOf: Int32Array;
  private readonly paragraphOf: Int32Array;
  /** The first token of each paragraph, by paragraph number. */
  private readonly paragraphStarts: number[] = [];
  /** Tokens that are quotation marks: curly and straight double marks, and the marks of paired segments. */
  private readonly marks: Uint8Array;
  private readonly parser: SpeakerParser;
  /** Tokens that open a time expression of the times layer: "in July", "Thursday". */
  private readonly timeStarts: Uint8Array;
  /** For a token opening a time expression, the index of the token after it; 0 elsewhere. */
  private readonly timeAfter: Int32Array;
  private anonymousHeads: Set<string> | undefined;
  private anonymousSentences: Uint8Array | undefined;

  constructor(
    private readonly doc: AnalysedDoc,
    private readonly lex: Lexicon,
  ) {
    this.text = doc.text;
    this.tokens = doc.nlp.tokens;
    this.content = new SpanIndex(doc.sections.filter((s) => CONTENT_SECTIONS.has(s.kind)));
    this.sentences = withoutDatelines(doc.nlp.sentences, doc.sections, doc.nlp.tokens);
    this.segments = pairQuoteMarks(this.text);
    this.segmentOf = new Int32Array(this.tokens.length).fill(-1);
    this.paragraphOf = new Int32Array(this.tokens.length);
    let segment = 0;
    let paragraph = 0;
    this.tokens.forEach((token, t) => {
      if (t > 0 && this.lineBreakBetween(this.tokens[t - 1]!.end, token.start)) paragraph++;
      if (paragraph === this.paragraphStarts.length) this.paragraphStarts.push(t);
      this.paragraphOf[t] = paragraph;
      while (segment < this.segments.length && this.segments[segment]!.close <= token.start) segment++;
      const s = this.segments[segment];
      if (s && s.open <= token.start && token.start < s.close) this.segmentOf[t] = segment;
    });
    this.marks = new Uint8Array(this.tokens.length);
    this.tokens.forEach((token, t) => {
      if (!QUOTE_CHAR_CODES.has(token.text.charCodeAt(0)) || !QUOTE_TOKENS.test(token.text)) return;
      const seg = this.segments[this.segmentOf[t]!];
      const atEdge = !!seg && (token.start <= seg.open + 1 || token.end >= seg.close - 1);
      if (atEdge || /^["“”„«»]+$/.test(token.text)) this.marks[t] = 1;
    });
    this.parser = new SpeakerParser(this.text, this.tokens, lex);
    this.timeStarts = new Uint8Array(this.tokens.length);
    this.timeAfter = new Int32Array(this.tokens.length);
    for (const time of doc.layers.times ?? []) {
      const t = this.tokenIndexAt(time.start);
      if (this.tokens[t]?.start !== time.start) continue;
      this.timeStarts[t] = 1;
      let after = t;
      while (after < this.tokens.length && this.tokens[after]!.start < time.end) after++;
      this.timeAfter[t] = after;
    }
  }

  private lineBreakBetween(from: number, to: number): boolean {
    for (let i = from; i < to; i++) if (this.text.charCodeAt(i) === 10) return true;
    return false;
  }

  private isMark(t: number): boolean {
    return this.marks[t] === 1;
  }

  run(): Quote[] {
    const found: Attribution[] = [];
    let intro: {
      speaker: SpeakerMention;
      paragraph: number;
      rule: string;
      cue: Cue;
      sentence: number;
    } | null = null;
    let introUsed = false;
    for (let s = 0; s < this.sentences.length; s++) {
      const sentence = this.sentences[s]!;
      if (!this.inContent(sentence.start)) continue;
      const paragraph = this.paragraphOf[sentence.tokenStart]!;
      if (intro && paragraph > intro.paragraph + 1) {
        intro = null;
      }
      const inSentence = this.findInSentence(s);
      const labelled = this.speakerLabel(sentence, s);
      if (labelled) inSentence.unshift(labelled);
      if (intro && paragraph === intro.paragraph + 1) {
        for (const a of inSentence) {
          if (intro.speaker.outlet) a.channel ??= this.mentionText(intro.speaker);
          introUsed = true;
        }
      }
      // "The Associated Press reports:" at the end of a paragraph introduces the next one.
      const colonIntro = inSentence.find((a) => a.contentStart >= sentence.end && a.rule.endsWith(":"));
      if (colonIntro?.speaker) {
        intro = {
          speaker: colonIntro.speaker,
          paragraph,
          rule: colonIntro.rule,
          cue: colonIntro.cue,
          sentence: s,
        };
        introUsed = false;
        inSentence.splice(inSentence.indexOf(colonIntro), 1);
      } else if (
        intro &&
        !introUsed &&
        paragraph === intro.paragraph + 1 &&
        this.isParagraphEnd(sentence.tokenEnd - 1)
      ) {
        // The introduced paragraph holds no attribution of its own: it is the outlet's report.
        const first = this.paragraphFirstToken(sentence.tokenStart);
        found.push({
          contentStart: this.tokens[first]!.start,
          contentEnd: sentence.end,
          cue: intro.cue,
          speaker: intro.speaker,
          rule: `${intro.rule} paragraph`,
          sentence: intro.sentence,
          ownStart: sentence.end,
          ownEnd: sentence.end,
        });
        intro = null;
      }
      found.push(...inSentence);
    }
    return this.buildQuotes(found);
  }

  /**
   * A transcript or headline label: "WALLACE: Let's start with ...", "Pence: Flowers won't be at
   * the debate". The paragraph after the colon is the labelled speaker's.
   */
  private speakerLabel(sentence: Sentence, s: number): Attribution | null {
    const tokens = this.tokens;
    let t = sentence.tokenStart;
    if (this.paragraphFirstToken(t) !== t) return null;
    if (this.isMark(t)) t++;
    let colon = this.labelColon(t);
    let nameEnd = colon - 1;
    if (colon < 0) {
      // "Ruiz on Housing: The Rents Are Too High": a topic after "on" before the colon
      let on = t;
      while (on < sentence.tokenEnd && on - t < 4 && (isCapitalised(tokens[on]!) || tokens[on]!.text === "."))
        on++;
      if (on === t || tokens[on]?.lower !== "on") return null;
      const topic = on + 1;
      colon = topic;
      while (colon < sentence.tokenEnd && colon - topic < 4 && isCapitalised(tokens[colon]!)) colon++;
      if (colon === topic || tokens[colon]?.text !== ":") return null;
      nameEnd = on - 1;
    }
    if (colon >= sentence.tokenEnd) return null;
    for (let u = t; u <= nameEnd; u++) if (this.lex.verbsByFirstWord.has(tokens[u]!.lower)) return null;
    const speaker = this.parser.parse(t, nameEnd);
    if (!speaker?.name || speaker.pronoun) return null;
    // "WALLACE:" in a transcript, "Mike Pence:" or a name the article uses again; not "Update:"
    const label = tokens[t]!;
    const allCaps =
      nameEnd === t ? /^[A-Z]{2,}$/.test(label.text) : speaker.name === speaker.name.toUpperCase();
    if (!allCaps && !this.parser.looksLikePerson(speaker) && !this.namedAgain(label.text, colon)) return null;
    let last = colon + 1;
    while (last + 1 < tokens.length && this.paragraphOf[last + 1] === this.paragraphOf[colon]) last++;
    if (last - colon < 3) return null;
    last = this.turnEnd(last);
    const cue: Cue = { first: colon, last: colon, lemma: ":", frames: new Set() };
    return {
      contentStart: tokens[colon + 1]!.start,
      contentEnd: tokens[last]!.end,
      cue,
      speaker,
      rule: "speaker label: paragraph",
      sentence: s,
      ownStart: tokens[t]!.start,
      ownEnd: tokens[colon]!.end,
    };
  }

  /**
   * The last token of a quoted transcript turn that runs on over paragraphs with no label of their
   * own: "“HOST: Where were you?\n\n“MAYOR: At the dam.\n\n“The water rose fast." gives the mayor
   * both paragraphs. A new label or a stage direction ("(CROSSTALK)") ends the turn.
   */
  private turnEnd(last: number): number {
    const tokens = this.tokens;
    let end = last;
    while (end + 1 < tokens.length && this.segments[this.segmentOf[end]!]?.continues) {
      let next = end + 1;
      if (this.isMark(next)) next++;
      if (tokens[next]?.text === "(" || this.labelColon(next) >= 0) break;
      end = next;
      while (end + 1 < tokens.length && this.paragraphOf[end + 1] === this.paragraphOf[next]) end++;
    }
    return end;
  }

  /** The colon closing a label of up to four capitalised words at token `t` ("WALLACE:"), or -1. */
  private labelColon(t: number): number {
    const tokens = this.tokens;
    let colon = t;
    while (
      colon < tokens.length &&
      colon - t < 4 &&
      this.paragraphOf[colon] === this.paragraphOf[t] &&
      (isCapitalised(tokens[colon]!) || tokens[colon]!.text === ".")
    )
      colon++;
    return colon > t && tokens[colon]?.text === ":" ? colon : -1;
  }

  /** Whether a word recurs later as the last part of a full name: "Pence" in "Mike Pence said". */
  private namedAgain(word: string, after: number): boolean {
    for (let t = after + 1; t < this.tokens.length; t++) {
      const tok = this.tokens[t]!;
      const prev = this.tokens[t - 1]!;
      if (tok.text === word && prev.pos === "PROPN" && isCapitalised(prev) && prev.sentence === tok.sentence)
        return true;
    }
    return false;
  }

  private inContent(offset: number): boolean {
    if (this.doc.sections.length === 0) return true;
    return this.content.covers(offset);
  }

  private isParagraphEnd(t: number): boolean {
    return t + 1 >= this.tokens.length || this.paragraphOf[t + 1] !== this.paragraphOf[t];
  }

  private paragraphFirstToken(t: number): number {
    return this.paragraphStarts[this.paragraphOf[t]!]!;
  }

  private mentionText(m: SpeakerMention): string {
    return m.name ?? this.text.slice(m.start, m.end);
  }

  // ---- cues

  /** Reporting cues of a sentence outside quotation marks, in order. */
  private cuesOf(s: Sentence): Cue[] {
    const cues: Cue[] = [];
    const tokens = this.tokens;
    // Counted once per sentence, and only when a capitalised cue asks.
    let titleCase: boolean | undefined;
    for (let t = s.tokenStart; t < s.tokenEnd; t++) {
      if (this.segmentOf[t]! >= 0) continue;
      const token = tokens[t]!;
      if (token.lower === "according" && tokens[t + 1]?.lower === "to") {
        cues.push({ first: t, last: t + 1, lemma: "according to", frames: NO_FRAMES });
        t++;
        continue;
      }
      const entries = this.lex.verbsByFirstWord.get(token.lower);
      if (!entries) continue;
      // A capitalised cue mid-sentence is a name ("Will Hurd"), except in headline case.
      if (startsUpper(token.text) && t > s.tokenStart && !(titleCase ??= this.isTitleCase(s))) continue;
      // "is worried that": after a form of "be" the stance adjective before the passive verb;
      // "is questioning the vote" stays a verb
      let entry: VerbEntry | undefined;
      if (this.afterCopula(t))
        for (const e of entries) {
          if (e.adjective && restFollows(tokens, t, e.rest)) {
            entry = e;
            break;
          }
        }
      if (!entry)
        for (const e of entries) {
          if (!e.adjective && restFollows(tokens, t, e.rest) && this.verbLike(t)) {
            entry = e;
            break;
          }
        }
      if (!entry) continue;
      cues.push({
        first: t,
        last: t + entry.rest.length,
        lemma: entry.lemma,
        frames: entry.frames,
        ...(entry.adjective ? { adjective: true as const } : {}),
      });
      t += entry.rest.length;
    }
    return cues;
  }

  /** Whether a word follows one of `auxiliaries`, negations and adverbs between: "would back", "will not back". */
  private afterModal(t: number, auxiliaries: ReadonlySet<string>): boolean {
    let j = t - 1;
    while (j >= 0 && t - j <= 3 && (this.tokens[j]!.pos === "PART" || this.tokens[j]!.pos === "ADV")) j--;
    const tok = this.tokens[j];
    return !!tok && tok.pos === "AUX" && auxiliaries.has(tok.lower);
  }

  /** Whether a word follows a form of "be", "seem" or "remain": "is not so sure", "remained confident". */
  private afterCopula(t: number): boolean {
    let j = t - 1;
    while (
      j >= 0 &&
      (this.tokens[j]!.pos === "ADV" ||
        this.tokens[j]!.pos === "PART" ||
        DEGREE_WORDS.has(this.tokens[j]!.lower))
    )
      j--;
    return j >= 0 && COPULAS.has(this.tokens[j]!.lower);
  }

  /** A form of "be" right before a word, adverbs allowed between; "'s" only as the verb ("he's", not "Lee's"). */
  private afterBeForm(t: number): boolean {
    let j = t - 1;
    while (j >= 0 && t - j <= 3 && this.tokens[j]!.pos === "ADV") j--;
    const tok = this.tokens[j];
    if (!tok || !BE_FORMS.has(tok.lower)) return false;
    return !(tok.lower === "'s" || tok.lower === "’s") || tok.pos === "AUX";
  }

  private isTitleCase(s: Sentence): boolean {
    let capitals = 0;
    let words = 0;
    for (let t = s.tokenStart; t < s.tokenEnd; t++) {
      const tok = this.tokens[t]!;
      if (tok.type !== "word") continue;
      words++;
      if (startsUpper(tok.text)) capitals++;
    }
    return words > 2 && capitals / words > 0.7;
  }

  /** Rules out noun uses ("the report", "a claim") and infinitives after determiners. */
  private verbLike(t: number): boolean {
    const token = this.tokens[t]!;
    const prev = this.tokens[t - 1];
    if (this.opensListItem(t)) return true;
    // "he's claiming", "is promising to help" (tagged as an adjective): a progressive is a verb
    if (token.lower.endsWith("ing") && this.afterBeForm(t)) return true;
    // "cities that support the rules": after a relative "that", a word before its object is the verb
    if (
      prev?.lower === "that" &&
      ["NOUN", "PROPN"].includes(this.tokens[t - 2]?.pos ?? "") &&
      ["DET", "PRON", "PROPN", "NUM"].includes(this.tokens[t + 1]?.pos ?? "")
    )
      return true;
    // "the senators all said": a quantifier after its subject, not a determiner
    if (prev && FLOATING_QUANTIFIERS.has(prev.lower) && this.floatingQuantifier(t - 1, 0)) return true;
    // "..., each touting their record": a quantifier after a comma as the participle's subject
    if (
      prev &&
      FLOATING_QUANTIFIERS.has(prev.lower) &&
      this.tokens[t - 2]?.text === "," &&
      token.lower.endsWith("ing")
    )
      return true;
    if (prev && (prev.pos === "DET" || POSSESSIVE_WORDS.has(prev.lower))) return false;
    // "their widely disputed figures": a participle between a determiner and its noun describes it
    if (
      prev?.pos === "ADV" &&
      /(ed|en)$/.test(token.lower) &&
      ["NOUN", "ADJ"].includes(this.tokens[t + 1]?.pos ?? "")
    ) {
      let j = t - 1;
      while (j > 0 && this.tokens[j]!.pos === "ADV") j--;
      if (this.tokens[j]!.pos === "DET" || POSSESSIVE_WORDS.has(this.tokens[j]!.lower)) return false;
    }
    // "would back the nominee", "will not back the plan": after a modal the tagger's adverb or
    // noun reading ("back", "document") is the verb
    if (this.afterModal(t, MODALS)) return true;
    // "has belittled the warnings": a participle after a form of "have" is the perfect's verb
    if (/(ed|en)$/.test(token.lower) && this.afterModal(t, HAVE_FORMS)) return true;
    // "The ad then references ...", "has also detailed ...": a verb form after an adverb of the clause
    if (
      prev &&
      prev.pos === "ADV" &&
      AUX_OR_ADVERB.has(prev.lower) &&
      /(s|ed)$/.test(token.lower) &&
      ["NOUN", "PROPN", "PRON", "AUX"].includes(this.tokens[t - 2]?.pos ?? "")
    )
      return true;
    // "so-called", "well-known": part of a compound word
    if (prev && prev.text === "-" && prev.end === token.start) return false;
    if (prev?.pos === "ADJ" && token.pos !== "VERB") return false;
    if (prev && prev.lower === "to") return this.catenativeBefore(t) >= 0 || this.controllerBefore(t) >= 0;
    if (prev && prev.lower === "of") return false;
    if (token.pos === "VERB" || token.pos === "AUX") return true;
    // "The governor worries that ...", "The film documents how ...": a present form after a
    // subject noun, before a that-clause or an indirect question
    if (
      prev?.pos === "NOUN" &&
      token.lower.endsWith("s") &&
      ((this.tokens[t + 1]?.lower === "that" && this.thatRole(t + 1) === "complementizer") ||
        (WH_COMPLEMENTS.has(this.tokens[t + 1]?.lower ?? "") && this.tokens[t + 1]!.lower !== "which"))
    )
      return true;
    // "The film documents the rise of ...", "48 percent back the governor": a verb form after a
    // subject noun and before its object (the noun before it has a determiner or a number)
    // ("Exit polls show a close race": a plural subject noun needs no determiner)
    if (
      prev?.pos === "NOUN" &&
      (["DET", "NUM"].includes(this.tokens[t - 2]?.pos ?? "") ||
        (/[^s]s$/.test(prev.lower) && !/s$/.test(token.lower))) &&
      ((this.tokens[t + 1]?.pos === "DET" && !startsUpper(this.tokens[t + 1]!.text)) ||
        (this.tokens[t + 1]?.pos === "PROPN" && isCapitalised(this.tokens[t + 1]!)))
    )
      return true;
    // "the New York state attorney general": a common noun after it makes a compound, not a verb
    if (prev?.pos === "PROPN" && this.tokens[t + 1]?.pos === "NOUN" && !startsUpper(this.tokens[t + 1]!.text))
      return false;
    // "state Del. Ann Price", "battleground state Ohio", "his radio show The Hour": a noun's
    // bare form before a name modifies it
    const next = this.tokens[t + 1];
    if (
      token.pos === "NOUN" &&
      !/(s|ed|ing)$/.test(token.lower) &&
      (next?.pos === "PROPN" || (next?.pos === "DET" && prev?.pos === "PROPN")) &&
      isCapitalised(next)
    )
      return false;
    // wink tags some verbs as nouns ("notes AP"): trust the form after a comma, a pronoun, a name
    // or a time ("a panel in 2001 found ...").
    return (
      !!prev &&
      (prev.text === "," ||
        (prev.pos === "NUM" && (this.timeStarts[t - 1] === 1 || this.timeStarts[t - 2] === 1)) ||
        prev.text === ")" ||
        this.isMark(t - 1) ||
        prev.pos === "PRON" ||
        prev.pos === "PROPN" ||
        this.misreadName(t - 1))
    );
  }

  /**
   * A paragraph that opens with a verb's -s form and its object, the subject left out as in a list
   * of someone's deeds: "Calls rivals “losers.”", "Repeats false claims about the vote." The
   * tagger may read the capitalised verb as a name.
   */
  private opensListItem(t: number): boolean {
    const tok = this.tokens[t]!;
    const next = this.tokens[t + 1];
    return (
      this.paragraphStarts[this.paragraphOf[t]!] === t &&
      isCapitalised(tok) &&
      /[^s]s$/.test(tok.text) &&
      !!next &&
      ["DET", "ADJ", "NOUN", "PRON"].includes(next.pos) &&
      !startsUpper(next.text) &&
      !this.isTitleCase(this.doc.nlp.sentences[tok.sentence]!)
    );
  }

  /**
   * A capitalised word the tagger reads as a verb is a name inside a sentence ("though Cook notes
   * they were appointed": a verb is not capitalised there outside a headline) and at its start
   * before a finite verb ("Cook agreed to an interview", where an imperative would take an object).
   */
  private misreadName(t: number): boolean {
    const tok = this.tokens[t]!;
    if (tok.pos !== "VERB" || !isCapitalised(tok)) return false;
    const prev = this.tokens[t - 1];
    if (prev && prev.sentence === tok.sentence) return prev.type === "word" && !isCapitalised(prev);
    const next = this.tokens[t + 1];
    return !!next && (next.pos === "AUX" || (next.pos === "VERB" && /[^s]s$|ed$/.test(next.lower)));
  }

  // ---- attributions of one sentence

  private findInSentence(s: number): Attribution[] {
    const sentence = this.sentences[s]!;
    const cues = this.cuesOf(sentence);
    const out: Attribution[] = [];
    for (const cue of cues) {
      const a =
        cue.lemma === "according to"
          ? this.accordingTo(cue, sentence, s)
          : (this.inverted(cue, sentence, s) ?? this.forward(cue, sentence, s, out));
      if (a) out.push(a);
    }
    // "send a strong signal that ..., Lee said": an unheld claim inside someone's words is theirs
    for (const claim of this.claimNouns(sentence, s))
      if (
        claim.speaker ||
        !out.some((a) => a.contentStart <= claim.ownStart && claim.ownStart < a.contentEnd)
      )
        out.push(claim);
    // "In the latest poll, Lee leads by five points": with no cue, a poll the clause is set in speaks
    if (out.length === 0) {
      const finding = this.pollFinding(sentence, s);
      if (finding) out.push(finding);
    }
    out.sort((a, b) => a.ownStart - b.ownStart);
    // A forward content stops where a later inverted attribution begins: "He stressed that ..., notes AP."
    for (const a of out) {
      for (const b of out) {
        if (
          a !== b &&
          b.ownStart > a.contentStart &&
          b.ownStart < a.contentEnd &&
          b.contentEnd <= b.ownStart
        ) {
          if (b.contentStart <= a.cue.first) {
            // b relays a: an outlet's "notes AP" around someone's claim.
            a.contentEnd = this.trimBack(b.ownStart);
          }
        }
      }
    }
    // "Lee said the plan “will fail,” she said.": one claim said twice over; the closing "she said"
    // is dropped and the claim ends before it
    const restated = new Set<Attribution>();
    for (const a of out) {
      if (!a.speaker?.pronoun || !a.cue.frames.has("say") || a.contentEnd > a.ownStart) continue;
      const b = out.find(
        (b) =>
          b !== a &&
          REPORTED_CLAUSE_RULE.test(b.rule) &&
          b.cue.frames.has("say") &&
          b.ownStart >= a.contentStart &&
          b.ownStart <= this.skipLeading(a.contentStart) &&
          b.contentStart < a.contentEnd,
      );
      if (!b) continue;
      restated.add(a);
      b.contentEnd = Math.min(b.contentEnd, this.trimBack(a.ownStart));
    }
    // "She said she hopes to win, but she knows it is hard": beliefs inside someone's words are theirs.
    const beliefs = new Set(
      out.filter(
        (b) =>
          !b.inherit &&
          b.cue.frames.has("think") &&
          !b.cue.frames.has("say") &&
          out.some(
            (a) =>
              a !== b &&
              (a.cue.frames.has("say") || a.cue.frames.has("tell")) &&
              a.contentStart <= b.ownStart &&
              b.ownStart < a.contentEnd,
          ),
      ),
    );
    // "X said A, though she noted B" / "X stressed A and said B": A ends where B's clause begins.
    for (const a of out) {
      for (const b of out) {
        if (a === b || beliefs.has(b) || b.ownStart <= a.contentStart || b.ownStart >= a.contentEnd) continue;
        // "worried that if the deal stalled, the firm could threaten to sell": an aim or a stance
        // with its own subject inside the reported words is part of them, not a second act
        // ("..., but he refuses to discuss it" is the reporter's next clause)
        if (NESTABLE_RULE.test(b.rule) && !NESTABLE_RULE.test(a.rule) && b.speaker && !b.inherit) {
          const joiner = this.tokens[b.speaker.first - 1];
          const own = this.tokens[b.speaker.first]!.start >= a.contentStart;
          if (own && joiner && !(joiner.pos === "CCONJ" || COORDINATORS.has(joiner.lower))) continue;
        }
        const cut = this.clauseJoinBefore(this.tokenIndexAt(b.ownStart), a);
        if (cut >= 0) a.contentEnd = this.trimBack(this.tokens[cut]!.start);
      }
    }
    // "She said Lee opposes the deal", "He said he plans to run": a stance or an aim inside
    // someone's reported words is part of them.
    // "She says the review shows no files were leaked", "He notes that the board announced that
    // ...": a claim inside a reported clause is part of what the outer speaker says; so is a
    // stance noun inside any other content ("the ad references the agency's criticism of her").
    const nested = out.filter((b) =>
      out.some(
        (a) =>
          a !== b &&
          a.contentStart <= b.ownStart &&
          b.ownStart < a.contentEnd &&
          (NESTABLE_RULE.test(b.rule)
            ? !NESTABLE_RULE.test(a.rule) || b.rule.endsWith(" noun object")
            : REPORTED_CLAUSE_RULE.test(a.rule) && REPORTED_CLAUSE_RULE.test(b.rule)),
      ),
    );
    // "issued a statement saying …", "a note from her lawyer that says …": the message's words
    // are reported, not the message; "unleashed tweets mocking the mayor": a stance is the message's own
    const issued = out.filter((a) => a.rule.endsWith(" issued object"));
    const inside = (b: Attribution, a: Attribution) =>
      a !== b &&
      a.contentStart <= this.tokens[b.cue.first]!.start &&
      this.tokens[b.cue.first]!.start < a.contentEnd;
    const voiced = issued.filter((a) => out.some((b) => !NESTABLE_RULE.test(b.rule) && inside(b, a)));
    const absorbed = out.filter(
      (b) => NESTABLE_RULE.test(b.rule) && issued.some((a) => !voiced.includes(a) && inside(b, a)),
    );
    return this.relayThroughOutlets(
      out.filter(
        (a) =>
          !nested.includes(a) &&
          !beliefs.has(a) &&
          !restated.has(a) &&
          !voiced.includes(a) &&
          !absorbed.includes(a),
      ),
    );
  }

  /**
   * A claim or belief named by a noun after its holder: "the governor's claim that the dam is
   * safe", "His view is that talks are futile". Only with a possessor, who is the speaker.
   */
  private claimNouns(sentence: Sentence, s: number): Attribution[] {
    const out: Attribution[] = [];
    const tokens = this.tokens;
    for (let t = sentence.tokenStart + 1; t + 1 < sentence.tokenEnd; t++) {
      const tok = tokens[t]!;
      // Tagged nouns only are singularised: the other words of the sentence cost no string.
      if (tok.pos !== "NOUN" || this.segmentOf[t]! >= 0) continue;
      const noun = singular(tok.lower);
      // "The city sent a two-page letter", "delivered speeches on trade" (the tagger's
      // lemma singularises "speeches")
      const lemma = tok.lemma ?? noun;
      const message = this.isMessageNoun(noun) ? noun : this.isMessageNoun(lemma) ? lemma : undefined;
      if (message) {
        const issued = this.issuedMessage(t, message, sentence, s);
        if (issued) {
          out.push(issued);
          continue;
        }
      }
      // "The mayor has faced questions about the budget": a stance others hold toward the subject
      if (this.lex.receivedNouns.has(noun)) {
        const received = this.receivedStance(t, sentence, s);
        if (received) {
          out.push(received);
          continue;
        }
      }
      // "his criticism of the plan", "editorial boards' disdain for the nominee"
      if (this.lex.stanceNouns.get(noun)?.has(tokens[t + 1]!.lower)) {
        const stance = this.stanceNoun(t, sentence, s);
        if (stance) out.push(stance);
        continue;
      }
      // "Kaine is a staunch opponent of the death penalty"
      if (this.lex.holderNouns.get(noun)?.has(tokens[t + 1]!.lower)) {
        const stance = this.holderNoun(t, sentence, s);
        if (stance) out.push(stance);
        continue;
      }
      if (!(this.lex.claimNouns.has(noun) || this.lex.aimNouns.has(noun))) continue;
      // "her pledge to cut taxes", "the governor's latest effort to win back voters"
      if (tokens[t + 1]?.lower === "to" && this.lex.aimNouns.has(noun) && this.verbAfterTo(t + 1)) {
        const aim = this.aimNoun(t, sentence, s);
        if (aim) out.push(aim);
        continue;
      }
      // "his claim that", "the minister's view is that"
      let that = t + 1;
      const copula = BE_FORMS.has(tokens[that]!.lower);
      if (copula) that++;
      if (tokens[that]?.lower !== "that" || this.thatRole(that) !== "complementizer") continue;
      let holder = t - 1;
      // "his repeated emphasis that", "amid rising concerns that": a participle before the noun
      // describes it like an adjective
      while (
        holder > sentence.tokenStart &&
        (tokens[holder]!.pos === "ADJ" ||
          (tokens[holder]!.pos === "VERB" && /(ed|ing)$/.test(tokens[holder]!.lower)))
      )
        holder--;
      const speaker = this.possessor(holder, sentence.tokenStart);
      if (!speaker && !copula && this.lex.claimNouns.has(noun) && that + 1 < sentence.tokenEnd) {
        const unheld = this.unheldClaim(t, holder, that, sentence, s);
        if (unheld) out.push(unheld);
        continue;
      }
      if (!speaker || that + 1 >= sentence.tokenEnd) continue;
      const contentStart = tokens[that + 1]!.start;
      const ceiling = this.contentCeiling(sentence);
      let contentEnd = copula ? ceiling : this.clauseEnd(that + 1, ceiling);
      // "The governor's claim that the dam is safe angered residents": the sentence's own verb ends it
      if (!copula && speaker.first <= sentence.tokenStart + 1)
        contentEnd = this.beforeMainVerb(that + 1, contentEnd);
      const cue: Cue = { first: t, last: that, lemma: singular(tok.lower), frames: new Set() };
      out.push({
        contentStart,
        contentEnd,
        cue,
        speaker,
        rule: `${cue.lemma}${copula ? " is" : ""} that`,
        sentence: s,
        ownStart: tokens[speaker.first]!.start,
        ownEnd: tokens[that]!.end,
      });
    }
    return out;
  }

  /**
   * A claim noun with no holder, before its that-clause: "shadowed by charges that he misled
   * donors", "amid rising concerns that the levee will fail". Someone holds the claim, but the
   * sentence does not say who.
   */
  private unheldClaim(
    t: number,
    holder: number,
    that: number,
    sentence: Sentence,
    s: number,
  ): Attribution | null {
    const tokens = this.tokens;
    // "shadowed by charges that", "prompted a recognition that"; "The claim that the dam cracked spread
    // online" (a subject is told from a relative only by the verb after it) and "The center
    // estimates that" (a verb after its subject) are left
    const opener = tokens[holder];
    // "there was broad agreement that": the noun after an existential "there be"
    const existential = !!opener && BE_FORMS.has(opener.lower) && tokens[holder - 1]?.lower === "there";
    if (
      holder >= t ||
      !opener ||
      !(existential || opener.pos === "ADP" || (opener.pos === "DET" && holder > sentence.tokenStart))
    )
      return null;
    const contentStart = tokens[that + 1]!.start;
    const contentEnd = this.clauseEnd(that + 1, this.contentCeiling(sentence));
    if (contentEnd <= contentStart || !this.completeClause(that + 1, contentEnd)) return null;
    const lemma = singular(tokens[t]!.lower);
    return {
      contentStart,
      contentEnd,
      cue: { first: t, last: that, lemma, frames: NO_FRAMES },
      speaker: null,
      rule: `${lemma} that: unheld`,
      sentence: s,
      ownStart: tokens[t]!.start,
      ownEnd: tokens[that]!.end,
    };
  }

  /**
   * Whether a clause's first verb has what it needs after it, so that "that" before it was no
   * relative pronoun missing an object: "that he misled donors", "that the levee was too low",
   * "that the roads were closed" are whole; "(the charges) that the prosecutor filed | were
   * dropped", "(the biggest worry) that we have ever had." lack an object. An intransitive verb
   * at the end ("that he lied.") is left out with them.
   */
  private completeClause(from: number, end: number): boolean {
    const tokens = this.tokens;
    let v = from;
    while (
      v < tokens.length &&
      tokens[v]!.start < end &&
      tokens[v]!.pos !== "VERB" &&
      tokens[v]!.pos !== "AUX"
    )
      v++;
    let passive = false;
    while (tokens[v] && tokens[v]!.start < end && ["AUX", "PART", "ADV"].includes(tokens[v]!.pos)) {
      if (BE_FORMS.has(tokens[v]!.lower)) passive = true;
      v++;
    }
    const verb = tokens[v];
    if (!verb || verb.start >= end || verb.pos === "PUNCT") return false;
    // "were too low", "is a burden": a copula's predicate
    if (verb.pos !== "VERB") return passive;
    if (passive && /(ed|en)$/.test(verb.lower)) return true;
    const next = tokens[v + 1];
    // "filed last year": a time after the verb is no object
    if (!next || next.start >= end || this.timeStarts[v + 1] === 1) return false;
    return (
      NP_TAGS.has(next.pos) || next.lower === "to" || next.lower === "that" || WH_COMPLEMENTS.has(next.lower)
    );
  }

  /**
   * "The mayor has faced questions about the budget", "The ad drew criticism from veterans", "The
   * clip has faced ridicule online": a stance the subject receives from others. After the noun's
   * preposition the content is its object; without one it is the subject, the stance's target.
   * "from X" names the speaker; otherwise the speaker is unnamed.
   */
  private receivedStance(t: number, sentence: Sentence, s: number): Attribution | null {
    const tokens = this.tokens;
    let verb = t - 1;
    while (verb > sentence.tokenStart && ["DET", "ADJ", "ADV", "NUM"].includes(tokens[verb]!.pos)) {
      // "facing this question", "face the same fire": a stance named before is no new attribution
      if (ANAPHORIC_WORDS.has(tokens[verb]!.lower)) return null;
      verb--;
    }
    if (verb <= sentence.tokenStart || !this.lex.receivingForms.has(tokens[verb]!.lower)) return null;
    // "a campaign facing questions": the receiver is the clause's subject, found before the verb
    const subject = this.subjectBefore(verb, sentence.tokenStart);
    if (!subject || subject.pronoun === "which" || subject.pronoun === "who") return null;
    const ceiling = this.contentCeiling(sentence);
    let after = t + 1;
    let contentStart: number;
    let contentEnd: number;
    const preposition = tokens[after]?.lower ?? "";
    if (
      RECEIVED_PREPOSITIONS.has(preposition) &&
      after + 1 < sentence.tokenEnd &&
      this.startsNounPhrase(after + 1)
    ) {
      contentStart = tokens[after + 1]!.start;
      contentEnd = this.beforeFiniteVerb(after + 1, this.phraseEnd(contentStart, ceiling));
      after = this.tokenIndexAt(contentEnd);
    } else {
      contentStart = tokens[subject.first]!.start;
      contentEnd = tokens[subject.last]!.end;
    }
    if (contentEnd <= contentStart) return null;
    // "drew criticism from veterans' groups": the critics speak
    let from = after;
    while (from < sentence.tokenEnd && from - after < 3 && tokens[from]!.lower !== "from") from++;
    const speaker = tokens[from]?.lower === "from" ? this.speakerAfter(from + 1, sentence.tokenEnd) : null;
    if (speaker && contentStart >= speaker.start) contentEnd = Math.min(contentEnd, tokens[from - 1]!.end);
    const lemma = singular(tokens[t]!.lower);
    return {
      contentStart,
      contentEnd,
      cue: { first: verb, last: t, lemma, frames: new Set(["judge"]) },
      speaker,
      ...(speaker ? {} : { implicit: true as const }),
      rule: `${lemma}: received stance ${speaker ? "from source" : "unnamed"}`,
      sentence: s,
      ownStart: tokens[verb]!.start,
      ownEnd: tokens[t]!.end,
    };
  }

  /** An aim named by a noun after its holder, with its to-clause: "the senator's pledge to cut taxes". */
  private aimNoun(t: number, sentence: Sentence, s: number): Attribution | null {
    const tokens = this.tokens;
    let holder = t - 1;
    while (holder > sentence.tokenStart && tokens[holder]!.pos === "ADJ") holder--;
    const speaker = this.possessor(holder, sentence.tokenStart);
    if (!speaker) return null;
    const cue: Cue = { first: t, last: t, lemma: singular(tokens[t]!.lower), frames: new Set(["intend"]) };
    const contentStart = tokens[t + 1]!.start;
    let contentEnd = this.clauseEnd(t + 1, this.contentCeiling(sentence));
    contentEnd = this.adverbialClauseStart(contentStart, contentEnd);
    // "Her plan to cut taxes angered donors": the sentence's own verb ends the aim
    if (speaker.first <= sentence.tokenStart + 1) contentEnd = this.beforeMainVerb(t + 2, contentEnd);
    return {
      contentStart,
      contentEnd,
      cue,
      speaker,
      rule: `${cue.lemma} noun to-clause`,
      sentence: s,
      ownStart: tokens[speaker.first]!.start,
      ownEnd: tokens[t]!.end,
    };
  }

  /**
   * A message its issuer put out, the object of an issuing verb: "The city sent a two-page
   * letter", "unleashed a stream of posts mocking the mayor". The verb's subject speaks; the
   * content is the message itself, its topic after "on"/"about" ("delivered speeches on trade"),
   * or its to-clause when it asks or commits ("filed a motion to release the files"). A message
   * whose own words a participle after its comma reports ("a letter to the board, calling for …")
   * is left to it (and one whose words a clause inside reports, by `findInSentence`), and so is one
   * not put out ("declined to issue a statement", "did not release a report").
   */
  private issuedMessage(t: number, noun: string, sentence: Sentence, s: number): Attribution | null {
    const tokens = this.tokens;
    const next = tokens[t + 1];
    // "a statement deadline": the noun is no head ("posts mocking …": a participle tagged as a noun)
    if (!next || (next.pos === "NOUN" && !next.lower.endsWith("ing"))) return null;
    // back over the object's modifiers to its verb: "a flurry of", "an unflattering", "Mr. Xi a"
    let v = t - 1;
    while (
      v > sentence.tokenStart &&
      (["DET", "ADJ", "NOUN", "PROPN", "NUM"].includes(tokens[v]!.pos) ||
        POSSESSIVE_WORDS.has(tokens[v]!.lower) ||
        tokens[v]!.lower === "of" ||
        tokens[v]!.text === "-" ||
        // "a largely upbeat message"
        (tokens[v]!.pos === "ADV" && tokens[v + 1]!.pos === "ADJ") ||
        // "a two-page letter": the words of a hyphenated compound
        (tokens[v + 1]!.text === "-" && tokens[v + 1]!.start === tokens[v]!.end) ||
        (tokens[v - 1]!.text === "-" && tokens[v - 1]!.end === tokens[v]!.start))
    )
      v--;
    let objectStart = v + 1;
    // "sent him a letter": the hearer before the message
    if (tokens[v]!.pos === "PRON" && OBJECT_PRONOUNS.has(tokens[v]!.lower)) v--;
    if (ISSUING_PARTICLES.has(tokens[v]!.lower)) v--;
    const verb = tokens[v]!;
    if (
      !this.isLowerVerb(v) ||
      !(this.lex.issuingForms.has(verb.lower) || this.lex.issuingVerbs.has(verb.lemma ?? verb.lower))
    )
      return null;
    if (tokens[v - 1]?.lower === "to") return null;
    for (let j = v - 1; j > sentence.tokenStart && ["AUX", "PART", "ADV"].includes(tokens[j]!.pos); j--)
      if (NEGATIONS.has(tokens[j]!.lower)) return null;
    // "sent Mr. Xi a letter", "sent the board a letter": the message starts at its own determiner
    // ("a copy of the letter" is one phrase)
    for (let d = t - 1; d > objectStart; d--) {
      if (tokens[d]!.pos === "DET" && tokens[d - 1]!.lower !== "of") {
        objectStart = d;
        break;
      }
    }
    // "issued the statement", "sent this letter": a message named before is no new attribution
    const determiner = tokens[objectStart]!.lower;
    if (ANAPHORIC_WORDS.has(determiner) || (determiner === "the" && objectStart === t - 1)) return null;
    // "…, delivering speeches on trade": a participle after a comma is the sentence subject's
    const speaker =
      verb.lower.endsWith("ing") && tokens[v - 1]?.text === ","
        ? this.sentenceSubject(sentence, v)
        : this.subjectBefore(v, sentence.tokenStart);
    if (!speaker) return null;
    const ceiling = this.contentCeiling(sentence);
    let contentStart: number;
    let contentEnd: number;
    let cueLast = t;
    let rule: string;
    if (TOPIC_PREPOSITIONS.has(next.lower) && this.startsNounPhrase(t + 2) && this.timeStarts[t + 2] !== 1) {
      contentStart = tokens[t + 2]!.start;
      contentEnd = this.beforeFiniteVerb(t + 2, this.phraseEnd(contentStart, ceiling));
      cueLast = t + 1;
      rule = `${noun} issued topic object`;
    } else if (next.lower === "to" && this.lex.aimMessages.has(noun) && this.verbAfterTo(t + 1)) {
      contentStart = next.start;
      contentEnd = this.adverbialClauseStart(contentStart, this.clauseEnd(t + 1, ceiling));
      rule = `${noun} issued to-clause`;
    } else if (!this.lex.wholeMessages.has(noun)) {
      return null;
    } else {
      contentStart = tokens[objectStart]!.start;
      contentEnd = this.adverbialClauseStart(contentStart, this.phraseEnd(contentStart, ceiling));
      // "the doctors who wrote the letter called him a quack": the relative clause ends at the main verb
      // (", who sent him a letter with …" goes on to its comma)
      const r = this.beforeAux(v, sentence.tokenStart);
      const relative = tokens[r]?.lower ?? "";
      if ((relative === "that" || RELATIVES.has(relative)) && tokens[r - 1]?.text !== ",")
        contentEnd = this.beforeFiniteVerb(t + 1, contentEnd);
      cueLast = v;
      rule = `${noun} issued object`;
      // "sent a letter to the board, calling for …": the letter's words follow the comma
      const last = this.tokenIndexAt(contentEnd - 1);
      if (tokens[last + 1]?.text === "," && this.reportsWords(last + 2)) return null;
    }
    if (contentEnd <= contentStart) return null;
    const lemma = verb.lemma ?? verb.lower;
    return {
      contentStart,
      contentEnd,
      cue: { first: v, last: cueLast, lemma, frames: new Set(["judge"]) },
      speaker,
      rule,
      sentence: s,
      ownStart: tokens[Math.min(speaker.first, v)]!.start,
      ownEnd: tokens[cueLast]!.end,
    };
  }

  /**
   * A clause set in a poll is the poll's finding: "In the latest national poll, conducted in May,
   * Lee led by five points", "Lee fared well in online polls", "Lee's gains in some polls may
   * fade". The poll, with what describes it, speaks; the content is the clause after the opening
   * adjunct, or the words before "in".
   */
  private pollFinding(sentence: Sentence, s: number): Attribution | null {
    const tokens = this.tokens;
    const ceiling = this.contentCeiling(sentence);
    for (let t = sentence.tokenStart + 1; t < sentence.tokenEnd; t++) {
      const tok = tokens[t]!;
      if (tok.pos !== "NOUN" || !this.lex.pollNouns.has(tok.lemma ?? singular(tok.lower))) continue;
      if (tokens[t + 1]?.pos === "NOUN" || this.segmentOf[t]! >= 0) continue;
      // back over the poll's modifiers to "in": "the previous Post/ABC News national", "online and snap"
      let p = t - 1;
      while (
        p > sentence.tokenStart &&
        (["DET", "ADJ", "NOUN", "PROPN", "NUM", "CCONJ", "SYM"].includes(tokens[p]!.pos) ||
          tokens[p]!.text === "-")
      )
        p--;
      if (tokens[p]!.lower !== "in") continue;
      // "slipped from 61 percent in the last poll to 57 percent now": a poll that dates a figure
      const range = (u: number) =>
        (tokens[u]!.lower === "from" || tokens[u]!.lower === "to") && tokens[u + 1]?.pos === "NUM";
      if (range(t + 1) || [1, 2, 3, 4].some((k) => p - k > sentence.tokenStart && range(p - k))) continue;
      let lead = sentence.tokenStart;
      while (lead < p && (tokens[lead]!.pos === "CCONJ" || tokens[lead]!.pos === "ADV")) lead++;
      let last = t;
      let contentStart: number;
      let contentEnd: number;
      if (lead === p) {
        // "In the poll, conducted in May, Lee led": past the participle that describes the poll
        let comma = t + 1;
        if (tokens[comma]?.text === "," && /(ed|en)$/.test(tokens[comma + 1]?.lower ?? "")) {
          comma += 2;
          while (comma < sentence.tokenEnd && tokens[comma]!.text !== ",") comma++;
          last = comma - 1;
        }
        if (tokens[comma]?.text !== "," || !this.startsClause(comma + 1, sentence.tokenEnd)) continue;
        contentStart = tokens[comma + 1]!.start;
        contentEnd = ceiling;
      } else {
        // "polls taken after the forum by outlets such as the Ledger and the Courier",
        // "polls in the north and the coast | may prove": the poll's phrase ends at a finite verb
        while (
          last + 1 < sentence.tokenEnd &&
          tokens[last + 1]!.end <= ceiling &&
          tokens[last + 1]!.pos !== "AUX" &&
          !(tokens[last + 1]!.pos === "VERB" && !/(ed|en)$/.test(tokens[last + 1]!.lower)) &&
          !CLAUSE_PUNCT.has(tokens[last + 1]!.text)
        )
          last++;
        while (last > t && tokens[last]!.text === ",") last--;
        contentStart = this.contentFloor(sentence);
        contentEnd = this.trimBack(tokens[p]!.start);
        if (p - this.tokenIndexAt(contentStart) < 2) continue;
      }
      // "phone and street polls": the last conjunct names the polls
      let conjunct = t;
      while (conjunct > p + 1 && tokens[conjunct - 1]!.pos !== "CCONJ") conjunct--;
      const speaker = this.parser.parse(p + 1, last) ?? this.parser.parse(conjunct, last);
      if (!speaker || contentEnd <= contentStart) continue;
      return {
        contentStart: this.skipLeading(contentStart),
        contentEnd,
        cue: { first: p, last: p, lemma: "in", frames: NO_FRAMES },
        speaker,
        rule: lead === p ? "in poll, content" : "content in poll",
        sentence: s,
        ownStart: tokens[p]!.start,
        ownEnd: tokens[last]!.end,
      };
    }
    return null;
  }

  /** A participle of a reporting verb: "…, calling for her removal". */
  private reportsWords(u: number): boolean {
    const tok = this.tokens[u];
    if (!tok || !this.isLowerVerb(u) || !tok.lower.endsWith("ing")) return false;
    return (this.lex.verbsByFirstWord.get(tok.lower) ?? []).some((e) => !e.adjective);
  }

  /**
   * A stance named by a noun after its holder, with its object after the noun's preposition:
   * "the senator's criticism of the plan", "his adulation of strongmen". Only with a possessor.
   */
  private stanceNoun(t: number, sentence: Sentence, s: number): Attribution | null {
    const tokens = this.tokens;
    let holder = t - 1;
    while (holder > sentence.tokenStart && tokens[holder]!.pos === "ADJ") holder--;
    // "Democrats have serious reservations about the nominee": the subject of "have" holds them
    let have = holder;
    while (have > sentence.tokenStart && (tokens[have]!.pos === "DET" || tokens[have]!.pos === "ADJ")) have--;
    const speaker = HAVE_FORMS.has(tokens[have]!.lower)
      ? this.subjectBefore(have, sentence.tokenStart)
      : this.possessor(holder, sentence.tokenStart);
    if (!speaker || t + 2 >= sentence.tokenEnd || !this.startsNounPhrase(t + 2)) return null;
    const stance = `${singular(tokens[t]!.lower)} ${tokens[t + 1]!.lower}`;
    return this.nounObject(t, speaker, sentence, s, `${stance} noun object`);
  }

  /**
   * The object after a stance noun and its preposition (tokens t, t + 1), held by `speaker`: it
   * ends at the first finite verb ("His criticism of the plan | angered donors").
   */
  private nounObject(
    t: number,
    speaker: NonNullable<Attribution["speaker"]>,
    sentence: Sentence,
    s: number,
    rule: string,
  ): Attribution | null {
    const tokens = this.tokens;
    const contentStart = tokens[t + 2]!.start;
    const contentEnd = this.beforeFiniteVerb(
      t + 2,
      this.phraseEnd(contentStart, this.contentCeiling(sentence)),
    );
    if (contentEnd <= contentStart) return null;
    const cue: Cue = { first: t, last: t + 1, lemma: singular(tokens[t]!.lower), frames: new Set(["judge"]) };
    return {
      contentStart,
      contentEnd,
      cue,
      speaker,
      rule,
      sentence: s,
      ownStart: tokens[speaker.first]!.start,
      ownEnd: tokens[t + 1]!.end,
    };
  }

  /**
   * A noun that names its subject by a stance, after a form of "be": "Kaine is a staunch opponent
   * of the death penalty", "She has long been a critic of the deal". The subject holds the stance.
   */
  private holderNoun(t: number, sentence: Sentence, s: number): Attribution | null {
    const tokens = this.tokens;
    let copula = t - 1;
    while (
      copula > sentence.tokenStart &&
      (tokens[copula]!.pos === "ADJ" ||
        tokens[copula]!.pos === "DET" ||
        tokens[copula]!.pos === "ADV" ||
        tokens[copula]!.lower === "and")
    )
      copula--;
    if (copula === t - 1 || !COPULAS.has(tokens[copula]!.lower) || !this.startsNounPhrase(t + 2)) return null;
    const speaker = this.subjectBefore(copula, sentence.tokenStart);
    if (!speaker || speaker.pronoun === "it") return null;
    const stance = `${singular(tokens[t]!.lower)} ${tokens[t + 1]!.lower}`;
    return this.nounObject(t, speaker, sentence, s, `be ${stance} object`);
  }

  /** The first finite verb outside quotes and relative clauses: "the plan | angered donors", not "rules that | could". */
  private beforeFiniteVerb(from: number, end: number): number {
    for (let t = from; t < this.tokens.length && this.tokens[t]!.end <= end; t++) {
      const tok = this.tokens[t]!;
      if (this.segmentOf[t]! >= 0 || tok.lower.endsWith("ing")) continue;
      const prev = this.tokens[t - 1]!.lower;
      if (prev === "that" || RELATIVES.has(prev)) continue;
      if (tok.pos === "AUX" || (tok.pos === "VERB" && !startsUpper(tok.text)))
        return this.trimBack(tok.start);
    }
    return end;
  }

  /** Where the first auxiliary outside quotes ("may", "is", "would") starts among tokens from `from` to `end`. */
  private beforeAuxiliary(from: number, end: number): number {
    for (let t = from; t < this.tokens.length && this.tokens[t]!.end <= end; t++) {
      if (this.segmentOf[t]! < 0 && this.tokens[t]!.pos === "AUX" && this.tokens[t - 1]!.lower !== "to")
        return this.trimBack(this.tokens[t]!.start);
    }
    return end;
  }

  /** The holder before a claim noun: "his", "the governor's", "Mr. Lee's". */
  private possessor(t: number, floor: number): SpeakerMention | null {
    const tok = this.tokens[t]!;
    const personal = POSSESSIVE_PRONOUNS.get(tok.lower);
    if (personal) {
      return {
        first: t,
        last: t,
        name: null,
        anonymous: false,
        start: tok.start,
        end: tok.end,
        pronoun: personal,
        head: personal,
        plural: personal === "they" || personal === "we",
        outlet: false,
      };
    }
    if (tok.text !== "'s" && tok.text !== "’s") return null;
    let start = t - 1;
    while (
      start > floor &&
      t - start < 8 &&
      ["PROPN", "NOUN", "ADJ", "DET"].includes(this.tokens[start - 1]!.pos) &&
      this.tokens[start]!.pos !== "DET"
    )
      start--;
    if (start < floor || t - 1 < start) return null;
    return this.parser.parse(start, t - 1);
  }

  /** A second finite verb after a clause's own verb, right after its complement: "is safe | angered". */
  private beforeMainVerb(from: number, end: number): number {
    let seenVerb = false;
    for (let t = from; t < this.tokens.length && this.tokens[t]!.end <= end; t++) {
      const tok = this.tokens[t]!;
      if (this.segmentOf[t]! >= 0 || !(tok.pos === "VERB" || tok.pos === "AUX")) continue;
      const prev = this.tokens[t - 1]!;
      if (seenVerb && ["NOUN", "PROPN", "ADJ", "NUM"].includes(prev.pos) && !tok.lower.endsWith("ing"))
        return this.trimBack(tok.start);
      seenVerb = true;
    }
    return end;
  }

  /** A that-clause inside a larger sentence ends at the first comma, semicolon or dash outside quotes. */
  private clauseEnd(from: number, ceiling: number): number {
    for (let t = from; t < this.tokens.length && this.tokens[t]!.end <= ceiling; t++) {
      const tok = this.tokens[t]!;
      if (
        this.segmentOf[t]! < 0 &&
        (tok.text === "," || tok.text === ";" || DASHES.has(tok.text) || this.isSpacedHyphen(t))
      )
        return this.trimBack(tok.start);
    }
    return ceiling;
  }

  /** The conjunction that joins a later attribution's clause: ", though she noted", "and said"; -1 when nested. */
  private clauseJoinBefore(t: number, a: Attribution): number {
    let j = t - 1;
    let joined = -1;
    while (j >= 0 && this.tokens[j]!.start >= a.contentStart) {
      const tok = this.tokens[j]!;
      if (tok.text === "," || tok.text === ";" || CLAUSE_JOINERS.has(tok.lower)) joined = j;
      else if (!(tok.pos === "ADV")) break;
      j--;
    }
    return joined;
  }

  /** An outlet around someone else's claim is the channel, not the speaker: "..., notes AP." */
  private relayThroughOutlets(list: Attribution[]): Attribution[] {
    const dropped = new Set<Attribution>();
    for (const outer of list) {
      if (!outer.speaker?.outlet) continue;
      const inner = list.find(
        (b) =>
          b !== outer &&
          b.speaker &&
          !b.speaker.outlet &&
          this.tokens[b.cue.first]!.start >= outer.contentStart &&
          this.tokens[b.cue.first]!.start < outer.contentEnd,
      );
      if (inner) {
        inner.channel ??= this.mentionText(outer.speaker);
        dropped.add(outer);
      }
    }
    return list.filter((a) => !dropped.has(a));
  }

  private isPassive(cue: Cue, before: number): boolean {
    const cueToken = this.tokens[cue.first]!;
    if (!/(ed|en|wn|id|ld|ht|nt)$/.test(cueToken.lower)) return false;
    for (let j = cue.first - 1; j > before; j--) {
      if (BE_FORMS.has(this.tokens[j]!.lower)) return true;
    }
    return false;
  }

  /**
   * The first token of a verb that carries an infinitive cue, or -1: "appeared to | suggest",
   * "went on to | explain", "continues to | ignore". Verbs of aim ("refused to") are cues themselves.
   */
  private catenativeBefore(t: number): number {
    // "avoids condemning", "kept attacking": a verb of avoiding or going on before a gerund
    if (
      t >= 1 &&
      this.tokens[t]!.lower.endsWith("ing") &&
      GERUND_CARRIER_FORMS.has(this.tokens[t - 1]!.lower)
    )
      return t - 1;
    if (t < 2 || this.tokens[t - 1]!.lower !== "to") return -1;
    let v = t - 2;
    while (v > 0 && this.tokens[v]!.pos === "ADV" && t - v < 5) v--;
    if (this.tokens[v]!.lower === "on" && v > 0 && GO_FORMS.has(this.tokens[v - 1]!.lower)) return v - 1;
    if (CATENATIVE_FORMS.has(this.tokens[v]!.lower)) return v;
    if (ABILITY_ADJECTIVES.has(this.tokens[v]!.lower) && this.afterCopula(v)) return v;
    return this.purposeCarrierBefore(t);
  }

  /**
   * "The envoys met on Friday to discuss the truce", "The mayor took to the radio to accuse …": a
   * verb of meeting, going or using whose purpose clause voices the cue; its subject speaks. Only
   * place, time and medium words may stand between the verb and "to". The carrier's index, or -1.
   */
  private purposeCarrierBefore(t: number): number {
    for (let v = t - 2; v > 0 && t - v <= 10; v--) {
      const tok = this.tokens[v]!;
      // "spoke at a gathering of donors to discuss": a carrier form used as a noun is no carrier
      if (this.lex.purposeCarrierForms.has(tok.lower) && tok.pos !== "NOUN") {
        // "The funds were used to promote": a passive carrier names no speaker
        return BE_FORMS.has(this.tokens[v - 1]!.lower) ? -1 : v;
      }
      if (
        !(NP_TAGS.has(tok.pos) || tok.pos === "ADP" || tok.pos === "ADV" || POSSESSIVE_WORDS.has(tok.text)) ||
        this.isMark(v)
      )
        return -1;
    }
    return -1;
  }

  /**
   * "forced the banker to admit", "led two senators to invoke": a verb of causing before an object
   * and "to" + the cue, whose speaker is that object. The index of the verb of causing, or -1.
   */
  private controllerBefore(t: number): number {
    if (t < 3 || this.tokens[t - 1]!.lower !== "to") return -1;
    // "led Sens. Ann Lee (D-Ore.) and Cy Tam (R-Utah) to invoke": names with titles and parties
    for (let v = t - 2; v > 0 && t - v <= 22; v--) {
      const tok = this.tokens[v]!;
      if (CONTROL_FORMS.has(tok.lower)) return v < t - 2 ? v : -1;
      // "made it difficult for the mayor to attack them": after an adjective, the noun phrase after
      // "for" is the infinitive's subject ("in time for the judges to hear it" is no speech)
      if (tok.lower === "for" && v < t - 2 && this.tokens[v - 1]!.pos === "ADJ") return v;
      if (
        !(
          NP_TAGS.has(tok.pos) ||
          POSSESSIVE_WORDS.has(tok.text) ||
          CONTROL_OBJECT_MARKS.has(tok.text) ||
          tok.lower === "and"
        )
      )
        return -1;
    }
    return -1;
  }

  /** Skips auxiliaries and adverbs left of a cue: "has also said" -> the subject's last token. */
  private beforeAux(t: number, floor: number): number {
    // "forced the banker to admit": the object of the verb of causing is the subject
    if (this.controllerBefore(t) >= 0 && t - 2 >= floor) return t - 2;
    // "appeared to suggest", "went on to explain": the verb that carries the cue is skipped too
    const carrier = this.catenativeBefore(t);
    let j = (carrier >= 0 ? carrier : t) - 1;
    while (
      j >= floor &&
      (AUX_OR_ADVERB.has(this.tokens[j]!.lower) ||
        COPULAS.has(this.tokens[j]!.lower) ||
        DEGREE_WORDS.has(this.tokens[j]!.lower) ||
        (this.tokens[j]!.pos === "ADV" && /ly$/.test(this.tokens[j]!.lower)) ||
        this.floatingQuantifier(j, floor))
    )
      j--;
    return j;
  }

  /** "The senators all said", "they have both argued": a quantifier after the subject it counts. */
  private floatingQuantifier(j: number, floor: number): boolean {
    if (!FLOATING_QUANTIFIERS.has(this.tokens[j]!.lower)) return false;
    // "they have all argued": auxiliaries between the subject and the quantifier
    let k = j - 1;
    while (k >= floor && AUX_OR_ADVERB.has(this.tokens[k]!.lower)) k--;
    if (k < floor) return false;
    const prev = this.tokens[k]!;
    if (prev.pos === "PRON") return prev.lower === "they" || prev.lower === "we";
    if (prev.pos === "NOUN") return prev.lower.endsWith("s");
    // "Lee and Tam both said", "Ann Lee (D-Ore.) and Cy Tam (D-N.J.) all said"; not "Lee both
    // praised A and B", where "both" pairs the objects
    if (prev.pos !== "PROPN" && prev.text !== ")") return false;
    for (let u = k - 1; u >= floor && k - u <= 12; u--) if (this.tokens[u]!.lower === "and") return true;
    return false;
  }

  private isBoundary(t: number): boolean {
    const tok = this.tokens[t]!;
    return (
      CLAUSE_PUNCT.has(tok.text) ||
      this.isSpacedHyphen(t) ||
      this.isMark(t) ||
      tok.lower === "that" ||
      tok.pos === "SCONJ" ||
      SUBORDINATORS.has(tok.lower)
    );
  }

  /** A hyphen typed for a dash, with spaces around it: "is predictable - Hale has vowed". */
  private isSpacedHyphen(t: number): boolean {
    const tok = this.tokens[t]!;
    return tok.text === "-" && this.tokens[t - 1]?.end !== tok.start && this.tokens[t + 1]?.start !== tok.end;
  }

  /**
   * The subject left of a cue: the clause's noun phrase, with an appositive jumped over
   * ("Nabil al-Rawi, a spokesman for the Jordanian government, told ...").
   */
  private subjectBefore(cueFirst: number, floor: number): SpeakerMention | null {
    const tokens = this.tokens;
    // "forced the banker to admit": the speaker starts after the verb of causing
    floor = Math.max(floor, this.controllerBefore(cueFirst) + 1);
    let end = this.beforeAux(cueFirst, floor);
    if (end < floor) return null;
    // "Some lawmakers, however, question ...": a sentence adverb set off by commas
    if (this.closesParentheticalAdverb(end, floor)) end = this.beforeAux(end - 2, floor);
    if (end < floor) return null;
    let nameEnd = end;
    let appositive: [number, number] | undefined;
    const closer = tokens[end]!.text;
    if (closer === "," || DASHES.has(closer)) {
      // "Saad al-Hadithi, a spokesman, told" / "John Dickey -- the chief executive -- told"
      let comma = end - 1;
      while (comma >= floor && tokens[comma]!.text !== closer && !this.isMark(comma)) comma--;
      if (comma < floor || tokens[comma]!.text !== closer || end - comma < 2) return null;
      appositive = [comma + 1, end - 1];
      nameEnd = comma - 1;
      if (nameEnd < floor) return null;
      // "Trump, who said ..." is handled by the relative pronoun; an appositive needs a noun-led description.
      const opener = tokens[comma + 1]!;
      const participle = opener.pos === "VERB" && /(ing|ed)$/.test(opener.lower);
      if (opener.pos === "ADP") {
        // "Hillary Clinton, at a later press briefing, said": an adjunct, not a description
        appositive = undefined;
      } else if (
        !["DET", "NOUN", "ADJ", "PROPN", "NUM"].includes(opener.pos) &&
        !RELATIVES.has(opener.lower) &&
        !participle
      ) {
        return null;
      }
    }
    // "An arbitration panel in 2001 found ...", "The court on Friday ruled": a time adjunct ends the subject
    if (!appositive) nameEnd = this.beforeTimeAdjunct(nameEnd, floor);
    const last = tokens[nameEnd]!;
    // "cities that support the rules": "that" right after a noun and before the cue is a relative pronoun
    const relativeThat =
      last.lower === "that" && nameEnd > floor && ["NOUN", "PROPN"].includes(tokens[nameEnd - 1]!.pos);
    if (!appositive && (RELATIVES.has(last.lower) || relativeThat) && nameEnd > floor) {
      // "backed by lawmakers who praised ...", "scrutiny from some who saw ...": the relative
      // pronoun follows an object, which is the whole noun phrase
      if (tokens[nameEnd - 1]!.text !== ",") {
        const object = this.nounPhraseBefore(nameEnd, floor);
        const before = object ? tokens[object.first - 1] : undefined;
        if (object && before && (before.pos === "ADP" || this.isLowerVerb(object.first - 1))) return object;
      }
      // "the candidate who pledged", "Trump, who said": the noun phrase the relative pronoun follows
      return this.subjectBefore(tokens[nameEnd - 1]!.text === "," ? nameEnd - 1 : nameEnd, floor);
    }
    // "every loophole she might seek": a personal pronoun is the whole subject
    if (last.pos === "PRON" && SUBJECT_PRONOUNS.has(last.lower)) return this.parser.parse(nameEnd, nameEnd);
    let start = nameEnd;
    if (tokens[nameEnd]!.text === ")") {
      // "Sen. Lindsey Graham (R-S.C.) told", "The Associated Press (AP) reports"
      let open = nameEnd - 1;
      while (open > floor && tokens[open]!.text !== "(" && nameEnd - open < 8) open--;
      if (tokens[open]!.text === "(") start = open;
    }
    while (
      start > floor &&
      (!this.isBoundary(start - 1) || this.isRelativeThat(start - 1)) &&
      nameEnd - start < 20
    ) {
      const prev = tokens[start - 1]!;
      // ", as the engineers pointed out,": "as" opens an aside whose subject is the speaker
      if (prev.lower === "as" && (start - 1 === floor || tokens[start - 2]!.text === ",")) break;
      // "a contest in which bidders seek to …": the relative clause's own subject follows "in which"
      if ((prev.lower === "which" || prev.lower === "whom") && tokens[start - 2]?.pos === "ADP") break;
      // "Hours after Trump unleashed …", "shortly before the minister said …": a clause of time
      // after a stretch of time has its own subject
      if (
        (prev.lower === "after" || prev.lower === "before") &&
        SPANS_OF_TIME.has(tokens[start - 2]?.lower ?? "")
      )
        break;
      if (this.isLowerVerb(start - 1) && !this.inRelative(start - 1, floor) && !this.modifiesNoun(start - 1))
        break;
      if (prev.lower === "and" || prev.lower === "but") {
        const before = tokens[start - 2];
        if (
          !before ||
          !["ADJ", "PROPN", "NOUN"].includes(before.pos) ||
          // "would choose Lane and 41 percent would back Moss": a number opens the next clause's subject
          ["DET", "PRON", "NUM"].includes(tokens[start]!.pos)
        )
          break;
      }
      start--;
    }
    if (start < floor) return null;
    const first = tokens[start]!;
    // "the levy, which the mayor said was unfair": a subject after the relative pronoun speaks
    if ((first.lower === "which" || first.lower === "who") && start < nameEnd) {
      const inner = this.parser.parse(start + 1, nameEnd, appositive);
      if (inner) return inner;
    }
    if (first.lower === "who" || first.lower === "which") {
      // "Trump, who has said ..." — the speaker is the noun phrase before the comma.
      const comma = start - 1;
      if (comma > floor && tokens[comma]!.text === ",") return this.subjectBefore(comma, floor);
    }
    if (first.pos === "ADP" || first.pos === "SCONJ") {
      // "In a Bloomberg interview Trump declared": the subject is the name the phrase ends with
      let nameStart = nameEnd;
      while (
        nameStart - 1 > start &&
        tokens[nameStart - 1]!.pos === "PROPN" &&
        isCapitalised(tokens[nameStart - 1]!)
      )
        nameStart--;
      if (
        nameStart - 1 <= start ||
        tokens[nameStart - 1]!.pos === "DET" ||
        !isCapitalised(tokens[nameStart]!)
      )
        return null;
      start = nameStart;
    }
    const mention = this.parser.parse(start, nameEnd, appositive);
    if (!mention) return null;
    // "Nina Okafor, a lawyer for the river trust, who has ..., said": the name before the description
    if (
      mention.name === null &&
      !mention.pronoun &&
      tokens[start]!.pos === "DET" &&
      start - 2 >= floor &&
      tokens[start - 1]!.text === "," &&
      isCapitalised(tokens[start - 2]!)
    ) {
      let nameStart = start - 2;
      while (nameStart > floor && !this.isBoundary(nameStart - 1) && isCapitalised(tokens[nameStart - 1]!))
        nameStart--;
      const named = this.parser.parse(nameStart, start - 2, [start, appositive ? appositive[1] : nameEnd]);
      if (named?.name && this.parser.looksLikePerson(named)) return named;
    }
    return mention;
  }

  /**
   * "The registration issue was first reported by the Post", "The nominee has been endorsed by
   * dozens of papers": a passive reporting verb with its "by" agent; the agent speaks and the
   * subject is the content. Only verbs of the lexicon take this path, so "was attacked by gunmen"
   * stays an act (an armed agent of a stance verb is never a speaker).
   */
  private passiveWithAgent(cue: Cue, sentence: Sentence, s: number): Attribution | null {
    const tokens = this.tokens;
    let by = cue.last + 1;
    while (by < sentence.tokenEnd && by - cue.last <= 2 && tokens[by]!.pos === "ADV") by++;
    if (tokens[by]?.lower !== "by") by = this.agentAfterComplement(cue, cue.last + 1, sentence.tokenEnd);
    // "the plan was never published by the ministry": a document issued, not a claim
    if (tokens[by]?.lower !== "by" || this.lex.issuingVerbs.has(cue.lemma)) return null;
    const agent = this.speakerAfter(by + 1, sentence.tokenEnd);
    if (!agent || agent.pronoun === "which" || agent.pronoun === "who") return null;
    if (this.lex.armedActorNouns.has(agent.head) && stanceOnly(cue)) return null;
    // "written by hand", "sent by email": a bare singular noun is a means, not an agent
    if (!agent.name && !agent.plural && tokens[agent.first]!.pos === "NOUN") return null;
    // the subject: the noun phrase (or quotation) that opens the clause before the auxiliaries
    const end = this.beforeAux(cue.first, sentence.tokenStart);
    const subject = this.subjectBefore(cue.first, sentence.tokenStart);
    if (!subject || subject.pronoun || end < subject.first) return null;
    let first = subject.first;
    if (first > sentence.tokenStart && this.isMark(first - 1)) first--;
    return {
      contentStart: tokens[first]!.start,
      contentEnd: tokens[subject.last]!.end + (this.isMark(subject.last + 1) ? 1 : 0),
      cue,
      speaker: agent,
      rule: `${cue.lemma}: passive by agent`,
      sentence: s,
      ownStart: tokens[cue.first]!.start,
      ownEnd: tokens[agent.last]!.end,
    };
  }

  /**
   * "was called a fraud by fellow doctors", "was dismissed as a stunt by rivals": the "by" of
   * an agent after the complement of a naming verb or an "as" phrase; otherwise `from` itself.
   */
  private agentAfterComplement(cue: Cue, from: number, end: number): number {
    const tokens = this.tokens;
    if (!cue.frames.has("judge") || !(NAMING_VERBS.has(cue.lemma) || tokens[from]?.lower === "as"))
      return from;
    let u = tokens[from]?.lower === "as" ? from + 1 : from;
    while (u < end && u - from < 6 && (NP_TAGS.has(tokens[u]!.pos) || this.isMark(u))) {
      if (tokens[u]!.lower === "by") break;
      u++;
    }
    // "by nobody at all" names no one
    const agent = tokens[u + 1];
    return u > from && tokens[u]?.lower === "by" && agent && !NEGATIVE_PRONOUNS.has(agent.lower) ? u : from;
  }

  /**
   * "The envoy has been criticized for his silence", "The vote is widely expected to slip": a
   * passive of judgement or expectation without "by" still reports what unnamed others say or
   * think. The content is the subject with what follows the verb; the speaker stays unnamed.
   * "The bridge was closed for repairs" is no such verb and stays an act.
   */
  private agentlessPassive(cue: Cue, sentence: Sentence, s: number): Attribution | null {
    const tokens = this.tokens;
    // "The governor was asked how the war would end": a question put to the subject ("was asked
    // to leave" is a request, no question)
    const next = tokens[cue.last + 1]?.lower ?? "";
    const question =
      this.lex.askingVerbs.has(cue.lemma) &&
      (next === "about" || (WH_COMPLEMENTS.has(next) && next !== "which"));
    if (!this.lex.agentlessPassives.has(cue.lemma) && !question) return null;
    // "who was accused of", "which is expected to": a relative pronoun leaves the content's subject elsewhere
    const relative = tokens[this.beforeAux(cue.first, sentence.tokenStart)]?.lower ?? "";
    if (RELATIVES.has(relative) || relative === "that") return null;
    const subject = this.subjectBefore(cue.first, sentence.tokenStart);
    if (!subject) return null;
    // "She is a donor and has been mentioned as …": a noun phrase after a verb is no subject
    let beforeSubject = subject.first - 1;
    while (beforeSubject > sentence.tokenStart && tokens[beforeSubject]!.pos === "ADV") beforeSubject--;
    if (beforeSubject >= sentence.tokenStart && ["VERB", "AUX"].includes(tokens[beforeSubject]!.pos))
      return null;
    // the content's end is found from what follows the verb, as for an active cue's object or to-clause
    const after = cue.last + 1;
    if (after >= sentence.tokenEnd) return null;
    const shape = tokens[after]!.lower === "to" ? "to-clause" : "object";
    const found = this.finish(
      cue,
      sentence,
      s,
      null,
      tokens[after]!.start,
      undefined,
      `${cue.lemma}: agentless passive ${shape}`,
      undefined,
    );
    if (!found) return null;
    // "was described as an accident by nobody": an agent after the object is no unnamed source
    for (let t = after; t < sentence.tokenEnd && tokens[t]!.start < found.contentEnd; t++) {
      if (tokens[t]!.lower === "by") return null;
    }
    return { ...found, contentStart: tokens[subject.first]!.start, implicit: true };
  }

  /**
   * "Asked about the delay, the minister said …", "When pressed on the cost, she …": a participle of
   * asking that opens the sentence reports the question an unnamed asker put; the content is what
   * was asked, up to the comma before the main clause.
   */
  private openingQuestion(cue: Cue, sentence: Sentence, s: number): Attribution | null {
    const tokens = this.tokens;
    const opener = tokens[sentence.tokenStart]!.lower;
    if (
      !this.lex.askingVerbs.has(cue.lemma) ||
      !tokens[cue.first]!.lower.endsWith("ed") ||
      !(
        cue.first === sentence.tokenStart ||
        (cue.first === sentence.tokenStart + 1 && (opener === "when" || opener === "if"))
      )
    )
      return null;
    let t = cue.last + 1;
    // "Asked by reporters whether …", "When pressed by the moderator on …": the agent asked
    const asker = tokens[t]?.lower === "by" ? this.askerAfter(t + 1, sentence.tokenEnd) : null;
    if (asker) t = asker.last + 1;
    const linker = tokens[t]?.lower ?? "";
    if (linker === "about" || linker === "on" || linker === "for") t++;
    else if (linker !== "to" && linker !== "whether" && !WH_COMPLEMENTS.has(linker)) return null;
    let comma = t + 1;
    while (comma < sentence.tokenEnd && (tokens[comma]!.text !== "," || this.segmentOf[comma]! >= 0)) comma++;
    if (comma >= sentence.tokenEnd - 2 || t >= comma) return null;
    const found = this.finish(
      cue,
      sentence,
      s,
      asker,
      tokens[t]!.start,
      undefined,
      asker ? `${cue.lemma} by: opening question` : `${cue.lemma}: opening question`,
      undefined,
      tokens[comma - 1]!.end,
    );
    if (!found || asker) return found;
    return { ...found, implicit: true };
  }

  /** The agent of an opening question, up to the word that opens what was asked: "by reporters | whether". */
  private askerAfter(from: number, end: number): SpeakerMention | null {
    let u = from;
    while (
      u < end &&
      u - from < 8 &&
      NP_TAGS.has(this.tokens[u]!.pos) &&
      !WH_COMPLEMENTS.has(this.tokens[u]!.lower)
    )
      u++;
    const linker = this.tokens[u]?.lower ?? "";
    if (
      u === from ||
      !(
        linker === "about" ||
        linker === "on" ||
        linker === "for" ||
        linker === "to" ||
        WH_COMPLEMENTS.has(linker)
      )
    )
      return null;
    return this.parser.parse(from, u - 1);
  }

  /** The medium noun a participle fills, times allowed between: "a statement saying", "tweets early Friday saying"; -1 when none. */
  private mediumBefore(t: number): number {
    let u = t - 1;
    while (
      u > 0 &&
      t - u <= 3 &&
      (WEEKDAYS.test(this.tokens[u]!.lower) ||
        this.timeStarts[u] === 1 ||
        /^(early|late|on|last|this)$/.test(this.tokens[u]!.lower))
    )
      u--;
    const tok = this.tokens[u];
    return tok && tok.pos === "NOUN" && this.lex.mediumNouns.has(singular(tok.lower)) ? u : -1;
  }

  /**
   * Who issued a medium: the subject of the verb it is the object of ("the ministry issued a
   * statement saying ..."); null otherwise ("reports alleging ...", "his tweets accusing X of
   * fraud drew criticism": a participle inside a subject).
   */
  private mediumAuthor(medium: number, floor: number): SpeakerMention | null {
    let u = medium - 1;
    while (
      u >= floor &&
      (["DET", "ADJ", "NOUN", "NUM"].includes(this.tokens[u]!.pos) ||
        this.tokens[u]!.lower === "of" ||
        this.tokens[u]!.text === "-")
    )
      u--;
    if (u < floor) return null;
    const tok = this.tokens[u]!;
    // "cited reports alleging ...": the reports' authors are not the one who cites them
    if (!this.isLowerVerb(u) || !this.lex.issuingVerbs.has(tok.lemma ?? tok.lower)) return null;
    return this.subjectBefore(u, floor);
  }

  /** The noun phrase that ends right before a token: "footage of | the governor | saying". */
  private nounPhraseBefore(t: number, floor: number): SpeakerMention | null {
    let start = t;
    while (start > floor) {
      const prev = this.tokens[start - 1]!;
      const joined = (prev.text === "." || prev.text === "-") && prev.end === this.tokens[start]!.start;
      if (
        !(
          joined ||
          ["DET", "PROPN", "NOUN", "ADJ", "NUM"].includes(prev.pos) ||
          POSSESSIVE_WORDS.has(prev.lower)
        )
      )
        break;
      start--;
    }
    return start < t ? this.parser.parse(start, t - 1) : null;
  }

  /** A verb inside a relative clause or a participle modifier: "a person who spoke on condition". */
  /** A relative pronoun between a noun and its clause's verb: "a study that | appeared". */
  private isRelativeThat(j: number, anyRelative = false): boolean {
    const tok = this.tokens[j]!;
    return (
      (tok.lower === "that" || (anyRelative && RELATIVES.has(tok.lower))) &&
      j > 0 &&
      ["NOUN", "PROPN"].includes(this.tokens[j - 1]!.pos) &&
      this.isLowerVerb(j + 1)
    );
  }

  /** A participle between a determiner and its noun is an adjective: "the losing side", "her embattled aide". */
  private modifiesNoun(t: number): boolean {
    const before = this.tokens[t - 1];
    const after = this.tokens[t + 1];
    return (
      /(ing|ed)$/.test(this.tokens[t]!.lower) &&
      !!before &&
      (before.pos === "DET" || POSSESSIVE_WORDS.has(before.lower)) &&
      !!after &&
      (after.pos === "NOUN" || after.pos === "ADJ")
    );
  }

  private inRelative(t: number, floor: number): boolean {
    for (let j = t - 1; j >= floor && j >= t - 10; j--) {
      const tok = this.tokens[j]!;
      if (tok.lower === "who" || tok.lower === "familiar" || tok.lower === "close") return true;
      // "A study that appeared in a journal found ...": a relative clause inside the subject
      if (j === t - 1 && this.isRelativeThat(j, true)) return true;
      if (this.isBoundary(j)) return false;
    }
    const tok = this.tokens[t]!;
    return (
      tok.pos === "VERB" && /(ed|ing)$/.test(tok.lower) && t > floor && this.tokens[t - 1]!.pos === "NOUN"
    );
  }

  /** The speaker after an inverted cue: "..., added Navy Capt. Ellen Marsh, a spokeswoman for ...". */
  private isTitleStop(t: number): boolean {
    const tok = this.tokens[t]!;
    const prev = this.tokens[t - 1];
    const next = this.tokens[t + 1];
    // a title ("Gen.") or an initial ("N.") before the next word of the name, in the same paragraph
    const title = !!prev && (this.lex.titleAbbreviations.has(prev.lower) || /^[A-Z]$/.test(prev.text));
    return (
      tok.text === "." &&
      title &&
      prev!.end === tok.start &&
      !!next &&
      startsUpper(next.text) &&
      this.paragraphOf[t + 1] === this.paragraphOf[t]
    );
  }

  /** A full stop ends a speaker's name unless it closes an abbreviation: "Maj. Gen. Omar Khalil". */
  private endsSpeaker(t: number, limit: number): boolean {
    return this.tokens[t]!.text === "." && !(t + 1 < limit && this.isTitleStop(t));
  }

  private speakerAfter(from: number, sentenceLimit: number): SpeakerMention | null {
    const tokens = this.tokens;
    let limit = sentenceLimit;
    // A title's full stop may have ended the sentence too early: "said Maj. | Gen. Omar Khalil".
    while (limit < tokens.length && limit > from && this.isTitleStop(limit - 1)) {
      limit = this.sentences[tokens[limit]!.sentence]!.tokenEnd;
    }
    let end = from;
    while (
      end < limit &&
      tokens[end]!.text !== "," &&
      !this.isMark(end) &&
      !this.endsSpeaker(end, limit) &&
      tokens[end]!.text !== ";" &&
      !this.opensAside(end)
    )
      end++;
    if (end === from) return null;
    let appositive: [number, number] | undefined;
    if (end < limit && tokens[end]!.text === ",") {
      let descEnd = end + 1;
      while (descEnd < limit && !this.isMark(descEnd) && tokens[descEnd]!.text !== ";") descEnd++;
      while (descEnd - 1 > end && tokens[descEnd - 1]!.pos === "PUNCT") descEnd--;
      if (descEnd - 1 > end && ["DET", "NOUN", "ADJ", "PROPN"].includes(tokens[end + 1]!.pos))
        appositive = [end + 1, descEnd - 1];
    }
    return this.parser.parse(from, end - 1, appositive);
  }

  /** "said Mr. Burman (a view echoed by others)": a parenthetical remark, not "(R-S.C.)" or "(AP)". */
  private opensAside(t: number): boolean {
    const next = this.tokens[t + 1];
    return this.tokens[t]!.text === "(" && !!next && /^[a-z]/.test(next.text);
  }

  private trimBack(offsetOrToken: number): number {
    let e = offsetOrToken;
    while (e > 0 && /[\s,;:—–-]/.test(this.text[e - 1]!)) e--;
    return e;
  }

  /** Sentence start, or the opening mark of a quote the sentence begins inside. */
  private contentFloor(sentence: Sentence): number {
    const first = this.tokens[sentence.tokenStart]!;
    // "greeted with chants of “Lane!” at a rally, according to ...": a quotation's "!" or "?" ended
    // the sentence too early; a lower-case word after its closing mark goes on with it
    if (
      sentence.tokenStart > 0 &&
      this.isMark(sentence.tokenStart - 1) &&
      /^[a-z]/.test(first.text) &&
      this.paragraphOf[sentence.tokenStart - 1] === this.paragraphOf[sentence.tokenStart]
    )
      return this.contentFloor(this.sentences[this.tokens[sentence.tokenStart - 1]!.sentence]!);
    const seg = this.segmentOf[sentence.tokenStart]!;
    return seg >= 0 ? this.segments[seg]!.open : sentence.start;
  }

  /** Content end: the sentence end, or the closing mark of a quote that runs past it. */
  private contentCeiling(sentence: Sentence): number {
    const last = sentence.tokenEnd - 1;
    const seg = this.segmentOf[last]!;
    if (seg >= 0 && this.segments[seg]!.close > sentence.end) return this.segments[seg]!.close;
    return sentence.end;
  }

  /**
   * "CONTENT, said X." / "CONTENT, X said." / "“CONTENT,” X told Reuters." — the content comes
   * first and the attribution closes the sentence (or splits it: "“A,” he said, “B.”").
   */
  private inverted(cue: Cue, sentence: Sentence, s: number): Attribution | null {
    if (
      !(cue.frames.has("say") || cue.frames.has("tell") || cue.frames.has("think") || cue.frames.has("hear"))
    )
      return null;
    const tokens = this.tokens;
    // "“Who will pay?” asked the mayor." — the quote's own ? or ! ended the sentence before the cue
    const closedBefore = (t: number) =>
      t >= sentence.tokenStart ||
      (t === sentence.tokenStart - 1 &&
        this.isMark(t) &&
        this.paragraphOf[t] === this.paragraphOf[sentence.tokenStart]);
    let before = this.beforeAux(cue.first, sentence.tokenStart);
    if (before < sentence.tokenStart) before = sentence.tokenStart - 1;
    let speaker: SpeakerMention | null = null;
    let boundary = -1;
    let afterSpeaker = cue.last + 1;
    if (tokens[cue.first]!.lower.endsWith("ing")) return null;
    // "“…,” Mr. King, 82, told me": a verb that only takes a hearer never inverts, so what follows
    // it is the hearer ("me", "The Huffington Post") and the speaker stands before it
    const inverts = cue.frames.has("say") || !cue.frames.has("tell");
    const inverted =
      inverts &&
      before >= 0 &&
      closedBefore(before) &&
      this.isContentEnd(before) &&
      !this.closesParentheticalAdverb(before, sentence.tokenStart)
        ? this.speakerAfterCue(cue, before)
        : null;
    if (inverted) {
      speaker = inverted;
      boundary = before;
      afterSpeaker = speaker.last + 1;
    } else {
      speaker = this.subjectBefore(cue.first, sentence.tokenStart);
      if (!speaker) return null;
      boundary = speaker.first - 1;
      // "The harbor, as one of the engineers pointed out, rarely floods": "as" opens the aside
      if (boundary > sentence.tokenStart && tokens[boundary]!.lower === "as") boundary--;
      if (boundary < 0 || !closedBefore(boundary) || !this.isContentEnd(boundary)) return null;
      const tail = this.adjunctTail(cue.last + 1, sentence.tokenEnd);
      if (tail < 0) return null;
      // "Railing against the plan, Lane vows to fight it": the cue's own to-clause follows
      if (tokens[cue.last + 1]?.lower === "to" && this.verbAfterTo(cue.last + 1)) return null;
      // "One after another, the firms declared bankruptcy", "people were charged fees": an object
      // or a passive makes the verb an act, not an attribution of what comes before
      const object = tokens[cue.last + 1];
      // ("..., Blige sings Bruce Springsteen's “American Skin”": a name that is no time is an object too)
      const named = object?.pos === "PROPN" && this.timeStarts[cue.last + 1] !== 1;
      if ((object?.pos === "NOUN" || named) && !cue.frames.has("tell") && !WEEKDAYS.test(object!.lower))
        return null;
      if (this.isPassive(cue, speaker.last)) return null;
      afterSpeaker = tail;
      // "“A,” he said, “B.”" may resume a quote; "X, he said, “B”" is a forward quote instead.
      if (tail < sentence.tokenEnd && !this.isPunctEnd(tail, sentence) && this.opensQuote(tail + 1)) {
        // "“A,” he said, “B.”" resumes a quote; "In Paris, he said, “B.”" is a forward quote instead,
        // and so is "“A.” She adds, “B.”" after a quotation that ended its own sentence
        if (!/^[”"»’']$/.test(tokens[boundary]!.text)) return null;
        const before = this.segments[this.segmentOf[boundary]!];
        if (before && /[.?!]$/.test(this.text.slice(before.innerStart, before.innerEnd))) return null;
      }
    }
    const floor =
      boundary < sentence.tokenStart
        ? this.segments[this.segmentOf[boundary]!]!.open
        : (this.quotationAfterColon(boundary, sentence) ?? this.contentFloor(sentence));
    const contentEnd = tokens[boundary]!.end;
    let contentStart = floor;
    let end = contentEnd;
    // "“A,” he said, “B.”" — the quote resumes after the attribution.
    // a short attribution only ("he said, but"): a long one would outweigh the quoted words
    const resume = this.resumingQuote(afterSpeaker, sentence, afterSpeaker - boundary <= 5);
    if (resume >= 0) end = this.segments[resume]!.close;
    else if (
      tokens[afterSpeaker]?.text === "," &&
      (tokens[boundary]!.text === "," ||
        // "“A,” he said, referring to the plan, “B.”": the comma sits inside the closing mark
        (this.isMark(boundary) &&
          tokens[boundary - 1]?.text === "," &&
          tokens[afterSpeaker + 1]?.pos === "VERB" &&
          tokens[afterSpeaker + 1]!.lower.endsWith("ing") &&
          // "he said, adding that “…”" is an attribution of its own
          !this.opensCue(afterSpeaker + 1))) &&
      !this.isPunctEnd(afterSpeaker, sentence)
    ) {
      end = this.resumedContentEnd(afterSpeaker + 1, sentence, end);
    }
    // "Climate change, he often says, is the greatest threat": the clause goes on after the cue.
    const continues =
      end > contentEnd && this.hasVerb(this.tokenIndexAt(contentEnd), this.tokenIndexAt(end - 1));
    if (!continues && !this.clauseBefore(sentence, boundary)) return null;
    // "If the plan fails, the minister argues, there are other ways": the main clause follows the cue
    if (!this.isMark(boundary) && !continues && this.opensWithAdverbial(sentence, boundary)) return null;
    // "In a statement announcing the pick, the union cited ...": one fronted phrase without a
    // finite verb ("In the end, the dam failed, officials said" holds a clause after its comma)
    if (
      !this.isMark(boundary) &&
      !continues &&
      tokens[sentence.tokenStart]!.pos === "ADP" &&
      !this.hasCommaOrFiniteVerb(sentence.tokenStart, boundary - 1)
    )
      return null;
    if (end - contentStart < 8) return null;
    const channel = this.channelNear(cue.last + 1, sentence.tokenEnd, speaker);
    // "Yet, as the economist observed, in the first weeks ...": only a connective before the
    // aside, so the words are what follows it
    if (
      continues &&
      tokens[afterSpeaker]?.text === "," &&
      boundary > sentence.tokenStart &&
      tokens.slice(sentence.tokenStart, boundary).every((tok) => tok.pos === "ADV" || tok.pos === "CCONJ")
    )
      contentStart = tokens[afterSpeaker + 1]!.start;
    contentStart = this.skipLeading(contentStart);
    return {
      contentStart,
      contentEnd: end,
      cue,
      speaker,
      ...(channel ? { channel } : {}),
      rule: before === boundary ? `${cue.lemma}: content, cue speaker` : `${cue.lemma}: content, speaker cue`,
      sentence: s,
      ownStart: tokens[Math.min(boundary + 1, sentence.tokenEnd - 1)]!.start,
      ownEnd: tokens[Math.max(speaker.last, cue.last)]!.end,
    };
  }

  /**
   * The opening of a quotation that closes at `boundary` and follows a colon in the same sentence:
   * in "The senator scolded him: “You misled us,” she said." the words are the quotation alone.
   */
  private quotationAfterColon(boundary: number, sentence: Sentence): number | undefined {
    if (!this.isMark(boundary)) return undefined;
    const seg = this.segments[this.segmentOf[boundary]!];
    if (!seg || seg.open <= sentence.start) return undefined;
    const open = this.tokenIndexAt(seg.open);
    return open > sentence.tokenStart && this.tokens[open - 1]!.text === ":" ? seg.open : undefined;
  }

  /** "..., said Smith": the speaker in a short noun phrase after the cue, never a clause or a hearer. */
  private speakerAfterCue(cue: Cue, before: number): SpeakerMention | null {
    const tokens = this.tokens;
    const sentenceEnd = this.sentences[tokens[cue.first]!.sentence]!.tokenEnd;
    const speaker = this.speakerAfter(cue.last + 1, sentenceEnd);
    if (!speaker) return null;
    for (let t = cue.last + 1; t <= speaker.last && tokens[t]!.text !== ","; t++) {
      if (this.isLowerVerb(t)) return null;
    }
    // "..., declared bankruptcy", "..., cited delays at the port": a bare noun after a verb
    // that takes an object is the object ("..., said officials" names speakers)
    if (cue.frames.has("judge") && tokens[speaker.first]!.pos === "NOUN" && speaker.first === cue.last + 1)
      return null;
    // "Saad al-Hadithi, a spokesman, told the AP, “...”": an appositive, not content, before the cue
    // (a quotation opening the next sentence is no part of it)
    const next = speaker.last + 2 < sentenceEnd ? tokens[speaker.last + 2] : undefined;
    if (tokens[before]!.text === "," && next && (next.lower === "that" || this.opensQuote(speaker.last + 2)))
      return null;
    return speaker;
  }

  /**
   * The end of what may follow an attribution that closes its sentence: a hearer, time and place
   * adjuncts ("told the Associated Press on Tuesday", "said Friday as he left"); -1 for a clause.
   */
  private adjunctTail(from: number, end: number): number {
    const tokens = this.tokens;
    let t = from;
    while (t < end && t - from < 14) {
      const tok = tokens[t]!;
      if (tok.text === "," || this.isPunctEnd(t, this.sentences[tok.sentence]!)) return t;
      // "said Friday as he boarded the plane": a subordinate clause ends the attribution
      if (tok.pos === "SCONJ" && tok.lower !== "that") return end;
      // "said Thursday on Fox News's “Fox and Friends.”": a quoted title names the programme
      const afterTitle = this.isMark(t) ? this.quotedTitleEnd(t) : -1;
      if (afterTitle > t) {
        t = afterTitle;
        continue;
      }
      if (tok.lower === "that" || tok.text === ":" || this.isMark(t) || this.isLowerVerb(t)) return -1;
      // "Railing Against the Plan, Mayor Vows To Fight It": an infinitive is the cue's own clause
      if (tok.lower === "to" && tokens[t + 1]?.pos === "VERB") return -1;
      t++;
    }
    return t >= end ? end : -1;
  }

  /**
   * The token after a quoted title opening at `t` ("“Fox and Friends”", "“The Daily Show”"): a few
   * words, each capitalised but for short function words; -1 for anything else.
   */
  private quotedTitleEnd(t: number): number {
    if (!this.opensQuote(t)) return -1;
    const seg = this.segments[this.segmentOf[t]!]!;
    let words = 0;
    let u = t + 1;
    for (; u < this.tokens.length && this.tokens[u]!.start < seg.innerEnd; u++) {
      const tok = this.tokens[u]!;
      if (tok.type !== "word") continue;
      if (++words > 6 || !(startsUpper(tok.text) || (words > 1 && TITLE_SMALL_WORDS.has(tok.lower))))
        return -1;
    }
    while (u < this.tokens.length && this.tokens[u]!.start < seg.close) u++;
    return words > 0 ? u : -1;
  }

  private isPunctEnd(t: number, sentence: Sentence): boolean {
    const tok = this.tokens[t]!;
    return tok.pos === "PUNCT" && !this.isMark(t) && tok.text !== "," && t >= sentence.tokenEnd - 2;
  }

  /**
   * "But when Congress cut funding, Mexico said ...": a fronted adverbial clause alone is no claim;
   * "After some delays, the plant has met its targets, an official said" holds a clause after it.
   */
  private opensWithAdverbial(sentence: Sentence, boundary: number): boolean {
    let t = sentence.tokenStart;
    while (t < sentence.tokenEnd && this.tokens[t]!.pos === "CCONJ") t++;
    const first = this.tokens[t];
    if (!first || !(SUBORDINATORS.has(first.lower) || ADVERBIAL_OPENERS.has(first.lower))) return false;
    for (let u = t + 1; u < boundary - 1; u++) {
      if (this.tokens[u]!.text === "," && this.segmentOf[u]! < 0 && this.hasVerb(u + 1, boundary - 1))
        return false;
    }
    return true;
  }

  /** A comma, a quotation or a verb that is no participle ("announcing") among tokens [from, to]. */
  private hasCommaOrFiniteVerb(from: number, to: number): boolean {
    for (let t = from; t <= to; t++) {
      const tok = this.tokens[t]!;
      if (this.segmentOf[t]! >= 0 || tok.text === ",") return true;
      if (tok.pos === "AUX" || (tok.pos === "VERB" && !/(ing|ed|en)$/.test(tok.lower))) return true;
    }
    return false;
  }

  private hasVerb(from: number, to: number): boolean {
    for (let t = from; t <= to; t++)
      if (this.tokens[t]!.pos === "VERB" || this.tokens[t]!.pos === "AUX") return true;
    return false;
  }

  /** Reported content before an attribution holds a clause or a quote: not "In a statement, X said". */
  private clauseBefore(sentence: Sentence, boundary: number): boolean {
    for (let t = sentence.tokenStart; t < boundary; t++) {
      if (this.segmentOf[t]! >= 0 || this.tokens[t]!.pos === "VERB" || this.tokens[t]!.pos === "AUX")
        return true;
    }
    if (this.segmentOf[boundary]! >= 0) return true;
    // "People like Scott, he said." is a verbless claim; "However, X said" is no claim.
    const first = this.tokens[sentence.tokenStart]!;
    return (
      boundary - sentence.tokenStart >= 3 &&
      first.pos !== "ADP" &&
      first.pos !== "ADV" &&
      first.pos !== "SCONJ"
    );
  }

  /**
   * Content that goes on after a parenthetical attribution: "Lenox was a giant, he said, until it
   * failed." A participle clause after it is the reporter's ("..., he said, adding that ..."),
   * unless a quote resumes after it ("“A,” he said, referring to the plan, “B.”").
   */
  private resumedContentEnd(from: number, sentence: Sentence, end: number): number {
    const next = this.tokens[from];
    if (!next) return end;
    const reporterClause =
      (next.pos === "VERB" && next.lower.endsWith("ing")) ||
      /^(who|which|as|while|when|after|before|because|in|at|on|during)$/.test(next.lower);
    if (!reporterClause) return this.contentCeiling(sentence);
    for (let t = from; t < sentence.tokenEnd; t++) {
      if (this.opensQuote(t)) {
        const seg = this.segments[this.segmentOf[t]!]!;
        return seg.close >= this.tokens[sentence.tokenEnd - 1]!.start ? seg.close : end;
      }
    }
    return end;
  }

  /** The last token before a time adjunct closing a subject ("the panel | in 2001"), or `end` itself. */
  private beforeTimeAdjunct(end: number, floor: number): number {
    for (let u = end; u > floor && end - u < 3; u--) {
      const tok = this.tokens[u]!;
      if (
        !(
          tok.pos === "NUM" ||
          tok.pos === "PROPN" ||
          tok.pos === "NOUN" ||
          tok.pos === "ADP" ||
          tok.pos === "DET"
        )
      )
        return end;
      if (this.timeStarts[u] !== 1) continue;
      const cut = this.tokens[u - 1]!.pos === "ADP" ? u - 1 : u;
      const head = this.tokens[cut - 1];
      return cut - 1 > floor && head && (head.pos === "NOUN" || head.pos === "PROPN") ? cut - 1 : end;
    }
    return end;
  }

  /** A comma closing a sentence adverb set off by commas: "Some lawmakers, however, question". */
  private closesParentheticalAdverb(comma: number, floor: number): boolean {
    return (
      comma - 2 > floor &&
      this.tokens[comma]!.text === "," &&
      PARENTHETICAL_ADVERBS.has(this.tokens[comma - 1]!.lower) &&
      this.tokens[comma - 2]!.text === ","
    );
  }

  /** Whether the token closes reported content: a comma, or a closing quote mark (after a comma). */
  private isContentEnd(t: number): boolean {
    const tok = this.tokens[t]!;
    if (tok.text === ",") return true;
    if (/^[”"»’']$/.test(tok.text)) {
      const seg = this.segmentOf[t]!;
      return seg >= 0 && this.segments[seg]!.close === tok.end;
    }
    return false;
  }

  /** An infinitive after "to", adverbs allowed between: "to harshly punish". */
  private verbAfterTo(to: number): boolean {
    let v = to + 1;
    // "exhorted voters to “vote your conscience”": the quotation opens at the verb
    const quoted = v < this.tokens.length && this.isMark(v) && this.opensQuote(v);
    if (quoted) v++;
    while (v < this.tokens.length && v - to <= 2 && this.tokens[v]!.pos === "ADV") v++;
    if (this.isLowerVerb(v)) return true;
    // ... where the tagger reads the quoted verb as a noun before its object ("“vote your
    // conscience”"; "referred to “losers”" has no object)
    const object = this.tokens[v + 1];
    if (
      quoted &&
      this.tokens[v]?.pos === "NOUN" &&
      !startsUpper(this.tokens[v]!.text) &&
      (object?.pos === "DET" || POSSESSIVE_WORDS.has(object?.lower ?? ""))
    )
      return true;
    // "Senator Vows To Cut Taxes": a headline in title case capitalises the verb too
    const tok = this.tokens[v];
    return (
      tok?.pos === "VERB" &&
      startsUpper(this.tokens[to]!.text) &&
      this.isTitleCase(this.doc.nlp.sentences[tok.sentence]!)
    );
  }

  /** A verb, not a capitalised name word wink tagged as one ("the Associated Press"). */
  private isLowerVerb(t: number): boolean {
    const tok = this.tokens[t]!;
    return (tok.pos === "VERB" || tok.pos === "AUX") && !startsUpper(tok.text);
  }

  private opensQuote(t: number): boolean {
    const seg = this.segmentOf[t]!;
    return seg >= 0 && this.segments[seg]!.open === this.tokens[t]!.start;
  }

  private resumingQuote(from: number, sentence: Sentence, joinable: boolean): number {
    let t = from;
    while (t < sentence.tokenEnd && this.tokens[t]!.text === ",") t++;
    // "“A,” he said, but “B.”": a conjunction may join the two parts
    const conjunction = this.tokens[t]?.lower === "but" || this.tokens[t]?.lower === "and";
    if (joinable && t > from && conjunction && this.isMark(t + 1)) t++;
    if (t >= this.tokens.length) return -1;
    const seg = this.segmentOf[t]!;
    if (seg >= 0 && this.segments[seg]!.open === this.tokens[t]!.start && t > from) return seg;
    return -1;
  }

  /** Skips the leading quote-internal space; content starts at its first word or mark. */
  private skipLeading(offset: number): number {
    let o = offset;
    while (o < this.text.length && /\s/.test(this.text[o]!)) o++;
    return o;
  }

  /** An outlet told or interviewed: "told the Associated Press (AP)", "in an interview with NBC". */
  private channelNear(from: number, limit: number, speaker: SpeakerMention | null): string | undefined {
    const tokens = this.tokens;
    let t = from;
    if (speaker && speaker.first >= from) t = speaker.last + 1;
    let end = t;
    while (
      end < limit &&
      end - t < 12 &&
      !this.isMark(end) &&
      tokens[end]!.lower !== "that" &&
      tokens[end]!.text !== ":" &&
      !this.isLowerVerb(end)
    )
      end++;
    // the object right after the cue, or after "with"/"to"
    for (let a = t; a < end; a++) {
      if (a !== t && !(tokens[a - 1]!.lower === "with" || tokens[a - 1]!.lower === "to")) continue;
      let b = a;
      while (b + 1 < end && tokens[b + 1]!.text !== "," && tokens[b + 1]!.pos !== "ADP") b++;
      if (b >= a && this.parser.isOutlet(a, b) && (isCapitalised(tokens[b]!) || tokens[b]!.text === ")")) {
        return this.outletName(a, b);
      }
    }
    return undefined;
  }

  private outletName(a: number, b: number): string {
    let first = a;
    while (first < b && this.tokens[first]!.pos === "DET") first++;
    return this.text.slice(this.tokens[first]!.start, this.tokens[b]!.end);
  }

  /**
   * "X said (that) CONTENT", "X told AP that CONTENT", "X said: “...”", "X learned from Y that",
   * "X criticized the decision"; the content runs to the sentence end (or the quote's end).
   */
  private forward(cue: Cue, sentence: Sentence, s: number, earlier: Attribution[]): Attribution | null {
    const tokens = this.tokens;
    const end = sentence.tokenEnd;
    const cueToken = tokens[cue.first]!;
    const before = this.beforeAux(cue.first, sentence.tokenStart);
    const participle = cueToken.lower.endsWith("ing");
    // "from saying that", "the man telling" are no attributions; "is saying", ", saying" are, and
    // so is a participle before a quotation: "footage of the mayor saying, “We are ready.”"
    const quoteAfter = this.quoteAfterAdjuncts(cue.last + 1, end);
    const question = this.openingQuestion(cue, sentence, s);
    if (question) return question;
    // "is expected to reach", "was reported": a passive names no speaker (unless "by X", not handled here)
    if (!cue.adjective && this.isPassive(cue, before))
      return this.passiveWithAgent(cue, sentence, s) ?? this.agentlessPassive(cue, sentence, s);
    let speaker: SpeakerMention | null = null;
    let inherit: Attribution | undefined;
    // ", adding that": the participle right after the comma; "militias, which ..., have been
    // calling for": a comma before auxiliaries closes the subject's relative clause instead
    // "..., praising the workers and saying the state would pay": a participle coordinated with
    // an earlier participle cue hangs on the same clause
    const previous = earlier.at(-1);
    const coordinatedParticiple =
      participle &&
      before === cue.first - 1 &&
      tokens[before]?.pos === "CCONJ" &&
      !!previous &&
      tokens[previous.cue.first]!.lower.endsWith("ing") &&
      previous.cue.last < before;
    // "said: “It was a success,” adding that ...": the comma sits inside the closing mark
    const commaBefore =
      tokens[before]?.text === "," ||
      (this.isMark(before) && tokens[before - 1]?.text === "," && this.segmentOf[before - 1]! >= 0);
    // "refuses to name them, aside from saying he wants ...", "was fined for saying that ...": the
    // clause's subject said it ("refrained from saying" is no saying; "attacked him for saying" is his)
    const besidesSaying =
      participle &&
      before === cue.first - 1 &&
      cue.frames.has("say") &&
      ((tokens[before]!.lower === "from" && SAVE_WORDS.has(tokens[before - 1]?.lower ?? "")) ||
        (tokens[before]!.lower === "for" && earlier.length === 0));
    // "Lane and Moss vied for the post, each touting their record": a floating quantifier after the
    // comma stands for the clause's subject
    const eachOf =
      participle &&
      before === cue.first - 1 &&
      FLOATING_QUANTIFIERS.has(tokens[before]!.lower) &&
      tokens[before - 1]?.text === ",";
    // "..., with one tracker showing her ahead": the noun phrase after "with" is the participle's subject
    const withSubject =
      participle && before === cue.first - 1 ? this.nounPhraseBefore(cue.first, sentence.tokenStart) : null;
    const absolute =
      withSubject &&
      tokens[withSubject.first - 1]?.lower === "with" &&
      tokens[withSubject.first - 2]?.text === ","
        ? withSubject
        : null;
    // "Lamenting their luck, farmers say ...", "In defending his record, Moss offered ...": a
    // participle opening the sentence belongs to the main clause's subject
    const opening =
      participle &&
      earlier.length === 0 &&
      (cue.first === sentence.tokenStart ||
        (cue.first === sentence.tokenStart + 1 &&
          OPENING_PREPOSITIONS.has(tokens[sentence.tokenStart]!.lower))) &&
      this.hasCommaOrFiniteVerb(cue.last + 1, sentence.tokenEnd - 1);
    const hangs =
      coordinatedParticiple ||
      besidesSaying ||
      eachOf ||
      opening ||
      (participle &&
        (commaBefore ||
          (before === cue.first - 1 &&
            cue.frames.has("say") &&
            PARTICIPLE_OPENERS.has(tokens[before]!.lower))) &&
        !tokens.slice(before + 1, cue.first).some((tok) => tok.pos === "AUX" || COPULAS.has(tok.lower)));
    // "issued a statement saying ...", "Trump's tweets accusing ...": the medium's author speaks
    const medium =
      participle && before === cue.first - 1 && cue.frames.has("say") ? this.mediumBefore(cue.first) : -1;
    if (participle && before === cue.first - 1 && !hangs && medium < 0 && quoteAfter < 0 && !absolute)
      return null;
    // "It goes without saying that ...": the idiom asserts it as the writer's own
    if (participle && tokens[before]?.lower === "without" && GO_FORMS.has(tokens[before - 1]?.lower ?? ""))
      return null;
    if (absolute) speaker = absolute;
    else if (medium >= 0) {
      speaker = this.mediumAuthor(medium, sentence.tokenStart);
      if (!speaker) return null;
    } else if (participle && quoteAfter >= 0 && before === cue.first - 1 && !hangs) {
      // "footage of the governor saying, “…”": the noun phrase right before the participle speaks
      speaker = this.nounPhraseBefore(cue.first, sentence.tokenStart);
      if (!speaker) return null;
    } else if (hangs || tokens[before]?.pos === "CCONJ") {
      // "..., adding that ...", "... and said that ..." — the speaker of the clause it hangs on.
      inherit = earlier.at(-1);
      if (!inherit) speaker = this.sentenceSubject(sentence, opening ? sentence.tokenEnd : cue.first);
      if (!inherit && !speaker) return null;
    } else speaker = this.subjectBefore(cue.first, sentence.tokenStart);
    const subjectLeftOut = !speaker && !inherit && this.opensListItem(cue.first);
    if (!speaker && !inherit && !subjectLeftOut) return null;
    if (speaker?.pronoun === "it" && cue.frames.has("judge") && !cue.frames.has("say")) return null;
    // "Militias have for years been calling for the pullout", "gunmen attacked the convoy": a stance
    // verb with an unnamed armed group as subject names an act for the events layer, not speech
    // ("Gunmen" opening a sentence is no name)
    if (
      speaker &&
      this.lex.armedActorNouns.has(speaker.head) &&
      (!speaker.name || singular(speaker.name) === speaker.head) &&
      stanceOnly(cue)
    )
      return null;
    let t = cue.last + 1;
    let channel: string | undefined;
    let channelHolder: SpeakerMention | null = null;
    let rule = subjectLeftOut ? `no subject: ${cue.lemma}` : cue.lemma;
    // "X learned from Y that ...": Y speaks, X relays.
    if (cue.frames.has("hear") && tokens[t]?.lower === "from") {
      let that = t + 1;
      while (that < end && tokens[that]!.lower !== "that" && !this.isMark(that)) that++;
      if (that >= end) return null;
      let nameEnd = that - 1;
      while (nameEnd > t && tokens[nameEnd]!.text === ",") nameEnd--;
      const source = this.speakerAfter(t + 1, nameEnd + 1);
      if (!source) return null;
      channelHolder = speaker;
      speaker = source;
      t = tokens[that]!.lower === "that" ? that + 1 : that;
      rule = `${cue.lemma} from: source that`;
      if (channelHolder) channel = this.mentionText(channelHolder);
      return this.finish(cue, sentence, s, speaker, tokens[t]?.start ?? sentence.end, channel, rule, inherit);
    }
    if (cue.frames.has("tell") && !cue.frames.has("say") && t < end) {
      // the hearer: "told the Associated Press (AP)", "told reporters on Tuesday"
      const hearerStart = t;
      while (
        t < end &&
        tokens[t]!.lower !== "that" &&
        !(t > hearerStart && tokens[t]!.lower === "about") &&
        tokens[t]!.text !== "," &&
        tokens[t]!.text !== ":" &&
        !this.isMark(t) &&
        !(this.isLowerVerb(t) && !["DET", "ADJ"].includes(tokens[t - 1]!.pos)) &&
        !(tokens[t]!.lower === "to" && this.verbAfterTo(t)) &&
        !(t > hearerStart && WH_COMPLEMENTS.has(tokens[t]!.lower)) &&
        t - hearerStart < 14
      )
        t++;
      // "asked Lester Holt, the moderator of the debate, to check ...": the hearer's appositive
      if (tokens[t]?.text === "," && t > hearerStart) t = this.afterHearerAppositive(t, end);
      if (t === hearerStart) return null;
      if (tokens[t]?.lower === "about" && t > hearerStart && this.startsNounPhrase(t + 1)) {
        // "asked him about his tax returns", "told reporters about the plan"
        return this.finish(
          cue,
          sentence,
          s,
          speaker,
          tokens[t + 1]!.start,
          this.channelNear(cue.last + 1, t, null),
          `${rule} hearer about object`,
          inherit,
        );
      }
      if (WH_COMPLEMENTS.has(tokens[t]?.lower ?? "") && this.opensWhClause(t, end)) {
        // "told reporters how the money was spent"
        const channel = this.channelNear(cue.last + 1, t, null);
        return this.finish(
          cue,
          sentence,
          s,
          speaker,
          tokens[t]!.start,
          channel,
          `${rule} hearer wh-clause`,
          inherit,
        );
      }
      if (tokens[t]?.lower === "to") {
        return this.finish(
          cue,
          sentence,
          s,
          speaker,
          tokens[t]!.start,
          this.channelNear(cue.last + 1, t, null),
          `${rule} hearer to-clause`,
          inherit,
        );
      }
      if (t < end && this.isLowerVerb(t)) {
        // "told the forum he was against the war": the clause's subject ends the hearer
        const subject = this.clauseSubjectStart(hearerStart + 1, t);
        if (subject < 0) return null;
        return this.finish(
          cue,
          sentence,
          s,
          speaker,
          tokens[subject]!.start,
          this.channelNear(cue.last + 1, subject, null),
          `${rule} hearer clause`,
          inherit,
        );
      }
    } else if (
      cue.frames.has("tell") &&
      t < end &&
      tokens[t]!.pos !== "SCONJ" &&
      tokens[t]!.text !== ":" &&
      !this.isMark(t)
    ) {
      // "say" verbs with a hearer too: "warned reporters that", "assured Kiev that"
      let u = t;
      while (u < end && u - t < 8 && ["DET", "PROPN", "NOUN", "ADJ", "PRON"].includes(tokens[u]!.pos)) u++;
      if (u > t && u < end && tokens[u]!.lower === "that") t = u;
    }
    channel = this.channelNear(cue.last + 1, end, null);
    // "cautioned, as did the ministry itself, that ...": a comparison set off by commas
    if (tokens[t]?.text === "," && tokens[t + 1]?.lower === "as") {
      let close = t + 2;
      while (close < end && close - t < 10 && tokens[close]!.text !== ",") close++;
      if (tokens[close]?.text === "," && tokens[close + 1]?.lower === "that") t = close + 1;
    }
    // adjuncts before "that": "said on Tuesday in a statement that ..."
    let that = -1;
    for (let u = t; u < end && u - t < 14; u++) {
      const tok = tokens[u]!;
      if (tok.lower === "that") {
        const role = this.thatRole(u);
        // "said that was wrong": the pronoun is the clause's subject
        if (role === "subject")
          return this.finish(cue, sentence, s, speaker, tok.start, channel, `${rule} clause`, inherit);
        if (role === "complementizer") that = u;
        break;
      }
      // "says at a campaign stop in Ohio that ...": a noun the tagger took for a verb
      const nounInAdjunct = u > t && ["DET", "ADJ", "NOUN"].includes(tokens[u - 1]!.pos);
      if ((this.isLowerVerb(u) && !nounInAdjunct) || this.isMark(u) || tok.text === ":") break;
      // "said by phone that", "have heard by now that"
      const adjunct = ADJUNCT_STARTS.has(tok.lower) || tok.lower === "by";
      if (u === t && !adjunct && !WEEKDAYS.test(tok.lower) && tok.text !== ",") break;
    }
    if (that >= 0) {
      return this.finish(
        cue,
        sentence,
        s,
        speaker,
        tokens[that + 1]?.start ?? sentence.end,
        channel,
        `${rule} that`,
        inherit,
      );
    }
    // "As the engineers noted, the harbor rarely floods": the aside opens the sentence, the claim follows
    if (
      speaker &&
      speaker.first - 1 === sentence.tokenStart &&
      tokens[speaker.first - 1]!.lower === "as" &&
      (cue.frames.has("say") || cue.frames.has("think"))
    ) {
      // "As the minister put it in a letter to the committee in May, …": a medium adjunct may stand between
      let comma = t;
      while (comma < end && comma - t < 16 && tokens[comma]!.text !== "," && !this.isLowerVerb(comma))
        comma++;
      if (tokens[comma]?.text !== "," || !this.startsClause(comma + 1, end)) return null;
      return this.finish(
        cue,
        sentence,
        s,
        speaker,
        tokens[comma + 1]!.start,
        channel,
        `as ${rule}, clause`,
        inherit,
      );
    }
    // skip a time adjunct: "said Tuesday", "said on Monday"; not "called Friday's ruling a win"
    while (
      t < end &&
      (WEEKDAYS.test(tokens[t]!.lower) ||
        (tokens[t]!.lower === "on" && WEEKDAYS.test(tokens[t + 1]?.lower ?? ""))) &&
      !(tokens[t + 1]?.lower === "'s" || tokens[t + 1]?.lower === "’s")
    )
      t++;
    if (t < end && tokens[t]!.text === ",") {
      if (t + 1 < end && this.isMark(t + 1)) t++;
    }
    if (t >= end || (t === end - 1 && tokens[t]!.pos === "PUNCT" && tokens[t]!.text !== ":")) return null;
    // "said as much", "doesn't think so": a pro-form stands for the claim made before
    const proForm =
      tokens[t]!.lower === "so" ? 1 : tokens[t]!.lower === "as" && tokens[t + 1]?.lower === "much" ? 2 : 0;
    if (
      proForm > 0 &&
      (cue.frames.has("say") || cue.frames.has("think")) &&
      (t + proForm >= end ||
        tokens[t + proForm]!.pos === "PUNCT" ||
        ADJUNCT_STARTS.has(tokens[t + proForm]!.lower))
    ) {
      const last = tokens[t + proForm - 1]!;
      return this.finish(
        cue,
        sentence,
        s,
        speaker,
        tokens[t]!.start,
        channel,
        `${rule} pro-form`,
        inherit,
        last.end,
      );
    }
    const wh = this.whComplementAt(t, end, cue);
    if (wh >= 0) {
      // "questioned whether the rival was ready", "asked the minister how the plan would work"
      return this.finish(cue, sentence, s, speaker, tokens[wh]!.start, channel, `${rule} wh-clause`, inherit);
    }
    if (quoteAfter > t && (cue.frames.has("say") || cue.frames.has("tell"))) {
      // "asked her, “Where do we go?”", "said during the debate last week, “That is wrong.”"
      return this.finish(
        cue,
        sentence,
        s,
        speaker,
        tokens[quoteAfter]!.start,
        channel,
        `${rule} “quote”`,
        inherit,
      );
    }
    if (ADJUNCT_STARTS.has(tokens[t]!.lower)) {
      // "says of Clinton, “...”", "told reporters in Ohio: “...”"
      for (let u = t + 1; u < end && u - t < 12; u++) {
        if (this.isMark(u) && this.opensQuote(u))
          return this.finish(
            cue,
            sentence,
            s,
            speaker,
            tokens[u]!.start,
            channel,
            `${rule} “quote”`,
            inherit,
          );
        if (tokens[u]!.text === ":")
          return this.finish(
            cue,
            sentence,
            s,
            speaker,
            tokens[u + 1]?.start ?? sentence.end,
            channel,
            `${rule}:`,
            inherit,
          );
        if (this.isLowerVerb(u)) {
          const subject = this.clauseSubjectStart(t + 1, u);
          if (subject > t)
            return this.finish(
              cue,
              sentence,
              s,
              speaker,
              tokens[subject]!.start,
              channel,
              `${rule} clause`,
              inherit,
            );
          break;
        }
      }
    }
    const tok = tokens[t]!;
    if (tok.text === ":") {
      // "The Associated Press reports:" closing a paragraph introduces the next paragraph.
      if (t + 1 >= end) {
        return this.finish(
          cue,
          sentence,
          s,
          speaker,
          sentence.end,
          channel,
          `${rule} :`,
          inherit,
          sentence.end,
        );
      }
      return this.finish(cue, sentence, s, speaker, tokens[t + 1]!.start, channel, `${rule}:`, inherit);
    }
    if (this.isMark(t) && this.segmentOf[t]! >= 0 && this.segments[this.segmentOf[t]!]!.open === tok.start) {
      return this.finish(cue, sentence, s, speaker, tok.start, channel, `${rule} “quote”`, inherit);
    }
    if (cue.frames.has("intend") || cue.frames.has("tell")) {
      // "wants to triple the program", "asked the candidates to discuss their ideas"
      let u = t;
      // "asked NBC's anchor to check …": a possessive inside the hearer
      while (
        u < end &&
        u - t < 8 &&
        (NP_TAGS.has(tokens[u]!.pos) || (u > t && POSSESSIVE_WORDS.has(tokens[u]!.lower)))
      )
        u++;
      if (tokens[u]?.text === "," && u > t) u = this.afterHearerAppositive(u, end);
      if (tokens[u]?.lower === "about" && u > t && cue.frames.has("say") && this.startsNounPhrase(u + 1)) {
        // "asks him about his tax returns"
        return this.finish(
          cue,
          sentence,
          s,
          speaker,
          tokens[u + 1]!.start,
          channel,
          `${rule} hearer about object`,
          inherit,
        );
      }
      // "decided after a long review not to file charges": an adjunct of the cue before its aim
      if (u === t && tokens[u]?.pos === "ADP" && cue.frames.has("intend")) {
        let v = u + 1;
        while (v < end && v - u < 8 && NP_TAGS.has(tokens[v]!.pos)) v++;
        if (v > u + 1 && (tokens[v]?.lower === "to" || tokens[v]?.lower === "not")) u = v;
      }
      // "decided not to file charges": a negated aim is the aim
      const negated = tokens[u]?.lower === "not" && tokens[u + 1]?.lower === "to" && cue.frames.has("intend");
      const to = negated ? u + 1 : u;
      if (tokens[to]?.lower === "to" && this.verbAfterTo(to)) {
        return this.finish(
          cue,
          sentence,
          s,
          speaker,
          tokens[u]!.start,
          channel,
          `${rule} to-clause`,
          inherit,
        );
      }
    }
    // "That was what she said when she resigned": after a verb of saying, a clause of time is the
    // reporter's ("knows when it is worth paying more" asks an indirect question)
    const timeClause = TIME_CLAUSE_OPENERS.has(tok.lower) && !cue.frames.has("think");
    const bareClause =
      (cue.frames.has("say") || cue.frames.has("think") || cue.frames.has("hear")) &&
      !timeClause &&
      // "read the notes they had left": a text read out or sung is no clause
      !this.lex.textVerbs.has(cue.lemma) &&
      this.startsClause(t, end);
    if (bareClause)
      return this.finish(cue, sentence, s, speaker, tok.start, channel, `${rule} clause`, inherit);
    // "his donations, which he said were tied to favors": the relative pronoun is the clause's
    // subject, the verb follows the cue, the clause ends at its comma
    const relative = speaker ? this.tokens[speaker.first - 1] : undefined;
    if (
      (cue.frames.has("say") || cue.frames.has("think")) &&
      relative &&
      RELATIVES.has(relative.lower) &&
      this.tokens[speaker!.first - 2]?.text === "," &&
      this.isLowerVerb(t) &&
      !tok.lower.endsWith("ing")
    ) {
      const gapEnd = this.clauseEnd(t, this.contentCeiling(sentence));
      return this.finish(
        cue,
        sentence,
        s,
        speaker,
        tok.start,
        channel,
        `${rule} gapped clause`,
        inherit,
        gapEnd,
      );
    }
    // "A 2014 study found 31 cases of fraud": what a study, poll or report finds is its finding
    const finding = cue.lemma === "find" && !!speaker && this.lex.wholeMessages.has(speaker.head);
    if ((cue.frames.has("judge") || finding) && this.startsNounPhrase(t)) {
      // "scolded the minister: “You misled us.”": the quotation after the colon is what was said
      let u = t;
      while (u < end && u - t < 8 && NP_TAGS.has(tokens[u]!.pos)) u++;
      if (tokens[u]?.text === ":" && this.isMark(u + 1) && this.opensQuote(u + 1))
        return this.finish(
          cue,
          sentence,
          s,
          speaker,
          tokens[u + 1]!.start,
          channel,
          `${rule} “quote”`,
          inherit,
        );
      return this.finish(cue, sentence, s, speaker, tok.start, channel, `${rule} object`, inherit);
    }
    // "an explosion the mayor described as “an intentional act”": the object is the relative
    // pronoun before the speaker, its description follows
    if (cue.frames.has("judge") && tok.lower === "as" && t === cue.last + 1 && this.startsNounPhrase(t + 1)) {
      return this.finish(cue, sentence, s, speaker, tok.start, channel, `${rule} as object`, inherit);
    }
    return null;
  }

  /**
   * Past an appositive set off by commas after a hearer, when a to-clause or a that-clause follows
   * it: "asked Lester Holt, the moderator, to ..." -> "to"; otherwise the comma itself.
   */
  private afterHearerAppositive(comma: number, end: number): number {
    const opener = this.tokens[comma + 1];
    if (!opener || !["DET", "ADJ", "NOUN", "PROPN"].includes(opener.pos)) return comma;
    for (let u = comma + 2; u < end && u - comma <= 14; u++) {
      const tok = this.tokens[u]!;
      if (this.isMark(u) || this.isLowerVerb(u)) return comma;
      if (tok.text !== ",") continue;
      const next = this.tokens[u + 1];
      const opensContent =
        !!next &&
        ((next.lower === "to" && this.verbAfterTo(u + 1)) ||
          (next.lower === "that" && this.thatRole(u + 1) === "complementizer"));
      return opensContent ? u + 1 : comma;
    }
    return comma;
  }

  /**
   * A question or an indirect question after a cue, a short hearer allowed before it for verbs of
   * saying: "wondered why", "isn't saying if the firm broke the law", "asked the minister how".
   */
  private whComplementAt(t: number, end: number, cue: Cue): number {
    if (!["say", "tell", "think", "hear", "judge"].some((f) => cue.frames.has(f as Frame))) return -1;
    let u = t;
    if (cue.frames.has("say") || cue.frames.has("tell")) {
      while (
        u < end &&
        u - t < 5 &&
        ["DET", "PROPN", "NOUN", "ADJ", "PRON", "PART"].includes(this.tokens[u]!.pos) &&
        !WH_COMPLEMENTS.has(this.tokens[u]!.lower)
      )
        u++;
    }
    return WH_COMPLEMENTS.has(this.tokens[u]?.lower ?? "") && this.opensWhClause(u, end) ? u : -1;
  }

  /** A wh-word or "if"/"whether" that opens a clause with its own verb within a few words. */
  private opensWhClause(t: number, end: number): boolean {
    for (let u = t + 1; u < end && u - t <= 10; u++) {
      if (this.isLowerVerb(u)) return true;
      if (this.tokens[u]!.text === "," || this.tokens[u]!.text === ";" || this.isMark(u)) return false;
    }
    return false;
  }

  /**
   * The opening mark of a quotation after a cue's short hearer or adjuncts and a comma or colon:
   * "asked her, “…”", "saying during the debate, “…”"; -1 when a clause or "that" comes first.
   */
  private quoteAfterAdjuncts(from: number, end: number): number {
    for (let u = from; u < end && u - from <= 12; u++) {
      const tok = this.tokens[u]!;
      if ((tok.text === "," || tok.text === ":") && u + 1 < end && this.opensQuote(u + 1)) return u + 1;
      if (this.isMark(u) || tok.lower === "that" || this.isLowerVerb(u) || tok.text === ";") return -1;
    }
    return -1;
  }

  /**
   * "said that the troops would stay" opens a clause, "said that was wrong" has a pronoun subject,
   * "rejected that argument in a ruling" has a determiner.
   */
  private thatRole(u: number): "complementizer" | "subject" | "determiner" {
    const next = this.tokens[u + 1];
    if (!next) return "determiner";
    if (next.pos === "AUX" || (next.pos === "VERB" && !startsUpper(next.text))) return "subject";
    // "that" determines a singular noun only: "that revelations about X show ..." opens a clause
    if (next.pos !== "NOUN" || next.lemma !== next.lower || startsUpper(next.text)) return "complementizer";
    let v = u + 2;
    while (v < this.tokens.length && ["NOUN", "PROPN", "ADJ"].includes(this.tokens[v]!.pos)) v++;
    // "found that half of the claims were false", "said that aid for the mill would be cut": the
    // noun's prepositional phrase before the clause's verb
    const preposition = this.tokens[v]?.pos === "ADP" ? this.tokens[v]!.lower : "";
    if (preposition) {
      v++;
      while (v < this.tokens.length && NP_TAGS.has(this.tokens[v]!.pos)) v++;
    }
    const after = this.tokens[v];
    // ("rejected that appeal in a ruling released Monday": a participle after the phrase describes it)
    if (preposition && preposition !== "of") return after?.pos === "AUX" ? "complementizer" : "determiner";
    return after && (after.pos === "AUX" || after.pos === "VERB" || after.text === ",")
      ? "complementizer"
      : "determiner";
  }

  private finish(
    cue: Cue,
    sentence: Sentence,
    s: number,
    speaker: SpeakerMention | null,
    contentStart: number,
    channel: string | undefined,
    rule: string,
    inherit: Attribution | undefined,
    contentEnd?: number,
  ): Attribution | null {
    // "expressed deep concern about the policy", "voiced support for the pipeline": the stance noun
    // says how the subject stands; what it stands toward follows the noun's preposition
    if (rule.endsWith("object") && VOICING_VERBS.has(cue.lemma)) {
      let u = this.tokenIndexAt(contentStart);
      while (this.tokens[u] && (this.tokens[u]!.pos === "DET" || this.tokens[u]!.pos === "ADJ")) u++;
      const noun = this.tokens[u];
      const preposition = this.tokens[u + 1];
      if (
        noun &&
        preposition &&
        this.lex.stanceNouns.get(singular(noun.lower))?.has(preposition.lower) &&
        this.tokens[u + 2]
      ) {
        contentStart = this.tokens[u + 2]!.start;
        rule = `${cue.lemma} ${singular(noun.lower)} ${preposition.lower} object`;
      }
    }
    let end = this.cutReporterClause(contentStart, contentEnd ?? this.contentCeiling(sentence));
    // "attacked her opponent as a fraud during the debate, with jabs ...": a stance's object is a phrase
    if (rule.endsWith("object")) {
      // "indicates a tightening race as the party consolidates": the reporter's clause of time or cause
      end = this.adverbialClauseStart(contentStart, this.phraseEnd(contentStart, end));
      // "cities that support the rules joined the suit": in a relative clause the main verb ends it
      const relative = this.tokens[this.beforeAux(cue.first, sentence.tokenStart)]?.lower ?? "";
      if (relative === "that" || RELATIVES.has(relative))
        end = this.beforeFiniteVerb(this.tokenIndexAt(contentStart), end);
    }
    // "warned officials to boost security after hackers struck": the reporter's clause of time or cause
    if (rule.endsWith("to-clause")) {
      end = this.nextClauseStart(contentStart, this.adverbialClauseStart(contentStart, end));
      // "the reason that he refuses to release his returns may be ...": a relative clause's aim
      // ends where the main clause's auxiliary begins
      const relative = speaker ? this.tokens[speaker.first - 1] : undefined;
      if (
        relative &&
        (relative.lower === "that" || RELATIVES.has(relative.lower)) &&
        this.tokens[speaker!.first - 2]?.pos === "NOUN"
      )
        end = this.beforeAuxiliary(this.tokenIndexAt(contentStart) + 2, end);
    }
    // "saying, “That makes me smart,” as the crowd laughed": the quotation ends the content
    if (rule.endsWith("“quote”")) end = this.quotationEnd(contentStart, end);
    if (/ (that|clause)$/.test(rule)) end = this.closingAppositiveStart(contentStart, end);
    // "Ted Cruz, who said the vote was rigged, left early": the relative clause ends at its comma
    if (this.opensRelativeClause(cue, sentence)) end = this.clauseEnd(this.tokenIndexAt(contentStart), end);
    // "When the mayor noted that the pool had closed, her rival laughed": a fronted clause of time
    // or condition ends at its comma, before the main clause
    // ("Hours after the mayor warned that …, crews …": after a stretch of time too)
    const opener = this.tokens[sentence.tokenStart]!;
    const afterSpan =
      SPANS_OF_TIME.has(opener.lower) &&
      (this.tokens[sentence.tokenStart + 1]?.lower === "after" ||
        this.tokens[sentence.tokenStart + 1]?.lower === "before");
    if (
      speaker &&
      ((speaker.first === sentence.tokenStart + 1 &&
        (SUBORDINATORS.has(opener.lower) || ADVERBIAL_OPENERS.has(opener.lower))) ||
        (speaker.first === sentence.tokenStart + 2 && afterSpan))
    )
      end = this.clauseEnd(this.tokenIndexAt(contentStart), end);
    if (contentEnd === undefined && end - contentStart < 3) return null;
    return {
      contentStart: this.skipLeading(contentStart),
      contentEnd: end,
      cue,
      speaker,
      ...(inherit ? { inherit } : {}),
      ...(channel ? { channel } : {}),
      rule,
      sentence: s,
      ownStart:
        this.tokens[
          speaker && speaker.first < cue.first
            ? speaker.first
            : this.beforeAux(cue.first, sentence.tokenStart) + 1
        ]!.start,
      ownEnd: this.tokens[cue.last]!.end,
    };
  }

  /** ", who said", ", which has long argued": the cue is the verb of a relative clause set off by commas. */
  private opensRelativeClause(cue: Cue, sentence: Sentence): boolean {
    const j = this.beforeAux(cue.first, sentence.tokenStart);
    return (
      j > sentence.tokenStart &&
      (this.tokens[j]!.lower === "who" || this.tokens[j]!.lower === "which") &&
      this.tokens[j - 1]!.text === ","
    );
  }

  /**
   * The close of a whole quotation opening at a content start ("“That is wrong,” as the crowd
   * laughed"), unless another quotation follows; a quoted phrase ("“budget reforms” would help")
   * opens a clause that goes on.
   */
  private quotationEnd(start: number, end: number): number {
    const seg = segmentAt(this.segments, start);
    if (seg < 0 || this.segments[seg]!.open !== start || this.segments[seg]!.close >= end) return end;
    if (!/[,.?!]$/.test(this.text.slice(this.segments[seg]!.innerStart, this.segments[seg]!.innerEnd)))
      return end;
    const next = this.segments[seg + 1];
    return next && next.open < end ? end : this.segments[seg]!.close;
  }

  /** Where a clause's subject starts among tokens [from, verb): "the forum | he", "reporters | the plan". */
  private clauseSubjectStart(from: number, verb: number): number {
    for (let t = verb - 1; t >= from; t--) {
      const tok = this.tokens[t]!;
      if (tok.pos === "PRON" && /^(he|she|they|it|we|i|you)$/.test(tok.lower)) return t;
      if (tok.pos === "DET" && !["ADP"].includes(this.tokens[t - 1]!.pos)) return t;
    }
    return -1;
  }

  /** Where a stance verb's object ends: the first comma, dash or adverbial clause outside quotes. */
  private phraseEnd(start: number, end: number): number {
    const first = this.tokenIndexAt(start);
    // "a man who inherited a fortune, dodged taxes and mocked workers": the list's last act
    let actsListed = false;
    for (let t = first + 1; t < this.tokens.length && this.tokens[t]!.end <= end; t++) {
      const tok = this.tokens[t]!;
      if (this.segmentOf[t]! >= 0) continue;
      if (tok.text === "," && this.continuesRelativeActs(t, first)) {
        actsListed = true;
        continue;
      }
      if (actsListed && (tok.lower === "and" || tok.lower === "or") && this.isLowerVerb(t + 1)) {
        actsListed = false;
        continue;
      }
      if (
        (tok.text === "," &&
          !this.continuesList(t) &&
          !this.opensNounModifier(t, first) &&
          !this.opensObjectModifier(t)) ||
        tok.text === ";" ||
        DASHES.has(tok.text) ||
        this.isSpacedHyphen(t) ||
        (PHRASE_ENDERS.has(tok.lower) && t - first >= 1) ||
        // "responded to the mother by saying ...": a participle of means or time ends the object
        (PARTICIPLE_OPENERS.has(tok.lower) &&
          t - first >= 1 &&
          this.tokens[t + 1]?.pos === "VERB" &&
          this.tokens[t + 1]!.lower.endsWith("ing")) ||
        this.joinsNextAct(t, first) ||
        // "highlights the killings to help explain the protests": an infinitive of purpose is the reporter's
        (tok.lower === "to" &&
          t - first >= 2 &&
          ["NOUN", "PROPN"].includes(this.tokens[t - 1]!.pos) &&
          PURPOSE_VERBS.has(this.tokens[t + 1]?.lower ?? "")) ||
        this.opensSettingAdjunct(t)
      ) {
        return this.trimBack(tok.start);
      }
    }
    return end;
  }

  /**
   * Where a reported clause's closing appositive starts: "said resources were better spent with
   * NATO, the alliance that includes …" -> "… with NATO". Only the last comma of the content, after a
   * name and before "the"/"a".
   */
  private closingAppositiveStart(start: number, end: number): number {
    const first = this.tokenIndexAt(start);
    let last = -1;
    for (let t = first + 1; t < this.tokens.length && this.tokens[t]!.end <= end; t++) {
      if (this.tokens[t]!.text === "," && this.segmentOf[t]! < 0) last = t;
    }
    return last > first && this.opensNounModifier(last, first)
      ? this.trimBack(this.tokens[last]!.start)
      : end;
  }

  /** A comma before an appositive that describes a named object: "criticized Ana Ruiz, the former mayor". */
  private opensNounModifier(comma: number, first: number): boolean {
    const prev = this.tokens[comma - 1]!;
    if (comma - 1 < first || prev.pos !== "PROPN") return false;
    const next = this.tokens[comma + 1];
    return !!next && next.pos === "DET" && /^(the|a|an)$/.test(next.lower);
  }

  /**
   * A comma before words that go on describing the object: "cited the costs, including fuel",
   * "described the show, in which contestants competed"; a bare ", which ..." is the reporter's aside.
   */
  private opensObjectModifier(comma: number): boolean {
    const next = this.tokens[comma + 1];
    if (!next || this.segmentOf[comma + 1]! >= 0) return false;
    if (OBJECT_MODIFIER_OPENERS.has(next.lower)) return true;
    if (this.relativeAsideBeforePreposition(comma)) return true;
    const after = this.tokens[comma + 2];
    return next.pos === "ADP" && !!after && RELATIVES.has(after.lower);
  }

  /**
   * Either comma of a relative clause set inside the object before the verb's own preposition:
   * "accused Omar Haddad, who was born in Aden, of dealing with ...", "praised the mayor,
   * who was absent, for her work".
   */
  private relativeAsideBeforePreposition(comma: number): boolean {
    const tokens = this.tokens;
    const sentence = tokens[comma]!.sentence;
    let open = -1;
    let close = -1;
    if (RELATIVES.has(tokens[comma + 1]?.lower ?? "")) {
      open = comma;
      for (let u = comma + 2; u < tokens.length && u - comma <= 16 && tokens[u]!.sentence === sentence; u++) {
        if (tokens[u]!.text === ",") {
          close = u;
          break;
        }
      }
    } else {
      close = comma;
      for (let u = comma - 1; u > 0 && comma - u <= 16 && tokens[u]!.sentence === sentence; u--) {
        if (tokens[u]!.text !== ",") continue;
        if (RELATIVES.has(tokens[u + 1]!.lower)) open = u;
        break;
      }
    }
    // "compared the board to a jury, which ..., in an interview": a phrase of setting is the reporter's
    const preposition = tokens[close + 1];
    return (
      open >= 0 &&
      close > open + 2 &&
      preposition?.pos === "ADP" &&
      !SETTING_PREPOSITIONS.has(preposition.lower)
    );
  }

  /** A comma inside a list of nouns: "hackers from China, Russia and North Korea". */
  private continuesList(comma: number): boolean {
    // "stressed fairness, and a need to raise wages": a last item after a serial comma, unless a
    // subject and its verb follow ("..., and the union stepped in")
    const next = this.tokens[comma + 1];
    if (
      (next?.lower === "and" || next?.lower === "or") &&
      ["DET", "NOUN", "ADJ", "PROPN"].includes(this.tokens[comma + 2]?.pos ?? "")
    ) {
      let u = comma + 2;
      while (this.tokens[u] && ["DET", "NOUN", "ADJ", "NUM", "PROPN"].includes(this.tokens[u]!.pos)) u++;
      return !this.isLowerVerb(u);
    }
    for (let u = comma + 1; u < this.tokens.length && u - comma <= 8; u++) {
      const tok = this.tokens[u]!;
      // "in Syria, Iraq and elsewhere": a place adverb closes a list of places
      if (tok.lower === "and" || tok.lower === "or")
        return (
          u > comma + 1 &&
          (["PROPN", "NOUN", "DET", "ADJ", "NUM"].includes(this.tokens[u + 1]?.pos ?? "") ||
            LIST_CLOSING_ADVERBS.has(this.tokens[u + 1]?.lower ?? ""))
        );
      if (tok.text === "," ? u === comma + 1 : !["PROPN", "NOUN", "ADJ", "NUM", "DET"].includes(tok.pos))
        return false;
    }
    return false;
  }

  /**
   * A comma inside a list of acts of a relative clause in the object: "painted him as a man who
   * inherited a fortune, dodged taxes and mocked workers".
   */
  private continuesRelativeActs(comma: number, first: number): boolean {
    const tokens = this.tokens;
    if (!(tokens[comma + 1]?.pos === "VERB" && this.isLowerVerb(comma + 1))) return false;
    let relative = false;
    for (let u = first; u < comma && !relative; u++)
      relative = (RELATIVES.has(tokens[u]!.lower) || tokens[u]!.lower === "that") && this.isLowerVerb(u + 1);
    if (!relative) return false;
    for (let u = comma + 2; u < tokens.length && u - comma <= 12; u++) {
      const tok = tokens[u]!;
      if ((tok.lower === "and" || tok.lower === "or") && this.isLowerVerb(u + 1)) return true;
      if (tok.text === ";" || tok.text === "." || DASHES.has(tok.text) || this.segmentOf[u]! >= 0)
        return false;
    }
    return false;
  }

  /** "outlined his plan and vowed to punish …": a second act of the subject ends the object. */
  private joinsNextAct(t: number, first: number): boolean {
    const tok = this.tokens[t]!;
    if (!(tok.lower === "and" || tok.lower === "but") || t - 1 < first) return false;
    // "praised the work but also had to ...": adverbs and auxiliaries before the second verb
    let v = t + 1;
    while (this.tokens[v] && v - t <= 3 && this.tokens[v]!.pos === "ADV") v++;
    const next = this.tokens[v];
    if (next?.pos === "AUX" && !startsUpper(next.text)) return true;
    if (next?.pos !== "VERB") return this.opensNewClause(t);
    if (startsUpper(next.text) || next.lower.endsWith("ing")) return false;
    // "called the charges baseless and fabricated": participles coordinated inside the object
    return ["NOUN", "PROPN", "PRON", "NUM"].includes(this.tokens[t - 1]!.pos);
  }

  /**
   * Where an aim ends at a conjunction before a clause with its own subject: "seek to cut costs and
   * creditors look to maximize profits" -> "to cut costs".
   */
  private nextClauseStart(start: number, end: number): number {
    for (let t = this.tokenIndexAt(start) + 1; t < this.tokens.length && this.tokens[t]!.end <= end; t++) {
      const tok = this.tokens[t]!;
      if ((tok.lower === "and" || tok.lower === "but") && this.segmentOf[t]! < 0 && this.opensNewClause(t))
        return this.trimBack(tok.start);
    }
    return end;
  }

  /** "prefer Johnson and 1 percent support Stein": a conjunction before a subject and its verb. */
  private opensNewClause(t: number): boolean {
    let u = t + 1;
    while (
      this.tokens[u] &&
      u - t <= 5 &&
      (["DET", "NUM", "NOUN", "PROPN", "ADJ"].includes(this.tokens[u]!.pos) ||
        (u === t + 1 && SUBJECT_PRONOUNS.has(this.tokens[u]!.lower)))
    )
      u++;
    const verb = this.tokens[u];
    return (
      u > t + 1 &&
      !!verb &&
      (verb.pos === "AUX" || (verb.pos === "VERB" && !/(ing|ed)$/.test(verb.lower))) &&
      !startsUpper(verb.text)
    );
  }

  /** A time or the medium the stance was voiced in: "attacked Machado in early-morning tweets", "one in July". */
  private opensSettingAdjunct(t: number): boolean {
    if (!SETTING_PREPOSITIONS.has(this.tokens[t]!.lower)) return false;
    // "endorsed one in July.": a time closing the clause; "grilled the chief on Tuesday for his
    // role in ..." goes on past it
    if (this.timeStarts[t + 1] === 1) {
      const next = this.tokens[this.timeAfter[t + 1]!];
      return !next || (next.pos === "PUNCT" && !this.isMark(this.timeAfter[t + 1]!));
    }
    // "in early-morning tweets", "in an on-air diatribe": the noun phrase's last noun is its head
    let last = -1;
    for (let u = t + 1; u < this.tokens.length && u - t <= 7; u++) {
      const tok = this.tokens[u]!;
      const hyphen = tok.text === "-" && tok.start === this.tokens[u - 1]!.end;
      const beforeHyphen = this.tokens[u + 1]?.text === "-" && this.tokens[u + 1]!.start === tok.end;
      if (hyphen || beforeHyphen || this.tokens[u - 1]!.text === "-") continue;
      // "in a ruling released Monday": a noun the tagger took for a verb after a determiner
      const nounLike = tok.pos === "VERB" && last < 0 && ["DET", "ADJ"].includes(this.tokens[u - 1]!.pos);
      if (tok.pos === "NOUN" || tok.pos === "PROPN" || nounLike) last = u;
      else if (!["DET", "ADJ", "NUM"].includes(tok.pos) || last >= 0) break;
    }
    return last >= 0 && this.lex.mediumNouns.has(singular(this.tokens[last]!.lower));
  }

  /** Where a subordinate clause with its own subject and verb begins: "after hackers targeted ...". */
  private adverbialClauseStart(start: number, end: number): number {
    const first = this.tokenIndexAt(start);
    for (let t = first + 3; t + 2 < this.tokens.length && this.tokens[t]!.end <= end; t++) {
      if (this.segmentOf[t]! >= 0) continue;
      // "agreed to lend $5 million, and the union also stepped in": a second main clause
      const coordinated = this.tokens[t]!.text === "," && this.tokens[t + 1]!.pos === "CCONJ";
      if (!coordinated && !CLAUSE_OPENERS.has(this.tokens[t]!.lower)) continue;
      if (coordinated) t++;
      const subject = this.tokens[t + 1]!;
      if (!["NOUN", "PROPN", "PRON", "DET", "ADJ", "NUM"].includes(subject.pos)) continue;
      const opener = coordinated ? t - 1 : t;
      for (let u = t + 2; u < t + 8 && this.tokens[u] && this.tokens[u]!.end <= end; u++) {
        if (this.isLowerVerb(u)) return this.trimBack(this.tokens[opener]!.start);
        // "the coal miners' union also stepped in"
        const tok = this.tokens[u]!;
        if (
          !(
            ["NOUN", "PROPN", "ADJ", "DET", "NUM", "ADV"].includes(tok.pos) ||
            POSSESSIVE_WORDS.has(tok.text) ||
            tok.text === "'" ||
            tok.text === "’"
          )
        )
          break;
      }
    }
    return end;
  }

  /** "He claimed that X, although he refused to ...": the concessive clause is the reporter's, not the claim. */
  private cutReporterClause(start: number, end: number): number {
    for (
      let t = this.tokenIndexAt(start);
      t + 1 < this.tokens.length && this.tokens[t + 1]!.end <= end;
      t++
    ) {
      const tok = this.tokens[t]!;
      if (tok.text !== "," || this.segmentOf[t]! >= 0) continue;
      const next = this.tokens[t + 1]!;
      if (REPORTER_CLAUSES.has(next.lower) || REPORTER_PHRASES.has(next.lower)) return tok.start;
      // "claimed the clinic had closed, but offered no proof": a verb after the conjunction, with no
      // subject of its own, is the speaker's next act
      if (next.pos === "CCONJ") {
        let v = t + 2;
        while (this.tokens[v]?.pos === "ADV") v++;
        const verb = this.tokens[v];
        if (verb && verb.pos === "VERB" && !verb.lower.endsWith("ing") && this.tokens[v]!.end <= end)
          return tok.start;
        // "showed Lane had won, but such polls are no measure of votes": a contrast with a subject of
        // its own is the reporter's ("..., but she knows it is hard" goes on with the speaker's words)
        if (
          (next.lower === "but" || next.lower === "yet") &&
          this.tokens[t + 2]?.pos !== "PRON" &&
          this.startsClause(t + 2, this.tokenIndexAt(end))
        )
          return tok.start;
      }
    }
    return end;
  }

  /** A bare clause after a cue: a subject then a verb ("said the talks had failed"). */
  private startsClause(t: number, end: number): boolean {
    const tokens = this.tokens;
    const first = tokens[t]!;
    if (!["DET", "PRON", "PROPN", "NOUN", "NUM", "ADJ", "ADV"].includes(first.pos) && !this.isMark(t))
      return false;
    if (first.pos === "PRON" && /^(him|them|us|me)$/.test(first.lower)) return false;
    if (first.lower === "her" && !["NOUN", "ADJ", "PROPN"].includes(this.tokens[t + 1]?.pos ?? ""))
      return false;
    let infinitive = false;
    for (let u = t + 1; u < end && u - t < 25; u++) {
      const tok = tokens[u]!;
      // "said the words “lump” the good with the bad": a quoted word before an object is the verb
      if (this.quotedVerb(u)) return true;
      // "outlined his plan and vowed to ...": a verb after "and" is the subject's second act
      if (
        (tok.pos === "AUX" || (tok.pos === "VERB" && !/ing$/.test(tok.lower))) &&
        tokens[u - 1]!.pos !== "CCONJ"
      )
        return u > t || first.pos === "PRON";
      // "said her rival's plan to cut taxes would fail": a noun's own to-clause inside the subject
      if (tok.lower === "to" && tokens[u - 1]!.pos === "NOUN" && this.verbAfterTo(u)) {
        while (!this.isLowerVerb(u)) u++;
        infinitive = true;
        continue;
      }
      // "plan to invite the singer to the debate was ...": inside that to-clause, "to" before a
      // noun phrase is a preposition ("appealed the case to the court" stays no clause)
      if (tok.lower === "to" && infinitive && NP_TAGS.has(tokens[u + 1]?.pos ?? "")) continue;
      // "said the levy, which passed in May, would hurt farmers": a relative aside inside the subject
      if (tok.text === "," && RELATIVES.has(tokens[u + 1]?.lower ?? "")) {
        const close = this.asideClose(u, end);
        if (close > 0 && this.isLowerVerb(close + 1)) return true;
      }
      // "indicates a tightening race as Trump gains": a clause of the reporter's, not the subject's verb
      if (tok.text === "," || tok.text === ";" || tok.lower === "to") return false;
      // "announced their support -- who cited her record": a dash sets off the reporter's aside
      if (DASHES.has(tok.text) || this.isSpacedHyphen(u)) return false;
      // "described him as an evangelist when he ran": the verb after a conjunction is another clause's
      if (CLAUSE_OPENERS.has(tok.lower) && tok.pos !== "ADP" && tok.lower !== "as") return false;
      // "as undecided voters turn to him" opens a clause; "as a climate evangelist" does not
      if (tok.lower === "as" && this.hasVerb(u + 1, Math.min(u + 5, end - 1))) return false;
    }
    return false;
  }

  /** A lone word in quotation marks that the tagger read as a noun, before an object: "the words “lump” the good". */
  private quotedVerb(open: number): boolean {
    const tokens = this.tokens;
    const word = tokens[open + 1];
    const object = tokens[open + 3];
    return (
      this.opensQuote(open) &&
      !!word &&
      word.pos === "NOUN" &&
      !startsUpper(word.text) &&
      this.isMark(open + 2) &&
      !!object &&
      // "said the word “losers” the next day": a time is no object
      this.timeStarts[open + 3] !== 1 &&
      (object.pos === "DET" || POSSESSIVE_WORDS.has(object.lower))
    );
  }

  /** The comma closing a relative aside opened by the comma at `open`, or -1: "the levy, which passed in May, would". */
  private asideClose(open: number, end: number): number {
    for (let u = open + 2; u < end && u - open <= 16; u++) {
      const tok = this.tokens[u]!;
      if (tok.text === ",") return u;
      if (tok.text === ";" || DASHES.has(tok.text) || this.segmentOf[u]! >= 0) return -1;
    }
    return -1;
  }

  private startsNounPhrase(t: number): boolean {
    const tok = this.tokens[t]!;
    // "called for reducing the rate", "called for increased spending"
    if (tok.pos === "VERB" && /(ing|ed)$/.test(tok.lower)) return true;
    return (
      ["DET", "PROPN", "NOUN", "ADJ", "NUM", "PRON"].includes(tok.pos) ||
      tok.lower === "that" ||
      this.isMark(t)
    );
  }

  /** The noun phrase that opens a sentence, for participle cues: "Trump hit back, saying ...". */
  private sentenceSubject(sentence: Sentence, limit: number): SpeakerMention | null {
    let t = sentence.tokenStart;
    // "In August, several groups granted ..., saying ...", "When X happened, Y said ...": the subject
    // follows the opening phrase
    if (
      this.tokens[t]!.pos === "ADP" ||
      this.tokens[t]!.pos === "SCONJ" ||
      SUBORDINATORS.has(this.tokens[t]!.lower) ||
      // "Lamenting their luck, farmers say ..."
      (this.tokens[t]!.pos === "VERB" && this.tokens[t]!.lower.endsWith("ing"))
    ) {
      while (t < limit && this.tokens[t]!.text !== ",") t++;
      t++;
    }
    // "“Keep your hands in sight,” the singer sings before asking ...": the subject after a quote
    if (this.segmentOf[t]! >= 0) {
      while (t < limit && this.segmentOf[t]! >= 0) t++;
      while (t < limit && this.tokens[t]!.pos === "PUNCT") t++;
    }
    // "On Monday, however, the senator spoke ...": conjunctions, adverbs and their commas
    while (
      t < limit &&
      (this.tokens[t]!.pos === "CCONJ" || this.tokens[t]!.pos === "ADV" || this.tokens[t]!.text === ",")
    )
      t++;
    let e = t;
    // "A group of doctors in 2015 sent ...": a time adjunct ends the subject
    let subjectEnd = -1;
    while (
      e < limit &&
      (this.tokens[e]!.pos !== "VERB" || this.misreadName(e)) &&
      this.tokens[e]!.pos !== "AUX" &&
      this.tokens[e]!.text !== ","
    ) {
      // "The Daily Planet": a capitalised time word after a determiner or a name is part of a name
      const inName =
        isCapitalised(this.tokens[e]!) && ["DET", "PROPN"].includes(this.tokens[e - 1]?.pos ?? "");
      const opensTime =
        (this.timeStarts[e] === 1 && !inName) ||
        (this.tokens[e]!.pos === "ADP" && this.timeStarts[e + 1] === 1);
      if (subjectEnd < 0 && e > t && opensTime) subjectEnd = e;
      e++;
    }
    if (subjectEnd > 0) e = subjectEnd;
    if (e === t || e - t > 12) return null;
    return this.parser.parse(t, e - 1);
  }

  /** "According to X, CONTENT." or "CONTENT, according to X." */
  private accordingTo(cue: Cue, sentence: Sentence, s: number): Attribution | null {
    const tokens = this.tokens;
    let lead = sentence.tokenStart;
    while (lead < cue.first && (tokens[lead]!.pos === "CCONJ" || tokens[lead]!.pos === "ADV")) lead++;
    if (lead === cue.first) {
      let comma = cue.last + 1;
      while (comma < sentence.tokenEnd && tokens[comma]!.text !== ",") comma++;
      if (comma >= sentence.tokenEnd - 1) return null;
      const speaker = this.parser.parse(cue.last + 1, comma - 1);
      if (!speaker) return null;
      return {
        contentStart: tokens[comma + 1]!.start,
        contentEnd: this.contentCeiling(sentence),
        cue,
        speaker,
        rule: "according to X, content",
        sentence: s,
        ownStart: tokens[cue.first]!.start,
        ownEnd: tokens[comma - 1]!.end,
      };
    }
    const speaker = this.speakerAfter(cue.last + 1, sentence.tokenEnd);
    if (!speaker) return null;
    const before = cue.first - 1;
    if (before < sentence.tokenStart || tokens[before]!.text !== ",") {
      // "ISIS remains a threat according to officials" without a comma
      if (before < sentence.tokenStart) return null;
    }
    const contentEnd = tokens[tokens[before]!.text === "," ? before - 1 : before]!.end;
    const contentStart = this.contentFloor(sentence);
    if (contentEnd - contentStart < 8) return null;
    return {
      contentStart: this.skipLeading(contentStart),
      contentEnd,
      cue,
      speaker,
      rule: "content, according to X",
      sentence: s,
      ownStart: tokens[cue.first]!.start,
      ownEnd: tokens[speaker.last]!.end,
    };
  }

  // ---- quotes

  private buildQuotes(found: Attribution[]): Quote[] {
    found.sort((a, b) => a.contentStart - b.contentStart);
    const claimed = new Uint8Array(this.segments.length);
    const drafts: { a: Attribution; start: number; end: number; kind: Quote["kind"] }[] = [];
    for (const a of found) {
      const span = this.contentSpan(a, claimed);
      if (span) drafts.push({ a, ...span });
    }
    // Quotes in marks that no cue claims: speech when they open a sentence or paragraph and are
    // long enough; a scare quote or a title inside a sentence is not speech.
    this.segments.forEach((seg, i) => {
      if (claimed[i]) return;
      if (!this.inContent(seg.open)) return;
      const words = this.text
        .slice(seg.innerStart, seg.innerEnd)
        .split(/\s+/)
        .filter((w) => /\w/.test(w)).length;
      const opensSentence = this.opensSentence(seg.open);
      if (!(seg.continued || (opensSentence && words >= 4))) return;
      const speakerOf = this.nearestAttribution(found, seg);
      if (!speakerOf) return;
      // "“A,” said X. “B.”" — one quote that the attribution interrupts.
      const segSentence = this.tokens[this.tokenIndexAt(seg.open)]!.sentence;
      const interrupted = drafts.find(
        (d) =>
          d.a === speakerOf &&
          (d.kind === "direct" ||
            (d.kind === "mixed" && d.a.ownStart >= d.end && this.endsQuoted(d.start, d.end))) &&
          d.end < seg.open &&
          !seg.continued &&
          segSentence <= d.a.sentence + 1 &&
          !drafts.some((o) => o !== d && o.start > d.end && o.start < seg.open),
      );
      if (interrupted) {
        interrupted.end = seg.innerEnd;
        return;
      }
      const carried: Attribution = {
        ...speakerOf,
        channel: speakerOf.channel,
        rule: seg.continued ? "continued paragraph" : "quote near an attribution",
      };
      drafts.push({ a: carried, start: seg.innerStart, end: seg.innerEnd, kind: "direct" });
    });
    drafts.sort((x, y) => x.start - y.start || y.end - x.end);
    // Two attributions over the same words (nested cues): keep the first, longest.
    const kept: typeof drafts = [];
    for (const d of drafts) {
      const prev = kept.at(-1);
      if (prev && d.start < prev.end && this.sameWords(prev, d)) continue;
      kept.push(d);
    }
    const outermost = kept.filter((d) => !kept.some((o) => o !== d && this.reportsInside(d, o)));
    const resolved = this.resolveSpeakers(outermost.map((d) => d.a));
    const entities = this.doc.layers.entities;
    return outermost.map((d, i) => {
      const speaker = resolved.get(d.a) ?? { name: null, anonymous: false, person: false, plural: false };
      const cueFirst = this.tokens[d.a.cue.first]!;
      const cueLast = this.tokens[d.a.cue.last]!;
      const entity = entities ? this.linkEntity(entities, speaker) : undefined;
      const channelEntity = entities && d.a.channel ? this.entityByName(entities, d.a.channel) : undefined;
      const quote: Quote = {
        id: `q${i + 1}`,
        start: d.start,
        end: d.end,
        text: this.text.slice(d.start, d.end),
        kind: d.kind,
        cue: { start: cueFirst.start, end: cueLast.end, text: this.text.slice(cueFirst.start, cueLast.end) },
        speaker: {
          name: speaker.name,
          ...(entity ? { entity } : {}),
          ...(speaker.description ? { description: speaker.description } : {}),
          anonymous: speaker.anonymous,
          ...(speaker.span ? { span: speaker.span } : {}),
        },
        channel: d.a.channel
          ? { name: d.a.channel, ...(channelEntity ? { entity: channelEntity } : {}) }
          : null,
        rule: d.a.rule,
      };
      return quote;
    });
  }

  /**
   * A report wholly inside another quote's words, cue and all, is part of what that quote relays:
   * "The owner had told inspectors that the shaft was safe, an official added" holds one quote.
   * A reported clause inside an object noun phrase stays its own: "criticized the interview, in
   * which he said the vote was rigged".
   */
  private reportsInside(
    inner: { a: Attribution; start: number; end: number },
    outer: { a: Attribution; start: number; end: number },
  ): boolean {
    const cue = this.tokens[inner.a.cue.first]!.start;
    if (!(outer.start <= inner.start && inner.end <= outer.end && outer.start <= cue && cue < outer.end))
      return false;
    return !(REPORTED_CLAUSE_RULE.test(inner.a.rule) && NESTABLE_RULE.test(outer.a.rule));
  }

  private sameWords(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
    const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
    return overlap > 0.9 * Math.max(a.end - a.start, b.end - b.start);
  }

  private opensSentence(offset: number): boolean {
    const s = this.sentences.findIndex((x) => x.start <= offset && offset < x.end);
    if (s < 0) return false;
    const first = this.tokens[this.sentences[s]!.tokenStart]!;
    return first.start === offset || this.text.slice(first.start, offset).trim().length <= 1;
  }

  /** The attribution a cue-less quote belongs to: one in its paragraph, else the latest before it. */
  private nearestAttribution(found: Attribution[], seg: Segment): Attribution | undefined {
    const t = this.tokenIndexAt(seg.open);
    const paragraph = this.paragraphOf[t]!;
    let best: Attribution | undefined;
    let bestDistance = Infinity;
    for (const a of found) {
      const at = this.tokens[a.cue.first]!;
      const p = this.paragraphOf[a.cue.first]!;
      if (p === paragraph) {
        const distance = Math.abs(at.start - seg.open);
        if (distance < bestDistance) {
          best = a;
          bestDistance = distance;
        }
      }
    }
    if (best) return best;
    let latest: Attribution | undefined;
    for (const a of found) {
      const p = this.paragraphOf[a.cue.first]!;
      if (p < paragraph && p >= paragraph - 2 && (!latest || a.cue.first > latest.cue.first)) latest = a;
    }
    return latest && (seg.continued || latest.speaker?.name || latest.speaker?.pronoun) ? latest : undefined;
  }

  /**
   * Whether content opens with the reporter's words and ends with a quotation: "The summit did
   * “too little,” he added." A mixed quote like that resumes after a closing attribution as a direct
   * one does.
   */
  private endsQuoted(start: number, end: number): boolean {
    const seg = segmentAt(this.segments, end - 1);
    return seg >= 0 && this.segments[seg]!.close >= end - 1 && segmentAt(this.segments, start) < 0;
  }

  /** Whether a reporting verb, with all its words, starts at the token: "adding", "referring to". */
  private opensCue(t: number): boolean {
    const entries = this.lex.verbsByFirstWord.get(this.tokens[t]!.lower) ?? [];
    return entries.some((entry) => entry.rest.every((word, i) => this.tokens[t + 1 + i]?.lower === word));
  }

  private tokenIndexAt(offset: number): number {
    let lo = 0;
    let hi = this.tokens.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.tokens[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The quote's own span and kind: the words in marks (direct), a clause quoting some (mixed), or none. */
  private contentSpan(
    a: Attribution,
    claimed: Uint8Array,
  ): { start: number; end: number; kind: Quote["kind"] } | null {
    const start = a.contentStart;
    let end = this.trimBack(a.contentEnd);
    // "(He has also called for cutting the levy.)": the close of a parenthesis the content never opened
    if (this.text[end - 1] === ")" && !this.text.slice(start, end).includes("(")) end--;
    while (end > start && /[.,;:]/.test(this.text[end - 1]!)) end--;
    end = this.trimBack(end);
    if (end - start < 2) return null;
    const first = segmentAt(this.segments, start);
    const last = segmentAt(this.segments, Math.max(start, end - 1));
    const inside: number[] = [];
    const from = first >= 0 ? first : this.firstSegmentFrom(start);
    for (let i = from; i >= 0 && i < this.segments.length && this.segments[i]!.open < end; i++)
      inside.push(i);
    if (inside.length === 0) {
      // one bare word ("out", "spot") is a fragment, not a reported claim; a stance's object may
      // be one name or pronoun: "endorsed Clinton", "criticized him"
      const oneWord = !/\S\s+\S/.test(this.text.slice(start, end));
      return oneWord && !(a.rule.endsWith("object") && this.namesOne(start)) && !a.rule.endsWith("pro-form")
        ? null
        : { start, end, kind: "indirect" };
    }
    for (const i of inside) claimed[i] = 1;
    const firstSeg = this.segments[inside[0]!]!;
    const lastSeg = this.segments[inside.at(-1)!]!;
    if (first >= 0 && firstSeg.open === start && (last >= 0 || /["”»']$/.test(this.text.slice(start, end)))) {
      if (lastSeg.close >= end - 1)
        return { start: firstSeg.innerStart, end: lastSeg.innerEnd, kind: "direct" };
    }
    if (lastSeg.close > end) end = lastSeg.close;
    return { start, end, kind: "mixed" };
  }

  /** A one-word object that names someone or something: "Clinton", "him", "bankruptcy". */
  private namesOne(offset: number): boolean {
    const tok = this.tokens[this.tokenIndexAt(offset)]!;
    return (
      tok.pos === "PROPN" || tok.pos === "NOUN" || (tok.pos === "PRON" && OBJECT_PRONOUNS.has(tok.lower))
    );
  }

  private firstSegmentFrom(offset: number): number {
    let lo = 0;
    let hi = this.segments.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.segments[mid]!.open < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.segments.length ? lo : -1;
  }

  // ---- speakers: pronouns and surnames to earlier speakers, anonymity stated later

  private resolveSpeakers(list: Attribution[]): Map<Attribution, ResolvedSpeaker> {
    const out = new Map<Attribution, ResolvedSpeaker>();
    const history: ResolvedSpeaker[] = [];
    // The named speakers so far by the last word of their names, to resolve a surname alone.
    const bySurname = new Map<string, ResolvedSpeaker[]>();
    const ordered = [...list].sort((x, y) => x.cue.first - y.cue.first);
    for (const a of ordered) {
      if (out.has(a)) {
        continue;
      }
      const base = a.inherit ? out.get(a.inherit) : undefined;
      const r = base ?? this.resolveOne(a, history, bySurname);
      out.set(a, r);
      history.push(r);
      // only full names: a surname alone resolves to one ("Dillon" -> "Ryan Dillon"), not to itself
      const surname = r.name?.split(/\s+/).at(-1);
      if (r.name && surname && surname !== r.name) {
        const named = bySurname.get(surname);
        if (named) named.push(r);
        else bySurname.set(surname, [r]);
      }
    }
    // "The contractors spoke on condition of anonymity" in a later sentence makes them anonymous.
    for (const r of out.values()) {
      if (!r.anonymous && r.name === null && r.head && this.anonymityHeads().has(r.head)) r.anonymous = true;
    }
    return out;
  }

  private resolveOne(
    a: Attribution,
    history: ResolvedSpeaker[],
    bySurname: ReadonlyMap<string, ResolvedSpeaker[]>,
  ): ResolvedSpeaker {
    const m = a.speaker;
    // "has been criticized for …": the unnamed critics behind an agentless passive
    if (!m && a.implicit)
      return { name: null, description: "unnamed source", anonymous: true, person: false, plural: true };
    if (!m) return { name: null, anonymous: false, person: false, plural: false };
    const span = { start: m.start, end: m.end };
    if (m.pronoun) {
      const wanted = m.pronoun;
      // "I did not think the bridge would ...", "we might hope that ...": outside quotation marks the first
      // person is the writer, never the last person the story named
      if ((wanted === "i" || wanted === "we") && segmentAt(this.segments, m.start) < 0)
        return {
          name: null,
          description: this.text.slice(m.start, m.end),
          anonymous: false,
          span,
          person: false,
          plural: false,
        };
      // The entity layer's coreference, when it has resolved this very pronoun.
      const linked = this.entityAt(
        span,
        wanted === "it" || wanted === "they" || wanted === "we" ? null : "PERSON",
      );
      if (linked)
        return {
          name: linked.name,
          ...(linked.description ? { description: linked.description } : {}),
          anonymous: false,
          span,
          person: linked.type === "PERSON",
          plural: m.plural,
        };
      for (let i = history.length - 1; i >= 0 && i >= history.length - 8; i--) {
        const h = history[i]!;
        if (wanted === "he" || wanted === "she" || wanted === "i") {
          if (h.person && !h.plural) return { ...h, span };
        } else if (wanted === "they" || wanted === "we") {
          if (h.plural || (!h.person && h.name)) return { ...h, span };
        } else if (wanted === "it") {
          if (!h.person && !h.plural && h.name) return { ...h, span };
        }
      }
      const named = this.nameBefore(a.cue.first, wanted === "he" || wanted === "she" || wanted === "i");
      if (named) return { ...named, span };
      return {
        name: null,
        description: this.text.slice(m.start, m.end),
        anonymous: false,
        span,
        person: wanted !== "it",
        plural: m.plural,
      };
    }
    // "members of the Kenyan cabinet, which has denied ...": the entity layer knows what the
    // relative pronoun stands for better than the longest noun phrase before it does
    const relative = this.relativeAfter(m, a.cue.first);
    const named = relative ? this.entityAt(relative, null) : undefined;
    if (relative && named && named !== this.entityAt(m, null))
      return {
        name: named.name,
        ...(named.description ? { description: named.description } : {}),
        anonymous: false,
        span: relative,
        person: named.type === "PERSON",
        plural: m.plural,
      };
    let name = m.name;
    let description = m.description;
    // "Whitcomb said ...": a surname alone looks like no one, but the entity layer knows the person
    const person = this.parser.looksLikePerson(m) || (!!name && !!this.entityAt(span, "PERSON"));
    if (name && !name.includes(" ")) {
      // A surname resolves to the full name given earlier: "Dillon" -> "Army Col. Ryan Dillon".
      const earlier = bySurname.get(name)?.findLast((h) => h.name !== name);
      if (earlier) {
        name = earlier.name;
        description ??= earlier.description;
        return {
          name,
          ...(description ? { description } : {}),
          anonymous: false,
          span,
          person: true,
          plural: false,
        };
      }
    }
    const anonymous = m.anonymous || (name === null && !!description && this.mentionsAnonymity(a));
    return {
      name,
      ...(name === null ? { head: m.head } : {}),
      ...(description ? { description } : {}),
      anonymous,
      span,
      person: person || (!name && !m.plural && m.anonymous),
      plural: m.plural,
    };
  }

  /** The relative pronoun between a speaker and its cue: "the ministry, which denied", "states that want". */
  private relativeAfter(m: SpeakerMention, cueFirst: number): { start: number; end: number } | undefined {
    let t = m.last + 1;
    if (this.tokens[t]?.text === ",") t++;
    const tok = this.tokens[t];
    if (!tok || t >= cueFirst || !(RELATIVES.has(tok.lower) || tok.lower === "that")) return undefined;
    // "aides to Senator Amari, who have denied": a plural verb agrees with the plural head
    if (m.plural && PLURAL_AUXILIARIES.has(this.tokens[t + 1]?.lower ?? "")) return undefined;
    return { start: tok.start, end: tok.end };
  }

  /** The latest capitalised name before a token, for a pronoun no earlier speaker explains. */
  private nameBefore(t: number, person: boolean): ResolvedSpeaker | null {
    const floorSentence = Math.max(0, this.tokens[t]!.sentence - 4);
    const floor = this.sentences[floorSentence]!.tokenStart;
    // "College Savings" in the title is no antecedent for a pronoun in the story
    const headlines = this.doc.sections.filter((section) => section.kind === "headline");
    const inHeadline = (offset: number) => headlines.some((h) => h.start <= offset && offset < h.end);
    const cueInHeadline = inHeadline(this.tokens[t]!.start);
    for (let u = t - 1; u >= floor; u--) {
      const tok = this.tokens[u]!;
      if (!cueInHeadline && inHeadline(tok.start)) break;
      if (tok.pos !== "PROPN" || !isCapitalised(tok)) continue;
      let a = u;
      // back over the rest of the name: "Haider al-Abadi", "Army Col. Ryan Dillon"
      while (a > floor) {
        const prev = this.tokens[a - 1]!;
        const joins = (prev.text === "-" || prev.text === ".") && prev.end === this.tokens[a]!.start;
        if (!(joins || prev.lower === "al" || (prev.pos === "PROPN" && isCapitalised(prev)))) break;
        a--;
      }
      const mention = this.parser.parse(a, u);
      if (mention?.name && (!person || this.parser.looksLikePerson(mention)) && !mention.outlet) {
        return { name: mention.name, anonymous: false, person, plural: false };
      }
      u = a;
    }
    return null;
  }

  /** A noun naming a message an issuing verb puts out ("letter", "speech", "motion"). */
  private isMessageNoun(w: string): boolean {
    return this.lex.wholeMessages.has(w) || this.lex.topicMessages.has(w) || this.lex.aimMessages.has(w);
  }

  private mentionsAnonymity(a: Attribution): boolean {
    return this.anonymitySentences()[a.sentence] === 1;
  }

  /** 1 for each sentence that states anonymity ("spoke on condition of anonymity"), found once. */
  private anonymitySentences(): Uint8Array {
    if (!this.anonymousSentences) {
      this.anonymousSentences = new Uint8Array(this.sentences.length);
      for (let n = 0; n < this.sentences.length; n++) {
        const s = this.sentences[n]!;
        if (this.hasAnonymityCue(s.tokenStart, s.tokenEnd)) this.anonymousSentences[n] = 1;
      }
    }
    return this.anonymousSentences;
  }

  private hasAnonymityCue(from: number, to: number): boolean {
    for (let t = from; t < to; t++) {
      const cues = this.lex.anonymityCuesByFirstWord.get(this.tokens[t]!.lower);
      if (cues?.some((cue) => cue.every((w, i) => this.tokens[t + i]?.lower === w))) return true;
    }
    return false;
  }

  /** Head nouns of sentences that state anonymity: "The contractors spoke on condition of anonymity". */
  private anonymityHeads(): ReadonlySet<string> {
    if (!this.anonymousHeads) {
      const heads = new Set<string>();
      const stated = this.anonymitySentences();
      for (let n = 0; n < this.sentences.length; n++) {
        const s = this.sentences[n]!;
        if (stated[n] !== 1) continue;
        for (let t = s.tokenStart; t < s.tokenEnd; t++) {
          if (this.tokens[t]!.pos === "NOUN") heads.add(singular(this.tokens[t]!.lower));
        }
      }
      this.anonymousHeads = heads;
    }
    return this.anonymousHeads;
  }

  // ---- entity links

  /** The first entity (of that type) with a mention overlapping the span. */
  private entityAt(span: { start: number; end: number }, type: Entity["type"] | null): Entity | undefined {
    const entities = this.doc.layers.entities;
    if (!entities) return undefined;
    this.mentionIndex ??= new SpanIndex(
      entities.flatMap((e, order) => e.mentions.map((m) => ({ start: m.start, end: m.end, order }))),
    );
    let first: number | undefined;
    for (const m of this.mentionIndex.overlapping(span.start, span.end)) {
      if ((type === null || entities[m.order]!.type === type) && (first === undefined || m.order < first))
        first = m.order;
    }
    return first === undefined ? undefined : entities[first];
  }

  private linkEntity(entities: readonly Entity[], speaker: ResolvedSpeaker): string | undefined {
    if (speaker.span) {
      const hit = this.entityAt(speaker.span, null);
      if (hit) return hit.id;
    }
    return speaker.name ? this.entityByName(entities, speaker.name) : undefined;
  }

  /** The entity of that name, or else the first (not a place) whose last word it ends with. */
  private entityByName(entities: readonly Entity[], name: string): string | undefined {
    const names = this.entityNames(entities);
    const lower = name.toLowerCase();
    return names.exact.get(lower) ?? names.lastWord.get(lower.split(/\s+/).at(-1)!);
  }

  /** The entities by their names, built once per entity layer: a long document has thousands. */
  private entityNames(entities: readonly Entity[]): EntityNames {
    if (this.names?.of === entities) return this.names;
    const names: EntityNames = { of: entities, exact: new Map(), lastWord: new Map() };
    for (const e of entities) {
      const lower = e.name.toLowerCase();
      if (!names.exact.has(lower)) names.exact.set(lower, e.id);
      const last = lower.split(/\s+/).at(-1)!;
      if (e.type !== "GPE" && !names.lastWord.has(last)) names.lastWord.set(last, e.id);
    }
    this.names = names;
    return names;
  }
}

/** A cue that names a stance or an act toward something, never words: "attacked", "called for". */
/**
 * "BRUSSELS (AP) — European ministers said on Friday …": the dateline opens the first sentence but
 * is no part of it, so the sentence starts after the dateline and its subject is found.
 */
function withoutDatelines(
  sentences: readonly Sentence[],
  sections: AnalysedDoc["sections"],
  tokens: readonly Token[],
): readonly Sentence[] {
  const datelines = sections.filter((section) => section.kind === "dateline");
  if (datelines.length === 0) return sentences;
  return sentences.map((sentence) => {
    const dateline = datelines.find(
      (d) => d.start <= sentence.start && sentence.start < d.end && d.end < sentence.end,
    );
    if (!dateline) return sentence;
    let t = sentence.tokenStart;
    while (t < sentence.tokenEnd && tokens[t]!.start < dateline.end) t++;
    if (t >= sentence.tokenEnd) return sentence;
    return { ...sentence, start: tokens[t]!.start, tokenStart: t };
  });
}

function stanceOnly(cue: Cue): boolean {
  return (
    cue.frames.has("judge") &&
    !["say", "tell", "think", "hear", "intend"].some((f) => cue.frames.has(f as Frame))
  );
}

/** Possessive pronouns and the subject pronoun each stands for: "his claim" is his. */
const POSSESSIVE_PRONOUNS = new Map([
  ["his", "he"],
  ["her", "she"],
  ["their", "they"],
  ["its", "it"],
  ["our", "we"],
]);
const POSSESSIVE_WORDS = new Set(["his", "her", "their", "its", "our", "my", "your", "'s", "’s"]);
