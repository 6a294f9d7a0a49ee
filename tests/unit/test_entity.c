/* Entities: name keys and comparisons, grouping within an article, and
 * identities across articles in the store. */
#include <unistd.h>

#include "test_util.h"

#include "entity/extract.h"
#include "entity/names.h"
#include "util/buf.h"

static void key_is(const char *name, const char *expected)
{
    char key[XC_NAME_KEY_MAX];
    xc_name_key(name, strlen(name), key);
    assert_string_equal(key, expected);
}

static void test_name_keys(void **state)
{
    (void)state;
    key_is("U.S.", "us");
    key_is("J.D. Vance", "jd vance");
    key_is("Zelenskyy\xe2\x80\x99s", "zelenskyy");
    key_is("Mohammed Bin  Salman", "mohammed bin salman");
    key_is("S\xc3\xa3o Paulo", "sao paulo");
    key_is("O'Brien", "obrien");
    key_is("--", "");
    char skel[64];
    xc_name_skeleton("zelenskyy", 9, skel, sizeof skel);
    assert_string_equal(skel, "zlnsk");
    xc_name_skeleton("zelenskiy", 9, skel, sizeof skel);
    assert_string_equal(skel, "zlnsk");
    assert_true(xc_jaro_winkler("martha", 6, "marhta", 6) > 0.96 && xc_jaro_winkler("martha", 6, "marhta", 6) < 0.962);
    assert_true(xc_jaro_winkler("abc", 3, "xyz", 3) == 0);
}

static bool people(const char *a, const char *b)
{
    return xc_person_names_agree(a, strlen(a), b, strlen(b));
}

static bool others(const char *a, const char *b)
{
    return xc_other_names_agree(a, strlen(a), b, strlen(b));
}

static void test_names_agree(void **state)
{
    (void)state;
    assert_true(people("rubio", "marco rubio"));
    assert_true(people("volodymyr zelenskiy", "volodymyr zelenskyy"));
    assert_true(people("zelensky", "volodymyr zelenskyy"));
    assert_true(people("mike waltz", "michael waltz"));
    assert_true(people("jd vance", "j vance"));
    assert_true(people("dmitry medevdev", "dmitry medvedev"));
    assert_true(people("anatoly yusupow", "anatoly yusupov"));
    assert_true(people("romanow", "nikolai romanov"));
    assert_true(people("oskar lindqvist", "oskar lindquist"));
    assert_false(people("wallace", "vallace")); /* w stays w where a name starts */
    assert_true(people("bin salman", "mohammed bin salman"));
    assert_true(people("mohammed", "mohammed bin salman"));
    /* different people who share a surname */
    assert_false(people("hillary clinton", "bill clinton"));
    assert_false(people("boris johnson", "lyndon johnson"));
    assert_false(people("marco rubio", "marco polo"));
    assert_true(others("eu", "european union"));
    assert_true(others("us", "united states"));
    assert_true(others("nato", "north atlantic treaty organization"));
    assert_false(others("un", "european union"));
    assert_true(xc_name_is_tail("colts", 5, "indianapolis colts", 18));
    assert_false(xc_name_is_tail("new", 3, "new york", 8));
    assert_true(xc_is_role_word("president", 9));
    assert_false(xc_is_role_word("rubio", 5));
    size_t n;
    assert_string_equal(xc_first_name_canonical("bill", 4, &n), "william");
}

static xc_ner_tagger tagger;
static bool have_model;

static int load_model(void **state)
{
    (void)state;
    xc_error err = {0};
    have_model = xc_ner_tagger_open(&tagger, NULL, &err) == XC_OK;
    return 0;
}

static int unload_model(void **state)
{
    (void)state;
    if (have_model)
        xc_ner_tagger_close(&tagger);
    return 0;
}

/* The entity of the mention whose text is `name`, or -1. */
static long entity_named(const xc_entity_extractor *x, const char *text, const char *name)
{
    for (size_t i = 0; i < x->mentions.count; i++) {
        const xc_mention *m = &x->mentions.items[i];
        if (m->end - m->start == strlen(name) && memcmp(text + m->start, name, m->end - m->start) == 0)
            return (long)m->entity;
    }
    return -1;
}

static void test_article_grouping(void **state)
{
    (void)state;
    if (!have_model)
        skip();
    static const char text[] =
        "Secretary of State Marco Rubio met Ukrainian President Volodymyr Zelenskyy in Jeddah on Tuesday. "
        "Rubio said the talks with Zelenskyy\xe2\x80\x99s team went well. Saudi Crown Prince Mohammed bin Salman "
        "hosted the meeting, and Prince Mohammed later spoke to reporters.\n\n"
        "The European Union welcomed the talks. An EU spokesman said the U.S. and the United States Congress "
        "would be kept informed.";
    xc_entity_extractor x = {.tagger = &tagger};
    assert_int_equal(xc_entities_extract(&x, text, sizeof text - 1), XC_OK);
    long rubio = entity_named(&x, text, "Marco Rubio");
    assert_true(rubio >= 0);
    assert_int_equal(entity_named(&x, text, "Rubio"), rubio);
    long zelenskyy = entity_named(&x, text, "Volodymyr Zelenskyy");
    assert_true(zelenskyy >= 0 && zelenskyy != rubio);
    assert_int_equal(entity_named(&x, text, "Zelenskyy"), zelenskyy);
    long mbs = entity_named(&x, text, "Mohammed bin Salman");
    assert_true(mbs >= 0);
    long mohammed = entity_named(&x, text, "Mohammed"); /* when the tagger finds it */
    assert_true(mohammed < 0 || mohammed == mbs);
    assert_int_equal(entity_named(&x, text, "EU"), entity_named(&x, text, "European Union"));
    /* roles are kept apart from names */
    bool role_seen = false;
    for (size_t i = 0; i < x.mentions.count; i++) {
        const xc_mention *m = &x.mentions.items[i];
        if ((long)m->entity == rubio && m->role_end - m->role_start == strlen("Secretary of State"))
            role_seen = memcmp(text + m->role_start, "Secretary of State", m->role_end - m->role_start) == 0;
    }
    assert_true(role_seen);
    assert_int_equal(x.entities.items[rubio].type, XC_NER_PER);
    /* empty and name-less texts */
    assert_int_equal(xc_entities_extract(&x, "", 0), XC_OK);
    assert_int_equal(x.mentions.count, 0);
    assert_int_equal(xc_entities_extract(&x, "nothing to see here.", 20), XC_OK);
    assert_int_equal(x.mentions.count, 0);
    xc_entity_extractor_free(&x);
}

/* Spans tidied after the tagger: no name across a dash or ending in a day,
 * a person's name ending in a kind of place is a place (and the lone word
 * heading it too), and a personal title starts a person. */
static void test_span_tidying(void **state)
{
    (void)state;
    if (!have_model)
        skip();
    static const char text[] =
        "KESTANE HARBOUR \xe2\x80\x94 Mira Tolland\n"
        "The tug Halvard ran aground off Vellor Island on Thursday, and Skipper Iosif Marchenkow said his crew "
        "of six was safe. Fishermen from Vellor came out in their own boats. The Kestane Valley on Friday saw "
        "more rain.";
    xc_entity_extractor x = {.tagger = &tagger};
    assert_int_equal(xc_entities_extract(&x, text, sizeof text - 1), XC_OK);
    for (size_t i = 0; i < x.mentions.count; i++) {
        const xc_mention *m = &x.mentions.items[i];
        size_t n = m->end - m->start;
        const char *name = text + m->start;
        for (size_t k = 0; k + 3 <= n; k++)
            assert_false(memcmp(name + k, "\xe2\x80\x94", 3) == 0);
        assert_false(n >= 6 && memcmp(name + n - 6, "Friday", 6) == 0);
        assert_false(n >= 8 && memcmp(name + n - 8, "Thursday", 8) == 0);
    }
    long island = entity_named(&x, text, "Vellor Island");
    assert_true(island >= 0);
    assert_int_equal(x.entities.items[island].type, XC_NER_LOC);
    long vellor = entity_named(&x, text, "Vellor");
    assert_true(vellor < 0 || vellor == island);
    long valley = entity_named(&x, text, "Kestane Valley");
    assert_true(valley >= 0);
    long skipper = entity_named(&x, text, "Iosif Marchenkow");
    assert_true(skipper >= 0);
    assert_int_equal(x.entities.items[skipper].type, XC_NER_PER);
    /* a dateline's capitals do not name the entity when the text writes it
     * in the usual way; a company's name is not a person's */
    static const char second[] = "PORT KESSARA \xe2\x80\x94 The mayor of Port Kessara, Lotte Brenn, said on Monday "
                                 "that Port Kessara would rebuild. Ardent Mobility said its scooters were safe.";
    assert_int_equal(xc_entities_extract(&x, second, sizeof second - 1), XC_OK);
    long port = entity_named(&x, second, "PORT KESSARA");
    assert_true(port >= 0);
    const xc_mention *name = &x.mentions.items[x.entities.items[port].name];
    assert_int_equal(name->end - name->start, strlen("Port Kessara"));
    assert_memory_equal(second + name->start, "Port Kessara", strlen("Port Kessara"));
    long company = entity_named(&x, second, "Ardent Mobility");
    assert_true(company >= 0);
    assert_int_equal(x.entities.items[company].type, XC_NER_ORG);
    xc_entity_extractor_free(&x);
}

/* An article of thousands of different names: every name is found, and
 * grouping compares each with a bounded number of recent entities. */
static void test_many_names(void **state)
{
    (void)state;
    if (!have_model)
        skip();
    static const char *const first[] = {"Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid"};
    xc_buf text = {0};
    for (int i = 0; i < 3000; i++)
        xc_buf_printf(&text, "%s %c%c%c%cson met officials in Lisbon. ", first[i % 6], 'A' + i % 26,
                      'a' + i / 26 % 26, 'a' + i / 676 % 26, "aeiou"[i % 5]);
    xc_entity_extractor x = {.tagger = &tagger};
    assert_int_equal(xc_entities_extract(&x, text.data, text.len), XC_OK);
    assert_true(x.mentions.count >= 3000);
    assert_true(x.entities.count >= 2000);
    /* a place named in every sentence stays one entity, however many
     * names come between */
    size_t lisbon = 0;
    for (size_t e = 0; e < x.entities.count; e++) {
        const xc_mention *name = &x.mentions.items[x.entities.items[e].name];
        lisbon += name->end - name->start == 6 && memcmp(text.data + name->start, "Lisbon", 6) == 0;
    }
    assert_int_equal(lisbon, 1);
    xc_entity_extractor_free(&x);
    xc_buf_free(&text);
}

typedef struct found {
    char name[128];
    char variants[512];
    size_t articles;
    int count;
} found;

static int collect(void *user, const xc_entity *e)
{
    found *f = user;
    if (f[0].count >= 63)
        return 1;
    found *slot = &f[++f[0].count];
    snprintf(slot->name, sizeof slot->name, "%s", e->name);
    slot->variants[0] = '\0';
    for (size_t i = 0; i < e->variant_count; i++) {
        strncat(slot->variants, e->variants[i].text, sizeof slot->variants - strlen(slot->variants) - 2);
        strcat(slot->variants, "|");
    }
    slot->articles = e->articles;
    return 0;
}

/* The entity one of whose spellings is `variant` exactly. */
static const found *find(const found *f, const char *variant)
{
    size_t n = strlen(variant);
    for (int i = 1; i <= f[0].count; i++)
        for (const char *v = f[i].variants; *v;) {
            const char *bar = strchr(v, '|');
            if ((size_t)(bar - v) == n && memcmp(v, variant, n) == 0)
                return &f[i];
            v = bar + 1;
        }
    return NULL;
}

static void test_identities_across_articles(void **state)
{
    (void)state;
    if (!have_model)
        skip();
    char dir[] = "/tmp/xc-entity-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char jsonl[256], db[256];
    snprintf(jsonl, sizeof jsonl, "%s/in.jsonl", dir);
    snprintf(db, sizeof db, "%s/x.db", dir);
    FILE *f = fopen(jsonl, "w");
    /* one story told three times with different spellings, and an
     * unrelated story about another Johnson */
    fputs("{\"id\":\"a\",\"published\":\"2025-03-11\",\"text\":\"Ukrainian President Volodymyr Zelenskyy said on "
          "Tuesday that talks with Secretary of State Marco Rubio in Jeddah went well. Zelenskyy thanked Saudi "
          "Arabia for hosting the ceasefire talks with the United States.\"}\n",
          f);
    fputs("{\"id\":\"b\",\"published\":\"2025-03-11\",\"text\":\"On Tuesday, President Volodymyr Zelenskiy welcomed the ceasefire talks "
          "in Jeddah, Saudi Arabia, where Ukrainian officials met U.S. Secretary of State Marco Rubio. Zelenskiy "
          "said Ukraine was ready for a ceasefire.\"}\n",
          f);
    fputs("{\"id\":\"c\",\"published\":\"2025-03-12\",\"text\":\"In Jeddah, Rubio and Ukrainian officials agreed "
          "on ceasefire talks. Ukrainian President Zelensky said Saudi Arabia had been a good host for the "
          "talks with the U.S.\"}\n",
          f);
    fputs("{\"id\":\"d\",\"published\":\"2025-06-01\",\"text\":\"The cricket club of Leeds signed bowler Mark "
          "Johnson on Sunday. Johnson, 24, joins from a county side and will play in the summer league, the "
          "club said in a statement about the bowling attack.\"}\n",
          f);
    fputs("{\"id\":\"e\",\"published\":\"2025-06-20\",\"text\":\"Astronomers at the observatory in Chile said "
          "Elena Johnson led the team that found the comet. Johnson said the telescope recorded the comet for "
          "three nights in a row before the discovery was confirmed.\"}\n",
          f);
    /* a name first met in a dateline's capitals, then as usually written */
    fputs("{\"id\":\"f\",\"published\":\"2025-07-01\",\"text\":\"PORT KESSARA \xe2\x80\x94 A cargo ship "
          "carrying 40 crew ran aground off the coast on Wednesday evening, the coast guard said on Thursday.\"}\n",
          f);
    fputs("{\"id\":\"g\",\"published\":\"2025-07-01\",\"text\":\"The cargo ship, which ran aground on "
          "Wednesday, was sailing from Port Kessara to Vellor with 40 crew, the coast guard said.\"}\n",
          f);
    fclose(f);
    xc_error err = {0};
    xc_ctx *ctx = xc_open(db, &err);
    assert_non_null(ctx);
    const char *paths[] = {jsonl};
    xc_ingest_options options = {.format = XC_FORMAT_JSONL};
    xc_ingest_summary summary;
    assert_int_equal(xc_ingest_paths(ctx, paths, 1, &options, NULL, NULL, &summary, &err), XC_OK);
    found all[64];
    memset(all, 0, sizeof all);
    assert_int_equal(xc_entities_each(ctx, &(xc_entity_query){0}, collect, all, &err), XC_OK);
    const found *z = find(all, "Volodymyr Zelenskyy");
    assert_non_null(z);
    assert_ptr_equal(find(all, "Zelenskiy"), z);
    assert_ptr_equal(find(all, "Zelensky"), z);
    assert_int_equal(z->articles, 3);
    const found *r = find(all, "Marco Rubio");
    assert_non_null(r);
    assert_ptr_equal(find(all, "Rubio"), r);
    assert_ptr_equal(find(all, "U.S."), find(all, "United States"));
    /* two Johnsons in two stories stay two people */
    const found *mark = find(all, "Mark Johnson"), *elena = find(all, "Elena Johnson");
    assert_non_null(mark);
    assert_non_null(elena);
    assert_ptr_not_equal(mark, elena);
    const found *port = find(all, "PORT KESSARA");
    assert_non_null(port);
    assert_ptr_equal(find(all, "Port Kessara"), port);
    assert_string_equal(port->name, "Port Kessara");
    assert_null(find(all, "A")); /* "PORT KESSARA \xe2\x80\x94 A" is not one name */
    /* a story's entities only */
    found one[64];
    memset(one, 0, sizeof one);
    xc_entity_query q = {.story = 1};
    assert_int_equal(xc_entities_each(ctx, &q, collect, one, &err), XC_OK);
    assert_non_null(find(one, "Marco Rubio"));
    assert_null(find(one, "Mark Johnson"));
    xc_close(ctx);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_name_keys),
        cmocka_unit_test(test_names_agree),
        cmocka_unit_test(test_article_grouping),
        cmocka_unit_test(test_identities_across_articles),
        cmocka_unit_test(test_many_names),
        cmocka_unit_test(test_span_tidying),
    };
    return cmocka_run_group_tests(tests, load_model, unload_model);
}
