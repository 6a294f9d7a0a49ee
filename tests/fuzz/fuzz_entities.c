/* Fuzz entity extraction on arbitrary text: tagging, role and particle
 * handling, grouping; every mention lies inside the text and names an
 * entity of the article. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crosscheck.h"
#include "entity/extract.h"
#include "entity/names.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static xc_ner_tagger tagger;
static int loaded;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!loaded) {
        xc_error err = {0};
        loaded = xc_ner_tagger_open(&tagger, NULL, &err) == XC_OK ? 1 : -1;
    }
    if (loaded != 1 || !xc_utf8_valid((const char *)data, size, NULL))
        return 0;
    xc_entity_extractor x = {.tagger = &tagger};
    if (xc_entities_extract(&x, (const char *)data, size) == XC_OK) {
        for (size_t i = 0; i < x.mentions.count; i++) {
            const xc_mention *m = &x.mentions.items[i];
            if (m->start >= m->end || m->end > size || m->role_start > m->role_end || m->role_end > size ||
                m->entity >= x.entities.count)
                abort();
            const char *key = xc_mention_key(&x, m);
            if (strlen(key) != m->key_len)
                abort();
            /* comparisons are symmetric */
            const xc_mention *o = &x.mentions.items[(i + 1) % x.mentions.count];
            const char *okey = xc_mention_key(&x, o);
            if (xc_person_names_agree(key, m->key_len, okey, o->key_len) !=
                xc_person_names_agree(okey, o->key_len, key, m->key_len))
                abort();
        }
    }
    /* the name functions on the raw bytes too */
    char key[XC_NAME_KEY_MAX], skeleton[64];
    size_t n = xc_name_key((const char *)data, size, key);
    xc_name_skeleton(key, n, skeleton, sizeof skeleton);
    xc_jaro_winkler(key, n, skeleton, strlen(skeleton));
    xc_entity_extractor_free(&x);
    return 0;
}
