#include <stdlib.h>
#include <string.h>

#include "ner/clusters.h"
#include "util/error.h"

/* Digits are one symbol for the clusters (years, scores and prices share a
 * class), as the clustering script wrote them. */
static size_t fold_digits(const char *word, size_t len, char *out, size_t cap)
{
    size_t n = len < cap ? len : cap;
    for (size_t i = 0; i < n; i++)
        out[i] = (word[i] >= '0' && word[i] <= '9') ? '0' : word[i];
    return n;
}

xc_status xc_word_clusters_parse(xc_word_clusters *c, const char *data, size_t len, xc_error *err)
{
    memset(c, 0, sizeof *c);
    c->paths = malloc(len + 1);
    if (!c->paths)
        return xc_fail(err, XC_ERR_NOMEM, "word clusters: out of memory");
    const char *end = data + len;
    for (const char *line = data; line < end;) {
        const char *eol = memchr(line, '\n', (size_t)(end - line));
        if (!eol)
            eol = end;
        const char *tab = memchr(line, '\t', (size_t)(eol - line));
        if (tab && tab > line) {
            const char *word = tab + 1;
            const char *word_end = memchr(word, '\t', (size_t)(eol - word));
            if (!word_end)
                word_end = eol;
            size_t plen = (size_t)(tab - line);
            char key[256];
            size_t klen = fold_digits(word, (size_t)(word_end - word), key, sizeof key);
            uint32_t offset = (uint32_t)c->paths_len;
            if (klen > 0 && !xc_strmap_get(&c->words, key, klen, &(uint32_t){0})) {
                memcpy(c->paths + c->paths_len, line, plen);
                c->paths_len += plen;
                c->paths[c->paths_len++] = '\0';
                if (!xc_strmap_put(&c->words, key, klen, offset)) {
                    xc_word_clusters_free(c);
                    return xc_fail(err, XC_ERR_NOMEM, "word clusters: out of memory");
                }
            }
        }
        line = eol + 1;
    }
    return XC_OK;
}

const char *xc_word_clusters_path(const xc_word_clusters *c, const char *word, size_t len, size_t *path_len)
{
    char key[256];
    if (!c || !c->paths || len == 0 || len > sizeof key)
        return NULL;
    size_t klen = fold_digits(word, len, key, sizeof key);
    uint32_t offset;
    if (!xc_strmap_get(&c->words, key, klen, &offset))
        return NULL;
    const char *path = c->paths + offset;
    *path_len = strlen(path);
    return path;
}

void xc_word_clusters_free(xc_word_clusters *c)
{
    xc_strmap_free(&c->words);
    free(c->paths);
    memset(c, 0, sizeof *c);
}
