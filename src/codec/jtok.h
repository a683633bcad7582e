/*
 * jtok.h - a strict JSON tokenizer for proposal requests, into an arena.
 *
 * jansson builds a tree of heap objects per request (about 28 us for a
 * 5-item cart here); this reads the same text into one flat array of
 * tokens from the request's arena, in one pass, with no heap. It accepts
 * exactly what parse_object() (jansson with JSON_REJECT_DUPLICATES, the
 * depth cap of CODEC_MAX_DEPTH) accepts, and tests/unit/test_codec_jtok.c
 * holds it to that on a corpus: malformed text, invalid UTF-8 (overlongs,
 * surrogates, past U+10FFFF), "\u0000", lone surrogate escapes, control
 * characters in strings, duplicate keys, trailing garbage, integers
 * outside 64 bits, reals that overflow, nesting past the cap. It gives
 * no message: on a refusal the caller reparses with jansson, whose
 * message (line, column) is the one SPEC 5 errors have always carried.
 */
#ifndef ENCORE_CODEC_JTOK_H
#define ENCORE_CODEC_JTOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/arena.h"

enum jtok_type {
    JTOK_OBJECT,
    JTOK_ARRAY,
    JTOK_STRING,
    JTOK_INTEGER,
    JTOK_REAL,
    JTOK_TRUE,
    JTOK_FALSE,
    JTOK_NULL,
};

/*
 * One value. An object's members follow it as key, value, key, value...;
 * an array's elements follow it; span counts the tokens of the value and
 * everything inside it, so the next value is this + span.
 */
struct jtok {
    enum jtok_type type;
    uint32_t n;    /* object: members; array: elements; string: bytes */
    uint32_t span; /* tokens of this value, itself included */
    union {
        /* string: its n bytes, unescaped; a copy in the arena, NUL-
         * terminated, when it held an escape or the caller asked for
         * copies; else a view of the text. */
        const char *s;
        /* array: where each element is, in tokens from the array's */
        const uint32_t *elems;
        int64_t i; /* integer */
    };
};

struct jtok_doc {
    uint32_t n;
    struct jtok *toks; /* from the arena */
};

/*
 * Tokenizes len bytes of text: one value, an object or an array, with
 * white space around. terminate: every string is a NUL-terminated copy
 * (a reader that prints or keeps strings wants that); else a string
 * without escapes is a view of the text. Returns true when the text is
 * valid (see above); false when it is not, or when the arena is
 * exhausted.
 */
bool jtok_parse(const char *text, size_t len, struct arena *arena,
                bool terminate, struct jtok_doc *out);

/* True when string token t holds exactly the n bytes of s. */
bool jtok_is_n(const struct jtok *t, const char *s, size_t n);

/* jtok_is_n() of a string literal. */
#define jtok_is(t, literal) jtok_is_n((t), literal, sizeof(literal) - 1)

/* ---- Reading values: each takes NULL (a value that is not there) ---- */

static inline bool
jv_is_object(const struct jtok *v)
{
    return v != NULL && v->type == JTOK_OBJECT;
}

static inline bool
jv_is_array(const struct jtok *v)
{
    return v != NULL && v->type == JTOK_ARRAY;
}

static inline bool
jv_is_string(const struct jtok *v)
{
    return v != NULL && v->type == JTOK_STRING;
}

static inline bool
jv_is_integer(const struct jtok *v)
{
    return v != NULL && v->type == JTOK_INTEGER;
}

/* A string's bytes (NULL when v is not a string) and length. */
static inline const char *
jv_string(const struct jtok *v)
{
    return jv_is_string(v) ? v->s : NULL;
}

static inline size_t
jv_string_length(const struct jtok *v)
{
    return jv_is_string(v) ? v->n : 0;
}

/* An integer's value (0 when v is not an integer). */
static inline int64_t
jv_integer(const struct jtok *v)
{
    return jv_is_integer(v) ? v->i : 0;
}

/* The elements of an array, or 0. */
static inline size_t
jv_array_size(const struct jtok *v)
{
    return jv_is_array(v) ? v->n : 0;
}

/* Element i of an array, or NULL. */
static inline const struct jtok *
jv_array_get(const struct jtok *v, size_t i)
{
    return jv_is_array(v) && i < v->n ? v + v->elems[i] : NULL;
}

/* The members of an object, or 0. */
static inline size_t
jv_object_size(const struct jtok *v)
{
    return jv_is_object(v) ? v->n : 0;
}

/* The first key of an object (its value follows it), or NULL. */
static inline const struct jtok *
jv_first_key(const struct jtok *object)
{
    return jv_object_size(object) > 0 ? object + 1 : NULL;
}

/* The key after key in object, or NULL. */
static inline const struct jtok *
jv_next_key(const struct jtok *object, const struct jtok *key)
{
    const struct jtok *next = key + 1 + key[1].span;

    return next < object + object->span ? next : NULL;
}

/* The value of key (n bytes) in an object, or NULL. */
const struct jtok *jv_object_getn(const struct jtok *object, const char *key,
                                  size_t n);

/* The value of the NUL-terminated key in an object, or NULL. */
const struct jtok *jv_object_get(const struct jtok *object, const char *key);

#endif
