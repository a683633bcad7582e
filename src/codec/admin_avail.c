/*
 * admin_avail.c - the availability the ticketing system pushes (SPEC 7:
 * capacities and stocks are what is left now; PUT
 * /api/v1/admin/availability), read against the catalogue served.
 */
#include <stdio.h>
#include <string.h>

#include "codec.h"
#include "parse.h"

/* A decoder's state: where values go, and the arena of their fields. */
struct avail_reader {
    const struct enc_catalogue *cat;
    struct arena *arena;
    struct codec_pool_value *values;
    size_t n;
    size_t cap;
};

/* Formats a field path in the arena; NULL when out of memory. */
static const char *
field_of(struct avail_reader *r, const char *fmt, const char *a, size_t i,
         const char *b)
{
    char path[ENC_FIELD_MAX];
    snprintf(path, sizeof(path), fmt, a, i, b ? b : "");
    return arena_strdup(r->arena, path);
}

/* The largest count an import takes (READ_MAX_AMOUNT of read.h, whose
 * read_array() this file's own would clash with). A larger one would be
 * stored, and the catalogue would then no longer load: every export and
 * restart refused. */
#define AVAIL_MAX_LEFT ((int64_t)9007199254740991)

/* A count of 0 to AVAIL_MAX_LEFT at field (SPEC 7). */
static enum enc_code
read_left(const json_t *v, const char *field, int64_t *out,
          struct enc_error *err)
{
    if (!json_is_integer(v) || json_integer_value(v) < 0 ||
        json_integer_value(v) > AVAIL_MAX_LEFT)
        return enc_error_set(err, ENC_INVALID_FIELD, field,
                             "expected an integer from 0 to %lld",
                             (long long)AVAIL_MAX_LEFT);
    *out = json_integer_value(v);
    return ENC_OK;
}

/* Adds a value; false when the arena is exhausted. */
static bool
values_add(struct avail_reader *r, const struct codec_pool_value *v)
{
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        struct codec_pool_value *grown =
            arena_alloc(r->arena, cap * sizeof(*grown));
        if (grown == NULL)
            return false;
        if (r->n > 0)
            memcpy(grown, r->values, r->n * sizeof(*grown));
        r->values = grown;
        r->cap = cap;
    }
    r->values[r->n++] = *v;
    return true;
}

/* The record's "code" resolved in kind; only "code" and other (the value
 * key) are allowed. */
static enum enc_code
read_entry(struct avail_reader *r, const json_t *entry, const char *array,
           size_t i, enum enc_code_kind kind, const char *other, int32_t *index,
           struct enc_error *err)
{
    char path[ENC_FIELD_MAX];
    snprintf(path, sizeof(path), "%s[%zu]", array, i);
    if (!json_is_object(entry))
        return enc_error_set(err, ENC_INVALID_FIELD, path,
                             "expected an object");
    const char *key = NULL;
    json_t *v = NULL;
    json_object_foreach((json_t *)entry, key, v)
    {
        if (strcmp(key, "code") != 0 && strcmp(key, other) != 0) {
            snprintf(path, sizeof(path), "%s[%zu].%s", array, i, key);
            return enc_error_set(err, ENC_INVALID_FIELD, path,
                                 "unknown field %s", key);
        }
    }
    const char *code = json_string_value(json_object_get(entry, "code"));
    snprintf(path, sizeof(path), "%s[%zu].code", array, i);
    if (code == NULL)
        return enc_error_set(err, ENC_INVALID_FIELD, path,
                             "expected a code (string)");
    *index = catalogue_lookup(r->cat, kind, code, strlen(code));
    if (*index < 0)
        return enc_error_set(err, ENC_UNKNOWN_CODE, path, "unknown %s %s",
                             kind == CODE_PRODUCT ? "product" : "performance",
                             code);
    if (json_object_get(entry, other) == NULL) {
        snprintf(path, sizeof(path), "%s[%zu].%s", array, i, other);
        return enc_error_set(err, ENC_INVALID_FIELD, path, "%s is required",
                             other);
    }
    return ENC_OK;
}

/* The pool of performance f named code ("*" or a seat category); -2
 * when it has none. */
static int32_t
pool_named(const struct enc_catalogue *cat, uint32_t f, const char *code)
{
    const struct enc_performance *perf = &cat->performances[f];
    for (uint32_t k = 0; k < perf->n_pools; k++) {
        int32_t sc = perf->pools[k].seat_category;
        const char *name = sc < 0 ? "*" : cat->seat_categories[sc].code;
        if (strcmp(name, code) == 0)
            return sc;
    }
    return -2;
}

/* performances[i]: each pool of its capacity. */
static enum enc_code
read_performance(struct avail_reader *r, const json_t *entry, size_t i,
                 struct enc_error *err)
{
    int32_t f = -1;
    enum enc_code result = read_entry(r, entry, "performances", i,
                                      CODE_PERFORMANCE, "capacity", &f, err);
    if (result != ENC_OK)
        return result;
    json_t *capacity = json_object_get(entry, "capacity");
    if (!json_is_object(capacity))
        return enc_error_set(
            err, ENC_INVALID_FIELD,
            field_of(r, "%s[%zu].capacity%s", "performances", i, NULL),
            "expected an object of pool to count");
    const char *pool = NULL;
    json_t *v = NULL;
    json_object_foreach(capacity, pool, v)
    {
        const char *field =
            field_of(r, "%s[%zu].capacity.%s", "performances", i, pool);
        if (field == NULL)
            return enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
        struct codec_pool_value value = {-1, f, pool_named(r->cat, f, pool), 0,
                                         field};
        if (value.seat_category == -2)
            return enc_error_set(err, ENC_UNKNOWN_CODE, field,
                                 "performance %s has no pool %s",
                                 r->cat->performances[f].code, pool);
        result = read_left(v, field, &value.left, err);
        if (result != ENC_OK)
            return result;
        if (!values_add(r, &value))
            return enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    }
    return ENC_OK;
}

/* products[i]: the stock of an undated product that has one. */
static enum enc_code
read_product(struct avail_reader *r, const json_t *entry, size_t i,
             struct enc_error *err)
{
    int32_t p = -1;
    enum enc_code result =
        read_entry(r, entry, "products", i, CODE_PRODUCT, "stock", &p, err);
    if (result != ENC_OK)
        return result;
    const char *field = field_of(r, "%s[%zu].stock%s", "products", i, NULL);
    if (field == NULL)
        return enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    const struct enc_product *prod = &r->cat->products[p];
    if (prod->n_performances > 0 || !prod->has_stock)
        return enc_error_set(
            err, ENC_INVALID_FIELD, field,
            "product %s has no stock (it is %s): %s", prod->code,
            prod->n_performances > 0 ? "dated" : "unlimited",
            prod->n_performances > 0 ? "push its performances' capacity"
                                     : "give it one by an import");
    struct codec_pool_value value = {p, -1, -1, 0, field};
    result =
        read_left(json_object_get(entry, "stock"), field, &value.left, err);
    if (result == ENC_OK && !values_add(r, &value))
        result = enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    return result;
}

/* Reads every entry of the array at key with read_one. */
static enum enc_code
read_array(struct avail_reader *r, const json_t *root, const char *key,
           enum enc_code (*read_one)(struct avail_reader *, const json_t *,
                                     size_t, struct enc_error *),
           struct enc_error *err)
{
    json_t *array = json_object_get(root, key);
    if (array == NULL)
        return ENC_OK;
    if (!json_is_array(array))
        return enc_error_set(err, ENC_INVALID_FIELD, key, "expected an array");
    size_t i = 0;
    json_t *entry = NULL;
    json_array_foreach(array, i, entry)
    {
        enum enc_code result = read_one(r, entry, i, err);
        if (result != ENC_OK)
            return result;
    }
    return ENC_OK;
}

enum enc_code
codec_availability_decode(const struct enc_catalogue *cat, const char *body,
                          size_t len, struct arena *arena,
                          struct codec_pool_value **out, size_t *n,
                          struct enc_error *err)
{
    struct avail_reader r = {cat, arena, NULL, 0, 0};
    json_t *root = NULL;
    *out = NULL;
    *n = 0;
    enum enc_code result =
        parse_object(body, len, CODEC_MAX_BODY, "the request", &root, err);
    if (result != ENC_OK)
        return result;
    const char *key = NULL;
    json_t *v = NULL;
    json_object_foreach(root, key, v)
    {
        if (strcmp(key, "performances") != 0 && strcmp(key, "products") != 0) {
            result = enc_error_set(err, ENC_INVALID_FIELD, key,
                                   "unknown field %s", key);
            break;
        }
    }
    if (result == ENC_OK)
        result = read_array(&r, root, "performances", read_performance, err);
    if (result == ENC_OK)
        result = read_array(&r, root, "products", read_product, err);
    json_decref(root);
    if (result == ENC_OK) {
        *out = r.values;
        *n = r.n;
    }
    return result;
}
