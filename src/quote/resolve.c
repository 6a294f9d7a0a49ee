/* Who a speaker is: a name is its own entity; "he" or "she" the person the
 * text was last about, if their gender fits; "the president" or "the U.S.
 * diplomatic chief" the person whose title or description matches. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entity/names.h"
#include "quote/qctx.h"

enum { G_UNKNOWN, G_MALE, G_FEMALE };

/* Titles that say who someone is (folded). */
static int role_gender(const char *w, size_t n)
{
    static const char *const male[] = {"mr", "sir", "king", "prince", "lord", "duke", "earl", "baron", "father",
                                       "congressman", "chairman", "spokesman", "assemblyman", "councilman",
                                       "emperor", "sultan", "sheikh", "brother", "businessman", "tsar", "czar"};
    static const char *const female[] = {"mrs", "ms", "miss", "madam", "queen", "princess", "lady", "dame",
                                         "duchess", "baroness", "congresswoman", "chairwoman", "spokeswoman",
                                         "assemblywoman", "councilwoman", "empress", "sister", "businesswoman",
                                         "first lady"};
    for (size_t k = 0; k < sizeof male / sizeof *male; k++)
        if (strlen(male[k]) == n && memcmp(male[k], w, n) == 0)
            return G_MALE;
    for (size_t k = 0; k < sizeof female / sizeof *female; k++)
        if (strlen(female[k]) == n && memcmp(female[k], w, n) == 0)
            return G_FEMALE;
    return G_UNKNOWN;
}

/* Common first names of news people (folded); a name not here is told by
 * the pronouns the text uses after it. */
static int first_name_gender(const char *w, size_t n)
{
    static const char *const female[] = {
        "hillary", "melania", "michelle", "kellyanne", "elizabeth", "nancy", "sarah", "hope", "ivanka",
        "chelsea", "huma", "donna", "debbie", "loretta", "condoleezza", "madeleine", "nikki", "kamala",
        "angela", "theresa", "marine", "ursula", "giorgia", "kaja", "annalena", "jacinda", "liz", "kristi",
        "susan", "samantha", "karine", "jen", "tulsi", "amy", "kirsten", "dianne", "maxine", "alexandria",
        "ilhan", "rashida", "lisa", "mary", "patricia", "jennifer", "linda", "barbara", "margaret", "jessica",
        "karen", "emily", "anna", "maria", "julia", "laura", "rachel", "rebecca", "catherine", "katherine",
        "kate", "claire", "helen", "anne", "ann", "jane", "joan", "judy", "janet", "carol", "christine", "sophie",
        "olga", "irina", "natalia", "yulia", "tatiana", "svetlana", "iryna", "olena", "oksana", "marie",
        "jill", "gwen", "lindsay", "megyn", "katie", "ruth", "sonia", "elena", "nina", "monica", "paula",
        "michele", "stephanie", "heather", "amanda", "melissa", "nicole", "kim", "kimberly", "diane", "cindy",
        "betsy", "gina", "tammy", "jeanne", "jeanine", "kellie", "pam", "sheila", "leslie", "gennifer",
        "janice", "beth", "ellen", "marsha", "martha", "joni", "shelley", "heidi", "lucy", "grace", "alice",
        "victoria", "caroline", "charlotte", "amber", "tina", "denise", "yvette", "priti", "suella", "kemi",
        
    };
    static const char *const male[] = {
        "donald", "barack", "joe", "mike", "michael", "john", "james", "robert", "william", "david",
        "richard", "thomas", "charles", "mark", "paul", "steven", "steve", "george", "kevin", "brian", "jeff",
        "jeffrey", "bernie", "ted", "marco", "chris", "christopher", "jeb", "ben", "rand", "tim", "tom",
        "bill", "newt", "rudy", "rudolph", "reince", "sean", "stephen", "jared", "eric", "hunter", "mitch",
        "chuck", "harry", "vladimir", "volodymyr", "sergei", "sergey", "dmitry", "andriy", "andrii",
        "oleksandr", "emmanuel", "olaf", "boris", "keir", "rishi", "xi", "benjamin", "mohammed", "muhammad",
        "recep", "narendra", "justin", "jd", "j.d.", "pete", "peter", "lindsey", "ron", "greg", "gregory",
        "matt", "matthew", "adam", "jim", "jack", "frank", "fred", "gary", "larry", "jerry", "dan", "daniel",
        "anthony", "andrew", "alex", "alexander", "nick", "nicholas", "jonathan", "josh", "joshua", "ryan",
        "scott", "sam", "samuel", "henry", "edward", "ed", "roger", "bob", "ken", "kenneth", "martin",
        "patrick", "pat", "dick", "don", "jason", "elijah", "jimmy", "tony", "antony", "luis", "carlos",
        "jose", "juan", "pedro", "francis", "ali", "ahmed", "hassan", "abdullah", "mitt", "lloyd", "colin",
        "dwight", "ronald", "gerald", "herbert", "franklin", "lyndon", "rex", "elon", "warren", "howard",
        "rahm", "cory", "beto", "kirk", "jamie", "charlie", "alan", "allen", "bruce", "carl", "doug",
        "douglas", "frederick", "gavin", "hakeem", "ivan", "jacob", "jeremy", "keith", "kurt", "leon", "marc",
        "nathan", "neil", "oliver", "phil", "philip", "ralph", "ray", "raymond", "rick", "rob", "roy",
        "russell", "sergio", "terry", "todd", "victor", "wayne", "zach", "mohammad", "andrzej", "viktor",
        "rodrigo", "jair", "lula", "javier", "antonio", "giuseppe", "matteo", "silvio", "mario", "friedrich",
        "jens", "nigel", "gordon",
    };
    for (size_t k = 0; k < sizeof female / sizeof *female; k++)
        if (strlen(female[k]) == n && memcmp(female[k], w, n) == 0)
            return G_FEMALE;
    for (size_t k = 0; k < sizeof male / sizeof *male; k++)
        if (strlen(male[k]) == n && memcmp(male[k], w, n) == 0)
            return G_MALE;
    return G_UNKNOWN;
}

static int pronoun_gender(const xc_qctx *c, size_t t)
{
    if (xc_qtok_is(c, t, "he") || xc_qtok_is(c, t, "his") || xc_qtok_is(c, t, "him") || xc_qtok_is(c, t, "himself"))
        return G_MALE;
    if (xc_qtok_is(c, t, "she") || xc_qtok_is(c, t, "her") || xc_qtok_is(c, t, "hers") || xc_qtok_is(c, t, "herself"))
        return G_FEMALE;
    return G_UNKNOWN;
}

static size_t folded(const xc_qctx *c, uint32_t start, uint32_t end, char *key)
{
    return xc_name_key(c->text + start, end - start, key);
}

static bool paragraph_break(const xc_qctx *c, size_t t)
{
    return t < c->ntok && (c->tok[t].flags & XC_TF_NEWLINE_BEFORE);
}

typedef struct resolver {
    const xc_qctx *c;
    uint8_t *gender;        /* per entity                                 */
    int32_t *resolved;      /* per token: entity a resolved speaker is    */
} resolver;

/* The gender of each person: a title says it, else the first name, else
 * the pronouns that follow the person's mentions. */
static void genders(resolver *r)
{
    const xc_qctx *c = r->c;
    const xc_entity_extractor *x = c->x;
    size_t n = x->entities.count;
    int *votes = calloc(2 * n + 1, sizeof *votes);
    uint8_t *decided = calloc(n + 1, 1);
    char key[XC_NAME_KEY_MAX];
    for (size_t i = 0; i < x->mentions.count; i++) {
        const xc_mention *m = &x->mentions.items[i];
        if (m->type != XC_NER_PER || m->entity >= n)
            continue;
        if (m->role_end > m->role_start) {
            size_t kn = folded(c, m->role_start, m->role_end, key);
            const char *w[8];
            size_t wl[8];
            size_t nw = xc_name_words(key, kn, w, wl, 8);
            for (size_t k = 0; k < nw; k++) {
                int g = role_gender(w[k], wl[k]);
                if (g != G_UNKNOWN && decided)
                    r->gender[m->entity] = (uint8_t)g, decided[m->entity] = 2;
            }
        }
        size_t kn = folded(c, m->start, m->end, key);
        const char *w[8];
        size_t wl[8];
        size_t nw = xc_name_words(key, kn, w, wl, 8);
        if (nw >= 2 && decided && decided[m->entity] < 2) {
            int g = first_name_gender(w[0], wl[0]);
            if (g != G_UNKNOWN)
                r->gender[m->entity] = (uint8_t)g, decided[m->entity] = 1;
        }
        if (!votes)
            continue;
        /* the first he/she after the mention, before another person */
        size_t t = xc_qtok_at(c, m->end);
        for (size_t k = 0; k < 30 && t + k < c->ntok; k++) {
            size_t u = t + k;
            if (k > 0 && paragraph_break(c, u))
                break;
            if (c->tok_flags[u] & XC_QT_IN_QUOTE)
                continue;
            int32_t om = c->tok_mention[u];
            if (om >= 0 && x->mentions.items[om].type == XC_NER_PER && x->mentions.items[om].entity != m->entity)
                break;
            int g = pronoun_gender(c, u);
            if (g != G_UNKNOWN) {
                votes[2 * m->entity + (g == G_FEMALE)]++;
                break;
            }
        }
    }
    for (size_t e = 0; e < n && votes && decided; e++)
        if (!decided[e] && votes[2 * e] != votes[2 * e + 1])
            r->gender[e] = votes[2 * e] > votes[2 * e + 1] ? G_MALE : G_FEMALE;
    free(votes);
    free(decided);
}

/* The person the text was about before token `t`: sentence by sentence
 * backwards (outside quotes), the first person named in the nearest
 * sentence that names one whose gender fits. */
static int32_t person_before(const resolver *r, size_t t, int gender, int32_t *mention)
{
    const xc_qctx *c = r->c;
    const xc_entity_extractor *x = c->x;
    int32_t best = -1, best_mention = -1;
    size_t sentences = 0;
    for (size_t k = t; k-- > 0 && t - k < 600;) {
        if (!(c->tok_flags[k] & XC_QT_IN_QUOTE)) {
            int32_t e = -1, m = c->tok_mention[k];
            if (m >= 0 && x->mentions.items[m].type == XC_NER_PER)
                e = (int32_t)x->mentions.items[m].entity;
            else if (r->resolved[k] >= 0)
                e = r->resolved[k], m = -1;
            if (e >= 0 && (size_t)e < x->entities.count &&
                (gender == G_UNKNOWN || r->gender[e] == G_UNKNOWN || r->gender[e] == gender)) {
                best = e; /* keep going: the first in the sentence wins */
                if (m >= 0)
                    best_mention = m;
                else
                    best_mention = -1;
            }
            if (xc_qtok_sentence_end(c, k) && k + 1 < t) {
                if (best >= 0)
                    break;
                if (++sentences > 6)
                    break;
            }
        }
        if (paragraph_break(c, k) && best >= 0)
            break;
    }
    if (best >= 0 && best_mention < 0) {
        /* a resolved pronoun: name the entity by its fullest mention */
        best_mention = (int32_t)x->entities.items[best].name;
    }
    *mention = best_mention;
    return best;
}

/* Words that describe person entity e: titles before its mentions, the
 * words before a name in its phrase ("longtime Democratic pollster"), and
 * an appositive after it (", a lawyer for the Sierra Club,"). */
static bool describes(const resolver *r, size_t e, size_t before, const char *word)
{
    const xc_qctx *c = r->c;
    const xc_entity_extractor *x = c->x;
    for (size_t i = 0; i < x->mentions.count; i++) {
        const xc_mention *m = &x->mentions.items[i];
        if (m->entity != e || m->start >= before)
            continue;
        size_t first = xc_qtok_at(c, m->role_end > m->role_start ? m->role_start : m->start);
        size_t lo = first > 5 ? first - 5 : 0;
        for (size_t k = first; k-- > lo;) {
            if (c->tok[k].type != XC_TOK_WORD && c->tok[k].type != XC_TOK_ABBREV)
                break;
            if (xc_qtok_is(c, k, word))
                return true;
        }
        size_t end = xc_qtok_at(c, m->end);
        for (size_t k = first; k < end; k++)
            if (xc_qtok_is(c, k, word))
                return true;
        if (xc_qtok_punct(c, end, ",")) {
            for (size_t k = end + 1; k < c->ntok && k < end + 14; k++) {
                if (xc_qtok_punct(c, k, ",.;()") || (c->tok_flags[k] & XC_QT_IN_QUOTE))
                    break;
                if (xc_qtok_is(c, k, word))
                    return true;
            }
        }
    }
    return false;
}

/* Title words a nominal may stand for: "diplomatic chief" is the
 * secretary of state or a foreign minister. */
static const char *const *synonyms(const char *w, size_t n)
{
    static const char *const diplomat[] = {"secretary", "foreign", "diplomat", NULL};
    static const char *const spokes[] = {"spokesman", "spokeswoman", "spokesperson", "spokesman", NULL};
    static const char *const lawmaker[] = {"senator", "sen", "rep", "representative", "congressman",
                                           "congresswoman", "lawmaker", NULL};
    static const char *const leader[] = {"president", "prime", "chancellor", "leader", "premier", NULL};
    static const char *const premier[] = {"prime", "premier", NULL};
    static const char *const nominee[] = {"nominee", "candidate", NULL};
    static const struct { const char *word; const char *const *list; } table[] = {
        {"diplomat", diplomat}, {"diplomatic", diplomat}, {"spokesman", spokes}, {"spokeswoman", spokes},
        {"spokesperson", spokes}, {"lawmaker", lawmaker}, {"congressman", lawmaker},
        {"congresswoman", lawmaker}, {"leader", leader}, {"premier", premier}, {"nominee", nominee},
        {"candidate", nominee},
    };
    for (size_t k = 0; k < sizeof table / sizeof *table; k++)
        if (strlen(table[k].word) == n && memcmp(table[k].word, w, n) == 0)
            return table[k].list;
    return NULL;
}

/* Nouns for people that a definite nominal may use for the person the
 * text is about ("the tycoon said"). */
static bool person_noun(const char *w, size_t n)
{
    static const char *const words[] = {
        "president", "leader", "tycoon", "billionaire", "businessman", "businesswoman", "candidate", "nominee",
        "senator", "governor", "minister", "secretary", "chief", "diplomat", "chairman", "chairwoman", "mayor",
        "lawmaker", "congressman", "congresswoman", "mogul", "politician", "ceo", "executive", "director",
        "premier", "chancellor", "king", "queen", "prince", "actor", "actress", "singer", "star",
        "general", "commander", "envoy", "ambassador", "judge", "pollster", "economist", "analyst", "author",
        "founder", "owner", "coach", "host", "anchor", "spokesman", "spokeswoman", "spokesperson", "lawyer",
        "attorney", "adviser", "advisor", "aide", "strategist", "republican", "democrat", "incumbent",
        "veteran", "former", "woman", "man",
    };
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (strlen(words[k]) == n && memcmp(words[k], w, n) == 0)
            return true;
    return false;
}

/* "the president", "the U.S. diplomatic chief": the person whose titles
 * or description hold the head noun or a title a word of the phrase
 * stands for (diplomatic → secretary of state, foreign minister), the
 * most recent first; else, for a definite phrase naming a kind of person,
 * the person the text is about. "A senior official", "the ministry",
 * "the statement": nobody. */
static int32_t resolve_nominal(const resolver *r, const xc_quote *q, int32_t *mention)
{
    const xc_qctx *c = r->c;
    const xc_entity_extractor *x = c->x;
    size_t a = xc_qtok_at(c, q->speaker_start), b = xc_qtok_at(c, q->speaker_end);
    if (a + 1 >= b || !(xc_qtok_is(c, a, "the") || xc_qtok_is(c, a, "this")))
        return -1;
    char words[8][24];
    size_t nwords = 0;
    bool personal = false;
    for (size_t k = b; k-- > a + 1 && nwords < 8;) {
        size_t n = c->tok[k].end - c->tok[k].start;
        if (n >= sizeof words[0] || c->tok[k].type != XC_TOK_WORD)
            continue;
        char w[24];
        for (size_t i = 0; i < n; i++) {
            char ch = c->text[c->tok[k].start + i];
            w[i] = ch >= 'A' && ch <= 'Z' ? (char)(ch + 32) : ch;
        }
        w[n] = '\0';
        bool head = k == b - 1;
        const char *const *syn = synonyms(w, n);
        if (head && !person_noun(w, n) && !syn)
            return -1; /* "the ministry", "the statement" */
        personal = personal || person_noun(w, n);
        if (syn) {
            for (size_t i = 0; syn[i] && nwords < 8; i++)
                snprintf(words[nwords++], sizeof words[0], "%s", syn[i]);
        } else if (head || xc_is_role_word(w, n)) {
            snprintf(words[nwords++], sizeof words[0], "%s", w);
        }
    }
    int32_t best = -1, best_mention = -1;
    for (size_t i = x->mentions.count; i-- > 0 && best < 0;) {
        const xc_mention *m = &x->mentions.items[i];
        if (m->type != XC_NER_PER || m->start >= q->speaker_start)
            continue;
        if (c->tok_flags[xc_qtok_at(c, m->start)] & XC_QT_IN_QUOTE)
            continue;
        for (size_t w = 0; w < nwords; w++) {
            if (describes(r, m->entity, q->speaker_start, words[w])) {
                best = (int32_t)m->entity, best_mention = (int32_t)i;
                break;
            }
        }
    }
    if (best < 0 && personal)
        best = person_before(r, a, G_UNKNOWN, &best_mention);
    *mention = best_mention;
    return best;
}

/* A name the tagger did not tag ("said Caddell"): the person whose name
 * agrees. */
static int32_t resolve_untagged(const resolver *r, const xc_quote *q, int32_t *mention)
{
    const xc_qctx *c = r->c;
    const xc_entity_extractor *x = c->x;
    char key[XC_NAME_KEY_MAX], other[XC_NAME_KEY_MAX];
    size_t kn = folded(c, q->speaker_start, q->speaker_end, key);
    if (kn == 0)
        return -1;
    for (size_t e = 0; e < x->entities.count; e++) {
        const xc_local_entity *ent = &x->entities.items[e];
        if (ent->type != XC_NER_PER)
            continue;
        const xc_mention *m = &x->mentions.items[ent->name];
        size_t on = folded(c, m->start, m->end, other);
        if (xc_person_names_agree(key, kn, other, on)) {
            *mention = (int32_t)ent->name;
            return (int32_t)e;
        }
    }
    return -1;
}

xc_status xc_resolve_speakers(const xc_qctx *c, xc_quote *quotes, size_t count)
{
    for (size_t i = 0; i < count; i++)
        quotes[i].entity = quotes[i].mention = -1;
    if (!c->x || c->x->entities.count == 0)
        return XC_OK;
    resolver r = {c, calloc(c->x->entities.count, 1), malloc((c->ntok + 1) * sizeof(int32_t))};
    if (!r.gender || !r.resolved) {
        free(r.gender);
        free(r.resolved);
        return XC_ERR_NOMEM;
    }
    for (size_t k = 0; k < c->ntok; k++)
        r.resolved[k] = -1;
    genders(&r);
    for (size_t i = 0; i < count; i++) {
        xc_quote *q = &quotes[i];
        int32_t e = -1, m = -1;
        size_t t = xc_qtok_at(c, q->speaker_start);
        switch (q->speaker_kind) {
        case XC_SPEAKER_NAME:
            m = t < c->ntok ? c->tok_mention[t] : -1;
            if (m < 0 && t + 1 < c->ntok && c->tok[t].end <= q->speaker_end)
                m = c->tok_mention[xc_qtok_at(c, q->speaker_end) - 1];
            if (m >= 0)
                e = (int32_t)c->x->mentions.items[m].entity;
            else
                e = resolve_untagged(&r, q, &m);
            break;
        case XC_SPEAKER_PRONOUN: {
            int g = pronoun_gender(c, t);
            if (g != G_UNKNOWN)
                e = person_before(&r, t, g, &m);
            break;
        }
        case XC_SPEAKER_NOMINAL:
            e = resolve_nominal(&r, q, &m);
            break;
        }
        q->entity = e;
        q->mention = e >= 0 ? m : -1;
        if (e >= 0 && t < c->ntok && q->speaker_kind != XC_SPEAKER_NAME)
            r.resolved[t] = e;
    }
    free(r.gender);
    free(r.resolved);
    return XC_OK;
}
