/*
 * crosscheck: many news reports in, one cross-checked story per event out.
 *
 * This is the library's one public header. Everything is reached through an
 * opaque context (xc_ctx) that owns the store, the stemmer and the settings;
 * there is no hidden global state, so two contexts can live side by side.
 *
 * Conventions
 *   - Text is UTF-8. Every span is a pair of byte offsets [start, end) into
 *     the text it was found in, so anything extracted can be shown in place.
 *   - Functions that can fail return an xc_status and, when given one, fill
 *     an xc_error with a message a person can act on.
 *   - Strings handed to callbacks live only for the duration of the call.
 */
#ifndef CROSSCHECK_H
#define CROSSCHECK_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

#define XC_VERSION "0.1.0"

/* ------------------------------------------------------------------ */
/* Status and errors                                                    */
/* ------------------------------------------------------------------ */

typedef enum xc_status {
    XC_OK = 0,
    XC_ERR_ARG,       /* a caller mistake: bad option, bad query          */
    XC_ERR_IO,        /* a file could not be opened or read               */
    XC_ERR_UTF8,      /* text is not valid UTF-8                          */
    XC_ERR_BINARY,    /* input looks like binary data, not text           */
    XC_ERR_EMPTY,     /* an article with no text                          */
    XC_ERR_TOO_BIG,   /* over the configured size limit                   */
    XC_ERR_FORMAT,    /* malformed input: bad JSON line, missing field    */
    XC_ERR_STORE,     /* the SQLite store failed                          */
    XC_ERR_SCHEMA,    /* the database was written by a newer crosscheck   */
    XC_ERR_NOT_FOUND, /* no such story, article, ...                      */
    XC_ERR_NOMEM
} xc_status;

typedef struct xc_error {
    xc_status status;
    char message[512];
} xc_error;

/* A short fixed name for a status ("invalid UTF-8", "not found", ...). */
const char *xc_status_name(xc_status status);

/* ------------------------------------------------------------------ */
/* Text core                                                            */
/* ------------------------------------------------------------------ */

/* UTF-8 validation. Returns true when all `len` bytes are valid UTF-8
 * (no overlongs, no surrogates, nothing above U+10FFFF). On failure the
 * offset of the first bad byte is stored in *bad_offset when non-NULL. */
bool xc_utf8_valid(const char *text, size_t len, size_t *bad_offset);

/* Copy of `text` with every invalid byte sequence replaced by U+FFFD.
 * Returns a malloc'd NUL-terminated string (length in *out_len) and the
 * number of replacements in *repairs; NULL only when out of memory. */
char *xc_utf8_repair(const char *text, size_t len, size_t *out_len,
                     size_t *repairs);

/* Normalisation forms, combinable. */
enum {
    XC_NORM_NFC = 1 << 0,        /* canonical composition                   */
    XC_NORM_NFKC = 1 << 1,       /* compatibility composition (ﬁ → fi)      */
    XC_NORM_CASEFOLD = 1 << 2,   /* full Unicode case folding (Straße → strasse) */
    XC_NORM_STRIP_MARKS = 1 << 3,/* drop combining marks (café → cafe)      */
    XC_NORM_PUNCT = 1 << 4,      /* curly quotes → ' ", dashes → -, … → ... */
    XC_NORM_SPACE = 1 << 5       /* runs of white space → one space, trimmed */
};
/* The folding used to compare words across outlets. */
#define XC_NORM_FOLD (XC_NORM_NFKC | XC_NORM_CASEFOLD | XC_NORM_STRIP_MARKS | XC_NORM_PUNCT)

/* Normalise `text` (which must be valid UTF-8). Returns a malloc'd
 * NUL-terminated string, its length in *out_len; NULL on invalid input or
 * when out of memory. When `offsets` is non-NULL it receives a malloc'd
 * array of *out_len + 1 entries mapping each output byte to the byte of the
 * original text it came from, so results can be shown in the original. */
char *xc_normalize(const char *text, size_t len, unsigned forms,
                   size_t *out_len, uint32_t **offsets);

/* Token types. */
typedef enum xc_token_type {
    XC_TOK_WORD,     /* Jeddah, US-Ukraine, don, Zelenskyy, O'Brien        */
    XC_TOK_NUMBER,   /* 91, 1,234.5, 20%, 15km, 0900, 2025-03-11, 3rd     */
    XC_TOK_ABBREV,   /* U.S., J.D., Mr., Feb., a.m., etc.                  */
    XC_TOK_CLITIC,   /* 's 'S ’s n't 're 've 'll 'd 'm (split off a word)  */
    XC_TOK_URL,      /* https://example.com/a?b=c, www.example.org         */
    XC_TOK_EMAIL,    /* press@example.org                                  */
    XC_TOK_HASHTAG,  /* #Jeddah                                            */
    XC_TOK_MENTION,  /* @ZelenskyyUa                                       */
    XC_TOK_PUNCT,    /* . , ; : ! ? ( ) " “ ” ' ‘ ’ « » … — -- ...        */
    XC_TOK_SYMBOL    /* $ € £ % & + = and other symbols, emoji            */
} xc_token_type;

/* Token flags. */
enum {
    XC_TF_UPPER_INITIAL = 1 << 0, /* first letter is upper case            */
    XC_TF_ALL_UPPER = 1 << 1,     /* every letter upper case (NATO, U.S.)  */
    XC_TF_HAS_DIGIT = 1 << 2,
    XC_TF_HYPHEN = 1 << 3,        /* contains an inner hyphen              */
    XC_TF_SPACE_BEFORE = 1 << 4,  /* white space precedes the token        */
    XC_TF_NEWLINE_BEFORE = 1 << 5,/* a line break precedes the token       */
    XC_TF_PARAGRAPH_BEFORE = 1 << 6, /* a blank line precedes the token    */
    XC_TF_NON_ASCII = 1 << 7      /* contains bytes >= 0x80                */
};

typedef struct xc_token {
    uint32_t start, end; /* byte offsets into the text                     */
    uint8_t type;        /* xc_token_type                                  */
    uint8_t flags;       /* XC_TF_*                                        */
} xc_token;

typedef struct xc_token_list {
    xc_token *items;
    size_t count, capacity;
} xc_token_list;

/* Tokenise valid UTF-8 text, appending to `out` (which may start zeroed).
 * Never fails on valid input short of running out of memory. */
xc_status xc_tokenize(const char *text, size_t len, xc_token_list *out);
void xc_token_list_free(xc_token_list *list);

/* Folded form of one token (XC_NORM_FOLD) into `out` (capacity `cap`,
 * always NUL-terminated when cap > 0). Returns the folded length, which
 * may exceed cap - 1 when the buffer was too small. */
size_t xc_token_fold(const char *text, const xc_token *token, char *out,
                     size_t cap);

typedef struct xc_sentence {
    uint32_t start, end;        /* byte span, trimmed of white space      */
    uint32_t first_token;       /* index into the token list              */
    uint32_t token_count;
} xc_sentence;

typedef struct xc_sentence_list {
    xc_sentence *items;
    size_t count, capacity;
} xc_sentence_list;

/* Split tokenised text into sentences, appending to `out`. Knows about
 * abbreviations and initials (U.S., J.D. Vance, Feb. 18, Mr., a.m.),
 * closing quotes and brackets after the full stop, and line structure
 * (paragraphs, headings, hard-wrapped text). */
xc_status xc_split_sentences(const char *text, size_t len,
                             const xc_token_list *tokens,
                             xc_sentence_list *out);
void xc_sentence_list_free(xc_sentence_list *list);

/* Snowball stemming. A stemmer is not thread-safe; use one per thread. */
typedef struct xc_stemmer xc_stemmer;
xc_stemmer *xc_stemmer_new(const char *language); /* "english", "german", ... */
void xc_stemmer_free(xc_stemmer *stemmer);
/* Stem one folded (lower-case) word. The result lives until the next call. */
const char *xc_stem(xc_stemmer *stemmer, const char *word, size_t len,
                    size_t *out_len);

/* Stopwords (Snowball lists). `word` must be folded (lower case). */
bool xc_is_stopword(const char *language, const char *word, size_t len);
/* The languages that have a stopword list, NULL-terminated. */
const char *const *xc_stopword_languages(void);

/* Dates as articles carry them: ISO 8601 (2025-03-11, 2025-03-11T09:00Z,
 * with offsets), RFC 2822 (Tue, 11 Mar 2025 09:00:00 GMT), "March 11, 2025",
 * "11 March 2025", "2025/03/11". */
typedef enum xc_date_precision {
    XC_DATE_NONE = 0, XC_DATE_YEAR, XC_DATE_MONTH, XC_DATE_DAY,
    XC_DATE_MINUTE, XC_DATE_SECOND
} xc_date_precision;

typedef struct xc_date {
    int64_t unix_seconds;          /* UTC; the start of the period        */
    xc_date_precision precision;
} xc_date;

/* Parse a date. Returns false when `text` is not a date it understands. */
bool xc_date_parse(const char *text, size_t len, xc_date *out);
/* Format as ISO 8601 UTC at the date's precision ("2025-03-11",
 * "2025-03-11T09:00:00Z"); returns the length written. */
size_t xc_date_format(const xc_date *date, char *out, size_t cap);

/* ------------------------------------------------------------------ */
/* Temporal expressions                                                 */
/* ------------------------------------------------------------------ */

/* TimeML's types of temporal expression. DATE is a calendar period (a day,
 * month, quarter, year, or PRESENT_REF ...), TIME a time of day, DURATION a
 * length of time, SET a recurrence. */
typedef enum xc_timex_type {
    XC_TIMEX_DATE = 0, XC_TIMEX_TIME, XC_TIMEX_DURATION, XC_TIMEX_SET
} xc_timex_type;

#define XC_TIMEX_VALUE_MAX 32

/* One temporal expression found in a text. The value is TimeML's normal
 * form: 2025-03-11, 2025-03, 2025, 2025-W11, 2025-Q1, 2025-H1, 2025-SU
 * (SP, SU, FA, WI), 199 (the 1990s), 19 (the 20th century), PRESENT_REF,
 * PAST_REF, FUTURE_REF; X for digits the text and the anchor leave
 * unknown (XXXX-03-11, XXXX-WXX-5 for an unanchored Friday); P3Y, P2W for
 * durations; 2025-03-11T15:00 or 2025-03-11TNI for times. */
typedef struct xc_timex {
    uint32_t start, end;            /* byte span in the text              */
    xc_timex_type type;
    char value[XC_TIMEX_VALUE_MAX];
    const char *mod;                /* TimeML mod: "START", "MID", "END",
                                       "APPROX", ... or NULL (static)     */
} xc_timex;

typedef struct xc_timex_list {
    xc_timex *items;
    size_t count, capacity;
} xc_timex_list;

/* Find and normalise the temporal expressions of UTF-8 text (dates in
 * absolute and relative forms, and the times, durations and sets around
 * them), appending them to `out` (which may start zeroed) in text order.
 * Relative expressions (yesterday, last week, Friday, three years ago) are
 * resolved against `anchor`, the document's date; NULL or precision
 * XC_DATE_NONE leaves them with X digits. Any bytes are accepted; fails
 * only when out of memory (XC_ERR_NOMEM) or over 4 GB (XC_ERR_TOO_BIG). */
xc_status xc_find_dates(const char *text, size_t len, const xc_date *anchor, xc_timex_list *out);
void xc_timex_list_free(xc_timex_list *list);
const char *xc_timex_type_name(xc_timex_type type); /* "DATE", "TIME", ... */

/* Infer an undated article's date from its own text, when the evidence is
 * consistent: a header line (Date: 2025-03-11), a dateline or a full date
 * near the top, a full date named with its weekday ("Tuesday, March 11,
 * 2025"), "today (March 11)" with the year found nearby. A weekday that
 * does not fit its date, or two pieces of evidence that disagree, give
 * XC_ERR_NOT_FOUND. On success `out` has day precision and `evidence`
 * (when cap > 0) says what the date was inferred from. */
xc_status xc_infer_document_date(const char *text, size_t len, xc_date *out, char *evidence,
                                 size_t cap);

/* ------------------------------------------------------------------ */
/* Quantities: the numeric facts of a text                              */
/* ------------------------------------------------------------------ */

/* What a number measures. The first five are facts that can be compared
 * across reports; the rest are numbers that are not counts (a year, a
 * date, a score) and are kept only so that they are never mistaken for
 * one. */
typedef enum xc_quantity_kind {
    XC_QK_COUNT,     /* 91 drones, ninety, dozens of troops              */
    XC_QK_PERCENT,   /* 20%, 20 per cent, 3 percentage points (unit "pp") */
    XC_QK_FRACTION,  /* one-fifth, two-thirds, half of, 1/5, one in five */
    XC_QK_MONEY,     /* $2.5 million, €80m; unit is the ISO currency     */
    XC_QK_MEASURE,   /* 15km, nine-mile, 5,000 square kilometres, 4 days */
    XC_QK_YEAR,      /* 2014, the 1990s                                  */
    XC_QK_DATE,      /* February 28, 11/03/2025, three years ago         */
    XC_QK_TIME,      /* 0700 GMT, 9:30, 10 a.m.                          */
    XC_QK_AGE,       /* aged 45, a 15-year-old, Smith, 45,               */
    XC_QK_ORDINAL,   /* 3rd, 21st                                        */
    XC_QK_PHONE,     /* +1 555 123 4567                                  */
    XC_QK_SCORE,     /* won 88-81, a 2-2 draw                            */
    XC_QK_ID         /* Article 5, Flight 17, Resolution 2334            */
} xc_quantity_kind;
#define XC_QK_FIRST_NON_FACT XC_QK_YEAR

/* The hedge written with a number, which turns it into an interval
 * (see xc_find_quantities for the rules). */
typedef enum xc_hedge {
    XC_HEDGE_NONE,      /* 91                        [91, 91]             */
    XC_HEDGE_EXACTLY,   /* exactly, only             [v, v]               */
    XC_HEDGE_AT_LEAST,  /* at least, no fewer than, 91 or more, 91+  [v, inf) */
    XC_HEDGE_MORE_THAN, /* more than, over, above, in excess of     (v, inf) */
    XC_HEDGE_JUST_OVER, /* just over, slightly more than      (v, v(1+t)]  */
    XC_HEDGE_UP_TO,     /* up to, as many as         [0, v]               */
    XC_HEDGE_AT_MOST,   /* at most, no more than     [0, v]               */
    XC_HEDGE_LESS_THAN, /* less than, fewer than, under, below  [0, v)    */
    XC_HEDGE_NEARLY,    /* nearly, almost, close to, just under [v(1-t), v) */
    XC_HEDGE_ABOUT      /* about, around, approximately, roughly, some,
                           an estimated, 40-odd, or so  [v(1-t), v(1+t)]  */
} xc_hedge;

/* The tolerance t of approximate hedges: "about 20%" is [18, 22]. */
#define XC_QUANTITY_APPROX_TOLERANCE 0.10

enum {
    XC_QF_RANGE = 1 << 0,    /* 10-15, between 10 and 15, 10 to 15        */
    XC_QF_VAGUE = 1 << 1,    /* dozens, tens of thousands, a few, several */
    XC_QF_CHANGE = 1 << 2,   /* a new value: "rose to 27", "now 27"       */
    XC_QF_PREVIOUS = 1 << 3, /* the old value of a change: "from 23 to 27" */
    XC_QF_WORDS = 1 << 4,    /* written in words: ninety, one-fifth       */
    XC_QF_INCREMENT = 1 << 5 /* an addition, not a total: "four more
                                bodies", "another 12 troops"           */
};

typedef struct xc_quantity {
    uint32_t start, end;          /* the expression, hedge and unit
                                     included: "at least 91", "$2.5 million",
                                     "nine-mile-long" (the thing has its own
                                     span)                                 */
    uint32_t number_start, number_end; /* the figures: "91", "10-15"     */
    double value;                 /* the figure as written, in `unit`: for
                                     a range its midpoint, for a vague
                                     amount its lower end                 */
    double low, high;             /* the interval, in `unit`; -HUGE_VAL /
                                     HUGE_VAL when open-ended             */
    bool low_open, high_open;     /* ends excluded: "over 90" is (90, inf) */
    uint8_t kind;                 /* xc_quantity_kind                      */
    uint8_t hedge;                /* xc_hedge                              */
    uint16_t flags;               /* XC_QF_*                               */
    char unit[8];                 /* "%", "pp", "USD", "km", "mi", "km2",
                                     "kg", "day", "year"; "" for counts and
                                     fractions (a fraction's value is 0..1) */
    uint32_t thing_start, thing_end; /* the counted noun as written
                                     ("drones", "dead"); equal when none    */
    char thing[24];               /* its key: a casualty class ("deaths",
                                     "injured", "missing", "arrested",
                                     "displaced", "casualties") or the
                                     stem ("drone"); "" when none          */
    uint32_t predicate_start, predicate_end; /* the governing verb or event
                                     noun; equal when none                */
    char predicate[24];           /* its stem ("deploy", "attack")         */
    char event[32];               /* for a casualty count, the event it
                                     belongs to: the nearest event noun
                                     before it (after it when none) with
                                     the word that qualifies it, as
                                     "modifier class" ("drone attack" for
                                     "drone strike", "missile attack" for
                                     "missile assaults"); "" when none     */
    uint32_t event_start, event_end; /* those words as written; equal when none */
    uint32_t sentence_start, sentence_end;
} xc_quantity;

typedef struct xc_quantity_list {
    xc_quantity *items;
    size_t count, capacity;
} xc_quantity_list;

/* Find the numbers of a UTF-8 text, appending to `out` (which may start
 * zeroed) in text order: digits (91, 1,234.5, 5.5bn), number words (ninety,
 * two hundred and fifty, 1.5 million, a dozen, tens of thousands, a few),
 * fractions (one-fifth, a third, half of, 1/5, one in five), percentages,
 * ranges (10-15, between 10 and 15), money ($2.5 million, €80m, 2 billion
 * dollars) and measures (15km, nine-mile, 5,000 square kilometres), each
 * with its hedge, counted thing and predicate. Years, dates, times, ages,
 * ordinals, phone numbers, scores and labels ("Article 5") are returned
 * with their own kind. XC_ERR_UTF8 on invalid UTF-8, XC_ERR_TOO_BIG past
 * 4 GB, XC_ERR_NOMEM. */
xc_status xc_find_quantities(const char *text, size_t len, xc_quantity_list *out);
void xc_quantity_list_free(xc_quantity_list *list);

/* Is it a fact that can be compared (count, percent, fraction, money,
 * measure), rather than a year, date, score, ...? */
bool xc_quantity_is_fact(const xc_quantity *q);

/* How two quantities (from two reports of one story) relate. */
typedef enum xc_quantity_relation {
    XC_QREL_UNRELATED, /* not the same thing: other kind, currency,
                          dimension or counted thing, or not facts       */
    XC_QREL_AGREE,     /* the same thing, and the intervals overlap:
                          "at least 40 rockets" / "over forty rockets",
                          "about a quarter" / "roughly 25%"               */
    XC_QREL_CONFLICT,  /* the same thing, intervals disjoint: "one
                          death" / "three people killed"                  */
    XC_QREL_UPDATE,    /* disjoint, and one says the count changed
                          ("rose to 27"): a later figure, not a clash     */
    XC_QREL_DISTINCT   /* the same thing governed by different events
                          ("launched 40 rockets" / "intercepted 65
                          rockets"): two facts, whatever their figures    */
} xc_quantity_relation;

/* Compare two quantities. Percentages and fractions compare on one scale
 * (one-fifth = 20%); measures convert between units of one dimension with
 * 5% slack for rounding (six miles ≈ 10 km); money compares only within
 * one currency. A caller that knows publication times should read a
 * CONFLICT between an earlier and a later report as a possible update. */
xc_quantity_relation xc_compare_quantities(const xc_quantity *a, const xc_quantity *b);

/* Short names for output: "count", "at_least", "agree", ... */
const char *xc_quantity_kind_name(xc_quantity_kind kind);
const char *xc_hedge_name(xc_hedge hedge);
const char *xc_quantity_relation_name(xc_quantity_relation relation);

/* ------------------------------------------------------------------ */
/* Context and store                                                    */
/* ------------------------------------------------------------------ */

typedef struct xc_ctx xc_ctx;

/* Open (creating and migrating as needed) the SQLite store at `db_path`.
 * Returns NULL and fills `err` on failure. */
xc_ctx *xc_open(const char *db_path, xc_error *err);
void xc_close(xc_ctx *ctx);

/* Change one tuning parameter of an open context, by name: "threshold",
 * "name_weight", "time_boost", "time_boost_hours", "time_scale_hours",
 * "window_days", "article_terms" (story clustering) and "near_jaccard",
 * "min_containment", "lead_containment", "shingle_words", "bands", "rows",
 * "dedup_window_days" (duplicates). For experiments and evaluation: the
 * defaults are the ones measured best. XC_ERR_ARG for an unknown name. */
xc_status xc_set_param(xc_ctx *ctx, const char *name, double value, xc_error *err);
/* The same from "name=value" text (as given on a command line). */
xc_status xc_set_param_text(xc_ctx *ctx, const char *setting, xc_error *err);

/* The schema version this build writes, and the one of an open store. */
int xc_schema_version(void);
int xc_store_schema_version(xc_ctx *ctx);

/* ------------------------------------------------------------------ */
/* Ingest                                                               */
/* ------------------------------------------------------------------ */

typedef enum xc_input_format {
    XC_FORMAT_AUTO = 0, /* by extension: .jsonl/.ndjson → JSONL, else text;
                           stdin: JSONL when it starts with '{'          */
    XC_FORMAT_TEXT,
    XC_FORMAT_JSONL
} xc_input_format;

typedef struct xc_ingest_options {
    xc_input_format format;
    size_t max_bytes;     /* per article (text files: per file); 0 = default */
    size_t batch_size;    /* articles per transaction; 0 = default          */
    bool repair_utf8;     /* store a repaired copy (with a warning) instead
                             of rejecting invalid UTF-8                      */
} xc_ingest_options;

#define XC_DEFAULT_MAX_BYTES ((size_t)32 << 20)
#define XC_DEFAULT_BATCH_SIZE 1000

/* What happened to one input item. */
typedef enum xc_item_outcome {
    XC_ITEM_ADDED,
    XC_ITEM_UPDATED,   /* same id, different content: replaced           */
    XC_ITEM_UNCHANGED, /* same id, same content hash: nothing to do      */
    XC_ITEM_FAILED,    /* rejected; see status and message               */
    XC_ITEM_WARNING    /* stored, but something was repaired or ignored  */
} xc_item_outcome;

typedef struct xc_item_report {
    xc_item_outcome outcome;
    xc_status status;      /* why, for FAILED and WARNING                 */
    const char *path;      /* the file, or "-" for stdin                  */
    long line;             /* 1-based line (JSONL item, or the bad byte)  */
    const char *article_id;/* may be NULL when no id could be made        */
    const char *message;
} xc_item_report;

typedef void (*xc_report_fn)(void *user, const xc_item_report *report);

typedef struct xc_ingest_summary {
    size_t added, updated, unchanged, failed, warnings;
    size_t bytes;          /* bytes of article text read                  */
    size_t batches;        /* transactions committed                       */
} xc_ingest_summary;

/* Ingest files, folders (recursively, in name order) and "-" (stdin).
 * Bad items are reported through `report` and skipped; the rest is stored,
 * one transaction per batch, and grouped into stories. Returns XC_OK even
 * when items failed (see summary->failed); an error status only when the
 * store itself failed, in which case committed batches are kept. */
xc_status xc_ingest_paths(xc_ctx *ctx, const char *const *paths,
                          size_t path_count, const xc_ingest_options *options,
                          xc_report_fn report, void *user,
                          xc_ingest_summary *summary, xc_error *err);

/* Ingest one input held in memory, read as a file named `name` would be
 * (by its extension, or options->format; JSON Lines are reported by line).
 * For a program that keeps a store open (a server): the engines stay
 * loaded in `ctx` between calls. */
xc_status xc_ingest_data(xc_ctx *ctx, const char *name, const char *data, size_t len,
                         const xc_ingest_options *options, xc_report_fn report,
                         void *user, xc_ingest_summary *summary, xc_error *err);

/* ------------------------------------------------------------------ */
/* Articles, stories, search                                            */
/* ------------------------------------------------------------------ */

typedef struct xc_article {
    const char *id;
    const char *title;
    const char *source;     /* NULL when unknown                           */
    const char *url;        /* NULL when unknown                           */
    const char *published;  /* ISO 8601 UTC, NULL when undated             */
    const char *text;       /* NULL in story listings                      */
    size_t text_len;
    const char *extra_json; /* other JSONL fields as a JSON object, or NULL */
    const char *origin;     /* file it came from                           */
    long origin_line;
    long body_offset;       /* byte offset of `text` within that file      */
    int64_t story;          /* 0 when not yet in a story                   */
    double similarity;      /* to its story when it joined (for a copy: to
                               the article it copies)                      */
    const char *why_json;   /* why it is in its story (JSON), or NULL      */
    /* Duplicate lineage: a copy names the article it copies. */
    int64_t duplicate_group;/* 0 when it has no copies and copies nothing  */
    const char *copy_of;    /* article id, NULL for originals              */
    const char *copy_kind;  /* "exact", "near", "contains", "excerpt"      */
} xc_article;

typedef struct xc_story {
    int64_t id;
    const char *title;
    size_t article_count;
    size_t independent;           /* articles that are not copies         */
    const char *first_published;  /* NULL when no member is dated         */
    const char *last_published;
    const char *const *sources;   /* distinct known outlets               */
    size_t source_count;
    size_t independent_outlets;   /* distinct outlets of its independent
                                     reports (copies add no voice)         */
    const xc_article *articles;   /* in publication order                 */
    size_t articles_shown;        /* may be < article_count with a limit  */
    int64_t last_seq;             /* ingest order of its latest member: with
                                     article_count, it moves whenever a member
                                     joins, leaves or is replaced            */
} xc_story;

typedef enum xc_story_order {
    XC_STORIES_BY_SIZE = 0,  /* biggest first, then newest                */
    XC_STORIES_BY_RECENCY,   /* latest article first                      */
    XC_STORIES_BY_ID,
    XC_STORIES_BY_OUTLETS    /* most independent outlets, then as by size */
} xc_story_order;

typedef struct xc_story_query {
    xc_story_order order;
    size_t limit;             /* stories; 0 = all                         */
    size_t offset;            /* skip this many first (paging)            */
    size_t min_articles;      /* skip smaller stories; 0 = all            */
    size_t articles_per_story;/* 0 = all                                  */
    /* Filters, each NULL/0 for none; a story passes when it has an
     * article that matches (all the given filters, each by some article). */
    const char *from, *to;    /* published in this range: ISO 8601 dates;
                                 a day-precise `to` includes its whole day */
    const char *outlet;       /* from this outlet (exact name)            */
    int64_t entity;           /* naming this entity                       */
    const char *text;         /* matching this search query (xc_search's
                                 syntax)                                   */
} xc_story_query;

typedef int (*xc_story_fn)(void *user, const xc_story *story);
typedef int (*xc_article_fn)(void *user, const xc_article *article);

/* Call `fn` for each story (a non-zero return stops the walk). */
xc_status xc_stories_each(xc_ctx *ctx, const xc_story_query *query,
                          xc_story_fn fn, void *user, xc_error *err);
/* How many stories pass the query's filters (its order, limit and offset
 * aside). XC_ERR_ARG for a bad date or search query. */
xc_status xc_stories_count(xc_ctx *ctx, const xc_story_query *query, size_t *count, xc_error *err);
/* One story with all its articles; XC_ERR_NOT_FOUND if there is none. */
xc_status xc_story_get(xc_ctx *ctx, int64_t id, xc_story_fn fn, void *user,
                       xc_error *err);
/* One article with its text. */
xc_status xc_article_get(xc_ctx *ctx, const char *id, xc_article_fn fn,
                         void *user, xc_error *err);

/* What crosscheck found in an article's text, by byte span: names (with
 * their entity), quotes (with their speaker), numeric facts and dates. */
typedef enum xc_mark_kind {
    XC_MARK_MENTION, XC_MARK_QUOTE, XC_MARK_NUMBER, XC_MARK_DATE
} xc_mark_kind;

typedef struct xc_mark {
    xc_mark_kind kind;
    size_t start, end;            /* byte span in the article's text       */
    const char *text;             /* mention: as written; quote: its content;
                                     number: "at least 91 drones"; date: as written */
    int64_t entity;               /* mention: its entity; quote: the speaker's;
                                     0 when none                           */
    const char *label;            /* mention: "PER" ...; quote: the speaker's
                                     name or NULL; number: "count" ...; date:
                                     "DATE" ...                            */
    const char *detail;           /* mention: the role before it or NULL;
                                     quote: its cue ("say"); number: the counted
                                     thing as written; date: its value      */
    double low, high;             /* number: its interval, +-HUGE_VAL open  */
    const char *unit;             /* number: "", "%", "USD" ...             */
} xc_mark;

typedef int (*xc_mark_fn)(void *user, const xc_mark *mark);

/* The marks of an article in text order (by start, then kind).
 * XC_ERR_NOT_FOUND when there is no such article. */
xc_status xc_article_marks(xc_ctx *ctx, const char *id, xc_mark_fn fn, void *user, xc_error *err);

/* A person, organisation, place or other named thing, one identity across
 * articles and spellings. */
typedef struct xc_variant {
    const char *text;             /* as written                            */
    size_t count;                 /* mentions written so                   */
} xc_variant;

typedef struct xc_entity_mention {
    const char *article;          /* article id                            */
    size_t start, end;            /* byte span of the name in its text     */
    const char *text;
    const char *role;             /* NULL when none                        */
} xc_entity_mention;

typedef struct xc_entity {
    int64_t id;
    const char *name;             /* the fullest name seen                 */
    const char *type;             /* "PER", "ORG", "LOC", "MISC"           */
    size_t articles;              /* articles naming it (in the scope)     */
    size_t independent;           /* of which not copies of another        */
    size_t mentions;
    const xc_variant *variants;   /* most used first                       */
    size_t variant_count;
    const xc_variant *roles;      /* titles before the name: "President"   */
    size_t role_count;
    const char *const *article_ids;
    size_t article_id_count;
    const xc_entity_mention *mention_list; /* with query.with_mentions   */
    size_t mention_list_count;
} xc_entity;

typedef struct xc_entity_query {
    int64_t story;                /* only this story's articles; 0 = all    */
    size_t limit;                 /* 0 = all                                */
    int64_t id;                   /* only this entity; 0 = all              */
    bool with_mentions;           /* fill mention_list (every mention)      */
} xc_entity_query;

typedef int (*xc_entity_fn)(void *user, const xc_entity *entity);

/* Entities ranked by the independent reports naming them, then mentions. */
xc_status xc_entities_each(xc_ctx *ctx, const xc_entity_query *query,
                           xc_entity_fn fn, void *user, xc_error *err);

/* One report of a fact or a quote: where an article says it. */
typedef struct xc_attestation {
    const char *article;          /* article id                            */
    const char *source;           /* its outlet, NULL when unknown         */
    const char *published;        /* ISO 8601, NULL when undated           */
    const char *copy_of;          /* the article it copies, NULL for an
                                     independent report                    */
    size_t start, end;            /* byte span in the article's text       */
    const char *text;             /* as written there                      */
} xc_attestation;

/* One value of a fact, and the reports that give it (their intervals all
 * meet: "at least 91 drones", "over ninety"). */
typedef struct xc_fact_value {
    double low, high;             /* the interval they share (in the unit of
                                     the first report); +-HUGE_VAL when open */
    bool low_open, high_open;
    const char *unit;             /* "", "%", "USD", "km", ...             */
    size_t independent;           /* reports that are not copies of each other */
    size_t outlets;
    const xc_attestation *reports;/* earliest first                        */
    size_t report_count;
} xc_fact_value;

/* How two values of one fact relate: "conflict" or "update" (value b
 * is the later count). */
typedef struct xc_fact_link {
    size_t a, b;                  /* indices into values                   */
    const char *relation;
} xc_fact_link;

/* A numeric fact of a story, cross-checked between its reports. */
typedef struct xc_fact {
    const char *kind;             /* "count", "percent", "money", ...      */
    const char *thing;            /* the counted thing's key: "deaths", "drone" */
    const char *thing_text;       /* as the first report writes it ("dead") */
    const char *event;            /* a casualty count's event ("drone
                                     attack"), else the predicate's stem    */
    const char *event_text;       /* as the first report writes it ("drone
                                     strike", "deploying"), or NULL        */
    const char *verdict;          /* "conflict", "update", "agree", "single" */
    size_t independent;           /* independent reports giving it         */
    const xc_fact_value *values;  /* most independent reports first        */
    size_t value_count;
    const xc_fact_link *links;
    size_t link_count;
} xc_fact;

typedef int (*xc_fact_fn)(void *user, const xc_fact *fact);

/* In place of a story id: every article of the store, taken as one story
 * (a store made for one set of reports: `crosscheck brief FILE...`). */
#define XC_ALL_ARTICLES 0

/* The facts of a story: conflicts first, then updates, agreements (most
 * reports first) and facts only one report gives. XC_ERR_NOT_FOUND when
 * there is no such story. */
xc_status xc_story_facts(xc_ctx *ctx, int64_t story, xc_fact_fn fn, void *user, xc_error *err);

/* A run of words in a wording compared with the remark's main wording. */
typedef struct xc_word_change {
    char op;                      /* '=' kept, '-' dropped, '+' added      */
    const char *text;             /* the words (from the main wording for
                                     '=' and '-', from this one for '+')   */
    size_t len;
} xc_word_change;

/* One report's quote of a remark. */
typedef struct xc_quote_report {
    xc_attestation where;         /* text: the quote as this report gives it */
    const char *speaker_text;     /* the words that name the speaker here
                                     ("he", "the U.S. diplomatic chief"), or NULL */
    const char *cue;              /* "say", "according to", ...            */
    const char *wording;          /* "main", "same", "excerpt", "variant"  */
    const xc_word_change *diff;   /* for a variant: against the main wording */
    size_t diff_count;
} xc_quote_report;

/* A remark quoted by one or more reports of a story. */
typedef struct xc_remark {
    const char *speaker;          /* the named speaker, NULL when none     */
    int64_t entity;               /* the speaker's entity, 0 when none     */
    const char *text;             /* the main wording                      */
    size_t independent;           /* reports that are not copies of each other */
    size_t outlets;
    size_t variants;              /* reports with other words              */
    const xc_quote_report *reports; /* the main wording first              */
    size_t report_count;
} xc_remark;

typedef int (*xc_remark_fn)(void *user, const xc_remark *remark);

/* The quote ledger of a story: remarks quoted by the most independent
 * reports first. XC_ERR_NOT_FOUND when there is no such story. */
xc_status xc_story_remarks(xc_ctx *ctx, int64_t story, xc_remark_fn fn, void *user, xc_error *err);

/* A story's brief: a short summary taken from its reports, each sentence
 * cited to the reports that carry it, and its timeline. */
typedef enum xc_brief_kind {
    XC_BRIEF_EXTRACT = 0,         /* a sentence of one of the reports       */
    XC_BRIEF_CONFLICT             /* the reports differ on a figure: who says what */
} xc_brief_kind;

typedef struct xc_brief_sentence {
    xc_brief_kind kind;
    const char *text;
    const xc_attestation *sources;/* the reports that carry it; for an
                                     extract the one it is taken from first
                                     (start/end: the sentence there)        */
    size_t source_count;
    size_t independent;           /* reports among them that are not copies */
    const char *contested;        /* an extract with a figure the reports
                                     differ on: that figure, else NULL      */
} xc_brief_sentence;

typedef struct xc_timeline_entry {
    const char *date;             /* TimeML value: 2025-03-11, 2025-03, 2025-W11 */
    const char *precision;        /* "day", "month", "year", "time", "week" ... */
    const char *text;             /* the sentence that tells it             */
    const char *date_text;        /* the date as that sentence writes it    */
    const xc_attestation *sources;/* the reports that tell it; the first is
                                     the one the sentence is taken from     */
    size_t source_count;
    size_t independent;
} xc_timeline_entry;

typedef struct xc_brief {
    int64_t story;                /* 0 for a brief of a whole store         */
    const char *title;
    size_t articles, independent, outlets;
    size_t words;                 /* words of its extract sentences         */
    const xc_brief_sentence *sentences; /* extracts in reading order, then
                                     the conflicts                          */
    size_t sentence_count;
    const xc_timeline_entry *timeline; /* in date order                     */
    size_t timeline_count;
} xc_brief;

typedef struct xc_brief_options {
    size_t words;                 /* the extract's budget; 0: 120           */
    size_t timeline;              /* timeline entries at most; 0: 12        */
} xc_brief_options;

typedef int (*xc_brief_fn)(void *user, const xc_brief *brief);

/* The brief of a story (XC_ALL_ARTICLES: of every article in the store,
 * as one story). XC_ERR_NOT_FOUND when there is no such story. */
xc_status xc_story_brief(xc_ctx *ctx, int64_t story, const xc_brief_options *options, xc_brief_fn fn,
                         void *user, xc_error *err);

typedef struct xc_search_hit {
    const xc_article *article; /* without text                            */
    double score;              /* BM25, higher is better                  */
    const char *snippet;       /* with matches marked by the markers given */
} xc_search_hit;

typedef int (*xc_hit_fn)(void *user, const xc_search_hit *hit);

typedef struct xc_search_options {
    size_t limit;             /* 0 = 20                                   */
    bool raw;                 /* pass the query to FTS5 untouched          */
    const char *mark_open;    /* default "["                               */
    const char *mark_close;   /* default "]"                               */
} xc_search_options;

/* Full-text search ranked by BM25 (title weighted above body). The query
 * is words (all must match), "quoted phrases", OR between alternatives and
 * -word to exclude; anything else is taken literally. */
xc_status xc_search(xc_ctx *ctx, const char *query,
                    const xc_search_options *options, xc_hit_fn fn,
                    void *user, xc_error *err);

/* Counts for a quick look at a store. */
typedef struct xc_store_stats {
    size_t articles, stories, sources, terms;
    size_t entities, mentions;    /* entities named by at least one article */
    int schema_version;
} xc_store_stats;
xc_status xc_stats(xc_ctx *ctx, xc_store_stats *out, xc_error *err);

/* Check a store for consistency: SQLite's integrity check, the full-text
 * index against the articles, every article in exactly one story, story
 * sizes. Each problem found goes to `problem`; XC_OK means the check ran
 * (out->problems says whether it found anything). */
typedef struct xc_check_report {
    size_t articles, stories, problems;
} xc_check_report;
typedef void (*xc_problem_fn)(void *user, const char *message);
xc_status xc_check(xc_ctx *ctx, xc_problem_fn problem, void *user, xc_check_report *out,
                   xc_error *err);

/* ------------------------------------------------------------------ */
/* Evaluation                                                           */
/* ------------------------------------------------------------------ */

/* Agreement of a clustering with gold classes (metrics as defined in
 * ../shared/data/README.md). */
typedef struct xc_cluster_scores {
    double bcubed_p, bcubed_r, bcubed_f1;    /* per item, averaged           */
    double pairwise_p, pairwise_r, pairwise_f1;
    double ari;                              /* adjusted Rand index          */
    double homogeneity, completeness, v_measure;
    size_t items, classes, clusters;
} xc_cluster_scores;

/* Score `n` items: gold[i] and predicted[i] are any integer labels. */
xc_status xc_score_clustering(const int64_t *gold, const int64_t *predicted, size_t n,
                              xc_cluster_scores *out);

/* Ingest a JSON Lines file whose records carry a gold field (e.g. "event")
 * into a fresh temporary store, then score the stories against it. Items
 * that fail to ingest, or lack the field, are left out and counted. */
typedef struct xc_eval_cluster_result {
    xc_cluster_scores scores;
    xc_ingest_summary ingest;
    size_t without_gold;
    double seconds;                          /* ingest + clustering          */
} xc_eval_cluster_result;
/* `settings`: NULL, or "name=value" strings for xc_set_param, NULL-ended. */
xc_status xc_eval_cluster(const char *jsonl_path, const char *gold_field,
                          const char *const *settings, xc_eval_cluster_result *out, xc_error *err);

/* Duplicate detection against gold duplicate groups (records sharing the
 * gold field are copies of the earliest of them). A predicted copy is
 * right when what it copies is in its gold group. Per gold "kind", when
 * records carry one, the share of copies found. */
typedef struct xc_eval_dedup_kind {
    char kind[24];
    size_t copies, found;
} xc_eval_dedup_kind;

typedef struct xc_eval_dedup_result {
    size_t articles, gold_copies, predicted_copies, correct;
    double precision, recall, f1;
    xc_eval_dedup_kind kinds[12];
    size_t kind_count;
    double seconds;
} xc_eval_dedup_result;
xc_status xc_eval_dedup(const char *jsonl_path, const char *gold_field, const char *const *settings,
                        xc_eval_dedup_result *out, xc_error *err);

/* Entity merging against ECB+ cross-document entity chains: every CAT XML
 * document under `dir` is ingested (its text rebuilt from the tokens) into
 * a fresh temporary store, and each gold entity mention is matched to the
 * mention crosscheck found there (same span, or its head inside). Scores
 * are B³ and MUC over gold mentions: all of them (a mention not found is a
 * cluster of its own), and those found (the merging alone), beside a
 * baseline that merges found mentions written identically. ECB+ links
 * mentions only within a topic, so predictions are split by topic too;
 * and only in the sentences its ECBplus_coreference_sentences.csv lists
 * (read from beside `dir` when there), so only those mentions count. */
typedef struct xc_eval_entities_result {
    size_t documents, failed_documents;
    size_t mentions, found, chains;
    bool annotated_sentences_only; /* ECBplus_coreference_sentences.csv used */
    double bcubed_p, bcubed_r, bcubed_f1, muc_f1;          /* all gold mentions */
    double found_bcubed_p, found_bcubed_r, found_bcubed_f1; /* found ones only   */
    double same_text_bcubed_f1;                             /* baseline, found   */
    double seconds;
} xc_eval_entities_result;
xc_status xc_eval_entities(const char *xml_dir, const char *const *settings, xc_eval_entities_result *out,
                           xc_error *err);

/* Temporal expressions against TimeML gold (TimeBank): every .tml file
 * under `dir` is read, xc_find_dates runs on its TEXT anchored at its
 * document creation time (DCT), and the expressions of type DATE are
 * compared, the DCT itself left out. Strict: same byte span; relaxed:
 * spans overlap (P = predicted DATEs overlapping a gold DATE / predicted,
 * R = gold DATEs overlapped / gold). Value accuracy: gold DATEs whose
 * overlapping predicted DATE (the one overlapping most) has exactly the
 * gold value, over all gold DATEs (missed ones count as wrong). */
typedef struct xc_eval_dates_result {
    size_t files, failed_files, bytes;
    size_t gold, predicted;                 /* DATE expressions             */
    size_t strict_match, relaxed_gold, relaxed_predicted, value_correct;
    double strict_p, strict_r, strict_f1;
    double relaxed_p, relaxed_r, relaxed_f1;
    double value_accuracy;                  /* value_correct / gold         */
    double value_accuracy_matched;          /* value_correct / relaxed_gold */
    double seconds;                         /* recognition only             */
} xc_eval_dates_result;
xc_status xc_eval_dates(const char *dir, xc_eval_dates_result *out, xc_error *err);

/* Extractive summaries against the neutral summaries of NeuS
 * (`source_path` / `target_path`: *.source and *.target, one cluster a
 * line, paired by line number). For each cluster, crosscheck's brief and
 * the Lead, LexRank and centroid baselines (src/brief/) pick sentences of
 * the three reports (titles included) within a budget of the reference's
 * word count; each output (the picked sentences joined by spaces) is cut
 * to that many words and scored with ROUGE-1, -2 and -L against the
 * reference (its headline and summary), as rouge-score does
 * (src/eval/rouge.h); scores are averaged over the clusters. Summaries
 * made elsewhere, one a line, can be scored beside them. */
typedef struct xc_rouge {
    double precision, recall, f1;
} xc_rouge;

typedef struct xc_eval_summary_system {
    char name[24];            /* "crosscheck", "lead", "lexrank", "centroid", or the given summaries' */
    xc_rouge rouge1, rouge2, rougeL;  /* averaged over the clusters     */
    double words;             /* mean words of the output once cut      */
    double seconds;           /* picking sentences (0 for given ones)   */
} xc_eval_summary_system;

#define XC_EVAL_SUMMARY_MAX_SYSTEMS 5

typedef struct xc_eval_summary_result {
    xc_eval_summary_system systems[XC_EVAL_SUMMARY_MAX_SYSTEMS];
    size_t system_count;
    size_t clusters;          /* scored                                 */
    size_t failed;            /* lines left out as malformed            */
    double reference_words;   /* mean: the budget                       */
    double unit_seconds;      /* splitting the reports into sentences, shared by the systems */
    double seconds;           /* the whole run                          */
} xc_eval_summary_result;

typedef struct xc_eval_summary_options {
    size_t limit;                   /* the first `limit` lines; 0: all   */
    const char *const *settings;    /* NULL, or "name=value" strings for
                                       the brief's parameters, NULL-ended */
    const char *given_path;         /* NULL, or summaries, one a line    */
    const char *given_name;         /* their name (NULL: "given")        */
    xc_problem_fn warn;             /* each line left out: "FILE:LINE: reason" */
    void *user;
} xc_eval_summary_options;

/* XC_ERR_IO when a file cannot be read, XC_ERR_FORMAT when the files'
 * line counts differ, XC_ERR_ARG for a bad setting; a malformed line is
 * reported through options->warn, counted in `failed` and left out. */
xc_status xc_eval_summary(const char *source_path, const char *target_path, const xc_eval_summary_options *options,
                          xc_eval_summary_result *out, xc_error *err);


/* Main-text extraction scored as the trafilatura benchmark scores it: per
 * page, snippets that must appear ("with") and must not ("without") in
 * the extracted text, both white-space normalised; TP/FN/FP/TN over all
 * snippets. */
typedef struct xc_eval_extract_system {
    char name[24];            /* "crosscheck", or the given outputs' name  */
    size_t pages, empty;      /* scored; with no text (an error or nothing found) */
    size_t tp, fp, fn, tn;
    double precision, recall, accuracy, f1;
    double seconds;           /* extracting (decode, parse, extract), not reading; 0 for given */
} xc_eval_extract_system;

typedef struct xc_eval_extract_options {
    size_t limit;                   /* the first `limit` pages; 0: all   */
    const char *given_dir;          /* NULL, or a folder of FILE.txt outputs of another system */
    const char *given_name;         /* their name (NULL: "given")        */
    const char *dump_dir;           /* NULL, or a folder to write crosscheck's FILE.txt outputs */
    xc_problem_fn warn;             /* a page that cannot be read: "FILE: reason" */
    xc_problem_fn miss;             /* each wrong snippet: "FILE: missing|unwanted: snippet" */
    void *user;
} xc_eval_extract_options;

/* `dir` holds evaldata.json and html/FILE.gz. XC_ERR_IO / XC_ERR_FORMAT
 * when evaldata.json cannot be read; a page that cannot be read is
 * reported through `warn` and scored as an empty result. `given` may be
 * NULL when options->given_dir is. */
xc_status xc_eval_extract(const char *dir, const xc_eval_extract_options *options,
                          xc_eval_extract_system *ours, xc_eval_extract_system *given, xc_error *err);

#ifdef __cplusplus
}
#endif
#endif /* CROSSCHECK_H */
