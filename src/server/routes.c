/*
 * routes.c - every route of the server in one table, and its handlers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../codec/codec.h"
#include "answer.h"
#include "handlers.h"
#include "http.h"
#include "metrics.h"

/* POST /api/v1/proposals (SPEC 8): the answer `encore propose` gives,
 * byte for byte, against the snapshot current when the request began. */
static enum MHD_Result
handle_proposals(struct request *r, struct MHD_Connection *c)
{
    struct snapshots *ss = &r->server->snapshots;
    const struct snapshot *snap = snapshot_acquire(ss);
    const char *out = NULL;
    size_t len = 0;
    enum enc_code code =
        snapshot_propose(snap, r->body ? r->body : "", r->len, &out, &len);
    snapshot_release(ss, snap);
    return http_respond_copy(r, c, http_status(code), out, len);
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

#define ADMIN "/api/v1/admin"
#define PROFILE ADMIN "/profiles/{code}"

/* method, path, handler, JSON body, token, body cap (0: CODEC_MAX_BODY) */
static const struct route routes[] = {
    {"POST", "/api/v1/proposals", handle_proposals, true, ROUTE_PUBLIC, 0},
    {"GET", "/healthz", handle_healthz, false, ROUTE_PUBLIC, 0},
    {"GET", "/metrics", metrics_handle, false, ROUTE_PUBLIC, 0},
    {"GET", "/api/v1/openapi.json", handle_openapi, false, ROUTE_PUBLIC, 0},
    {"GET", "/", handle_root, false, ROUTE_PUBLIC, 0},
    {"GET", "/admin", handle_admin_slash, false, ROUTE_PUBLIC, 0},
    {"GET", "/admin/*", handle_admin_file, false, ROUTE_PUBLIC, 0},
    {"GET", "/shop", handle_shop_slash, false, ROUTE_PUBLIC, 0},
    {"GET", "/shop/*", handle_shop_file, false, ROUTE_PUBLIC, 0},

    {"GET", "/api/v1/shop/products", handle_shop_products, false, ROUTE_PUBLIC,
     0},
    {"GET", "/api/v1/shop/products/{code}", handle_shop_product, false,
     ROUTE_PUBLIC, 0},
    {"POST", "/api/v1/orders", handle_order_create, true, ROUTE_SHOP, 0},
    {"GET", "/api/v1/orders/{id}", handle_order_get, false, ROUTE_SHOP, 0},
    {"POST", "/api/v1/orders/{id}/cancel", handle_order_cancel, false,
     ROUTE_SHOP, 0},

    {"GET", ADMIN "/catalogue", handle_catalogue_get, false, ROUTE_ADMIN, 0},
    {"PUT", ADMIN "/catalogue", handle_catalogue_put, true, ROUTE_ADMIN,
     CODEC_MAX_DOCUMENT},
    {"GET", ADMIN "/profiles", handle_profiles_list, false, ROUTE_ADMIN, 0},
    {"POST", ADMIN "/profiles", handle_profile_create, true, ROUTE_ADMIN, 0},
    {"GET", PROFILE, handle_profile_get, false, ROUTE_ADMIN, 0},
    {"PUT", PROFILE, handle_profile_put, true, ROUTE_ADMIN, 0},
    {"DELETE", PROFILE, handle_profile_delete, false, ROUTE_ADMIN, 0},
    {"POST", PROFILE "/lines", handle_line_create, true, ROUTE_ADMIN, 0},
    {"PUT", PROFILE "/lines", handle_lines_reorder, true, ROUTE_ADMIN, 0},
    {"GET", PROFILE "/lines/{id}", handle_line_get, false, ROUTE_ADMIN, 0},
    {"PUT", PROFILE "/lines/{id}", handle_line_put, true, ROUTE_ADMIN, 0},
    {"DELETE", PROFILE "/lines/{id}", handle_line_delete, false, ROUTE_ADMIN,
     0},
    {"POST", PROFILE "/validate", handle_profile_validate, false, ROUTE_ADMIN,
     0},
    {"POST", PROFILE "/activate", handle_profile_activate, false, ROUTE_ADMIN,
     0},
    {"POST", PROFILE "/deactivate", handle_profile_deactivate, false,
     ROUTE_ADMIN, 0},
    {"GET", ADMIN "/products", handle_products_search, false, ROUTE_ADMIN, 0},
    {"GET", ADMIN "/products/{code}", handle_product_get, false, ROUTE_ADMIN,
     0},
    {"GET", ADMIN "/seat-categories", handle_seat_categories, false,
     ROUTE_ADMIN, 0},
    {"GET", ADMIN "/audiences", handle_audiences, false, ROUTE_ADMIN, 0},
    {"GET", ADMIN "/channels", handle_channels, false, ROUTE_ADMIN, 0},
    {"GET", ADMIN "/institution", handle_institution, false, ROUTE_ADMIN, 0},
    {"PUT", ADMIN "/availability", handle_availability, true, ROUTE_ADMIN, 0},
    {"POST", ADMIN "/preview", handle_preview, true, ROUTE_ADMIN, 0},
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
route_find(const char *method, const char *path, struct route_params *params,
           char *allow, size_t size)
{
    size_t used = 0;
    allow[0] = '\0';
    for (size_t i = 0; i < ROUTE_COUNT; i++) {
        if (!route_match(routes[i].path, path, params))
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

/* The public routes a shop's pages may call from their own origin
 * (encore serve --cors, issue 5): the proposals and the shop's
 * products. Admin and order routes are never among them. */
static const char *const cors_paths[] = {
    "/api/v1/proposals",
    "/api/v1/shop/products",
    "/api/v1/shop/products/{code}",
};

#define CORS_COUNT (sizeof(cors_paths) / sizeof(cors_paths[0]))

bool
route_cors(const struct route *r)
{
    for (size_t i = 0; i < CORS_COUNT; i++)
        if (strcmp(r->path, cors_paths[i]) == 0)
            return r->auth == ROUTE_PUBLIC;
    return false;
}

bool
route_cors_methods(const char *path, char *methods, size_t size)
{
    struct route_params params;
    size_t used = 0;
    methods[0] = '\0';
    for (size_t i = 0; i < ROUTE_COUNT; i++) {
        if (!route_cors(&routes[i]) ||
            !route_match(routes[i].path, path, &params))
            continue;
        bool get = strcmp(routes[i].method, "GET") == 0;
        int n = snprintf(methods + used, size - used, "%s%s%s",
                         used > 0 ? ", " : "", routes[i].method,
                         get ? ", HEAD" : "");
        if (n > 0 && (size_t)n < size - used)
            used += (size_t)n;
    }
    return used > 0;
}
