#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ner/conll.h"
#include "ner/tags.h"
#include "util/error.h"
#include "util/file.h"
#include "util/vec.h"

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

static bool end_sentence(xc_conll *c, uint32_t *first, size_t doc)
{
    uint32_t count = (uint32_t)c->tokens.count - *first;
    if (count > 0 && !XC_VEC_PUSH(&c->sentences, ((xc_conll_sentence){*first, count, (uint32_t)doc})))
        return false;
    *first = (uint32_t)c->tokens.count;
    return true;
}

xc_status xc_conll_parse(const char *name, const char *data, size_t size, xc_conll *out, xc_conll_warn warn,
                         void *user, xc_error *err)
{
    memset(out, 0, sizeof *out);
    uint32_t number = 0, first = 0;
    size_t doc = 0;
    bool doc_has_tokens = false;
    for (size_t at = 0; at < size;) {
        const char *line = data + at;
        const char *eol = memchr(line, '\n', size - at);
        size_t len = eol ? (size_t)(eol - line) : size - at;
        at += len + 1;
        number++;
        while (len > 0 && is_space(line[len - 1]))
            len--;
        size_t start = 0;
        while (start < len && is_space(line[start]))
            start++;
        if (start == len) {
            if (!end_sentence(out, &first, doc))
                goto nomem;
            continue;
        }
        const char *fields = line + start;
        size_t flen = len - start;
        size_t word_len = 0;
        while (word_len < flen && !is_space(fields[word_len]))
            word_len++;
        if (word_len == 10 && memcmp(fields, "-DOCSTART-", 10) == 0) {
            if (!end_sentence(out, &first, doc))
                goto nomem;
            if (doc_has_tokens)
                doc++;
            doc_has_tokens = false;
            continue;
        }
        uint8_t gold = XC_NER_NO_LABEL;
        if (word_len < flen) {
            size_t tag_start = flen;
            while (tag_start > 0 && !is_space(fields[tag_start - 1]))
                tag_start--;
            int tag = xc_iob_parse(fields + tag_start, flen - tag_start);
            if (tag >= 0)
                gold = (uint8_t)tag;
            else {
                out->bad_lines++;
                if (warn) {
                    char msg[400];
                    size_t shown = flen - tag_start > 40 ? 40 : flen - tag_start;
                    snprintf(msg, sizeof msg, "%.200s:%u: last column \"%.*s\" is not an IOB tag; read as untagged",
                             name, number, (int)shown, fields + tag_start);
                    warn(user, msg);
                }
            }
        }
        const char *text = xc_arena_strndup(&out->arena, fields, word_len);
        if (!text || !XC_VEC_PUSH(&out->tokens, ((xc_conll_token){text, (uint32_t)word_len, number, gold})))
            goto nomem;
        doc_has_tokens = true;
    }
    if (!end_sentence(out, &first, doc))
        goto nomem;
    out->docs = out->tokens.count ? doc + 1 : 0;
    return XC_OK;
nomem:
    xc_conll_free(out);
    return xc_fail(err, XC_ERR_NOMEM, "%s: out of memory", name);
}

xc_status xc_conll_read(const char *path, xc_conll *out, xc_conll_warn warn, void *user, xc_error *err)
{
    memset(out, 0, sizeof *out);
    char *data;
    size_t len;
    xc_status st = xc_read_file(path, 0, &data, &len, err);
    if (st != XC_OK)
        return st;
    st = xc_conll_parse(path, data, len, out, warn, user, err);
    free(data);
    return st;
}

void xc_conll_free(xc_conll *c)
{
    xc_arena_free(&c->arena);
    free(c->tokens.items);
    free(c->sentences.items);
    memset(c, 0, sizeof *c);
}
