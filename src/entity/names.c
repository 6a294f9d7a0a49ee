#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "entity/names.h"

size_t xc_name_key(const char *name, size_t len, char *out)
{
    /* a possessive: Zelenskyy's, Zelenskyy’s */
    if (len > 2 && name[len - 2] == '\'' && (name[len - 1] == 's' || name[len - 1] == 'S'))
        len -= 2;
    else if (len > 4 && memcmp(name + len - 4, "\xe2\x80\x99", 3) == 0 && (name[len - 1] == 's' || name[len - 1] == 'S'))
        len -= 4;
    utf8proc_uint8_t *folded = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)name, (utf8proc_ssize_t)len, &folded,
                                      UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD |
                                          UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
    size_t k = 0;
    if (n < 0) {
        out[0] = '\0';
        return 0;
    }
    bool space = false;
    for (utf8proc_ssize_t i = 0; i < n;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t step = utf8proc_iterate(folded + i, n - i, &cp);
        if (step <= 0)
            break;
        utf8proc_category_t cat = utf8proc_category(cp);
        bool letter = cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
        bool digit = cat == UTF8PROC_CATEGORY_ND;
        if (letter || digit) {
            if (space && k > 0 && k + 1 < XC_NAME_KEY_MAX)
                out[k++] = ' ';
            space = false;
            if (k + (size_t)step < XC_NAME_KEY_MAX) {
                memcpy(out + k, folded + i, (size_t)step);
                k += (size_t)step;
            }
        } else if (cp == '.' || cp == '\'' || cp == 0x2019) {
            /* U.S. → us, O'Brien → obrien: joiners, not separators */
        } else
            space = true;
        i += step;
    }
    free(folded);
    /* a possessive left at the end: "zelenskyy s" */
    if (k >= 2 && out[k - 1] == 's' && out[k - 2] == ' ')
        k -= 2;
    out[k] = '\0';
    return k;
}

static bool is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

size_t xc_name_skeleton(const char *key, size_t len, char *out, size_t cap)
{
    size_t k = 0;
    char last = 0;
    for (size_t i = 0; i < len && k + 1 < cap; i++) {
        char c = key[i];
        if (c == ' ') {
            last = 0;
            out[k++] = ' ';
            continue;
        }
        bool first = i == 0 || key[i - 1] == ' ';
        if (!first && is_vowel(c))
            continue;
        /* w and v are one sound in German and Polish spellings of Slavic
         * names: Yusupow / Yusupov, Romanow / Romanov */
        if (!first && c == 'w')
            c = 'v';
        /* and after q, v is the u of other spellings: Lindqvist / Lindquist */
        if (!first && c == 'v' && key[i - 1] == 'q')
            continue;
        if (c == last)
            continue;
        out[k++] = c;
        last = c;
    }
    out[k] = '\0';
    return k;
}

double xc_jaro_winkler(const char *a, size_t an, const char *b, size_t bn)
{
    if (an == 0 || bn == 0)
        return an == bn ? 1 : 0;
    if (an > 64 || bn > 64)
        return an == bn && memcmp(a, b, an) == 0;
    size_t window = (an > bn ? an : bn) / 2;
    window = window > 0 ? window - 1 : 0;
    bool am[64] = {false}, bm[64] = {false};
    size_t matches = 0;
    for (size_t i = 0; i < an; i++) {
        size_t lo = i > window ? i - window : 0, hi = i + window + 1 < bn ? i + window + 1 : bn;
        for (size_t j = lo; j < hi; j++)
            if (!bm[j] && a[i] == b[j]) {
                am[i] = bm[j] = true;
                matches++;
                break;
            }
    }
    if (matches == 0)
        return 0;
    size_t transpositions = 0;
    for (size_t i = 0, j = 0; i < an; i++) {
        if (!am[i])
            continue;
        while (!bm[j])
            j++;
        if (a[i] != b[j])
            transpositions++;
        j++;
    }
    double m = (double)matches;
    double jaro = (m / (double)an + m / (double)bn + (m - (double)transpositions / 2) / m) / 3;
    size_t prefix = 0;
    while (prefix < 4 && prefix < an && prefix < bn && a[prefix] == b[prefix])
        prefix++;
    return jaro + (double)prefix * 0.1 * (1 - jaro);
}

/* Common English diminutives and the forms news copy alternates between. */
static const char *const nicknames[][2] = {
    {"abe", "abraham"},      {"al", "albert"},        {"alex", "alexander"},  {"andy", "andrew"},
    {"bart", "bartholomew"}, {"ben", "benjamin"},     {"bernie", "bernard"},  {"beth", "elizabeth"},
    {"betty", "elizabeth"},  {"bill", "william"},     {"billy", "william"},   {"bob", "robert"},
    {"bobby", "robert"},     {"cathy", "catherine"},  {"charlie", "charles"}, {"chris", "christopher"},
    {"chuck", "charles"},    {"dan", "daniel"},       {"danny", "daniel"},    {"dave", "david"},
    {"dick", "richard"},     {"dima", "dmitry"},      {"don", "donald"},      {"doug", "douglas"},
    {"ed", "edward"},        {"eddie", "edward"},     {"fred", "frederick"},  {"greg", "gregory"},
    {"hank", "henry"},       {"harry", "henry"},      {"jack", "john"},       {"jake", "jacob"},
    {"jeff", "jeffrey"},     {"jen", "jennifer"},     {"jenny", "jennifer"},  {"jerry", "gerald"},
    {"jim", "james"},        {"jimmy", "james"},      {"joe", "joseph"},      {"johnny", "john"},
    {"jon", "jonathan"},     {"kate", "katherine"},   {"kathy", "katherine"}, {"ken", "kenneth"},
    {"katie", "katherine"},  {"kathryn", "katherine"},{"catherine", "katherine"}, {"mo", "maurice"},
    {"nate", "nathan"},      {"zach", "zachary"},     {"josh", "joshua"},     {"manny", "manuel"},
    {"larry", "lawrence"},   {"liz", "elizabeth"},    {"matt", "matthew"},    {"meg", "margaret"},
    {"mick", "michael"},     {"mike", "michael"},     {"misha", "mikhail"},   {"nick", "nicholas"},
    {"pat", "patrick"},      {"peggy", "margaret"},   {"pete", "peter"},      {"phil", "philip"},
    {"ray", "raymond"},      {"rick", "richard"},     {"rob", "robert"},      {"ron", "ronald"},
    {"sam", "samuel"},       {"sasha", "alexander"},  {"steve", "steven"},    {"stephen", "steven"},
    {"sue", "susan"},        {"ted", "edward"},       {"tim", "timothy"},     {"tom", "thomas"},
    {"tommy", "thomas"},     {"tony", "anthony"},     {"vlad", "vladimir"},   {"will", "william"},
};

const char *xc_first_name_canonical(const char *key, size_t len, size_t *out_len)
{
    for (size_t i = 0; i < sizeof nicknames / sizeof nicknames[0]; i++)
        if (strlen(nicknames[i][0]) == len && memcmp(nicknames[i][0], key, len) == 0) {
            *out_len = strlen(nicknames[i][1]);
            return nicknames[i][1];
        }
    *out_len = len;
    return key;
}

/* Folded role words; "of" joins them ("Secretary of State") and is handled
 * by the caller. */
static const char *const roles[] = {
    "acting", "admiral", "adm", "adviser", "advisor", "ambassador", "archbishop", "assemblyman",
    "assemblywoman", "attorney", "ayatollah", "baron", "baroness", "bishop", "brig", "brigadier", "capt",
    "captain", "cardinal", "ceo", "chairman", "chairwoman", "chair", "chancellor", "chief", "cmdr", "coach",
    "col", "colonel", "commander", "commissioner", "congressman", "congresswoman", "councillor", "councilman",
    "councilwoman", "counsel", "cpl", "crown", "dame", "defence", "defense", "delegate", "deputy", "det",
    "detective", "director", "dr", "duchess", "duke", "earl", "economy", "emir", "emperor", "empress", "energy",
    "envoy", "executive", "father", "finance", "first", "foreign", "former", "gen", "general", "gov",
    "governor", "health", "home", "imam", "inspector", "interior", "judge", "justice", "king", "lady", "leader",
    "lieutenant", "lord", "lt", "madam", "maj", "major", "marshal", "mayor", "minister", "miss", "mr", "mrs",
    "ms", "national", "officer", "premier", "president", "prime", "prince", "princess", "prof", "professor",
    "queen", "rabbi", "rep", "representative", "rev", "reverend", "secretary", "security", "sen", "senator",
    "sergeant", "sgt", "sheikh", "sir", "skipper", "speaker", "special", "spokesman", "spokesperson", "spokeswoman",
    "state", "sultan", "supreme", "treasury", "tsar", "czar", "vice", "war",
};

bool xc_is_role_word(const char *key, size_t len)
{
    for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
        if (strlen(roles[i]) == len && memcmp(roles[i], key, len) == 0)
            return true;
    return false;
}

size_t xc_name_words(const char *key, size_t len, const char **words, size_t *lengths, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < len && n < max;) {
        while (i < len && key[i] == ' ')
            i++;
        if (i >= len)
            break;
        size_t start = i;
        while (i < len && key[i] != ' ')
            i++;
        words[n] = key + start;
        lengths[n++] = i - start;
    }
    return n;
}

static bool is_joiner(const char *w, size_t n)
{
    return (n == 2 && memcmp(w, "of", 2) == 0) || (n == 3 && memcmp(w, "the", 3) == 0) ||
           (n == 3 && memcmp(w, "and", 3) == 0) || (n == 3 && memcmp(w, "for", 3) == 0) ||
           (n == 2 && memcmp(w, "de", 2) == 0);
}

bool xc_is_acronym_of(const char *acronym, size_t an, const char *name, size_t nn)
{
    if (an < 2 || an > 8 || memchr(acronym, ' ', an))
        return false;
    const char *words[16];
    size_t lengths[16];
    size_t n = xc_name_words(name, nn, words, lengths, 16);
    if (n < 2)
        return false;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (is_joiner(words[i], lengths[i]))
            continue;
        if (k >= an || words[i][0] != acronym[k])
            return false;
        k++;
    }
    return k == an;
}

bool xc_name_is_tail(const char *a, size_t an, const char *b, size_t bn)
{
    if (an > bn)
        return xc_name_is_tail(b, bn, a, an);
    if (an < 4 || an == bn || b[bn - an - 1] != ' ' || memcmp(a, b + bn - an, an) != 0)
        return false;
    const char *words[16];
    size_t lengths[16];
    size_t n = xc_name_words(a, an, words, lengths, 16);
    for (size_t i = 0; i < n; i++)
        if (lengths[i] < 4)
            return false;
    return n > 0;
}
