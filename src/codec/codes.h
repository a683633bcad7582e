/*
 * codes.h - a map from codes (bytes and length) to indexes, for the
 * decoder's pass A and its sets (line ids of a profile). Private to
 * codec/.
 *
 * Open addressing, grown as needed, malloc'ed. A clear is one increment
 * of a stamp, so a set reused per profile costs nothing to empty. The
 * keys are not copied: they must outlive the map (the document's tokens).
 */
#ifndef ENCORE_CODEC_CODES_H
#define ENCORE_CODEC_CODES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct code_slot {
    const char *s;
    uint32_t len;
    uint32_t stamp; /* the map's stamp when filled; else empty */
    int32_t index;
};

struct code_map {
    uint32_t mask; /* slots - 1, a power of two minus one; 0: none yet */
    uint32_t n;    /* entries under the current stamp */
    uint32_t stamp;
    struct code_slot *slots;
};

/* An empty map (no memory until the first put). */
void code_map_init(struct code_map *m);

/* Makes room for n entries at once (no growth on the way); false when out
 * of memory. */
bool code_map_reserve(struct code_map *m, size_t n);

/* Frees the map's memory; it may be used again after code_map_init(). */
void code_map_free(struct code_map *m);

/* Empties the map, keeping its memory. */
void code_map_clear(struct code_map *m);

/* The index stored for code s (len bytes), or -1. */
int32_t code_map_get(const struct code_map *m, const char *s, size_t len);

/* Stores index for s unless s is there already (the first one stays).
 * False when out of memory. */
bool code_map_put(struct code_map *m, const char *s, size_t len, int32_t index);

#endif
