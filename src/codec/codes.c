/*
 * codes.c - a map from codes to indexes (codes.h).
 */
#include "codes.h"

#include <stdlib.h>
#include <string.h>

#include "../core/model.h"

#define CODE_MAP_FIRST 64

void
code_map_init(struct code_map *m)
{
    *m = (struct code_map){.stamp = 1};
}

void
code_map_free(struct code_map *m)
{
    free(m->slots);
    code_map_init(m);
}

void
code_map_clear(struct code_map *m)
{
    m->n = 0;
    if (++m->stamp == 0) {
        /* Once in 4 billion clears: empty the slots for real. */
        if (m->slots != NULL)
            memset(m->slots, 0, ((size_t)m->mask + 1) * sizeof(*m->slots));
        m->stamp = 1;
    }
}

/* The slot of s: its own, or the empty one where it would go. */
static struct code_slot *
code_map_find(const struct code_map *m, const char *s, size_t len)
{
    uint32_t h = catalogue_code_hash(s, len) & m->mask;

    for (;;) {
        struct code_slot *slot = &m->slots[h];
        if (slot->stamp != m->stamp ||
            (slot->len == len && memcmp(slot->s, s, len) == 0))
            return slot;
        h = (h + 1) & m->mask;
    }
}

int32_t
code_map_get(const struct code_map *m, const char *s, size_t len)
{
    const struct code_slot *slot;

    if (m->slots == NULL)
        return -1;
    slot = code_map_find(m, s, len);
    return slot->stamp == m->stamp ? slot->index : -1;
}

/* Makes size slots (a power of two), keeping the entries. */
static bool
code_map_resize(struct code_map *m, size_t size)
{
    struct code_slot *old = m->slots;
    size_t old_size = old ? (size_t)m->mask + 1 : 0;
    uint32_t stamp = m->stamp;

    if (size > ((size_t)1 << 31))
        return false;
    m->slots = calloc(size, sizeof(*m->slots));
    if (m->slots == NULL) {
        m->slots = old;
        return false;
    }
    m->mask = (uint32_t)(size - 1);
    m->stamp = 1;
    m->n = 0;
    for (size_t i = 0; i < old_size; i++)
        if (old[i].stamp == stamp) {
            struct code_slot *slot = code_map_find(m, old[i].s, old[i].len);
            *slot = old[i];
            slot->stamp = 1;
            m->n++;
        }
    free(old);
    return true;
}

/* Doubles the slots (or makes the first ones). */
static bool
code_map_grow(struct code_map *m)
{
    return code_map_resize(m, m->slots ? 2 * ((size_t)m->mask + 1)
                                       : CODE_MAP_FIRST);
}

bool
code_map_reserve(struct code_map *m, size_t n)
{
    size_t size = CODE_MAP_FIRST;

    while (size < 2 * n + 2)
        size *= 2;
    if (m->slots != NULL && size <= (size_t)m->mask + 1)
        return true;
    return code_map_resize(m, size);
}

bool
code_map_put(struct code_map *m, const char *s, size_t len, int32_t index)
{
    struct code_slot *slot;

    if (len > UINT32_MAX)
        return false;
    if ((m->slots == NULL || 2 * ((uint64_t)m->n + 1) > (uint64_t)m->mask) &&
        !code_map_grow(m))
        return false;
    slot = code_map_find(m, s, len);
    if (slot->stamp == m->stamp)
        return true; /* the first one stays */
    *slot = (struct code_slot){s, (uint32_t)len, m->stamp, index};
    m->n++;
    return true;
}
