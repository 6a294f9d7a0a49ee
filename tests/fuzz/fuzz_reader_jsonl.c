/* Fuzz the JSON Lines reader: the line splitter and each record. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crosscheck.h"
#include "ingest/readers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    FILE *f = fmemopen((void *)data, size, "r");
    if (!f)
        return 0;
    xc_line_reader r;
    xc_line_reader_init(&r, f, 4096);
    while (xc_line_reader_next(&r)) {
        if (r.too_long)
            continue;
        for (int repair = 0; repair <= 1; repair++) {
            xc_article_in a;
            xc_error err = {0};
            if (xc_read_jsonl_record("fuzz.jsonl", r.line_number, r.buf, r.len, repair, &a, &err) != XC_OK) {
                if (!err.message[0])
                    abort();
                continue;
            }
            if (!a.id || !a.title || !a.text || !xc_utf8_valid(a.text, a.text_len, NULL))
                abort();
            xc_article_in_free(&a);
        }
    }
    xc_line_reader_free(&r);
    fclose(f);
    return 0;
}
