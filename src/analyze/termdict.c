#include "termdict.h"

#include "background.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../util/error.h"

/* Tokens longer than this are not words (hashes, garbage, base64). */
#define MAX_TERM_BYTES 48
/* The surface cache is a speed-up only: start it afresh past this size so
 * a stream of junk tokens cannot grow it without bound. */
#define SURFACE_CACHE_LIMIT (1u << 20)

enum { CLEAN = 0, CHANGED = 1, NEW = 2 };

void xc_termdict_init(xc_termdict *d, xc_stemmer *stemmer)
{
    memset(d, 0, sizeof *d);
    d->stemmer = stemmer;
}

static bool grow(xc_termdict *d)
{
    if (d->count < d->capacity)
        return true;
    size_t cap = d->capacity ? d->capacity * 2 : 4096;
    const char **terms = realloc(d->terms, cap * sizeof *terms);
    if (!terms)
        return false;
    d->terms = terms;
    uint32_t *df = realloc(d->df, cap * sizeof *df);
    if (!df)
        return false;
    d->df = df;
    uint8_t *dirty = realloc(d->dirty, cap * sizeof *dirty);
    if (!dirty)
        return false;
    d->dirty = dirty;
    uint32_t *background = realloc(d->background, cap * sizeof *background);
    if (!background)
        return false;
    d->background = background;
    d->capacity = cap;
    return true;
}

/* Add a key with a given df; returns its index or UINT32_MAX. */
static uint32_t add(xc_termdict *d, const char *key, size_t len, uint32_t df, uint8_t state)
{
    if (!grow(d) || d->count >= UINT32_MAX - 1)
        return UINT32_MAX;
    uint32_t index = (uint32_t)d->count;
    if (!xc_strmap_put(&d->stems, key, len, index))
        return UINT32_MAX;
    d->terms[index] = xc_strmap_key(&d->stems, key, len);
    d->df[index] = df;
    d->background[index] = xc_background_df(key, len);
    d->dirty[index] = state;
    d->count++;
    return index;
}

xc_status xc_termdict_load(xc_termdict *d, xc_store *store, xc_stemmer *stemmer, xc_error *err)
{
    xc_termdict_init(d, stemmer);
    d->articles = xc_store_meta_int(store, "term_articles", 0);
    static const char sql[] = "SELECT id, term, df FROM terms ORDER BY id";
    sqlite3_stmt *st = xc_store_prepare(store, sql, err);
    if (!st)
        return XC_ERR_STORE;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(st, 0);
        const char *term = xc_column_text(st, 1);
        if (id != (int64_t)d->count + 1 || !term) {
            sqlite3_reset(st);
            xc_termdict_free(d);
            return xc_fail(err, XC_ERR_STORE, "terms table is not dense at id %lld", (long long)id);
        }
        if (add(d, term, (size_t)sqlite3_column_bytes(st, 1), (uint32_t)sqlite3_column_int64(st, 2),
                CLEAN) == UINT32_MAX) {
            sqlite3_reset(st);
            xc_termdict_free(d);
            return xc_fail(err, XC_ERR_NOMEM, "out of memory loading terms");
        }
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        xc_termdict_free(d);
        return xc_store_error(store, err, "loading terms");
    }
    return XC_OK;
}

void xc_termdict_free(xc_termdict *d)
{
    xc_strmap_free(&d->stems);
    xc_strmap_free(&d->surface);
    free(d->surface_info);
    free(d->terms);
    free(d->df);
    free(d->background);
    free(d->dirty);
    memset(d, 0, sizeof *d);
}

static bool has_letter(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80)
            return true;
    }
    return false;
}

static bool is_calendar_word(const char *w, size_t n)
{
    static const char *const words[] = {
        "january", "february", "march",   "april",    "may",    "june",     "july",
        "august",  "september", "october", "november", "december", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "jan",    "feb",
        "mar",     "apr",      "jun",     "jul",      "aug",    "sep",      "sept",
        "oct",     "nov",      "dec",     "mon",      "tue",    "wed",      "thu",
        "fri",     "sat",      "sun"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strlen(words[i]) == n && memcmp(words[i], w, n) == 0)
            return true;
    return false;
}

/* Fold, filter and stem a token. */
static xc_surface_info resolve(xc_termdict *d, const char *text, const xc_token *token)
{
    xc_surface_info info = {0};
    bool wordish = token->type == XC_TOK_WORD || token->type == XC_TOK_ABBREV ||
                   token->type == XC_TOK_HASHTAG || token->type == XC_TOK_NUMBER ||
                   token->type == XC_TOK_CLITIC;
    if (!wordish)
        return info;
    char folded[MAX_TERM_BYTES * 2];
    size_t n = xc_token_fold(text, token, folded, sizeof folded);
    if (n >= sizeof folded)
        n = sizeof folded - 1;
    /* "U.S." and "US" are one word; "#jeddah" is "jeddah". */
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (folded[i] != '.' && folded[i] != '#')
            folded[k++] = folded[i];
    n = k;
    folded[n] = '\0';
    if (n == 0)
        return info;
    info.flags = XC_SURFACE_WORD;
    if (token->type == XC_TOK_CLITIC || n > MAX_TERM_BYTES)
        return info;
    if (xc_is_stopword("english", folded, n)) {
        info.flags |= XC_SURFACE_STOPWORD;
        return info;
    }
    if (is_calendar_word(folded, n))
        info.flags |= XC_SURFACE_CALENDAR;
    if (n < 2 || (!has_letter(folded, n) && token->type != XC_TOK_NUMBER))
        return info;
    size_t stem_len = n;
    const char *stem = has_letter(folded, n) ? xc_stem(d->stemmer, folded, n, &stem_len) : folded;
    uint32_t index;
    if (!xc_strmap_get(&d->stems, stem, stem_len, &index)) {
        index = add(d, stem, stem_len, 0, NEW);
        if (index == UINT32_MAX)
            return info;
    }
    info.term = index + 1;
    return info;
}

const xc_surface_info *xc_termdict_lookup(xc_termdict *d, const char *text, const xc_token *token)
{
    static const xc_surface_info nothing = {0};
    const char *raw = text + token->start;
    size_t len = token->end - token->start;
    uint32_t slot;
    if (xc_strmap_get(&d->surface, raw, len, &slot))
        return &d->surface_info[slot];
    xc_surface_info info = resolve(d, text, token);
    if (d->surface_count >= SURFACE_CACHE_LIMIT) {
        xc_strmap_free(&d->surface);
        d->surface_count = 0;
    }
    if (d->surface_count == d->surface_capacity) {
        size_t cap = d->surface_capacity ? d->surface_capacity * 2 : 4096;
        xc_surface_info *grown = realloc(d->surface_info, cap * sizeof *grown);
        if (!grown)
            return &nothing;
        d->surface_info = grown;
        d->surface_capacity = cap;
    }
    slot = (uint32_t)d->surface_count;
    if (!xc_strmap_put(&d->surface, raw, len, slot))
        return &nothing;
    d->surface_info[d->surface_count++] = info;
    return &d->surface_info[slot];
}

uint32_t xc_termdict_intern(xc_termdict *d, const char *key, size_t len)
{
    uint32_t index;
    if (xc_strmap_get(&d->stems, key, len, &index))
        return index + 1;
    index = add(d, key, len, 0, NEW);
    return index == UINT32_MAX ? XC_TERM_NONE : index + 1;
}

double xc_termdict_idf(const xc_termdict *d, uint32_t term)
{
    double df = term && term <= d->count ? (double)d->df[term - 1] + d->background[term - 1] : 0;
    double n = (double)d->articles + xc_background_documents;
    return log((n + 1.0) / (df + 1.0)) + 1.0;
}

void xc_termdict_count(xc_termdict *d, const uint32_t *terms, size_t n, int delta)
{
    for (size_t i = 0; i < n; i++) {
        uint32_t index = terms[i] - 1;
        if (terms[i] == XC_TERM_NONE || index >= d->count)
            continue;
        if (delta < 0 && d->df[index] == 0)
            continue;
        d->df[index] += (uint32_t)delta;
        if (d->dirty[index] == CLEAN)
            d->dirty[index] = CHANGED;
    }
    d->articles += delta;
    if (d->articles < 0)
        d->articles = 0;
    d->articles_dirty = true;
}

const char *xc_termdict_string(const xc_termdict *d, uint32_t term)
{
    return term && term <= d->count ? d->terms[term - 1] : "";
}

xc_status xc_termdict_save(xc_termdict *d, xc_store *store, xc_error *err)
{
    static const char insert_sql[] = "INSERT INTO terms(id, term, df) VALUES (?, ?, ?)";
    static const char update_sql[] = "UPDATE terms SET df = ? WHERE id = ?";
    for (size_t i = 0; i < d->count; i++) {
        if (d->dirty[i] == CLEAN)
            continue;
        sqlite3_stmt *st;
        if (d->dirty[i] == NEW) {
            st = xc_store_prepare(store, insert_sql, err);
            if (!st)
                return XC_ERR_STORE;
            sqlite3_bind_int64(st, 1, (int64_t)i + 1);
            sqlite3_bind_text(st, 2, d->terms[i], -1, SQLITE_STATIC);
            sqlite3_bind_int64(st, 3, d->df[i]);
        } else {
            st = xc_store_prepare(store, update_sql, err);
            if (!st)
                return XC_ERR_STORE;
            sqlite3_bind_int64(st, 1, d->df[i]);
            sqlite3_bind_int64(st, 2, (int64_t)i + 1);
        }
        int rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE)
            return xc_store_error(store, err, "saving terms");
        d->dirty[i] = CLEAN;
    }
    if (d->articles_dirty) {
        xc_status s = xc_store_set_meta_int(store, "term_articles", d->articles, err);
        if (s != XC_OK)
            return s;
        d->articles_dirty = false;
    }
    return XC_OK;
}

size_t xc_termdict_memory(const xc_termdict *d)
{
    return d->capacity * (sizeof(char *) + 2 * sizeof(uint32_t) + 1) +
           d->stems.capacity * sizeof(xc_strmap_slot) + d->stems.keys.used_bytes +
           d->surface.capacity * sizeof(xc_strmap_slot) + d->surface.keys.used_bytes +
           d->surface_capacity * sizeof(xc_surface_info);
}
