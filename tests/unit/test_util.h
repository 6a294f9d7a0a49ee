/* Helpers shared by the unit tests. */
#ifndef XC_TEST_UTIL_H
#define XC_TEST_UTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "crosscheck.h"

/* Tokens of `text` joined by "|", e.g. "Zelenskyy|’s|visit". */
static inline char *tokens_joined(const char *text)
{
    xc_token_list list = {0};
    assert_int_equal(xc_tokenize(text, strlen(text), &list), XC_OK);
    size_t cap = strlen(text) * 2 + 2;
    char *out = calloc(1, cap);
    size_t n = 0;
    for (size_t i = 0; i < list.count; i++) {
        if (i)
            out[n++] = '|';
        size_t len = list.items[i].end - list.items[i].start;
        memcpy(out + n, text + list.items[i].start, len);
        n += len;
    }
    out[n] = '\0';
    xc_token_list_free(&list);
    return out;
}

#define assert_tokens(text, expected)                                                              \
    do {                                                                                           \
        char *got_ = tokens_joined(text);                                                          \
        assert_string_equal(got_, expected);                                                       \
        free(got_);                                                                                \
    } while (0)

/* Sentences of `text` joined by " || ". */
static inline char *sentences_joined(const char *text)
{
    xc_token_list tokens = {0};
    xc_sentence_list sentences = {0};
    size_t len = strlen(text);
    assert_int_equal(xc_tokenize(text, len, &tokens), XC_OK);
    assert_int_equal(xc_split_sentences(text, len, &tokens, &sentences), XC_OK);
    char *out = calloc(1, len + 4 * sentences.count + 2);
    size_t n = 0;
    for (size_t i = 0; i < sentences.count; i++) {
        if (i) {
            memcpy(out + n, " || ", 4);
            n += 4;
        }
        size_t k = sentences.items[i].end - sentences.items[i].start;
        memcpy(out + n, text + sentences.items[i].start, k);
        n += k;
    }
    out[n] = '\0';
    xc_token_list_free(&tokens);
    xc_sentence_list_free(&sentences);
    return out;
}

#define assert_sentences(text, expected)                                                           \
    do {                                                                                           \
        char *got_ = sentences_joined(text);                                                       \
        assert_string_equal(got_, expected);                                                       \
        free(got_);                                                                                \
    } while (0)

/* A temporary directory for a test, removed with remove_tree(). */
static inline char *make_temp_dir(void)
{
    char *dir = strdup("/tmp/crosscheck-test-XXXXXX");
    assert_non_null(mkdtemp(dir));
    return dir;
}

static inline void remove_tree(const char *dir)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static inline void write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
}

#endif
