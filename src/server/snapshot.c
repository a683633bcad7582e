/*
 * snapshot.c - acquire, release and swap without a lock, and the watcher
 * that builds new snapshots (snapshot.h).
 *
 * Why a request never meets a freed snapshot (split reference counts):
 *
 * - ss->current is one 64-bit word: the slot of the current snapshot in
 *   its top 16 bits, and in its low 48 bits the number of acquires that
 *   snapshot has had while current (its "outer" count).
 * - snapshot_acquire() is one atomic fetch_add of 1 on that word: it
 *   learns the slot and counts itself in the same step, so no swap can
 *   come between the two. The snapshot in that slot cannot be freed
 *   before this acquire is released (below), so reading the slot after
 *   the add is safe.
 * - snapshot_release() subtracts 1 from the snapshot's own refs, and
 *   frees the snapshot when that brings refs from 1 to 0.
 * - While a snapshot is current, nothing adds to its refs: releases only
 *   subtract, so refs stays <= 0 and no release can free it.
 * - snapshots_swap() exchanges the word for (new slot, 0) in one atomic
 *   step; the old word holds every acquire the old snapshot ever had (E).
 *   The swap adds E to the old refs: refs becomes acquires - releases,
 *   the requests still holding it, and only then can it reach 0. If it
 *   is 0 already (all left), the swap frees it; else the last release
 *   does. Exactly one of them sees the 0: before the add refs <= 0 and a
 *   release frees only on 1 -> 0; after it refs only goes down.
 * - The word and the refs are read and written with acquire/release
 *   ordering, and a slot is published (stored) before the word names it,
 *   so a request sees the snapshot's content as the swap left it. A slot
 *   is reused only once its snapshot was freed, which needs all its
 *   acquires released: an acquire can never read a recycled slot.
 * - 48 bits of acquires overflow after 2^48 requests on one snapshot
 *   (nine years at a million a second).
 * tests/unit/test_server_snapshot.c runs readers against a swapping
 * writer under AddressSanitizer, which would see a use after free.
 */
#include "snapshot.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../codec/codec.h"
#include "../store/store.h"
#include "answer.h"
#include "log.h"
#include "metrics.h"

#define WORD_SLOT_SHIFT 48
#define WORD_COUNT_MASK (((uint64_t)1 << WORD_SLOT_SHIFT) - 1)

/* ---- Lifetime ---- */

struct snapshot *
snapshot_new(struct enc_catalogue *cat, struct enc_avail *avail,
             uint64_t generation)
{
    struct snapshot *snap = calloc(1, sizeof(*snap));

    if (snap == NULL) {
        avail_free(avail);
        catalogue_free(cat);
        return NULL;
    }
    snap->cat = cat;
    snap->avail = avail;
    snap->generation = generation;
    if (cat != NULL)
        cat->live = avail; /* SPEC 6 checks read what is left from them */
    atomic_init(&snap->refs, 0);
    atomic_init(&snap->build_us, 0);
    return snap;
}

/* Frees snap and gives its slot back. */
static void
snapshot_destroy(struct snapshots *ss, struct snapshot *snap)
{
    atomic_store_explicit(&ss->slots[snap->slot], NULL, memory_order_release);
    if (snap->cat != NULL)
        snap->cat->live = NULL; /* it may outlive them, shared by overlays */
    avail_free(snap->avail);
    catalogue_free(snap->cat);
    free(snap);
}

const struct snapshot *
snapshot_acquire(struct snapshots *ss)
{
    uint64_t word =
        atomic_fetch_add_explicit(&ss->current, 1, memory_order_acquire);

    return atomic_load_explicit(&ss->slots[word >> WORD_SLOT_SHIFT],
                                memory_order_acquire);
}

void
snapshot_release(struct snapshots *ss, const struct snapshot *snap)
{
    struct snapshot *s = (struct snapshot *)snap;

    if (atomic_fetch_sub_explicit(&s->refs, 1, memory_order_acq_rel) == 1)
        snapshot_destroy(ss, s);
}

/* The current snapshot, for the one thread that swaps (build_lock held)
 * or a caller that knows no swap runs: it cannot be freed while current. */
static struct snapshot *
snapshots_peek(struct snapshots *ss)
{
    uint64_t word = atomic_load_explicit(&ss->current, memory_order_acquire);

    return atomic_load_explicit(&ss->slots[word >> WORD_SLOT_SHIFT],
                                memory_order_acquire);
}

/* A free slot other than the current one; waits (1 ms steps) while every
 * slot holds a snapshot still in use. */
static uint32_t
slot_find(struct snapshots *ss)
{
    uint32_t cur =
        (uint32_t)(atomic_load_explicit(&ss->current, memory_order_acquire) >>
                   WORD_SLOT_SHIFT);

    for (;;) {
        for (uint32_t k = 1; k < SNAPSHOT_SLOTS; k++) {
            uint32_t i = (cur + k) % SNAPSHOT_SLOTS;
            if (atomic_load_explicit(&ss->slots[i], memory_order_acquire) ==
                NULL)
                return i;
        }
        nanosleep(&(struct timespec){0, 1000000L}, NULL);
    }
}

/* ---- Availability carried across a swap ---- */

/* The index in cat of the record of kind that has the code of index i
 * in old (-1 for i < 0, or when cat has none). */
static int32_t
code_in(const struct enc_catalogue *cat, const struct enc_catalogue *old,
        enum enc_code_kind kind, int32_t i)
{
    const char *code;

    if (i < 0)
        return ENC_NONE;
    code = kind == CODE_PERFORMANCE ? old->performances[i].code
           : kind == CODE_PRODUCT   ? old->products[i].code
                                    : old->seat_categories[i].code;
    return catalogue_lookup(cat, kind, code, strlen(code));
}

/* Carries pool id of old into next when old's counter was written after
 * mark; to is next's pool id (-1: none). */
static void
avail_carry_one(const struct snapshot *old, struct snapshot *next, uint32_t id,
                int32_t to, uint64_t mark)
{
    if (to >= 0 && avail_stamp(old->avail, id) > mark)
        avail_set(next->avail, (uint32_t)to, avail_left(old->avail, id));
}

/*
 * Carries into next the availability writes made to old after its clock
 * read mark, mapping pools by codes (performance and seat category, or
 * product). Those writes may have committed after next's catalogue was
 * read, so next would otherwise miss them. avail_lock is held.
 */
static void
avail_carry(const struct snapshot *old, struct snapshot *next, uint64_t mark)
{
    const struct enc_catalogue *oc = old->cat, *nc = next->cat;

    if (oc == NULL || nc == NULL || old->avail == NULL || next->avail == NULL ||
        avail_clock(old->avail) == mark)
        return;
    for (uint32_t i = 0; i < oc->n_performances; i++) {
        const struct enc_performance *pf = &oc->performances[i];
        int32_t perf = ENC_NONE;
        for (uint32_t k = 0; k < pf->n_pools; k++) {
            uint32_t id = pf->pool_first + k;
            if (avail_stamp(old->avail, id) <= mark)
                continue;
            if (perf == ENC_NONE)
                perf = code_in(nc, oc, CODE_PERFORMANCE, (int32_t)i);
            if (perf >= 0)
                avail_carry_one(
                    old, next, id,
                    avail_pool_id(nc, (uint32_t)perf,
                                  code_in(nc, oc, CODE_SEAT_CATEGORY,
                                          pf->pools[k].seat_category)),
                    mark);
        }
    }
    for (uint32_t p = 0; p < oc->n_products; p++) {
        int32_t id = oc->products[p].stock_pool;
        if (id >= 0 && avail_stamp(old->avail, (uint32_t)id) > mark)
            avail_carry_one(
                old, next, (uint32_t)id,
                avail_stock_id(nc, code_in(nc, oc, CODE_PRODUCT, (int32_t)p)),
                mark);
    }
}

/* True when a and b count the same pools: their catalogues share their
 * records (catalogue_overlay()), so b's counters are a's, as they are. */
static bool
shares_records(const struct snapshot *a, const struct snapshot *b)
{
    return a->cat != NULL && b->cat != NULL && a->avail != NULL &&
           b->avail != NULL &&
           catalogue_records_owner(a->cat) == catalogue_records_owner(b->cat);
}

/* ---- Swap ---- */

void
snapshots_swap(struct snapshots *ss, struct snapshot *snap, uint64_t mark)
{
    uint32_t slot = slot_find(ss);
    struct snapshot *old;
    uint64_t word;
    int64_t acquires;

    snap->slot = slot;
    atomic_store_explicit(&ss->slots[slot], snap, memory_order_release);
    pthread_mutex_lock(&ss->avail_lock);
    old = snapshots_peek(ss);
    if (!shares_records(old, snap) || !avail_copy(snap->avail, old->avail))
        avail_carry(old, snap, mark);
    word = atomic_exchange_explicit(
        &ss->current, (uint64_t)slot << WORD_SLOT_SHIFT, memory_order_acq_rel);
    pthread_mutex_unlock(&ss->avail_lock);

    /* The old snapshot's acquires move to its refs (see above). */
    acquires = (int64_t)(word & WORD_COUNT_MASK);
    if (atomic_fetch_add_explicit(&old->refs, acquires, memory_order_acq_rel) +
            acquires ==
        0)
        snapshot_destroy(ss, old);
}

bool
snapshots_open(struct snapshots *ss, struct snapshot *first)
{
    pthread_condattr_t attr;
    bool ok;

    memset(ss, 0, sizeof(*ss));
    if (pthread_condattr_init(&attr) != 0)
        return false;
    /* Timed on the monotonic clock, which wall-clock changes do not move. */
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    ok = pthread_cond_init(&ss->wake, &attr) == 0;
    pthread_condattr_destroy(&attr);
    if (!ok)
        return false;
    pthread_mutex_init(&ss->stop_lock, NULL);
    pthread_mutex_init(&ss->build_lock, NULL);
    pthread_mutex_init(&ss->avail_lock, NULL);
    for (uint32_t i = 0; i < SNAPSHOT_SLOTS; i++)
        atomic_init(&ss->slots[i], NULL);
    first->slot = 0;
    atomic_init(&ss->slots[0], first);
    atomic_init(&ss->current, 0);
    return true;
}

void
snapshots_close(struct snapshots *ss)
{
    struct snapshot *cur = snapshots_peek(ss);
    uint64_t word = atomic_load(&ss->current);

    /* As a swap would: its acquires move to its refs, then it goes. */
    if (atomic_fetch_add(&cur->refs, (int64_t)(word & WORD_COUNT_MASK)) +
            (int64_t)(word & WORD_COUNT_MASK) ==
        0)
        snapshot_destroy(ss, cur);
    pthread_cond_destroy(&ss->wake);
    pthread_mutex_destroy(&ss->stop_lock);
    pthread_mutex_destroy(&ss->avail_lock);
    pthread_mutex_destroy(&ss->build_lock);
}

/* ---- Builds ---- */

/* Seconds on the monotonic clock. */
static double
clock_seconds(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Loads the stored catalogue as a new, unpublished snapshot: loaded,
 * indexed, its counters made; only the profiles written since base
 * (the current snapshot, or NULL) when nothing else changed. *out is
 * tagged with the generation it holds. Its answers' fixed parts are
 * prepared once it serves (snapshot_prepare()). */
static enum enc_code
snapshot_load(struct store *store, const struct snapshot *base,
              struct snapshot **out, struct enc_error *err)
{
    double start = clock_seconds();
    struct enc_catalogue *cat = NULL;
    struct enc_avail *avail = NULL;
    struct store_stamp since = {0, 0}, now = {0, 0};
    if (base != NULL)
        since = (struct store_stamp){base->generation, base->records};
    enum enc_code result = store_load_since(
        store, base ? base->cat : NULL, base ? &since : NULL, &cat, &now, err);

    if (result != ENC_OK)
        return result;
    if (cat != NULL) {
        avail = avail_new(cat);
        if (avail == NULL) {
            catalogue_free(cat);
            return enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
        }
    }
    *out = snapshot_new(cat, avail, now.generation);
    if (*out == NULL)
        return enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    (*out)->records = now.records;
    atomic_store(&(*out)->build_us,
                 (uint64_t)((clock_seconds() - start) * 1e6));
    return ENC_OK;
}

/*
 * Serialises the answers' fixed parts of snap, which already serves: a
 * write is served ~0.2 s sooner on the large catalogue, and requests
 * meanwhile are answered the same bytes, without the fragments. Only the
 * thread that swaps (build_lock) calls it: nothing else allocates from a
 * published catalogue's arena.
 */
static void
snapshot_prepare(struct snapshot *snap)
{
    double start = clock_seconds();

    if (snap->cat == NULL)
        return;
    if (!codec_catalogue_prepare(snap->cat))
        log_line(LOG_WARN, "store",
                 "event=reload message=\"answers not prepared: out of "
                 "memory\"");
    atomic_fetch_add(&snap->build_us,
                     (uint64_t)((clock_seconds() - start) * 1e6));
}

/* Frees a snapshot that was never published. */
static void
snapshot_discard(struct snapshot *snap)
{
    if (snap->cat != NULL)
        snap->cat->live = NULL;
    avail_free(snap->avail);
    catalogue_free(snap->cat);
    free(snap);
}

/* The clock of the current snapshot's counters, read under avail_lock:
 * every availability write stamped up to it has committed. */
static uint64_t
snapshots_avail_mark(struct snapshots *ss)
{
    pthread_mutex_lock(&ss->avail_lock);
    const struct snapshot *cur = snapshots_peek(ss);
    uint64_t mark = cur->avail ? avail_clock(cur->avail) : 0;
    pthread_mutex_unlock(&ss->avail_lock);
    return mark;
}

/* How many times a build is retried when an import commits meanwhile. */
#define SNAPSHOT_BUILD_TRIES 4

/*
 * One build: when the store's generation moved, loads and swaps in a new
 * snapshot: when only profiles changed, one that shares the current
 * one's records and decodes only the profiles written since (a profile
 * edit on 10,000 products is served in milliseconds, not seconds), else
 * a whole one. The generation is read before the availability mark, and
 * the load says which generation it read; when they differ, a write may
 * have come between an availability write carried forward and the load,
 * so the build is done again. build_lock is held. *swapped tells whether
 * it swapped.
 */
static enum enc_code
snapshots_build(struct snapshots *ss, bool *swapped, struct enc_error *err)
{
    *swapped = false;
    for (int attempt = 1;; attempt++) {
        uint64_t gen = 0, mark;
        struct snapshot *snap = NULL;
        const struct snapshot *cur = snapshots_peek(ss);
        enum enc_code rc = store_generation(ss->store, &gen, err);
        if (rc != ENC_OK || gen == cur->generation)
            return rc;
        mark = snapshots_avail_mark(ss);
        rc = snapshot_load(ss->store, cur, &snap, err);
        if (rc != ENC_OK)
            return rc;
        if (snap->generation != gen && attempt < SNAPSHOT_BUILD_TRIES) {
            snapshot_discard(snap);
            continue;
        }
        snapshots_swap(ss, snap, mark);
        snapshot_prepare(snap);
        *swapped = true;
        return ENC_OK;
    }
}

enum enc_code
snapshots_refresh(struct snapshots *ss, struct enc_error *err)
{
    bool swapped = false;

    pthread_mutex_lock(&ss->build_lock);
    enum enc_code rc = snapshots_build(ss, &swapped, err);
    if (rc == ENC_OK && swapped) {
        const struct snapshot *cur = snapshots_peek(ss);
        log_line(LOG_INFO, "store",
                 "event=reload generation=%llu profiles=%u build_ms=%.0f",
                 (unsigned long long)cur->generation,
                 cur->cat ? cur->cat->n_profiles : 0,
                 (double)atomic_load(&cur->build_us) / 1000);
    }
    pthread_mutex_unlock(&ss->build_lock);
    return rc;
}

/*
 * One tick of the watcher. A failure keeps the current snapshot and is
 * logged once per generation; the next tick tries again.
 */
static void
snapshots_tick(struct snapshots *ss)
{
    struct enc_error err = {0};
    uint64_t gen = 0;

    if (snapshots_refresh(ss, &err) == ENC_OK)
        return;
    store_generation(ss->store, &gen, NULL);
    if (ss->failed != gen)
        log_line(LOG_ERROR, "store",
                 "event=reload generation=%llu message=\"%s\"",
                 (unsigned long long)gen, err.message);
    ss->failed = gen;
}

/* The watcher thread: a tick every SNAPSHOT_POLL_MS until stopped. */
static void *
snapshots_watch(void *arg)
{
    struct snapshots *ss = arg;
    pthread_mutex_lock(&ss->stop_lock);
    while (!ss->stop) {
        struct timespec until;
        clock_gettime(CLOCK_MONOTONIC, &until);
        until.tv_nsec += SNAPSHOT_POLL_MS * 1000000L;
        until.tv_sec += until.tv_nsec / 1000000000L;
        until.tv_nsec %= 1000000000L;
        pthread_cond_timedwait(&ss->wake, &ss->stop_lock, &until);
        if (ss->stop)
            break;
        pthread_mutex_unlock(&ss->stop_lock);
        snapshots_tick(ss);
        pthread_mutex_lock(&ss->stop_lock);
    }
    pthread_mutex_unlock(&ss->stop_lock);
    return NULL;
}

enum enc_code
snapshots_start(struct snapshots *ss, const char *db_path,
                struct enc_error *err)
{
    struct store *store = NULL;
    struct snapshot *first = NULL;
    enum enc_code result = store_open(db_path, &store, err);

    if (result == ENC_OK)
        result = snapshot_load(store, NULL, &first, err);
    if (result == ENC_OK)
        snapshot_prepare(first);
    if (result == ENC_OK && !snapshots_open(ss, first)) {
        snapshot_discard(first);
        result = enc_error_set(err, ENC_INTERNAL, NULL, "out of resources");
    }
    if (result != ENC_OK) {
        store_close(store);
        return result;
    }
    ss->store = store;
    if (pthread_create(&ss->watcher, NULL, snapshots_watch, ss) != 0) {
        snapshots_close(ss);
        store_close(store);
        return enc_error_set(err, ENC_INTERNAL, NULL,
                             "cannot start the watcher thread");
    }
    return ENC_OK;
}

void
snapshots_stop(struct snapshots *ss)
{
    pthread_mutex_lock(&ss->stop_lock);
    ss->stop = true;
    pthread_cond_signal(&ss->wake);
    pthread_mutex_unlock(&ss->stop_lock);
    pthread_join(ss->watcher, NULL);
    snapshots_close(ss);
    store_close(ss->store);
    ss->store = NULL;
}

/* ---- Requests and availability writers ---- */

enum enc_code
snapshot_propose(const struct snapshot *snap, const char *body, size_t len,
                 const char **out, size_t *out_len)
{
    uint32_t counts[PLACEMENT_COUNT];
    enum enc_code rc =
        codec_propose_reuse(snap->cat, snap->avail, body, len,
                            answer_clock_now(), out, out_len, counts);

    metrics_proposals(counts);
    return rc;
}

struct snapshot *
snapshots_avail_begin(struct snapshots *ss)
{
    pthread_mutex_lock(&ss->avail_lock);
    return (struct snapshot *)snapshot_acquire(ss);
}

void
snapshots_avail_end(struct snapshots *ss, struct snapshot *snap)
{
    pthread_mutex_unlock(&ss->avail_lock);
    snapshot_release(ss, snap);
}
