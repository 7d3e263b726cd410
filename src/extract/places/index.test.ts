import { describe, expect, it } from "vitest";
import type { Place } from "../../core/schema.js";
import { distanceKm } from "../../gazetteer/geo.js";
import { defaultGazetteer } from "../../gazetteer/index.js";
import { analyse } from "../../nlp/index.js";
import type { AnalysedDoc } from "../stage.js";
import { extractPlaces, placesStage } from "./index.js";
import { parseLexicon } from "./lexicon.js";

const gazetteer = defaultGazetteer();

function places(text: string): Place[] {
  const doc: AnalysedDoc = {
    text,
    sections: [],
    meta: { ref: null, source: null, title: null, published: "2024-03-01", language: "en" },
    messages: [],
    nlp: analyse(text),
    layers: {},
  };
  return extractPlaces(doc, gazetteer!).items;
}

describe.skipIf(!gazetteer)("places", () => {
  it.each([
    ["Gunmen attacked a checkpoint near Tikrit on Tuesday.", "Tikrit", "IQ", "city"],
    ["Iraqi troops reached Al Qayyarah by road.", "Al Qayyarah", "IQ", "city"],
    ["Iraqi aid convoys were sent from Qayara to the camps.", "Qayara", "IQ", "city"],
    ["Two transport planes landed at the Al-Asad air base overnight.", "Al-Asad", "IQ", "facility"],
    ["Shelling continued in western Iraq through the night.", "western Iraq", "IQ", "region"],
    ["Militants have killed dozens on Afghan soil this year.", "Afghan soil", "AF", "country"],
    ["The group now controls three Afghan provinces.", "Afghan provinces", "AF", "country"],
    ["Clashes broke out in Tripoli, Lebanon, late on Friday.", "Tripoli", "LB", "city"],
    ["Clashes broke out in Tripoli late on Friday.", "Tripoli", "LY", "city"],
    ["Convoys left the Afghan capital at dawn.", "Afghan capital", "AF", "city"],
    ["Samples went to the U.S. Food and Drug Administration for testing.", "U.S.", "US", "country"],
    ["The pope left Rome's Gemelli hospital on Sunday.", "Rome", "IT", "city"],
    ["Cases rose in Victoria and New South Wales, officials in Sydney said.", "Sydney", "AU", "city"],
    ["Flights resumed to Port-au-Prince after the storm.", "Port-au-Prince", "HT", "city"],
    // A region beats the small towns named after it; its seat keeps the bare name.
    ["Wildfires spread across California on Sunday.", "California", "US", "admin1"],
    ["Fighting spread in Kandahar province on Monday.", "Kandahar province", "AF", "admin1"],
    ["Police in Kandahar detained three men.", "Kandahar", "AF", "city"],
    ["Shelling hit villages in Aleppo Governorate.", "Aleppo Governorate", "SY", "admin1"],
    // Britain's counties: second-level divisions from ISO 3166-2:GB, not the US towns named after them.
    ["Bird flu was confirmed at a poultry farm in Suffolk, England.", "Suffolk", "GB", "admin2"],
    ["A dead swan was found in a village in Fife, Scotland.", "Fife", "GB", "admin2"],
    // Compass words before a name are no region of their own.
    ["Three holidaymakers died at a campsite in Cornwall in South West England.", "Cornwall", "GB", "admin2"],
    // An office "for Scotland" names the place at its end, and "Scotland" is no surname after it.
    ["The Chief Medical Officer for Scotland said Scotland had acted fast.", "Scotland", "GB", "admin1"],
    ["Cholera cases were reported in Côte d'Ivoire and Ghana.", "Côte d'Ivoire", "CI", "country"],
    ["Cholera cases were reported in Cote d’Ivoire and Ghana.", "Cote d’Ivoire", "CI", "country"],
    // "state" before or after a name makes it the region.
    ["A cow from a Washington state farm tested positive.", "Washington state", "US", "admin1"],
    ["The first case was found in the state of Washington in 2003.", "Washington", "US", "admin1"],
    // A place word the English lexicon knows as a region is no common word.
    ["Indiana Governor Eric Holcomb signed the bill.", "Indiana", "US", "admin1"],
    // A title "of" a place: the place at the end of the office.
    ["The Governor of Ohio declared a state of emergency.", "Ohio", "US", "admin1"],
    ["The Mayor of Chicago closed the schools for a week.", "Chicago", "US", "city"],
    // A capitalised particle inside a sentence opens the name; Arabic's "es" joins one.
    ["Two cargo flights landed in Da Nang late on Friday.", "Da Nang", "VN", "city"],
    ["Ministers met in Dar es Salaam, Tanzania, on Monday.", "Dar es Salaam", "TZ", "city"],
    // The article after "of" comes and goes: "Republic of the Congo" is also "Republic of Congo".
    ["Aid agencies flew vaccines to the Republic of Congo on Tuesday.", "Republic of Congo", "CG", "country"],
  ])("%s -> %s (%s, %s)", (sentence, text, country, featureType) => {
    const found = places(sentence).find((p) => p.text === text);
    expect(found).toMatchObject({ country, featureType });
  });

  it("reads distance, bearing and anchor: roughly 60 kilometers south of Mosul", () => {
    const out = places("Troops gathered in Qayara, roughly 60 kilometers south of Mosul, Iraq, on Monday.");
    const qayara = out.find((p) => p.text === "Qayara")!;
    const mosul = out.find((p) => p.text === "Mosul")!;
    expect(qayara.relative).toEqual({ distanceKm: 60, bearing: "S", of: mosul.id });
    expect(qayara.country).toBe("IQ");
  });

  it("places a town the gazetteer lacks from its anchor, with precision 2", () => {
    const out = places(
      "Fighters seized the village of Qarawiyat Nasrin, 20 kilometers (12 miles) west of Kirkuk.",
    );
    const village = out.find((p) => p.text === "Qarawiyat Nasrin")!;
    const kirkuk = out.find((p) => p.text === "Kirkuk")!;
    expect(village).toMatchObject({
      precision: 2,
      country: "IQ",
      relative: { distanceKm: 20, bearing: "W", of: kirkuk.id },
    });
    expect(village.lon).toBeLessThan(kirkuk.lon);
  });

  it.each([
    ["Shelling hit Qaraqosh, 20 km north-east of Mosul, Iraq.", "Qaraqosh", 20, "NE"],
    ["Troops reached Hamam al-Alil, 20km south of Mosul, Iraq.", "Hamam al-Alil", 20, "S"],
    ["Fighting raged in Tal Afar, about 40 miles west of Mosul in Iraq.", "Tal Afar", 64.4, "W"],
  ])("reads the relative location in: %s", (sentence, text, distanceKm, bearing) => {
    const out = places(sentence);
    const mosul = out.find((p) => p.text === "Mosul")!;
    expect(out.find((p) => p.text === text)?.relative).toEqual({ distanceKm, bearing, of: mosul.id });
  });

  it("splits a compound of two countries: the Afghanistan-Pakistan region", () => {
    const out = places("Officials described the Afghanistan-Pakistan region as unstable.");
    expect(out.map((p) => p.country)).toEqual(["AF", "PK"]);
  });

  it("marks near-border mentions as precision 2", () => {
    const [syria] = places("The camp lies near the border with Syria.");
    expect(syria).toMatchObject({ country: "SY", precision: 2 });
  });

  it.each([
    ["Washington warned that new sanctions would follow.", "Washington"],
    ["Baghdad's declaration of victory surprised analysts.", "Baghdad"],
    ["Jordan said it would close the crossing.", "Jordan"],
    ["A U.S.-led coalition carried out the strikes.", "U.S."],
  ])("marks a government, not a location: %s", (sentence, text) => {
    expect(places(sentence).find((p) => p.text === text)).toMatchObject({ metonymy: true });
  });

  it("keeps a capital that is where things happen", () => {
    expect(places("Officials in Washington said the talks had stalled.")[0]).not.toHaveProperty("metonymy");
  });

  it.each([
    "Hillary Clinton said the plan would fail.",
    "The Associated Press reported the figures in May.",
    "Islamic State fighters withdrew overnight.",
    "Police said most of the victims were students.",
    "Army Col. Ryan Dillon declined to comment.",
    "The Marburg virus has no approved treatment.",
    "Canadian officials said the University would reopen.",
    "Many residents left; Franklin said he would stay.",
    "The Washington Post and the New York Times reported the deal.",
    "The President of the Senate adjourned the session.",
    "In the morning, the mayor said the bridge would reopen.",
  ])("finds no place in: %s", (sentence) => {
    expect(places(sentence)).toEqual([]);
  });

  it.each([
    // A name between countries of a list is a list item, not a town of the next country.
    ["Labs in Kenya, Gulu, Ghana and Togo sent samples.", "Gulu", "UG"],
    ["Labs in Gulu, Ghana, sent samples.", "Gulu", "GH"],
    // After a town and its country, the next pair is again a town and its country.
    ["Flights linked Accra, Ghana, Norfolk, England and Paris.", "Norfolk", "GB"],
    // A former country name is the country that holds it now.
    ["Thousands fled from Zaire in 1996.", "Zaire", "CD"],
    ["Tea exports from Ceylon fell.", "Ceylon", "LK"],
  ])("%s -> %s in %s", (sentence, text, country) => {
    const found = places(sentence).find((p) => p.text === text);
    if (country) expect(found).toMatchObject({ country });
    else expect(found).toBeUndefined();
  });

  // US counties: found by their full name, told apart by the state named beside or elsewhere.
  it.each([
    ["Two cases were confirmed in Lake County, Ohio, on Friday.", "Lake County", "OH"],
    ["Two cases were confirmed in Lake County, Illinois, on Friday.", "Lake County", "IL"],
    ["Ducks were tested in Crawford County, located in Pennsylvania.", "Crawford County", "PA"],
    ["Officials in Michigan said swans in Monroe County were sick.", "Monroe County", "MI"],
    ["An outbreak hit Austin, in Scott County, Indiana, last year.", "Scott County", "IN"],
    ["Flooding closed roads in Jefferson Parish on Monday.", "Jefferson Parish", "LA"],
    ["Residents of Saint Bernard Parish may return on Friday.", "Saint Bernard Parish", "LA"],
    // A title opening a county's name ("Queen") does not make it a person.
    ["Wild ducks in Queen Anne's County carried the virus.", "Queen Anne's County", "MD"],
    // With no state named, the county with the most people.
    ["Wildfires forced evacuations in Orange County overnight.", "Orange County", "CA"],
  ])("%s -> %s in %s", (sentence, text, state) => {
    const found = places(sentence).find((p) => p.text === text);
    expect(found).toMatchObject({ country: "US", featureType: "admin2", precision: 2 });
    const states: Record<string, [number, number]> = {
      OH: [41.7, -81.2],
      IL: [42.3, -87.9],
      PA: [41.7, -80.1],
      MI: [41.9, -83.5],
      IN: [38.7, -85.7],
      LA: [29.8, -90.0],
      MD: [39.0, -76.0],
      CA: [33.7, -117.8],
    };
    const [lat, lon] = states[state]!;
    expect(Math.abs(found!.lat - lat) + Math.abs(found!.lon - lon)).toBeLessThan(1.5);
  });

  // Large islands by their English names; a compass word before one places a part of it.
  it.each([
    ["Floods hit villages across Java on Monday.", "Java", "ID", "region", 3],
    ["Rebels clashed with troops on Mindanao overnight.", "Mindanao", "PH", "region", 3],
    // Shared by three countries: no one country.
    ["Logging is shrinking the forests of Borneo.", "Borneo", "", "region", 3],
    ["Heavy rain fell across West Java on Sunday.", "West Java", "ID", "region", 2],
    // A town of the same name in a country the article names keeps it.
    [
      "Georgian police said the village of Java, in the north of Georgia, was cut off.",
      "Java",
      "GE",
      "city",
      1,
    ],
  ])("%s -> %s (%s, %s)", (sentence, text, country, featureType, precision) => {
    const found = places(sentence).find((p) => p.text === text);
    expect(found).toMatchObject({ country, featureType, precision });
  });

  // The oceans (the World Factbook's nominal points), also by their short names; a town so
  // named keeps its name where its state follows it.
  it.each([
    ["The storm formed over the Pacific on Friday.", "Pacific", "Pacific Ocean"],
    ["Officials in Oregon said debris from the Pacific reached the coast.", "Pacific", "Pacific Ocean"],
    ["A tanker sank in the Indian Ocean after the blast.", "Indian Ocean", "Indian Ocean"],
    ["Warm water in the tropical Pacific region brings floods.", "Pacific", "Pacific Ocean"],
    ["Floods cut roads into Pacific, Missouri, on Monday.", "Pacific", "Pacific"],
  ])("%s -> %s is %s", (sentence, text, name) => {
    expect(places(sentence).find((p) => p.text === text)).toMatchObject({ name });
  });

  // A national body's name runs on past "and"; an outbreak named after its place is a place.
  it.each([
    ["The United States Food and Drug Administration recalled the drug.", "United States", "US"],
    ["Vets who worked on the recent United Kingdom outbreak are helping.", "United Kingdom", "GB"],
  ])("%s -> %s", (sentence, text, country) => {
    expect(places(sentence).find((p) => p.text === text)).toMatchObject({ country });
  });

  it('keeps a list of places joined by "and" a list', () => {
    const out = places("Letters were sent to Hollywood, San Fernando Valley and Santa Monica.");
    expect(out.find((p) => p.text === "Santa Monica")).toMatchObject({ country: "US" });
    expect(out.find((p) => p.text === "San Fernando")).toBeUndefined();
  });

  // A country or region named by two parts joined by "and" is one place; two countries stay two.
  it.each([
    ["Peacekeepers left Bosnia and Herzegovina in 2004.", "Bosnia and Herzegovina", "BA"],
    ["Flights to Trinidad and Tobago were cancelled.", "Trinidad and Tobago", "TT"],
  ])("%s -> one place %s", (sentence, text, country) => {
    expect(places(sentence).find((p) => p.text === text)).toMatchObject({ country, featureType: "country" });
  });

  it('keeps two countries joined by "and" two: Australia and New Zealand', () => {
    const out = places("Talks between Australia and New Zealand resumed.");
    expect(out.map((p) => p.country).sort()).toEqual(["AU", "NZ"]);
  });

  // "Georgia" is the US state where the article names other states, the country otherwise.
  it.each([
    ["Officials in Alabama and Texas tested the flocks. A lab in Georgia confirmed it.", "US"],
    ["Georgia and Armenia signed a trade deal in Yerevan.", "GE"],
    ["Protests continued in Tbilisi, Georgia, on Sunday.", "GE"],
  ])("%s -> Georgia in %s", (sentence, country) => {
    expect(places(sentence).find((p) => p.text === "Georgia")).toMatchObject({ country });
  });

  // "Town, in County, State": the county holds the town, and only a town of its own state.
  it('places a town in the county after ", in"', () => {
    const austin = places("An outbreak hit Austin, in Scott County, Indiana, last year.").find(
      (p) => p.text === "Austin",
    );
    expect(austin).toMatchObject({ country: "US", name: "Austin" });
    expect(austin!.lon).toBeGreaterThan(-87);
  });

  // A relative phrase after "Town, State," places the town, not the state.
  it("leaves the state after a town alone when a relative phrase follows it", () => {
    const out = places("Louisville, Kentucky, some 30 miles south of Austin, Indiana, acted first.");
    expect(out.find((p) => p.text === "Kentucky")).toMatchObject({ featureType: "admin1" });
    expect(out.find((p) => p.text === "Kentucky")).not.toHaveProperty("relative");
  });

  // A number opening a sentence is no town (France's "Four"), and the name after it no surname.
  it("finds the region after a number that opens the sentence", () => {
    const out = places("Four Guerrero state police were found. Guerrero is a route for smugglers.");
    expect(out.filter((p) => p.country === "MX" && p.featureType === "admin1")).toHaveLength(2);
  });

  it("keeps a person's name that opens a sentence a person's", () => {
    expect(places("Maya Harden died on Sunday; Harden was nine.")).toEqual([]);
  });

  // A village of a country the article never names is no reading of a name, where it names others.
  it.each([
    ["Officials in Kenya said cases rose in Nyanza last week.", undefined],
    ["Officials in Rwanda said cases rose in Nyanza last week.", "RW"],
    ["Cases rose in Nyanza last week.", "RW"],
  ])("%s -> Nyanza in %s", (sentence, country) => {
    const found = places(sentence).find((p) => p.text === "Nyanza");
    if (country) expect(found).toMatchObject({ country });
    else expect(found).toBeUndefined();
  });

  // A bare name is the town or the person, never one of the counties that bear it.
  it.each([
    ["Jefferson said the county would pay for the repairs.", "Jefferson"],
    ["Officials in Washington said the talks had stalled.", "Washington"],
    ["Troops arrived in Clark on Monday.", "Clark"],
  ])("no county for a bare name: %s", (sentence, text) => {
    const found = places(sentence).find((p) => p.text === text);
    expect(found?.featureType).not.toBe("admin2");
  });

  // An acronym ending a title's run ("Chief Executive of Racing NSW") is a body's name, no surname.
  it("finds an abbreviated state after a title that ends in it", () => {
    const text = "The Chief Executive of Racing NSW said tracks across NSW would close.";
    const later = places(text).filter((p) => p.text === "NSW" && p.start > text.indexOf("across"));
    expect(later).toHaveLength(1);
    expect(later[0]).toMatchObject({ country: "AU" });
  });

  // A run like "Radio Pyongyang" makes its last word a surname; where the context puts the
  // name on the map it is still the place, and elsewhere the surname still wins.
  it.each([
    ["Radio Pyongyang said farms in Pyongyang were closed.", "Pyongyang", "KP"],
    ["Radio Pyongyang said farms in the capital of Pyongyang were closed.", "Pyongyang", "KP"],
    ["Radio Pyongyang said farms near Pyongyang were closed.", "Pyongyang", "KP"],
    ["Aid worker Maria Harare said she would stay, Harare said.", "Harare", null],
    ["Aid worker Maria Harare said she would stay in Harare's clinic.", "Harare", null],
  ])("a surname seen elsewhere and the place in context: %s", (text, name, country) => {
    const later = places(text).filter((p) => p.text === name && p.start > text.indexOf(" said"));
    if (country) expect(later.map((p) => p.country)).toEqual([country]);
    else expect(later).toEqual([]);
  });

  // A town reached only through an alternate name, in a country the article never names, is no
  // reading of the name; a city known abroad by its old name still is.
  it.each([
    ["Officials in Kenya said the Marburg outbreak had ended.", "Marburg", undefined],
    ["Officials in Nigeria said a Cobra helicopter was hit.", "Cobra", undefined],
    ["Pilgrims from Ireland gathered in St. Peter's Square.", "St. Peter", undefined],
    ["Doctors in Germany traced the first cases to a laboratory in Marburg.", "Marburg", "DE"],
    ["Officials in Kenya said flights from Bombay were halted.", "Bombay", "IN"],
  ])("%s -> %s in %s", (sentence, text, country) => {
    const found = places(sentence).find((p) => p.text === text);
    if (country) expect(found).toMatchObject({ country });
    else expect(found).toBeUndefined();
  });

  // A region named in the article holds a town by its admin1 code, however far the town lies
  // from the region's middle; a reading of the same name ("New York" the state) is no evidence.
  it.each([
    ["Officials in Texas said a nurse from Fairfield had recovered.", "Fairfield", "US", "TX"],
    ["Officials in Ohio said a man who had been in New York fell ill.", "New York", "US", "NY"],
    [
      "The maker, based in Mississauga, Ontario, recalled its feed, officials in California said.",
      "Ontario",
      "CA",
      undefined,
    ],
  ])("%s -> %s in %s (%s)", (sentence, text, country, state) => {
    const found = places(sentence).find((p) => p.text === text);
    expect(found).toMatchObject({ country });
    if (state === "TX") expect(found!.lon).toBeGreaterThan(-107);
    if (state === "TX") expect(found!.lon).toBeLessThan(-93);
    if (state === "NY") expect(found).toMatchObject({ featureType: "admin1" });
  });

  // A landform named after a place lies near it (precision 2), in a country the article is about.
  it.each([
    ["Lettuce growers in the Salinas Valley of California lost crops.", "Salinas Valley", "US"],
    ["Ships from Panama queued for days at the Panama Canal.", "Panama Canal", "PA"],
    ["Ferries in New Zealand crossed to Islington Bay.", "Islington Bay", undefined],
  ])("%s -> %s in %s", (sentence, text, country) => {
    const found = places(sentence).find((p) => p.text === text);
    if (country) expect(found).toMatchObject({ country, featureType: "natural", precision: 2 });
    else expect(found).toBeUndefined();
  });

  // Two names a foreign article joins are one name the gazetteer lacks; English "of" relates two.
  it.each([
    ["He was treated at the Bab el-Oued clinic in Algiers.", ["Algiers"]],
    ["Relief flights reached the Gold Coast of Australia.", ["Gold Coast", "Australia"]],
    ["Clinics in Dar es Salaam reopened.", ["Dar es Salaam"]],
  ])("%s -> %j", (sentence, texts) => {
    expect(places(sentence).map((p) => p.text)).toEqual(texts);
  });

  // A US state is placed at the middle of its outline, near the geographic centre the US Geological
  // Survey gives, not at the middle of the box around its towns (Alaska's lie along its south coast).
  it.each([
    ["Storm warnings covered much of Alaska on Monday.", "Alaska", 63.83, -152.0],
    ["Storm warnings covered much of Florida on Monday.", "Florida", 28.63, -82.25],
    ["Storm warnings covered much of Texas on Monday.", "Texas", 31.43, -99.17],
  ])("%s -> %s near %s, %s", (sentence, text, lat, lon) => {
    const state = places(sentence).find((p) => p.text === text);
    expect(state).toMatchObject({ country: "US", featureType: "admin1" });
    expect(distanceKm(state!.lat, state!.lon, lat, lon)).toBeLessThan(60);
  });

  // A compass word before a country marks a part of it (precision 2); only a part that is a
  // name of its own is placed off the whole's centre.
  it.each([
    ["Aid convoys reached refugee camps in eastern Chad on Monday.", "eastern Chad", "Chad", false],
    ["Floods cut roads across northern India this week.", "northern India", "India", false],
    ["Eastern China reported two more cases on Friday.", "Eastern China", "China", false],
    ["Farms in north-west Pakistan were quarantined.", "west Pakistan", "Pakistan", false],
    ["A girl from West Java died in hospital in Jakarta.", "West Java", "Java", true],
  ])("%s -> %s, part of %s, moved off its centre: %s", (sentence, text, whole, moved) => {
    const part = places(sentence).find((p) => p.text === text);
    const centre = places(`Officials in ${whole} said so.`).find((p) => p.text === whole);
    expect(part).toMatchObject({ precision: 2, featureType: "region" });
    expect(centre).toBeDefined();
    const apart = Math.hypot(part!.lat - centre!.lat, part!.lon - centre!.lon);
    if (moved) expect(apart).toBeGreaterThan(0.5);
    else expect(apart).toBe(0);
  });

  it("keeps every span true to the text", () => {
    const text =
      "Kurdish forces pushed on Bashiqa, about 12 kilometers (7 miles) northeast of Mosul, near the border with Syria.";
    for (const p of places(text)) expect(text.slice(p.start, p.end)).toBe(p.text);
  });
});

describe.skipIf(!gazetteer)("headlines", () => {
  // Regression: a Title Case headline run ("Strike Hits Port Near Hodeidah") made its last word
  // a surname, and every later "Hodeidah" was then dropped as a person.
  it("a place named at the end of a Title Case headline is still a place in the body", () => {
    const text =
      "Drone Strike Hits Port Near Hodeidah\n\nA drone strike hit a fuel depot north of Hodeidah, Yemen, on Tuesday.";
    const doc: AnalysedDoc = {
      text,
      sections: [{ kind: "headline", start: 0, end: text.indexOf("\n") }],
      meta: { ref: null, source: null, title: null, published: "2024-03-01", language: "en" },
      messages: [],
      nlp: analyse(text),
      layers: {},
    };
    const body = extractPlaces(doc, gazetteer!).items.filter((p) => p.start > text.indexOf("\n"));
    expect(body.map((p) => [p.text, p.country])).toContainEqual(["Hodeidah", "YE"]);
  });
});

describe("placesStage", () => {
  it("declares its layer", () => {
    expect(placesStage.name).toBe("places");
  });
});

describe("lexicon", () => {
  it("rejects duplicate entries", () => {
    const raw = {
      bearings: {},
      directionAdjectives: {},
      distanceUnits: {},
      numberWords: {},
      approximators: ["some", "some"],
      demonymPlaceNouns: [],
      capitalNouns: [],
      settlementNouns: [],
      facilityNouns: [],
      adminSuffixes: [],
      placeModifiers: [],
      actorSuffixes: [],
      metonymyVerbs: [],
      metonymyPossessions: [],
      personTitles: [],
      notPlaces: [],
      nearWords: [],
      borderNouns: [],
      institutionNouns: [],
      diseaseNouns: [],
    };
    expect(() => parseLexicon(raw)).toThrow();
  });
});
