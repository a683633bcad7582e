/*
 * decode_profile.c - the profiles of encore-catalogue/1, their lines and
 * targets (SPEC 3 and 7). What section 6 checks (a target that is its own
 * base, min > max, "when" on a line that is not conditional...) is left
 * to check.c: a draft is imported with its errors.
 */
#include <string.h>

#include "codec.h"
#include "decode.h"
#include "../core/propose.h"

/* Quantities of a target (SPEC 3). */

static enum enc_code
quantity_mode(struct reader *r, const struct jtok *v, void *record)
{
    static const char *const names[] = {"proportional", "fixed", "choice"};
    int m;
    enum enc_code rc = read_choice(
        r, v, names, 3, "a quantity mode (proportional, fixed, choice)", &m);

    if (rc == ENC_OK)
        ((struct enc_quantity *)record)->mode = (enum enc_qty_mode)(m + 1);
    return rc;
}

/* SPEC 5: a quantity is 1 to 1,000; so is "per". */
static enum enc_code
quantity_number(struct reader *r, const struct jtok *v, bool *has,
                uint32_t *out)
{
    *has = true;
    return read_uint32(r, v, 1, ENC_MAX_QUANTITY, out);
}

static enum enc_code
quantity_per(struct reader *r, const struct jtok *v, void *record)
{
    struct enc_quantity *q = record;
    return quantity_number(r, v, &q->has_per, &q->per);
}

static enum enc_code
quantity_value(struct reader *r, const struct jtok *v, void *record)
{
    struct enc_quantity *q = record;
    return quantity_number(r, v, &q->has_value, &q->value);
}

static enum enc_code
quantity_min(struct reader *r, const struct jtok *v, void *record)
{
    struct enc_quantity *q = record;
    return quantity_number(r, v, &q->has_min, &q->min);
}

static enum enc_code
quantity_max(struct reader *r, const struct jtok *v, void *record)
{
    struct enc_quantity *q = record;
    return quantity_number(r, v, &q->has_max, &q->max);
}

static const struct field quantity_fields[] = {
    {"mode", true, quantity_mode},    {"per", false, quantity_per},
    {"value", false, quantity_value}, {"min", false, quantity_min},
    {"max", false, quantity_max},
};

/* Fails at key, below the quantity's path. */
static enum enc_code
quantity_fail(struct reader *r, const char *key, const char *message)
{
    reader_push_key(r, key);
    return reader_fail(r, ENC_INVALID_FIELD, "%s", message);
}

/* Each mode takes its own numbers only (SPEC 3). */
static enum enc_code
decode_quantity(struct reader *r, const struct jtok *v, struct enc_quantity *q)
{
    enum enc_code rc = read_object(r, v, quantity_fields, 5, q);

    if (rc != ENC_OK)
        return rc;
    if (q->has_per && q->mode != QTY_PROPORTIONAL)
        return quantity_fail(r, "per",
                             "only a proportional quantity has "
                             "per");
    if (q->has_value && q->mode != QTY_FIXED)
        return quantity_fail(r, "value", "only a fixed quantity has value");
    if ((q->has_min || q->has_max) && q->mode != QTY_CHOICE)
        return quantity_fail(r, q->has_min ? "min" : "max",
                             "only a quantity of mode choice has min and max");
    if (q->mode == QTY_FIXED && !q->has_value)
        return quantity_fail(r, "value",
                             "missing field: a fixed quantity gives its value");
    return ENC_OK;
}

/* Targets. */

static enum enc_code
target_product(struct reader *r, const struct jtok *v, void *record)
{
    return decode_ref(decoder_of(r), v, CODE_PRODUCT,
                      &((struct enc_target *)record)->product);
}

static enum enc_code
target_date(struct reader *r, const struct jtok *v, void *record)
{
    static const char *const names[] = {"same_as_base", "choice"};
    int m;
    enum enc_code rc =
        read_choice(r, v, names, 2, "a date mode (same_as_base, choice)", &m);

    if (rc == ENC_OK)
        ((struct enc_target *)record)->date = (enum enc_date_mode)(m + 1);
    return rc;
}

static enum enc_code
target_quantity(struct reader *r, const struct jtok *v, void *record)
{
    return decode_quantity(r, v, &((struct enc_target *)record)->quantity);
}

static enum enc_code
target_seat_categories(struct reader *r, const struct jtok *v, void *record)
{
    struct enc_target *t = record;
    return decode_refs(decoder_of(r), v, CODE_SEAT_CATEGORY,
                       &t->n_seat_categories, &t->seat_categories);
}

static enum enc_code
target_audiences(struct reader *r, const struct jtok *v, void *record)
{
    struct enc_target *t = record;
    return decode_refs(decoder_of(r), v, CODE_AUDIENCE, &t->n_audiences,
                       &t->audiences);
}

static const struct field target_fields[] = {
    {"product", true, target_product},
    {"date", false, target_date},
    {"quantity", false, target_quantity},
    {"seat_categories", false, target_seat_categories},
    {"audiences", false, target_audiences},
};

/* The conditions of a conditional line (SPEC 3). */

static enum enc_code
when_min_quantity(struct reader *r, const struct jtok *v, void *record)
{
    struct enc_when *w = record;

    w->has_min_quantity = true;
    return read_uint32(r, v, 1, ENC_MAX_QUANTITY, &w->min_quantity);
}

static enum enc_code
when_performances(struct reader *r, const struct jtok *v, void *record)
{
    struct enc_when *w = record;
    return decode_refs(decoder_of(r), v, CODE_PERFORMANCE, &w->n_performances,
                       &w->performances);
}

static enum enc_code
when_seat_categories(struct reader *r, const struct jtok *v, void *record)
{
    struct enc_when *w = record;
    return decode_refs(decoder_of(r), v, CODE_SEAT_CATEGORY,
                       &w->n_seat_categories, &w->seat_categories);
}

static const struct field when_fields[] = {
    {"min_quantity", false, when_min_quantity},
    {"performances", false, when_performances},
    {"seat_categories", false, when_seat_categories},
};

/* Lines. */

/* A line id is unique within its profile (SPEC 7). */
static enum enc_code
line_id(struct reader *r, const struct jtok *v, void *record)
{
    struct decoder *d = decoder_of(r);
    struct enc_line *l = record;
    const char *s;
    size_t len;
    enum enc_code rc = read_code_view(r, v, &s, &len);

    if (rc != ENC_OK)
        return rc;
    if (code_map_get(&d->line_ids, s, len) >= 0)
        return reader_fail(
            r, ENC_INVALID_FIELD,
            "duplicate line id: another line of this profile is %s", s);
    if (!code_map_put(&d->line_ids, s, len, 0))
        return reader_oom(r);
    l->id = arena_strndup(r->arena, s, len);
    return l->id ? ENC_OK : reader_oom(r);
}

static enum enc_code
line_type(struct reader *r, const struct jtok *v, void *record)
{
    int t;
    enum enc_code rc = read_parsed(
        r, v, line_type_parse,
        "a line type (upsell, cart, conditional, favorite, post_purchase)", &t);

    if (rc == ENC_OK)
        ((struct enc_line *)record)->type = (enum enc_line_type)t;
    return rc;
}

static enum enc_code
line_base(struct reader *r, const struct jtok *v, void *record)
{
    return decode_ref(decoder_of(r), v, CODE_PRODUCT,
                      &((struct enc_line *)record)->base);
}

static enum enc_code
line_when(struct reader *r, const struct jtok *v, void *record)
{
    struct enc_when *w = &((struct enc_line *)record)->when;

    w->present = true;
    return read_object(r, v, when_fields, 3, w);
}

static enum enc_code
line_targets(struct reader *r, const struct jtok *v, void *record)
{
    struct enc_line *l = record;
    size_t n;
    enum enc_code rc = read_array(r, v, 1, UINT32_MAX, &n);

    if (rc != ENC_OK)
        return rc;
    l->targets = arena_alloc(r->arena, n * sizeof *l->targets);
    if (!l->targets)
        return reader_oom(r);
    l->n_targets = (uint32_t)n;
    for (size_t i = 0; i < n; i++) {
        size_t mark = reader_push_index(r, i);
        l->targets[i].product = ENC_NONE;
        rc = read_object(r, jv_array_get(v, i), target_fields, 5,
                         &l->targets[i]);
        if (rc != ENC_OK)
            return rc;
        reader_pop(r, mark);
    }
    return ENC_OK;
}

static enum enc_code
line_valid_from(struct reader *r, const struct jtok *v, void *record)
{
    return decode_bound(decoder_of(r), v, false,
                        &((struct enc_line *)record)->valid_from);
}

static enum enc_code
line_valid_to(struct reader *r, const struct jtok *v, void *record)
{
    return decode_bound(decoder_of(r), v, true,
                        &((struct enc_line *)record)->valid_to);
}

static enum enc_code
line_text(struct reader *r, const struct jtok *v, void *record)
{
    return decode_text(decoder_of(r), v, &((struct enc_line *)record)->text);
}

static const struct field line_fields[] = {
    {"id", true, line_id},
    {"type", true, line_type},
    {"base", true, line_base},
    {"when", false, line_when},
    {"targets", true, line_targets},
    {"valid_from", false, line_valid_from},
    {"valid_to", false, line_valid_to},
    {"text", false, line_text},
};

/* Profiles. */

static enum enc_code
profile_code(struct reader *r, const struct jtok *v, void *record)
{
    struct decoder *d = decoder_of(r);
    struct enc_profile *p = record;

    return decode_own_code(d, v, CODE_PROFILE, (uint32_t)(p - d->cat->profiles),
                           &p->code);
}

static enum enc_code
profile_name(struct reader *r, const struct jtok *v, void *record)
{
    return decode_text(decoder_of(r), v, &((struct enc_profile *)record)->name);
}

static enum enc_code
profile_status(struct reader *r, const struct jtok *v, void *record)
{
    static const char *const names[] = {"draft", "active"};
    int s;
    enum enc_code rc =
        read_choice(r, v, names, 2, "a profile status (draft, active)", &s);

    if (rc == ENC_OK)
        ((struct enc_profile *)record)->status =
            s ? PROFILE_ACTIVE : PROFILE_DRAFT;
    return rc;
}

/* SPEC 7: a profile's channels are required, so an empty list cannot
 * mean "any" as it would elsewhere. */
static enum enc_code
profile_channels(struct reader *r, const struct jtok *v, void *record)
{
    struct enc_profile *p = record;
    if (jv_is_array(v) && jv_array_size(v) == 0)
        return reader_fail(r, ENC_INVALID_FIELD,
                           "a profile needs at least one channel");
    return decode_refs(decoder_of(r), v, CODE_CHANNEL, &p->n_channels,
                       &p->channels);
}

/* R14: how many proposals each placement shows, by placement name. */
static enum enc_code
profile_limits(struct reader *r, const struct jtok *v, void *record)
{
    struct enc_profile *p = record;

    if (!jv_is_object(v))
        return reader_fail(r, ENC_INVALID_FIELD, "must be an object");
    for (const struct jtok *k = jv_first_key(v); k; k = jv_next_key(v, k)) {
        const char *key = k->s;
        const struct jtok *value = k + 1;
        int placement = placement_parse(key);
        size_t mark = reader_push_key(r, key);
        enum enc_code rc;

        if (placement < 0)
            return reader_fail(
                r, ENC_INVALID_FIELD,
                "unknown field: limits are per placement (instead, "
                "under_cart, sidebar, confirmation)");
        p->has_limit[placement] = true;
        rc = read_uint32(r, value, 0, ENC_MAX_QUANTITY, &p->limit[placement]);
        if (rc != ENC_OK)
            return rc;
        reader_pop(r, mark);
    }
    return ENC_OK;
}

static enum enc_code
profile_lines(struct reader *r, const struct jtok *v, void *record)
{
    struct decoder *d = decoder_of(r);
    struct enc_profile *p = record;
    size_t n;
    enum enc_code rc = read_array(r, v, 0, UINT32_MAX, &n);

    if (rc != ENC_OK)
        return rc;
    p->lines = n ? arena_alloc(r->arena, n * sizeof *p->lines) : NULL;
    if (n && !p->lines)
        return reader_oom(r);
    p->n_lines = (uint32_t)n;
    code_map_clear(&d->line_ids);
    for (size_t i = 0; i < n; i++) {
        size_t mark = reader_push_index(r, i);
        p->lines[i].base = ENC_NONE;
        rc = read_object(r, jv_array_get(v, i), line_fields, 8, &p->lines[i]);
        if (rc != ENC_OK)
            return rc;
        reader_pop(r, mark);
    }
    return ENC_OK;
}

static const struct field profile_fields[] = {
    {"code", true, profile_code},      {"name", false, profile_name},
    {"status", true, profile_status},  {"channels", true, profile_channels},
    {"limits", false, profile_limits}, {"lines", false, profile_lines},
};

enum enc_code
decode_profile(struct decoder *d, const struct jtok *v, uint32_t index)
{
    d->profile = index;
    return read_object(&d->r, v, profile_fields, 6, &d->cat->profiles[index]);
}
