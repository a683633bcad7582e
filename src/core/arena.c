/*
 * arena.c - bump allocation in malloc'ed chunks (see arena.h).
 *
 * Each chunk starts with its header; the rest is handed out in aligned
 * slices. A request larger than the default chunk gets a chunk of its own.
 * An arena may start on a buffer of the caller's (arena_init_buffer()):
 * that buffer is not a chunk, is never freed here, and arena_reset()
 * starts over on it.
 */
#include "arena.h"

#include <stdalign.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_CHUNK_SIZE ((size_t)64 * 1024)
#define ARENA_ALIGN alignof(max_align_t)

struct arena_chunk {
    struct arena_chunk *next; /* older chunk */
    alignas(max_align_t) char data[];
};

void
arena_init(struct arena *a, size_t cap)
{
    a->head = NULL;
    a->cur = NULL;
    a->end = NULL;
    a->total = 0;
    a->cap = cap;
    a->first = NULL;
    a->first_size = 0;
}

/* Points cur/end at the caller's buffer, aligned. */
static void
arena_start_buffer(struct arena *a)
{
    uintptr_t p = (uintptr_t)a->first;
    size_t skip = (ARENA_ALIGN - p % ARENA_ALIGN) % ARENA_ALIGN;

    a->cur = a->first_size > skip ? a->first + skip : a->first;
    a->end = a->first_size > skip ? a->first + a->first_size : a->first;
}

void
arena_init_buffer(struct arena *a, void *buf, size_t size, size_t cap)
{
    arena_init(a, cap);
    a->first = buf;
    a->first_size = buf != NULL ? size : 0;
    if (a->first != NULL)
        arena_start_buffer(a);
}

/* Frees the malloc'ed chunks. */
static void
arena_free_chunks(struct arena *a)
{
    struct arena_chunk *c = a->head;

    while (c != NULL) {
        struct arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
}

void
arena_cleanup(struct arena *a)
{
    arena_free_chunks(a);
    arena_init(a, a->cap);
}

void
arena_reset(struct arena *a)
{
    arena_free_chunks(a);
    a->total = 0;
    a->cur = a->end = NULL;
    if (a->first != NULL)
        arena_start_buffer(a);
}

/* Rounds n up to the arena's alignment; false when that overflows. */
static bool
arena_round_up(size_t n, size_t *out)
{
    if (n > SIZE_MAX - (ARENA_ALIGN - 1))
        return false;
    *out = (n + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
    return true;
}

/* Pushes a new chunk able to hold at least size bytes; false on failure. */
static bool
arena_grow(struct arena *a, size_t size)
{
    size_t data = size > ARENA_CHUNK_SIZE ? size : ARENA_CHUNK_SIZE;
    struct arena_chunk *c;

    if (data > SIZE_MAX - sizeof(*c))
        return false;
    c = malloc(sizeof(*c) + data);
    if (c == NULL)
        return false;
    c->next = a->head;
    a->head = c;
    a->cur = c->data;
    a->end = c->data + data;
    return true;
}

void *
arena_alloc(struct arena *a, size_t size)
{
    void *p = arena_alloc_raw(a, size);

    if (p != NULL)
        memset(p, 0, size == 0 ? 1 : size);
    return p;
}

void *
arena_alloc_raw(struct arena *a, size_t size)
{
    size_t n;
    void *p;

    if (!arena_round_up(size == 0 ? 1 : size, &n))
        return NULL;
    if (a->cap != 0 && (n > a->cap || a->total > a->cap - n))
        return NULL;
    if (a->cur == NULL || (size_t)(a->end - a->cur) < n) {
        if (!arena_grow(a, n))
            return NULL;
    }
    p = a->cur;
    a->cur += n;
    a->total += n;
    return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
    char *p;

    if (n == SIZE_MAX)
        return NULL;
    p = arena_alloc(a, n + 1);
    if (p == NULL)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}
