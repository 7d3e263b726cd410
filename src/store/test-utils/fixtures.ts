// Hand-made sitrep/1 documents for the store, server and browser tests: short wire-style
// stories written for these tests, with the layers an extractor would give them. Spans are
// found by searching the text, so every annotation's text matches its offsets by construction.
import { articleId } from "../../core/ids.js";
import { emptyDocument, type Section, type SitrepDocument, type Text } from "../../core/schema.js";

/** The span of the `nth` occurrence of `needle` in `text` at or after `from`. */
export function at(text: string, needle: string, nth = 0, from = 0): Text {
  let start = from - 1;
  for (let i = 0; i <= nth; i++) {
    start = text.indexOf(needle, start + 1);
    if (start < 0) throw new Error(`fixture: "${needle}" (occurrence ${nth}) is not in the text`);
  }
  return { start, end: start + needle.length, text: needle };
}

interface ArticleParts {
  headline: string;
  body: string[];
  boilerplate?: string;
  source: string | null;
  published: string | null;
}

/** An article document with headline, body paragraphs and boilerplate sections, and no layers. */
export function article(parts: ArticleParts): SitrepDocument {
  const blocks: [string, Section["kind"]][] = [[parts.headline, "headline"]];
  for (const p of parts.body) blocks.push([p, "body"]);
  if (parts.boilerplate) blocks.push([parts.boilerplate, "boilerplate"]);
  let text = "";
  const sections: Section[] = [];
  for (const [block, kind] of blocks) {
    if (text) text += "\n\n";
    sections.push({ start: text.length, end: text.length + block.length, kind });
    text += block;
  }
  return emptyDocument({
    id: articleId(text),
    ref: null,
    source: parts.source,
    title: parts.headline,
    published: parts.published,
    language: "en",
    text,
    sections,
  });
}

const MOSUL_BODY = [
  "MOSUL, Iraq - Militants attacked an army post some 50 kilometers south of Mosul on Sunday, killing three soldiers, a military spokesman said.",
  '"The attackers came at night and fled before dawn," said Colonel Ahmed Karim, a spokesman for the Iraqi army.',
  "A local official, who asked not to be named, said the army had sent reinforcements to the area.",
];

/** A wire story about an attack near Mosul, as the agency's own site carries it. */
export function mosulAttack(
  source = "https://wire.example.com/world/mosul-post",
  headline = "Militants attack army post near Mosul",
  boilerplate = "Copyright 2024 Example Wire. All rights reserved. Republication without permission is prohibited.",
): SitrepDocument {
  const doc = article({ headline, body: MOSUL_BODY, boilerplate, source, published: "2024-03-04" });
  const t = doc.article.text;
  const inBody = (needle: string, nth = 0) => at(t, needle, nth, doc.article.sections[1]!.start);
  doc.entities = [
    { id: "e1", name: "Militants", type: "NORP", mentions: [inBody("Militants")], rule: "fixture" },
    {
      id: "e2",
      name: "Iraqi army",
      type: "ORG",
      mentions: [inBody("army", 0), inBody("Iraqi army"), inBody("army", 2)],
      actor: { code: "IRQMIL", country: "IRQ", sector: "MIL" },
      rule: "fixture",
    },
    {
      id: "e3",
      name: "Ahmed Karim",
      type: "PERSON",
      mentions: [inBody("Colonel Ahmed Karim")],
      description: "a spokesman for the Iraqi army",
      actor: { code: "IRQMIL", country: "IRQ", sector: "MIL" },
      rule: "fixture",
    },
  ];
  doc.quotes = [
    {
      ...inBody("The attackers came at night and fled before dawn,"),
      id: "q1",
      kind: "direct",
      cue: inBody("said", 1),
      speaker: {
        name: "Ahmed Karim",
        entity: "e3",
        description: "a spokesman for the Iraqi army",
        anonymous: false,
      },
      rule: "fixture:quote-said-name",
    },
    {
      ...inBody("the army had sent reinforcements to the area"),
      id: "q2",
      kind: "indirect",
      cue: inBody("said", 2),
      speaker: { name: null, description: "A local official, who asked not to be named", anonymous: true },
      rule: "fixture:indirect-said",
    },
  ];
  doc.places = [
    {
      ...inBody("Mosul"),
      id: "p1",
      name: "Mosul",
      country: "IQ",
      lat: 36.335,
      lon: 43.119,
      featureType: "city",
      geonameId: 99072,
      rule: "fixture:gazetteer",
    },
    {
      ...inBody("some 50 kilometers south of Mosul"),
      id: "p2",
      name: "50 km S of Mosul",
      country: "IQ",
      lat: 35.886,
      lon: 43.119,
      featureType: "point",
      precision: 2,
      relative: { distanceKm: 50, bearing: "S", of: "p1" },
      rule: "fixture:relative",
    },
  ];
  doc.times = [{ ...inBody("Sunday"), id: "t1", type: "DATE", value: "2024-03-03", rule: "fixture:weekday" }];
  doc.quantities = [
    { ...inBody("some 50 kilometers"), id: "n1", value: 50, approximate: true, unit: "km", rule: "fixture" },
    {
      ...inBody("three soldiers"),
      id: "n2",
      value: 3,
      approximate: false,
      counts: "soldiers",
      rule: "fixture",
    },
  ];
  const first = {
    start: doc.article.sections[1]!.start,
    end: doc.article.sections[1]!.start + MOSUL_BODY[0]!.length,
  };
  doc.events = [
    {
      id: "v1",
      type: "ASSAULT",
      mode: "military",
      cameo: "190",
      trigger: inBody("attacked"),
      sentence: { start: first.start + "MOSUL, Iraq - ".length, end: first.end },
      source: ["e1"],
      target: ["e2"],
      place: "p2",
      time: "t1",
      quantities: ["n2"],
      fatalities: 3,
      modality: "reported",
      attribution: "e3",
      rule: "fixture:verb-attack",
    },
    {
      id: "v2",
      type: "MOBILIZE",
      trigger: inBody("sent reinforcements"),
      sentence: inBody(MOSUL_BODY[2]!),
      source: ["e2"],
      target: [],
      place: "p1",
      quantities: [],
      modality: "reported",
      attribution: "q2",
      rule: "fixture:verb-send-troops",
    },
  ];
  return doc;
}

/** A protest story in another country and month, with an anonymous-free direct quote. */
export function khartoumProtest(): SitrepDocument {
  const doc = article({
    headline: "Thousands march in Khartoum to demand end to fighting",
    body: [
      "KHARTOUM - Thousands of protesters marched through central Khartoum on Friday, demanding an end to the fighting, witnesses said.",
      '"We want bread and we want peace," said Amina Osman, a teacher who joined the march.',
    ],
    source: "https://news.example.net/africa/khartoum-march",
    published: "2024-04-13",
  });
  const t = doc.article.text;
  const inBody = (needle: string, nth = 0) => at(t, needle, nth, doc.article.sections[1]!.start);
  doc.entities = [
    {
      id: "e1",
      name: "protesters",
      type: "NORP",
      mentions: [inBody("protesters")],
      actor: { code: "SDNCVL", country: "SDN", sector: "CVL" },
      rule: "fixture",
    },
    {
      id: "e2",
      name: "Amina Osman",
      type: "PERSON",
      mentions: [inBody("Amina Osman")],
      description: "a teacher who joined the march",
      rule: "fixture",
    },
  ];
  doc.quotes = [
    {
      ...inBody("We want bread and we want peace,"),
      id: "q1",
      kind: "direct",
      cue: inBody("said", 1),
      speaker: {
        name: "Amina Osman",
        entity: "e2",
        description: "a teacher who joined the march",
        anonymous: false,
      },
      rule: "fixture:quote-said-name",
    },
  ];
  doc.places = [
    {
      ...inBody("Khartoum"),
      id: "p1",
      name: "Khartoum",
      country: "SD",
      lat: 15.551,
      lon: 32.532,
      featureType: "city",
      rule: "fixture:gazetteer",
    },
  ];
  doc.times = [{ ...inBody("Friday"), id: "t1", type: "DATE", value: "2024-04-12", rule: "fixture:weekday" }];
  doc.quantities = [
    {
      ...inBody("Thousands of protesters"),
      id: "n1",
      low: 1000,
      approximate: true,
      counts: "protesters",
      rule: "fixture",
    },
  ];
  doc.events = [
    {
      id: "v1",
      type: "PROTEST",
      trigger: inBody("marched"),
      sentence: { start: inBody("Thousands").start, end: inBody("witnesses said.").end },
      source: ["e1"],
      target: [],
      place: "p1",
      time: "t1",
      quantities: ["n1"],
      modality: "reported",
      rule: "fixture:verb-march",
    },
  ];
  return doc;
}

/** An article whose text holds markup an attacker might plant: the reader must show it as words. */
export function hostileMarkup(): SitrepDocument {
  const doc = article({
    headline: "Hackers post <script>window.__pwned = 1</script> on council site",
    body: [
      'GOMA - Hackers defaced a council website on Monday, leaving the text <img src=x onerror="window.__pwned = 2"> on its front page, an official said.',
      '"We saw <b>bold</b> claims and a <script>window.__pwned = 3</script> tag," said Jean Mbala, the council clerk.',
    ],
    source: "https://local.example.org/goma-hack",
    published: "2024-05-06",
  });
  const t = doc.article.text;
  const inBody = (needle: string, nth = 0) => at(t, needle, nth, doc.article.sections[1]!.start);
  doc.entities = [
    { id: "e1", name: "Jean Mbala", type: "PERSON", mentions: [inBody("Jean Mbala")], rule: "fixture" },
  ];
  doc.quotes = [
    {
      ...inBody("We saw <b>bold</b> claims and a <script>window.__pwned = 3</script> tag,"),
      id: "q1",
      kind: "direct",
      cue: inBody("said", 1),
      speaker: { name: "Jean Mbala", entity: "e1", anonymous: false },
      rule: "fixture:quote-said-name",
    },
  ];
  doc.places = [
    {
      ...inBody("GOMA"),
      id: "p1",
      name: "Goma",
      country: "CD",
      lat: -1.679,
      lon: 29.228,
      featureType: "city",
      rule: "fixture:dateline",
    },
  ];
  doc.events = [
    {
      id: "v1",
      type: "COERCE",
      trigger: inBody("defaced"),
      sentence: { start: inBody("Hackers defaced").start, end: inBody("an official said.").end },
      source: [],
      target: [],
      place: "p1",
      quantities: [],
      modality: "reported",
      rule: "fixture:verb-deface",
    },
  ];
  return doc;
}

/** The fixture archive: a wire story, one outlet's copy of it, and two other stories. */
export function fixtureDocuments(): SitrepDocument[] {
  return [
    mosulAttack(),
    mosulAttack(
      "https://daily.example.org/2024/03/04/iraq-attack",
      "Three soldiers killed in attack south of Mosul",
      "Subscribe to The Daily Example for more world news. Follow us on social media.",
    ),
    khartoumProtest(),
    hostileMarkup(),
  ];
}
