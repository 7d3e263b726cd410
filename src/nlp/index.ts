// The NLP layer: tokens with character offsets, sentences, parts of speech, noun chunks and
// name mentions, over wink-nlp's English model. Loaded once per process; lossless (every
// token's `start`/`end` index `doc.text`, and the gaps between tokens are whitespace only).

import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";
import type { Span } from "../core/schema.js";
import { ABBREVIATIONS } from "./abbreviations.js";

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Lower-cased text. */
  lower: string;
  /** Universal POS tag: NOUN, PROPN, VERB, AUX, ADJ, ADP, DET, NUM, PUNCT, PRON, ... */
  pos: string;
  lemma: string;
  /** wink's token type: word, number, punctuation, symbol, emoji, url, email, ... */
  type: string;
  /** Index of the sentence the token belongs to. */
  sentence: number;
}

export interface Sentence extends Span {
  /** Index of the first token and one past the last one. */
  tokenStart: number;
  tokenEnd: number;
}

export interface Chunk extends Span {
  kind: "noun" | "name";
  tokenStart: number;
  tokenEnd: number;
  text: string;
}

export interface NlpLayer {
  tokens: Token[];
  sentences: Sentence[];
  /** Noun chunks ("the Iraqi government") and name mentions ("Saad al-Hadithi"). */
  chunks: Chunk[];
  /** Index of the token starting at or covering each character offset: use `tokenAt`. */
}

/*
 * Tokens, sentences and chunks are made by class constructors, not object literals. V8 watches
 * each object literal in the code, and once most of what one literal made has outlived a
 * young-generation collection, it makes everything that literal makes from then on directly in
 * the old generation, for good ("allocation-site pretenuring"). A document's tokens live as
 * long as the document, so a few documents in, every later token was born old: the old
 * generation grew by some 200 kB an article between full collections. Class instances are never
 * pretenured; they are collected young, with the rest of the document's garbage.
 */
class TokenRecord implements Token {
  constructor(
    public start: number,
    public end: number,
    public text: string,
    public lower: string,
    public pos: string,
    public lemma: string,
    public type: string,
    public sentence: number,
  ) {}
}

class SentenceRecord implements Sentence {
  constructor(
    public start: number,
    public end: number,
    public tokenStart: number,
    public tokenEnd: number,
  ) {}
}

class ChunkRecord implements Chunk {
  constructor(
    public kind: Chunk["kind"],
    public start: number,
    public end: number,
    public tokenStart: number,
    public tokenEnd: number,
    public text: string,
  ) {}
}

type WinkNlp = ReturnType<typeof winkNLP>;
let engine: WinkNlp | undefined;
/** Tokens the current engine has read. */
let engineTokens = 0;
/**
 * wink keeps every word it has not seen in its model (names, figures, misspellings) for the
 * life of the engine, about 130 bytes each, so a long batch or a server that runs for days
 * would grow without bound. After this many tokens the engine is replaced and the old one's
 * words are collected. A new engine takes about 70 ms; at the default of 2 million tokens
 * (some 3,000 news articles) that is about 0.5% of the work, and memory stays bounded.
 */
let engineTokenBudget = 2_000_000;

/**
 * wink's annotators this layer reads: sentence boundaries and POS tags (tokens, types and lemmas
 * come with every pipe). Its entity, negation and sentiment annotators would change none of the
 * outputs here and take a third of the time.
 */
const WINK_PIPE = ["sbd", "pos"];

/**
 * The English model as every engine reads it. The package's `metaCER` loader re-encodes its
 * machine with `JSON.stringify` on each call and keeps the result, so each new engine gets the
 * last one's text escaped once more: the 16th engine takes twice as long to make and the 20th
 * throws "Invalid string length" (some 60,000 articles into a batch). The first encoding is
 * kept and handed to every engine.
 */
const stableModel: typeof model = (() => {
  // typed `unknown` by wink-nlp; the model package makes it a loader function
  const cerMeta: unknown = (model.metaCER as () => unknown)();
  return Object.assign(Object.create(null), model, { metaCER: () => cerMeta });
})();

/** The wink-nlp engine, created on first use and shared by the process until its token budget is spent. */
export function winkEngine(): WinkNlp {
  if (engine === undefined || engineTokens >= engineTokenBudget) {
    engine = winkNLP(stableModel, WINK_PIPE);
    engineTokens = 0;
  }
  return engine;
}

/** Sets how many tokens an engine reads before it is replaced (see `engineTokenBudget`); returns the old budget. */
export function setEngineTokenBudget(tokens: number): number {
  const old = engineTokenBudget;
  engineTokenBudget = Math.max(1, tokens);
  return old;
}

/** Two line breaks in a run of whitespace: a blank line ("\n\n", "\n \n"). */
function hasBlankLine(space: string): boolean {
  const first = space.indexOf("\n");
  return first >= 0 && space.indexOf("\n", first + 1) >= 0;
}

/** A token that is only whitespace: wink keeps line breaks and some odd spaces as tokens. */
function isSpaceToken(value: string, type: string, pos: string): boolean {
  if (type === "tabCRLF" || pos === "SPACE") return true;
  const c = value.charCodeAt(0);
  // every character /\s/ matches is a control character, a space, or above U+0084
  return (c <= 32 || c === 0xa0 || c > 0x84) && /^\s+$/.test(value);
}

/**
 * Where the possessive "'s" starts in a word wink gave as one token ("Powell's"), or -1. wink
 * splits "Powell's plan" into "Powell" and "'s", but before a comma or a stop ("Powell's, ...")
 * it keeps the word whole and learns it, and from then on the engine keeps "Powell's" whole
 * everywhere: the tokens of a text would depend on what the engine read before it.
 */
function mergedPossessive(value: string): number {
  const n = value.length;
  if (n < 4) return -1;
  const s = value.charCodeAt(n - 1);
  const apostrophe = value.charCodeAt(n - 2);
  if ((s !== 115 && s !== 83) || (apostrophe !== 39 && apostrophe !== 0x2019)) return -1;
  // a word before it: letters, with dots or hyphens inside ("U.S.'s", "al-Abadi's")
  for (let i = 0; i < n - 2; i++) {
    const c = value.charCodeAt(i) | 32; // lower case for letters; "." and "-" are unchanged
    if (!((c >= 97 && c <= 122) || (i > 0 && (c === 46 || c === 45)))) return -1;
  }
  return n - 2;
}

/**
 * The word and its "'s" as the two tokens wink gives when it splits them: the word keeps the tag
 * wink gave the whole (a noun in lower case, since wink tags an unknown whole as a name), and
 * "'s" is a particle.
 */
function pushPossessive(
  tokens: Token[],
  value: string,
  at: number,
  start: number,
  tag: string,
  sentence: number,
): void {
  const word = value.slice(0, at);
  const lower = word.toLowerCase();
  const mark = value.slice(at);
  const pos = tag === "PROPN" && !startsUpper(word) ? "NOUN" : tag;
  tokens.push(new TokenRecord(start, start + at, word, lower, pos, lower, "word", sentence));
  const markLower = mark.toLowerCase();
  tokens.push(
    new TokenRecord(start + at, start + value.length, mark, markLower, "PART", markLower, "word", sentence),
  );
}

/** Tokenise, tag and split `text` into sentences. Sentences never cross a blank line or a line break. */
export function analyse(text: string): NlpLayer {
  const nlp = winkEngine();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  engineTokens += values.length;
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const types = doc.tokens().out(its.type) as string[];
  // biome-ignore lint/suspicious/noExplicitAny: wink types its.lemma with an addon-only signature
  const lemmas = doc.tokens().out(its.lemma as any) as string[];
  const sentenceSpans = doc.sentences().out(its.span) as unknown as [number, number][];

  // Character offsets from the lossless token stream; `indexOf` recovers if wink ever
  // normalises a token's value. A blank line before a token ends a sentence whatever wink says
  // (a single line break may be a hard wrap).
  const count = values.length;
  const starts = new Int32Array(count);
  const blankLineBefore = new Uint8Array(count);
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const value = values[i]!;
    const before = spaces[i] ?? "";
    offset += before.length;
    let start = offset;
    if (!text.startsWith(value, start)) {
      const found = text.indexOf(value, offset - before.length);
      start = found >= 0 ? found : offset;
    }
    starts[i] = start;
    if (before.length > 1 && hasBlankLine(before)) blankLineBefore[i] = 1;
    offset = start + value.length;
  }

  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  for (const [first, last] of sentenceSpans) {
    let open = -1;
    const close = (endToken: number) => {
      if (open < 0 || endToken <= open) return;
      sentences.push(new SentenceRecord(tokens[open]!.start, tokens[endToken - 1]!.end, open, endToken));
      open = -1;
    };
    for (let w = first; w <= last; w++) {
      const value = values[w]!;
      const isSpace = isSpaceToken(value, types[w]!, pos[w]!);
      if (blankLineBefore[w] === 1 || (isSpace && hasBlankLine(value) && /\n\s*\n/.test(value)))
        close(tokens.length);
      if (isSpace) continue;
      if (open < 0) open = tokens.length;
      const lower = value.toLowerCase();
      const possessive = types[w] === "word" ? mergedPossessive(value) : -1;
      if (possessive > 0) {
        pushPossessive(tokens, value, possessive, starts[w]!, pos[w]!, sentences.length);
        continue;
      }
      const start = starts[w]!;
      tokens.push(
        new TokenRecord(
          start,
          start + value.length,
          value,
          lower,
          pos[w]!,
          lemmas[w] ?? lower,
          types[w]!,
          sentences.length,
        ),
      );
    }
    close(tokens.length);
  }
  splitMissedEnds(text, tokens, sentences);
  joinAbbreviationBreaks(text, tokens, sentences);
  // Sentence numbers were provisional while sentences were being closed: set them exactly.
  for (let n = 0; n < sentences.length; n++) {
    const s = sentences[n]!;
    for (let t = s.tokenStart; t < s.tokenEnd; t++) tokens[t]!.sentence = n;
  }

  return { tokens, sentences, chunks: findChunks(text, tokens, sentences) };
}

/**
 * wink takes some sentence ends for an abbreviation's stop and runs on: "... was taken ill. |
 * Bo Li ...", "... bought by Acme Inc. | Mr Li said ...", "... in Dearborn, Mich. | There is ...".
 * A sentence is split after a word's stop, before a capitalised word on the same line, when the
 * word is lower case ("ill.", "in.") or the next word opens a sentence: a title ("Mr", "Sen.")
 * or a function word ("The", "There", "At"), or a quotation opens ("Acme Corp. \"At some point ...").
 * Titles ("Lt. Gen."), initials ("John J. Smith",
 * "U.S.") and run-on abbreviations ("Trump vs. Clinton") never end a sentence here.
 */
function splitMissedEnds(text: string, tokens: Token[], sentences: Sentence[]): void {
  for (let n = sentences.length - 1; n >= 0; n--) {
    const sentence = sentences[n]!;
    for (let t = sentence.tokenEnd - 2; t > sentence.tokenStart; t--) {
      const word = wordBeforeStop(tokens, t);
      if (word === undefined || word.length < 2 || word.includes(".")) continue;
      const next = tokens[t + 1]!;
      const quoted = opensQuotation(tokens, t + 1);
      const nextWord = quoted ? tokens[t + 2]! : next;
      if (!startsUpper(nextWord.text)) continue;
      if (ABBREVIATIONS.titles.has(word.toLowerCase()) || ABBREVIATIONS.runOn.has(word)) continue;
      const opens =
        quoted ||
        !startsUpper(word) ||
        SENTENCE_OPENER_POS.has(next.pos) ||
        ABBREVIATIONS.titles.has(next.lower.endsWith(".") ? next.lower.slice(0, -1) : next.lower);
      if (!opens || text.slice(tokens[t]!.end, next.start).includes("\n")) continue;
      sentences.splice(n + 1, 0, new SentenceRecord(next.start, sentence.end, t + 1, sentence.tokenEnd));
      sentence.end = tokens[t]!.end;
      sentence.tokenEnd = t + 1;
    }
  }
}

/** Opening quotation marks; a straight one opens when it follows a space and touches the word after it. */
const OPENING_QUOTES = new Set(['"', "“", "‘", "``", "'"]);

/** Whether token `q` opens a quotation: ` "At some point`, ` “We`. */
function opensQuotation(tokens: Token[], q: number): boolean {
  const quote = tokens[q];
  const word = tokens[q + 1];
  if (quote === undefined || word === undefined || !OPENING_QUOTES.has(quote.text)) return false;
  return quote.start > tokens[q - 1]!.end && word.start === quote.end;
}

/** The word whose stop token `t` ends: "Inc." itself, or "ill" before a "." of its own. */
function wordBeforeStop(tokens: Token[], t: number): string | undefined {
  const stop = tokens[t];
  if (stop === undefined || !stop.text.endsWith(".")) return undefined;
  if (stop.text.length > 1) return stop.text.slice(0, -1);
  const word = tokens[t - 1];
  return word !== undefined && word.end === stop.start && word.type === "word" ? word.text : undefined;
}

/**
 * wink ends a sentence at some stops that do not end one. A break on one line is undone when:
 * - the next sentence opens with a lower-case word or with , ; : ) and so goes on the first:
 *   "Sen. Jon Tester (D-Mont.) | said ...", "Rep. Ann Lee (R-Ga.) | , who ...",
 *   "“Enough!” | the mayor shouted", "“Why now?” | she asked";
 * - the first ends with a title's stop and a name follows: "Sens. | Ann Lee and Cy Tam said",
 *   "Lt. | Gen. Bo Li" (data/nlp/abbreviations.json);
 * - the first ends with a stop or ")" and leaves a parenthesis open: "(R-S. | C.) said".
 * A real end stays: "... in the U.S. | The next day ...", "... on Elm Dr. | The house ...".
 */
function joinAbbreviationBreaks(text: string, tokens: Token[], sentences: Sentence[]): void {
  for (let n = sentences.length - 1; n > 0; n--) {
    const prev = sentences[n - 1]!;
    const next = sentences[n]!;
    if (text.slice(prev.end, next.start).includes("\n")) continue;
    if (
      !(
        continuesSentence(tokens, next.tokenStart) ||
        endsWithTitle(tokens, prev) ||
        (endsWithStop(tokens[prev.tokenEnd - 1]!.text) && unclosedParenthesis(tokens, prev))
      )
    )
      continue;
    prev.end = next.end;
    prev.tokenEnd = next.tokenEnd;
    sentences.splice(n, 1);
  }
}

const endsWithStop = (text: string) => text === ")" || text.endsWith(".");

/**
 * A sentence that opens with , ; : ) or a lower-case word goes on the one before. A word with a
 * capital inside ("iPhone", "eBay") may open a sentence, so it does not count.
 */
function continuesSentence(tokens: Token[], first: number): boolean {
  const text = tokens[first]!.text;
  const c = text.charCodeAt(0);
  if (c === 44 || c === 59 || c === 58 || c === 41) return true; // , ; : )
  if (c < 97 || c > 122) return false;
  for (let i = 1; i < text.length; i++) {
    const d = text.charCodeAt(i);
    if (d >= 65 && d <= 90) return false;
  }
  return true;
}

/** Words that open a sentence rather than a name: "on Elm Dr. | The house", "Dr. | He said". */
const SENTENCE_OPENER_POS = new Set(["DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "PART", "ADV"]);

/** "Sens. | Ann Lee", "Lt. | Gen. Bo Li": the sentence ends with a title and a name follows. */
function endsWithTitle(tokens: Token[], sentence: Sentence): boolean {
  const first = tokens[sentence.tokenEnd];
  if (first === undefined || !startsUpper(first.text) || SENTENCE_OPENER_POS.has(first.pos)) return false;
  const word = wordBeforeStop(tokens, sentence.tokenEnd - 1);
  return word !== undefined && ABBREVIATIONS.titles.has(word.toLowerCase());
}

/** "Sen. Ann Lee (R-S. | C.) said": a parenthesis still open at a sentence's end. */
function unclosedParenthesis(tokens: Token[], sentence: Sentence): boolean {
  let depth = 0;
  for (let t = sentence.tokenStart; t < sentence.tokenEnd; t++) {
    const text = tokens[t]!.text;
    if (text === "(") depth++;
    else if (text === ")" && depth > 0) depth--;
  }
  return depth > 0;
}

const NOUNISH = new Set(["NOUN", "PROPN", "NUM"]);
const MODIFIER = new Set(["ADJ", "NOUN", "PROPN", "NUM"]);
/** Lower-case particles inside personal names: "Saad al-Hadithi", "Osama bin Laden", "Vincent van Gogh". */
export const PERSON_NAME_PARTICLES: ReadonlySet<string> = new Set(
  "al el ul bin ibn abu bint ben de da di del dos du van von der la le".split(" "),
);
/** Particles inside any name, organisations too: "Bank of England". */
const NAME_PARTICLES = new Set([...PERSON_NAME_PARTICLES, "of"]);

// Character tests, not regexes: the stages run them on every token.

/** Whether `text` starts with an ASCII capital, as /^[A-Z]/ tests. */
export function startsUpper(text: string): boolean {
  const c = text.charCodeAt(0);
  return c >= 65 && c <= 90;
}

/** Whether `text` has a letter a-z in either case, as /[a-z]/i tests. */
export function hasAsciiLetter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 32;
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}

const isCapitalised = (token: Token) => startsUpper(token.text);

/** Does a name continue at token `i`: "Laden", or "-Abadi" joined by a hyphen? */
function startsName(tokens: Token[], i: number, end: number): boolean {
  const next = tokens[i];
  if (!next || i >= end) return false;
  if (isCapitalised(next)) return true;
  const after = tokens[i + 1];
  return (
    next.text === "-" &&
    after !== undefined &&
    i + 1 < end &&
    after.start === next.end &&
    isCapitalised(after)
  );
}

/**
 * Noun chunks by POS pattern: (DET|PRON$)? (ADJ|NOUN|PROPN|NUM)* (NOUN|PROPN).
 * Name mentions: runs of capitalised PROPN tokens joined by hyphens, periods of initials and
 * name particles ("Saad al-Hadithi", "U.S.", "Army Col. Ryan Dillon").
 */
function findChunks(text: string, tokens: Token[], sentences: Sentence[]): Chunk[] {
  const chunks: Chunk[] = [];
  const push = (kind: Chunk["kind"], a: number, b: number) => {
    const start = tokens[a]!.start;
    const end = tokens[b - 1]!.end;
    chunks.push(new ChunkRecord(kind, start, end, a, b, text.slice(start, end)));
  };
  for (const s of sentences) {
    // noun chunks
    let t = s.tokenStart;
    while (t < s.tokenEnd) {
      const tok = tokens[t]!;
      if (tok.pos === "DET" || MODIFIER.has(tok.pos)) {
        let u = tok.pos === "DET" ? t + 1 : t;
        let lastNoun = -1;
        while (u < s.tokenEnd && MODIFIER.has(tokens[u]!.pos)) {
          if (NOUNISH.has(tokens[u]!.pos)) lastNoun = u;
          u++;
        }
        if (lastNoun >= 0 && tokens[lastNoun]!.pos !== "NUM") {
          push("noun", t, lastNoun + 1);
          t = lastNoun + 1;
          continue;
        }
      }
      t++;
    }
    // name mentions
    t = s.tokenStart;
    while (t < s.tokenEnd) {
      if (tokens[t]!.pos === "PROPN" && isCapitalised(tokens[t]!)) {
        let u = t + 1;
        let end = t + 1;
        while (u < s.tokenEnd) {
          const tok = tokens[u]!;
          const adjacent = tok.start === tokens[u - 1]!.end;
          if (tok.pos === "PROPN" && isCapitalised(tok)) end = u + 1;
          else if (tok.text === "-" && adjacent) {
            /* joined: al-Hadithi */
          } else if (tok.text === "." && adjacent) {
            /* initials: U.S. */
          } else if (NAME_PARTICLES.has(tok.lower) && startsName(tokens, u + 1, s.tokenEnd)) {
            /* particle followed by a name: "bin Laden", "al-Abadi" */
          } else if (isCapitalised(tok) && tok.pos !== "PUNCT" && tok.pos !== "PRON" && tok.pos !== "DET") {
            end = u + 1;
          } else break;
          u++;
        }
        push("name", t, end);
        t = Math.max(end, t + 1);
        continue;
      }
      t++;
    }
  }
  return chunks.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Index of the token that contains character `offset`, or -1. Binary search. */
export function tokenAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid]!;
    if (offset < t.start) hi = mid - 1;
    else if (offset >= t.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Index of the first token starting at or after `offset`. */
export function tokenFrom(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the sentence containing character `offset`, or -1. */
export function sentenceAt(sentences: Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
