/* Abbreviations that end in a full stop, and what kind they are: the
 * tokenizer needs to know "Mr." is one token, the sentence splitter that a
 * title never ends a sentence while "Inc." may. */
#ifndef XC_ABBREV_H
#define XC_ABBREV_H

#include <stddef.h>

typedef enum xc_abbrev_kind {
    XC_ABBREV_NONE = 0,
    XC_ABBREV_TITLE,   /* Mr. Dr. Sen. Gen. St. — a name always follows       */
    XC_ABBREV_MONTH,   /* Feb. Sept. — a day or a year usually follows         */
    XC_ABBREV_NUMBERED,/* No. Vol. Fig. pp. — an abbreviation only before a digit */
    XC_ABBREV_GENERAL  /* Inc. Ltd. etc. vs. approx. Calif. — may end a sentence */
} xc_abbrev_kind;

/* Kind of `word` (without its full stop, case as written). */
xc_abbrev_kind xc_abbrev_lookup(const char *word, size_t len);

#endif
