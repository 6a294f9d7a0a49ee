#include <stdlib.h>
#include <string.h>

#include "entities.h"
#include "../entity/names.h"
#include "../util/error.h"

typedef struct candidate {
    int64_t id;
    char key[XC_NAME_KEY_MAX];
    size_t key_len;
    int64_t articles;
} candidate;

static size_t words_in(const char *key, size_t len)
{
    const char *w[16];
    size_t l[16];
    return xc_name_words(key, len, w, l, 16);
}

/* Is this folded name specific enough to mean one entity everywhere? A
 * person's surname alone is not. */
static bool global_key(int type, const char *key, size_t len)
{
    return len > 0 && (type != XC_NER_PER || words_in(key, len) >= 2);
}

/* The tagger may call one name a person in one article and an organisation
 * in another: a specific name means one entity whatever its type. */
static int64_t entity_of_key(xc_store *s, const char *key, size_t len)
{
    static const char sql[] = "SELECT entity FROM entity_keys WHERE key = ?";
    sqlite3_stmt *st = xc_store_prepare(s, sql, NULL);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, key, (int)len, SQLITE_STATIC);
    int64_t id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    return id;
}

/* Within a story a club or company may go by its last word(s) alone
 * ("Colts" for "Indianapolis Colts"); across the store it may not. */
static bool agree(int type, const char *a, size_t an, const char *b, size_t bn)
{
    if (type == XC_NER_PER)
        return xc_person_names_agree(a, an, b, bn);
    return xc_other_names_agree(a, an, b, bn) || (type == XC_NER_ORG && xc_name_is_tail(a, an, b, bn));
}

/* The story's entity whose name agrees with the local entity's fullest
 * name; when several do, the one with the same key, else the one most
 * articles name if it is clearly ahead; 0 when none. */
static int64_t entity_in_story(xc_store *s, int64_t story, int type, const char *key, size_t len, xc_error *err)
{
    static const char sql[] = "SELECT e.id, e.key, se.articles FROM story_entities se JOIN entities e ON e.id = "
                              "se.entity WHERE se.story = ? AND e.type = ?";
    sqlite3_stmt *st = xc_store_prepare(s, sql, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, story);
    sqlite3_bind_int(st, 2, type);
    int64_t best = 0, best_articles = 0, second_articles = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *k = xc_column_text(st, 1);
        size_t kn = (size_t)sqlite3_column_bytes(st, 1);
        if (!k || !agree(type, key, len, k, kn))
            continue;
        int64_t articles = sqlite3_column_int64(st, 2);
        if (kn == len && memcmp(k, key, len) == 0) {
            best = sqlite3_column_int64(st, 0);
            best_articles = INT64_MAX;
            continue;
        }
        if (articles > best_articles) {
            second_articles = best_articles;
            best_articles = articles;
            best = sqlite3_column_int64(st, 0);
        } else if (articles > second_articles)
            second_articles = articles;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        xc_store_error(s, err, "finding entities");
        return -1;
    }
    /* two people called Clinton in the story: a bare "Clinton" is ambiguous */
    if (best_articles != INT64_MAX && second_articles * 2 > best_articles)
        return 0;
    return best;
}

/* Has an earlier mention of the entity (among the first few) the same
 * key? "Trump" nine times needs one lookup, not nine. */
static bool repeats_key(const xc_entity_extractor *x, size_t e, uint32_t k)
{
    const xc_mention *m = &x->mentions.items[x->by_entity[k]];
    uint32_t from = x->first[e], to = k - x->first[e] > 16 ? x->first[e] + 16 : k;
    for (uint32_t j = from; j < to; j++) {
        const xc_mention *o = &x->mentions.items[x->by_entity[j]];
        if (o->key_len == m->key_len && memcmp(xc_mention_key(x, o), xc_mention_key(x, m), m->key_len) == 0)
            return true;
    }
    return false;
}

xc_status xc_entities_save(xc_store *s, int64_t article, int64_t story, const char *text,
                           const xc_entity_extractor *x, int64_t *ids, xc_error *err)
{
    static const char insert_entity[] = "INSERT INTO entities (type, name, key) VALUES (?, ?, ?)";
    /* a fuller name, or one as long that is not in capitals where the
     * entity's was ("PORT ALDWICK" from a dateline, then "Port Aldwick") */
    static const char rename[] = "UPDATE entities SET name = ?1, key = ?2 WHERE id = ?3 AND "
                                 "(length(key) - length(replace(key, ' ', '')) < ?4 OR "
                                 " (length(key) - length(replace(key, ' ', '')) = ?4 AND name = upper(name) "
                                 "  AND (instr(name, ' ') > 0 OR length(name) >= 7) AND ?1 <> upper(?1)))";
    static const char insert_key[] = "INSERT OR IGNORE INTO entity_keys (key, entity) VALUES (?, ?)";
    static const char insert_mention[] = "INSERT OR REPLACE INTO mentions (article, start, end, entity, text, role) "
                                         "VALUES (?, ?, ?, ?, ?, ?)";
    static const char count[] = "UPDATE entities SET mentions = mentions + ?, articles = articles + 1 WHERE id = ?";
    static const char in_story[] = "INSERT INTO story_entities (story, entity, articles) VALUES (?, ?, 1) "
                                   "ON CONFLICT (story, entity) DO UPDATE SET articles = articles + 1";
    xc_status status = XC_OK;
    for (size_t e = 0; e < x->entities.count && status == XC_OK; e++) {
        const xc_local_entity *ent = &x->entities.items[e];
        const xc_mention *name = &x->mentions.items[ent->name];
        const char *key = xc_mention_key(x, name);
        int type = ent->type;
        /* 1. a name known anywhere */
        int64_t id = 0;
        for (uint32_t k = x->first[e]; k < x->first[e + 1] && id == 0; k++) {
            const xc_mention *m = &x->mentions.items[x->by_entity[k]];
            if (global_key(type, xc_mention_key(x, m), m->key_len) && !repeats_key(x, e, k))
                id = entity_of_key(s, xc_mention_key(x, m), m->key_len);
        }
        /* 2. an entity of the story whose name agrees; a lone word the
         * tagger did not call a person may still be a person's surname
         * ("Rubio" as a place) */
        if (id == 0 && story > 0)
            id = entity_in_story(s, story, type, key, name->key_len, err);
        if (id == 0 && story > 0 && type != XC_NER_PER && words_in(key, name->key_len) == 1)
            id = entity_in_story(s, story, XC_NER_PER, key, name->key_len, err);
        if (id < 0)
            return XC_ERR_STORE;
        sqlite3_stmt *st;
        if (id == 0) {
            if (!(st = xc_store_prepare(s, insert_entity, err)))
                return XC_ERR_STORE;
            sqlite3_bind_int(st, 1, type);
            sqlite3_bind_text(st, 2, text + name->start, (int)(name->end - name->start), SQLITE_STATIC);
            sqlite3_bind_text(st, 3, key, (int)name->key_len, SQLITE_STATIC);
            if ((status = xc_store_run(s, st, "storing an entity", err)) != XC_OK)
                return status;
            id = sqlite3_last_insert_rowid(s->db);
        } else {
            /* a fuller name than the entity had ("Rubio" → "Marco Rubio") */
            if (!(st = xc_store_prepare(s, rename, err)))
                return XC_ERR_STORE;
            sqlite3_bind_text(st, 1, text + name->start, (int)(name->end - name->start), SQLITE_STATIC);
            sqlite3_bind_text(st, 2, key, (int)name->key_len, SQLITE_STATIC);
            sqlite3_bind_int64(st, 3, id);
            sqlite3_bind_int64(st, 4, (int64_t)words_in(key, name->key_len) - 1);
            if ((status = xc_store_run(s, st, "naming an entity", err)) != XC_OK)
                return status;
        }
        if (ids)
            ids[e] = id;
        for (uint32_t k = x->first[e]; k < x->first[e + 1] && status == XC_OK; k++) {
            const xc_mention *m = &x->mentions.items[x->by_entity[k]];
            if (global_key(type, xc_mention_key(x, m), m->key_len) && !repeats_key(x, e, k)) {
                if (!(st = xc_store_prepare(s, insert_key, err)))
                    return XC_ERR_STORE;
                sqlite3_bind_text(st, 1, xc_mention_key(x, m), (int)m->key_len, SQLITE_STATIC);
                sqlite3_bind_int64(st, 2, id);
                if ((status = xc_store_run(s, st, "storing an entity name", err)) != XC_OK)
                    return status;
            }
            if (!(st = xc_store_prepare(s, insert_mention, err)))
                return XC_ERR_STORE;
            sqlite3_bind_int64(st, 1, article);
            sqlite3_bind_int64(st, 2, m->start);
            sqlite3_bind_int64(st, 3, m->end);
            sqlite3_bind_int64(st, 4, id);
            sqlite3_bind_text(st, 5, text + m->start, (int)(m->end - m->start), SQLITE_STATIC);
            if (m->role_end > m->role_start)
                sqlite3_bind_text(st, 6, text + m->role_start, (int)(m->role_end - m->role_start), SQLITE_STATIC);
            status = xc_store_run(s, st, "storing a mention", err);
        }
        if (status != XC_OK)
            return status;
        if (!(st = xc_store_prepare(s, count, err)))
            return XC_ERR_STORE;
        sqlite3_bind_int64(st, 1, ent->mentions);
        sqlite3_bind_int64(st, 2, id);
        if ((status = xc_store_run(s, st, "counting mentions", err)) != XC_OK)
            return status;
        if (story > 0) {
            if (!(st = xc_store_prepare(s, in_story, err)))
                return XC_ERR_STORE;
            sqlite3_bind_int64(st, 1, story);
            sqlite3_bind_int64(st, 2, id);
            status = xc_store_run(s, st, "linking an entity to its story", err);
        }
    }
    return status;
}

xc_status xc_entities_forget(xc_store *s, int64_t article, int64_t story, xc_error *err)
{
    static const char uncount[] = "UPDATE entities SET mentions = mentions - (SELECT count(*) FROM mentions m WHERE "
                                  "m.article = ?1 AND m.entity = entities.id), articles = articles - 1 WHERE id IN "
                                  "(SELECT DISTINCT entity FROM mentions WHERE article = ?1)";
    static const char unstory[] = "UPDATE story_entities SET articles = articles - 1 WHERE story = ?2 AND entity IN "
                                  "(SELECT DISTINCT entity FROM mentions WHERE article = ?1)";
    static const char tidy[] = "DELETE FROM story_entities WHERE story = ? AND articles <= 0";
    static const char drop[] = "DELETE FROM mentions WHERE article = ?";
    sqlite3_stmt *st;
    xc_status status;
    if (!(st = xc_store_prepare(s, uncount, err)))
        return XC_ERR_STORE;
    sqlite3_bind_int64(st, 1, article);
    if ((status = xc_store_run(s, st, "forgetting mentions", err)) != XC_OK)
        return status;
    if (story > 0) {
        if (!(st = xc_store_prepare(s, unstory, err)))
            return XC_ERR_STORE;
        sqlite3_bind_int64(st, 1, article);
        sqlite3_bind_int64(st, 2, story);
        if ((status = xc_store_run(s, st, "forgetting mentions", err)) != XC_OK)
            return status;
        if (!(st = xc_store_prepare(s, tidy, err)))
            return XC_ERR_STORE;
        sqlite3_bind_int64(st, 1, story);
        if ((status = xc_store_run(s, st, "forgetting mentions", err)) != XC_OK)
            return status;
    }
    if (!(st = xc_store_prepare(s, drop, err)))
        return XC_ERR_STORE;
    sqlite3_bind_int64(st, 1, article);
    return xc_store_run(s, st, "forgetting mentions", err);
}
