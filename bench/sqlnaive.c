/*
 * sqlnaive.c - the SQL-per-request baseline (issue 4): the rules of a
 * cart-stage proposal answered by SQL queries on every request, the way a
 * common design would (naive_schema.h), checked against Encore on the
 * same carts, then timed as bench/inproc.c times the engine.
 *
 * usage: sqlnaive DB NAIVEDB CARTDIR [SAMPLE]
 *
 * NAIVEDB is built from DB's rows when it does not exist. For each cart
 * item the baseline asks for the active profile's lines with that base,
 * their targets, the target products, the performances on the same day
 * (or any day) with a pool holding the quantity, and the price rows; then
 * applies R4 to R11 and R14 in C, as Encore does. It covers what the
 * cart stage of the bench catalogue uses: no packages in the cart, no
 * upsell. The requests are decoded beforehand (JSON excluded from the
 * timing, as for Encore). Prints "name value" lines (bench/report.py).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bench.h"
#include "naive.h"

static const unsigned cart_sizes[] = {1, 5, 20};

/* Requests of each size whose proposals are compared with Encore's. */
#define DEFAULT_SAMPLE 200

/* Writes the (line, product) pairs of Encore's answer to req as
 * "L1 P1;L2 P2;" into buf. */
static void
encore_pairs(const struct enc_catalogue *cat, const struct enc_request *req,
             char *buf, size_t size)
{
    struct arena arena;
    struct enc_answer ans;
    struct enc_error err = {0};
    size_t used = 0;

    buf[0] = '\0';
    arena_init(&arena, 0);
    if (enc_propose(cat, req, &arena, &ans, &err) == ENC_OK && ans.profile >= 0)
        for (uint32_t i = 0; i < ans.n_proposals && used < size; i++) {
            const struct enc_proposal *p = &ans.proposals[i];
            int n = snprintf(buf + used, size - used, "%s %s;",
                             cat->profiles[ans.profile].lines[p->line].id,
                             cat->products[p->product].code);
            used += n > 0 ? (size_t)n : 0;
        }
    arena_cleanup(&arena);
}

/* Compares the baseline with Encore on the first sample requests of c;
 * prints the agreement rate and the first difference on stderr. */
static void
naive_compare(struct naive *nv, const struct enc_catalogue *cat,
              const struct bench_carts *c, unsigned size, uint32_t sample)
{
    static char want[1 << 16], got[1 << 16];
    uint32_t same = 0, n = sample < c->n ? sample : c->n;
    bool told = false;

    for (uint32_t i = 0; i < n; i++) {
        encore_pairs(cat, &c->requests[i], want, sizeof(want));
        naive_evaluate(nv, cat, &c->requests[i], got, sizeof(got));
        if (strcmp(want, got) == 0) {
            same++;
        } else if (!told) {
            fprintf(stderr,
                    "sqlnaive: cart-%u line %u differs\n encore: %s\n"
                    " sql:    %s\n",
                    size, i + 1, want, got);
            told = true;
        }
    }
    char name[64];
    snprintf(name, sizeof(name), "sqlnaive.agreement.%u", size);
    bench_print(name, n ? (double)same / (double)n : 0);
    snprintf(name, sizeof(name), "sqlnaive.compared.%u", size);
    bench_print(name, n);
}

/* Times the baseline on every request of c, rounds times. */
static void
naive_time(struct naive *nv, const struct enc_catalogue *cat,
           const struct bench_carts *c, unsigned size, unsigned rounds)
{
    uint64_t *ns = malloc((size_t)rounds * c->n * sizeof(*ns));
    uint64_t total = 0;
    size_t n = 0;
    char name[64];

    if (ns == NULL) {
        fprintf(stderr, "sqlnaive: out of memory\n");
        exit(1);
    }
    for (uint32_t i = 0; i < c->n && i < 50; i++) /* warm-up */
        naive_evaluate(nv, cat, &c->requests[i], NULL, 0);
    for (unsigned r = 0; r < rounds; r++)
        for (uint32_t i = 0; i < c->n; i++) {
            uint64_t t0 = bench_now_ns();
            naive_evaluate(nv, cat, &c->requests[i], NULL, 0);
            ns[n] = bench_now_ns() - t0;
            total += ns[n++];
        }
    snprintf(name, sizeof(name), "sqlnaive.propose.%u.per_s", size);
    bench_print(name, (double)n * 1e9 / (double)total);
    snprintf(name, sizeof(name), "sqlnaive.propose.%u.p50_us", size);
    bench_print(name, (double)bench_quantile(ns, n, 0.50) / 1e3);
    snprintf(name, sizeof(name), "sqlnaive.propose.%u.p99_us", size);
    bench_print(name, (double)bench_quantile(ns, n, 0.99) / 1e3);
    free(ns);
}

int
main(int argc, char **argv)
{
    if (argc < 4 || argc > 5) {
        fprintf(stderr, "usage: sqlnaive DB NAIVEDB CARTDIR [SAMPLE]\n");
        return 2;
    }
    uint32_t sample = argc == 5 ? (uint32_t)atoi(argv[4]) : DEFAULT_SAMPLE;
    uint64_t t0 = bench_now_ns();
    naive_build(argv[1], argv[2]);
    bench_print("sqlnaive.setup_s", (double)(bench_now_ns() - t0) / 1e9);

    double load_s = 0;
    struct enc_catalogue *cat = bench_load(argv[1], &load_s);
    struct naive nv;
    naive_open(&nv, argv[2]);
    for (size_t k = 0; k < sizeof(cart_sizes) / sizeof(cart_sizes[0]); k++) {
        struct bench_carts c;
        bench_carts_read(cat, argv[3], cart_sizes[k], &c);
        naive_compare(&nv, cat, &c, cart_sizes[k], sample);
        naive_time(&nv, cat, &c, cart_sizes[k], 1);
        bench_carts_cleanup(&c);
    }
    naive_close(&nv);
    catalogue_free(cat);
    return 0;
}
