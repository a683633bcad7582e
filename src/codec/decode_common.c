/*
 * decode_common.c - values shared by the records of encore-catalogue/1:
 * codes, references, texts, bounds and windows (SPEC 5 and 7).
 */
#include <stdlib.h>
#include <string.h>

#include "decode.h"

/* Words for messages, per kind. */
static const char *const kind_words[CODE_KIND_COUNT] = {
    "channel", "seat category", "audience",    "activity",
    "theme",   "product",       "performance", "profile",
};

/* The index code maps to in the pass A map of kind, or -1; a record an
 * overlay shares is looked up in its indexed records. */
static int32_t
decode_lookup(struct decoder *d, enum enc_code_kind kind, const char *s,
              size_t len)
{
    if (d->profiles_only && kind != CODE_PROFILE)
        return catalogue_lookup(d->cat, kind, s, len);
    return code_map_get(&d->codes[kind], s, len);
}

enum enc_code
decode_own_code(struct decoder *d, const struct jtok *v,
                enum enc_code_kind kind, uint32_t index, const char **out)
{
    const char *s = NULL;
    size_t len = 0;
    enum enc_code rc = read_code_view(&d->r, v, &s, &len);

    if (rc != ENC_OK)
        return rc;
    /* Pass A mapped the code to its first record in visit order. */
    if (decode_lookup(d, kind, s, len) != (int32_t)index)
        return reader_fail(&d->r, ENC_INVALID_FIELD,
                           "duplicate code: another %s is %s", kind_words[kind],
                           s);
    *out = arena_strndup(d->r.arena, s, len);
    return *out ? ENC_OK : reader_oom(&d->r);
}

enum enc_code
decode_ref(struct decoder *d, const struct jtok *v, enum enc_code_kind kind,
           int32_t *out)
{
    const char *s = NULL;
    size_t len = 0;
    enum enc_code rc = read_code_view(&d->r, v, &s, &len);

    if (rc != ENC_OK)
        return rc;
    *out = decode_lookup(d, kind, s, len);
    if (*out < 0)
        return reader_fail(&d->r, ENC_UNKNOWN_CODE, "unknown %s %s",
                           kind_words[kind], s);
    return ENC_OK;
}

enum enc_code
decode_refs(struct decoder *d, const struct jtok *v, enum enc_code_kind kind,
            uint32_t *n, int32_t **out)
{
    size_t count;
    enum enc_code rc = read_array(&d->r, v, 0, UINT32_MAX, &count);

    if (rc != ENC_OK)
        return rc;
    /* SPEC 7: an empty list is refused; no list means any. */
    if (count == 0)
        return reader_fail(&d->r, ENC_INVALID_FIELD,
                           "must not be empty: leave the field out to mean "
                           "any");
    *out = arena_alloc(d->r.arena, count * sizeof **out);
    if (!*out)
        return reader_oom(&d->r);
    *n = (uint32_t)count;
    for (size_t i = 0; i < count; i++) {
        size_t mark = reader_push_index(&d->r, i);
        rc = decode_ref(d, jv_array_get(v, i), kind, &(*out)[i]);
        if (rc != ENC_OK)
            return rc;
        reader_pop(&d->r, mark);
    }
    return ENC_OK;
}

/* A text written as an object: one item per language, in its order. */
static enum enc_code
decode_text_object(struct decoder *d, const struct jtok *v,
                   struct enc_text *out)
{
    size_t n = jv_object_size(v), i = 0;

    if (n == 0)
        return reader_fail(&d->r, ENC_INVALID_FIELD,
                           "a text object names one language at least");
    out->items = arena_alloc(d->r.arena, n * sizeof *out->items);
    if (!out->items)
        return reader_oom(&d->r);
    for (const struct jtok *k = jv_first_key(v); k; k = jv_next_key(v, k)) {
        const char *key = k->s;
        const struct jtok *value = k + 1;
        struct enc_text_item *item = &out->items[i++];
        size_t mark = reader_push_key(&d->r, key);
        enum enc_code rc;

        if (!read_is_lang(key, k->n))
            return reader_fail(
                &d->r, ENC_INVALID_FIELD,
                "a language tag is 1 to %d letters, digits or '-'",
                READ_MAX_LANG);
        item->lang = arena_strdup(d->r.arena, key);
        if (!item->lang)
            return reader_oom(&d->r);
        rc = read_text_value(&d->r, value, &item->value);
        if (rc != ENC_OK)
            return rc;
        reader_pop(&d->r, mark);
    }
    out->n = (uint32_t)n;
    out->plain = false;
    return ENC_OK;
}

enum enc_code
decode_text(struct decoder *d, const struct jtok *v, struct enc_text *out)
{
    if (jv_is_object(v))
        return decode_text_object(d, v, out);
    if (!jv_is_string(v))
        return reader_fail(
            &d->r, ENC_INVALID_FIELD,
            "must be a string or an object of language to string");
    out->items = arena_alloc(d->r.arena, sizeof *out->items);
    if (!out->items)
        return reader_oom(&d->r);
    out->n = 1;
    out->plain = true;
    out->items[0].lang = d->first_lang;
    return read_text_value(&d->r, v, &out->items[0].value);
}

/* Queues a date-only bound for the institution's time zone. */
static enum enc_code
decode_defer_bound(struct decoder *d, struct enc_bound *b, bool end)
{
    if (d->n_bounds == d->cap_bounds) {
        size_t cap = d->cap_bounds ? 2 * d->cap_bounds : 64;
        struct enc_bound **bounds = realloc(d->bounds, cap * sizeof *bounds);
        bool *ends;

        if (!bounds)
            return reader_oom(&d->r);
        d->bounds = bounds;
        ends = realloc(d->bound_end, cap * sizeof *ends);
        if (!ends)
            return reader_oom(&d->r);
        d->bound_end = ends;
        d->cap_bounds = cap;
    }
    d->bounds[d->n_bounds] = b;
    d->bound_end[d->n_bounds] = end;
    d->n_bounds++;
    return ENC_OK;
}

enum enc_code
decode_bound(struct decoder *d, const struct jtok *v, bool end,
             struct enc_bound *out)
{
    const char *s = NULL;
    size_t len = 0;

    if (!jv_is_string(v))
        return reader_fail(&d->r, ENC_INVALID_FIELD, "must be a string");
    s = jv_string(v);
    len = jv_string_length(v);
    out->set = true;
    if (time_parse_rfc3339(s, len, &out->at))
        return ENC_OK;
    if (!time_parse_date(s, len, &out->day))
        return reader_fail(&d->r, ENC_INVALID_FIELD,
                           "not an RFC 3339 date-time or a date YYYY-MM-DD");
    /* R2: a date alone covers the whole local day; resolved once the
     * institution's zone is known (codec_catalogue_decode()). */
    out->date_only = true;
    return decode_defer_bound(d, out, end);
}

static enum enc_code
window_from(struct reader *r, const struct jtok *v, void *record)
{
    return decode_bound(decoder_of(r), v, false,
                        &((struct enc_window *)record)->from);
}

static enum enc_code
window_to(struct reader *r, const struct jtok *v, void *record)
{
    return decode_bound(decoder_of(r), v, true,
                        &((struct enc_window *)record)->to);
}

static const struct field window_fields[] = {
    {"from", false, window_from},
    {"to", false, window_to},
};

enum enc_code
decode_window(struct decoder *d, const struct jtok *v, struct enc_window *out)
{
    enum enc_code rc = read_object(&d->r, v, window_fields, 2, out);

    if (rc == ENC_OK && !out->from.set && !out->to.set)
        return reader_fail(&d->r, ENC_INVALID_FIELD,
                           "a window gives from, to or both");
    return rc;
}

enum enc_code
decode_records(struct decoder *d, const struct jtok *array,
               enum enc_code_kind kind,
               enum enc_code (*read_one)(struct decoder *d,
                                         const struct jtok *v, uint32_t index))
{
    const int32_t *origin = d->origin[kind];
    size_t n;
    enum enc_code rc = read_array(&d->r, array, 0, UINT32_MAX, &n);

    for (size_t k = 0; rc == ENC_OK && k < n; k++) {
        uint32_t m = d->order[kind][k];
        int32_t shown = origin ? origin[m] : (int32_t)m;
        size_t mark;

        /* A stored record keeps its merged index; the caller says so. */
        d->in_stored = shown < 0;
        mark = reader_push_index(&d->r, shown < 0 ? m : (uint32_t)shown);
        rc = read_one(d, jv_array_get(array, m), m);
        if (rc == ENC_OK)
            reader_pop(&d->r, mark);
    }
    if (rc == ENC_OK)
        d->in_stored = false;
    return rc;
}
