import { describe, expect, it } from "vitest";
import { extract } from "../../pipeline.js";
import { buildDictionary, dictionary, entitiesStage, nameKey } from "./index.js";

const run = (text: string) => extract(text, { stages: [entitiesStage] });

/** The entity one of whose mentions is exactly `words`. */
function entityOf(text: string, words: string) {
  const doc = run(text);
  return doc.entities.find((e) => e.mentions.some((m) => doc.article.text.slice(m.start, m.end) === words));
}

describe("actor dictionary", () => {
  it.each([
    ["Iraq", "IRQ", "country"],
    ["U.S.", "USA", "country"],
    ["Iraqi", "IRQ", "demonym"],
    ["Baghdad", "IRQ", "capital"],
    ["Burkina Faso", "BFA", "country"],
    ["Daesh", "IMGSUNINS", "org"],
    ["Associated Press", "USAMED", "org"],
  ])("knows %s as %s (%s)", (name, code, kind) => {
    const entry = dictionary.names.get(nameKey(name));
    expect(entry?.code).toBe(code);
    expect(entry?.kind).toBe(kind);
  });

  it("covers every country of the package", () => {
    expect(dictionary.countries.size).toBeGreaterThanOrEqual(245);
  });

  it.each([
    [
      "a duplicate role",
      { about: "", countries: {} },
      { about: "", organizations: [] },
      {
        about: "",
        roles: [
          { word: "army", sector: "MIL" },
          { word: "Army", sector: "MIL" },
        ],
      },
    ],
    [
      "an alias naming two organisations",
      { about: "", countries: {} },
      {
        about: "",
        organizations: [
          {
            name: "Alpha Front",
            aliases: ["AF"],
            type: "ORG",
            code: "IMGREB",
            sector: "REB",
            source: "test",
          },
          {
            name: "Beta Force",
            aliases: ["Alpha Front"],
            type: "ORG",
            code: "IMGMIL",
            sector: "MIL",
            source: "test",
          },
        ],
      },
      { about: "", roles: [] },
    ],
    [
      "an unknown country code",
      { about: "", countries: { XXX: { names: ["Nowhere"], demonyms: [], capitals: [] } } },
      { about: "", organizations: [] },
      { about: "", roles: [] },
    ],
    [
      "a malformed sector",
      { about: "", countries: {} },
      { about: "", organizations: [] },
      { about: "", roles: [{ word: "army", sector: "military" }] },
    ],
  ])("rejects %s", (_, countries, orgs, roles) => {
    expect(() => buildDictionary(countries, orgs, roles)).toThrow();
  });
});

describe("entities", () => {
  it.each([
    // [text, mention, name, country, sector]
    ["Chilean troops crossed the border on Monday.", "Chilean troops", "Chile", "CHL", undefined],
    ["The Kenyan government denied the report.", "Kenyan government", "Kenyan government", "KEN", "GOV"],
    [
      "Officials in Lima said Peru's government would respond.",
      "Peru's government",
      "Peruvian government",
      "PER",
      "GOV",
    ],
    [
      "Nairobi's decision to close the border surprised donors and aid groups in the region.",
      "Nairobi",
      "Kenyan government",
      "KEN",
      "GOV",
    ],
    [
      "The talks were held with the government of Nepal last week.",
      "government of Nepal",
      "Nepalese government",
      "NPL",
      "GOV",
    ],
    [
      "Mongolian Prime Minister Batbayar Dorj met reporters in the capital on Tuesday to discuss the budget.",
      "Batbayar Dorj",
      "Batbayar Dorj",
      "MNG",
      "GOV",
    ],
    [
      "Army Col. Dana Whitfield, a spokeswoman for the Canadian government, spoke.",
      "Dana Whitfield",
      "Dana Whitfield",
      "CAN",
      "MIL",
    ],
    ["Fijian rebels freed the hostages.", "Fijian rebels", "Fijian rebels", "FJI", "REB"],
    [
      "U.N. Secretary-General Lena Okoro will visit the camps next month, her office said.",
      "Lena Okoro",
      "Lena Okoro",
      undefined,
      "GOV",
    ],
    [
      "Rebels in the Central African Republic seized a mining town on Tuesday, aid workers said.",
      "Rebels",
      "Rebels",
      "CAF",
      "REB",
    ],
  ])("%s -> %s", (text, mention, name, country, sector) => {
    const e = entityOf(text, mention);
    expect(e?.name).toBe(name);
    expect(e?.actor?.country).toBe(country);
    expect(e?.actor?.sector).toBe(sector);
  });

  it.each([
    [
      "a title inside a run starts the name",
      "Harbor Trust CEO Maria Lindqvist resigned on Monday after the audit was published.",
      "Maria Lindqvist",
      "BUS",
    ],
    [
      "an honorific marks a person",
      "Mr. Okafor told the committee that the dam would be finished by the end of the year.",
      "Okafor",
      undefined,
    ],
    [
      "a given name marks a person",
      "Diana Velasquez, who runs the shelter, said more families arrived every week.",
      "Diana Velasquez",
      undefined,
    ],
  ])("%s", (_, text, name, sector) => {
    const e = run(text).entities.find((x) => x.name === name);
    expect(e?.type).toBe("PERSON");
    expect(e?.actor?.sector).toBe(sector);
  });

  it.each([
    [
      "a capitalised run with no sign of a person",
      "Sunset Harbor Records released the album in the spring to little acclaim from critics.",
    ],
    [
      "a legislator's party and state",
      "The bill was backed by Sen. Ann Whitley (D-Ore.) and passed the chamber on a narrow vote.",
    ],
  ])("no person from %s", (_, text) => {
    const people = run(text)
      .entities.filter((e) => e.type === "PERSON")
      .map((e) => e.name);
    expect(people.filter((p) => /Records|D-Ore/.test(p))).toEqual([]);
  });

  it("merges aliases, abbreviations, surnames and speaker pronouns", () => {
    const text =
      "Agence France-Presse (AFP) reported that ISIL fighters attacked a village. Daesh denied it. " +
      "Tomas Varga, an adviser to the Slovak government, said the Islamic State was weakened. Varga added that AFP was wrong. He left.";
    const doc = run(text);
    const words = (id: string) =>
      doc.entities.find((e) => e.id === id)!.mentions.map((m) => doc.article.text.slice(m.start, m.end));
    const is = doc.entities.find((e) => e.name === "Islamic State")!;
    expect(words(is.id)).toEqual(expect.arrayContaining(["ISIL", "Daesh", "Islamic State"]));
    const afp = doc.entities.find((e) => e.name === "Agence France-Presse")!;
    expect(words(afp.id).filter((w) => w === "AFP")).toHaveLength(2);
    const varga = doc.entities.find((e) => e.name === "Tomas Varga")!;
    expect(words(varga.id)).toEqual(["Tomas Varga", "Varga", "He"]);
    expect(varga.actor?.country).toBe("SVK");
  });

  it.each([
    ["Senator Maria Olsen, who chairs the panel, said the bill would pass.", "who", "Maria Olsen"],
    ["The Finance Ministry, which oversees the fund, declined to comment.", "which", "Finance Ministry"],
    ["Colonel Ahmed Saleh said his unit had pulled back.", "his", "Ahmed Saleh"],
  ])("resolves a pronoun to the name it stands for: %s", (text, pronoun, name) => {
    expect(entityOf(text, pronoun)?.name).toBe(name);
  });

  it.each([
    // no comma: a restrictive clause about a kind of person, not a pronoun for the name
    ["Voters in Ohio who backed the plan were angry.", "who"],
    // "which" never stands for a person
    ["Minister Ana Ruiz, which surprised many, resigned on Monday.", "which"],
  ])("leaves a relative pronoun unresolved: %s", (text, pronoun) => {
    expect(entityOf(text, pronoun)).toBeUndefined();
  });

  it.each([
    ["a capital after a locative preposition is a place", "Troops arrived in Nairobi on Friday.", "Nairobi"],
    ["a lower-case 'is' is no Islamic State", "The plan is ready.", "is"],
    [
      "a name in a credit line is no actor",
      "Soldiers patrol a road.\nAP Photo/Jana Rockwell\n\nThe army said the road was open.",
      "Jana Rockwell",
    ],
    [
      "the agency in a dateline files the story and acts in none of it",
      "Port Hit\n\nHODEIDAH, Yemen (AP) — A drone strike hit a fuel depot north of the city on Tuesday.",
      "AP",
    ],
  ])("%s", (_, text, words) => {
    expect(entityOf(text, words)).toBeUndefined();
  });

  it("keeps every mention on its words", () => {
    const doc = run(
      "Iraqi Prime Minister Haider al-Abadi told the United Nations that U.S. forces would leave.",
    );
    for (const e of doc.entities) for (const m of e.mentions) expect(m.end).toBeGreaterThan(m.start);
    expect(doc.entities.map((e) => e.name)).toEqual(
      expect.arrayContaining(["Iraq", "Haider al-Abadi", "United Nations", "United States"]),
    );
  });
});

describe("the story's country", () => {
  // Each row: a story, the mention of an actor the text ties to no country, and the actor expected.
  it.each([
    [
      "one country's story gives it",
      "President Kais Amri said on Sunday that Tunisia would reopen its border. Tunisian troops stood by.",
      "Kais Amri",
      { code: "TUNGOV", country: "TUN", sector: "GOV", countryFrom: "story" },
    ],
    [
      "a story of several countries gives none",
      "President Kais Amri met envoys from Libya and Algeria as Tunisia and Egypt traded charges.",
      "Kais Amri",
      { code: "GOV", sector: "GOV" },
    ],
    [
      "a country the text names stays",
      "Iraqi Prime Minister Haider al-Abadi met the Turkish ambassador in Baghdad, Iraq.",
      "Haider al-Abadi",
      { code: "IRQGOV", country: "IRQ", sector: "GOV" },
    ],
  ])("%s", (_name, text, words, actor) => {
    expect(entityOf(text, words)?.actor).toEqual(actor);
  });

  it("gives none to a sector that belongs to no state (a news agency, a UN body)", () => {
    const doc = run("Sudan's army said on Monday that Sudan had closed the road, Reuters reported.");
    const reuters = doc.entities.find((e) => e.name === "Reuters");
    expect(reuters?.actor?.countryFrom).toBeUndefined();
  });
});

describe("a title inside a capitalised run", () => {
  it.each([
    ["Republican Secretary of State Dana Whitcomb said the rolls were accurate.", "Dana Whitcomb", "GOV"],
    ["Toledo Mayor Ann Ruiz said the budget would pass.", "Ann Ruiz", "GOV"],
  ])("%s -> %s", (text, name, sector) => {
    const person = entityOf(text, name);
    expect(person?.type).toBe("PERSON");
    expect(person?.actor?.sector).toBe(sector);
  });

  it("keeps an organisation whose name holds no title whole", () => {
    expect(entityOf("Acme Fruit Growers said prices would rise.", "Acme Fruit Growers")).toBeDefined();
  });
});
