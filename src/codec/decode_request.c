/*
 * decode_request.c - a proposal request (SPEC 8) against a catalogue,
 * refused with the field's path on the first error (SPEC 5).
 */
#include "request.h"

#include "codec.h"
#include "jtok.h"
#include "parse.h"
#include "read.h"

#include <string.h>

struct request_decoder {
    struct reader r; /* first: field callbacks cast back */
    const struct enc_catalogue *cat;
    struct enc_request *req;
    bool *has_now;
    bool is_focus; /* the item being read is the focus */
};

static struct request_decoder *
request_of(struct reader *r)
{
    return (struct request_decoder *)r;
}

/* Words for messages, per kind. */
static const char *const kind_words[CODE_KIND_COUNT] = {
    "channel", "seat category", "audience",    "activity",
    "theme",   "product",       "performance", "profile",
};

/* A code of the catalogue: its index, or unknown_code (SPEC 5). */
static enum enc_code
request_ref(struct reader *r, const struct jtok *v, enum enc_code_kind kind,
            int32_t *out)
{
    const char *s = NULL;
    size_t len = 0;
    enum enc_code rc = read_code_view(r, v, &s, &len);

    if (rc != ENC_OK)
        return rc;
    *out = catalogue_lookup(request_of(r)->cat, kind, s, len);
    if (*out < 0)
        return reader_fail(r, ENC_UNKNOWN_CODE, "unknown %s %s",
                           kind_words[kind], s);
    return ENC_OK;
}

/* Items of the cart and the focus. */

static enum enc_code
item_product(struct reader *r, const struct jtok *v, void *record)
{
    return request_ref(r, v, CODE_PRODUCT,
                       &((struct enc_item *)record)->product);
}

static enum enc_code
item_performance(struct reader *r, const struct jtok *v, void *record)
{
    return request_ref(r, v, CODE_PERFORMANCE,
                       &((struct enc_item *)record)->performance);
}

static enum enc_code
item_seat_category(struct reader *r, const struct jtok *v, void *record)
{
    return request_ref(r, v, CODE_SEAT_CATEGORY,
                       &((struct enc_item *)record)->seat_category);
}

static enum enc_code
item_audience(struct reader *r, const struct jtok *v, void *record)
{
    return request_ref(r, v, CODE_AUDIENCE,
                       &((struct enc_item *)record)->audience);
}

/* SPEC 5: a quantity is an integer from 1 to 1,000. */
static enum enc_code
item_quantity(struct reader *r, const struct jtok *v, void *record)
{
    return read_uint32(r, v, 1, ENC_MAX_QUANTITY,
                       &((struct enc_item *)record)->quantity);
}

static const struct field item_fields[] = {
    {"product", true, item_product},
    {"performance", false, item_performance},
    {"seat_category", false, item_seat_category},
    {"audience", false, item_audience},
    {"quantity", true, item_quantity},
};

/*
 * One item. Its performance must be one of its product's; an item of a
 * dated product names one, except the focus, which may not have one yet
 * (SPEC 8).
 */
static enum enc_code
decode_item(struct request_decoder *d, const struct jtok *v,
            struct enc_item *it)
{
    const struct enc_catalogue *cat = d->cat;
    enum enc_code rc;

    *it = (struct enc_item){ENC_NONE, ENC_NONE, ENC_NONE, ENC_NONE, 0};
    rc = read_object(&d->r, v, item_fields, 5, it);
    if (rc != ENC_OK)
        return rc;
    if (it->performance >= 0 &&
        cat->performances[it->performance].product != it->product) {
        reader_push_key(&d->r, "performance");
        return reader_fail(&d->r, ENC_UNKNOWN_CODE,
                           "performance %s is not one of product %s",
                           cat->performances[it->performance].code,
                           cat->products[it->product].code);
    }
    if (it->performance < 0 && !d->is_focus &&
        cat->products[it->product].n_performances > 0) {
        reader_push_key(&d->r, "performance");
        return reader_fail(
            &d->r, ENC_INVALID_FIELD,
            "missing field: an item of a dated product names its "
            "performance");
    }
    return ENC_OK;
}

/* The request's fields. */

static enum enc_code
request_channel(struct reader *r, const struct jtok *v, void *record)
{
    return request_ref(r, v, CODE_CHANNEL,
                       &((struct enc_request *)record)->channel);
}

static enum enc_code
request_stage(struct reader *r, const struct jtok *v, void *record)
{
    int s;
    enum enc_code rc = read_parsed(r, v, stage_parse,
                                   "a stage (product, cart, confirmation)", &s);

    if (rc == ENC_OK)
        ((struct enc_request *)record)->stage = (enum enc_stage)s;
    return rc;
}

static enum enc_code
request_lang(struct reader *r, const struct jtok *v, void *record)
{
    return read_lang(r, v, &((struct enc_request *)record)->lang);
}

static enum enc_code
request_now(struct reader *r, const struct jtok *v, void *record)
{
    *request_of(r)->has_now = true;
    return read_time(r, v, &((struct enc_request *)record)->now);
}

/* SPEC 5: at most 1,000 items; the cart may be empty. */
static enum enc_code
request_cart(struct reader *r, const struct jtok *v, void *record)
{
    struct request_decoder *d = request_of(r);
    struct enc_request *req = record;
    struct enc_item *items;
    size_t n;

    if (!jv_is_array(v))
        return reader_fail(r, ENC_INVALID_FIELD, "must be an array");
    n = jv_array_size(v);
    if (n > ENC_MAX_CART)
        return reader_fail(r, ENC_INVALID_FIELD,
                           "a cart holds at most %d items", ENC_MAX_CART);
    items = arena_alloc(r->arena, (n ? n : 1) * sizeof *items);
    if (!items)
        return reader_oom(r);
    for (size_t i = 0; i < n; i++) {
        size_t mark = reader_push_index(r, i);
        enum enc_code rc = decode_item(d, jv_array_get(v, i), &items[i]);
        if (rc != ENC_OK)
            return rc;
        reader_pop(r, mark);
    }
    req->cart = items;
    req->n_cart = (uint32_t)n;
    return ENC_OK;
}

static enum enc_code
request_focus(struct reader *r, const struct jtok *v, void *record)
{
    struct request_decoder *d = request_of(r);
    struct enc_request *req = record;
    enum enc_code rc;

    d->is_focus = true;
    rc = decode_item(d, v, &req->focus);
    d->is_focus = false;
    req->has_focus = true;
    return rc;
}

static const struct field request_fields[] = {
    {"channel", true, request_channel}, {"stage", true, request_stage},
    {"lang", false, request_lang},      {"now", false, request_now},
    {"cart", true, request_cart},       {"focus", false, request_focus},
};

/* R3: the focus comes with stage product, and only with it. */
static enum enc_code
request_check_focus(struct request_decoder *d)
{
    bool product = d->req->stage == STAGE_PRODUCT;

    if (product == d->req->has_focus)
        return ENC_OK;
    reader_push_key(&d->r, "focus");
    if (product)
        return reader_fail(
            &d->r, ENC_INVALID_FIELD,
            "missing field: stage product names the item looked at");
    return reader_fail(&d->r, ENC_INVALID_FIELD,
                       "only stage product takes a focus");
}

/* ---- The fast path: tokens (jtok.h), no copy, no heap ---- */

/*
 * The fast path reads a request that is valid in every respect straight
 * from its tokens. At the first thing it does not like it gives up and
 * the caller runs the path below, the readers of read.h (and jansson's
 * message for malformed JSON), which says what is wrong with the field's
 * path and the message SPEC 5 errors have always had. So this path only has to
 * accept exactly what the one below accepts, and read it the same way;
 * test_codec_jtok.c holds the two to that.
 */

/* A code of kind at token t: checked as read_code_view() does, then
 * looked up; false when it is not one or unknown. */
static bool
fast_ref(const struct enc_catalogue *cat, const struct jtok *t,
         enum enc_code_kind kind, int32_t *out)
{
    if (t->type != JTOK_STRING || !read_is_code(t->s, t->n))
        return false;
    *out = catalogue_lookup(cat, kind, t->s, t->n);
    return *out >= 0;
}

/* An item at token v (an object), as decode_item() reads it. */
static bool
fast_item(const struct enc_catalogue *cat, const struct jtok *v, bool is_focus,
          struct enc_item *it)
{
    bool product = false, quantity = false;

    *it = (struct enc_item){ENC_NONE, ENC_NONE, ENC_NONE, ENC_NONE, 0};
    if (!jv_is_object(v))
        return false;
    for (const struct jtok *k = jv_first_key(v); k; k = jv_next_key(v, k)) {
        const struct jtok *x = k + 1;
        bool ok;
        if (jtok_is(k, "product"))
            ok = product = fast_ref(cat, x, CODE_PRODUCT, &it->product);
        else if (jtok_is(k, "performance"))
            ok = fast_ref(cat, x, CODE_PERFORMANCE, &it->performance);
        else if (jtok_is(k, "seat_category"))
            ok = fast_ref(cat, x, CODE_SEAT_CATEGORY, &it->seat_category);
        else if (jtok_is(k, "audience"))
            ok = fast_ref(cat, x, CODE_AUDIENCE, &it->audience);
        else if (jtok_is(k, "quantity"))
            ok = quantity =
                jv_is_integer(x) && x->i >= 1 && x->i <= ENC_MAX_QUANTITY;
        else
            ok = false;
        if (!ok)
            return false;
        if (jtok_is(k, "quantity"))
            it->quantity = (uint32_t)x->i;
    }
    if (!product || !quantity)
        return false;
    if (it->performance >= 0)
        return cat->performances[it->performance].product == it->product;
    return is_focus || cat->products[it->product].n_performances == 0;
}

/* The cart at token v (an array of at most ENC_MAX_CART items). */
static bool
fast_cart(const struct enc_catalogue *cat, const struct jtok *v,
          struct arena *arena, struct enc_request *req)
{
    struct enc_item *items;

    if (!jv_is_array(v) || v->n > ENC_MAX_CART)
        return false;
    items = arena_alloc(arena, (v->n ? v->n : 1) * sizeof(*items));
    if (items == NULL)
        return false;
    for (uint32_t i = 0; i < v->n; i++)
        if (!fast_item(cat, jv_array_get(v, i), false, &items[i]))
            return false;
    req->cart = items;
    req->n_cart = v->n;
    return true;
}

/* The stage named by string token v (stage_parse()), or -1. */
static int
fast_stage(const struct jtok *v)
{
    char name[16];

    if (v->type != JTOK_STRING || v->n >= sizeof name)
        return -1;
    memcpy(name, v->s, v->n);
    name[v->n] = '\0';
    return stage_parse(name);
}

/* Fields of the request seen, for the required ones. */
enum { FAST_CHANNEL = 1, FAST_STAGE = 2, FAST_CART = 4 };

/* One field of the request: key token k, its value at k + 1. */
static bool
fast_field(const struct enc_catalogue *cat, const struct jtok *k,
           struct arena *arena, struct enc_request *req, bool *has_now,
           unsigned *seen)
{
    const struct jtok *v = k + 1;
    int stage;

    if (jtok_is(k, "channel")) {
        *seen |= FAST_CHANNEL;
        return fast_ref(cat, v, CODE_CHANNEL, &req->channel);
    }
    if (jtok_is(k, "stage")) {
        *seen |= FAST_STAGE;
        stage = fast_stage(v);
        req->stage = (enum enc_stage)stage;
        return stage >= 0;
    }
    if (jtok_is(k, "lang")) {
        if (v->type != JTOK_STRING || !read_is_lang(v->s, v->n))
            return false;
        req->lang = arena_strndup(arena, v->s, v->n);
        return req->lang != NULL;
    }
    if (jtok_is(k, "now")) {
        *has_now = true;
        return v->type == JTOK_STRING &&
               time_parse_rfc3339(v->s, v->n, &req->now);
    }
    if (jtok_is(k, "cart")) {
        *seen |= FAST_CART;
        return fast_cart(cat, v, arena, req);
    }
    if (jtok_is(k, "focus")) {
        req->has_focus = true;
        return fast_item(cat, v, true, &req->focus);
    }
    return false;
}

bool
request_decode_tokens(const struct enc_catalogue *cat, const char *body,
                      size_t len, struct arena *arena, struct enc_request *out,
                      bool *has_now)
{
    struct enc_request req = {.channel = ENC_NONE};
    struct jtok_doc doc;
    unsigned seen = 0;
    bool now = false;

    if (!jtok_parse(body, len, arena, false, &doc) || !jv_is_object(doc.toks))
        return false;
    for (const struct jtok *k = jv_first_key(doc.toks); k;
         k = jv_next_key(doc.toks, k))
        if (!fast_field(cat, k, arena, &req, &now, &seen))
            return false;
    if (seen != (FAST_CHANNEL | FAST_STAGE | FAST_CART) ||
        (req.stage == STAGE_PRODUCT) != req.has_focus)
        return false;
    *out = req;
    *has_now = now;
    return true;
}

/* ---- The path that names the field: tokens with copies and read.h ---- */

enum enc_code
request_decode_tree(const struct enc_catalogue *cat, const char *body,
                    size_t len, struct arena *arena, struct enc_request *req,
                    bool *has_now, struct enc_error *err)
{
    struct request_decoder d = {.cat = cat, .req = req, .has_now = has_now};
    struct jtok_doc doc;
    json_t *tree = NULL;
    enum enc_code rc;

    *req = (struct enc_request){.channel = ENC_NONE};
    *has_now = false;
    if (len > CODEC_MAX_BODY || !jtok_parse(body, len, arena, true, &doc) ||
        !jv_is_object(doc.toks)) {
        /* Malformed: jansson's message, with line and column (SPEC 5). */
        rc = parse_object(body, len, CODEC_MAX_BODY, "the request", &tree, err);
        json_decref(tree);
        return rc != ENC_OK
                   ? rc
                   : enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    }
    reader_init(&d.r, arena, err);
    rc = read_object(&d.r, doc.toks, request_fields, 6, req);
    if (rc == ENC_OK)
        rc = request_check_focus(&d);
    return rc;
}

enum enc_code
codec_request_decode(const struct enc_catalogue *cat, const char *body,
                     size_t len, struct arena *arena, struct enc_request *req,
                     bool *has_now, struct enc_error *err)
{
    if (len <= CODEC_MAX_BODY &&
        request_decode_tokens(cat, body, len, arena, req, has_now))
        return ENC_OK;
    return request_decode_tree(cat, body, len, arena, req, has_now, err);
}
