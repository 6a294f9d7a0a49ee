/* Duplicate detection over a stream of articles: exact copies (same folded
 * word sequence), near copies (MinHash Jaccard, found through LSH bands)
 * and containment (an article that embeds most of another, or is embedded
 * in it: wire copy with a new intro, a cut ending, a shortened version).
 *
 * Copies form groups with a lineage: the earliest article is the origin,
 * every other member records the article it copies, how (kind) and how
 * closely. An article that turns out to be earlier than its group's origin
 * becomes the origin ("re-rooting"), so arrival order does not matter.
 *
 * The engine holds only a window of recent articles (by publication time
 * and by count), so memory stays flat however long the stream. It knows
 * nothing of the store: dedup_store.c loads and saves its state. */
#ifndef XC_DEDUP_H
#define XC_DEDUP_H

#include <stdbool.h>
#include <stdint.h>

#include "crosscheck.h"
#include "minhash.h"
#include "../util/vec.h"

typedef enum xc_copy_kind {
    XC_COPY_NONE = 0,
    XC_COPY_EXACT,    /* the same words in the same order                  */
    XC_COPY_NEAR,     /* lightly reworded: high Jaccard                    */
    XC_COPY_CONTAINS, /* embeds the other's text (an added intro, ...)     */
    XC_COPY_EXCERPT   /* is embedded in the other (a cut ending, a brief)  */
} xc_copy_kind;

const char *xc_copy_kind_name(xc_copy_kind kind);
xc_copy_kind xc_copy_kind_parse(const char *name);

typedef struct xc_dedup_params {
    unsigned shingle_words;   /* words per shingle                            */
    unsigned bands, rows;     /* LSH: bands × rows ≤ XC_MINHASH_SLOTS          */
    double near_jaccard;      /* Jaccard at or above: a near copy              */
    double min_containment;   /* containment at or above: contains / excerpt   */
    double lead_containment;  /* the same, when the opening words are equal    */
    uint32_t min_shingles;    /* fewer distinct shingles: exact copies only    */
    unsigned lead_words;      /* words in the opening fingerprint              */
    int64_t window;           /* seconds of publication time kept in the index */
    size_t max_docs;          /* articles kept in the index at most            */
} xc_dedup_params;

extern const xc_dedup_params xc_dedup_defaults;

/* What the engine keeps of an article. */
typedef struct xc_dedup_item {
    int64_t key;        /* the article's key in the store (or any id)     */
    int64_t ts;         /* publication time; INT64_MIN when undated       */
    uint64_t text_hash; /* 0 when the article has no words                */
    uint64_t lead_hash; /* 0 when it is shorter than the opening          */
    uint32_t shingles;  /* distinct shingles                              */
    xc_minhash sig;
} xc_dedup_item;

/* Scratch space for xc_dedup_features, reused from article to article. */
typedef struct xc_dedup_scratch {
    xc_u64_list words, shingles, set;
} xc_dedup_scratch;

/* An article's dedup features, straight from its text (features.c). */
xc_status xc_dedup_features(const char *text, size_t len, const xc_dedup_params *p, xc_dedup_scratch *scratch,
                            int64_t key, int64_t ts, xc_dedup_item *out);
void xc_dedup_scratch_free(xc_dedup_scratch *s);

typedef struct xc_dedup_result {
    bool is_copy;
    int64_t copy_of;        /* the article it copies                          */
    xc_copy_kind kind;      /* of the item towards copy_of                    */
    double jaccard, containment;
    int64_t group;          /* the group both are in now                      */
    bool new_group;         /* made now: copy_of joins it too                 */
    int64_t origin;         /* the group's origin after this item             */
    bool rerooted;          /* the item is earlier than the old origin: it is
                               the origin now, and the old one copies it      */
    int64_t old_origin;
    xc_copy_kind old_origin_kind;
    double old_origin_jaccard, old_origin_containment;
} xc_dedup_result;

typedef struct xc_dedup xc_dedup;

xc_dedup *xc_dedup_new(const xc_dedup_params *p, int64_t next_group);
void xc_dedup_free(xc_dedup *d);

/* Find what an item copies, update the groups and add it to the index. */
xc_status xc_dedup_process(xc_dedup *d, const xc_dedup_item *item, xc_dedup_result *out);

/* Put back an article known from the store, with its group (0: none) and
 * that group's origin. Used when loading; does not look for matches. */
xc_status xc_dedup_restore(xc_dedup *d, const xc_dedup_item *item, int64_t group, int64_t origin_key,
                           int64_t origin_ts);

/* Forget an article (it is being replaced by a new version). */
void xc_dedup_remove(xc_dedup *d, int64_t key);

size_t xc_dedup_live(const xc_dedup *d);   /* articles in the index       */
size_t xc_dedup_memory(const xc_dedup *d); /* bytes held                  */

#endif
