/* brown_main: Brown word clusters from text files (see src/train/brown.h).
 *
 *   brown_main --out PATHS.tsv [--clusters 256] [--min-count 3] [--keep-digits]
 *              [--dump-tokens FILE] [--tokenized FILE]... [--raw FILE]...
 *
 * --tokenized FILE  tokens already cut, separated by white space (e.g. the
 *                   first column of CoNLL-2003 joined one sentence a line)
 * --raw FILE        running text, cut by crosscheck's tokenizer after NFKC
 *                   and typographic punctuation folding (curly quotes → ' ",
 *                   dashes → -): CoNLL-like tokens (U.S., 's, n't, $ apart)
 * In both, a blank line is a boundary (no bigram spans it); words keep their
 * case and every ASCII digit becomes 0 (--keep-digits: not).
 * Writes "bitpath<TAB>word<TAB>count" lines (Liang's wcluster "paths"
 * format), sorted by path, then by decreasing count, for the words seen at
 * least --min-count times.
 *
 * Built by scripts/gen-clusters.sh against build/release/libcrosscheck.a. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "crosscheck.h"
#include "train/brown.h"
#include "util/strmap.h"
#include "util/vec.h"

typedef struct corpus {
    xc_strmap ids;       /* word → id */
    const char **word;   /* id → word (keys stored in the map) */
    size_t nwords, capwords;
    xc_u32_list tokens;  /* ids and XC_BROWN_BREAK */
    bool keep_digits;
    FILE *dump;
} corpus;

static void die(const char *what)
{
    fprintf(stderr, "brown_main: %s\n", what);
    exit(1);
}

static void push(corpus *c, uint32_t id)
{
    if (!XC_VEC_PUSH(&c->tokens, id))
        die("out of memory");
}

static void boundary(corpus *c)
{
    if (c->tokens.count && c->tokens.items[c->tokens.count - 1] != XC_BROWN_BREAK) {
        push(c, XC_BROWN_BREAK);
        if (c->dump)
            fputc('\n', c->dump);
    }
}

static void add_token(corpus *c, const char *s, size_t len)
{
    char tmp[256];
    if (len == 0)
        return;
    if (len >= sizeof tmp) { /* junk (base64, long URLs): left out, like a rare word */
        push(c, XC_BROWN_BREAK);
        return;
    }
    memcpy(tmp, s, len);
    tmp[len] = '\0';
    if (!c->keep_digits)
        for (size_t i = 0; i < len; i++)
            if (tmp[i] >= '0' && tmp[i] <= '9')
                tmp[i] = '0';
    uint32_t id;
    if (!xc_strmap_get(&c->ids, tmp, len, &id)) {
        id = (uint32_t)c->nwords;
        if (c->nwords == c->capwords) {
            c->capwords = c->capwords ? c->capwords * 2 : 65536;
            c->word = realloc(c->word, c->capwords * sizeof *c->word);
            if (!c->word)
                die("out of memory");
        }
        if (!xc_strmap_put(&c->ids, tmp, len, id))
            die("out of memory");
        c->word[c->nwords++] = xc_strmap_key(&c->ids, tmp, len);
    }
    push(c, id);
    if (c->dump)
        fprintf(c->dump, "%s ", tmp);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "brown_main: cannot open %s: %s\n", path, strerror(errno));
        exit(1);
    }
    size_t cap = 1 << 20, n = 0;
    char *data = malloc(cap);
    size_t got;
    while (data && (got = fread(data + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap)
            data = realloc(data, cap *= 2);
    }
    fclose(f);
    if (!data)
        die("out of memory");
    *len = n;
    return data;
}

/* Cut `text` into paragraphs (blank lines between) and call fn on each. */
static void each_paragraph(corpus *c, const char *text, size_t len,
                           void (*fn)(corpus *, const char *, size_t))
{
    size_t start = 0, i = 0;
    while (i < len) {
        if (text[i] == '\n') {
            size_t j = i + 1;
            while (j < len && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r'))
                j++;
            if (j < len && text[j] == '\n') {
                fn(c, text + start, i - start);
                boundary(c);
                start = i = j + 1;
                continue;
            }
        }
        i++;
    }
    if (start < len)
        fn(c, text + start, len - start);
    boundary(c);
}

static void tokenized_paragraph(corpus *c, const char *p, size_t len)
{
    size_t i = 0;
    while (i < len) {
        while (i < len && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r'))
            i++;
        size_t start = i;
        while (i < len && !(p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r'))
            i++;
        add_token(c, p + start, i - start);
    }
}

static void raw_paragraph(corpus *c, const char *p, size_t len)
{
    size_t norm_len = 0;
    char *norm = xc_normalize(p, len, XC_NORM_NFKC | XC_NORM_PUNCT, &norm_len, NULL);
    if (!norm)
        die("normalisation failed (out of memory?)");
    xc_token_list list = {0};
    if (xc_tokenize(norm, norm_len, &list) != XC_OK)
        die("out of memory");
    for (size_t i = 0; i < list.count; i++)
        add_token(c, norm + list.items[i].start, list.items[i].end - list.items[i].start);
    xc_token_list_free(&list);
    free(norm);
}

static void read_input(corpus *c, const char *path, bool raw)
{
    size_t len;
    char *data = read_file(path, &len);
    if (!xc_utf8_valid(data, len, NULL)) {
        size_t fixed_len, repairs;
        char *fixed = xc_utf8_repair(data, len, &fixed_len, &repairs);
        if (!fixed)
            die("out of memory");
        fprintf(stderr, "brown_main: %s: %zu invalid UTF-8 sequences replaced\n", path, repairs);
        free(data);
        data = fixed, len = fixed_len;
    }
    each_paragraph(c, data, len, raw ? raw_paragraph : tokenized_paragraph);
    free(data);
}

typedef struct row {
    const char *path, *word;
    uint32_t count;
} row;

static int by_path(const void *x, const void *y)
{
    const row *a = x, *b = y;
    int k = strcmp(a->path, b->path);
    if (k)
        return k;
    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    return strcmp(a->word, b->word);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void progress(void *user, size_t done, size_t total)
{
    double *start = user;
    if (done % 2048 == 0 || done == total)
        fprintf(stderr, "\r  %zu / %zu steps, %.0f s", done, total, now() - *start);
    if (done == total)
        fputc('\n', stderr);
}

static unsigned long number(const char *s, const char *option)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || *end || end == s) {
        fprintf(stderr, "brown_main: %s wants a number, not %s\n", option, s);
        exit(2);
    }
    return v;
}

int main(int argc, char **argv)
{
    corpus c = {0};
    xc_brown_params params = {0};
    const char *out_path = NULL;
    size_t inputs = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--keep-digits") == 0) {
            c.keep_digits = true;
            continue;
        }
        if (i + 1 >= argc) {
            fprintf(stderr, "brown_main: %s wants a value\n", a);
            return 2;
        }
        const char *v = argv[++i];
        if (strcmp(a, "--out") == 0)
            out_path = v;
        else if (strcmp(a, "--clusters") == 0)
            params.clusters = (uint32_t)number(v, a);
        else if (strcmp(a, "--min-count") == 0)
            params.min_count = (uint32_t)number(v, a);
        else if (strcmp(a, "--dump-tokens") == 0) {
            if (!(c.dump = fopen(v, "w")))
                die("cannot write the token dump");
        } else if (strcmp(a, "--tokenized") == 0 || strcmp(a, "--raw") == 0) {
            read_input(&c, v, strcmp(a, "--raw") == 0);
            inputs++;
        } else {
            fprintf(stderr, "usage: brown_main --out PATHS.tsv [--clusters N] [--min-count N] "
                            "[--keep-digits] [--dump-tokens FILE] [--tokenized FILE]... [--raw FILE]...\n");
            return 2;
        }
    }
    if (!out_path || inputs == 0) {
        fprintf(stderr, "brown_main: need --out and at least one --tokenized or --raw input\n");
        return 2;
    }
    if (c.dump)
        fclose(c.dump);
    size_t ntokens = 0;
    for (size_t i = 0; i < c.tokens.count; i++)
        ntokens += c.tokens.items[i] != XC_BROWN_BREAK;
    fprintf(stderr, "brown_main: %zu tokens, %zu distinct words\n", ntokens, c.nwords);

    double start = now();
    params.progress = progress;
    params.user = &start;
    xc_brown_result r;
    xc_error err = {0};
    if (xc_brown_cluster(c.tokens.items, c.tokens.count, (uint32_t)c.nwords, &params, &r, &err) !=
        XC_OK) {
        fprintf(stderr, "brown_main: %s\n", err.message);
        return 1;
    }
    double seconds = now() - start;
    fprintf(stderr,
            "brown_main: %u words with count >= %u (%llu tokens, %llu bigrams) in %u clusters, "
            "mutual information %.4f bits, %.1f s\n",
            r.kept, params.min_count ? params.min_count : XC_BROWN_DEFAULT_MIN_COUNT,
            (unsigned long long)r.tokens, (unsigned long long)r.bigrams, r.clusters, r.mi_bits,
            seconds);

    row *rows = malloc((r.kept ? r.kept : 1) * sizeof *rows);
    if (!rows)
        die("out of memory");
    size_t nrows = 0;
    for (uint32_t w = 0; w < r.words; w++) {
        const char *path = xc_brown_path(&r, w);
        if (path)
            rows[nrows++] = (row){path, c.word[w], r.count[w]};
    }
    qsort(rows, nrows, sizeof *rows, by_path);
    FILE *f = fopen(out_path, "w");
    if (!f) {
        fprintf(stderr, "brown_main: cannot write %s: %s\n", out_path, strerror(errno));
        return 1;
    }
    for (size_t i = 0; i < nrows; i++)
        fprintf(f, "%s\t%s\t%u\n", rows[i].path, rows[i].word, rows[i].count);
    if (fclose(f) != 0) {
        fprintf(stderr, "brown_main: writing %s failed\n", out_path);
        return 1;
    }
    free(rows);
    xc_brown_result_free(&r);
    xc_strmap_free(&c.ids);
    free(c.word);
    free(c.tokens.items);
    return 0;
}
