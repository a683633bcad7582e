/*
 * admin_data.c - the rest of the admin API: catalogue export and import
 * (SPEC 7, 9), the pickers' product search, the editors' lists, the
 * availability the ticketing system pushes (R7), and the preview with its
 * trace (docs/API.md).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../codec/codec.h"
#include "../core/trace.h"
#include "answer.h"
#include "api.h"
#include "handlers.h"

/* Bytes of the arena of a preview or an availability push. */
#define ADMIN_ARENA_CAP (16u << 20)

enum MHD_Result
handle_catalogue_get(struct request *r, struct MHD_Connection *c)
{
    struct server *srv = r->server;
    struct enc_error err = {0};
    char *doc = NULL;
    size_t len = 0;
    pthread_mutex_lock(&srv->store_lock);
    enum enc_code result = store_export(srv->store, &doc, &len, &err);
    pthread_mutex_unlock(&srv->store_lock);
    if (result != ENC_OK)
        return http_respond_error(r, c, &err, NULL);
    return http_respond(r, c, 200, doc, len, NULL);
}

/* SPEC 9: ?replace=true makes the database equal to the document. */
static enum enc_code
replace_flag(struct MHD_Connection *c, bool *replace, struct enc_error *err)
{
    const char *v = http_query(c, "replace");
    *replace = v != NULL && strcmp(v, "true") == 0;
    if (v != NULL && !*replace && strcmp(v, "false") != 0)
        return enc_error_set(err, ENC_INVALID_FIELD, "replace",
                             "expected true or false");
    return ENC_OK;
}

enum MHD_Result
handle_catalogue_put(struct request *r, struct MHD_Connection *c)
{
    struct enc_error err = {0};
    bool replace = false;
    if (replace_flag(c, &replace, &err) != ENC_OK)
        return http_respond_error(r, c, &err, NULL);
    struct enc_findings f;
    findings_init(&f);
    enum enc_code result = api_import(r->server, r->body ? r->body : "", r->len,
                                      replace, &f, NULL, &err);
    if (result != ENC_OK) {
        findings_cleanup(&f);
        return http_respond_error(r, c, &err, NULL);
    }

    /* The findings are indexed as in the new snapshot. */
    const struct snapshot *snap = api_snapshot(r, &err);
    char *text = NULL;
    size_t len = 0;
    if (snap != NULL) {
        char *findings = codec_findings_encode(snap->cat, &f, &len);
        if (findings != NULL) {
            text = malloc(len + 16);
            if (text != NULL)
                len = (size_t)snprintf(text, len + 16, "{\"findings\":%s}",
                                       findings);
        }
        free(findings);
        snapshot_release(&r->server->snapshots, snap);
    }
    findings_cleanup(&f);
    if (snap == NULL)
        return http_respond_error(r, c, &err, NULL);
    return api_respond(r, c, 200, text, len);
}

enum MHD_Result
handle_products_search(struct request *r, struct MHD_Connection *c)
{
    struct enc_error err = {0};
    uint32_t limit = 20;
    if (api_uint(c, "limit", 1, 100, 20, &limit, &err) != ENC_OK)
        return http_respond_error(r, c, &err, NULL);
    const struct snapshot *snap = api_snapshot(r, &err);
    if (snap == NULL)
        return http_respond_error(r, c, &err, NULL);
    const char *q = http_query(c, "q");
    size_t len = 0;
    char *text = codec_admin_search_encode(snap->cat, q ? q : "",
                                           http_query(c, "lang"), limit, &len);
    snapshot_release(&r->server->snapshots, snap);
    return api_respond(r, c, 200, text, len);
}

enum MHD_Result
handle_product_get(struct request *r, struct MHD_Connection *c)
{
    struct enc_error err = {0};
    const struct snapshot *snap = api_snapshot(r, &err);
    if (snap == NULL)
        return http_respond_error(r, c, &err, NULL);
    int32_t p = api_lookup(snap->cat, CODE_PRODUCT, r->params[0], &err);
    char *text = NULL;
    size_t len = 0;
    if (p >= 0)
        text = codec_admin_product_encode(snap->cat, snap->avail, (uint32_t)p,
                                          &len);
    snapshot_release(&r->server->snapshots, snap);
    if (p < 0)
        return http_respond_error(r, c, &err, NULL);
    return api_respond(r, c, 200, text, len);
}

/* One of the editors' lists (codec_admin_list_encode()). */
static enum MHD_Result
admin_list(struct request *r, struct MHD_Connection *c, enum enc_code_kind kind)
{
    struct enc_error err = {0};
    const struct snapshot *snap = api_snapshot(r, &err);
    if (snap == NULL)
        return http_respond_error(r, c, &err, NULL);
    size_t len = 0;
    char *text =
        codec_admin_list_encode(snap->cat, kind, http_query(c, "lang"), &len);
    snapshot_release(&r->server->snapshots, snap);
    return api_respond(r, c, 200, text, len);
}

enum MHD_Result
handle_seat_categories(struct request *r, struct MHD_Connection *c)
{
    return admin_list(r, c, CODE_SEAT_CATEGORY);
}

enum MHD_Result
handle_audiences(struct request *r, struct MHD_Connection *c)
{
    return admin_list(r, c, CODE_AUDIENCE);
}

enum MHD_Result
handle_channels(struct request *r, struct MHD_Connection *c)
{
    return admin_list(r, c, CODE_CHANNEL);
}

enum MHD_Result
handle_institution(struct request *r, struct MHD_Connection *c)
{
    return admin_list(r, c, CODE_KIND_COUNT);
}

/* The store's values for the decoded ones; codes from cat. */
static struct store_pool_set *
availability_sets(const struct enc_catalogue *cat,
                  const struct codec_pool_value *values, size_t n,
                  struct arena *arena)
{
    struct store_pool_set *sets = arena_alloc(arena, (n + 1) * sizeof(*sets));
    for (size_t i = 0; sets != NULL && i < n; i++) {
        const struct codec_pool_value *v = &values[i];
        int32_t sc = v->seat_category;
        sets[i] = (struct store_pool_set){
            .product =
                v->performance < 0 ? cat->products[v->product].code : NULL,
            .performance = v->performance >= 0
                               ? cat->performances[v->performance].code
                               : NULL,
            .pool = v->performance < 0 ? NULL
                    : sc < 0           ? "*"
                                       : cat->seat_categories[sc].code,
            .left = v->left,
            .field = v->field,
        };
    }
    return sets;
}

/*
 * PUT /api/v1/admin/availability: what is left, pushed by the ticketing
 * system (SPEC 7), written in one transaction and followed by the live
 * counters, so the next proposal uses it (R7) without a new snapshot.
 */
enum MHD_Result
handle_availability(struct request *r, struct MHD_Connection *c)
{
    struct server *srv = r->server;
    struct enc_error err = {0};
    struct arena arena;
    struct codec_pool_value *values = NULL;
    size_t n = 0;
    enum enc_code result = ENC_OK;
    arena_init(&arena, ADMIN_ARENA_CAP);

    pthread_mutex_lock(&srv->store_lock);
    struct snapshot *snap = snapshots_avail_begin(&srv->snapshots);
    if (snap->cat == NULL)
        result = enc_error_set(&err, ENC_NOT_FOUND, NULL,
                               "no catalogue imported yet");
    if (result == ENC_OK)
        result = codec_availability_decode(snap->cat, r->body ? r->body : "",
                                           r->len, &arena, &values, &n, &err);
    struct store_pool_set *sets =
        result == ENC_OK ? availability_sets(snap->cat, values, n, &arena)
                         : NULL;
    if (result == ENC_OK && sets == NULL)
        result = enc_error_set(&err, ENC_INTERNAL, NULL, "out of memory");
    struct store_order_hooks hooks = {api_follow_pool, NULL, snap};
    if (result == ENC_OK)
        result = store_availability_set(srv->store, sets, n, &hooks, &err);
    snapshots_avail_end(&srv->snapshots, snap);
    pthread_mutex_unlock(&srv->store_lock);

    size_t performances = 0;
    size_t products = 0;
    for (size_t i = 0; result == ENC_OK && i < n; i++) {
        bool first =
            i == 0 || values[i].performance != values[i - 1].performance;
        if (values[i].performance < 0)
            products++;
        else if (first)
            performances++;
    }
    arena_cleanup(&arena);
    if (result != ENC_OK)
        return http_respond_error(r, c, &err, NULL);
    char text[96];
    int len =
        snprintf(text, sizeof(text), "{\"performances\":%zu,\"products\":%zu}",
                 performances, products);
    return api_respond(r, c, 200, strdup(text), (size_t)len);
}

/*
 * POST /api/v1/admin/preview: a proposal request in; the answer a buyer
 * would see, with live availability, and the engine's trace: for every
 * line considered, why it fired or which rule stopped it.
 */
enum MHD_Result
handle_preview(struct request *r, struct MHD_Connection *c)
{
    struct enc_error err = {0};
    const struct snapshot *snap = api_snapshot(r, &err);
    if (snap == NULL)
        return http_respond_error(r, c, &err, NULL);
    struct arena arena;
    struct enc_request req;
    struct enc_answer ans;
    struct enc_trace trace = {0};
    bool has_now = false;
    char *text = NULL;
    size_t len = 0;
    arena_init(&arena, ADMIN_ARENA_CAP);
    enum enc_code result =
        codec_request_decode(snap->cat, r->body ? r->body : "", r->len, &arena,
                             &req, &has_now, &err);
    if (result == ENC_OK) {
        if (!has_now)
            req.now = answer_clock_now();
        struct enc_propose_opts opts = {snap->avail, &trace};
        result = enc_propose_with(snap->cat, &req, &opts, &arena, &ans, &err);
    }
    if (result == ENC_OK)
        text = codec_preview_encode(snap->cat, &ans, &trace, &len);
    arena_cleanup(&arena);
    snapshot_release(&r->server->snapshots, snap);
    if (result != ENC_OK)
        return http_respond_error(r, c, &err, NULL);
    return api_respond(r, c, 200, text, len);
}
