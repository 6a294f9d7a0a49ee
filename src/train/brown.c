#include "brown.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../util/error.h"

/* Logarithms of counts below this come from a table (most bigram counts). */
#define LOG_TABLE 65536

/* Notation (Brown et al. 1992, section 3). All quantities are kept in count
 * units, i.e. multiplied by the number of bigrams B; that scales every loss
 * by the same factor and leaves the choices unchanged.
 *
 *   P[x][y]  bigrams "x then y" between clusters x and y
 *   n[x]     occurrences of the words of x;  p(x) = n[x] / T  (T tokens)
 *   q(x→y) = P[x][y] · log(P[x][y]/B / (p(x) p(y)))   (0 when P[x][y] = 0)
 *   Q[x][y] = q(x→y) + q(y→x) for x ≠ y,  Q[x][x] = q(x→x)
 *   I       = Σ q over all ordered pairs = the average mutual information
 *   s[x]    = Σ_y Q[x][y]: the part of I that involves x
 *   L[x][y] = I − I(after merging x and y)
 *           = s[x] + s[y] − Q[x][y] − s'(x+y), where s'(x+y) is s of the
 *             merged cluster.
 * After a merge of a and b into m, or after a new cluster k enters, L of a
 * pair (i, j) untouched by it changes only through the terms that involve
 * a, b, m or k, so it is updated in O(1) (the formulas at merge() and
 * add_cluster()); only the pairs with the new cluster are computed afresh,
 * in O(C) each. */
typedef struct model {
    uint32_t S;     /* slots: C + 1 */
    double *P;      /* [S*S] P[x*S+y] = bigrams x → y                */
    double *PT;     /* [S*S] its transpose: PT[x*S+y] = P[y*S+x]     */
    double *Q;      /* [S*S] symmetric                                */
    double *L;      /* [S*S] L[x*S+y] for x < y                       */
    double *lnsum;  /* [S*S] log(n[x] + n[y]), symmetric              */
    double *n, *logn, *s;
    uint32_t *active; /* active slots, ascending */
    uint32_t nactive;
    double logk;      /* 2 log T − log B */
    double *logtab;   /* [LOG_TABLE] */
    /* scratch, [S] each */
    double *a_in, *a_out, *b_in, *b_out, *m_in, *m_out, *d, *qm;
} model;

static inline double flog(const model *m, double c)
{
    return c < LOG_TABLE ? m->logtab[(uint32_t)c] : log(c);
}

/* c · log(c / (B p(x) p(y))) in count units; lsum = log n[x] + log n[y]. */
static inline double qf(const model *m, double c, double lsum)
{
    return c > 0 ? c * (flog(m, c) - lsum + m->logk) : 0.0;
}

static void model_free(model *m)
{
    free(m->P), free(m->PT), free(m->Q), free(m->L), free(m->lnsum);
    free(m->n), free(m->logn), free(m->s), free(m->active), free(m->logtab);
    free(m->a_in), free(m->a_out), free(m->b_in), free(m->b_out);
    free(m->m_in), free(m->m_out), free(m->d), free(m->qm);
    memset(m, 0, sizeof *m);
}

static bool model_init(model *m, uint32_t S, double tokens, double bigrams)
{
    memset(m, 0, sizeof *m);
    m->S = S;
    size_t sq = (size_t)S * S;
    m->P = calloc(sq, sizeof(double));
    m->PT = calloc(sq, sizeof(double));
    m->Q = calloc(sq, sizeof(double));
    m->L = calloc(sq, sizeof(double));
    m->lnsum = calloc(sq, sizeof(double));
    m->n = calloc(S, sizeof(double));
    m->logn = calloc(S, sizeof(double));
    m->s = calloc(S, sizeof(double));
    m->active = calloc(S, sizeof(uint32_t));
    m->logtab = malloc(LOG_TABLE * sizeof(double));
    double **scratch[] = {&m->a_in, &m->a_out, &m->b_in, &m->b_out,
                          &m->m_in, &m->m_out, &m->d, &m->qm};
    bool ok = m->P && m->PT && m->Q && m->L && m->lnsum && m->n && m->logn && m->s &&
              m->active && m->logtab;
    for (size_t i = 0; i < sizeof scratch / sizeof *scratch; i++)
        ok = (*scratch[i] = calloc(S, sizeof(double))) != NULL && ok;
    if (!ok) {
        model_free(m);
        return false;
    }
    m->logtab[0] = 0.0;
    for (uint32_t i = 1; i < LOG_TABLE; i++)
        m->logtab[i] = log((double)i);
    m->logk = bigrams > 0 ? 2.0 * log(tokens) - log(bigrams) : 0.0;
    return true;
}

static inline double *at(double *matrix, uint32_t S, uint32_t x, uint32_t y)
{
    return &matrix[(size_t)x * S + y];
}

/* L of merging x and y, from scratch: O(C). */
static double loss_full(const model *m, uint32_t x, uint32_t y)
{
    uint32_t S = m->S;
    const double *px = m->P + (size_t)x * S, *py = m->P + (size_t)y * S;
    const double *tx = m->PT + (size_t)x * S, *ty = m->PT + (size_t)y * S;
    double lxy = m->lnsum[(size_t)x * S + y];
    double merged = qf(m, px[x] + px[y] + py[x] + py[y], 2.0 * lxy);
    for (uint32_t i = 0; i < m->nactive; i++) {
        uint32_t d = m->active[i];
        if (d == x || d == y)
            continue;
        double ld = lxy + m->logn[d];
        merged += qf(m, px[d] + py[d], ld) + qf(m, tx[d] + ty[d], ld);
    }
    return m->s[x] + m->s[y] - m->Q[(size_t)x * S + y] - merged;
}

static void set_pair_losses(model *m, uint32_t x)
{
    uint32_t S = m->S;
    for (uint32_t i = 0; i < m->nactive; i++) {
        uint32_t d = m->active[i];
        if (d != x)
            *at(m->L, S, d < x ? d : x, d < x ? x : d) = loss_full(m, x, d);
    }
}

static void insert_active(model *m, uint32_t k)
{
    uint32_t i = m->nactive;
    while (i > 0 && m->active[i - 1] > k) {
        m->active[i] = m->active[i - 1];
        i--;
    }
    m->active[i] = k;
    m->nactive++;
}

static void remove_active(model *m, uint32_t k)
{
    uint32_t i = 0;
    while (i < m->nactive && m->active[i] != k)
        i++;
    for (; i + 1 < m->nactive; i++)
        m->active[i] = m->active[i + 1];
    m->nactive--;
}

/* A new cluster enters slot k, its bigrams with the active clusters already
 * in P and PT (row and column k) and its count in n[k]. For a pair (i, j)
 * of old clusters, s[i] gains Q(i,k), s[j] gains Q(j,k) and the merged
 * i+j gains Q(i+j, k):  L[i][j] += Q(i,k) + Q(j,k) − Q(i+j, k). */
static void add_cluster(model *m, uint32_t k)
{
    uint32_t S = m->S;
    const double *pk = m->P + (size_t)k * S, *tk = m->PT + (size_t)k * S;
    m->logn[k] = log(m->n[k]);
    double sk = qf(m, pk[k], 2.0 * m->logn[k]);
    *at(m->Q, S, k, k) = sk;
    for (uint32_t i = 0; i < m->nactive; i++) {
        uint32_t d = m->active[i];
        double l = m->logn[k] + m->logn[d];
        double q = qf(m, pk[d], l) + qf(m, tk[d], l);
        *at(m->Q, S, k, d) = *at(m->Q, S, d, k) = q;
        *at(m->lnsum, S, k, d) = *at(m->lnsum, S, d, k) = log(m->n[k] + m->n[d]);
        sk += q;
        m->s[d] += q;
    }
    m->s[k] = sk;
    const double *qk = m->Q + (size_t)k * S;
    for (uint32_t ia = 0; ia < m->nactive; ia++) {
        uint32_t i = m->active[ia];
        double *Li = m->L + (size_t)i * S;
        const double *lni = m->lnsum + (size_t)i * S;
        double qik = qk[i], out_i = pk[i], in_i = tk[i];
        for (uint32_t jb = ia + 1; jb < m->nactive; jb++) {
            uint32_t j = m->active[jb];
            double l = lni[j] + m->logn[k];
            Li[j] += qik + qk[j] - qf(m, in_i + tk[j], l) - qf(m, out_i + pk[j], l);
        }
    }
    insert_active(m, k);
    set_pair_losses(m, k);
}

/* Merge slot b into slot a (m = a+b). For a pair (i, j) apart from a and b:
 *   L[i][j] += Q(i,m) − Q(i,a) − Q(i,b) + Q(j,m) − Q(j,a) − Q(j,b)
 *              + Q(i+j, a) + Q(i+j, b) − Q(i+j, m)
 * (s[i] and s[j] swap their terms with a and b for one with m; so does the
 * merged i+j, which enters L with a minus sign). */
static void merge(model *m, uint32_t a, uint32_t b)
{
    uint32_t S = m->S;
    double *pa = m->P + (size_t)a * S, *pb = m->P + (size_t)b * S;
    double *ta = m->PT + (size_t)a * S, *tb = m->PT + (size_t)b * S;
    double nm = m->n[a] + m->n[b], lognm = log(nm);
    double self = pa[a] + pa[b] + pb[a] + pb[b];
    for (uint32_t i = 0; i < m->nactive; i++) {
        uint32_t c = m->active[i];
        if (c == a || c == b)
            continue;
        m->a_out[c] = pa[c], m->a_in[c] = ta[c];
        m->b_out[c] = pb[c], m->b_in[c] = tb[c];
        m->m_out[c] = pa[c] + pb[c], m->m_in[c] = ta[c] + tb[c];
        double l = lognm + m->logn[c];
        m->qm[c] = qf(m, m->m_out[c], l) + qf(m, m->m_in[c], l);
        m->d[c] = m->qm[c] - *at(m->Q, S, c, a) - *at(m->Q, S, c, b);
    }
    double la0 = m->logn[a], lb0 = m->logn[b];
    for (uint32_t ia = 0; ia < m->nactive; ia++) {
        uint32_t i = m->active[ia];
        if (i == a || i == b)
            continue;
        double *Li = m->L + (size_t)i * S;
        const double *lni = m->lnsum + (size_t)i * S;
        double di = m->d[i];
        double ai = m->a_in[i], ao = m->a_out[i], bi = m->b_in[i], bo = m->b_out[i];
        for (uint32_t jb = ia + 1; jb < m->nactive; jb++) {
            uint32_t j = m->active[jb];
            if (j == a || j == b)
                continue;
            double in_a = ai + m->a_in[j], out_a = ao + m->a_out[j];
            double in_b = bi + m->b_in[j], out_b = bo + m->b_out[j];
            double t = di + m->d[j];
            if (in_a + in_b > 0 || out_a + out_b > 0) {
                double lij = lni[j];
                t += qf(m, in_a, lij + la0) + qf(m, out_a, lij + la0) + qf(m, in_b, lij + lb0) +
                     qf(m, out_b, lij + lb0) - qf(m, in_a + in_b, lij + lognm) -
                     qf(m, out_a + out_b, lij + lognm);
            }
            Li[j] += t;
        }
    }
    /* The new cluster in slot a; slot b emptied. */
    for (uint32_t i = 0; i < m->nactive; i++) {
        uint32_t c = m->active[i];
        if (c == a || c == b)
            continue;
        m->s[c] += m->d[c];
        pa[c] = m->PT[(size_t)c * S + a] = m->m_out[c];
        ta[c] = m->P[(size_t)c * S + a] = m->m_in[c];
        pb[c] = tb[c] = m->PT[(size_t)c * S + b] = m->P[(size_t)c * S + b] = 0.0;
    }
    pa[a] = ta[a] = self;
    pa[b] = pb[a] = pb[b] = ta[b] = tb[a] = tb[b] = 0.0;
    m->n[a] = nm, m->logn[a] = lognm;
    m->n[b] = 0.0, m->s[b] = 0.0;
    remove_active(m, b);
    double sa = qf(m, self, 2.0 * lognm);
    *at(m->Q, S, a, a) = sa;
    for (uint32_t i = 0; i < m->nactive; i++) {
        uint32_t c = m->active[i];
        if (c == a)
            continue;
        *at(m->Q, S, a, c) = *at(m->Q, S, c, a) = m->qm[c];
        *at(m->lnsum, S, a, c) = *at(m->lnsum, S, c, a) = log(nm + m->n[c]);
        sa += m->qm[c];
    }
    m->s[a] = sa;
    set_pair_losses(m, a);
}

/* The active pair with the least loss (first one on ties). */
static void best_pair(const model *m, uint32_t *a, uint32_t *b)
{
    double best = INFINITY;
    *a = m->active[0], *b = m->active[1];
    for (uint32_t ia = 0; ia < m->nactive; ia++) {
        uint32_t i = m->active[ia];
        const double *Li = m->L + (size_t)i * m->S;
        for (uint32_t jb = ia + 1; jb < m->nactive; jb++) {
            uint32_t j = m->active[jb];
            if (Li[j] < best)
                best = Li[j], *a = i, *b = j;
        }
    }
}

static double mutual_information(const model *m)
{
    double sum = 0.0;
    for (uint32_t ia = 0; ia < m->nactive; ia++) {
        uint32_t i = m->active[ia];
        for (uint32_t jb = ia; jb < m->nactive; jb++)
            sum += m->Q[(size_t)i * m->S + m->active[jb]];
    }
    return sum;
}

/* ---- words and bigrams ------------------------------------------------- */

typedef struct ranked {
    uint32_t id, count;
} ranked;

static int by_frequency(const void *x, const void *y)
{
    const ranked *a = x, *b = y;
    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    return a->id < b->id ? -1 : a->id > b->id;
}

static int by_u64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return a < b ? -1 : a > b;
}

/* Neighbours of each kept word (by rank), one direction. */
typedef struct adjacency {
    uint32_t *start; /* [kept + 1] */
    uint32_t *word;
    double *count;
} adjacency;

static void adjacency_free(adjacency *a)
{
    free(a->start), free(a->word), free(a->count);
}

/* Distinct bigrams (r1, r2, count) of the stream, both directions. */
static bool build_adjacency(const uint32_t *tokens, size_t n, const uint32_t *rank_of,
                            uint32_t kept, adjacency *right, adjacency *left, uint64_t *bigrams)
{
    memset(right, 0, sizeof *right);
    memset(left, 0, sizeof *left);
    size_t np = 0;
    uint64_t *pairs = malloc((n ? n : 1) * sizeof *pairs);
    if (!pairs)
        return false;
    uint32_t prev = XC_BROWN_NONE;
    for (size_t i = 0; i < n; i++) {
        uint32_t r = tokens[i] == XC_BROWN_BREAK ? XC_BROWN_NONE : rank_of[tokens[i]];
        if (r != XC_BROWN_NONE && prev != XC_BROWN_NONE)
            pairs[np++] = (uint64_t)prev << 32 | r;
        prev = r;
    }
    *bigrams = np;
    qsort(pairs, np, sizeof *pairs, by_u64);
    size_t distinct = 0;
    for (size_t i = 0; i < np; i++)
        distinct += i == 0 || pairs[i] != pairs[i - 1];
    size_t cap = distinct ? distinct : 1;
    right->start = calloc((size_t)kept + 1, sizeof(uint32_t));
    left->start = calloc((size_t)kept + 1, sizeof(uint32_t));
    right->word = malloc(cap * sizeof(uint32_t));
    left->word = malloc(cap * sizeof(uint32_t));
    right->count = malloc(cap * sizeof(double));
    left->count = malloc(cap * sizeof(double));
    if (!right->start || !left->start || !right->word || !left->word || !right->count ||
        !left->count) {
        free(pairs);
        adjacency_free(right);
        adjacency_free(left);
        return false;
    }
    /* Right neighbours come out of the sort in order; left ones by counting. */
    size_t u = 0;
    for (size_t i = 0; i < np;) {
        size_t j = i;
        while (j < np && pairs[j] == pairs[i])
            j++;
        uint32_t r1 = (uint32_t)(pairs[i] >> 32), r2 = (uint32_t)pairs[i];
        right->start[r1 + 1]++;
        left->start[r2 + 1]++;
        right->word[u] = r2;
        right->count[u] = (double)(j - i);
        u++;
        i = j;
    }
    for (uint32_t r = 0; r < kept; r++) {
        right->start[r + 1] += right->start[r];
        left->start[r + 1] += left->start[r];
    }
    for (uint32_t r1 = 0; r1 < kept; r1++)
        for (uint32_t e = right->start[r1]; e < right->start[r1 + 1]; e++) {
            uint32_t r2 = right->word[e];
            uint32_t slot = left->start[r2]++;
            left->word[slot] = r1;
            left->count[slot] = right->count[e];
        }
    for (uint32_t r = kept; r > 0; r--)
        left->start[r] = left->start[r - 1];
    left->start[0] = 0;
    free(pairs);
    return true;
}


/* ---- the clustering ---------------------------------------------------- */

typedef struct state {
    model m;
    adjacency right, left;
    uint32_t *slot_of;   /* [kept] slot of each word added so far */
    uint32_t *head;      /* [S] first word of each slot's list */
    uint32_t *next;      /* [kept] next word in the same slot */
    uint32_t *size;      /* [S] words in each slot */
} state;

/* Word `r` (rank) enters as a cluster of its own in slot k. */
static void add_word(state *st, uint32_t r, uint32_t k, double count)
{
    model *m = &st->m;
    uint32_t S = m->S;
    double *pk = m->P + (size_t)k * S, *tk = m->PT + (size_t)k * S;
    for (uint32_t i = 0; i < S; i++)
        pk[i] = tk[i] = m->P[(size_t)i * S + k] = m->PT[(size_t)i * S + k] = 0.0;
    for (uint32_t e = st->right.start[r]; e < st->right.start[r + 1]; e++) {
        uint32_t w = st->right.word[e];
        if (w < r)
            pk[st->slot_of[w]] += st->right.count[e];
        else if (w == r)
            pk[k] += st->right.count[e];
    }
    for (uint32_t e = st->left.start[r]; e < st->left.start[r + 1]; e++) {
        uint32_t w = st->left.word[e];
        if (w < r)
            tk[st->slot_of[w]] += st->left.count[e];
    }
    tk[k] = pk[k];
    for (uint32_t i = 0; i < S; i++) {
        m->PT[(size_t)i * S + k] = pk[i];
        m->P[(size_t)i * S + k] = tk[i];
    }
    m->n[k] = count;
    st->slot_of[r] = k;
    st->head[k] = r;
    st->next[r] = XC_BROWN_NONE;
    st->size[k] = 1;
    add_cluster(m, k);
}

/* Merge two slots while words are still coming in; returns the freed slot. */
static uint32_t merge_words(state *st, uint32_t a, uint32_t b)
{
    if (st->size[b] > st->size[a]) {
        uint32_t t = a;
        a = b, b = t;
    }
    merge(&st->m, a, b);
    uint32_t last = XC_BROWN_NONE;
    for (uint32_t w = st->head[b]; w != XC_BROWN_NONE; w = st->next[w]) {
        st->slot_of[w] = a;
        last = w;
    }
    if (last != XC_BROWN_NONE) {
        st->next[last] = st->head[a];
        st->head[a] = st->head[b];
    }
    st->size[a] += st->size[b];
    st->head[b] = XC_BROWN_NONE, st->size[b] = 0;
    return b;
}

static void state_free(state *st)
{
    model_free(&st->m);
    adjacency_free(&st->right);
    adjacency_free(&st->left);
    free(st->slot_of), free(st->head), free(st->next), free(st->size);
}

/* Bit paths of the leaves of the merge tree, numbered in path order:
 * leaf_id[old leaf] = new number; paths[new number] = its path. */
static bool tree_paths(const uint32_t (*child)[2], uint32_t leaves, uint32_t root,
                       uint32_t *leaf_id, char **paths)
{
    size_t nodes = 2 * (size_t)leaves - 1;
    typedef struct item {
        uint32_t node, depth;
        char bit;
    } item;
    item *stack = malloc(nodes * sizeof *stack);
    char *buf = malloc(leaves + 1);
    if (!stack || !buf) {
        free(stack), free(buf);
        return false;
    }
    size_t top = 0;
    uint32_t next_leaf = 0;
    bool ok = true;
    stack[top++] = (item){root, 0, 0};
    while (top > 0 && ok) {
        item it = stack[--top];
        if (it.depth > 0)
            buf[it.depth - 1] = it.bit;
        if (it.node < leaves) {
            uint32_t id = next_leaf++;
            leaf_id[it.node] = id;
            size_t len = it.depth ? it.depth : 1; /* a lone leaf gets "0" */
            if (!it.depth)
                buf[0] = '0';
            paths[id] = malloc(len + 1);
            if (!paths[id]) {
                ok = false;
                break;
            }
            memcpy(paths[id], buf, len);
            paths[id][len] = '\0';
        } else {
            const uint32_t *c = child[it.node - leaves];
            stack[top++] = (item){c[1], it.depth + 1, '1'};
            stack[top++] = (item){c[0], it.depth + 1, '0'};
        }
    }
    free(stack), free(buf);
    return ok;
}

/* Phase 2: merge the leaf clusters down to one; the merges make the tree
 * and the tree the paths. `leaf` is each word's leaf (by rank), renumbered
 * here in path order. False when out of memory. */
static bool build_tree(state *st, uint32_t leaves, uint32_t *leaf, uint32_t kept, char **paths,
                       const xc_brown_params *params, size_t done_steps, size_t total)
{
    model *m = &st->m;
    uint32_t *node_of = malloc((size_t)m->S * sizeof *node_of);
    uint32_t *leaf_id = malloc((size_t)leaves * sizeof *leaf_id);
    uint32_t(*child)[2] = malloc((size_t)leaves * sizeof *child);
    bool ok = node_of && leaf_id && child;
    if (ok) {
        for (uint32_t i = 0; i < m->nactive; i++)
            node_of[m->active[i]] = i;
        uint32_t next_node = leaves;
        while (m->nactive > 1) {
            uint32_t a, b;
            best_pair(m, &a, &b);
            merge(m, a, b);
            child[next_node - leaves][0] = node_of[a];
            child[next_node - leaves][1] = node_of[b];
            node_of[a] = next_node++;
            if (params && params->progress && (++done_steps % 64 == 0 || done_steps == total))
                params->progress(params->user, done_steps, total);
        }
        ok = tree_paths((const uint32_t(*)[2])child, leaves, node_of[m->active[0]], leaf_id, paths);
    }
    if (ok)
        for (uint32_t r = 0; r < kept; r++)
            leaf[r] = leaf_id[leaf[r]];
    free(node_of), free(leaf_id), free(child);
    return ok;
}

/* Both phases over the kept words (`order`: by decreasing frequency, whose
 * bigrams are in st->right and st->left); fills out->cluster, paths,
 * clusters and mi_bits. False when out of memory. */
static bool cluster_words(state *st, const ranked *order, uint32_t kept, uint32_t C,
                          const xc_brown_params *params, xc_brown_result *out)
{
    uint32_t leaves = kept < C ? kept : C;
    uint32_t S = leaves + 1;
    st->slot_of = malloc((size_t)kept * sizeof(uint32_t));
    st->next = malloc((size_t)kept * sizeof(uint32_t));
    st->head = malloc((size_t)S * sizeof(uint32_t));
    st->size = calloc(S, sizeof(uint32_t));
    out->paths = calloc(leaves, sizeof *out->paths);
    if (!st->slot_of || !st->next || !st->head || !st->size || !out->paths ||
        !model_init(&st->m, S, (double)out->tokens, (double)out->bigrams))
        return false;
    out->clusters = leaves;
    size_t total = (size_t)kept + leaves - 1, done_steps = 0;

    /* Phase 1: the C most frequent words, then each further word enters and
     * the cheapest pair is merged. */
    uint32_t free_slot = leaves;
    for (uint32_t r = 0; r < kept; r++) {
        add_word(st, r, r < leaves ? r : free_slot, (double)order[r].count);
        if (r >= leaves) {
            uint32_t a, b;
            best_pair(&st->m, &a, &b);
            free_slot = merge_words(st, a, b);
        }
        if (params && params->progress && (++done_steps % 64 == 0 || done_steps == total))
            params->progress(params->user, done_steps, total);
    }
    out->mi_bits = out->bigrams ? mutual_information(&st->m) / (double)out->bigrams / log(2.0) : 0.0;

    /* Each word's leaf: its slot's place among the active slots (kept in
     * st->head, which phase 2 does not need; slot_of, by rank, then holds
     * the leaves). */
    uint32_t *place = st->head;
    for (uint32_t i = 0; i < st->m.nactive; i++)
        place[st->m.active[i]] = i;
    for (uint32_t r = 0; r < kept; r++)
        st->slot_of[r] = place[st->slot_of[r]];
    if (!build_tree(st, leaves, st->slot_of, kept, out->paths, params, done_steps, total))
        return false;
    for (uint32_t r = 0; r < kept; r++)
        out->cluster[order[r].id] = st->slot_of[r];
    return true;
}

static xc_status nomem(xc_error *err)
{
    return xc_fail(err, XC_ERR_NOMEM, "brown clustering: out of memory");
}

xc_status xc_brown_cluster(const uint32_t *tokens, size_t n, uint32_t words,
                           const xc_brown_params *params, xc_brown_result *out, xc_error *err)
{
    memset(out, 0, sizeof *out);
    out->words = words;
    uint32_t C = params && params->clusters ? params->clusters : XC_BROWN_DEFAULT_CLUSTERS;
    uint32_t min_count = params && params->min_count ? params->min_count : XC_BROWN_DEFAULT_MIN_COUNT;
    if (C < 2 || C > 65536)
        return xc_fail(err, XC_ERR_ARG, "brown clustering: clusters must be 2..65536, not %u", C);
    out->count = calloc(words ? words : 1, sizeof(uint32_t));
    out->cluster = malloc((words ? words : 1) * sizeof(uint32_t));
    if (!out->count || !out->cluster)
        return nomem(err);
    for (size_t i = 0; i < n; i++) {
        uint32_t t = tokens[i];
        if (t == XC_BROWN_BREAK)
            continue;
        if (t >= words)
            return xc_fail(err, XC_ERR_ARG, "brown clustering: word id %u at token %zu is not below %u",
                           t, i, words);
        if (out->count[t] < UINT32_MAX)
            out->count[t]++;
    }
    for (uint32_t w = 0; w < words; w++)
        out->cluster[w] = XC_BROWN_NONE;

    /* Kept words by decreasing frequency. */
    uint32_t kept = 0;
    for (uint32_t w = 0; w < words; w++)
        kept += out->count[w] >= min_count;
    out->kept = kept;
    if (kept == 0)
        return XC_OK;
    ranked *order = malloc((size_t)kept * sizeof *order);
    uint32_t *rank_of = malloc((size_t)words * sizeof *rank_of);
    if (!order || !rank_of) {
        free(order), free(rank_of);
        return nomem(err);
    }
    for (uint32_t w = 0, k = 0; w < words; w++)
        if (out->count[w] >= min_count)
            order[k++] = (ranked){w, out->count[w]};
    qsort(order, kept, sizeof *order, by_frequency);
    for (uint32_t w = 0; w < words; w++)
        rank_of[w] = XC_BROWN_NONE;
    uint64_t tokens_kept = 0;
    for (uint32_t r = 0; r < kept; r++) {
        rank_of[order[r].id] = r;
        tokens_kept += order[r].count;
    }
    out->tokens = tokens_kept;

    state st = {0};
    xc_status status = XC_OK;
    if (!build_adjacency(tokens, n, rank_of, kept, &st.right, &st.left, &out->bigrams) ||
        !cluster_words(&st, order, kept, C, params, out))
        status = nomem(err);
    state_free(&st);
    free(order), free(rank_of);
    return status;
}

const char *xc_brown_path(const xc_brown_result *r, uint32_t word)
{
    if (!r || word >= r->words || !r->cluster || r->cluster[word] == XC_BROWN_NONE)
        return NULL;
    return r->paths[r->cluster[word]];
}

void xc_brown_result_free(xc_brown_result *r)
{
    if (!r)
        return;
    if (r->paths)
        for (uint32_t i = 0; i < r->clusters; i++)
            free(r->paths[i]);
    free(r->paths), free(r->count), free(r->cluster);
    memset(r, 0, sizeof *r);
}
