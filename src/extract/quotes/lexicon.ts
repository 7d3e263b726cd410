// The quote stage's lexicons (data/quotes/*.json), validated with zod and compiled once at
// module load into lookup tables keyed by lower-cased word forms.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { ABBREVIATIONS } from "../../nlp/abbreviations.js";

/**
 * How a reporting verb takes its content:
 * - say: a that-clause, a bare clause, a colon or a quotation ("said that ...", "said: ...");
 *   also inverted after the content ("..., said Smith").
 * - tell: a hearer first, then the content ("told reporters that ...").
 * - think: a belief with a clause ("believes that ...", "fears the talks will fail").
 * - judge: a stance toward a noun phrase ("criticized the decision", "called for a ceasefire").
 * - hear: the subject relays what it learned from someone ("NBC News learned from X that ...").
 * - intend: an aim or a commitment in a to-clause ("wants to triple the program", "vowed to fight").
 */
export type Frame = "say" | "tell" | "think" | "judge" | "hear" | "intend";
const FRAMES = ["say", "tell", "think", "judge", "hear", "intend"] as const;

const uniqueList = (what: string) =>
  z.array(z.string().min(1)).superRefine((list, ctx) => {
    const seen = new Set<string>();
    for (const entry of list) {
      if (entry !== entry.trim() || /\s{2}/.test(entry)) {
        ctx.addIssue({ code: "custom", message: `${what}: "${entry}" has stray spaces` });
      }
      if (seen.has(entry)) ctx.addIssue({ code: "custom", message: `${what}: "${entry}" is listed twice` });
      seen.add(entry);
    }
  });

const lowerLemmas = (what: string) =>
  uniqueList(what).refine((list) => list.every((v) => v === v.toLowerCase()), {
    message: `${what}: lemmas are lower case`,
  });

export const ReportingVerbsFile = z.object({
  $comment: z.string().optional(),
  say: lowerLemmas("say"),
  tell: lowerLemmas("tell"),
  think: lowerLemmas("think"),
  judge: lowerLemmas("judge"),
  hear: lowerLemmas("hear"),
  intend: lowerLemmas("intend"),
  /** Stance adjectives after a form of "be": "is confident that …", "was critical of …". */
  adjectives: z.object({
    think: lowerLemmas("adjectives.think"),
    judge: lowerLemmas("adjectives.judge"),
    intend: lowerLemmas("adjectives.intend"),
  }),
  /** Nouns of a claim or belief that take a that-clause after a possessor: "his claim that …". */
  nouns: lowerLemmas("nouns"),
  /** Nouns of an aim or a commitment that take a to-clause after a possessor: "her pledge to …". */
  aimNouns: lowerLemmas("aimNouns"),
  /** A stance noun and the preposition before its object, after a possessor: "his criticism of …". */
  stanceNouns: lowerLemmas("stanceNouns").refine((list) => list.every((e) => /^[a-z]+ [a-z]+$/.test(e)), {
    message: "stanceNouns: each entry is a noun and a preposition",
  }),
  /** A noun naming its subject by a stance, and the preposition before the object: "is a critic of …". */
  holderNouns: lowerLemmas("holderNouns").refine((list) => list.every((e) => /^[a-z]+ [a-z]+$/.test(e)), {
    message: "holderNouns: each entry is a noun and a preposition",
  }),
  /** Verbs whose passive without "by" still reports an unnamed source: "has been criticized for …". */
  agentlessPassives: lowerLemmas("agentlessPassives"),
  /** Verbs of asking whose participle opening a sentence reports a question: "Asked about …, she said". */
  askingVerbs: lowerLemmas("askingVerbs"),
  /** Verbs of saying whose object without "that" is a text, not a clause: "read the notes they left". */
  textVerbs: lowerLemmas("textVerbs").default([]),
  /** Stances the subject receives from others, and the verbs (with all forms) that receive them: "has faced questions about …". */
  receivedStances: z.object({
    nouns: lowerLemmas("receivedStances.nouns"),
    verbs: z.record(z.string(), uniqueList("receivedStances.verbs")),
  }),
  /** Verbs of meeting, going or using whose purpose clause voices the cue: "met to discuss …". */
  purposeCarriers: z.record(z.string(), uniqueList("purposeCarriers")),
  forms: z.record(z.string(), uniqueList("forms")),
});

export const SourcesFile = z.object({
  $comment: z.string().optional(),
  anonymousNouns: lowerLemmas("anonymousNouns"),
  anonymityCues: lowerLemmas("anonymityCues"),
  /** Singular heads of armed groups, whose acts a stance verb may name: "militias attacked the base". */
  armedActorNouns: lowerLemmas("armedActorNouns"),
  mediumNouns: lowerLemmas("mediumNouns"),
  /** Verbs whose subject authors the medium they take: "issued a statement saying …". */
  issuingVerbs: lowerLemmas("issuingVerbs"),
  /** What an issuing verb puts out, by how it carries the message: "sent a letter", "speeches on trade", "a motion to release". */
  issuedMessages: z.object({
    whole: lowerLemmas("issuedMessages.whole"),
    topic: lowerLemmas("issuedMessages.topic"),
    aim: lowerLemmas("issuedMessages.aim"),
  }),
  /** Nouns of polls, whose finding a clause set in one is: "In the latest poll, Lee leads". */
  pollNouns: lowerLemmas("pollNouns"),
  nameAbbreviations: lowerLemmas("nameAbbreviations"),
});

export const OutletsFile = z.object({
  $comment: z.string().optional(),
  names: uniqueList("names"),
  headWords: uniqueList("headWords"),
  commonNouns: lowerLemmas("commonNouns"),
});

function readData<T>(schema: z.ZodType<T>, file: string): T {
  const url = new URL(`../../../data/quotes/${file}`, import.meta.url);
  const parsed = schema.safeParse(JSON.parse(readFileSync(url, "utf8")));
  if (!parsed.success) throw new Error(`data/quotes/${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Regular English inflections of a verb: "argue" -> argues, argued, arguing. */
export function inflect(lemma: string): string[] {
  const [head = lemma, ...rest] = lemma.split(" ");
  const tail = rest.length ? ` ${rest.join(" ")}` : "";
  const consonantY = /[^aeiou]y$/.test(head);
  const third = /(s|x|z|ch|sh)$/.test(head)
    ? `${head}es`
    : consonantY
      ? `${head.slice(0, -1)}ies`
      : `${head}s`;
  const past = head.endsWith("e") ? `${head}d` : consonantY ? `${head.slice(0, -1)}ied` : `${head}ed`;
  const ing = head.endsWith("ie")
    ? `${head.slice(0, -2)}ying`
    : /[^aeiouy]e$/.test(head) || /[^e]ue$/.test(head)
      ? `${head.slice(0, -1)}ing`
      : `${head}ing`;
  return [head, third, past, ing].map((form) => form + tail);
}

export interface VerbEntry {
  lemma: string;
  frames: ReadonlySet<Frame>;
  /** Words after the first one: "out" for "point out", "for" for "call for". */
  rest: readonly string[];
  /** A stance adjective that follows a form of "be": "is confident", "was critical of". */
  adjective?: true;
}

export interface Lexicon {
  /** Every inflected form's first word -> the verbs it may start (longest first). */
  verbsByFirstWord: ReadonlyMap<string, readonly VerbEntry[]>;
  /** Singular nouns of claims and beliefs: "claim", "view". */
  claimNouns: ReadonlySet<string>;
  /** Singular nouns of aims and commitments: "plan", "pledge". */
  aimNouns: ReadonlySet<string>;
  /** Singular stance nouns -> the prepositions that open their object: criticism -> {of}. */
  stanceNouns: ReadonlyMap<string, ReadonlySet<string>>;
  /** Singular nouns that name their subject by a stance -> prepositions: critic -> {of}. */
  holderNouns: ReadonlyMap<string, ReadonlySet<string>>;
  anonymousNouns: ReadonlySet<string>;
  armedActorNouns: ReadonlySet<string>;
  /** Anonymity statements as word sequences keyed by their first word: on -> ["on", "condition", "of", "anonymity"]. */
  anonymityCuesByFirstWord: ReadonlyMap<string, readonly (readonly string[])[]>;
  /** Abbreviations whose full stop stands inside a name: titles ("Gen.", "Sen.", "Dr.") and "St.", "Jr.". */
  titleAbbreviations: ReadonlySet<string>;
  /** Singular heads of the medium a stance was voiced in: "in a statement", "in early-morning tweets". */
  mediumNouns: ReadonlySet<string>;
  issuingVerbs: ReadonlySet<string>;
  pollNouns: ReadonlySet<string>;
  /** Every form of the issuing verbs: "retweeted", "sent". */
  issuingForms: ReadonlySet<string>;
  /** Messages an issuing verb puts out that are themselves what was said: "sent a two-page letter". */
  wholeMessages: ReadonlySet<string>;
  /** Spoken messages whose topic after "on"/"about" is what was said: "delivered speeches on trade". */
  topicMessages: ReadonlySet<string>;
  /** Messages whose to-clause is what was asked or promised: "filed a motion to release the files". */
  aimMessages: ReadonlySet<string>;
  /** Lemmas whose agentless passive reports an unnamed source: "is widely expected to …". */
  agentlessPassives: ReadonlySet<string>;
  /** Lemmas of asking whose opening participle reports a question: "Pressed on the delay, …". */
  askingVerbs: ReadonlySet<string>;
  /** Lemmas of saying that take no bare clause: "sang the songs they loved". */
  textVerbs: ReadonlySet<string>;
  /** Singular nouns of a stance received from others: "criticism", "question". */
  receivedNouns: ReadonlySet<string>;
  /** Every form of a verb that receives such a stance: faced, drew, drawn. */
  receivingForms: ReadonlySet<string>;
  /** Every form of a verb whose purpose clause may carry a cue: met, took, held. */
  purposeCarrierForms: ReadonlySet<string>;
  outletNames: ReadonlySet<string>;
  outletHeadWords: ReadonlySet<string>;
  outletNouns: ReadonlySet<string>;
}

export function compileLexicon(
  verbs: z.infer<typeof ReportingVerbsFile>,
  sources: z.infer<typeof SourcesFile>,
  outlets: z.infer<typeof OutletsFile>,
): Lexicon {
  const framesOf = new Map<string, Set<Frame>>();
  for (const frame of FRAMES) {
    for (const lemma of verbs[frame]) {
      const set = framesOf.get(lemma) ?? new Set<Frame>();
      set.add(frame);
      framesOf.set(lemma, set);
    }
  }
  for (const lemma of [...verbs.agentlessPassives, ...verbs.askingVerbs, ...verbs.textVerbs]) {
    if (!framesOf.has(lemma))
      throw new Error(
        `data/quotes/reporting-verbs.json: agentless passive "${lemma}", a verb no frame lists`,
      );
  }
  for (const lemma of Object.keys(verbs.forms)) {
    if (!framesOf.has(lemma))
      throw new Error(`data/quotes/reporting-verbs.json: forms of "${lemma}", a verb no frame lists`);
  }
  const byFirst = new Map<string, VerbEntry[]>();
  for (const [lemma, frames] of framesOf) {
    const forms = new Set([lemma, ...(verbs.forms[lemma] ?? inflect(lemma))]);
    for (const form of forms) {
      const [first = form, ...rest] = form.split(" ");
      const list = byFirst.get(first) ?? [];
      if (!list.some((e) => e.lemma === lemma && e.rest.join(" ") === rest.join(" "))) {
        list.push({ lemma, frames, rest });
      }
      byFirst.set(first, list);
    }
  }
  for (const frame of ["think", "judge", "intend"] as const) {
    for (const lemma of verbs.adjectives[frame]) {
      const [first = lemma, ...rest] = lemma.split(" ");
      const list = byFirst.get(first) ?? [];
      list.push({ lemma, frames: new Set([frame]), rest, adjective: true });
      byFirst.set(first, list);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.rest.length - a.rest.length);
  const anonymityCues = sources.anonymityCues.map((cue) => cue.split(" "));
  const cuesByFirst = new Map<string, string[][]>();
  for (const cue of anonymityCues) cuesByFirst.set(cue[0]!, [...(cuesByFirst.get(cue[0]!) ?? []), cue]);
  return {
    verbsByFirstWord: byFirst,
    stanceNouns: prepositionsByNoun(verbs.stanceNouns),
    holderNouns: prepositionsByNoun(verbs.holderNouns),
    claimNouns: new Set(verbs.nouns),
    aimNouns: new Set(verbs.aimNouns),
    anonymousNouns: new Set(sources.anonymousNouns),
    armedActorNouns: new Set(sources.armedActorNouns),
    anonymityCuesByFirstWord: cuesByFirst,
    titleAbbreviations: new Set([...ABBREVIATIONS.titles, ...sources.nameAbbreviations]),
    mediumNouns: new Set(sources.mediumNouns),
    issuingVerbs: new Set(sources.issuingVerbs),
    issuingForms: new Set(sources.issuingVerbs.flatMap((lemma) => verbs.forms[lemma] ?? inflect(lemma))),
    pollNouns: new Set(sources.pollNouns),
    wholeMessages: new Set(sources.issuedMessages.whole),
    topicMessages: new Set(sources.issuedMessages.topic),
    aimMessages: new Set(sources.issuedMessages.aim),
    agentlessPassives: new Set(verbs.agentlessPassives),
    askingVerbs: new Set(verbs.askingVerbs),
    textVerbs: new Set(verbs.textVerbs),
    receivedNouns: new Set(verbs.receivedStances.nouns),
    receivingForms: new Set(
      Object.entries(verbs.receivedStances.verbs).flatMap(([lemma, forms]) => [lemma, ...forms]),
    ),
    purposeCarrierForms: new Set(
      Object.entries(verbs.purposeCarriers).flatMap(([lemma, forms]) => [lemma, ...forms]),
    ),
    outletNames: new Set(outlets.names.map((n) => n.toLowerCase())),
    outletHeadWords: new Set(outlets.headWords.map((n) => n.toLowerCase())),
    outletNouns: new Set(outlets.commonNouns),
  };
}

/** "criticism of", "support for" -> criticism -> {of}, support -> {for}. */
function prepositionsByNoun(entries: readonly string[]): Map<string, Set<string>> {
  const byNoun = new Map<string, Set<string>>();
  for (const entry of entries) {
    const [noun = entry, preposition = ""] = entry.split(" ");
    byNoun.set(noun, (byNoun.get(noun) ?? new Set()).add(preposition));
  }
  return byNoun;
}

/** The lexicon compiled from data/quotes/, loaded once per process. */
export const lexicon: Lexicon = compileLexicon(
  readData(ReportingVerbsFile, "reporting-verbs.json"),
  readData(SourcesFile, "sources.json"),
  readData(OutletsFile, "outlets.json"),
);
