/*
 * gencorpus.c - benchmark corpus generator for crosscheck.
 *
 * Builds a large, realistic JSON Lines stream of news articles from the real
 * texts under ../shared/data (PolNeAR, ECB+, NeuS/AllSides) by sampling and
 * perturbing them.  Each generated "event" picks one base text and emits 1-8
 * articles derived from it (the original, rewordings, truncations and
 * republications by other outlets).  The gold field "event" tells which
 * articles were generated from the same event instance.
 *
 * The data is read at run time and never copied into the repository.  Output
 * is streamed: memory holds the base texts (a few MB) plus a reorder window
 * of the articles published in the last few simulated days.
 *
 * Build: cc -std=c11 -O2 -Wall -Wextra -o build/bench/gencorpus bench/gencorpus.c
 * Usage: gencorpus [--data DIR] [--articles N] [--seed N] [--out FILE] ...
 */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define EXIT_SKIP 77               /* "no data": lets test drivers skip */
#define MIN_BODY_BYTES 80          /* shorter base texts are useless */
#define MAX_EVENT_ARTICLES 8
#define HISTORY 128                /* recent variants remembered per base */
#define HOUR 3600
#define DAY (24 * HOUR)
#define EPOCH_DAYS 20454           /* 2026-01-01 in days since 1970-01-01 */
#define EPOCH_WEEKDAY 4            /* 2026-01-01 is a Thursday (0 = Sunday) */

/* ------------------------------------------------------------------------ */
/* Small utilities                                                          */
/* ------------------------------------------------------------------------ */

/* Lets gcc and clang check printf-style calls (and -Wformat=2 stay quiet). */
#if defined(__GNUC__) || defined(__clang__)
#define PRINTF_LIKE(fmt, first) __attribute__((format(printf, fmt, first)))
#else
#define PRINTF_LIKE(fmt, first)
#endif

typedef struct Str Str;
_Noreturn static void die(const char *fmt, ...) PRINTF_LIKE(1, 2);
static void str_addf(Str *s, const char *fmt, ...) PRINTF_LIKE(2, 3);
static void make_path(char *buf, size_t cap, const char *fmt, ...) PRINTF_LIKE(3, 4);

_Noreturn static void die(const char *fmt, ...)
{
    va_list ap;
    fputs("gencorpus: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(1);
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        die("out of memory");
    return p;
}

static void *xmalloc(size_t n) { return xrealloc(NULL, n); }

static char *xstrndup(const char *s, size_t n)
{
    char *d = xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

/* Growable byte string, always NUL-terminated once anything was added. */
struct Str {
    char *p;
    size_t len, cap;
};

static void str_reserve(Str *s, size_t extra)
{
    if (s->len + extra + 1 <= s->cap)
        return;
    size_t cap = s->cap ? s->cap : 256;
    while (cap < s->len + extra + 1)
        cap *= 2;
    s->p = xrealloc(s->p, cap);
    s->cap = cap;
}

static void str_add(Str *s, const char *p, size_t n)
{
    str_reserve(s, n);
    memcpy(s->p + s->len, p, n);
    s->len += n;
    s->p[s->len] = 0;
}

static void str_addc(Str *s, char c) { str_add(s, &c, 1); }
static void str_adds(Str *s, const char *z) { str_add(s, z, strlen(z)); }
static void str_clear(Str *s) { s->len = 0; if (s->p) s->p[0] = 0; }

static void str_addf(Str *s, const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n > 0)
        str_add(s, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

/* Reads a whole file; returns NULL (quietly) when it cannot be read. */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    Str s = {0};
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        str_add(&s, buf, n);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(s.p);
        return NULL;
    }
    str_reserve(&s, 0);
    s.p[s.len] = 0;
    *len = s.len;
    return s.p;
}

/* snprintf into a path buffer; a path too long for it is an error. */
static void make_path(char *buf, size_t cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, cap, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= cap)
        die("path too long: %s", buf);
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

static int cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted names in dir ending with suffix (sorted so output is deterministic). */
static char **list_dir(const char *dir, const char *suffix, size_t *count)
{
    *count = 0;
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || !ends_with(e->d_name, suffix))
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            names = xrealloc(names, cap * sizeof *names);
        }
        names[n++] = xstrndup(e->d_name, strlen(e->d_name));
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_cstr);
    *count = n;
    return names;
}

static void free_list(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

/* ------------------------------------------------------------------------ */
/* Random numbers: splitmix64 for seeding, xoshiro256** for streams         */
/* ------------------------------------------------------------------------ */

typedef struct {
    uint64_t s[4];
} Rng;

/* The splitmix64 finaliser is a bijection on 64-bit values, which is also
 * what makes it usable to derive unique URL tokens from a counter. */
static uint64_t mix64(uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static uint64_t splitmix64(uint64_t *x)
{
    *x += 0x9e3779b97f4a7c15ULL;
    return mix64(*x);
}

static void rng_seed(Rng *r, uint64_t seed)
{
    uint64_t x = seed;
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&x);
}

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static uint64_t rng_next(Rng *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

/* Uniform in [0, 1). */
static double rng_unit(Rng *r) { return (double)(rng_next(r) >> 11) * 0x1.0p-53; }

/* Uniform in [0, n); n must be > 0. */
static uint32_t rng_below(Rng *r, uint32_t n)
{
    return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

static int rng_chance(Rng *r, double p) { return rng_unit(r) < p; }

static double rng_range(Rng *r, double lo, double hi)
{
    return lo + (hi - lo) * rng_unit(r);
}

/* Natural log for x > 0; local so that the program needs no -lm. */
static double ln_pos(double x)
{
    int e = 0;
    while (x >= 2.0) { x *= 0.5; e++; }
    while (x < 1.0) { x *= 2.0; e--; }
    double z = (x - 1.0) / (x + 1.0), z2 = z * z, term = z, sum = 0.0;
    for (int k = 1; k < 40; k += 2) {
        sum += term / k;
        term *= z2;
    }
    return 2.0 * sum + e * 0.69314718055994530942;
}

/* Exponentially distributed with the given mean. */
static double rng_exp(Rng *r, double mean) { return -mean * ln_pos(1.0 - rng_unit(r)); }

/* ------------------------------------------------------------------------ */
/* UTF-8 cleaning and whitespace normalisation                              */
/* ------------------------------------------------------------------------ */

/* Length (1-4) of the valid UTF-8 sequence at p, or 0 if it is invalid
 * (overlong forms, surrogates and values above U+10FFFF are invalid). */
static int utf8_len(const unsigned char *p, size_t n)
{
    unsigned c = p[0];
    if (c < 0x80)
        return 1;
    int len;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else
        return 0;
    if ((size_t)len > n || p[1] < lo || p[1] > hi)
        return 0;
    for (int i = 2; i < len; i++)
        if (p[i] < 0x80 || p[i] > 0xBF)
            return 0;
    return len;
}

enum { CH_TEXT, CH_SPACE, CH_NEWLINE, CH_DROP };

/* Classifies one valid character: which ones count as layout. */
static int char_class(const unsigned char *p, int len)
{
    if (len == 1) {
        if (p[0] == '\n')
            return CH_NEWLINE;
        return (p[0] < 0x20 || p[0] == 0x7F || p[0] == ' ') ? CH_SPACE : CH_TEXT;
    }
    if (len == 2 && p[0] == 0xC2 && p[1] == 0xA0)                  /* NBSP */
        return CH_SPACE;
    if (len == 3 && p[0] == 0xE2 && p[1] == 0x80) {
        if (p[2] <= 0x8A || p[2] == 0xAF)                         /* spaces */
            return CH_SPACE;
        if (p[2] == 0x8B)                                          /* ZWSP */
            return CH_DROP;
        if (p[2] == 0xA8 || p[2] == 0xA9)                          /* LS, PS */
            return CH_NEWLINE;
    }
    if (len == 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)  /* BOM */
        return CH_DROP;
    return CH_TEXT;
}

/*
 * Appends a cleaned copy of p[0..n) to out: invalid bytes become U+FFFD,
 * runs of spaces become one space, runs of line breaks one '\n' (a paragraph
 * break), and leading/trailing layout is dropped.  All later processing can
 * then rely on valid UTF-8 with single separators.
 */
static void normalize_text(Str *out, const char *text, size_t n)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t start = out->len;
    int pending_space = 0, pending_newline = 0;
    for (size_t i = 0; i < n;) {
        int len = utf8_len(p + i, n - i);
        const char *emit = (const char *)p + i;
        int cls;
        if (len == 0) {
            emit = "\xEF\xBF\xBD";
            cls = CH_TEXT;
            i += 1;
            len = 3;
        } else {
            cls = char_class(p + i, len);
            i += (size_t)len;
        }
        if (cls == CH_SPACE)
            pending_space = 1;
        else if (cls == CH_NEWLINE)
            pending_newline = 1;
        else if (cls == CH_TEXT) {
            if (out->len > start && (pending_newline || pending_space))
                str_addc(out, pending_newline ? '\n' : ' ');
            pending_space = pending_newline = 0;
            str_add(out, emit, (size_t)len);
        }
    }
    str_reserve(out, 0);
    out->p[out->len] = 0;
}

/* Normalises a title to a single line. */
static void normalize_line(Str *out, const char *text, size_t n)
{
    size_t start = out->len;
    normalize_text(out, text, n);
    for (size_t i = start; i < out->len; i++)
        if (out->p[i] == '\n')
            out->p[i] = ' ';
}

/* ------------------------------------------------------------------------ */
/* Minimal JSON reading: a cursor over one line, validating what it skips   */
/* ------------------------------------------------------------------------ */

#define JSON_MAX_DEPTH 64

static const char *js_ws(const char *p, const char *e)
{
    while (p < e && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
        p++;
    return p;
}

/* p at '"': returns the position after the closing quote, or NULL. */
static const char *js_skip_string(const char *p, const char *e)
{
    for (p++; p < e; p++) {
        if (*p == '"')
            return p + 1;
        if (*p == '\\' && ++p >= e)
            return NULL;
    }
    return NULL;
}

static const char *js_skip(const char *p, const char *e, int depth);

/* p at '{' or '[': skips the whole container. */
static const char *js_skip_container(const char *p, const char *e, int depth)
{
    char close = *p == '{' ? '}' : ']';
    int is_object = *p == '{';
    if (depth > JSON_MAX_DEPTH)
        return NULL;
    p = js_ws(p + 1, e);
    if (p < e && *p == close)
        return p + 1;
    for (;;) {
        if (is_object) {
            if (p >= e || *p != '"' || !(p = js_skip_string(p, e)))
                return NULL;
            p = js_ws(p, e);
            if (p >= e || *p != ':')
                return NULL;
            p = js_ws(p + 1, e);
        }
        if (!(p = js_skip(p, e, depth + 1)))
            return NULL;
        p = js_ws(p, e);
        if (p < e && *p == ',') {
            p = js_ws(p + 1, e);
            continue;
        }
        return (p < e && *p == close) ? p + 1 : NULL;
    }
}

/* Skips one value starting at p (no leading whitespace); NULL if invalid. */
static const char *js_skip(const char *p, const char *e, int depth)
{
    if (!p || p >= e)
        return NULL;
    switch (*p) {
    case '"':
        return js_skip_string(p, e);
    case '{':
    case '[':
        return js_skip_container(p, e, depth);
    case 't':
        return (e - p >= 4 && !memcmp(p, "true", 4)) ? p + 4 : NULL;
    case 'f':
        return (e - p >= 5 && !memcmp(p, "false", 5)) ? p + 5 : NULL;
    case 'n':
        return (e - p >= 4 && !memcmp(p, "null", 4)) ? p + 4 : NULL;
    default:
        if (*p != '-' && (*p < '0' || *p > '9'))
            return NULL;
        while (p < e && strchr("+-.eE0123456789", *p))
            p++;
        return p;
    }
}

/* obj at '{': returns the start of the value of member key, or NULL.
 * Keys are compared raw, which is fine for the plain ASCII keys we need. */
static const char *js_member(const char *obj, const char *e, const char *key)
{
    size_t klen = strlen(key);
    if (!obj || obj >= e || *obj != '{')
        return NULL;
    const char *p = js_ws(obj + 1, e);
    while (p < e && *p == '"') {
        const char *kend = js_skip_string(p, e);
        if (!kend)
            return NULL;
        int match = (size_t)(kend - p - 2) == klen && !memcmp(p + 1, key, klen);
        p = js_ws(kend, e);
        if (p >= e || *p != ':')
            return NULL;
        p = js_ws(p + 1, e);
        if (match)
            return p;
        if (!(p = js_skip(p, e, 1)))
            return NULL;
        p = js_ws(p, e);
        if (p >= e || *p != ',')
            return NULL;
        p = js_ws(p + 1, e);
    }
    return NULL;
}

static int hex4(const char *p, const char *e, unsigned *out)
{
    unsigned v = 0;
    if (e - p < 4)
        return 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        unsigned d = (c >= '0' && c <= '9') ? (unsigned)(c - '0')
                   : (c >= 'a' && c <= 'f') ? (unsigned)(c - 'a' + 10)
                   : (c >= 'A' && c <= 'F') ? (unsigned)(c - 'A' + 10) : 99u;
        if (d > 15)
            return 0;
        v = v * 16 + d;
    }
    *out = v;
    return 1;
}

static void put_utf8(Str *out, unsigned cp)
{
    char b[4];
    if (cp < 0x80) {
        b[0] = (char)cp;
        str_add(out, b, 1);
    } else if (cp < 0x800) {
        b[0] = (char)(0xC0 | (cp >> 6));
        b[1] = (char)(0x80 | (cp & 0x3F));
        str_add(out, b, 2);
    } else if (cp < 0x10000) {
        b[0] = (char)(0xE0 | (cp >> 12));
        b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F));
        str_add(out, b, 3);
    } else {
        b[0] = (char)(0xF0 | (cp >> 18));
        b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[3] = (char)(0x80 | (cp & 0x3F));
        str_add(out, b, 4);
    }
}

/* Decodes the \uXXXX escape at p (after the backslash-u); returns the
 * position after it.  Lone surrogates decode to U+FFFD. */
static const char *js_unicode(const char *p, const char *e, Str *out)
{
    unsigned cp, lo;
    if (!hex4(p, e, &cp))
        return NULL;
    p += 4;
    if (cp >= 0xD800 && cp <= 0xDBFF && e - p >= 6 && p[0] == '\\' &&
        p[1] == 'u' && hex4(p + 2, e, &lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        p += 6;
    } else if (cp >= 0xD800 && cp <= 0xDFFF)
        cp = 0xFFFD;
    put_utf8(out, cp);
    return p;
}

/* Decodes the string at p into out (appending); 0 if p is not a valid
 * string.  Raw bytes are copied as they are; normalize_text cleans them. */
static int js_string_raw(const char *p, const char *e, Str *out)
{
    if (!p || p >= e || *p != '"')
        return 0;
    for (p++; p < e;) {
        const char *run = p;
        while (p < e && *p != '"' && *p != '\\')
            p++;
        str_add(out, run, (size_t)(p - run));
        if (p >= e)
            return 0;
        if (*p == '"')
            return 1;
        if (++p >= e)
            return 0;
        char c = *p++;
        switch (c) {
        case 'n': str_addc(out, '\n'); break;
        case 't': str_addc(out, '\t'); break;
        case 'r': str_addc(out, '\r'); break;
        case 'b': str_addc(out, '\b'); break;
        case 'f': str_addc(out, '\f'); break;
        case 'u':
            if (!(p = js_unicode(p, e, out)))
                return 0;
            break;
        default:
            str_addc(out, c);   /* \" \\ \/ and, leniently, anything else */
        }
    }
    return 0;
}

/* As js_string_raw, but leaves out unchanged when the string is invalid. */
static int js_string(const char *p, const char *e, Str *out)
{
    size_t mark = out->len;
    if (js_string_raw(p, e, out))
        return 1;
    out->len = mark;
    if (out->p)
        out->p[mark] = 0;
    return 0;
}

/* A string's text, or a number's digits (ids and topics may be either). */
static int js_scalar(const char *p, const char *e, Str *out)
{
    if (p && p < e && *p == '"')
        return js_string(p, e, out);
    const char *end = js_skip(p, e, 1);
    if (!end || *p == '{' || *p == '[')
        return 0;
    str_add(out, p, (size_t)(end - p));
    return 1;
}

/* Joins the strings of an array (or takes a plain string) as paragraphs;
 * other array elements are ignored. */
static int js_paragraphs(const char *p, const char *e, Str *out)
{
    if (p && p < e && *p == '"')
        return js_string(p, e, out);
    if (!p || p >= e || *p != '[')
        return 0;
    p = js_ws(p + 1, e);
    while (p < e && *p != ']') {
        if (*p == '"') {
            if (out->len)
                str_addc(out, '\n');
            if (!js_string(p, e, out))
                return 0;
        }
        if (!(p = js_skip(p, e, 1)))
            return 0;
        p = js_ws(p, e);
        if (p < e && *p == ',')
            p = js_ws(p + 1, e);
    }
    return p < e;
}

/* ------------------------------------------------------------------------ */
/* Base texts                                                               */
/* ------------------------------------------------------------------------ */

/* A piece of text: a sentence, or an invented intro paragraph. */
typedef struct {
    const char *p;
    uint32_t len;
    uint32_t para;   /* nonzero: starts a new paragraph */
} Span;

/* A document as a list of sentence spans (which point into stable text). */
typedef struct {
    Span *v;
    size_t n, cap;
} Doc;

static void doc_push(Doc *d, const char *p, size_t len, int para)
{
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 64;
        d->v = xrealloc(d->v, d->cap * sizeof *d->v);
    }
    d->v[d->n++] = (Span){p, (uint32_t)len, (uint32_t)(para != 0)};
}

typedef struct {
    char *id;        /* e.g. "polnear:nyt_2016-03-16_via-legislative-side-doors" */
    char *title;
    char *text;      /* normalised: paragraphs separated by '\n' */
    Span *sents;
    uint32_t nsents;
    uint32_t group;  /* texts about the same real-world story share it */
} Base;

typedef struct {
    Base *v;
    size_t n, cap;
    uint32_t ngroups;
    uint64_t *seen;     /* open-addressing set of text hashes (0 = empty) */
    size_t seen_cap;
} BaseSet;

static uint64_t fnv1a(const char *p, size_t n)
{
    uint64_t h = 14695981039346656037ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)p[i]) * 1099511628211ULL;
    return h ? h : 1;
}

static void seen_insert(uint64_t *table, size_t cap, uint64_t h)
{
    size_t i = (size_t)h & (cap - 1);
    while (table[i] && table[i] != h)
        i = (i + 1) & (cap - 1);
    table[i] = h;
}

/* Some data sets hold the same article twice (PolNeAR under two dates, ECB+
 * under two ids); a second copy would make two gold events out of one text.
 * Returns 1 if the text was seen before, else records it. */
static int seen_text(BaseSet *bs, const char *p, size_t n)
{
    uint64_t h = fnv1a(p, n);
    if (2 * (bs->n + 1) > bs->seen_cap) {
        size_t cap = bs->seen_cap ? bs->seen_cap * 2 : 4096;
        uint64_t *table = calloc(cap, sizeof *table);
        if (!table)
            die("out of memory");
        for (size_t i = 0; i < bs->seen_cap; i++)
            if (bs->seen[i])
                seen_insert(table, cap, bs->seen[i]);
        free(bs->seen);
        bs->seen = table;
        bs->seen_cap = cap;
    }
    size_t i = (size_t)h & (bs->seen_cap - 1);
    for (; bs->seen[i]; i = (i + 1) & (bs->seen_cap - 1))
        if (bs->seen[i] == h)
            return 1;
    bs->seen[i] = h;
    return 0;
}

static const char *const ABBREVIATIONS[] = {
    "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gov", "Sen", "Rep", "Gen",
    "Col", "Lt", "Sgt", "Capt", "Cmdr", "Adm", "Prof", "Rev", "Hon", "Mt",
    "Ft", "No", "Nos", "vs", "etc", "Inc", "Co", "Corp", "Ltd", "Jan", "Feb",
    "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "Ave", "Blvd", "Calif", "Fla", "Mass", "Penn", "Pa", "Va", "Wash", "Ariz",
    "Colo", "Conn", "Ill", "Ind", "Kan", "Ky", "La", "Md", "Mich", "Minn",
    "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Tenn", "Tex", "Wis",
};

static int is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int is_upper(char c) { return c >= 'A' && c <= 'Z'; }

/* Whether the '.' at text[dot] ends an abbreviation or an initial. */
static int is_abbreviation(const char *text, size_t begin, size_t dot)
{
    size_t w = dot;
    int inner_dot = 0;
    while (w > begin && (is_ascii_alpha(text[w - 1]) || text[w - 1] == '.')) {
        w--;
        inner_dot |= text[w] == '.';
    }
    size_t n = dot - w;
    if (n == 0)
        return 0;
    if (inner_dot || (n == 1 && is_upper(text[w])))   /* U.S. / J. Smith */
        return 1;
    for (size_t i = 0; i < sizeof ABBREVIATIONS / sizeof *ABBREVIATIONS; i++)
        if (strlen(ABBREVIATIONS[i]) == n && !memcmp(ABBREVIATIONS[i], text + w, n))
            return 1;
    return 0;
}

/* Skips closing quotes/brackets after sentence punctuation. */
static size_t skip_closers(const char *t, size_t j, size_t end)
{
    while (j < end) {
        if (strchr("\"')]", t[j]) && t[j])
            j++;
        else if (end - j >= 3 && !memcmp(t + j, "\xE2\x80", 2) &&
                 (t[j + 2] == '\x99' || t[j + 2] == '\x9D'))
            j += 3;                                        /* ’ ” */
        else
            break;
    }
    return j;
}

/* Whether a sentence plausibly starts at p. */
static int starts_sentence(const char *p, size_t n)
{
    unsigned char c = (unsigned char)p[0];
    if (is_upper((char)c) || (c >= '0' && c <= '9') || strchr("\"'([", (char)c))
        return c != 0;
    if (n >= 3 && c == 0xE2 && p[1] == '\x80' && (p[2] == '\x9C' || p[2] == '\x98'))
        return 1;                                          /* “ ‘ */
    return n >= 2 && c == 0xC3 && (unsigned char)p[1] <= 0x9E;  /* À-Þ */
}

/* Splits one paragraph text[begin..end) into sentences. */
static void split_paragraph(Doc *out, const char *t, size_t begin, size_t end)
{
    size_t start = begin;
    for (size_t i = begin; i < end; i++) {
        char c = t[i];
        if (c != '.' && c != '!' && c != '?')
            continue;
        size_t j = skip_closers(t, i + 1, end);
        if (j + 1 >= end || t[j] != ' ' || !starts_sentence(t + j + 1, end - j - 1))
            continue;
        if (c == '.' && is_abbreviation(t, start, i))
            continue;
        if (c == '.' && i > begin && t[i - 1] >= '0' && t[i - 1] <= '9' && j == i + 1 &&
            t[j + 1] >= '0' && t[j + 1] <= '9')
            continue;                     /* "$2. 6 million" (ECB+ tokenisation) */
        doc_push(out, t + start, j - start, start == begin);
        start = j + 1;
        i = j;
    }
    if (end > start)
        doc_push(out, t + start, end - start, start == begin);
}

static void split_sentences(Doc *out, const char *text, size_t len)
{
    size_t begin = 0;
    while (begin < len) {
        const char *nl = memchr(text + begin, '\n', len - begin);
        size_t end = nl ? (size_t)(nl - text) : len;
        split_paragraph(out, text, begin, end);
        begin = end + 1;
    }
}

/* Title from the first sentence, cut at a word boundary if long. */
static char *title_from_sentence(const Span *s)
{
    size_t n = s->len;
    if (n > 120) {
        n = 120;
        while (n > 40 && s->p[n] != ' ')
            n--;
    }
    return xstrndup(s->p, n);
}

/*
 * Adds one base text.  Body and title are cleaned; texts too short to be
 * articles are skipped.  Returns 1 if the text was kept.
 */
static int add_base(BaseSet *bs, const char *id, const char *title, size_t tlen,
                    const char *body, size_t blen, uint32_t group)
{
    Str text = {0}, head = {0};
    Doc sents = {0};
    normalize_text(&text, body, blen);
    normalize_line(&head, title, tlen);
    if (text.len >= MIN_BODY_BYTES && !seen_text(bs, text.p, text.len))
        split_sentences(&sents, text.p, text.len);
    if (sents.n == 0) {
        free(text.p);
        free(head.p);
        free(sents.v);
        return 0;
    }
    if (bs->n == bs->cap) {
        bs->cap = bs->cap ? bs->cap * 2 : 1024;
        bs->v = xrealloc(bs->v, bs->cap * sizeof *bs->v);
    }
    Base *b = &bs->v[bs->n++];
    b->id = xstrndup(id, strlen(id));
    b->text = text.p;
    b->sents = xrealloc(sents.v, sents.n * sizeof *sents.v);
    b->nsents = (uint32_t)sents.n;
    b->group = group;
    if (head.len) {
        b->title = head.p;
    } else {
        free(head.p);
        b->title = title_from_sentence(&b->sents[0]);
    }
    return 1;
}

/* --- PolNeAR: polnear/{train,dev}/text/NAME.txt, titles from metadata.tsv */

typedef struct {
    char *name;
    char *title;
} MetaRow;

static int cmp_meta(const void *a, const void *b)
{
    return strcmp(((const MetaRow *)a)->name, ((const MetaRow *)b)->name);
}

/* Index of the tab-separated field named want in the header line, or -1. */
static int tsv_column(const char *line, const char *want)
{
    int col = 0;
    size_t n = strlen(want);
    for (const char *p = line;; col++) {
        const char *tab = strchr(p, '\t');
        size_t len = tab ? (size_t)(tab - p) : strlen(p);
        if (len == n && !memcmp(p, want, n))
            return col;
        if (!tab)
            return -1;
        p = tab + 1;
    }
}

/* Copies field number col of a tab-separated line; NULL if absent. */
static char *tsv_field(const char *line, int col)
{
    const char *p = line;
    for (int i = 0; i < col; i++) {
        p = strchr(p, '\t');
        if (!p)
            return NULL;
        p++;
    }
    const char *tab = strchr(p, '\t');
    return xstrndup(p, tab ? (size_t)(tab - p) : strlen(p));
}

/* Reads filename -> title from metadata.tsv, sorted for bsearch. */
static MetaRow *load_metadata(const char *path, size_t *count)
{
    size_t len;
    char *data = read_file(path, &len);
    *count = 0;
    if (!data)
        return NULL;
    MetaRow *rows = NULL;
    size_t n = 0, cap = 0;
    int name_col = -1, title_col = -1;
    for (char *line = strtok(data, "\r\n"); line; line = strtok(NULL, "\r\n")) {
        if (name_col < 0) {
            name_col = tsv_column(line, "filename");
            title_col = tsv_column(line, "title");
            if (name_col < 0 || title_col < 0)
                break;
            continue;
        }
        char *name = tsv_field(line, name_col), *title = tsv_field(line, title_col);
        if (!name || !title || !strcmp(title, "None") || !title[0]) {
            free(name);
            free(title);
            continue;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 1024;
            rows = xrealloc(rows, cap * sizeof *rows);
        }
        rows[n++] = (MetaRow){name, title};
    }
    free(data);
    if (n)
        qsort(rows, n, sizeof *rows, cmp_meta);
    *count = n;
    return rows;
}

/*
 * PolNeAR files start with a headline block (one or two lines) followed by a
 * blank line.  Returns the headline length and sets *body to where the body
 * starts; without a blank line early on, the first line is the headline.
 */
static size_t polnear_headline(const char *p, size_t n, size_t *body)
{
    const char *first = memchr(p, '\n', n);
    if (!first) {
        *body = 0;
        return 0;
    }
    for (const char *nl = first; nl && nl - p < 600;
         nl = memchr(nl + 1, '\n', n - (size_t)(nl + 1 - p))) {
        const char *q = nl + 1;
        while (q < p + n && (*q == ' ' || *q == '\t' || *q == '\r'))
            q++;
        if (q < p + n && *q == '\n') {
            *body = (size_t)(q + 1 - p);
            return (size_t)(nl - p);
        }
    }
    *body = (size_t)(first + 1 - p);
    return (size_t)(first - p);
}

static void polnear_file(BaseSet *bs, const char *dir, const char *name,
                         const MetaRow *meta, size_t nmeta)
{
    char path[4096], id[1024];
    size_t len, body;
    make_path(path, sizeof path, "%s/%s", dir, name);
    char *data = read_file(path, &len);
    if (!data)
        return;
    size_t stem = strlen(name) - 4;                       /* drop ".txt" */
    snprintf(id, sizeof id, "polnear:%.*s", (int)stem, name);
    size_t hlen = polnear_headline(data, len, &body);
    MetaRow key = {id + 8, NULL};
    const MetaRow *row = nmeta ? bsearch(&key, meta, nmeta, sizeof *meta, cmp_meta) : NULL;
    const char *title = row ? row->title : data;
    size_t tlen = row ? strlen(row->title) : hlen;
    if (add_base(bs, id, title, tlen, data + body, len - body, bs->ngroups))
        bs->ngroups++;
    free(data);
}

static size_t load_polnear(BaseSet *bs, const char *data_dir)
{
    static const char *const parts[] = {"train", "dev"};
    char path[4096];
    size_t before = bs->n, nmeta, nfiles;
    make_path(path, sizeof path, "%s/polnear/metadata.tsv", data_dir);
    MetaRow *meta = load_metadata(path, &nmeta);
    for (size_t k = 0; k < 2; k++) {
        make_path(path, sizeof path, "%s/polnear/%s/text", data_dir, parts[k]);
        char **files = list_dir(path, ".txt", &nfiles);
        for (size_t i = 0; i < nfiles; i++)
            polnear_file(bs, path, files[i], meta, nmeta);
        free_list(files, nfiles);
    }
    for (size_t i = 0; i < nmeta; i++) {
        free(meta[i].name);
        free(meta[i].title);
    }
    free(meta);
    return bs->n - before;
}

/* --- ECB+: ecbplus/articles.jsonl {id,title,text,url,topic,event} -------- */

/* Maps a string key to a small group number (few distinct keys: linear). */
typedef struct {
    char **keys;
    uint32_t *ids;
    size_t n, cap;
} GroupMap;

static uint32_t group_of(GroupMap *m, BaseSet *bs, const char *key)
{
    for (size_t i = 0; i < m->n; i++)
        if (!strcmp(m->keys[i], key))
            return m->ids[i];
    if (m->n == m->cap) {
        m->cap = m->cap ? m->cap * 2 : 64;
        m->keys = xrealloc(m->keys, m->cap * sizeof *m->keys);
        m->ids = xrealloc(m->ids, m->cap * sizeof *m->ids);
    }
    m->keys[m->n] = xstrndup(key, strlen(key));
    m->ids[m->n] = bs->ngroups++;
    return m->ids[m->n++];
}

static void group_map_free(GroupMap *m)
{
    for (size_t i = 0; i < m->n; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->ids);
}

/* ECB+ "ecbplus" texts repeat the headline as their first line; ECB texts
 * start with the lead sentence that also serves as title.  Drop only a
 * headline (no final punctuation), never a lead sentence. */
static size_t skip_repeated_headline(const Str *text, const Str *title)
{
    const char *nl = memchr(text->p, '\n', text->len);
    if (!nl || title->len == 0 || strchr(".!?\"'", title->p[title->len - 1]))
        return 0;
    size_t first = (size_t)(nl - text->p);
    return (first == title->len && !memcmp(text->p, title->p, first)) ? first + 1 : 0;
}

static void ecbplus_line(BaseSet *bs, GroupMap *groups, const char *p, const char *e)
{
    Str id = {0}, title = {0}, text = {0}, topic = {0}, event = {0};
    p = js_ws(p, e);
    if (js_skip(p, e, 0) &&
        js_scalar(js_member(p, e, "id"), e, &id) &&
        js_string(js_member(p, e, "text"), e, &text) &&
        js_scalar(js_member(p, e, "event"), e, &event)) {
        js_string(js_member(p, e, "title"), e, &title);
        js_scalar(js_member(p, e, "topic"), e, &topic);
        str_addc(&topic, '/');
        str_add(&topic, event.p, event.len);
        Str name = {0};
        str_adds(&name, "ecbplus:");
        str_add(&name, id.p, id.len);
        size_t skip = title.len ? skip_repeated_headline(&text, &title) : 0;
        add_base(bs, name.p, title.len ? title.p : "", title.len,
                 text.p + skip, text.len - skip, group_of(groups, bs, topic.p));
        free(name.p);
    }
    free(id.p);
    free(title.p);
    free(text.p);
    free(topic.p);
    free(event.p);
}

/* Calls fn for each line of a file read whole (the files are a few MB). */
static int for_each_line(const char *path, void (*fn)(void *, const char *, const char *, size_t),
                         void *ctx)
{
    size_t len;
    char *data = read_file(path, &len);
    if (!data)
        return 0;
    size_t lineno = 0;
    for (const char *p = data, *end = data + len; p < end; lineno++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        fn(ctx, p, e, lineno);
        p = e + 1;
    }
    free(data);
    return 1;
}

typedef struct {
    BaseSet *bs;
    GroupMap groups;
    const char *tag;
} LineCtx;

static void ecbplus_cb(void *ctx, const char *p, const char *e, size_t lineno)
{
    (void)lineno;
    LineCtx *c = ctx;
    ecbplus_line(c->bs, &c->groups, p, e);
}

static size_t load_ecbplus(BaseSet *bs, const char *data_dir)
{
    char path[4096];
    size_t before = bs->n;
    LineCtx ctx = {bs, {0}, NULL};
    make_path(path, sizeof path, "%s/ecbplus/articles.jsonl", data_dir);
    for_each_line(path, ecbplus_cb, &ctx);
    group_map_free(&ctx.groups);
    return bs->n - before;
}

/* --- NeuS: raw_crawled/NAME.jsonl stories (left/center/right articles) -- */

static void neus_raw_cb(void *ctx, const char *p, const char *e, size_t lineno)
{
    static const char *const sides[] = {"left", "center", "right"};
    LineCtx *c = ctx;
    Str story = {0};
    p = js_ws(p, e);
    if (!js_skip(p, e, 0))
        return;
    if (!js_scalar(js_member(p, e, "id"), e, &story))
        str_addf(&story, "%s-%zu", c->tag, lineno);
    const char *news = js_member(p, e, "news");
    uint32_t group = c->bs->ngroups;
    int kept = 0;
    for (int s = 0; s < 3 && news; s++) {
        const char *art = js_member(news, e, sides[s]);
        Str title = {0}, body = {0}, id = {0};
        if (art && js_paragraphs(js_member(art, e, "newBody"), e, &body)) {
            js_string(js_member(art, e, "newsTitle"), e, &title);
            str_addf(&id, "neus:%s:%s", story.p, sides[s]);
            kept |= add_base(c->bs, id.p, title.len ? title.p : "", title.len,
                             body.p ? body.p : "", body.len, group);
        }
        free(title.p);
        free(body.p);
        free(id.p);
    }
    if (kept)
        c->bs->ngroups++;
    free(story.p);
}

/* --- NeuS fallback: train.source "TITLE=> t ARTICLE=> a [SEP] ..." ------- */

static const char *find_bytes(const char *p, const char *e, const char *needle)
{
    size_t n = strlen(needle);
    for (; p && e - p >= (long)n; p++) {
        p = memchr(p, needle[0], (size_t)(e - p));
        if (!p || e - p < (long)n)
            return NULL;
        if (!memcmp(p, needle, n))
            return p;
    }
    return NULL;
}

static int neus_part(BaseSet *bs, const char *p, const char *e, size_t lineno,
                     int part, uint32_t group)
{
    const char *t = find_bytes(p, e, "TITLE=>");
    const char *a = find_bytes(p, e, "ARTICLE=>");
    if (!t || !a || a < t)
        return 0;
    const char *title = t + 7, *tend = a;
    while (tend > title && (tend[-1] == ' ' || tend[-1] == '.'))
        tend--;                           /* the format appends ". " */
    char id[64];
    snprintf(id, sizeof id, "neus:train:%zu:%d", lineno + 1, part);
    return add_base(bs, id, title, (size_t)(tend - title), a + 9, (size_t)(e - a - 9), group);
}

static void neus_source_cb(void *ctx, const char *p, const char *e, size_t lineno)
{
    LineCtx *c = ctx;
    uint32_t group = c->bs->ngroups;
    int kept = 0, part = 0;
    while (p < e) {
        const char *sep = find_bytes(p, e, "[SEP]");
        const char *end = sep ? sep : e;
        kept |= neus_part(c->bs, p, end, lineno, part++, group);
        p = sep ? sep + 5 : e;
    }
    if (kept)
        c->bs->ngroups++;
}

/* The crawled stories carry outlet names and fuller bodies; train.source is
 * only read when they are absent (the two overlap). */
static size_t load_neus(BaseSet *bs, const char *data_dir)
{
    char dir[4096], path[8192];
    size_t before = bs->n, nfiles;
    LineCtx ctx = {bs, {0}, "story"};
    make_path(dir, sizeof dir, "%s/neus_allsides/raw_crawled", data_dir);
    char **files = list_dir(dir, ".jsonl", &nfiles);
    for (size_t i = 0; i < nfiles; i++) {
        make_path(path, sizeof path, "%s/%s", dir, files[i]);
        for_each_line(path, neus_raw_cb, &ctx);
    }
    free_list(files, nfiles);
    if (bs->n == before) {
        make_path(path, sizeof path, "%s/neus_allsides/train.source", data_dir);
        for_each_line(path, neus_source_cb, &ctx);
    }
    return bs->n - before;
}

/*
 * The order in which events pick base texts.  It is one fixed cycle over all
 * bases, so a reused base comes back a full cycle later (weeks of simulated
 * time at the default rate).  Texts of the same real-world story (ECB+
 * event, NeuS story) are spread evenly over the cycle, so that distinct gold
 * events about the same real story rarely overlap in time.
 */
typedef struct {
    double key;
    uint32_t index;
} OrderKey;

static int cmp_order(const void *a, const void *b)
{
    const OrderKey *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

static uint32_t *make_schedule(const BaseSet *bs, uint64_t seed)
{
    Rng rng;
    rng_seed(&rng, seed ^ 0x5c4ed01eULL);
    uint32_t *size = calloc(bs->ngroups, sizeof *size);
    uint32_t *seen = calloc(bs->ngroups, sizeof *seen);
    double *phase = xmalloc(bs->ngroups * sizeof *phase);
    OrderKey *keys = xmalloc(bs->n * sizeof *keys);
    uint32_t *order = xmalloc(bs->n * sizeof *order);
    if (!size || !seen)
        die("out of memory");
    for (size_t i = 0; i < bs->n; i++)
        size[bs->v[i].group]++;
    for (uint32_t g = 0; g < bs->ngroups; g++)
        phase[g] = rng_unit(&rng);
    for (size_t i = 0; i < bs->n; i++) {
        uint32_t g = bs->v[i].group;
        keys[i].key = (seen[g]++ + phase[g]) / size[g];
        keys[i].index = (uint32_t)i;
    }
    qsort(keys, bs->n, sizeof *keys, cmp_order);
    for (size_t i = 0; i < bs->n; i++)
        order[i] = keys[i].index;
    free(size);
    free(seen);
    free(phase);
    free(keys);
    return order;
}

/* Texts with a few sentences can be varied many times without repeating
 * themselves; a one- or two-sentence text cannot, so it is used once. */
static int is_reusable(const Base *b)
{
    return b->nsents >= 4 && strlen(b->text) >= 400;
}

/* The bases used again after the first cycle, in schedule order. */
static uint32_t *make_reuse(const BaseSet *bs, const uint32_t *order, size_t *count)
{
    uint32_t *reuse = xmalloc(bs->n * sizeof *reuse);
    size_t n = 0;
    for (size_t i = 0; i < bs->n; i++)
        if (is_reusable(&bs->v[order[i]]))
            reuse[n++] = order[i];
    if (n == 0) {                        /* only tiny texts: reuse them all */
        memcpy(reuse, order, bs->n * sizeof *reuse);
        n = bs->n;
    }
    *count = n;
    return reuse;
}

/* ------------------------------------------------------------------------ */
/* Text arena: stable storage for generated sentences, reset per use        */
/* ------------------------------------------------------------------------ */

typedef struct Chunk {
    struct Chunk *next;
    size_t cap, used;
    char data[];
} Chunk;

typedef struct {
    Chunk *head, *cur;
} Arena;

#define CHUNK_BYTES (256 * 1024)

/* Copies p[0..n) into the arena.  Chunks are kept and reused after a
 * reset, so memory stays at the largest document seen. */
static const char *arena_dup(Arena *a, const char *p, size_t n)
{
    Chunk *c = a->cur;
    while (c && c->cap - c->used < n) {
        c = c->next;
        if (c)
            c->used = 0;
    }
    if (!c) {
        size_t cap = n > CHUNK_BYTES ? n : CHUNK_BYTES;
        c = xmalloc(sizeof *c + cap);
        c->cap = cap;
        c->used = 0;
        c->next = a->cur ? a->cur->next : NULL;
        if (a->cur)
            a->cur->next = c;
        else
            a->head = c;
    }
    a->cur = c;
    char *dst = c->data + c->used;
    memcpy(dst, p, n);
    c->used += n;
    return dst;
}

static void arena_reset(Arena *a)
{
    a->cur = a->head;
    if (a->cur)
        a->cur->used = 0;
}

/* ------------------------------------------------------------------------ */
/* Perturbations                                                            */
/* ------------------------------------------------------------------------ */

/* Common news words and a replacement: enough to change surface forms
 * the way a rewrite desk does, without touching names or numbers. */
typedef struct {
    const char *from, *to;
} Synonym;

static const Synonym SYNONYMS[] = {
    {"said", "stated"}, {"says", "states"}, {"told", "informed"},
    {"asked", "questioned"}, {"president", "leader"}, {"killed", "left dead"},
    {"large", "big"}, {"big", "major"}, {"small", "minor"},
    {"announced", "declared"}, {"officials", "authorities"},
    {"police", "law enforcement"}, {"people", "individuals"},
    {"attack", "assault"}, {"attacks", "assaults"}, {"help", "assist"},
    {"helped", "assisted"}, {"began", "started"}, {"begin", "start"},
    {"showed", "demonstrated"}, {"shows", "demonstrates"}, {"use", "utilize"},
    {"used", "utilized"}, {"need", "require"}, {"needs", "requires"},
    {"tried", "attempted"}, {"try", "attempt"}, {"bought", "purchased"},
    {"buy", "purchase"}, {"got", "obtained"}, {"enough", "sufficient"},
    {"important", "significant"}, {"many", "numerous"}, {"several", "multiple"},
    {"often", "frequently"}, {"also", "additionally"}, {"country", "nation"},
    {"city", "town"}, {"government", "administration"}, {"company", "firm"},
    {"companies", "firms"}, {"car", "vehicle"}, {"cars", "vehicles"},
    {"house", "home"}, {"job", "position"}, {"jobs", "positions"},
    {"money", "funds"}, {"plan", "proposal"}, {"plans", "proposals"},
    {"problem", "issue"}, {"problems", "issues"}, {"rules", "regulations"},
    {"law", "legislation"}, {"meeting", "gathering"}, {"statement", "remarks"},
    {"reported", "disclosed"}, {"died", "passed away"}, {"injured", "wounded"},
    {"arrested", "detained"}, {"charged", "indicted"}, {"claimed", "asserted"},
    {"warned", "cautioned"}, {"criticized", "slammed"}, {"denied", "rejected"},
    {"agreed", "concurred"}, {"decided", "chose"}, {"ended", "concluded"},
    {"continued", "persisted"}, {"increased", "rose"}, {"expected", "anticipated"},
    {"believe", "think"}, {"believed", "thought"}, {"wanted", "sought"},
    {"recent", "latest"}, {"recently", "lately"}, {"quickly", "rapidly"},
    {"strong", "powerful"}, {"difficult", "hard"}, {"possible", "feasible"},
    {"likely", "probable"}, {"current", "present"}, {"previous", "prior"},
    {"main", "primary"}, {"key", "crucial"}, {"huge", "massive"},
    {"nearly", "almost"}, {"children", "kids"}, {"women", "ladies"},
    {"victims", "casualties"}, {"soldiers", "troops"}, {"war", "conflict"},
    {"crisis", "emergency"}, {"voters", "electors"}, {"candidate", "contender"},
    {"candidates", "contenders"}, {"lawmakers", "legislators"},
    {"spokesman", "representative"}, {"spokeswoman", "representative"},
    {"residents", "locals"}, {"area", "region"}, {"incident", "episode"},
    {"evidence", "proof"}, {"investigation", "probe"}, {"experts", "specialists"},
    {"revealed", "disclosed"}, {"confirmed", "verified"}, {"explained", "clarified"},
    {"suggested", "proposed"}, {"added", "continued"}, {"noted", "observed"},
    {"stressed", "emphasized"}, {"admitted", "acknowledged"},
    {"responded", "replied"}, {"received", "got"}, {"stopped", "halted"},
    {"allowed", "permitted"}, {"supported", "backed"}, {"opposed", "resisted"},
    {"won", "secured"}, {"destroyed", "wrecked"}, {"damaged", "harmed"},
};

#define NSYNONYMS (sizeof SYNONYMS / sizeof *SYNONYMS)
#define SYN_SLOTS 512          /* power of two, > 2 * NSYNONYMS */
#define MAX_WORD 32

static int16_t syn_table[SYN_SLOTS];

static uint32_t word_hash(const char *w, size_t n)
{
    uint32_t h = 2166136261u;                              /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * 16777619u;
    return h;
}

static void syn_init(void)
{
    for (size_t i = 0; i < SYN_SLOTS; i++)
        syn_table[i] = -1;
    for (size_t i = 0; i < NSYNONYMS; i++) {
        uint32_t h = word_hash(SYNONYMS[i].from, strlen(SYNONYMS[i].from));
        while (syn_table[h & (SYN_SLOTS - 1)] >= 0)
            h++;
        syn_table[h & (SYN_SLOTS - 1)] = (int16_t)i;
    }
}

/* Replacement for lowercase word w, or NULL. */
static const char *syn_lookup(const char *w, size_t n)
{
    for (uint32_t h = word_hash(w, n);; h++) {
        int16_t i = syn_table[h & (SYN_SLOTS - 1)];
        if (i < 0)
            return NULL;
        const char *from = SYNONYMS[i].from;
        if (strlen(from) == n && !memcmp(from, w, n))
            return SYNONYMS[i].to;
    }
}

/* Whether a non-ASCII neighbour glues onto an ASCII letter run (as in
 * "José"), as opposed to typographic punctuation U+2010-U+203F. */
static int glued_after(const char *p, size_t j, size_t n)
{
    if (j >= n || !((unsigned char)p[j] & 0x80))
        return 0;
    return !(n - j >= 3 && (unsigned char)p[j] == 0xE2 && (unsigned char)p[j + 1] == 0x80);
}

static int glued_before(const char *p, size_t i)
{
    if (i == 0 || !((unsigned char)p[i - 1] & 0x80))
        return 0;
    return !(i >= 3 && (unsigned char)p[i - 3] == 0xE2 && (unsigned char)p[i - 2] == 0x80);
}

enum { CASE_LOWER, CASE_TITLE, CASE_OTHER };

/* Lowercases w into buf and reports its capitalisation. */
static int word_case(const char *w, size_t n, char *buf)
{
    int upper_first = is_upper(w[0]), other = 0;
    for (size_t i = 0; i < n; i++) {
        buf[i] = is_upper(w[i]) ? (char)(w[i] + 32) : w[i];
        other |= i > 0 && is_upper(w[i]);
    }
    return other ? CASE_OTHER : upper_first ? CASE_TITLE : CASE_LOWER;
}

typedef struct {
    double rate;     /* chance to replace a word found in SYNONYMS */
    double drop;     /* chance to drop an eligible lowercase word */
} Reword;

/*
 * Appends a reworded copy of p[0..n) to out; returns the number of changes.
 * Only whole ASCII words are touched, so UTF-8 sequences stay intact.  A
 * dropped word must sit between two spaces and not be the first word, which
 * keeps sentences starting and ending as before.
 */
static int reword_text(Str *out, const char *p, size_t n, Reword rw, Rng *r)
{
    int changes = 0, words = 0;
    char buf[MAX_WORD];
    for (size_t i = 0; i < n;) {
        if (!is_ascii_alpha(p[i])) {
            size_t j = i + 1;
            while (j < n && !is_ascii_alpha(p[j]))
                j++;
            str_add(out, p + i, j - i);
            i = j;
            continue;
        }
        size_t j = i;
        while (j < n && is_ascii_alpha(p[j]))
            j++;
        size_t len = j - i;
        int first = words++ == 0;
        if (len >= MAX_WORD || glued_before(p, i) || glued_after(p, j, n)) {
            str_add(out, p + i, len);
            i = j;
            continue;
        }
        int wc = word_case(p + i, len, buf);
        const char *repl = wc != CASE_OTHER ? syn_lookup(buf, len) : NULL;
        if (repl && rng_chance(r, rw.rate)) {
            size_t at = out->len;
            str_adds(out, repl);
            if (wc == CASE_TITLE && out->p[at] >= 'a' && out->p[at] <= 'z')
                out->p[at] = (char)(out->p[at] - 32);
            changes++;
        } else if (rw.drop > 0 && wc == CASE_LOWER && !first && len >= 2 && i > 0 &&
                   p[i - 1] == ' ' && j < n && p[j] == ' ' && rng_chance(r, rw.drop)) {
            j++;                                           /* and its space */
            changes++;
        } else {
            str_add(out, p + i, len);
        }
        i = j;
    }
    return changes;
}

static void doc_from_base(Doc *d, const Base *b)
{
    d->n = 0;
    for (uint32_t i = 0; i < b->nsents; i++)
        doc_push(d, b->sents[i].p, b->sents[i].len, (int)b->sents[i].para);
}

static void doc_copy_prefix(Doc *dst, const Doc *src, size_t k)
{
    dst->n = 0;
    for (size_t i = 0; i < k && i < src->n; i++)
        doc_push(dst, src->v[i].p, src->v[i].len, (int)src->v[i].para);
}

static size_t doc_paragraphs(const Doc *d)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n; i++)
        n += d->v[i].para != 0;
    return n;
}

/* Number of spans in the first `paras` paragraphs. */
static size_t doc_para_prefix(const Doc *d, size_t paras)
{
    size_t seen = 0;
    for (size_t i = 0; i < d->n; i++)
        if (d->v[i].para && ++seen > paras)
            return i;
    return d->n;
}

/* Keeps the first sentence and each other one with probability keep;
 * a dropped paragraph start passes its break on.  Returns #dropped. */
static int doc_sample(Doc *dst, const Doc *src, double keep, Rng *r)
{
    int dropped = 0, carry = 0;
    dst->n = 0;
    for (size_t i = 0; i < src->n; i++) {
        const Span *s = &src->v[i];
        if (i > 0 && !rng_chance(r, keep)) {
            carry |= (int)s->para;
            dropped++;
            continue;
        }
        doc_push(dst, s->p, s->len, (int)s->para | carry);
        carry = 0;
    }
    return dropped;
}

static int doc_reword(Doc *dst, const Doc *src, Arena *a, Str *tmp, Reword rw, Rng *r)
{
    int changes = 0;
    dst->n = 0;
    for (size_t i = 0; i < src->n; i++) {
        const Span *s = &src->v[i];
        str_clear(tmp);
        changes += reword_text(tmp, s->p, s->len, rw, r);
        doc_push(dst, arena_dup(a, tmp->p, tmp->len), tmp->len, (int)s->para);
    }
    return changes;
}

/* Swaps a few sentences between the lead and the last sentence; paragraph
 * breaks stay where they were, as when an editor reorders a story. */
static void doc_shuffle_middle(Doc *d, int swaps, Rng *r)
{
    if (d->n < 4)
        return;
    uint32_t middle = (uint32_t)d->n - 2;                  /* indices 1..n-2 */
    for (int k = 0; k < swaps; k++) {
        Span *a = &d->v[1 + rng_below(r, middle)];
        Span *b = &d->v[1 + rng_below(r, middle)];
        const char *p = a->p;
        uint32_t len = a->len;
        a->p = b->p;
        a->len = b->len;
        b->p = p;
        b->len = len;
    }
}

/* Rewords a title into the arena (NUL-terminated, valid until reset). */
static const char *reword_title(Arena *a, Str *tmp, const char *title, Reword rw,
                                Rng *r, size_t *len)
{
    str_clear(tmp);
    str_reserve(tmp, 0);
    reword_text(tmp, title, strlen(title), rw, r);
    *len = tmp->len;
    return arena_dup(a, tmp->p, tmp->len + 1);
}

/* --- invented intro paragraphs ------------------------------------------ */

static const char *const ENTITY_STOPWORDS[] = {
    "The", "A", "An", "In", "On", "At", "But", "And", "Or", "He", "She", "It",
    "They", "We", "I", "You", "This", "That", "These", "Those", "His", "Her",
    "Its", "Their", "Our", "My", "Mr", "Mrs", "Ms", "Dr", "If", "When", "While",
    "As", "After", "Before", "For", "From", "With", "By", "To", "Of", "Not",
    "No", "Yes", "So", "Then", "There", "What", "Who", "Why", "How", "Monday",
    "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December", "Update", "Video",
};

static int is_stopword(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof ENTITY_STOPWORDS / sizeof *ENTITY_STOPWORDS; i++)
        if (strlen(ENTITY_STOPWORDS[i]) == n && !memcmp(ENTITY_STOPWORDS[i], w, n))
            return 1;
    return 0;
}

/* Length of a capitalised name-like word at p (letters, '-', '.', and
 * non-ASCII letters); 0 if the word does not qualify. */
static size_t name_word(const char *p, size_t n)
{
    if (n < 2 || !is_upper(p[0]))
        return 0;
    size_t i = 1, lower = 0;
    while (i < n) {
        unsigned char c = (unsigned char)p[i];
        if (c == 0xE2)                     /* typographic punctuation */
            break;
        if (!(is_ascii_alpha((char)c) || c == '-' || c == '.' || c >= 0x80))
            break;
        lower += c >= 'a' && c <= 'z';
        i++;
    }
    while (i > 1 && (p[i - 1] == '.' || p[i - 1] == '-'))
        i--;
    if (!lower || is_stopword(p, i))       /* ALL-CAPS datelines, "The" */
        return 0;
    return i;
}

/* Skips the sentence's first word and the capitalised words right after
 * it: "Justice Department officials" must not yield "Department". */
static const char *skip_sentence_start(const char *p, const char *e)
{
    const char *sp = memchr(p, ' ', (size_t)(e - p));
    for (p = sp ? sp + 1 : e; p < e && is_upper(*p);) {
        sp = memchr(p, ' ', (size_t)(e - p));
        p = sp ? sp + 1 : e;
    }
    return p;
}

/* Length of the run of up to four name words at p; *end is where it ends. */
static int name_run(const char *p, const char *e, const char **end)
{
    int words = 0;
    size_t w;
    *end = p;
    while (words < 4 && p < e && (w = name_word(p, (size_t)(e - p))) > 0) {
        *end = p + w;
        words++;
        if (*end >= e || **end != ' ')
            break;
        p = *end + 1;
    }
    return words;
}

/*
 * Finds the longest run of capitalised words (a name or a place: "Rochelle
 * Walensky" rather than "Trump") inside a sentence, not at its start.
 * Returns its length in buf, 0 if there is none.
 */
static size_t entity_in(const Span *s, char *buf, size_t cap)
{
    const char *e = s->p + s->len, *best = NULL;
    size_t best_len = 0;
    int best_words = 0;
    for (const char *p = skip_sentence_start(s->p, e); p < e;) {
        const char *end;
        int words = name_run(p, e, &end);
        size_t n = (size_t)(end - p);
        if (n >= 2 && !memcmp(end - 2, "'s", 2))
            n -= 2;
        if (words > best_words && n >= 3 && n < cap) {
            best = p;
            best_len = n;
            best_words = words;
        }
        const char *next = memchr(words ? end : p, ' ', (size_t)(e - (words ? end : p)));
        p = next ? next + 1 : e;
    }
    if (best) {
        memcpy(buf, best, best_len);
        buf[best_len] = 0;
    }
    return best_len;
}

static void pick_entity(const Doc *d, Rng *r, char *buf, size_t cap)
{
    for (int attempt = 0; attempt < 8 && d->n; attempt++)
        if (entity_in(&d->v[rng_below(r, (uint32_t)d->n)], buf, cap))
            return;
    for (size_t i = 0; i < d->n; i++)
        if (entity_in(&d->v[i], buf, cap))
            return;
    snprintf(buf, cap, "%s", "this story");
}

static const char *const INTRO_LEADS[] = {
    "Here is what we know so far about {E}.",
    "{E} was back in the news on {D}, and details are still emerging.",
    "The latest on {E}: the following report was first published by {O}.",
    "Readers have been asking about {E}, so we are sharing this report from {O}.",
    "New details emerged on {D} in the story involving {E}.",
    "Our partners at {O} have been following the developments around {E}.",
    "{E} drew fresh attention this week; the full report follows.",
    "What you need to know about {E}, as reported on {D}.",
    "A developing story centred on {E} continued to unfold on {D}.",
    "The report below on {E} is republished with permission from {O}.",
};

static const char *const INTRO_TAILS[] = {
    "This article has been updated with additional information.",
    "Our newsroom is monitoring the situation and will update this page.",
    "The original report follows.",
    "Check back for updates as more information becomes available.",
    "Some details could not be independently verified.",
    "Edited by {O} staff.",
};

static const char *const WEEKDAYS[] = {
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
};

/* Expands {E} (entity), {D} (weekday) and {O} (origin outlet). */
static void expand_template(Str *out, const char *t, const char *entity,
                            const char *day, const char *origin)
{
    for (; *t; t++) {
        const char *v = NULL;
        if (t[0] == '{' && t[1] && t[2] == '}') {
            v = t[1] == 'E' ? entity : t[1] == 'D' ? day : t[1] == 'O' ? origin : NULL;
        }
        if (v) {
            str_adds(out, v);
            t += 2;
        } else {
            str_addc(out, *t);
        }
    }
}

#define NELEMS(a) (sizeof(a) / sizeof *(a))

static void make_intro(Str *out, const Doc *d, const char *origin, int64_t when, Rng *r)
{
    char entity[96];
    pick_entity(d, r, entity, sizeof entity);
    const char *day = WEEKDAYS[(EPOCH_WEEKDAY + when / DAY) % 7];
    str_clear(out);
    expand_template(out, INTRO_LEADS[rng_below(r, NELEMS(INTRO_LEADS))], entity, day, origin);
    if (rng_chance(r, 0.5)) {
        str_addc(out, ' ');
        expand_template(out, INTRO_TAILS[rng_below(r, NELEMS(INTRO_TAILS))],
                        entity, day, origin);
    }
}

/* ------------------------------------------------------------------------ */
/* Outlets, dates and JSON output                                           */
/* ------------------------------------------------------------------------ */

typedef struct {
    const char *name, *slug;
} Outlet;

static const Outlet OUTLETS[] = {
    {"The Daily Meridian", "dailymeridian"}, {"Harbor City Herald", "harborcityherald"},
    {"Northgate Tribune", "northgatetribune"}, {"The Lantern Post", "lanternpost"},
    {"Riverbend Gazette", "riverbendgazette"}, {"Capital Ledger", "capitalledger"},
    {"Summit Wire", "summitwire"}, {"The Evening Compass", "eveningcompass"},
    {"Pinecrest Journal", "pinecrestjournal"}, {"Metro Bulletin", "metrobulletin"},
    {"The Civic Observer", "civicobserver"}, {"Granite State Courier", "granitecourier"},
    {"Bayside Chronicle", "baysidechronicle"}, {"The Frontier Dispatch", "frontierdispatch"},
    {"Lakeshore Times", "lakeshoretimes"}, {"Atlas News Network", "atlasnews"},
    {"The Morning Beacon", "morningbeacon"}, {"Redwood Report", "redwoodreport"},
    {"Union Square Press", "unionsquarepress"}, {"The Prairie Sentinel", "prairiesentinel"},
    {"Coastline Daily", "coastlinedaily"}, {"Keystone Record", "keystonerecord"},
    {"The National Ledger", "nationalledger"}, {"Westfield Examiner", "westfieldexaminer"},
    {"Orbit Newswire", "orbitnewswire"}, {"The Public Square", "publicsquare"},
    {"Silver Lake Standard", "silverlakestandard"}, {"Ironbridge Voice", "ironbridgevoice"},
    {"The Hilltop Review", "hilltopreview"}, {"Crossroads Media", "crossroadsmedia"},
    {"Eastern Star Gazette", "easternstargazette"}, {"The Independent Ledger", "independentledger"},
    {"Maple Valley News", "maplevalleynews"}, {"Signal Post", "signalpost"},
    {"The Continental", "thecontinental"}, {"Brightwater Times", "brightwatertimes"},
    {"Old Harbor Mercury", "oldharbormercury"}, {"Newsfront Today", "newsfronttoday"},
    {"The Weekly Register", "weeklyregister"}, {"Gateway Monitor", "gatewaymonitor"},
};

#define NOUTLETS ((uint32_t)NELEMS(OUTLETS))

typedef struct {
    int year, month, day, hour, minute, second;
} DateTime;

/* Seconds since 2026-01-01T00:00:00Z to a civil UTC date (Howard Hinnant's
 * days_from_civil inverse; no time_t or time zone involved). */
static DateTime to_datetime(int64_t t)
{
    DateTime dt;
    int64_t days = t / DAY, secs = t % DAY;
    dt.hour = (int)(secs / HOUR);
    dt.minute = (int)(secs / 60 % 60);
    dt.second = (int)(secs % 60);
    int64_t z = days + EPOCH_DAYS + 719468;
    int64_t era = z / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    dt.day = (int)(doy - (153 * mp + 2) / 5 + 1);
    dt.month = (int)(mp < 10 ? mp + 3 : mp - 9);
    dt.year = (int)(yoe + era * 400 + (dt.month <= 2));
    return dt;
}

/* Appends p[0..n) as the inside of a JSON string.  The text is valid UTF-8
 * already, so only '"', '\\' and control characters need escaping. */
static void json_escape(Str *out, const char *p, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t run = 0;
    str_reserve(out, n + 16);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        str_add(out, p + run, i - run);
        run = i + 1;
        char esc[7] = {'\\', 0};
        size_t len = 2;
        switch (c) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        case '\b': esc[1] = 'b'; break;
        case '\f': esc[1] = 'f'; break;
        default:
            memcpy(esc + 1, "u00", 3);
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            len = 6;
        }
        str_add(out, esc, len);
    }
    str_add(out, p + run, n - run);
}

static void json_field(Str *out, const char *key, const char *value, size_t n)
{
    str_addc(out, '"');
    str_adds(out, key);
    str_adds(out, "\":\"");
    json_escape(out, value, n);
    str_addc(out, '"');
}

/* Sentences joined by spaces, paragraphs by a blank line. */
static void json_doc(Str *out, const Doc *d)
{
    str_adds(out, "\"text\":\"");
    for (size_t i = 0; i < d->n; i++) {
        if (i > 0)
            str_adds(out, d->v[i].para ? "\\n\\n" : " ");
        json_escape(out, d->v[i].p, d->v[i].len);
    }
    str_addc(out, '"');
}

/* URL path slug: lowercase ASCII words joined by '-'. */
static void add_slug(Str *out, const char *title, size_t n)
{
    size_t start = out->len, words = 0;
    int dash = 0;
    for (size_t i = 0; i < n && out->len - start < 60; i++) {
        char c = title[i];
        if (is_upper(c))
            c = (char)(c + 32);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (dash && words)
                str_addc(out, '-');
            str_addc(out, c);
            dash = 0;
            words = 1;
        } else {
            dash = 1;
        }
    }
    if (!words)
        str_adds(out, "story");
}

/* ------------------------------------------------------------------------ */
/* Reorder window: articles wait here until their slot in the stream        */
/* ------------------------------------------------------------------------ */

typedef struct {
    int64_t key;       /* when the article enters the stream */
    int64_t published;
    uint64_t seq;      /* generation order, to break ties deterministically */
    char *body;        /* JSON object minus its leading '{"id":...,' */
    size_t len;
} Pending;

typedef struct {
    Pending *v;
    size_t n, cap;
} Heap;

static int pending_before(const Pending *a, const Pending *b)
{
    return a->key < b->key || (a->key == b->key && a->seq < b->seq);
}

static void heap_push(Heap *h, Pending item)
{
    if (h->n == h->cap) {
        h->cap = h->cap ? h->cap * 2 : 1024;
        h->v = xrealloc(h->v, h->cap * sizeof *h->v);
    }
    size_t i = h->n++;
    while (i > 0 && pending_before(&item, &h->v[(i - 1) / 2])) {
        h->v[i] = h->v[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    h->v[i] = item;
}

static Pending heap_pop(Heap *h)
{
    Pending top = h->v[0], last = h->v[--h->n];
    size_t i = 0;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= h->n)
            break;
        if (c + 1 < h->n && pending_before(&h->v[c + 1], &h->v[c]))
            c++;
        if (!pending_before(&h->v[c], &last))
            break;
        h->v[i] = h->v[c];
        i = c;
    }
    if (h->n)
        h->v[i] = last;
    return top;
}

/* ------------------------------------------------------------------------ */
/* Generator                                                                */
/* ------------------------------------------------------------------------ */

typedef enum {
    K_ORIGINAL, K_REWORDED, K_TRUNCATED, K_COPY, K_INTRO_COPY, K_CUT_COPY, K_COUNT
} Kind;

static const char *const KIND_NAMES[K_COUNT] = {
    "original", "reworded", "truncated", "copy", "intro_copy", "cut_copy",
};

/* Mix of the articles after an event's first (which is the original), in
 * percent; documented in bench/README.md. */
static const int KIND_MIX[K_COUNT] = {0, 35, 15, 20, 15, 15};

/* Articles per event, in percent for 1..8: many singletons, a few big
 * stories (mean about 2.6). */
static const int EVENT_SIZE_MIX[MAX_EVENT_ARTICLES] = {45, 18, 11, 8, 6, 5, 4, 3};

typedef struct {
    const char *data_dir;
    const char *out_path;
    uint64_t articles;
    uint64_t seed;
    double per_day;    /* articles per simulated day */
    double late;       /* share of articles delivered out of order */
} Options;

typedef struct {
    uint64_t number;          /* gold event id */
    const Base *base;
    Rng rng;
    uint32_t outlets[MAX_EVENT_ARTICLES];
    const char *title;        /* event version of the title */
    Doc *doc;                 /* event version of the text */
} Event;

typedef struct {
    Options opt;
    BaseSet bases;
    uint32_t *order;          /* first cycle: every base once */
    uint32_t *reuse;          /* later cycles: the reusable bases */
    size_t nreuse;
    Arena event_arena, article_arena;
    Doc base_doc, sample_doc, event_doc, article_doc;
    Str tmp, line;
    Heap heap;
    FILE *out;
    uint64_t generated, written, bytes, events;
    uint64_t kinds[K_COUNT];
    int64_t last_published;
    uint64_t out_of_order;
    uint64_t *history;        /* HISTORY recent version hashes per base */
    uint8_t *history_pos;      /* next ring slot per base */
    uint64_t retries;         /* variants regenerated because they repeated */
} Gen;

static int pick_weighted(Rng *r, const int *weights, int n)
{
    int total = 0;
    for (int i = 0; i < n; i++)
        total += weights[i];
    int x = (int)rng_below(r, (uint32_t)total);
    for (int i = 0; i < n; i++)
        if ((x -= weights[i]) < 0)
            return i;
    return n - 1;
}

/* Distinct outlets for the event's articles (partial Fisher-Yates). */
static void pick_outlets(Event *ev, int k)
{
    uint32_t pool[NOUTLETS];
    for (uint32_t i = 0; i < NOUTLETS; i++)
        pool[i] = i;
    for (int i = 0; i < k; i++) {
        uint32_t j = (uint32_t)i + rng_below(&ev->rng, NOUTLETS - (uint32_t)i);
        uint32_t t = pool[i];
        pool[i] = pool[j];
        pool[j] = t;
        ev->outlets[i] = pool[i];
    }
}

/* FNV-1a over a document's sentences and paragraph breaks. */
static uint64_t doc_hash(const Doc *d)
{
    uint64_t h = 14695981039346656037ULL;
    for (size_t i = 0; i < d->n; i++) {
        h = (h ^ (d->v[i].para ? 2u : 1u)) * 1099511628211ULL;
        for (uint32_t k = 0; k < d->v[i].len; k++)
            h = (h ^ (unsigned char)d->v[i].p[k]) * 1099511628211ULL;
    }
    return h;
}

/*
 * Whether this base already produced the same text in one of its last
 * HISTORY rounds; if not, remembers it.  A fixed ring per base keeps memory
 * flat; older rounds lie years apart on the timeline.
 */
static int seen_version(Gen *g, const Base *b, uint64_t h)
{
    size_t at = (size_t)(b - g->bases.v) * HISTORY;
    uint64_t *ring = g->history + at;
    for (int i = 0; i < HISTORY; i++)
        if (ring[i] == h)
            return 1;
    uint8_t *pos = &g->history_pos[b - g->bases.v];
    ring[*pos] = h;
    *pos = (uint8_t)((*pos + 1) % HISTORY);
    return 0;
}

/* Rewords the lead until it differs from the base's (when it can), so
 * that no two event instances share their opening verbatim.  A dateline
 * lead ("May 03, 2013") cannot change, so the next sentence is tried. */
static void vary_lead(Gen *g, Event *ev, double drop)
{
    Reword rw = {0.9, drop};
    for (size_t s = 0; s < 2 && s < ev->doc->n; s++) {
        const Span *base = &g->sample_doc.v[s];
        Span *lead = &ev->doc->v[s];
        for (int i = 0; i < 4; i++) {
            if (lead->len != base->len || memcmp(lead->p, base->p, base->len))
                return;
            str_clear(&g->tmp);
            reword_text(&g->tmp, base->p, base->len, rw, &ev->rng);
            lead->p = arena_dup(&g->event_arena, g->tmp.p, g->tmp.len);
            lead->len = (uint32_t)g->tmp.len;
        }
    }
}

/* One random variant of the base: a sentence subset, reworded, with some
 * words dropped.  Larger `strength` perturbs more (used on retries). */
static void make_variant(Gen *g, Event *ev, int strength)
{
    Reword rw = {rng_range(&ev->rng, 0.15, 0.45), rng_range(&ev->rng, 0.02, 0.06) + 0.03 * strength};
    arena_reset(&g->event_arena);
    doc_sample(&g->sample_doc, &g->base_doc, rng_range(&ev->rng, 0.65, 0.9), &ev->rng);
    doc_reword(ev->doc, &g->sample_doc, &g->event_arena, &g->tmp, rw, &ev->rng);
    vary_lead(g, ev, 0.25 + 0.05 * strength);
}

/*
 * The event version of the base text.  The first use of a base is the text
 * itself; later uses (when --articles exceeds what one pass over the bases
 * gives) drop some sentences, reword and drop words, and are retried if they
 * repeat a recent version, so that every event instance is a different text
 * with its own event number.
 */
static void build_event_version(Gen *g, Event *ev, uint64_t round)
{
    arena_reset(&g->event_arena);
    ev->title = ev->base->title;
    if (round == 0) {
        doc_from_base(ev->doc, ev->base);
        seen_version(g, ev->base, doc_hash(ev->doc));
        return;
    }
    doc_from_base(&g->base_doc, ev->base);
    for (int attempt = 0; attempt < 8; attempt++) {
        make_variant(g, ev, attempt);
        if (!seen_version(g, ev->base, doc_hash(ev->doc)))
            break;
        g->retries++;
    }
    size_t len;
    Reword trw = {0.5, 0.0};
    ev->title = reword_title(&g->event_arena, &g->tmp, ev->base->title, trw, &ev->rng, &len);
}

/* A brief: the first half or less of the text, at least two sentences
 * (a lone lead is too thin to place), by sentences or by paragraphs. */
static void truncate_lead(Doc *d, const Doc *src, Rng *r)
{
    size_t paras = doc_paragraphs(src);
    size_t k = src->n <= 2 ? src->n : 2 + rng_below(r, (uint32_t)(src->n / 2));
    if (paras >= 3 && rng_chance(r, 0.5)) {
        size_t by_para = doc_para_prefix(src, 1 + rng_below(r, (uint32_t)paras / 2));
        k = by_para >= 2 ? by_para : k;
    }
    doc_copy_prefix(d, src, k);
}

/* A republication that loses its last paragraphs (at most half of them);
 * a single paragraph loses its last third instead. */
static void cut_tail(Doc *d, const Doc *src, Rng *r)
{
    size_t paras = doc_paragraphs(src);
    if (paras >= 2)
        doc_copy_prefix(d, src, doc_para_prefix(src, paras - 1 - rng_below(r, (uint32_t)paras / 2)));
    else
        doc_copy_prefix(d, src, src->n > 1 ? (src->n * 2 + 2) / 3 : 1);
}

/* Builds one article's text and title per kind into g->article_doc. */
static const Doc *build_text(Gen *g, Event *ev, Kind kind, int64_t when,
                             const char **title, size_t *tlen)
{
    Rng *r = &ev->rng;
    Doc *d = &g->article_doc;
    const Doc *src = ev->doc;
    *title = ev->title;
    *tlen = strlen(ev->title);
    switch (kind) {
    case K_ORIGINAL:
    case K_COPY:
        return src;
    case K_REWORDED: {
        Reword rw = {rng_range(r, 0.3, 0.8), rng_range(r, 0.01, 0.04)};
        doc_reword(d, src, &g->article_arena, &g->tmp, rw, r);
        doc_shuffle_middle(d, 1 + (int)rng_below(r, 3), r);
        rw.drop = 0;
        *title = reword_title(&g->article_arena, &g->tmp, ev->title, rw, r, tlen);
        return d;
    }
    case K_TRUNCATED:
        truncate_lead(d, src, r);
        if (rng_chance(r, 0.5)) {
            Reword rw = {0.6, 0.0};
            *title = reword_title(&g->article_arena, &g->tmp, ev->title, rw, r, tlen);
        }
        return d;
    case K_INTRO_COPY:
        make_intro(&g->tmp, src, OUTLETS[ev->outlets[0]].name, when, r);
        d->n = 0;
        doc_push(d, arena_dup(&g->article_arena, g->tmp.p, g->tmp.len), g->tmp.len, 1);
        for (size_t i = 0; i < src->n; i++)
            doc_push(d, src->v[i].p, src->v[i].len, i == 0 || src->v[i].para);
        return d;
    case K_CUT_COPY:
        cut_tail(d, src, r);
        return d;
    default:
        return src;
    }
}

static const char *const TITLE_PREFIXES[] = {"UPDATE: ", "Report: ", "Latest: ", "Watch: "};

/* Title decorations that republishers add. */
static void decorate_title(Gen *g, Event *ev, Kind kind, uint32_t outlet,
                           const char **title, size_t *tlen)
{
    Str *t = &g->tmp;
    str_clear(t);
    if (kind == K_INTRO_COPY && rng_chance(&ev->rng, 0.35))
        str_adds(t, TITLE_PREFIXES[rng_below(&ev->rng, NELEMS(TITLE_PREFIXES))]);
    str_add(t, *title, *tlen);
    if (kind == K_CUT_COPY && rng_chance(&ev->rng, 0.2)) {
        str_adds(t, " - ");
        str_adds(t, OUTLETS[outlet].name);
    }
    if (t->len != *tlen) {
        *title = arena_dup(&g->article_arena, t->p, t->len);
        *tlen = t->len;
    }
}

/* Renders the article (minus its id, added when it is written) and queues it. */
static void queue_article(Gen *g, Event *ev, Kind kind, uint32_t outlet, int64_t when)
{
    const char *title;
    size_t tlen;
    arena_reset(&g->article_arena);
    const Doc *d = build_text(g, ev, kind, when, &title, &tlen);
    decorate_title(g, ev, kind, outlet, &title, &tlen);

    const Outlet *o = &OUTLETS[outlet];
    DateTime dt = to_datetime(when);
    Str *s = &g->line;
    str_clear(s);
    json_field(s, "source", o->name, strlen(o->name));
    str_addf(s, ",\"url\":\"https://%s.example/%04d/%02d/%02d/", o->slug, dt.year, dt.month, dt.day);
    add_slug(s, title, tlen);
    /* a bijective mix of the counter: unique, but reveals nothing */
    str_addf(s, "-%016llx\"", (unsigned long long)mix64(g->generated ^ mix64(g->opt.seed)));
    str_addf(s, ",\"published\":\"%04d-%02d-%02dT%02d:%02d:%02dZ\",", dt.year, dt.month,
             dt.day, dt.hour, dt.minute, dt.second);
    json_field(s, "title", title, tlen);
    str_addc(s, ',');
    json_doc(s, d);
    str_addf(s, ",\"event\":%llu,", (unsigned long long)ev->number);
    json_field(s, "base", ev->base->id, strlen(ev->base->id));
    str_addc(s, ',');
    json_field(s, "kind", KIND_NAMES[kind], strlen(KIND_NAMES[kind]));
    str_adds(s, "}\n");

    /* Out-of-order delivery: a few articles reach the stream late. */
    int64_t key = when;
    if (rng_chance(&ev->rng, g->opt.late))
        key += 600 + (int64_t)rng_exp(&ev->rng, 3.0 * HOUR);
    char *body = xmalloc(s->len);
    memcpy(body, s->p, s->len);
    heap_push(&g->heap, (Pending){key, when, g->generated++, body, s->len});
    g->kinds[kind]++;
}

static void write_article(Gen *g, Pending *a)
{
    char id[32];
    int n = snprintf(id, sizeof id, "{\"id\":\"g%07llu\",", (unsigned long long)++g->written);
    fwrite(id, 1, (size_t)n, g->out);
    fwrite(a->body, 1, a->len, g->out);
    g->bytes += (uint64_t)n + a->len;
    if (g->written > 1 && a->published < g->last_published)
        g->out_of_order++;
    g->last_published = a->published;
    free(a->body);
}

/* Writes every queued article that is due by time t. */
static void flush_until(Gen *g, int64_t t)
{
    while (g->heap.n && g->heap.v[0].key <= t) {
        Pending a = heap_pop(&g->heap);
        write_article(g, &a);
    }
}

/* The base of the event with 0-based index; round 0 is its first use. */
static const Base *pick_base(const Gen *g, uint64_t index, uint64_t *round)
{
    if (index < g->bases.n) {
        *round = 0;
        return &g->bases.v[g->order[index]];
    }
    index -= g->bases.n;
    *round = 1 + index / g->nreuse;
    return &g->bases.v[g->reuse[index % g->nreuse]];
}

/* Generates one event with up to `budget` articles. */
static void make_event(Gen *g, uint64_t number, int64_t start, uint64_t budget)
{
    Event ev = {0};
    uint64_t round;
    ev.number = number;
    ev.base = pick_base(g, number - 1, &round);
    rng_seed(&ev.rng, mix64(g->opt.seed) ^ mix64(number * 0x9e3779b97f4a7c15ULL));
    ev.doc = &g->event_doc;

    int k = 1 + pick_weighted(&ev.rng, EVENT_SIZE_MIX, MAX_EVENT_ARTICLES);
    if ((uint64_t)k > budget)
        k = (int)budget;
    pick_outlets(&ev, k);
    build_event_version(g, &ev, round);

    queue_article(g, &ev, K_ORIGINAL, ev.outlets[0], start);
    for (int i = 1; i < k; i++) {
        /* most follow-ups within hours, a few up to three days later */
        double u = rng_unit(&ev.rng);
        int64_t when = start + 60 + (int64_t)(72.0 * HOUR * u * u * u);
        Kind kind = (Kind)pick_weighted(&ev.rng, KIND_MIX, K_COUNT);
        queue_article(g, &ev, kind, ev.outlets[i], when);
    }
    g->events++;
}

/* ------------------------------------------------------------------------ */
/* Command line and main loop                                               */
/* ------------------------------------------------------------------------ */

static void usage(FILE *f)
{
    fputs("usage: gencorpus [options]\n"
          "  --data DIR       data directory (default ../shared/data)\n"
          "  --articles N     number of articles to write (default 100000)\n"
          "  --seed N         random seed (default 1)\n"
          "  --out FILE       output file (default standard output)\n"
          "  --per-day N      articles per simulated day (default 300)\n"
          "  --late P         share of articles delivered late, 0..1 (default 0.03)\n"
          "  --help           this text\n",
          f);
}

static uint64_t parse_count(const char *opt, const char *v)
{
    char *end;
    errno = 0;
    unsigned long long n = strtoull(v, &end, 10);
    if (errno || end == v || *end || v[0] == '-')
        die("%s: not a non-negative integer: %s", opt, v);
    return (uint64_t)n;
}

static double parse_real(const char *opt, const char *v, double lo, double hi)
{
    char *end;
    errno = 0;
    double x = strtod(v, &end);
    if (errno || end == v || *end || !(x >= lo && x <= hi))
        die("%s: expected a number in [%g, %g]: %s", opt, lo, hi, v);
    return x;
}

/* Accepts "--opt VALUE" and "--opt=VALUE". */
static Options parse_options(int argc, char **argv)
{
    Options o = {"../shared/data", NULL, 100000, 1, 300.0, 0.03};
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i], *val = NULL;
        if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
            usage(stdout);
            exit(0);
        }
        const char *eq = strchr(arg, '=');
        size_t klen = eq ? (size_t)(eq - arg) : strlen(arg);
        if (eq)
            val = eq + 1;
        else if (i + 1 < argc)
            val = argv[++i];
        char key[32];
        snprintf(key, sizeof key, "%.*s", (int)(klen < 31 ? klen : 31), arg);
        if (!val) {
            usage(stderr);
            die("%s needs a value", key);
        }
        if (!strcmp(key, "--data"))
            o.data_dir = val;
        else if (!strcmp(key, "--out"))
            o.out_path = val;
        else if (!strcmp(key, "--articles"))
            o.articles = parse_count(key, val);
        else if (!strcmp(key, "--seed"))
            o.seed = parse_count(key, val);
        else if (!strcmp(key, "--per-day"))
            o.per_day = parse_real(key, val, 1.0, 1e7);
        else if (!strcmp(key, "--late"))
            o.late = parse_real(key, val, 0.0, 1.0);
        else {
            usage(stderr);
            die("unknown option %s", key);
        }
    }
    return o;
}

static void load_bases(Gen *g)
{
    size_t polnear = load_polnear(&g->bases, g->opt.data_dir);
    size_t ecbplus = load_ecbplus(&g->bases, g->opt.data_dir);
    size_t neus = load_neus(&g->bases, g->opt.data_dir);
    if (g->bases.n == 0) {
        fprintf(stderr, "gencorpus: no base texts under %s\n", g->opt.data_dir);
        exit(EXIT_SKIP);
    }
    fprintf(stderr, "gencorpus: %zu base texts (polnear %zu, ecbplus %zu, neus %zu)\n",
            g->bases.n, polnear, ecbplus, neus);
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void open_output(Gen *g)
{
    g->out = stdout;
    if (g->opt.out_path && !(g->out = fopen(g->opt.out_path, "wb")))
        die("cannot write %s: %s", g->opt.out_path, strerror(errno));
    setvbuf(g->out, NULL, _IOFBF, 1 << 20);
}

static void close_output(Gen *g)
{
    if (fflush(g->out) != 0 || ferror(g->out) || (g->out != stdout && fclose(g->out) != 0))
        die("write error: %s", strerror(errno));
}

/*
 * Events follow each other with exponential gaps sized so that the stream
 * averages --per-day articles a day.  Before an event starts, every queued
 * article due by then is written: nothing generated later can be due earlier.
 */
static void generate(Gen *g)
{
    Rng timeline;
    rng_seed(&timeline, g->opt.seed ^ 0x7157e11eULL);
    double mean_size = 0;
    for (int i = 0; i < MAX_EVENT_ARTICLES; i++)
        mean_size += (i + 1) * EVENT_SIZE_MIX[i] / 100.0;
    double mean_gap = DAY * mean_size / g->opt.per_day;
    double t = 0;
    for (uint64_t number = 1; g->generated < g->opt.articles; number++) {
        t += rng_exp(&timeline, mean_gap);
        flush_until(g, (int64_t)t);
        make_event(g, number, (int64_t)t, g->opt.articles - g->generated);
    }
    flush_until(g, INT64_MAX);
}

int main(int argc, char **argv)
{
    static Gen g;
    double t0 = now_seconds();
    g.opt = parse_options(argc, argv);
    syn_init();
    load_bases(&g);
    g.order = make_schedule(&g.bases, g.opt.seed);
    g.reuse = make_reuse(&g.bases, g.order, &g.nreuse);
    g.history = calloc(g.bases.n * HISTORY, sizeof *g.history);
    g.history_pos = calloc(g.bases.n, 1);
    if (!g.history || !g.history_pos)
        die("out of memory");
    open_output(&g);
    generate(&g);
    close_output(&g);

    double secs = now_seconds() - t0;
    fprintf(stderr, "gencorpus: %llu articles, %llu events, %llu bytes, %.2f s "
            "(%.0f articles/s), %llu out of order, %llu variant retries\n",
            (unsigned long long)g.written, (unsigned long long)g.events,
            (unsigned long long)g.bytes, secs, secs > 0 ? g.written / secs : 0.0,
            (unsigned long long)g.out_of_order, (unsigned long long)g.retries);
    fprintf(stderr, "gencorpus: kinds:");
    for (int k = 0; k < K_COUNT; k++)
        fprintf(stderr, " %s %llu", KIND_NAMES[k], (unsigned long long)g.kinds[k]);
    fputc('\n', stderr);
    return 0;
}
