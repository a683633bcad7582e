/*
 * inproc.c - the engine in process (issue 4): the snapshot build, then
 * per cart size the request parse, enc_propose() and the answer encode,
 * each timed apart with clock_gettime() on one thread.
 *
 * usage: inproc DB CARTDIR [ROUNDS]
 *
 * Every request is parsed once before the engine is timed, so the
 * evaluations per second and the propose percentiles exclude JSON. Each
 * evaluation gets a fresh arena, as a request of the server does; taking
 * its first chunk and its release are outside the timing. Prints "name value"
 * lines (bench/report.py).
 *
 * The parsed requests are timed from one compact copy (requests_pack()):
 * bench_carts_read() leaves each in its own arena, so each cart lies on a
 * page of its own, 64 KB from the next, and every evaluation would begin
 * with a TLB miss and a cache miss on its cart, which neither the server
 * (it reads a request it has just decoded) nor the Node baseline (carts
 * parsed beforehand into one compact heap) pays.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"

#define DEFAULT_ROUNDS 30
#define WARMUP_ROUNDS 2

static const unsigned cart_sizes[] = {1, 5, 20};

/* Timings of one stage over every request of every round, in ns. */
struct samples {
    size_t n;
    uint64_t total;
    uint64_t *ns;
};

static void
samples_init(struct samples *s, size_t cap)
{
    s->n = 0;
    s->total = 0;
    s->ns = malloc(cap * sizeof(*s->ns));
    if (s->ns == NULL) {
        fprintf(stderr, "inproc: out of memory\n");
        exit(1);
    }
}

static void
samples_add(struct samples *s, uint64_t ns)
{
    s->ns[s->n++] = ns;
    s->total += ns;
}

/* Prints stage.SIZE.{p50_us,p99_us,per_s} of s and frees it. */
static void
samples_report(struct samples *s, const char *stage, unsigned size)
{
    char name[96];

    snprintf(name, sizeof(name), "inproc.%s.%u.per_s", stage, size);
    bench_print(name, s->total ? (double)s->n * 1e9 / (double)s->total : 0);
    snprintf(name, sizeof(name), "inproc.%s.%u.p50_us", stage, size);
    bench_print(name, (double)bench_quantile(s->ns, s->n, 0.50) / 1e3);
    snprintf(name, sizeof(name), "inproc.%s.%u.p99_us", stage, size);
    bench_print(name, (double)bench_quantile(s->ns, s->n, 0.99) / 1e3);
    free(s->ns);
}

/* One timed enc_propose() of request req; exits on an engine error.
 * *proposals gets how many the answer holds. */
static uint64_t
propose_once(const struct enc_catalogue *cat, const struct enc_request *req,
             uint32_t *proposals)
{
    struct arena arena;
    struct enc_answer ans;
    struct enc_error err = {0};

    /* The first chunk is taken before the clock starts: in the server the
     * request's decode has already taken it. */
    arena_init(&arena, 0);
    if (arena_alloc(&arena, 1) == NULL) {
        fprintf(stderr, "inproc: out of memory\n");
        exit(1);
    }
    uint64_t t0 = bench_now_ns();
    enum enc_code rc = enc_propose(cat, req, &arena, &ans, &err);
    uint64_t t1 = bench_now_ns();
    *proposals = ans.n_proposals;
    arena_cleanup(&arena);
    if (rc != ENC_OK) {
        fprintf(stderr, "inproc: enc_propose: %s\n", err.message);
        exit(1);
    }
    return t1 - t0;
}

/* The parsed requests of c copied into one array, their carts' items
 * into another, in order (see the top of this file); *items gets the
 * latter, for free(). */
static struct enc_request *
requests_pack(const struct bench_carts *c, struct enc_item **items)
{
    size_t n = 0;
    struct enc_request *reqs = malloc((c->n + 1) * sizeof(*reqs));

    for (uint32_t i = 0; i < c->n; i++)
        n += c->requests[i].n_cart;
    *items = malloc((n + 1) * sizeof(**items));
    if (reqs == NULL || *items == NULL) {
        fprintf(stderr, "inproc: out of memory\n");
        exit(1);
    }
    n = 0;
    for (uint32_t i = 0; i < c->n; i++) {
        reqs[i] = c->requests[i];
        if (c->requests[i].n_cart > 0)
            memcpy(*items + n, c->requests[i].cart,
                   c->requests[i].n_cart * sizeof(**items));
        reqs[i].cart = *items + n;
        n += c->requests[i].n_cart;
    }
    return reqs;
}

/* The engine on the parsed carts: rounds passes over them after a
 * warm-up; also prints the mean proposals per answer. */
static void
time_propose(const struct enc_catalogue *cat, const struct bench_carts *c,
             unsigned size, unsigned rounds)
{
    struct samples s;
    uint64_t proposals = 0;
    uint32_t got = 0;
    struct enc_item *items;
    struct enc_request *reqs = requests_pack(c, &items);

    for (unsigned r = 0; r < WARMUP_ROUNDS; r++)
        for (uint32_t i = 0; i < c->n; i++)
            propose_once(cat, &reqs[i], &got);
    samples_init(&s, (size_t)rounds * c->n);
    for (unsigned r = 0; r < rounds; r++)
        for (uint32_t i = 0; i < c->n; i++) {
            samples_add(&s, propose_once(cat, &reqs[i], &got));
            proposals += got;
        }
    free(reqs);
    free(items);
    samples_report(&s, "propose", size);
    char name[64];
    snprintf(name, sizeof(name), "inproc.proposals_per_answer.%u", size);
    bench_print(name, (double)proposals / (double)s.n);
}

/* The codec's request parse alone (codec_request_decode into a fresh
 * arena), every request, a few rounds. */
static void
time_parse(const struct enc_catalogue *cat, const struct bench_carts *c,
           unsigned size, unsigned rounds)
{
    struct samples s;

    samples_init(&s, (size_t)rounds * c->n);
    for (unsigned r = 0; r < rounds; r++)
        for (uint32_t i = 0; i < c->n; i++) {
            struct arena arena;
            struct enc_request req;
            struct enc_error err = {0};
            bool has_now;
            arena_init(&arena, 0);
            uint64_t t0 = bench_now_ns();
            codec_request_decode(cat, c->bodies[i], c->lens[i], &arena, &req,
                                 &has_now, &err);
            samples_add(&s, bench_now_ns() - t0);
            arena_cleanup(&arena);
        }
    samples_report(&s, "parse", size);
}

/* The answer's encode alone (codec_answer_encode), on answers computed
 * beforehand; also prints the mean answer size in bytes. */
static void
time_encode(const struct enc_catalogue *cat, const struct bench_carts *c,
            unsigned size, unsigned rounds)
{
    struct samples s;
    uint64_t bytes = 0;

    samples_init(&s, (size_t)rounds * c->n);
    for (uint32_t i = 0; i < c->n; i++) {
        struct arena arena;
        struct enc_answer ans;
        struct enc_error err = {0};
        arena_init(&arena, 0);
        enc_propose(cat, &c->requests[i], &arena, &ans, &err);
        for (unsigned r = 0; r < rounds; r++) {
            size_t len = 0;
            uint64_t t0 = bench_now_ns();
            char *out = codec_answer_encode(cat, &ans, &len);
            samples_add(&s, bench_now_ns() - t0);
            bytes += len;
            free(out);
        }
        arena_cleanup(&arena);
    }
    samples_report(&s, "encode", size);
    char name[64];
    snprintf(name, sizeof(name), "inproc.answer_bytes.%u", size);
    bench_print(name, (double)bytes / (double)s.n);
}

int
main(int argc, char **argv)
{
    if (argc < 3 || argc > 4) {
        fprintf(stderr, "usage: inproc DB CARTDIR [ROUNDS]\n");
        return 2;
    }
    unsigned rounds = argc == 4 ? (unsigned)atoi(argv[3]) : DEFAULT_ROUNDS;
    if (rounds == 0)
        rounds = DEFAULT_ROUNDS;

    double load_s = 0;
    struct enc_catalogue *cat = bench_load(argv[1], &load_s);
    bench_print("inproc.snapshot_build_s", load_s);
    /* The answers' fixed parts, serialised once as a server's snapshot
     * has them (codec/fragments.h), so the encode is the server's. */
    double t0 = (double)bench_now_ns();
    if (!codec_catalogue_prepare(cat)) {
        fprintf(stderr, "inproc: out of memory\n");
        return 1;
    }
    bench_print("inproc.fragments_s", ((double)bench_now_ns() - t0) / 1e9);

    for (size_t k = 0; k < sizeof(cart_sizes) / sizeof(cart_sizes[0]); k++) {
        struct bench_carts c;
        bench_carts_read(cat, argv[2], cart_sizes[k], &c);
        time_propose(cat, &c, cart_sizes[k], rounds);
        time_parse(cat, &c, cart_sizes[k], 3);
        time_encode(cat, &c, cart_sizes[k], 3);
        bench_carts_cleanup(&c);
    }
    catalogue_free(cat);
    return 0;
}
