// Who a reporting cue belongs to: the noun phrase before or after the cue, split into a name and
// a description ("Nabil al-Rawi, a spokesman for the Jordanian government"), with unnamed sources
// flagged ("a senior official close to the prime minister" is anonymous, not the prime minister),
// outlets recognised as channels, and pronouns and surnames resolved to earlier speakers.
import { PERSON_NAME_PARTICLES, type Token } from "../../nlp/index.js";
import type { Lexicon } from "./lexicon.js";

export interface SpeakerMention {
  /** Token range of the whole mention, description included. */
  first: number;
  last: number;
  name: string | null;
  description?: string;
  anonymous: boolean;
  /** Character span of the words that name the speaker. */
  start: number;
  end: number;
  pronoun?: string;
  /** The head noun, singular: "official" for "senior officials". */
  head: string;
  plural: boolean;
  outlet: boolean;
}

const PRONOUNS = new Map<string, { plural: boolean }>([
  ["he", { plural: false }],
  ["she", { plural: false }],
  ["it", { plural: false }],
  ["they", { plural: true }],
  ["we", { plural: true }],
  ["i", { plural: false }],
  ["who", { plural: false }],
  ["which", { plural: false }],
]);
/** Lower-case words that may sit inside a name: "Haider al-Abadi", "Bank of England", "Johnson & Johnson". */
const NAME_PARTICLES = new Set([...PERSON_NAME_PARTICLES, "of", "and", "&"]);
/** Determiners that stand for people on their own: "Those close to him", "Many in the party". */
const STANDALONE_DETERMINERS = new Set([
  "those",
  "some",
  "many",
  "others",
  "several",
  "both",
  "all",
  "each",
  "most",
  "few",
]);
const POSSESSIVE = new Set(["'s", "’s", "'", "’"]);
/** The participle or adjective closing a hyphenated modifier: "-allied", "-backed", "-led", "-based", "-born". */
const COMPOUND_MODIFIER = /^[a-z]+(ed|en|ing|born|run|made|held)$/;
const NP_POS = new Set(["DET", "ADJ", "NOUN", "PROPN", "NUM", "PART"]);
/** Words after a head noun that open its description: "an official close to", "a source familiar with". */
const POSTMODIFIER = new Set([
  "for",
  "of",
  "with",
  "at",
  "from",
  "in",
  "on",
  "to",
  "close",
  "familiar",
  "who",
  "which",
  "that",
  "near",
  "inside",
  "within",
  "under",
  "representing",
  "involved",
  "speaking",
  "briefed",
  "based",
  "working",
  "knowledgeable",
  "(",
]);
const LEADING_NOISE = new Set([
  "but",
  "and",
  "or",
  "so",
  "yet",
  "meanwhile",
  "also",
  "still",
  "now",
  "then",
  "however",
  "moreover",
  "instead",
]);
/** Titles that make a following capitalised run a person: "Gen.", "Sen.", "President". */
const PERSON_WORDS =
  /^(mr|mrs|ms|dr|gen|col|lt|sgt|capt|maj|sen|rep|gov|adm|prof|president|minister|secretary|senator|general|colonel|spokesman|spokeswoman|judge|mayor|governor|ambassador|chief|director|commander|king|queen|prince|pope|sheikh|ayatollah|imam|rev)\.?$/i;

export function isCapitalised(token: Token): boolean {
  // Tested by character code first: it runs for every token, and each regex test allocates.
  const c = token.text.charCodeAt(0);
  return (c >= 65 && c <= 90) || (token.text.includes("-") && NAME_PARTICLE_PREFIX.test(token.text));
}

const NAME_PARTICLE_PREFIX = /^(al|el|bin|ibn|de|van|von)-/;

/** Function words stay out of names even when capitalised at a sentence start: "On", "In", "But". */
/** Indefinite pronouns name what is said, never who says it: "said nothing", "said little". */
const NOT_SPEAKERS = new Set([
  "nothing",
  "something",
  "anything",
  "everything",
  "little",
  "much",
  "more",
  "less",
]);
const NOT_NAME_POS = new Set(["ADP", "CCONJ", "SCONJ", "PRON", "DET", "AUX", "PART", "PUNCT"]);
/** Time words are never speakers: "On Thursday, ... said", "In August". */
const TIME_WORD =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|today|yesterday|tonight|morning|afternoon|evening|night|week|month|year|\d+)$/i;

function isNameToken(token: Token): boolean {
  if (NOT_NAME_POS.has(token.pos) && token.text !== "&") return false;
  return (
    (isCapitalised(token) && token.pos !== "PUNCT" && token.pos !== "DET" && token.pos !== "PRON") ||
    /^[A-Z]/.test(token.text)
  );
}

/** Singular form of a head noun for lexicon lookup: "officials" -> "official", "people" stays. */
export function singular(word: string): string {
  const w = word.toLowerCase();
  if (w.endsWith("ies") && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(ss|us|is|ose|ese|ews)$/.test(w)) return w;
  if (w.endsWith("men")) return `${w.slice(0, -3)}man`;
  if (w.endsWith("s") && w.length > 3) return w.slice(0, -1);
  return w;
}

export class SpeakerParser {
  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
    private readonly lex: Lexicon,
  ) {}

  private slice(a: number, b: number): string {
    return this.text.slice(this.tokens[a]!.start, this.tokens[b]!.end);
  }

  /** Whether tokens [a, b] name an outlet: "the Associated Press (AP)", "NBC News", "The Post". */
  isOutlet(a: number, b: number): boolean {
    let first = a;
    while (first <= b && this.tokens[first]!.pos === "DET") first++;
    let last = b;
    if (this.tokens[last]!.text === ")") {
      const open = this.findBack(last, "(", first);
      if (open > first) {
        if (this.isOutlet(open + 1, last - 1)) return true;
        last = open - 1;
      }
    }
    if (last < first) return false;
    const name = this.slice(first, last).toLowerCase();
    if (this.lex.outletNames.has(name)) return true;
    const lastToken = this.tokens[last]!;
    if (isNameToken(lastToken) && this.lex.outletHeadWords.has(lastToken.lower)) {
      return last > first || this.tokens[a]!.pos === "DET";
    }
    return last === first && this.lex.outletNouns.has(lastToken.lower);
  }

  private findBack(from: number, text: string, floor: number): number {
    for (let t = from; t >= floor; t--) if (this.tokens[t]!.text === text) return t;
    return -1;
  }

  /**
   * Parses the noun phrase in tokens [a, b] into a speaker: a head phrase (name or common noun),
   * then its description ("a spokesman for the Iraqi government", "close to the premier").
   */
  parse(a: number, b: number, appositive?: [number, number]): SpeakerMention | null {
    const tokens = this.tokens;
    while (a <= b && (LEADING_NOISE.has(tokens[a]!.lower) || tokens[a]!.pos === "PUNCT")) a++;
    while (b >= a && tokens[b]!.pos === "PUNCT" && tokens[b]!.text !== ")") b--;
    if (a > b) return null;
    const firstToken = tokens[a]!;
    const pronoun = PRONOUNS.get(firstToken.lower);
    if (pronoun && a === b) {
      return {
        first: a,
        last: b,
        name: null,
        anonymous: false,
        start: firstToken.start,
        end: firstToken.end,
        pronoun: firstToken.lower,
        head: firstToken.lower,
        plural: pronoun.plural,
        outlet: false,
      };
    }
    // The head phrase: determiners, modifiers and nouns up to the first post-modifier.
    let headEnd = a;
    let sawNoun = false;
    for (let t = a; t <= b; t++) {
      const tok = tokens[t]!;
      // editorial insertions are transparent: "the [Western] contractors"
      if (tok.text === "[" || tok.text === "]") continue;
      const adjacent = t > a && tok.start === tokens[t - 1]!.end;
      const joinsName =
        (tok.text === "-" && adjacent) ||
        (tok.text === "." && adjacent) ||
        (NAME_PARTICLES.has(tok.lower) &&
          t < b &&
          isNameToken(tokens[t + 1]!) &&
          t > a &&
          isNameToken(tokens[t - 1]!));
      if (t > a && sawNoun && POSTMODIFIER.has(tok.lower) && !joinsName) break;
      // "Iran-allied militias", "U.S.-led forces", "Kyiv-based analysts": the name before a
      // hyphenated participle modifies the head that follows; it is not the speaker
      const compound = tokens[t + 1];
      if (
        tok.text === "-" &&
        adjacent &&
        compound &&
        t + 1 < b &&
        compound.start === tok.end &&
        COMPOUND_MODIFIER.test(compound.text)
      ) {
        headEnd = t + 1;
        sawNoun = false;
        t++;
        continue;
      }
      if (
        NP_POS.has(tok.pos) ||
        POSSESSIVE.has(tok.text) ||
        joinsName ||
        isNameToken(tok) ||
        (adjacent && tok.pos === "PUNCT" && tok.text !== "," && tok.text !== "(")
      ) {
        headEnd = t;
        if (
          tok.pos === "NOUN" ||
          tok.pos === "PROPN" ||
          isNameToken(tok) ||
          tok.pos === "PRON" ||
          STANDALONE_DETERMINERS.has(tok.lower) ||
          // "one of the advisers", "two of the senators": a number heads its partitive
          (tok.pos === "NUM" && tokens[t + 1]?.lower === "of")
        ) {
          sawNoun = true;
        }
        continue;
      }
      // "exit polls", "ruling party": a verb form used as a modifier
      if (
        tok.pos === "VERB" &&
        tokens[t + 1]?.pos === "NOUN" &&
        t < b &&
        (t === a || tokens[t - 1]!.pos === "DET" || tokens[t - 1]!.pos === "ADJ")
      ) {
        headEnd = t;
        continue;
      }
      if (t === a && tok.pos === "PRON") {
        headEnd = t;
        sawNoun = true;
        continue;
      }
      break;
    }
    // "the general", "the accused": an adjective used as a noun after a determiner
    if (!sawNoun && headEnd > a && tokens[headEnd]!.pos === "ADJ" && tokens[headEnd - 1]!.pos === "DET")
      sawNoun = true;
    if (!sawNoun) return null;
    if (TIME_WORD.test(tokens[headEnd]!.text)) return null;
    // "The ministry, which denied the report, said nothing": what was said, not who said it.
    if (NOT_SPEAKERS.has(tokens[headEnd]!.lower)) return null;
    const head = tokens[headEnd]!;
    // The name: the capitalised run that ends the head phrase ("White House spokesman Josh Earnest").
    let nameStart = headEnd + 1;
    if (isNameToken(head) && !POSSESSIVE.has(head.text)) {
      nameStart = headEnd;
      while (nameStart > a) {
        const prev = tokens[nameStart - 1]!;
        const adjacent = prev.end === tokens[nameStart]!.start;
        if (isNameToken(prev) && prev.pos !== "DET") nameStart--;
        else if ((prev.text === "-" || prev.text === ".") && adjacent) nameStart--;
        else if (NAME_PARTICLES.has(prev.lower) && nameStart - 1 > a && isNameToken(tokens[nameStart - 2]!))
          nameStart--;
        else break;
      }
    }
    const headSpan = this.slice(a, headEnd);
    // "One of the two candidates": a number word capitalised at a sentence start names no one
    const numberWord = nameStart === headEnd && head.pos === "NUM";
    // "Officials from the ministry said ...": a source noun capitalised at a sentence start
    const sourceNounAtStart =
      nameStart === headEnd &&
      nameStart === a &&
      (a === 0 || tokens[a - 1]!.sentence !== head.sentence || /^[“"‘']$/.test(tokens[a - 1]!.text)) &&
      this.lex.anonymousNouns.has(singular(head.text));
    const name =
      nameStart <= headEnd && !numberWord && !sourceNounAtStart ? this.slice(nameStart, headEnd) : null;
    const descriptionParts: string[] = [];
    if (name && nameStart > a) {
      const before = this.slice(a, nameStart - 1).trim();
      if (tokens[a]!.pos !== "DET" || nameStart - 1 > a) descriptionParts.push(before);
    } else if (!name) descriptionParts.push(headSpan);
    if (headEnd < b) descriptionParts.push(this.slice(headEnd + 1, b));
    const clean = (p: string) => p.replace(/^[\s,]+|[\s,]+$/g, "");
    const description = [
      descriptionParts.map(clean).filter(Boolean).join(" "),
      appositive ? clean(this.slice(appositive[0], appositive[1])) : "",
    ]
      .filter(Boolean)
      .join(", ");
    const headLemma = singular(head.text);
    const nameIsDeterminer = name !== null && tokens[nameStart]!.pos === "DET";
    const realName = nameIsDeterminer ? null : name;
    const plural = head.lower !== headLemma && !isNameToken(head);
    const anonymous = realName === null && this.lex.anonymousNouns.has(headLemma);
    const outlet = this.isOutlet(a, headEnd) || this.isOutlet(a, b);
    return {
      first: a,
      last: appositive ? Math.max(b, appositive[1]) : b,
      name: realName,
      ...(description ? { description } : {}),
      anonymous,
      start: tokens[realName ? nameStart : a]!.start,
      end: tokens[headEnd]!.end,
      head: headLemma,
      plural,
      outlet,
    };
  }

  /** A person-looking name: two or more capitalised words or a title ("Sen. Graham"). */
  looksLikePerson(mention: SpeakerMention): boolean {
    if (!mention.name || mention.outlet) return false;
    const words = mention.name.split(/\s+/);
    if (words.some((w) => PERSON_WORDS.test(w))) return true;
    if (
      mention.description &&
      /\b(spokes\w+|minister|president|senator|adviser|advisor|official|director|chief|leader|secretary|candidate|nominee|governor|mayor|general|analyst|expert|professor|ambassador|lawyer)\b/i.test(
        mention.description,
      )
    )
      return true;
    return (
      words.length >= 2 &&
      words.length <= 4 &&
      !/\b(Department|Ministry|Office|Council|Committee|Party|Army|Force|Forces|Agency|Bank|Company|Corp|Inc|Group|Association|Nations|Union|Organization|Organisation|Institute|University|Court|Commission|House|Government|Campaign|Times|News|Press|Journal|Post|State|States|Republic|Kingdom|Ministry|Police|Navy|Guard|Front|Movement|Brigade|Coalition|Alliance|Center|Centre|Foundation|Fund|Service|Services|Network|Bureau|Administration|Island|Islands|City|County|Province|Region|Valley|River|Mountains|Sea|Ocean|Coast|Bay|Street|Avenue|Square)\b/.test(
        mention.name,
      )
    );
  }
}
