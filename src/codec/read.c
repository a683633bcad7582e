/*
 * read.c - JSON values to core types, with the field's path on error.
 */
#include "read.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "codec.h"

void
reader_init(struct reader *r, struct arena *arena, struct enc_error *err)
{
    r->err = err;
    r->arena = arena;
    r->path_len = 0;
    r->path[0] = '\0';
}

/* Appends n bytes of s to the path, cutting it short at the buffer. Every
 * field read passes here, so no printf. */
static void
reader_append(struct reader *r, const char *s, size_t n)
{
    size_t room = sizeof r->path - 1 - r->path_len;

    if (n > room)
        n = room;
    memcpy(r->path + r->path_len, s, n);
    r->path_len += n;
    r->path[r->path_len] = '\0';
}

size_t
reader_push_key(struct reader *r, const char *key)
{
    size_t mark = r->path_len;

    if (mark > 0)
        reader_append(r, ".", 1);
    reader_append(r, key, strlen(key));
    return mark;
}

size_t
reader_push_index(struct reader *r, size_t index)
{
    char buf[24];
    size_t n = sizeof buf;
    size_t mark = r->path_len;

    buf[--n] = ']';
    do {
        buf[--n] = (char)('0' + index % 10);
        index /= 10;
    } while (index > 0);
    buf[--n] = '[';
    reader_append(r, buf + n, sizeof buf - n);
    return mark;
}

void
reader_pop(struct reader *r, size_t mark)
{
    r->path_len = mark;
    r->path[mark] = '\0';
}

enum enc_code
reader_fail(struct reader *r, enum enc_code code, const char *fmt, ...)
{
    char message[ENC_MESSAGE_MAX];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    return enc_error_set(r->err, code, r->path, "%s", message);
}

enum enc_code
reader_oom(struct reader *r)
{
    return reader_fail(r, ENC_INTERNAL, "out of memory");
}

/*
 * True when s holds a control character: C0 (below 0x20), DEL, or C1
 * (U+0080..U+009F, written C2 80..C2 9F in UTF-8, which jtok checked).
 * Newline and tab pass when texts is true (SPEC 5).
 */
static bool
has_control(const char *s, size_t len, bool texts)
{
    const unsigned char *u = (const unsigned char *)s;

    for (size_t i = 0; i < len; i++) {
        if (u[i] < 0x20 && !(texts && (u[i] == '\n' || u[i] == '\t')))
            return true;
        if (u[i] == 0x7f)
            return true;
        if (u[i] == 0xc2 && i + 1 < len && u[i + 1] >= 0x80 && u[i + 1] <= 0x9f)
            return true;
    }
    return false;
}

bool
read_is_code(const char *s, size_t len)
{
    return len >= 1 && len <= CODEC_MAX_CODE && !has_control(s, len, false);
}

bool
read_is_lang(const char *s, size_t len)
{
    if (len < 1 || len > READ_MAX_LANG)
        return false;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '-'))
            return false;
    }
    return true;
}

/* The string in v, or an error naming the field when v is not one. */
static enum enc_code
read_string(struct reader *r, const struct jtok *v, const char **s, size_t *len)
{
    if (!jv_is_string(v))
        return reader_fail(r, ENC_INVALID_FIELD, "must be a string");
    *s = jv_string(v);
    *len = jv_string_length(v);
    return ENC_OK;
}

/* Copies s to the arena. */
static enum enc_code
read_copy(struct reader *r, const char *s, size_t len, const char **out)
{
    *out = arena_strndup(r->arena, s, len);
    return *out ? ENC_OK : reader_oom(r);
}

enum enc_code
read_code_view(struct reader *r, const struct jtok *v, const char **s,
               size_t *len)
{
    enum enc_code rc = read_string(r, v, s, len);

    if (rc != ENC_OK)
        return rc;
    if (*len == 0 || *len > CODEC_MAX_CODE)
        return reader_fail(r, ENC_INVALID_FIELD, "a code is 1 to %u bytes long",
                           CODEC_MAX_CODE);
    if (has_control(*s, *len, false))
        return reader_fail(r, ENC_INVALID_FIELD,
                           "a code holds no control character");
    return ENC_OK;
}

enum enc_code
read_code(struct reader *r, const struct jtok *v, const char **out)
{
    const char *s = NULL;
    size_t len = 0;
    enum enc_code rc = read_code_view(r, v, &s, &len);

    return rc != ENC_OK ? rc : read_copy(r, s, len, out);
}

enum enc_code
read_label(struct reader *r, const struct jtok *v, const char **out)
{
    const char *s = NULL;
    size_t len = 0;
    enum enc_code rc = read_string(r, v, &s, &len);

    if (rc != ENC_OK)
        return rc;
    if (len == 0 || len > CODEC_MAX_STRING)
        return reader_fail(r, ENC_INVALID_FIELD, "must be 1 to %u bytes long",
                           CODEC_MAX_STRING);
    if (has_control(s, len, false))
        return reader_fail(r, ENC_INVALID_FIELD, "holds a control character");
    return read_copy(r, s, len, out);
}

enum enc_code
read_lang(struct reader *r, const struct jtok *v, const char **out)
{
    const char *s = NULL;
    size_t len = 0;
    enum enc_code rc = read_string(r, v, &s, &len);

    if (rc != ENC_OK)
        return rc;
    if (!read_is_lang(s, len))
        return reader_fail(r, ENC_INVALID_FIELD,
                           "a language tag is 1 to %d letters, digits or '-'",
                           READ_MAX_LANG);
    return read_copy(r, s, len, out);
}

enum enc_code
read_text_value(struct reader *r, const struct jtok *v, const char **out)
{
    const char *s = NULL;
    size_t len = 0;
    enum enc_code rc = read_string(r, v, &s, &len);

    if (rc != ENC_OK)
        return rc;
    if (len > CODEC_MAX_STRING)
        return reader_fail(r, ENC_INVALID_FIELD,
                           "a text is at most %u bytes long", CODEC_MAX_STRING);
    if (has_control(s, len, true))
        return reader_fail(
            r, ENC_INVALID_FIELD,
            "a text holds no control character but newline and tab");
    return read_copy(r, s, len, out);
}

enum enc_code
read_int(struct reader *r, const struct jtok *v, int64_t min, int64_t max,
         int64_t *out)
{
    int64_t n;

    if (!jv_is_integer(v))
        return reader_fail(r, ENC_INVALID_FIELD, "must be an integer");
    n = jv_integer(v);
    if (n < min || n > max) {
        if (max == READ_MAX_AMOUNT && n < min)
            return reader_fail(r, ENC_INVALID_FIELD, "must be %lld or more",
                               (long long)min);
        return reader_fail(r, ENC_INVALID_FIELD,
                           "must be between %lld and %lld", (long long)min,
                           (long long)max);
    }
    *out = (int64_t)n;
    return ENC_OK;
}

enum enc_code
read_uint32(struct reader *r, const struct jtok *v, uint32_t min, uint32_t max,
            uint32_t *out)
{
    int64_t n = 0;
    enum enc_code rc = read_int(r, v, min, max, &n);

    if (rc == ENC_OK)
        *out = (uint32_t)n;
    return rc;
}

enum enc_code
read_time(struct reader *r, const struct jtok *v, struct enc_time *out)
{
    const char *s = NULL;
    size_t len = 0;
    enum enc_code rc = read_string(r, v, &s, &len);

    if (rc != ENC_OK)
        return rc;
    if (!time_parse_rfc3339(s, len, out))
        return reader_fail(
            r, ENC_INVALID_FIELD,
            "not an RFC 3339 date-time such as 2027-06-12T20:00:00+02:00");
    return ENC_OK;
}

enum enc_code
read_choice(struct reader *r, const struct jtok *v, const char *const *names,
            size_t n, const char *what, int *out)
{
    const char *s = NULL;
    size_t len = 0;
    enum enc_code rc = read_string(r, v, &s, &len);

    if (rc != ENC_OK)
        return rc;
    for (size_t i = 0; i < n; i++) {
        if (strlen(names[i]) == len && memcmp(names[i], s, len) == 0) {
            *out = (int)i;
            return ENC_OK;
        }
    }
    return reader_fail(r, ENC_INVALID_FIELD, "must be %s", what);
}

enum enc_code
read_parsed(struct reader *r, const struct jtok *v, int (*parse)(const char *),
            const char *what, int *out)
{
    if (!jv_is_string(v))
        return reader_fail(r, ENC_INVALID_FIELD, "must be a string");
    *out = parse(jv_string(v));
    if (*out < 0)
        return reader_fail(r, ENC_INVALID_FIELD, "must be %s", what);
    return ENC_OK;
}

enum enc_code
read_array(struct reader *r, const struct jtok *v, size_t min, size_t max,
           size_t *n)
{
    if (!jv_is_array(v))
        return reader_fail(r, ENC_INVALID_FIELD, "must be an array");
    *n = jv_array_size(v);
    if (*n < min && min == 1)
        return reader_fail(r, ENC_INVALID_FIELD, "must not be empty");
    if (*n < min || *n > max)
        return reader_fail(r, ENC_INVALID_FIELD,
                           "must hold %zu to %zu elements", min, max);
    return ENC_OK;
}

/* The index of the field named key, or -1. */
static int
field_find(const struct field *fields, size_t n, const char *key)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(fields[i].name, key) == 0)
            return (int)i;
    return -1;
}

/* Reports the first required field of the table that was not seen. */
static enum enc_code
read_missing(struct reader *r, const struct field *fields, size_t n,
             uint64_t seen)
{
    for (size_t i = 0; i < n; i++) {
        if (fields[i].required && !(seen & ((uint64_t)1 << i))) {
            reader_push_key(r, fields[i].name);
            return reader_fail(r, ENC_INVALID_FIELD, "missing field");
        }
    }
    return ENC_OK;
}

enum enc_code
read_object(struct reader *r, const struct jtok *v, const struct field *fields,
            size_t n, void *record)
{
    uint64_t seen = 0;

    if (!jv_is_object(v))
        return reader_fail(r, ENC_INVALID_FIELD, "must be an object");
    for (const struct jtok *k = jv_first_key(v); k; k = jv_next_key(v, k)) {
        int f = field_find(fields, n, k->s);
        size_t mark = reader_push_key(r, k->s);
        enum enc_code rc;

        if (f < 0)
            return reader_fail(r, ENC_INVALID_FIELD, "unknown field");
        rc = fields[f].decode(r, k + 1, record);
        if (rc != ENC_OK)
            return rc;
        reader_pop(r, mark);
        seen |= (uint64_t)1 << f;
    }
    return read_missing(r, fields, n, seen);
}
