/*
 * routes.c - every route of the server in one table, and its handlers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "http.h"

/* POST /api/v1/proposals (SPEC 8): the answer `encore propose` gives,
 * byte for byte, against the snapshot current when the request began. */
static enum MHD_Result
handle_proposals(struct request *r, struct MHD_Connection *c)
{
    struct snapshots *ss = &r->server->snapshots;
    const struct snapshot *snap = snapshot_acquire(ss);
    char *out = NULL;
    size_t len = 0;
    enum enc_code code =
        snapshot_propose(snap, r->body ? r->body : "", r->len, &out, &len);
    snapshot_release(ss, snap);
    return http_respond(r, c, http_status(code), out, len, NULL);
}

/* GET /healthz: alive, and which catalogue generation it serves. */
static enum MHD_Result
handle_healthz(struct request *r, struct MHD_Connection *c)
{
    struct snapshots *ss = &r->server->snapshots;
    const struct snapshot *snap = snapshot_acquire(ss);
    char text[96];
    int n = snprintf(text, sizeof(text),
                     "{\"status\":\"ok\",\"generation\":%llu,"
                     "\"profiles\":%u}\n",
                     (unsigned long long)snap->generation,
                     snap->cat ? snap->cat->n_profiles : 0);
    snapshot_release(ss, snap);
    char *body = strdup(text);
    return http_respond(r, c, 200, body, (size_t)n, NULL);
}

static const struct route routes[] = {
    {"POST", "/api/v1/proposals", handle_proposals, true},
    {"GET", "/healthz", handle_healthz, false},
};

#define ROUTE_COUNT (sizeof(routes) / sizeof(routes[0]))

/* True when a request of method may use route r: its own method, or HEAD
 * for a GET route (MHD then sends the headers without the body). */
static bool
route_accepts(const struct route *r, const char *method)
{
    return strcmp(r->method, method) == 0 ||
           (strcmp(r->method, "GET") == 0 && strcmp(method, "HEAD") == 0);
}

const struct route *
route_find(const char *method, const char *path, char *allow, size_t size)
{
    size_t used = 0;
    allow[0] = '\0';
    for (size_t i = 0; i < ROUTE_COUNT; i++) {
        if (strcmp(routes[i].path, path) != 0)
            continue;
        if (route_accepts(&routes[i], method))
            return &routes[i];
        bool get = strcmp(routes[i].method, "GET") == 0;
        int n =
            snprintf(allow + used, size - used, "%s%s%s", used > 0 ? ", " : "",
                     routes[i].method, get ? ", HEAD" : "");
        if (n > 0 && (size_t)n < size - used)
            used += (size_t)n;
    }
    return NULL;
}
