/* Fuzz the plain-text article reader (header block, body, title, checks). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crosscheck.h"
#include "ingest/readers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    for (int repair = 0; repair <= 1; repair++) {
        xc_article_in a;
        xc_error err = {0};
        long line = 0;
        xc_status st = xc_read_text("fuzz.txt", repair ? NULL : "fuzz", (const char *)data, size,
                                    repair, &a, &line, &err);
        if (st != XC_OK) {
            if (line < 1 || !err.message[0])
                abort();
            continue;
        }
        if (!a.id || !a.title || !a.text || a.text_len == 0 ||
            !xc_utf8_valid(a.text, a.text_len, NULL) || !xc_utf8_valid(a.title, strlen(a.title), NULL))
            abort();
        if (!repair && (a.body_offset < 0 || (size_t)a.body_offset + a.text_len > size ||
                        memcmp(data + a.body_offset, a.text, a.text_len) != 0))
            abort();
        xc_article_in_free(&a);
    }
    return 0;
}
