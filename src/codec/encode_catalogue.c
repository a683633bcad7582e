/*
 * encode_catalogue.c - a catalogue to encore-catalogue/1 (SPEC 7), as
 * jansson trees dumped with two-space indents (an export). The compact
 * per-record bodies the store keeps are written by encode_record.c
 * without a tree; the trees here stay their reference (the tests).
 *
 * Keys come in the order of SPEC 7, optional ones only when set. Children
 * come last in their object ("performances" of a product, "capacity" of a
 * performance, "lines" of a profile) so the store can splice them back.
 * Times are written with the offset they were read with, date-only bounds
 * as dates, texts as strings when they were read as strings: decoding an
 * export gives back the same export, byte for byte.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "codec.h"
#include "encode_tree.h"

#define CATALOGUE_FORMAT "encore-catalogue/1"
#define DOCUMENT_FLAGS (JSON_INDENT(2) | JSON_PRESERVE_ORDER)

/*
 * Sets key of obj to value, which it takes in every case (jansson frees a
 * value it could not set, even into a NULL obj). A NULL value (out of
 * memory) or a failed set clears *ok, so a builder checks once at its end.
 */
static void
put(json_t *obj, const char *key, json_t *value, bool *ok)
{
    if (!value || json_object_set_new(obj, key, value) != 0)
        *ok = false;
}

/* Appends value, which it takes, to array; as put(). */
static void
append(json_t *array, json_t *value, bool *ok)
{
    if (!value || json_array_append_new(array, value) != 0)
        *ok = false;
}

/* Returns obj when ok, else frees it and returns NULL. */
static json_t *
finish(json_t *obj, bool ok)
{
    if (ok && obj)
        return obj;
    json_decref(obj);
    return NULL;
}

static json_t *
code_encode(const struct enc_catalogue *cat, enum enc_code_kind kind,
            int32_t index)
{
    return json_string(catalogue_code(cat, kind, (uint32_t)index));
}

static json_t *
codes_encode(const struct enc_catalogue *cat, enum enc_code_kind kind,
             uint32_t n, const int32_t *indexes)
{
    json_t *array = json_array();
    bool ok = array != NULL;

    for (uint32_t i = 0; ok && i < n; i++)
        append(array, code_encode(cat, kind, indexes[i]), &ok);
    return finish(array, ok);
}

/* A bare string when read as one, else language -> string. */
static json_t *
text_encode(const struct enc_text *t)
{
    json_t *obj;
    bool ok = true;

    if (t->plain)
        return json_string(t->items[0].value);
    obj = json_object();
    for (uint32_t i = 0; obj && ok && i < t->n; i++)
        put(obj, t->items[i].lang, json_string(t->items[i].value), &ok);
    return finish(obj, ok);
}

static json_t *
time_encode(struct enc_time t)
{
    char buf[TIME_RFC3339_MAX];
    size_t n = time_format_rfc3339(t, buf);
    return json_stringn(buf, n);
}

static json_t *
bound_encode(const struct enc_bound *b)
{
    char buf[16];

    if (b->date_only)
        return json_stringn(buf, time_format_date(b->day, buf));
    return time_encode(b->at);
}

static json_t *
window_encode(const struct enc_window *w)
{
    json_t *obj = json_object();
    bool ok = obj != NULL;

    if (ok && w->from.set)
        put(obj, "from", bound_encode(&w->from), &ok);
    if (ok && w->to.set)
        put(obj, "to", bound_encode(&w->to), &ok);
    return finish(obj, ok);
}

/* Optional text: put only when it has an item. */
static void
put_text(json_t *obj, const char *key, const struct enc_text *t, bool *ok)
{
    if (*ok && t->n > 0)
        put(obj, key, text_encode(t), ok);
}

static json_t *
institution_encode(const struct enc_catalogue *cat)
{
    const struct enc_institution *in = &cat->institution;
    json_t *obj = json_object(), *langs = json_array();
    bool ok = obj && langs;

    for (uint32_t i = 0; ok && i < in->n_languages; i++)
        append(langs, json_string(in->languages[i]), &ok);
    put(obj, "code", json_string(in->code), &ok);
    put_text(obj, "name", &in->name, &ok);
    put(obj, "timezone", json_string(in->timezone), &ok);
    put(obj, "currency", json_string(in->currency), &ok);
    put(obj, "languages", langs, &ok);
    return finish(obj, ok);
}

static json_t *
channel_encode(const struct enc_catalogue *cat, uint32_t i)
{
    const struct enc_channel *c = &cat->channels[i];
    json_t *obj = json_object();
    bool ok = obj != NULL;

    put(obj, "code", json_string(c->code), &ok);
    put_text(obj, "name", &c->name, &ok);
    put(obj, "type", json_string(channel_type_name(c->type)), &ok);
    return finish(obj, ok);
}

static json_t *
seat_category_encode(const struct enc_catalogue *cat, uint32_t i)
{
    const struct enc_seat_category *s = &cat->seat_categories[i];
    json_t *obj = json_object();
    bool ok = obj != NULL;

    put(obj, "code", json_string(s->code), &ok);
    put_text(obj, "name", &s->name, &ok);
    if (ok && s->has_rank)
        put(obj, "rank", json_integer(s->rank), &ok);
    return finish(obj, ok);
}

/* Audiences, activities, themes (with their parent). */
static json_t *
named_encode(const struct enc_catalogue *cat, const struct enc_named *n)
{
    json_t *obj = json_object();
    bool ok = obj != NULL;

    put(obj, "code", json_string(n->code), &ok);
    put_text(obj, "name", &n->name, &ok);
    if (ok && n->parent >= 0)
        put(obj, "parent", code_encode(cat, CODE_THEME, n->parent), &ok);
    return finish(obj, ok);
}

static json_t *
capacity_encode(const struct enc_catalogue *cat,
                const struct enc_performance *p)
{
    json_t *obj = json_object();
    bool ok = obj != NULL;

    for (uint32_t i = 0; ok && i < p->n_pools; i++) {
        int32_t s = p->pools[i].seat_category;
        put(obj,
            s < 0 ? "*" : catalogue_code(cat, CODE_SEAT_CATEGORY, (uint32_t)s),
            json_integer(p->pools[i].left), &ok);
    }
    return finish(obj, ok);
}

/* A performance; with children, its capacity (last). */
static json_t *
performance_encode(const struct enc_catalogue *cat, uint32_t i, bool children)
{
    const struct enc_performance *p = &cat->performances[i];
    json_t *obj = json_object();
    bool ok = obj != NULL;

    put(obj, "code", json_string(p->code), &ok);
    put(obj, "start", time_encode(p->start), &ok);
    if (ok && p->has_end)
        put(obj, "end", time_encode(p->end), &ok);
    if (ok && p->venue)
        put(obj, "venue", json_string(p->venue), &ok);
    if (ok && p->has_sale)
        put(obj, "sale", window_encode(&p->sale), &ok);
    if (ok && children)
        put(obj, "capacity", capacity_encode(cat, p), &ok);
    return finish(obj, ok);
}

static json_t *
price_encode(const struct enc_catalogue *cat, const struct enc_price *p)
{
    json_t *obj = json_object();
    bool ok = obj != NULL;

    if (ok && p->seat_category >= 0)
        put(obj, "seat_category",
            code_encode(cat, CODE_SEAT_CATEGORY, p->seat_category), &ok);
    if (ok && p->audience >= 0)
        put(obj, "audience", code_encode(cat, CODE_AUDIENCE, p->audience), &ok);
    put(obj, "amount", json_integer(p->amount), &ok);
    return finish(obj, ok);
}

static json_t *
components_encode(const struct enc_catalogue *cat, const struct enc_product *p)
{
    json_t *array = json_array();
    bool ok = array != NULL;

    for (uint32_t i = 0; ok && i < p->n_components; i++) {
        json_t *obj = json_object();
        put(obj, "product",
            code_encode(cat, CODE_PRODUCT, p->components[i].product), &ok);
        put(obj, "quantity", json_integer(p->components[i].quantity), &ok);
        append(array, finish(obj, ok), &ok);
    }
    return finish(array, ok);
}

static json_t *
prices_encode(const struct enc_catalogue *cat, const struct enc_product *p)
{
    json_t *array = json_array();
    bool ok = array != NULL;

    for (uint32_t i = 0; ok && i < p->n_prices; i++)
        append(array, price_encode(cat, &p->prices[i]), &ok);
    return finish(array, ok);
}

static json_t *
performances_encode(const struct enc_catalogue *cat,
                    const struct enc_product *p)
{
    json_t *array = json_array();
    bool ok = array != NULL;

    for (uint32_t i = 0; ok && i < p->n_performances; i++)
        append(array, performance_encode(cat, p->perf_first + i, true), &ok);
    return finish(array, ok);
}

/* What a product says of itself, after its code, kind and name. */
static void
product_put_optional(const struct enc_catalogue *cat,
                     const struct enc_product *p, json_t *obj, bool *ok)
{
    put_text(obj, "description", &p->description, ok);
    if (*ok && p->activity >= 0)
        put(obj, "activity", code_encode(cat, CODE_ACTIVITY, p->activity), ok);
    if (*ok && p->n_themes > 0)
        put(obj, "themes",
            codes_encode(cat, CODE_THEME, p->n_themes, p->themes), ok);
    if (*ok && p->cycle)
        put(obj, "cycle", json_string(p->cycle), ok);
    if (*ok && p->season)
        put(obj, "season", json_string(p->season), ok);
    if (*ok && p->venue)
        put(obj, "venue", json_string(p->venue), ok);
    if (*ok && p->n_channels > 0)
        put(obj, "channels",
            codes_encode(cat, CODE_CHANNEL, p->n_channels, p->channels), ok);
    if (*ok && p->has_sale)
        put(obj, "sale", window_encode(&p->sale), ok);
    if (*ok && p->has_status)
        put(obj, "status", json_string(p->archived ? "archived" : "on_sale"),
            ok);
    if (*ok && p->has_stock)
        put(obj, "stock", json_integer(p->stock), ok);
    if (*ok && p->max_per_order > 0)
        put(obj, "max_per_order", json_integer(p->max_per_order), ok);
}

/* A product; with children, its performances (last, when it has any). */
static json_t *
product_encode(const struct enc_catalogue *cat, uint32_t i, bool children)
{
    const struct enc_product *p = &cat->products[i];
    json_t *obj = json_object();
    bool ok = obj != NULL;

    put(obj, "code", json_string(p->code), &ok);
    put(obj, "kind", json_string(kind_name(p->kind)), &ok);
    put(obj, "name", text_encode(&p->name), &ok);
    product_put_optional(cat, p, obj, &ok);
    if (ok && p->n_components > 0)
        put(obj, "components", components_encode(cat, p), &ok);
    put(obj, "prices", prices_encode(cat, p), &ok);
    if (ok && children && p->n_performances > 0)
        put(obj, "performances", performances_encode(cat, p), &ok);
    return finish(obj, ok);
}

static json_t *
quantity_encode(const struct enc_quantity *q)
{
    static const char *const modes[] = {"", "proportional", "fixed", "choice"};
    json_t *obj = json_object();
    bool ok = obj != NULL;

    put(obj, "mode", json_string(modes[q->mode]), &ok);
    if (ok && q->has_per)
        put(obj, "per", json_integer(q->per), &ok);
    if (ok && q->has_value)
        put(obj, "value", json_integer(q->value), &ok);
    if (ok && q->has_min)
        put(obj, "min", json_integer(q->min), &ok);
    if (ok && q->has_max)
        put(obj, "max", json_integer(q->max), &ok);
    return finish(obj, ok);
}

static json_t *
target_encode(const struct enc_catalogue *cat, const struct enc_target *t)
{
    json_t *obj = json_object();
    bool ok = obj != NULL;

    put(obj, "product", code_encode(cat, CODE_PRODUCT, t->product), &ok);
    if (ok && t->date != DATE_DEFAULT)
        put(obj, "date",
            json_string(t->date == DATE_SAME_AS_BASE ? "same_as_base"
                                                     : "choice"),
            &ok);
    if (ok && t->quantity.mode != QTY_DEFAULT)
        put(obj, "quantity", quantity_encode(&t->quantity), &ok);
    if (ok && t->n_seat_categories > 0)
        put(obj, "seat_categories",
            codes_encode(cat, CODE_SEAT_CATEGORY, t->n_seat_categories,
                         t->seat_categories),
            &ok);
    if (ok && t->n_audiences > 0)
        put(obj, "audiences",
            codes_encode(cat, CODE_AUDIENCE, t->n_audiences, t->audiences),
            &ok);
    return finish(obj, ok);
}

static json_t *
when_encode(const struct enc_catalogue *cat, const struct enc_when *w)
{
    json_t *obj = json_object();
    bool ok = obj != NULL;

    if (ok && w->has_min_quantity)
        put(obj, "min_quantity", json_integer(w->min_quantity), &ok);
    if (ok && w->n_performances > 0)
        put(obj, "performances",
            codes_encode(cat, CODE_PERFORMANCE, w->n_performances,
                         w->performances),
            &ok);
    if (ok && w->n_seat_categories > 0)
        put(obj, "seat_categories",
            codes_encode(cat, CODE_SEAT_CATEGORY, w->n_seat_categories,
                         w->seat_categories),
            &ok);
    return finish(obj, ok);
}

json_t *
encode_line_tree(const struct enc_catalogue *cat, const struct enc_line *l)
{
    json_t *obj = json_object(), *targets = json_array();
    bool ok = obj && targets;

    for (uint32_t i = 0; ok && i < l->n_targets; i++)
        append(targets, target_encode(cat, &l->targets[i]), &ok);
    put(obj, "id", json_string(l->id), &ok);
    put(obj, "type", json_string(line_type_name(l->type)), &ok);
    put(obj, "base", code_encode(cat, CODE_PRODUCT, l->base), &ok);
    if (ok && l->when.present)
        put(obj, "when", when_encode(cat, &l->when), &ok);
    put(obj, "targets", targets, &ok);
    if (ok && l->valid_from.set)
        put(obj, "valid_from", bound_encode(&l->valid_from), &ok);
    if (ok && l->valid_to.set)
        put(obj, "valid_to", bound_encode(&l->valid_to), &ok);
    put_text(obj, "text", &l->text, &ok);
    return finish(obj, ok);
}

static json_t *
limits_encode(const struct enc_profile *p)
{
    json_t *obj = json_object();
    bool ok = obj != NULL;

    for (int i = 0; ok && i < PLACEMENT_COUNT; i++)
        if (p->has_limit[i])
            put(obj, placement_name((enum enc_placement)i),
                json_integer(p->limit[i]), &ok);
    return finish(obj, ok);
}

/* A profile; with children, its lines (last, when it has any). */
static json_t *
profile_encode(const struct enc_catalogue *cat, uint32_t i, bool children)
{
    const struct enc_profile *p = &cat->profiles[i];
    json_t *obj = json_object(), *lines = NULL;
    bool ok = obj != NULL, any_limit = false;

    for (int k = 0; k < PLACEMENT_COUNT; k++)
        any_limit = any_limit || p->has_limit[k];
    put(obj, "code", json_string(p->code), &ok);
    put_text(obj, "name", &p->name, &ok);
    put(obj, "status",
        json_string(p->status == PROFILE_ACTIVE ? "active" : "draft"), &ok);
    put(obj, "channels",
        codes_encode(cat, CODE_CHANNEL, p->n_channels, p->channels), &ok);
    if (ok && any_limit)
        put(obj, "limits", limits_encode(p), &ok);
    if (ok && children && p->n_lines > 0) {
        lines = json_array();
        for (uint32_t k = 0; lines && ok && k < p->n_lines; k++)
            append(lines, encode_line_tree(cat, &p->lines[k]), &ok);
        put(obj, "lines", lines, &ok);
    }
    return finish(obj, ok);
}

/* The record of kind at index, as the document holds it or, without
 * children, as the store keeps it (encode_tree.h). */
json_t *
encode_record_tree(const struct enc_catalogue *cat, enum enc_code_kind kind,
                   uint32_t i, bool children)
{
    switch (kind) {
    case CODE_CHANNEL:
        return channel_encode(cat, i);
    case CODE_SEAT_CATEGORY:
        return seat_category_encode(cat, i);
    case CODE_AUDIENCE:
        return named_encode(cat, &cat->audiences[i]);
    case CODE_ACTIVITY:
        return named_encode(cat, &cat->activities[i]);
    case CODE_THEME:
        return named_encode(cat, &cat->themes[i]);
    case CODE_PRODUCT:
        return product_encode(cat, i, children);
    case CODE_PERFORMANCE:
        return performance_encode(cat, i, children);
    case CODE_PROFILE:
        return profile_encode(cat, i, children);
    case CODE_KIND_COUNT:
        break;
    }
    return institution_encode(cat);
}

/* The records of one kind as an array, or NULL when there are none. */
static json_t *
records_encode(const struct enc_catalogue *cat, enum enc_code_kind kind,
               uint32_t n, bool *ok)
{
    json_t *array;

    if (n == 0)
        return NULL;
    array = json_array();
    for (uint32_t i = 0; array && *ok && i < n; i++)
        append(array, encode_record_tree(cat, kind, i, true), ok);
    if (!array)
        *ok = false;
    return array;
}

/* The whole document as a tree. */
static json_t *
catalogue_tree(const struct enc_catalogue *cat)
{
    static const char *const keys[] = {
        "channels", "seat_categories", "audiences", "activities",
        "themes",   "products",        "profiles"};
    static const enum enc_code_kind kinds[] = {
        CODE_CHANNEL, CODE_SEAT_CATEGORY, CODE_AUDIENCE, CODE_ACTIVITY,
        CODE_THEME,   CODE_PRODUCT,       CODE_PROFILE};
    const uint32_t counts[] = {cat->n_channels,  cat->n_seat_categories,
                               cat->n_audiences, cat->n_activities,
                               cat->n_themes,    cat->n_products,
                               cat->n_profiles};
    json_t *root = json_object();
    bool ok = root != NULL;

    put(root, "format", json_string(CATALOGUE_FORMAT), &ok);
    put(root, "institution", institution_encode(cat), &ok);
    for (size_t k = 0; ok && k < sizeof keys / sizeof keys[0]; k++) {
        json_t *array = records_encode(cat, kinds[k], counts[k], &ok);
        if (array)
            put(root, keys[k], array, &ok);
    }
    return finish(root, ok);
}

/* Dumps tree (which it frees) with flags, plus a newline when asked. */
static char *
tree_dump(json_t *tree, size_t flags, bool newline, size_t *len)
{
    char *text, *grown;
    size_t n;

    if (!tree)
        return NULL;
    text = json_dumps(tree, flags);
    json_decref(tree);
    if (!text)
        return NULL;
    n = strlen(text);
    if (newline) {
        grown = realloc(text, n + 2);
        if (!grown) {
            free(text);
            return NULL;
        }
        text = grown;
        text[n++] = '\n';
        text[n] = '\0';
    }
    if (len)
        *len = n;
    return text;
}

char *
codec_catalogue_encode(const struct enc_catalogue *cat, size_t *len)
{
    return tree_dump(catalogue_tree(cat), DOCUMENT_FLAGS, true, len);
}
