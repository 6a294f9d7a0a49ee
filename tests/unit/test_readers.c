/* The text and JSON Lines readers, without a store. */
#include "test_util.h"

#include "ingest/readers.h"

static xc_status read_text(const char *data, xc_article_in *a, long *line, xc_error *err)
{
    return xc_read_text("t.txt", "t", data, strlen(data), false, a, line, err);
}

static void header_block(void **state)
{
    (void)state;
    const char *data = "Title: Talks open in Jeddah\nSource: Example News\nURL: https://news.example/a\n"
                       "Date: 2025-03-11T09:00:00Z\nAuthor: A. Writer\n\nFirst paragraph.\nSecond.\n\n";
    xc_article_in a;
    long line;
    xc_error err = {0};
    assert_int_equal(read_text(data, &a, &line, &err), XC_OK);
    assert_string_equal(a.id, "t");
    assert_string_equal(a.title, "Talks open in Jeddah");
    assert_false(a.title_from_text);
    assert_string_equal(a.source, "Example News");
    assert_string_equal(a.url, "https://news.example/a");
    assert_string_equal(a.published_raw, "2025-03-11T09:00:00Z");
    assert_int_equal(a.published.precision, XC_DATE_SECOND);
    assert_string_equal(a.text, "First paragraph.\nSecond.");
    assert_int_equal(a.body_offset, (long)(strstr(data, "First") - data));
    assert_string_equal(a.extra_json, "{\"author\":\"A. Writer\"}");
    assert_string_equal(a.warning, "");
    xc_article_in_free(&a);
}

static void no_header(void **state)
{
    (void)state;
    const char *data = "\xEF\xBB\xBF\nBrussels: Ukraine and the US meet\nBody line.\n";
    xc_article_in a;
    long line;
    xc_error err = {0};
    assert_int_equal(read_text(data, &a, &line, &err), XC_OK);
    assert_string_equal(a.title, "Brussels: Ukraine and the US meet");
    assert_true(a.title_from_text);
    assert_null(a.source);
    assert_int_equal(a.published.precision, XC_DATE_NONE);
    assert_string_equal(a.text, "Brussels: Ukraine and the US meet\nBody line.");
    assert_int_equal(a.body_offset, 4);
    xc_article_in_free(&a);
}

static void long_first_line_gives_short_title(void **state)
{
    (void)state;
    char data[1200];
    snprintf(data, sizeof data, "%s",
             "The meeting comes at a critical time for the country, which continues to battle "
             "forces on several fronts and is seeking long-term security assurances and support. "
             "The talks will also focus on minerals.");
    xc_article_in a;
    long line;
    xc_error err = {0};
    assert_int_equal(read_text(data, &a, &line, &err), XC_OK);
    assert_true(strlen(a.title) <= 163);
    assert_true(strncmp(a.title, "The meeting comes", 17) == 0);
    xc_article_in_free(&a);
    /* One endless sentence: cut at a word and marked with an ellipsis. */
    memset(data, 0, sizeof data);
    for (int i = 0; i < 100; i++)
        strcat(data, "word ");
    assert_int_equal(read_text(data, &a, &line, &err), XC_OK);
    assert_non_null(strstr(a.title, "…"));
    assert_true(strlen(a.title) <= 163);
    xc_article_in_free(&a);
}

static void header_edge_cases(void **state)
{
    (void)state;
    xc_article_in a;
    long line;
    xc_error err = {0};
    /* Header ends at a non-header line even without a blank line. */
    assert_int_equal(read_text("Title: T\nThe body.", &a, &line, &err), XC_OK);
    assert_string_equal(a.title, "T");
    assert_string_equal(a.text, "The body.");
    xc_article_in_free(&a);
    /* An unparseable date is a warning, not a failure. */
    assert_int_equal(read_text("Title: T\nDate: last Tuesday\n\nBody.", &a, &line, &err), XC_OK);
    assert_int_equal(a.published.precision, XC_DATE_NONE);
    assert_non_null(strstr(a.warning, "unrecognised date"));
    assert_int_equal(a.warning_line, 2);
    xc_article_in_free(&a);
    /* CRLF line ends. */
    assert_int_equal(read_text("Title: T\r\nSource: S\r\n\r\nBody.\r\n", &a, &line, &err), XC_OK);
    assert_string_equal(a.source, "S");
    assert_string_equal(a.text, "Body.");
    xc_article_in_free(&a);
}

static void bad_text_items(void **state)
{
    (void)state;
    xc_article_in a;
    long line;
    xc_error err = {0};
    assert_int_equal(read_text("   \n\t\n", &a, &line, &err), XC_ERR_EMPTY);
    assert_int_equal(read_text("Title: Only a header\nSource: S\n\n", &a, &line, &err), XC_ERR_EMPTY);
    assert_int_equal(line, 4);
    assert_int_equal(xc_read_text("b.txt", "b", "one\ntwo\n\0three", 15, false, &a, &line, &err),
                     XC_ERR_BINARY);
    assert_int_equal(line, 3);
    assert_int_equal(read_text("line one\nline two caf\xE9\n", &a, &line, &err), XC_ERR_UTF8);
    assert_int_equal(line, 2);
    assert_non_null(strstr(err.message, "0xE9"));
    /* With repair: stored, with a warning naming the line. */
    const char *latin1 = "line one\nline two caf\xE9\n";
    assert_int_equal(xc_read_text("r.txt", "r", latin1, strlen(latin1), true, &a, &line, &err), XC_OK);
    assert_string_equal(a.text, "line one\nline two caf\xEF\xBF\xBD");
    assert_non_null(strstr(a.warning, "repaired"));
    assert_int_equal(a.warning_line, 2);
    xc_article_in_free(&a);
}

static void content_hash_and_ids(void **state)
{
    (void)state;
    xc_article_in a, b, c;
    long line;
    xc_error err = {0};
    assert_int_equal(read_text("Title: T\n\nBody.", &a, &line, &err), XC_OK);
    assert_int_equal(read_text("Title: T\n\nBody.", &b, &line, &err), XC_OK);
    assert_int_equal(read_text("Title: T\n\nBody!", &c, &line, &err), XC_OK);
    assert_memory_equal(a.hash, b.hash, sizeof a.hash);
    assert_memory_not_equal(a.hash, c.hash, sizeof a.hash);
    xc_article_in_free(&a);
    xc_article_in_free(&c);
    /* Without an id (stdin) the id comes from the content. */
    assert_int_equal(xc_read_text("<stdin>", NULL, "Body.", 5, false, &a, &line, &err), XC_OK);
    assert_int_equal(strlen(a.id), 17);
    assert_int_equal(a.id[0], 'h');
    xc_article_in_free(&a);
    xc_article_in_free(&b);
}

static xc_status read_jsonl(const char *line, xc_article_in *a, xc_error *err)
{
    return xc_read_jsonl_record("f.jsonl", 7, line, strlen(line), false, a, err);
}

static void jsonl_records(void **state)
{
    (void)state;
    xc_article_in a;
    xc_error err = {0};
    assert_int_equal(read_jsonl("{\"id\":\"a1\",\"title\":\"T\",\"text\":\"Body \\u201cquoted\\u201d.\\n\","
                                "\"source\":\"S\",\"url\":\"https://x.example\",\"published\":\"2025-03-11\","
                                "\"section\":\"world\",\"tags\":[1,2]}",
                                &a, &err),
                     XC_OK);
    assert_string_equal(a.id, "a1");
    assert_string_equal(a.text, "Body “quoted”.");
    assert_string_equal(a.source, "S");
    assert_int_equal(a.published.precision, XC_DATE_DAY);
    assert_string_equal(a.extra_json, "{\"section\":\"world\",\"tags\":[1,2]}");
    assert_int_equal(a.line, 7);
    assert_int_equal(a.body_offset, -1);
    xc_article_in_free(&a);

    /* Numeric id and epoch date; missing title comes from the text. */
    assert_int_equal(read_jsonl("{\"id\": 42, \"text\": \"Headline here\\nMore.\", \"published\": 1741683600}",
                                &a, &err),
                     XC_OK);
    assert_string_equal(a.id, "42");
    assert_string_equal(a.title, "Headline here");
    assert_int_equal(a.published.unix_seconds, 1741683600);
    assert_null(a.extra_json);
    xc_article_in_free(&a);

    /* No id: made from the content, the same each time. */
    assert_int_equal(read_jsonl("{\"text\": \"Same\"}", &a, &err), XC_OK);
    xc_article_in b;
    assert_int_equal(read_jsonl("{\"text\": \"Same\"}", &b, &err), XC_OK);
    assert_string_equal(a.id, b.id);
    xc_article_in_free(&a);
    xc_article_in_free(&b);
}

static void bad_jsonl_records(void **state)
{
    (void)state;
    struct {
        const char *line;
        xc_status status;
        const char *says;
    } cases[] = {
        {"{\"id\": \"x\", \"text\": ", XC_ERR_FORMAT, "malformed JSON"},
        {"[1, 2]", XC_ERR_FORMAT, "expected a JSON object"},
        {"{\"id\": \"x\"}", XC_ERR_FORMAT, "no \"text\""},
        {"{\"text\": 5}", XC_ERR_FORMAT, "\"text\" must be a string"},
        {"{\"text\": \"  \"}", XC_ERR_EMPTY, "empty"},
        {"{\"text\": \"ok\", \"id\": true}", XC_ERR_FORMAT, "\"id\""},
        {"{\"text\": \"ok\", \"source\": 3}", XC_ERR_FORMAT, "\"source\""},
        {"{\"text\": \"a\\u0000b\"}", XC_ERR_BINARY, "\\u0000"},
        {"{\"text\": \"ok\"} trailing", XC_ERR_FORMAT, "after the JSON object"},
        {"{\"text\": \"caf\xE9\"}", XC_ERR_UTF8, "invalid UTF-8"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        xc_article_in a;
        xc_error err = {0};
        xc_status st = read_jsonl(cases[i].line, &a, &err);
        if (st != cases[i].status || !strstr(err.message, cases[i].says))
            fail_msg("%s: got %d \"%s\"", cases[i].line, (int)st, err.message);
    }
}

static void line_reader(void **state)
{
    (void)state;
    char text[] = "one\r\ntwo\n\nthis line is far too long\nlast";
    FILE *f = fmemopen(text, strlen(text), "r");
    xc_line_reader r;
    xc_line_reader_init(&r, f, 10);
    assert_true(xc_line_reader_next(&r));
    assert_string_equal(r.buf, "one");
    assert_true(xc_line_reader_next(&r));
    assert_string_equal(r.buf, "two");
    assert_true(xc_line_reader_next(&r));
    assert_int_equal(r.len, 0);
    assert_true(xc_line_reader_next(&r));
    assert_true(r.too_long);
    assert_int_equal(r.full_length, strlen("this line is far too long"));
    assert_true(xc_line_reader_next(&r));
    assert_string_equal(r.buf, "last");
    assert_int_equal(r.line_number, 5);
    assert_false(xc_line_reader_next(&r));
    xc_line_reader_free(&r);
    fclose(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(header_block),
        cmocka_unit_test(no_header),
        cmocka_unit_test(long_first_line_gives_short_title),
        cmocka_unit_test(header_edge_cases),
        cmocka_unit_test(bad_text_items),
        cmocka_unit_test(content_hash_and_ids),
        cmocka_unit_test(jsonl_records),
        cmocka_unit_test(bad_jsonl_records),
        cmocka_unit_test(line_reader),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
