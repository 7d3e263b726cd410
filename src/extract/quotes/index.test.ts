import { describe, expect, it } from "vitest";
import type { Entity, Quote } from "../../core/schema.js";
import { ingest } from "../../ingest/index.js";
import { analyse } from "../../nlp/index.js";
import { entitiesStage } from "../entities/index.js";
import type { AnalysedDoc } from "../stage.js";
import { timesStage } from "../times/index.js";
import { extractQuotes, quotesStage } from "./index.js";
import { inflect, ReportingVerbsFile, SourcesFile } from "./lexicon.js";
import { pairQuoteMarks } from "./marks.js";

// Every sentence below is written for these tests in wire style; none comes from a real article.
function analysed(text: string, entities?: Entity[]): AnalysedDoc {
  const doc = ingest({ text: `Test headline for the quote stage.\n\n${text}` });
  const bare: AnalysedDoc = { ...doc, nlp: analyse(doc.text), layers: {} };
  // the times layer as the pipeline gives it: time adjuncts end a subject ("nurses in 2019 sent")
  const times = timesStage.run(bare).items;
  return { ...bare, layers: entities ? { entities, times } : { times } };
}

function quotesOf(text: string, entities?: Entity[]): Quote[] {
  return extractQuotes(analysed(text, entities));
}

/** Quotes with the entity layer the pipeline gives: its mentions link pronoun speakers. */
function withEntities(text: string): Quote[] {
  const doc = analysed(text);
  return extractQuotes({ ...doc, layers: { ...doc.layers, entities: entitiesStage.run(doc).items } });
}

interface Case {
  name: string;
  text: string;
  kind: Quote["kind"];
  /** The quote's words, exactly. */
  quote: string;
  /** A word the speaker's name (or, when unnamed, its description) contains. */
  speaker: string;
  named?: boolean;
  anonymous?: boolean;
  channel?: string;
  cue?: string;
}

const cases: Case[] = [
  {
    name: "curly quote, inverted cue with title and appositive",
    text: "“The talks have collapsed,” said Maj. Gen. Omar Khalil, a spokesman for the army.",
    kind: "direct",
    quote: "The talks have collapsed,",
    speaker: "Khalil",
    cue: "said",
  },
  {
    name: "straight quotes, subject before cue and a hearer after it",
    text: '"We will not retreat," the provincial governor told reporters on Friday.',
    kind: "direct",
    quote: "We will not retreat,",
    speaker: "governor",
    named: false,
  },
  {
    name: "quote broken by the cue",
    text: "“The road is open,” added Col. Lena Marsh, a spokeswoman for the coalition, “but convoys still face attacks.”",
    kind: "direct",
    quote:
      "The road is open,” added Col. Lena Marsh, a spokeswoman for the coalition, “but convoys still face attacks.",
    speaker: "Marsh",
  },
  {
    name: "nested single quotes stay inside the quote",
    text: "“They shouted ‘leave now’ and we ran to the river,” said Ahmed Yusuf, a farmer from the village.",
    kind: "direct",
    quote: "They shouted ‘leave now’ and we ran to the river,",
    speaker: "Yusuf",
  },
  {
    name: "speaker, cue and colon before the quote",
    text: "Interior Minister Rafael Duarte told the Associated Press (AP), “The border crossings will stay closed.”",
    kind: "direct",
    quote: "The border crossings will stay closed.",
    speaker: "Duarte",
    channel: "Associated Press",
  },
  {
    name: "mixed quote inside a that-clause",
    text: "The defence minister stressed that the “ceasefire remains fragile and could collapse within days.”",
    kind: "mixed",
    quote: "the “ceasefire remains fragile and could collapse within days.”",
    speaker: "minister",
  },
  {
    name: "indirect speech with that",
    text: "Police chief Daniel Ortiz said that three suspects had been detained overnight.",
    kind: "indirect",
    quote: "three suspects had been detained overnight",
    speaker: "Ortiz",
    cue: "said",
  },
  {
    name: "indirect speech without that",
    text: "The mayor of the port city, Irina Volkova, said the water supply had been restored in most districts.",
    kind: "indirect",
    quote: "the water supply had been restored in most districts",
    speaker: "Volkova",
  },
  {
    name: "sentence-final attribution to unnamed officials",
    text: "Fighting resumed near the airport on Sunday after a two-day lull, officials said.",
    kind: "indirect",
    quote: "Fighting resumed near the airport on Sunday after a two-day lull",
    speaker: "officials",
    named: false,
    anonymous: true,
  },
  {
    name: "according to X, at the start",
    text: "According to the World Health Organization, cholera cases doubled in the camps in March.",
    kind: "indirect",
    quote: "cholera cases doubled in the camps in March",
    speaker: "World Health Organization",
    cue: "According to",
  },
  {
    name: "according to X, at the end",
    text: "The bridge was destroyed in an overnight airstrike, according to local residents.",
    kind: "indirect",
    quote: "The bridge was destroyed in an overnight airstrike",
    speaker: "residents",
    named: false,
    anonymous: true,
  },
  {
    name: "an outlet that learned from the speaker is the channel",
    text: "Reuters learned from Karim Nasser, an aide to the governor, that the talks had stalled over prisoner releases.",
    kind: "indirect",
    quote: "the talks had stalled over prisoner releases",
    speaker: "Nasser",
    channel: "Reuters",
  },
  {
    name: "a person inside an anonymous source's description is not the speaker",
    text: "A senior diplomat close to Foreign Minister Pavel Orlov told Reuters that the summit had been postponed.",
    kind: "indirect",
    quote: "the summit had been postponed",
    speaker: "diplomat",
    named: false,
    anonymous: true,
    channel: "Reuters",
  },
  {
    name: "a participle clause after the attribution keeps the speaker",
    text: "The rebel commander Tarek Aziz rejected the proposal, saying it offered no guarantees for civilians.",
    kind: "indirect",
    quote: "it offered no guarantees for civilians",
    speaker: "Aziz",
  },
  {
    name: "an aim in a to-clause",
    text: "The health ministry wants to vaccinate two million children before the rainy season.",
    kind: "indirect",
    quote: "to vaccinate two million children before the rainy season",
    speaker: "ministry",
  },
  {
    name: "a dash appositive between the name and the cue",
    text: "Nadia Rahman -- the head of the regional health office -- told reporters that the clinic would reopen on Monday.",
    kind: "indirect",
    quote: "the clinic would reopen on Monday",
    speaker: "Rahman",
  },
  {
    name: "a concessive clause after the claim is the reporter's",
    text: "The general claimed that the offensive had succeeded, although he gave no figures for the losses.",
    kind: "indirect",
    quote: "the offensive had succeeded",
    speaker: "general",
  },
  {
    name: "a parenthetical attribution inside the claim",
    text: "The harvest, the farmers said, was the worst in twenty years.",
    kind: "indirect",
    quote: "The harvest, the farmers said, was the worst in twenty years",
    speaker: "farmers",
    named: false,
    anonymous: true,
  },
  {
    name: "a source noun capitalised at a sentence's start names no one",
    text: "Officials from the Interior Ministry, who declined to be named, said the border would reopen.",
    kind: "indirect",
    quote: "the border would reopen",
    speaker: "Officials",
    named: false,
    anonymous: true,
  },
  {
    name: "a clause of time after a stretch of time has its own subject",
    text: "Hours after the mayor warned that the river would flood, crews closed the bridge.",
    kind: "indirect",
    quote: "the river would flood",
    speaker: "mayor",
    named: false,
  },
  {
    name: "a source noun alone opening the sentence",
    text: "The dam held overnight. Diplomats said the talks would resume in Geneva.",
    kind: "indirect",
    quote: "the talks would resume in Geneva",
    speaker: "Diplomats",
    named: false,
    anonymous: true,
  },
  {
    name: "an unnamed group led by a determiner",
    text: "Those close to the president say that he will not seek another term.",
    kind: "indirect",
    quote: "he will not seek another term",
    speaker: "Those close to the president",
    named: false,
    anonymous: true,
  },
  {
    name: "a stance verb's object ends before the reporter's adverbial",
    text: "The opposition leader criticized the budget cuts during a rally in the capital on Saturday.",
    kind: "indirect",
    quote: "the budget cuts",
    speaker: "leader",
    cue: "criticized",
  },
  {
    name: "a question mark ends the sentence before the cue",
    text: "“Who will pay for the repairs?” asked the mayor, Ana Lima.",
    kind: "direct",
    quote: "Who will pay for the repairs?",
    speaker: "Lima",
  },
  {
    name: "a colon after the cue and an adjunct",
    text: "The foreign ministry said in a statement: “All border crossings remain closed until further notice.”",
    kind: "direct",
    quote: "All border crossings remain closed until further notice.",
    speaker: "ministry",
  },
  {
    name: "indirect speech after a colon",
    text: "The agency's director warned: the reservoirs will run dry by August.",
    kind: "indirect",
    quote: "the reservoirs will run dry by August",
    speaker: "director",
  },
  {
    name: "a stance verb's object ends before the medium it was voiced in",
    text: "The senator attacked the governor in a televised interview on Sunday.",
    kind: "indirect",
    quote: "the governor",
    speaker: "senator",
    cue: "attacked",
  },
  {
    name: "a stance verb's object ends before a second act of the subject",
    text: "The finance minister outlined her reform plan and vowed to cut red tape for exporters.",
    kind: "indirect",
    quote: "her reform plan",
    speaker: "minister",
    cue: "outlined",
  },
  {
    name: "coordinated participles stay inside the object",
    text: "The panel called the allegations baseless and fabricated.",
    kind: "indirect",
    quote: "the allegations baseless and fabricated",
    speaker: "panel",
  },
  {
    name: "an encouragement names the hearer, then the aim",
    text: "The union encouraged its members to vote in the primary.",
    kind: "indirect",
    quote: "to vote in the primary",
    speaker: "union",
    cue: "encouraged",
  },
  {
    name: "a refusal is an intention in a to-clause",
    text: "The governor refused to comment on the lawsuit.",
    kind: "indirect",
    quote: "to comment on the lawsuit",
    speaker: "governor",
  },
  {
    name: "a multi-word stance cue",
    text: "Opposition leaders lashed out at the new curfew.",
    kind: "indirect",
    quote: "the new curfew",
    speaker: "leaders",
    cue: "lashed out at",
  },
  {
    name: "a list of names stays inside a stance verb's object",
    text: "The defence minister warned against rival militias from the north, the east and the coast.",
    kind: "indirect",
    quote: "rival militias from the north, the east and the coast",
    speaker: "minister",
  },
  {
    name: "an appositive after a comma still ends the object",
    text: "The governor praised the new dam, a project funded by the World Bank.",
    kind: "indirect",
    quote: "the new dam",
    speaker: "governor",
  },
  {
    name: "a long adjunct before that",
    text: "The governor said at a campaign stop in Leeds, England, that the tax would be scrapped.",
    kind: "indirect",
    quote: "the tax would be scrapped",
    speaker: "governor",
  },
  {
    name: "that as a pronoun subject",
    text: "The general said that would leave the border unguarded.",
    kind: "indirect",
    quote: "that would leave the border unguarded",
    speaker: "general",
  },
  {
    name: "that as a determiner of a stance verb's object",
    text: "The court rejected that argument in a ruling on Friday.",
    kind: "indirect",
    quote: "that argument",
    speaker: "court",
  },
  {
    name: "that before a plural noun opens a clause",
    text: "The auditors said that payments to the contractor had doubled.",
    kind: "indirect",
    quote: "payments to the contractor had doubled",
    speaker: "auditors",
  },
  {
    name: "a parenthetical remark after an inverted speaker",
    text: "The levy will hurt small farms, said Mr. Okafor (a view shared by most growers).",
    kind: "indirect",
    quote: "The levy will hurt small farms",
    speaker: "Okafor",
  },
  {
    name: "a party tag with stops inside a closing attribution",
    text: "The bridge will reopen in May, Sen. Ann Lee (R-S.C.) told reporters on Friday.",
    kind: "indirect",
    quote: "The bridge will reopen in May",
    speaker: "Lee",
  },
  {
    name: "a stance adjective with a that-clause",
    text: "The health minister is confident that the outbreak will be contained by June.",
    kind: "indirect",
    quote: "the outbreak will be contained by June",
    speaker: "minister",
    cue: "confident",
  },
  {
    name: "a stance adjective with a bare clause after a degree word",
    text: "Engineers were not so sure the levee would hold.",
    kind: "indirect",
    quote: "the levee would hold",
    speaker: "Engineers",
    named: false,
    anonymous: true,
  },
  {
    name: "a stance adjective with its preposition",
    text: "Several ministers remained critical of the ceasefire deal.",
    kind: "indirect",
    quote: "the ceasefire deal",
    speaker: "ministers",
    cue: "critical of",
  },
  {
    name: "a reluctance is an aim in a to-clause",
    text: "The central bank was reluctant to raise rates again.",
    kind: "indirect",
    quote: "to raise rates again",
    speaker: "bank",
  },
  {
    name: "a progressive stance verb stays a verb",
    text: "The opposition is questioning the legitimacy of the vote.",
    kind: "indirect",
    quote: "the legitimacy of the vote",
    speaker: "opposition",
    cue: "questioning",
  },
  {
    name: "a claim noun after its holder",
    text: "The minister's warning that the river would flood the town went unheeded.",
    kind: "indirect",
    quote: "the river would flood the town",
    speaker: "minister",
  },
  {
    name: "a claim noun with is that",
    text: "The company's argument is that the fines were never lawful.",
    kind: "indirect",
    quote: "the fines were never lawful",
    speaker: "company",
  },
  {
    name: "an aim ends before the reporter's clause of time",
    text: "The agency warned local officials to boost their flood defences after heavy rains hit the coast.",
    kind: "indirect",
    quote: "to boost their flood defences",
    speaker: "agency",
  },
  {
    name: "a short aim keeps its own clause of time",
    text: "The rebels vowed to fight until the capital falls.",
    kind: "indirect",
    quote: "to fight until the capital falls",
    speaker: "rebels",
    named: false,
    anonymous: true,
  },
  {
    name: "a relative pronoun subject is the noun phrase before it",
    text: "Residents blamed the mayor, who insisted that the pumps had worked as designed.",
    kind: "indirect",
    quote: "the pumps had worked as designed",
    speaker: "mayor",
  },
  {
    name: "a hyphenated place modifier is not the speaker",
    text: "Lisbon-based analysts, who track the shipping lanes, said the blockade had cut exports by half.",
    kind: "indirect",
    quote: "the blockade had cut exports by half",
    speaker: "analysts",
    named: false,
    anonymous: true,
  },
  {
    name: "a relative clause with which between the subject and a progressive cue",
    text: "The farmers' unions, which represent most growers, have long been calling for lower fuel taxes.",
    kind: "indirect",
    quote: "lower fuel taxes",
    speaker: "unions",
  },
  {
    name: "a stance verb's object may be one name",
    text: "The farmers' union endorsed Alvarez.",
    kind: "indirect",
    quote: "Alvarez",
    speaker: "union",
  },
  {
    name: "a stance verb's object ends before a hyphenated medium",
    text: "The interior minister denounced the blockade in a late-night broadcast.",
    kind: "indirect",
    quote: "the blockade",
    speaker: "minister",
  },
  {
    name: "a participle before a quotation speaks for the noun phrase it follows",
    text: "The campaign spot closes with footage of the senator saying, “We will not back down.”",
    kind: "direct",
    quote: "We will not back down.",
    speaker: "senator",
  },
  {
    name: "a participle after before takes the clause's subject",
    text: "“Hold the line,” the captain shouted before asking his men, “Who is with me?”",
    kind: "direct",
    quote: "Who is with me?",
    speaker: "captain",
  },
  {
    name: "a whole quotation ends the content before the reporter's clause",
    text: "The clip shows the governor saying, “That was a mistake,” as aides looked on.",
    kind: "direct",
    quote: "That was a mistake,",
    speaker: "governor",
  },
  {
    name: "an indirect question after a verb of saying",
    text: "The mayor would not say whether the dam had been inspected since the spring floods.",
    kind: "indirect",
    quote: "whether the dam had been inspected since the spring floods",
    speaker: "mayor",
  },
  {
    name: "an indirect question after a hearer",
    text: "The envoy told reporters why the talks had collapsed.",
    kind: "indirect",
    quote: "why the talks had collapsed",
    speaker: "envoy",
  },
  {
    name: "a participle after the medium its author issued",
    text: "The health ministry issued a statement saying the clinics would reopen on Monday.",
    kind: "indirect",
    quote: "the clinics would reopen on Monday",
    speaker: "ministry",
  },
  {
    name: "a passive reporting verb with its agent",
    text: "The shortfall in the pension fund was first reported by the Daily Ledger.",
    kind: "indirect",
    quote: "The shortfall in the pension fund",
    speaker: "Ledger",
  },
  {
    name: "an aim named by a noun after its holder",
    text: "The mayor's latest effort to win back suburban voters ended in a televised debate.",
    kind: "indirect",
    quote: "to win back suburban voters",
    speaker: "mayor",
    cue: "effort",
  },
  {
    name: "a vote against a measure is a stance",
    text: "Senator Ruth Hale voted against the farm subsidies bill.",
    kind: "indirect",
    quote: "the farm subsidies bill",
    speaker: "Hale",
  },
  {
    name: "a named object with its appositive",
    text: "The governor criticized Ana Ruiz, the former harbor commissioner.",
    kind: "indirect",
    quote: "Ana Ruiz, the former harbor commissioner",
    speaker: "governor",
  },
  {
    name: "a progressive the tagger reads as an adjective",
    text: "Governor Amos Tran is promising to help farmers move into new crops.",
    kind: "indirect",
    quote: "to help farmers move into new crops",
    speaker: "Tran",
    cue: "promising",
  },
  {
    name: "a progressive after a contracted verb",
    text: "Now he's claiming that the vote count was rigged.",
    kind: "indirect",
    quote: "the vote count was rigged",
    speaker: "he",
  },
  {
    name: "a subject after a hyphen typed for a dash",
    text: "The farm debate is predictable - Senator Ruth Hale has vowed to cut the subsidies.",
    kind: "indirect",
    quote: "to cut the subsidies",
    speaker: "Hale",
  },
  {
    name: "a parenthetical cue after a fronted condition",
    text: "If the plan fails, the finance minister argues, there are other ways to cut the deficit.",
    kind: "indirect",
    quote: "If the plan fails, the finance minister argues, there are other ways to cut the deficit",
    speaker: "minister",
  },
  {
    name: "an aside opened by “as” inside the claim",
    text: "The harbor, as Mayor Ana Ruiz pointed out, rarely floods in winter.",
    kind: "indirect",
    quote: "The harbor, as Mayor Ana Ruiz pointed out, rarely floods in winter",
    speaker: "Ruiz",
  },
  {
    name: "an aside opened by “as” before the claim",
    text: "As Mayor Ana Ruiz noted, the harbor rarely floods in winter.",
    kind: "indirect",
    quote: "the harbor rarely floods in winter",
    speaker: "Ruiz",
  },
  {
    name: "a saying verb with a noun phrase for what was said",
    text: "The coastguard noted a sharp rise in illegal crossings.",
    kind: "indirect",
    quote: "a sharp rise in illegal crossings",
    speaker: "coastguard",
  },
  {
    name: "a that-clause whose subject is a quantity of something",
    text: "A survey by the port authority found that half of the cranes were idle.",
    kind: "indirect",
    quote: "half of the cranes were idle",
    speaker: "survey",
  },
  {
    name: "a present-tense cue the tagger may take for a plural noun",
    text: "The governor worries that the levee could break before the spring.",
    kind: "indirect",
    quote: "the levee could break before the spring",
    speaker: "governor",
  },
  {
    name: "a hanging participle after a fronted time and an adverb",
    text: "On Monday, however, the senator met grain farmers, promising to lift the export tariffs.",
    kind: "indirect",
    quote: "to lift the export tariffs",
    speaker: "senator",
  },
  {
    name: "a hanging participle after a subject with a time adjunct",
    text: "A group of nurses in 2019 sent a letter to the hospital board, calling for her removal.",
    kind: "indirect",
    quote: "her removal",
    speaker: "nurses",
  },
  {
    name: "the reporter's setting after a comma ends a to-clause",
    text: "The governor refuses to name a successor, aside from saying she wants a younger team.",
    kind: "indirect",
    quote: "to name a successor",
    speaker: "governor",
  },
  {
    name: "the reporter's concession after a comma ends an indirect question",
    text: "Campaign aides remained coy about whether they would alter course, despite weeks of falling poll numbers.",
    kind: "indirect",
    quote: "whether they would alter course",
    speaker: "aides",
    anonymous: true,
  },
  {
    name: "a stance's object goes on after “including”",
    text: "The senator railed against the influence of lobbyists, including those paid by foreign banks.",
    kind: "indirect",
    quote: "the influence of lobbyists, including those paid by foreign banks",
    speaker: "senator",
  },
  {
    name: "a sentence adverb set off by commas between subject and cue",
    text: "Some lawmakers, however, question the wisdom of the pipeline deal.",
    kind: "indirect",
    quote: "the wisdom of the pipeline deal",
    speaker: "lawmakers",
    anonymous: true,
  },
  {
    name: "a time adjunct after the subject, before a cue the tagger took for a noun",
    text: "A trade panel in 2004 found the country was in breach of the accord.",
    kind: "indirect",
    quote: "the country was in breach of the accord",
    speaker: "panel",
  },
  {
    name: "a weekday before a possessive pronoun is still a time adjunct",
    text: "Rebel leaders said Tuesday their forces had left the town.",
    kind: "indirect",
    quote: "their forces had left the town",
    speaker: "leaders",
  },
  {
    name: "a weekday's possessive opens the object, not a time adjunct",
    text: "Party chairman Dan Pell called Friday's ruling a “huge win for voters.”",
    kind: "mixed",
    quote: "Friday's ruling a “huge win for voters.”",
    speaker: "Pell",
  },
  {
    name: "figures that show a state of affairs",
    text: "Polls show a close race in the province.",
    kind: "indirect",
    quote: "a close race in the province",
    speaker: "Polls",
  },
  {
    name: "a stance noun after its holder, with its object",
    text: "Finance Minister Ana Ruiz renewed her criticism of the port authority on Tuesday.",
    kind: "indirect",
    quote: "the port authority",
    speaker: "Ruiz",
  },
  {
    name: "a stance noun in the subject ends before the sentence's verb",
    text: "The senator's support for the pipeline angered local farmers.",
    kind: "indirect",
    quote: "the pipeline",
    speaker: "senator",
  },
  {
    name: "a claim noun of announcing after its holder",
    text: "The mayor's declaration that the strike was illegal angered the unions.",
    kind: "indirect",
    quote: "the strike was illegal",
    speaker: "mayor",
  },
  {
    name: "a decision noun after its holder, with its to-clause",
    text: "The governor's decision to close the bridge drew protests.",
    kind: "indirect",
    quote: "to close the bridge",
    speaker: "governor",
  },
  {
    name: "a noun naming its subject by a stance, after a form of “be”",
    text: "Senator Ruth Lane has long been a vocal critic of the trade deal.",
    kind: "indirect",
    quote: "the trade deal",
    speaker: "Lane",
  },
  {
    name: "an irregular form of a multi-word stance verb",
    text: "The bishop has spoken about the need for new shelters.",
    kind: "indirect",
    quote: "the need for new shelters",
    speaker: "bishop",
  },
  {
    name: "a subject holding a noun's own to-clause before its verb",
    text: "She said her opponent's plan to cut school budgets would hurt poor districts.",
    kind: "indirect",
    quote: "her opponent's plan to cut school budgets would hurt poor districts",
    speaker: "She",
  },
  {
    name: "a claim whose subject is the relative pronoun before the speaker",
    text: "The levy, which Mayor Ana Ruiz said was unfair, was repealed in May.",
    kind: "indirect",
    quote: "was unfair",
    speaker: "Ruiz",
  },
  {
    name: "a participle of means ends a stance's object",
    text: "Senator Ruth Lane responded to the families by saying the inquiry would reopen.",
    kind: "indirect",
    quote: "the families",
    speaker: "Lane",
  },
  {
    name: "a stance's object goes on past a time when more follows",
    text: "Senator Ruth Lane grilled the bank's chief on Tuesday for his role in the fraud.",
    kind: "indirect",
    quote: "the bank's chief on Tuesday for his role in the fraud",
    speaker: "Lane",
  },
  {
    name: "a time closing the clause ends a stance's object",
    text: "The governor endorsed the measure in July.",
    kind: "indirect",
    quote: "the measure",
    speaker: "governor",
  },
  {
    name: "a cue carried by a verb of seeming",
    text: "The general appeared to suggest that troops with trauma are weak.",
    kind: "indirect",
    quote: "troops with trauma are weak",
    speaker: "general",
  },
  {
    name: "a cue carried by “went on to”",
    text: "Mayor Ana Ruiz went on to explain that the rules had changed.",
    kind: "indirect",
    quote: "the rules had changed",
    speaker: "Ruiz",
  },
  {
    name: "a question's topic after its hearer",
    text: "Reporters pressed the mayor, and Ms. Ruiz asked him about the missing funds.",
    kind: "indirect",
    quote: "the missing funds",
    speaker: "Ruiz",
  },
  {
    name: "a telling's topic after its hearer",
    text: "The envoy told reporters about the new ceasefire terms.",
    kind: "indirect",
    quote: "the new ceasefire terms",
    speaker: "envoy",
  },
  {
    name: "a hearer's appositive before the to-clause",
    text: "The campaign asked Dan Pell, the moderator of the debate, to review the rules.",
    kind: "indirect",
    quote: "to review the rules",
    speaker: "campaign",
  },
  {
    name: "a parenthesis the content never opened",
    text: "(The senator has also called for cutting the fuel levy.)",
    kind: "indirect",
    quote: "cutting the fuel levy",
    speaker: "senator",
  },
  {
    name: "a relative “that” before the cue points back to the noun",
    text: "Several port cities that support the old rules joined the lawsuit.",
    kind: "indirect",
    quote: "the old rules",
    speaker: "port cities",
  },
  {
    name: "a gerund cue after a verb of avoiding",
    text: "The senator avoids condemning the seizure of the island.",
    kind: "indirect",
    quote: "the seizure of the island",
    speaker: "senator",
  },
  {
    name: "a verb form after a clause adverb the tagger may take for a noun",
    text: "The campaign video then references the agency's report on the mayor.",
    kind: "indirect",
    quote: "the agency's report on the mayor",
    speaker: "video",
  },
  {
    name: "an indirect question after a present form the tagger may take for a noun",
    text: "The film documents how rural life has been changed by the drought.",
    kind: "indirect",
    quote: "how rural life has been changed by the drought",
    speaker: "film",
  },
  {
    name: "a comparison set off by commas before the that-clause",
    text: "Several economists cautioned, as did the ministry itself, that the budget might change.",
    kind: "indirect",
    quote: "the budget might change",
    speaker: "economists",
    anonymous: true,
  },
  {
    name: "a time adjunct between subject and cue",
    text: "The high court this month rejected a request from the state to restore early voting.",
    kind: "indirect",
    quote: "a request from the state to restore early voting",
    speaker: "court",
  },
  {
    name: "a quoted to-clause",
    text: "The senator urged voters to “stand firm” on the levy.",
    kind: "mixed",
    quote: "to “stand firm” on the levy",
    speaker: "senator",
  },
  {
    name: "a fronted phrase with a participle before subject and cue",
    text: "In a statement announcing the pick, the union cited her record on labor.",
    kind: "indirect",
    quote: "her record on labor",
    speaker: "union",
  },
  {
    name: "a claim after a fronted phrase before an inverted cue",
    text: "In the end, the dam failed, officials said.",
    kind: "indirect",
    quote: "In the end, the dam failed",
    speaker: "officials",
    anonymous: true,
  },
  {
    name: "a subject holding a relative clause with “that”",
    text: "A 2019 study that appeared in a medical journal found that half of the advice was wrong.",
    kind: "indirect",
    quote: "half of the advice was wrong",
    speaker: "journal",
  },
  {
    name: "an aside with the idiom “put it”",
    text: "As the minister put it in a statement on Friday, the talks were over.",
    kind: "indirect",
    quote: "the talks were over",
    speaker: "minister",
  },
  {
    name: "a verb after a conjunction belongs to the reporter's clause, not the object",
    text: "The poll indicates a tightening race as undecided voters turn to the governor.",
    kind: "indirect",
    quote: "a tightening race",
    speaker: "poll",
  },
  {
    name: "a second clause with a pronoun subject ends a stance's object",
    text: "The mayor is promising lower fares and “more buses,” but she has also raised parking fees.",
    kind: "mixed",
    quote: "lower fares and “more buses,”",
    speaker: "mayor",
  },
  {
    name: "a stance noun after “have”, held by the subject",
    text: "Several Democrats have serious reservations about the nominee.",
    kind: "indirect",
    quote: "the nominee",
    speaker: "Democrats",
  },
  {
    name: "an adjunct with “by” before the that-clause",
    text: "The mayor said by phone that the bridge was closed.",
    kind: "indirect",
    quote: "the bridge was closed",
    speaker: "mayor",
  },
  {
    name: "an idiom of stance with an irregular verb",
    text: "The mayor took offense at suggestions that he had lied.",
    kind: "indirect",
    quote: "suggestions that he had lied",
    speaker: "mayor",
  },
  {
    name: "a cue word inside a compound noun after a name is no cue",
    text: "The Ohio state attorney general is now confirming that the charity is not registered.",
    kind: "indirect",
    quote: "the charity is not registered",
    speaker: "attorney general",
  },
  {
    name: "the speaker's next act after a conjunction ends the claim",
    text: "The mayor claimed the clinic had closed, but offered no proof.",
    kind: "indirect",
    quote: "the clinic had closed",
    speaker: "mayor",
  },
  {
    name: "a pro-form standing for the claim",
    text: "The campaign manager said as much in an interview on Thursday.",
    kind: "indirect",
    quote: "as much",
    speaker: "manager",
  },
  {
    name: "“so” after a verb of thinking",
    text: "Is the plan too harsh? Governor Lena Hart does not think so.",
    kind: "indirect",
    quote: "so",
    speaker: "Hart",
  },
  {
    name: "a description after a stance verb whose object is a relative pronoun",
    text: "Nine people were hurt by a blast that the mayor described as “an intentional act.”",
    kind: "mixed",
    quote: "as “an intentional act.”",
    speaker: "mayor",
  },
  {
    name: "a participle cue coordinated with an earlier one",
    text: "The governor toured the town, praising the crews and saying the state would pay for repairs.",
    kind: "indirect",
    quote: "the state would pay for repairs",
    speaker: "governor",
  },
  {
    name: "a negation written with a typographic apostrophe",
    text: "But Attorney General Ana Ruiz isn’t saying if the charity broke any laws.",
    kind: "indirect",
    quote: "if the charity broke any laws",
    speaker: "Ruiz",
  },
  {
    name: "a contracted auxiliary with a typographic apostrophe",
    text: "The unions’ve argued that the law is void.",
    kind: "indirect",
    quote: "the law is void",
    speaker: "unions",
  },
  {
    name: "a relative clause's claim ends where the clause does",
    text: "Governor Lena Hart, who said the levees would hold, left the city on Friday.",
    kind: "indirect",
    quote: "the levees would hold",
    speaker: "Hart",
  },
  {
    name: "a quantifier floating after a plural subject",
    text: "The senators all said the bill would fail in the House.",
    kind: "indirect",
    quote: "the bill would fail in the House",
    speaker: "senators",
  },
  {
    name: "a quantifier after two named speakers and an auxiliary",
    text: "Mayor Ann Lee and Governor Cy Tam have both argued that the bridge is unsafe.",
    kind: "indirect",
    quote: "the bridge is unsafe",
    speaker: "Lee",
  },
  {
    name: "a stance verb after a modal, which the tagger reads as an adverb",
    text: "Among likely voters, 48 percent would back Mayor Lane.",
    kind: "indirect",
    quote: "Mayor Lane",
    speaker: "48 percent",
  },
  {
    name: "a present form between a subject noun and its object",
    text: "The film documents the rise of the prison trade.",
    kind: "indirect",
    quote: "the rise of the prison trade",
    speaker: "film",
  },
  {
    name: "a verb after a plural subject noun without a determiner",
    text: "Exit polls show a close race in the northern districts.",
    kind: "indirect",
    quote: "a close race in the northern districts",
    speaker: "polls",
  },
  {
    name: "a quoted exclamation does not end the content before “according to”",
    text: 'The governor was met with chants of "Lane!" at a union hall in May, according to union chief Ann Berg.',
    kind: "mixed",
    quote: 'The governor was met with chants of "Lane!" at a union hall in May',
    speaker: "Berg",
  },
  {
    name: "a negated aim after an adjunct of the cue",
    text: "The agency decided after a long review not to file charges against the firm.",
    kind: "indirect",
    quote: "not to file charges against the firm",
    speaker: "agency",
  },
  {
    name: "a voiced stance noun: what it stands toward follows its preposition",
    text: "Voting rights groups have expressed deep concern about the new rules.",
    kind: "indirect",
    quote: "the new rules",
    speaker: "groups",
  },
  {
    name: "a voiced noun that names no stance is the object",
    text: "The senator voiced her views at the hearing.",
    kind: "indirect",
    quote: "her views",
    speaker: "senator",
  },
  {
    name: "a ruling against something is a stance",
    text: "The appeals court ruled against the county's plan to close polling sites.",
    kind: "indirect",
    quote: "the county's plan to close polling sites",
    speaker: "court",
  },
  {
    name: "a relative pronoun after an object: the object is the subject",
    text: "The mayor met union leaders who have criticized the budget cuts.",
    kind: "indirect",
    quote: "the budget cuts",
    speaker: "leaders",
  },
  {
    name: "a relative pronoun after a preposition's object: only that object speaks",
    text: "The senator drew scrutiny from some who criticized the comment about the army.",
    kind: "indirect",
    quote: "the comment about the army",
    speaker: "some",
    anonymous: true,
  },
  {
    name: "painting someone as something is a stance",
    text: "On Monday night, Lane went on the attack, painting Moss as a friend of the banks.",
    kind: "indirect",
    quote: "Moss as a friend of the banks",
    speaker: "Lane",
  },
  {
    name: "a possessed announcement of something",
    text: "Traders were calmed by the minister's announcement of new limits on fuel exports.",
    kind: "indirect",
    quote: "new limits on fuel exports",
    speaker: "minister",
  },
  {
    name: "a number after “and” opens the next clause's subject",
    text: "In the poll, 46 percent would choose Moss and 41 percent would back Lane.",
    kind: "indirect",
    quote: "Lane",
    speaker: "41 percent",
  },
  {
    name: "a participle after a quotation whose comma sits inside the closing mark",
    text: 'In a statement, the firm said: "The plant ran at a profit," adding that its output doubled in a year.',
    kind: "indirect",
    quote: "its output doubled in a year",
    speaker: "firm",
  },
  {
    name: "saying after “aside from” is the clause subject's",
    text: "The governor refuses to name his picks, aside from saying he wants a varied cabinet.",
    kind: "indirect",
    quote: "he wants a varied cabinet",
    speaker: "governor",
  },
  {
    name: "saying after “for” is the subject's when nothing else is attributed",
    text: "The healer was fined for saying that the tea cured every illness.",
    kind: "indirect",
    quote: "the tea cured every illness",
    speaker: "healer",
  },
  {
    name: "a number heading its partitive speaks in an aside",
    text: "The island, as one of the forecasters noted, rarely gets two storms in a row.",
    kind: "indirect",
    quote: "The island, as one of the forecasters noted, rarely gets two storms in a row",
    speaker: "one of the forecasters",
    anonymous: true,
  },
  {
    name: "a fronted clause of time ends at its dash, before the main clause",
    text: "When the mayor noted that the pool had closed ― as it had in past summers ― her rival shrugged.",
    kind: "indirect",
    quote: "the pool had closed",
    speaker: "mayor",
  },
  {
    name: "a contrast with a subject of its own after the reported clause is the reporter's",
    text: "Early polls showed Lane had won the debate, but such polls are no measure of votes.",
    kind: "indirect",
    quote: "Lane had won the debate",
    speaker: "polls",
  },
  {
    name: "a contrast whose subject is a pronoun goes on with the speaker's words",
    text: "The coach said his team could win the cup, but he knows the odds are long.",
    kind: "indirect",
    quote: "his team could win the cup, but he knows the odds are long",
    speaker: "coach",
  },
  {
    name: "a stance's object goes on past a serial comma to its last item",
    text: "The candidate began by stressing fairness, and a need to raise the minimum wage.",
    kind: "indirect",
    quote: "fairness, and a need to raise the minimum wage",
    speaker: "candidate",
  },
  {
    name: "a serial comma before a last named item",
    text: "The survey group also views Ann Lee, Cy Tam, and Bo Ruiz more favorably than the mayor.",
    kind: "indirect",
    quote: "Ann Lee, Cy Tam, and Bo Ruiz more favorably than the mayor",
    speaker: "group",
  },
  {
    name: "a verb of judgement that links two things",
    text: "The governor repeatedly linked the outages to the utility's old cables.",
    kind: "indirect",
    quote: "the outages to the utility's old cables",
    speaker: "governor",
  },
  {
    name: "a verb of judgement that belittles",
    text: "The senator has belittled the agency's flood warnings.",
    kind: "indirect",
    quote: "the agency's flood warnings",
    speaker: "senator",
  },
  {
    name: "the object of a verb of causing speaks the cue after “to”",
    text: "The hearing forced the bank's chief to admit that no manager had been fired.",
    kind: "indirect",
    quote: "no manager had been fired",
    speaker: "chief",
  },
  {
    name: "the object of “led … to” holds the stance",
    text: "The raids led the journalist Ana Ruiz to fear a new crackdown.",
    kind: "indirect",
    quote: "a new crackdown",
    speaker: "Ruiz",
  },
  {
    name: "a participle after “, each” speaks for the clause's subject",
    text: "The two rivals spoke on Wednesday, each touting their own record.",
    kind: "indirect",
    quote: "their own record",
    speaker: "rivals",
  },
  {
    name: "a participle after “, with” + a noun phrase: that phrase speaks",
    text: "Averages show Lane with a narrow lead, with one tracker showing her ahead by 3 points.",
    kind: "indirect",
    quote: "her ahead by 3 points",
    speaker: "tracker",
  },
  {
    name: "a participle hangs on a long subject",
    text: "The Daily Planet and the Evening Courier filed a motion to open the files, arguing the public had a right to see them.",
    kind: "indirect",
    quote: "the public had a right to see them",
    speaker: "Planet",
  },
  {
    name: "a gerund after an opening preposition belongs to the main clause's subject",
    text: "In defending himself and his record, Moss offered a glimpse of his methods.",
    kind: "indirect",
    quote: "himself and his record",
    speaker: "Moss",
  },
  {
    name: "a participle opening the sentence belongs to the main clause's subject",
    text: "Citing the storm, port officials closed the harbor.",
    kind: "indirect",
    quote: "the storm",
    speaker: "officials",
    anonymous: true,
  },
  {
    name: "a stance's object ends before a serial comma that opens a clause",
    text: "The union praised the deal, and the workers returned to the plant.",
    kind: "indirect",
    quote: "the deal",
    speaker: "union",
  },
  {
    name: "a fronted concessive clause ends at its comma",
    text: "While a county judge found that the levy was unlawful, her ruling was overturned on appeal.",
    kind: "indirect",
    quote: "the levy was unlawful",
    speaker: "judge",
  },
  {
    name: "an aside after a lone connective: the words follow it",
    text: "But, as the forecasters noted, the island rarely gets two storms in a row.",
    kind: "indirect",
    quote: "the island rarely gets two storms in a row",
    speaker: "forecasters",
  },
  {
    name: "an agentless passive of expectation: the subject and its to-clause, an unnamed source",
    text: "The port is widely expected to reopen before the harvest.",
    kind: "indirect",
    quote: "The port is widely expected to reopen before the harvest",
    speaker: "unnamed",
    named: false,
    anonymous: true,
    cue: "expected",
  },
  {
    name: "an agentless passive of belief",
    text: "The village is believed to be mostly empty after the floods.",
    kind: "indirect",
    quote: "The village is believed to be mostly empty after the floods",
    speaker: "unnamed",
    named: false,
    anonymous: true,
  },
  {
    name: "an agentless passive of criticism: the object ends at the comma",
    text: "The agency has often been criticized for its slow response to floods, and its budget has shrunk.",
    kind: "indirect",
    quote: "The agency has often been criticized for its slow response to floods",
    speaker: "unnamed",
    named: false,
    anonymous: true,
    cue: "criticized",
  },
  {
    name: "a purpose clause after a verb of meeting voices the cue",
    text: "Farm ministers met in Lyon on Monday to discuss the grain tariffs.",
    kind: "indirect",
    quote: "the grain tariffs",
    speaker: "ministers",
    named: false,
    cue: "discuss",
  },
  {
    name: "a purpose clause after a medium the subject takes to",
    text: "The governor took to the radio late Sunday to accuse the utility of negligence.",
    kind: "indirect",
    quote: "the utility of negligence",
    speaker: "governor",
    named: false,
    cue: "accuse",
  },
  {
    name: "a carrier form used as a noun is skipped: the clause's verb carries the cue",
    text: "The senator spoke at a gathering of growers to discuss water rights.",
    kind: "indirect",
    quote: "water rights",
    speaker: "senator",
    named: false,
    cue: "discuss",
  },
  {
    name: "a declaration's noun-phrase object is what was declared",
    text: "The regional carrier declared bankruptcy after the fuel crisis.",
    kind: "indirect",
    quote: "bankruptcy",
    speaker: "carrier",
    named: false,
    cue: "declared",
  },
  {
    name: "a dateline before the first sentence is no part of the subject",
    text: "OSLO (Reuters) - Nordic fishing ministers said on Tuesday that the cod quota would be cut.",
    kind: "indirect",
    quote: "the cod quota would be cut",
    speaker: "ministers",
    named: false,
    cue: "said",
  },
  {
    name: "an opening participle of asking reports an unnamed asker's question",
    text: "Asked about the delay in the vote, the minister said the count was fair.",
    kind: "indirect",
    quote: "the delay in the vote",
    speaker: "unnamed",
    named: false,
    anonymous: true,
    cue: "Asked",
  },
  {
    name: "the main clause after an opening question keeps its own speaker",
    text: "When pressed on the cost, the mayor said the city would pay.",
    kind: "indirect",
    quote: "the city would pay",
    speaker: "mayor",
    named: false,
  },
  {
    name: "a received stance with a preposition: its object, from unnamed others",
    text: "The port authority has faced questions about its dredging contracts.",
    kind: "indirect",
    quote: "its dredging contracts",
    speaker: "unnamed",
    named: false,
    anonymous: true,
    cue: "faced questions",
  },
  {
    name: "a received stance without a preposition: the subject is its target",
    text: "The new logo has drawn ridicule online since its launch.",
    kind: "indirect",
    quote: "The new logo",
    speaker: "unnamed",
    named: false,
    anonymous: true,
  },
  {
    name: "a received stance from a named source",
    text: "The pension plan drew criticism from teachers' unions.",
    kind: "indirect",
    quote: "The pension plan",
    speaker: "unions",
    named: false,
  },
  {
    name: "an object before a dash that sets off the reporter's aside",
    text: "Three rural mayors announced their backing -- each of whom had opposed the dam in May.",
    kind: "indirect",
    quote: "their backing",
    speaker: "mayors",
    named: false,
  },
  {
    name: "a spaced hyphen sets off the aside too",
    text: "Two county judges announced their support - who had opposed the plan a year ago.",
    kind: "indirect",
    quote: "their support",
    speaker: "judges",
    named: false,
  },
  {
    name: "a list of places that ends in a place adverb",
    text: "The envoy cited unrest in Chad, Mali and elsewhere that he tied to the drought.",
    kind: "indirect",
    quote: "unrest in Chad, Mali and elsewhere that he tied to the drought",
    speaker: "envoy",
    named: false,
  },
  {
    name: "a list of places before the reporter's own clause",
    text: "The envoy cited unrest in Chad, Mali and elsewhere, and the talks broke off.",
    kind: "indirect",
    quote: "unrest in Chad, Mali and elsewhere",
    speaker: "envoy",
    named: false,
  },
  {
    name: "a list of acts in a relative clause inside the object",
    text: "The senator painted the banker as a man who hoarded cash, sold the mill and moved away.",
    kind: "indirect",
    quote: "the banker as a man who hoarded cash, sold the mill and moved away",
    speaker: "senator",
    named: false,
  },
  {
    name: "a second act of the subject after an object with no relative clause",
    text: "The senator criticized the banker, blamed the board and left the hearing early.",
    kind: "indirect",
    quote: "the banker",
    speaker: "senator",
    named: false,
  },
  {
    name: "an infinitive of purpose after the object is the reporter's",
    text: "The report highlights the deaths of Ana Ruiz and Cy Tam to help account for the protests.",
    kind: "indirect",
    quote: "the deaths of Ana Ruiz and Cy Tam",
    speaker: "report",
    named: false,
  },
  {
    name: "a noun's own to-clause stays inside the object",
    text: "The senator praised the county's plan to build a dam on the river.",
    kind: "indirect",
    quote: "the county's plan to build a dam on the river",
    speaker: "senator",
    named: false,
  },
  {
    name: "a quote resumes after an attribution with a participle of the reporter's",
    text: "“The road is closed,” Ana Ruiz said, waving at the barrier, “and it will stay closed.”",
    kind: "direct",
    quote: "The road is closed,” Ana Ruiz said, waving at the barrier, “and it will stay closed.",
    speaker: "Ruiz",
  },
  {
    name: "a participle of saying after the attribution reports on its own",
    text: "“The road is closed,” Ana Ruiz said, adding, “It will stay closed until May.”",
    kind: "direct",
    quote: "The road is closed,",
    speaker: "Ruiz",
  },
  {
    name: "a dash after the verb stays inside the reported clause",
    text: "The mayor announced the plant would close -- for good.",
    kind: "indirect",
    quote: "the plant would close -- for good",
    speaker: "mayor",
    named: false,
  },
];

describe("quotes: constructions", () => {
  it.each(cases)("$name", (c) => {
    const quotes = quotesOf(c.text);
    const q = quotes.find((x) => x.text === c.quote);
    expect(q, `quotes found: ${JSON.stringify(quotes.map((x) => x.text))}`).toBeDefined();
    if (!q) return;
    expect(q.kind).toBe(c.kind);
    const who = q.speaker.name ?? q.speaker.description ?? "";
    expect(who).toContain(c.speaker);
    if (c.named === false) expect(q.speaker.name).toBeNull();
    expect(q.speaker.anonymous).toBe(c.anonymous ?? false);
    if (c.channel) expect(q.channel?.name).toContain(c.channel);
    if (c.cue) expect(q.cue?.text).toBe(c.cue);
    expect(q.rule).toBeTruthy();
  });
});

describe("quotes: cues and subjects the tagger misreads", () => {
  it.each([
    {
      name: "a name read as a verb before a cue read as a noun",
      text: "The rules predate her tenure, though Cook notes they were set by her predecessor.",
      misread: "Cook",
      quote: "they were set by her predecessor",
      speaker: "Cook",
    },
    {
      name: "a name read as a verb opens the clause a participle hangs on",
      text: "Cook agreed to a short interview, answering questions about how the office has changed.",
      misread: "Cook",
      quote: "questions about how the office has changed",
      speaker: "Cook",
    },
  ])("$name", (c) => {
    const doc = analysed(c.text);
    // the case tests the tagger's misreading: it must still read the name as a verb
    expect(doc.nlp.tokens.find((t) => t.text === c.misread)?.pos).toBe("VERB");
    const quotes = extractQuotes(doc);
    const q = quotes.find((x) => x.text === c.quote);
    expect(q, `quotes found: ${JSON.stringify(quotes.map((x) => x.text))}`).toBeDefined();
    expect(q?.speaker.name).toContain(c.speaker);
  });

  it("reads a quoted word before its object after “to” as the aim's verb", () => {
    const quotes = quotesOf(
      'At the convention, Cruz exhorted delegates to "vote your conscience" in November.',
    );
    expect(quotes.map((q) => [q.text, q.speaker.name])).toEqual([
      ['to "vote your conscience" in November', "Cruz"],
    ]);
  });

  it.each([
    ["a quoted verb read as a noun", "Moss said the labels “lump” the honest traders with the crooks.", 1],
    ["a quoted noun before a time", "Moss said the word “losers” the next day.", 0],
  ])("a bare clause with %s", (_name, text, count) => {
    expect(quotesOf(text).filter((q) => q.rule === "say clause")).toHaveLength(count);
  });

  it("leaves a quoted noun with no object after “to” a noun", () => {
    const rules = quotesOf('Moss agreed to "changes" in the plan.').map((q) => q.rule);
    expect(rules).toEqual(["agree “quote”"]);
  });

  it.each([
    ["a noun after a determiner", "He read the notes they had left on the desk."],
    ["a misread name before a noun with no clause", "The board voted, and Cook notes were filed later."],
    ["a capitalised verb opening a sentence before its object", "Consider the notes they left behind."],
  ])("%s gives no quote", (_name, text) => {
    expect(quotesOf(text)).toEqual([]);
  });
});

describe("quotes: “that” before a noun and its prepositional phrase", () => {
  it.each([
    [
      "a clause whose subject has a phrase after it",
      "Moss said that aid for the mill would be cut.",
      "aid for the mill would be cut",
    ],
    [
      "a clause whose subject has an of-phrase",
      "Auditors found that most of the money went to consultants.",
      "most of the money went to consultants",
    ],
    [
      "a determiner before a phrase and a participle",
      "The court rejected that appeal in a ruling released Monday.",
      "that appeal",
    ],
  ])("%s", (_name, text, quote) => {
    expect(quotesOf(text).map((q) => q.text)).toEqual([quote]);
  });
});

describe("quotes: the speaker after an inverted cue", () => {
  it.each([
    {
      name: "an appositive ends its sentence before a quotation in the next paragraph",
      text: "Limits on foreign lenders led to their exit from all but two of the markets, said Paula K. Brenner, a senior adviser with the agency that regulates them.\n\n“The lack of balance is troubling,” said Omar Said, the head of the lenders' group.",
      content: "Limits on foreign lenders led to their exit from all but two of the markets",
      speaker: "Brenner",
    },
    {
      name: "a bare plural after a verb of saying is the speaker",
      text: "The talks will resume in May, said officials in the capital.",
      content: "The talks will resume in May",
      speaker: "officials",
    },
    {
      name: "a bare noun after a verb taking an object is its object",
      text: "One after another, the mining firms, including Keystone, declared bankruptcy.\n\n“Everybody knew what to expect,” Barrett said.",
      content: "bankruptcy",
      speaker: "firms",
    },
  ])("$name", (c) => {
    const quotes = quotesOf(c.text);
    const q = quotes.find((x) => x.text === c.content);
    expect(q, `quotes found: ${JSON.stringify(quotes.map((x) => x.text))}`).toBeDefined();
    expect(q?.speaker.name ?? q?.speaker.description).toContain(c.speaker);
  });
});

describe("quotes: verbs of reading out and singing, and objects with a relative aside", () => {
  it.each([
    ["a text that reads", "“The plant will close,” the letter read.", "The plant will close,", "letter"],
    [
      "a song sung",
      "The band leader called officials to the stage, singing “It is our time.”",
      "It is our time.",
      "band leader",
    ],
    [
      "a relative aside inside the object before the verb's preposition",
      "Moss repeatedly accused Ana Ruiz, who was born in Chile, of meeting with the rebels in May.",
      "Ana Ruiz, who was born in Chile, of meeting with the rebels",
      "Moss",
    ],
    [
      "a relative aside before a phrase of setting stays out",
      "Moss likened the fund to the bank, which lends to farmers, in an interview on Friday.",
      "the fund to the bank",
      "Moss",
    ],
  ])("%s", (_name, text, quote, speaker) => {
    const quotes = quotesOf(text);
    const q = quotes.find((x) => x.text === quote);
    expect(q, `quotes found: ${JSON.stringify(quotes.map((x) => x.text))}`).toBeDefined();
    expect(q?.speaker.name ?? q?.speaker.description).toContain(speaker);
  });

  it.each([
    [
      "a fronted phrase before a verb and a named object",
      "In a preview clip for her new show, Ruiz sings Bob Dylan’s “Hurricane” to the senator.",
    ],
    ["reading a text aloud", "He read the names of the dead aloud."],
    ["singing a song with no quotation", "She sang the national anthem before the game."],
  ])("%s gives no quote", (_name, text) => {
    expect(quotesOf(text)).toEqual([]);
  });
});

describe("quotes: a bare clause whose subject has a relative aside", () => {
  it.each([
    [
      "which",
      "Lee said the levy, which was approved in May, would hurt farmers.",
      "the levy, which was approved in May, would hurt farmers",
    ],
    [
      "who",
      "Lee said the mayor, who was absent, had opposed the plan.",
      "the mayor, who was absent, had opposed the plan",
    ],
  ])("after “%s”", (_name, text, quote) => {
    expect(quotesOf(text).map((q) => q.text)).toEqual([quote]);
  });

  it("leaves an aside after an object without a verb to the object", () => {
    expect(quotesOf("Lee praised the levy, which was approved in May, and left.").map((q) => q.text)).toEqual(
      ["the levy"],
    );
  });
});

describe("quotes: a list of deeds with the subject left out", () => {
  it("reports each item's verb and object with no speaker", () => {
    const quotes = quotesOf(
      "He has a long record.\n\nRepeats false claims about the vote, and mocks the judges.",
    );
    expect(quotes.map((q) => [q.text, q.rule, q.speaker.name, q.speaker.anonymous])).toEqual([
      ["false claims about the vote", "no subject: repeat object", null, false],
      ["the judges", "mock object", null, false],
    ]);
  });

  it.each([
    [
      "a plural noun before its preposition",
      "He has a long record.\n\nClaims of fraud have grown since May.",
    ],
    [
      "a noun before its preposition",
      "He has a long record.\n\nCalls for restraint grew louder in the capital.",
    ],
    ["an item inside a paragraph", "He has a long record. Repeats are common in the series."],
  ])("%s gives no quote", (_name, text) => {
    expect(quotesOf(text)).toEqual([]);
  });
});

describe("quotes: a claim noun with no holder", () => {
  it.each([
    {
      name: "after a preposition",
      text: "For years the firm has been shadowed by charges that it dumped waste in the river.",
      quote: "it dumped waste in the river",
      cue: "charges that",
    },
    {
      name: "after a determiner, with a passive clause",
      text: "The flood prompted a recognition that the levees were too low.",
      quote: "the levees were too low",
      cue: "recognition that",
    },
    {
      name: "after an existential “there be”",
      text: "But there was broad agreement that the army should withdraw its troops.",
      quote: "the army should withdraw its troops",
      cue: "agreement that",
    },
    {
      name: "after a participle and a preposition opening the sentence",
      text: "Amid rising concerns that the levee could not hold the river, residents were told to leave their homes.",
      quote: "the levee could not hold the river",
      cue: "concerns that",
    },
    {
      name: "after an adjective, with a passive clause after a modal",
      text: "The flood left a clear message that the levees must be raised.",
      quote: "the levees must be raised",
      cue: "message that",
    },
  ])("$name", (c) => {
    const quotes = quotesOf(c.text);
    const q = quotes.find((x) => x.text === c.quote);
    expect(q, `quotes found: ${JSON.stringify(quotes.map((x) => x.text))}`).toBeDefined();
    expect(q?.speaker).toMatchObject({ name: null, anonymous: false });
    expect(q?.cue?.text).toBe(c.cue);
    expect(q?.rule).toMatch(/: unheld$/);
  });

  it.each([
    ["a relative clause lacking its object", "Officials dropped the charges that the prosecutor filed."],
    ["a relative clause before a time", "Officials dropped the charges that the prosecutor filed last year."],
    ["a relative clause after a superlative", "It was the biggest worry that we have ever had."],
    ["a noun that names no claim", "The convoy was slowed by the fact that the roads were closed."],
    ["a claim noun with no that-clause", "The charges against the mayor were dropped."],
    [
      "a noun of a deal with a relative clause",
      "The two sides signed an agreement that allows trucks to cross.",
    ],
  ])("%s gives no quote", (_name, text) => {
    expect(quotesOf(text)).toEqual([]);
  });

  it("leaves an unheld claim inside someone's words to them", () => {
    const quotes = quotesOf("The vote sends a strong signal that voters want change, Lee said.");
    expect(quotes.map((q) => q.text)).toEqual(["The vote sends a strong signal that voters want change"]);
  });
});

describe("quotes: speakers of infinitives, relatives and questions", () => {
  it.each([
    {
      name: "an opening question with its asker after “by”",
      text: "Asked by reporters whether he would resign, the minister shook his head.",
      quote: "whether he would resign",
      speaker: "reporters",
    },
    {
      name: "an opening question after “when” with its asker",
      text: "When pressed by the moderator on the cost of the plan, Lane changed the subject.",
      quote: "the cost of the plan",
      speaker: "the moderator",
    },
    {
      name: "the subject of a relative clause after “in which”",
      text: "Crews worked in a valley in which residents fear the dam will burst.",
      quote: "the dam will burst",
      speaker: "residents",
    },
    {
      name: "an aim ends before a clause with its own subject",
      text: "The firms seek to cut costs and the unions want to keep every job.",
      quote: "to cut costs",
      speaker: "The firms",
    },
    {
      name: "an adjective of speed carries the cue after a copula",
      text: "The governor was quick to condemn the attack on the clinic.",
      quote: "the attack on the clinic",
      speaker: "The governor",
    },
    {
      name: "an adjective of ability carries the cue after a split “won't”",
      text: "The mayor won't be able to boast about the new bridge.",
      quote: "the new bridge",
      speaker: "The mayor",
    },
    {
      name: "the noun phrase after “for” is the infinitive's subject after an adjective",
      text: "The ruling made it difficult for the council to criticize the budget.",
      quote: "the budget",
      speaker: "the council",
    },
    {
      name: "a passive agent after the complement of a naming verb",
      text: "The healer has been called a fraud by fellow physicians.",
      quote: "The healer",
      speaker: "fellow physicians",
    },
    {
      name: "a passive agent after an “as” complement",
      text: "The stunt was dismissed as reckless by rival campaigns.",
      quote: "The stunt",
      speaker: "rival campaigns",
    },
    {
      name: "a hearer with a possessive before the to-clause",
      text: "The campaign has asked the network's anchor, the moderator, to check the claims.",
      quote: "to check the claims",
      speaker: "The campaign",
    },
    {
      name: "a stance of disagreement with its preposition",
      text: "The governor apparently disagrees with her former deputy.",
      quote: "her former deputy",
      speaker: "The governor",
    },
    {
      name: "a stance of taking sides",
      text: "The farm lobby sided with the striking nurses.",
      quote: "the striking nurses",
      speaker: "The farm lobby",
    },
    {
      name: "a participle between a determiner and its noun stays in the subject",
      text: "The losing bidder is expected to appeal the ruling.",
      quote: "The losing bidder is expected to appeal the ruling",
      speaker: "unnamed source",
    },
    {
      name: "a passive of asking before an indirect question",
      text: "The governor was once asked how the war would end.",
      quote: "The governor was once asked how the war would end",
      speaker: "unnamed source",
    },
    {
      name: "a headline label with a topic after “on”",
      text: "Lane on Taxes: The Rich Must Pay More\n\nSenator Ana Lane spoke in Ohio on Monday.",
      quote: "The Rich Must Pay More",
      speaker: "Lane",
    },
    {
      name: "a to-clause after a cue is no inverted attribution of a fronted phrase",
      text: "Railing against the plan, Lane vows to fight it in court.",
      quote: "to fight it in court",
      speaker: "Lane",
    },
    {
      name: "a title-case headline capitalises the verb of a to-clause",
      text: "Lane Vows To Rebuild Flooded Towns\n\nSenator Ana Lane spoke in Ohio on Monday.",
      quote: "To Rebuild Flooded Towns",
      speaker: "Lane",
    },
    {
      name: "a reported clause ends before a closing appositive of a name",
      text: "Critics say the funds would be better spent with Interpol, the police body that links most states.",
      quote: "the funds would be better spent with Interpol",
      speaker: "Critics",
    },
    {
      name: "a reported clause keeps a comma that opens no appositive",
      text: "Critics say the funds would be better spent in Lagos, where the need is greatest.",
      quote: "the funds would be better spent in Lagos, where the need is greatest",
      speaker: "Critics",
    },
    {
      name: "the object of a verb of causing may name two senators with titles and parties",
      text: "The testimony led Sens. Ann Marie Lee (D-Ore.) and Cyrus J. Tamworth (R-Utah) to invoke the old law.",
      quote: "the old law",
      speaker: "Cyrus J. Tamworth",
    },
  ])("$name", (c) => {
    const quotes = quotesOf(c.text);
    const q = quotes.find((x) => x.text === c.quote);
    expect(q, `quotes found: ${JSON.stringify(quotes.map((x) => x.text))}`).toBeDefined();
    expect(q?.speaker.name ?? q?.speaker.description).toBe(c.speaker);
  });

  it.each([
    [
      "a noun before “for” is no adjective of ease",
      "The roads reopened in time for the judges to hear the case.",
    ],
    ["an adjective of speed before a verb of no saying", "The roads were slow to clear after the storm."],
    ["an adjective of order before a verb of no saying", "The medics were first to arrive at the scene."],
    [
      "a participle of asking with an agent but no question",
      "Asked by the host, the guests stayed for dinner.",
    ],
    ["a passive naming verb with a particle", "The reservists were called up by the army."],
    ["a passive of asking before a request", "The guests were asked to leave."],
    ["a title-case “To” with no cue before it", "Ferry To Elba Sails Again After Storms"],
    ["a passive of asking before an adjunct", "The suspect was questioned for hours."],
    ["a label with a topic that names no one", "Update on Storms: The ferry resumed service on Monday."],
    [
      "an agent after the complement of a verb of no saying",
      "The bonds were held as collateral by the bank.",
    ],
  ])("%s", (_name, text) => {
    expect(quotesOf(text)).toEqual([]);
  });
});

describe("quotes: across sentences and paragraphs", () => {
  it("resolves a pronoun to the previous speaker", () => {
    const quotes = quotesOf(
      "Mayor Ivan Petrov said the water supply was restored on Tuesday. He added that schools would reopen next week.",
    );
    const added = quotes.find((q) => q.cue?.text === "added");
    expect(added?.speaker.name).toBe("Mayor Ivan Petrov");
    expect(added?.text).toBe("schools would reopen next week");
  });

  it("resolves a surname to the full name given earlier", () => {
    const quotes = quotesOf(
      "“We need more generators,” said Dr. Helen Park, a surgeon at the city hospital.\n\nPark said fuel supplies would last a week.",
    );
    expect(quotes.at(-1)?.speaker.name).toBe("Dr. Helen Park");
  });

  it("carries the speaker into a quote that runs over two paragraphs", () => {
    const quotes = quotesOf(
      "Samir Haddad, a shop owner, said: “The shelling started at dawn. We hid in the basement.\n\n“By noon the whole street was gone.”",
    );
    expect(quotes.map((q) => q.text)).toEqual([
      "The shelling started at dawn. We hid in the basement.",
      "By noon the whole street was gone.",
    ]);
    expect(quotes.every((q) => q.speaker.name === "Samir Haddad" && q.kind === "direct")).toBe(true);
  });

  it("joins a quote that goes on after a closing attribution", () => {
    const [q] = quotesOf("“The dam is holding,” said engineer Tomas Berg. “We check it every hour.”");
    expect(q?.text).toBe("The dam is holding,” said engineer Tomas Berg. “We check it every hour.");
  });

  it.each([
    [
      "after a short attribution and a conjunction",
      "“We rebuilt the school,” he said, but “the clinic is still closed.”",
      "We rebuilt the school,” he said, but “the clinic is still closed.",
    ],
    [
      "not after a long attribution and a conjunction",
      "“We rebuilt the school,” the regional governor wrote in a letter to the aid agencies, and “we will rebuild the clinic.”",
      "We rebuilt the school,",
    ],
  ])("resumes a quote %s", (_name, text, first) => {
    expect(quotesOf(text)[0]?.text).toBe(first);
  });

  it("gives a paragraph introduced by an outlet's colon to the outlet as channel", () => {
    const quotes = quotesOf(
      "The Associated Press reports:\n\nTwo aid convoys were ambushed near the border crossing, the drivers said.",
    );
    expect(quotes).toHaveLength(1);
    expect(quotes[0]?.speaker.description).toContain("drivers");
    expect(quotes[0]?.channel?.name).toBe("Associated Press");
  });

  it("makes an outlet around a claim the channel, not the speaker", () => {
    const quotes = quotesOf(
      "Army spokesman Yuri Kolesnik spoke on Monday. He warned that the “offensive could last for months,” notes Reuters.",
    );
    expect(quotes).toHaveLength(1);
    expect(quotes[0]?.speaker.name).toBe("Army spokesman Yuri Kolesnik".replace("Army spokesman ", ""));
    expect(quotes[0]?.channel?.name).toBe("Reuters");
  });

  it("flags unnamed speakers as anonymous when a later sentence says so", () => {
    const quotes = quotesOf(
      "The technicians said the reactor had been shut down safely. The technicians spoke on condition of anonymity.",
    );
    expect(quotes[0]?.speaker.anonymous).toBe(true);
  });

  it("keeps a stance inside reported words as part of them", () => {
    const quotes = quotesOf(
      "The envoy said the prime minister opposes the truce because it favours the rebels.",
    );
    expect(quotes.map((q) => q.text)).toEqual([
      "the prime minister opposes the truce because it favours the rebels",
    ]);
  });

  it.each([
    [
      "a belief inside reported words is part of them",
      "The envoy said she hopes the truce will hold, but she fears the militias will not disarm.",
      ["she hopes the truce will hold, but she fears the militias will not disarm"],
    ],
    [
      "a second speech act of the same speaker stays apart",
      "The envoy said the truce was holding, though she warned that the militias had not disarmed.",
      ["the truce was holding", "the militias had not disarmed"],
    ],
  ])("%s", (_name, text, expected) => {
    expect(quotesOf(text).map((q) => q.text)).toEqual(expected);
  });

  it.each([
    [
      "a quotation that ends its own sentence is not the content of the next cue",
      "“Nobody is above the law.” She adds, “Why would an honest man hide his records?”",
      ["Nobody is above the law.", "Why would an honest man hide his records?"],
    ],
    [
      "an aim with its own subject inside a that-clause stays in it",
      "Regulators feared that if the sale collapsed, the lender would threaten to seize the mine.",
      ["if the sale collapsed, the lender would threaten to seize the mine"],
    ],
    [
      "an aim ends before a second main clause",
      "The insurers agreed to release the funds, and the union also stepped in with a loan.",
      ["to release the funds"],
    ],
    [
      "an aim ends before a clause of purpose",
      "The lenders agreed to extend the deadline so the company could finish the cleanup.",
      ["to extend the deadline"],
    ],
    [
      "a stance verb's object ends before a second act after an adverb",
      "The inspectors praised the new levee but also had to order fresh repairs.",
      ["the new levee"],
    ],
    [
      "a second act after and is no clause of the first verb",
      "The general outlined his new plan and vowed to swiftly retake the valley.",
      ["his new plan", "to swiftly retake the valley"],
    ],
  ])("%s", (_name, text, expected) => {
    expect(quotesOf(text).map((q) => q.text)).toEqual(expected);
  });

  it("does not give a cited report's allegation to the one who cites it", () => {
    // The council's act is citing the reports, whole; the allegation inside them is not its claim.
    const quotes = quotesOf("The council cited news reports alleging that the mayor had lied.");
    expect(quotes.map((q) => [q.text, q.speaker.description])).toEqual([
      ["news reports alleging that the mayor had lied", "The council"],
    ]);
  });

  it("keeps an aim inside reported words as part of them", () => {
    const quotes = quotesOf("The mayor said she plans to rebuild the bridge before winter.");
    expect(quotes.map((q) => q.text)).toEqual(["she plans to rebuild the bridge before winter"]);
  });

  it.each([
    [
      "a quoted turn runs on over paragraphs with no label",
      '"HOST: Where were you when the dam broke?\n\n"MAYOR: I was at the town hall with the engineers.\n\n"We saw the water rise within minutes.\n\n"HOST: Did anyone warn you?',
      [
        ["Where were you when the dam broke?", "HOST"],
        ['I was at the town hall with the engineers.\n\n"We saw the water rise within minutes.', "MAYOR"],
        ["Did anyone warn you?", "HOST"],
      ],
    ],
    [
      "a stage direction ends a turn",
      '"MAYOR: We saw the water rise within minutes.\n\n"(CROSSTALK.)\n\n"HOST: Did anyone warn you at all?',
      [
        ["We saw the water rise within minutes.", "MAYOR"],
        ["Did anyone warn you at all?", "HOST"],
      ],
    ],
    [
      "an unquoted paragraph after a label is the reporter's",
      "MAYOR: We saw the water rise within minutes.\n\nThe town lost power for two days after the flood.",
      [["We saw the water rise within minutes", "MAYOR"]],
    ],
  ])("%s", (_name, text, expected) => {
    expect(quotesOf(text).map((q) => [q.text, q.speaker.name])).toEqual(expected);
  });

  it.each([
    [
      "an aim after a fronted phrase in a title-case line",
      "Railing Against The Budget, Mayor Vows To Rebuild The Old Bridge.",
      [["To Rebuild The Old Bridge", "Mayor"]],
    ],
    [
      "an aim after a fronted phrase in a sentence",
      "Railing against the budget, the mayor vowed to rebuild the old bridge.",
      [["to rebuild the old bridge", "the mayor"]],
    ],
  ])("%s is no content before the cue", (_name, text, expected) => {
    expect(quotesOf(text).map((q) => [q.text, q.speaker.name ?? q.speaker.description])).toEqual(expected);
  });

  it("reads a participle tagged as a noun before a name as a cue", () => {
    const quotes = quotesOf(
      "On Monday night, the governor leaned in hard, painting Smith as a reckless spender.",
    );
    expect(quotes.map((q) => q.text)).toEqual(["Smith as a reckless spender"]);
  });

  it.each([
    [
      "a mixed quote that ends in a quotation resumes after a closing attribution",
      "The summit did “too little,” the premier added on Twitter. “Without new policies on trade, the union risks a lot.”",
      [
        "The summit did “too little,” the premier added on Twitter. “Without new policies on trade, the union risks a lot.",
      ],
    ],
    [
      "a mixed quote that ends in the reporter's words does not resume",
      "The summit did “too little” for the farmers, the premier added. “Without new policies on trade, the union risks a lot.”",
      [
        "The summit did “too little” for the farmers",
        "Without new policies on trade, the union risks a lot.",
      ],
    ],
    [
      "a claim said twice over is one quote",
      "Mayor Lee said she felt the dam was worth saving because “most people rely on it,” she said. “We cannot let it fail.”",
      ["she felt the dam was worth saving because “most people rely on it,”", "We cannot let it fail."],
    ],
    [
      "a quoted programme title is part of the attribution",
      "“The port will reopen,” the minister said on Monday on Channel 4's “Morning Report.” “The repairs are done.”",
      [
        "The port will reopen,” the minister said on Monday on Channel 4's “Morning Report.” “The repairs are done.",
      ],
    ],
    [
      "a quoted clause after the cue is no title",
      "“The port will reopen,” the minister said on Monday, “but not this week.”",
      ["The port will reopen,” the minister said on Monday, “but not this week."],
    ],
    [
      "a stance verb's quotation after a colon is what was said",
      "Senator Ann Lowe scolded the minister: “You misled this committee about the cost of the dam,” she said.",
      ["You misled this committee about the cost of the dam,"],
    ],
  ])("%s", (_name, text, expected) => {
    expect(quotesOf(text).map((q) => q.text)).toEqual(expected);
  });

  it.each([
    [
      "an aim in a relative clause ends before the main clause's auxiliary",
      "The main reason that the mayor refuses to release the audit may be that it shows heavy losses.",
      "to release the audit",
    ],
    [
      "an aim keeps a relative clause of its own",
      "The mayor refuses to release the audit that the council may want to see.",
      "to release the audit that the council may want to see",
    ],
  ])("%s", (_name, text, first) => {
    expect(quotesOf(text)[0]?.text).toBe(first);
  });

  it("reads transcript labels", () => {
    const quotes = quotesOf("HOST: Where were you when the blast happened last night?");
    expect(quotes[0]?.speaker.name).toBe("HOST");
    expect(quotes[0]?.text).toBe("Where were you when the blast happened last night?");
  });
});

describe("quotes: an attribution inside reported words", () => {
  it.each([
    [
      "a finding inside a claim is the claimant's",
      "The mayor says an audit shows no funds were lost.",
      ["an audit shows no funds were lost"],
    ],
    [
      "an announcement inside a note is the noter's",
      "She notes that the board announced on Friday that the vote was delayed.",
      ["the board announced on Friday that the vote was delayed"],
    ],
    [
      "a stance inside a claim stays with the claim",
      "He said the minister opposes the deal.",
      ["the minister opposes the deal"],
    ],
    [
      "a stance noun inside a stance's object is part of it",
      "The campaign video then references the agency's criticism of the mayor.",
      ["the agency's criticism of the mayor"],
    ],
    [
      "a claim inside a stance's object is its own",
      "Critics seized on the minister's remarks, in which he said the port would close.",
      ["the minister's remarks, in which he said the port would close", "the port would close"],
    ],
    [
      "a report inside a sentence that a closing attribution relays is part of it",
      "The mine owner had told inspectors that the shaft was safe, but the state overruled him, an official added.",
      ["The mine owner had told inspectors that the shaft was safe, but the state overruled him"],
    ],
    [
      "a report inside the content of according to is part of it",
      "The lender broke the rules when it told investors that its losses were small, according to the regulator.",
      ["The lender broke the rules when it told investors that its losses were small"],
    ],
  ])("%s", (_name, text, expected) => {
    expect(quotesOf(text).map((q) => q.text)).toEqual(expected);
  });
});

describe("quotes: not speech", () => {
  it.each([
    ["a book title", "A worn copy of “The Long Winter” lay on the desk of the commander."],
    ["a scare quote", "The so-called “peace plan” was never published by the government."],
    ["a passive of an act is no speech", "The bridge was closed for repairs after the storm."],
    ["a passive of an act with a to-clause", "The clinic was built to serve three villages."],
    ["an agentless passive of a verb of no judgement", "The vote was called off after the storm."],
    [
      "an agentless passive after a predicate noun has no subject of its own",
      "Ruiz is also a donor to the party and has been mentioned as a future envoy.",
    ],
    ["an opening participle of asking with no question", "Pressed flowers lay on the kitchen table."],
    ["a received noun that is no stance", "The home side faced Brazil in the final."],
    ["a stance named before is no new one", "The farmers are facing this question every spring."],
    ["a purpose clause after a passive carrier", "The grant was used to promote the festival."],
    [
      "a purpose clause after a verb of no meeting",
      "The crews worked overnight to discuss nothing but repairs.",
    ],
    [
      "an agentless passive of a stance verb with a relative subject",
      "The envoy, who was praised for his patience, left.",
    ],
    ["a reporting noun", "The report was published on Monday by the ministry of health."],
    ["a reporter's own statement", "Heavy rain fell across the northern provinces for a third day."],
    [
      "a section label is no speaker",
      "Update: The ferry service resumed on Tuesday morning after the storm.",
    ],
    ["an attack on a place is no stance", "Rebels targeted a convoy near the border town."],
    ["a stance verb's one-word adverb is no object", "The council backed down after the protests."],
    [
      "a participle after a medium inside the subject",
      "The senator's tweets accusing the mayor of fraud were deleted within the hour.",
    ],
    ["a passive attack by an armed group is an act", "The convoy was attacked by gunmen near the border."],
    ["a passive with a means, not an agent", "The verdict was announced by phone shortly after noon."],
    ["an armed group's attack is an act", "Gunmen attacked a police post outside the provincial capital."],
    [
      "an armed group's demand named by a stance verb is an act",
      "Kremlin-backed militias, which hold the eastern towns, have for years been calling for the exit of the monitors.",
    ],
    [
      "a fronted phrase before an act with an object",
      "One after another, the mining firms closed their pits.",
    ],
    ["a fronted phrase before a passive", "In the banking scandal, customers were wrongly charged."],
    [
      "a claim noun without a holder as the subject",
      "The claim that the dam had cracked spread quickly online.",
    ],
    ["a noun that names no claim", "The fact that the roads were closed slowed the convoy."],
    ["an adjective that is no stance", "The road was certain to flood, and it was closed."],
    ["a passive stance verb without an agent", "The bridge was worried over for years."],
    ["a sound that echoes is no speech", "Explosions echoed across the valley before dawn."],
    [
      "a fronted adverbial clause before a subject and cue",
      "When the floods came last spring, the villagers said nothing.",
    ],
    ["a predicative adjective in -ing is no progressive", "The early harvest figures are promising."],
    ["a comparison with “as” is no aside", "As the rains came, the farmers said nothing."],
    ["a hyphen inside a word is no dash", "The well-known broker vowed nothing."],
    ["an aim noun without a holder", "A plan to rebuild the harbor was shelved in the spring."],
    ["an aim noun before a preposition", "Her plan for the harbor was shelved in the spring."],
    ["a stance noun without a holder", "Criticism of the port authority grew after the floods."],
    ["“as” after a passive stance verb", "The blast was described as an accident by nobody at all."],
    ["“so” opening the next clause is no pro-form", "The levee held, and so the mayor said nothing more."],
    ["a passive agent after a noun is no adjunct of saying", "It was a view echoed by everyone we met."],
    ["a stance-holder noun that is no predicate", "A critic of the plan left the hall early."],
    [
      "a case appealed to a court is no reported clause",
      "The groups appealed the case to the high court after the judge upheld the ban.",
    ],
    ["a clause of time after a verb of saying", "That was what the mayor said when she resigned in May."],
    ["a verb's object with a to-clause is no reported clause", "Analysts said goodbye to the old index."],
    ["a stance noun with another preposition", "His support in the northern districts grew in the spring."],
    ["an indefinite pronoun after the cue is what was said", "The port, which lost power, said nothing."],
    ["a determiner “that” before a noun is no clause", "The mayor said that part of the speech twice."],
    ["a plural noun before a relative “that” is no cue", "The farm claims that were filed late went unpaid."],
    ["an adverb after a copula, not a modal, is no cue", "The team will be back the next day."],
    [
      "a participle after “with” without a comma is the noun's",
      "The mayor arrived with a folder showing the budget.",
    ],
    ["a singular noun before a cue-like noun is a compound", "The talk show The View aired late."],
    ["a verb of causing before an act is no cue", "The floods forced the town to close its schools."],
    ["a view as a noun after a determiner is no cue", "The view from the dam was cleared by noon."],
    [
      "a noun's bare form before a name is no cue",
      "Border state Vermont is nearly 3 percent French Canadian.",
    ],
    [
      "a noun between a name and a title with “The” is no cue",
      "In a clip from his radio show The Hour, fans waved flags.",
    ],
    [
      "a noun before a title and a name is no cue",
      "Her niece, state Del. Ann Price, waved to the crowd at the rally.",
    ],
    [
      "saying after “goes without” is the writer's own",
      "It goes without saying that the levee must be raised.",
    ],
    [
      "a participle after a determiner and an adverb describes the noun",
      "He has aired their widely disputed figures for years.",
    ],
    [
      "saying after “refrained from” is no saying",
      "The healer refrained from saying that the tea cured anything.",
    ],
  ])("%s", (_name, text) => {
    expect(quotesOf(text)).toEqual([]);
  });
});

describe("quotes: hearers after the cue", () => {
  it.each([
    [
      "a hearer pronoun after a speaker with an age",
      "“The bridge will hold,” Mr. Tomas Haddad, 82, told me.",
      "Haddad",
    ],
    [
      "an outlet after a speaker with a long appositive",
      "“The bridge will hold,” Lena Marsh, the director of the roads agency and its founder, told The Daily Ledger.",
      "Marsh",
    ],
    ["a say verb still inverts", "“The bridge will hold,” warned the minister.", "minister"],
  ])("%s", (_name, text, speaker) => {
    const [quote] = quotesOf(text);
    expect(quote?.text).toBe("The bridge will hold,");
    expect(`${quote?.speaker.name} ${quote?.speaker.description}`).toContain(speaker);
  });
});

describe("quotes: number words open no names", () => {
  const text =
    "One of the two major candidates said the vote would be close. They said turnout would be high.";
  it.each([
    ["the partitive stays a description", 0, { name: null, description: "One of the two major candidates" }],
    ["a plural pronoun does not take the singular number word", 1, { anonymous: false }],
  ])("%s", (_name, index, speaker) => {
    const quote = quotesOf(text)[index];
    expect(quote?.speaker).toMatchObject(speaker);
    expect(quote?.speaker.name).not.toBe("One");
  });
});

describe("quotes: pronoun speakers", () => {
  it.each([
    [
      "the writer's first person stays the writer",
      "Defence Minister Arvid Holm toured the port on Monday. I believe the fleet will stay in the harbour.",
      "believe",
      { name: null, description: "I" },
    ],
    [
      "the writers' plural first person stays theirs",
      "Mayor Ivan Petrov opened the bridge on Tuesday. We believe the bridge will carry trucks by June.",
      "believe",
      { name: null, description: "We" },
    ],
    [
      "a relative pronoun the entity layer resolves takes that entity",
      "Aid groups met members of the Iraqi government, which said the crossing would reopen.",
      "said",
      { name: "Iraqi government" },
    ],
    [
      "a relative pronoun with a plural verb stays with the plural head",
      "Aid groups met members of the Iraqi government, who have said the crossing would reopen.",
      "said",
      { name: null, description: "members of the Iraqi government" },
    ],
    [
      "a third person still takes the person named before",
      "Mayor Ivan Petrov opened the bridge on Tuesday. He said the bridge will carry trucks by June.",
      "said",
      { name: "Ivan Petrov" },
    ],
  ])("%s", (_name, text, cue, speaker) => {
    const quote = withEntities(text).find((q) => q.cue?.text === cue);
    expect(quote?.speaker).toMatchObject(speaker);
  });
});

describe("quotes: messages an issuer put out", () => {
  it.each([
    [
      "the message itself",
      "The city sent a two-page letter on Thursday.",
      "a two-page letter",
      "city",
      "sent",
    ],
    [
      "a stance inside the message is the message's own",
      "The senator unleashed a flurry of posts mocking the governor's budget.",
      "a flurry of posts mocking the governor's budget",
      "senator",
      "unleashed",
    ],
    [
      "a participle that is no cue describes the message",
      "The campaign released an ad on Tuesday showing the mayor at a closed factory.",
      "an ad on Tuesday showing the mayor at a closed factory",
      "campaign",
      "released",
    ],
    [
      "a prepositional phrase goes with the message",
      "The president issued a statement in honor of the fallen firefighters.",
      "a statement in honor of the fallen firefighters",
      "president",
      "issued",
    ],
    [
      "a possessive message",
      "Back when he wrote his memoir, Lane lived in Ohio.",
      "his memoir",
      "he",
      "wrote",
    ],
    [
      "a form the tagger does not lemmatise",
      "Ruiz also retweeted a photo of the flooded square.",
      "a photo of the flooded square",
      "Ruiz",
      "retweeted",
    ],
    [
      "the topic of a spoken message",
      "For weeks, Ruiz stayed on script, delivering long speeches on farm policy.",
      "farm policy",
      "Ruiz",
      "delivering long speeches on",
    ],
    [
      "the to-clause of a request",
      "Two newspapers filed a motion to release the court files.",
      "to release the court files",
      "newspapers",
      "filed a motion",
    ],
    [
      "a non-restrictive relative clause goes on to its end",
      "The envoys met Mr. Haddad, who sent the premier a letter with a plan for the talks.",
      "a letter with a plan for the talks",
      "Haddad",
      "sent",
    ],
  ])("%s", (_name, text, quote, speaker, cue) => {
    const quotes = quotesOf(text);
    const q = quotes.find((x) => x.text === quote);
    expect(q, `quotes found: ${JSON.stringify(quotes.map((x) => x.text))}`).toBeDefined();
    expect(q?.speaker.name ?? q?.speaker.description ?? "").toContain(speaker);
    expect(q?.cue?.text).toBe(cue);
  });

  it.each([
    ["a parcel is no message", "He sent a package to his mother."],
    ["a report named as a subject", "The report on page 4 was wrong."],
    ["a message not put out", "The ministry did not release a statement."],
    ["a message only intended", "She declined to issue a statement."],
    ["a message named before", "The mayor signed the letter at noon."],
    ["a spoken message without a topic", "The governor delivered a speech in Toledo."],
    ["a plan without its aim", "The council filed a plan on Monday."],
  ])("no quote: %s", (_name, text) => {
    expect(quotesOf(text)).toEqual([]);
  });

  it.each([
    [
      "a participle of saying gives the words",
      "The agency issued a statement saying the port would reopen.",
      "the port would reopen",
    ],
    [
      "a relative clause of saying gives the words",
      "He released a note from her lawyer that says he is in good health.",
      "he is in good health",
    ],
    [
      "a participle after the comma gives the words",
      "A group of nurses sent a letter to the hospital board, calling for the director's dismissal.",
      "the director's dismissal",
    ],
  ])("the message's words, not the message: %s", (_name, text, quote) => {
    expect(quotesOf(text).map((q) => q.text)).toEqual([quote]);
  });

  it.each([
    [
      "a study finds",
      "A 2019 study by two economists found 14 cases of fraud in a million ballots.",
      ["14 cases of fraud in a million ballots"],
    ],
    ["an audit finds", "The audit found no evidence of tampering.", ["no evidence of tampering"]],
    ["a person's find is no finding", "Police found a body in the river on Sunday.", []],
  ])("what a document finds: %s", (_name, text, quotes) => {
    expect(quotesOf(text).map((q) => q.text)).toEqual(quotes);
  });

  it("an aside names the message its words came in", () => {
    const quotes = quotesOf(
      "As the finance minister put it in a letter to the budget committee in early May, the plan is “a fantasy.”",
    );
    expect(quotes.map((q) => [q.text, q.speaker.description ?? q.speaker.name])).toEqual([
      ["the plan is “a fantasy.”", "the finance minister"],
    ]);
  });
});

describe("quotes: a clause set in a poll", () => {
  it.each([
    [
      "an opening poll with a participle that describes it",
      "In the latest statewide poll, conducted in early May, Ruiz led Lane by 4 points among likely voters.",
      "Ruiz led Lane by 4 points among likely voters",
      "poll",
    ],
    [
      "a clause before the poll",
      "Lane did well in phone and street polls taken after the debate.",
      "Lane did well",
      "polls",
    ],
    [
      "a noun phrase before the poll",
      "The mayor's recent gains in some surveys of suburban voters may not last.",
      "The mayor's recent gains",
      "surveys",
    ],
  ])("%s", (_name, text, quote, speaker) => {
    const quotes = quotesOf(text);
    const q = quotes.find((x) => x.text === quote);
    expect(q, `quotes found: ${JSON.stringify(quotes.map((x) => x.text))}`).toBeDefined();
    expect(q?.speaker.name ?? q?.speaker.description ?? "").toContain(speaker);
  });

  it.each([
    [
      "a poll that dates a figure",
      "Her approval slipped from 61 percent in the last poll to 57 percent now.",
    ],
    ["a poll that is no adjunct", "The campaign spent heavily on polls this spring."],
    ["a poll with its own cue", "In the latest poll, most voters said the economy was their main worry."],
  ])("no poll finding: %s", (_name, text) => {
    expect(quotesOf(text).filter((q) => q.rule?.includes("poll"))).toEqual([]);
  });
});

describe("quotes: offsets and links", () => {
  it("keeps every span equal to the text it covers", () => {
    const doc = analysed(
      "“The battle is over,” said Brig. Gen. Noor Khan. Officials said the border would reopen, according to state media.",
    );
    const quotes = extractQuotes(doc);
    expect(quotes.length).toBeGreaterThan(1);
    for (const q of quotes) {
      expect(doc.text.slice(q.start, q.end)).toBe(q.text);
      if (q.cue) expect(doc.text.slice(q.cue.start, q.cue.end)).toBe(q.cue.text);
    }
  });

  it("links the speaker to the entity whose mention covers it", () => {
    const text = "Governor Maria Lopez said the evacuation order would be lifted on Thursday.";
    const doc = analysed(text);
    const at = doc.text.indexOf("Maria Lopez");
    const entity: Entity = {
      id: "e7",
      name: "Maria Lopez",
      type: "PERSON",
      mentions: [{ start: at, end: at + 11 }],
    };
    const [q] = quotesOf(text, [entity]);
    expect(q?.speaker.entity).toBe("e7");
  });

  it("declares that it uses the entity layer", () => {
    expect(quotesStage.uses).toContain("entities");
  });
});

describe("quotes: marks and lexicons", () => {
  it.each([
    ["curly", "He said “yes” twice.", ["yes"]],
    ["straight", 'He said "no" and "never".', ["no", "never"]],
    ["doubled apostrophes", "''It is over,'' she said.", ["It is over,"]],
    ["apostrophe is no mark", "The army’s chief’s office said nothing.", []],
    ["paragraph without a closing mark", "“First part.\n\n“Second part.”", ["First part.", "Second part."]],
  ])("pairs %s marks", (_name, text, inner) => {
    expect(pairQuoteMarks(text).map((s) => text.slice(s.innerStart, s.innerEnd))).toEqual(inner);
  });

  it.each([
    ["argue", ["argue", "argues", "argued", "arguing"]],
    ["deny", ["deny", "denies", "denied", "denying"]],
    ["stress", ["stress", "stresses", "stressed", "stressing"]],
    ["point out", ["point out", "points out", "pointed out", "pointing out"]],
  ])("inflects %s", (lemma, forms) => {
    expect(inflect(lemma)).toEqual(forms);
  });

  it("rejects a verb listed twice and upper-case lemmas", () => {
    const adjectives = { think: [], judge: [], intend: [] };
    const base = {
      say: ["say"],
      tell: [],
      think: [],
      judge: [],
      hear: [],
      intend: [],
      adjectives,
      nouns: [],
      aimNouns: [],
      stanceNouns: ["criticism of"],
      holderNouns: ["critic of"],
      agentlessPassives: ["say"],
      askingVerbs: ["say"],
      receivedStances: { nouns: ["criticism"], verbs: { face: ["faced"] } },
      purposeCarriers: { meet: ["met"] },
      forms: {},
    };
    expect(ReportingVerbsFile.safeParse({ ...base, say: ["say", "say"] }).success).toBe(false);
    expect(ReportingVerbsFile.safeParse({ ...base, say: ["Say"] }).success).toBe(false);
    expect(ReportingVerbsFile.safeParse({ ...base, nouns: ["claim", "claim"] }).success).toBe(false);
    expect(ReportingVerbsFile.safeParse({ ...base, aimNouns: ["Plan"] }).success).toBe(false);
    expect(ReportingVerbsFile.safeParse({ ...base, stanceNouns: ["criticism"] }).success).toBe(false);
    expect(ReportingVerbsFile.safeParse({ ...base, textVerbs: ["read", "read"] }).success).toBe(false);
    expect(ReportingVerbsFile.safeParse(base).success).toBe(true);
    expect(
      ReportingVerbsFile.safeParse({ ...base, adjectives: { ...adjectives, think: ["sure", "sure"] } })
        .success,
    ).toBe(false);
    expect(
      SourcesFile.safeParse({
        anonymousNouns: ["source", "source"],
        anonymityCues: [],
        unnamedDeterminers: [],
      }).success,
    ).toBe(false);
  });
});
