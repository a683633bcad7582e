/*
 * strbuf.h - a growable string for compact JSON written by hand (the
 * answer of SPEC 8 is written on every request: no tree is built).
 *
 * A failed append (out of memory, or past the cap) marks the buffer
 * failed; later appends do nothing and strbuf_finish() returns NULL, so a
 * writer checks once at its end.
 */
#ifndef ENCORE_CODEC_STRBUF_H
#define ENCORE_CODEC_STRBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct strbuf {
    char *data; /* malloc'ed (or the caller's), NUL-terminated unless failed */
    size_t len;
    size_t cap;
    size_t max; /* the cap of STYLE 12, in bytes */
    bool failed;
    bool borrowed; /* data is the caller's buffer, not malloc'ed */
};

void strbuf_init(struct strbuf *b, size_t max);

/* A strbuf writing into the caller's buffer of size bytes first; past it,
 * into a malloc'ed copy (then data is no longer buf). */
void strbuf_init_buffer(struct strbuf *b, char *buf, size_t size, size_t max);

/* Frees what a strbuf malloc'ed (not a caller's buffer) and empties it. */
void strbuf_release(struct strbuf *b);
void strbuf_put(struct strbuf *b, const char *s, size_t n);
void strbuf_puts(struct strbuf *b, const char *s);

/* strbuf_put() of a string literal, its length known when compiled. */
#define strbuf_lit(b, literal) strbuf_put((b), literal, sizeof(literal) - 1)
void strbuf_putc(struct strbuf *b, char c);
void strbuf_put_int(struct strbuf *b, int64_t n);

/* s as a JSON string: quotes, backslash and control characters escaped
 * (\u00XX), UTF-8 passed through. */
void strbuf_put_json(struct strbuf *b, const char *s);

/* Returns the text (the caller frees it) and its length, or NULL when the
 * buffer failed (it is then freed). */
char *strbuf_finish(struct strbuf *b, size_t *len);

#endif
