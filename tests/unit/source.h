/*
 * source.h - files of the source tree ($ENCORE_SOURCE_DIR, else the
 * current directory) that the unit tests read: test catalogues and the
 * SPEC 7 example.
 */
#ifndef ENCORE_TESTS_SOURCE_H
#define ENCORE_TESTS_SOURCE_H

#include <stddef.h>

struct enc_catalogue;

/* The file name (relative to the source tree), read whole and
 * NUL-terminated (the caller frees); *len (may be NULL) gets its length.
 * NULL when it cannot be read. */
char *source_read(const char *name, size_t *len);

/* That file decoded as a catalogue (codec_catalogue_decode(), the caller
 * frees); NULL when it cannot be read or decoded. */
struct enc_catalogue *source_catalogue(const char *name);

#endif
