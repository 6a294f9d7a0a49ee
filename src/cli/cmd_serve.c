/* crosscheck serve: the HTTP API and the web page on one address until
 * Ctrl-C or SIGTERM. */
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../server/server.h"
#include "../util/file.h"

/* The token from a file's first line (a config file kept out of the
 * process list and the shell history). */
static char *read_token_file(const char *path)
{
    size_t len;
    char *data = read_text_operand(path, &len);
    if (!data)
        return NULL;
    data[strcspn(data, "\r\n")] = '\0';
    if (!*data) {
        cli_error("%s: the first line should hold the token, and it is empty", path);
        free(data);
        return NULL;
    }
    return data;
}

int cmd_serve(const cli *c)
{
    static const char *const valued[] = {"listen", "threads", "token-file", "max-body", "timeout", NULL};
    xc_server_options o = {.db_path = c->db_path, .listen = "127.0.0.1:8080"};
    const char *token_file = NULL;
    arg_iter it = {c, 0, false, {0}};
    arg a;
    bool bad = false;
    while (!bad && next_arg(&it, valued, &a, &bad)) {
        size_t n = 0;
        if (!a.option) {
            cli_error("serve takes no operands (the store is --db %s)", c->db_path);
            bad = true;
        } else if (strcmp(a.option, "listen") == 0) {
            o.listen = a.value;
        } else if (strcmp(a.option, "token-file") == 0) {
            token_file = a.value;
        } else if (strcmp(a.option, "access-log") == 0) {
            o.access_log = true;
        } else if (strcmp(a.option, "threads") == 0 || strcmp(a.option, "timeout") == 0) {
            if (!parse_size(a.value, &n) || n == 0 || n > 3600) {
                cli_error("--%s takes a number from 1 to 3600, not \"%s\"", a.option, a.value);
                bad = true;
            } else if (a.option[0] == 't' && a.option[1] == 'h') {
                o.threads = (unsigned)n;
            } else {
                o.timeout_seconds = (unsigned)n;
            }
        } else if (strcmp(a.option, "max-body") == 0) {
            if (!parse_size(a.value, &o.max_body) || o.max_body == 0) {
                cli_error("--max-body takes a size (16M), not \"%s\"", a.value);
                bad = true;
            }
        } else {
            cli_error("unknown option --%s for serve", a.option);
            bad = true;
        }
    }
    if (bad)
        return EXIT_USAGE;
    char *token = NULL;
    if (token_file && !(token = read_token_file(token_file)))
        return EXIT_USAGE;
    const char *env_token = getenv("CROSSCHECK_TOKEN");
    o.token = token ? token : env_token && *env_token ? env_token : NULL;

    /* Signals go to this thread's sigwait, not to the request threads
     * started below (they inherit the mask). */
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, NULL);
    signal(SIGPIPE, SIG_IGN);

    xc_error err = {0};
    xc_server *server = xc_server_start(&o, &err);
    if (!server) {
        free(token);
        return err.status == XC_ERR_ARG ? (cli_error("%s", err.message), EXIT_USAGE) : cli_fail(&err);
    }
    printf("crosscheck: serving %s on %s (writes %s; Ctrl-C stops)\n", c->db_path, xc_server_url(server),
           o.token ? "need the token" : "off: no token");
    fflush(stdout);
    int sig = 0;
    sigwait(&stop_signals, &sig);
    fprintf(stderr, "crosscheck: stopping (%s)\n", sig == SIGINT ? "interrupt" : "terminate");
    xc_server_stop(server);
    if (token) {
        memset(token, 0, strlen(token));
        free(token);
    }
    return EXIT_OK;
}
