// The event dictionary: trigger lemmas (verbs, verb + particle, nouns, noun phrases) mapped to
// PLOVER types and CAMEO codes, and the modality cue lists. Loaded and validated once; every
// lookup is a Map get by lemma.
import { z } from "zod";
import modalityData from "../../../data/events/modality.json" with { type: "json" };
import triggerData from "../../../data/events/triggers.json" with { type: "json" };

export const PLOVER_TYPES = [
  "AGREE",
  "CONSULT",
  "SUPPORT",
  "CONCEDE",
  "COOPERATE",
  "AID",
  "RETREAT",
  "REQUEST",
  "ACCUSE",
  "REJECT",
  "THREATEN",
  "PROTEST",
  "SANCTION",
  "MOBILIZE",
  "COERCE",
  "ASSAULT",
] as const;
export type PloverType = (typeof PLOVER_TYPES)[number];

export interface Trigger {
  type: PloverType;
  mode?: string;
  cameo?: string;
  /** The particle a phrasal verb needs after it ("for" in "call for"). */
  next?: string;
  /** Words a noun phrase needs before its last word ("hunger" in "hunger strike"). */
  before?: string[];
  /** The dictionary entry, for `rule`. */
  entry: string;
}

const Lemma = z.string().regex(/^[a-z][a-z' -]*$/, "lower-case words");

const Triggers = z.object({
  about: z.string(),
  light: z.array(Lemma),
  notEvents: z.array(Lemma).optional(),
  lightNouns: z.array(Lemma).optional(),
  groups: z.array(
    z.object({
      type: z.enum(PLOVER_TYPES),
      mode: z.string().optional(),
      cameo: z
        .string()
        .regex(/^\d{3,4}$/)
        .optional(),
      verbs: z.array(Lemma).optional(),
      verbPhrases: z.array(Lemma).optional(),
      nouns: z.array(Lemma).optional(),
    }),
  ),
});

const CueList = z.array(z.string().min(1));
const Modality = z.object({
  about: z.string(),
  negated: CueList,
  hedged: CueList,
  expected: CueList,
  estimated: CueList,
  hypothetical: CueList,
  reported: CueList,
  future: CueList,
  condition: CueList,
  reportingLemmas: CueList,
});

export interface EventDictionary {
  /** Verb lemma -> triggers (phrasal ones first). */
  verbs: ReadonlyMap<string, Trigger[]>;
  /** Noun lemma (or last word of a noun phrase) -> triggers (phrases first). */
  nouns: ReadonlyMap<string, Trigger[]>;
  /** Verbs that give way to the noun trigger they take ("imposed sanctions", "held talks"). */
  light: ReadonlySet<string>;
  /** Noun phrases that name no event though their last word would ("press conference"). */
  notEvents: ReadonlySet<string>;
  /** Head nouns that leave the event to the noun before them ("mediation effort", "aid convoy"). */
  lightNouns: ReadonlySet<string>;
  cues: Readonly<Record<Exclude<keyof z.infer<typeof Modality>, "about">, ReadonlySet<string>>>;
}

/** Build the dictionary from validated data; throws on a malformed file or a duplicate entry. */
export function buildEventDictionary(triggerInput: unknown, modalityInput: unknown): EventDictionary {
  const data = Triggers.parse(triggerInput);
  const verbs = new Map<string, Trigger[]>();
  const nouns = new Map<string, Trigger[]>();
  const seen = new Set<string>();
  const put = (map: Map<string, Trigger[]>, key: string, t: Trigger, id: string) => {
    if (seen.has(id)) throw new Error(`triggers.json: "${id}" is listed twice`);
    seen.add(id);
    const list = map.get(key) ?? [];
    list.push(t);
    // Longer entries first: "call for" before "call", "hunger strike" before "strike".
    list.sort((a, b) => Number(!!b.next || !!b.before) - Number(!!a.next || !!a.before));
    map.set(key, list);
  };
  for (const g of data.groups) {
    const base = {
      type: g.type,
      ...(g.mode ? { mode: g.mode } : {}),
      ...(g.cameo ? { cameo: g.cameo } : {}),
    };
    for (const v of g.verbs ?? []) put(verbs, v, { ...base, entry: `verb:${v}` }, `verb:${v}`);
    for (const p of g.verbPhrases ?? []) {
      const [head, next] = p.split(" ") as [string, string];
      put(verbs, head, { ...base, next, entry: `verb:${p}` }, `verb:${p}`);
    }
    for (const n of g.nouns ?? []) {
      const words = n.split(" ");
      const last = words.pop()!;
      put(
        nouns,
        last,
        { ...base, ...(words.length ? { before: words } : {}), entry: `noun:${n}` },
        `noun:${n}`,
      );
    }
  }
  const light = new Set(data.light);
  if (light.size !== data.light.length) throw new Error("triggers.json: a light verb is listed twice");

  const m = Modality.parse(modalityInput);
  const set = (name: string, list: string[]) => {
    const s = new Set(list.map((w) => w.toLowerCase()));
    if (s.size !== list.length) throw new Error(`modality.json: a cue is listed twice in ${name}`);
    return s;
  };
  const cues = {
    negated: set("negated", m.negated),
    hedged: set("hedged", m.hedged),
    expected: set("expected", m.expected),
    estimated: set("estimated", m.estimated),
    hypothetical: set("hypothetical", m.hypothetical),
    reported: set("reported", m.reported),
    future: set("future", m.future),
    condition: set("condition", m.condition),
    reportingLemmas: set("reportingLemmas", m.reportingLemmas),
  };
  const notEvents = new Set(data.notEvents ?? []);
  if (notEvents.size !== (data.notEvents ?? []).length)
    throw new Error("triggers.json: a notEvents phrase is listed twice");
  const lightNouns = new Set(data.lightNouns ?? []);
  if (lightNouns.size !== (data.lightNouns ?? []).length)
    throw new Error("triggers.json: a light noun is listed twice");
  return { verbs, nouns, light, notEvents, lightNouns, cues };
}

export const eventDictionary: EventDictionary = buildEventDictionary(triggerData, modalityData);
