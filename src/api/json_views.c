/* The store's answers as JSON (json_views.h): one shape for the command
 * line's --json and the HTTP API. */
#include "json_views.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../util/strmap.h"

/* ---- articles and entities ------------------------------------------------ */

void xc_view_article_fields(xc_json *j, const xc_article *a)
{
    xc_json_key(j, "id");
    xc_json_string(j, a->id);
    xc_json_key(j, "source");
    xc_json_string(j, a->source);
    xc_json_key(j, "title");
    xc_json_string(j, a->title);
    xc_json_key(j, "published");
    xc_json_string(j, a->published);
    xc_json_key(j, "url");
    xc_json_string(j, a->url);
}

void xc_view_story_field(xc_json *j, int64_t story)
{
    xc_json_key(j, "story");
    if (story)
        xc_json_int(j, story);
    else
        xc_json_null(j);
}

void xc_view_membership_fields(xc_json *j, const xc_article *a)
{
    xc_json_key(j, "similarity"), xc_json_double(j, a->similarity);
    xc_json_key(j, "copy_of"), xc_json_string(j, a->copy_of);
    xc_json_key(j, "copy_kind"), xc_json_string(j, a->copy_kind);
    xc_json_key(j, "duplicate_group");
    if (a->duplicate_group)
        xc_json_int(j, a->duplicate_group);
    else
        xc_json_null(j);
    xc_view_why_field(j, a->why_json);
}

void xc_view_why_field(xc_json *j, const char *why)
{
    xc_json_key(j, "why");
    cJSON *parsed = why ? cJSON_Parse(why) : NULL; /* stored JSON, but a damaged store must not break ours */
    if (parsed)
        xc_json_raw(j, why);
    else
        xc_json_null(j);
    cJSON_Delete(parsed);
}

void xc_view_entity(xc_json *j, const xc_entity *e)
{
    xc_json_object_begin(j);
    xc_view_entity_fields(j, e);
    xc_json_object_end(j);
}

void xc_view_entity_fields(xc_json *j, const xc_entity *e)
{
    xc_json_key(j, "id"), xc_json_int(j, e->id);
    xc_json_key(j, "name"), xc_json_string(j, e->name);
    xc_json_key(j, "type"), xc_json_string(j, e->type);
    xc_json_key(j, "variants");
    xc_json_array_begin(j);
    for (size_t i = 0; i < e->variant_count; i++)
        xc_json_string(j, e->variants[i].text);
    xc_json_array_end(j);
    xc_json_key(j, "roles");
    xc_json_array_begin(j);
    for (size_t i = 0; i < e->role_count; i++)
        xc_json_string(j, e->roles[i].text);
    xc_json_array_end(j);
    xc_json_key(j, "articles");
    xc_json_array_begin(j);
    for (size_t i = 0; i < e->article_id_count; i++)
        xc_json_string(j, e->article_ids[i]);
    xc_json_array_end(j);
    xc_json_key(j, "independent"), xc_json_int(j, (int64_t)e->independent);
    xc_json_key(j, "mentions"), xc_json_int(j, (int64_t)e->mentions);
    if (e->mention_list) {
        xc_json_key(j, "mention_spans");
        xc_json_array_begin(j);
        for (size_t i = 0; i < e->mention_list_count; i++) {
            const xc_entity_mention *m = &e->mention_list[i];
            xc_json_object_begin(j);
            xc_json_key(j, "article"), xc_json_string(j, m->article);
            xc_json_key(j, "start"), xc_json_int(j, (int64_t)m->start);
            xc_json_key(j, "end"), xc_json_int(j, (int64_t)m->end);
            xc_json_key(j, "text"), xc_json_string(j, m->text);
            xc_json_key(j, "role"), xc_json_string(j, m->role);
            xc_json_object_end(j);
        }
        xc_json_array_end(j);
    }
}

/* ---- facts and quotes -------------------------------------------------------- */

static void attestation_fields(xc_json *j, const xc_attestation *a)
{
    xc_json_key(j, "article"), xc_json_string(j, a->article);
    xc_json_key(j, "source"), xc_json_string(j, a->source);
    xc_json_key(j, "published"), xc_json_string(j, a->published);
    xc_json_key(j, "copy_of"), xc_json_string(j, a->copy_of);
    xc_json_key(j, "start"), xc_json_int(j, (int64_t)a->start);
    xc_json_key(j, "end"), xc_json_int(j, (int64_t)a->end);
    xc_json_key(j, "text"), xc_json_string(j, a->text);
}

void xc_view_attestation(xc_json *j, const xc_attestation *a)
{
    xc_json_object_begin(j);
    attestation_fields(j, a);
    xc_json_object_end(j);
}

void xc_view_fact(xc_json *j, int64_t story, const xc_fact *f)
{
    xc_json_object_begin(j);
    if (story)
        xc_json_key(j, "story"), xc_json_int(j, story);
    xc_json_key(j, "kind"), xc_json_string(j, f->kind);
    xc_json_key(j, "thing"), xc_json_string(j, f->thing);
    xc_json_key(j, "thing_text"), xc_json_string(j, f->thing_text);
    xc_json_key(j, "event"), xc_json_string(j, f->event);
    xc_json_key(j, "event_text"), xc_json_string(j, f->event_text);
    xc_json_key(j, "verdict"), xc_json_string(j, f->verdict);
    xc_json_key(j, "independent"), xc_json_int(j, (int64_t)f->independent);
    xc_json_key(j, "values");
    xc_json_array_begin(j);
    for (size_t v = 0; v < f->value_count; v++) {
        const xc_fact_value *value = &f->values[v];
        xc_json_object_begin(j);
        /* open ends are null: JSON has no infinity */
        xc_json_key(j, "low"), xc_json_double(j, value->low);
        xc_json_key(j, "high"), xc_json_double(j, value->high);
        xc_json_key(j, "low_open"), xc_json_bool(j, value->low_open || !isfinite(value->low));
        xc_json_key(j, "high_open"), xc_json_bool(j, value->high_open || !isfinite(value->high));
        xc_json_key(j, "unit"), xc_json_string(j, value->unit);
        xc_json_key(j, "independent"), xc_json_int(j, (int64_t)value->independent);
        xc_json_key(j, "outlets"), xc_json_int(j, (int64_t)value->outlets);
        xc_json_key(j, "reports");
        xc_json_array_begin(j);
        for (size_t r = 0; r < value->report_count; r++) {
            xc_json_object_begin(j);
            attestation_fields(j, &value->reports[r]);
            xc_json_object_end(j);
        }
        xc_json_array_end(j);
        xc_json_object_end(j);
    }
    xc_json_array_end(j);
    xc_json_key(j, "links");
    xc_json_array_begin(j);
    for (size_t k = 0; k < f->link_count; k++) {
        xc_json_object_begin(j);
        xc_json_key(j, "a"), xc_json_int(j, (int64_t)f->links[k].a);
        xc_json_key(j, "b"), xc_json_int(j, (int64_t)f->links[k].b);
        xc_json_key(j, "relation"), xc_json_string(j, f->links[k].relation);
        xc_json_object_end(j);
    }
    xc_json_array_end(j);
    xc_json_object_end(j);
}

void xc_view_remark(xc_json *j, int64_t story, const xc_remark *r)
{
    xc_json_object_begin(j);
    if (story)
        xc_json_key(j, "story"), xc_json_int(j, story);
    xc_json_key(j, "speaker"), xc_json_string(j, r->speaker);
    xc_json_key(j, "entity");
    if (r->entity)
        xc_json_int(j, r->entity);
    else
        xc_json_null(j);
    xc_json_key(j, "text"), xc_json_string(j, r->text);
    xc_json_key(j, "independent"), xc_json_int(j, (int64_t)r->independent);
    xc_json_key(j, "outlets"), xc_json_int(j, (int64_t)r->outlets);
    xc_json_key(j, "variants"), xc_json_int(j, (int64_t)r->variants);
    xc_json_key(j, "reports");
    xc_json_array_begin(j);
    for (size_t i = 0; i < r->report_count; i++) {
        const xc_quote_report *q = &r->reports[i];
        xc_json_object_begin(j);
        attestation_fields(j, &q->where);
        xc_json_key(j, "speaker_text"), xc_json_string(j, q->speaker_text);
        xc_json_key(j, "cue"), xc_json_string(j, q->cue);
        xc_json_key(j, "wording"), xc_json_string(j, q->wording);
        if (q->diff_count) {
            xc_json_key(j, "diff");
            xc_json_array_begin(j);
            for (size_t d = 0; d < q->diff_count; d++) {
                char op[2] = {q->diff[d].op, '\0'};
                xc_json_array_begin(j);
                xc_json_string(j, op);
                xc_json_string_n(j, q->diff[d].text, q->diff[d].len);
                xc_json_array_end(j);
            }
            xc_json_array_end(j);
        }
        xc_json_object_end(j);
    }
    xc_json_array_end(j);
    xc_json_object_end(j);
}

/* ---- stories -------------------------------------------------------------- */

/* Computed once per story: a story may hold thousands of copies. */
bool xc_story_lineage_make(const xc_story *s, xc_story_lineage *v)
{
    size_t n = s->articles_shown;
    v->parent = malloc((n ? n : 1) * sizeof *v->parent);
    v->report = malloc((n ? n : 1) * sizeof *v->report);
    xc_strmap index = {0};
    if (!v->parent || !v->report) {
        free(v->parent), free(v->report);
        return false;
    }
    for (size_t i = 0; i < n; i++)
        xc_strmap_put(&index, s->articles[i].id, strlen(s->articles[i].id), (uint32_t)i);
    for (size_t i = 0; i < n; i++) {
        uint32_t k;
        const char *copy_of = s->articles[i].copy_of;
        v->parent[i] = copy_of && xc_strmap_get(&index, copy_of, strlen(copy_of), &k) && k != i ? (long)k : -1;
    }
    xc_strmap_free(&index);
    for (size_t i = 0; i < n; i++) {
        size_t at = i, steps = 0;
        while (v->parent[at] >= 0 && steps++ < n)
            at = (size_t)v->parent[at];
        v->report[i] = (long)at;
    }
    return true;
}

void xc_story_lineage_free(xc_story_lineage *v)
{
    free(v->parent);
    free(v->report);
}

void xc_view_story_fields(xc_json *j, const xc_story *s, bool articles)
{
    xc_json_key(j, "id"), xc_json_int(j, s->id);
    xc_json_key(j, "title"), xc_json_string(j, s->title);
    xc_json_key(j, "size"), xc_json_int(j, (int64_t)s->article_count);
    xc_json_key(j, "independent"), xc_json_int(j, (int64_t)s->independent);
    xc_json_key(j, "outlets");
    xc_json_array_begin(j);
    for (size_t i = 0; i < s->source_count; i++)
        xc_json_string(j, s->sources[i]);
    xc_json_array_end(j);
    xc_json_key(j, "independent_outlets"), xc_json_int(j, (int64_t)s->independent_outlets);
    xc_json_key(j, "first_published"), xc_json_string(j, s->first_published);
    xc_json_key(j, "last_published"), xc_json_string(j, s->last_published);
    if (!articles)
        return;
    xc_json_key(j, "articles");
    xc_json_array_begin(j);
    for (size_t i = 0; i < s->articles_shown; i++) {
        const xc_article *a = &s->articles[i];
        xc_json_object_begin(j);
        xc_view_article_fields(j, a);
        xc_view_membership_fields(j, a);
        xc_json_object_end(j);
    }
    xc_json_array_end(j);
    /* Independent reports, each with the copies folded under it. Copies
     * come after their report, in publication order: one pass lists each
     * report's copies after it. */
    xc_story_lineage view;
    bool folded = xc_story_lineage_make(s, &view);
    xc_json_key(j, "reports");
    xc_json_array_begin(j);
    for (size_t i = 0; folded && i < s->articles_shown; i++) {
        if (view.report[i] != (long)i)
            continue;
        xc_json_object_begin(j);
        xc_json_key(j, "id"), xc_json_string(j, s->articles[i].id);
        xc_json_key(j, "source"), xc_json_string(j, s->articles[i].source);
        xc_json_key(j, "copies");
        xc_json_array_begin(j);
        for (size_t k = i + 1; k < s->articles_shown; k++) {
            if (view.report[k] != (long)i)
                continue;
            xc_json_object_begin(j);
            xc_json_key(j, "id"), xc_json_string(j, s->articles[k].id);
            xc_json_key(j, "source"), xc_json_string(j, s->articles[k].source);
            xc_json_key(j, "copy_of"), xc_json_string(j, s->articles[k].copy_of);
            xc_json_key(j, "kind"), xc_json_string(j, s->articles[k].copy_kind);
            xc_json_key(j, "similarity"), xc_json_double(j, s->articles[k].similarity);
            xc_json_object_end(j);
        }
        xc_json_array_end(j);
        xc_json_object_end(j);
    }
    xc_json_array_end(j);
    if (folded)
        xc_story_lineage_free(&view);
}

static int on_fact(void *json, const xc_fact *f)
{
    xc_view_fact(json, 0, f);
    return 0;
}

static int on_remark(void *json, const xc_remark *r)
{
    xc_view_remark(json, 0, r);
    return 0;
}

static int on_entity(void *json, const xc_entity *e)
{
    xc_view_entity(json, e);
    return 0;
}

xc_status xc_view_story_ledger(xc_json *j, xc_ctx *ctx, int64_t story, size_t entities, xc_error *err)
{
    xc_error section = {0};
    xc_status first = XC_OK;
    xc_json_key(j, "facts");
    xc_json_array_begin(j);
    if (xc_story_facts(ctx, story, on_fact, j, &section) != XC_OK && first == XC_OK)
        first = section.status, *err = section;
    xc_json_array_end(j);
    xc_json_key(j, "quotes");
    xc_json_array_begin(j);
    if (xc_story_remarks(ctx, story, on_remark, j, &section) != XC_OK && first == XC_OK)
        first = section.status, *err = section;
    xc_json_array_end(j);
    xc_json_key(j, "entities");
    xc_json_array_begin(j);
    xc_entity_query query = {.story = story, .limit = entities};
    if (xc_entities_each(ctx, &query, on_entity, j, &section) != XC_OK && first == XC_OK)
        first = section.status, *err = section;
    xc_json_array_end(j);
    return first;
}

/* ---- briefs ---------------------------------------------------------------- */

static void sources_field(xc_json *j, const xc_attestation *sources, size_t count)
{
    xc_json_key(j, "sources");
    xc_json_array_begin(j);
    for (size_t i = 0; i < count; i++)
        xc_view_attestation(j, &sources[i]);
    xc_json_array_end(j);
}

void xc_view_brief_sentences(xc_json *j, const xc_brief *b)
{
    xc_json_key(j, "words"), xc_json_int(j, (int64_t)b->words);
    xc_json_key(j, "sentences");
    xc_json_array_begin(j);
    for (size_t i = 0; i < b->sentence_count; i++) {
        const xc_brief_sentence *s = &b->sentences[i];
        xc_json_object_begin(j);
        xc_json_key(j, "text"), xc_json_string(j, s->text);
        xc_json_key(j, "kind"), xc_json_string(j, s->kind == XC_BRIEF_CONFLICT ? "conflict" : "extract");
        xc_json_key(j, "independent"), xc_json_int(j, (int64_t)s->independent);
        xc_json_key(j, "contested"), xc_json_string(j, s->contested);
        sources_field(j, s->sources, s->source_count);
        xc_json_object_end(j);
    }
    xc_json_array_end(j);
}

void xc_view_timeline(xc_json *j, const xc_brief *b)
{
    xc_json_key(j, "timeline");
    xc_json_array_begin(j);
    for (size_t i = 0; i < b->timeline_count; i++) {
        const xc_timeline_entry *e = &b->timeline[i];
        xc_json_object_begin(j);
        xc_json_key(j, "date"), xc_json_string(j, e->date);
        xc_json_key(j, "precision"), xc_json_string(j, e->precision);
        xc_json_key(j, "text"), xc_json_string(j, e->text);
        xc_json_key(j, "date_text"), xc_json_string(j, e->date_text);
        xc_json_key(j, "independent"), xc_json_int(j, (int64_t)e->independent);
        sources_field(j, e->sources, e->source_count);
        xc_json_object_end(j);
    }
    xc_json_array_end(j);
}
