/*
 * admin_shop.c - the JSON of the shop API and of orders (issue 3): the
 * products on sale on a channel (R5) with their open performances (R6)
 * and what is left (R7), the order body read as a confirmation-stage
 * request, an order written back, the admin preview's answer, and the
 * availability pushed by the ticketing system.
 */
#include <stdlib.h>
#include <string.h>

#include "../core/avail.h"
#include "codec.h"
#include "parse.h"
#include "strbuf.h"

#define SHOP_MAX CODEC_MAX_DOCUMENT

/* True when now lies in [from, to] (an unset bound is open): R5, R6. */
static bool
window_holds(const struct enc_window *w, struct enc_time now)
{
    if (w->from.set && now.utc < w->from.at.utc)
        return false;
    if (w->to.set && now.utc > w->to.at.utc)
        return false;
    return true;
}

bool
codec_product_on_sale(const struct enc_catalogue *cat, uint32_t p, int32_t c,
                      struct enc_time now)
{
    if (p >= cat->n_products)
        return false;
    const struct enc_product *prod = &cat->products[p];
    if (prod->archived)
        return false;
    bool on_channel = prod->n_channels == 0;
    for (uint32_t i = 0; i < prod->n_channels && !on_channel; i++)
        on_channel = prod->channels[i] == c;
    return on_channel && (!prod->has_sale || window_holds(&prod->sale, now));
}

bool
codec_performance_open(const struct enc_catalogue *cat, uint32_t f,
                       struct enc_time now)
{
    const struct enc_performance *perf = &cat->performances[f];
    if (perf->start.utc <= now.utc)
        return false;
    return !perf->has_sale || window_holds(&perf->sale, now);
}

/* ---- the shop's products ---- */

static void
put_time(struct strbuf *b, struct enc_time t)
{
    char text[TIME_RFC3339_MAX];
    size_t n = time_format_rfc3339(t, text);
    strbuf_putc(b, '"');
    strbuf_put(b, text, n);
    strbuf_putc(b, '"');
}

/* Appends ,"key":"value" when value is not NULL. */
static void
put_opt(struct strbuf *b, const char *key, const char *value)
{
    if (value == NULL)
        return;
    strbuf_putc(b, ',');
    strbuf_put_json(b, key);
    strbuf_putc(b, ':');
    strbuf_put_json(b, value);
}

/* What is left in pool id: the live counter, else the catalogue's. */
static int64_t
left_of(const struct enc_avail *avail, uint32_t id, int64_t stored)
{
    return avail ? avail_left(avail, id) : stored;
}

/* Appends an open performance with its pools and "available" (R7: the
 * largest pool). */
static void
put_shop_performance(struct strbuf *b, const struct enc_catalogue *cat,
                     const struct enc_avail *avail, uint32_t f)
{
    const struct enc_performance *perf = &cat->performances[f];
    strbuf_puts(b, "{\"code\":");
    strbuf_put_json(b, perf->code);
    strbuf_puts(b, ",\"start\":");
    put_time(b, perf->start);
    if (perf->has_end) {
        strbuf_puts(b, ",\"end\":");
        put_time(b, perf->end);
    }
    put_opt(b, "venue", perf->venue);
    int64_t best = -1;
    for (uint32_t k = 0; k < perf->n_pools; k++) {
        int64_t left =
            left_of(avail, perf->pool_first + k, perf->pools[k].left);
        best = left > best ? left : best;
    }
    if (best >= 0) {
        strbuf_puts(b, ",\"available\":");
        strbuf_put_int(b, best);
    }
    strbuf_puts(b, ",\"pools\":{");
    for (uint32_t k = 0; k < perf->n_pools; k++) {
        int32_t sc = perf->pools[k].seat_category;
        if (k > 0)
            strbuf_putc(b, ',');
        strbuf_put_json(b, sc < 0 ? "*" : cat->seat_categories[sc].code);
        strbuf_putc(b, ':');
        strbuf_put_int(
            b, left_of(avail, perf->pool_first + k, perf->pools[k].left));
    }
    strbuf_puts(b, "}}");
}

static void
put_prices(struct strbuf *b, const struct enc_catalogue *cat,
           const struct enc_product *prod)
{
    strbuf_puts(b, ",\"prices\":[");
    for (uint32_t i = 0; i < prod->n_prices; i++) {
        const struct enc_price *row = &prod->prices[i];
        strbuf_puts(b, i > 0 ? ",{" : "{");
        if (row->seat_category >= 0) {
            strbuf_puts(b, "\"seat_category\":");
            strbuf_put_json(b, cat->seat_categories[row->seat_category].code);
            strbuf_putc(b, ',');
        }
        if (row->audience >= 0) {
            strbuf_puts(b, "\"audience\":");
            strbuf_put_json(b, cat->audiences[row->audience].code);
            strbuf_putc(b, ',');
        }
        strbuf_puts(b, "\"amount\":");
        strbuf_put_int(b, row->amount);
        strbuf_putc(b, '}');
    }
    strbuf_putc(b, ']');
}

/* Appends the open performances of a dated product, earliest first. */
static void
put_shop_performances(struct strbuf *b, const struct enc_catalogue *cat,
                      const struct enc_avail *avail,
                      const struct enc_product *prod, struct enc_time now)
{
    strbuf_puts(b, ",\"performances\":[");
    bool first = true;
    for (uint32_t j = 0; j < prod->n_performances; j++) {
        uint32_t f = prod->perf_by_start[j];
        if (!codec_performance_open(cat, f, now))
            continue;
        if (!first)
            strbuf_putc(b, ',');
        first = false;
        put_shop_performance(b, cat, avail, f);
    }
    strbuf_putc(b, ']');
}

static void
put_shop_product(struct strbuf *b, const struct enc_catalogue *cat,
                 const struct enc_avail *avail,
                 const struct codec_shop_query *q, uint32_t p)
{
    const struct enc_product *prod = &cat->products[p];
    const char *name = catalogue_text(cat, &prod->name, q->lang);
    strbuf_puts(b, "{\"code\":");
    strbuf_put_json(b, prod->code);
    put_opt(b, "kind", kind_name(prod->kind));
    put_opt(b, "name", name ? name : prod->code);
    put_opt(b, "description", catalogue_text(cat, &prod->description, q->lang));
    if (prod->activity >= 0)
        put_opt(b, "activity", cat->activities[prod->activity].code);
    put_opt(b, "cycle", prod->cycle);
    put_opt(b, "season", prod->season);
    put_opt(b, "venue", prod->venue);
    if (prod->max_per_order > 0) {
        strbuf_puts(b, ",\"max_per_order\":");
        strbuf_put_int(b, prod->max_per_order);
    }
    if (prod->n_components > 0) {
        strbuf_puts(b, ",\"components\":[");
        for (uint32_t i = 0; i < prod->n_components; i++) {
            strbuf_puts(b, i > 0 ? ",{\"product\":" : "{\"product\":");
            strbuf_put_json(b, cat->products[prod->components[i].product].code);
            strbuf_puts(b, ",\"quantity\":");
            strbuf_put_int(b, prod->components[i].quantity);
            strbuf_putc(b, '}');
        }
        strbuf_putc(b, ']');
    }
    put_prices(b, cat, prod);
    if (prod->n_performances > 0)
        put_shop_performances(b, cat, avail, prod, q->now);
    int32_t stock = avail_stock_id(cat, (int32_t)p);
    if (stock >= 0) {
        strbuf_puts(b, ",\"available\":");
        strbuf_put_int(b, left_of(avail, (uint32_t)stock, prod->stock));
    }
    strbuf_putc(b, '}');
}

/* Appends "key":[{"code","name"[,"rank"]}] of seat categories or
 * audiences. */
static void
put_named_list(struct strbuf *b, const struct enc_catalogue *cat,
               bool seat_categories, const char *lang)
{
    uint32_t n = seat_categories ? cat->n_seat_categories : cat->n_audiences;
    strbuf_puts(b, seat_categories ? ",\"seat_categories\":["
                                   : ",\"audiences\":[");
    for (uint32_t i = 0; i < n; i++) {
        const char *code = seat_categories ? cat->seat_categories[i].code
                                           : cat->audiences[i].code;
        const struct enc_text *name = seat_categories
                                          ? &cat->seat_categories[i].name
                                          : &cat->audiences[i].name;
        const char *text = catalogue_text(cat, name, lang);
        strbuf_puts(b, i > 0 ? ",{\"code\":" : "{\"code\":");
        strbuf_put_json(b, code);
        strbuf_puts(b, ",\"name\":");
        strbuf_put_json(b, text ? text : code);
        if (seat_categories && cat->seat_categories[i].has_rank) {
            strbuf_puts(b, ",\"rank\":");
            strbuf_put_int(b, cat->seat_categories[i].rank);
        }
        strbuf_putc(b, '}');
    }
    strbuf_putc(b, ']');
}

/* The fields every shop answer starts with. */
static void
put_shop_head(struct strbuf *b, const struct enc_catalogue *cat,
              const struct codec_shop_query *q)
{
    const struct enc_institution *inst = &cat->institution;
    const char *lang = q->lang ? q->lang : inst->languages[0];
    const char *name = catalogue_text(cat, &inst->name, q->lang);
    strbuf_puts(b, "{\"channel\":");
    strbuf_put_json(b, cat->channels[q->channel].code);
    put_opt(b, "lang", lang);
    strbuf_puts(b, ",\"now\":");
    put_time(b, q->now);
    put_opt(b, "currency", inst->currency);
    strbuf_puts(b, ",\"institution\":{\"code\":");
    strbuf_put_json(b, inst->code);
    put_opt(b, "name", name ? name : inst->code);
    strbuf_puts(b, ",\"languages\":[");
    for (uint32_t i = 0; i < inst->n_languages; i++) {
        if (i > 0)
            strbuf_putc(b, ',');
        strbuf_put_json(b, inst->languages[i]);
    }
    strbuf_puts(b, "]}");
    put_named_list(b, cat, true, q->lang);
    put_named_list(b, cat, false, q->lang);
}

char *
codec_shop_encode(const struct enc_catalogue *cat,
                  const struct enc_avail *avail,
                  const struct codec_shop_query *q, size_t *len)
{
    struct strbuf b;
    strbuf_init(&b, SHOP_MAX);
    put_shop_head(&b, cat, q);
    if (q->product >= 0) {
        strbuf_puts(&b, ",\"product\":");
        put_shop_product(&b, cat, avail, q, (uint32_t)q->product);
        strbuf_putc(&b, '}');
        return strbuf_finish(&b, len);
    }

    /* Two passes: the products on sale, counted, then those of the page. */
    uint32_t total = 0;
    for (uint32_t p = 0; p < cat->n_products; p++)
        total += codec_product_on_sale(cat, p, q->channel, q->now);
    strbuf_puts(&b, ",\"total\":");
    strbuf_put_int(&b, total);
    strbuf_puts(&b, ",\"products\":[");
    uint32_t seen = 0;
    uint32_t written = 0;
    for (uint32_t p = 0; p < cat->n_products && written < q->limit; p++) {
        if (!codec_product_on_sale(cat, p, q->channel, q->now))
            continue;
        if (seen++ < q->offset)
            continue;
        if (written++ > 0)
            strbuf_putc(&b, ',');
        put_shop_product(&b, cat, avail, q, p);
    }
    strbuf_puts(&b, "]}");
    return strbuf_finish(&b, len);
}

/* ---- orders ---- */

/* The keys of an order body besides "cart". */
static const char *const order_keys[] = {"channel", "lang", "now", "cart"};

enum enc_code
codec_order_request(const char *body, size_t len, char **request,
                    size_t *request_len, struct enc_error *err)
{
    json_t *root = NULL;
    *request = NULL;
    enum enc_code result =
        parse_object(body, len, CODEC_MAX_BODY, "the order", &root, err);
    if (result != ENC_OK)
        return result;
    const char *key = NULL;
    json_t *v = NULL;
    json_object_foreach(root, key, v)
    {
        bool known = false;
        for (size_t i = 0; i < sizeof(order_keys) / sizeof(*order_keys); i++)
            known = known || strcmp(key, order_keys[i]) == 0;
        if (!known) {
            result = enc_error_set(err, ENC_INVALID_FIELD, key,
                                   "unknown field %s", key);
            break;
        }
    }
    json_t *cart = json_object_get(root, "cart");
    if (result == ENC_OK && json_is_array(cart) && json_array_size(cart) == 0)
        result = enc_error_set(err, ENC_INVALID_FIELD, "cart",
                               "an order holds one item at least");
    bool empty = json_object_size(root) == 0;
    json_decref(root);
    if (result != ENC_OK)
        return result;

    /* The body's own bytes after its '{', so fields keep their names. */
    const char *open = memchr(body, '{', len);
    struct strbuf b;
    strbuf_init(&b, CODEC_MAX_BODY + 64);
    strbuf_puts(&b, empty ? "{\"stage\":\"confirmation\""
                          : "{\"stage\":\"confirmation\",");
    strbuf_put(&b, open + 1, len - (size_t)(open + 1 - body));
    *request = strbuf_finish(&b, request_len);
    if (*request == NULL)
        return enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    return ENC_OK;
}

static void
put_order_item(struct strbuf *b, const struct codec_order_item *it)
{
    strbuf_puts(b, "{\"product\":");
    strbuf_put_json(b, it->product);
    put_opt(b, "performance", it->performance);
    put_opt(b, "seat_category", it->seat_category);
    put_opt(b, "audience", it->audience);
    strbuf_puts(b, ",\"quantity\":");
    strbuf_put_int(b, it->quantity);
    strbuf_puts(b, ",\"unit_amount\":");
    strbuf_put_int(b, it->unit_amount);
    strbuf_puts(b, ",\"amount\":");
    strbuf_put_int(b, it->quantity * it->unit_amount);
    strbuf_putc(b, '}');
}

char *
codec_order_encode(const struct codec_order *o, const char *proposals,
                   size_t proposals_len, size_t *len)
{
    struct strbuf b;
    strbuf_init(&b, SHOP_MAX);
    strbuf_puts(&b, "{\"order\":{\"id\":");
    strbuf_put_int(&b, o->id);
    put_opt(&b, "status", o->status);
    put_opt(&b, "channel", o->channel);
    strbuf_puts(&b, ",\"created\":");
    put_time(&b, (struct enc_time){o->created, 0});
    if (o->cancelled != 0) {
        strbuf_puts(&b, ",\"cancelled\":");
        put_time(&b, (struct enc_time){o->cancelled, 0});
    }
    strbuf_puts(&b, ",\"items\":[");
    for (uint32_t i = 0; i < o->n_items; i++) {
        if (i > 0)
            strbuf_putc(&b, ',');
        put_order_item(&b, &o->items[i]);
    }
    strbuf_puts(&b, "],\"total\":");
    strbuf_put_int(&b, o->total);
    put_opt(&b, "currency", o->currency);
    strbuf_putc(&b, '}');
    if (proposals != NULL) {
        strbuf_puts(&b, ",\"proposals\":");
        strbuf_put(&b, proposals, proposals_len);
    }
    strbuf_putc(&b, '}');
    return strbuf_finish(&b, len);
}

char *
codec_preview_encode(const struct enc_catalogue *cat,
                     const struct enc_answer *ans,
                     const struct enc_trace *trace, size_t *len)
{
    size_t alen = 0;
    size_t tlen = 0;
    char *answer = codec_answer_encode(cat, ans, &alen);
    char *traced = codec_trace_encode(cat, trace, &tlen);
    char *text = NULL;
    if (answer != NULL && traced != NULL) {
        struct strbuf b;
        strbuf_init(&b, SHOP_MAX);
        strbuf_puts(&b, "{\"answer\":");
        strbuf_put(&b, answer, alen);
        strbuf_puts(&b, ",\"trace\":");
        strbuf_put(&b, traced, tlen);
        strbuf_putc(&b, '}');
        text = strbuf_finish(&b, len);
    }
    free(traced);
    free(answer);
    return text;
}
