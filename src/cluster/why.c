#include "why.h"

#include "../util/buf.h"
#include "../util/json_writer.h"

char *xc_why_json(const xc_termdict *terms, const xc_cluster_decision *d)
{
    xc_buf out = {0};
    xc_json j;
    xc_json_init(&j, &out);
    xc_json_object_begin(&j);
    xc_json_key(&j, "new_story"), xc_json_bool(&j, d->new_story);
    if (!d->new_story) {
        xc_json_key(&j, "score"), xc_json_double(&j, d->score);
        xc_json_key(&j, "cosine"), xc_json_double(&j, d->cosine);
        xc_json_key(&j, "names"), xc_json_double(&j, d->names);
        xc_json_key(&j, "time_factor"), xc_json_double(&j, d->time_factor);
        xc_json_key(&j, "gap_hours");
        if (d->gap >= 0)
            xc_json_double(&j, (double)d->gap / 3600.0);
        else
            xc_json_null(&j);
        xc_json_key(&j, "terms");
        xc_json_array_begin(&j);
        for (size_t i = 0; i < d->term_count; i++)
            xc_json_string(&j, xc_termdict_string(terms, d->terms[i]));
        xc_json_array_end(&j);
        xc_json_key(&j, "shared_names");
        xc_json_array_begin(&j);
        for (size_t i = 0; i < d->name_count; i++)
            xc_json_string(&j, xc_termdict_string(terms, d->shared_names[i]) + 1); /* without '@' */
        xc_json_array_end(&j);
    }
    if (d->second_story) {
        xc_json_key(&j, "runner_up");
        xc_json_object_begin(&j);
        xc_json_key(&j, "story"), xc_json_int(&j, d->second_story);
        xc_json_key(&j, "score"), xc_json_double(&j, d->second_score);
        xc_json_object_end(&j);
    }
    xc_json_object_end(&j);
    return xc_buf_detach(&out, NULL);
}
