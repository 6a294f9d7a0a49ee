/* Web pages: charset conversion, main text, metadata, gzip, hostile input. */
#include "test_util.h"

#include <zlib.h>

#include "util/buf.h"
#include "util/gzip.h"
#include "web/charset.h"
#include "web/html_meta.h"
#include "web/page.h"

static const char article_page[] =
    "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
    "<title>Harbour bridge reopens after storm | The Coastal Gazette</title>"
    "<meta property=\"og:site_name\" content=\"The Coastal Gazette\">"
    "<meta name=\"author\" content=\"Mara Velden\">"
    "<meta name=\"description\" content=\"The bridge is open again.\">"
    "<link rel=\"canonical\" href=\"https://gazette.example/news/2031/04/29/bridge\">"
    "<script>var tracking = 'never text';</script><style>p{color:red}</style></head><body>"
    "<header class=\"site-header\"><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> "
    "<a href=\"/sport\">Sport</a></nav></header>"
    "<div class=\"cookie-banner\">We use cookies to improve your experience on this site.</div>"
    "<main><article><h1>Harbour bridge reopens after storm</h1>"
    "<p class=\"dateline\">29 April 2031</p>"
    "<p>The harbour bridge reopened on Tuesday morning after engineers spent three days "
    "checking cables that were <b>damaged</b> by the storm, the city council said.</p>"
    "<p>Traffic was light at first, but by noon the queues had returned to the usual length, "
    "and commuters said they were relieved to avoid the long detour through the hills.</p>"
    "<div class=\"share-bar\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Tweet this</a></div>"
    "<p>The council said the repairs would cost about 2.4 million euros, which the regional "
    "government has agreed to cover from its emergency fund.</p>"
    "</article>"
    "<section class=\"related-articles\"><h2>Related stories</h2><ul>"
    "<li><a href=\"/a\">Storm closes schools across the region for a week</a></li>"
    "<li><a href=\"/b\">Ferries cancelled as winds reach record speeds</a></li></ul></section>"
    "<div id=\"comments\"><p>What a mess this storm was, I waited for hours in the queue!</p></div>"
    "</main><footer>Copyright The Coastal Gazette. All rights reserved. Imprint and privacy.</footer>"
    "</body></html>";

static xc_page extract_ok(const char *html, size_t len, const char *url)
{
    xc_page page;
    xc_error err = {0};
    xc_html_options options = {.url = url};
    assert_int_equal(xc_html_extract(html, len, &options, &page, &err), XC_OK);
    assert_non_null(page.text);
    assert_int_equal(strlen(page.text), page.text_len);
    return page;
}

static void test_main_text_without_furniture(void **state)
{
    (void)state;
    xc_page page = extract_ok(article_page, strlen(article_page), NULL);
    assert_non_null(strstr(page.text, "cables that were damaged by the storm"));
    assert_non_null(strstr(page.text, "long detour through the hills"));
    assert_non_null(strstr(page.text, "emergency fund."));
    /* paragraphs stay apart */
    assert_non_null(strstr(page.text, "council said.\n\nTraffic"));
    static const char *const absent[] = {"Home", "cookies", "Share on Facebook", "Storm closes schools",
                                         "waited for hours", "Copyright", "never text", "color:red",
                                         "29 April 2031"};
    for (size_t i = 0; i < sizeof absent / sizeof *absent; i++)
        if (strstr(page.text, absent[i]))
            fail_msg("\"%s\" in the main text:\n%s", absent[i], page.text);
    xc_page_free(&page);
}

static void test_metadata(void **state)
{
    (void)state;
    xc_page page = extract_ok(article_page, strlen(article_page), NULL);
    assert_string_equal(page.title, "Harbour bridge reopens after storm");
    assert_string_equal(page.source, "The Coastal Gazette");
    assert_string_equal(page.author, "Mara Velden");
    assert_string_equal(page.url, "https://gazette.example/news/2031/04/29/bridge");
    assert_string_equal(page.published, "2031-04-29"); /* from the canonical URL */
    assert_string_equal(page.lang, "en-GB");
    assert_string_equal(page.description, "The bridge is open again.");
    assert_string_equal(page.charset, "utf-8");
    xc_page_free(&page);

    static const char ld[] =
        "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
        "\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"x\"},{\"@type\":\"NewsArticle\","
        "\"headline\":\"Valley dam holds\",\"datePublished\":\"2031-05-02T08:15:00+02:00\","
        "\"author\":[{\"@type\":\"Person\",\"name\":\"Ana Ruiz\"},{\"name\":\"Tom Berg\"}],"
        "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Valley Post\"}}]}</script>"
        "<meta property=\"og:title\" content=\"Open Graph title\"></head><body><p>The valley dam "
        "held through the night as the river rose to its highest level in forty years, officials said "
        "on Friday morning.</p><time datetime=\"2020-01-01\">old</time></body></html>";
    page = extract_ok(ld, sizeof ld - 1, "https://valley.example/2019/01/01/x");
    assert_string_equal(page.title, "Open Graph title");
    assert_string_equal(page.published, "2031-05-02T06:15:00Z"); /* JSON-LD before <time> and the URL */
    assert_string_equal(page.author, "Ana Ruiz, Tom Berg");
    assert_string_equal(page.source, "Valley Post");
    assert_string_equal(page.url, "https://valley.example/2019/01/01/x");
    xc_page_free(&page);

    static const char bare[] = "<html><head><title>Plain</title></head><body><p>A page with no "
                               "metadata at all but a paragraph long enough to count as main text "
                               "of the page, surely.</p><time datetime=\"2031-06-07\">7 June</time>"
                               "</body></html>";
    page = extract_ok(bare, sizeof bare - 1, "https://www.Example.org/path");
    assert_string_equal(page.title, "Plain");
    assert_string_equal(page.source, "example.org"); /* the site from the URL */
    assert_string_equal(page.published, "2031-06-07");
    xc_page_free(&page);
}

static void test_url_helpers(void **state)
{
    (void)state;
    char d[11];
    assert_true(xc_url_date("https://x.example/2025/03/11/talks", d));
    assert_string_equal(d, "2025-03-11");
    assert_true(xc_url_date("https://x.example/news/20250311/talks", d));
    assert_string_equal(d, "2025-03-11");
    assert_true(xc_url_date("https://x.example/a/2025-03-11-talks.html", d));
    assert_false(xc_url_date("https://x.example/id/123456789012", d));
    assert_false(xc_url_date("https://x.example/2025/13/40/", d));
    assert_false(xc_url_date("https://x.example/a-2025", d)); /* cut short: never read past the end */
    assert_false(xc_url_date("https://x.example/2025/03", d));
    char *site = xc_url_site("http://user@WWW.News.example:8080/x");
    assert_string_equal(site, "news.example");
    free(site);
}

static void test_charsets(void **state)
{
    (void)state;
    char *out;
    size_t len;
    char used[32];
    /* windows-1252 bytes declared as UTF-8: read as windows-1252 */
    const char wrong[] = "<meta charset=\"utf-8\"><p>M\xfcller sagt \x93Nein\x94 \x80 5</p>";
    assert_int_equal(xc_to_utf8(wrong, sizeof wrong - 1, NULL, &out, &len, used, sizeof used), XC_OK);
    assert_non_null(strstr(out, "Müller sagt “Nein” € 5"));
    assert_string_equal(used, "windows-1252");
    free(out);
    /* Latin-1 declared, Latin-1 bytes */
    const char latin[] = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
                         "<p>Gr\xfc\xdf""e</p>";
    assert_int_equal(xc_to_utf8(latin, sizeof latin - 1, NULL, &out, &len, used, sizeof used), XC_OK);
    assert_non_null(strstr(out, "Grüße"));
    free(out);
    /* UTF-8 declared as Latin-1: stays UTF-8 */
    const char utf8[] = "<meta charset=\"iso-8859-1\"><p>Grüße</p>";
    assert_int_equal(xc_to_utf8(utf8, sizeof utf8 - 1, NULL, &out, &len, used, sizeof used), XC_OK);
    assert_non_null(strstr(out, "Grüße"));
    assert_string_equal(used, "utf-8");
    free(out);
    /* the HTTP header wins over the page; an unknown name falls back to the bytes */
    assert_int_equal(xc_to_utf8(latin, sizeof latin - 1, "no-such-charset", &out, &len, used, sizeof used),
                     XC_OK);
    assert_non_null(strstr(out, "Grüße"));
    free(out);
    /* UTF-16 with a byte-order mark */
    const char u16[] = "\xff\xfe<\0p\0>\0\xfc\0<\0/\0p\0>\0";
    assert_int_equal(xc_to_utf8(u16, sizeof u16 - 1, NULL, &out, &len, used, sizeof used), XC_OK);
    assert_string_equal(out, "<p>ü</p>");
    free(out);
    /* a script's charset says how the script is encoded, not the page */
    const char gb[] = "<script src=\"a.js\" charset=\"utf-8\"></script><meta charset=\"gb2312\">"
                      "<p>\xd6\xd0\xce\xc4</p>";
    assert_int_equal(xc_to_utf8(gb, sizeof gb - 1, NULL, &out, &len, used, sizeof used), XC_OK);
    assert_non_null(strstr(out, "<p>中文</p>"));
    free(out);
    char cs[32];
    assert_true(xc_charset_from_content_type("text/html; charset=\"Shift_JIS\"", cs, sizeof cs));
    assert_string_equal(cs, "Shift_JIS");
    assert_false(xc_charset_from_content_type("text/html", cs, sizeof cs));
}

static void test_windows_1252_page(void **state)
{
    (void)state;
    const char page_bytes[] =
        "<html><head><meta charset=\"utf-8\"></head><body><p>Die Stra\xdf""e in M\xfcnchen war am "
        "Montag wegen Bauarbeiten gesperrt, sagte die Stadtverwaltung gegen\xfc""ber der Zeitung.</p>"
        "</body></html>";
    xc_page page = extract_ok(page_bytes, sizeof page_bytes - 1, NULL);
    assert_non_null(strstr(page.text, "Die Straße in München"));
    assert_string_equal(page.charset, "windows-1252");
    xc_page_free(&page);
}

static void test_hostile_input(void **state)
{
    (void)state;
    xc_page page;
    xc_error err = {0};
    const char binary[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    assert_int_equal(xc_html_extract(binary, sizeof binary - 1, NULL, &page, &err), XC_ERR_BINARY);
    assert_non_null(strstr(err.message, "binary"));
    xc_page_free(&page);
    const char empty[] = "<html><body><nav><a href=/>Home</a></nav></body></html>";
    assert_int_equal(xc_html_extract(empty, sizeof empty - 1, NULL, &page, &err), XC_ERR_EMPTY);
    xc_page_free(&page);
    assert_int_equal(xc_html_extract("", 0, NULL, &page, &err), XC_ERR_EMPTY);
    xc_page_free(&page);

    /* 100,000 nested elements: the parser and the walks stop at a depth */
    xc_buf deep = {0};
    for (int i = 0; i < 100000; i++)
        xc_buf_puts(&deep, "<div>");
    xc_buf_puts(&deep, "<p>Deep text that is long enough to be a paragraph of its own, surely.</p>");
    xc_status st = xc_html_extract(deep.data, deep.len, NULL, &page, &err);
    assert_true(st == XC_OK || st == XC_ERR_EMPTY);
    xc_page_free(&page);
    xc_buf_free(&deep);

    /* truncated in the middle of a tag: what came before is kept */
    const char cut[] = "<html><body><p>The first paragraph survived the cut and is long enough "
                       "to be kept as the text of the page.</p><p class=\"x";
    page = extract_ok(cut, sizeof cut - 1, NULL);
    assert_non_null(strstr(page.text, "first paragraph survived"));
    xc_page_free(&page);
}

/* The article's own header holds its headline and lead: kept, while the
 * page's header (navigation, logo) goes. */
static void test_article_header_kept(void **state)
{
    (void)state;
    static const char html[] =
        "<html><body><header class=\"site-header\"><a href=\"/\">Valley Post</a> "
        "<a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></header>"
        "<article><header class=\"entry-header\"><h1>Ferry timetable changes in May</h1>"
        "<p class=\"lead\">Two morning crossings are dropped and an evening one is added, "
        "the operator said, after a survey of passengers over the winter.</p></header>"
        "<p>The first ferry will now leave at seven instead of six, which commuters had asked for "
        "because the early boat was nearly empty on most days of the week.</p>"
        "<p>Tickets bought before the change stay valid, and season passes are not affected by "
        "the new timetable, according to the notice published on Friday.</p></article>"
        "</body></html>";
    xc_page page = extract_ok(html, sizeof html - 1, NULL);
    assert_non_null(strstr(page.text, "evening one is added"));
    assert_non_null(strstr(page.text, "early boat was nearly empty"));
    assert_null(strstr(page.text, "Sport"));
    xc_page_free(&page);
}

/* A shop's order form holds the product's description: kept; a search
 * form is not. */
static void test_form_with_text(void **state)
{
    (void)state;
    static const char html[] =
        "<html><body><form class=\"search\"><label>Search the shop</label><input name=q></form>"
        "<form class=\"product\" action=\"/cart\"><h1>Wool blanket</h1>"
        "<p>This blanket is woven from the wool of sheep that graze on the hills above the "
        "village, washed by hand and dyed with plants from the garden behind the workshop.</p>"
        "<p>It measures one metre fifty by two metres, weighs a little under two kilos and keeps "
        "its shape after years of use if it is aired now and then instead of washed.</p>"
        "<p>Every blanket is a little different, because the wool changes with the seasons and "
        "the dye takes differently on each batch, so no two are ever quite the same colour.</p>"
        "<p>Delivery takes three to five days; the blanket comes folded in a cotton bag that can "
        "be used to store it in summer, with a card telling which farm the wool came from.</p>"
        "<input type=submit value=\"Add to cart\"></form><div class=\"story\">"
        "<p>Our workshop was founded by two sisters who learned weaving from their grandmother and "
        "wanted to keep the old looms in the barn running after she retired from the craft.</p>"
        "<p>Today six weavers work there, and visitors can watch them on Saturdays, when the barn "
        "is open and coffee is served in the yard if the weather allows it.</p>"
        "<p>We buy the wool from four farms in the valley and pay a fair price for it, which lets "
        "the farmers keep old breeds that give less wool but cope well with the cold.</p>"
        "<p>Each year we train one apprentice, who spends three years learning to spin, dye and "
        "weave before making a first blanket of their own design for the shop.</p>"
        "<p>In winter the workshop closes for a month, and the weavers mend the looms, sort the "
        "new wool by colour and plan the patterns for the coming year together.</p></div>"
        "</body></html>";
    xc_page page = extract_ok(html, sizeof html - 1, NULL);
    assert_non_null(strstr(page.text, "graze on the hills"));
    assert_non_null(strstr(page.text, "no two are ever quite the same"));
    assert_null(strstr(page.text, "Search the shop"));
    xc_page_free(&page);
}

/* Short list items inside the article's container are its content (a
 * recipe's ingredients), even with no long paragraph after them. */
static void test_items_in_container(void **state)
{
    (void)state;
    static const char html[] =
        "<html><body><article class=\"recipe\"><h1>Plum cake</h1>"
        "<p>This plum cake is what my grandmother baked every September, when the trees in her "
        "garden were so full that the branches had to be propped up with poles.</p>"
        "<p>Bake it in a square tin for about forty minutes, until the dough is golden and the "
        "plums have sunk a little and released their juice, then let it cool.</p>"
        "<h2>Ingredients</h2><ul><li>1 kg plums</li><li>250 g flour</li><li>2 eggs</li>"
        "<li>100 g butter</li></ul></article>"
        "<div class=\"links\"><a href=\"/a\">Apple pie</a> <a href=\"/b\">Cherry tart</a> "
        "<a href=\"/c\">Pear crumble</a></div></body></html>";
    xc_page page = extract_ok(html, sizeof html - 1, NULL);
    assert_non_null(strstr(page.text, "grandmother baked"));
    assert_non_null(strstr(page.text, "250 g flour"));
    assert_non_null(strstr(page.text, "100 g butter"));
    assert_null(strstr(page.text, "Cherry tart"));
    xc_page_free(&page);
}

/* Outside the article's container a block must be longer to count: a
 * boxed one-liner beside the article is not its text. */
static void test_short_block_outside_container(void **state)
{
    (void)state;
    static const char html[] =
        "<html><body><div class=\"box\"><p>Our office is open from Monday to Friday, nine to five.</p>"
        "</div><article><p>The museum reopened its east wing on Saturday after two years of "
        "renovation, with new lighting and a lift for visitors who cannot use the stairs.</p>"
        "<p>The collection of clocks, which had been stored in the cellar, is on show again, and "
        "a workshop lets children take an old alarm clock apart and put it back together.</p>"
        "</article></body></html>";
    xc_page page = extract_ok(html, sizeof html - 1, NULL);
    assert_non_null(strstr(page.text, "east wing"));
    assert_non_null(strstr(page.text, "alarm clock"));
    assert_null(strstr(page.text, "Our office is open"));
    xc_page_free(&page);
}

/* A related-posts list with long excerpts holds more text than the short
 * article above it, and is still not the page's wrapper. */
static void test_related_list_with_excerpts(void **state)
{
    (void)state;
    static const char html[] =
        "<html><body><div class=\"entry\"><p>The village well was cleaned last week for the first "
        "time in thirty years, and the water is clear again, the volunteers reported.</p>"
        "<p>They found coins, a bicycle bell and a stone with a date carved into it, which the "
        "local museum has asked to keep for its summer exhibition.</p>"
        "<ul class=\"related-posts\"><li><a href=\"/1\">Old mill</a> <small>The old mill by the river "
        "was built in the eighteenth century and ground flour for three villages until the war "
        "ended its work for good.</small></li>"
        "<li><a href=\"/2\">Chapel roof</a> <small>The chapel roof was repaired with slate from the "
        "quarry up the valley, paid for by a collection among the families of the parish.</small></li>"
        "<li><a href=\"/3\">School garden</a> <small>Children planted beans, pumpkins and sunflowers "
        "in the school garden this spring and will sell the harvest at the autumn fair.</small></li>"
        "</ul></div></body></html>";
    xc_page page = extract_ok(html, sizeof html - 1, NULL);
    assert_non_null(strstr(page.text, "village well"));
    assert_non_null(strstr(page.text, "summer exhibition"));
    assert_null(strstr(page.text, "eighteenth century"));
    assert_null(strstr(page.text, "slate from the quarry"));
    xc_page_free(&page);
}

/* A page builder wraps every part of the page in a "widget": together they
 * hold the text, so they are the page's units, not furniture; a short
 * sidebar widget still goes. */
static void test_page_builder_widgets(void **state)
{
    (void)state;
    static const char html[] =
        "<html><body><div class=\"pb-section\">"
        "<div class=\"pb-widget pb-widget-heading\"><h2>About the choir</h2></div>"
        "<div class=\"pb-widget pb-widget-text\"><p>The choir was founded in 1982 by six "
        "teachers from the village school and now has forty members of all ages.</p></div>"
        "<div class=\"pb-widget pb-widget-text\"><p>We rehearse every Wednesday evening in the "
        "parish hall and sing at two concerts a year, in spring and before Christmas.</p></div>"
        "<div class=\"pb-widget pb-widget-text\"><p>New singers are welcome at any time; no "
        "audition is needed, and the first three rehearsals are free of charge.</p></div></div>"
        "<div class=\"sidebar-box widget\"><a href=\"/a\">Archive</a> <a href=\"/b\">Links</a></div>"
        "</body></html>";
    xc_page page = extract_ok(html, sizeof html - 1, NULL);
    assert_non_null(strstr(page.text, "six teachers"));
    assert_non_null(strstr(page.text, "parish hall"));
    assert_non_null(strstr(page.text, "no audition is needed"));
    assert_null(strstr(page.text, "Archive"));
    xc_page_free(&page);
}

/* A lone "teaser-text" with no links is the article's lead; teasers that
 * come as a list are promotions. */
static void test_lead_teaser(void **state)
{
    (void)state;
    static const char html[] =
        "<html><body><div class=\"news-detail\"><h1>New cycle lanes on the ring road</h1>"
        "<div class=\"teaser-text\">The city will paint cycle lanes on both sides of the ring road "
        "this summer, the mayor announced after the council vote on Thursday.</div>"
        "<p>Work starts in June and should take about six weeks, with one lane closed to cars "
        "at night while the paint dries and the new signs go up.</p>"
        "<p>Shop owners along the road had asked for delivery bays to stay, and the plan keeps "
        "them at every second junction, the mayor's office said.</p></div>"
        "<div class=\"more\"><div class=\"item\"><div class=\"teaser\">Bridge repairs will close "
        "the river crossing for two weekends in the autumn, say engineers.</div></div>"
        "<div class=\"item\"><div class=\"teaser\">The summer festival returns to the old harbour "
        "with three stages and a market for local food and crafts.</div></div></div>"
        "</body></html>";
    xc_page page = extract_ok(html, sizeof html - 1, NULL);
    assert_non_null(strstr(page.text, "paint cycle lanes on both sides"));
    assert_non_null(strstr(page.text, "delivery bays"));
    assert_null(strstr(page.text, "Bridge repairs"));
    assert_null(strstr(page.text, "summer festival"));
    xc_page_free(&page);
}

/* Class words that only qualify others: the article's field hides its
 * label, a block hides on phones only or when printed; "visually-hidden"
 * and "print-only" elements are not seen on screen. */
static void test_hidden_and_print_classes(void **state)
{
    (void)state;
    static const char html[] =
        "<html><body><div class=\"layout\"><div class=\"field field--label-hidden\">"
        "<p>The library will stay open until ten in the evening from March onwards, the town "
        "council decided on Monday after a long debate about staff and heating costs.</p></div>"
        "<div class=\"col hidden-xs hide-for-print\"><p>Students had asked for longer hours for "
        "years, and a petition with four thousand signatures was handed in last autumn.</p></div>"
        "<div class=\"visually-hidden\">Skip to the search form and the site map</div>"
        "<div class=\"print-only\">Printed from the town website, all rights reserved</div>"
        "<p>The extra hours will be staffed by two new librarians and by volunteers from the "
        "reading club, who have offered to help on weekday evenings.</p></div></body></html>";
    xc_page page = extract_ok(html, sizeof html - 1, NULL);
    assert_non_null(strstr(page.text, "ten in the evening"));
    assert_non_null(strstr(page.text, "four thousand signatures"));
    assert_non_null(strstr(page.text, "weekday evenings"));
    assert_null(strstr(page.text, "Skip to the search"));
    assert_null(strstr(page.text, "Printed from"));
    xc_page_free(&page);
}

/* Labels of the post in a set describe it ("category-sidebar-tips" is a
 * category, not a sidebar); a lone "author-box" is the author's box; a
 * CSS-module name is read up to its hash; a commentary is no comment. */
static void test_label_classes(void **state)
{
    (void)state;
    static const char html[] =
        "<html><body><div class=\"post type-post status-publish category-sidebar-tips\">"
        "<p>Repotting a cactus is best done in spring, with gloves and a folded newspaper "
        "wrapped around the stem so that the spines do not break off.</p>"
        "<p>Use a pot only a little larger than the old one and a gritty soil that drains well, "
        "then wait a week before watering so that damaged roots can heal.</p></div>"
        "<div class=\"author-box\"><p>Jo Marsh writes about house plants and has killed more "
        "ferns than she would like to admit in a public biography.</p></div>"
        "<p class=\"affiliate-disclaimer\">Links marked with a star earn us a small commission "
        "when you buy something from the shops we link to.</p>"
        "<div class=\"opinion commentary\"><p>In our view the new pot rule is overdue: too many "
        "cacti die of wet roots in pots that are far too big for them.</p></div>"
        "<div class=\"Newsletter__box___3fQx\"><p>Get our weekly letter with new plant tips, "
        "offers from the shop and the best questions from our readers.</p></div></body></html>";
    xc_page page = extract_ok(html, sizeof html - 1, NULL);
    assert_non_null(strstr(page.text, "folded newspaper"));
    assert_non_null(strstr(page.text, "damaged roots can heal"));
    assert_null(strstr(page.text, "ferns"));
    assert_null(strstr(page.text, "weekly letter"));
    assert_non_null(strstr(page.text, "new pot rule is overdue"));
    assert_null(strstr(page.text, "small commission"));
    xc_page_free(&page);
}

/* An element left open in <noscript> swallows the page in libxml2's tree:
 * the text is still found. */
static void test_noscript_left_open(void **state)
{
    (void)state;
    static const char html[] =
        "<html><body><noscript><div id=\"nojs\"></noscript><div id=\"page\"><div class=\"top\">"
        "<a href=\"/\">Home</a> <a href=\"/news\">News</a></div><div class=\"text\">"
        "<h1>Bears counted in the park</h1><p>Rangers counted twenty-one bear cubs in the national "
        "park last year, the highest number since counting began in the nineteen-seventies.</p>"
        "<p>Most of the cubs were seen in the valleys north of the lake, where beech forests give "
        "the animals food and shelter through the autumn and early winter.</p></div>"
        "<div class=\"a\"><span>1</span><span>2</span><span>3</span><span>4</span><span>5</span>"
        "<span>6</span><span>7</span><span>8</span><span>9</span><span>10</span></div></div>"
        "<noscript></div></noscript></body></html>";
    xc_page page = extract_ok(html, sizeof html - 1, NULL);
    assert_non_null(strstr(page.text, "twenty-one bear cubs"));
    assert_non_null(strstr(page.text, "beech forests"));
    xc_page_free(&page);
}

/* A stray NUL byte past the first few kilobytes (a broken banner, say)
 * does not end the page: libxml2 would stop there, browsers go on. */
static void test_nul_byte_in_page(void **state)
{
    (void)state;
    xc_buf html = {0};
    xc_buf_puts(&html, "<html><head><title>Pier</title><style>");
    for (int i = 0; i < 600; i++)
        xc_buf_puts(&html, "p{margin:0}");
    xc_buf_puts(&html, "</style></head><body><div class=\"banner-slot\"><a href=\"/x\"><img src=\"b.gif\">");
    xc_buf_append(&html, "\0\0\0", 3);
    xc_buf_puts(&html, "</a></div><article><p>The old pier was repaired over the winter and "
                       "reopened to walkers on Saturday, the harbour office said.</p>"
                       "<p>Anglers will be allowed back on the far end from next month, once "
                       "the railings have been painted and the lamps replaced.</p></article>"
                       "</body></html>");
    xc_page page = extract_ok(html.data, html.len, NULL);
    assert_non_null(strstr(page.text, "reopened to walkers on Saturday"));
    assert_non_null(strstr(page.text, "lamps replaced."));
    xc_page_free(&page);
    xc_buf_free(&html);
}

static void test_page_to_article(void **state)
{
    (void)state;
    xc_page page = extract_ok(article_page, strlen(article_page), NULL);
    xc_article_in a;
    xc_error err = {0};
    assert_int_equal(xc_page_to_article(&page, NULL, &a, &err), XC_OK);
    assert_non_null(a.id);
    assert_int_equal(a.id[0], 'u'); /* from the URL */
    assert_string_equal(a.title, "Harbour bridge reopens after storm");
    assert_string_equal(a.source, "The Coastal Gazette");
    assert_int_equal(a.published.precision, XC_DATE_DAY);
    assert_non_null(strstr(a.extra_json, "\"author\":\"Mara Velden\""));
    assert_null(page.text); /* moved */
    xc_article_in_free(&a);
}

static void test_gunzip(void **state)
{
    (void)state;
    const char text[] = "a page, compressed twice and concatenated";
    unsigned char member[256];
    z_stream z = {0};
    assert_int_equal(deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
    z.next_in = (unsigned char *)text;
    z.avail_in = sizeof text - 1;
    z.next_out = member;
    z.avail_out = sizeof member;
    assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
    size_t n = sizeof member - z.avail_out;
    deflateEnd(&z);
    unsigned char two[512];
    memcpy(two, member, n);
    memcpy(two + n, member, n);
    assert_true(xc_is_gzip(two, 2 * n));
    char *out;
    size_t len;
    xc_error err = {0};
    assert_int_equal(xc_gunzip(two, 2 * n, 1000, &out, &len, &err), XC_OK);
    assert_int_equal(len, 2 * (sizeof text - 1));
    assert_memory_equal(out, text, sizeof text - 1);
    free(out);
    assert_int_equal(xc_gunzip(two, n - 5, 1000, &out, &len, &err), XC_ERR_FORMAT); /* truncated */
    assert_int_equal(xc_gunzip(two, 2 * n, 10, &out, &len, &err), XC_ERR_TOO_BIG);  /* over the cap */
    unsigned char junk[] = {0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xff, 0xff};
    assert_int_not_equal(xc_gunzip(junk, sizeof junk, 1000, &out, &len, &err), XC_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_main_text_without_furniture),
        cmocka_unit_test(test_metadata),
        cmocka_unit_test(test_url_helpers),
        cmocka_unit_test(test_charsets),
        cmocka_unit_test(test_windows_1252_page),
        cmocka_unit_test(test_hostile_input),
        cmocka_unit_test(test_article_header_kept),
        cmocka_unit_test(test_form_with_text),
        cmocka_unit_test(test_items_in_container),
        cmocka_unit_test(test_short_block_outside_container),
        cmocka_unit_test(test_related_list_with_excerpts),
        cmocka_unit_test(test_page_builder_widgets),
        cmocka_unit_test(test_lead_teaser),
        cmocka_unit_test(test_hidden_and_print_classes),
        cmocka_unit_test(test_label_classes),
        cmocka_unit_test(test_noscript_left_open),
        cmocka_unit_test(test_nul_byte_in_page),
        cmocka_unit_test(test_page_to_article),
        cmocka_unit_test(test_gunzip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
