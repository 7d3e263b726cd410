// HTML pages: the main content by @mozilla/readability over linkedom's DOM, then paragraphs
// from the block elements of that content. Title, byline and publication date come from the
// page's metadata (JSON-LD, Open Graph / article meta, <time>); <figcaption> becomes a caption.
// Scripts, styles and comments never reach the text: readability drops them and the block
// walker below reads text nodes only.
import { createRequire } from "node:module";
import type { Readability } from "@mozilla/readability";
import { ErrorCode, SitrepError } from "../core/errors.js";
import type { Block } from "./layout.js";

// The DOM and readability load on the first page, not at start-up: they take longer to load
// than a plain-text article takes to code, and most batches hold no HTML.
const requireCjs = createRequire(import.meta.url);
let domLibraries:
  | {
      parseHTML: typeof import("linkedom").parseHTML;
      Readability: typeof import("@mozilla/readability").Readability;
    }
  | undefined;
function htmlLibraries() {
  domLibraries ??= {
    parseHTML: (requireCjs("linkedom") as typeof import("linkedom")).parseHTML,
    Readability: (requireCjs("@mozilla/readability") as typeof import("@mozilla/readability")).Readability,
  };
  return domLibraries;
}

export interface HtmlContent {
  blocks: Block[];
  title: string | null;
  byline: string | null;
  published: string | null;
  language: string | null;
}

const BLOCK_TAGS = new Set([
  "P",
  "DIV",
  "SECTION",
  "ARTICLE",
  "MAIN",
  "HEADER",
  "FOOTER",
  "ASIDE",
  "BLOCKQUOTE",
  "PRE",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "LI",
  "UL",
  "OL",
  "DL",
  "DT",
  "DD",
  "TABLE",
  "TR",
  "TD",
  "TH",
  "FIGURE",
  "FIGCAPTION",
  "BR",
  "HR",
  "ADDRESS",
  "DETAILS",
  "SUMMARY",
  "CAPTION",
]);
const SKIP_TAGS = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "SVG",
  "IFRAME",
  "OBJECT",
  "BUTTON",
  "FORM",
]);

type DomNode = {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
};

export function readHtml(source: string, where?: string): HtmlContent {
  // A fragment ("<div><p>…") gets a document around it, so it has a body to read.
  const page = stripInert(source);
  const html = /<body[\s>]/i.test(page) ? page : `<!doctype html><html><body>${page}</body></html>`;
  const dom = htmlLibraries();
  const { document } = dom.parseHTML(html);
  const meta = readMetadata(document);
  // Readability mutates the document it is given: metadata is read first.
  // The article comes back as readability's own element, read in place: written out as HTML
  // and parsed again it would cost a quarter of the page's time and twice its garbage.
  let article: ReturnType<Readability<DomNode>["parse"]> = null;
  try {
    article = new dom.Readability<DomNode>(document as unknown as Document, {
      charThreshold: 200,
      serializer: (element) => element as unknown as DomNode,
    }).parse();
  } catch {
    article = null;
  }
  let blocks: Block[] = [];
  if (article?.content) blocks = walkBlocks(article.content);
  if (
    blocks
      .filter((b) => b.kind === undefined)
      .map((b) => b.text)
      .join(" ")
      .trim().length < 40
  ) {
    // Readability found nothing: fall back to the body's paragraphs, if there are any.
    const { document: fresh } = dom.parseHTML(html);
    blocks = fresh.body ? walkBlocks(fresh.body as unknown as DomNode) : [];
  }
  if (
    blocks
      .map((b) => b.text)
      .join(" ")
      .trim().length < 40
  ) {
    throw new SitrepError(ErrorCode.NO_CONTENT, "HTML page has no main content (no article text found)", {
      where,
    });
  }
  const title = meta.title ?? article?.title ?? null;
  const byline = meta.byline ?? article?.byline ?? null;
  const head: Block[] = [];
  if (title) head.push({ text: title, kind: "headline" });
  if (byline && byline.length < 200 && !blocks.some((b) => b.text.includes(byline))) {
    head.push({ text: byline, kind: "byline" });
  }
  // Drop paragraphs near the top that repeat the headline: it is already the headline section.
  const body = title ? blocks.filter((b, i) => i >= 12 || b.text.trim() !== title.trim()) : blocks;
  return {
    blocks: [...head, ...body],
    title,
    byline,
    published: meta.published ?? normaliseDate(article?.publishedTime ?? null),
    language: meta.language,
  };
}

/** Elements whose content is never text: scripts, styles, drawings and no-script fallbacks. */
const INERT = /<(script|style|svg|noscript)(?=[\s>/])([^>]*)>|<!--/gi;
/** A comment is cut to an empty one, not dropped: "By<!-- --> <!-- -->Reuters" keeps its text nodes apart. */
const EMPTY_COMMENT = "<!---->";
const LD_JSON = /\btype\s*=\s*["']?application\/ld\+json/i;

/**
 * The page without its scripts, styles, drawings and comment text, cut in one pass before parsing:
 * a news page is often more script than text, and every node the parser builds costs.
 * JSON-LD scripts stay (the metadata reads them).
 */
function stripInert(html: string): string {
  const lower = html.toLowerCase();
  let out = "";
  let kept = 0;
  INERT.lastIndex = 0;
  for (let m = INERT.exec(html); m; m = INERT.exec(html)) {
    const tag = m[1]?.toLowerCase();
    if (tag === "script" && LD_JSON.test(m[2]!)) continue;
    const close = tag ? `</${tag}` : "-->";
    const at = lower.indexOf(close, m.index + m[0].length);
    const end = at < 0 ? html.length : tag ? lower.indexOf(">", at) + 1 || html.length : at + 3;
    out += html.slice(kept, m.index) + (tag ? "" : EMPTY_COMMENT);
    kept = end;
    INERT.lastIndex = end;
  }
  return kept === 0 ? html : out + html.slice(kept);
}

/**
 * Paragraphs from the block structure of a DOM subtree: one per block element with text.
 * A short block that is mostly link text ("Home", "Sign In", "Most read") or a bare URL is
 * navigation that readability let through: it becomes boilerplate, not body.
 */
function walkBlocks(root: DomNode): Block[] {
  const blocks: Block[] = [];
  let buffer = "";
  let linkChars = 0;
  let kind: Block["kind"];
  const flush = () => {
    const text = buffer.replace(/\s+/g, " ").trim();
    if (text !== "") {
      const linkDensity = linkChars / Math.max(1, buffer.replace(/\s+/g, "").length);
      const navigation = (linkDensity > 0.6 && text.length < 120) || /^https?:\/\/\S+$/.test(text);
      const blockKind = kind ?? (navigation ? "boilerplate" : undefined);
      blocks.push(blockKind ? { text, kind: blockKind } : { text });
    }
    buffer = "";
    linkChars = 0;
  };
  const visit = (node: DomNode, inCaption: boolean, inLink: boolean) => {
    if (node.nodeType === 3) {
      const value = node.textContent ?? "";
      buffer += value;
      if (inLink) linkChars += value.replace(/\s+/g, "").length;
      return;
    }
    if (node.nodeType !== 1) return; // comments, processing instructions
    const tag = node.nodeName.toUpperCase();
    if (SKIP_TAGS.has(tag)) return;
    const isBlock = BLOCK_TAGS.has(tag);
    const caption = inCaption || tag === "FIGCAPTION";
    if (isBlock) {
      flush();
      kind = caption ? "caption" : undefined;
    }
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) visit(children[i]!, caption, inLink || tag === "A");
    if (isBlock) {
      flush();
      kind = inCaption ? "caption" : undefined;
    }
  };
  visit(root, false, false);
  flush();
  return blocks;
}

interface PageMeta {
  title: string | null;
  byline: string | null;
  published: string | null;
  language: string | null;
}

const META_KEY_ATTRIBUTES = ["name", "property", "itemprop"] as const;

// biome-ignore lint/suspicious/noExplicitAny: linkedom's document is loosely typed
function readMetadata(document: any): PageMeta {
  // One pass over the <meta> elements, not one selector query per property: a query for a
  // property the page lacks walks the whole DOM. The first element naming a property wins, as
  // `querySelector('meta[name="author"]')` would have it.
  const metaByKey = new Map<string, string | null>();
  for (const el of document.querySelectorAll("meta")) {
    for (const attribute of META_KEY_ATTRIBUTES) {
      const key = el.getAttribute(attribute);
      if (key === null || metaByKey.has(`${attribute}=${key}`)) continue;
      metaByKey.set(`${attribute}=${key}`, el.getAttribute("content")?.trim() || null);
    }
  }
  /** `metaContent("name", "author")`: the content of the first `<meta name="author">`, or null. */
  const metaContent = (attribute: (typeof META_KEY_ATTRIBUTES)[number], key: string): string | null =>
    metaByKey.get(`${attribute}=${key}`) ?? null;
  let title: string | null = null;
  let byline: string | null = null;
  let published: string | null = null;
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    for (const node of jsonLdNodes(script.textContent ?? "")) {
      const type = String(node["@type"] ?? "");
      if (!/Article|Posting|Report|NewsArticle|BlogPosting|WebPage/i.test(type)) continue;
      title ??= typeof node.headline === "string" ? node.headline : null;
      published ??= normaliseDate(typeof node.datePublished === "string" ? node.datePublished : null);
      const author = Array.isArray(node.author) ? node.author[0] : node.author;
      if (!byline && author) byline = typeof author === "string" ? author : (author.name ?? null);
    }
  }
  title ??= metaContent("property", "og:title") ?? metaContent("name", "twitter:title");
  if (!title) {
    const h1 = document.querySelector("h1")?.textContent?.replace(/\s+/g, " ").trim();
    title = h1 || document.querySelector("title")?.textContent?.trim() || null;
  }
  byline ??= metaContent("name", "author") ?? metaContent("property", "article:author");
  if (byline && /^https?:/.test(byline)) byline = null;
  published ??= normaliseDate(
    metaContent("property", "article:published_time") ??
      metaContent("name", "pubdate") ??
      metaContent("name", "publishdate") ??
      metaContent("name", "date") ??
      metaContent("name", "DC.date.issued") ??
      metaContent("itemprop", "datePublished") ??
      document.querySelector("time[datetime]")?.getAttribute("datetime") ??
      null,
  );
  const lang = document.documentElement?.getAttribute("lang")?.trim() || null;
  return { title: title ? title.trim() : null, byline, published, language: lang };
}

// biome-ignore lint/suspicious/noExplicitAny: JSON-LD is untyped
function jsonLdNodes(source: string): any[] {
  try {
    const data = JSON.parse(source);
    // biome-ignore lint/suspicious/noExplicitAny: JSON-LD is untyped
    const out: any[] = [];
    // biome-ignore lint/suspicious/noExplicitAny: JSON-LD is untyped
    const visit = (x: any) => {
      if (Array.isArray(x)) x.forEach(visit);
      else if (x && typeof x === "object") {
        out.push(x);
        if (x["@graph"]) visit(x["@graph"]);
      }
    };
    visit(data);
    return out;
  } catch {
    return [];
  }
}

/** "2018-02-05T10:00:00Z" -> "2018-02-05"; anything unparseable -> null. */
export function normaliseDate(value: string | null): string | null {
  if (!value) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const t = Date.parse(value);
  if (Number.isNaN(t)) return null;
  return new Date(t).toISOString().slice(0, 10);
}

/** Does this text look like an HTML document rather than prose? */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2000).trimStart().toLowerCase();
  return (
    head.startsWith("<!doctype html") ||
    head.startsWith("<html") ||
    /<(?:head|body|article|div|p)[\s>]/.test(head)
  );
}
