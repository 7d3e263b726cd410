// The default archive: one SQLite file in WAL mode. Each `put` is one transaction, so a process
// killed mid-batch leaves the file as it was after the last committed batch; article ids are
// content hashes and source keys are unique, so running the same ingest again adds nothing twice.
import Database from "better-sqlite3";
import { ErrorCode, SitrepError } from "../core/errors.js";
import type { Entity, Event, SitrepDocument } from "../core/schema.js";
import { MIGRATIONS } from "./migrations.js";
import {
  BANDS,
  bandKeys,
  bodyText,
  COPY_THRESHOLD,
  fromBytes,
  signature,
  similarity,
  toBytes,
} from "./similarity.js";
import {
  type ArchiveStore,
  ArticleQuery,
  type ArticleSummary,
  EntityQuery,
  type EntityRow,
  EventQuery,
  type EventRow,
  type Page,
  type PutOutcome,
  QuoteQuery,
  type QuoteRow,
  type StoreInput,
  type StoreStats,
  type TimelineBucket,
} from "./types.js";

export const DEFAULT_DB = "sitrep.db";

/** Candidates compared in full when looking for the original of a copy. */
const MAX_CANDIDATES = 50;

/** The outlet behind a source: the host name of its URL without "www." ("apnews.com"). */
export function outletOf(source: string | null): string | null {
  if (!source || !/^https?:\/\//i.test(source)) return null;
  try {
    return new URL(source).hostname.replace(/^www\./, "").toLowerCase();
  } catch {
    return null;
  }
}

/** The date an event happened: its own time when that names a calendar date, else the article's. */
function eventDate(doc: SitrepDocument, event: Event): string | null {
  const time = event.time ? doc.times.find((t) => t.id === event.time) : undefined;
  if (time && /^\d{4}-\d{2}-\d{2}/.test(time.value)) return time.value.slice(0, 10);
  return doc.article.published?.slice(0, 10) ?? null;
}

/** User words to an FTS5 query: each word quoted, so `"` or `AND` in a search cannot break it. */
function ftsQuery(q: string): string | null {
  const words = q.match(/[\p{L}\p{N}]+\*?/gu);
  if (!words) return null;
  return words.map((w) => (w.endsWith("*") ? `"${w.slice(0, -1)}"*` : `"${w}"`)).join(" ");
}

function likePattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Conditions for a date column against `from`/`to`, which may be YYYY or YYYY-MM prefixes. */
function dateRange(column: string, from: string | undefined, to: string | undefined, params: unknown[]) {
  const where: string[] = [];
  if (from) {
    where.push(`${column} >= ?`);
    params.push(from);
  }
  if (to) {
    where.push(`substr(${column}, 1, ${to.length}) <= ?`);
    params.push(to);
  }
  return where;
}

export class SqliteStore implements ArchiveStore {
  readonly db: Database.Database;
  private readonly statements: ReturnType<SqliteStore["prepare"]>;

  constructor(file: string = DEFAULT_DB) {
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    // WAL with NORMAL sync survives a killed process; only a power cut can lose the last batch.
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("foreign_keys = ON");
    this.db.pragma("busy_timeout = 5000");
    this.migrate();
    this.statements = this.prepare();
  }

  private migrate(): void {
    const version = this.db.pragma("user_version", { simple: true }) as number;
    if (version > MIGRATIONS.length) {
      throw new Error(
        `the archive was written by a newer sitrep (schema ${version}, this one knows ${MIGRATIONS.length})`,
      );
    }
    this.db.transaction(() => {
      for (let v = version; v < MIGRATIONS.length; v++) this.db.exec(MIGRATIONS[v]!);
      this.db.pragma(`user_version = ${MIGRATIONS.length}`);
    })();
  }

  private prepare() {
    const db = this.db;
    return {
      sourceArticle: db.prepare("SELECT article_id FROM sources WHERE key = ?").pluck(),
      articleStory: db.prepare("SELECT story_id FROM articles WHERE id = ?").pluck(),
      insertSource: db.prepare(
        "INSERT OR IGNORE INTO sources (key, article_id, outlet, seen_at) VALUES (?, ?, ?, ?)",
      ),
      insertArticle: db.prepare(
        `INSERT INTO articles (id, story_id, copy_of, similarity, title, published, language, source, outlet,
          n_events, n_quotes, doc, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertFts: db.prepare("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)"),
      band: db.prepare("SELECT article_id FROM minhash_bands WHERE band = ? AND value = ? LIMIT 20").pluck(),
      signature: db.prepare("SELECT signature FROM minhash WHERE article_id = ?").pluck(),
      insertSignature: db.prepare("INSERT INTO minhash (article_id, signature) VALUES (?, ?)"),
      insertBand: db.prepare("INSERT INTO minhash_bands (band, value, article_id) VALUES (?, ?, ?)"),
      insertEntity: db.prepare(
        `INSERT INTO entities (article_id, id, name, type, description, actor_code, country, sector, mentions,
          n_mentions, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertQuote: db.prepare(
        `INSERT INTO quotes (article_id, id, start, "end", text, kind, speaker, speaker_entity, description,
          anonymous, cue, cue_start, cue_end, channel, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertPlace: db.prepare(
        `INSERT INTO places (article_id, id, start, "end", text, name, country, lat, lon, feature_type, geoname_id,
          rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertTime: db.prepare(
        `INSERT INTO times (article_id, id, start, "end", text, type, value, mod, rule)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertQuantity: db.prepare(
        `INSERT INTO quantities (article_id, id, start, "end", text, value, low, high, approximate, unit, counts,
          rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertEvent: db.prepare(
        `INSERT INTO events (article_id, id, type, mode, cameo, trigger_start, trigger_end, trigger,
          sentence_start, sentence_end, sentence, actor1, actor1_code, actor2, actor2_code, place_id, place,
          country, lat, lon, precision, time_id, date, fatalities, modality, attribution, rule)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      countStory: db.prepare(
        `INSERT INTO stories (id, num_articles, num_sources)
          SELECT a.story_id, count(*), count(DISTINCT coalesce(s.outlet, ''))
          FROM sources s JOIN articles a ON a.id = s.article_id WHERE a.story_id = ? GROUP BY a.story_id
          ON CONFLICT (id) DO UPDATE SET num_articles = excluded.num_articles,
            num_sources = excluded.num_sources`,
      ),
      document: db.prepare("SELECT doc FROM articles WHERE id = ?").pluck(),
    };
  }

  async put(inputs: readonly StoreInput[]): Promise<PutOutcome[]> {
    // IMMEDIATE takes the write lock up front, so two ingests into one file wait for each other
    // (busy_timeout) instead of failing when one's read turns into a write.
    return this.db
      .transaction(() => {
        const touched = new Set<string>();
        const outcomes = inputs.map((input) => this.putOne(input, touched));
        for (const story of touched) this.statements.countStory.run(story);
        return outcomes;
      })
      .immediate();
  }

  private putOne(input: StoreInput, touched: Set<string>): PutOutcome {
    const s = this.statements;
    const { doc, sourceKey } = input;
    const id = doc.article.id;
    const now = new Date().toISOString();
    const outlet = outletOf(doc.article.source);

    const known = s.sourceArticle.get(sourceKey) as string | undefined;
    if (known !== undefined) {
      return { id: known, status: "duplicate", story: s.articleStory.get(known) as string };
    }
    const existingStory = s.articleStory.get(id) as string | undefined;
    if (existingStory !== undefined) {
      s.insertSource.run(sourceKey, id, outlet, now);
      touched.add(existingStory);
      return { id, status: "duplicate", story: existingStory };
    }

    const sig = signature(bodyText(doc));
    const original = sig ? this.findOriginal(sig) : null;
    const story = original ? (s.articleStory.get(original.id) as string) : id;
    const info = s.insertArticle.run(
      id,
      story,
      original?.id ?? null,
      original?.similarity ?? null,
      doc.article.title,
      doc.article.published?.slice(0, 10) ?? null,
      doc.article.language,
      doc.article.source,
      outlet,
      doc.events.length,
      doc.quotes.length,
      JSON.stringify(doc),
      now,
    );
    s.insertFts.run(info.lastInsertRowid, doc.article.title ?? "", doc.article.text);
    if (sig) {
      s.insertSignature.run(id, toBytes(sig));
      for (const [band, value] of bandKeys(sig).entries()) s.insertBand.run(band, value, id);
    }
    this.putLayers(doc);
    s.insertSource.run(sourceKey, id, outlet, now);
    touched.add(story);
    return original ? { id, status: "stored", story, copyOf: original.id } : { id, status: "stored", story };
  }

  private findOriginal(sig: Uint32Array): { id: string; similarity: number } | null {
    const s = this.statements;
    const keys = bandKeys(sig);
    const candidates = new Set<string>();
    for (let band = 0; band < BANDS && candidates.size < MAX_CANDIDATES; band++) {
      for (const id of s.band.all(band, keys[band]) as string[]) candidates.add(id);
    }
    let best: { id: string; similarity: number } | null = null;
    for (const id of candidates) {
      const bytes = s.signature.get(id) as Buffer | undefined;
      if (!bytes) continue;
      const score = similarity(sig, fromBytes(bytes));
      if (score >= COPY_THRESHOLD && (!best || score > best.similarity)) best = { id, similarity: score };
    }
    return best;
  }

  private putLayers(doc: SitrepDocument): void {
    const s = this.statements;
    const id = doc.article.id;
    const text = doc.article.text;
    const entities = new Map<string, Entity>(doc.entities.map((e) => [e.id, e]));
    const places = new Map(doc.places.map((p) => [p.id, p]));
    for (const e of doc.entities) {
      s.insertEntity.run(
        id,
        e.id,
        e.name,
        e.type,
        e.description ?? null,
        e.actor?.code ?? null,
        e.actor?.country ?? null,
        e.actor?.sector ?? null,
        JSON.stringify(e.mentions),
        e.mentions.length,
        e.rule ?? null,
      );
    }
    for (const q of doc.quotes) {
      s.insertQuote.run(
        id,
        q.id,
        q.start,
        q.end,
        q.text,
        q.kind,
        q.speaker.name,
        q.speaker.entity ?? null,
        q.speaker.description ?? null,
        q.speaker.anonymous ? 1 : 0,
        q.cue?.text ?? null,
        q.cue?.start ?? null,
        q.cue?.end ?? null,
        q.channel?.name ?? null,
        q.rule ?? null,
      );
    }
    for (const p of doc.places) {
      s.insertPlace.run(
        id,
        p.id,
        p.start,
        p.end,
        p.text,
        p.name,
        p.country,
        p.lat,
        p.lon,
        p.featureType,
        p.geonameId ?? null,
        p.rule ?? null,
      );
    }
    for (const t of doc.times) {
      s.insertTime.run(id, t.id, t.start, t.end, t.text, t.type, t.value, t.mod ?? null, t.rule ?? null);
    }
    for (const q of doc.quantities) {
      s.insertQuantity.run(
        id,
        q.id,
        q.start,
        q.end,
        q.text,
        q.value ?? null,
        q.low ?? null,
        q.high ?? null,
        q.approximate ? 1 : 0,
        q.unit ?? null,
        q.counts ?? null,
        q.rule ?? null,
      );
    }
    for (const ev of doc.events) {
      const actor1 = ev.source[0] ? entities.get(ev.source[0]) : undefined;
      const actor2 = ev.target[0] ? entities.get(ev.target[0]) : undefined;
      const place = ev.place ? places.get(ev.place) : undefined;
      s.insertEvent.run(
        id,
        ev.id,
        ev.type,
        ev.mode ?? null,
        ev.cameo ?? null,
        ev.trigger.start,
        ev.trigger.end,
        ev.trigger.text,
        ev.sentence.start,
        ev.sentence.end,
        text.slice(ev.sentence.start, ev.sentence.end),
        actor1?.name ?? null,
        actor1?.actor?.code ?? null,
        actor2?.name ?? null,
        actor2?.actor?.code ?? null,
        place?.id ?? null,
        place?.name ?? null,
        place?.country.toUpperCase() ?? null,
        place?.lat ?? null,
        place?.lon ?? null,
        place?.precision ?? null,
        ev.time ?? null,
        eventDate(doc, ev),
        ev.fatalities ?? null,
        ev.modality,
        ev.attribution ?? null,
        ev.rule ?? null,
      );
    }
  }

  async knownSources(keys: readonly string[]): Promise<Set<string>> {
    const known = new Set<string>();
    for (const key of keys) if (this.statements.sourceArticle.get(key) !== undefined) known.add(key);
    return known;
  }

  async document(id: string): Promise<SitrepDocument | null> {
    const json = this.statements.document.get(id) as string | undefined;
    return json === undefined ? null : (JSON.parse(json) as SitrepDocument);
  }

  async articles(query: ArticleQuery): Promise<Page<ArticleSummary>> {
    const q = ArticleQuery.parse(query);
    const params: unknown[] = [];
    const where = dateRange("a.published", q.from, q.to, params);
    let from = "articles a";
    let snippet = "NULL";
    let order = "a.published DESC, a.rowid DESC";
    const match = q.q ? ftsQuery(q.q) : null;
    if (q.q && !match) return { total: 0, items: [] };
    if (match) {
      from = "articles_fts f JOIN articles a ON a.rowid = f.rowid";
      where.unshift("articles_fts MATCH ?");
      params.unshift(match);
      snippet = "snippet(articles_fts, 1, '', '', ' … ', 16)";
      order = "f.rank";
    }
    if (q.story) {
      where.push("a.story_id = ?");
      params.push(q.story);
    }
    if (q.sameStoryAs) {
      where.push("a.story_id = (SELECT story_id FROM articles WHERE id = ?)");
      params.push(q.sameStoryAs);
    }
    const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
    const page = this.page<ArticleSummary & { snippet: string | null }>(
      `a.id, a.title, a.published, a.source, a.outlet, a.story_id AS story, a.copy_of AS copyOf,
        a.n_events AS events, a.n_quotes AS quotes, ${snippet} AS snippet`,
      `${from} ${clause}`,
      order,
      params,
      q,
    );
    for (const item of page.items) if (item.snippet === null) delete (item as ArticleSummary).snippet;
    return page;
  }

  /** WHERE clause over events of first copies only, so a wire story's events count once. */
  private eventFilter(q: ReturnType<typeof EventQuery.parse>): { clause: string; params: unknown[] } {
    const params: unknown[] = [];
    const where = ["a.id = a.story_id"];
    if (q.type) {
      const types = q.type
        .split(",")
        .map((t) => t.trim().toUpperCase())
        .filter(Boolean);
      where.push(`e.type IN (${types.map(() => "?").join(", ")})`);
      params.push(...types);
    }
    if (q.actor) {
      where.push(
        "(e.actor1 LIKE ? ESCAPE '\\' OR e.actor2 LIKE ? ESCAPE '\\' OR e.actor1_code LIKE ? ESCAPE '\\' OR e.actor2_code LIKE ? ESCAPE '\\')",
      );
      const pattern = likePattern(q.actor);
      params.push(pattern, pattern, pattern, pattern);
    }
    if (q.country) {
      where.push("e.country = ?");
      params.push(q.country.toUpperCase());
    }
    where.push(...dateRange("e.date", q.from, q.to, params));
    if (q.bbox) {
      where.push("e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?");
      params.push(q.bbox.west, q.bbox.east, q.bbox.south, q.bbox.north);
    }
    if (q.article) {
      where[0] = "e.article_id = (SELECT story_id FROM articles WHERE id = ?)";
      params.unshift(q.article);
    }
    return { clause: `WHERE ${where.join(" AND ")}`, params };
  }

  async events(query: EventQuery): Promise<Page<EventRow>> {
    const q = EventQuery.parse(query);
    const { clause, params } = this.eventFilter(q);
    const from = "events e JOIN articles a ON a.id = e.article_id JOIN stories s ON s.id = a.story_id";
    return this.page<EventRow>(
      `e.article_id AS article, e.id, a.story_id AS story, a.source, e.type, e.mode, e.cameo, e.date,
        e."trigger", e.sentence, e.actor1, e.actor1_code AS actor1Code, e.actor2, e.actor2_code AS actor2Code,
        e.place, e.country, e.lat, e.lon, e.precision, e.fatalities, e.modality, e.rule,
        s.num_articles AS numArticles, s.num_sources AS numSources`,
      `${from} ${clause}`,
      "e.date DESC, e.article_id, e.rowid",
      params,
      q,
    );
  }

  async timeline(query: EventQuery): Promise<TimelineBucket[]> {
    const q = EventQuery.parse(query);
    const { clause, params } = this.eventFilter(q);
    return this.db
      .prepare(
        `SELECT substr(e.date, 1, 10) AS date, count(*) AS events
          FROM events e JOIN articles a ON a.id = e.article_id ${clause} AND e.date IS NOT NULL
          GROUP BY substr(e.date, 1, 10) ORDER BY date`,
      )
      .all(...params) as TimelineBucket[];
  }

  async entities(query: EntityQuery): Promise<Page<EntityRow>> {
    const q = EntityQuery.parse(query);
    const params: unknown[] = [];
    const where: string[] = [];
    if (q.q) {
      where.push("name LIKE ? ESCAPE '\\'");
      params.push(likePattern(q.q));
    }
    if (q.type) {
      where.push("type = ?");
      params.push(q.type);
    }
    const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
    const grouped = `(SELECT name, type, max(actor_code) AS actorCode, max(country) AS country,
      max(sector) AS sector, count(DISTINCT article_id) AS articles, sum(n_mentions) AS mentions
      FROM entities ${clause} GROUP BY name, type)`;
    return this.page<EntityRow>("*", grouped, "articles DESC, mentions DESC, name", params, q);
  }

  async quotes(query: QuoteQuery): Promise<Page<QuoteRow>> {
    const q = QuoteQuery.parse(query);
    const params: unknown[] = [];
    // A wire story's quote was said once: quotes come from first copies only, like events.
    const where: string[] = ["a.id = a.story_id"];
    if (q.speaker) {
      where.push("(q.speaker LIKE ? ESCAPE '\\' OR q.description LIKE ? ESCAPE '\\')");
      params.push(likePattern(q.speaker), likePattern(q.speaker));
    }
    if (q.anonymous !== undefined) {
      where.push("q.anonymous = ?");
      params.push(q.anonymous ? 1 : 0);
    }
    if (q.article) {
      where[0] = "q.article_id = ?";
      params.unshift(q.article);
    }
    const clause = `WHERE ${where.join(" AND ")}`;
    const from = "quotes q JOIN articles a ON a.id = q.article_id";
    const page = this.page<QuoteRow>(
      `q.article_id AS article, q.id, q.text, q.start, q."end", q.kind, q.speaker, q.description,
        q.anonymous, q.cue, a.published`,
      `${from} ${clause}`,
      "a.published DESC, q.article_id, q.start",
      params,
      q,
    );
    for (const item of page.items) item.anonymous = (item.anonymous as unknown) === 1;
    return page;
  }

  /**
   * One page of a listing: the total and the rows. The SELECT aliases are the API's field
   * names ("a.story_id AS story"), so rows come back in their published shape.
   */
  private page<T>(
    columns: string,
    from: string,
    order: string,
    params: unknown[],
    window: { limit: number; offset: number },
  ): Page<T> {
    const total = this.db
      .prepare(`SELECT count(*) FROM ${from}`)
      .pluck()
      .get(...params) as number;
    const items = this.db
      .prepare(`SELECT ${columns} FROM ${from} ORDER BY ${order} LIMIT ? OFFSET ?`)
      .all(...params, window.limit, window.offset) as T[];
    return { total, items };
  }

  async stats(): Promise<StoreStats> {
    const count = (sql: string) => this.db.prepare(sql).pluck().get() as number;
    return {
      articles: count("SELECT count(*) FROM articles"),
      stories: count("SELECT count(*) FROM stories"),
      sources: count("SELECT count(*) FROM sources"),
      events: count(
        "SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id AND a.id = a.story_id",
      ),
    };
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** Open (creating and migrating as needed) the SQLite archive in `file`. */
export function openSqliteStore(file: string = DEFAULT_DB): SqliteStore {
  return new SqliteStore(file);
}

/** The same, for the command line: a file that cannot be an archive is a located input error. */
export function openArchive(file: string): SqliteStore {
  try {
    return new SqliteStore(file);
  } catch (e) {
    throw new SitrepError(
      ErrorCode.UNREADABLE,
      `${file}: cannot open the archive (${(e as Error).message})`,
      {
        where: file,
      },
    );
  }
}
