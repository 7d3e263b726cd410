// Entities and actors: name mentions of countries, governments, organisations, armed groups,
// people and collective actors, merged per real-world entity and coded CAMEO-style
// (IRQGOV, USAMIL, IGOUNO). Dictionary matches come first (data/actors + world-countries);
// capitalised runs the dictionary does not know become people or organisations by their
// titles and head words; aliases, abbreviations, surnames and speaker pronouns are merged.
import type { Entity, EntityType, Span } from "../../core/schema.js";
import { SpanIndex } from "../../core/spans.js";
import { hasAsciiLetter, PERSON_NAME_PARTICLES, startsUpper, type Token } from "../../nlp/index.js";
import { type AnalysedDoc, defineStage } from "../stage.js";
import { type ActorEntry, dictionary, nameKey, type Role } from "./dictionary.js";

export { buildDictionary, dictionary, nameKey } from "./dictionary.js";

/** Sections whose words are not news content: a photographer in a credit line is no actor. */
// "HODEIDAH, Yemen (AP) —": the agency in a dateline files the story; it acts in none of its events.
const SKIPPED_SECTIONS = new Set(["credit", "byline", "dateline", "boilerplate"]);

/** Prepositions after which a capital city is a place, not its government ("in Baghdad"). */
const LOCATIVE = new Set([
  "in",
  "at",
  "from",
  "to",
  "into",
  "near",
  "outside",
  "around",
  "across",
  "toward",
  "towards",
  "via",
  "through",
  "of",
  "inside",
  "within",
  "throughout",
]);

// "Saad al-Hadithi", "Osama bin Laden": particles inside personal names.
const NAME_PARTICLES = PERSON_NAME_PARTICLES;

/** Last words that make a capitalised run an organisation, with the sector they suggest. */
const ORG_HEADS = new Map<string, string | undefined>([
  ["news", "MED"],
  ["press", "MED"],
  ["times", "MED"],
  ["post", "MED"],
  ["radio", "MED"],
  ["television", "MED"],
  ["tv", "MED"],
  ["journal", "MED"],
  ["herald", "MED"],
  ["tribune", "MED"],
  ["gazette", "MED"],
  ["party", "POL"],
  ["front", "REB"],
  ["movement", "REB"],
  ["brigade", "REB"],
  ["brigades", "REB"],
  ["army", "MIL"],
  ["forces", "MIL"],
  ["guard", "MIL"],
  ["command", "MIL"],
  ["parliament", "LEG"],
  ["assembly", "LEG"],
  ["congress", "LEG"],
  ["senate", "LEG"],
  ["court", "JUD"],
  ["tribunal", "JUD"],
  ["ministry", "GOV"],
  ["department", "GOV"],
  ["embassy", "GOV"],
  ["government", "GOV"],
  ["council", "GOV"],
  ["office", "GOV"],
  ["agency", "GOV"],
  ["commission", "GOV"],
  ["police", "COP"],
  ["union", "LAB"],
  ["service", "GOV"],
  ["bureau", "GOV"],
  ["board", "GOV"],
  ["center", "NGO"],
  ["centre", "NGO"],
  ["school", "EDU"],
  ["hospital", "HLH"],
  ["airlines", "BUS"],
  ["network", "MED"],
  ["magazine", "MED"],
  ["bank", "BUS"],
  ["company", "BUS"],
  ["corporation", "BUS"],
  ["corp", "BUS"],
  ["inc", "BUS"],
  ["group", undefined],
  ["committee", "NGO"],
  ["association", "NGO"],
  ["foundation", "NGO"],
  ["institute", "NGO"],
  ["fund", "NGO"],
  ["federation", "NGO"],
  ["organization", "NGO"],
  ["organisation", "NGO"],
  ["forum", "NGO"],
  ["league", "NGO"],
  ["nations", "IGO"],
  ["coalition", "MIL"],
  ["university", "EDU"],
  ["church", "REL"],
]);

/** Capitalised words that begin sentences or dates, never names on their own. */
const NOT_NAMES = new Set([
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "i",
  "mr",
  "mrs",
  "ms",
  "dr",
  "islamic",
  "western",
  "eastern",
  "northern",
  "southern",
  "central",
]);

/** "R-Ky.", "D-Mont.": a legislator's party and state, no name. */
const PARTY_STATE = /^[RDI]-[A-Z]/;

const PRONOUNS_PERSON = new Set(["he", "she", "him", "her", "his", "himself", "herself"]);
/** Relative pronouns and the kinds of entity each can stand for. */
const RELATIVE_PRONOUNS = new Map<string, ReadonlySet<EntityType>>([
  ["who", new Set(["PERSON", "ORG", "NORP"])],
  ["whom", new Set(["PERSON", "ORG", "NORP"])],
  ["whose", new Set(["PERSON", "ORG", "NORP", "GPE"])],
  ["which", new Set(["ORG", "GPE", "FAC", "LOC"])],
]);

interface Draft {
  name: string;
  type: EntityType;
  mentions: Span[];
  actor?: { code: string; country?: string; sector?: string; countryFrom?: "story" };
  description?: string;
  rule: string;
}

const isCapitalised = (t: Token) => startsUpper(t.text);
const isWord = (t: Token) => hasAsciiLetter(t.text);

/** The lookup key of tokens a..b, joining tokens written together ("al-Qaeda", "U.S."). */
function keyOf(tokens: Token[], a: number, b: number): string {
  let s = "";
  for (let i = a; i < b; i++) {
    const t = tokens[i]!;
    if (i > a && t.start > tokens[i - 1]!.end) s += " ";
    s += t.text;
  }
  return nameKey(s);
}

/** A token's part of a lookup key: lower case, periods dropped ("U.S." -> "us"). */
function keyPart(t: Token): string {
  return t.lower.includes(".") || t.lower.includes("\u2019") ? nameKey(t.lower) : t.lower;
}

/** Names learned in one document: aliases in brackets, surnames. */
interface LocalNames {
  keys: Map<string, string>;
  prefixes: Set<string>;
}

function learn(local: LocalNames, key: string, draft: string): void {
  local.keys.set(key, draft);
  for (let i = 1; i <= key.length; i++) local.prefixes.add(key.slice(0, i));
}

/**
 * Longest dictionary name starting at token `a`, within the sentence ending at `limit`. The key
 * grows a token at a time and stops as soon as no name starts with it.
 */
function matchName(
  tokens: Token[],
  a: number,
  limit: number,
  local: LocalNames,
): { end: number; entry?: ActorEntry; localKey?: string } | undefined {
  let key = "";
  let best: { end: number; entry?: ActorEntry; localKey?: string } | undefined;
  for (let b = a; b < limit; b++) {
    const t = tokens[b]!;
    if (b > a && t.start > tokens[b - 1]!.end) key += " ";
    key += keyPart(t);
    const known = dictionary.namePrefixes.has(key);
    if (!known && !local.prefixes.has(key)) break;
    if (!isWord(t) && !(t.text === "." && isAbbreviationStop(tokens, b))) continue;
    const entry = known ? dictionary.names.get(key) : undefined;
    if (entry && caseFits(tokens, a, b + 1, entry)) best = { end: b + 1, entry };
    else {
      const localKey = local.keys.get(key);
      if (localKey !== undefined) best = { end: b + 1, localKey };
    }
  }
  return best;
}

/** "IS" only in capitals, "Chad" only with a capital, "peshmerga" as written in the data. */
function caseFits(tokens: Token[], a: number, b: number, entry: ActorEntry): boolean {
  if (entry.anyCase) return true;
  if (!entry.exactCase) return /^[A-Z]/.test(tokens[a]!.text);
  for (let i = a; i < b; i++) if (tokens[i]!.text !== tokens[i]!.text.toUpperCase()) return false;
  return true;
}

/** Longest role ("prime minister", "army col.", "rebels") starting at token `a`. */
function matchRole(tokens: Token[], a: number, limit: number): { end: number; role: Role } | undefined {
  if (tokens[a]?.lower === "the") return undefined;
  let key = "";
  let best: { end: number; role: Role } | undefined;
  for (let b = a; b < Math.min(limit, a + 5); b++) {
    const t = tokens[b]!;
    if (b > a && t.start > tokens[b - 1]!.end) key += " ";
    key += keyPart(t);
    if (!dictionary.rolePrefixes.has(key)) break;
    const role = dictionary.roles.get(key);
    // "Col." is an abbreviated title; "forces." is a word before a full stop.
    if (role && (t.text !== "." || role.abbreviation)) best = { end: b + 1, role };
  }
  return best;
}

/** A period that belongs to a dotted abbreviation ("U.S." split as "U.S" + "."), not a full stop. */
function isAbbreviationStop(tokens: Token[], i: number): boolean {
  const before = tokens[i - 1];
  return !!before && before.end === tokens[i]!.start && /^[A-Za-z](\.[A-Za-z])*$/.test(before.text);
}

/** Non-state owners a code can start with: intergovernmental, non-governmental, militarized groups. */
const NON_STATE = new Set(["IGO", "NGO", "IMG"]);

/** The country or non-state prefix an entry lends to people who belong to it. */
function ownerCode(entry: ActorEntry): string | undefined {
  return entry.country ?? (NON_STATE.has(entry.code.slice(0, 3)) ? entry.code.slice(0, 3) : undefined);
}

/** A CAMEO-style actor from an owner (ISO alpha-3 or IGO/NGO/IMG) and a sector. */
function actorOf(owner: string | undefined, sector: string | undefined) {
  if (!owner && !sector) return undefined;
  const country = owner && !NON_STATE.has(owner) ? owner : undefined;
  return {
    code: `${owner ?? ""}${sector ?? ""}`,
    ...(country ? { country } : {}),
    ...(sector ? { sector } : {}),
  };
}

export function extractEntities(doc: AnalysedDoc): Entity[] {
  const { tokens, sentences } = doc.nlp;
  const text = doc.text;
  const drafts = new Map<string, Draft>();
  /** Name keys learned in this document ("ap" after "Associated Press (AP)", surnames) -> draft key. */
  const local: LocalNames = { keys: new Map(), prefixes: new Set() };
  const places = new SpanIndex(doc.layers.places ?? []);
  const skipped = new SpanIndex(doc.sections.filter((s) => SKIPPED_SECTIONS.has(s.kind)));
  const headlines = new SpanIndex(doc.sections.filter((s) => s.kind === "headline"));
  let lastPerson: string | undefined;
  let lastArmedGroup: string | undefined;
  /** The entity of the mention that ended last, and the token after it. */
  let lastMention: { key: string; end: number } | undefined;

  const mentionKeys = new Set<string>();
  const add = (key: string, make: () => Omit<Draft, "mentions">, a: number, b: number): string => {
    let d = drafts.get(key);
    if (!d) {
      d = { ...make(), mentions: [] };
      drafts.set(key, d);
    }
    const span = { start: tokens[a]!.start, end: tokens[b - 1]!.end };
    // a set, not a scan of the mentions: a long document names one country thousands of times
    const mentionKey = `${key} ${span.start} ${span.end}`;
    if (!mentionKeys.has(mentionKey)) {
      mentionKeys.add(mentionKey);
      d.mentions.push(span);
    }
    lastMention = { key, end: b };
    if (d.type === "PERSON") lastPerson = key;
    if (d.actor?.sector === "INS" || d.actor?.sector === "REB") lastArmedGroup = key;
    return key;
  };
  const countryName = (code: string) => dictionary.countries.get(code)?.name ?? code;
  /** A person's title ("Secretary of State", "Mayor") starting at `b`, a capitalised name after it. */
  const titleBefore = (b: number, limit: number) => {
    const r = matchRole(tokens, b, limit);
    return !!r && !r.role.group && !!tokens[r.end] && isCapitalised(tokens[r.end]!);
  };

  const addCountry = (entry: ActorEntry, a: number, b: number, rule: string) =>
    add(
      `country:${entry.code}`,
      () => ({
        name: countryName(entry.code),
        type: "GPE",
        actor: { code: entry.code, country: entry.code },
        rule,
      }),
      a,
      b,
    );
  const addGovernment = (code: string, label: string, a: number, b: number, rule: string) =>
    add(
      `gov:${code}`,
      () => ({
        name: `${label} government`,
        type: "ORG",
        actor: { code: `${code}GOV`, country: code, sector: "GOV" },
        rule,
      }),
      a,
      b,
    );

  for (const s of sentences) {
    let t = s.tokenStart;
    /** Country and sector a title run carries over to the name after it ("Iraqi Prime Minister ..."). */
    let pendingCountry: string | undefined;
    let pendingSector: string | undefined;
    while (t < s.tokenEnd) {
      const tok = tokens[t]!;
      if (skipped.covers(tok.start)) {
        t++;
        continue;
      }
      const headline = headlines.covers(tok.start);

      // "He emphasized ...": a speaker pronoun is the last person named.
      if (PRONOUNS_PERSON.has(tok.lower) && lastPerson) {
        add(lastPerson, () => drafts.get(lastPerson!)!, t, t + 1);
        t++;
        continue;
      }
      // "Ted Cruz, who said ...", "the ministry, which denied ...": a relative pronoun right after
      // a name and its comma is that name.
      const named =
        lastMention && tokens[t - 1]?.text === "," && lastMention.end === t - 1 ? lastMention : null;
      const relative = RELATIVE_PRONOUNS.get(tok.lower);
      if (named && relative?.has(drafts.get(named.key)!.type)) {
        add(named.key, () => drafts.get(named.key)!, t, t + 1);
        t++;
        continue;
      }
      // "the group" after an armed group has been named.
      if (
        tok.lower === "the" &&
        tokens[t + 1]?.lower === "group" &&
        lastArmedGroup &&
        !isCapitalised(tokens[t + 2] ?? tok)
      ) {
        add(lastArmedGroup, () => drafts.get(lastArmedGroup!)!, t, t + 2);
        t += 2;
        continue;
      }
      // "government of Iraq"
      if (tok.lower === "government" && tokens[t + 1]?.lower === "of" && t + 2 < s.tokenEnd) {
        const m = matchName(tokens, t + 2, s.tokenEnd, local);
        if (m?.entry && m.entry.kind !== "org") {
          addGovernment(m.entry.code, demonymFor(m.entry.code), t, m.end, "government-of-country");
          t = m.end;
          continue;
        }
      }

      if (isCapitalised(tok) || dictionary.lowerCaseStarts.has(tok.lower)) {
        const m = matchName(tokens, t, s.tokenEnd, local);
        if (m?.localKey !== undefined) {
          add(m.localKey, () => drafts.get(m.localKey!)!, t, m.end);
          t = m.end;
          continue;
        }
        // "New Jersey" is no Jersey: the places layer knows the longer name and its country.
        const alpha2 = m?.entry?.kind === "country" ? dictionary.alpha2.get(m.entry.code) : undefined;
        const elsewhere =
          alpha2 !== undefined &&
          places
            .overlapping(tokens[t]!.start, tokens[m!.end - 1]!.end)
            .some((p) => p.start < tokens[t]!.start && p.country !== alpha2);
        if (m?.entry && !elsewhere) {
          const entry = m.entry;
          // "American forces", "Iraqi government", "Fijian rebels", "Iraqi Prime Minister Haider al-Abadi"
          // "Sudan's government", "Israel's high court": the owner's country, a role after it.
          let roleAt = m.end;
          if (entry.kind === "country" && /^['’]s$/.test(tokens[m.end]?.text ?? "")) {
            roleAt = m.end + 1;
            while (
              roleAt < m.end + 4 &&
              ["ADJ", "PROPN"].includes(tokens[roleAt]?.pos ?? "") &&
              !matchRole(tokens, roleAt, s.tokenEnd)
            )
              roleAt++;
          }
          const role = entry.kind === "org" ? undefined : matchRole(tokens, roleAt, s.tokenEnd);
          const titled =
            role && !role.role.group && tokens[role.end] && isCapitalised(tokens[role.end]!) && !headline;
          if (titled) {
            pendingCountry = entry.country;
            addCountry(entry, t, m.end, `dictionary:${entry.kind}`);
            t = m.end;
            continue;
          }
          if (entry.kind === "capital") {
            const before = tokens[t - 1];
            const possessive = /^['’]s$/.test(tokens[m.end]?.text ?? "");
            if (before && before.sentence === tok.sentence && LOCATIVE.has(before.lower) && !possessive) {
              t = m.end;
              continue;
            }
            addGovernment(entry.code, demonymFor(entry.code), t, m.end, "capital-for-government");
          } else if (entry.kind === "org") {
            add(
              `org:${entry.name}`,
              () => ({
                name: entry.name,
                type: entry.type,
                actor: actorForOrg(entry),
                rule: `dictionary:${entry.source}`,
              }),
              t,
              m.end,
            );
            // "U.N. Secretary-General Kofi Annan": the person after the title belongs to the body.
            const title = matchRole(tokens, m.end, s.tokenEnd);
            if (title && !title.role.group && tokens[title.end] && isCapitalised(tokens[title.end]!)) {
              pendingCountry = ownerCode(entry);
            }
            t = parenthesisAlias(m.end, `org:${entry.name}`);
            continue;
          } else if (role && (role.role.sector === "GOV" || role.role.sector === "LEG")) {
            addGovernment(entry.code, demonymFor(entry.code), t, role.end, "country+government-role");
            t = role.end;
            continue;
          } else if (role && (role.role.sector === "MIL" || role.role.sector === "COP")) {
            addCountry(entry, t, role.end, "country+force-role");
            t = role.end;
            continue;
          } else if (role?.role.group) {
            const label = text.slice(tokens[t]!.start, tokens[role.end - 1]!.end);
            add(
              `group:${entry.code}:${role.role.sector}`,
              () => ({
                name: label,
                type: "ORG",
                actor: actorOf(entry.code, role.role.sector),
                rule: "country+group-role",
              }),
              t,
              role.end,
            );
            t = role.end;
            continue;
          } else {
            addCountry(entry, t, m.end, `dictionary:${entry.kind}`);
          }
          t = m.end;
          continue;
        }
      }

      // Titles before a name: "Prime Minister", "Army Col.", "President".
      const role = matchRole(tokens, t, s.tokenEnd);
      if (
        role &&
        isCapitalised(tok) &&
        !role.role.group &&
        tokens[role.end] &&
        isCapitalised(tokens[role.end]!) &&
        !headline
      ) {
        pendingSector ??= role.role.sector;
        t = role.end;
        continue;
      }
      // Collective actors: "rebels", "Shiite militias", "protesters"; "Rebels in the Ivory Coast"
      // take the country they are placed in.
      const sentenceInitial = t === s.tokenStart || tokens[t - 1]!.pos === "PUNCT";
      if (role?.role.group && (!isCapitalised(tok) || sentenceInitial)) {
        let a = t;
        while (
          a > s.tokenStart &&
          /^[A-Z]/.test(tokens[a - 1]!.text) &&
          ["PROPN", "ADJ"].includes(tokens[a - 1]!.pos) &&
          !dictionary.names.has(tokens[a - 1]!.lower)
        )
          a--;
        const label = text.slice(tokens[a]!.start, tokens[role.end - 1]!.end);
        const placedIn = countryAfter(role.end, s.tokenEnd);
        const roleKey = keyOf(tokens, t, role.end);
        add(
          `group:${roleKey}:${placedIn ?? ""}`,
          () => ({
            name: label,
            type: "ORG",
            actor: actorOf(placedIn, role.role.sector),
            rule: placedIn ? `role:${roleKey}+in-country` : `role:${roleKey}`,
          }),
          a,
          role.end,
        );
        t = role.end;
        continue;
      }

      // A capitalised run the dictionary does not know: a person or an organisation.
      if (isCapitalised(tok) && tok.pos !== "PRON" && tok.pos !== "DET" && !headline) {
        let b = t + 1;
        while (b < s.tokenEnd) {
          const u = tokens[b]!;
          const joined = u.start === tokens[b - 1]!.end;
          if (isCapitalised(u) && !joined && matchName(tokens, b, s.tokenEnd, local)) break;
          // "Republican Secretary of State Dana Whitcomb", "Toledo Mayor Ann Ruiz": a title
          // before a name ends the run, and the name after it is the titled person
          if (isCapitalised(u) && !joined && titleBefore(b, s.tokenEnd)) break;
          if (isCapitalised(u) && u.pos !== "PRON" && !(u.pos === "DET" && !joined)) b++;
          else if (
            (u.text === "-" || u.text === ".") &&
            joined &&
            tokens[b + 1] &&
            tokens[b + 1]!.start === u.end &&
            isWord(tokens[b + 1]!)
          )
            b++;
          else if (u.text === "." && joined) b++;
          else if (
            NAME_PARTICLES.has(u.lower) &&
            tokens[b + 1] &&
            (isCapitalised(tokens[b + 1]!) || tokens[b + 1]!.text === "-")
          )
            b++;
          else break;
        }
        while (b > t + 1 && !isWord(tokens[b - 1]!)) b--;
        // "Massachusetts Sen. Elizabeth Warren", "Wells Fargo CEO John Stumpf": a title inside
        // the run starts the name; what stands before it says where the person belongs.
        for (let p = b - 2; p > t; p--) {
          const inner = matchRole(tokens, p, b);
          if (inner && !inner.role.group && inner.end < b) {
            pendingSector ??= inner.role.sector;
            t = inner.end;
            break;
          }
        }
        // "Mr. Stumpf": an honorific is a sign of a person and no part of the name.
        let honorific = false;
        while (t + 1 < b && dictionary.honorifics.has(tokens[t]!.lower.replace(/\.$/, ""))) {
          honorific = true;
          t++;
          if (tokens[t]!.text === "." && t + 1 < b) t++;
        }
        const words = tokens.slice(t, b).filter(isWord);
        const head = words[words.length - 1]!.lower.replace(/\.$/, "");
        const atSentenceStart = t === s.tokenStart;
        const overlapsPlace = places.overlapping(tokens[t]!.start, tokens[b - 1]!.end).length > 0;
        const afterArticle = tokens[t - 1]?.lower === "the" && tokens[t - 1]!.sentence === tok.sentence;
        if (ORG_HEADS.has(head) && words.length >= 2 && !overlapsPlace) {
          const name = text.slice(tokens[t]!.start, tokens[b - 1]!.end);
          const key = `org:${nameKey(name)}`;
          add(
            key,
            () => ({
              name,
              type: "ORG",
              actor: actorOf(pendingCountry, ORG_HEADS.get(head)),
              rule: `org-head:${head}`,
            }),
            t,
            b,
          );
          pendingCountry = undefined;
          t = parenthesisAlias(b, key);
          continue;
        }
        const nameLike =
          words.every((w) => !NOT_NAMES.has(w.lower) && !/^[A-Z]{4,}$/.test(w.text)) &&
          !PARTY_STATE.test(text.slice(tokens[t]!.start, tokens[b - 1]!.end)) &&
          !overlapsPlace &&
          !afterArticle;
        const apposition = nameLike ? describeApposition(b, s.tokenEnd) : undefined;
        // A person needs a sign: a title, a given name, a name particle ("al-"), a role in
        // apposition, or a speech verb beside the name ("said Hisham al-Hashimi").
        const personSign =
          pendingSector !== undefined ||
          honorific ||
          dictionary.givenNames.has(words[0]!.lower) ||
          tokens.slice(t, b).some((w) => NAME_PARTICLES.has(w.lower)) ||
          apposition?.sector !== undefined ||
          dictionary.speechVerbs.has(tokens[b]?.lemma ?? "") ||
          dictionary.speechVerbs.has(tokens[t - 1]?.lemma ?? "");
        if (
          nameLike &&
          personSign &&
          (words.length >= 2 || pendingSector || honorific) &&
          !(atSentenceStart && words.length < 2)
        ) {
          const name = text.slice(tokens[t]!.start, tokens[b - 1]!.end);
          const key = `person:${nameKey(name)}`;
          const country = pendingCountry ?? apposition?.country;
          const sector = pendingSector ?? apposition?.sector;
          add(
            key,
            () => ({
              name,
              type: "PERSON",
              actor: actorOf(country, sector),
              ...(apposition ? { description: apposition.text } : {}),
              rule: pendingSector ? "title+name" : "capitalised-name",
            }),
            t,
            b,
          );
          // Later "Dillon" or "al-Hadithi" alone is the same person.
          const surname = keyOf(tokens, lastNameStart(t, b), b);
          if (surname !== nameKey(name) && !dictionary.names.has(surname)) learn(local, surname, key);
          learn(local, nameKey(name), key);
          pendingCountry = undefined;
          pendingSector = undefined;
          t = b;
          continue;
        }
        t = b;
        pendingCountry = undefined;
        pendingSector = undefined;
        continue;
      }
      pendingCountry = undefined;
      pendingSector = undefined;
      t++;
    }
  }

  /** "rebels in the Ivory Coast", "groups in Zimbabwe": the country right after a collective actor. */
  function countryAfter(end: number, limit: number): string | undefined {
    let i = end;
    if (tokens[i]?.pos === "NOUN" && i + 1 < limit) i++;
    if (!["in", "from"].includes(tokens[i]?.lower ?? "")) return undefined;
    i++;
    if (tokens[i]?.lower === "the") i++;
    if (i >= limit) return undefined;
    const m = matchName(tokens, i, limit, local);
    return m?.entry?.kind === "country" ? m.entry.country : undefined;
  }

  /** "Associated Press (AP)": the abbreviation in brackets is an alias from then on. */
  function parenthesisAlias(end: number, key: string): number {
    const open = tokens[end];
    const abbr = tokens[end + 1];
    const close = tokens[end + 2];
    if (open?.text === "(" && abbr && close?.text === ")" && /^[A-Z][A-Z./-]{1,9}$/.test(abbr.text)) {
      add(key, () => drafts.get(key)!, end + 1, end + 2);
      learn(local, nameKey(abbr.text), key);
      return end + 3;
    }
    return end;
  }

  /** The first token of a surname, particles included: "al-Hadithi" in "Saad al-Hadithi". */
  function lastNameStart(a: number, b: number): number {
    let i = b - 1;
    while (i > a && (tokens[i - 1]!.text === "-" || NAME_PARTICLES.has(tokens[i - 1]!.lower))) i--;
    if (
      i > a &&
      NAME_PARTICLES.has(tokens[i]!.lower) === false &&
      tokens[i - 1] &&
      NAME_PARTICLES.has(tokens[i - 1]!.lower)
    )
      i--;
    return i;
  }

  /** ", a spokesman for the Iraqi government," after a name: description, sector and country. */
  function describeApposition(
    after: number,
    limit: number,
  ): { text: string; country?: string; sector?: string } | undefined {
    if (tokens[after]?.text !== "," || !["a", "an", "the"].includes(tokens[after + 1]?.lower ?? ""))
      return undefined;
    let end = after + 2;
    while (end < limit && ![",", ";", ".", "“", '"', "”"].includes(tokens[end]!.text)) end++;
    let country: string | undefined;
    let sector: string | undefined;
    for (let i = after + 2; i < end; i++) {
      const r = matchRole(tokens, i, end);
      if (r && !sector) sector = r.role.sector;
      const m = /^[A-Z]/.test(tokens[i]!.text) ? matchName(tokens, i, end, local) : undefined;
      if (m?.entry && !country) country = ownerCode(m.entry);
    }
    const a = tokens[after + 1]!.start;
    const b = tokens[end - 1]!.end;
    return { text: text.slice(a, b), ...(country ? { country } : {}), ...(sector ? { sector } : {}) };
  }

  giveStoryCountry([...drafts.values()]);
  return [...drafts.values()]
    .filter((d) => d.mentions.length > 0)
    .map((d, i) => {
      d.mentions.sort((x, y) => x.start - y.start);
      return { ...d, i };
    })
    .sort((x, y) => x.mentions[0]!.start - y.mentions[0]!.start || x.i - y.i)
    .map(({ i: _, ...d }, n) => ({ id: `en${n + 1}`, ...d }));
}

/** The share of a story's country-bearing mentions one country must hold to be the story's country. */
const STORY_COUNTRY_SHARE = 2 / 3;

/**
 * "President Kais Amri said he would lift the ban on the opposition front":
 * an actor whose sector is known but whose country the text never ties to it belongs to the
 * country the story is about, when one country holds most of the story's country-bearing
 * mentions (countries, their governments and forces, national bodies). As a coder would; the
 * actor says the country was inferred so (`countryFrom: "story"`). A story of several countries
 * leaves such actors without one.
 */
function giveStoryCountry(drafts: Draft[]): void {
  const counts = new Map<string, number>();
  let total = 0;
  for (const d of drafts) {
    const country = d.actor?.country;
    if (!country) continue;
    counts.set(country, (counts.get(country) ?? 0) + d.mentions.length);
    total += d.mentions.length;
  }
  const [story, count] = [...counts].reduce((best, c) => (c[1] > best[1] ? c : best), ["", 0]);
  if (!story || count < STORY_COUNTRY_SHARE * total) return;
  for (const d of drafts) {
    const actor = d.actor;
    if (!actor || actor.country || !actor.sector || !dictionary.nationalSectors.has(actor.sector)) continue;
    d.actor = { code: `${story}${actor.code}`, country: story, sector: actor.sector, countryFrom: "story" };
  }
}

/** "Iraqi" for IRQ: the label of a country's government. */
function demonymFor(code: string): string {
  return demonyms.get(code) ?? dictionary.countries.get(code)?.name ?? code;
}
const demonyms = new Map<string, string>();
for (const [key, entry] of dictionary.names) {
  if (entry.kind === "demonym" && !demonyms.has(entry.code) && !key.includes(" ")) {
    demonyms.set(
      entry.code,
      key.replace(/(^|[\s-])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase()),
    );
  }
}

function actorForOrg(entry: ActorEntry) {
  return {
    code: entry.code,
    ...(entry.country ? { country: entry.country } : {}),
    ...(entry.sector ? { sector: entry.sector } : {}),
  };
}

export const entitiesStage = defineStage({
  name: "entities",
  requires: [],
  uses: ["places"],
  run: (doc) => ({ items: extractEntities(doc) }),
});
