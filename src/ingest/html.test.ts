import { describe, expect, it } from "vitest";
import { ErrorCode } from "../core/errors.js";
import { ingest } from "./index.js";

const page = (body: string, head = "") =>
  `<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`;
const PARAS = [
  "GENEVA (AP) — The foreign ministers met in Geneva on Tuesday for a second round of talks on the border, diplomats said.",
  "The talks lasted about six hours and will resume next month, according to a statement from the hosts.",
  "Both sides agreed to withdraw troops from three disputed villages by the end of June, a diplomat said.",
].map((p) => `<p>${p}</p>`);

describe("HTML ingest", () => {
  it("keeps the article and drops navigation, scripts, styles and comments", () => {
    const doc = ingest({
      html: page(
        `<nav><a href="/">Home</a><a href="/world">World news section</a></nav><article><h1>Talks Resume</h1>${PARAS[0]}<script>var secret = "TRACKER";</script><!-- COMMENT-MARKER -->${PARAS[1]}<style>.x{color:red}</style>${PARAS[2]}</article><footer>Footer links and more</footer>`,
      ),
    });
    expect(doc.text).toContain("The foreign ministers met in Geneva");
    expect(doc.text).toContain("withdraw troops from three disputed villages");
    for (const junk of ["TRACKER", "COMMENT-MARKER", "color:red", "World news section"])
      expect(doc.text).not.toContain(junk);
  });

  it("reads title, byline and date from metadata, and figure captions as captions", () => {
    const doc = ingest({
      html: page(
        `<article><h1>Talks Resume</h1><figure><img src="a.jpg"><figcaption>Delegates arrive at the talks in Geneva, Monday, May 13, 2024.</figcaption></figure>${PARAS.join("")}</article>`,
        `<title>Talks Resume | Desk</title><meta property="og:title" content="Talks Resume"><script type="application/ld+json">{"@type":"NewsArticle","headline":"Talks Resume","datePublished":"2024-05-14T09:30:00Z","author":{"name":"Lena Hoffmann"}}</script>`,
      ),
    });
    expect(doc.meta.title).toBe("Talks Resume");
    expect(doc.meta.published).toBe("2024-05-14");
    const section = (kind: string) =>
      doc.sections.filter((s) => s.kind === kind).map((s) => doc.text.slice(s.start, s.end));
    expect(section("headline")).toEqual(["Talks Resume"]);
    expect(section("byline")).toEqual(["Lena Hoffmann"]);
    expect(section("caption")).toEqual(["Delegates arrive at the talks in Geneva, Monday, May 13, 2024."]);
    expect(section("dateline")).toEqual(["GENEVA (AP) —"]);
  });

  it.each([
    [
      "article:published_time",
      `<meta property="article:published_time" content="2023-01-02T10:00:00+02:00">`,
      "2023-01-02",
    ],
    ["<time datetime>", "", "2022-12-31"],
  ])("publication date from %s", (_n, head, expected) => {
    const doc = ingest({
      html: page(
        `<article><time datetime="2022-12-31T08:00:00Z">Dec 31</time>${PARAS.join("")}</article>`,
        head,
      ),
    });
    expect(doc.meta.published).toBe(expected);
  });

  it("takes the publication date from a dated dateline when the page has none", () => {
    const doc = ingest({
      text: "Talks End\n\nWASHINGTON, Feb. 5, 2018 (AP) — The talks ended without a deal on Monday, officials said.",
    });
    expect(doc.meta.published).toBe("2018-02-05");
  });

  it("malformed HTML still yields its text", () => {
    const doc = ingest({
      html: `<div><p>${PARAS[0]!.replace(/<\/?p>/g, "")}<p>${PARAS[1]!.replace(/<\/?p>/g, "")}<b><i>unclosed`,
    });
    expect(doc.text).toContain("The foreign ministers met");
    expect(doc.text).toContain("The talks lasted about six hours");
  });

  it("a page with no content is E_NO_CONTENT", () => {
    expect(() => ingest({ html: page("<nav><a href='/'>Home</a></nav>") })).toThrow(
      expect.objectContaining({ code: ErrorCode.NO_CONTENT }),
    );
  });
});
