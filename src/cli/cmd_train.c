/* crosscheck train idf --out FILE PATH... (train ner is in cmd_ner.c) */
#include <string.h>

#include "cli.h"
#include "../analyze/background.h"

static int train_idf(const cli *c)
{
    static const char *const valued[] = {"out", "min-df", NULL};
    cli sub = *c;
    sub.argc = c->argc - 1;
    sub.argv = c->argv + 1;
    arg_iter it = {&sub, 0, false, {0}};
    arg a;
    bool bad = false;
    const char *out = NULL;
    size_t min_df = 3;
    const char *paths[256];
    size_t count = 0;
    while (!bad && next_arg(&it, valued, &a, &bad)) {
        if (!a.option && count < 256)
            paths[count++] = a.value;
        else if (a.option && strcmp(a.option, "out") == 0)
            out = a.value;
        else if (a.option && strcmp(a.option, "min-df") == 0)
            bad = !parse_size(a.value, &min_df) || min_df == 0;
        else {
            cli_error("train idf: unexpected %s%s", a.option ? "--" : "", a.option ? a.option : a.value);
            bad = true;
        }
    }
    if (!bad && (!out || count == 0)) {
        cli_error("usage: crosscheck train idf --out FILE.tsv [--min-df N] PATH...");
        bad = true;
    }
    if (bad)
        return EXIT_USAGE;
    xc_error err = {0};
    size_t documents = 0, terms = 0;
    if (xc_background_build(paths, count, out, (unsigned)min_df, &documents, &terms, &err) != XC_OK)
        return cli_fail(&err);
    printf("%s: %zu terms in at least %zu of %zu documents\n", out, terms, min_df, documents);
    return EXIT_OK;
}

int cmd_train(const cli *c)
{
    if (c->argc >= 1 && strcmp(c->argv[0], "idf") == 0)
        return train_idf(c);
    if (c->argc >= 1 && strcmp(c->argv[0], "ner") == 0)
        return train_ner(c);
    cli_error("train what? known: idf (background document frequencies), ner (the entity tagger)");
    return EXIT_USAGE;
}
