/*
 * snapshot.h - the catalogue every request reads, swapped when it changes.
 *
 * A snapshot is a loaded catalogue and the store generation it came from.
 * A request acquires the current one, reads it without any lock, and
 * releases it when done; a watcher thread polls the store's generation on
 * its own connection and swaps a new snapshot in when it moved. The old
 * one is freed when the last request that holds it leaves (DESIGN.md
 * "Snapshots").
 */
#ifndef ENCORE_SERVER_SNAPSHOT_H
#define ENCORE_SERVER_SNAPSHOT_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "../core/error.h"
#include "../core/model.h"

/* How often the watcher reads the store's generation. */
#define SNAPSHOT_POLL_MS 500

struct snapshot {
    struct enc_catalogue *cat; /* NULL: no catalogue imported yet */
    uint64_t generation;
    unsigned refs; /* the holder's one, plus one per request; lock held */
};

struct snapshots {
    pthread_mutex_t lock; /* guards current and every refs */
    struct snapshot *current;

    /* The watcher, its store connection and its stop signal. */
    struct store *store;
    pthread_t watcher;
    pthread_mutex_t stop_lock;
    pthread_cond_t wake;
    bool stop;
    uint64_t failed; /* generation whose load failed, logged once */
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

/* The current snapshot, held until snapshot_release(). */
const struct snapshot *snapshot_acquire(struct snapshots *ss);
void snapshot_release(struct snapshots *ss, const struct snapshot *snap);

#endif
