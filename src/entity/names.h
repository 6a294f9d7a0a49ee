/* How names are compared: a folded key (case, accents, dots and
 * punctuation gone: "U.S." → "us", "Zelenskyy’s" → "zelenskyy"), a
 * consonant skeleton for spellings that differ in vowels and doubled
 * letters (Zelenskyy / Zelenskiy / Zelensky → "zlnsk"; Medevdev /
 * Medvedev), Jaro-Winkler similarity, nicknames (Mike → michael), acronyms
 * (EU ← European Union), and the words that are roles, not names
 * (President, Secretary of State, Crown Prince, Sen., Dr.). */
#ifndef XC_ENTITY_NAMES_H
#define XC_ENTITY_NAMES_H

#include <stdbool.h>
#include <stddef.h>

#define XC_NAME_KEY_MAX 256

/* The folded key of a name, words separated by one space; returns its
 * length (0 when nothing is left). `out` holds XC_NAME_KEY_MAX bytes. */
size_t xc_name_key(const char *name, size_t len, char *out);

/* The skeleton of a folded word or key: its first letter, then its
 * consonants with runs collapsed (y counts as a vowel). */
size_t xc_name_skeleton(const char *key, size_t len, char *out, size_t cap);

/* Jaro-Winkler similarity of two byte strings, in [0, 1]. */
double xc_jaro_winkler(const char *a, size_t an, const char *b, size_t bn);

/* The full form of a folded first name ("mike" → "michael"), or the name
 * itself. */
const char *xc_first_name_canonical(const char *key, size_t len, size_t *out_len);

/* Is the folded word a role or title that may stand before a name? */
bool xc_is_role_word(const char *key, size_t len);

/* Is `acronym` (a folded key without spaces, 2-8 letters) made of the
 * initials of the words of `name` (a folded key), skipping "of", "the",
 * "and", "for"? "eu" ← "european union", "us" ← "united states". */
bool xc_is_acronym_of(const char *acronym, size_t an, const char *name, size_t nn);

/* Is the shorter folded name the last word(s) of the longer ("colts",
 * "indianapolis colts")? Words of 4 letters or more only. */
bool xc_name_is_tail(const char *a, size_t an, const char *b, size_t bn);

/* The words of a key: returns how many (at most `max`), with their spans. */
size_t xc_name_words(const char *key, size_t len, const char **words, size_t *lengths, size_t max);

#endif
