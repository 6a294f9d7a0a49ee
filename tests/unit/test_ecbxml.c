/* The ECB+ CAT XML reader and the mention scores, on small invented
 * documents written in the corpus's format (never the corpus itself). */
#include "test_util.h"

#include <math.h>
#include <sys/stat.h>
#include <xxhash.h>

#include "eval/ecbxml.h"
#include "eval/mention_metrics.h"

#define assert_near(a, b) assert_true(fabs((a) - (b)) < 1e-6)

/* Topic 7, first event: two sentences; a cross-document person and
 * organisation, an intra-document chain, a singleton, events and a time
 * that are not entities, an escaped "&", a token padded with a tab and a
 * token of white space only. */
static const char doc_a[] =
    "<Document doc_name=\"7_1ecb.xml\" doc_id=\"DOC1\">\n"
    "<token t_id=\"1\" sentence=\"0\" number=\"0\">Mira</token>\n"
    "<token t_id=\"2\" sentence=\"0\" number=\"1\">Kovac</token>\n"
    "<token t_id=\"3\" sentence=\"0\" number=\"2\">joined</token>\n"
    "<token t_id=\"4\" sentence=\"0\" number=\"3\">Orlen</token>\n"
    "<token t_id=\"5\" sentence=\"0\" number=\"4\">Labs</token>\n"
    "<token t_id=\"6\" sentence=\"0\" number=\"5\">.</token>\n"
    "<token t_id=\"7\" sentence=\"1\" number=\"0\">She</token>\n"
    "<token t_id=\"8\" sentence=\"1\" number=\"1\">said</token>\n"
    "<token t_id=\"9\" sentence=\"1\" number=\"2\">the</token>\n"
    "<token t_id=\"10\" sentence=\"1\" number=\"3\">lab</token>\n"
    "<token t_id=\"11\" sentence=\"1\" number=\"4\">&amp;</token>\n"
    "<token t_id=\"12\" sentence=\"1\" number=\"5\">its</token>\n"
    "<token t_id=\"13\" sentence=\"1\" number=\"6\">\tteam  </token>\n"
    "<token t_id=\"14\" sentence=\"1\" number=\"7\">grew</token>\n"
    "<token t_id=\"15\" sentence=\"1\" number=\"8\">\t</token>\n"
    "<token t_id=\"16\" sentence=\"1\" number=\"9\">.</token>\n"
    "<Markables>\n"
    "<HUMAN_PART_PER m_id=\"1\"  >\n  <token_anchor t_id=\"1\"/>\n  <token_anchor t_id=\"2\"/>\n</HUMAN_PART_PER>\n"
    "<HUMAN_PART_ORG m_id=\"2\"  >\n  <token_anchor t_id=\"5\"/>\n  <token_anchor t_id=\"4\"/>\n</HUMAN_PART_ORG>\n"
    "<ACTION_OCCURRENCE m_id=\"3\"  >\n  <token_anchor t_id=\"3\"/>\n</ACTION_OCCURRENCE>\n"
    "<HUMAN_PART_PER m_id=\"4\"  >\n  <token_anchor t_id=\"7\"/>\n</HUMAN_PART_PER>\n"
    "<NON_HUMAN_PART m_id=\"5\"  >\n  <token_anchor t_id=\"9\"/>\n  <token_anchor t_id=\"10\"/>\n"
    "  <token_anchor t_id=\"10\"/>\n</NON_HUMAN_PART>\n"
    "<HUMAN_PART_GENERIC m_id=\"6\"  >\n  <token_anchor t_id=\"13\"/>\n</HUMAN_PART_GENERIC>\n"
    "<NON_HUMAN_PART m_id=\"8\"  >\n  <token_anchor t_id=\"12\"/>\n</NON_HUMAN_PART>\n"
    "<TIME_DATE m_id=\"9\"  >\n  <token_anchor t_id=\"14\"/>\n</TIME_DATE>\n"
    "<UNKNOWN_INSTANCE_TAG m_id=\"21\" RELATED_TO=\"\" TAG_DESCRIPTOR=\"\" />\n"
    "<HUMAN_PART_PER m_id=\"30\" RELATED_TO=\"\" TAG_DESCRIPTOR=\"t7_mira\" instance_id=\"HUM100\" />\n"
    "<HUMAN_PART_ORG m_id=\"31\" RELATED_TO=\"\" TAG_DESCRIPTOR=\"t7_orlen\" instance_id=\"HUM200\" />\n"
    "<ACTION_OCCURRENCE m_id=\"32\" RELATED_TO=\"\" TAG_DESCRIPTOR=\"t7_join\" instance_id=\"ACT300\" />\n"
    "</Markables>\n"
    "<Relations>\n"
    "<INTRA_DOC_COREF r_id=\"40\" >\n<source m_id=\"5\" />\n<source m_id=\"8\" />\n<target m_id=\"21\" />\n"
    "</INTRA_DOC_COREF>\n"
    "<CROSS_DOC_COREF r_id=\"41\" note=\"HUM100\" >\n  <source m_id=\"1\" />\n  <source m_id=\"4\" />\n"
    "  <target m_id=\"30\" />\n</CROSS_DOC_COREF>\n"
    "<CROSS_DOC_COREF r_id=\"42\" note=\"HUM200\" >\n  <source m_id=\"2\" />\n  <target m_id=\"31\" />\n"
    "</CROSS_DOC_COREF>\n"
    "<CROSS_DOC_COREF r_id=\"43\" note=\"ACT300\" >\n  <source m_id=\"3\" />\n  <target m_id=\"32\" />\n"
    "</CROSS_DOC_COREF>\n"
    "</Relations>\n"
    "</Document>\n";

/* Topic 7, second event: sentence 0 is the source URL, as in *ecbplus.xml;
 * an event markable linked to an organisation instance takes its tag. */
static const char doc_b[] =
    "<Document doc_name=\"7_2ecbplus.xml\" doc_id=\"DOC2\">\n"
    "<token t_id=\"1\" sentence=\"0\" number=\"0\">http://example.org/x</token>\n"
    "<token t_id=\"2\" sentence=\"1\" number=\"0\">Kovac</token>\n"
    "<token t_id=\"3\" sentence=\"1\" number=\"1\">leads</token>\n"
    "<token t_id=\"4\" sentence=\"1\" number=\"2\">Orlen</token>\n"
    "<token t_id=\"5\" sentence=\"1\" number=\"3\">.</token>\n"
    "<token t_id=\"6\" sentence=\"2\" number=\"0\">Orlen</token>\n"
    "<token t_id=\"7\" sentence=\"2\" number=\"1\">hired</token>\n"
    "<token t_id=\"8\" sentence=\"2\" number=\"2\">her</token>\n"
    "<token t_id=\"9\" sentence=\"2\" number=\"3\">.</token>\n"
    "<Markables>\n"
    "<HUMAN_PART_PER m_id=\"1\"  >\n  <token_anchor t_id=\"2\"/>\n</HUMAN_PART_PER>\n"
    "<HUMAN_PART_ORG m_id=\"2\"  >\n  <token_anchor t_id=\"4\"/>\n</HUMAN_PART_ORG>\n"
    "<ACTION_STATE m_id=\"3\"  >\n  <token_anchor t_id=\"6\"/>\n</ACTION_STATE>\n"
    "<HUMAN_PART_PER m_id=\"4\"  >\n  <token_anchor t_id=\"8\"/>\n</HUMAN_PART_PER>\n"
    "<HUMAN_PART_PER m_id=\"10\" RELATED_TO=\"\" TAG_DESCRIPTOR=\"t7_mira\" instance_id=\"HUM100\" />\n"
    "<HUMAN_PART_ORG m_id=\"11\" RELATED_TO=\"\" TAG_DESCRIPTOR=\"t7_orlen\" instance_id=\"HUM200\" />\n"
    "</Markables>\n"
    "<Relations>\n"
    "<CROSS_DOC_COREF r_id=\"50\" note=\"HUM100\" >\n  <source m_id=\"1\" />\n  <target m_id=\"10\" />\n"
    "</CROSS_DOC_COREF>\n"
    "<CROSS_DOC_COREF r_id=\"51\" note=\"HUM200\" >\n  <source m_id=\"2\" />\n  <source m_id=\"3\" />\n"
    "  <target m_id=\"11\" />\n</CROSS_DOC_COREF>\n"
    "</Relations>\n"
    "</Document>\n";

/* A third document with no annotation, named to test the numeric order. */
static const char doc_c[] = "<Document doc_name=\"7_10ecb.xml\">\n"
                            "<token t_id=\"1\" sentence=\"0\" number=\"0\">Nothing</token>\n"
                            "<Markables>\n</Markables>\n<Relations>\n</Relations>\n</Document>\n";

static const char *mention_text(const xc_ecb_doc *doc, const xc_ecb_mention *m, char *buf, size_t cap)
{
    snprintf(buf, cap, "%.*s", (int)(m->end - m->start), doc->text + m->start);
    return buf;
}

static const xc_ecb_mention *find_mention(const xc_ecb_doc *doc, uint32_t m_id)
{
    for (size_t i = 0; i < doc->mention_count; i++)
        if (doc->mentions[i].m_id == m_id)
            return &doc->mentions[i];
    return NULL;
}

static uint64_t chain_of(const char *name) { return XXH3_64bits(name, strlen(name)); }

static void tokens_and_text(void **state)
{
    (void)state;
    xc_ecb_doc doc;
    xc_error err = {0};
    assert_int_equal(xc_ecb_doc_parse("a.xml", doc_a, sizeof doc_a - 1, &doc, &err), XC_OK);
    assert_string_equal(doc.name, "7_1ecb.xml");
    assert_int_equal(doc.topic, 7);
    assert_false(doc.plus);
    assert_string_equal(doc.text, "Mira Kovac joined Orlen Labs .\nShe said the lab & its team grew .");
    assert_int_equal(doc.text_len, strlen(doc.text));
    assert_int_equal(doc.token_count, 16);
    assert_int_equal(doc.sentence_count, 2);
    assert_int_equal(doc.markables, 12);
    assert_int_equal(doc.relations, 4);
    const xc_ecb_token *t = doc.tokens;
    assert_int_equal(t[0].t_id, 1);
    assert_int_equal(t[0].start, 0);
    assert_int_equal(t[0].end, 4);
    assert_int_equal(t[5].end, 30); /* "." */
    assert_int_equal(t[6].sentence, 1);
    assert_int_equal(t[6].number, 0);
    assert_int_equal(t[6].start, 31); /* after "\n" */
    assert_int_equal(t[10].start, 48); /* "&" decoded */
    assert_int_equal(t[10].end, 49);
    assert_int_equal(t[12].start, 54); /* "\tteam  " trimmed */
    assert_int_equal(t[12].end, 58);
    assert_int_equal(t[14].start, 63); /* white space only: empty, no separator */
    assert_int_equal(t[14].end, 63);
    assert_int_equal(t[15].start, 64);
    for (size_t i = 0; i < doc.token_count; i++)
        assert_true(t[i].start <= t[i].end && t[i].end <= doc.text_len);
    xc_ecb_doc_free(&doc);
}

static void mentions_and_chains(void **state)
{
    (void)state;
    xc_ecb_doc a, b;
    xc_error err = {0};
    char buf[64];
    assert_int_equal(xc_ecb_doc_parse("a.xml", doc_a, sizeof doc_a - 1, &a, &err), XC_OK);
    assert_int_equal(xc_ecb_doc_parse("b.xml", doc_b, sizeof doc_b - 1, &b, &err), XC_OK);
    assert_true(b.plus);

    /* Entities only, ordered by span: 1 2 4 5 8 6 (3 is an event, 9 a time). */
    assert_int_equal(a.mention_count, 6);
    uint32_t order[] = {1, 2, 4, 5, 8, 6};
    for (size_t i = 0; i < 6; i++)
        assert_int_equal(a.mentions[i].m_id, order[i]);

    const xc_ecb_mention *m = find_mention(&a, 1);
    assert_string_equal(mention_text(&a, m, buf, sizeof buf), "Mira Kovac");
    assert_int_equal(m->start, 0);
    assert_int_equal(m->end, 10);
    assert_string_equal(m->tag, "HUMAN_PART_PER");
    assert_int_equal(m->anchor_count, 2);
    assert_int_equal(m->head, 1); /* token index of "Kovac" */
    assert_int_equal(m->chain_kind, XC_ECB_CROSS);
    assert_string_equal(m->chain_name, "HUM100");
    assert_string_equal(m->descriptor, "t7_mira");
    assert_true(m->chain == chain_of("HUM100"));
    assert_true(m->selected);

    m = find_mention(&a, 2); /* anchors given out of order */
    assert_string_equal(mention_text(&a, m, buf, sizeof buf), "Orlen Labs");
    assert_int_equal(a.anchors[m->first_anchor], 3);
    assert_int_equal(m->head, 4);

    m = find_mention(&a, 5); /* a repeated anchor counts once */
    assert_string_equal(mention_text(&a, m, buf, sizeof buf), "the lab");
    assert_int_equal(m->anchor_count, 2);
    assert_int_equal(m->chain_kind, XC_ECB_INTRA);
    assert_string_equal(m->chain_name, "7_1ecb.xml#21");
    assert_null(m->descriptor);
    assert_true(m->chain == find_mention(&a, 8)->chain);

    m = find_mention(&a, 6);
    assert_string_equal(mention_text(&a, m, buf, sizeof buf), "team");
    assert_int_equal(m->chain_kind, XC_ECB_SINGLETON);
    assert_string_equal(m->chain_name, "7_1ecb.xml#6");
    assert_int_equal(m->sentence, 1);

    assert_null(find_mention(&a, 3));
    assert_null(find_mention(&a, 9));

    /* Across documents: Mira Kovac / She / Kovac; Orlen Labs / Orlen / Orlen. */
    assert_int_equal(b.mention_count, 4);
    assert_string_equal(mention_text(&b, find_mention(&b, 1), buf, sizeof buf), "Kovac");
    assert_int_equal(find_mention(&b, 1)->start, 21);
    assert_true(find_mention(&b, 1)->chain == find_mention(&a, 1)->chain);
    assert_true(find_mention(&a, 4)->chain == find_mention(&a, 1)->chain);
    assert_true(find_mention(&b, 2)->chain == find_mention(&a, 2)->chain);
    m = find_mention(&b, 3); /* ACTION_STATE linked to an organisation instance */
    assert_non_null(m);
    assert_string_equal(m->tag, "HUMAN_PART_ORG");
    assert_true(m->chain == find_mention(&a, 2)->chain);
    assert_int_equal(m->start, 41);
    assert_int_equal(find_mention(&b, 4)->chain_kind, XC_ECB_SINGLETON);
    assert_true(find_mention(&b, 4)->chain != find_mention(&a, 6)->chain);
    assert_true(find_mention(&a, 1)->chain != find_mention(&a, 2)->chain);

    xc_ecb_doc_free(&a);
    xc_ecb_doc_free(&b);
}

static void entity_tags(void **state)
{
    (void)state;
    const char *yes[] = {"HUMAN_PART_PER", "HUMAN_PART_ORG", "HUMAN_PART_GPE", "HUMAN_PART_FAC",
                         "HUMAN_PART_VEH", "HUMAN_PART_MET", "HUMAN_PART_GENERIC", "HUMAN_PART",
                         "NON_HUMAN_PART", "NON_HUMAN_PART_GENERIC", "LOC_GEO", "LOC_FAC", "LOC_OTHER"};
    const char *no[] = {"ACTION_OCCURRENCE", "ACTION_REPORTING", "NEG_ACTION_STATE", "TIME_DATE",
                        "TIME_OF_THE_DAY", "UNKNOWN_INSTANCE_TAG", ""};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        assert_true(xc_ecb_is_entity_tag(yes[i]));
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        assert_false(xc_ecb_is_entity_tag(no[i]));
}

static void expect_error(const char *xml, xc_status status, const char *needle)
{
    xc_ecb_doc doc;
    xc_error err = {0};
    assert_int_equal(xc_ecb_doc_parse("bad.xml", xml, strlen(xml), &doc, &err), status);
    if (!strstr(err.message, needle) || !strstr(err.message, "bad.xml")) {
        print_error("message \"%s\" lacks \"%s\"\n", err.message, needle);
        fail();
    }
    assert_null(doc.tokens);
    assert_null(doc.mentions);
    xc_ecb_doc_free(&doc); /* safe after a failure */
}

#define TOKEN "<token t_id=\"1\" sentence=\"0\" number=\"0\">Hi</token>"

static void malformed(void **state)
{
    (void)state;
    expect_error("", XC_ERR_FORMAT, "malformed XML");
    expect_error("<Document><token t_id=\"1\" sentence=\"0\" number=\"0\">Hi</Document>", XC_ERR_FORMAT,
                 "malformed XML");
    expect_error("<Document>" TOKEN, XC_ERR_FORMAT, "malformed XML"); /* truncated */
    expect_error("\x01\x02\xff garbage", XC_ERR_FORMAT, "malformed XML");
    expect_error("<html><body/></html>", XC_ERR_FORMAT, "not a CAT document");
    expect_error("<Document><token t_id=\"x\" sentence=\"0\" number=\"0\">Hi</token></Document>",
                 XC_ERR_FORMAT, "t_id=\"x\"");
    expect_error("<Document><token sentence=\"0\" number=\"0\">Hi</token></Document>", XC_ERR_FORMAT,
                 "no t_id");
    expect_error("<Document>" TOKEN TOKEN "</Document>", XC_ERR_FORMAT, "t_id=1 appears twice");
    expect_error("<Document>" TOKEN "<Markables><LOC_GEO m_id=\"1\"><token_anchor t_id=\"9\"/></LOC_GEO>"
                 "</Markables></Document>",
                 XC_ERR_FORMAT, "unknown token t_id=9");
    expect_error("<Document>" TOKEN "<Markables><LOC_GEO m_id=\"1\"><token_anchor t_id=\"1\"/></LOC_GEO>"
                 "<LOC_GEO m_id=\"1\"><token_anchor t_id=\"1\"/></LOC_GEO></Markables></Document>",
                 XC_ERR_FORMAT, "m_id=1 appears twice");
    expect_error("<Document>" TOKEN "<Markables><LOC_GEO m_id=\"1\"><token_anchor t_id=\"1\"/></LOC_GEO>"
                 "</Markables><Relations><CROSS_DOC_COREF r_id=\"5\"><source m_id=\"1\"/>"
                 "<target m_id=\"7\"/></CROSS_DOC_COREF></Relations></Document>",
                 XC_ERR_FORMAT, "unknown target m_id=7");
    expect_error("<Document>" TOKEN "<Markables><LOC_GEO m_id=\"1\"><token_anchor t_id=\"1\"/></LOC_GEO>"
                 "<LOC_GEO m_id=\"2\" TAG_DESCRIPTOR=\"x\"/></Markables><Relations>"
                 "<CROSS_DOC_COREF r_id=\"5\"><source m_id=\"1\"/><target m_id=\"2\"/></CROSS_DOC_COREF>"
                 "</Relations></Document>",
                 XC_ERR_FORMAT, "has no instance_id");
    expect_error("<Document>" TOKEN "<Markables><LOC_GEO m_id=\"1\"><token_anchor t_id=\"1\"/></LOC_GEO>"
                 "<LOC_GEO m_id=\"2\" TAG_DESCRIPTOR=\"x\" instance_id=\"L1\"/></Markables><Relations>"
                 "<CROSS_DOC_COREF r_id=\"5\"><source m_id=\"1\"/><target m_id=\"2\"/></CROSS_DOC_COREF>"
                 "<INTRA_DOC_COREF r_id=\"6\"><source m_id=\"1\"/><target m_id=\"2\"/></INTRA_DOC_COREF>"
                 "</Relations></Document>",
                 XC_ERR_FORMAT, "source of two relations");
    /* Entity expansion bombs never get started: no DTD at all. */
    expect_error("<?xml version=\"1.0\"?><!DOCTYPE Document [<!ENTITY a \"aaaaaaaaaa\">"
                 "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><Document>" TOKEN "</Document>",
                 XC_ERR_FORMAT, "DOCTYPE");

    /* Errors carry the line. */
    xc_ecb_doc doc;
    xc_error err = {0};
    const char *lines = "<Document>\n" TOKEN "\n<token t_id=\"2\" sentence=\"0\">x</token>\n</Document>\n";
    assert_int_equal(xc_ecb_doc_parse("l.xml", lines, strlen(lines), &doc, &err), XC_ERR_FORMAT);
    assert_non_null(strstr(err.message, "l.xml:3: <token> has no number attribute"));

    /* A minimal document without annotation is fine. */
    const char *bare = "<Document>" TOKEN "</Document>";
    assert_int_equal(xc_ecb_doc_parse("dir/7_4ecb.xml", bare, strlen(bare), &doc, &err), XC_OK);
    assert_string_equal(doc.name, "7_4ecb.xml"); /* no doc_name: the file name */
    assert_string_equal(doc.text, "Hi");
    assert_int_equal(doc.mention_count, 0);
    xc_ecb_doc_free(&doc);
}

static void write_doc(const char *dir, const char *name, const char *data)
{
    char path[600];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    write_file(path, data, strlen(data));
}

static void corpus_and_selection(void **state)
{
    (void)state;
    char *dir = make_temp_dir();
    char topic[600], path[600];
    snprintf(topic, sizeof topic, "%s/7", dir);
    assert_int_equal(mkdir(topic, 0700), 0);
    write_doc(topic, "7_10ecb.xml", doc_c);
    write_doc(topic, "7_2ecbplus.xml", doc_b);
    write_doc(topic, "7_1ecb.xml", doc_a);
    write_doc(topic, "7_3ecb.xml", "<Document><token t_id=\"1\"");
    write_doc(topic, "notes.txt", "not a document");
    write_doc(topic, ".7_9ecb.xml", "hidden");

    xc_ecb_corpus c;
    xc_error err = {0};
    assert_int_equal(xc_ecb_corpus_read(dir, &c, &err), XC_OK);
    assert_int_equal(c.count, 3);
    assert_string_equal(c.docs[0].name, "7_1ecb.xml");
    assert_string_equal(c.docs[1].name, "7_2ecbplus.xml");
    assert_string_equal(c.docs[2].name, "7_10ecb.xml");
    assert_int_equal(c.failed, 1);
    assert_non_null(strstr(c.failures[0], "7/7_3ecb.xml:"));
    assert_non_null(strstr(c.failures[0], "malformed XML"));

    /* Rows: one per annotated sentence; topic 9 is not in this corpus. */
    snprintf(path, sizeof path, "%s/sentences.csv", dir);
    const char csv[] = "Topic,File,Sentence Number\r\n7,1ecb,0\r\n7,2ecbplus,1\r\n9,1ecb,3\r\n7,2ecbplus,1\r\n";
    write_file(path, csv, sizeof csv - 1);
    size_t unknown = 0;
    assert_true(xc_ecb_sentence_selected(&c.docs[0], 1)); /* before: everything */
    assert_int_equal(xc_ecb_corpus_select(&c, path, &unknown, &err), XC_OK);
    assert_int_equal(unknown, 1);
    const xc_ecb_doc *a = &c.docs[0], *b = &c.docs[1];
    assert_true(xc_ecb_sentence_selected(a, 0));
    assert_false(xc_ecb_sentence_selected(a, 1));
    assert_int_equal(b->selected_count, 1);
    assert_true(find_mention(a, 1)->selected);
    assert_true(find_mention(a, 2)->selected);
    assert_false(find_mention(a, 4)->selected);
    assert_false(find_mention(a, 6)->selected);
    assert_true(find_mention(b, 1)->selected);
    assert_false(find_mention(b, 3)->selected);
    assert_true(c.docs[2].has_selection); /* listed nowhere: nothing selected */
    assert_int_equal(c.docs[2].selected_count, 0);

    const char short_row[] = "Topic,File,Sentence Number\n7,1ecb\n";
    write_file(path, short_row, sizeof short_row - 1);
    assert_int_equal(xc_ecb_corpus_select(&c, path, NULL, &err), XC_ERR_FORMAT);
    assert_non_null(strstr(err.message, ":2:"));
    xc_ecb_corpus_free(&c);

    /* A folder that cannot be read, or holds no document. */
    snprintf(path, sizeof path, "%s/missing", dir);
    assert_int_equal(xc_ecb_corpus_read(path, &c, &err), XC_ERR_IO);
    assert_non_null(strstr(err.message, "missing"));
    snprintf(path, sizeof path, "%s/empty", dir);
    assert_int_equal(mkdir(path, 0700), 0);
    assert_int_equal(xc_ecb_corpus_read(path, &c, &err), XC_ERR_NOT_FOUND);
    xc_ecb_corpus_free(&c);
    remove_tree(dir);
    free(dir);
}

/* B³ and MUC worked out by hand:
 *   mention   0 1 2 3 4 5
 *   gold      a a a b b c
 *   predicted 1 1 2 2 - 3      (- = missed: a singleton of its own)
 * B³ P = (1 + 1 + 1/2 + 1/2 + 1 + 1) / 6 = 5/6
 * B³ R = (2/3 + 2/3 + 1/3 + 1/2 + 1/2 + 1) / 6 = 11/18, F1 = 495/702
 * MUC: cells (a,1) (a,2) (b,2) (b,-) (c,3) = 5; R = (6-5)/(6-3) = 1/3,
 *      P = (6-5)/(6-4) = 1/2, F1 = 0.4 */
static void scores_by_hand(void **state)
{
    (void)state;
    const uint64_t A = UINT64_MAX - 1, B = 1ull << 63, C = 7; /* any u64 */
    uint64_t gold[] = {A, A, A, B, B, C};
    uint64_t pred[] = {11, 11, 0xfffffffffffffff0ull, 0xfffffffffffffff0ull, XC_MENTION_MISSED, 3};
    xc_mention_scores s;
    assert_int_equal(xc_score_mentions(gold, pred, 6, &s), XC_OK);
    assert_near(s.clustering.bcubed_p, 5.0 / 6);
    assert_near(s.clustering.bcubed_r, 11.0 / 18);
    assert_near(s.clustering.bcubed_f1, 495.0 / 702);
    assert_near(s.muc_r, 1.0 / 3);
    assert_near(s.muc_p, 0.5);
    assert_near(s.muc_f1, 0.4);
    assert_int_equal(s.mentions, 6);
    assert_int_equal(s.missed, 1);
    assert_int_equal(s.clustering.classes, 3);
    assert_int_equal(s.clustering.clusters, 4);

    /* Two missed mentions of one chain are two clusters, not one. */
    uint64_t gold2[] = {A, A};
    uint64_t missed[] = {XC_MENTION_MISSED, XC_MENTION_MISSED};
    assert_int_equal(xc_score_mentions(gold2, missed, 2, &s), XC_OK);
    assert_near(s.clustering.bcubed_p, 1);
    assert_near(s.clustering.bcubed_r, 0.5);
    assert_near(s.muc_r, 0);
    assert_near(s.muc_p, 0); /* no predicted link: 0, as the reference scorer */
    uint64_t found[] = {5, 5};
    assert_int_equal(xc_score_mentions(gold2, found, 2, &s), XC_OK);
    assert_near(s.clustering.bcubed_f1, 1);
    assert_near(s.muc_f1, 1);
    assert_int_equal(xc_score_mentions(NULL, NULL, 0, &s), XC_OK);
    assert_int_equal(s.mentions, 0);
}

/* Gold spans of doc_a's text "Mira Kovac joined Orlen Labs .\nShe said the lab ..." */
static void alignment(void **state)
{
    (void)state;
    xc_mention_span gold[] = {{0, 10}, {18, 28}, {31, 34}, {40, 47}, {48, 48}};
    xc_mention_span pred[] = {
        {5, 10},  /* 0 "Kovac": head inside G0, overlap 5                 */
        {0, 10},  /* 1 "Mira Kovac": exact G0                             */
        {11, 28}, /* 2 "joined Orlen Labs": head in G1, overlap 10         */
        {24, 28}, /* 3 "Labs": overlap 4                                   */
        {31, 39}, /* 4 "She said": head "said" outside G2                  */
        {44, 47}, /* 5 "lab": G3                                           */
        {0, 28},  /* 6 "Mira ... Labs": overlap 10 with G1, longer than 2  */
        {47, 47}, /* 7 empty: matches nothing                              */
        {48, 48}, /* 8 empty: exact for the empty G4                       */
    };
    int64_t match[5];
    assert_int_equal(xc_align_mentions(gold, 5, pred, 9, match), XC_OK);
    assert_int_equal(match[0], 1);
    assert_int_equal(match[1], 2);
    assert_int_equal(match[2], -1);
    assert_int_equal(match[3], 5);
    assert_int_equal(match[4], 8);

    /* One to one: the exact match goes first, the next best takes G1. */
    xc_mention_span one[] = {{18, 28}};
    assert_int_equal(xc_align_mentions(gold, 2, one, 1, match), XC_OK);
    assert_int_equal(match[0], -1);
    assert_int_equal(match[1], 0);
    xc_mention_span both[] = {{18, 28}, {0, 28}};
    assert_int_equal(xc_align_mentions(gold, 2, both, 2, match), XC_OK);
    assert_int_equal(match[0], -1); /* {0,28} ends outside G0 */
    assert_int_equal(match[1], 0);
    assert_int_equal(xc_align_mentions(gold, 5, NULL, 0, match), XC_OK);
    for (int i = 0; i < 5; i++)
        assert_int_equal(match[i], -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tokens_and_text),
        cmocka_unit_test(mentions_and_chains),
        cmocka_unit_test(entity_tags),
        cmocka_unit_test(malformed),
        cmocka_unit_test(corpus_and_selection),
        cmocka_unit_test(scores_by_hand),
        cmocka_unit_test(alignment),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
