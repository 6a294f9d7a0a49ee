#include <string.h>

#include "ner/tagger.h"
#include "util/error.h"

/* The model and the word clusters are linked in as raw bytes
 * (build/gen/ner_data.S, .incbin), so the binary needs no data files. */
extern const char xc_embedded_ner_model[], xc_embedded_ner_model_end[];
extern const char xc_embedded_clusters[], xc_embedded_clusters_end[];

const void *xc_ner_builtin_model(size_t *len)
{
    *len = (size_t)(xc_embedded_ner_model_end - xc_embedded_ner_model);
    return xc_embedded_ner_model;
}

xc_status xc_ner_resources_load(xc_ner_tagger *t, uint64_t kinds, xc_error *err)
{
    if ((kinds & XC_NER_USES_GAZETTEER) && !t->gazetteer) {
        t->gazetteer = xc_gazetteer_load_embedded(err);
        if (!t->gazetteer)
            return err ? err->status : XC_ERR_NOMEM;
        t->resources.gazetteer = t->gazetteer;
    }
    if ((kinds & XC_NER_USES_CLUSTERS) && !t->resources.clusters) {
        xc_status st = xc_word_clusters_parse(&t->clusters, xc_embedded_clusters,
                                              (size_t)(xc_embedded_clusters_end - xc_embedded_clusters), err);
        if (st != XC_OK)
            return st;
        t->resources.clusters = &t->clusters;
    }
    return XC_OK;
}

xc_status xc_ner_tagger_open(xc_ner_tagger *t, const char *model_path, xc_error *err)
{
    memset(t, 0, sizeof *t);
    xc_status st;
    if (model_path)
        st = xc_ner_model_read(&t->model, model_path, err);
    else {
        size_t len;
        const void *data = xc_ner_builtin_model(&len);
        st = xc_ner_model_load(&t->model, data, len, err);
    }
    if (st == XC_OK)
        st = xc_ner_resources_load(t, t->model.flags, err);
    if (st != XC_OK)
        xc_ner_tagger_close(t);
    return st;
}

void xc_ner_tagger_close(xc_ner_tagger *t)
{
    xc_ner_model_free(&t->model);
    xc_gazetteer_free(t->gazetteer);
    xc_word_clusters_free(&t->clusters);
    memset(t, 0, sizeof *t);
}
