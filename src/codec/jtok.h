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
 * an array's elements follow it; end is the index just past the value
 * and everything inside it, so a reader skips a value in one step.
 */
struct jtok {
    enum jtok_type type;
    uint32_t n;   /* object: members; array: elements; string: bytes */
    uint32_t end; /* the next token after this value */
    /* string: its n bytes, unescaped; a view of the text when it held no
     * escape, else a copy in the arena. Not NUL-terminated: use n. */
    const char *s;
    int64_t i; /* integer */
};

struct jtok_doc {
    uint32_t n;
    struct jtok *toks; /* from the arena */
};

/*
 * Tokenizes len bytes of text: one value, an object or an array, with
 * white space around. Returns true when the text is valid (see above);
 * false when it is not, or when the arena is exhausted.
 */
bool jtok_parse(const char *text, size_t len, struct arena *arena,
                struct jtok_doc *out);

/* True when string token t holds exactly the n bytes of s. */
bool jtok_is_n(const struct jtok *t, const char *s, size_t n);

/* jtok_is_n() of a string literal. */
#define jtok_is(t, literal) jtok_is_n((t), literal, sizeof(literal) - 1)

#endif
