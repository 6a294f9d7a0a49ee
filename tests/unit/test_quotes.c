/* Quotes: the mark scanner (every style, apostrophes, nesting, quotes over
 * paragraphs), and quotes with their cues and speakers on sentences
 * written for these tests: each mark style, cue before / after / inside,
 * a quote split around "he said", partial quotes, pronouns and roles
 * resolved, no speaker. */
#include "test_util.h"

#include "entity/extract.h"
#include "quote/cues.h"
#include "quote/marks.h"
#include "quote/quotes.h"

/* ---- the scanner ---------------------------------------------------- */

/* The depth-0 spans of `text`, their contents joined by "|". */
static char *spans_joined(const char *text, int depth)
{
    xc_qspan_list l = {0};
    assert_int_equal(xc_quote_marks_scan(text, strlen(text), &l), XC_OK);
    size_t cap = strlen(text) + 64, n = 0;
    char *out = calloc(1, cap);
    for (size_t i = 0; i < l.count; i++) {
        const xc_qspan *s = &l.items[i];
        if (depth >= 0 && s->depth != depth)
            continue;
        if (n)
            out[n++] = '|';
        memcpy(out + n, text + s->start, s->end - s->start);
        n += s->end - s->start;
    }
    out[n] = '\0';
    xc_qspan_list_free(&l);
    return out;
}

#define assert_spans(text, depth, expected)                                                        \
    do {                                                                                           \
        char *got_ = spans_joined(text, depth);                                                    \
        assert_string_equal(got_, expected);                                                       \
        free(got_);                                                                                \
    } while (0)

static void test_mark_styles(void **state)
{
    (void)state;
    assert_spans("He said \xe2\x80\x9cwe won\xe2\x80\x9d today.", 0, "we won");                 /* “…” */
    assert_spans("He said \"we won\" today.", 0, "we won");
    assert_spans("He said \xe2\x80\x98we won\xe2\x80\x99 today.", 0, "we won");                 /* ‘…’ */
    assert_spans("He said 'we won' today.", 0, "we won");
    assert_spans("He said ''we won'' today.", 0, "we won");                                     /* NYT */
    assert_spans("He said ``we won'' today.", 0, "we won");                                     /* PTB */
    assert_spans("Il a dit \xc2\xab nous avons gagn\xc3\xa9 \xc2\xbb hier.", 0, "nous avons gagn\xc3\xa9"); /* « » */
    assert_spans("Er sagte \xc2\xbbwir haben gewonnen\xc2\xab heute.", 0, "wir haben gewonnen"); /* » « */
    assert_spans("Er sagte \xe2\x80\x9ewir haben gewonnen\xe2\x80\x9c heute.", 0, "wir haben gewonnen"); /* „ “ */
    assert_spans("Hon sa \xe2\x80\x9dvi vann\xe2\x80\x9d idag.", 0, "vi vann");                /* ” ” */
    assert_spans("Er sagte \xe2\x80\x9awir\xe2\x80\x98 heute.", 0, "wir");                      /* ‚ ‘ */
    assert_spans("\xe5\xbd\xbc\xe3\x80\x8c\xe5\x8b\x9d\xe3\x80\x8d\xe3\x80\x82", 0, "\xe5\x8b\x9d"); /* 「」 */
    /* two quotes, and mixed keyboards: “…" and "…” */
    assert_spans("\"One,\" she said, \"two.\"", 0, "One,|two.");
    assert_spans("\xe2\x80\x9cWe are going to win,\" he said.", 0, "We are going to win,");
    assert_spans("\"We are going to win,\xe2\x80\x9d he said.", 0, "We are going to win,");
}

static void test_mark_apostrophes(void **state)
{
    (void)state;
    assert_spans("Don\xe2\x80\x99t tell O\xe2\x80\x99" "Brien about the voters\xe2\x80\x99 mood.", 0, "");
    assert_spans("Don't tell O'Brien about the voters' mood in the '90s, 'tis said.", 0, "");
    assert_spans("Back in the \xe2\x80\x99" "90s they sang rock \xe2\x80\x99n\xe2\x80\x99 roll.", 0, "");
    /* an apostrophe inside a single-quoted phrase does not close it */
    assert_spans("She called it 'the people's choice' then.", 0, "the people's choice");
}

static void test_mark_nesting(void **state)
{
    (void)state;
    const char *text = "\xe2\x80\x9cThey told me, \xe2\x80\x98Wait,\xe2\x80\x99 and I waited,\xe2\x80\x9d he said.";
    assert_spans(text, 0, "They told me, \xe2\x80\x98Wait,\xe2\x80\x99 and I waited,");
    assert_spans(text, 1, "Wait,");
    /* typewriter marks: ''' closes the inner quote and the outer one */
    const char *nyt = "''I said, 'Stop,''' he recalled.";
    assert_spans(nyt, 0, "I said, 'Stop,'");
    assert_spans(nyt, 1, "Stop,");
    /* ASCII quotes inside curly ones */
    assert_spans("\xe2\x80\x9cThe sign read \"closed\" all day,\xe2\x80\x9d she said.", 1, "closed");
}

static void test_mark_paragraphs(void **state)
{
    (void)state;
    /* each paragraph of a long quote reopens the mark; only the last closes */
    const char *text = "\xe2\x80\x9c" "First part of it.\n\n\xe2\x80\x9cSecond part of it.\xe2\x80\x9d\n";
    xc_qspan_list l = {0};
    assert_int_equal(xc_quote_marks_scan(text, strlen(text), &l), XC_OK);
    assert_int_equal(l.count, 2);
    assert_true(l.items[0].flags & XC_QSPAN_CONTINUES);
    assert_false(l.items[1].flags & XC_QSPAN_CONTINUES);
    /* a quote left open is closed at the paragraph end and flagged */
    const char *open = "He said \"this never ends.\n\nNext paragraph.";
    assert_int_equal(xc_quote_marks_scan(open, strlen(open), &l), XC_OK);
    assert_int_equal(l.count, 1);
    assert_true(l.items[0].flags & XC_QSPAN_UNTERMINATED);
    assert_int_equal(l.items[0].end, strlen("He said \"this never ends."));
    xc_qspan_list_free(&l);
}

/* ---- quotes and speakers -------------------------------------------- */

static xc_ner_tagger tagger;
static bool have_model;

static int load_model(void **state)
{
    (void)state;
    xc_error err = {0};
    have_model = xc_ner_tagger_open(&tagger, NULL, &err) == XC_OK;
    return 0;
}

static int unload_model(void **state)
{
    (void)state;
    if (have_model)
        xc_ner_tagger_close(&tagger);
    return 0;
}

typedef struct found {
    xc_entity_extractor x;
    xc_quote_list q;
    const char *text;
} found;

static void find(found *f, const char *text)
{
    memset(f, 0, sizeof *f);
    f->text = text;
    f->x.tagger = &tagger;
    assert_true(have_model);
    assert_int_equal(xc_entities_extract(&f->x, text, strlen(text)), XC_OK);
    assert_int_equal(xc_find_quotes(text, strlen(text), &f->x, &f->q), XC_OK);
}

static void done(found *f)
{
    xc_quote_list_free(&f->q);
    xc_entity_extractor_free(&f->x);
}

/* The quote whose content starts with `prefix`. */
static const xc_quote *quote_at(const found *f, const char *prefix)
{
    const char *at = strstr(f->text, prefix);
    assert_non_null(at);
    for (size_t i = 0; i < f->q.count; i++)
        if (f->q.items[i].start == (uint32_t)(at - f->text))
            return &f->q.items[i];
    fail_msg("no quote starts at \"%s\"", prefix);
    return NULL;
}

static bool span_is(const char *text, uint32_t start, uint32_t end, const char *expected)
{
    return end - start == strlen(expected) && memcmp(text + start, expected, end - start) == 0;
}

#define assert_span(f, start, end, expected)                                                      \
    do {                                                                                          \
        if (!span_is((f)->text, (start), (end), (expected)))                                      \
            fail_msg("span is \"%.*s\", expected \"%s\"", (int)((end) - (start)),                 \
                     (f)->text + (start), (expected));                                            \
    } while (0)

static void assert_speaker(const found *f, const xc_quote *q, const char *mention, const char *name)
{
    assert_span(f, q->speaker_start, q->speaker_end, mention);
    size_t n;
    const char *got = xc_quote_entity_name(&f->x, f->text, q->entity, &n);
    if (!name) {
        assert_null(got);
        return;
    }
    assert_non_null(got);
    if (n != strlen(name) || memcmp(got, name, n) != 0)
        fail_msg("speaker resolves to \"%.*s\", expected \"%s\"", (int)n, got, name);
}

static void test_cue_after_before(void **state)
{
    (void)state;
    found f;
    find(&f, "Harbour officials met on Tuesday.\n\n"
             "\xe2\x80\x9cWe will reopen the north pier next week,\xe2\x80\x9d said Marta Olsen, the harbour "
             "director.\n\n"
             "Olsen told reporters: \"The repairs cost less than we feared.\"\n\n"
             "\xe2\x80\x9cThe crane is fixed,\xe2\x80\x9d Olsen wrote on Friday.\n");
    assert_int_equal(f.q.count, 3);
    const xc_quote *q = quote_at(&f, "We will reopen");
    assert_span(&f, q->start, q->end, "We will reopen the north pier next week,");
    assert_string_equal(q->cue, "say");
    assert_span(&f, q->cue_start, q->cue_end, "said");
    assert_int_equal(q->speaker_kind, XC_SPEAKER_NAME);
    assert_speaker(&f, q, "Marta Olsen", "Marta Olsen");
    assert_false(q->flags & XC_QUOTE_PARTIAL);

    q = quote_at(&f, "The repairs");
    assert_string_equal(q->cue, "tell");
    assert_speaker(&f, q, "Olsen", "Marta Olsen"); /* the surname resolves to the full name */

    q = quote_at(&f, "The crane");
    assert_string_equal(q->cue, "write");
    assert_speaker(&f, q, "Olsen", "Marta Olsen");
    done(&f);
}

static void test_split_around_cue(void **state)
{
    (void)state;
    found f;
    /* the cue inside the quote: one quote, two parts, spanning both */
    find(&f, "\xe2\x80\x9cWe checked every bolt,\xe2\x80\x9d Jonas Berg said, \xe2\x80\x9c"
             "and every cable on the bridge.\xe2\x80\x9d\n\n"
             "\xe2\x80\x9cThe tide tables were wrong.\xe2\x80\x9d Berg said. \xe2\x80\x9cWe fixed them.\xe2\x80\x9d\n");
    assert_int_equal(f.q.count, 2);
    const xc_quote *q = quote_at(&f, "We checked");
    assert_int_equal(q->part_count, 2);
    assert_true(q->flags & XC_QUOTE_SPLIT);
    const xc_quote_part *p = &f.q.parts.items[q->first_part];
    assert_span(&f, p[0].start, p[0].end, "We checked every bolt,");
    assert_span(&f, p[1].start, p[1].end, "and every cable on the bridge.");
    assert_int_equal(q->start, p[0].start);
    assert_int_equal(q->end, p[1].end);
    assert_span(&f, q->cue_start, q->cue_end, "said");
    assert_speaker(&f, q, "Jonas Berg", "Jonas Berg");

    q = quote_at(&f, "The tide tables");
    assert_int_equal(q->part_count, 2);
    assert_speaker(&f, q, "Berg", "Jonas Berg");
    done(&f);
}

static void test_paragraphs(void **state)
{
    (void)state;
    found f;
    /* the mark reopens each paragraph; then a paragraph quoting on */
    find(&f, "Mayor Tomas Reyes spoke at the pier.\n\n"
             "\xe2\x80\x9cThe first paragraph of a long statement ends here.\n\n"
             "\xe2\x80\x9cThe second paragraph goes on and closes here,\xe2\x80\x9d Reyes wrote.\n\n"
             "\xe2\x80\x9c" "And a third paragraph follows with no cue of its own.\xe2\x80\x9d\n\n"
             "The council met later.\n");
    assert_int_equal(f.q.count, 1);
    const xc_quote *q = &f.q.items[0];
    assert_int_equal(q->part_count, 3);
    assert_true(q->flags & XC_QUOTE_PARAGRAPHS);
    const xc_quote_part *p = &f.q.parts.items[q->first_part];
    assert_span(&f, p[0].start, p[0].end, "The first paragraph of a long statement ends here.");
    assert_span(&f, p[2].start, p[2].end, "And a third paragraph follows with no cue of its own.");
    assert_speaker(&f, q, "Reyes", "Tomas Reyes");
    assert_string_equal(q->cue, "write");
    done(&f);
}

static void test_partial_and_according(void **state)
{
    (void)state;
    found f;
    find(&f, "Mayor Tomas Reyes called the delay \xe2\x80\x9c" "a disgrace for the whole city.\xe2\x80\x9d\n\n"
             "According to Reyes, \xe2\x80\x9cthe port must never close again.\xe2\x80\x9d\n\n"
             "The so-called \xe2\x80\x9cnew deal\xe2\x80\x9d was signed in "
             "\xe2\x80\x9cThe Harbour Book\xe2\x80\x9d.\n");
    assert_int_equal(f.q.count, 2); /* the scare quote and the title are not quotes */
    const xc_quote *q = quote_at(&f, "a disgrace");
    assert_true(q->flags & XC_QUOTE_PARTIAL);
    assert_string_equal(q->cue, "call");
    assert_speaker(&f, q, "Mayor Tomas Reyes", "Tomas Reyes");
    q = quote_at(&f, "the port must");
    assert_string_equal(q->cue, "according to");
    assert_span(&f, q->cue_start, q->cue_end, "According to");
    assert_speaker(&f, q, "Reyes", "Tomas Reyes");
    done(&f);
}

static void test_every_mark_style(void **state)
{
    (void)state;
    found f;
    find(&f, "\xc2\xab We are ready for the storm \xc2\xbb, Pierre Lambert said.\n\n"
             "\xe2\x80\x9eWe are ready as well\xe2\x80\x9c, Anna Vogel said.\n\n"
             "\xe2\x80\x98The tide tables were wrong,\xe2\x80\x99 Jonas Berg said.\n\n"
             "''The pier will open on Monday,'' Marta Olsen said.\n\n"
             "'Nobody was hurt,' Tomas Reyes said.\n");
    assert_int_equal(f.q.count, 5);
    assert_speaker(&f, quote_at(&f, "We are ready for"), "Pierre Lambert", "Pierre Lambert");
    assert_speaker(&f, quote_at(&f, "We are ready as"), "Anna Vogel", "Anna Vogel");
    assert_speaker(&f, quote_at(&f, "The tide"), "Jonas Berg", "Jonas Berg");
    assert_speaker(&f, quote_at(&f, "The pier"), "Marta Olsen", "Marta Olsen");
    assert_speaker(&f, quote_at(&f, "Nobody"), "Tomas Reyes", "Tomas Reyes");
    done(&f);
}

static void test_nested(void **state)
{
    (void)state;
    found f;
    find(&f, "\xe2\x80\x9cThe engineers told me, \xe2\x80\x98We need two more days,\xe2\x80\x99 and I believed "
             "them,\xe2\x80\x9d Marta Olsen added.\n");
    assert_int_equal(f.q.count, 1); /* the inner quote is part of the outer one */
    const xc_quote *q = &f.q.items[0];
    assert_span(&f, q->start, q->end,
                "The engineers told me, \xe2\x80\x98We need two more days,\xe2\x80\x99 and I believed them,");
    assert_string_equal(q->cue, "add");
    assert_speaker(&f, q, "Marta Olsen", "Marta Olsen");
    done(&f);
}

static void test_pronouns_and_roles(void **state)
{
    (void)state;
    found f;
    find(&f, "Secretary of State Daniel Okafor flew to Lisbon on Monday with Finance Minister Greta Halvorsen.\n\n"
             "\xe2\x80\x9cWe expect a long night of talks,\xe2\x80\x9d the U.S. diplomatic chief said.\n\n"
             "Halvorsen met bankers later. \xe2\x80\x9cThe numbers are better than we hoped,\xe2\x80\x9d she told "
             "them.\n\n"
             "President Amal Darwish welcomed both. \xe2\x80\x9cOur doors are open,\xe2\x80\x9d the president said.\n\n"
             "Okafor thanked Halvorsen. \xe2\x80\x9cIt was a productive day,\xe2\x80\x9d he said.\n\n"
             "\xe2\x80\x9cWe will be back,\xe2\x80\x9d a senior official said.\n");
    assert_int_equal(f.q.count, 5);
    const xc_quote *q = quote_at(&f, "We expect");
    assert_int_equal(q->speaker_kind, XC_SPEAKER_NOMINAL);
    assert_speaker(&f, q, "the U.S. diplomatic chief", "Daniel Okafor");
    q = quote_at(&f, "The numbers");
    assert_int_equal(q->speaker_kind, XC_SPEAKER_PRONOUN);
    assert_speaker(&f, q, "she", "Greta Halvorsen");
    assert_speaker(&f, quote_at(&f, "Our doors"), "the president", "Amal Darwish");
    /* "he": the most recent person that fits (Halvorsen is a she) */
    assert_speaker(&f, quote_at(&f, "It was a productive"), "he", "Daniel Okafor");
    /* an unnamed source stays unnamed */
    q = quote_at(&f, "We will be back");
    assert_speaker(&f, q, "a senior official", NULL);
    assert_int_equal(q->entity, -1);
    done(&f);
}

static void test_no_speaker_and_dash(void **state)
{
    (void)state;
    found f;
    find(&f, "The crowd waited at the gate for hours.\n\n"
             "\xe2\x80\x9cOpen the pier now and let us fish again.\xe2\x80\x9d\n\n"
             "Nobody answered.\n\n"
             "\xe2\x80\x9cThe pier is the heart of this town.\xe2\x80\x9d \xe2\x80\x95 Lucia Ferrante\n");
    assert_int_equal(f.q.count, 2);
    const xc_quote *q = quote_at(&f, "Open the pier");
    assert_int_equal(q->speaker_kind, XC_SPEAKER_NONE);
    assert_null(q->cue);
    assert_int_equal(q->entity, -1);
    assert_int_equal(q->speaker_start, q->speaker_end);
    q = quote_at(&f, "The pier is");
    assert_string_equal(q->cue, "dash");
    assert_span(&f, q->speaker_start, q->speaker_end, "Lucia Ferrante");
    done(&f);
}

/* Who the subject of a cue before a quote is: not the object of a
 * preposition next to the cue, nor "it"; a noun that looks like a cue in
 * an appositive ("one of the states") is not the cue. */
static void test_subjects(void **state)
{
    (void)state;
    found f;
    find(&f, "Harbour officials met on Tuesday.\n\n"
             "\xe2\x80\x9cWe will not give up the fight,\xe2\x80\x9d Nora Lindqvist, head of one of the states suing "
             "the agency, said on Monday.\n\n"
             "Another source speaking to Harbour Radio said, \xe2\x80\x9cThe talks collapsed at midnight.\xe2\x80\x9d\n\n"
             "A spokesman for Marta Olsen said: \xe2\x80\x9cThe director will not comment on the report.\xe2\x80\x9d\n\n"
             "It gets worse: \xe2\x80\x9cThe pier is closed until the spring.\xe2\x80\x9d\n\n"
             "The letter goes on to say: \xe2\x80\x9cWe expect an answer by Friday.\xe2\x80\x9d\n");
    assert_int_equal(f.q.count, 5);
    const xc_quote *q = quote_at(&f, "We will not");
    assert_string_equal(q->cue, "say");
    assert_speaker(&f, q, "Nora Lindqvist", "Nora Lindqvist");
    q = quote_at(&f, "The talks");
    assert_int_equal(q->speaker_kind, XC_SPEAKER_NOMINAL);
    assert_speaker(&f, q, "Another source", NULL);
    assert_speaker(&f, quote_at(&f, "The director"), "A spokesman", NULL);
    q = quote_at(&f, "The pier is closed");
    assert_string_equal(q->cue, ":");
    assert_int_equal(q->speaker_kind, XC_SPEAKER_NONE);
    q = quote_at(&f, "We expect");
    assert_string_equal(q->cue, "say");
    assert_speaker(&f, q, "The letter", NULL);
    done(&f);
}

/* Cues after a quote: present tense and song; a verb the lexicon lacks
 * with a time after it; "X said he …" after a full stop is a sentence of
 * its own, and the quote goes on with the one before. */
static void test_more_cues(void **state)
{
    (void)state;
    found f;
    find(&f, "Marta Olsen runs the harbour.\n\n"
             "\xe2\x80\x9c" "Did you see that?\xe2\x80\x9d she yells while running to the pier.\n\n"
             "At the party, the band leader called the mayor to the stage, singing \xe2\x80\x9cTonight the "
             "harbour is ours.\xe2\x80\x9d\n\n"
             "\xe2\x80\x9cWe did everything we could,\xe2\x80\x9d Olsen fumed on Tuesday.\n\n"
             "\xe2\x80\x9cIt was a long night,\xe2\x80\x9d Olsen said. \xe2\x80\x9cThat has no place in a "
             "harbour.\xe2\x80\x9d Mayor Tomas Reyes said he would call a meeting.\n");
    assert_int_equal(f.q.count, 4);
    const xc_quote *q = quote_at(&f, "Did you");
    assert_string_equal(q->cue, "yell");
    assert_speaker(&f, q, "she", "Marta Olsen");
    q = quote_at(&f, "Tonight the");
    assert_false(q->flags & XC_QUOTE_PARTIAL); /* a whole line sung, not a phrase */
    assert_string_equal(q->cue, "sing");
    q = quote_at(&f, "We did everything");
    assert_string_equal(q->cue, "other");
    assert_span(&f, q->cue_start, q->cue_end, "fumed");
    assert_speaker(&f, q, "Olsen", "Marta Olsen");
    q = quote_at(&f, "It was a long night");
    assert_int_equal(q->part_count, 2);
    assert_speaker(&f, q, "Olsen", "Marta Olsen");
    done(&f);
}

/* Which sentence a cue after a full stop belongs to: "X said both …" and
 * "Of the budget, X said, “…”" open new sentences, the quote before goes
 * on with its own speaker; a participle ("adding") takes the subject of
 * the verb of saying before it. */
static void test_sentences_after(void **state)
{
    (void)state;
    found f;
    find(&f, "Mayor Tomas Reyes left early, Marta Olsen said, adding, \xe2\x80\x9cNobody else slept at all.\xe2\x80\x9d\n\n"
             "\xe2\x80\x9cIt was a long night,\xe2\x80\x9d Olsen said. \xe2\x80\x9cThe pier will hold.\xe2\x80\x9d Reyes "
             "said both engineers agreed.\n\n"
             "\xe2\x80\x9cWe fixed the crane,\xe2\x80\x9d Olsen said of the repairs. \xe2\x80\x9cThe pier is "
             "next.\xe2\x80\x9d Of the budget, Reyes said, \xe2\x80\x9cWe spent too much.\xe2\x80\x9d\n");
    assert_int_equal(f.q.count, 4);
    const xc_quote *q = quote_at(&f, "Nobody else");
    assert_string_equal(q->cue, "add");
    assert_speaker(&f, q, "Marta Olsen", "Marta Olsen");
    q = quote_at(&f, "It was a long night");
    assert_int_equal(q->part_count, 2);
    assert_speaker(&f, q, "Olsen", "Marta Olsen");
    q = quote_at(&f, "We fixed");
    assert_int_equal(q->part_count, 2);
    assert_speaker(&f, q, "Olsen", "Marta Olsen");
    assert_speaker(&f, quote_at(&f, "We spent"), "Reyes", "Tomas Reyes");
    done(&f);
}

/* Openers and participles: "with X yelling" is X's; "Asked …, X
 * demurred:" is X's answer, not a question; a name with "Mrs." is a
 * person even when the tagger calls it an organisation. */
static void test_openers(void **state)
{
    (void)state;
    found f;
    find(&f, "The crowd pushed forward, with Marta Olsen reportedly yelling: \xe2\x80\x9cGet back from the "
             "edge!\xe2\x80\x9d\n\n"
             "Asked which pier he liked best, Tomas Reyes demurred: \xe2\x80\x9cWhichever one I am standing "
             "on.\xe2\x80\x9d\n");
    assert_int_equal(f.q.count, 2);
    const xc_quote *q = quote_at(&f, "Get back");
    assert_string_equal(q->cue, "yell");
    assert_speaker(&f, q, "Marta Olsen", "Marta Olsen");
    q = quote_at(&f, "Whichever");
    assert_string_equal(q->cue, ":");
    assert_speaker(&f, q, "Tomas Reyes", "Tomas Reyes");
    done(&f);

    const char *text = "Smiling all evening, Mrs. Anna Vogel drew cheers as she thanked the town and then boomed, "
                       "\xe2\x80\x9cTonight the harbour is ours.\xe2\x80\x9d\n";
    find(&f, text);
    for (size_t i = 0; i < f.x.mentions.count; i++)
        f.x.mentions.items[i].type = XC_NER_ORG; /* as a tagger might get it wrong */
    assert_int_equal(xc_find_quotes(text, strlen(text), &f.x, &f.q), XC_OK);
    assert_int_equal(f.q.count, 1);
    assert_span(&f, f.q.items[0].speaker_start, f.q.items[0].speaker_end, "Mrs. Anna Vogel");
    done(&f);
}

/* A phrase quoted inside the attribution of a quote ("who noted that
 * prices had “recovered”") does not part it from the sentence quoted
 * next. */
static void test_phrase_in_attribution(void **state)
{
    (void)state;
    found f;
    find(&f, "\xe2\x80\x9cSales are up,\xe2\x80\x9d said Marta Olsen, who noted that prices had "
             "\xe2\x80\x9crecovered\xe2\x80\x9d this year. \xe2\x80\x9cWe are hopeful about the summer.\xe2\x80\x9d\n");
    assert_int_equal(f.q.count, 2);
    const xc_quote *q = quote_at(&f, "Sales are up");
    assert_int_equal(q->part_count, 2);
    const xc_quote_part *p = &f.q.parts.items[q->first_part];
    assert_span(&f, p[0].start, p[0].end, "Sales are up,");
    assert_span(&f, p[1].start, p[1].end, "We are hopeful about the summer.");
    assert_speaker(&f, q, "Marta Olsen", "Marta Olsen");
    q = quote_at(&f, "recovered");
    assert_true(q->flags & XC_QUOTE_PARTIAL);
    assert_int_equal(q->part_count, 1);
    assert_span(&f, f.q.parts.items[q->first_part].start, f.q.parts.items[q->first_part].end, "recovered");
    done(&f);
}

static void test_without_entities(void **state)
{
    (void)state;
    const char *text = "\xe2\x80\x9cWe are ready,\xe2\x80\x9d said Marta Olsen. She laughed. "
                       "\xe2\x80\x9cReally,\xe2\x80\x9d she said.";
    xc_quote_list q = {0};
    assert_int_equal(xc_find_quotes(text, strlen(text), NULL, &q), XC_OK);
    assert_int_equal(q.count, 2);
    assert_int_equal(q.items[0].speaker_kind, XC_SPEAKER_NAME); /* capitalised words */
    assert_true(span_is(text, q.items[0].speaker_start, q.items[0].speaker_end, "Marta Olsen"));
    assert_int_equal(q.items[0].entity, -1);
    assert_int_equal(q.items[1].speaker_kind, XC_SPEAKER_PRONOUN);
    assert_int_equal(q.items[1].entity, -1);
    xc_quote_list_free(&q);
}

static void test_odd_input(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "", "\"", "\xe2\x80\x9c", "\xe2\x80\x9d\xe2\x80\x9d\xe2\x80\x9c", "''''''", "\" said he \" said",
        "\xe2\x80\x9c\n\n\xe2\x80\x9c\n\n\xe2\x80\x9c", "said said said \xe2\x80\x9cx\xe2\x80\x9d said",
        "\xe2\x80", "\xe2\x80\x9c\xe2", "according to", "\xe2\x80\x9c\xe2\x80\x9d", "He: \"\"",
    };
    xc_quote_list q = {0};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        size_t len = strlen(texts[i]);
        assert_int_equal(xc_find_quotes(texts[i], len, NULL, &q), XC_OK);
        for (size_t k = 0; k < q.count; k++) {
            const xc_quote *x = &q.items[k];
            assert_true(x->start <= x->end && x->end <= len);
            assert_true(x->speaker_start <= x->speaker_end && x->speaker_end <= len);
        }
    }
    /* deep nesting and thousands of marks */
    char big[20000];
    for (size_t i = 0; i + 3 < sizeof big; i += 3)
        memcpy(big + i, i % 2 ? "\xe2\x80\x9c" : "\xe2\x80\x98", 3);
    big[sizeof big - 1 - (sizeof big - 1) % 3] = '\0';
    assert_int_equal(xc_find_quotes(big, strlen(big), NULL, &q), XC_OK);
    xc_quote_list_free(&q);
}

static void test_cue_lexicon(void **state)
{
    (void)state;
    const xc_cue_word *w = xc_cue_lookup("Said", 4);
    assert_non_null(w);
    assert_string_equal(w->lemma, "say");
    assert_string_equal(xc_cue_lookup("posted", 6)->lemma, "post");
    assert_string_equal(xc_cue_lookup("remarked", 8)->lemma, "remark");
    assert_string_equal(xc_cue_lookup("pointed", 7)->particle, "out");
    assert_true(xc_cue_lookup("notes", 5)->flags & XC_CUE_NOUN);
    assert_true(xc_cue_lookup("called", 6)->flags & XC_CUE_PARTIAL);
    assert_null(xc_cue_lookup("table", 5));
    assert_null(xc_cue_lookup("", 0));
    assert_true(xc_cue_adverb("later", 5));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mark_styles),
        cmocka_unit_test(test_mark_apostrophes),
        cmocka_unit_test(test_mark_nesting),
        cmocka_unit_test(test_mark_paragraphs),
        cmocka_unit_test(test_cue_after_before),
        cmocka_unit_test(test_split_around_cue),
        cmocka_unit_test(test_paragraphs),
        cmocka_unit_test(test_partial_and_according),
        cmocka_unit_test(test_every_mark_style),
        cmocka_unit_test(test_nested),
        cmocka_unit_test(test_pronouns_and_roles),
        cmocka_unit_test(test_no_speaker_and_dash),
        cmocka_unit_test(test_subjects),
        cmocka_unit_test(test_more_cues),
        cmocka_unit_test(test_sentences_after),
        cmocka_unit_test(test_openers),
        cmocka_unit_test(test_phrase_in_attribution),
        cmocka_unit_test(test_without_entities),
        cmocka_unit_test(test_odd_input),
        cmocka_unit_test(test_cue_lexicon),
    };
    return cmocka_run_group_tests(tests, load_model, unload_model);
}
