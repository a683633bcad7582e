/*
 * bench.h - what the benchmark drivers share (bench/inproc.c,
 * bench/sqlnaive.c): the clock, percentiles, the cart files and the
 * catalogue loaded as the server loads it.
 */
#ifndef ENCORE_BENCH_H
#define ENCORE_BENCH_H

#include <stddef.h>
#include <stdint.h>

#include "codec/codec.h"
#include "store/store.h"

/* The carts of one file, one JSON request per line, parsed once. */
struct bench_carts {
    uint32_t n;
    char **bodies;                /* malloc'ed, NUL-terminated */
    size_t *lens;                 /* byte length of each body */
    struct arena *arenas;         /* one per request: its cart and strings */
    struct enc_request *requests; /* decoded against the catalogue */
};

/* Nanoseconds of CLOCK_MONOTONIC. */
uint64_t bench_now_ns(void);

/* The q-th quantile (0..1) of n samples, sorting them in place
 * (nearest rank). 0 when n is 0. */
uint64_t bench_quantile(uint64_t *samples, size_t n, double q);

/* Prints one figure as "name value" on stdout, the format bench/report.py
 * reads. */
void bench_print(const char *name, double value);

/*
 * Opens the database at path and loads its catalogue as the server
 * builds its snapshot (store_load); *seconds gets the wall time of the
 * load. Exits with a message on failure: a driver cannot go on without.
 */
struct enc_catalogue *bench_load(const char *path, double *seconds);

/*
 * Reads dir/cart-SIZE.json and decodes every request against cat (SPEC 8,
 * the codec's own decoder), untimed. Exits with a message on failure.
 */
void bench_carts_read(const struct enc_catalogue *cat, const char *dir,
                      unsigned size, struct bench_carts *out);

/* Frees what bench_carts_read() allocated. */
void bench_carts_cleanup(struct bench_carts *c);

#endif
