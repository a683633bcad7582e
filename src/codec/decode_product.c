/*
 * decode_product.c - the products of encore-catalogue/1 with their prices,
 * components and performances (SPEC 7).
 */
#include <string.h>

#include "codec.h"
#include "decode.h"
#include "../core/propose.h"

/* Prices. */

static enum enc_code
price_seat_category(struct reader *r, const struct jtok *v, void *record)
{
    return decode_ref(decoder_of(r), v, CODE_SEAT_CATEGORY,
                      &((struct enc_price *)record)->seat_category);
}

static enum enc_code
price_audience(struct reader *r, const struct jtok *v, void *record)
{
    return decode_ref(decoder_of(r), v, CODE_AUDIENCE,
                      &((struct enc_price *)record)->audience);
}

/* SPEC 7: amounts are integers of 0 or more, in the minor unit. */
static enum enc_code
price_amount(struct reader *r, const struct jtok *v, void *record)
{
    return read_int(r, v, 0, READ_MAX_AMOUNT,
                    &((struct enc_price *)record)->amount);
}

static const struct field price_fields[] = {
    {"seat_category", false, price_seat_category},
    {"audience", false, price_audience},
    {"amount", true, price_amount},
};

/* Components. */

/* SPEC 7: a package does not contain itself, directly or through another
 * package. Pass A put each cycle of packages in one component. */
static enum enc_code
component_product(struct reader *r, const struct jtok *v, void *record)
{
    struct decoder *d = decoder_of(r);
    struct enc_component *c = record;
    uint32_t self = d->product;
    enum enc_code rc = decode_ref(d, v, CODE_PRODUCT, &c->product);
    uint32_t k = (uint32_t)c->product;

    if (rc != ENC_OK)
        return rc;
    /* A stored record is left to the document's record of its cycle. */
    if (!d->in_stored &&
        (k == self || (d->component[k] == d->component[self] &&
                       d->component_size[d->component[self]] > 1)))
        return reader_fail(r, ENC_INVALID_FIELD,
                           "a package cannot contain itself, here through %s",
                           jv_string(v));
    return ENC_OK;
}

static enum enc_code
component_quantity(struct reader *r, const struct jtok *v, void *record)
{
    return read_uint32(r, v, 1, ENC_MAX_QUANTITY,
                       &((struct enc_component *)record)->quantity);
}

static const struct field component_fields[] = {
    {"product", true, component_product},
    {"quantity", false, component_quantity},
};

/* Performances. */

static enum enc_code
performance_code(struct reader *r, const struct jtok *v, void *record)
{
    struct decoder *d = decoder_of(r);
    struct enc_performance *p = record;

    return decode_own_code(d, v, CODE_PERFORMANCE,
                           (uint32_t)(p - d->cat->performances), &p->code);
}

static enum enc_code
performance_start(struct reader *r, const struct jtok *v, void *record)
{
    return read_time(r, v, &((struct enc_performance *)record)->start);
}

static enum enc_code
performance_end(struct reader *r, const struct jtok *v, void *record)
{
    struct enc_performance *p = record;

    p->has_end = true;
    return read_time(r, v, &p->end);
}

static enum enc_code
performance_venue(struct reader *r, const struct jtok *v, void *record)
{
    return read_label(r, v, &((struct enc_performance *)record)->venue);
}

static enum enc_code
performance_sale(struct reader *r, const struct jtok *v, void *record)
{
    struct enc_performance *p = record;

    p->has_sale = true;
    return decode_window(decoder_of(r), v, &p->sale);
}

/* One pool: "*" (shared, R7) or a seat category, what is left >= 0. */
static enum enc_code
capacity_pool(struct decoder *d, const struct jtok *key, const struct jtok *v,
              struct enc_pool *pool)
{
    enum enc_code rc = ENC_OK;

    pool->seat_category = ENC_NONE;
    if (!jtok_is(key, "*"))
        rc = decode_ref(d, key, CODE_SEAT_CATEGORY, &pool->seat_category);
    if (rc == ENC_OK)
        rc = read_int(&d->r, v, 0, READ_MAX_AMOUNT, &pool->left);
    return rc;
}

static enum enc_code
performance_capacity(struct reader *r, const struct jtok *v, void *record)
{
    struct decoder *d = decoder_of(r);
    struct enc_performance *p = record;
    size_t n = jv_object_size(v), i = 0;

    if (!jv_is_object(v))
        return reader_fail(
            r, ENC_INVALID_FIELD,
            "must be an object of seat category (or \"*\") to what is left");
    p->pools = n ? arena_alloc(r->arena, n * sizeof *p->pools) : NULL;
    if (n && !p->pools)
        return reader_oom(r);
    for (const struct jtok *k = jv_first_key(v); k; k = jv_next_key(v, k)) {
        size_t mark = reader_push_key(r, k->s);
        enum enc_code rc = capacity_pool(d, k, k + 1, &p->pools[i++]);
        if (rc != ENC_OK)
            return rc;
        reader_pop(r, mark);
    }
    p->n_pools = (uint32_t)n;
    return ENC_OK;
}

static const struct field performance_fields[] = {
    {"code", true, performance_code},  {"start", true, performance_start},
    {"end", false, performance_end},   {"venue", false, performance_venue},
    {"sale", false, performance_sale}, {"capacity", true, performance_capacity},
};

/* Products. */

static enum enc_code
product_code(struct reader *r, const struct jtok *v, void *record)
{
    struct decoder *d = decoder_of(r);
    struct enc_product *p = record;

    return decode_own_code(d, v, CODE_PRODUCT, (uint32_t)(p - d->cat->products),
                           &p->code);
}

static enum enc_code
product_kind(struct reader *r, const struct jtok *v, void *record)
{
    int k;
    enum enc_code rc =
        read_parsed(r, v, kind_parse,
                    "a product kind (event, pass_dated, pass_timed, pass_open, "
                    "subscription, service, merchandise, package)",
                    &k);

    if (rc == ENC_OK)
        ((struct enc_product *)record)->kind = (enum enc_kind)k;
    return rc;
}

static enum enc_code
product_name(struct reader *r, const struct jtok *v, void *record)
{
    return decode_text(decoder_of(r), v, &((struct enc_product *)record)->name);
}

static enum enc_code
product_description(struct reader *r, const struct jtok *v, void *record)
{
    return decode_text(decoder_of(r), v,
                       &((struct enc_product *)record)->description);
}

static enum enc_code
product_activity(struct reader *r, const struct jtok *v, void *record)
{
    return decode_ref(decoder_of(r), v, CODE_ACTIVITY,
                      &((struct enc_product *)record)->activity);
}

static enum enc_code
product_themes(struct reader *r, const struct jtok *v, void *record)
{
    struct enc_product *p = record;
    return decode_refs(decoder_of(r), v, CODE_THEME, &p->n_themes, &p->themes);
}

static enum enc_code
product_cycle(struct reader *r, const struct jtok *v, void *record)
{
    return read_label(r, v, &((struct enc_product *)record)->cycle);
}

static enum enc_code
product_season(struct reader *r, const struct jtok *v, void *record)
{
    return read_label(r, v, &((struct enc_product *)record)->season);
}

static enum enc_code
product_venue(struct reader *r, const struct jtok *v, void *record)
{
    return read_label(r, v, &((struct enc_product *)record)->venue);
}

static enum enc_code
product_channels(struct reader *r, const struct jtok *v, void *record)
{
    struct enc_product *p = record;
    return decode_refs(decoder_of(r), v, CODE_CHANNEL, &p->n_channels,
                       &p->channels);
}

static enum enc_code
product_sale(struct reader *r, const struct jtok *v, void *record)
{
    struct enc_product *p = record;

    p->has_sale = true;
    return decode_window(decoder_of(r), v, &p->sale);
}

static enum enc_code
product_status(struct reader *r, const struct jtok *v, void *record)
{
    static const char *const names[] = {"on_sale", "archived"};
    struct enc_product *p = record;
    int s;
    enum enc_code rc =
        read_choice(r, v, names, 2, "a product status (on_sale, archived)", &s);

    p->has_status = true;
    p->archived = s == 1;
    return rc;
}

static enum enc_code
product_stock(struct reader *r, const struct jtok *v, void *record)
{
    struct enc_product *p = record;

    p->has_stock = true;
    return read_int(r, v, 0, READ_MAX_AMOUNT, &p->stock);
}

static enum enc_code
product_max_per_order(struct reader *r, const struct jtok *v, void *record)
{
    return read_uint32(r, v, 1, ENC_MAX_QUANTITY,
                       &((struct enc_product *)record)->max_per_order);
}

static enum enc_code
product_components(struct reader *r, const struct jtok *v, void *record)
{
    struct enc_product *p = record;
    size_t n;
    enum enc_code rc = read_array(r, v, 1, UINT32_MAX, &n);

    if (rc != ENC_OK)
        return rc;
    p->components = arena_alloc(r->arena, n * sizeof *p->components);
    if (!p->components)
        return reader_oom(r);
    p->n_components = (uint32_t)n;
    for (size_t j = 0; j < n; j++) {
        size_t mark = reader_push_index(r, j);
        p->components[j].quantity = 1;
        rc = read_object(r, jv_array_get(v, j), component_fields, 2,
                         &p->components[j]);
        if (rc != ENC_OK)
            return rc;
        reader_pop(r, mark);
    }
    return ENC_OK;
}

static enum enc_code
product_prices(struct reader *r, const struct jtok *v, void *record)
{
    struct enc_product *p = record;
    size_t n;
    enum enc_code rc = read_array(r, v, 0, UINT32_MAX, &n);

    if (rc != ENC_OK)
        return rc;
    p->prices = n ? arena_alloc(r->arena, n * sizeof *p->prices) : NULL;
    if (n && !p->prices)
        return reader_oom(r);
    p->n_prices = (uint32_t)n;
    for (size_t j = 0; j < n; j++) {
        size_t mark = reader_push_index(r, j);
        p->prices[j].seat_category = ENC_NONE;
        p->prices[j].audience = ENC_NONE;
        rc = read_object(r, jv_array_get(v, j), price_fields, 3, &p->prices[j]);
        if (rc != ENC_OK)
            return rc;
        reader_pop(r, mark);
    }
    return ENC_OK;
}

/* Its performances go to the slots pass A gave them. */
static enum enc_code
product_performances(struct reader *r, const struct jtok *v, void *record)
{
    struct decoder *d = decoder_of(r);
    struct enc_product *p = record;
    size_t n;
    enum enc_code rc = read_array(r, v, 0, UINT32_MAX, &n);

    for (size_t j = 0; rc == ENC_OK && j < n; j++) {
        struct enc_performance *perf = &d->cat->performances[p->perf_first + j];
        size_t mark = reader_push_index(r, j);

        perf->product = (int32_t)(p - d->cat->products);
        rc = read_object(r, jv_array_get(v, j), performance_fields, 6, perf);
        if (rc == ENC_OK)
            reader_pop(r, mark);
    }
    return rc;
}

static const struct field product_fields[] = {
    {"code", true, product_code},
    {"kind", true, product_kind},
    {"name", true, product_name},
    {"description", false, product_description},
    {"activity", false, product_activity},
    {"themes", false, product_themes},
    {"cycle", false, product_cycle},
    {"season", false, product_season},
    {"venue", false, product_venue},
    {"channels", false, product_channels},
    {"sale", false, product_sale},
    {"status", false, product_status},
    {"stock", false, product_stock},
    {"max_per_order", false, product_max_per_order},
    {"components", false, product_components},
    {"prices", true, product_prices},
    {"performances", false, product_performances},
};

/* What one field cannot say alone: components are a package's (and a
 * package has them), a stock is an undated product's (SPEC 7). */
static enum enc_code
product_check_shape(struct decoder *d, const struct enc_product *p)
{
    if (p->kind == KIND_PACKAGE && p->n_components == 0) {
        reader_push_key(&d->r, "components");
        return reader_fail(
            &d->r, ENC_INVALID_FIELD,
            "missing field: a package lists the products it contains");
    }
    if (p->kind != KIND_PACKAGE && p->n_components > 0) {
        reader_push_key(&d->r, "components");
        return reader_fail(&d->r, ENC_INVALID_FIELD,
                           "only a package has components");
    }
    if (p->has_stock && p->n_performances > 0) {
        reader_push_key(&d->r, "stock");
        return reader_fail(
            &d->r, ENC_INVALID_FIELD,
            "a stock is for an undated product; a dated one has the "
            "capacity of its performances");
    }
    return ENC_OK;
}

enum enc_code
decode_product(struct decoder *d, const struct jtok *v, uint32_t index)
{
    struct enc_product *p = &d->cat->products[index];
    enum enc_code rc;

    p->activity = ENC_NONE;
    d->product = index;
    rc = read_object(&d->r, v, product_fields,
                     sizeof product_fields / sizeof product_fields[0], p);
    return rc == ENC_OK ? product_check_shape(d, p) : rc;
}
