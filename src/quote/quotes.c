/* The quote finder: quoted stretches from the mark scanner, the sentence
 * around each, its cue and speaker, whole utterances told from phrases
 * inside a sentence, parts joined into one quote, speakers resolved. */
#include <stdlib.h>
#include <string.h>

#include "quote/cues.h"
#include "quote/qctx.h"
#include "util/vec.h"

/* One quoted stretch before joining: a top-level span of the scanner, or
 * several when paragraphs reopen the mark. */
typedef struct xc_raw_quote {
    uint32_t open, close;          /* bytes, marks included                 */
    uint32_t first_part, part_count; /* into list->raw_parts               */
    uint32_t tf, te;               /* its tokens [tf, te)                   */
    uint32_t lf, re;               /* frames: left [lf, tf), right [te, re) */
    uint8_t flags;                 /* XC_QUOTE_PARAGRAPHS, _UNTERMINATED    */
    bool full;                     /* a whole utterance                     */
    bool para_start;               /* opens its paragraph                   */
    bool has_attr, attr_after;     /* attribution found; after the quote    */
    bool cue_after;                /* a cue follows the quote, even if the
                                      one before it was taken              */
    xc_attribution attr;
    int32_t out;                   /* the quote it became, -1 when dropped  */
} xc_raw_quote;

static bool grow_tokens(xc_quote_list *list, size_t n)
{
    if (n <= list->token_capacity)
        return true;
    int32_t *m = realloc(list->token_mention, n * sizeof *m);
    if (!m)
        return false;
    list->token_mention = m;
    uint8_t *f = realloc(list->token_flags, n);
    if (!f)
        return false;
    list->token_flags = f;
    list->token_capacity = n;
    return true;
}

/* Tokens of each entity mention (its role too). */
static void map_mentions(const xc_qctx *c, int32_t *tok_mention, uint8_t *tok_flags)
{
    for (size_t k = 0; k < c->ntok; k++)
        tok_mention[k] = -1;
    if (!c->x)
        return;
    for (size_t i = 0; i < c->x->mentions.count; i++) {
        const xc_mention *m = &c->x->mentions.items[i];
        uint32_t begin = m->role_end > m->role_start && m->role_start < m->start ? m->role_start : m->start;
        if (m->end > c->len || begin >= m->end)
            continue;
        for (size_t k = xc_qtok_at(c, begin); k < c->ntok && c->tok[k].end <= m->end; k++) {
            tok_mention[k] = (int32_t)i;
            if (c->tok[k].start < m->start)
                tok_flags[k] |= XC_QT_ROLE;
        }
    }
}

static bool starts_paragraph(const xc_qctx *c, size_t t, bool wrapped)
{
    if (t == 0)
        return true;
    if (t >= c->ntok)
        return false;
    uint8_t f = c->tok[t].flags;
    return (f & XC_TF_PARAGRAPH_BEFORE) || (!wrapped && (f & XC_TF_NEWLINE_BEFORE));
}

static bool in_quote(const xc_qctx *c, size_t t)
{
    return t < c->ntok && (c->tok_flags[t] & XC_QT_IN_QUOTE);
}

/* "on X." before a quote: an initial that ends the sentence. */
static bool abbreviation_ends(const xc_qctx *c, size_t t)
{
    return c->tok[t].type == XC_TOK_ABBREV && c->text[c->tok[t].end - 1] == '.';
}

static bool is_speech_cue(const xc_qctx *c, size_t t)
{
    if (t >= c->ntok || c->tok[t].type != XC_TOK_WORD)
        return false;
    const xc_cue_word *w = xc_cue_lookup(c->text + c->tok[t].start, c->tok[t].end - c->tok[t].start);
    return w && (w->flags & XC_CUE_SPEECH) && (!w->particle || xc_qtok_is(c, t + 1, w->particle));
}

/* The sentence around a quote, up to the quotes next to it; a quote
 * opening a paragraph after one that ends in a colon ("He said:") takes
 * that sentence as its left frame. */
static void frames(const xc_qctx *c, xc_raw_quote *q, bool wrapped)
{
    size_t k = q->tf;
    /* in wrapped text, a quote opening a line after a line that does not
     * lead into it ("He said," / "He said:") starts afresh */
    bool line_start = q->tf > 0 && q->tf < c->ntok && (c->tok[q->tf].flags & XC_TF_NEWLINE_BEFORE) &&
                      !xc_qtok_punct(c, q->tf - 1, ",:") && !is_speech_cue(c, q->tf - 1);
    while (k > 0 && q->tf - k < 60 && !starts_paragraph(c, k, wrapped) && !(line_start && k == q->tf)) {
        size_t t = k - 1;
        if (in_quote(c, t) || xc_qtok_sentence_end(c, t) || (t + 1 == q->tf && abbreviation_ends(c, t)))
            break;
        k = t;
    }
    q->lf = (uint32_t)k;
    q->para_start = q->lf == q->tf && (starts_paragraph(c, q->tf, wrapped) || line_start);
    if (q->para_start && q->tf > 0 && xc_qtok_punct(c, q->tf - 1, ":") && !in_quote(c, q->tf - 1)) {
        k = q->tf - 1;
        while (k > 0 && q->tf - k < 60 && !starts_paragraph(c, k, wrapped)) {
            size_t t = k - 1;
            if (in_quote(c, t) || xc_qtok_sentence_end(c, t))
                break;
            k = t;
        }
        q->lf = (uint32_t)k;
    }
    k = q->te;
    while (k < c->ntok && k - q->te < 60) {
        if (in_quote(c, k) || xc_qtok_sentence_end(c, k) || starts_paragraph(c, k, wrapped))
            break;
        k++;
    }
    q->re = (uint32_t)k;
}


/* Words after which a quote goes on a reported clause ("said that if
 * ..., “…”"), not an utterance of its own. */
static bool reports_clause(const xc_qctx *c, size_t t)
{
    return xc_qtok_is(c, t, "that") || xc_qtok_is(c, t, "if") || xc_qtok_is(c, t, "whether") ||
           xc_qtok_is(c, t, "because") || xc_qtok_is(c, t, "when") || xc_qtok_is(c, t, "although");
}

static bool is_lower_start(const char *text, uint32_t at)
{
    unsigned char ch = (unsigned char)text[at];
    return ch >= 'a' && ch <= 'z';
}

/* A whole utterance, or a phrase inside a sentence? Whole when nothing
 * but an attribution comes before it in its sentence ("He said:",
 * "Trump told reporters,", "He said") and it ends its sentence or an
 * attribution follows. */
static bool is_full(const xc_qctx *c, const xc_raw_quote *q, const xc_quote_part *parts)
{
    uint32_t first = parts[q->first_part].start, last = parts[q->first_part + q->part_count - 1].end;
    bool lower = is_lower_start(c->text, first);
    bool left = q->lf == q->tf;
    if (!left) {
        size_t p = q->tf - 1;
        if (xc_qtok_punct(c, p, ":"))
            left = true;
        else if (xc_qtok_punct(c, p, ",") && q->cue_after && c->text[last - 1] == ',')
            left = true; /* "As for his critics, “…,” said Y" */
        else if (xc_qtok_punct(c, p, ",")) {
            /* "He said, “…”", "According to X, “…”": the cue a few words
             * before the comma, no reported clause between */
            for (size_t k = p; k-- > q->lf && p - k <= 8;) {
                if (reports_clause(c, k) || in_quote(c, k))
                    break;
                if (is_speech_cue(c, k) || (xc_qtok_is(c, k, "according") && xc_qtok_is(c, k + 1, "to"))) {
                    left = true;
                    break;
                }
            }
        } else if (is_speech_cue(c, p))
            left = true;
        else if (!lower && p > q->lf && is_speech_cue(c, p - 1) && c->tok[p].type == XC_TOK_WORD)
            left = true; /* "told reporters “...”" */
    } else if (lower && !q->para_start) {
        left = false;
    }
    if (!left)
        return false;
    /* the end: sentence punctuation inside the marks, or the sentence
     * (or an attribution) goes on after them */
    unsigned char end = (unsigned char)c->text[last - 1];
    if (strchr(".?!,:;-", end) || end >= 0x80)
        return true;
    return q->re == q->te || xc_qtok_punct(c, q->te, ",.?!;:") || (q->has_attr && q->attr_after);
}

/* Words in a stretch of content, roughly. */
static size_t word_count(const char *text, uint32_t a, uint32_t b)
{
    size_t n = 0;
    bool in = false;
    for (uint32_t i = a; i < b; i++) {
        bool space = text[i] == ' ' || text[i] == '\n' || text[i] == '\t';
        if (!space && !in)
            n++;
        in = !space;
    }
    return n;
}

static bool sentence_end_outside(const xc_qctx *c, size_t t)
{
    return !in_quote(c, t) && xc_qtok_sentence_end(c, t);
}

/* Shall raw quote q go on with the quote of raw quote p (kept before it)?
 * Either the second half of a quote split around its attribution (“We
 * will,” he said, “win.”), with nothing between the halves but that
 * attribution and what it says of the speaking; or the next paragraph
 * quoting on with no attribution of its own, right after p's paragraph. */
static int joins(const xc_qctx *c, const xc_raw_quote *p, const xc_raw_quote *q, bool wrapped)
{
    if (p->out < 0 || (!p->full && !p->has_attr))
        return 0; /* a phrase quoted with a cue may go on in a whole sentence */
    bool shared = q->has_attr && p->has_attr && q->attr.cue_first == p->attr.cue_first;
    if (q->has_attr && !shared)
        return 0;
    if (!q->para_start) {
        if (!p->has_attr)
            return 0;
        /* what comes between may say more of the speaking ("adding that
         * ...", "who recalled ..."); a new speaker would give q an
         * attribution of its own; quotes between were titles, dropped */
        size_t words_since_stop = 0, words = 0;
        for (size_t k = p->te; k < q->tf; k++) {
            if (starts_paragraph(c, k, wrapped))
                return 0;
            if (in_quote(c, k))
                continue;
            if (sentence_end_outside(c, k))
                words_since_stop = 0;
            else if (c->tok[k].type != XC_TOK_PUNCT)
                words_since_stop++, words++;
        }
        if (!p->attr_after && !p->cue_after && words > 0)
            return 0;
        return q->full || words_since_stop <= 2 ? XC_QUOTE_SPLIT : 0;
    }
    if (!q->full || q->has_attr)
        return 0;
    /* the next paragraph: p's paragraph ends with p or its attribution */
    size_t breaks = 0, stops = 0, words = 0;
    for (size_t k = p->te; k <= q->tf && k < c->ntok; k++) {
        if (starts_paragraph(c, k, wrapped))
            breaks++;
        if (k == q->tf)
            break;
        if (in_quote(c, k) || (p->has_attr && k != p->attr.cue_first && is_speech_cue(c, k)))
            return 0;
        if (sentence_end_outside(c, k))
            stops++;
        else if (c->tok[k].type != XC_TOK_PUNCT)
            words++;
    }
    if (breaks != 1 || stops > 1)
        return 0;
    if ((!p->has_attr || !p->attr_after) && words > 0)
        return 0;
    return XC_QUOTE_PARAGRAPHS;
}

static xc_status build_raw(const xc_qctx *c, xc_quote_list *list)
{
    list->raw.count = list->raw_parts.count = 0;
    bool continues = false;
    for (size_t i = 0; i < list->spans.count; i++) {
        const xc_qspan *s = &list->spans.items[i];
        if (s->depth != 0)
            continue;
        xc_quote_part part = {s->start, s->end};
        if (!XC_VEC_PUSH(&list->raw_parts, part))
            return XC_ERR_NOMEM;
        if (continues && list->raw.count) {
            xc_raw_quote *q = &list->raw.items[list->raw.count - 1];
            q->part_count++;
            q->close = s->close;
            q->flags |= XC_QUOTE_PARAGRAPHS;
        } else {
            xc_raw_quote q = {.open = s->open, .close = s->close, .first_part = (uint32_t)list->raw_parts.count - 1,
                              .part_count = 1, .out = -1};
            if (!XC_VEC_PUSH(&list->raw, q))
                return XC_ERR_NOMEM;
        }
        xc_raw_quote *q = &list->raw.items[list->raw.count - 1];
        q->flags = (uint8_t)((q->flags & ~XC_QUOTE_UNTERMINATED) |
                             ((s->flags & XC_QSPAN_UNTERMINATED) ? XC_QUOTE_UNTERMINATED : 0));
        continues = (s->flags & XC_QSPAN_CONTINUES) != 0;
    }
    /* tokens inside quotes (marks included) are not narrative */
    uint8_t *flags = list->token_flags;
    for (size_t i = 0; i < list->raw.count; i++) {
        xc_raw_quote *q = &list->raw.items[i];
        q->tf = (uint32_t)xc_qtok_at(c, q->open);
        q->te = (uint32_t)xc_qtok_at(c, q->close);
        for (size_t k = q->tf; k < q->te; k++)
            flags[k] |= XC_QT_IN_QUOTE;
    }
    return XC_OK;
}

static bool ends_ing(const xc_qctx *c, size_t t)
{
    size_t n = c->tok[t].end - c->tok[t].start;
    return n > 4 && memcmp(c->text + c->tok[t].end - 3, "ing", 3) == 0;
}

/* After a quote that ends its sentence (“… win.”), "He said", "Trump
 * said that …" or "Reid said both …" opens a new one about something
 * else. */
static bool after_starts_sentence(const xc_qctx *c, const xc_raw_quote *q, const xc_attribution *a,
                                  uint32_t content_end)
{
    if (content_end == 0 || c->text[content_end - 1] != '.')
        return false;
    size_t t = q->te;
    while (t < q->re && xc_qtok_punct(c, t, ",;"))
        t++;
    bool capital_pronoun = xc_qtok_pronoun(c, t) && (c->tok[t].flags & XC_TF_UPPER_INITIAL) && !xc_qtok_is(c, t, "i");
    return capital_pronoun || xc_qtok_is(c, a->cue_end, "that") || xc_attribution_reports(c, a, q->re);
}

/* The quote's cue and speaker: after it ("…,” she said"), else before
 * it ("She said: “…"), else anywhere before it in the sentence for a
 * phrase inside it. Before wins after a colon, and when what follows the
 * quote introduces the next one ("…,” Beck joked, “…"). */
static void attribute(const xc_qctx *c, xc_raw_quote *q, uint32_t content_end)
{
    xc_attribution before, after;
    bool has_before = xc_attribution_before(c, q->lf, q->tf, false, &before);
    bool has_after = xc_attribution_after(c, q->te, q->re, &after);
    if (!has_after && content_end > 0 && strchr(",?!", c->text[content_end - 1]))
        has_after = xc_attribution_after_unknown(c, q->te, q->re, &after);
    if (!has_after && q->te < c->ntok && xc_attribution_dash(c, q->te, &after))
        has_after = true; /* “…” ― Pamela Padilla */
    q->cue_after = has_after;
    if (!has_before && !has_after)
        has_before = xc_attribution_before(c, q->lf, q->tf, true, &before);
    if (has_after && after_starts_sentence(c, q, &after, content_end))
        has_after = false; /* “… win.” He said the plan …: a sentence of its own */
    if (has_before && has_after && before.lemma && strcmp(before.lemma, ":") == 0)
        has_before = false; /* a cue beats a colon: “…,” he said */
    bool colon = q->tf > q->lf && xc_qtok_punct(c, q->tf - 1, ":");
    bool introduces_next = has_after && in_quote(c, q->re) && q->re > q->te && xc_qtok_punct(c, q->re - 1, ",:");
    if (introduces_next && !has_before && xc_qtok_punct(c, q->re - 1, ":"))
        has_after = false; /* “…” Mr. Franco added: “…” — his words come next */
    bool ends_sentence = content_end > 0 && strchr(".?!", c->text[content_end - 1]);
    if (introduces_next && !has_before && ends_sentence && q->te < c->ntok &&
        (c->tok[q->te].flags & XC_TF_UPPER_INITIAL))
        has_after = false; /* “… act.” Of Carson, Levine said, “…”: a new sentence, for the next quote */
    /* “…,” he said, adding, “…”: the cue after is this quote's; a cue
     * before wins only if it is a verb with its own subject */
    bool strong_before = has_before && before.lemma && strcmp(before.lemma, ":") != 0 &&
                         !(before.cue_first < c->ntok && ends_ing(c, before.cue_first));
    if (has_before && (colon || !has_after || (introduces_next && strong_before))) {
        q->attr = before;
        q->has_attr = true;
        q->attr_after = false;
    } else if (has_after) {
        q->attr = after;
        q->has_attr = true;
        q->attr_after = true;
    }
}

static void trim_span(const char *text, uint32_t *a, uint32_t *b)
{
    while (*a < *b && (text[*a] == ' ' || text[*a] == '\n' || text[*a] == '\r' || text[*a] == '\t'))
        (*a)++;
    while (*b > *a && (text[*b - 1] == ' ' || text[*b - 1] == '\n' || text[*b - 1] == '\r' || text[*b - 1] == '\t'))
        (*b)--;
}

static void set_attribution(const xc_qctx *c, xc_quote *o, const xc_attribution *a)
{
    o->cue_start = c->tok[a->cue_first].start;
    o->cue_end = c->tok[a->cue_end - 1].end;
    o->cue = a->lemma;
    if (a->sp_end > a->sp_first) {
        o->speaker_start = c->tok[a->sp_first].start;
        o->speaker_end = c->tok[a->sp_end - 1].end;
        trim_span(c->text, &o->speaker_start, &o->speaker_end);
        o->speaker_kind = a->kind;
    }
}

/* A quote with no attribution of its own, ending its paragraph, and the
 * next paragraph opening with an attributed quote: the attribution comes
 * at the end of a quote over several paragraphs. */
static bool leads_into(const xc_qctx *c, const xc_raw_quote *p, const xc_raw_quote *q, bool wrapped)
{
    if (p->out < 0 || p->has_attr || !p->full || !q->full || !q->para_start || !q->has_attr || !q->attr_after)
        return false;
    size_t breaks = 0;
    for (size_t k = p->te; k <= q->tf && k < c->ntok; k++) {
        if (starts_paragraph(c, k, wrapped))
            breaks++;
        if (k < q->tf && (c->tok[k].type != XC_TOK_PUNCT || in_quote(c, k)))
            return false;
    }
    return breaks == 1;
}

static xc_status append_parts(xc_quote_list *list, xc_quote *o, const xc_raw_quote *q)
{
    /* o's parts are the last ones, unless a phrase quoted in its
     * attribution came after it (in_attribution): then o's new parts go
     * in before that phrase's, which moves up */
    size_t at = o->first_part + o->part_count, moved = list->parts.count - at;
    for (size_t k = 0; k < q->part_count; k++)
        if (!XC_VEC_PUSH(&list->parts, list->raw_parts.items[q->first_part + k]))
            return XC_ERR_NOMEM;
    if (moved) {
        xc_quote_part *p = list->parts.items;
        memmove(p + at + q->part_count, p + at, moved * sizeof *p);
        for (size_t k = 0; k < q->part_count; k++)
            p[at + k] = list->raw_parts.items[q->first_part + k];
        for (size_t i = (size_t)(o - list->items) + 1; i < list->count; i++)
            list->items[i].first_part += q->part_count;
    }
    o->part_count += q->part_count;
    o->end = list->raw_parts.items[q->first_part + q->part_count - 1].end;
    uint8_t carried = q->flags & (XC_QUOTE_UNTERMINATED | XC_QUOTE_PARAGRAPHS);
    o->flags = (uint8_t)((o->flags & ~XC_QUOTE_UNTERMINATED) | carried);
    return XC_OK;
}

/* Does a whole quote near raw quote i have the same cue? */
static bool cue_taken(const xc_quote_list *list, size_t i)
{
    const xc_raw_quote *q = &list->raw.items[i];
    for (size_t k = i > 3 ? i - 3 : 0; k < list->raw.count && k <= i + 3; k++) {
        const xc_raw_quote *o = &list->raw.items[k];
        if (k != i && o->full && o->has_attr && o->attr.cue_first == q->attr.cue_first)
            return true;
    }
    return false;
}

/* A phrase quoted in the sentence that attributes the whole quote p
 * before it ("“…,” said Mr. Ekovich, who noted that prices had
 * “cratered.” “…”"): it belongs to that attribution, and what follows may
 * go on with p. */
static bool in_attribution(const xc_qctx *c, const xc_raw_quote *p, const xc_raw_quote *q, bool wrapped)
{
    if (!p || !p->full || !p->has_attr || !p->attr_after || p->re != q->tf)
        return false; /* p's sentence goes on up to q */
    for (size_t k = p->te; k < q->tf; k++)
        if (sentence_end_outside(c, k) || starts_paragraph(c, k, wrapped))
            return false;
    return true;
}

static xc_status emit_quotes(const xc_qctx *c, xc_quote_list *list, bool wrapped)
{
    int32_t last_kept = -1;
    for (size_t i = 0; i < list->raw.count; i++) {
        xc_raw_quote *q = &list->raw.items[i];
        const xc_quote_part *parts = list->raw_parts.items;
        uint32_t first = parts[q->first_part].start, last = parts[q->first_part + q->part_count - 1].end;
        xc_raw_quote *p = last_kept >= 0 ? &list->raw.items[last_kept] : NULL;
        int join = p ? joins(c, p, q, wrapped) : 0;
        if (!join && p && leads_into(c, p, q, wrapped)) {
            /* the attribution closes a quote over paragraphs */
            xc_quote *o = &list->items[p->out];
            if (append_parts(list, o, q) != XC_OK)
                return XC_ERR_NOMEM;
            o->flags |= XC_QUOTE_PARAGRAPHS;
            set_attribution(c, o, &q->attr);
            q->out = p->out;
            last_kept = (int32_t)i;
            continue;
        }
        if (!q->full && q->has_attr && cue_taken(list, i))
            continue; /* a title next to a quote's attribution: “…,” he said on “Meet the Press” */
        if (!join && !q->has_attr) {
            /* no cue: a whole sentence or more is still someone's words;
             * a short phrase is a title or a scare quote */
            unsigned char end = (unsigned char)c->text[last - 1];
            bool sentence = strchr(".?!", end) || (end >= 0x80 && c->text[last - 1] == '\xa6');
            if (!q->full || (q->flags & XC_QUOTE_UNTERMINATED) || !sentence || word_count(c->text, first, last) < 4)
                continue;
        }
        if (join) {
            xc_quote *o = &list->items[p->out];
            if (append_parts(list, o, q) != XC_OK)
                return XC_ERR_NOMEM;
            o->flags |= (uint8_t)join;
            q->out = p->out;
            /* the joined part carries the attribution on, for the next one */
            q->has_attr = p->has_attr;
            q->attr = p->attr;
            q->attr_after = p->attr_after;
            last_kept = (int32_t)i;
            continue;
        }
        xc_quote o = {.start = first, .end = last, .first_part = (uint32_t)list->parts.count,
                      .part_count = 0, .flags = q->flags, .entity = -1, .mention = -1};
        if (!q->full)
            o.flags |= XC_QUOTE_PARTIAL;
        if (append_parts(list, &o, q) != XC_OK)
            return XC_ERR_NOMEM;
        if (q->has_attr)
            set_attribution(c, &o, &q->attr);
        q->out = (int32_t)list->count;
        if (!XC_VEC_PUSH(list, o))
            return XC_ERR_NOMEM;
        if (q->full || (q->has_attr && !in_attribution(c, p, q, wrapped)))
            last_kept = (int32_t)i; /* a phrase quoted in between does not part a quote */
    }
    return XC_OK;
}

xc_status xc_find_quotes(const char *text, size_t len, const xc_entity_extractor *entities, xc_quote_list *out)
{
    out->count = out->parts.count = 0;
    out->tokens.count = 0;
    if (len >= UINT32_MAX)
        return XC_ERR_TOO_BIG;
    if (len == 0)
        return XC_OK;
    xc_status st = xc_tokenize(text, len, &out->tokens);
    if (st != XC_OK)
        return st;
    if ((st = xc_quote_marks_scan(text, len, &out->spans)) != XC_OK)
        return st;
    if (!grow_tokens(out, out->tokens.count + 1))
        return XC_ERR_NOMEM;
    memset(out->token_flags, 0, out->tokens.count + 1);
    xc_qctx c = {text, len, entities, out->tokens.items, out->tokens.count, out->token_mention, out->token_flags};
    map_mentions(&c, out->token_mention, out->token_flags);
    if ((st = build_raw(&c, out)) != XC_OK)
        return st;
    bool wrapped = xc_text_looks_wrapped(text, len);
    for (size_t i = 0; i < out->raw.count; i++) {
        xc_raw_quote *q = &out->raw.items[i];
        frames(&c, q, wrapped);
        attribute(&c, q, out->raw_parts.items[q->first_part + q->part_count - 1].end);
        q->full = is_full(&c, q, out->raw_parts.items);
    }
    if ((st = emit_quotes(&c, out, wrapped)) != XC_OK)
        return st;
    return xc_resolve_speakers(&c, out->items, out->count);
}

void xc_quote_list_free(xc_quote_list *list)
{
    free(list->items);
    free(list->parts.items);
    xc_token_list_free(&list->tokens);
    xc_qspan_list_free(&list->spans);
    free(list->raw.items);
    free(list->raw_parts.items);
    free(list->token_mention);
    free(list->token_flags);
    *list = (xc_quote_list){0};
}

const char *xc_quote_entity_name(const xc_entity_extractor *entities, const char *text, int32_t entity, size_t *len)
{
    *len = 0;
    if (!entities || entity < 0 || (size_t)entity >= entities->entities.count)
        return NULL;
    const xc_mention *m = &entities->mentions.items[entities->entities.items[entity].name];
    *len = m->end - m->start;
    return text + m->start;
}

const char *xc_speaker_kind_name(xc_speaker_kind kind)
{
    switch (kind) {
    case XC_SPEAKER_NAME: return "name";
    case XC_SPEAKER_PRONOUN: return "pronoun";
    case XC_SPEAKER_NOMINAL: return "nominal";
    case XC_SPEAKER_NONE: break;
    }
    return "none";
}
