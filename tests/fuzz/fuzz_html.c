/* Fuzz the web page reader: gunzip, charset conversion, the HTML parser,
 * metadata and main-text extraction, and the page → article step. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crosscheck.h"
#include "util/gzip.h"
#include "web/charset.h"
#include "web/page.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    xc_error err = {0};
    char *plain;
    size_t plain_len;
    if (xc_gunzip(data, size, 1 << 20, &plain, &plain_len, &err) == XC_OK)
        free(plain);
    char *utf8;
    size_t utf8_len;
    if (xc_to_utf8((const char *)data, size, size > 0 && data[0] == 'L' ? "latin1" : NULL, &utf8,
                   &utf8_len, NULL, 0) == XC_OK) {
        if (!xc_utf8_valid(utf8, utf8_len, NULL))
            abort();
        free(utf8);
    }
    xc_page page;
    xc_html_options options = {.url = "https://fuzz.example/2031/01/02/page"};
    xc_status st = xc_html_extract((const char *)data, size, &options, &page, &err);
    if (st != XC_OK) {
        if (!err.message[0])
            abort();
        xc_page_free(&page);
        return 0;
    }
    if (!page.text || page.text_len == 0 || !xc_utf8_valid(page.text, page.text_len, NULL))
        abort();
    xc_article_in a;
    if (xc_page_to_article(&page, NULL, &a, &err) != XC_OK)
        abort();
    xc_article_in_free(&a);
    return 0;
}
