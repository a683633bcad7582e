/*
 * snapshot.c - acquire, release and the watcher that swaps snapshots in
 * (snapshot.h).
 */
#include "snapshot.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../codec/codec.h"
#include "../store/store.h"
#include "answer.h"
#include "log.h"

const struct snapshot *
snapshot_acquire(struct snapshots *ss)
{
    /* TODO(speed): lock-free snapshot acquire (issue 4); a short mutex
     * is enough while one request costs far more than the lock. */
    pthread_mutex_lock(&ss->lock);
    struct snapshot *snap = ss->current;
    snap->refs++;
    pthread_mutex_unlock(&ss->lock);
    return snap;
}

void
snapshot_release(struct snapshots *ss, const struct snapshot *snap)
{
    struct snapshot *s = (struct snapshot *)snap;
    pthread_mutex_lock(&ss->lock);
    bool last = --s->refs == 0;
    pthread_mutex_unlock(&ss->lock);
    if (last) {
        avail_free(s->avail);
        catalogue_free(s->cat);
        free(s);
    }
}

/* Loads the stored catalogue as a new snapshot of generation gen, held
 * once (the holder's reference). */
static enum enc_code
snapshot_load(struct store *store, uint64_t gen, struct snapshot **out,
              struct enc_error *err)
{
    struct snapshot *snap = calloc(1, sizeof(*snap));
    if (snap == NULL)
        return enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    enum enc_code result = store_load(store, &snap->cat, err);
    if (result != ENC_OK) {
        free(snap);
        return result;
    }
    if (snap->cat != NULL) {
        snap->avail = avail_new(snap->cat);
        if (snap->avail == NULL) {
            catalogue_free(snap->cat);
            free(snap);
            return enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
        }
    }
    snap->generation = gen;
    snap->refs = 1;
    *out = snap;
    return ENC_OK;
}

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

    if (old->avail == NULL || next->avail == NULL ||
        avail_clock(old->avail) == mark)
        return;
    for (uint32_t i = 0; i < oc->n_performances; i++) {
        const struct enc_performance *pf = &oc->performances[i];
        for (uint32_t k = 0; k < pf->n_pools; k++) {
            uint32_t id = pf->pool_first + k;
            int32_t perf, to;
            if (avail_stamp(old->avail, id) <= mark)
                continue;
            perf = code_in(nc, oc, CODE_PERFORMANCE, (int32_t)i);
            to = perf < 0 ? ENC_NONE
                          : avail_pool_id(nc, (uint32_t)perf,
                                          code_in(nc, oc, CODE_SEAT_CATEGORY,
                                                  pf->pools[k].seat_category));
            if (to >= 0)
                avail_set(next->avail, (uint32_t)to,
                          avail_left(old->avail, id));
        }
    }
    for (uint32_t p = 0; p < oc->n_products; p++) {
        int32_t id = oc->products[p].stock_pool, to;
        if (id < 0 || avail_stamp(old->avail, (uint32_t)id) <= mark)
            continue;
        to = avail_stock_id(nc, code_in(nc, oc, CODE_PRODUCT, (int32_t)p));
        if (to >= 0)
            avail_set(next->avail, (uint32_t)to,
                      avail_left(old->avail, (uint32_t)id));
    }
}

/* Makes snap the current snapshot, carrying forward the availability
 * writes made after mark; the old one goes when its last request
 * leaves. */
static void
snapshots_swap(struct snapshots *ss, struct snapshot *snap, uint64_t mark)
{
    pthread_mutex_lock(&ss->avail_lock);
    struct snapshot *old = ss->current;
    if (old->cat != NULL && snap->cat != NULL)
        avail_carry(old, snap, mark);
    pthread_mutex_lock(&ss->lock);
    ss->current = snap;
    pthread_mutex_unlock(&ss->lock);
    pthread_mutex_unlock(&ss->avail_lock);
    snapshot_release(ss, old);
}

/* The clock of the current snapshot's counters, read under avail_lock:
 * every availability write stamped up to it has committed. */
static uint64_t
snapshots_avail_mark(struct snapshots *ss)
{
    pthread_mutex_lock(&ss->avail_lock);
    const struct snapshot *cur = ss->current;
    uint64_t mark = cur->avail ? avail_clock(cur->avail) : 0;
    pthread_mutex_unlock(&ss->avail_lock);
    return mark;
}

/* How many times a build is retried when an import commits meanwhile. */
#define SNAPSHOT_BUILD_TRIES 4

/*
 * One build: when the store's generation moved, loads and swaps in a new
 * snapshot. The generation is read before the availability mark and again
 * after the load; when it moved meanwhile, a write may have come between
 * an availability write carried forward and the load, so the build is
 * done again. Only the caller of this (build_lock held) swaps, so current
 * may be read without the lock. *swapped tells whether it did.
 */
static enum enc_code
snapshots_build(struct snapshots *ss, bool *swapped, struct enc_error *err)
{
    *swapped = false;
    for (int attempt = 1;; attempt++) {
        uint64_t gen = 0, after = 0, mark;
        struct snapshot *snap = NULL;
        enum enc_code rc = store_generation(ss->store, &gen, err);
        if (rc != ENC_OK || gen == ss->current->generation)
            return rc;
        mark = snapshots_avail_mark(ss);
        rc = snapshot_load(ss->store, gen, &snap, err);
        if (rc == ENC_OK)
            rc = store_generation(ss->store, &after, err);
        if (rc != ENC_OK) {
            if (snap != NULL)
                snapshot_release(ss, snap);
            return rc;
        }
        if (after != gen && attempt < SNAPSHOT_BUILD_TRIES) {
            snapshot_release(ss, snap);
            continue;
        }
        snapshots_swap(ss, snap, mark);
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
    if (rc == ENC_OK && swapped)
        log_line(LOG_INFO, "store", "event=reload generation=%llu profiles=%u",
                 (unsigned long long)ss->current->generation,
                 ss->current->cat ? ss->current->cat->n_profiles : 0);
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

enum enc_code
snapshot_propose(const struct snapshot *snap, const char *body, size_t len,
                 char **out, size_t *out_len)
{
    *out = NULL;
    if (len > CODEC_MAX_BODY || snap->cat == NULL)
        return answer_proposal(snap->cat, body, len, out, out_len);
    return codec_propose_avail(snap->cat, snap->avail, body, len,
                               answer_clock_now(), out, out_len);
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

/* Prepares the locks and the condition (timed on the monotonic clock,
 * which wall-clock changes do not move). */
static bool
snapshots_init(struct snapshots *ss)
{
    memset(ss, 0, sizeof(*ss));
    pthread_condattr_t attr;
    if (pthread_condattr_init(&attr) != 0)
        return false;
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    bool ok = pthread_cond_init(&ss->wake, &attr) == 0;
    pthread_condattr_destroy(&attr);
    if (!ok)
        return false;
    pthread_mutex_init(&ss->lock, NULL);
    pthread_mutex_init(&ss->stop_lock, NULL);
    pthread_mutex_init(&ss->build_lock, NULL);
    pthread_mutex_init(&ss->avail_lock, NULL);
    return true;
}

static void
snapshots_cleanup(struct snapshots *ss)
{
    if (ss->current != NULL)
        snapshot_release(ss, ss->current);
    ss->current = NULL;
    store_close(ss->store);
    ss->store = NULL;
    pthread_cond_destroy(&ss->wake);
    pthread_mutex_destroy(&ss->stop_lock);
    pthread_mutex_destroy(&ss->avail_lock);
    pthread_mutex_destroy(&ss->build_lock);
    pthread_mutex_destroy(&ss->lock);
}

enum enc_code
snapshots_start(struct snapshots *ss, const char *db_path,
                struct enc_error *err)
{
    if (!snapshots_init(ss))
        return enc_error_set(err, ENC_INTERNAL, NULL, "out of resources");
    uint64_t gen = 0;
    enum enc_code result = store_open(db_path, &ss->store, err);
    if (result == ENC_OK)
        result = store_generation(ss->store, &gen, err);
    if (result == ENC_OK)
        result = snapshot_load(ss->store, gen, &ss->current, err);
    if (result == ENC_OK &&
        pthread_create(&ss->watcher, NULL, snapshots_watch, ss) != 0)
        result = enc_error_set(err, ENC_INTERNAL, NULL,
                               "cannot start the watcher thread");
    if (result != ENC_OK)
        snapshots_cleanup(ss);
    return result;
}

void
snapshots_stop(struct snapshots *ss)
{
    pthread_mutex_lock(&ss->stop_lock);
    ss->stop = true;
    pthread_cond_signal(&ss->wake);
    pthread_mutex_unlock(&ss->stop_lock);
    pthread_join(ss->watcher, NULL);
    snapshots_cleanup(ss);
}
