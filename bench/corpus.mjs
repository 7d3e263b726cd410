// The benchmark's fixed corpus, read at run time and never copied into the repository:
// news-length articles from the evaluation sets beside the repository (../shared/eval), or the
// project's example articles when that folder is absent. The order and selection are fixed so
// that two runs on one machine time the same texts.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const evalRoot = new URL("../../shared/eval/", import.meta.url);
const examplesRoot = new URL("../examples/articles/", import.meta.url);

/** Shorter eval texts are wire briefs, not news-length articles. */
const MIN_ARTICLE_CHARS = 1500;
/** Web pages are large (tens of kB of markup each): a fixed slice keeps the HTML figure quick. */
const HTML_PAGES = 20;

function readJsonl(url) {
  return readFileSync(url, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line));
}

/**
 * The articles, and the web pages when `pages` is set: reading the pages' file costs a process
 * tens of megabytes, which would count in the memory figures of tasks that never use them.
 * @param {{ pages?: boolean }} [options]
 * @returns {{ source: string, note: string | null, articles: {id: string, text: string, published: string | null}[], pages: {id: string, html: string}[] }}
 */
export function loadCorpus({ pages: withPages = false } = {}) {
  if (existsSync(new URL("quotes-polnear/docs.jsonl", evalRoot))) {
    const articles = [];
    for (const set of ["quotes-polnear", "times-timebank"]) {
      for (const record of readJsonl(new URL(`${set}/docs.jsonl`, evalRoot))) {
        if (typeof record.text === "string" && record.text.length >= MIN_ARTICLE_CHARS) {
          articles.push({
            id: `${set}/${record.id}`,
            text: record.text,
            published: record.published ?? null,
          });
        }
      }
    }
    const pagesUrl = new URL("body-scrapinghub/docs.jsonl", evalRoot);
    const pages =
      withPages && existsSync(pagesUrl)
        ? readJsonl(pagesUrl)
            .filter((record) => typeof record.html === "string")
            .slice(0, HTML_PAGES)
            .map((record) => ({ id: `body-scrapinghub/${record.id}`, html: record.html }))
        : [];
    return {
      source: "../shared/eval (quotes-polnear, times-timebank >= 1,500 chars; body-scrapinghub HTML)",
      note: null,
      articles,
      pages,
    };
  }
  if (!existsSync(examplesRoot)) {
    throw new Error("no corpus: neither ../shared/eval nor examples/articles/ exists beside the repository");
  }
  const names = readdirSync(examplesRoot).sort();
  const read = (name) => readFileSync(new URL(name, examplesRoot), "utf8");
  const articles = names
    .filter((name) => name.endsWith(".txt"))
    .map((name) => ({ id: `examples/${name}`, text: read(name), published: null }));
  if (articles.length === 0) throw new Error("no corpus: examples/articles/ holds no .txt article");
  const pages = names
    .filter((name) => withPages && name.endsWith(".html"))
    .map((name) => ({ id: `examples/${name}`, html: read(name) }));
  return {
    source: "examples/articles/*.txt and *.html",
    note: "../shared/eval is absent: timing the project's example articles instead (figures are not comparable)",
    articles,
    pages,
  };
}
