/*
 * snapshot.c - acquire, release and the watcher that swaps snapshots in
 * (snapshot.h).
 */
#include "snapshot.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../store/store.h"
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
    snap->generation = gen;
    snap->refs = 1;
    *out = snap;
    return ENC_OK;
}

/* Makes snap the current snapshot; the old one goes when its last
 * request leaves. */
static void
snapshots_swap(struct snapshots *ss, struct snapshot *snap)
{
    pthread_mutex_lock(&ss->lock);
    struct snapshot *old = ss->current;
    ss->current = snap;
    pthread_mutex_unlock(&ss->lock);
    snapshot_release(ss, old);
}

/*
 * One tick of the watcher: when the store's generation moved, loads and
 * swaps in a new snapshot. A failure keeps the current snapshot and is
 * logged once per generation; the next tick tries again.
 */
static void
snapshots_refresh(struct snapshots *ss)
{
    struct enc_error err = {0};
    uint64_t gen = 0;
    if (store_generation(ss->store, &gen, &err) != ENC_OK) {
        log_line(LOG_ERROR, "store", "event=poll message=\"%s\"", err.message);
        return;
    }
    /* Only this thread swaps, so it may read current without the lock. */
    if (gen == ss->current->generation)
        return;

    struct snapshot *snap = NULL;
    if (snapshot_load(ss->store, gen, &snap, &err) != ENC_OK) {
        if (ss->failed != gen)
            log_line(LOG_ERROR, "store",
                     "event=reload generation=%llu message=\"%s\"",
                     (unsigned long long)gen, err.message);
        ss->failed = gen;
        return;
    }
    snapshots_swap(ss, snap);
    log_line(LOG_INFO, "store", "event=reload generation=%llu profiles=%u",
             (unsigned long long)gen, snap->cat ? snap->cat->n_profiles : 0);
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
        snapshots_refresh(ss);
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
