/*
 * jtok.c - a strict JSON tokenizer into an arena (jtok.h).
 *
 * Recursive descent over the text, at most CODEC_MAX_DEPTH levels deep.
 * Tokens live in one array of the arena that doubles when full; while
 * parsing, tokens are named by index since the array may move.
 */
#include "jtok.h"

#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"

/* Objects with more keys than this are checked for duplicates with a
 * hash table, so a large object cannot make the check quadratic. */
#define JTOK_PAIRWISE_KEYS 16

/*
 * While parsing, a token's span holds the index just past it (its end),
 * turned into a span at the end (jtok_finish()).
 */
struct jparser {
    const char *p;   /* next byte */
    const char *end; /* one past the last */
    struct arena *arena;
    struct jtok *toks;
    uint32_t n, cap;
    unsigned depth;
    bool terminate; /* copy every string, NUL-terminated */
};

static bool jp_value(struct jparser *jp);

/* Appends a token of type t; *index gets its index. False when out of
 * memory or past the 32-bit range. */
static bool
jp_push(struct jparser *jp, enum jtok_type t, uint32_t *index)
{
    if (jp->n == jp->cap) {
        uint32_t cap = jp->cap ? 2 * jp->cap : 64;
        struct jtok *grown;
        if (jp->cap > UINT32_MAX / 4)
            return false;
        grown = arena_alloc_raw(jp->arena, (size_t)cap * sizeof(*grown));
        if (grown == NULL)
            return false;
        if (jp->n > 0)
            memcpy(grown, jp->toks, (size_t)jp->n * sizeof(*grown));
        jp->toks = grown;
        jp->cap = cap;
    }
    jp->toks[jp->n] = (struct jtok){.type = t};
    *index = jp->n++;
    return true;
}

/* JSON white space: space, tab, newline, carriage return. */
static void
jp_skip_ws(struct jparser *jp)
{
    while (jp->p < jp->end && (*jp->p == ' ' || *jp->p == '\t' ||
                               *jp->p == '\n' || *jp->p == '\r'))
        jp->p++;
}

/* ---- Strings ---- */

/* The length of the UTF-8 sequence at s (n bytes left), 0 when it is not
 * a valid one: no overlong form, no surrogate, nothing past U+10FFFF. */
static size_t
utf8_sequence(const unsigned char *s, size_t n)
{
    unsigned char c = s[0], lo = 0x80, hi = 0xbf;
    size_t len;

    if (c < 0x80)
        return 1;
    if (c >= 0xc2 && c <= 0xdf)
        len = 2;
    else if (c >= 0xe0 && c <= 0xef)
        len = 3;
    else if (c >= 0xf0 && c <= 0xf4)
        len = 4;
    else
        return 0;
    if (c == 0xe0)
        lo = 0xa0; /* overlong */
    else if (c == 0xed)
        hi = 0x9f; /* surrogates */
    else if (c == 0xf0)
        lo = 0x90; /* overlong */
    else if (c == 0xf4)
        hi = 0x8f; /* past U+10FFFF */
    if (n < len || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < len; i++)
        if (s[i] < 0x80 || s[i] > 0xbf)
            return 0;
    return len;
}

/* The value of 4 hex digits at s, or -1. */
static int32_t
hex4(const char *s)
{
    int32_t v = 0;

    for (int i = 0; i < 4; i++) {
        char c = s[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= c - '0';
        else if (c >= 'a' && c <= 'f')
            v |= c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            v |= c - 'A' + 10;
        else
            return -1;
    }
    return v;
}

/* Writes code point cp as UTF-8 at out; returns the bytes written. */
static size_t
utf8_put(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xc0 | cp >> 6);
        out[1] = (char)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xe0 | cp >> 12);
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        out[2] = (char)(0x80 | (cp & 0x3f));
        return 3;
    }
    out[0] = (char)(0xf0 | cp >> 18);
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
    out[3] = (char)(0x80 | (cp & 0x3f));
    return 4;
}

/*
 * Reads a \u escape at *p (just past the backslash and 'u'), with the
 * low half of a surrogate pair when it starts one; *cp gets the code
 * point. Refuses "\u0000" and lone or mismatched surrogates.
 */
static bool
jp_unicode(const char **p, const char *end, uint32_t *cp)
{
    int32_t hi, lo;

    if (end - *p < 4 || (hi = hex4(*p)) < 0)
        return false;
    *p += 4;
    if (hi == 0 || (hi >= 0xdc00 && hi <= 0xdfff))
        return false;
    if (hi < 0xd800 || hi > 0xdbff) {
        *cp = (uint32_t)hi;
        return true;
    }
    if (end - *p < 6 || (*p)[0] != '\\' || (*p)[1] != 'u' ||
        (lo = hex4(*p + 2)) < 0 || lo < 0xdc00 || lo > 0xdfff)
        return false;
    *p += 6;
    *cp = 0x10000 + (((uint32_t)hi - 0xd800) << 10) + ((uint32_t)lo - 0xdc00);
    return true;
}

/* One escape at *p (just past the backslash), written at *out. */
static bool
jp_escape(const char **p, const char *end, char **out)
{
    static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
    const char *hit;
    uint32_t cp;

    if (*p >= end)
        return false;
    if (**p == 'u') {
        (*p)++;
        if (!jp_unicode(p, end, &cp))
            return false;
        *out += utf8_put(cp, *out);
        return true;
    }
    hit = memchr(from, **p, sizeof(from) - 1);
    if (hit == NULL)
        return false;
    *(*out)++ = to[hit - from];
    (*p)++;
    return true;
}

/*
 * Checks the raw bytes [p, close) of a string without escapes: no control
 * character, valid UTF-8.
 */
static bool
raw_string_ok(const char *p, const char *close)
{
    while (p < close) {
        unsigned char c = (unsigned char)*p;
        size_t len;
        if (c < 0x80) {
            if (c < 0x20)
                return false; /* a control character */
            p++;
            continue;
        }
        len = utf8_sequence((const unsigned char *)p, (size_t)(close - p));
        if (len == 0)
            return false;
        p += len;
    }
    return true;
}

/* Unescapes [p, close) into the arena, NUL-terminated (never longer than
 * the text), checking it; *len gets its length. NULL when invalid or out
 * of memory. */
static const char *
jp_unescape(struct jparser *jp, const char *p, const char *close, uint32_t *len)
{
    char *buf = arena_alloc_raw(jp->arena, (size_t)(close - p) + 1), *out = buf;

    if (buf == NULL)
        return NULL;
    while (p < close) {
        const char *run = p;
        if (*p == '\\') {
            p++;
            if (!jp_escape(&p, close, &out))
                return NULL;
            continue;
        }
        while (p < close && *p != '\\')
            p++;
        if (!raw_string_ok(run, p))
            return NULL;
        memcpy(out, run, (size_t)(p - run));
        out += p - run;
    }
    *out = '\0';
    *len = (uint32_t)(out - buf);
    return buf;
}

/*
 * A string at jp->p (on its opening quote) into token t: a view of the
 * text when it holds no escape (the usual case: nothing copied), else its
 * bytes unescaped in the arena.
 */
static bool
jp_string(struct jparser *jp, uint32_t t)
{
    const char *p = jp->p + 1, *end = jp->end, *close = p;
    bool escaped = false;

    /* Where it ends: the first quote not escaped. */
    while (close < end && *close != '"') {
        if (*close == '\\') {
            escaped = true;
            close += close + 1 < end ? 2 : 1;
        } else {
            close++;
        }
    }
    if (close >= end)
        return false;
    if (escaped || jp->terminate) {
        jp->toks[t].s = jp_unescape(jp, p, close, &jp->toks[t].n);
        if (jp->toks[t].s == NULL)
            return false;
    } else {
        if (!raw_string_ok(p, close) || close - p > (ptrdiff_t)UINT32_MAX)
            return false;
        jp->toks[t].s = p;
        jp->toks[t].n = (uint32_t)(close - p);
    }
    jp->p = close + 1;
    return true;
}

/* ---- Numbers and literals ---- */

/* Skips the digits at jp->p; returns how many. */
static size_t
jp_digits(struct jparser *jp)
{
    const char *start = jp->p;

    while (jp->p < jp->end && *jp->p >= '0' && *jp->p <= '9')
        jp->p++;
    return (size_t)(jp->p - start);
}

/* The integer of digits [s, e), negative when neg; false when it does not
 * fit in 64 bits (jansson: "too big integer"). */
static bool
jp_integer(const char *s, const char *e, bool neg, int64_t *out)
{
    uint64_t v = 0, max = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;

    for (; s < e; s++) {
        uint64_t d = (uint64_t)(*s - '0');
        if (v > (max - d) / 10)
            return false;
        v = v * 10 + d;
    }
    *out = neg ? (int64_t)(0 - v) : (int64_t)v;
    return true;
}

/* A number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?. A real that
 * overflows a double is refused, as jansson does. */
static bool
jp_number(struct jparser *jp, uint32_t t)
{
    const char *start = jp->p, *digits;
    bool neg = false, real = false;
    char *copy;
    double d;

    if (*jp->p == '-') {
        neg = true;
        jp->p++;
    }
    digits = jp->p;
    if (jp_digits(jp) == 0 || (*digits == '0' && jp->p - digits > 1))
        return false;
    if (jp->p < jp->end && *jp->p == '.') {
        jp->p++;
        real = true;
        if (jp_digits(jp) == 0)
            return false;
    }
    if (jp->p < jp->end && (*jp->p == 'e' || *jp->p == 'E')) {
        jp->p++;
        real = true;
        if (jp->p < jp->end && (*jp->p == '+' || *jp->p == '-'))
            jp->p++;
        if (jp_digits(jp) == 0)
            return false;
    }
    if (!real) {
        jp->toks[t].type = JTOK_INTEGER;
        return jp_integer(digits, jp->p, neg, &jp->toks[t].i);
    }
    jp->toks[t].type = JTOK_REAL;
    copy = arena_strndup(jp->arena, start, (size_t)(jp->p - start));
    if (copy == NULL)
        return false;
    errno = 0;
    d = strtod(copy, NULL);
    return !(errno == ERANGE && isinf(d));
}

/* The literal word at jp->p as a token of type t. */
static bool
jp_literal(struct jparser *jp, const char *word, enum jtok_type type,
           uint32_t t)
{
    size_t n = strlen(word);

    if ((size_t)(jp->end - jp->p) < n || memcmp(jp->p, word, n) != 0)
        return false;
    jp->p += n;
    jp->toks[t].type = type;
    return true;
}

/* ---- Objects and arrays ---- */

/* True when the string tokens a and b hold the same bytes. */
static bool
key_equal(const struct jtok *a, const struct jtok *b)
{
    return a->n == b->n && memcmp(a->s, b->s, a->n) == 0;
}

/* FNV-1a of a key's bytes. */
static uint32_t
key_hash(const struct jtok *k)
{
    uint32_t h = 2166136261u;

    for (uint32_t i = 0; i < k->n; i++) {
        h ^= (unsigned char)k->s[i];
        h *= 16777619u;
    }
    return h;
}

/* The n keys of object token o hold a duplicate: pairwise for a few, a
 * hash table in the arena for more. *oom is set when it cannot tell. */
static bool
keys_repeat(struct jparser *jp, uint32_t o, bool *oom)
{
    uint32_t n = jp->toks[o].n, slots = 2, *table;

    if (n <= JTOK_PAIRWISE_KEYS) {
        for (uint32_t a = o + 1; a < jp->toks[o].span; a = jp->toks[a + 1].span)
            for (uint32_t b = jp->toks[a + 1].span; b < jp->toks[o].span;
                 b = jp->toks[b + 1].span)
                if (key_equal(&jp->toks[a], &jp->toks[b]))
                    return true;
        return false;
    }
    while (slots < 2 * n)
        slots *= 2;
    table = arena_alloc(jp->arena, (size_t)slots * sizeof(*table));
    if (table == NULL) {
        *oom = true;
        return true;
    }
    for (uint32_t k = o + 1; k < jp->toks[o].span; k = jp->toks[k + 1].span) {
        uint32_t h = key_hash(&jp->toks[k]) & (slots - 1);
        while (table[h] != 0) {
            if (key_equal(&jp->toks[table[h] - 1], &jp->toks[k]))
                return true;
            h = (h + 1) & (slots - 1);
        }
        table[h] = k + 1; /* 0 is an empty slot */
    }
    return false;
}

/* An object at jp->p (on its '{'): key, value pairs; no key twice. */
static bool
jp_object(struct jparser *jp, uint32_t t)
{
    bool oom = false;

    jp->p++;
    jp_skip_ws(jp);
    if (jp->p < jp->end && *jp->p == '}') {
        jp->p++;
        jp->toks[t].span = jp->n;
        return true;
    }
    for (;;) {
        uint32_t k;
        if (jp->p >= jp->end || *jp->p != '"' ||
            !jp_push(jp, JTOK_STRING, &k) || !jp_string(jp, k))
            return false;
        jp->toks[k].span = jp->n;
        jp_skip_ws(jp);
        if (jp->p >= jp->end || *jp->p != ':')
            return false;
        jp->p++;
        if (!jp_value(jp))
            return false;
        jp->toks[t].n++;
        jp_skip_ws(jp);
        if (jp->p < jp->end && *jp->p == ',') {
            jp->p++;
            jp_skip_ws(jp);
            continue;
        }
        if (jp->p >= jp->end || *jp->p != '}')
            return false;
        jp->p++;
        jp->toks[t].span = jp->n;
        return !keys_repeat(jp, t, &oom);
    }
}

/* An array at jp->p (on its '['). */
static bool
jp_array(struct jparser *jp, uint32_t t)
{
    jp->p++;
    jp_skip_ws(jp);
    if (jp->p < jp->end && *jp->p == ']') {
        jp->p++;
        jp->toks[t].span = jp->n;
        return true;
    }
    for (;;) {
        if (!jp_value(jp))
            return false;
        jp->toks[t].n++;
        jp_skip_ws(jp);
        if (jp->p < jp->end && *jp->p == ',') {
            jp->p++;
            continue;
        }
        if (jp->p >= jp->end || *jp->p != ']')
            return false;
        jp->p++;
        jp->toks[t].span = jp->n;
        return true;
    }
}

/* An object or an array, one level deeper, within the cap. */
static bool
jp_nested(struct jparser *jp, uint32_t t, bool object)
{
    bool ok;

    if (++jp->depth > CODEC_MAX_DEPTH)
        return false;
    ok = object ? jp_object(jp, t) : jp_array(jp, t);
    jp->depth--;
    return ok;
}

/* One value at jp->p, white space first. */
static bool
jp_value(struct jparser *jp)
{
    uint32_t t;
    bool ok;

    jp_skip_ws(jp);
    if (jp->p >= jp->end || !jp_push(jp, JTOK_NULL, &t))
        return false;
    switch (*jp->p) {
    case '{':
        jp->toks[t].type = JTOK_OBJECT;
        return jp_nested(jp, t, true);
    case '[':
        jp->toks[t].type = JTOK_ARRAY;
        return jp_nested(jp, t, false);
    case '"':
        jp->toks[t].type = JTOK_STRING;
        ok = jp_string(jp, t);
        break;
    case 't':
        ok = jp_literal(jp, "true", JTOK_TRUE, t);
        break;
    case 'f':
        ok = jp_literal(jp, "false", JTOK_FALSE, t);
        break;
    case 'n':
        ok = jp_literal(jp, "null", JTOK_NULL, t);
        break;
    default:
        ok = (*jp->p == '-' || (*jp->p >= '0' && *jp->p <= '9')) &&
             jp_number(jp, t);
        break;
    }
    jp->toks[t].span = jp->n;
    return ok;
}

/*
 * Turns each token's end into its span and gives every array the offsets
 * of its elements (from the arena). False when out of memory.
 */
static bool
jtok_finish(struct jparser *jp)
{
    for (uint32_t t = 0; t < jp->n; t++) {
        struct jtok *tok = &jp->toks[t];
        uint32_t *elems, k = t + 1;
        tok->span -= t;
        if (tok->type != JTOK_ARRAY)
            continue;
        elems =
            arena_alloc_raw(jp->arena, ((size_t)tok->n + 1) * sizeof(*elems));
        if (elems == NULL)
            return false;
        /* Children still hold ends: each next element starts there. */
        for (uint32_t i = 0; i < tok->n; i++) {
            elems[i] = k - t;
            k = jp->toks[k].span;
        }
        tok->elems = elems;
    }
    return true;
}

/*
 * An upper bound of the tokens of text: every value and key but the root
 * follows a '{', '[', ',' or ':' outside strings, so the array is taken
 * once and never copied as it grows (a 41 MB catalogue has 5 million
 * tokens). Malformed text may be off the mark; jp_push() still grows.
 */
static size_t
jtok_count(const char *text, size_t len)
{
    size_t n = 1;
    bool in_string = false;

    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if (in_string) {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[' || c == ',' || c == ':') {
            n++;
        }
    }
    return n;
}

bool
jtok_parse(const char *text, size_t len, struct arena *arena, bool terminate,
           struct jtok_doc *out)
{
    struct jparser jp = {
        .p = text, .end = text + len, .arena = arena, .terminate = terminate};

    size_t cap = jtok_count(text, len);

    out->n = 0;
    out->toks = NULL;
    if (cap > UINT32_MAX / 2)
        return false;
    jp.toks = arena_alloc_raw(arena, cap * sizeof(*jp.toks));
    if (jp.toks == NULL)
        return false;
    jp.cap = (uint32_t)cap;
    jp_skip_ws(&jp);
    /* The root is an object or an array (jansson without
     * JSON_DECODE_ANY), then only white space. */
    if (jp.p >= jp.end || (*jp.p != '{' && *jp.p != '['))
        return false;
    if (!jp_value(&jp))
        return false;
    jp_skip_ws(&jp);
    if (jp.p != jp.end || !jtok_finish(&jp))
        return false;
    out->n = jp.n;
    out->toks = jp.toks;
    return true;
}

bool
jtok_is_n(const struct jtok *t, const char *s, size_t n)
{
    return t->type == JTOK_STRING && t->n == n && memcmp(t->s, s, n) == 0;
}

const struct jtok *
jv_object_getn(const struct jtok *object, const char *key, size_t n)
{
    for (const struct jtok *k = jv_first_key(object); k != NULL;
         k = jv_next_key(object, k))
        if (jtok_is_n(k, key, n))
            return k + 1;
    return NULL;
}

const struct jtok *
jv_object_get(const struct jtok *object, const char *key)
{
    return key != NULL ? jv_object_getn(object, key, strlen(key)) : NULL;
}
