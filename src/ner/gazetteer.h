/* Gazetteers for the named-entity tagger: lists of country, subdivision,
 * city and region names, demonyms and organisations (data/gazetteers/,
 * compiled in by scripts/embed-gazetteers.sh), and a matcher that flags, for
 * a sentence's tokens, where a name of each list begins and continues.
 *
 * Each entry is cut into tokens twice, by the project's tokenizer
 * (xc_tokenize: "AT|&|T", "McDonald|'s") and by splitting on spaces the way
 * CoNLL-2003 text is tokenised ("AT&T", "McDonald|'s", "Washington|,|D.C."),
 * so tokens from either source match. Matching is case-sensitive; a token
 * in capitals ("BRUSSELS", in datelines and headlines) also matches
 * case-insensitively, as does the rest of a name in capitals after it. */
#ifndef XC_GAZETTEER_H
#define XC_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

#include "crosscheck.h"

/* The shape of the generated table (build/gen/gazetteer_data.c). */
typedef struct xc_gazetteer_file {
    const char *name; /* file name without .txt: "countries", "cities", ... */
    const char *data; /* the file's bytes: one entry a line */
    size_t size;
} xc_gazetteer_file;

extern const xc_gazetteer_file xc_gazetteer_files[]; /* ends with {0} */
extern const size_t xc_gazetteer_file_count;

typedef enum xc_gazetteer_list {
    XC_GAZ_COUNTRY,     /* countries.txt      LOC  */
    XC_GAZ_SUBDIVISION, /* subdivisions.txt   LOC  */
    XC_GAZ_CITY,        /* cities.txt         LOC  */
    XC_GAZ_REGION,      /* regions.txt        LOC: continents, seas, rivers, ... */
    XC_GAZ_DEMONYM,     /* demonyms.txt       MISC */
    XC_GAZ_ORG,         /* organizations.txt  ORG  */
    XC_GAZ_LIST_COUNT
} xc_gazetteer_list;

/* Bits of the per-token flags: a match of `list` begins at the token, or
 * the token continues one (second token on). */
#define XC_GAZ_BEGIN(list) ((uint16_t)(1u << (2 * (unsigned)(list))))
#define XC_GAZ_INSIDE(list) ((uint16_t)(2u << (2 * (unsigned)(list))))

/* Entries longer than this many tokens are not loaded. */
#define XC_GAZ_MAX_TOKENS 32

typedef struct xc_gazetteer xc_gazetteer;

/* The lists compiled into the library; NULL (and err filled: XC_ERR_NOMEM,
 * or XC_ERR_NOT_FOUND when the build did not embed them) on failure. */
xc_gazetteer *xc_gazetteer_load_embedded(xc_error *err);
/* Lists given as files (name decides the list: "countries", "subdivisions",
 * "cities", "regions", "demonyms", "organizations"; others are ignored).
 * Lines that are empty, start with '#' or are not valid UTF-8 are skipped. */
xc_gazetteer *xc_gazetteer_load(const xc_gazetteer_file *files, size_t count, xc_error *err);
void xc_gazetteer_free(xc_gazetteer *g);

/* Entries loaded into one list (lines of its file). */
size_t xc_gazetteer_entries(const xc_gazetteer *g, xc_gazetteer_list list);
/* "country", "subdivision", "city", "region", "demonym", "org". */
const char *xc_gazetteer_list_name(xc_gazetteer_list list);

/* Set flags[i] (0 .. count-1) to the XC_GAZ_BEGIN / XC_GAZ_INSIDE bits of
 * token i. tokens[i] is tokens' bytes (lengths[i] of them, no terminator
 * needed). For each list the longest match starting at a token wins, and
 * matches of one list do not overlap (left to right). Any bytes are
 * accepted; no allocation, no failure. */
void xc_gazetteer_match(const xc_gazetteer *g, const char *const *tokens, const size_t *lengths,
                        size_t count, uint16_t *flags);

/* The place a demonym refers to ("Ukrainian", "Americans" -> "Ukraine",
 * "United States"), or NULL. Case-sensitive, and case-insensitive for a
 * word in capitals ("SAUDI"). A multi-word demonym is given with single
 * spaces ("South Korean"). */
const char *xc_gazetteer_demonym_country(const xc_gazetteer *g, const char *word, size_t len);

#endif
