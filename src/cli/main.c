/* crosscheck: the command-line entry point. Global options (--db, --json)
 * may come before or after the command. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "usage: crosscheck [--db PATH] [--json] COMMAND [ARGS]\n"
    "\n"
    "Many news reports in, one cross-checked story per event out.\n"
    "\n"
    "commands:\n"
    "  ingest PATH...     read text files (.txt), JSON Lines (.jsonl), web pages (.html, .htm, .gz),\n"
    "                     feeds (.rss, .atom, .xml), WARC archives (.warc, .warc.gz),\n"
    "                     folders, or - (stdin)\n"
    "      --format auto|text|jsonl  --max-bytes SIZE  --batch N  --repair-utf8  --quiet\n"
    "      --set NAME=VALUE  a tuning parameter, e.g. window_days=7 (stories idle this long close)\n"
    "  watch FEEDS.txt    poll RSS/Atom feeds (one URL a line) and ingest their new articles,\n"
    "                     fetching the linked page of items that carry only a summary\n"
    "      --once  one round, then exit  --interval SECONDS (default 300)  --delay SECONDS between\n"
    "      requests to one host (default 1)  --timeout SECONDS (default 30)  --max-items N per feed\n"
    "  stories            list stories: id, size, outlets, dates, title\n"
    "      --sort size|recent|outlets|id  --limit N  --offset N  --min-size N  --articles N\n"
    "      --from DATE --to DATE  --outlet NAME  --entity ID  --query WORDS  (stories with an article so)\n"
    "  story ID           one story: its articles (copies folded), facts, quotes and entities\n"
    "      --why  why each article is in the story\n"
    "  facts --story ID   the story's numeric facts: values, who gives each, agree/conflict/update\n"
    "  quotes --story ID  the story's quote ledger: each remark, its outlets, wording differences\n"
    "  brief ID           the story's brief (every sentence cited to its outlets, contested figures\n"
    "                     flagged) and its timeline, as Markdown (--json: one object)\n"
    "      --words N  the brief's length (default 120)  --timeline N  events at most (default 12)\n"
    "  brief --all --out DIR   one file per story (story-ID.md, or .json with --json)\n"
    "  brief FILE...      the brief of these reports taken as one story (a temporary store)\n"
    "  entities           people, organisations, places (--story ID  --limit N  --mentions)\n"
    "  article ID         one article with its text\n"
    "  extract FILE.html  the main text of a saved page (.html, .html.gz, or - for stdin);\n"
    "      --json: {title, text, published, author, source, url, lang, ...}  --url URL  where it came from\n"
    "  search QUERY...    full-text search ranked by BM25, with snippets\n"
    "      words are AND-ed; \"a phrase\"; a OR b; -word excludes; word* matches a prefix\n"
    "      --limit N  --raw (FTS5 query syntax)\n"
    "  serve              the HTTP JSON API and the web page (docs/api.md)\n"
    "      --listen ADDRESS:PORT (default 127.0.0.1:8080)  --threads N (4)  --timeout SECONDS (10)\n"
    "      --max-body SIZE (16M)  --token-file FILE or $CROSSCHECK_TOKEN: the token writes need\n"
    "      --access-log  a line per request on stderr\n"
    "  stats              counts of articles, stories, outlets\n"
    "  check              verify the store: SQLite integrity, full-text index, story membership\n"
    "  dates FILE...      the dates (and times, durations) in text files, normalised (TimeML values)\n"
    "      --date YYYY-MM-DD  the article's date (default: inferred from the text, else unknown)\n"
    "  eval cluster FILE  score story clustering against the gold \"event\" of each JSONL record\n"
    "      --gold FIELD (default event); uses a temporary store; prints B3, pairwise F1, ARI, V-measure\n"
    "      --set NAME=VALUE changes a tuning parameter for the run (see docs/architecture.md)\n"
    "  eval dedup FILE    score duplicate detection against gold groups (--gold FIELD)\n"
    "  eval extract DIR   score main-text extraction on the trafilatura benchmark (evaldata.json,\n"
    "      html/*.gz): snippet P/R/accuracy/F1 and pages/s  --system-output DIR --system-name NAME\n"
    "      score another system's FILE.txt outputs beside  --dump DIR  --misses  --limit N\n"
    "  eval dates DIR     score dates on TimeML files: span F1 (strict, relaxed), value accuracy\n"
    "  quotes FILE...     direct quotes with their speakers, cues and byte offsets\n"
    "  eval quotes DIR    quotes and speakers scored on a PolNeAR folder (text/, attributions/)\n"
    "  train idf --out FILE PATH...  background document frequencies from a text collection\n"
    "  numbers FILE...    the numeric facts of text files: interval, hedge, unit, counted thing,\n"
    "      predicate; one a line (--all adds years, dates, times, ages, scores, labels)\n"
    "\n"
    "options:\n"
    "  --db PATH          the database (default: $CROSSCHECK_DB, else ./crosscheck.db)\n"
    "  --json             machine-readable output; lists are JSON Lines\n"
    "  --help, --version\n"
    "\n"
    "exit status: 0 ok; 1 some input items failed (the rest was stored) or not found;\n"
    "2 bad command line; 3 the store or the system failed\n";

typedef struct command {
    const char *name;
    int (*run)(const cli *c);
} command;

static const command commands[] = {
    {"ingest", cmd_ingest}, {"stories", cmd_stories}, {"story", cmd_story},
    {"article", cmd_article}, {"search", cmd_search}, {"stats", cmd_stats},
    {"check", cmd_check},     {"eval", cmd_eval},      {"extract", cmd_extract}, {"train", cmd_train}, {"ner", cmd_ner}, {"entities", cmd_entities},
    {"dates", cmd_dates},
    {"quotes", cmd_quotes},
    {"numbers", cmd_numbers},
    {"facts", cmd_facts},
    {"brief", cmd_brief},
    {"watch", cmd_watch},
    {"serve", cmd_serve},
};

int main(int argc, char **argv)
{
    cli c = {0};
    const char *env_db = getenv("CROSSCHECK_DB");
    c.db_path = env_db && *env_db ? env_db : "crosscheck.db";
    char **rest = calloc((size_t)argc + 1, sizeof *rest);
    if (!rest)
        return EXIT_FATAL;
    int n = 0;
    bool operands_only = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!operands_only && strcmp(a, "--") == 0) {
            operands_only = true;
            rest[n++] = argv[i];
        } else if (!operands_only && strcmp(a, "--json") == 0) {
            c.json = true;
        } else if (!operands_only && (strcmp(a, "--db") == 0 || strncmp(a, "--db=", 5) == 0)) {
            if (a[4] == '=') {
                c.db_path = a + 5;
            } else if (i + 1 < argc) {
                c.db_path = argv[++i];
            } else {
                cli_error("--db needs a path");
                free(rest);
                return EXIT_USAGE;
            }
        } else if (!operands_only && (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)) {
            fputs(usage, stdout);
            free(rest);
            return EXIT_OK;
        } else if (!operands_only && strcmp(a, "--version") == 0) {
            printf("crosscheck %s (schema version %d)\n", XC_VERSION, xc_schema_version());
            free(rest);
            return EXIT_OK;
        } else if (!c.command && a[0] != '-') {
            c.command = a;
        } else {
            rest[n++] = argv[i];
        }
    }
    if (!c.command) {
        fputs(usage, stderr);
        free(rest);
        return EXIT_USAGE;
    }
    if (!*c.db_path) {
        cli_error("--db needs a path");
        free(rest);
        return EXIT_USAGE;
    }
    c.argc = n;
    c.argv = rest;
    for (size_t k = 0; k < sizeof commands / sizeof *commands; k++) {
        if (strcmp(commands[k].name, c.command) == 0) {
            int status = commands[k].run(&c);
            free(rest);
            return status;
        }
    }
    if (strcmp(c.command, "help") == 0) {
        fputs(usage, stdout);
        free(rest);
        return EXIT_OK;
    }
    cli_error("unknown command \"%s\" (see: crosscheck --help)", c.command);
    free(rest);
    return EXIT_USAGE;
}
