import { describe, expect, it } from "vitest";
import { extract } from "../../pipeline.js";
import { entitiesStage } from "../entities/index.js";
import { buildEventDictionary, eventDictionary, eventsStage } from "./index.js";

const run = (text: string) => extract(text, { stages: [entitiesStage, eventsStage] });

/** Each event as "TYPE source-country>target-country modality", e.g. "ASSAULT CHL>PER asserted". */
function coded(text: string): string[] {
  const doc = run(text);
  const country = (id: string) => {
    const a = doc.entities.find((e) => e.id === id)?.actor;
    return a?.country ?? a?.code.slice(0, 3) ?? "?";
  };
  return doc.events.map(
    (e) => `${e.type} ${e.source.map(country).join("+")}>${e.target.map(country).join("+")} ${e.modality}`,
  );
}

describe("event dictionary", () => {
  it.each([
    ["verbs", "kill", "ASSAULT"],
    ["verbs", "redeploy", "MOBILIZE"],
    ["verbs", "threaten", "THREATEN"],
    ["nouns", "drawdown", "RETREAT"],
    ["nouns", "airstrikes", "ASSAULT"],
    ["nouns", "withdrawal", "RETREAT"],
  ] as const)("%s: %s is %s", (map, lemma, type) => {
    expect(eventDictionary[map].get(lemma)?.[0]?.type).toBe(type);
  });

  it("has hundreds of trigger lemmas", () => {
    expect(eventDictionary.verbs.size + eventDictionary.nouns.size).toBeGreaterThan(400);
  });

  const cues = {
    about: "",
    negated: [],
    hedged: [],
    expected: [],
    estimated: [],
    hypothetical: [],
    reported: [],
    future: [],
    condition: [],
    reportingLemmas: [],
  };
  it.each([
    [
      "a lemma listed twice",
      {
        about: "",
        light: [],
        groups: [
          { type: "AID", verbs: ["give"] },
          { type: "AGREE", verbs: ["give"] },
        ],
      },
      cues,
    ],
    ["an unknown event type", { about: "", light: [], groups: [{ type: "HUG", verbs: ["hug"] }] }, cues],
    ["an upper-case lemma", { about: "", light: [], groups: [{ type: "AID", verbs: ["Give"] }] }, cues],
    ["a cue listed twice", { about: "", light: [], groups: [] }, { ...cues, hedged: ["may", "may"] }],
  ])("rejects %s", (_, triggers, modality) => {
    expect(() => buildEventDictionary(triggers, modality)).toThrow();
  });
});

describe("events", () => {
  it.each([
    [
      "a hyphened participle before the subject is a modifier",
      "Kremlin-backed Abkhaz rebels have for years demanded the pullout of Georgian troops from the valley.",
      "REQUEST REB>GEO asserted",
    ],
    [
      "the speaker of a trailing report is not the target",
      "Kenya and Uganda agreed to reopen the border crossing next month, officials in Nairobi said.",
      "AGREE KEN+UGA> reported",
    ],
    [
      "a verb after 'of' and its own subject is no complement",
      "Norway has begun to reduce its naval presence in the Baltic, a change of priorities as Norway redeploys its ships to the Arctic.",
      "MOBILIZE NOR> asserted",
    ],
    [
      "a typographic apostrophe still negates",
      "The spokesman said the cut doesn’t mark the start of a full withdrawal of Danish troops from Mali.",
      "RETREAT DNK> negated",
    ],
    [
      "a light head noun leaves the event to its modifier",
      "Qatar launched a mediation effort between Chad and Sudan on Saturday in the capital.",
      "CONSULT QAT>TCD asserted",
    ],
    [
      "a passive without an agent has no source",
      "Two Colombian journalists were detained at the border crossing on Friday, their newspaper said.",
      "COERCE >COL reported",
    ],
    [
      "a quantity's 'of' keeps the subject",
      "Thousands of Chilean students marched through the capital on Thursday to demand free tuition.",
      "PROTEST CHL> asserted",
    ],
    [
      "subject and object",
      "Chilean troops attacked Peruvian border posts early on Monday, officials in Lima said.",
      "ASSAULT CHL>PER reported",
    ],
    [
      "passive with by",
      "A village in the north was shelled by Ethiopian forces on Saturday, residents told reporters.",
      "ASSAULT ETH> reported",
    ],
    [
      "phrasal verb",
      "Hungary on Thursday called for the withdrawal of Serbian troops from the disputed border region.",
      "REQUEST HUN>SRB asserted",
    ],
    [
      "a promise to act is an agreement",
      "Finland will give Tanzania a grant of 40 million dollars to build rural clinics over three years.",
      "AGREE FIN>TZA asserted",
    ],
    [
      "a hostile act promised on a condition is a threat",
      "Bolivia said it would close its border with Chile unless the talks on gas exports resumed by June.",
      "THREATEN BOL>CHL reported",
    ],
    [
      "a refusal of a future act",
      "Jordan said it will not accept more refugees from the war in the coming months.",
      "REJECT JOR>REF reported",
    ],
    [
      "an obligation after a reporting verb",
      "Norway said on Friday that Iceland must return the fishing vessel it seized last month.",
      "REQUEST NOR>ISL reported",
    ],
    [
      "a light verb takes its noun's type",
      "Japan imposed sanctions on North Korea after the missile launch over its northern islands.",
      "SANCTION JPN>PRK asserted",
    ],
    [
      "a pronoun subject",
      "Ghana has said it will support the peace plan drawn up by its neighbours in the region this year.",
      "AGREE GHA> reported",
    ],
    [
      "a drone strike is an attack, not a labour strike",
      "Rebels said a Saudi drone strike hit a fuel depot near the port on Tuesday.",
      "ASSAULT SAU> reported",
    ],
    [
      "a labour strike is a protest",
      "Dock workers in Kenya began a strike over unpaid wages on Monday.",
      "PROTEST KEN> asserted",
    ],
  ])("%s", (_, text, expected) => {
    expect(coded(text)).toContain(expected);
  });

  it.each([
    [
      "a relative clause is no event of the sentence",
      "Kenyan rebels, which attacked a convoy last year, met mediators in Nairobi on Sunday for new talks.",
      "ASSAULT",
    ],
    [
      "a compound modifier is no act",
      "Iran-allied militias and U.S.-backed fighters met for talks in the northern city on Friday.",
      "SUPPORT",
    ],
    [
      "the content of a demand is no second event",
      "Lebanese protesters demanded the withdrawal of Syrian troops from the whole country on Monday.",
      "RETREAT",
    ],
    [
      "the content of a denial is no second event",
      "Morocco denied accusations that its border guards had fired on migrants near the fence.",
      "ASSAULT",
    ],
  ])("%s", (_, text, absent) => {
    expect(coded(text).some((e) => e.startsWith(absent))).toBe(false);
  });

  it("counts the dead, conservatively, and keeps the trigger's words", () => {
    const doc = run(
      "Gunmen killed 12 civilians and wounded 30 soldiers in an attack on a market town, police said on Sunday.",
    );
    const assault = doc.events.find((e) => e.type === "ASSAULT")!;
    expect(assault.fatalities).toBe(12);
    expect(doc.article.text.slice(assault.trigger.start, assault.trigger.end)).toBe(assault.trigger.text);
    expect(assault.rule).toBe("verb:kill");
  });

  it("reads headline grammar and nominal triggers", () => {
    const doc = run(
      "Chile Redeploying Troops from Peru to Bolivia After Border Deal\n\nLima's withdrawal of its ambassador angered officials in Santiago on Friday, diplomats said.",
    );
    const name = (id: string | undefined) => doc.entities.find((e) => e.id === id)?.name;
    const mobilize = doc.events.find((e) => e.type === "MOBILIZE");
    expect(name(mobilize?.source[0])).toBe("Chile");
    const retreat = doc.events.find((e) => e.type === "RETREAT");
    expect(name(retreat?.source[0])).toBe("Peruvian government");
  });

  it("marks estimates and attributes claims", () => {
    const doc = run(
      "Rebels killed an estimated 40 villagers in the raid last week, according to the United Nations.",
    );
    const assault = doc.events.find((e) => e.type === "ASSAULT")!;
    expect(assault.modality).toBe("estimated");
    expect(assault.fatalities).toBe(40);
    expect(doc.entities.find((e) => e.id === assault.attribution)?.name).toBe("United Nations");
  });

  it("skips credit lines", () => {
    const doc = run(
      "Soldiers patrol a road near the border.\nAP Photo/Jana Rockwell attacked\n\nThe army said the road was open again after the fighting.",
    );
    expect(
      doc.events.every((e) => !doc.article.text.slice(e.trigger.start, e.trigger.end).includes("attacked")),
    ).toBe(true);
  });
});

describe("event dictionary fixture", () => {
  it("accepts a well-formed minimal dictionary", () => {
    const cues = {
      about: "",
      negated: [],
      hedged: [],
      expected: [],
      estimated: [],
      hypothetical: [],
      reported: [],
      future: [],
      condition: [],
      reportingLemmas: ["say"],
    };
    const d = buildEventDictionary(
      { about: "", light: [], groups: [{ type: "AID", verbs: ["give"], verbPhrases: ["hand over"] }] },
      cues,
    );
    expect(d.verbs.get("give")?.[0]?.type).toBe("AID");
    expect(d.verbs.get("hand")?.[0]?.next).toBe("over");
  });
});
