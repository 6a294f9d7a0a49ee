/* crosscheck serve: the HTTP server (libmicrohttpd) around the API of
 * src/api/. It owns the sockets, the request limits, the security headers
 * and the store connections: a pool of readers and one writer. */
#ifndef XC_SERVER_H
#define XC_SERVER_H

#include <stdbool.h>
#include <stddef.h>

#include "crosscheck.h"

typedef struct xc_server_options {
    const char *db_path;
    const char *listen;         /* "127.0.0.1:8080", "[::1]:8080", "8080";
                                   port 0 picks a free one                */
    unsigned threads;           /* request threads and store readers; 0: 4 */
    const char *token;          /* writes need it; NULL: writes refused    */
    size_t max_body;            /* POST bytes; 0: 16 MB                    */
    unsigned timeout_seconds;   /* a read's store time, a client's idle
                                   time; writes get ten times it; 0: 10   */
    bool access_log;            /* one line per request on stderr          */
} xc_server_options;

typedef struct xc_server xc_server;

/* Open the store (creating it if need be), bind and start answering in
 * background threads. NULL and `err` filled when it cannot. */
xc_server *xc_server_start(const xc_server_options *options, xc_error *err);
/* The address it answers on: "http://127.0.0.1:8080/". */
const char *xc_server_url(const xc_server *server);
/* Stop accepting, finish the requests in hand, close the store. */
void xc_server_stop(xc_server *server);

#endif
