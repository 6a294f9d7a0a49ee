/* The SQLite store: opening, migrating, transactions and a cache of
 * prepared statements. What is stored where is in schema.c; the operations
 * on articles, stories, terms and search live beside this file. */
#ifndef XC_STORE_H
#define XC_STORE_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include "crosscheck.h"

typedef struct xc_store_statement {
    const char *sql; /* the static string it was made from: the cache key */
    sqlite3_stmt *stmt;
} xc_store_statement;

typedef struct xc_store {
    sqlite3 *db;
    xc_store_statement *statements; /* grows: every statement is finalized at close */
    int statement_count, statement_capacity;
    bool in_transaction;
} xc_store;

xc_status xc_store_open(xc_store *s, const char *path, xc_error *err);
void xc_store_close(xc_store *s);

/* Schema versions (schema.c). */
int xc_store_migration_count(void);
const char *xc_store_migration(int version);
int xc_store_version(xc_store *s);

/* A write transaction (BEGIN IMMEDIATE: the writer lock is taken up front
 * so two writers queue instead of failing halfway). */
xc_status xc_store_begin(xc_store *s, xc_error *err);
xc_status xc_store_commit(xc_store *s, xc_error *err);
void xc_store_rollback(xc_store *s);

/* A prepared statement for a static SQL string, reset and with bindings
 * cleared; cached by the string's address. NULL (and err set) on failure. */
sqlite3_stmt *xc_store_prepare(xc_store *s, const char *sql, xc_error *err);
/* Fill err from the connection's last error; returns XC_ERR_STORE. */
xc_status xc_store_error(xc_store *s, xc_error *err, const char *doing);
/* Step a prepared statement that returns no rows, and reset it; on failure
 * err says what was being done. */
xc_status xc_store_run(xc_store *s, sqlite3_stmt *st, const char *doing, xc_error *err);
/* Run SQL without results. */
xc_status xc_store_exec(xc_store *s, const char *sql, xc_error *err);

/* Small key/value settings in the meta table. */
int64_t xc_store_meta_int(xc_store *s, const char *key, int64_t fallback);
xc_status xc_store_set_meta_int(xc_store *s, const char *key, int64_t value, xc_error *err);

/* Column text or NULL, without SQLite's NULL-to-"" surprises. */
static inline const char *xc_column_text(sqlite3_stmt *st, int col)
{
    return (const char *)sqlite3_column_text(st, col);
}

#endif
