#include <stdlib.h>
#include <string.h>

#include "entity/extract.h"
#include "entity/names.h"
#include "temporal/lexicon.h"
#include "util/vec.h"

static bool words_agree(const char *a, size_t an, const char *b, size_t bn)
{
    if (an == bn && memcmp(a, b, an) == 0)
        return true;
    /* spelling variants: Zelenskyy / Zelenskiy / Zelensky, Medevdev / Medvedev */
    if (an < 4 || bn < 4 || a[0] != b[0])
        return false;
    char sa[64], sb[64];
    size_t la = xc_name_skeleton(a, an, sa, sizeof sa), lb = xc_name_skeleton(b, bn, sb, sizeof sb);
    return la == lb && memcmp(sa, sb, la) == 0 && xc_jaro_winkler(a, an, b, bn) >= 0.85;
}

static bool first_names_agree(const char *a, size_t an, const char *b, size_t bn)
{
    if (an == bn && memcmp(a, b, an) == 0)
        return true;
    /* initials: "j" or "jd" against "james" (only the first letter is checked) */
    if ((an <= 2 || bn <= 2) && a[0] == b[0])
        return true;
    size_t ca, cb;
    const char *fa = xc_first_name_canonical(a, an, &ca), *fb = xc_first_name_canonical(b, bn, &cb);
    return (ca == cb && memcmp(fa, fb, ca) == 0) || words_agree(a, an, b, bn);
}

bool xc_person_names_agree(const char *a, size_t an, const char *b, size_t bn)
{
    const char *wa[16], *wb[16];
    size_t la[16], lb[16];
    size_t na = xc_name_words(a, an, wa, la, 16), nb = xc_name_words(b, bn, wb, lb, 16);
    if (na == 0 || nb == 0)
        return false;
    if (na > nb) /* let a be the shorter */
        return xc_person_names_agree(b, bn, a, an);
    if (na < nb) {
        /* the shorter is the tail of the longer: Rubio, bin Salman */
        bool tail = true;
        for (size_t i = 0; i < na && tail; i++)
            tail = words_agree(wa[na - 1 - i], la[na - 1 - i], wb[nb - 1 - i], lb[nb - 1 - i]);
        /* or a first name alone: Prince Mohammed, Mohammed bin Salman */
        return tail || (na == 1 && la[0] >= 3 && la[0] == lb[0] && memcmp(wa[0], wb[0], la[0]) == 0);
    }
    /* as long as each other: the same surname(s), and first names that
     * agree (Mike / Michael, JD / J.D.) */
    for (size_t i = 1; i < na; i++)
        if (!words_agree(wa[i], la[i], wb[i], lb[i]))
            return false;
    return na == 1 ? words_agree(wa[0], la[0], wb[0], lb[0]) : first_names_agree(wa[0], la[0], wb[0], lb[0]);
}

bool xc_other_names_agree(const char *a, size_t an, const char *b, size_t bn)
{
    if (an == bn && memcmp(a, b, an) == 0)
        return true;
    return xc_is_acronym_of(a, an, b, bn) || xc_is_acronym_of(b, bn, a, an);
}

static bool ensure_scratch(xc_entity_extractor *x, size_t n)
{
    if (n <= x->scratch_capacity)
        return true;
    const char **w = realloc(x->words, n * sizeof *w);
    if (w)
        x->words = w;
    size_t *l = w ? realloc(x->lengths, n * sizeof *l) : NULL;
    if (l)
        x->lengths = l;
    uint8_t *lab = l ? realloc(x->labels, n) : NULL;
    if (lab)
        x->labels = lab;
    uint8_t *iob = lab ? realloc(x->iob, n) : NULL;
    if (iob)
        x->iob = iob;
    xc_ner_span *spans = iob ? realloc(x->spans, n * sizeof *spans) : NULL;
    if (spans)
        x->spans = spans;
    xc_ner_span *pieces = spans ? realloc(x->pieces, n * sizeof *pieces) : NULL;
    if (!pieces)
        return false;
    x->pieces = pieces;
    x->scratch_capacity = n;
    return true;
}

/* Folded words of a token, for role checks. */
static size_t token_key(const char *text, const xc_token *t, char *out)
{
    return xc_name_key(text + t->start, t->end - t->start, out);
}

/* Role words just before token `first` of a sentence: "Secretary of State",
 * "Crown Prince", "Sen.", "Ukrainian President" stops at "Ukrainian". */
static size_t role_before(const char *text, const xc_token *tokens, size_t sentence_first, size_t first)
{
    size_t start = first;
    char key[XC_NAME_KEY_MAX];
    while (start > sentence_first) {
        const xc_token *t = &tokens[start - 1];
        if (t->type == XC_TOK_PUNCT && t->end - t->start == 1 && text[t->start] == '.')
            ; /* "Sen ." when the tokenizer split the dot */
        else {
            size_t n = token_key(text, t, key);
            bool joiner = n == 2 && memcmp(key, "of", 2) == 0 && start < first;
            if (!joiner && !xc_is_role_word(key, n))
                break;
        }
        start--;
    }
    /* never end on a joiner or a dot: "of" must sit between role words */
    while (start < first) {
        const xc_token *t = &tokens[start];
        size_t n = token_key(text, t, key);
        if (n > 0 && xc_is_role_word(key, n))
            break;
        start++;
    }
    return start;
}

/* The tagger learnt from CoNLL-2003, which writes quotes as " and
 * apostrophes as ': typographic ones are shown to it in that form. */
static void tagger_word(const char *text, const xc_token *t, const char **word, size_t *len)
{
    const char *w = text + t->start;
    size_t n = t->end - t->start;
    static const char *const clitics[][2] = {{"\xe2\x80\x99" "s", "'s"},   {"\xe2\x80\x99" "S", "'S"},
                                             {"\xe2\x80\x99" "re", "'re"}, {"\xe2\x80\x99" "ve", "'ve"},
                                             {"\xe2\x80\x99" "ll", "'ll"}, {"\xe2\x80\x99" "d", "'d"},
                                             {"\xe2\x80\x99" "m", "'m"},   {"n\xe2\x80\x99" "t", "n't"}};
    *word = w;
    *len = n;
    if (t->type == XC_TOK_PUNCT && n == 3 && (unsigned char)w[0] == 0xe2 && (unsigned char)w[1] == 0x80) {
        unsigned char c = (unsigned char)w[2];
        if (c == 0x9c || c == 0x9d || c == 0x9e) /* “ ” „ */
            *word = "\"", *len = 1;
        else if (c == 0x98 || c == 0x99) /* ‘ ’ */
            *word = "'", *len = 1;
        return;
    }
    if (t->type == XC_TOK_CLITIC)
        for (size_t i = 0; i < sizeof clitics / sizeof clitics[0]; i++)
            if (strlen(clitics[i][0]) == n && memcmp(clitics[i][0], w, n) == 0) {
                *word = clitics[i][1];
                *len = strlen(clitics[i][1]);
                return;
            }
}

static bool is_word_token(const xc_token *t)
{
    return t->type == XC_TOK_WORD || t->type == XC_TOK_ABBREV || t->type == XC_TOK_NUMBER ||
           t->type == XC_TOK_HASHTAG || t->type == XC_TOK_MENTION;
}

/* Particles inside Arabic, Dutch, German, Romance names. */
static bool is_name_particle(const char *w, size_t n)
{
    static const char *const particles[] = {"bin", "ibn", "bint", "al", "el", "abu", "de", "da", "di", "du",
                                            "del", "della", "van", "von", "der", "den", "le", "la", "dos"};
    for (size_t i = 0; i < sizeof particles / sizeof particles[0]; i++)
        if (strlen(particles[i]) == n && memcmp(particles[i], w, n) == 0)
            return true;
    return false;
}

/* An em or en dash: "OSTREL ISLAND — Lena Marsh" is a dateline and the
 * name that opens the report, not one name. (A hyphen may sit inside a
 * name.) */
static bool is_dash(const char *text, const xc_token *t)
{
    size_t n = t->end - t->start;
    const char *s = text + t->start;
    return t->type == XC_TOK_PUNCT && n == 3 && memcmp(s, "\xe2\x80", 2) == 0 &&
           ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94);
}

/* Lower-case words that join the words of a name: "Bank of England",
 * "Committee to Protect Journalists", "Trinidad and Tobago". */
static bool is_name_joiner(const char *w, size_t n)
{
    static const char *const joiners[] = {"of", "the", "and", "for", "to", "on", "upon", "in", "at", "y", "&"};
    for (size_t i = 0; i < sizeof joiners / sizeof joiners[0]; i++)
        if (strlen(joiners[i]) == n && memcmp(joiners[i], w, n) == 0)
            return true;
    return is_name_particle(w, n);
}

/* A word without a capital letter anywhere (iPhone has one). */
static bool lower_case_word(const char *text, const xc_token *t)
{
    if (t->type != XC_TOK_WORD)
        return false;
    for (uint32_t i = t->start; i < t->end; i++)
        if (text[i] >= 'A' && text[i] <= 'Z')
            return false;
    return true;
}

/* A person's name has no lower-case words but particles: the tagger's
 * "Vance to Zelensky" is two names. Other names may hold joiners ("Gulf
 * of Varne") but no other lower-case word ("The harbour reopened to
 * ships"). No name runs across a dash. Writes the pieces to `out` (room
 * for one span per token). */
static size_t split_names(const char *text, const xc_token *toks, const xc_ner_span *in, size_t count,
                          xc_ner_span *out)
{
    size_t n = 0;
    for (size_t j = 0; j < count; j++) {
        xc_ner_span sp = in[j];
        for (uint32_t k = sp.start; k < sp.end; k++) {
            const xc_token *t = &toks[k];
            bool lower = t->type == XC_TOK_WORD && !(t->flags & (XC_TF_UPPER_INITIAL | XC_TF_ALL_UPPER)) &&
                         !is_name_particle(text + t->start, t->end - t->start);
            bool split = sp.type == XC_NER_PER ? lower || t->type == XC_TOK_PUNCT || t->type == XC_TOK_SYMBOL
                                               : is_dash(text, t) || (lower_case_word(text, t) &&
                                                                      !is_name_joiner(text + t->start, t->end - t->start));
            if (split) {
                if (k > sp.start)
                    out[n++] = (xc_ner_span){sp.start, k, sp.type};
                sp.start = k + 1;
            }
        }
        if (sp.start < sp.end)
            out[n++] = sp;
    }
    return n;
}

/* Tidy the tagger's spans: trim punctuation at their edges, drop those
 * left without a word, and join a name split at a particle ("Mohammed"
 * "bin" "Salman") into one person. Returns the new count. */
/* "Wednesday", "October" alone: a date the tagger took for a name. Short
 * forms and words that are also names or words ("May", "March") stay. */
static bool is_calendar_word(const char *text, const xc_token *t)
{
    const xc_lex *lex = xc_lex_lookup(text + t->start, t->end - t->start);
    return lex && !lex->abbr && !lex->ambiguous && (lex->weekday > 0 || lex->month > 0);
}

static bool token_is_one_of(const char *text, const xc_token *t, const char *const *words, size_t n)
{
    char key[XC_NAME_KEY_MAX];
    size_t len = xc_name_key(text + t->start, t->end - t->start, key);
    for (size_t i = 0; i < n; i++)
        if (strlen(words[i]) == len && memcmp(words[i], key, len) == 0)
            return true;
    return false;
}

/* "Ostrel Island", "Marrow Valley": a name ending in a kind of place is a
 * place, whatever the tagger made of an unknown first word. */
static bool ends_in_place_word(const char *text, const xc_token *last)
{
    static const char *const places[] = {
        "island", "islands", "isle", "valley", "river", "lake", "bay", "mountain", "mountains", "hill",
        "hills", "coast", "strait", "straits", "sea", "ocean", "peninsula", "desert", "canyon", "gulf",
        "harbour", "harbor", "creek", "glacier", "reef", "cove", "fjord", "estuary", "plateau", "lagoon",
        "street", "avenue", "road", "square", "boulevard", "county", "province", "district"};
    return token_is_one_of(text, last, places, sizeof places / sizeof *places);
}

/* "Gulf of Varne", "Isle of Wight": a kind of place, then "of". */
static bool place_of(const char *text, const xc_token *toks, const xc_ner_span *sp)
{
    static const char *const heads[] = {"gulf", "bay", "sea", "strait", "straits", "isle", "island", "islands",
                                        "lake", "cape", "mount", "river", "valley", "coast"};
    if (sp->end - sp->start < 3)
        return false;
    const xc_token *of = &toks[sp->start + 1];
    return of->end - of->start == 2 && memcmp(text + of->start, "of", 2) == 0 &&
           token_is_one_of(text, &toks[sp->start], heads, sizeof heads / sizeof *heads);
}

/* "Voltrane Mobility", "Varne Island Lines": a name ending in a word for a
 * company or a body is not a person's. */
static bool ends_in_organisation_word(const char *text, const xc_token *last)
{
    static const char *const words[] = {
        "inc", "corp", "corporation", "co", "ltd", "llc", "plc", "gmbh", "ag", "sa", "group", "holdings",
        "bank", "airlines", "airways", "lines", "motors", "mobility", "energy", "systems", "technologies",
        "partners", "capital", "media", "university", "college", "institute", "council", "committee",
        "ministry", "agency", "party", "association", "foundation", "hospital", "museum", "company",
        "authority", "commission", "department", "club", "union", "federation", "league", "railways",
        "rail", "shipping", "insurance", "pharmaceuticals", "industries", "international"};
    return token_is_one_of(text, last, words, sizeof words / sizeof *words);
}

/* Titles that start a person's name and never an organisation's:
 * "Skipper Anatoly Yusupov" is a person even when tagged otherwise. */
static bool is_personal_title(const char *text, const xc_token *t)
{
    static const char *const titles[] = {"mr", "mrs", "ms", "dr", "sir", "dame", "skipper", "capt", "captain",
                                         "sen", "senator", "rep", "gov", "mayor", "judge", "prof", "professor",
                                         "rev", "sgt", "sergeant", "lt", "col", "colonel", "gen", "maj",
                                         "adm", "admiral", "cmdr", "detective", "det", "inspector", "governor",
                                         "president", "minister", "chancellor", "premier"};
    return token_is_one_of(text, t, titles, sizeof titles / sizeof *titles);
}

static size_t tidy_spans(const char *text, const xc_token *toks, xc_ner_span *spans, size_t count)
{
    size_t kept = 0;
    for (size_t j = 0; j < count; j++) {
        xc_ner_span sp = spans[j];
        while (sp.start < sp.end && !is_word_token(&toks[sp.start]))
            sp.start++;
        while (sp.end > sp.start && !is_word_token(&toks[sp.end - 1]))
            sp.end--;
        /* what a split leaves: no joiner at either end ("of Port Kessara"),
         * no function word alone ("The") */
        static const char *const function_words[] = {"the", "a", "an", "in", "on", "at", "of", "for", "and",
                                                     "but", "or", "to", "by", "with", "from", "as", "it", "this",
                                                     "that", "he", "she", "they", "we", "his", "her", "its"};
        while (sp.type != XC_NER_PER && sp.end - sp.start >= 2 && lower_case_word(text, &toks[sp.start]))
            sp.start++;
        while (sp.type != XC_NER_PER && sp.end - sp.start >= 2 && lower_case_word(text, &toks[sp.end - 1]))
            sp.end--;
        if (sp.end - sp.start == 1 &&
            token_is_one_of(text, &toks[sp.start], function_words, sizeof function_words / sizeof *function_words))
            continue;
        /* "Marrow Valley on Tuesday": a day after a preposition is a date
         * ("Black Friday" stays a name) */
        if (sp.end - sp.start >= 3 && is_calendar_word(text, &toks[sp.end - 1]) &&
            lower_case_word(text, &toks[sp.end - 2]))
            sp.end -= 2;
        if (sp.start == sp.end || !(toks[sp.start].flags & (XC_TF_UPPER_INITIAL | XC_TF_HAS_DIGIT)))
            continue;
        if ((sp.type == XC_NER_PER || sp.type == XC_NER_MISC) && sp.end - sp.start >= 2 &&
            ends_in_place_word(text, &toks[sp.end - 1]))
            sp.type = XC_NER_LOC;
        else if (sp.type == XC_NER_PER && sp.end - sp.start >= 2 && ends_in_organisation_word(text, &toks[sp.end - 1]))
            sp.type = XC_NER_ORG;
        else if (sp.type != XC_NER_LOC && place_of(text, toks, &sp))
            sp.type = XC_NER_LOC;
        else if (sp.type != XC_NER_PER && sp.end - sp.start == 3 && is_personal_title(text, &toks[sp.start]) &&
                 (toks[sp.start + 1].flags & XC_TF_UPPER_INITIAL) && (toks[sp.start + 2].flags & XC_TF_UPPER_INITIAL) &&
                 !ends_in_place_word(text, &toks[sp.end - 1]) && !ends_in_organisation_word(text, &toks[sp.end - 1]))
            sp.type = XC_NER_PER;
        if (sp.end - sp.start == 1 && is_calendar_word(text, &toks[sp.start]))
            continue;
        /* "U.S. National Security Adviser", "Foreign Minister": a title,
         * not an organisation; role_before() gives it to the person */
        if (sp.type != XC_NER_PER) {
            char key[XC_NAME_KEY_MAX];
            const xc_token *last = &toks[sp.end - 1];
            if (xc_is_role_word(key, xc_name_key(text + last->start, last->end - last->start, key)))
                continue;
        }
        /* "Mohammed bin Salman" with only "Salman" tagged: take in the
         * particle and the capitalised word before it */
        if (sp.type == XC_NER_PER && sp.start >= 2 && (kept == 0 || spans[kept - 1].end < sp.start - 1)) {
            const xc_token *particle = &toks[sp.start - 1], *before = &toks[sp.start - 2];
            char key[XC_NAME_KEY_MAX];
            if (particle->type == XC_TOK_WORD && is_name_particle(text + particle->start, particle->end - particle->start) &&
                before->type == XC_TOK_WORD && (before->flags & XC_TF_UPPER_INITIAL) &&
                !xc_is_role_word(key, xc_name_key(text + before->start, before->end - before->start, key)))
                sp.start -= 2;
        }
        if (kept > 0) {
            xc_ner_span *last = &spans[kept - 1];
            const xc_token *gap = &toks[last->end];
            if (sp.start == last->end + 1 && gap->type == XC_TOK_WORD &&
                is_name_particle(text + gap->start, gap->end - gap->start) &&
                (last->type == XC_NER_PER || sp.type == XC_NER_PER)) {
                last->end = sp.end;
                last->type = XC_NER_PER;
                continue;
            }
        }
        spans[kept++] = sp;
    }
    return kept;
}

static bool push_key(xc_entity_extractor *x, const char *text, uint32_t start, uint32_t end, xc_mention *m)
{
    char key[XC_NAME_KEY_MAX];
    size_t n = xc_name_key(text + start, end - start, key);
    m->key = (uint32_t)x->keys.len;
    m->key_len = (uint32_t)n;
    xc_buf_append(&x->keys, key, n);
    xc_buf_putc(&x->keys, '\0');
    return !x->keys.failed;
}

static size_t word_count(const char *key, size_t len)
{
    const char *w[16];
    size_t l[16];
    return xc_name_words(key, len, w, l, 16);
}

/* How many recent entities a mention is compared with. */
#define GROUP_WINDOW 256

static bool names_agree(int type, const char *a, size_t an, const char *b, size_t bn)
{
    return type == 0 /* XC_NER_PER */ ? xc_person_names_agree(a, an, b, bn) : xc_other_names_agree(a, an, b, bn);
}

/* Group the article's mentions: each joins the most recent entity of its
 * type whose fullest name agrees with it; a fuller name that arrives later
 * becomes the entity's name. Surname-only mentions before the full name
 * are joined in a second pass. */
/* A counting sort of the mentions by entity, for walking an entity's
 * mentions without scanning them all. */
static bool index_by_entity(xc_entity_extractor *x)
{
    size_t e_count = x->entities.count, m_count = x->mentions.count;
    uint32_t *first = realloc(x->first, (e_count + 2) * sizeof *first);
    if (first)
        x->first = first;
    uint32_t *order = first ? realloc(x->by_entity, (m_count + 1) * sizeof *order) : NULL;
    if (!order)
        return false;
    x->by_entity = order;
    memset(first, 0, (e_count + 2) * sizeof *first);
    for (size_t i = 0; i < m_count; i++)
        first[x->mentions.items[i].entity + 2]++;
    for (size_t e = 2; e < e_count + 2; e++)
        first[e] += first[e - 1];
    for (size_t i = 0; i < m_count; i++)
        order[first[x->mentions.items[i].entity + 1]++] = (uint32_t)i;
    return true;
}

/* Written in capitals only, and no acronym: "PORT ALDWICK —" opening a
 * report (NATO, UNICEF stay as they are written). */
static bool shouted(const char *text, const xc_mention *m)
{
    bool letters = false, space = false;
    for (uint32_t i = m->start; i < m->end; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c >= 'a' && c <= 'z')
            return false;
        letters |= c >= 'A' && c <= 'Z';
        space |= c == ' ';
    }
    return letters && (space || m->end - m->start >= 7);
}

static bool group(xc_entity_extractor *x, const char *text)
{
    xc_strmap_free(&x->seen);
    for (size_t i = 0; i < x->mentions.count; i++) {
        xc_mention *m = &x->mentions.items[i];
        const char *key = xc_mention_key(x, m);
        /* the type and the key: the same name written again */
        char typed[XC_NAME_KEY_MAX + 1];
        typed[0] = (char)('0' + m->type);
        memcpy(typed + 1, key, m->key_len);
        long found = -1;
        /* the most recent entities only: names are resolved locally, and
         * an article of thousands of names stays linear */
        size_t oldest = x->entities.count > GROUP_WINDOW ? x->entities.count - GROUP_WINDOW : 0;
        for (size_t e = x->entities.count; e-- > oldest;) {
            xc_local_entity *ent = &x->entities.items[e];
            const xc_mention *name = &x->mentions.items[ent->name];
            if (ent->type == m->type && names_agree(m->type, key, m->key_len, xc_mention_key(x, name), name->key_len)) {
                found = (long)e;
                break;
            }
        }
        uint32_t earlier;
        if (found < 0 && xc_strmap_get(&x->seen, typed, m->key_len + 1, &earlier))
            found = (long)earlier; /* beyond the window, written the same */
        if (found < 0) {
            xc_local_entity ent = {m->type, (uint32_t)i, 0};
            if (!XC_VEC_PUSH(&x->entities, ent))
                return false;
            found = (long)x->entities.count - 1;
        }
        xc_local_entity *ent = &x->entities.items[found];
        const xc_mention *name = &x->mentions.items[ent->name];
        size_t words = word_count(key, m->key_len), name_words = word_count(xc_mention_key(x, name), name->key_len);
        /* the fullest name, and of equal ones not a dateline's capitals */
        if (words > name_words || (words == name_words && shouted(text, name) && !shouted(text, m)))
            ent->name = (uint32_t)i;
        ent->mentions++;
        m->entity = (uint32_t)found;
        if (!xc_strmap_put(&x->seen, typed, m->key_len + 1, (uint32_t)found))
            return false;
    }
    /* a shorter entity whose name agrees with exactly one fuller entity
     * (surname seen before the full name) folds into it, as does a lone
     * word taken for a person that heads a place's name ("Ostrel" beside
     * "Ostrel Island"; not an organisation's: a country heads many);
     * skipped for the rare article with more entities than any news
     * report has */
    for (size_t e = 0; x->entities.count <= GROUP_WINDOW * 4 && e < x->entities.count; e++) {
        xc_local_entity *ent = &x->entities.items[e];
        const xc_mention *name = &x->mentions.items[ent->name];
        const char *key = xc_mention_key(x, name);
        size_t words = word_count(key, name->key_len);
        long target = -1;
        bool ambiguous = false;
        for (size_t f = 0; f < x->entities.count; f++) {
            const xc_local_entity *other = &x->entities.items[f];
            const xc_mention *oname = &x->mentions.items[other->name];
            const char *okey = xc_mention_key(x, oname);
            bool place_head = ent->type == XC_NER_PER && other->type == XC_NER_LOC && words == 1 &&
                              oname->key_len > name->key_len && memcmp(okey, key, name->key_len) == 0 &&
                              okey[name->key_len] == ' ';
            if (f == e || (other->type != ent->type && !place_head) || other->mentions == 0 ||
                word_count(okey, oname->key_len) <= words)
                continue;
            if (place_head || names_agree(ent->type, key, name->key_len, okey, oname->key_len)) {
                ambiguous = target >= 0;
                target = (long)f;
            }
        }
        if (target < 0 || ambiguous || ent->mentions == 0)
            continue;
        for (size_t i = 0; i < x->mentions.count; i++)
            if (x->mentions.items[i].entity == e) {
                x->mentions.items[i].entity = (uint32_t)target;
                x->mentions.items[i].type = x->entities.items[target].type;
            }
        x->entities.items[target].mentions += ent->mentions;
        ent->mentions = 0;
    }
    /* drop the emptied entities, renumbering */
    size_t kept = 0;
    uint32_t *renumber = malloc((x->entities.count + 1) * sizeof *renumber);
    if (!renumber)
        return false;
    for (size_t e = 0; e < x->entities.count; e++) {
        renumber[e] = (uint32_t)kept;
        if (x->entities.items[e].mentions)
            x->entities.items[kept++] = x->entities.items[e];
    }
    for (size_t i = 0; i < x->mentions.count; i++)
        x->mentions.items[i].entity = renumber[x->mentions.items[i].entity];
    x->entities.count = kept;
    free(renumber);
    return index_by_entity(x);
}

/* The last words of the full names of people in the article, for
 * recall_surnames(): a set, so a long article costs no more than a short
 * one per word. */
static bool collect_surnames(xc_entity_extractor *x, size_t people)
{
    xc_strmap_free(&x->surnames);
    for (size_t i = 0; i < people; i++) {
        const xc_mention *m = &x->mentions.items[i];
        if (m->type != XC_NER_PER)
            continue;
        const char *k = xc_mention_key(x, m);
        size_t last = m->key_len;
        while (last > 0 && k[last - 1] != ' ')
            last--;
        if (last > 0 && !xc_strmap_put(&x->surnames, k + last, m->key_len - last, 1))
            return false;
    }
    return true;
}

static bool is_known_surname(const xc_entity_extractor *x, const char *key, size_t len)
{
    uint32_t ignored;
    return xc_strmap_get(&x->surnames, key, len, &ignored);
}

static int by_start(const void *a, const void *b)
{
    const xc_mention *x = a, *y = b;
    return (x->start > y->start) - (x->start < y->start);
}

/* The tagger can miss or mistype a surname it found elsewhere in the same
 * article ("Zelenskiy said" after "Volodymyr Zelenskiy"); a capitalised
 * word that is the surname of a full name seen here is that person. */
static bool recall_surnames(xc_entity_extractor *x, const char *text)
{
    size_t found = x->mentions.count, next = 0;
    char key[XC_NAME_KEY_MAX];
    if (!collect_surnames(x, found))
        return false;
    for (size_t i = 0; i < found; i++) {
        xc_mention *m = &x->mentions.items[i];
        if (m->type != XC_NER_PER && memchr(xc_mention_key(x, m), ' ', m->key_len) == NULL &&
            is_known_surname(x, xc_mention_key(x, m), m->key_len))
            m->type = XC_NER_PER;
    }
    for (size_t t = 0; t < x->tokens.count; t++) {
        const xc_token *tok = &x->tokens.items[t];
        while (next < found && x->mentions.items[next].end <= tok->start)
            next++;
        if (next < found && x->mentions.items[next].start < tok->end)
            continue; /* inside a mention */
        if (tok->type != XC_TOK_WORD || !(tok->flags & XC_TF_UPPER_INITIAL) || (tok->flags & XC_TF_ALL_UPPER))
            continue;
        size_t n = xc_name_key(text + tok->start, tok->end - tok->start, key);
        if (n < 3 || !is_known_surname(x, key, n))
            continue;
        xc_mention m = {.start = tok->start, .end = tok->end, .type = XC_NER_PER};
        m.role_start = m.role_end = m.start;
        if (!push_key(x, text, m.start, m.end, &m) || !XC_VEC_PUSH(&x->mentions, m))
            return false;
    }
    if (x->mentions.count > found)
        qsort(x->mentions.items, x->mentions.count, sizeof *x->mentions.items, by_start);
    return true;
}

xc_status xc_entities_extract(xc_entity_extractor *x, const char *text, size_t len)
{
    x->mentions.count = 0;
    x->entities.count = 0;
    xc_buf_reset(&x->keys);
    x->tokens.count = 0;
    x->sentences.count = 0;
    xc_ner_history_clear(&x->history);
    xc_status st = xc_tokenize(text, len, &x->tokens);
    if (st == XC_OK)
        st = xc_split_sentences(text, len, &x->tokens, &x->sentences);
    if (st != XC_OK)
        return st;
    /* how the whole article writes each word, before tagging any of it */
    xc_ner_document_clear(&x->document);
    for (size_t k = 0; k < x->sentences.count; k++) {
        const xc_sentence *s = &x->sentences.items[k];
        if (!ensure_scratch(x, s->token_count + 1))
            return XC_ERR_NOMEM;
        const xc_token *toks = x->tokens.items + s->first_token;
        for (size_t i = 0; i < s->token_count; i++)
            tagger_word(text, &toks[i], &x->words[i], &x->lengths[i]);
        if (!xc_ner_document_add(&x->document, x->words, x->lengths, s->token_count))
            return XC_ERR_NOMEM;
    }
    for (size_t k = 0; k < x->sentences.count; k++) {
        const xc_sentence *s = &x->sentences.items[k];
        size_t n = s->token_count;
        if (n == 0)
            continue;
        if (!ensure_scratch(x, n))
            return XC_ERR_NOMEM;
        const xc_token *toks = x->tokens.items + s->first_token;
        for (size_t i = 0; i < n; i++)
            tagger_word(text, &toks[i], &x->words[i], &x->lengths[i]);
        if (xc_ner_sentence_prepare(&x->prepared, &x->tagger->resources, x->words, x->lengths, n) != XC_OK)
            return XC_ERR_NOMEM;
        xc_ner_document_apply(&x->document, &x->prepared);
        xc_ner_model_decode(&x->tagger->model, &x->prepared, &x->history, x->labels);
        if (!xc_ner_history_add(&x->history, &x->prepared, x->labels))
            return XC_ERR_NOMEM;
        xc_bilou_to_iob(x->labels, n, x->iob);
        size_t count = xc_iob_spans(x->iob, n, x->pieces);
        count = tidy_spans(text, toks, x->spans, split_names(text, toks, x->pieces, count, x->spans));
        for (size_t j = 0; j < count; j++) {
            size_t a = x->spans[j].start, b = x->spans[j].end;
            bool person = x->spans[j].type == XC_NER_PER;
            /* roles the tagger took into the name ("Crown Prince Mohammed")
             * and those just before it ("Secretary of State Marco Rubio") */
            char key[XC_NAME_KEY_MAX];
            size_t name_start = a;
            while (person && name_start + 1 < b) {
                size_t kn = token_key(text, &toks[name_start], key);
                if (!xc_is_role_word(key, kn) && !(kn == 2 && memcmp(key, "of", 2) == 0 && name_start > a))
                    break;
                name_start++;
            }
            size_t role_start = person ? role_before(text, toks, 0, a) : a;
            xc_mention m = {0};
            m.start = toks[name_start].start;
            m.end = toks[b - 1].end;
            if (role_start < name_start) {
                m.role_start = toks[role_start].start;
                m.role_end = toks[name_start - 1].end;
            } else
                m.role_start = m.role_end = m.start;
            m.type = (uint8_t)x->spans[j].type;
            if (!push_key(x, text, m.start, m.end, &m))
                return XC_ERR_NOMEM;
            if (m.key_len == 0)
                continue; /* punctuation only */
            if (!XC_VEC_PUSH(&x->mentions, m))
                return XC_ERR_NOMEM;
        }
    }
    if (!recall_surnames(x, text))
        return XC_ERR_NOMEM;
    return group(x, text) ? XC_OK : XC_ERR_NOMEM;
}

void xc_entity_extractor_free(xc_entity_extractor *x)
{
    free(x->mentions.items);
    free(x->entities.items);
    xc_buf_free(&x->keys);
    xc_token_list_free(&x->tokens);
    xc_sentence_list_free(&x->sentences);
    xc_ner_sentence_free(&x->prepared);
    xc_ner_history_free(&x->history);
    xc_ner_document_free(&x->document);
    xc_strmap_free(&x->surnames);
    xc_strmap_free(&x->seen);
    free(x->words);
    free(x->lengths);
    free(x->labels);
    free(x->iob);
    free(x->spans);
    free(x->pieces);
    free(x->by_entity);
    free(x->first);
    memset(x, 0, sizeof *x);
}
