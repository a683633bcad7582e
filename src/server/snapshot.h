/*
 * snapshot.h - the catalogue every request reads, swapped when it changes.
 *
 * A snapshot is a loaded catalogue, its live availability and the store
 * generation it came from. A request acquires the current one, reads it
 * without any lock, and releases it when done: both are a few atomic
 * operations, never a mutex (snapshot.c says why that is safe). A watcher
 * thread polls the store's generation on its own connection and swaps a
 * new snapshot in when it moved; the old one is freed when the last
 * request that holds it leaves (DESIGN.md "Snapshots").
 */
#ifndef ENCORE_SERVER_SNAPSHOT_H
#define ENCORE_SERVER_SNAPSHOT_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/avail.h"
#include "../core/error.h"
#include "../core/model.h"

/* How often the watcher reads the store's generation. */
#define SNAPSHOT_POLL_MS 100

/* Snapshots alive at once at most: the current one and old ones still
 * held by requests in flight. A swap waits for a free slot. */
#define SNAPSHOT_SLOTS 256

struct snapshot {
    struct enc_catalogue *cat; /* NULL: no catalogue imported yet */
    struct enc_avail *avail;   /* live counters of cat; NULL with cat */
    uint64_t generation;
    uint64_t records; /* the store's records generation (store_stamp) */
    /* How long it took to build (load, index, counters, then fragments
     * once it serves), in microseconds, for the metrics. */
    _Atomic uint64_t build_us;
    /* Lifetime (snapshot.c): releases minus, once swapped out, acquires;
     * freed when a release or the swap brings it to 0. */
    _Atomic int64_t refs;
    uint32_t slot; /* its index in snapshots.slots */
};

struct snapshots {
    /* The current snapshot's slot in the top 16 bits, and how many
     * acquires it has had in the low 48 (snapshot.c). */
    _Atomic uint64_t current;
    _Atomic(struct snapshot *) slots[SNAPSHOT_SLOTS];

    /* The watcher, its store connection and its stop signal. */
    struct store *store;
    pthread_t watcher;
    pthread_mutex_t stop_lock;
    pthread_cond_t wake;
    bool stop;
    uint64_t failed; /* generation whose load failed, logged once */

    /* Serialises builds (the watcher, snapshots_refresh() callers). */
    pthread_mutex_t build_lock;
    /* The write side of live availability: held by availability writers
     * (snapshots_avail_begin/end) and by a swap while it carries their
     * writes forward. Never taken on the request path. */
    pthread_mutex_t avail_lock;
};

/*
 * Opens the store at db_path, loads the first snapshot and starts the
 * watcher. On failure nothing is left running and err says why.
 */
enum enc_code snapshots_start(struct snapshots *ss, const char *db_path,
                              struct enc_error *err);

/* Stops and joins the watcher, frees the current snapshot and closes the
 * store. Every acquired snapshot must have been released. */
void snapshots_stop(struct snapshots *ss);

/*
 * Without a store: prepares ss with first as its current snapshot (the
 * server's start does this, and the tests). False when out of resources.
 * snapshots_close() releases the current snapshot and the locks.
 */
bool snapshots_open(struct snapshots *ss, struct snapshot *first);
void snapshots_close(struct snapshots *ss);

/* A new snapshot of cat and avail (owned from now on), unpublished. NULL
 * when out of memory (cat and avail are then freed). */
struct snapshot *snapshot_new(struct enc_catalogue *cat,
                              struct enc_avail *avail, uint64_t generation);

/*
 * Makes snap the current snapshot, carrying forward the availability
 * writes made to the old one after its clock read mark (see
 * snapshots_avail_begin()); the old one is freed when its last request
 * leaves. One caller at a time (the build lock). Waits while every slot
 * holds a snapshot still in use.
 */
void snapshots_swap(struct snapshots *ss, struct snapshot *snap, uint64_t mark);

/* The current snapshot, held until snapshot_release(). */
const struct snapshot *snapshot_acquire(struct snapshots *ss);
void snapshot_release(struct snapshots *ss, const struct snapshot *snap);

/*
 * Loads the store's catalogue now when its generation moved since the
 * current snapshot, and swaps it in before returning, so the next request
 * sees a write just committed. Safe from any thread (builds are
 * serialised). ENC_OK when nothing had to change.
 */
enum enc_code snapshots_refresh(struct snapshots *ss, struct enc_error *err);

/*
 * Answers a proposal request against snap, reading what is left from its
 * live counters, in memory of the calling thread (codec_propose_reuse():
 * no heap): *out is valid until the thread's next call. Counts the
 * proposals in the metrics. Returns the answer's code; *out is NULL only
 * when out of memory.
 */
enum enc_code snapshot_propose(const struct snapshot *snap, const char *body,
                               size_t len, const char **out, size_t *out_len);

/*
 * The write side of live availability (orders, availability pushes).
 * Protocol, so that counters follow commit order and no write is lost
 * across a snapshot swap:
 *   BEGIN IMMEDIATE; write the pools in the database;
 *   snap = snapshots_avail_begin(ss);
 *   for each pool written: id = avail_pool_id(snap->cat, perf, sc) or
 *       avail_stock_id(snap->cat, product);
 *       if (snap->avail && id >= 0) avail_set(snap->avail, id, value the
 *       database now holds);
 *   COMMIT (or ROLLBACK);
 *   snapshots_avail_end(ss, snap);
 * Such writes must not move the store's generation (no rebuild per sale).
 */
struct snapshot *snapshots_avail_begin(struct snapshots *ss);
void snapshots_avail_end(struct snapshots *ss, struct snapshot *snap);

#endif
