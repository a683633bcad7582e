/*
 * strbuf.c - a growable string for compact JSON.
 */
#include "strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STRBUF_FIRST 1024

void
strbuf_init(struct strbuf *b, size_t max)
{
    *b = (struct strbuf){.max = max};
}

void
strbuf_init_buffer(struct strbuf *b, char *buf, size_t size, size_t max)
{
    *b = (struct strbuf){.max = max};
    if (buf != NULL && size > 0) {
        b->data = buf;
        b->cap = size;
        b->borrowed = true;
        buf[0] = '\0';
    }
}

void
strbuf_release(struct strbuf *b)
{
    if (!b->borrowed)
        free(b->data);
    *b = (struct strbuf){.max = b->max};
}

/* Makes room for n more bytes and a NUL; false (and failed) when it
 * cannot. */
static bool
strbuf_reserve(struct strbuf *b, size_t n)
{
    size_t need, cap;
    char *data;

    if (b->failed)
        return false;
    if (n > b->max || b->len + 1 > b->max - n) {
        b->failed = true;
        return false;
    }
    need = b->len + n + 1;
    if (need <= b->cap)
        return true;
    cap = b->cap ? b->cap : STRBUF_FIRST;
    while (cap < need)
        cap *= 2;
    if (cap > b->max)
        cap = b->max;
    if (b->borrowed) {
        /* Past the caller's buffer: on to the heap, keeping what is in. */
        data = malloc(cap);
        if (data)
            memcpy(data, b->data, b->len + 1);
    } else {
        data = realloc(b->data, cap);
    }
    if (!data) {
        b->failed = true;
        return false;
    }
    b->borrowed = false;
    b->data = data;
    b->cap = cap;
    return true;
}

void
strbuf_put(struct strbuf *b, const char *s, size_t n)
{
    if (!strbuf_reserve(b, n))
        return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void
strbuf_puts(struct strbuf *b, const char *s)
{
    strbuf_put(b, s, strlen(s));
}

void
strbuf_putc(struct strbuf *b, char c)
{
    strbuf_put(b, &c, 1);
}

void
strbuf_put_int(struct strbuf *b, int64_t n)
{
    char buf[24];
    int k = snprintf(buf, sizeof buf, "%lld", (long long)n);
    strbuf_put(b, buf, (size_t)k);
}

void
strbuf_put_json(struct strbuf *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    const char *run = s;

    strbuf_putc(b, '"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        char esc[6] = {'\\', 'u', '0', '0', 0, 0};

        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        /* Flush the plain run before the byte that needs escaping. */
        strbuf_put(b, run, (size_t)(s - run));
        run = s + 1;
        if (c == '"' || c == '\\') {
            esc[1] = (char)c;
            strbuf_put(b, esc, 2);
        } else {
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 0xf];
            strbuf_put(b, esc, 6);
        }
    }
    strbuf_put(b, run, (size_t)(s - run));
    strbuf_putc(b, '"');
}

char *
strbuf_finish(struct strbuf *b, size_t *len)
{
    char *data;

    if (!b->failed && !b->data)
        strbuf_put(b, "", 0);
    if (b->failed) {
        strbuf_release(b);
        return NULL;
    }
    data = b->borrowed ? strdup(b->data) : b->data;
    if (data == NULL) {
        *b = (struct strbuf){.max = b->max};
        return NULL;
    }
    if (len)
        *len = b->len;
    *b = (struct strbuf){.max = b->max};
    return data;
}
