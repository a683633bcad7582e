/*
 * assemble.c - a growable text buffer for the documents the store glues
 * together from its rows (see assemble.h).
 */
#include "assemble.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
doc_init(struct doc *d)
{
    memset(d, 0, sizeof(*d));
}

void
doc_cleanup(struct doc *d)
{
    free(d->text);
    doc_init(d);
}

bool
doc_failed(const struct doc *d)
{
    return d->failed;
}

/* Makes room for n more bytes and a NUL; false (and failed) when it
 * cannot. Doubling keeps appends amortised O(1). */
static bool
doc_reserve(struct doc *d, size_t n)
{
    if (d->failed)
        return false;
    if (n < d->cap - d->len)
        return true;
    if (n > SIZE_MAX / 2 - d->len) {
        d->failed = true;
        return false;
    }
    size_t cap = d->cap ? d->cap : 4096;
    while (cap - d->len <= n)
        cap *= 2;
    char *text = realloc(d->text, cap);
    if (text == NULL) {
        d->failed = true;
        return false;
    }
    d->text = text;
    d->cap = cap;
    return true;
}

void
doc_append(struct doc *d, const char *s, size_t n)
{
    if (!doc_reserve(d, n))
        return;
    memcpy(d->text + d->len, s, n);
    d->len += n;
    d->text[d->len] = '\0';
}

void
doc_append_str(struct doc *d, const char *s)
{
    doc_append(d, s, strlen(s));
}

void
doc_append_int(struct doc *d, int64_t v)
{
    char buf[24];
    int n = snprintf(buf, sizeof(buf), "%" PRId64, v);
    doc_append(d, buf, (size_t)n);
}

void
doc_append_json_string(struct doc *d, const char *s)
{
    doc_append(d, "\"", 1);
    for (const char *p = s; *p != '\0'; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '"' || c == '\\') {
            char esc[2] = {'\\', (char)c};
            doc_append(d, esc, 2);
        } else if (c < 0x20) {
            char esc[8];
            int n = snprintf(esc, sizeof(esc), "\\u%04x", c);
            doc_append(d, esc, (size_t)n);
        } else {
            doc_append(d, p, 1);
        }
    }
    doc_append(d, "\"", 1);
}

void
doc_append_open_object(struct doc *d, const char *body, size_t n,
                       const char *key)
{
    /* The codec writes compact bodies: the last byte is the closing brace,
     * and an object with no key yet is exactly "{}". */
    if (n < 2 || body[n - 1] != '}') {
        d->failed = true;
        return;
    }
    doc_append(d, body, n - 1);
    if (n > 2)
        doc_append(d, ",", 1);
    doc_append_json_string(d, key);
    doc_append(d, ":", 1);
}

char *
doc_take(struct doc *d, size_t *len)
{
    if (d->failed || d->text == NULL) {
        doc_cleanup(d);
        return NULL;
    }
    char *text = d->text;
    *len = d->len;
    doc_init(d);
    return text;
}
