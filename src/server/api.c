/*
 * api.c - shared pieces of the API handlers (api.h).
 */
#include "api.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/avail.h"
#include "answer.h"
#include "log.h"

enum MHD_Result
api_respond(struct request *r, struct MHD_Connection *c, unsigned status,
            char *text, size_t len)
{
    if (text != NULL) {
        char *line = realloc(text, len + 2);
        if (line == NULL) {
            free(text);
            text = NULL;
        } else {
            text = line;
            text[len++] = '\n';
            text[len] = '\0';
        }
    }
    return http_respond(r, c, status, text, len, NULL);
}

const struct snapshot *
api_snapshot(struct request *r, struct enc_error *err)
{
    struct snapshots *ss = &r->server->snapshots;
    const struct snapshot *snap = snapshot_acquire(ss);
    if (snap->cat != NULL)
        return snap;
    snapshot_release(ss, snap);
    enc_error_set(err, ENC_NOT_FOUND, NULL, STORE_EMPTY_MESSAGE);
    return NULL;
}

enum enc_code
api_now(struct MHD_Connection *c, struct enc_time *now, struct enc_error *err)
{
    const char *given = http_query(c, "now");
    if (given == NULL) {
        *now = answer_clock_now();
        return ENC_OK;
    }
    if (!time_parse_rfc3339(given, strlen(given), now))
        return enc_error_set(err, ENC_INVALID_FIELD, "now",
                             "expected an RFC 3339 time");
    return ENC_OK;
}

enum enc_code
api_uint(struct MHD_Connection *c, const char *name, uint32_t min, uint32_t max,
         uint32_t def, uint32_t *out, struct enc_error *err)
{
    const char *given = http_query(c, name);
    *out = def;
    if (given == NULL)
        return ENC_OK;
    char *end = NULL;
    errno = 0;
    unsigned long v = strtoul(given, &end, 10);
    if (given[0] < '0' || given[0] > '9' || *end != '\0' || errno != 0 ||
        v < min || v > max)
        return enc_error_set(err, ENC_INVALID_FIELD, name,
                             "expected an integer from %u to %u", min, max);
    *out = (uint32_t)v;
    return ENC_OK;
}

int32_t
api_lookup(const struct enc_catalogue *cat, enum enc_code_kind kind,
           const char *code, struct enc_error *err)
{
    int32_t i = catalogue_lookup(cat, kind, code, strlen(code));
    if (i < 0)
        enc_error_set(err, ENC_NOT_FOUND, NULL, "no %s %s",
                      kind == CODE_PROFILE ? "profile" : "product", code);
    return i;
}

void
api_follow_pool(void *ctx, const struct store_pool_change *change)
{
    const struct snapshot *snap = ctx;
    const struct enc_catalogue *cat = snap->cat;
    if (cat == NULL || snap->avail == NULL)
        return;
    int32_t id = -1;
    if (change->performance != NULL) {
        const char *pool = change->pool ? change->pool : "*";
        int32_t f = catalogue_lookup(cat, CODE_PERFORMANCE, change->performance,
                                     strlen(change->performance));
        int32_t sc =
            strcmp(pool, "*") == 0
                ? -1
                : catalogue_lookup(cat, CODE_SEAT_CATEGORY, pool, strlen(pool));
        if (f >= 0 && (sc >= 0 || strcmp(pool, "*") == 0))
            id = avail_pool_id(cat, (uint32_t)f, sc);
    } else if (change->product != NULL) {
        id = avail_stock_id(cat,
                            catalogue_lookup(cat, CODE_PRODUCT, change->product,
                                             strlen(change->product)));
    }
    /* A pool the snapshot does not know (the database moved on since)
     * has no counter: the next snapshot reads it from the database.
     * TODO(api): counters are per process; another `encore serve` on the
     * same database sees these sales only when it reloads its snapshot
     * (docs/API.md, known limits). */
    if (id >= 0)
        avail_set(snap->avail, (uint32_t)id, change->left);
}

enum enc_code
api_refresh(struct server *srv, struct enc_error *err)
{
    enum enc_code result = snapshots_refresh(&srv->snapshots, err);
    if (result != ENC_OK)
        log_line(LOG_ERROR, "store", "event=refresh message=\"%s\"",
                 err->message);
    return result;
}

/* Milliseconds of the monotonic clock. */
static long long
api_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* One write of api_import() or api_edit(): what it runs under the store
 * lock, against the snapshot served (held until it is done). */
struct api_write {
    const char *doc; /* api_import() */
    size_t len;
    bool replace;
    struct enc_findings *findings;
    store_build_fn build; /* api_edit() */
    void *ctx;
    struct enc_catalogue **refused;
};

static enum enc_code
api_write_run(struct server *srv, const struct api_write *w,
              struct enc_error *err)
{
    const struct snapshot *snap = snapshot_acquire(&srv->snapshots);
    struct store_stamp since = {snap->generation, snap->records};
    pthread_mutex_lock(&srv->store_lock);
    long long start = api_ms();
    enum enc_code result =
        w->build != NULL
            ? store_edit_profiles(srv->store, snap->cat, &since, w->build,
                                  w->ctx, answer_clock_now(), w->refused, err)
            : store_import_onto(srv->store, snap->cat, &since, w->doc, w->len,
                                w->replace, answer_clock_now(), w->findings,
                                w->refused, NULL, err);
    long long written = api_ms();
    pthread_mutex_unlock(&srv->store_lock);
    snapshot_release(&srv->snapshots, snap);
    /* The reload runs outside the store lock, so orders go on while a
     * large catalogue loads: a sale committed meanwhile is in the rows
     * the new snapshot reads, or carried into its counters by the swap
     * (snapshot.h). A later write's reload may do this one's: the
     * answer then shows both. */
    if (result == ENC_OK)
        result = api_refresh(srv, err);
    log_line(LOG_INFO, "admin",
             "event=write bytes=%zu result=%s write_ms=%lld refresh_ms=%lld",
             w->len, enc_code_name(result), written - start,
             api_ms() - written);
    return result;
}

enum enc_code
api_import(struct server *srv, const char *doc, size_t len, bool replace,
           struct enc_findings *findings, struct enc_catalogue **refused,
           struct enc_error *err)
{
    struct api_write w = {doc, len, replace, findings, NULL, NULL, refused};
    return api_write_run(srv, &w, err);
}

enum enc_code
api_edit(struct server *srv, store_build_fn build, void *ctx,
         struct enc_catalogue **refused, struct enc_error *err)
{
    struct api_write w = {NULL, 0, false, NULL, build, ctx, refused};
    return api_write_run(srv, &w, err);
}
