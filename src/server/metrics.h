/*
 * metrics.h - GET /metrics in the Prometheus text format 0.0.4 (issue 4
 * item 4), so an operator sees the rush as it happens: requests and a
 * latency histogram per route, responses by status, proposals per
 * placement, the snapshot being served (its generation, how long it took
 * to build) and the size of its catalogue.
 *
 * Every counter is an atomic of the process, updated without a lock on
 * the request path; a scrape reads them as they are at that moment.
 */
#ifndef ENCORE_SERVER_METRICS_H
#define ENCORE_SERVER_METRICS_H

#include <stddef.h>
#include <stdint.h>

#include "../core/model.h"
#include "http.h"

/* Routes counted apart at most; more share the "other" row. */
#define METRICS_ROUTES 64

/*
 * Counts one request that ended: its route (NULL when it matched none,
 * a 404 or a 405), its status and its duration in microseconds.
 */
void metrics_observe(const struct route *route, unsigned status,
                     long long duration_us);

/* Counts the proposals of one answer, by placement (R14). */
void metrics_proposals(const uint32_t per_placement[PLACEMENT_COUNT]);

/*
 * The exposition text: the counters above and the gauges of snap (NULL:
 * none). Malloc'ed, the caller frees; NULL when out of memory.
 */
struct snapshot;
char *metrics_render(const struct snapshot *snap, size_t *len);

/* GET /metrics: metrics_render() of the current snapshot, as
 * text/plain; version=0.0.4. */
enum MHD_Result metrics_handle(struct request *r, struct MHD_Connection *c);

#endif
