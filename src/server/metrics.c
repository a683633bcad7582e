/*
 * metrics.c - counters of the process and their Prometheus text format
 * (metrics.h).
 *
 * Routes get a row on their first request: a row's key is the address of
 * the route's row in the route table, claimed with a compare-and-swap, so
 * counting never takes a lock. Histogram buckets are counted apart and
 * summed when rendered (Prometheus' buckets are cumulative).
 */
#include "metrics.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../codec/strbuf.h"
#include "snapshot.h"

/* Upper bounds of the latency buckets, in microseconds; +Inf follows. */
static const long long bucket_us[] = {50,     100,    250,    500,    1000,
                                      2500,   5000,   10000,  25000,  50000,
                                      100000, 250000, 500000, 1000000};
#define BUCKETS (sizeof(bucket_us) / sizeof(bucket_us[0]))

/* HTTP statuses counted, 100 to 599. */
#define STATUS_FIRST 100
#define STATUS_COUNT 500

struct route_row {
    _Atomic(const struct route *) route; /* NULL: free; see other_row */
    atomic_ullong requests;
    atomic_ullong sum_us;
    atomic_ullong buckets[BUCKETS + 1]; /* the last one: +Inf */
};

static struct route_row rows[METRICS_ROUTES];
static struct route_row other_row; /* no route, or past METRICS_ROUTES */
static atomic_ullong statuses[STATUS_COUNT];
static atomic_ullong proposals[PLACEMENT_COUNT];

/* The row of route: its own, claimed on first use, else other_row. */
static struct route_row *
row_of(const struct route *route)
{
    uintptr_t h = (uintptr_t)route;

    if (route == NULL)
        return &other_row;
    h = (h >> 4) ^ (h >> 12);
    for (unsigned k = 0; k < METRICS_ROUTES; k++) {
        struct route_row *row = &rows[(h + k) % METRICS_ROUTES];
        const struct route *seen =
            atomic_load_explicit(&row->route, memory_order_acquire);
        if (seen == NULL &&
            atomic_compare_exchange_strong(&row->route, &seen, route))
            return row;
        if (seen == route)
            return row;
    }
    return &other_row;
}

void
metrics_observe(const struct route *route, unsigned status,
                long long duration_us)
{
    struct route_row *row = row_of(route);
    unsigned b = 0;

    if (duration_us < 0)
        duration_us = 0;
    while (b < BUCKETS && duration_us > bucket_us[b])
        b++;
    atomic_fetch_add_explicit(&row->requests, 1, memory_order_relaxed);
    atomic_fetch_add_explicit(&row->sum_us, (unsigned long long)duration_us,
                              memory_order_relaxed);
    atomic_fetch_add_explicit(&row->buckets[b], 1, memory_order_relaxed);
    if (status >= STATUS_FIRST && status < STATUS_FIRST + STATUS_COUNT)
        atomic_fetch_add_explicit(&statuses[status - STATUS_FIRST], 1,
                                  memory_order_relaxed);
}

void
metrics_proposals(const uint32_t per_placement[PLACEMENT_COUNT])
{
    for (int p = 0; p < PLACEMENT_COUNT; p++)
        if (per_placement[p] > 0)
            atomic_fetch_add_explicit(&proposals[p], per_placement[p],
                                      memory_order_relaxed);
}

/* ---- The text format ---- */

/* A metric's HELP and TYPE lines. */
static void
put_header(struct strbuf *b, const char *name, const char *type,
           const char *help)
{
    strbuf_puts(b, "# HELP ");
    strbuf_puts(b, name);
    strbuf_putc(b, ' ');
    strbuf_puts(b, help);
    strbuf_puts(b, "\n# TYPE ");
    strbuf_puts(b, name);
    strbuf_putc(b, ' ');
    strbuf_puts(b, type);
    strbuf_putc(b, '\n');
}

/* A label value, escaped as the format says (\\, \", \n). */
static void
put_label_value(struct strbuf *b, const char *s)
{
    strbuf_putc(b, '"');
    for (; *s; s++) {
        if (*s == '\\' || *s == '"')
            strbuf_putc(b, '\\');
        if (*s == '\n')
            strbuf_puts(b, "\\n");
        else
            strbuf_putc(b, *s);
    }
    strbuf_putc(b, '"');
}

/* The labels of a row: {method="POST",route="/api/v1/proposals" (open). */
static void
put_route_labels(struct strbuf *b, const char *name, const char *suffix,
                 const struct route *route)
{
    strbuf_puts(b, name);
    strbuf_puts(b, suffix);
    strbuf_puts(b, "{method=");
    put_label_value(b, route ? route->method : "");
    strbuf_puts(b, ",route=");
    put_label_value(b, route ? route->path : "none");
}

/* One unsigned value and the end of a sample's line. */
static void
put_value(struct strbuf *b, unsigned long long v)
{
    char num[32];
    int n = snprintf(num, sizeof num, " %llu\n", v);

    strbuf_put(b, num, (size_t)n);
}

/* The histogram's lines of one row. */
static void
put_histogram(struct strbuf *b, const struct route *route,
              struct route_row *row)
{
    static const char name[] = "encore_http_request_duration_seconds";
    unsigned long long total = 0;
    char le[32];

    for (unsigned k = 0; k <= BUCKETS; k++) {
        total += atomic_load_explicit(&row->buckets[k], memory_order_relaxed);
        put_route_labels(b, name, "_bucket", route);
        if (k < BUCKETS)
            snprintf(le, sizeof le, "%g", (double)bucket_us[k] / 1e6);
        else
            strcpy(le, "+Inf");
        strbuf_puts(b, ",le=");
        put_label_value(b, le);
        strbuf_putc(b, '}');
        put_value(b, total);
    }
    put_route_labels(b, name, "_sum", route);
    snprintf(le, sizeof le, "} %.6f\n",
             (double)atomic_load(&row->sum_us) / 1e6);
    strbuf_puts(b, le);
    put_route_labels(b, name, "_count", route);
    strbuf_putc(b, '}');
    put_value(b, total);
}

/* Calls f on each row in use: the routes', then other_row. */
static void
rows_each(struct strbuf *b,
          void (*f)(struct strbuf *, const struct route *, struct route_row *))
{
    for (unsigned k = 0; k < METRICS_ROUTES; k++) {
        const struct route *route = atomic_load(&rows[k].route);
        if (route != NULL)
            f(b, route, &rows[k]);
    }
    if (atomic_load(&other_row.requests) > 0)
        f(b, NULL, &other_row);
}

static void
put_requests(struct strbuf *b, const struct route *route, struct route_row *row)
{
    put_route_labels(b, "encore_http_requests_total", "", route);
    strbuf_putc(b, '}');
    put_value(b, atomic_load(&row->requests));
}

/* Requests, latency and statuses. */
static void
put_http(struct strbuf *b)
{
    char label[64];

    put_header(b, "encore_http_requests_total", "counter",
               "Requests answered, by route.");
    rows_each(b, put_requests);
    put_header(b, "encore_http_request_duration_seconds", "histogram",
               "Time from a request's headers to its end, by route.");
    rows_each(b, put_histogram);
    put_header(b, "encore_http_responses_total", "counter",
               "Responses, by HTTP status.");
    for (unsigned s = 0; s < STATUS_COUNT; s++) {
        unsigned long long n = atomic_load(&statuses[s]);
        if (n == 0)
            continue;
        snprintf(label, sizeof label,
                 "encore_http_responses_total{status=\"%u\"}",
                 s + STATUS_FIRST);
        strbuf_puts(b, label);
        put_value(b, n);
    }
}

/* Proposals by placement (R14), every placement listed. */
static void
put_proposals(struct strbuf *b)
{
    put_header(b, "encore_proposals_total", "counter",
               "Proposals answered, by placement.");
    for (int p = 0; p < PLACEMENT_COUNT; p++) {
        strbuf_puts(b, "encore_proposals_total{placement=");
        put_label_value(b, placement_name((enum enc_placement)p));
        strbuf_putc(b, '}');
        put_value(b, atomic_load(&proposals[p]));
    }
}

/* One gauge sample with one label, or none when label is NULL. */
static void
put_gauge(struct strbuf *b, const char *name, const char *label,
          const char *value, double v)
{
    char num[48];

    strbuf_puts(b, name);
    if (label != NULL) {
        strbuf_putc(b, '{');
        strbuf_puts(b, label);
        strbuf_putc(b, '=');
        put_label_value(b, value);
        strbuf_putc(b, '}');
    }
    snprintf(num, sizeof num, " %.17g\n", v);
    strbuf_puts(b, num);
}

/* The snapshot being served: generation, build time, catalogue sizes. */
static void
put_snapshot(struct strbuf *b, const struct snapshot *snap)
{
    const struct enc_catalogue *cat = snap ? snap->cat : NULL;
    uint64_t lines = 0;

    put_header(b, "encore_snapshot_generation", "gauge",
               "Store generation of the snapshot being served.");
    put_gauge(b, "encore_snapshot_generation", NULL, NULL,
              snap ? (double)snap->generation : 0);
    put_header(b, "encore_snapshot_build_seconds", "gauge",
               "How long the snapshot being served took to build.");
    put_gauge(b, "encore_snapshot_build_seconds", NULL, NULL,
              snap ? (double)atomic_load(&snap->build_us) / 1e6 : 0);
    put_header(b, "encore_catalogue_records", "gauge",
               "Records of the catalogue being served, by kind.");
    for (uint32_t p = 0; cat && p < cat->n_profiles; p++)
        lines += cat->profiles[p].n_lines;
    put_gauge(b, "encore_catalogue_records", "kind", "products",
              cat ? cat->n_products : 0);
    put_gauge(b, "encore_catalogue_records", "kind", "performances",
              cat ? cat->n_performances : 0);
    put_gauge(b, "encore_catalogue_records", "kind", "profiles",
              cat ? cat->n_profiles : 0);
    put_gauge(b, "encore_catalogue_records", "kind", "lines", (double)lines);
    put_gauge(b, "encore_catalogue_records", "kind", "pools",
              cat ? cat->n_pools : 0);
}

char *
metrics_render(const struct snapshot *snap, size_t *len)
{
    struct strbuf b;

    strbuf_init(&b, 1u << 20);
    put_http(&b);
    put_proposals(&b);
    put_snapshot(&b, snap);
    return strbuf_finish(&b, len);
}

enum MHD_Result
metrics_handle(struct request *r, struct MHD_Connection *c)
{
    struct snapshots *ss = &r->server->snapshots;
    const struct snapshot *snap = snapshot_acquire(ss);
    size_t len = 0;
    char *text = metrics_render(snap, &len);

    snapshot_release(ss, snap);
    return http_respond_as(r, c, 200, text, len,
                           "text/plain; version=0.0.4; charset=utf-8", NULL,
                           NULL);
}
