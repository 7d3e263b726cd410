// The SQLite schema, as numbered migrations. `PRAGMA user_version` records how many have run;
// opening a store runs the rest in one transaction. Never edit a migration that has shipped:
// add the next one.
export const MIGRATIONS: readonly string[] = [
  // 1: articles, their sources, full-text search, the layers with their spans, near-duplicate index.
  `
  CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    story_id TEXT NOT NULL,
    copy_of TEXT,
    similarity REAL,
    title TEXT,
    published TEXT,
    language TEXT NOT NULL,
    source TEXT,
    outlet TEXT,
    n_events INTEGER NOT NULL,
    n_quotes INTEGER NOT NULL,
    doc TEXT NOT NULL,
    stored_at TEXT NOT NULL
  );
  CREATE INDEX articles_story ON articles (story_id);
  CREATE INDEX articles_published ON articles (published);

  CREATE TABLE stories (
    id TEXT PRIMARY KEY REFERENCES articles (id),
    num_articles INTEGER NOT NULL,
    num_sources INTEGER NOT NULL
  );

  CREATE TABLE sources (
    key TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id),
    outlet TEXT,
    seen_at TEXT NOT NULL
  );
  CREATE INDEX sources_article ON sources (article_id);

  CREATE VIRTUAL TABLE articles_fts USING fts5 (title, text, tokenize = 'unicode61 remove_diacritics 2');

  CREATE TABLE entities (
    article_id TEXT NOT NULL REFERENCES articles (id),
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    description TEXT,
    actor_code TEXT,
    country TEXT,
    sector TEXT,
    mentions TEXT NOT NULL,
    n_mentions INTEGER NOT NULL,
    rule TEXT,
    PRIMARY KEY (article_id, id)
  );
  CREATE INDEX entities_name ON entities (name);

  CREATE TABLE quotes (
    article_id TEXT NOT NULL REFERENCES articles (id),
    id TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    speaker TEXT,
    speaker_entity TEXT,
    description TEXT,
    anonymous INTEGER NOT NULL,
    cue TEXT,
    cue_start INTEGER,
    cue_end INTEGER,
    channel TEXT,
    rule TEXT,
    PRIMARY KEY (article_id, id)
  );
  CREATE INDEX quotes_speaker ON quotes (speaker);

  CREATE TABLE places (
    article_id TEXT NOT NULL REFERENCES articles (id),
    id TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    name TEXT NOT NULL,
    country TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    feature_type TEXT NOT NULL,
    geoname_id INTEGER,
    rule TEXT,
    PRIMARY KEY (article_id, id)
  );

  CREATE TABLE times (
    article_id TEXT NOT NULL REFERENCES articles (id),
    id TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    value TEXT NOT NULL,
    mod TEXT,
    rule TEXT,
    PRIMARY KEY (article_id, id)
  );

  CREATE TABLE quantities (
    article_id TEXT NOT NULL REFERENCES articles (id),
    id TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    value REAL,
    low REAL,
    high REAL,
    approximate INTEGER NOT NULL,
    unit TEXT,
    counts TEXT,
    rule TEXT,
    PRIMARY KEY (article_id, id)
  );

  CREATE TABLE events (
    article_id TEXT NOT NULL REFERENCES articles (id),
    id TEXT NOT NULL,
    type TEXT NOT NULL,
    mode TEXT,
    cameo TEXT,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    trigger TEXT NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    sentence TEXT NOT NULL,
    actor1 TEXT,
    actor1_code TEXT,
    actor2 TEXT,
    actor2_code TEXT,
    place_id TEXT,
    place TEXT,
    country TEXT,
    lat REAL,
    lon REAL,
    precision INTEGER,
    time_id TEXT,
    date TEXT,
    fatalities REAL,
    modality TEXT NOT NULL,
    attribution TEXT,
    rule TEXT,
    PRIMARY KEY (article_id, id)
  );
  CREATE INDEX events_type ON events (type);
  CREATE INDEX events_date ON events (date);
  CREATE INDEX events_country ON events (country);

  CREATE TABLE minhash (
    article_id TEXT PRIMARY KEY REFERENCES articles (id),
    signature BLOB NOT NULL
  );
  CREATE TABLE minhash_bands (
    band INTEGER NOT NULL,
    value INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id)
  );
  CREATE INDEX minhash_bands_key ON minhash_bands (band, value);
  `,
];
