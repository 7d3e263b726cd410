// RSS and Atom feeds: the items' links (with title and date), and a fetcher that is polite to
// the sites behind them: at most N requests at a time to one host, a pause between two requests
// to the same host, a timeout and a size cap on every page.
import { DOMParser } from "linkedom";
import { normaliseDate } from "../../ingest/html.js";
import { readSource, type SourceInput } from "../../ingest/index.js";

export interface FeedItem {
  url: string | null;
  title: string | null;
  published: string | null;
  /** The item's own content, used when it links nowhere. */
  html: string | null;
}

/** Does this text look like an RSS or Atom document? */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 1000).trimStart();
  return /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:rss|feed|rdf:RDF)[\s>]/i.test(head);
}

type XmlElement = {
  tagName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  children: ArrayLike<XmlElement>;
};

function childrenNamed(parent: XmlElement, ...names: string[]): XmlElement[] {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  return Array.from(parent.children).filter((c) => wanted.has(c.tagName.toLowerCase()));
}

function childText(parent: XmlElement, ...names: string[]): string | null {
  const text = childrenNamed(parent, ...names)[0]?.textContent?.trim();
  return text ? text : null;
}

function descendants(root: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const child of Array.from(root.children)) {
    if (child.tagName.toLowerCase() === name) out.push(child);
    else descendants(child, name, out);
  }
  return out;
}

/** The items of an RSS 2.0, RSS 1.0 (RDF) or Atom feed, in feed order; relative links resolved. */
export function readFeed(xml: string, base?: string): FeedItem[] {
  const root = new DOMParser().parseFromString(xml, "text/xml") as unknown as XmlElement;
  const resolve = (href: string | null): string | null => {
    if (!href) return null;
    try {
      return new URL(href.trim(), base).href;
    } catch {
      return null;
    }
  };
  const items: FeedItem[] = [];
  // RSS: <item><link>URL</link><title/><pubDate/><description/></item>
  for (const item of descendants(root, "item")) {
    items.push({
      url: resolve(childText(item, "link", "guid")),
      title: childText(item, "title"),
      published: normaliseDate(childText(item, "pubDate", "dc:date")),
      html: childText(item, "content:encoded", "description"),
    });
  }
  // Atom: <entry><link rel="alternate" href="URL"/><title/><published/><content/></entry>
  for (const entry of descendants(root, "entry")) {
    const links = childrenNamed(entry, "link");
    const link = links.find((l) => (l.getAttribute("rel") ?? "alternate") === "alternate") ?? links[0];
    items.push({
      url: resolve(link?.getAttribute("href") ?? null),
      title: childText(entry, "title"),
      published: normaliseDate(childText(entry, "published", "updated")),
      html: childText(entry, "content", "summary"),
    });
  }
  return items;
}

export interface FetchPolicy {
  /** Requests in flight to one host at a time. */
  perHost: number;
  /** Pause between the starts of two requests to the same host, in ms. */
  delayMs: number;
  timeoutMs: number;
  maxBytes: number;
}

/** Fetches URLs through readSource, keeping to a per-host limit and pause. */
export class PoliteFetcher {
  private readonly hosts = new Map<string, { active: number; nextStart: number; waiting: (() => void)[] }>();
  constructor(private readonly policy: FetchPolicy) {}

  async fetch(url: string): Promise<SourceInput> {
    const host = new URL(url).host;
    await this.acquire(host);
    try {
      return await readSource(url, { maxBytes: this.policy.maxBytes, timeoutMs: this.policy.timeoutMs });
    } finally {
      this.release(host);
    }
  }

  private state(host: string) {
    let state = this.hosts.get(host);
    if (!state) this.hosts.set(host, (state = { active: 0, nextStart: 0, waiting: [] }));
    return state;
  }

  private async acquire(host: string): Promise<void> {
    const state = this.state(host);
    while (state.active >= this.policy.perHost) await new Promise<void>((wake) => state.waiting.push(wake));
    state.active++;
    const now = Date.now();
    const start = Math.max(now, state.nextStart);
    state.nextStart = start + this.policy.delayMs;
    if (start > now) await new Promise((wake) => setTimeout(wake, start - now));
  }

  private release(host: string): void {
    const state = this.state(host);
    state.active--;
    state.waiting.shift()?.();
  }
}
