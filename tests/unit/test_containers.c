/* The small utilities everything else stands on. */
#include "test_util.h"

#include "util/arena.h"
#include "util/buf.h"
#include "util/json_writer.h"
#include "util/strmap.h"

static void buffer_grows_and_formats(void **state)
{
    (void)state;
    xc_buf b = {0};
    assert_string_equal(xc_buf_str(&b), "");
    for (int i = 0; i < 1000; i++)
        xc_buf_printf(&b, "%d,", i);
    assert_int_equal(b.len, strlen(b.data));
    assert_true(strncmp(b.data, "0,1,2,", 6) == 0);
    char big[1000];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    xc_buf_reset(&b);
    xc_buf_printf(&b, "[%s]", big); /* longer than the formatting fast path */
    assert_int_equal(b.len, 1001);
    size_t len;
    char *s = xc_buf_detach(&b, &len);
    assert_int_equal(len, 1001);
    assert_null(b.data);
    free(s);
}

static void json_escapes_and_commas(void **state)
{
    (void)state;
    xc_buf b = {0};
    xc_json j;
    xc_json_init(&j, &b);
    xc_json_object_begin(&j);
    xc_json_key(&j, "s"), xc_json_string(&j, "a\"b\\c\nd\te\x01 “q” \xE2\x80\xA8");
    xc_json_key(&j, "n"), xc_json_null(&j);
    xc_json_key(&j, "list");
    xc_json_array_begin(&j);
    xc_json_int(&j, -3);
    xc_json_double(&j, 0.5);
    xc_json_bool(&j, true);
    xc_json_array_begin(&j);
    xc_json_array_end(&j);
    xc_json_object_begin(&j);
    xc_json_object_end(&j);
    xc_json_array_end(&j);
    xc_json_key(&j, "raw"), xc_json_raw(&j, "{\"k\":1}");
    xc_json_key(&j, "none"), xc_json_string(&j, NULL);
    xc_json_object_end(&j);
    assert_string_equal(b.data, "{\"s\":\"a\\\"b\\\\c\\nd\\te\\u0001 “q” \\u2028\",\"n\":null,"
                                "\"list\":[-3,0.5,true,[],{}],\"raw\":{\"k\":1},\"none\":null}");
    xc_buf_free(&b);
}

static void string_map(void **state)
{
    (void)state;
    xc_strmap m = {0};
    char key[32];
    for (uint32_t i = 0; i < 5000; i++) {
        int n = snprintf(key, sizeof key, "term-%u", i);
        assert_true(xc_strmap_put(&m, key, (size_t)n, i * 3));
    }
    assert_int_equal(m.count, 5000);
    for (uint32_t i = 0; i < 5000; i++) {
        int n = snprintf(key, sizeof key, "term-%u", i);
        uint32_t v = 0;
        assert_true(xc_strmap_get(&m, key, (size_t)n, &v));
        assert_int_equal(v, i * 3);
    }
    assert_false(xc_strmap_get(&m, "term-5000", 9, NULL));
    assert_true(xc_strmap_put(&m, "term-7", 6, 42)); /* overwrite keeps one entry */
    uint32_t v;
    assert_true(xc_strmap_get(&m, "term-7", 6, &v));
    assert_int_equal(v, 42);
    assert_int_equal(m.count, 5000);
    /* Keys with NUL bytes and the empty key are keys like any other. */
    assert_true(xc_strmap_put(&m, "a\0b", 3, 1));
    assert_false(xc_strmap_get(&m, "a\0c", 3, NULL));
    assert_true(xc_strmap_put(&m, "", 0, 9));
    assert_true(xc_strmap_get(&m, "", 0, &v));
    assert_int_equal(v, 9);
    assert_string_equal(xc_strmap_key(&m, "term-9", 6), "term-9");
    xc_strmap_free(&m);
}

static void arena_alignment(void **state)
{
    (void)state;
    xc_arena a = {.block_size = 64};
    for (int i = 1; i < 200; i++) {
        void *p = xc_arena_alloc(&a, (size_t)i);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % 8, 0);
        memset(p, 0xAB, (size_t)i);
    }
    char *s = xc_arena_strndup(&a, "hello world", 5);
    assert_string_equal(s, "hello");
    xc_arena_free(&a);
    assert_null(a.head);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(buffer_grows_and_formats),
        cmocka_unit_test(json_escapes_and_commas),
        cmocka_unit_test(string_map),
        cmocka_unit_test(arena_alignment),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
