/*
 * scan.c - pass A of the catalogue decoder (see decode.h): counts, arrays,
 * codes and package cycles, before any field is read.
 *
 * Nothing here reports a malformed value: what is not the expected shape is
 * skipped, and pass B names it in document order.
 */
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "graph.h"

const struct decode_array decode_arrays[DECODE_N_ARRAYS] = {
    {"channels", CODE_CHANNEL},   {"seat_categories", CODE_SEAT_CATEGORY},
    {"audiences", CODE_AUDIENCE}, {"activities", CODE_ACTIVITY},
    {"themes", CODE_THEME},       {"products", CODE_PRODUCT},
    {"profiles", CODE_PROFILE},
};

const struct decode_array *
decode_array_find(const char *key)
{
    for (size_t i = 0; i < DECODE_N_ARRAYS; i++)
        if (strcmp(decode_arrays[i].key, key) == 0)
            return &decode_arrays[i];
    return NULL;
}

/* n zeroed records of size bytes from the catalogue's arena; *out stays
 * NULL for none. False when out of memory. */
static bool
scan_alloc(struct decoder *d, size_t n, size_t size, void **out)
{
    *out = NULL;
    if (n == 0)
        return true;
    *out = arena_alloc(d->r.arena, n * size);
    return *out != NULL;
}

/* Allocates the catalogue's array of kind for n records. */
static bool
scan_alloc_kind(struct decoder *d, enum enc_code_kind kind, uint32_t n)
{
    struct enc_catalogue *c = d->cat;

    switch (kind) {
    case CODE_CHANNEL:
        c->n_channels = n;
        return scan_alloc(d, n, sizeof *c->channels, (void **)&c->channels);
    case CODE_SEAT_CATEGORY:
        c->n_seat_categories = n;
        return scan_alloc(d, n, sizeof *c->seat_categories,
                          (void **)&c->seat_categories);
    case CODE_AUDIENCE:
        c->n_audiences = n;
        return scan_alloc(d, n, sizeof *c->audiences, (void **)&c->audiences);
    case CODE_ACTIVITY:
        c->n_activities = n;
        return scan_alloc(d, n, sizeof *c->activities, (void **)&c->activities);
    case CODE_THEME:
        c->n_themes = n;
        return scan_alloc(d, n, sizeof *c->themes, (void **)&c->themes);
    case CODE_PRODUCT:
        c->n_products = n;
        return scan_alloc(d, n, sizeof *c->products, (void **)&c->products);
    case CODE_PERFORMANCE:
        c->n_performances = n;
        return scan_alloc(d, n, sizeof *c->performances,
                          (void **)&c->performances);
    case CODE_PROFILE:
        c->n_profiles = n;
        return scan_alloc(d, n, sizeof *c->profiles, (void **)&c->profiles);
    case CODE_KIND_COUNT:
        break;
    }
    return false;
}

/* The array under key in root, or NULL when it is absent or not one. */
static const struct jtok *
scan_array(const struct jtok *root, const char *key)
{
    const struct jtok *v = jv_object_get(root, key);
    return jv_is_array(v) ? v : NULL;
}

/*
 * The visit order of n records of kind: stored records first, in merged
 * order, then those of the document given, in its order (decode.h).
 */
static bool
scan_order(struct decoder *d, enum enc_code_kind kind, uint32_t n)
{
    const int32_t *origin = d->origin[kind];
    uint32_t *order = malloc((n ? n : 1) * sizeof *order);
    uint32_t k = 0, n_stored = 0;

    if (!order)
        return false;
    d->order[kind] = order;
    for (uint32_t m = 0; m < n; m++) {
        if (!origin)
            order[k++] = m;
        else if (origin[m] < 0)
            order[k++] = m;
    }
    n_stored = k;
    /* A document record at doc index i goes to slot n_stored + i: every
     * doc index below n - n_stored appears exactly once (merge.c). */
    for (uint32_t m = 0; origin && m < n; m++)
        if (origin[m] >= 0)
            order[n_stored + (uint32_t)origin[m]] = m;
    return true;
}

/* Maps code -> index in map unless the code is taken or malformed. */
static bool
scan_code(struct code_map *map, const struct jtok *record, uint32_t index)
{
    const struct jtok *code = jv_object_get(record, "code");

    if (!jv_is_string(code) || !read_is_code(code->s, code->n))
        return true;
    return code_map_put(map, code->s, code->n, (int32_t)index);
}

/* Counts, orders and maps the records of one top-level array. */
static bool
scan_kind(struct decoder *d, const struct jtok *root,
          const struct decode_array *a)
{
    const struct jtok *array = scan_array(root, a->key);
    uint32_t n = array ? (uint32_t)jv_array_size(array) : 0;

    if (!scan_alloc_kind(d, a->kind, n) ||
        !code_map_reserve(&d->codes[a->kind], n) || !scan_order(d, a->kind, n))
        return false;
    for (uint32_t k = 0; k < n; k++) {
        uint32_t m = d->order[a->kind][k];
        if (!scan_code(&d->codes[a->kind], jv_array_get(array, m), m))
            return false;
    }
    return true;
}

/* Places each product's performances in cat->performances (product
 * order) and maps their codes, in visit order. */
static bool
scan_performances(struct decoder *d, const struct jtok *root)
{
    const struct jtok *products = scan_array(root, "products");
    struct enc_catalogue *c = d->cat;
    uint32_t total = 0;

    for (uint32_t m = 0; m < c->n_products; m++) {
        const struct jtok *perfs =
            scan_array(jv_array_get(products, m), "performances");
        c->products[m].perf_first = total;
        c->products[m].n_performances =
            perfs ? (uint32_t)jv_array_size(perfs) : 0;
        total += c->products[m].n_performances;
    }
    if (!scan_alloc_kind(d, CODE_PERFORMANCE, total) ||
        !code_map_reserve(&d->codes[CODE_PERFORMANCE], total))
        return false;
    for (uint32_t k = 0; k < c->n_products; k++) {
        uint32_t m = d->order[CODE_PRODUCT][k];
        const struct jtok *perfs =
            scan_array(jv_array_get(products, m), "performances");
        for (uint32_t j = 0; j < c->products[m].n_performances; j++)
            if (!scan_code(&d->codes[CODE_PERFORMANCE], jv_array_get(perfs, j),
                           c->products[m].perf_first + j))
                return false;
    }
    return true;
}

/* The product a component element names, or -1. */
static int32_t
scan_component(struct decoder *d, const struct jtok *component)
{
    const struct jtok *p = jv_object_get(component, "product");

    if (!jv_is_string(p))
        return ENC_NONE;
    return code_map_get(&d->codes[CODE_PRODUCT], p->s, p->n);
}

/* Fills the edges product -> component of the package graph: with adj
 * NULL, only counts them into first[]. */
static void
scan_edges(struct decoder *d, const struct jtok *products, uint32_t *first,
           uint32_t *adj)
{
    uint32_t e = 0;

    for (uint32_t m = 0; m < d->cat->n_products; m++) {
        const struct jtok *comps =
            scan_array(jv_array_get(products, m), "components");
        first[m] = e;
        for (size_t j = 0; comps && j < jv_array_size(comps); j++) {
            int32_t k = scan_component(d, jv_array_get(comps, j));
            if (k < 0)
                continue;
            if (adj)
                adj[e] = (uint32_t)k;
            e++;
        }
    }
    first[d->cat->n_products] = e;
}

/* Components of the package graph, so pass B can tell at once whether a
 * component leads back to its package (SPEC 7). */
static bool
scan_packages(struct decoder *d, const struct jtok *root)
{
    const struct jtok *products = scan_array(root, "products");
    uint32_t n = d->cat->n_products;
    uint32_t *first = malloc((n + 1) * sizeof *first);
    uint32_t *adj = NULL;
    bool ok = false;

    d->component = malloc((n ? n : 1) * sizeof *d->component);
    d->component_size = malloc((n ? n : 1) * sizeof *d->component_size);
    if (!first || !d->component || !d->component_size)
        goto out;
    scan_edges(d, products, first, NULL);
    adj = malloc((first[n] ? first[n] : 1) * sizeof *adj);
    if (!adj)
        goto out;
    scan_edges(d, products, first, adj);
    ok = graph_components(n, first, adj, d->component, d->component_size);
out:
    free(adj);
    free(first);
    return ok;
}

/* The institution's first language, for texts written as bare strings. */
static bool
scan_first_lang(struct decoder *d, const struct jtok *root)
{
    const struct jtok *langs =
        jv_object_get(jv_object_get(root, "institution"), "languages");
    const struct jtok *first = jv_array_get(langs, 0);

    d->first_lang = "";
    if (jv_is_string(first) &&
        read_is_lang(jv_string(first), jv_string_length(first))) {
        d->first_lang = arena_strdup(d->r.arena, jv_string(first));
        return d->first_lang != NULL;
    }
    return true;
}

enum enc_code
decode_scan(struct decoder *d, const struct jtok *root)
{
    bool ok = true;

    for (size_t i = 0; i < DECODE_N_ARRAYS && ok; i++)
        ok = scan_kind(d, root, &decode_arrays[i]);
    ok = ok && scan_performances(d, root) && scan_packages(d, root) &&
         scan_first_lang(d, root);
    return ok ? ENC_OK : reader_oom(&d->r);
}

enum enc_code
decode_scan_profiles(struct decoder *d, const struct jtok *root)
{
    const struct enc_institution *inst = &d->cat->institution;

    d->first_lang = inst->n_languages > 0 ? inst->languages[0] : "";
    return scan_kind(d, root, decode_array_find("profiles"))
               ? ENC_OK
               : reader_oom(&d->r);
}

void
decode_release(struct decoder *d)
{
    for (int k = 0; k < CODE_KIND_COUNT; k++) {
        free(d->origin[k]);
        free(d->order[k]);
        code_map_free(&d->codes[k]);
        d->origin[k] = NULL;
        d->order[k] = NULL;
    }
    free(d->component);
    free(d->component_size);
    code_map_free(&d->line_ids);
    free(d->bounds);
    free(d->bound_end);
    d->component = d->component_size = NULL;
    d->bounds = NULL;
    d->bound_end = NULL;
}
