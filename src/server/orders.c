/*
 * orders.c - POST /api/v1/orders, GET /api/v1/orders/{id}, POST
 * /api/v1/orders/{id}/cancel (the shop token; docs/API.md).
 *
 * An order is checked against the current snapshot (SPEC 5 as a
 * proposal request, R5 on sale, R6 open performance, a price row,
 * max_per_order), then placed by the store in one BEGIN IMMEDIATE
 * transaction that takes each item's quantity from its pool only if
 * enough is left (R7). The live counters follow the values the database
 * holds, under the snapshots' availability lock, so the next proposal
 * sees the sale; the answer carries the confirmation-stage proposals of
 * the cart, computed after it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../codec/codec.h"
#include "../core/avail.h"
#include "answer.h"
#include "api.h"
#include "auth.h"
#include "handlers.h"

/* Bytes of a request's arena (a cart of 1,000 items fits). */
#define ORDER_ARENA_CAP (8u << 20)
#define IDEMPOTENCY_KEY_MAX 128

/* The Idempotency-Key header: 1 to 128 printable ASCII characters. */
static enum enc_code
order_key(struct MHD_Connection *c, const char **key, struct enc_error *err)
{
    *key = http_header(c, "Idempotency-Key");
    size_t n = *key ? strlen(*key) : 0;
    bool ok = n > 0 && n <= IDEMPOTENCY_KEY_MAX;
    for (size_t i = 0; ok && i < n; i++)
        ok = (*key)[i] >= 0x20 && (*key)[i] < 0x7f;
    if (!ok)
        return enc_error_set(err, ENC_INVALID_FIELD, "Idempotency-Key",
                             "the Idempotency-Key header is required: 1 to %d"
                             " printable ASCII characters",
                             IDEMPOTENCY_KEY_MAX);
    return ENC_OK;
}

/*
 * The price row of an item: the first row whose seat category and
 * audience are the item's or not given, a row naming both first (R9's
 * matching); -1 when none.
 */
static int32_t
order_price(const struct enc_product *prod, const struct enc_item *it)
{
    int32_t best = -1;
    int best_score = -1;
    for (uint32_t i = 0; i < prod->n_prices; i++) {
        const struct enc_price *row = &prod->prices[i];
        bool sc_ok =
            row->seat_category < 0 || row->seat_category == it->seat_category;
        bool au_ok = row->audience < 0 || row->audience == it->audience;
        int score = (row->seat_category >= 0) + (row->audience >= 0);
        if (sc_ok && au_ok && score > best_score) {
            best = (int32_t)i;
            best_score = score;
        }
    }
    return best;
}

/* Fails with code on "cart[i].key". */
static enum enc_code
item_error(struct enc_error *err, enum enc_code code, uint32_t i,
           const char *key, const char *message)
{
    char field[48];
    snprintf(field, sizeof(field), "cart[%u].%s", i, key);
    return enc_error_set(err, code, field, "%s", message);
}

/* R8: a product's quantities in one order stay within max_per_order. */
static enum enc_code
order_check_max(const struct enc_catalogue *cat, const struct enc_request *req,
                uint32_t i, struct enc_error *err)
{
    const struct enc_item *it = &req->cart[i];
    uint32_t max = cat->products[it->product].max_per_order;
    if (max == 0)
        return ENC_OK;
    uint32_t sum = 0;
    for (uint32_t k = 0; k <= i; k++)
        if (req->cart[k].product == it->product)
            sum += req->cart[k].quantity;
    if (sum <= max)
        return ENC_OK;
    char message[96];
    snprintf(message, sizeof(message), "at most %u of this product per order",
             max);
    return item_error(err, ENC_INVALID_FIELD, i, "quantity", message);
}

/* Checks item i of the request and fills the store's item from it;
 * codes are borrowed from cat. */
static enum enc_code
order_item(const struct enc_catalogue *cat, const struct enc_request *req,
           uint32_t i, struct store_order_item *out, struct enc_error *err)
{
    const struct enc_item *it = &req->cart[i];
    const struct enc_product *prod = &cat->products[it->product];
    if (!codec_product_on_sale(cat, (uint32_t)it->product, req->channel,
                               req->now))
        return item_error(err, ENC_CONFLICT, i, "product",
                          "not on sale on this channel");
    if (it->performance >= 0 &&
        !codec_performance_open(cat, (uint32_t)it->performance, req->now))
        return item_error(err, ENC_CONFLICT, i, "performance",
                          "this performance has started or its sale is"
                          " closed");
    int32_t row = order_price(prod, it);
    if (row < 0)
        return item_error(err, ENC_INVALID_FIELD, i, "seat_category",
                          "no price for this seat category and audience");
    enum enc_code result = order_check_max(cat, req, i, err);
    if (result != ENC_OK)
        return result;
    *out = (struct store_order_item){
        .product = prod->code,
        .performance = it->performance >= 0
                           ? cat->performances[it->performance].code
                           : NULL,
        .seat_category = it->seat_category >= 0
                             ? cat->seat_categories[it->seat_category].code
                             : NULL,
        .audience =
            it->audience >= 0 ? cat->audiences[it->audience].code : NULL,
        .quantity = it->quantity,
        .unit_amount = prod->prices[row].amount,
    };
    return ENC_OK;
}

/* Writes a store order as the API does, with proposals when given. */
static char *
order_text(const struct store_order *o, const char *proposals,
           size_t proposals_len, size_t *len)
{
    struct codec_order_item *items = calloc(o->n_items + 1, sizeof(*items));
    if (items == NULL)
        return NULL;
    for (uint32_t i = 0; i < o->n_items; i++)
        items[i] = (struct codec_order_item){
            o->items[i].product,       o->items[i].performance,
            o->items[i].seat_category, o->items[i].audience,
            o->items[i].quantity,      o->items[i].unit_amount};
    struct codec_order view = {o->id,       o->status,  o->channel,
                               o->currency, o->created, o->cancelled,
                               o->total,    o->n_items, items};
    char *text = codec_order_encode(&view, proposals, proposals_len, len);
    free(items);
    return text;
}

/* What the answer hook of the order transaction needs. */
struct order_ctx {
    struct snapshot *snap;
    const char *request; /* the confirmation-stage request */
    size_t request_len;
};

/* The answer recorded with the order: the order and the proposals of its
 * cart at the confirmation stage (SPEC 8), the counters already showing
 * the sale. */
static char *
order_answer(void *ctx, const struct store_order *o, size_t *len)
{
    struct order_ctx *oc = ctx;
    char *proposals = NULL;
    size_t plen = 0;
    codec_propose_avail(oc->snap->cat, oc->snap->avail, oc->request,
                        oc->request_len, answer_clock_now(), &proposals, &plen);
    if (proposals == NULL)
        return NULL;
    if (plen > 0 && proposals[plen - 1] == '\n')
        plen--;
    char *text = order_text(o, proposals, plen, len);
    free(proposals);
    return text;
}

static void
order_follow(void *ctx, const struct store_pool_change *change)
{
    struct order_ctx *oc = ctx;
    api_follow_pool(oc->snap, change);
}

/*
 * Checks the order against the snapshot and places it. *answer gets the
 * recorded answer, *replay whether it was recorded by an earlier try.
 */
static enum enc_code
order_place(struct server *srv, struct snapshot *snap, const char *key,
            const char *body, size_t len, char **answer, size_t *answer_len,
            bool *replay, struct enc_error *err)
{
    struct arena arena;
    struct enc_request req;
    struct order_ctx oc = {snap, NULL, 0};
    char *request = NULL;
    bool has_now = false;
    unsigned char hash[HTTP_TOKEN_HASH];
    struct store_order o = {0};
    arena_init(&arena, ORDER_ARENA_CAP);
    arena_init(&o.arena, 0);

    enum enc_code result =
        codec_order_request(body, len, &request, &oc.request_len, err);
    if (result == ENC_OK)
        result = codec_request_decode(snap->cat, request, oc.request_len,
                                      &arena, &req, &has_now, err);
    if (result != ENC_OK)
        goto out;
    if (!has_now)
        req.now = answer_clock_now();
    oc.request = request;
    o.items = arena_alloc(&arena, (req.n_cart + 1) * sizeof(*o.items));
    if (o.items == NULL) {
        result = enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
        goto out;
    }
    for (uint32_t i = 0; result == ENC_OK && i < req.n_cart; i++)
        result = order_item(snap->cat, &req, i, &o.items[i], err);
    if (result != ENC_OK)
        goto out;

    o.n_items = req.n_cart;
    o.channel = snap->cat->channels[req.channel].code;
    o.currency = snap->cat->institution.currency;
    o.created = answer_clock_now().utc;
    auth_digest(body, len, hash);
    struct store_order_hooks hooks = {order_follow, order_answer, &oc};
    result = store_order_place(srv->store, key, hash, sizeof(hash), &o, &hooks,
                               answer, answer_len, replay, err);
out:
    arena_cleanup(&o.arena);
    arena_cleanup(&arena);
    free(request);
    return result;
}

/* TODO(api): the order's commit (an fsync, synchronous = FULL) runs in
 * the libmicrohttpd thread that read it, so that thread's other
 * connections, proposals included, wait for the disk; a writer thread
 * would free them (docs/SECURITY.md, load figures). */
enum MHD_Result
handle_order_create(struct request *r, struct MHD_Connection *c)
{
    struct server *srv = r->server;
    struct enc_error err = {0};
    const char *key = NULL;
    char *answer = NULL;
    size_t len = 0;
    bool replay = false;
    unsigned char hash[HTTP_TOKEN_HASH];
    const char *body = r->body ? r->body : "";
    if (order_key(c, &key, &err) != ENC_OK)
        return http_respond_error(r, c, &err, NULL);

    pthread_mutex_lock(&srv->store_lock);
    /* A retry gets its first answer, whatever has changed since. */
    auth_digest(body, r->len, hash);
    enum enc_code result = store_idempotency_find(
        srv->store, key, hash, sizeof(hash), &answer, &len, &err);
    if (result == ENC_OK) {
        replay = true;
    } else if (result == ENC_NOT_FOUND) {
        struct snapshot *snap = snapshots_avail_begin(&srv->snapshots);
        if (snap->cat == NULL)
            result = enc_error_set(&err, ENC_NOT_FOUND, NULL,
                                   "no catalogue imported yet");
        else
            result = order_place(srv, snap, key, body, r->len, &answer, &len,
                                 &replay, &err);
        snapshots_avail_end(&srv->snapshots, snap);
    }
    pthread_mutex_unlock(&srv->store_lock);
    if (result != ENC_OK)
        return http_respond_error(r, c, &err, NULL);
    return api_respond(r, c, replay ? 200 : 201, answer, len);
}

/* The order id of the path; ENC_NOT_FOUND when it is not a number. */
static enum enc_code
order_id(const struct request *r, int64_t *id, struct enc_error *err)
{
    const char *s = r->params[0];
    char *end = NULL;
    long long v = strtoll(s, &end, 10);
    if (s[0] < '1' || s[0] > '9' || *end != '\0' || v <= 0)
        return enc_error_set(err, ENC_NOT_FOUND, NULL, "no order %s", s);
    *id = v;
    return ENC_OK;
}

/* Answers {"order":...} for o (freed), or the error. */
static enum MHD_Result
order_respond(struct request *r, struct MHD_Connection *c, enum enc_code result,
              struct store_order *o, const struct enc_error *err)
{
    if (result != ENC_OK)
        return http_respond_error(r, c, err, NULL);
    size_t len = 0;
    char *text = order_text(o, NULL, 0, &len);
    store_order_free(o);
    return api_respond(r, c, 200, text, len);
}

enum MHD_Result
handle_order_get(struct request *r, struct MHD_Connection *c)
{
    struct server *srv = r->server;
    struct enc_error err = {0};
    struct store_order *o = NULL;
    int64_t id = 0;
    enum enc_code result = order_id(r, &id, &err);
    if (result == ENC_OK) {
        pthread_mutex_lock(&srv->store_lock);
        result = store_order_get(srv->store, id, &o, &err);
        pthread_mutex_unlock(&srv->store_lock);
    }
    return order_respond(r, c, result, o, &err);
}

enum MHD_Result
handle_order_cancel(struct request *r, struct MHD_Connection *c)
{
    struct server *srv = r->server;
    struct enc_error err = {0};
    struct store_order *o = NULL;
    int64_t id = 0;
    enum enc_code result = order_id(r, &id, &err);
    if (result == ENC_OK) {
        pthread_mutex_lock(&srv->store_lock);
        struct snapshot *snap = snapshots_avail_begin(&srv->snapshots);
        struct store_order_hooks hooks = {api_follow_pool, NULL, snap};
        result = store_order_cancel(srv->store, id, answer_clock_now().utc,
                                    &hooks, &o, &err);
        snapshots_avail_end(&srv->snapshots, snap);
        pthread_mutex_unlock(&srv->store_lock);
    }
    return order_respond(r, c, result, o, &err);
}
