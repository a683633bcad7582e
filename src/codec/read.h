/*
 * read.h - reading JSON values into core types, naming the field on error.
 *
 * Values are the tokens of jtok.h, tokenized with copies (strings NUL-
 * terminated). A reader carries the path of the value being read
 * ("cart[2].quantity")
 * and the error to fill. Every read_ function checks one value at the
 * current path and returns ENC_OK or the error it set (SPEC 5). The
 * catalogue and request decoders embed a reader as their first member, so
 * the field callbacks of read_object() reach their decoder from it.
 */
#ifndef ENCORE_CODEC_READ_H
#define ENCORE_CODEC_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/arena.h"
#include "../core/error.h"
#include "../core/timeutil.h"
#include "jtok.h"

/* Integers beyond 2^53 - 1 are not exact in every JSON reader (a browser's
 * among them), so amounts, capacities and stocks stop there. */
#define READ_MAX_AMOUNT ((int64_t)9007199254740991)
#define READ_MAX_LANG 35

struct reader {
    struct enc_error *err;
    struct arena *arena; /* strings read are copied here */
    size_t path_len;
    char path[ENC_FIELD_MAX];
};

void reader_init(struct reader *r, struct arena *arena, struct enc_error *err);

/* Appends ".key" (or "key" at the root) / "[index]" to the path and returns
 * a mark for reader_pop(). A path past ENC_FIELD_MAX is cut short. */
size_t reader_push_key(struct reader *r, const char *key);
size_t reader_push_index(struct reader *r, size_t index);
void reader_pop(struct reader *r, size_t mark);

/* Sets the error at the current path; returns code. */
enum enc_code reader_fail(struct reader *r, enum enc_code code, const char *fmt,
                          ...) __attribute__((format(printf, 3, 4)));

/* ENC_INTERNAL "out of memory". */
enum enc_code reader_oom(struct reader *r);

/* String checks without a reader (SPEC 5): a code is 1..CODEC_MAX_CODE
 * bytes without a control character; a language tag is letters, digits
 * and '-', 1..READ_MAX_LANG characters. */
bool read_is_code(const char *s, size_t len);
bool read_is_lang(const char *s, size_t len);

/* A code: checked, then copied to the arena (*out). */
enum enc_code read_code(struct reader *r, const struct jtok *v,
                        const char **out);

/* A code checked in place: *s and *len point into v. */
enum enc_code read_code_view(struct reader *r, const struct jtok *v,
                             const char **s, size_t *len);

/* A label (cycle, season, venue): 1..CODEC_MAX_STRING bytes, no control
 * character. Copied to the arena. */
enum enc_code read_label(struct reader *r, const struct jtok *v,
                         const char **out);

/* A language tag, copied to the arena. */
enum enc_code read_lang(struct reader *r, const struct jtok *v,
                        const char **out);

/* A text value: at most CODEC_MAX_STRING bytes, no control character but
 * newline and tab (SPEC 5). Copied to the arena. */
enum enc_code read_text_value(struct reader *r, const struct jtok *v,
                              const char **out);

/* An integer in [min, max]: 1.5, "2" and true are refused. */
enum enc_code read_int(struct reader *r, const struct jtok *v, int64_t min,
                       int64_t max, int64_t *out);

/* The same for uint32_t fields. */
enum enc_code read_uint32(struct reader *r, const struct jtok *v, uint32_t min,
                          uint32_t max, uint32_t *out);

/* An RFC 3339 date-time string. */
enum enc_code read_time(struct reader *r, const struct jtok *v,
                        struct enc_time *out);

/* A string among names[0..n) (*out gets its index). what names the set
 * in the message ("a stage"). */
enum enc_code read_choice(struct reader *r, const struct jtok *v,
                          const char *const *names, size_t n, const char *what,
                          int *out);

/* A string that parse() knows (core's kind_parse()...): *out gets what
 * it returns. what names the set in the message. */
enum enc_code read_parsed(struct reader *r, const struct jtok *v,
                          int (*parse)(const char *), const char *what,
                          int *out);

/* An array of min..max elements; *n gets its size. */
enum enc_code read_array(struct reader *r, const struct jtok *v, size_t min,
                         size_t max, size_t *n);

/*
 * The fields of one kind of object. decode reads the value at the current
 * path (the field's) into record.
 */
struct field {
    const char *name;
    bool required;
    enum enc_code (*decode)(struct reader *r, const struct jtok *v,
                            void *record);
};

/*
 * Reads an object field by field in document order, so the first error is
 * the first in the document: an unknown key is refused ("unknown field"),
 * then a required field left out ("missing field", in table order).
 * At most 64 fields.
 */
enum enc_code read_object(struct reader *r, const struct jtok *v,
                          const struct field *fields, size_t n, void *record);

#endif
