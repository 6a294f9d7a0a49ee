/* The crosscheck command line: shared option parsing and output helpers;
 * each command lives in its own cmd_*.c file. */
#ifndef XC_CLI_H
#define XC_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "crosscheck.h"
#include "../api/json_views.h"

/* Exit statuses, documented in the README. */
enum {
    EXIT_OK = 0,
    EXIT_PARTIAL = 1,   /* some input items failed, or: not found */
    EXIT_USAGE = 2,     /* bad command line or query */
    EXIT_FATAL = 3      /* the store or the system failed */
};

typedef struct cli {
    const char *db_path;
    bool json;
    int argc;          /* the command's own arguments (options and operands) */
    char **argv;
    const char *command;
} cli;

/* Walk the command's arguments: returns the next option name (without
 * dashes) and its value (for --name=value or when `takes_value` says the
 * next argument is its value), or the next operand in *operand. Returns
 * NULL at the end. */
typedef struct arg_iter {
    const cli *c;
    int i;
    bool only_operands; /* after "--" */
    char name[64];      /* the option last returned */
} arg_iter;

typedef struct arg {
    const char *option;  /* NULL for an operand */
    const char *value;   /* option value or the operand */
} arg;

bool next_arg(arg_iter *it, const char *const *valued_options, arg *out, bool *bad);

/* Errors for the user: "crosscheck: message" on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int cli_fail(const xc_error *err); /* prints and maps the status to an exit code */
bool parse_size(const char *s, size_t *out);

xc_ctx *cli_open(const cli *c);
/* The one operand of a command that takes exactly one (an id); NULL after
 * telling the user what is wrong. `what` reads "a story id". */
const char *single_operand(const cli *c, const char *what);

/* A text file named on the command line ("-": standard input), read
 * whole and checked as ingest checks articles (size, NUL bytes, UTF-8);
 * NULL after a "FILE:LINE: reason" on stderr. The caller frees it. */
char *read_text_operand(const char *path, size_t *len);

/* An ingest's failed items (and warnings, unless quiet) as "crosscheck:
 * FILE:LINE: reason" on stderr; `user` is an ingest_view. */
typedef struct ingest_view {
    bool quiet;
} ingest_view;
void print_item_report(void *user, const xc_item_report *report);

/* Output helpers. */
void print_json_line(FILE *out, const char *json);
/* An entity as one line of text (type, independent reports, mentions,
 * name, other spellings, roles), then its mentions if listed. */
void print_entity_line(FILE *out, const xc_entity *e, const char *indent);
/* Facts and remarks as text (ledger_output.c). */
void print_fact(FILE *out, const xc_fact *f, const char *indent);
/* detail: each excerpt and variant with its word diff */
void print_remark(FILE *out, const xc_remark *r, const char *indent, bool detail);
/* Shorten to at most `width` display columns (approximately: code points). */
void print_clipped(FILE *out, const char *s, int width);

int cmd_ingest(const cli *c);
int cmd_stories(const cli *c);
int cmd_story(const cli *c);
int cmd_article(const cli *c);
int cmd_search(const cli *c);
int cmd_stats(const cli *c);
int cmd_check(const cli *c);
int cmd_facts(const cli *c);
int cmd_brief(const cli *c);
/* `facts --story ID` (remarks false) and `quotes --story ID` (true). */
int story_ledger(const cli *c, int64_t story, bool remarks);
int cmd_eval(const cli *c);
int cmd_extract(const cli *c);
int cmd_train(const cli *c);
int cmd_ner(const cli *c);
int cmd_entities(const cli *c);
int cmd_dates(const cli *c);
int cmd_numbers(const cli *c);
int eval_ner(const cli *c, int first);   /* crosscheck eval ner ... */
int eval_dates(const cli *c, int first); /* crosscheck eval dates ... */
int train_ner(const cli *c);             /* crosscheck train ner ... */
int cmd_quotes(const cli *c);
int eval_quotes(const cli *c, int first); /* crosscheck eval quotes DIR */
int cmd_watch(const cli *c);
int cmd_serve(const cli *c);

#endif
