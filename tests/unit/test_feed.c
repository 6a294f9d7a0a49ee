/* The feed reader: RSS 2.0, RSS 1.0 (RDF) and Atom into items, items into
 * articles, and what it refuses. Every feed here is invented. */
#include <time.h>

#include "test_util.h"

#include "util/buf.h"
#include "web/feed.h"

static xc_feed parse_ok(const char *xml, const char *url)
{
    xc_feed feed;
    xc_error err = {0};
    xc_status st = xc_feed_parse(xml, strlen(xml), url, &feed, &err);
    if (st != XC_OK)
        fail_msg("parse failed: %s", err.message);
    return feed;
}

static const char rss2[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"\n"
    "     xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:atom=\"http://www.w3.org/2005/Atom\"\n"
    "     xmlns:media=\"http://search.yahoo.com/mrss/\">\n"
    "<channel>\n"
    "  <atom:link href=\"https://brightwater.example/feed\" rel=\"self\"/>\n"
    "  <title>The Brightwater Herald</title>\n"
    "  <link>https://brightwater.example/</link>\n"
    "  <language>en-gb</language>\n"
    "  <item>\n"
    "    <media:title>Not this one</media:title>\n"
    "    <title>Harbour &amp; quay reopen &lt;em&gt;after&lt;/em&gt; storm</title>\n"
    "    <link>/2026/03/harbour</link>\n"
    "    <guid isPermaLink=\"false\">bw-harbour-2026</guid>\n"
    "    <pubDate>Tue, 03 Mar 2026 09:15:00 GMT</pubDate>\n"
    "    <description><![CDATA[<p>The harbour <b>reopened</b> on Tuesday.</p><p>Boats are back.</p>]]></description>\n"
    "    <dc:creator>Ada Lintott</dc:creator>\n"
    "  </item>\n"
    "  <item>\n"
    "    <title>Ferry timetable changes</title>\n"
    "    <guid>https://brightwater.example/2026/03/ferry</guid>\n"
    "    <dc:date>2026-03-04T10:00:00+01:00</dc:date>\n"
    "    <description>A short &lt;i&gt;summary&lt;/i&gt;.</description>\n"
    "    <content:encoded><![CDATA[<p>The ferry company said the winter timetable runs on.</p>"
    "<script>var x = 1;</script><p>Passengers&nbsp;should check<br>the board.</p>]]></content:encoded>\n"
    "  </item>\n"
    "  <item>\n"
    "    <description>No title here, only a summary of the council vote on the new bridge.</description>\n"
    "  </item>\n"
    "  <item>\n"
    "    <link>https://brightwater.example/only-a-link</link>\n"
    "  </item>\n"
    "</channel>\n"
    "</rss>\n";

static void rss2_items(void **state)
{
    (void)state;
    xc_feed feed = parse_ok(rss2, "https://brightwater.example/feed");
    assert_int_equal(feed.kind, XC_FEED_RSS2);
    assert_string_equal(feed.title, "The Brightwater Herald");
    assert_string_equal(feed.link, "https://brightwater.example/");
    assert_string_equal(feed.language, "en-gb");
    assert_string_equal(feed.problem, "");
    assert_int_equal(feed.count, 4);

    const xc_feed_item *a = &feed.items[0];
    assert_string_equal(a->title, "Harbour & quay reopen after storm");
    assert_string_equal(a->link, "https://brightwater.example/2026/03/harbour"); /* resolved */
    assert_string_equal(a->id, "bw-harbour-2026");
    assert_string_equal(a->published, "Tue, 03 Mar 2026 09:15:00 GMT");
    assert_string_equal(a->summary, "The harbour reopened on Tuesday.\n\nBoats are back.");
    assert_null(a->content);
    assert_string_equal(a->author, "Ada Lintott");
    assert_int_equal(a->line, 10);
    assert_false(xc_feed_item_is_full(a));

    const xc_feed_item *b = &feed.items[1];
    assert_string_equal(b->link, "https://brightwater.example/2026/03/ferry"); /* from the guid */
    assert_string_equal(b->published, "2026-03-04T10:00:00+01:00");
    assert_string_equal(b->summary, "A short summary.");
    /* the undeclared &nbsp; inside CDATA is HTML's: a space */
    assert_string_equal(b->content,
                        "The ferry company said the winter timetable runs on.\n\nPassengers should check\nthe board.");
    assert_true(xc_feed_item_is_full(b));
    xc_feed_free(&feed);
}

static void rss2_articles(void **state)
{
    (void)state;
    xc_feed feed = parse_ok(rss2, "https://brightwater.example/feed");
    xc_article_in a;
    xc_error err = {0};

    /* partial: title + summary + link, flagged */
    assert_int_equal(xc_feed_item_article(&feed, &feed.items[0], "bw.rss", NULL, 0, &a, &err), XC_OK);
    assert_string_equal(a.id, "bw-harbour-2026");
    assert_string_equal(a.title, "Harbour & quay reopen after storm");
    assert_string_equal(a.text, "Harbour & quay reopen after storm\n\nThe harbour reopened on Tuesday.\n\n"
                                "Boats are back.\n\nhttps://brightwater.example/2026/03/harbour");
    assert_string_equal(a.source, "The Brightwater Herald");
    assert_string_equal(a.url, "https://brightwater.example/2026/03/harbour");
    assert_int_equal(a.published.precision, XC_DATE_SECOND);
    char iso[40];
    xc_date_format(&a.published, iso, sizeof iso);
    assert_string_equal(iso, "2026-03-03T09:15:00Z");
    assert_string_equal(a.extra_json,
                        "{\"partial\":true,\"feed\":\"bw.rss\",\"author\":\"Ada Lintott\",\"language\":\"en-gb\"}");
    assert_int_equal(a.line, 10);
    assert_int_equal(a.body_offset, -1);
    assert_string_equal(a.warning, "");
    xc_article_in_free(&a);

    /* full content: the text is the content */
    assert_int_equal(xc_feed_item_article(&feed, &feed.items[1], "bw.rss", NULL, 0, &a, &err), XC_OK);
    assert_string_equal(a.id, "https://brightwater.example/2026/03/ferry");
    assert_true(strncmp(a.text, "The ferry company said", 22) == 0);
    assert_string_equal(a.extra_json, "{\"feed\":\"bw.rss\",\"language\":\"en-gb\"}");
    xc_date_format(&a.published, iso, sizeof iso);
    assert_string_equal(iso, "2026-03-04T09:00:00Z");
    xc_article_in_free(&a);

    /* no title: one from the text; no guid or link: an id from the content */
    assert_int_equal(xc_feed_item_article(&feed, &feed.items[2], "bw.rss", NULL, 0, &a, &err), XC_OK);
    assert_true(a.title_from_text);
    assert_string_equal(a.title, "No title here, only a summary of the council vote on the new bridge.");
    assert_int_equal(strlen(a.id), 17);
    assert_int_equal(a.id[0], 'h');
    assert_int_equal(a.published.precision, XC_DATE_NONE);
    xc_article_in_free(&a);

    /* only a link: nothing to read */
    assert_int_equal(xc_feed_item_article(&feed, &feed.items[3], "bw.rss", NULL, 0, &a, &err), XC_ERR_EMPTY);
    assert_non_null(strstr(err.message, "no title, summary or content"));

    /* a partial item with its page's text */
    const char page[] = "The harbour at Brightwater reopened on Tuesday after the storm.";
    assert_int_equal(xc_feed_item_article(&feed, &feed.items[0], "bw.rss", page, strlen(page), &a, &err), XC_OK);
    assert_string_equal(a.text, page);
    assert_non_null(strstr(a.extra_json, "\"text_from\":\"page\""));
    assert_null(strstr(a.extra_json, "partial"));
    assert_string_equal(a.id, "bw-harbour-2026"); /* the same article, now whole */
    xc_article_in_free(&a);
    xc_feed_free(&feed);
}

static const char atom[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"de\" xml:base=\"https://calder.example/\">\n"
    "  <title type=\"html\">The Calder &lt;b&gt;Gazette&lt;/b&gt;</title>\n"
    "  <link rel=\"self\" href=\"https://calder.example/atom.xml\"/>\n"
    "  <link href=\"https://calder.example/\"/>\n"
    "  <id>urn:calder:feed</id>\n"
    "  <entry>\n"
    "    <title>Train derails near Holloway</title>\n"
    "    <link rel=\"self\" href=\"https://calder.example/api/1\"/>\n"
    "    <link rel=\"alternate\" type=\"text/html\" href=\"news/train\"/>\n"
    "    <id>urn:calder:train-1</id>\n"
    "    <updated>2026-03-05T12:00:00Z</updated>\n"
    "    <published>2026-03-04T18:30:00+00:00</published>\n"
    "    <author><name>Ivo Brant</name></author>\n"
    "    <summary>Four dead.</summary>\n"
    "    <content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
    "<p>Four people died when a <em>regional</em> train left the tracks.</p>"
    "<ul><li>one</li><li>two</li></ul></div></content>\n"
    "  </entry>\n"
    "  <entry>\n"
    "    <title type=\"text\">Plain &lt;tag&gt; stays</title>\n"
    "    <id>urn:calder:2</id>\n"
    "    <updated>2026-03-06</updated>\n"
    "    <summary type=\"html\">&lt;p&gt;Only &amp;amp; a summary&lt;/p&gt;</summary>\n"
    "    <content type=\"video/mp4\" src=\"https://calder.example/v.mp4\"/>\n"
    "  </entry>\n"
    "</feed>\n";

static void atom_entries(void **state)
{
    (void)state;
    xc_feed feed = parse_ok(atom, NULL);
    assert_int_equal(feed.kind, XC_FEED_ATOM);
    assert_string_equal(feed.title, "The Calder Gazette");
    assert_string_equal(feed.link, "https://calder.example/");
    assert_string_equal(feed.language, "de");
    assert_int_equal(feed.count, 2);
    const xc_feed_item *a = &feed.items[0];
    assert_string_equal(a->title, "Train derails near Holloway");
    assert_string_equal(a->link, "https://calder.example/news/train"); /* xml:base */
    assert_string_equal(a->id, "urn:calder:train-1");
    assert_string_equal(a->published, "2026-03-04T18:30:00+00:00"); /* published before updated */
    assert_string_equal(a->author, "Ivo Brant");
    assert_string_equal(a->content, "Four people died when a regional train left the tracks.\n\none\n\ntwo");
    assert_true(xc_feed_item_is_full(a));

    const xc_feed_item *b = &feed.items[1];
    assert_string_equal(b->title, "Plain <tag> stays");
    assert_string_equal(b->published, "2026-03-06");
    assert_string_equal(b->summary, "Only & a summary");
    assert_null(b->content); /* out of line: not the text */
    assert_false(xc_feed_item_is_full(b));

    xc_article_in art;
    xc_error err = {0};
    assert_int_equal(xc_feed_item_article(&feed, b, "calder.atom", NULL, 0, &art, &err), XC_OK);
    assert_string_equal(art.text, "Plain <tag> stays\n\nOnly & a summary");
    assert_string_equal(art.extra_json, "{\"partial\":true,\"feed\":\"calder.atom\",\"language\":\"de\"}");
    assert_int_equal(art.published.precision, XC_DATE_DAY);
    xc_article_in_free(&art);
    xc_feed_free(&feed);
}

static const char rdf[] =
    "<?xml version=\"1.0\"?>\n"
    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"\n"
    "         xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
    "  <channel rdf:about=\"https://osprey.example/\">\n"
    "    <title>Radio Osprey</title>\n"
    "    <link>https://osprey.example/</link>\n"
    "    <dc:language>en</dc:language>\n"
    "  </channel>\n"
    "  <item rdf:about=\"https://osprey.example/toll\">\n"
    "    <title>Death toll rises to 27</title>\n"
    "    <description>The captain was detained.</description>\n"
    "    <dc:date>2026-02-20</dc:date>\n"
    "    <dc:creator>Newsdesk</dc:creator>\n"
    "  </item>\n"
    "</rdf:RDF>\n";

static void rdf_items(void **state)
{
    (void)state;
    xc_feed feed = parse_ok(rdf, NULL);
    assert_int_equal(feed.kind, XC_FEED_RSS1);
    assert_string_equal(feed.title, "Radio Osprey");
    assert_string_equal(feed.language, "en");
    assert_int_equal(feed.count, 1);
    assert_string_equal(feed.items[0].id, "https://osprey.example/toll");
    assert_null(feed.items[0].link);
    assert_string_equal(feed.items[0].published, "2026-02-20");
    assert_string_equal(feed.items[0].author, "Newsdesk");
    xc_feed_free(&feed);
}

static void latin1_feed(void **state)
{
    (void)state;
    const char xml[] = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><title>Caf\xe9 Wire</title>"
                       "<item><title>Cr\xe8me</title><description>d\xe9j\xe0 vu</description></item>"
                       "</channel></rss>";
    xc_feed feed = parse_ok(xml, NULL);
    assert_string_equal(feed.title, "Caf\xc3\xa9 Wire");
    assert_string_equal(feed.items[0].title, "Cr\xc3\xa8me");
    assert_string_equal(feed.items[0].summary, "d\xc3\xa9j\xc3\xa0 vu");
    xc_feed_free(&feed);

    /* No declaration that counts (found by fuzz_feed): whatever libxml2
     * passes through, the fields are valid UTF-8. */
    const char undeclared[] = "<?xm# version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><title>Caf\xe9</title>"
                              "<item><title>Cr\xe8me</title></item></channel></rss>";
    feed = parse_ok(undeclared, NULL);
    assert_true(xc_utf8_valid(feed.title, strlen(feed.title), NULL));
    assert_int_equal(feed.count, 1);
    assert_true(xc_utf8_valid(feed.items[0].title, strlen(feed.items[0].title), NULL));
    xc_feed_free(&feed);
}

static void refused(void **state)
{
    (void)state;
    xc_feed feed;
    xc_error err = {0};
    const char html[] = "<!DOCTYPE html><html><body><p>a page</p></body></html>";
    assert_int_equal(xc_feed_parse(html, strlen(html), NULL, &feed, &err), XC_ERR_FORMAT);
    assert_non_null(strstr(err.message, "not an RSS or Atom feed: the root element is <html>"));
    assert_int_equal(feed.count, 0);

    const char garbage[] = "}{ this is not XML at all";
    assert_int_equal(xc_feed_parse(garbage, strlen(garbage), NULL, &feed, &err), XC_ERR_FORMAT);
    assert_non_null(strstr(err.message, "not XML"));

    const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    assert_int_equal(xc_feed_parse(png, sizeof png - 1, NULL, &feed, &err), XC_ERR_BINARY);
    assert_non_null(strstr(err.message, "NUL byte at offset 8"));

    assert_int_equal(xc_feed_parse(" \n", 2, NULL, &feed, &err), XC_ERR_EMPTY);
    xc_feed_free(&feed);
}

static void truncated_feed_keeps_whole_items(void **state)
{
    (void)state;
    const char xml[] = "<rss><channel><title>Eastmarch Daily</title>\n"
                       "<item><title>First</title><description>One.</description></item>\n"
                       "<item><title>Second</title><description>Two, cut sh";
    xc_feed feed = parse_ok(xml, NULL);
    assert_true(feed.problem[0] != '\0');
    assert_int_equal(feed.problem_line, 3);
    assert_true(feed.count >= 1);
    assert_string_equal(feed.items[0].title, "First");
    xc_feed_free(&feed);
}

/* Entities declared in the feed are neither expanded by libxml2 (no
 * XML_PARSE_NOENT) nor by the reader: a billion laughs costs nothing. */
static void entity_bomb(void **state)
{
    (void)state;
    xc_buf xml = {0};
    xc_buf_puts(&xml, "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY l0 \"lollollollollol\">");
    for (int i = 1; i <= 12; i++) {
        xc_buf_printf(&xml, "<!ENTITY l%d \"", i);
        for (int k = 0; k < 10; k++)
            xc_buf_printf(&xml, "&l%d;", i - 1);
        xc_buf_puts(&xml, "\">");
    }
    xc_buf_puts(&xml, "]><rss><channel><title>T</title><item><title>Boom &l12;</title>"
                      "<description>&l12;&l12;</description></item></channel></rss>");
    clock_t start = clock();
    xc_feed feed;
    xc_error err = {0};
    xc_status st = xc_feed_parse(xml.data, xml.len, NULL, &feed, &err);
    double seconds = (double)(clock() - start) / CLOCKS_PER_SEC;
    assert_true(seconds < 2.0);
    if (st == XC_OK) {
        for (size_t i = 0; i < feed.count; i++) {
            assert_true(!feed.items[i].title || strlen(feed.items[i].title) < 1000);
            assert_true(!feed.items[i].summary || strlen(feed.items[i].summary) < 1000);
        }
        xc_feed_free(&feed);
    }
    xc_buf_free(&xml);
}

static void sniffing(void **state)
{
    (void)state;
    static const char *const feeds[] = {
        "<rss version=\"2.0\">",
        "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- a comment -->\n<feed xmlns=\"http://www.w3.org/2005/Atom\">",
        "<?xml version=\"1.0\"?><!DOCTYPE rdf:RDF [<!ENTITY a \"b>\">]><rdf:RDF xmlns:rdf=\"x\">",
        "  <?xml-stylesheet href=\"s.xsl\"?><rss>",
    };
    static const char *const others[] = {
        "<html><body>", "<?xml version=\"1.0\"?><TimeML>", "<feeds>", "plain text", "<rs", "",
        "<?xml version=\"1.0\"?><!-- unterminated",
    };
    for (size_t i = 0; i < sizeof feeds / sizeof *feeds; i++)
        assert_true(xc_feed_sniff(feeds[i], strlen(feeds[i])));
    for (size_t i = 0; i < sizeof others / sizeof *others; i++)
        assert_false(xc_feed_sniff(others[i], strlen(others[i])));
    assert_true(xc_feed_file_name("a/b/news.RSS"));
    assert_true(xc_feed_file_name("x.atom"));
    assert_false(xc_feed_file_name("x.xml"));
}

static void full_or_partial(void **state)
{
    (void)state;
    char long_text[700];
    memset(long_text, 'a', sizeof long_text - 1);
    long_text[sizeof long_text - 1] = '\0';
    xc_feed_item item = {.summary = long_text, .content = long_text};
    assert_true(xc_feed_item_is_full(&item)); /* 500 characters or more */
    item.content = "short";
    item.summary = "shorter";
    assert_false(xc_feed_item_is_full(&item)); /* not longer than the summary */
    item.summary = "tiny";
    assert_true(xc_feed_item_is_full(&item));
    item.summary = NULL;
    item.content = NULL;
    assert_false(xc_feed_item_is_full(&item));
}

static void feed_dates(void **state)
{
    (void)state;
    static const struct {
        const char *raw, *iso;
    } cases[] = {
        {"Tue, 11 Mar 2025 17:02:00 GMT", "2025-03-11T17:02:00Z"},
        {"Tue, 11 Mar 2025 17:02:00 +0000 (UTC)", "2025-03-11T17:02:00Z"},
        {"Tue, 11 Mar 25 17:02 EST", "2025-03-11T22:02:00Z"},
        {"11 Mar 2025 17:02:00 -0500", "2025-03-11T22:02:00Z"},
        {"2025-03-11T17:02:00.250+01:00", "2025-03-11T16:02:00Z"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        xc_date d;
        char iso[40];
        assert_true(xc_date_parse(cases[i].raw, strlen(cases[i].raw), &d));
        xc_date_format(&d, iso, sizeof iso);
        assert_string_equal(iso, cases[i].iso);
    }
    xc_date d;
    assert_false(xc_date_parse("11 Mar 25", 9, &d)); /* a two-digit year needs its time */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rss2_items),
        cmocka_unit_test(rss2_articles),
        cmocka_unit_test(atom_entries),
        cmocka_unit_test(rdf_items),
        cmocka_unit_test(latin1_feed),
        cmocka_unit_test(refused),
        cmocka_unit_test(truncated_feed_keeps_whole_items),
        cmocka_unit_test(entity_bomb),
        cmocka_unit_test(sniffing),
        cmocka_unit_test(full_or_partial),
        cmocka_unit_test(feed_dates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
