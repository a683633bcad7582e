/*
 * merge.c - a partial document merged into the stored one (SPEC 9), at the
 * JSON level, before decoding.
 *
 * Records are merged by code within each top-level array: a record the
 * document names replaces the stored one whole and in place (a product
 * with its performances, a profile with its lines); a new one is
 * appended. Other top-level fields of the document replace the stored
 * ones; the stored institution is kept when the document has none.
 * "format" is always the document's own, so it stays required.
 */
#include <stdlib.h>
#include <string.h>

#include "merge.h"

/* The code of record as a jansson string, or NULL. */
static const json_t *
merge_code(const json_t *record)
{
    const json_t *code = json_object_get(record, "code");
    return json_is_string(code) ? code : NULL;
}

/* Remembers where a code sits; the first place wins. */
static bool
merge_note(json_t *places, const json_t *code, size_t at)
{
    json_t *value;

    if (!code || json_object_getn(places, json_string_value(code),
                                  json_string_length(code)))
        return true;
    value = json_integer((json_int_t)at);
    return value && json_object_setn_new(places, json_string_value(code),
                                         json_string_length(code), value) == 0;
}

/*
 * Merges the document's array into the stored one; origin[] gets, per
 * merged record, its index in the document or -1. A code the document
 * gives twice is appended the second time, so the decoder refuses it
 * there as a duplicate.
 */
static bool
merge_array(const json_t *stored, const json_t *given, json_t *out,
            int32_t *origin)
{
    json_t *places = json_object();
    bool ok = places != NULL;

    for (size_t i = 0; ok && i < json_array_size(stored); i++) {
        const json_t *record = json_array_get(stored, i);
        origin[i] = -1;
        ok = json_array_append(out, (json_t *)record) == 0 &&
             merge_note(places, merge_code(record), i);
    }
    for (size_t j = 0; ok && j < json_array_size(given); j++) {
        const json_t *record = json_array_get(given, j);
        const json_t *code = merge_code(record);
        const json_t *place =
            code ? json_object_getn(places, json_string_value(code),
                                    json_string_length(code))
                 : NULL;
        size_t at = place ? (size_t)json_integer_value(place) : 0;

        if (place && origin[at] < 0) {
            ok = json_array_set(out, at, (json_t *)record) == 0;
        } else {
            at = json_array_size(out);
            ok = json_array_append(out, (json_t *)record) == 0 &&
                 merge_note(places, code, at);
        }
        origin[at] = (int32_t)j;
    }
    json_decref(places);
    return ok;
}

/* Sets key of merged to the merge of the document's and the stored array
 * of kind, with its origins. */
static bool
merge_records(struct decoder *d, enum enc_code_kind kind, const char *key,
              const json_t *stored, const json_t *given, json_t *merged)
{
    size_t n = json_array_size(stored) + json_array_size(given);
    json_t *out = json_array();

    d->origin[kind] = malloc((n ? n : 1) * sizeof *d->origin[kind]);
    if (!out || !d->origin[kind] ||
        !merge_array(stored, given, out, d->origin[kind])) {
        json_decref(out);
        return false;
    }
    return json_object_set_new(merged, key, out) == 0;
}

/* Stored records kept as they are: every origin is -1. */
static bool
merge_stored_only(struct decoder *d, enum enc_code_kind kind, size_t n)
{
    d->origin[kind] = malloc((n ? n : 1) * sizeof *d->origin[kind]);
    if (!d->origin[kind])
        return false;
    for (size_t i = 0; i < n; i++)
        d->origin[kind][i] = -1;
    return true;
}

/* The document's fields, merged with the stored arrays they name. */
static bool
merge_given(struct decoder *d, const json_t *doc, const json_t *base,
            json_t *merged)
{
    const char *key;
    json_t *value;

    json_object_foreach((json_t *)doc, key, value)
    {
        const struct decode_array *a = decode_array_find(key);
        const json_t *stored = json_object_get(base, key);
        bool ok;

        /* Not two arrays: the document's value stands as given (with
         * origin NULL its indexes are its own), and any error in it is
         * named at the same path. */
        if (a && json_is_array(value) && json_is_array(stored))
            ok = merge_records(d, a->kind, key, stored, value, merged);
        else
            ok = json_object_set(merged, key, value) == 0;
        if (!ok)
            return false;
    }
    return true;
}

/* The stored fields the document does not name, but its format. */
static bool
merge_kept(struct decoder *d, const json_t *doc, const json_t *base,
           json_t *merged)
{
    const char *key;
    json_t *value;

    json_object_foreach((json_t *)base, key, value)
    {
        const struct decode_array *a = decode_array_find(key);

        if (json_object_get(doc, key) || strcmp(key, "format") == 0)
            continue;
        if (json_object_set(merged, key, value) != 0)
            return false;
        if (a && json_is_array(value) &&
            !merge_stored_only(d, a->kind, json_array_size(value)))
            return false;
    }
    return true;
}

enum enc_code
decode_merge(struct decoder *d, const json_t *doc, const json_t *base,
             json_t **out)
{
    json_t *merged = json_object();

    *out = NULL;
    if (!merged || !merge_given(d, doc, base, merged) ||
        !merge_kept(d, doc, base, merged)) {
        json_decref(merged);
        return reader_oom(&d->r);
    }
    *out = merged;
    return ENC_OK;
}
