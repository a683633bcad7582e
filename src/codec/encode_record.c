/*
 * encode_record.c - the compact body of one record as the store keeps it
 * (codec_record_encode(), codec_line_encode()), written straight into a
 * buffer: an import writes one per product, performance and line, 300,000
 * on the large catalogue, and a jansson tree per record cost a second.
 *
 * The bytes are those jansson's JSON_COMPACT dump of the trees of
 * encode_catalogue.c gives (test_codec_record.c holds them to that):
 * keys in the order of SPEC 7, optional ones only when set, strings
 * escaped as jansson does (\" \\ \b \f \n \r \t, other controls \u00XX
 * in capitals, the rest as it is).
 */
#include <stdio.h>
#include <string.h>

#include "codec.h"
#include "strbuf.h"

/* A record stays far below this (a product with 1,000 price rows). */
#define RECORD_MAX (16u << 20)

/* s as a JSON string, escaped as jansson's dump does. */
static void
put_string(struct strbuf *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    const char *run = s;

    strbuf_putc(b, '"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        char esc[6] = {'\\', 'u', '0', '0', 0, 0};
        const char *shortcut = NULL;

        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        strbuf_put(b, run, (size_t)(s - run));
        run = s + 1;
        switch (c) {
        case '"':
            shortcut = "\\\"";
            break;
        case '\\':
            shortcut = "\\\\";
            break;
        case '\b':
            shortcut = "\\b";
            break;
        case '\f':
            shortcut = "\\f";
            break;
        case '\n':
            shortcut = "\\n";
            break;
        case '\r':
            shortcut = "\\r";
            break;
        case '\t':
            shortcut = "\\t";
            break;
        default:
            break;
        }
        if (shortcut != NULL) {
            strbuf_put(b, shortcut, 2);
            continue;
        }
        esc[4] = hex[c >> 4];
        esc[5] = hex[c & 0xf];
        strbuf_put(b, esc, 6);
    }
    strbuf_put(b, run, (size_t)(s - run));
    strbuf_putc(b, '"');
}

/* ,"key": (first: without the comma). */
static void
put_key(struct strbuf *b, const char *key, bool *first)
{
    if (!*first)
        strbuf_putc(b, ',');
    *first = false;
    put_string(b, key);
    strbuf_putc(b, ':');
}

static void
put_string_field(struct strbuf *b, const char *key, const char *value,
                 bool *first)
{
    put_key(b, key, first);
    put_string(b, value);
}

static void
put_int_field(struct strbuf *b, const char *key, int64_t value, bool *first)
{
    put_key(b, key, first);
    strbuf_put_int(b, value);
}

/* "key":[codes...] */
static void
put_codes(struct strbuf *b, const struct enc_catalogue *cat, const char *key,
          enum enc_code_kind kind, uint32_t n, const int32_t *indexes,
          bool *first)
{
    put_key(b, key, first);
    strbuf_putc(b, '[');
    for (uint32_t i = 0; i < n; i++) {
        if (i)
            strbuf_putc(b, ',');
        put_string(b, catalogue_code(cat, kind, (uint32_t)indexes[i]));
    }
    strbuf_putc(b, ']');
}

/* A bare string when read as one, else {"lang":"value",...}; even
 * without an item (a required name). */
static void
put_text_always(struct strbuf *b, const char *key, const struct enc_text *t,
                bool *first)
{
    bool inner = true;

    put_key(b, key, first);
    if (t->plain) {
        put_string(b, t->items[0].value);
        return;
    }
    strbuf_putc(b, '{');
    for (uint32_t i = 0; i < t->n; i++)
        put_string_field(b, t->items[i].lang, t->items[i].value, &inner);
    strbuf_putc(b, '}');
}

/* An optional text: left out without an item. */
static void
put_text(struct strbuf *b, const char *key, const struct enc_text *t,
         bool *first)
{
    if (t->n > 0)
        put_text_always(b, key, t, first);
}

static void
put_time_field(struct strbuf *b, const char *key, struct enc_time t,
               bool *first)
{
    char buf[TIME_RFC3339_MAX];

    time_format_rfc3339(t, buf);
    put_string_field(b, key, buf, first);
}

/* A bound: a date alone as it was written, else its instant. */
static void
put_bound(struct strbuf *b, const char *key, const struct enc_bound *bound,
          bool *first)
{
    char buf[16];

    if (!bound->date_only) {
        put_time_field(b, key, bound->at, first);
        return;
    }
    time_format_date(bound->day, buf);
    put_string_field(b, key, buf, first);
}

static void
put_window(struct strbuf *b, const char *key, const struct enc_window *w,
           bool *first)
{
    bool inner = true;

    put_key(b, key, first);
    strbuf_putc(b, '{');
    if (w->from.set)
        put_bound(b, "from", &w->from, &inner);
    if (w->to.set)
        put_bound(b, "to", &w->to, &inner);
    strbuf_putc(b, '}');
}

/* ---- The records ---- */

static void
put_institution(struct strbuf *b, const struct enc_catalogue *cat)
{
    const struct enc_institution *in = &cat->institution;
    bool first = true;

    strbuf_putc(b, '{');
    put_string_field(b, "code", in->code, &first);
    put_text(b, "name", &in->name, &first);
    put_string_field(b, "timezone", in->timezone, &first);
    put_string_field(b, "currency", in->currency, &first);
    put_key(b, "languages", &first);
    strbuf_putc(b, '[');
    for (uint32_t i = 0; i < in->n_languages; i++) {
        if (i)
            strbuf_putc(b, ',');
        put_string(b, in->languages[i]);
    }
    strbuf_puts(b, "]}");
}

static void
put_channel(struct strbuf *b, const struct enc_channel *c)
{
    bool first = true;

    strbuf_putc(b, '{');
    put_string_field(b, "code", c->code, &first);
    put_text(b, "name", &c->name, &first);
    put_string_field(b, "type", channel_type_name(c->type), &first);
    strbuf_putc(b, '}');
}

static void
put_seat_category(struct strbuf *b, const struct enc_seat_category *s)
{
    bool first = true;

    strbuf_putc(b, '{');
    put_string_field(b, "code", s->code, &first);
    put_text(b, "name", &s->name, &first);
    if (s->has_rank)
        put_int_field(b, "rank", s->rank, &first);
    strbuf_putc(b, '}');
}

/* Audiences, activities, themes (with their parent). */
static void
put_named(struct strbuf *b, const struct enc_catalogue *cat,
          const struct enc_named *n)
{
    bool first = true;

    strbuf_putc(b, '{');
    put_string_field(b, "code", n->code, &first);
    put_text(b, "name", &n->name, &first);
    if (n->parent >= 0)
        put_string_field(b, "parent",
                         catalogue_code(cat, CODE_THEME, (uint32_t)n->parent),
                         &first);
    strbuf_putc(b, '}');
}

/* A performance without its capacity (the store keeps pools apart). */
static void
put_performance(struct strbuf *b, const struct enc_performance *p)
{
    bool first = true;

    strbuf_putc(b, '{');
    put_string_field(b, "code", p->code, &first);
    put_time_field(b, "start", p->start, &first);
    if (p->has_end)
        put_time_field(b, "end", p->end, &first);
    if (p->venue)
        put_string_field(b, "venue", p->venue, &first);
    if (p->has_sale)
        put_window(b, "sale", &p->sale, &first);
    strbuf_putc(b, '}');
}

/* What a product says of itself, after its code, kind and name. */
static void
put_product_optional(struct strbuf *b, const struct enc_catalogue *cat,
                     const struct enc_product *p, bool *first)
{
    put_text(b, "description", &p->description, first);
    if (p->activity >= 0)
        put_string_field(
            b, "activity",
            catalogue_code(cat, CODE_ACTIVITY, (uint32_t)p->activity), first);
    if (p->n_themes > 0)
        put_codes(b, cat, "themes", CODE_THEME, p->n_themes, p->themes, first);
    if (p->cycle)
        put_string_field(b, "cycle", p->cycle, first);
    if (p->season)
        put_string_field(b, "season", p->season, first);
    if (p->venue)
        put_string_field(b, "venue", p->venue, first);
    if (p->n_channels > 0)
        put_codes(b, cat, "channels", CODE_CHANNEL, p->n_channels, p->channels,
                  first);
    if (p->has_sale)
        put_window(b, "sale", &p->sale, first);
    if (p->has_status)
        put_string_field(b, "status", p->archived ? "archived" : "on_sale",
                         first);
    if (p->has_stock)
        put_int_field(b, "stock", p->stock, first);
    if (p->max_per_order > 0)
        put_int_field(b, "max_per_order", p->max_per_order, first);
}

static void
put_price(struct strbuf *b, const struct enc_catalogue *cat,
          const struct enc_price *p)
{
    bool first = true;

    strbuf_putc(b, '{');
    if (p->seat_category >= 0)
        put_string_field(
            b, "seat_category",
            catalogue_code(cat, CODE_SEAT_CATEGORY, (uint32_t)p->seat_category),
            &first);
    if (p->audience >= 0)
        put_string_field(
            b, "audience",
            catalogue_code(cat, CODE_AUDIENCE, (uint32_t)p->audience), &first);
    put_int_field(b, "amount", p->amount, &first);
    strbuf_putc(b, '}');
}

/* A product without its performances (the store keeps them apart). */
static void
put_product(struct strbuf *b, const struct enc_catalogue *cat,
            const struct enc_product *p)
{
    bool first = true;

    strbuf_putc(b, '{');
    put_string_field(b, "code", p->code, &first);
    put_string_field(b, "kind", kind_name(p->kind), &first);
    put_text_always(b, "name", &p->name, &first);
    put_product_optional(b, cat, p, &first);
    if (p->n_components > 0) {
        put_key(b, "components", &first);
        strbuf_putc(b, '[');
        for (uint32_t i = 0; i < p->n_components; i++) {
            bool inner = true;
            strbuf_puts(b, i ? ",{" : "{");
            put_string_field(b, "product",
                             catalogue_code(cat, CODE_PRODUCT,
                                            (uint32_t)p->components[i].product),
                             &inner);
            put_int_field(b, "quantity", p->components[i].quantity, &inner);
            strbuf_putc(b, '}');
        }
        strbuf_putc(b, ']');
    }
    put_key(b, "prices", &first);
    strbuf_putc(b, '[');
    for (uint32_t i = 0; i < p->n_prices; i++) {
        if (i)
            strbuf_putc(b, ',');
        put_price(b, cat, &p->prices[i]);
    }
    strbuf_puts(b, "]}");
}

static void
put_quantity(struct strbuf *b, const struct enc_quantity *q, bool *first)
{
    static const char *const modes[] = {"", "proportional", "fixed", "choice"};
    bool inner = true;

    put_key(b, "quantity", first);
    strbuf_putc(b, '{');
    put_string_field(b, "mode", modes[q->mode], &inner);
    if (q->has_per)
        put_int_field(b, "per", q->per, &inner);
    if (q->has_value)
        put_int_field(b, "value", q->value, &inner);
    if (q->has_min)
        put_int_field(b, "min", q->min, &inner);
    if (q->has_max)
        put_int_field(b, "max", q->max, &inner);
    strbuf_putc(b, '}');
}

static void
put_target(struct strbuf *b, const struct enc_catalogue *cat,
           const struct enc_target *t)
{
    bool first = true;

    strbuf_putc(b, '{');
    put_string_field(b, "product",
                     catalogue_code(cat, CODE_PRODUCT, (uint32_t)t->product),
                     &first);
    if (t->date != DATE_DEFAULT)
        put_string_field(
            b, "date", t->date == DATE_SAME_AS_BASE ? "same_as_base" : "choice",
            &first);
    if (t->quantity.mode != QTY_DEFAULT)
        put_quantity(b, &t->quantity, &first);
    if (t->n_seat_categories > 0)
        put_codes(b, cat, "seat_categories", CODE_SEAT_CATEGORY,
                  t->n_seat_categories, t->seat_categories, &first);
    if (t->n_audiences > 0)
        put_codes(b, cat, "audiences", CODE_AUDIENCE, t->n_audiences,
                  t->audiences, &first);
    strbuf_putc(b, '}');
}

static void
put_when(struct strbuf *b, const struct enc_catalogue *cat,
         const struct enc_when *w, bool *first)
{
    bool inner = true;

    put_key(b, "when", first);
    strbuf_putc(b, '{');
    if (w->has_min_quantity)
        put_int_field(b, "min_quantity", w->min_quantity, &inner);
    if (w->n_performances > 0)
        put_codes(b, cat, "performances", CODE_PERFORMANCE, w->n_performances,
                  w->performances, &inner);
    if (w->n_seat_categories > 0)
        put_codes(b, cat, "seat_categories", CODE_SEAT_CATEGORY,
                  w->n_seat_categories, w->seat_categories, &inner);
    strbuf_putc(b, '}');
}

static void
put_line(struct strbuf *b, const struct enc_catalogue *cat,
         const struct enc_line *l)
{
    bool first = true;

    strbuf_putc(b, '{');
    put_string_field(b, "id", l->id, &first);
    put_string_field(b, "type", line_type_name(l->type), &first);
    put_string_field(b, "base",
                     catalogue_code(cat, CODE_PRODUCT, (uint32_t)l->base),
                     &first);
    if (l->when.present)
        put_when(b, cat, &l->when, &first);
    put_key(b, "targets", &first);
    strbuf_putc(b, '[');
    for (uint32_t i = 0; i < l->n_targets; i++) {
        if (i)
            strbuf_putc(b, ',');
        put_target(b, cat, &l->targets[i]);
    }
    strbuf_putc(b, ']');
    if (l->valid_from.set)
        put_bound(b, "valid_from", &l->valid_from, &first);
    if (l->valid_to.set)
        put_bound(b, "valid_to", &l->valid_to, &first);
    put_text(b, "text", &l->text, &first);
    strbuf_putc(b, '}');
}

/* A profile without its lines (the store keeps them apart). */
static void
put_profile(struct strbuf *b, const struct enc_catalogue *cat,
            const struct enc_profile *p)
{
    bool first = true, any_limit = false;

    for (int k = 0; k < PLACEMENT_COUNT; k++)
        any_limit = any_limit || p->has_limit[k];
    strbuf_putc(b, '{');
    put_string_field(b, "code", p->code, &first);
    put_text(b, "name", &p->name, &first);
    put_string_field(b, "status",
                     p->status == PROFILE_ACTIVE ? "active" : "draft", &first);
    put_codes(b, cat, "channels", CODE_CHANNEL, p->n_channels, p->channels,
              &first);
    if (any_limit) {
        bool inner = true;
        put_key(b, "limits", &first);
        strbuf_putc(b, '{');
        for (int k = 0; k < PLACEMENT_COUNT; k++)
            if (p->has_limit[k])
                put_int_field(b, placement_name((enum enc_placement)k),
                              p->limit[k], &inner);
        strbuf_putc(b, '}');
    }
    strbuf_putc(b, '}');
}

char *
codec_record_encode(const struct enc_catalogue *cat, enum enc_code_kind kind,
                    uint32_t index, size_t *len)
{
    struct strbuf b;

    strbuf_init(&b, RECORD_MAX);
    switch (kind) {
    case CODE_CHANNEL:
        put_channel(&b, &cat->channels[index]);
        break;
    case CODE_SEAT_CATEGORY:
        put_seat_category(&b, &cat->seat_categories[index]);
        break;
    case CODE_AUDIENCE:
        put_named(&b, cat, &cat->audiences[index]);
        break;
    case CODE_ACTIVITY:
        put_named(&b, cat, &cat->activities[index]);
        break;
    case CODE_THEME:
        put_named(&b, cat, &cat->themes[index]);
        break;
    case CODE_PRODUCT:
        put_product(&b, cat, &cat->products[index]);
        break;
    case CODE_PERFORMANCE:
        put_performance(&b, &cat->performances[index]);
        break;
    case CODE_PROFILE:
        put_profile(&b, cat, &cat->profiles[index]);
        break;
    case CODE_KIND_COUNT:
        put_institution(&b, cat);
        break;
    }
    return strbuf_finish(&b, len);
}

char *
codec_line_encode(const struct enc_catalogue *cat, uint32_t profile,
                  uint32_t line, size_t *len)
{
    struct strbuf b;

    strbuf_init(&b, RECORD_MAX);
    put_line(&b, cat, &cat->profiles[profile].lines[line]);
    return strbuf_finish(&b, len);
}
