/* The words temporal expressions are made of: month and weekday names,
 * seasons, units, number words (cardinal, ordinal, decades) and the
 * keywords the rules test for, in one sorted table looked up once per word.
 * Tense markers (will, said, was ...) let a bare weekday or month choose
 * between the last one and the next one. */
#ifndef XC_TEMPORAL_LEXICON_H
#define XC_TEMPORAL_LEXICON_H

#include <stddef.h>
#include <stdint.h>

typedef enum xc_unit {
    U_NONE = 0, U_SECOND, U_MINUTE, U_HOUR, U_DAY, U_WEEKEND, U_WEEK, U_FORTNIGHT, U_MONTH,
    U_QUARTER, U_YEAR, U_DECADE, U_CENTURY, U_MILLENNIUM
} xc_unit;

/* The keywords the rules test for, one id each (K_ + the word). */
enum xc_kw {
    K_NONE = 0,
    K_A, K_ABOUT, K_AFTER, K_AFTERNOON, K_AGAINST, K_AGO, K_AHEAD, K_ALMOST, K_AM, K_AN, K_AND,
    K_ANNUALLY, K_APPROXIMATELY, K_ARE, K_AROUND, K_AS, K_AT, K_BE, K_BEFORE, K_BEGINNING, K_BST,
    K_BY, K_CDT, K_CET, K_COMING, K_COMPARABLE, K_COMPARED, K_CORRESPONDING, K_COUPLE, K_CST,
    K_CURRENT, K_CURRENTLY, K_DAILY, K_DATE, K_DUE, K_DURING, K_EACH, K_EARLIER, K_EARLY, K_EDT,
    K_END, K_ENDED, K_ENDING, K_ENTIRE, K_EST, K_EVENING, K_EVERY, K_EXPECTED, K_FEW, K_FIRST,
    K_FISCAL, K_FOLLOWING, K_FOR, K_FORMERLY, K_FOURTH, K_FROM, K_FULL, K_FUTURE, K_FY, K_GMT,
    K_GOING, K_H, K_HALF, K_HENCE, K_HER, K_HIS, K_HOURLY, K_IN, K_IS, K_IST, K_ITS, K_JUST, K_LAST,
    K_LATE, K_LATELY, K_LATER, K_LATEST, K_LATTER, K_LESS, K_LOCAL, K_LONG, K_MANY, K_MID, K_MIDDAY,
    K_MIDDLE, K_MIDNIGHT, K_MOMENT, K_MONTHLY, K_MORE, K_MORNING, K_MOST, K_NEAR, K_NEARLY, K_NEXT,
    K_NIGHT, K_NOON, K_NOW, K_NOWADAYS, K_OF, K_ON, K_ONCE, K_ONLY, K_OR, K_OUR, K_OVER,
    K_OVERNIGHT, K_PAST, K_PDT, K_PER, K_PERIOD, K_PLAN, K_PLANS, K_PM, K_POSSIBLE, K_PRESENT,
    K_PRESENTLY, K_PREVIOUS, K_PREVIOUSLY, K_PRIOR, K_PST, K_Q, K_QUARTERLY, K_RECENT, K_RECENTLY,
    K_RIGHT, K_ROUGHLY, K_SAME, K_SCHEDULED, K_SECOND, K_SET, K_SEVERAL, K_SHALL, K_SHORT, K_SINCE,
    K_SO, K_SOME, K_SOMETIME, K_SOON, K_START, K_TERM, K_THAN, K_THAT, K_THE, K_THEIR, K_THESE,
    K_THIRD, K_THIS, K_THOSE, K_THROUGH, K_TILL, K_TIME, K_TIMES, K_TO, K_TODAY, K_TOMORROW,
    K_TONIGHT, K_TURN, K_UNDER, K_UNTIL, K_UTC, K_VERSUS, K_VS, K_WEEKLY, K_WHOLE, K_WILL, K_WITHIN,
    K_WON, K_WOULD, K_Y, K_YEARLY, K_YESTERDAY,
    K_COUNT
};

typedef struct xc_lex {
    const char *word;      /* lower case                                    */
    uint16_t kw;           /* enum xc_kw, K_NONE when not a keyword         */
    int8_t month;          /* 1-12                                          */
    int8_t weekday;        /* 1 Monday - 7 Sunday                           */
    int8_t season;         /* 1 spring, 2 summer, 3 fall, 4 winter          */
    uint8_t unit;          /* xc_unit                                       */
    int16_t card;          /* cardinal value, -1 when not a number word     */
    int16_t ord;           /* ordinal value, 0 when not an ordinal          */
    int8_t decade;         /* "nineties" = 90                               */
    uint8_t plural;        /* a plural unit (years)                         */
    uint8_t abbr;          /* a short form (Feb, Wed, yr)                   */
    uint8_t ambiguous;     /* also an ordinary word (May, march, Sun, fall):
                              the rules want it capitalised or in context  */
    char tense;            /* 'P' past marker, 'F' future marker, or 0      */
} xc_lex;

/* The entry for a word of `len` bytes (any ASCII case), or NULL. */
const xc_lex *xc_lex_lookup(const char *word, size_t len);

/* The whole table, for checks. */
const xc_lex *xc_lex_table(size_t *count);

#endif
