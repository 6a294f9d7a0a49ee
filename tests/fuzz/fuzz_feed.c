/* Fuzz the feed reader: any bytes as a feed (with and without a base URL
 * to resolve links against), every item into an article. What is accepted
 * must hold together: valid UTF-8 everywhere, an id, a title and a text;
 * what is refused must say why. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crosscheck.h"
#include "web/feed.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_string(const char *s)
{
    if (s && !xc_utf8_valid(s, strlen(s), NULL))
        abort();
}

static void check_feed(const char *data, size_t size, const char *url)
{
    xc_feed feed;
    xc_error err = {0};
    (void)xc_feed_sniff(data, size);
    if (xc_feed_parse(data, size, url, &feed, &err) != XC_OK) {
        if (!err.message[0] || feed.items || feed.count || feed.title)
            abort();
        return;
    }
    check_string(feed.title);
    check_string(feed.link);
    check_string(feed.language);
    for (size_t i = 0; i < feed.count; i++) {
        const xc_feed_item *it = &feed.items[i];
        check_string(it->id);
        check_string(it->title);
        check_string(it->link);
        check_string(it->summary);
        check_string(it->content);
        check_string(it->author);
        check_string(it->published);
        if (it->title && strchr(it->title, '\n'))
            abort(); /* a title is one line */
        for (int with_page = 0; with_page <= 1; with_page++) {
            xc_article_in a;
            xc_error e = {0};
            const char *page = with_page ? "The page's own text." : NULL;
            if (xc_feed_item_article(&feed, it, "fuzz.rss", page, page ? strlen(page) : 0, &a, &e) != XC_OK) {
                if (!e.message[0])
                    abort();
                continue;
            }
            if (!a.id || !*a.id || !a.title || !a.text || strlen(a.text) != a.text_len ||
                !xc_utf8_valid(a.text, a.text_len, NULL) || !a.extra_json)
                abort();
            check_string(a.id);
            check_string(a.title);
            check_string(a.extra_json);
            xc_article_in_free(&a);
        }
    }
    xc_feed_free(&feed);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check_feed((const char *)data, size, NULL);
    check_feed((const char *)data, size, "https://news.example/feeds/all.rss");
    return 0;
}
