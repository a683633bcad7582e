/*
 * avail.c - live availability: counters per pool, their ids (avail.h).
 */
#include "avail.h"

#include <assert.h>
#include <stdlib.h>

struct enc_avail *
avail_new(const struct enc_catalogue *cat)
{
    struct enc_avail *a = calloc(1, sizeof(*a));
    size_t n = cat->n_pools ? cat->n_pools : 1;

    if (a == NULL)
        return NULL;
    a->left = calloc(n, sizeof(*a->left));
    a->stamp = calloc(n, sizeof(*a->stamp));
    if (a->left == NULL || a->stamp == NULL) {
        avail_free(a);
        return NULL;
    }
    a->n_pools = cat->n_pools;
    for (uint32_t i = 0; i < cat->n_pools; i++)
        atomic_init(&a->left[i], cat->pool_left[i]);
    atomic_init(&a->clock, 0);
    return a;
}

bool
avail_copy(struct enc_avail *a, const struct enc_avail *src)
{
    if (a->n_pools != src->n_pools)
        return false;
    for (uint32_t i = 0; i < a->n_pools; i++)
        atomic_store_explicit(
            &a->left[i],
            atomic_load_explicit(&src->left[i], memory_order_relaxed),
            memory_order_relaxed);
    return true;
}

void
avail_free(struct enc_avail *a)
{
    if (a == NULL)
        return;
    free((void *)a->left);
    free((void *)a->stamp);
    free(a);
}

void
avail_set(struct enc_avail *a, uint32_t id, int64_t v)
{
    uint64_t t;

    assert(id < a->n_pools);
    if (id >= a->n_pools)
        return;
    t = atomic_fetch_add_explicit(&a->clock, 1, memory_order_acq_rel) + 1;
    atomic_store_explicit(&a->left[id], v < 0 ? 0 : v, memory_order_relaxed);
    atomic_store_explicit(&a->stamp[id], t, memory_order_release);
}

uint64_t
avail_clock(const struct enc_avail *a)
{
    return atomic_load_explicit(&a->clock, memory_order_acquire);
}

uint64_t
avail_stamp(const struct enc_avail *a, uint32_t id)
{
    assert(id < a->n_pools);
    return atomic_load_explicit(&a->stamp[id], memory_order_acquire);
}

int32_t
avail_pool_id(const struct enc_catalogue *cat, uint32_t perf, int32_t sc)
{
    const struct enc_performance *pf;

    if (perf >= cat->n_performances)
        return ENC_NONE;
    pf = &cat->performances[perf];
    for (uint32_t k = 0; k < pf->n_pools; k++)
        if (pf->pools[k].seat_category == sc)
            return (int32_t)(pf->pool_first + k);
    return ENC_NONE;
}

int32_t
avail_pool_for_row(const struct enc_catalogue *cat, uint32_t perf, int32_t sc)
{
    int32_t id = ENC_NONE;

    if (sc >= 0)
        id = avail_pool_id(cat, perf, sc);
    if (id == ENC_NONE)
        id = avail_pool_id(cat, perf, ENC_NONE);
    return id;
}

int32_t
avail_stock_id(const struct enc_catalogue *cat, int32_t p)
{
    if (p < 0 || (uint32_t)p >= cat->n_products)
        return ENC_NONE;
    return cat->products[p].stock_pool;
}
