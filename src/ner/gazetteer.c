/* Gazetteer lists and their matcher.
 *
 * Every token form (as written, and folded to lower case) gets an id in a
 * token dictionary; the entries form a token trie whose edges live in one
 * hash table from (node, token id) to the child node. Two roots: one for the
 * entries as written, one for their folded forms. Matching hashes each token
 * once (and once more when it is in capitals), then walks the trie from each
 * position over at most XC_GAZ_MAX_TOKENS tokens, keeping the ids of the last
 * tokens in a small ring, so it allocates nothing and costs O(count) lookups.
 *
 * The dictionary and the edge table are compact open-addressing tables sized
 * from the data up front (8 and 12 bytes a slot, token bytes in one pool):
 * about 70,000 token forms and 86,000 trie nodes take some 4 MB and load in
 * a few milliseconds, where general-purpose maps took twice the time and
 * memory. */
#include "gazetteer.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <xxhash.h>

#include "../util/error.h"
#include "../util/strmap.h"
#include "../util/vec.h"

/* The lists come from build/gen/gazetteer_data.c (scripts/embed-gazetteers.sh).
 * A build that does not generate it still compiles and links, and
 * xc_gazetteer_load_embedded reports that the lists are missing. */
#if defined(__has_include)
#if __has_include("gazetteer_data.c")
#define XC_HAVE_GAZETTEER_DATA 1
#endif
#endif

#define NO_ID UINT32_MAX
/* Token forms longer than this are not names: not loaded, never looked up. */
#define MAX_TOKEN_BYTES 128
/* Lines longer than this are not names. */
#define MAX_LINE_BYTES 512
/* Ids of the last RING tokens are kept while matching (> XC_GAZ_MAX_TOKENS). */
#define RING 64

enum { ROOT_EXACT = 0, ROOT_FOLDED = 1 };
enum { CASE_NONE, CASE_LOWER, CASE_UPPER }; /* no cased letter / some lower case / capitals */

typedef struct span {
    const char *p;
    size_t len;
} span;

typedef struct byte_list {
    uint8_t *items;
    size_t count, capacity;
} byte_list;

typedef struct char_list {
    char *items;
    size_t count, capacity;
} char_list;

/* Token forms -> ids 0, 1, ...; the bytes of id i are
 * bytes[offsets[i] .. offsets[i + 1]). */
typedef struct token_dict {
    uint64_t *slots; /* 0 = empty, else hash >> 32 << 32 | (id + 1) */
    size_t capacity; /* a power of two; at most 3/4 full */
    xc_u32_list offsets;
    char_list bytes;
} token_dict;

/* Trie edges: (node, token) -> child. Children are never a root, so
 * child 0 marks an empty slot. */
typedef struct edge {
    uint32_t node, token, child;
} edge;

typedef struct edge_table {
    edge *slots;
    size_t capacity, count; /* a power of two; at most 3/4 full */
} edge_table;

typedef struct name_list {
    const char **items;
    size_t count, capacity;
} name_list;

struct xc_gazetteer {
    token_dict tokens;      /* token forms, as written and folded */
    edge_table edges;
    byte_list ends;         /* per node: bit l set when an entry of list l ends there */
    size_t max_tokens;      /* tokens of the longest entry */
    size_t max_token_bytes; /* longest token form */
    size_t entries[XC_GAZ_LIST_COUNT];
    xc_strmap demonyms;        /* demonym -> index into places */
    xc_strmap demonyms_folded; /* folded demonym -> index into places */
    xc_strmap place_index;     /* place -> index */
    name_list places;
};

static const char *const file_names[XC_GAZ_LIST_COUNT] = {
    "countries", "subdivisions", "cities", "regions", "demonyms", "organizations"};
static const char *const list_names[XC_GAZ_LIST_COUNT] = {"country", "subdivision", "city",
                                                          "region",  "demonym",     "org"};

const char *xc_gazetteer_list_name(xc_gazetteer_list list)
{
    return (unsigned)list < XC_GAZ_LIST_COUNT ? list_names[list] : "unknown";
}

size_t xc_gazetteer_entries(const xc_gazetteer *g, xc_gazetteer_list list)
{
    return g && (unsigned)list < XC_GAZ_LIST_COUNT ? g->entries[list] : 0;
}

/* ---- case ------------------------------------------------------------- */

static int case_class(const char *s, size_t len)
{
    bool upper = false;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (c >= 'a' && c <= 'z')
                return CASE_LOWER;
            upper |= c >= 'A' && c <= 'Z';
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0) {
            i++; /* a stray byte has no case */
            continue;
        }
        i += (size_t)n;
        switch (utf8proc_category(cp)) {
        case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
            return CASE_LOWER;
        case UTF8PROC_CATEGORY_LU:
            upper = true;
            break;
        default:
            break;
        }
    }
    return upper ? CASE_UPPER : CASE_NONE;
}

/* Lower-case `s` into out (capacity cap); returns the length, or SIZE_MAX
 * when it does not fit. Bytes that are not UTF-8 are copied. */
static size_t fold(const char *s, size_t len, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (o >= cap)
                return SIZE_MAX;
            out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0) {
            if (o >= cap)
                return SIZE_MAX;
            out[o++] = (char)c;
            i++;
            continue;
        }
        i += (size_t)n;
        utf8proc_uint8_t buf[4];
        utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_tolower(cp), buf);
        if (m <= 0 || o + (size_t)m > cap)
            return SIZE_MAX;
        memcpy(out + o, buf, (size_t)m);
        o += (size_t)m;
    }
    return o;
}

/* ---- token dictionary and edge table --------------------------------- */

static size_t power_of_two_for(size_t n)
{
    size_t cap = 1024;
    while (cap < n && cap <= SIZE_MAX / 4)
        cap *= 2;
    return cap;
}

static uint32_t dict_count(const token_dict *d)
{
    return d->offsets.count ? (uint32_t)(d->offsets.count - 1) : 0;
}

static uint32_t dict_find(const token_dict *d, const char *s, size_t len, uint64_t hash)
{
    if (!d->capacity)
        return NO_ID;
    size_t mask = d->capacity - 1;
    uint64_t tag = hash >> 32 << 32;
    for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
        uint64_t v = d->slots[i];
        if (!v)
            return NO_ID;
        if ((v & 0xffffffff00000000ull) == tag) {
            uint32_t id = (uint32_t)v - 1;
            uint32_t start = d->offsets.items[id];
            if (d->offsets.items[id + 1] - start == len && memcmp(d->bytes.items + start, s, len) == 0)
                return id;
        }
    }
}

static void dict_place(token_dict *d, uint64_t hash, uint32_t id)
{
    size_t mask = d->capacity - 1;
    size_t i = (size_t)hash & mask;
    while (d->slots[i])
        i = (i + 1) & mask;
    d->slots[i] = (hash >> 32 << 32) | ((uint64_t)id + 1);
}

static bool dict_resize(token_dict *d, size_t capacity)
{
    uint64_t *slots = calloc(capacity, sizeof *slots);
    if (!slots)
        return false;
    free(d->slots);
    d->slots = slots;
    d->capacity = capacity;
    for (uint32_t id = 0; id < dict_count(d); id++) {
        uint32_t start = d->offsets.items[id];
        dict_place(d, XXH3_64bits(d->bytes.items + start, d->offsets.items[id + 1] - start), id);
    }
    return true;
}

/* The id of a form, added when new; NO_ID when out of memory. */
static uint32_t dict_add(token_dict *d, const char *s, size_t len)
{
    uint64_t hash = XXH3_64bits(s, len);
    uint32_t id = dict_find(d, s, len, hash);
    if (id != NO_ID)
        return id;
    id = dict_count(d);
    if (id >= NO_ID - 1 || d->bytes.count + len > UINT32_MAX)
        return NO_ID;
    if ((size_t)(id + 1) * 4 > d->capacity * 3 && !dict_resize(d, power_of_two_for(d->capacity * 2)))
        return NO_ID;
    if (!XC_VEC_RESERVE(&d->bytes, len) || !XC_VEC_RESERVE(&d->offsets, 1))
        return NO_ID;
    memcpy(d->bytes.items + d->bytes.count, s, len);
    d->bytes.count += len;
    d->offsets.items[d->offsets.count++] = (uint32_t)d->bytes.count;
    dict_place(d, hash, id);
    return id;
}

static bool dict_init(token_dict *d, size_t forms, size_t bytes)
{
    return dict_resize(d, power_of_two_for(forms * 4 / 3 + 1)) && XC_VEC_RESERVE(&d->bytes, bytes) &&
           XC_VEC_RESERVE(&d->offsets, forms + 1) && XC_VEC_PUSH(&d->offsets, 0);
}

static void dict_free(token_dict *d)
{
    free(d->slots);
    free(d->offsets.items);
    free(d->bytes.items);
}

static size_t edge_hash(uint32_t node, uint32_t token)
{
    uint64_t x = (uint64_t)node << 32 | token;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    return (size_t)x;
}

/* The slot of (node, token), or the empty slot where it would go. */
static edge *edge_slot(const edge_table *t, uint32_t node, uint32_t token)
{
    size_t mask = t->capacity - 1;
    for (size_t i = edge_hash(node, token) & mask;; i = (i + 1) & mask) {
        edge *e = &t->slots[i];
        if (!e->child || (e->node == node && e->token == token))
            return e;
    }
}

static bool edges_resize(edge_table *t, size_t capacity)
{
    edge *slots = calloc(capacity, sizeof *slots);
    if (!slots)
        return false;
    edge_table old = *t;
    t->slots = slots;
    t->capacity = capacity;
    for (size_t i = 0; i < old.capacity; i++)
        if (old.slots[i].child)
            *edge_slot(t, old.slots[i].node, old.slots[i].token) = old.slots[i];
    free(old.slots);
    return true;
}

/* ---- building --------------------------------------------------------- */

static uint32_t new_node(xc_gazetteer *g)
{
    if (g->ends.count >= NO_ID || !XC_VEC_PUSH(&g->ends, 0))
        return NO_ID;
    return (uint32_t)(g->ends.count - 1);
}

static uint32_t intern(xc_gazetteer *g, const char *s, size_t len)
{
    if (len > g->max_token_bytes)
        g->max_token_bytes = len;
    return dict_add(&g->tokens, s, len);
}

/* Add one token path under `root`; false when out of memory. */
static bool insert_path(xc_gazetteer *g, uint32_t root, const span *tokens, size_t n,
                        xc_gazetteer_list list)
{
    uint32_t node = root;
    for (size_t i = 0; i < n; i++) {
        uint32_t id = intern(g, tokens[i].p, tokens[i].len);
        if (id == NO_ID)
            return false;
        if ((g->edges.count + 1) * 4 > g->edges.capacity * 3 &&
            !edges_resize(&g->edges, g->edges.capacity * 2))
            return false;
        edge *e = edge_slot(&g->edges, node, id);
        if (!e->child) {
            uint32_t child = new_node(g);
            if (child == NO_ID)
                return false;
            *e = (edge){node, id, child};
            g->edges.count++;
        }
        node = e->child;
    }
    g->ends.items[node] |= (uint8_t)(1u << list);
    if (n > g->max_tokens)
        g->max_tokens = n;
    return true;
}

/* The path as written and the folded path. */
static bool insert_entry(xc_gazetteer *g, const span *tokens, size_t n, xc_gazetteer_list list)
{
    if (n == 0 || n > XC_GAZ_MAX_TOKENS)
        return true;
    for (size_t i = 0; i < n; i++)
        if (tokens[i].len == 0 || tokens[i].len > MAX_TOKEN_BYTES)
            return true;
    if (!insert_path(g, ROOT_EXACT, tokens, n, list))
        return false;
    char buf[XC_GAZ_MAX_TOKENS * MAX_TOKEN_BYTES * 4];
    span folded[XC_GAZ_MAX_TOKENS];
    size_t used = 0;
    for (size_t i = 0; i < n; i++) {
        size_t m = fold(tokens[i].p, tokens[i].len, buf + used, sizeof buf - used);
        if (m == SIZE_MAX || m > MAX_TOKEN_BYTES)
            return true;
        folded[i] = (span){buf + used, m};
        used += m;
    }
    return insert_path(g, ROOT_FOLDED, folded, n, list);
}

/* Tokens of the project's tokenizer; false when there are too many. */
static bool cut_project(const char *s, size_t len, xc_token_list *scratch, span *out, size_t *n,
                        bool *nomem)
{
    scratch->count = 0;
    if (xc_tokenize(s, len, scratch) != XC_OK) {
        *nomem = true;
        return false;
    }
    if (scratch->count > XC_GAZ_MAX_TOKENS)
        return false;
    for (size_t i = 0; i < scratch->count; i++)
        out[i] = (span){s + scratch->items[i].start, scratch->items[i].end - scratch->items[i].start};
    *n = scratch->count;
    return true;
}

static bool closing_punct(char c) { return c && strchr(",;:)]!?\"", c); }

/* Tokens of text split on spaces, CoNLL-2003 fashion: words whole ("AT&T",
 * "U.S."), leading brackets and quotes and trailing commas, brackets, quotes
 * and marks apart, a possessive "'s" apart. False when there are too many. */
static bool cut_spaces(const char *s, size_t len, span *out, size_t *n)
{
    size_t k = 0;
#define EMIT(ptr, l)                                                                               \
    do {                                                                                           \
        if (k == XC_GAZ_MAX_TOKENS)                                                                \
            return false;                                                                          \
        out[k++] = (span){(ptr), (l)};                                                             \
    } while (0)
    size_t i = 0;
    while (i < len) {
        while (i < len && (s[i] == ' ' || s[i] == '\t'))
            i++;
        size_t start = i;
        while (i < len && s[i] != ' ' && s[i] != '\t')
            i++;
        size_t end = i;
        while (start < end && end - start > 1 && (s[start] == '(' || s[start] == '[' || s[start] == '"')) {
            EMIT(s + start, 1);
            start++;
        }
        size_t tail = end;
        while (tail > start + 1 && closing_punct(s[tail - 1]))
            tail--;
        if (start < tail) {
            size_t core = tail - start, clitic = 0;
            if (core > 2 && s[tail - 1] == 's' && s[tail - 2] == '\'')
                clitic = 2;
            else if (core > 4 && s[tail - 1] == 's' && memcmp(s + tail - 4, "\xe2\x80\x99", 3) == 0)
                clitic = 4;
            if (clitic && core > clitic) {
                EMIT(s + start, core - clitic);
                EMIT(s + tail - clitic, clitic);
            } else {
                EMIT(s + start, core);
            }
        }
        for (size_t t = tail; t < end; t++)
            EMIT(s + t, 1);
    }
#undef EMIT
    *n = k;
    return true;
}

/* One name, cut both ways. */
static bool add_name(xc_gazetteer *g, const char *s, size_t len, xc_gazetteer_list list,
                     xc_token_list *scratch)
{
    span a[XC_GAZ_MAX_TOKENS], b[XC_GAZ_MAX_TOKENS];
    size_t na = 0, nb = 0;
    bool nomem = false;
    bool have_a = cut_project(s, len, scratch, a, &na, &nomem);
    if (nomem || (have_a && !insert_entry(g, a, na, list)))
        return false;
    if (!cut_spaces(s, len, b, &nb))
        return true;
    /* Mostly the two agree; the same path need not be walked twice. */
    if (have_a && na == nb) {
        size_t i = 0;
        while (i < na && a[i].p == b[i].p && a[i].len == b[i].len)
            i++;
        if (i == na)
            return true;
    }
    return insert_entry(g, b, nb, list);
}

static bool add_entry(xc_gazetteer *g, const char *s, size_t len, xc_gazetteer_list list,
                      xc_token_list *scratch)
{
    if (!add_name(g, s, len, list, scratch))
        return false;
    /* Text often has the typographic apostrophe: "Côte d’Ivoire", "McDonald’s". */
    if (memchr(s, '\'', len)) {
        char buf[MAX_LINE_BYTES * 3];
        size_t m = 0;
        for (size_t i = 0; i < len; i++) {
            if (s[i] == '\'') {
                memcpy(buf + m, "\xe2\x80\x99", 3);
                m += 3;
            } else {
                buf[m++] = s[i];
            }
        }
        if (!add_name(g, buf, m, list, scratch))
            return false;
    }
    g->entries[list]++;
    return true;
}

static bool add_demonym(xc_gazetteer *g, const char *word, size_t len, const char *place,
                        size_t place_len)
{
    uint32_t index;
    if (!xc_strmap_get(&g->place_index, place, place_len, &index)) {
        index = (uint32_t)g->places.count;
        if (!xc_strmap_put(&g->place_index, place, place_len, index))
            return false;
        const char *stored = xc_strmap_key(&g->place_index, place, place_len);
        if (!stored || !XC_VEC_PUSH(&g->places, stored))
            return false;
    }
    if (!xc_strmap_get(&g->demonyms, word, len, NULL) && !xc_strmap_put(&g->demonyms, word, len, index))
        return false;
    char buf[MAX_LINE_BYTES * 4];
    size_t m = fold(word, len, buf, sizeof buf);
    if (m != SIZE_MAX && !xc_strmap_get(&g->demonyms_folded, buf, m, NULL) &&
        !xc_strmap_put(&g->demonyms_folded, buf, m, index))
        return false;
    return true;
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

static bool load_list(xc_gazetteer *g, xc_gazetteer_list list, const char *data, size_t size,
                      xc_token_list *scratch)
{
    const char *end = data + size;
    for (const char *line = data; line < end;) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        const char *stop = nl ? nl : end;
        const char *next = nl ? nl + 1 : end;
        const char *place = NULL;
        size_t place_len = 0;
        if (list == XC_GAZ_DEMONYM) {
            const char *tab = memchr(line, '\t', (size_t)(stop - line));
            if (tab) {
                place = tab + 1;
                place_len = (size_t)(stop - place);
                while (place_len && is_space(place[place_len - 1]))
                    place_len--;
                stop = tab;
            }
        }
        while (line < stop && is_space(*line))
            line++;
        while (stop > line && is_space(stop[-1]))
            stop--;
        size_t len = (size_t)(stop - line);
        if (len && len <= MAX_LINE_BYTES && line[0] != '#' && xc_utf8_valid(line, len, NULL)) {
            if (!add_entry(g, line, len, list, scratch))
                return false;
            if (place && place_len && place_len <= MAX_LINE_BYTES &&
                xc_utf8_valid(place, place_len, NULL) && !add_demonym(g, line, len, place, place_len))
                return false;
        }
        line = next;
    }
    return true;
}

void xc_gazetteer_free(xc_gazetteer *g)
{
    if (!g)
        return;
    dict_free(&g->tokens);
    free(g->edges.slots);
    free(g->ends.items);
    xc_strmap_free(&g->demonyms);
    xc_strmap_free(&g->demonyms_folded);
    xc_strmap_free(&g->place_index);
    free(g->places.items);
    free(g);
}

xc_gazetteer *xc_gazetteer_load(const xc_gazetteer_file *files, size_t count, xc_error *err)
{
    /* Sizes from the data: about one token form per 6 bytes of list, one
     * trie edge per 5 (both trees together). */
    size_t bytes = 0;
    for (size_t i = 0; files && i < count && files[i].name; i++)
        bytes += files[i].size;
    xc_gazetteer *g = calloc(1, sizeof *g);
    if (!g || new_node(g) != ROOT_EXACT || new_node(g) != ROOT_FOLDED ||
        !dict_init(&g->tokens, bytes / 6, bytes + bytes / 2) ||
        !edges_resize(&g->edges, power_of_two_for(bytes / 5 * 4 / 3 + 1)) ||
        !XC_VEC_RESERVE(&g->ends, bytes / 5 + 2)) {
        xc_gazetteer_free(g);
        xc_fail(err, XC_ERR_NOMEM, "out of memory loading gazetteers");
        return NULL;
    }
    xc_token_list scratch = {0};
    bool ok = true;
    for (size_t i = 0; ok && files && i < count && files[i].name; i++) {
        for (int l = 0; l < XC_GAZ_LIST_COUNT; l++) {
            if (strcmp(files[i].name, file_names[l]) == 0 && files[i].data) {
                ok = load_list(g, (xc_gazetteer_list)l, files[i].data, files[i].size, &scratch);
                break;
            }
        }
    }
    xc_token_list_free(&scratch);
    if (!ok) {
        xc_gazetteer_free(g);
        xc_fail(err, XC_ERR_NOMEM, "out of memory loading gazetteers");
        return NULL;
    }
    return g;
}

xc_gazetteer *xc_gazetteer_load_embedded(xc_error *err)
{
#ifdef XC_HAVE_GAZETTEER_DATA
    if (xc_gazetteer_file_count > 0)
        return xc_gazetteer_load(xc_gazetteer_files, xc_gazetteer_file_count, err);
#endif
    xc_fail(err, XC_ERR_NOT_FOUND,
            "no gazetteers compiled in (build/gen/gazetteer_data.c from data/gazetteers)");
    return NULL;
}

/* ---- matching --------------------------------------------------------- */

typedef struct slot {
    uint32_t exact, folded; /* token ids, NO_ID when unknown */
    uint8_t cls;
} slot;

static uint32_t lookup(const xc_gazetteer *g, const char *s, size_t len)
{
    return dict_find(&g->tokens, s, len, XXH3_64bits(s, len));
}

static void fill(const xc_gazetteer *g, const char *s, size_t len, slot *out)
{
    *out = (slot){NO_ID, NO_ID, CASE_LOWER};
    if (!s || len == 0 || len > g->max_token_bytes)
        return;
    out->exact = lookup(g, s, len);
    out->cls = (uint8_t)case_class(s, len);
    if (out->cls == CASE_NONE) {
        out->folded = out->exact;
    } else if (out->cls == CASE_UPPER) {
        char buf[MAX_TOKEN_BYTES * 4];
        size_t m = fold(s, len, buf, sizeof buf);
        if (m != SIZE_MAX && m <= g->max_token_bytes)
            out->folded = lookup(g, buf, m);
    }
}

static uint32_t child_of(const xc_gazetteer *g, uint32_t node, uint32_t id)
{
    const edge *e = edge_slot(&g->edges, node, id);
    return e->child ? e->child : NO_ID;
}

void xc_gazetteer_match(const xc_gazetteer *g, const char *const *tokens, const size_t *lengths,
                        size_t count, uint16_t *flags)
{
    if (!flags)
        return;
    for (size_t i = 0; i < count; i++)
        flags[i] = 0;
    if (!g || !tokens || !lengths || !g->edges.count)
        return;
    slot ring[RING];
    size_t filled = 0; /* tokens [0, filled) have their slot (the last RING of them kept) */
    size_t covered[XC_GAZ_LIST_COUNT] = {0}; /* a list's last match ends before this token */
    for (size_t i = 0; i < count; i++) {
        for (size_t j = i; j < count && j < i + g->max_tokens; j++) {
            if (j < filled)
                continue;
            fill(g, tokens[j], lengths[j], &ring[j % RING]);
            filled = j + 1;
            if (ring[j % RING].exact == NO_ID && ring[j % RING].folded == NO_ID)
                break; /* no walk goes past an unknown token */
        }
        const slot *first = &ring[i % RING];
        if (first->exact == NO_ID && first->folded == NO_ID)
            continue;
        size_t best[XC_GAZ_LIST_COUNT] = {0};
        for (int pass = 0; pass < 2; pass++) {
            if (pass == 1 && first->cls != CASE_UPPER)
                break;
            uint32_t node = pass == 0 ? ROOT_EXACT : ROOT_FOLDED;
            for (size_t j = i; j < count && j < i + g->max_tokens && j < filled; j++) {
                const slot *s = &ring[j % RING];
                uint32_t id = pass == 0 ? s->exact : s->folded;
                if (id == NO_ID || (node = child_of(g, node, id)) == NO_ID)
                    break;
                unsigned ends = g->ends.items[node];
                for (int l = 0; ends; l++, ends >>= 1)
                    if (ends & 1)
                        best[l] = j - i + 1;
            }
        }
        for (int l = 0; l < XC_GAZ_LIST_COUNT; l++) {
            if (!best[l] || i < covered[l])
                continue;
            flags[i] |= XC_GAZ_BEGIN(l);
            for (size_t k = 1; k < best[l]; k++)
                flags[i + k] |= XC_GAZ_INSIDE(l);
            covered[l] = i + best[l];
        }
    }
}

const char *xc_gazetteer_demonym_country(const xc_gazetteer *g, const char *word, size_t len)
{
    if (!g || !word || len == 0 || len > MAX_LINE_BYTES)
        return NULL;
    uint32_t index;
    if (xc_strmap_get(&g->demonyms, word, len, &index))
        return g->places.items[index];
    if (case_class(word, len) != CASE_UPPER)
        return NULL;
    char buf[MAX_LINE_BYTES * 4];
    size_t m = fold(word, len, buf, sizeof buf);
    if (m != SIZE_MAX && xc_strmap_get(&g->demonyms_folded, buf, m, &index))
        return g->places.items[index];
    return NULL;
}
