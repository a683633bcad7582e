/*
 * fuzz.h - what the libFuzzer targets of tests/fuzz share: reading the
 * catalogues they run against, and failing loudly when an invariant
 * breaks (libFuzzer then keeps the input as a crash).
 */
#ifndef ENCORE_TESTS_FUZZ_H
#define ENCORE_TESTS_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "codec/codec.h"

/* The entry points libFuzzer calls (declared for -Wmissing-prototypes). */
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * The bytes of path, relative to the source tree ($ENCORE_SOURCE_DIR, else
 * the tree this target was built from). Malloc'ed, NUL-terminated (not
 * counted in *len). Aborts when the file cannot be read: a target without
 * its catalogue would fuzz nothing.
 */
char *fuzz_read_file(const char *path, size_t *len);

/* The catalogue of the document at path (as fuzz_read_file()), decoded
 * and indexed; aborts when it does not decode. The caller frees it. */
struct enc_catalogue *fuzz_load_catalogue(const char *path);

/* Prints "fuzz: invariant broken: MESSAGE" on stderr and aborts. */
void fuzz_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)))
__attribute__((noreturn));

/* Parses an RFC 3339 instant written in the target; aborts on a bad one. */
struct enc_time fuzz_time(const char *s);

#endif
