/* The schema, as a list of migrations. Migration N takes a store from
 * version N-1 to N (PRAGMA user_version); each runs in its own transaction.
 * Never edit a migration that has shipped: add a new one. */
#include "store.h"

static const char *const migrations[] = {
    /* 1: articles with full-text search, stories, term statistics. */
    "CREATE TABLE articles ("
    "  key INTEGER PRIMARY KEY,"          /* internal row id              */
    "  id TEXT NOT NULL UNIQUE,"          /* the article id users see     */
    "  title TEXT NOT NULL,"
    "  text TEXT NOT NULL,"
    "  source TEXT,"
    "  url TEXT,"
    "  published TEXT,"                   /* ISO 8601 UTC, as precise as given */
    "  published_ts INTEGER,"             /* unix seconds                 */
    "  published_raw TEXT,"               /* as written in the input      */
    "  extra TEXT,"                       /* other JSONL fields, a JSON object */
    "  origin TEXT NOT NULL,"             /* file it came from, '-' = stdin */
    "  origin_line INTEGER NOT NULL,"
    "  body_offset INTEGER NOT NULL,"     /* byte offset of text in that file */
    "  content_hash BLOB NOT NULL,"       /* XXH3-128 of all fields       */
    "  seq INTEGER NOT NULL,"             /* processing order             */
    "  ingested_at INTEGER NOT NULL"
    ");"
    "CREATE INDEX articles_published ON articles(published_ts);"
    "CREATE INDEX articles_source ON articles(source);"
    "CREATE VIRTUAL TABLE articles_fts USING fts5("
    "  title, text, content='articles', content_rowid='key',"
    "  tokenize='porter unicode61 remove_diacritics 2');"
    "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN"
    "  INSERT INTO articles_fts(rowid, title, text) VALUES (new.key, new.title, new.text);"
    "END;"
    "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN"
    "  INSERT INTO articles_fts(articles_fts, rowid, title, text)"
    "  VALUES ('delete', old.key, old.title, old.text);"
    "END;"
    "CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN"
    "  INSERT INTO articles_fts(articles_fts, rowid, title, text)"
    "  VALUES ('delete', old.key, old.title, old.text);"
    "  INSERT INTO articles_fts(rowid, title, text) VALUES (new.key, new.title, new.text);"
    "END;"
    "CREATE TABLE stories ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT," /* never reused             */
    "  title TEXT NOT NULL,"
    "  size INTEGER NOT NULL,"
    "  first_ts INTEGER,"
    "  last_ts INTEGER,"
    "  first_seq INTEGER NOT NULL,"
    "  last_seq INTEGER NOT NULL,"
    "  centroid BLOB NOT NULL"            /* (u32 term, f32 weight) pairs */
    ");"
    "CREATE TABLE story_articles ("
    "  article INTEGER PRIMARY KEY REFERENCES articles(key) ON DELETE CASCADE,"
    "  story INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,"
    "  similarity REAL NOT NULL"          /* cosine to the story when it joined */
    ");"
    "CREATE INDEX story_articles_story ON story_articles(story);"
    "CREATE TABLE terms ("
    "  id INTEGER PRIMARY KEY,"
    "  term TEXT NOT NULL UNIQUE,"
    "  df INTEGER NOT NULL"               /* articles containing the term */
    ");"
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID;",

    /* 2: duplicate lineage, dedup features, streaming clustering state. */
    "CREATE TABLE article_features ("
    "  article INTEGER PRIMARY KEY REFERENCES articles(key) ON DELETE CASCADE,"
    "  text_hash INTEGER NOT NULL,"       /* folded word sequence: exact copies */
    "  lead_hash INTEGER NOT NULL,"       /* opening words, 0 when too short */
    "  shingles INTEGER NOT NULL,"        /* distinct 4-word shingles        */
    "  minhash BLOB NOT NULL"             /* 64 little-endian u16 (b-bit)    */
    ");"
    "CREATE TABLE lineage ("
    "  article INTEGER PRIMARY KEY REFERENCES articles(key) ON DELETE CASCADE,"
    "  grp INTEGER NOT NULL,"             /* duplicate group                 */
    "  copy_of INTEGER REFERENCES articles(key) ON DELETE SET NULL," /* NULL: the origin */
    "  kind TEXT,"                        /* exact, near, contains, excerpt  */
    "  jaccard REAL,"
    "  containment REAL"
    ");"
    "CREATE INDEX lineage_group ON lineage(grp);"
    "ALTER TABLE story_articles ADD COLUMN why TEXT;"       /* JSON: why it is there */
    "ALTER TABLE stories ADD COLUMN originals INTEGER NOT NULL DEFAULT 0;" /* not copies */
    "ALTER TABLE stories ADD COLUMN names BLOB NOT NULL DEFAULT x'';"       /* name profile */
    "UPDATE stories SET originals = size;"
    "ALTER TABLE articles ADD COLUMN title_from_text INTEGER NOT NULL DEFAULT 0;",
    /* 3: named entities, one identity across articles and spellings. */
    "CREATE TABLE entities ("
    "  id INTEGER PRIMARY KEY,"
    "  type INTEGER NOT NULL,"            /* 0 PER, 1 ORG, 2 LOC, 3 MISC  */
    "  name TEXT NOT NULL,"               /* the fullest name seen        */
    "  key TEXT NOT NULL,"                /* its folded form              */
    "  mentions INTEGER NOT NULL DEFAULT 0,"
    "  articles INTEGER NOT NULL DEFAULT 0"
    ");"
    "CREATE TABLE entity_keys ("          /* folded names known to mean an entity, */
    "  key TEXT PRIMARY KEY,"             /* whatever type the tagger gave them    */
    "  entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE"
    ") WITHOUT ROWID;"
    "CREATE TABLE mentions ("
    "  article INTEGER NOT NULL REFERENCES articles(key) ON DELETE CASCADE,"
    "  start INTEGER NOT NULL,"           /* byte span of the name        */
    "  end INTEGER NOT NULL,"
    "  entity INTEGER NOT NULL REFERENCES entities(id),"
    "  text TEXT NOT NULL,"               /* the name as written          */
    "  role TEXT,"                        /* the role before it, if any   */
    "  PRIMARY KEY (article, start)"
    ") WITHOUT ROWID;"
    "CREATE INDEX mentions_entity ON mentions(entity);"
    "CREATE TABLE story_entities ("       /* the candidates for a story's new mentions */
    "  story INTEGER NOT NULL,"
    "  entity INTEGER NOT NULL,"
    "  articles INTEGER NOT NULL,"
    "  PRIMARY KEY (story, entity)"
    ") WITHOUT ROWID;",
    /* 4: what each article says: quotes with speakers, numeric facts and
     * dates, and the date inferred from the text of an undated article. */
    "ALTER TABLE articles ADD COLUMN inferred_date TEXT;"   /* YYYY-MM-DD, or NULL */
    "ALTER TABLE articles ADD COLUMN inferred_from TEXT;"   /* what it was read from */
    "CREATE TABLE quotes ("
    "  article INTEGER NOT NULL REFERENCES articles(key) ON DELETE CASCADE,"
    "  start INTEGER NOT NULL,"           /* first mark to last mark      */
    "  end INTEGER NOT NULL,"
    "  parts TEXT NOT NULL,"              /* content spans: 'start-end,start-end' */
    "  text TEXT NOT NULL,"               /* the content, parts joined by ' … ' */
    "  flags INTEGER NOT NULL,"           /* XC_QUOTE_* (partial, split, ...) */
    "  cue TEXT,"                         /* its lemma: 'say', 'according to' */
    "  cue_start INTEGER, cue_end INTEGER,"
    "  mention_start INTEGER,"            /* what the cue attaches to: 'he', */
    "  mention_end INTEGER,"              /* 'the spokesperson', a name     */
    "  mention_kind INTEGER NOT NULL,"    /* xc_speaker_kind              */
    "  speaker TEXT,"                     /* the named person it resolves to */
    "  entity INTEGER,"                   /* that person's entity, NULL    */
    "  PRIMARY KEY (article, start)"
    ") WITHOUT ROWID;"
    "CREATE INDEX quotes_entity ON quotes(entity);"
    "CREATE TABLE facts ("                /* numbers that can be compared   */
    "  article INTEGER NOT NULL REFERENCES articles(key) ON DELETE CASCADE,"
    "  start INTEGER NOT NULL,"           /* hedge to the counted thing after it: */
    "  end INTEGER NOT NULL,"             /* 'at least 91 drones'          */
    "  text TEXT NOT NULL,"
    "  kind INTEGER NOT NULL,"            /* xc_quantity_kind             */
    "  hedge INTEGER NOT NULL,"           /* xc_hedge                     */
    "  flags INTEGER NOT NULL,"           /* XC_QF_*                      */
    "  value REAL NOT NULL,"
    "  low REAL NOT NULL, high REAL NOT NULL," /* the interval, +-Inf when open-ended */
    "  low_open INTEGER NOT NULL, high_open INTEGER NOT NULL,"
    "  unit TEXT NOT NULL,"
    "  thing TEXT NOT NULL,"              /* key of the counted thing: 'drone', 'deaths' */
    "  thing_text TEXT,"                  /* as written: 'drones', 'dead' */
    "  predicate TEXT NOT NULL,"          /* stem of its verb or event noun */
    "  predicate_text TEXT,"              /* as written: 'deploying'       */
    "  event TEXT NOT NULL,"              /* a casualty count's event: 'drone attack' */
    "  event_text TEXT,"                  /* as written: 'drone strike'    */
    "  sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,"
    "  PRIMARY KEY (article, start)"
    ") WITHOUT ROWID;"
    "CREATE TABLE dates ("                /* temporal expressions, TimeML values */
    "  article INTEGER NOT NULL REFERENCES articles(key) ON DELETE CASCADE,"
    "  start INTEGER NOT NULL,"
    "  end INTEGER NOT NULL,"
    "  text TEXT NOT NULL,"
    "  type INTEGER NOT NULL,"            /* xc_timex_type                */
    "  value TEXT NOT NULL,"              /* 2025-03-11, 2025-W11, P3Y ... */
    "  mod TEXT,"
    "  PRIMARY KEY (article, start)"
    ") WITHOUT ROWID;",
    /* 5: the feeds `crosscheck watch` polls, so a restart sends
     * conditional requests instead of fetching everything again. */
    "CREATE TABLE feeds ("
    "  url TEXT PRIMARY KEY,"
    "  etag TEXT,"                        /* of the last feed read in full */
    "  last_modified TEXT,"               /* its Last-Modified, as sent    */
    "  last_status INTEGER,"              /* HTTP status, 0: no response   */
    "  last_error TEXT,"                  /* NULL when the last fetch worked */
    "  last_fetched INTEGER,"             /* unix seconds                  */
    "  items_seen INTEGER NOT NULL DEFAULT 0" /* new articles stored from it */
    ") WITHOUT ROWID;",
    /* 6: what a story list sorts and filters on: the distinct outlets of
     * a story's independent reports (copies add no voice), and indexes for
     * listing by recency, size and outlets without sorting every story. */
    "ALTER TABLE stories ADD COLUMN outlets INTEGER NOT NULL DEFAULT 0;"
    "UPDATE stories SET outlets = (SELECT count(DISTINCT a.source) FROM story_articles sa "
    "  JOIN articles a ON a.key = sa.article LEFT JOIN lineage l ON l.article = a.key "
    "  WHERE sa.story = stories.id AND a.source IS NOT NULL AND l.copy_of IS NULL);"
    "CREATE INDEX stories_recent ON stories(last_ts, last_seq);"
    "CREATE INDEX stories_size ON stories(originals, size);"
    "CREATE INDEX stories_outlets ON stories(outlets, originals);",
    /* 7: what story lists and pages read of each member article, beside
     * its membership: the article rows carry their text before these
     * columns, and reading them there costs a walk over the text. */
    "ALTER TABLE story_articles ADD COLUMN published_ts INTEGER;"
    "ALTER TABLE story_articles ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE story_articles ADD COLUMN source TEXT;"
    "ALTER TABLE story_articles ADD COLUMN published TEXT;"
    "UPDATE story_articles SET (published_ts, seq, source, published) = "
    "  (SELECT a.published_ts, a.seq, a.source, a.published FROM articles a WHERE a.key = story_articles.article);"
    "CREATE INDEX story_articles_members ON story_articles(story, published_ts, seq, source, published);",
};

int xc_store_migration_count(void) { return (int)(sizeof migrations / sizeof *migrations); }

const char *xc_store_migration(int version) { return migrations[version - 1]; }
