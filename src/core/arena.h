/*
 * arena.h - bump allocation for memory that lives and dies together.
 *
 * A catalogue, a request and an answer each own one arena: everything they
 * point to is allocated from it and released at once by arena_cleanup().
 * Chunks come from malloc() (the only allocation in core), so an arena can
 * also be given a fixed first chunk from the caller to serve a request
 * without touching the heap.
 */
#ifndef ENCORE_CORE_ARENA_H
#define ENCORE_CORE_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
    struct arena_chunk *head; /* newest chunk, owned (not the first buffer) */
    char *cur;                /* next free byte in head */
    char *end;                /* one past the last byte of head */
    size_t total;             /* bytes handed out, for caps and metrics */
    size_t cap;               /* 0 = no cap; else arena_alloc fails past it */
    char *first;              /* the caller's first chunk, or NULL */
    size_t first_size;
};

/* Prepares an empty arena. cap (bytes, 0 = none) bounds what it hands out. */
void arena_init(struct arena *a, size_t cap);

/*
 * Prepares an arena whose first size bytes come from buf, which the caller
 * owns and keeps while the arena is used (a per-thread buffer serves a
 * request without the heap). Past it, chunks come from malloc().
 */
void arena_init_buffer(struct arena *a, void *buf, size_t size, size_t cap);

/* Frees every chunk; the arena may be reused after arena_init(). */
void arena_cleanup(struct arena *a);

/* Forgets everything handed out and frees the chunks past the first
 * buffer, so the next request starts on that buffer again. */
void arena_reset(struct arena *a);

/*
 * Returns size bytes aligned for any type, zeroed, or NULL when malloc fails
 * or the cap would be passed. Valid until arena_cleanup().
 */
void *arena_alloc(struct arena *a, size_t size);

/* arena_alloc() without the zeroing, for an array its user fills. */
void *arena_alloc_raw(struct arena *a, size_t size);

/* Copies n bytes of s and a NUL; NULL on failure. */
char *arena_strndup(struct arena *a, const char *s, size_t n);

/* Copies the NUL-terminated s; NULL on failure. */
char *arena_strdup(struct arena *a, const char *s);

#endif
