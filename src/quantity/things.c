/* What a figure counts and what it belongs to. The counted thing is the
 * noun the figure goes with ("40 rockets", "one fatality", "20% of
 * the island's territory", "the death toll rose to 27", "killing 14",
 * "(over forty)" after "rocket barrage"), keyed by its stem so that "drones" and
 * "drone" meet, or by a casualty class so that "dead", "killed", "deaths"
 * and "fatalities" all read "deaths". The predicate is the verb or event
 * noun that governs the figure ("deploying", "downing", "attack"), by its
 * stem. Both are found by rules over words, without a parser: the rules
 * and their limits are in docs/architecture.md. */
#include <stdio.h>

#include "numbers.h"

typedef struct pair {
    const char *word, *value;
} pair;

/* Casualty words and the class each one counts. */
static const pair casualty[] = {
    {"dead", "deaths"}, {"death", "deaths"}, {"deaths", "deaths"}, {"killed", "deaths"},
    {"died", "deaths"}, {"fatalities", "deaths"}, {"fatality", "deaths"}, {"lives", "deaths"},
    {"bodies", "deaths"}, {"toll", "deaths"}, {"perished", "deaths"}, {"killing", "deaths"},
    {"kills", "deaths"}, {"kill", "deaths"}, {"die", "deaths"}, {"dying", "deaths"},
    {"injured", "injured"}, {"wounded", "injured"}, {"hurt", "injured"}, {"injuries", "injured"},
    {"injuring", "injured"}, {"wounding", "injured"}, {"hospitalised", "injured"},
    {"hospitalized", "injured"}, {"injures", "injured"},
    {"missing", "missing"}, {"unaccounted", "missing"},
    {"arrested", "arrested"}, {"detained", "arrested"}, {"arrests", "arrested"},
    {"detentions", "arrested"}, {"detainees", "arrested"}, {"arresting", "arrested"},
    {"detaining", "arrested"},
    {"displaced", "displaced"}, {"evacuated", "displaced"}, {"evacuees", "displaced"},
    {"casualties", "casualties"}, {"casualty", "casualties"},
    {NULL, NULL}};

/* Nouns for people in general: "14 people were killed" counts deaths. */
static const char *const generic_people[] = {"people", "persons", "person", "individuals",
                                             "others", "victims", NULL};

/* Plurals without an s, and words that stand for a plural. */
static const char *const irregular_plurals[] = {
    "people", "men", "women", "children", "grandchildren", "schoolchildren", "police", "personnel", "staff", "crew", "aircraft",
    "cattle", "sheep", "deer", "fish", "militia", "infantry", "livestock", "clergy", "homeless",
    "elderly", "offspring", "feet", "teeth", "mice", "geese", "data", "media", NULL};

/* Past forms whose stem is not the verb's: "sent" → send. */
static const pair irregular_verbs[] = {
    {"sent", "send"}, {"shot", "shoot"}, {"spent", "spend"}, {"struck", "strike"},
    {"took", "take"}, {"taken", "take"}, {"flew", "fly"}, {"flown", "fly"}, {"fled", "flee"},
    {"lost", "lose"}, {"held", "hold"}, {"won", "win"}, {"paid", "pay"}, {"sold", "sell"},
    {"bought", "buy"}, {"built", "build"}, {"fell", "fall"}, {"fallen", "fall"}, {"rose", "rise"},
    {"risen", "rise"}, {"grew", "grow"}, {"grown", "grow"}, {"brought", "bring"},
    {"caught", "catch"}, {"gave", "give"}, {"given", "give"}, {"kept", "keep"}, {"met", "meet"},
    {"sank", "sink"}, {"sunk", "sink"}, {"stole", "steal"}, {"stolen", "steal"}, {"fought", "fight"},
    {"threw", "throw"}, {"thrown", "throw"}, {"drove", "drive"}, {"driven", "drive"},
    {"wrote", "write"}, {"written", "write"}, {"led", "lead"}, {"left", "leave"}, {"slain", "slay"},
    {"sewn", "sew"}, {"shown", "show"}, {"known", "know"}, {"torn", "tear"}, {"worn", "wear"},
    {"sworn", "swear"}, {"hidden", "hide"}, {"chosen", "choose"}, {"frozen", "freeze"},
    {"seen", "see"}, {"done", "do"}, {"gone", "go"}, {"begun", "begin"},
    {NULL, NULL}};

/* Verbs that carry no event of their own ("resulting in two arrests",
 * "said", "were"): the predicate is looked for past them. Change verbs
 * ("rose to 27") are here too; they mark an update instead. */
static const char *const light_verbs[] = {
    "be", "is", "are", "was", "were", "been", "being", "am", "have", "has", "had", "having",
    "do", "does", "did", "say", "says", "said", "saying", "tell", "tells", "told", "state",
    "states", "stated", "report", "reports", "reported", "reporting", "result", "results",
    "resulted", "resulting", "lead", "leads", "led", "leading", "leave", "leaves", "left",
    "leaving", "include", "includes", "included", "including", "according", "make", "makes",
    "made", "making", "get", "gets", "got", "getting", "see", "sees", "saw", "seen", "become",
    "became", "becomes", "seem", "seems", "seemed", "appear", "appears", "appeared", "remain",
    "remains", "remained", "cause", "causes", "caused", "causing", "bring", "brings", "brought",
    "add", "added", "adds", "note", "noted", "notes", "claim", "claims", "claimed", "claiming",
    "estimate", "estimates", "estimated", "expect", "expects", "expected", "believe",
    "believed", "believes", "fear", "feared", "fears", "know", "known", "knew", "show", "shows",
    "showed", "shown", "put", "puts", "set", "go", "goes", "went", "gone", "going", "come",
    "comes", "came", "coming", "total", "totals", "totalled", "totaled", "totalling", "number",
    "numbers", "numbered", "stand", "stands", "stood", "reach", "reaches", "reached", "reaching",
    "rise", "rises", "rose", "risen", "rising", "climb", "climbs", "climbed", "climbing",
    "increase", "increases", "increased", "jump", "jumped", "jumps", "grow", "grew", "grown",
    "grows", "fall", "fell", "fallen", "falls", "drop", "dropped", "drops", "decline",
    "declined", "declines", "double", "doubled", "surge", "surged", "hit", "hits", "confirm",
    "confirmed", "confirms", "announce", "announced", "announces", "suggest", "suggested",
    "mean", "means", "meant", "involve", "involved", "involving", "need", "needed", "want",
    "wanted", "try", "tried", "trying", "expecting", "seeking", "sought", "plan", "planned",
    "planning", "aim", "aimed", "aiming", "continue", "continued", "begin", "began", "begun",
    "start", "started", "ended", "end", "ends", "will", "would", "could", "should", "may",
    "might", "must", "can", "cannot", "bring", "allowed", "allow", "help", "helped", "keep",
    "kept", "let", "find", "found", "think", "thought", "call", "called", "ask", "asked",
    "noting", "adding", "stating", "telling", "suggesting", "insisted", "warned", "warning",
    "despite", "regarding", "following", "concerning", "during", "amid", NULL};

static const char *const change_verbs[] = {
    "rose", "risen", "rises", "rising", "rise", "climbed", "climbs", "climbing", "reached",
    "reaches", "reaching", "increased", "increases", "jumped", "jumps", "soared", "soars",
    "doubled", "surged", "grew", "grown", "grows", "fell", "fallen", "falls", "dropped",
    "drops", "declined", "decreased", "plunged", "hit", "hits", "now", "updated", "revised",
    NULL};

/* -ed and -ing words that are not verbs. */
static const char *const not_verbs[] = {
    "during", "something", "nothing", "anything", "everything", "thing", "things", "morning",
    "evening", "building", "buildings", "ceiling", "king", "ring", "spring", "string", "wing",
    "sing", "red", "bed", "need", "speed", "seed", "feed", "shed", "hundred", "hundreds",
    "united", "limited", "based", "related", "alleged", "armed", "detailed", "advanced",
    "unprecedented", "sophisticated", "interested", "concerned", "aged", "wed", "sacred",
    "naked", "wicked", "beloved", "learned", "crooked", "ongoing", "outgoing", "incoming",
    "upcoming", "wedding", "funding", "meeting", "meetings", "briefing", "hearing", "ruling",
    "earnings", "savings", "ceiling", "clothing", "housing", "training", "warning", "warnings",
    "feeling", "opening", "setting", "bombing", "bombings", "shelling", "shooting", "fighting",
    "killing", "killings", "uprising", "beijing", "reading", "spending", "landing",
    "offering", "belongings", "surroundings", "proceedings", "findings", "beginning",
    "indeed", "hatred", "kindred", "hundredth", "speed", "greed", "creed", "steed", "embed",
    "shred", "sled", "zed", "nearing", "approaching", NULL};

/* Stems of verbs that govern a figure though they end in neither -ed nor
 * -ing: "occupies", "controls", "sends". */
static const char *const verb_stems[] = {
    "occupi", "control", "hold", "kill", "launch", "deploy", "fire", "send", "down", "shoot",
    "intercept", "destroy", "captur", "recaptur", "seiz", "arrest", "detain", "injur", "wound",
    "evacu", "displac", "rescu", "die", "lose", "spend", "pledg", "provid", "alloc", "approv",
    "cost", "rais", "cut", "receiv", "win", "pay", "sell", "buy", "invest", "owe", "borrow",
    "lend", "donat", "export", "import", "produc", "build", "deliv", "suppli", "train",
    "mobilis", "mobil", "recruit", "attack", "strike", "target", "fli", "use", "shell", "bomb",
    "take", "liber", "annex", "cross", "flee", "neutralis", "neutral", "repel", "releas",
    "free", "exchang", "swap", "cede", "withdraw", "surround", "encircl", "vote", "elect",
    "employ", "hire", "sack", "lay", "crawl", "fund", "give", "fine", "charg", "sentenc",
    "jail", "convict", "bring", "carri", "transport", "ship", "sink", "slay", "fight", "catch",
    "steal", "throw", "drive", "meet", "sign", "own", "hous", "host", "affect", "damag",
    "lost", NULL};

/* Stems of nouns that are events: the predicate when no verb governs. */
static const char *const event_stems[] = {
    "attack", "strike", "assault", "raid", "offens", "invas", "war", "bomb", "shell", "crash",
    "explos", "blast", "fire", "earthquak", "flood", "storm", "shoot", "protest", "elect",
    "vote", "talk", "meet", "deal", "agreement", "ceasefir", "truce", "aid", "sanction",
    "barrag", "incurs", "clash", "battl", "fight", "ambush", "derail", "collaps", "capsiz",
    "sink", "accid", "outbreak", "epidem", "pandem", "wildfir", "hurrican", "cyclon", "typhoon",
    "tornado", "drought", "famin", "evacu", "rescu", "recal", "layoff", "packag", "loan",
    "budget", "contract", "bombard", "oper", "counteroffens", "sieg", "campaign", "referendum",
    "poll", "census", "survey", "invest", "spend", "hike", "cut", "disast", "tragedi",
    "massacr", "riot", "demonstr", "eruption", "landslid", "avalanch", "heatwav", "blaze",
    "fire", "incid", "visit", "summit", "confer", NULL};

/* Predicates of one kind of event, for comparison: "deploy" and
 * "launch" are one act; "down" and "intercept" another. */
static const pair predicate_classes[] = {
    {"attack", "attack"}, {"strike", "attack"}, {"launch", "attack"}, {"deploy", "attack"},
    {"fire", "attack"}, {"send", "attack"}, {"fli", "attack"}, {"use", "attack"},
    {"shell", "attack"}, {"bomb", "attack"}, {"target", "attack"}, {"barrag", "attack"},
    {"raid", "attack"}, {"assault", "attack"}, {"bombard", "attack"}, {"oper", "attack"},
    {"down", "down"}, {"intercept", "down"}, {"destroy", "down"}, {"shoot", "down"},
    {"neutralis", "down"}, {"neutral", "down"}, {"repel", "down"},
    {"kill", "deaths"}, {"die", "deaths"}, {"dead", "deaths"}, {"death", "deaths"},
    {"fatal", "deaths"}, {"perish", "deaths"}, {"slay", "deaths"},
    {"injur", "injured"}, {"wound", "injured"}, {"hurt", "injured"},
    {"arrest", "arrested"}, {"detain", "arrested"},
    {"control", "control"}, {"occupi", "control"}, {"hold", "control"}, {"seiz", "control"},
    {"captur", "control"}, {"recaptur", "control"}, {"take", "control"}, {"annex", "control"},
    {"liber", "control"},
    {"pay", "pay"}, {"spend", "pay"}, {"provid", "pay"}, {"alloc", "pay"}, {"pledg", "pay"},
    {"donat", "pay"}, {"give", "pay"}, {"approv", "pay"}, {"fund", "pay"}, {"aid", "pay"},
    {"packag", "pay"},
    {"evacu", "displaced"}, {"displac", "displaced"}, {"rescu", "displaced"}, {"flee", "displaced"},
    {NULL, NULL}};

static const char *lookup(const pair *table, const char *word)
{
    for (; table->word; table++)
        if (table->word[0] == word[0] && strcmp(table->word, word) == 0)
            return table->value;
    return NULL;
}

const char *xc_qt_casualty_class(const char *word) { return lookup(casualty, word); }

const char *xc_qt_predicate_class(const char *stem)
{
    const char *c = lookup(predicate_classes, stem);
    return c ? c : stem;
}

bool xc_qt_is_change_verb(const char *word) { return xc_qw_in(word, change_verbs); }

/* The stem of word i into out (capacity cap, cut to fit): irregular past
 * forms first ("sent" → send). */
static void stem_of(const xc_qsent *s, size_t i, char *out, size_t cap)
{
    const char *w = s->w[i].low;
    const char *base = lookup(irregular_verbs, w);
    if (base)
        w = base;
    size_t n = strlen(w), got = n;
    const char *st = s->stemmer ? xc_stem(s->stemmer, w, n, &got) : w;
    if (got >= cap)
        got = cap - 1;
    memcpy(out, st, got);
    out[got] = '\0';
}

static bool stem_in(const xc_qsent *s, size_t i, const char *const *stems)
{
    char st[XC_QWORD_MAX];
    stem_of(s, i, st, sizeof st);
    return xc_qw_in(st, stems);
}

static bool is_stopword(const xc_qsent *s, size_t i)
{
    return xc_is_stopword("english", s->w[i].low, s->w[i].len);
}

/* A word that can be the head of a noun phrase or a verb: letters,
 * not too short. */
static bool content_word(const xc_qsent *s, size_t i)
{
    return xc_qw_alpha(s, i) && s->w[i].len >= 2 && !is_stopword(s, i);
}

static bool ends_with(const xc_qword *w, const char *suffix)
{
    size_t n = strlen(suffix);
    return w->len >= n && memcmp(w->low + w->len - n, suffix, n) == 0;
}

/* Looks like a verb: a known verb stem, or -ed / -ing and not a noun we
 * know. Capitalised words are names, not verbs. */
static bool verbish(const xc_qsent *s, size_t i)
{
    if (!xc_qw_alpha(s, i) || xc_qw_capitalised(s, i))
        return false;
    const xc_qword *w = &s->w[i];
    if (xc_qw_in(w->low, not_verbs))
        return false;
    if (xc_qw_in(w->low, light_verbs) || lookup(irregular_verbs, w->low))
        return true;
    if ((ends_with(w, "ed") && w->len >= 5) || (ends_with(w, "ing") && w->len >= 6))
        return true;
    return stem_in(s, i, verb_stems);
}

static bool light(const xc_qsent *s, size_t i) { return xc_qw_in(s->w[i].low, light_verbs); }

static bool plural_noun(const xc_qsent *s, size_t i)
{
    const xc_qword *w = &s->w[i];
    if (!xc_qw_alpha(s, i))
        return false;
    if (xc_qw_in(w->low, irregular_plurals))
        return true;
    if (w->len < 3 || w->low[w->len - 1] != 's' || ends_with(w, "ss") || ends_with(w, "us") ||
        ends_with(w, "is") || is_stopword(s, i))
        return false;
    return !xc_qw_capitalised(s, i) || (w->tflags & XC_TF_ALL_UPPER) == 0;
}

bool xc_qt_plural(const xc_qsent *s, size_t i) { return i < s->n && plural_noun(s, i); }

/* Words that end a clause for the predicate search. */
static bool boundary(const xc_qsent *s, size_t i)
{
    static const char *const words[] = {"which", "that", "who", "whom", "whose", "where", "when",
                                        "while", "but", "and", "or", "because", "although",
                                        "though", "whereas", "if", "unless", NULL};
    const xc_qword *w = &s->w[i];
    if (w->type == XC_TOK_PUNCT)
        return strchr(",;:()[]", w->low[0]) != NULL || w->len > 1 || w->low[0] == '-' ||
               w->low[0] == '"';
    return xc_qw_in(w->low, words);
}

static void set_thing(const xc_qsent *s, size_t i, xc_quantity *q)
{
    const char *cls = xc_qt_casualty_class(s->w[i].low);
    if (cls)
        snprintf(q->thing, sizeof q->thing, "%s", cls);
    else
        stem_of(s, i, q->thing, sizeof q->thing);
    q->thing_start = s->w[i].start;
    q->thing_end = s->w[i].end;
}

static const char *const determiners[] = {"the", "a", "an", "these", "those", "its", "their", "his",
                                          "her", "our", "your", "this", "that", "all", "whose",
                                          "my", NULL};
/* Stopwords a counted noun may come after: "four more villages". */
static const char *const pass_words[] = {"more", "other", "further", "few", "additional", "new",
                                         "own", "such", NULL};

/* Adverbs and the like that follow a figure without being counted:
 * "12 percent afterward", "15 minutes late". */
static bool not_a_head(const xc_qword *w)
{
    static const char *const words[] = {"afterward", "afterwards", "later", "earlier", "ago", "apiece",
                                        "each", "overall", "respectively", "instead", "alone",
                                        "together", "late", "early", "long", "old", "away", "behind", "high",
                                        "wide", "deep", "tall", "thick",
                                        "ahead", "apart", "short", "outside", "inside", "across",
                                        "yes", "no", "ok", "total", "altogether", "annually", NULL};
    return xc_qw_in(w->low, words) || (ends_with(w, "ly") && w->len >= 5);
}

/* Does word i end a noun phrase as its verb? -ed, -ing, light and
 * irregular past forms do; a bare verb stem ("attack", "controls") only
 * when no noun follows it ("one attack drone" goes on, "one soldier
 * controls the" stops), and never when a plural is wanted and it is one
 * ("91 attacks"). */
static bool verb_in_phrase(const xc_qsent *s, size_t i, bool plural)
{
    const xc_qword *w = &s->w[i];
    if (!verbish(s, i) || xc_qw_in(w->low, irregular_plurals))
        return false;
    bool marked = light(s, i) || lookup(irregular_verbs, w->low) ||
                  (ends_with(w, "ed") && w->len >= 5) || (ends_with(w, "ing") && w->len >= 6);
    if (marked)
        return true;
    if (plural && plural_noun(s, i))
        return false;
    return !content_word(s, i + 1);
}

/* The head noun after a figure, from word k. `plural` asks for the first
 * plural noun ("200 Dutch engineers arrived"); otherwise the last noun of
 * the phrase ("one Dutch attack boat", "20% of the island's territory").
 * Returns the word or s->n. */
static size_t head_after(const xc_qsent *s, size_t k, bool plural, bool after_of)
{
    size_t last = s->n;
    size_t limit = k + 6 < s->n ? k + 6 : s->n;
    for (size_t i = k; i < limit; i++) {
        const xc_qword *w = &s->w[i];
        if (w->type == XC_TOK_CLITIC) { /* "the island's territory": the head is after */
            last = s->n;
            continue;
        }
        if (i == k && after_of && xc_qw_in(w->low, determiners))
            continue; /* "of the", but "$9,000 a day" is a rate */
        if (after_of && i <= k + 1 && xc_qw_digit(s, i))
            continue; /* "half of the 600 guards" */
        if (xc_qw_in(w->low, pass_words))
            continue;
        if (!xc_qw_alpha(s, i) || (is_stopword(s, i) && !xc_qw_in(w->low, irregular_plurals)) ||
            xc_qw_is(s, i, "per"))
            break; /* "6 percent growth per year": the rate's unit is not counted */
        const char *cls = xc_qt_casualty_class(w->low);
        if (cls) {
            /* "three dead", "14 injured": the head, unless a noun follows
             * ("100 wounded soldiers") */
            if (i + 1 < s->n && plural_noun(s, i + 1) && !xc_qt_casualty_class(s->w[i + 1].low))
                continue;
            return i;
        }
        if (w->joined) { /* "Kremlin-linked": a modifier, not the head */
            last = s->n;
            continue;
        }
        /* "4 million registered voters", "300 elected members" */
        if (plural && (ends_with(w, "ed") || ends_with(w, "ing")) && i + 1 < s->n && plural_noun(s, i + 1))
            continue;
        if (not_a_head(w))
            break;
        /* right after a figure a plural is a noun: "30 states", "five
         * reports"; "11 crew members": the last of two */
        if (plural && plural_noun(s, i) && !ends_with(w, "ed") && !ends_with(w, "ing")) {
            /* "11 crew members", "9,000 Border Force officers" */
            if ((xc_qw_in(w->low, irregular_plurals) || xc_qw_capitalised(s, i)) && i + 1 < s->n &&
                plural_noun(s, i + 1) && !xc_qt_casualty_class(s->w[i + 1].low))
                continue;
            return i;
        }
        if (verb_in_phrase(s, i, plural))
            break;
        last = i;
    }
    if (plural)
        return s->n; /* "several oppose": no plural, no head */
    return last;
}

/* Past the words that sit between a figure and its casualty word:
 * "14 were killed", "25 feared dead", "three people were later found dead". */
static size_t casualty_after(const xc_qsent *s, size_t k)
{
    static const char *const skip[] = {"were", "was", "have", "has", "had", "been", "are", "is",
                                       "be", "reportedly", "also", "later", "confirmed", "believed",
                                       "feared", "presumed", "now", "still", "all", "being",
                                       "subsequently", "initially", "found", "left", "officially",
                                       "reported", "people", "others", "more", "and", NULL};
    for (size_t i = k; i < s->n && i < k + 5; i++) {
        if (xc_qt_casualty_class(s->w[i].low) && xc_qw_alpha(s, i))
            return i;
        if (!xc_qw_in(s->w[i].low, skip))
            break;
    }
    return s->n;
}

static const char *const casualty_verbs[] = {"kill", "kills", "hurt", "hurts", "die", "dies",
                                             "injures", NULL};

/* A casualty verb right before the figure: "killing at least 12". */
static size_t casualty_before(const xc_qsent *s, size_t first)
{
    if (first == 0)
        return s->n;
    size_t i = first - 1;
    if (xc_qw_is(s, i, "a") && i > 0) /* "killed a further 14" */
        i--;
    const xc_qword *w = &s->w[i];
    if (!xc_qt_casualty_class(w->low) || !xc_qw_alpha(s, i))
        return s->n;
    if (ends_with(w, "ing") || ends_with(w, "ed") || xc_qw_in(w->low, casualty_verbs))
        return i;
    return s->n;
}

/* The noun a figure is stated of: "a death toll of 23", "the toll rose to
 * 27", "inflation at 5%", "the number of dead reached 40". */
static size_t noun_before(const xc_qsent *s, size_t first)
{
    static const char *const skip[] = {"of", "at", "to", "was", "is", "were", "are", "stood",
                                       "stands", "now", "reached", "reaches", "hit", "hits", "rose",
                                       "risen", "rises", "climbed", "climbs", "increased", "jumped",
                                       "has", "have", "had", "been", "totalled", "totaled", "totals",
                                       "numbered", "numbers", "by", "put", "officially", "already",
                                       NULL};
    size_t i = first;
    int skipped = 0;
    while (i > 0 && skipped < 4 &&
           (xc_qw_in(s->w[i - 1].low, skip) || xc_qt_is_change_verb(s->w[i - 1].low))) {
        i--;
        skipped++;
    }
    if (!skipped || i == 0)
        return s->n;
    i--;
    /* "the death toll from the drone strike on Port Vell rose to five":
     * the subject is the toll, before the phrases that say whose it is */
    static const char *const prepositions[] = {"from", "in", "of", "after", "on", "at", NULL};
    for (size_t k = i + 1, steps = 0; k > 1 && steps < 12 && !boundary(s, k - 1); k--, steps++)
        if (xc_qw_in(s->w[k - 1].low, prepositions) && xc_qt_casualty_class(s->w[k - 2].low) &&
            !ends_with(&s->w[k - 2], "ed") && !ends_with(&s->w[k - 2], "ing"))
            return k - 2;
    uint8_t kind;
    char unit[8];
    if (!content_word(s, i) || xc_qw_capitalised(s, i) || xc_qu_after(s, i, &kind, unit) ||
        s->w[i].inner || s->w[i].joined || xc_qn_may_start(s, i))
        return s->n; /* "56 percent to 44 percent", "one-half of 2 percent": not things */
    /* a unit before: "12 per cent to $31 billion" */
    if (i > 0 && xc_qu_after(s, i - 1, &kind, unit) == 2)
        return s->n;
    /* before "was", "grew", "to" a noun is the subject ("Exports grew
     * 12%"), even one that can be a verb; not a participle */
    const xc_qword *w = &s->w[i];
    if (xc_qt_casualty_class(w->low) || !verbish(s, i) ||
        !(lookup(irregular_verbs, w->low) || ends_with(w, "ed") || ends_with(w, "ing") || light(s, i)))
        return i;
    return s->n;
}

static size_t predicate_left(const xc_qsent *s, size_t first)
{
    size_t stop = first > 8 ? first - 8 : 0;
    for (size_t i = first; i > stop; i--) {
        size_t k = i - 1;
        if (boundary(s, k))
            break;
        if (verbish(s, k) && !light(s, k))
            return k;
    }
    return s->n;
}

/* The nearest verb before the figure across clauses, 12 words back. */
static size_t verb_before(const xc_qsent *s, size_t first)
{
    size_t stop = first > 12 ? first - 12 : 0;
    for (size_t i = first; i > stop; i--) {
        const xc_qword *w = &s->w[i - 1];
        if (w->type == XC_TOK_PUNCT && (w->low[0] == ';' || w->low[0] == ':'))
            break;
        /* only forms that cannot be nouns: "launched", "deploying", "sent" */
        bool marked = lookup(irregular_verbs, w->low) || (ends_with(w, "ed") && w->len >= 5) ||
                      (ends_with(w, "ing") && w->len >= 6);
        if (marked && verbish(s, i - 1) && !light(s, i - 1))
            return i - 1;
    }
    return s->n;
}

static size_t predicate_right(const xc_qsent *s, size_t from)
{
    for (size_t i = from; i < s->n && i < from + 6; i++) {
        if (boundary(s, i))
            break;
        if (verbish(s, i) && !light(s, i))
            return i;
    }
    return s->n;
}

/* An event noun: its stem is one, and the word is that stem inflected,
 * not a noun for people made from it ("protesters", "attackers"). */
static bool event_noun(const xc_qsent *s, size_t i)
{
    char st[XC_QWORD_MAX];
    const xc_qword *w = &s->w[i];
    if (lookup(irregular_verbs, w->low) || ends_with(w, "ed"))
        return false; /* "spent", "attacked": verbs, found as verbs */
    stem_of(s, i, st, sizeof st);
    if (!xc_qw_in(st, event_stems) || w->len > strlen(st) + 3)
        return false;
    return !(ends_with(w, "er") || ends_with(w, "ers") || ends_with(w, "or") || ends_with(w, "ors") ||
             ends_with(w, "ist") || ends_with(w, "ists"));
}

/* Events that hold many others: a war, a campaign. */
static const char *const event_containers[] = {"war", "campaign", "oper", "invas", "offens", "counteroffens", NULL};

/* The event noun nearest to [first, next) in the sentence. */
static size_t event_nearest(const xc_qsent *s, size_t first, size_t next, size_t thing)
{
    size_t best = s->n, best_distance = (size_t)-1;
    for (size_t i = 0; i < s->n; i++) {
        if ((i >= first && i < next) || i == thing || !content_word(s, i) || xc_qw_capitalised(s, i))
            continue;
        size_t d = i < first ? first - i : i - next + 1;
        if (stem_in(s, i, event_containers))
            d += 8; /* "the biggest drone attack of the war (over forty)": the attack's */
        if (d >= best_distance || d > 12)
            continue;
        if (event_noun(s, i)) {
            best = i;
            best_distance = d;
        }
    }
    return best;
}

static void set_predicate(const xc_qsent *s, size_t i, xc_quantity *q)
{
    stem_of(s, i, q->predicate, sizeof q->predicate);
    q->predicate_start = s->w[i].start;
    q->predicate_end = s->w[i].end;
}

/* The event a casualty count belongs to ("one fatality" in "its largest
 * drone strike on Moscow, deploying at least 91 drones, resulting in one
 * fatality"): the nearest event noun before the figure in its sentence,
 * else one just after it, with the content word right before that noun
 * when it qualifies it ("drone strike", "missile assaults"). Two counts
 * of the dead under a drone strike and a missile assault are not one
 * fact, whatever verbs report them. */
static void set_event(const xc_qsent *s, size_t first, size_t next, xc_quantity *q)
{
    /* a war or campaign holds many events: "the biggest drone attack of
     * the war" is the attack's */
    size_t event = s->n, container = s->n;
    for (size_t i = first; i-- > 0 && first - i <= 24;)
        if (content_word(s, i) && !xc_qw_capitalised(s, i) && event_noun(s, i)) {
            if (!stem_in(s, i, event_containers)) {
                event = i;
                break;
            }
            if (container == s->n)
                container = i;
        }
    if (event == s->n)
        event = container;
    for (size_t i = next; event == s->n && i < s->n && i < next + 8; i++)
        if (content_word(s, i) && !xc_qw_capitalised(s, i) && event_noun(s, i))
            event = i;
    if (event == s->n)
        return;
    char stem[XC_QWORD_MAX], modifier[XC_QWORD_MAX] = "";
    stem_of(s, event, stem, sizeof stem);
    const char *class = xc_qt_predicate_class(stem);
    q->event_start = s->w[event].start;
    q->event_end = s->w[event].end;
    if (event > 0 && content_word(s, event - 1) && !verbish(s, event - 1) && !ends_with(&s->w[event - 1], "est") &&
        !xc_qw_capitalised(s, event - 1)) {
        stem_of(s, event - 1, modifier, sizeof modifier);
        q->event_start = s->w[event - 1].start;
    }
    snprintf(q->event, sizeof q->event, "%.15s%s%.15s", modifier, modifier[0] ? " " : "", class);
}

void xc_qt_attach(const xc_qsent *s, size_t first, size_t next, xc_quantity *q,
                  const xc_quantity *prev, size_t prev_next)
{
    size_t thing = s->n;
    size_t k = next;
    bool count = q->kind == XC_QK_COUNT;
    bool singular = count && q->value == 1 && !(q->flags & (XC_QF_VAGUE | XC_QF_RANGE));
    bool parenthetical = first > 0 && xc_qw_is(s, first - 1, "(") && xc_qw_is(s, k, ")");
    size_t event_modifier = s->n;

    /* After the figure: "40 rockets", "thousands of troops", "20% of the
     * island's territory", "$350bn in aid", "a 15km tunnel". */
    if (q->kind == XC_QK_FRACTION && k < s->n && xc_qw_in(s->w[k].low, determiners)) {
        thing = head_after(s, k, false, true); /* "half the vote" */
    } else if (xc_qw_is(s, k, "of") ||
               (q->kind == XC_QK_MONEY && xc_qw_is(s, k, "in") && k + 1 < s->n &&
                !xc_qw_in(s->w[k + 1].low, determiners))) { /* "$5m in aid", not "in the primary" */
        size_t h = head_after(s, k + 1, count && !singular, true);
        if (h < s->n && !(count && !singular && !plural_noun(s, h) && !xc_qt_casualty_class(s->w[h].low)))
            thing = h;
    } else if (!parenthetical) {
        /* "a six-mile-long (10km) tunnel": past the brackets */
        size_t h = k;
        if (xc_qw_is(s, h, "(")) {
            while (h < s->n && h < k + 8 && !xc_qw_is(s, h, ")"))
                h++;
            h = xc_qw_is(s, h, ")") ? h + 1 : k;
        }
        thing = head_after(s, h, count && !singular, false);
    }
    /* Nothing after it: "14 were killed", "killing 14", "the toll rose to
     * 27", or "(over forty)" after "rocket barrage". */
    if (thing == s->n)
        thing = casualty_after(s, k);
    if (thing == s->n)
        thing = casualty_before(s, first);
    if (thing == s->n)
        thing = noun_before(s, first);
    if (thing == s->n && parenthetical) {
        if (prev && prev_next + 1 == first && prev->thing[0]) {
            /* "a six-mile-long (10km) tunnel": the same thing twice */
            memcpy(q->thing, prev->thing, sizeof q->thing);
            q->thing_start = prev->thing_start;
            q->thing_end = prev->thing_end;
        } else if (first >= 2 && content_word(s, first - 2)) {
            thing = first - 2;
            /* "the biggest rocket barrage (over forty)": a barrage
             * counted by its rockets */
            if (first >= 3 && event_noun(s, first - 2) && content_word(s, first - 3) &&
                !verbish(s, first - 3)) {
                event_modifier = first - 2;
                thing = first - 3;
            }
        }
    }
    if (thing < s->n)
        set_thing(s, thing, q);

    /* The predicate: a verb before the figure in its clause ("firing at
     * least 40"), else one after the counted thing ("200 engineers arrived"),
     * else the nearest event noun ("attack"). */
    size_t after = thing < s->n && thing >= next ? thing + 1 : next;
    size_t pred = event_modifier;
    if (pred == s->n)
        pred = predicate_left(s, first);
    if (pred == s->n)
        pred = predicate_right(s, after);
    if (pred == s->n)
        pred = event_nearest(s, first, after, thing);
    /* "25 were wounded": the casualty verb is the event */
    if (pred == s->n && thing < s->n && xc_qt_casualty_class(s->w[thing].low) &&
        (ends_with(&s->w[thing], "ed") || ends_with(&s->w[thing], "ing")))
        pred = thing;
    /* "..., resulting in two arrests": the verb of the clause before */
    if (pred == s->n)
        pred = verb_before(s, first);
    if (pred < s->n)
        set_predicate(s, pred, q);

    /* "14 people were killed": people counted by a casualty verb */
    if (thing < s->n && xc_qw_in(s->w[thing].low, generic_people)) {
        size_t c = casualty_after(s, thing + 1);
        if (c == s->n)
            c = casualty_before(s, first);
        if (c < s->n)
            snprintf(q->thing, sizeof q->thing, "%s", xc_qt_casualty_class(s->w[c].low));
    }
    if (q->thing[0] && xc_qt_casualty_class(q->thing))
        set_event(s, first, next, q);
}
