/*
 * avail.h - live availability beside the snapshot (R7, issue 4 item 2).
 *
 * What is left of every pool of a catalogue, as counters that orders and
 * availability pushes update without rebuilding the snapshot. Each pool
 * of the catalogue has a dense id, fixed when catalogue_index() runs:
 *   - performance pools first, in catalogue order: the pools of
 *     performance f are ids perf.pool_first + i, i indexing perf.pools;
 *   - then one id per undated product with a stock: product.stock_pool
 *     (-1 when the product has none: unlimited, or dated).
 * catalogue.n_pools counts them. A struct enc_avail is allocated once per
 * snapshot by avail_new(), starting from the catalogue's own values.
 *
 * Readers (the engine) use avail_left() without any lock. Writers call
 * avail_set() with the value the database holds after their write, while
 * holding the database write lock, so counter writes follow commit order.
 * Every write is stamped from a per-avail clock, so a snapshot swap can
 * carry forward the writes made while the next snapshot was being built
 * (server/snapshot.c).
 */
#ifndef ENCORE_CORE_AVAIL_H
#define ENCORE_CORE_AVAIL_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "model.h"

struct enc_avail {
    uint32_t n_pools;        /* == catalogue.n_pools of its snapshot */
    _Atomic int64_t *left;   /* n_pools counters */
    _Atomic uint64_t *stamp; /* per pool: clock value of its last write */
    _Atomic uint64_t clock;  /* incremented by every avail_set() */
};

/* A new avail for cat (indexed), each pool at the catalogue's value.
 * NULL when out of memory. The caller frees it with avail_free(). */
struct enc_avail *avail_new(const struct enc_catalogue *cat);

/* Sets every counter of a to what src holds now: both count the pools
 * of catalogues that share their records (catalogue_overlay()). No
 * avail_set() on either may run meanwhile. False when their pools differ. */
bool avail_copy(struct enc_avail *a, const struct enc_avail *src);

/* Frees a; NULL is allowed. */
void avail_free(struct enc_avail *a);

/* What is left in pool id (0 <= id < n_pools). Inline: the engine reads
 * one per pool it looks at. */
static inline int64_t
avail_left(const struct enc_avail *a, uint32_t id)
{
    return atomic_load_explicit(&a->left[id], memory_order_relaxed);
}

/* Sets what is left in pool id to v (>= 0) and stamps it. */
void avail_set(struct enc_avail *a, uint32_t id, int64_t v);

/* The clock: the stamp of the latest avail_set() so far (0: none). */
uint64_t avail_clock(const struct enc_avail *a);

/* The stamp of pool id's latest write (0: never written). */
uint64_t avail_stamp(const struct enc_avail *a, uint32_t id);

/*
 * The id of the pool of performance perf (catalogue index) whose seat
 * category is sc exactly (-1: the shared pool "*"); -1 when the
 * performance has no such pool.
 */
int32_t avail_pool_id(const struct enc_catalogue *cat, uint32_t perf,
                      int32_t sc);

/*
 * R7: the id of the pool a price row of seat category sc (-1: none) draws
 * on at performance perf: its category's pool, else "*"; -1 when neither
 * exists.
 */
int32_t avail_pool_for_row(const struct enc_catalogue *cat, uint32_t perf,
                           int32_t sc);

/* The id of product p's stock pool; -1 when it has none (unlimited, or a
 * dated product) or p is out of range. */
int32_t avail_stock_id(const struct enc_catalogue *cat, int32_t p);

#endif
