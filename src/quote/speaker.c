/* The cue and the speaker next to a quote: a few patterns over tokens,
 * with the entity mentions the tagger found as the names. */
#include <string.h>

#include "quote/cues.h"
#include "quote/qctx.h"

bool xc_qtok_is(const xc_qctx *c, size_t t, const char *word)
{
    if (t >= c->ntok)
        return false;
    size_t n = c->tok[t].end - c->tok[t].start, wn = strlen(word);
    if (n != wn)
        return false;
    const char *s = c->text + c->tok[t].start;
    for (size_t i = 0; i < n; i++) {
        char a = s[i];
        if (a >= 'A' && a <= 'Z')
            a = (char)(a + 32);
        if (a != word[i])
            return false;
    }
    return true;
}

bool xc_qtok_punct(const xc_qctx *c, size_t t, const char *chars)
{
    if (t >= c->ntok || c->tok[t].type != XC_TOK_PUNCT || c->tok[t].end - c->tok[t].start != 1)
        return false;
    return strchr(chars, c->text[c->tok[t].start]) != NULL;
}

static bool is_dash(const xc_qctx *c, size_t t)
{
    if (t >= c->ntok || c->tok[t].type != XC_TOK_PUNCT)
        return false;
    const unsigned char *s = (const unsigned char *)c->text + c->tok[t].start;
    size_t n = c->tok[t].end - c->tok[t].start;
    return (n == 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0x93 || s[2] == 0x94 || s[2] == 0x95)) ||
           (n == 2 && s[0] == '-' && s[1] == '-') || (n == 1 && s[0] == '-');
}

bool xc_qtok_sentence_end(const xc_qctx *c, size_t t)
{
    if (!xc_qtok_punct(c, t, ".?!"))
        return false;
    /* "(D-Md.)", "Md.,": not the end of a sentence */
    if (t + 1 < c->ntok && xc_qtok_punct(c, t + 1, "),;"))
        return false;
    return true;
}

bool xc_qtok_pronoun(const xc_qctx *c, size_t t)
{
    return xc_qtok_is(c, t, "he") || xc_qtok_is(c, t, "she") || xc_qtok_is(c, t, "they") ||
           (t < c->ntok && c->tok[t].end - c->tok[t].start == 1 && c->text[c->tok[t].start] == 'I') ||
           xc_qtok_is(c, t, "we") || xc_qtok_is(c, t, "it");
}

size_t xc_qtok_at(const xc_qctx *c, size_t b)
{
    size_t lo = 0, hi = c->ntok;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->tok[mid].start < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static bool in_quote(const xc_qctx *c, size_t t)
{
    return t < c->ntok && (c->tok_flags[t] & XC_QT_IN_QUOTE);
}

static bool is_word(const xc_qctx *c, size_t t)
{
    if (t >= c->ntok)
        return false;
    uint8_t ty = c->tok[t].type;
    return ty == XC_TOK_WORD || ty == XC_TOK_ABBREV || ty == XC_TOK_NUMBER || ty == XC_TOK_CLITIC ||
           ty == XC_TOK_MENTION || ty == XC_TOK_HASHTAG;
}

static bool is_capitalised(const xc_qctx *c, size_t t)
{
    return t < c->ntok && (c->tok[t].flags & XC_TF_UPPER_INITIAL) && is_word(c, t);
}

static bool is_person(const xc_qctx *c, int32_t m)
{
    if (m < 0 || !c->x)
        return false;
    const xc_mention *x = &c->x->mentions.items[m];
    if (x->type == XC_NER_PER)
        return true;
    /* "Mrs. Clinton" tagged as an organisation: the title says a person */
    size_t t = xc_qtok_at(c, x->role_end > x->role_start ? x->role_start : x->start);
    return xc_qtok_is(c, t, "mr.") || xc_qtok_is(c, t, "mrs.") || xc_qtok_is(c, t, "ms.") ||
           xc_qtok_is(c, t, "mr") || xc_qtok_is(c, t, "mrs") || xc_qtok_is(c, t, "ms");
}

/* The cue word at t, outside quotes, with its particle ("pointed out");
 * *end is the token after it. */
static const xc_cue_word *cue_span(const xc_qctx *c, size_t t, size_t *end)
{
    if (t >= c->ntok || c->tok[t].type != XC_TOK_WORD || in_quote(c, t))
        return NULL;
    const xc_cue_word *w = xc_cue_lookup(c->text + c->tok[t].start, c->tok[t].end - c->tok[t].start);
    if (!w)
        return NULL;
    *end = t + 1;
    if (w->particle) {
        if (!xc_qtok_is(c, t + 1, w->particle))
            return NULL;
        *end = t + 2;
    }
    return w;
}

static bool any_cue(const xc_qctx *c, size_t t)
{
    size_t e;
    return cue_span(c, t, &e) != NULL;
}

static bool ends_ing(const xc_qctx *c, size_t t)
{
    size_t n = c->tok[t].end - c->tok[t].start;
    return n > 4 && memcmp(c->text + c->tok[t].end - 3, "ing", 3) == 0;
}

static bool adverb_at(const xc_qctx *c, size_t t)
{
    return t < c->ntok && c->tok[t].type == XC_TOK_WORD &&
           xc_cue_adverb(c->text + c->tok[t].start, c->tok[t].end - c->tok[t].start);
}

static bool is_determiner(const xc_qctx *c, size_t t)
{
    static const char *const words[] = {"the", "a", "an", "one", "his", "her", "their", "its", "another", "this",
                                        "that", "these", "those", "our", "my", "your", "some", "two", "three",
                                        "several", "many", "both", "each", "most", "other", "no"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (xc_qtok_is(c, t, words[k]))
            return true;
    return false;
}

/* Words that end a noun phrase; the first list in any case (a sentence
 * may start with them), the second in lower case only. */
static bool np_stop(const xc_qctx *c, size_t t)
{
    static const char *const any_case[] = {
        "in", "on", "at", "during", "after", "before", "for", "of", "to", "with", "who", "whom", "whose", "which",
        "when", "while", "as", "from", "about", "and", "or", "but", "via", "by", "than", "because", "since", "if",
        "into", "over", "under", "through", "where", "although", "though", "asked", "speaking", "then", "so",
        "yet", "also", "upon", "against", "without", "like", "unlike", "despite", "following", "meanwhile",
    };
    static const char *const lower[] = {
        "that", "is", "was", "are", "were", "be", "been", "not", "there", "would", "will", "has", "have", "had",
        "can", "could", "should", "may", "might", "must", "do", "does", "did", "just", "this", "these", "those",
        "him", "her", "them", "us", "me", "said", "says", "told",
    };
    if (t >= c->ntok)
        return true;
    for (size_t k = 0; k < sizeof any_case / sizeof *any_case; k++)
        if (xc_qtok_is(c, t, any_case[k]))
            return true;
    if (c->tok[t].flags & XC_TF_UPPER_INITIAL)
        return false;
    for (size_t k = 0; k < sizeof lower / sizeof *lower; k++)
        if (xc_qtok_is(c, t, lower[k]))
            return true;
    return false;
}

/* "Clinton's", "Sanders'": the name owns what follows. */
static bool possessive(const xc_qctx *c, size_t t)
{
    if (t >= c->ntok)
        return false;
    if (c->tok[t].type == XC_TOK_CLITIC)
        return xc_qtok_is(c, t, "'s") || xc_qtok_is(c, t, "\xe2\x80\x99s");
    return (xc_qtok_punct(c, t, "'") || xc_qtok_is(c, t, "\xe2\x80\x99")) && c->tok[t].start == c->tok[t - 1].end;
}

/* A tagged mention covering token t: the mention's token range. */
static bool mention_tokens(const xc_qctx *c, size_t t, size_t *first, size_t *end, int32_t *mention)
{
    if (t >= c->ntok || c->tok_mention[t] < 0)
        return false;
    int32_t m = c->tok_mention[t];
    size_t a = t, b = t + 1;
    while (a > 0 && c->tok_mention[a - 1] == m)
        a--;
    while (b < c->ntok && c->tok_mention[b] == m)
        b++;
    *first = a;
    *end = b;
    *mention = m;
    return true;
}

/* A lower-case word that reads as a verb after a name: "seemed", "drew",
 * "says" (not "campaign" in "Trump campaign manager"). */
static bool verb_like(const xc_qctx *c, size_t t)
{
    static const char *const words[] = {"drew", "made", "took", "gave", "went", "came", "got", "was", "is",
                                        "has", "had", "will", "would", "can", "could", "did", "does", "won",
                                        "lost", "ran", "saw", "knew", "thought", "felt", "left", "met", "sent",
                                        "himself", "herself", "themselves", "also", "then", "now", "again"};
    if (t >= c->ntok || c->tok[t].type != XC_TOK_WORD || (c->tok[t].flags & XC_TF_UPPER_INITIAL))
        return false;
    size_t n = c->tok[t].end - c->tok[t].start;
    const char *w = c->text + c->tok[t].start;
    if (n > 3 && memcmp(w + n - 2, "ed", 2) == 0)
        return true;
    if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' && w[n - 2] != 'i')
        return true;
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (xc_qtok_is(c, t, words[k]))
            return true;
    return false;
}

/* The first word of a sentence is capitalised whatever it is. */
static bool sentence_initial(const xc_qctx *c, size_t t)
{
    return t == 0 || (c->tok[t].flags & XC_TF_NEWLINE_BEFORE) || xc_qtok_sentence_end(c, t - 1) ||
           (c->tok[t - 1].type == XC_TOK_PUNCT && (c->tok_flags[t - 1] & XC_QT_IN_QUOTE));
}

/* Capitalised words that are probably a name the tagger missed ("said
 * Caddell"): how many, up to 4. */
static size_t capitalised_run(const xc_qctx *c, size_t t, size_t end)
{
    size_t n = 0;
    while (t + n < end && n < 4 && is_capitalised(c, t + n) && !any_cue(c, t + n) && !in_quote(c, t + n) &&
           !np_stop(c, t + n))
        n++;
    return n;
}

typedef struct np {
    size_t first, end;       /* the speaker                               */
    uint8_t kind;
    int32_t mention;
    size_t phrase;           /* where the whole phrase starts ("Trump lawyer
                                Marc Kasowitz": at "Trump")                */
} np;

static bool is_named(const np *p) { return p->kind == XC_SPEAKER_NAME || p->kind == XC_SPEAKER_PRONOUN; }

/* The noun phrase that starts at t (after a cue: "said X ..."). */
static bool np_forward(const xc_qctx *c, size_t t, size_t end, np *out)
{
    if (t >= end || in_quote(c, t))
        return false;
    size_t a, b;
    int32_t m;
    if (xc_qtok_pronoun(c, t)) {
        *out = (np){t, t + 1, XC_SPEAKER_PRONOUN, -1, t};
        return true;
    }
    size_t k = t, words = 0;
    int32_t named = -1;
    size_t named_end = 0;
    while (k < end && words < 8 && is_word(c, k) && !in_quote(c, k) && (k == t || !np_stop(c, k)) &&
           (k == t || !any_cue(c, k))) {
        if (mention_tokens(c, k, &a, &b, &m) && a >= t && b <= end) {
            if (possessive(c, b)) { /* "Clinton's spokesman": not the name */
                words += b + 1 - k;
                k = b + 1;
                named = -1;
                continue;
            }
            named = m;
            named_end = b;
            words += b - k;
            k = b;
            if (k < end && is_person(c, m) && verb_like(c, k))
                break; /* "Clinton seemed irritated": the name is the phrase */
            continue;
        }
        k++;
        words++;
    }
    if (k == t || (k == t + 1 && is_determiner(c, t)) || (k == t + 1 && np_stop(c, t)))
        return false;
    if (named >= 0 && named_end == k) {
        /* "Trump lawyer Marc Kasowitz", "the White House": the last name */
        size_t f;
        mention_tokens(c, named_end - 1, &f, &b, &m);
        *out = (np){f, b, XC_SPEAKER_NAME, named, t};
        return true;
    }
    /* "the head of the Ukrainian presidential office Andriy Yermak": a
     * title phrase ending in the person's name */
    if (k < end && (xc_qtok_is(c, k, "of") || xc_qtok_is(c, k, "for") || xc_qtok_is(c, k, "at"))) {
        for (size_t j = k + 1; j < end && j < k + 12; j++) {
            if (!is_word(c, j) || in_quote(c, j) || any_cue(c, j))
                break;
            if (mention_tokens(c, j, &a, &b, &m) && is_person(c, m) && b <= end && !possessive(c, b) &&
                (b == end || xc_qtok_punct(c, b, ",;:(.") || any_cue(c, b))) {
                *out = (np){a, b, XC_SPEAKER_NAME, m, t};
                return true;
            }
        }
    }
    bool cap = !is_determiner(c, t) && capitalised_run(c, t, end) == k - t && !(k == t + 1 && sentence_initial(c, t));
    *out = (np){t, k, cap ? XC_SPEAKER_NAME : XC_SPEAKER_NOMINAL, -1, t};
    return true;
}

/* The noun phrase that ends just before `end` (before a cue: "X said"),
 * starting no earlier than `lo`. */
static bool np_backward(const xc_qctx *c, size_t lo, size_t end, np *out)
{
    if (end <= lo)
        return false;
    size_t e = end;
    /* "Jason Chaffetz (R-Utah) said": skip the bracket */
    if (xc_qtok_punct(c, e - 1, ")")) {
        size_t k = e - 1;
        while (k > lo && e - k < 12 && !xc_qtok_punct(c, k, "("))
            k--;
        if (xc_qtok_punct(c, k, "(") && k > lo)
            e = k;
    }
    if (in_quote(c, e - 1))
        return false;
    size_t a, b;
    int32_t m;
    if (mention_tokens(c, e - 1, &a, &b, &m) && b == e && a >= lo) {
        /* modifiers before the name belong to the phrase: "Trump lawyer
         * Marc Kasowitz", "Oversight Chairman Jason Chaffetz" */
        size_t k = a;
        while (k > lo && a - k < 6 && is_word(c, k - 1) && !np_stop(c, k - 1) && !any_cue(c, k - 1) &&
               !in_quote(c, k - 1) && !is_determiner(c, k - 1))
            k--;
        if (k > lo && is_determiner(c, k - 1) && !in_quote(c, k - 1))
            k--;
        /* "Archbishop Aris Shirvanian of the Armenian Patriarchate of
         * Jerusalem": a place or body after "of" belongs to the person
         * before it */
        if (!is_person(c, m) && k > lo + 1 && (xc_qtok_is(c, k - 1, "of") || xc_qtok_is(c, k - 1, "for") ||
                                                xc_qtok_is(c, k - 1, "at") || xc_qtok_is(c, k - 1, "from"))) {
            np head;
            if (np_backward(c, lo, k - 1, &head) && head.kind == XC_SPEAKER_NAME && is_person(c, head.mention)) {
                *out = head;
                return true;
            }
        }
        *out = (np){a, e, XC_SPEAKER_NAME, m, k};
        return true;
    }
    if (xc_qtok_pronoun(c, e - 1)) {
        *out = (np){e - 1, e, XC_SPEAKER_PRONOUN, -1, e - 1};
        return true;
    }
    size_t k = e, words = 0;
    while (k > lo && words < 8) {
        size_t t = k - 1;
        if (!is_word(c, t) || in_quote(c, t) || any_cue(c, t))
            break;
        if (is_determiner(c, t)) {
            k = t;
            break;
        }
        if (np_stop(c, t))
            break;
        k = t;
        words++;
    }
    if (k == e || (k + 1 == e && is_determiner(c, k)))
        return false;
    bool cap = !is_determiner(c, k) && capitalised_run(c, k, e) == e - k;
    *out = (np){k, e, cap ? XC_SPEAKER_NAME : XC_SPEAKER_NOMINAL, -1, k};
    return true;
}

static void set_speaker(xc_attribution *out, const np *p)
{
    out->sp_first = (uint32_t)p->first;
    out->sp_end = (uint32_t)p->end;
    out->kind = p->kind;
    out->mention = p->mention;
}

static xc_attribution new_attribution(size_t cue_first, size_t cue_end, const char *lemma, size_t last)
{
    return (xc_attribution){(uint32_t)cue_first, (uint32_t)cue_end, lemma, 0, 0, XC_SPEAKER_NONE, -1,
                            (uint32_t)last};
}

/* "according to X" at t: the cue is two words. */
static bool according_to(const xc_qctx *c, size_t t, size_t end, xc_attribution *out)
{
    if (!xc_qtok_is(c, t, "according") || !xc_qtok_is(c, t + 1, "to") || t + 2 >= end)
        return false;
    np p;
    if (!np_forward(c, t + 2, end, &p))
        return false;
    *out = new_attribution(t, t + 2, "according to", p.end - 1);
    set_speaker(out, &p);
    return true;
}

/* The first person or pronoun in [from, to), outside quotes: the subject
 * of a clause ("Carson did not name them, but told supporters"). */
static bool first_person(const xc_qctx *c, size_t from, size_t to, np *out)
{
    for (size_t k = from; k < to; k++) {
        if (in_quote(c, k))
            continue;
        size_t a, b;
        int32_t m;
        if (xc_qtok_pronoun(c, k) && !xc_qtok_is(c, k, "it")) {
            *out = (np){k, k + 1, XC_SPEAKER_PRONOUN, -1, k};
            return true;
        }
        if (mention_tokens(c, k, &a, &b, &m) && is_person(c, m) && b <= to) {
            *out = (np){a, b, XC_SPEAKER_NAME, m, a};
            return true;
        }
    }
    return false;
}

/* Words that open a clause before the main one: "When Wallace died in
 * 1998, President Clinton ...", "In a statement, ...". */
static bool opens_subordinate(const xc_qctx *c, size_t t)
{
    static const char *const words[] = {
        "when", "after", "before", "as", "if", "while", "although", "though", "because", "since", "in", "on",
        "at", "during", "following", "now", "later", "earlier", "still", "but", "and", "yet", "despite", "with",
        "for", "from", "by", "like", "unlike", "once", "until", "meanwhile", "however", "instead", "over",
        "among", "amid", "across", "around", "behind", "beyond", "near", "throughout", "within", "without",
        "under", "against", "toward", "towards", "into", "about", "above", "below", "between", "besides",
        "through", "regarding", "including", "back", "then", "soon", "indeed", "finally", "also", "again",
        "so", "or", "to", "of", "per", "upon", "outside", "inside", "today", "yesterday", "tonight", "last",
        "this", "next", "whatever", "whenever", "wherever", "where", "even", "just", "only", "not",
    };
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (xc_qtok_is(c, t, words[k]))
            return true;
    /* a participle opening the sentence: "Smiling broadly, she ...",
     * "Asked about it, he ..." */
    size_t n = t < c->ntok ? c->tok[t].end - c->tok[t].start : 0;
    const char *w = n ? c->text + c->tok[t].start : "";
    return n > 4 && c->tok[t].type == XC_TOK_WORD && c->tok_mention[t] < 0 &&
           (memcmp(w + n - 3, "ing", 3) == 0 || memcmp(w + n - 2, "ed", 2) == 0);
}

/* The subject of the clause that starts at `from` (before `to`): past
 * openers ("When X did Y, ..."), the noun phrase that begins it. */
static bool clause_subject(const xc_qctx *c, size_t from, size_t to, np *out)
{
    size_t t = from;
    /* a dateline: "WASHINGTON (AP) — ..." */
    if (t < to && (c->tok[t].flags & XC_TF_ALL_UPPER) && c->tok[t].end - c->tok[t].start > 2) {
        size_t k = t;
        while (k < to && k < t + 8 && !is_dash(c, k))
            k++;
        if (k < to && is_dash(c, k))
            t = k + 1;
    }
    for (int skips = 0; skips < 3 && t < to && opens_subordinate(c, t); skips++) {
        size_t k = t;
        while (k < to && !xc_qtok_punct(c, k, ","))
            k++;
        if (k >= to)
            break; /* "And he told reporters": no comma, the subject follows */
        t = k + 1;
    }
    while (t < to && (xc_qtok_is(c, t, "and") || xc_qtok_is(c, t, "but") || xc_qtok_is(c, t, "so") ||
                      xc_qtok_punct(c, t, ",") || in_quote(c, t)))
        t++;
    if (!np_forward(c, t, to, out))
        return false;
    if (out->kind == XC_SPEAKER_PRONOUN || is_person(c, out->mention))
        return true;
    /* "Over the years, she said": a person opening a later piece */
    np first = *out;
    for (size_t k = out->end; k < to; k++) {
        if (!xc_qtok_punct(c, k, ",") || in_quote(c, k))
            continue;
        np p;
        if (np_forward(c, k + 1, to, &p) && (p.kind == XC_SPEAKER_PRONOUN || is_person(c, p.mention))) {
            *out = p;
            return true;
        }
    }
    *out = first;
    return true;
}

/* A preposition that takes a noun phrase after it: what follows is its
 * object, not a clause's subject. */
static bool is_preposition(const xc_qctx *c, size_t t)
{
    static const char *const words[] = {
        "of", "for", "to", "with", "through", "from", "at", "in", "on", "by", "about", "against", "among", "into",
        "near", "across", "around", "behind", "outside", "inside", "under", "over", "toward", "towards", "during",
    };
    if (t >= c->ntok || (c->tok[t].flags & XC_TF_UPPER_INITIAL))
        return false;
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (xc_qtok_is(c, t, words[k]))
            return true;
    return false;
}

/* A word that says when: "on Tuesday", "yesterday", "last week". */
static bool is_time_word(const xc_qctx *c, size_t t)
{
    static const char *const words[] = {"today", "yesterday", "tonight", "later", "earlier", "last", "this",
                                        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                        "sunday"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (xc_qtok_is(c, t, words[k]))
            return true;
    return false;
}

/* Where the sentence holding token t starts, past quotes in it. */
static size_t sentence_start(const xc_qctx *c, size_t t)
{
    size_t k = t;
    while (k > 0 && t - k < 120) {
        if (c->tok[k].flags & XC_TF_NEWLINE_BEFORE)
            break;
        size_t p = k - 1;
        if (!in_quote(c, p) && xc_qtok_sentence_end(c, p))
            break;
        /* after “… peace.” a new sentence starts */
        if (in_quote(c, p) && !in_quote(c, k) && p > 0 && xc_qtok_punct(c, p - 1, ".?!"))
            break;
        k = p;
    }
    return k;
}

/* The subject of the cue verb at v, in [lo, v): the phrase before it past
 * adverbs ("later said") and a bracket; before an appositive, the name
 * that opens one of the comma-separated pieces ("Peter Morgan, a lawyer
 * for the Sierra Club, said"; "her adviser, Jake Sullivan, said"); else
 * the clause's first person. */
static bool subject_before(const xc_qctx *c, size_t lo, size_t v, np *out)
{
    size_t e = v;
    while (e > lo && adverb_at(c, e - 1))
        e--;
    if (e > lo && xc_qtok_punct(c, e - 1, ",")) {
        /* pieces between commas: a person's name filling one ("her
         * adviser, Jake Sullivan, said"), else the clause's subject */
        size_t start = e - lo > 50 ? e - 50 : lo;
        for (size_t s = start; s < e - 1;) {
            size_t comma = s;
            while (comma < e - 1 && !xc_qtok_punct(c, comma, ","))
                comma++;
            /* "As Akhil Amar, professor of law, put it" */
            size_t from = s;
            while (from + 1 < comma && opens_subordinate(c, from) &&
                   (c->tok_mention[from + 1] >= 0 || xc_qtok_pronoun(c, from + 1)))
                from++;
            np p;
            if (np_forward(c, from, comma, &p) && (p.kind == XC_SPEAKER_PRONOUN || is_person(c, p.mention)) &&
                (p.end == comma || xc_qtok_punct(c, p.end, "("))) {
                *out = p;
                return true;
            }
            /* "after Mr. Trump, asked about it, had said": the name before
             * the parenthetical */
            if (comma < e - 1 && np_backward(c, s, comma, &p) && is_person(c, p.mention)) {
                *out = p;
                return true;
            }
            s = comma + 1;
        }
        if (clause_subject(c, lo, e - 1, out) && out->kind != XC_SPEAKER_NOMINAL)
            return true;
        if (np_backward(c, lo, e - 1, out) && is_named(out))
            return true;
        return clause_subject(c, lo, e - 1, out);
    }
    np p = {0};
    if (np_backward(c, lo, e, &p) && !(p.phrase > lo && is_preposition(c, p.phrase - 1))) {
        *out = p;
        return true;
    }
    /* "Protesters marching through the streets chanted", "a spokesman for
     * Smith said", "the mother of three replied", "Trump on Monday said":
     * the phrase before the cue is a preposition's object; the subject is
     * the phrase before the preposition, else the clause's */
    for (size_t k = e; k-- > lo && e - k <= 4;) {
        if (in_quote(c, k) || !is_word(c, k))
            break;
        if (!is_preposition(c, k)) {
            if (np_stop(c, k) || any_cue(c, k))
                break; /* "leaned in and boomed": no phrase, a clause */
            continue;
        }
        np head;
        if (np_backward(c, lo, k, &head) && !(head.phrase > lo && is_preposition(c, head.phrase - 1))) {
            *out = head;
            return true;
        }
        break;
    }
    if (clause_subject(c, lo, v, out))
        return true;
    if (p.end > p.first) {
        *out = p;
        return true;
    }
    return false;
}

static size_t skip_leading(const xc_qctx *c, size_t t, size_t end)
{
    while (t < end && (xc_qtok_punct(c, t, ",;") || is_dash(c, t)))
        t++;
    return t;
}

static bool passive_by(const xc_qctx *c, size_t v, size_t cue_end, size_t end, np *out)
{
    bool passive = v > 0 && (xc_qtok_is(c, v - 1, "was") || xc_qtok_is(c, v - 1, "were") ||
                             xc_qtok_is(c, v - 1, "been") || xc_qtok_is(c, v - 1, "is"));
    if (!passive)
        return false;
    if (xc_qtok_is(c, cue_end, "by") && np_forward(c, cue_end + 1, end, out))
        return true;
    out->kind = XC_SPEAKER_NONE; /* "was asked": by someone unnamed */
    return true;
}

bool xc_attribution_after(const xc_qctx *c, size_t first, size_t end, xc_attribution *out)
{
    size_t t = skip_leading(c, first, end);
    if (t >= end)
        return false;
    if (according_to(c, t, end, out))
        return true;
    size_t cue_end;
    const xc_cue_word *cue = cue_span(c, t, &cue_end);
    if (cue && (cue->flags & XC_CUE_SPEECH) && !(cue->flags & XC_CUE_INFLECTED)) {
        /* "said X" */
        np p;
        if (!np_forward(c, cue_end, end, &p))
            return false;
        *out = new_attribution(t, cue_end, cue->lemma, p.end - 1);
        set_speaker(out, &p);
        return true;
    }
    /* "X said", "X, a spokesman for Y, said", "X later told reporters" */
    for (size_t v = t + 1; v < end && v < t + 30; v++) {
        if (xc_qtok_sentence_end(c, v) || in_quote(c, v))
            return false;
        cue = cue_span(c, v, &cue_end);
        if (!cue || !(cue->flags & XC_CUE_SPEECH))
            continue;
        np p;
        size_t e = v;
        while (e > t && adverb_at(c, e - 1))
            e--;
        if ((cue->flags & XC_CUE_INFLECTED) && (e == v || ends_ing(c, v)))
            continue; /* "he will say" is a cue; "saying" needs its own subject */
        if ((cue->flags & XC_CUE_NOUN) && (is_determiner(c, v - 1) || xc_qtok_is(c, v - 1, "of")))
            continue; /* "one of the states suing", "the notes": nouns in an appositive */
        if (e > t && xc_qtok_punct(c, e - 1, ",")) {
            /* "X, a spokesman for Y, said": X opens the frame */
            if (!np_forward(c, t, e, &p) || !(xc_qtok_punct(c, p.end, ",") || xc_qtok_punct(c, p.end, "(")))
                return false;
        } else if (!np_backward(c, t, e, &p) || p.phrase != t) {
            return false; /* more than a subject between quote and cue */
        }
        *out = new_attribution(v, cue_end, cue->lemma, cue_end - 1);
        set_speaker(out, &p);
        return true;
    }
    return false;
}

/* "X: “...”" — a colon with no verb: the name just before it, or the
 * clause's subject ("She then addressed the crowd again: “...”"). */
static bool colon_attribution(const xc_qctx *c, size_t first, size_t colon, xc_attribution *out)
{
    np subject, last;
    bool has_subject = clause_subject(c, first, colon, &subject);
    bool has_last = np_backward(c, first, colon, &last) && last.kind == XC_SPEAKER_NAME && is_person(c, last.mention);
    const np *p = NULL;
    if (has_subject && (subject.kind == XC_SPEAKER_PRONOUN || is_person(c, subject.mention)))
        p = &subject; /* "She then addressed the crowd again:" */
    else if (has_last)
        p = &last;    /* "Trump: ‘...’", "... surprise pollster Daron Shaw:" */
    else if (has_subject && subject.kind == XC_SPEAKER_NOMINAL && subject.end - subject.first > 1)
        p = &subject; /* "The campaign's statement read:" */
    if (!p)
        return false;
    *out = new_attribution(colon, colon + 1, ":", colon);
    if (p->kind == XC_SPEAKER_PRONOUN && xc_qtok_is(c, p->first, "it"))
        return true; /* "It gets better:", "it seems unfair to tell them:": said, by nobody named */
    set_speaker(out, p);
    return true;
}

/* A past participle opening the sentence and a comma after it ("Asked
 * which county he liked, he demurred:"): a clause before the main one. */
static bool opens_with_participle(const xc_qctx *c, size_t first, size_t v, size_t end)
{
    size_t n = c->tok[v].end - c->tok[v].start;
    if (n < 4 || memcmp(c->text + c->tok[v].end - 2, "ed", 2) != 0 || v != sentence_start(c, v) || v < first)
        return false;
    for (size_t k = v + 1; k < end; k++)
        if (xc_qtok_punct(c, k, ",") && !in_quote(c, k))
            return true;
    return false;
}

/* "with Trump reportedly yelling: “…”": the person after "with" is who
 * the participle is of. */
static bool with_subject(const xc_qctx *c, size_t first, size_t v, np *out)
{
    size_t e = v;
    while (e > first && adverb_at(c, e - 1))
        e--;
    np p;
    if (!np_backward(c, first, e, &p) || p.end != e || !(p.kind == XC_SPEAKER_PRONOUN || is_person(c, p.mention)))
        return false;
    if (p.phrase == 0 || p.phrase <= first || !xc_qtok_is(c, p.phrase - 1, "with"))
        return false;
    *out = p;
    return true;
}

/* "The talks went on, Olsen said, adding, “…”": a participle takes the
 * subject of the verb of saying before it in the sentence, not the
 * sentence's first subject. */
static bool finite_cue_subject(const xc_qctx *c, size_t from, size_t v, np *out)
{
    for (size_t w = v; w-- > from;) {
        size_t we;
        const xc_cue_word *cue = in_quote(c, w) ? NULL : cue_span(c, w, &we);
        if (!cue || !(cue->flags & XC_CUE_SPEECH) || (cue->flags & (XC_CUE_INFLECTED | XC_CUE_NOUN)))
            continue;
        return w > from && subject_before(c, from, w, out) && out->end <= w &&
               (out->kind == XC_SPEAKER_PRONOUN || out->kind == XC_SPEAKER_NAME);
    }
    return false;
}

bool xc_attribution_before(const xc_qctx *c, size_t first, size_t end, bool partial, xc_attribution *out)
{
    if (end <= first)
        return false;
    size_t lo = partial ? first : (end > first + 12 ? end - 12 : first);
    for (size_t v = end; v-- > lo;) {
        if (in_quote(c, v))
            continue;
        if (according_to(c, v, end, out)) {
            out->last = (uint32_t)end - 1;
            return true;
        }
        size_t cue_end;
        const xc_cue_word *cue = cue_span(c, v, &cue_end);
        if (!cue || (!partial && !(cue->flags & XC_CUE_SPEECH)))
            continue;
        if ((cue->flags & XC_CUE_NOUN) && !(v > first && (xc_qtok_pronoun(c, v - 1) || c->tok_mention[v - 1] >= 0)))
            continue; /* "the notes", "the claims": nouns */
        if (opens_with_participle(c, first, v, end))
            continue; /* "Asked about it, he demurred:": the question, not the answer */
        *out = new_attribution(v, cue_end, cue->lemma, end - 1);
        np p;
        if (passive_by(c, v, cue_end, end, &p)) {
            if (p.kind != XC_SPEAKER_NONE)
                set_speaker(out, &p);
            return true;
        }
        bool bare_after_aux = (cue->flags & XC_CUE_INFLECTED) && !ends_ing(c, v) && v > first && adverb_at(c, v - 1);
        if (bare_after_aux) {
            /* "could only quip:", "will say": finite */
        } else if ((cue->flags & XC_CUE_INFLECTED) && v > first && xc_qtok_is(c, v - 1, "to")) {
            /* "Mr. Trump was prompted to say": the person just before */
            for (size_t k = v - 1; k-- > first;) {
                size_t a, b;
                int32_t m;
                if (in_quote(c, k))
                    continue;
                if (xc_qtok_pronoun(c, k)) {
                    p = (np){k, k + 1, XC_SPEAKER_PRONOUN, -1, k};
                    set_speaker(out, &p);
                    break;
                }
                if (mention_tokens(c, k, &a, &b, &m) && is_person(c, m)) {
                    p = (np){a, b, XC_SPEAKER_NAME, m, a};
                    set_speaker(out, &p);
                    break;
                }
            }
            /* "The email goes on to say", "Byrne went on to say": no
             * person named before, the clause's subject */
            if (out->sp_end == out->sp_first && clause_subject(c, sentence_start(c, first), v - 1, &p) &&
                !(p.kind == XC_SPEAKER_PRONOUN && xc_qtok_is(c, p.first, "it")))
                set_speaker(out, &p);
            return true;
        }
        if ((cue->flags & XC_CUE_INFLECTED) && !bare_after_aux) {
            /* "..., saying: “...”": the sentence's subject */
            size_t from = sentence_start(c, first);
            if (with_subject(c, first, v, &p) || finite_cue_subject(c, from, v, &p)) {
                set_speaker(out, &p);
                return true;
            }
            if (clause_subject(c, from, v, &p) || first_person(c, from, v, &p))
                set_speaker(out, &p);
            return true;
        }
        if (subject_before(c, first, v, &p)) {
            set_speaker(out, &p);
            return true;
        }
        /* "Said Trump: “...”" */
        if (np_forward(c, cue_end, end, &p) && is_named(&p))
            set_speaker(out, &p);
        return true;
    }
    if (!partial && xc_qtok_punct(c, end - 1, ":"))
        return colon_attribution(c, first, end - 1, out);
    return false;
}

bool xc_attribution_after_unknown(const xc_qctx *c, size_t first, size_t end, xc_attribution *out)
{
    size_t t = skip_leading(c, first, end);
    np p;
    if (t >= end || !np_forward(c, t, end, &p) || p.phrase != t ||
        !(p.kind == XC_SPEAKER_PRONOUN || is_person(c, p.mention)))
        return false;
    size_t v = p.end;
    while (v < end && adverb_at(c, v))
        v++;
    /* one lower-case word, then the end of the sentence or a comma */
    if (v >= end || c->tok[v].type != XC_TOK_WORD || (c->tok[v].flags & XC_TF_UPPER_INITIAL) || np_stop(c, v))
        return false;
    /* or a verb and where or when: "Toomey fumed on Tuesday." */
    bool adjunct = v + 1 < end && verb_like(c, v) && (is_preposition(c, v + 1) || is_time_word(c, v + 1));
    if (v + 1 < c->ntok && v + 1 < end + 1 && !(xc_qtok_punct(c, v + 1, ".,;!?") || v + 1 == end) && !adjunct)
        return false;
    *out = new_attribution(v, v + 1, "other", v);
    set_speaker(out, &p);
    return true;
}

bool xc_attribution_dash(const xc_qctx *c, size_t t, xc_attribution *out)
{
    if (!is_dash(c, t) || in_quote(c, t))
        return false;
    size_t end = t + 1;
    while (end < c->ntok && end < t + 12 && !(c->tok[end].flags & XC_TF_NEWLINE_BEFORE) && !in_quote(c, end))
        end++;
    np p;
    if (!np_forward(c, t + 1, end, &p) || p.kind != XC_SPEAKER_NAME || p.phrase != t + 1)
        return false;
    /* nothing after the name but a full stop or a description after a comma */
    if (p.end < end && !xc_qtok_punct(c, p.end, ".,(") )
        return false;
    *out = new_attribution(t, t + 1, "dash", p.end - 1);
    set_speaker(out, &p);
    return true;
}

bool xc_attribution_reports(const xc_qctx *c, const xc_attribution *a, size_t end)
{
    size_t t = a->cue_end;
    bool subject_first = a->sp_end > a->sp_first && a->sp_end <= a->cue_first;
    if (!subject_first || t >= end || !is_word(c, t) || in_quote(c, t))
        return false;
    if (a->lemma && strcmp(a->lemma, "tell") == 0 && !xc_qtok_pronoun(c, t))
        return false; /* "told reporters", "told the crowd": whom */
    /* where, when, how: "said on Monday", "said Tuesday", "said later",
     * "said of Trump" */
    return !is_preposition(c, t) && !is_time_word(c, t) && !adverb_at(c, t) && !xc_qtok_is(c, t, "as") &&
           !xc_qtok_is(c, t, "while") && !xc_qtok_is(c, t, "when") && !xc_qtok_is(c, t, "after") &&
           !xc_qtok_is(c, t, "before") && !xc_qtok_is(c, t, "afterward") && !xc_qtok_is(c, t, "afterwards") &&
           !xc_qtok_is(c, t, "according");
}
