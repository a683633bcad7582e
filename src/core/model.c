/*
 * model.c - the catalogue's life cycle, its derived indexes, R13 and the
 * wire names of the enums (see model.h).
 */
#include "model.h"

#include <stdlib.h>
#include <string.h>

struct enc_catalogue *
catalogue_new(void)
{
    struct enc_catalogue *cat = calloc(1, sizeof(*cat));

    if (cat == NULL)
        return NULL;
    arena_init(&cat->arena, 0);
    atomic_init(&cat->holders, 1);
    return cat;
}

/* Drops one holder of block b; frees it at none. */
static void
block_release(struct enc_profile_block *b)
{
    if (atomic_fetch_sub_explicit(&b->holders, 1, memory_order_acq_rel) != 1)
        return;
    arena_cleanup(&b->arena);
    free(b);
}

void
catalogue_free(struct enc_catalogue *cat)
{
    if (cat == NULL ||
        atomic_fetch_sub_explicit(&cat->holders, 1, memory_order_acq_rel) != 1)
        return;
    for (uint32_t i = 0; i < cat->n_held; i++)
        block_release(cat->held[i]);
    catalogue_free(cat->records_owner);
    arena_cleanup(&cat->arena);
    free(cat);
}

/* ---- Overlays: records shared, profiles rebuilt ---- */

const struct enc_catalogue *
catalogue_records_owner(const struct enc_catalogue *cat)
{
    return cat->records_owner != NULL ? cat->records_owner : cat;
}

struct arena *
catalogue_profiles_arena(struct enc_catalogue *cat)
{
    return cat->block != NULL ? &cat->block->arena : &cat->arena;
}

/* Holds block b (once) from cat; false when cat would hold too many. */
static bool
catalogue_hold(struct enc_catalogue *cat, struct enc_profile_block *b)
{
    for (uint32_t i = 0; i < cat->n_held; i++)
        if (cat->held[i] == b)
            return true;
    if (cat->n_held == CATALOGUE_MAX_HELD)
        return false;
    if (cat->n_held > 0) /* its own block came with its one holder */
        atomic_fetch_add_explicit(&b->holders, 1, memory_order_relaxed);
    cat->held[cat->n_held++] = b;
    return true;
}

/* Shares the records of owner (indexed) with overlay cat. */
static void
overlay_share(struct enc_catalogue *cat, struct enc_catalogue *owner)
{
    cat->institution = owner->institution;
    cat->n_channels = owner->n_channels;
    cat->channels = owner->channels;
    cat->n_seat_categories = owner->n_seat_categories;
    cat->seat_categories = owner->seat_categories;
    cat->n_audiences = owner->n_audiences;
    cat->audiences = owner->audiences;
    cat->n_activities = owner->n_activities;
    cat->activities = owner->activities;
    cat->n_themes = owner->n_themes;
    cat->themes = owner->themes;
    cat->n_products = owner->n_products;
    cat->products = owner->products;
    cat->n_performances = owner->n_performances;
    cat->performances = owner->performances;
    for (int k = 0; k < CODE_KIND_COUNT; k++)
        if (k != CODE_PROFILE)
            cat->codes[k] = owner->codes[k];
    cat->n_pools = owner->n_pools;
    cat->pool_left = owner->pool_left;
    cat->max_keys = owner->max_keys;
    cat->max_prices = owner->max_prices;
}

struct enc_catalogue *
catalogue_overlay(struct enc_catalogue *base)
{
    struct enc_catalogue *owner =
        (struct enc_catalogue *)catalogue_records_owner(base);
    struct enc_catalogue *cat = catalogue_new();
    struct enc_profile_block *block = calloc(1, sizeof(*block));

    if (cat == NULL || block == NULL) {
        free(block);
        catalogue_free(cat);
        return NULL;
    }
    arena_init(&block->arena, 0);
    atomic_init(&block->holders, 1);
    cat->held = arena_alloc(&cat->arena, CATALOGUE_MAX_HELD * sizeof(block));
    if (cat->held == NULL) {
        block_release(block);
        catalogue_free(cat);
        return NULL;
    }
    catalogue_hold(cat, block);
    cat->block = block;
    atomic_fetch_add_explicit(&owner->holders, 1, memory_order_relaxed);
    cat->records_owner = owner;
    overlay_share(cat, owner);
    return cat;
}

static bool index_profiles(struct enc_catalogue *cat);

bool
catalogue_profiles_assemble(struct enc_catalogue *cat,
                            const struct enc_profile_source *sources,
                            uint32_t n)
{
    struct enc_profile *profiles =
        arena_alloc(&cat->arena, (n + 1) * sizeof(*profiles));
    struct enc_profile_block **block =
        arena_alloc(&cat->arena, (n + 1) * sizeof(*block));

    if (profiles == NULL || block == NULL)
        return false;
    for (uint32_t i = 0; i < n; i++) {
        const struct enc_catalogue *from = sources[i].from;
        uint32_t k = sources[i].index;
        profiles[i] = from->profiles[k];
        block[i] = from == cat           ? cat->block
                   : from->profile_block ? from->profile_block[k]
                                         : NULL;
        if (block[i] != NULL && !catalogue_hold(cat, block[i]))
            return false;
    }
    cat->profiles = profiles;
    cat->n_profiles = n;
    cat->profile_block = block;
    return index_profiles(cat);
}

/* ---- Code maps: open addressing over the codes of one kind ---- */

/* The number of records of a kind, and the code of record i. */
uint32_t
catalogue_count(const struct enc_catalogue *cat, enum enc_code_kind kind)
{
    switch (kind) {
    case CODE_CHANNEL:
        return cat->n_channels;
    case CODE_SEAT_CATEGORY:
        return cat->n_seat_categories;
    case CODE_AUDIENCE:
        return cat->n_audiences;
    case CODE_ACTIVITY:
        return cat->n_activities;
    case CODE_THEME:
        return cat->n_themes;
    case CODE_PRODUCT:
        return cat->n_products;
    case CODE_PERFORMANCE:
        return cat->n_performances;
    case CODE_PROFILE:
        return cat->n_profiles;
    case CODE_KIND_COUNT:
        break;
    }
    return 0;
}

const char *
catalogue_code(const struct enc_catalogue *cat, enum enc_code_kind kind,
               uint32_t i)
{
    switch (kind) {
    case CODE_CHANNEL:
        return cat->channels[i].code;
    case CODE_SEAT_CATEGORY:
        return cat->seat_categories[i].code;
    case CODE_AUDIENCE:
        return cat->audiences[i].code;
    case CODE_ACTIVITY:
        return cat->activities[i].code;
    case CODE_THEME:
        return cat->themes[i].code;
    case CODE_PRODUCT:
        return cat->products[i].code;
    case CODE_PERFORMANCE:
        return cat->performances[i].code;
    case CODE_PROFILE:
        return cat->profiles[i].code;
    case CODE_KIND_COUNT:
        break;
    }
    return NULL;
}

/* True when the NUL-terminated code equals the len bytes of s. */
static bool
code_equals(const char *code, const char *s, size_t len)
{
    return code != NULL && strncmp(code, s, len) == 0 && code[len] == '\0';
}

/* Fills an empty slot with record i of code (len bytes). */
static void
slot_fill(struct enc_code_slot *slot, int32_t i, const char *code, size_t len)
{
    slot->index = i;
    if (len > ENC_SLOT_CODE) {
        slot->len = 0xff;
        return;
    }
    slot->len = (uint8_t)len;
    memcpy(slot->code, code, len);
}

/* True when slot holds code s of len bytes (reading the record only for
 * a code too long for the slot). */
static bool
slot_matches(const struct enc_catalogue *cat, enum enc_code_kind kind,
             const struct enc_code_slot *slot, const char *s, size_t len)
{
    if (slot->len != 0xff)
        return slot->len == len && memcmp(slot->code, s, len) == 0;
    return len > ENC_SLOT_CODE &&
           code_equals(catalogue_code(cat, kind, (uint32_t)slot->index), s,
                       len);
}

/*
 * Builds the map of one kind: at least twice as many slots as records, so
 * probes stay short; slots aligned on their size, so one never straddles
 * two cache lines. A duplicate code keeps its first record (the codec
 * refuses duplicates before this runs).
 */
static bool
codemap_build(struct enc_catalogue *cat, enum enc_code_kind kind)
{
    struct enc_codemap *map = &cat->codes[kind];
    uint32_t n = catalogue_count(cat, kind);
    uint32_t slots = 8;
    size_t size = sizeof(struct enc_code_slot);
    uintptr_t raw;

    while (slots < 2 * (uint64_t)n)
        slots *= 2;
    raw = (uintptr_t)arena_alloc(&cat->arena, (slots + 1) * size);
    if (raw == 0)
        return false;
    map->slots = (struct enc_code_slot *)(raw + (size - raw % size) % size);
    map->mask = slots - 1;
    for (uint32_t i = 0; i < slots; i++)
        map->slots[i].index = ENC_NONE;
    for (uint32_t i = 0; i < n; i++) {
        const char *code = catalogue_code(cat, kind, i);
        size_t len;
        uint32_t h;

        if (code == NULL)
            continue;
        len = strlen(code);
        h = catalogue_code_hash(code, len) & map->mask;
        while (map->slots[h].index != ENC_NONE &&
               !slot_matches(cat, kind, &map->slots[h], code, len))
            h = (h + 1) & map->mask;
        if (map->slots[h].index == ENC_NONE)
            slot_fill(&map->slots[h], (int32_t)i, code, len);
    }
    return true;
}

int32_t
catalogue_lookup(const struct enc_catalogue *cat, enum enc_code_kind kind,
                 const char *code, size_t len)
{
    const struct enc_codemap *map;
    uint32_t h;

    if ((unsigned)kind >= CODE_KIND_COUNT || code == NULL)
        return ENC_NONE;
    map = &cat->codes[kind];

    /* Before catalogue_index(): a plain scan, so a builder can look up. */
    if (map->slots == NULL) {
        for (uint32_t i = 0; i < catalogue_count(cat, kind); i++)
            if (code_equals(catalogue_code(cat, kind, i), code, len))
                return (int32_t)i;
        return ENC_NONE;
    }
    h = catalogue_code_hash(code, len) & map->mask;
    while (map->slots[h].index != ENC_NONE) {
        if (slot_matches(cat, kind, &map->slots[h], code, len))
            return map->slots[h].index;
        h = (h + 1) & map->mask;
    }
    return ENC_NONE;
}

/* ---- Performances by start, local days ---- */

struct perf_key {
    int64_t utc;
    uint32_t index;
};

/* Earliest start first; equal starts keep document order. */
static int
perf_key_compare(const void *a, const void *b)
{
    const struct perf_key *x = a, *y = b;

    if (x->utc != y->utc)
        return x->utc < y->utc ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

/*
 * Fills perf_by_start of product p, using keys (room for its performances)
 * as scratch. Performances outside the catalogue's array are skipped.
 */
static bool
product_sort_performances(struct enc_catalogue *cat, struct enc_product *p,
                          struct perf_key *keys)
{
    uint32_t n = 0;

    for (uint32_t k = 0; k < p->n_performances; k++) {
        uint32_t i = p->perf_first + k;
        if (i >= cat->n_performances)
            break;
        keys[n].utc = cat->performances[i].start.utc;
        keys[n].index = i;
        n++;
    }
    p->n_performances = n;
    p->perf_by_start = arena_alloc(&cat->arena, (n + 1) * sizeof(uint32_t));
    if (p->perf_by_start == NULL)
        return false;
    qsort(keys, n, sizeof(*keys), perf_key_compare);
    for (uint32_t k = 0; k < n; k++)
        p->perf_by_start[k] = keys[k].index;
    return true;
}

/* Local days of every performance, and each product's start order. */
static bool
index_performances(struct enc_catalogue *cat)
{
    struct perf_key *keys;
    bool ok = true;

    for (uint32_t i = 0; i < cat->n_performances; i++)
        cat->performances[i].local_day =
            time_local_day(cat->performances[i].start);
    keys = malloc((cat->n_performances + 1) * sizeof(*keys));
    if (keys == NULL)
        return false;
    for (uint32_t p = 0; p < cat->n_products && ok; p++)
        ok = product_sort_performances(cat, &cat->products[p], keys);
    free(keys);
    return ok;
}

/* ---- Package contents, transitive, with cycle detection ---- */

/*
 * Collects every product inside package pkg, breadth first from its
 * components. stamp/mark is a per-product "seen in this walk" stamp and
 * queue has room for every product. Returns false when out of memory;
 * *cycle is set when pkg is found inside itself.
 */
static bool
package_collect(struct enc_catalogue *cat, uint32_t pkg, uint32_t stamp,
                uint32_t *mark, int32_t *queue, bool *cycle)
{
    struct enc_product *p = &cat->products[pkg];
    uint32_t head = 0, tail = 0;

    mark[pkg] = stamp;
    queue[tail++] = (int32_t)pkg;
    while (head < tail) {
        const struct enc_product *q = &cat->products[queue[head++]];
        for (uint32_t c = 0; c < q->n_components; c++) {
            int32_t x = q->components[c].product;
            if (x < 0 || (uint32_t)x >= cat->n_products)
                continue;
            if ((uint32_t)x == pkg)
                *cycle = true;
            if (mark[x] == stamp)
                continue;
            mark[x] = stamp;
            queue[tail++] = x;
        }
    }
    p->n_contents = tail - 1;
    p->contents = arena_alloc(&cat->arena, tail * sizeof(int32_t));
    if (p->contents == NULL)
        return false;
    memcpy(p->contents, queue + 1, (tail - 1) * sizeof(int32_t));
    return true;
}

/* Contents of every product with components; false on a cycle or OOM. */
static bool
index_packages(struct enc_catalogue *cat)
{
    uint32_t n = cat->n_products;
    uint32_t *mark = calloc(n + 1, sizeof(*mark));
    int32_t *queue = malloc((n + 1) * sizeof(*queue));
    bool ok = mark != NULL && queue != NULL;
    bool cycle = false;

    for (uint32_t p = 0; p < n && ok && !cycle; p++) {
        cat->products[p].n_contents = 0;
        cat->products[p].contents = NULL;
        if (cat->products[p].n_components > 0)
            ok = package_collect(cat, p, p + 1, mark, queue, &cycle);
    }
    free(queue);
    free(mark);
    return ok && !cycle;
}

/* ---- Active profile of each channel ---- */

/* The first active profile naming a channel holds it (check.c reports
 * the others as errors, SPEC 6). */
static bool
index_channels(struct enc_catalogue *cat)
{
    cat->channel_profile =
        arena_alloc(&cat->arena, (cat->n_channels + 1) * sizeof(int32_t));
    if (cat->channel_profile == NULL)
        return false;
    for (uint32_t c = 0; c < cat->n_channels; c++)
        cat->channel_profile[c] = ENC_NONE;
    for (uint32_t p = 0; p < cat->n_profiles; p++) {
        const struct enc_profile *pr = &cat->profiles[p];
        if (pr->status != PROFILE_ACTIVE)
            continue;
        for (uint32_t k = 0; k < pr->n_channels; k++) {
            int32_t c = pr->channels[k];
            if (c >= 0 && (uint32_t)c < cat->n_channels &&
                cat->channel_profile[c] == ENC_NONE)
                cat->channel_profile[c] = (int32_t)p;
        }
    }
    return true;
}

/* ---- Pool ids of avail.h ---- */

/* Performance pools first, in catalogue order, then one per undated
 * product with a stock. False when the ids pass the 31-bit range. */
static bool
index_pools(struct enc_catalogue *cat)
{
    uint64_t id = 0;

    for (uint32_t i = 0; i < cat->n_performances; i++) {
        cat->performances[i].pool_first = (uint32_t)id;
        id += cat->performances[i].n_pools;
        if (id > INT32_MAX)
            return false;
    }
    for (uint32_t p = 0; p < cat->n_products; p++) {
        struct enc_product *pr = &cat->products[p];
        pr->stock_pool = ENC_NONE;
        if (pr->has_stock && pr->n_performances == 0) {
            if (id >= INT32_MAX)
                return false;
            pr->stock_pool = (int32_t)id++;
        }
    }
    cat->n_pools = (uint32_t)id;
    return true;
}

/* ---- Row keys and performance slots: R6, R7 compiled ---- */

/* The key of seat category sc among the n keys of pr, adding it when new. */
static uint16_t
product_key_of(struct enc_product *pr, int32_t sc)
{
    uint32_t k = 0;

    while (k < pr->n_keys && pr->key_seat_category[k] != sc)
        k++;
    if (k == pr->n_keys)
        pr->key_seat_category[pr->n_keys++] = sc;
    return (uint16_t)k;
}

/* The pool id (avail.h) rows of seat category sc draw on at pf: its
 * own, else "*" (R7); -1 when none. */
static int32_t
performance_pool_of(const struct enc_performance *pf, int32_t sc)
{
    int32_t shared = ENC_NONE;

    for (uint32_t i = 0; i < pf->n_pools; i++) {
        if (sc >= 0 && pf->pools[i].seat_category == sc)
            return (int32_t)(pf->pool_first + i);
        if (pf->pools[i].seat_category == ENC_NONE)
            shared = (int32_t)(pf->pool_first + i);
    }
    return shared;
}

/* The row keys of pr, and its slots with their pools. */
static bool
product_compile(struct enc_catalogue *cat, struct enc_product *pr)
{
    struct arena *a = &cat->arena;
    uint32_t n = pr->n_performances;

    if (pr->n_prices > UINT16_MAX)
        return false;
    pr->n_keys = 0;
    pr->key_seat_category =
        arena_alloc(a, (pr->n_prices + 1) * sizeof(int32_t));
    pr->row_key = arena_alloc(a, (pr->n_prices + 1) * sizeof(uint16_t));
    pr->slots = arena_alloc(a, (n + 1) * sizeof(*pr->slots));
    if (!pr->key_seat_category || !pr->row_key || !pr->slots)
        return false;
    for (uint32_t i = 0; i < pr->n_prices; i++)
        pr->row_key[i] = product_key_of(pr, pr->prices[i].seat_category);
    pr->slot_pools =
        arena_alloc(a, ((size_t)n * pr->n_keys + 1) * sizeof(int32_t));
    if (pr->slot_pools == NULL)
        return false;
    for (uint32_t k = 0; k < n; k++) {
        const struct enc_performance *pf =
            &cat->performances[pr->perf_by_start[k]];
        pr->slots[k] = (struct enc_perf_slot){
            pf->start.utc, pf->local_day, pr->perf_by_start[k], pf->has_sale};
        for (uint32_t key = 0; key < pr->n_keys; key++)
            pr->slot_pools[k * pr->n_keys + key] =
                performance_pool_of(pf, pr->key_seat_category[key]);
    }
    return true;
}

/* Every product's row keys and slots; the catalogue's own pool values by
 * pool id. After index_pools(). */
static bool
index_slots(struct enc_catalogue *cat)
{
    cat->max_keys = cat->max_prices = 0;
    cat->pool_left =
        arena_alloc(&cat->arena, (cat->n_pools + 1) * sizeof(int64_t));
    if (cat->pool_left == NULL)
        return false;
    for (uint32_t i = 0; i < cat->n_performances; i++) {
        const struct enc_performance *pf = &cat->performances[i];
        for (uint32_t k = 0; k < pf->n_pools; k++)
            cat->pool_left[pf->pool_first + k] = pf->pools[k].left;
    }
    for (uint32_t p = 0; p < cat->n_products; p++) {
        struct enc_product *pr = &cat->products[p];
        if (pr->stock_pool >= 0)
            cat->pool_left[pr->stock_pool] = pr->stock;
        if (!product_compile(cat, pr))
            return false;
        if (pr->n_keys > cat->max_keys)
            cat->max_keys = pr->n_keys;
        if (pr->n_prices > cat->max_prices)
            cat->max_prices = pr->n_prices;
    }
    return true;
}

/* ---- Dense copies for the engine ---- */

/* The names of product p in each language (product_names), from its
 * name_by_lang. */
static void
product_names_fill(const struct enc_catalogue *cat, uint32_t p,
                   struct enc_name_pick *names)
{
    const struct enc_product *pr = &cat->products[p];

    for (uint32_t l = 0; l < cat->institution.n_languages; l++) {
        int32_t item = pr->name_by_lang[l];
        names[l].item = item;
        names[l].value = item >= 0 ? pr->name.items[item].value : pr->code;
    }
}

/* The fields of products and performances that requests read most, as
 * dense arrays (enc_catalogue). After index_performances(),
 * index_packages() and index_names(). */
static bool
index_dense(struct enc_catalogue *cat)
{
    size_t nl = cat->institution.n_languages;

    cat->product_contents = arena_alloc(
        &cat->arena, ((size_t)cat->n_products + 1) * sizeof(uint32_t));
    cat->performance_day = arena_alloc(
        &cat->arena, ((size_t)cat->n_performances + 1) * sizeof(int32_t));
    cat->product_names =
        arena_alloc(&cat->arena, ((size_t)cat->n_products * nl + 1) *
                                     sizeof(*cat->product_names));
    if (cat->product_contents == NULL || cat->performance_day == NULL ||
        cat->product_names == NULL)
        return false;
    for (uint32_t p = 0; p < cat->n_products; p++) {
        cat->product_contents[p] = cat->products[p].n_contents;
        product_names_fill(cat, p, cat->product_names + p * nl);
    }
    for (uint32_t i = 0; i < cat->n_performances; i++) {
        int64_t day = cat->performances[i].local_day;
        if (day < INT32_MIN || day > INT32_MAX) {
            cat->performance_day = NULL; /* the engine reads the records */
            break;
        }
        cat->performance_day[i] = (int32_t)day;
    }
    return true;
}

/* ---- Lines by base product, profile and stage ---- */

/* By key (profile, stage), then line (profile order). */
static int
base_line_compare(const void *a, const void *b)
{
    const struct enc_base_line *x = a, *y = b;

    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->line < y->line ? -1 : x->line > y->line;
}

/* Calls add(cat, product, entry, ctx) for each product line l of profile p
 * is listed under: its base, one product today (see enc_base_line). */
static void
line_covers(struct enc_catalogue *cat, uint32_t p, uint32_t l,
            void (*add)(struct enc_catalogue *, int32_t,
                        const struct enc_base_line *, void *),
            void *ctx)
{
    const struct enc_line *line = &cat->profiles[p].lines[l];
    struct enc_base_line e = {BASE_LINE_KEY(p, line_type_stage(line->type)), l};

    if (line->base >= 0 && (uint32_t)line->base < cat->n_products)
        add(cat, line->base, &e, ctx);
}

static void
base_count(struct enc_catalogue *cat, int32_t product,
           const struct enc_base_line *e, void *ctx)
{
    (void)e;
    (void)ctx;
    cat->base_first[product + 1]++;
}

static void
base_place(struct enc_catalogue *cat, int32_t product,
           const struct enc_base_line *e, void *ctx)
{
    uint32_t *next = ctx;

    cat->base_lines[next[product]++] = *e;
}

/* The lines of every profile by base product: counted, placed, then each
 * product's run sorted. */
static bool
index_lines(struct enc_catalogue *cat)
{
    uint32_t n = cat->n_products, *next;
    bool ok;

    cat->base_first = arena_alloc(&cat->arena, (n + 2) * sizeof(uint32_t));
    if (cat->base_first == NULL || cat->n_profiles > (UINT32_MAX >> 2))
        return false;
    for (uint32_t p = 0; p < cat->n_profiles; p++)
        for (uint32_t l = 0; l < cat->profiles[p].n_lines; l++)
            line_covers(cat, p, l, base_count, NULL);
    for (uint32_t i = 0; i < n; i++)
        cat->base_first[i + 1] += cat->base_first[i];
    cat->base_lines = arena_alloc(&cat->arena, (cat->base_first[n] + 1) *
                                                   sizeof(*cat->base_lines));
    next = malloc((n + 1) * sizeof(*next));
    ok = cat->base_lines != NULL && next != NULL;
    if (ok) {
        memcpy(next, cat->base_first, (n + 1) * sizeof(*next));
        for (uint32_t p = 0; p < cat->n_profiles; p++)
            for (uint32_t l = 0; l < cat->profiles[p].n_lines; l++)
                line_covers(cat, p, l, base_place, next);
        for (uint32_t i = 0; i < n; i++)
            qsort(cat->base_lines + cat->base_first[i],
                  cat->base_first[i + 1] - cat->base_first[i],
                  sizeof(*cat->base_lines), base_line_compare);
    }
    free(next);
    return ok;
}

/* ---- R13 compiled: texts by language ---- */

/* Fills by_lang[i] with the item catalogue_text() picks for language i. */
static void
text_by_lang(const struct enc_catalogue *cat, const struct enc_text *text,
             int16_t *by_lang)
{
    for (uint32_t i = 0; i < cat->institution.n_languages; i++)
        by_lang[i] = (int16_t)catalogue_text_item(
            cat, text, cat->institution.languages[i]);
}

/* Product names in each language of the institution. */
static bool
index_names(struct enc_catalogue *cat)
{
    uint32_t nl = cat->institution.n_languages;

    for (uint32_t p = 0; p < cat->n_products; p++) {
        struct enc_product *pr = &cat->products[p];
        pr->name_by_lang = arena_alloc(&cat->arena, (nl + 1) * sizeof(int16_t));
        if (pr->name_by_lang == NULL)
            return false;
        text_by_lang(cat, &pr->name, pr->name_by_lang);
    }
    return true;
}

/* Line texts in each language of the institution, for the profiles the
 * catalogue holds itself (a borrowed one has them already). */
static bool
index_texts(struct enc_catalogue *cat)
{
    uint32_t nl = cat->institution.n_languages;

    for (uint32_t p = 0; p < cat->n_profiles; p++) {
        struct enc_profile *pf = &cat->profiles[p];
        if (cat->profile_block != NULL && cat->profile_block[p] != cat->block)
            continue; /* borrowed: its texts came with it */
        pf->text_by_lang =
            arena_alloc(catalogue_profiles_arena(cat),
                        ((size_t)pf->n_lines * nl + 1) * sizeof(int16_t));
        if (pf->text_by_lang == NULL)
            return false;
        for (uint32_t l = 0; l < pf->n_lines; l++)
            text_by_lang(cat, &pf->lines[l].text, pf->text_by_lang + l * nl);
    }
    return true;
}

/* What depends on the profiles: their codes, each channel's active
 * profile, the lines by base product, the line texts by language. */
static bool
index_profiles(struct enc_catalogue *cat)
{
    return codemap_build(cat, CODE_PROFILE) && index_channels(cat) &&
           index_lines(cat) && index_texts(cat);
}

bool
catalogue_index(struct enc_catalogue *cat)
{
    for (int k = 0; k < CODE_KIND_COUNT; k++)
        if (k != CODE_PROFILE && !codemap_build(cat, (enum enc_code_kind)k))
            return false;
    return index_performances(cat) && index_packages(cat) && index_pools(cat) &&
           index_slots(cat) && index_names(cat) && index_dense(cat) &&
           index_profiles(cat);
}

enum enc_placement
line_type_placement(enum enc_line_type t)
{
    switch (t) {
    case LINE_UPSELL:
        return PLACEMENT_INSTEAD;
    case LINE_CART:
    case LINE_CONDITIONAL:
        return PLACEMENT_UNDER_CART;
    case LINE_FAVORITE:
        return PLACEMENT_SIDEBAR;
    case LINE_POST_PURCHASE:
        break;
    }
    return PLACEMENT_CONFIRMATION;
}

enum enc_stage
line_type_stage(enum enc_line_type t)
{
    switch (t) {
    case LINE_UPSELL:
        return STAGE_PRODUCT;
    case LINE_CART:
    case LINE_CONDITIONAL:
    case LINE_FAVORITE:
        return STAGE_CART;
    case LINE_POST_PURCHASE:
        break;
    }
    return STAGE_CONFIRMATION;
}

bool
product_contains(const struct enc_catalogue *cat, int32_t package, int32_t p)
{
    const struct enc_product *pk;

    if (package < 0 || (uint32_t)package >= cat->n_products)
        return false;
    pk = &cat->products[package];
    for (uint32_t i = 0; i < pk->n_contents; i++)
        if (pk->contents[i] == p)
            return true;
    return false;
}

/* Units of p in one unit of package, depth levels down at most. */
static uint64_t
count_in(const struct enc_catalogue *cat, int32_t package, int32_t p,
         uint32_t depth)
{
    const struct enc_product *pk = &cat->products[package];
    uint64_t n = 0;

    for (uint32_t i = 0; depth > 0 && i < pk->n_components; i++) {
        const struct enc_component *c = &pk->components[i];
        uint64_t each = 0;
        if (c->product == p)
            each = 1;
        else if (c->product >= 0 && (uint32_t)c->product < cat->n_products &&
                 product_contains(cat, c->product, p))
            each = count_in(cat, c->product, p, depth - 1);
        n += each * c->quantity;
        if (n > UINT32_MAX)
            return UINT32_MAX;
    }
    return n;
}

uint32_t
product_count_in(const struct enc_catalogue *cat, int32_t package, int32_t p)
{
    if (package == p)
        return 1;
    if (!product_contains(cat, package, p))
        return 0;
    /* catalogue_index() refused cycles, so a chain is shorter than this. */
    return (uint32_t)count_in(cat, package, p, cat->n_products);
}

/* ---- R13: a text in the asked language ---- */

/* True when the language tags a and b[0..b_len) are equal, ASCII case
 * ignored (R13: "EN" is "en"). */
static bool
lang_equal(const char *a, const char *b, size_t b_len)
{
    size_t i = 0;
    for (; i < b_len && a[i] != '\0'; i++) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z')
            x = (char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = (char)(y - 'A' + 'a');
        if (x != y)
            return false;
    }
    return i == b_len && a[i] == '\0';
}

/* The index of text's non-empty item in the tag lang[0..len), or -1. */
static int32_t
text_in_tag(const struct enc_text *text, const char *lang, size_t len)
{
    for (uint32_t i = 0; i < text->n; i++) {
        const struct enc_text_item *it = &text->items[i];
        if (it->lang != NULL && lang_equal(it->lang, lang, len) &&
            it->value != NULL && it->value[0] != '\0')
            return (int32_t)i;
    }
    return ENC_NONE;
}

/* The index of text's non-empty item in lang, else in lang's primary
 * subtag ("en" for "en-US"), or -1. */
static int32_t
text_in(const struct enc_text *text, const char *lang)
{
    if (lang == NULL)
        return ENC_NONE;
    size_t len = strlen(lang), primary = strcspn(lang, "-");
    int32_t v = text_in_tag(text, lang, len);
    if (v < 0 && primary < len)
        v = text_in_tag(text, lang, primary);
    return v;
}

int32_t
catalogue_text_item(const struct enc_catalogue *cat,
                    const struct enc_text *text, const char *lang)
{
    const char *first = NULL;
    int32_t v;

    if (text == NULL || text->n == 0)
        return ENC_NONE;
    if (cat->institution.n_languages > 0)
        first = cat->institution.languages[0];
    v = text_in(text, lang != NULL ? lang : first);
    if (v < 0)
        v = text_in(text, first);
    for (uint32_t i = 0; v < 0 && i < text->n; i++)
        if (text->items[i].value != NULL && text->items[i].value[0] != '\0')
            v = (int32_t)i;
    return v;
}

const char *
catalogue_text(const struct enc_catalogue *cat, const struct enc_text *text,
               const char *lang)
{
    int32_t i = catalogue_text_item(cat, text, lang);

    return i < 0 ? NULL : text->items[i].value;
}

int32_t
catalogue_lang_index(const struct enc_catalogue *cat, const char *lang)
{
    if (lang == NULL)
        return cat->institution.n_languages > 0 ? 0 : ENC_NONE;
    for (uint32_t i = 0; i < cat->institution.n_languages; i++)
        if (lang_equal(cat->institution.languages[i], lang, strlen(lang)))
            return (int32_t)i;
    return ENC_NONE;
}

/* ---- Wire names ---- */

static const char *const channel_type_names[] = {
    "internet", "box_office", "call_center", "partner", "kiosk"};
static const char *const kind_names[] = {
    "event",        "pass_dated", "pass_timed",  "pass_open",
    "subscription", "service",    "merchandise", "package"};
static const char *const line_type_names[] = {"upsell", "cart", "conditional",
                                              "favorite", "post_purchase"};
static const char *const placement_names[] = {"instead", "under_cart",
                                              "sidebar", "confirmation"};
static const char *const stage_names[] = {"product", "cart", "confirmation"};

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

/* names[i], or "?" when i is out of range. */
static const char *
name_of(const char *const *names, size_t n, unsigned i)
{
    return i < n ? names[i] : "?";
}

/* The index of s in names, or -1. */
static int
parse_in(const char *const *names, size_t n, const char *s)
{
    if (s == NULL)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], s) == 0)
            return (int)i;
    return -1;
}

const char *
channel_type_name(enum enc_channel_type t)
{
    return name_of(channel_type_names, COUNT_OF(channel_type_names), t);
}

const char *
kind_name(enum enc_kind k)
{
    return name_of(kind_names, COUNT_OF(kind_names), k);
}

const char *
line_type_name(enum enc_line_type t)
{
    return name_of(line_type_names, COUNT_OF(line_type_names), t);
}

const char *
placement_name(enum enc_placement p)
{
    return name_of(placement_names, COUNT_OF(placement_names), p);
}

const char *
stage_name(enum enc_stage s)
{
    return name_of(stage_names, COUNT_OF(stage_names), s);
}

int
channel_type_parse(const char *s)
{
    return parse_in(channel_type_names, COUNT_OF(channel_type_names), s);
}

int
kind_parse(const char *s)
{
    return parse_in(kind_names, COUNT_OF(kind_names), s);
}

int
line_type_parse(const char *s)
{
    return parse_in(line_type_names, COUNT_OF(line_type_names), s);
}

int
placement_parse(const char *s)
{
    return parse_in(placement_names, COUNT_OF(placement_names), s);
}

int
stage_parse(const char *s)
{
    return parse_in(stage_names, COUNT_OF(stage_names), s);
}
