import { describe, expect, it } from "vitest";
import { detectLanguage } from "./language.js";

const english = "The minister said on Tuesday that the talks with the rebels would resume in the capital. ";
const french =
  "Le ministre a déclaré mardi que les négociations avec les rebelles reprendraient dans la capitale. ";

describe("detectLanguage", () => {
  it.each([
    ["a short English sentence", english, "en"],
    ["a long English article (decided by its opening)", english.repeat(60), "en"],
    ["a long French article", french.repeat(60), "fr"],
    ["a French article with an English opening line", english + french.repeat(60), "fr"],
    ["an English article opening with a French quotation", french.repeat(3) + english.repeat(60), "en"],
    ["no letters at all", "12 345 — 67", "und"],
  ])("%s", (_, text, language) => {
    expect(detectLanguage(text).language).toBe(language);
  });
});
