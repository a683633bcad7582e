/*
 * bench.c - the clock, percentiles, cart files and catalogue loading that
 * the drivers share (bench.h).
 */
#include "bench.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Cap on one cart file, far above the generator's 20-item carts. */
#define BENCH_MAX_FILE (64u << 20)
/* Cap on one request's arena (the codec's own cap is larger). */
#define BENCH_ARENA_MAX (16u << 20)

uint64_t
bench_now_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int
compare_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a;
    uint64_t y = *(const uint64_t *)b;

    return (x > y) - (x < y);
}

uint64_t
bench_quantile(uint64_t *samples, size_t n, double q)
{
    if (n == 0)
        return 0;
    qsort(samples, n, sizeof(*samples), compare_u64);
    return samples[(size_t)(q * (double)(n - 1) + 0.5)];
}

void
bench_print(const char *name, double value)
{
    printf("%s %.6g\n", name, value);
    fflush(stdout);
}

/* Prints "bench: what: why" and exits 1. */
static void
bench_die(const char *what, const char *why)
{
    fprintf(stderr, "bench: %s: %s\n", what, why);
    exit(1);
}

struct enc_catalogue *
bench_load(const char *path, double *seconds)
{
    struct enc_error err = {0};
    struct store *store = NULL;
    struct enc_catalogue *cat = NULL;
    uint64_t t0 = bench_now_ns();

    if (store_open(path, &store, &err) != ENC_OK ||
        store_load(store, &cat, &err) != ENC_OK)
        bench_die(path, err.message);
    *seconds = (double)(bench_now_ns() - t0) / 1e9;
    store_close(store);
    if (cat == NULL)
        bench_die(path, "no catalogue imported");
    return cat;
}

/* Reads the whole file at path (at most BENCH_MAX_FILE bytes), NUL
 * terminated; *len gets its length. The caller frees. */
static char *
file_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *text = malloc(BENCH_MAX_FILE + 1);

    if (f == NULL || text == NULL)
        bench_die(path, "cannot open");
    *len = fread(text, 1, BENCH_MAX_FILE, f);
    if (ferror(f) || !feof(f))
        bench_die(path, "read error or larger than the cap");
    fclose(f);
    text[*len] = '\0';
    return text;
}

/* Splits text into its non-empty lines, in place; returns how many and
 * sets *lines (malloc'ed array of pointers into text). */
static uint32_t
lines_split(char *text, size_t len, char ***lines)
{
    uint32_t n = 0, cap = 1024;
    char **v = malloc(cap * sizeof(*v));

    for (char *p = text; v != NULL && p < text + len;) {
        char *nl = memchr(p, '\n', (size_t)(text + len - p));
        char *stop = nl ? nl : text + len;
        *stop = '\0';
        if (stop > p && n == cap)
            v = realloc(v, (cap *= 2) * sizeof(*v));
        if (v != NULL && stop > p)
            v[n++] = p;
        p = stop + 1;
    }
    if (v == NULL)
        bench_die("carts", "out of memory");
    *lines = v;
    return n;
}

/* Decodes request i of c against cat into its own arena. */
static void
cart_decode(const struct enc_catalogue *cat, struct bench_carts *c, uint32_t i)
{
    struct enc_error err = {0};
    bool has_now = false;

    arena_init(&c->arenas[i], BENCH_ARENA_MAX);
    if (codec_request_decode(cat, c->bodies[i], c->lens[i], &c->arenas[i],
                             &c->requests[i], &has_now, &err) != ENC_OK)
        bench_die(err.field, err.message);
    if (!has_now)
        bench_die("carts", "every request of the bench gives its now");
}

void
bench_carts_read(const struct enc_catalogue *cat, const char *dir,
                 unsigned size, struct bench_carts *out)
{
    char path[4096];
    size_t len = 0;
    char **lines = NULL;

    snprintf(path, sizeof(path), "%s/cart-%u.json", dir, size);
    char *text = file_read(path, &len);
    out->n = lines_split(text, len, &lines);
    out->bodies = calloc(out->n, sizeof(*out->bodies));
    out->lens = calloc(out->n, sizeof(*out->lens));
    out->arenas = calloc(out->n, sizeof(*out->arenas));
    out->requests = calloc(out->n, sizeof(*out->requests));
    if (out->n == 0 || !out->bodies || !out->lens || !out->arenas ||
        !out->requests)
        bench_die(path, "no request, or out of memory");
    for (uint32_t i = 0; i < out->n; i++) {
        out->lens[i] = strlen(lines[i]);
        out->bodies[i] = strdup(lines[i]);
        if (out->bodies[i] == NULL)
            bench_die(path, "out of memory");
        cart_decode(cat, out, i);
    }
    free(lines);
    free(text);
}

void
bench_carts_cleanup(struct bench_carts *c)
{
    for (uint32_t i = 0; i < c->n; i++) {
        arena_cleanup(&c->arenas[i]);
        free(c->bodies[i]);
    }
    free(c->bodies);
    free(c->lens);
    free(c->arenas);
    free(c->requests);
    memset(c, 0, sizeof(*c));
}
