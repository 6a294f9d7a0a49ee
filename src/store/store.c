/* Opening the store: WAL journal, foreign keys, migrations. */
#include "store.h"

#include <stdlib.h>

#include <stdio.h>
#include <string.h>

#include "../util/error.h"

xc_status xc_store_error(xc_store *s, xc_error *err, const char *doing)
{
    return xc_fail(err, XC_ERR_STORE, "%s: %s", doing, s->db ? sqlite3_errmsg(s->db) : "no database");
}

xc_status xc_store_run(xc_store *s, sqlite3_stmt *st, const char *doing, xc_error *err)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? XC_OK : xc_store_error(s, err, doing);
}

xc_status xc_store_exec(xc_store *s, const char *sql, xc_error *err)
{
    char *message = NULL;
    if (sqlite3_exec(s->db, sql, NULL, NULL, &message) != SQLITE_OK) {
        xc_fail(err, XC_ERR_STORE, "%s", message ? message : sqlite3_errmsg(s->db));
        sqlite3_free(message);
        return XC_ERR_STORE;
    }
    return XC_OK;
}

int xc_store_version(xc_store *s)
{
    sqlite3_stmt *st;
    int version = -1;
    if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            version = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
    }
    return version;
}

/* Apply the migrations the store lacks. The version is read again inside
 * each write transaction, so two processes opening a new store at once do
 * not both create it. */
static xc_status migrate(xc_store *s, xc_error *err)
{
    int latest = xc_store_migration_count();
    for (;;) {
        int version = xc_store_version(s);
        if (version < 0)
            return xc_store_error(s, err, "reading the schema version");
        if (version > latest)
            return xc_fail(err, XC_ERR_SCHEMA,
                           "the database has schema version %d, newer than this crosscheck knows "
                           "(%d); upgrade crosscheck",
                           version, latest);
        if (version == latest)
            return XC_OK;
        xc_status st = xc_store_exec(s, "BEGIN IMMEDIATE;", err);
        if (st != XC_OK)
            return st;
        int current = xc_store_version(s);
        if (current != version) { /* someone else migrated meanwhile */
            xc_store_exec(s, "COMMIT;", NULL);
            continue;
        }
        int next = version + 1;
        char pragma[64];
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d;", next);
        st = xc_store_exec(s, xc_store_migration(next), err);
        if (st == XC_OK)
            st = xc_store_exec(s, pragma, err);
        if (st == XC_OK)
            st = xc_store_exec(s, "COMMIT;", err);
        if (st != XC_OK) {
            sqlite3_exec(s->db, "ROLLBACK;", NULL, NULL, NULL);
            char detail[sizeof err->message];
            snprintf(detail, sizeof detail, "%s", err ? err->message : "");
            return xc_fail(err, XC_ERR_STORE, "migrating to schema version %d: %s", next, detail);
        }
    }
}

/* Switch to WAL. Changing the journal mode does not wait on the busy
 * handler: when another process is opening the same new store at that
 * moment SQLite answers "locked" at once, so wait and retry (up to ~10 s). */
static xc_status set_wal(xc_store *s, xc_error *err)
{
    for (int attempt = 0;; attempt++) {
        int rc = sqlite3_exec(s->db, "PRAGMA journal_mode=WAL;", NULL, NULL, NULL);
        if (rc == SQLITE_OK)
            return XC_OK;
        if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
            return xc_store_error(s, err, "switching to WAL");
        if (attempt == 200)
            return xc_store_error(s, err, "switching to WAL (the database stays locked)");
        sqlite3_sleep(50);
    }
}

xc_status xc_store_open(xc_store *s, const char *path, xc_error *err)
{
    memset(s, 0, sizeof *s);
    int rc = sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    if (rc != SQLITE_OK) {
        xc_fail(err, XC_ERR_STORE, "cannot open database %s: %s", path,
                s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
        xc_store_close(s);
        return XC_ERR_STORE;
    }
    sqlite3_extended_result_codes(s->db, 1);
    sqlite3_busy_timeout(s->db, 10000);
    /* WAL: readers never block the writer, and a killed writer loses only
     * its open transaction. synchronous=NORMAL is durable against process
     * crashes (kill -9); only a power cut can lose the last commits. */
    xc_status st = set_wal(s, err);
    if (st == XC_OK)
        st = xc_store_exec(s,
                                 "PRAGMA synchronous=NORMAL;"
                                 "PRAGMA foreign_keys=ON;"
                                 "PRAGMA temp_store=MEMORY;"
                                 "PRAGMA cache_size=-65536;",
                                 err);
    if (st == XC_OK)
        st = migrate(s, err);
    if (st != XC_OK) {
        if (err && st == XC_ERR_STORE && !strstr(err->message, path)) {
            char detail[sizeof err->message];
            snprintf(detail, sizeof detail, "%s", err->message);
            xc_fail(err, st, "%s: %s", path, detail);
        }
        xc_store_close(s);
        return st;
    }
    return XC_OK;
}

void xc_store_close(xc_store *s)
{
    for (int i = 0; i < s->statement_count; i++)
        sqlite3_finalize(s->statements[i].stmt);
    free(s->statements);
    s->statements = NULL;
    s->statement_count = s->statement_capacity = 0;
    if (s->db)
        sqlite3_close(s->db);
    s->db = NULL;
}

xc_status xc_store_begin(xc_store *s, xc_error *err)
{
    xc_status st = xc_store_exec(s, "BEGIN IMMEDIATE;", err);
    s->in_transaction = st == XC_OK;
    return st;
}

xc_status xc_store_commit(xc_store *s, xc_error *err)
{
    xc_status st = xc_store_exec(s, "COMMIT;", err);
    if (st == XC_OK)
        s->in_transaction = false;
    return st;
}

void xc_store_rollback(xc_store *s)
{
    if (s->in_transaction)
        sqlite3_exec(s->db, "ROLLBACK;", NULL, NULL, NULL);
    s->in_transaction = false;
}

sqlite3_stmt *xc_store_prepare(xc_store *s, const char *sql, xc_error *err)
{
    for (int i = 0; i < s->statement_count; i++) {
        if (s->statements[i].sql == sql) {
            sqlite3_stmt *st = s->statements[i].stmt;
            sqlite3_reset(st);
            sqlite3_clear_bindings(st);
            return st;
        }
    }
    if (s->statement_count == s->statement_capacity) {
        int cap = s->statement_capacity ? s->statement_capacity * 2 : 64;
        xc_store_statement *grown = realloc(s->statements, (size_t)cap * sizeof *grown);
        if (!grown) {
            xc_fail(err, XC_ERR_NOMEM, "out of memory");
            return NULL;
        }
        s->statements = grown;
        s->statement_capacity = cap;
    }
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
        xc_store_error(s, err, "preparing a statement");
        return NULL;
    }
    s->statements[s->statement_count++] = (xc_store_statement){sql, st};
    return st;
}

int64_t xc_store_meta_int(xc_store *s, const char *key, int64_t fallback)
{
    static const char sql[] = "SELECT value FROM meta WHERE key = ?";
    sqlite3_stmt *st = xc_store_prepare(s, sql, NULL);
    if (!st)
        return fallback;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    int64_t v = fallback;
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return v;
}

xc_status xc_store_set_meta_int(xc_store *s, const char *key, int64_t value, xc_error *err)
{
    static const char sql[] = "INSERT INTO meta(key, value) VALUES (?, ?) "
                              "ON CONFLICT(key) DO UPDATE SET value = excluded.value";
    sqlite3_stmt *st = xc_store_prepare(s, sql, err);
    if (!st)
        return XC_ERR_STORE;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, value);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? XC_OK : xc_store_error(s, err, "writing meta");
}
