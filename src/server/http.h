/*
 * http.h - the request lifecycle and the route table, shared by http.c
 * (reading, limits, responding, the access log) and routes.c (the
 * routes and their handlers).
 */
#ifndef ENCORE_SERVER_HTTP_H
#define ENCORE_SERVER_HTTP_H

#include <microhttpd.h>
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "../core/error.h"
#include "snapshot.h"

/* Bytes of a connection's memory pool (headers, MHD's read buffer).
 * MHD zeroes the whole pool between two requests of a connection: at 64
 * KB that memset was 10 % of a proposal's time under wrk (issue 4); a
 * request's headers stay far below 16 KB, and a body is read in pieces. */
#define HTTP_CONNECTION_MEMORY (16u * 1024u)
/* Seconds a connection may stay idle. */
#define HTTP_CONNECTION_TIMEOUT 30u

/* Bytes of a token's hash (BLAKE2b, auth.c). */
#define HTTP_TOKEN_HASH 32

struct server {
    struct snapshots snapshots;
    struct MHD_Daemon *daemon;

    /* The connection of writes (admin, orders, availability) and of order
     * reads: one thread at a time, under store_lock. Its writes are
     * followed by snapshots_refresh() or by the live counters. */
    struct store *store;
    pthread_mutex_t store_lock;

    char *web_dir; /* realpath of the static files' folder; NULL: none */
    /* The origin public routes name in Access-Control-Allow-Origin
     * (encore serve --cors); NULL: no CORS header at all. */
    const char *cors_origin;
    unsigned char admin_hash[HTTP_TOKEN_HASH];
    unsigned char shop_hash[HTTP_TOKEN_HASH];
};

struct request;
typedef enum MHD_Result (*route_handler)(struct request *r,
                                         struct MHD_Connection *c);

/* Who may call a route: anyone, or the holder of a token. */
enum route_auth {
    ROUTE_PUBLIC,
    ROUTE_ADMIN, /* Authorization: Bearer ADMIN_TOKEN */
    ROUTE_SHOP,  /* Authorization: Bearer SHOP_TOKEN */
};

/*
 * One row of the route table (STYLE 3). path is matched segment by
 * segment: "{name}" matches one non-empty segment (a parameter), a last
 * segment "*" matches the rest of the path, empty or not (a parameter
 * too). json_body: the route takes a JSON body of at most max_body bytes
 * (0: CODEC_MAX_BODY), 415 and 413 otherwise. auth is checked before the
 * body is read: 401, nothing done.
 */
struct route {
    const char *method;
    const char *path;
    route_handler handler;
    bool json_body;
    enum route_auth auth;
    size_t max_body;
};

/* Parameters of a path, at most ("{code}", "{id}", "*"). */
#define ROUTE_MAX_PARAMS 3

/* One request, from its headers to the access-log line. */
/* A request body up to this size stays in the request, off the heap;
 * path parameters likewise up to REQUEST_URL_INLINE bytes of path. */
#define REQUEST_BODY_INLINE 16384
#define REQUEST_URL_INLINE 256

/*
 * One request, from its headers to its access-log line. Requests are
 * reused through a cache per MHD thread (http.c), so the request path
 * allocates nothing from the heap once warm: the body and the path's
 * parameters live inline unless they pass the sizes above.
 */
struct request {
    struct server *server;
    const struct route *route; /* NULL: refused before any route ran */
    struct timespec start;     /* CLOCK_MONOTONIC */
    char method[16];           /* for the log, made safe by log_value() */
    char path[256];
    char *url; /* the path as sent (http_on_uri()), split into params:
                * url_inline or heap */
    const char *params[ROUTE_MAX_PARAMS]; /* in url, in path order */
    char *body; /* body_inline, or malloc'ed past it; at most the cap */
    size_t len;
    size_t cap;
    bool too_large; /* the body passed the cap: what follows is dropped */
    bool responded;
    unsigned status;
    size_t bytes;
    struct request *next_free; /* in its thread's cache */
    bool fresh;                /* made by http_on_uri(), not begun yet */

    /* Last: not cleared when a request is reused. */
    char url_inline[REQUEST_URL_INLINE];
    char body_inline[REQUEST_BODY_INLINE];
};

/* Where the parameters of a matched path are: offsets and lengths in it,
 * in path order. */
struct route_params {
    unsigned n;
    size_t offset[ROUTE_MAX_PARAMS];
    size_t length[ROUTE_MAX_PARAMS];
};

/*
 * The route for method and path, *params set. NULL when none matches:
 * *allow then gets the methods of that path, comma-separated ("" when the
 * path is not a route at all), in a buffer of size bytes.
 */
const struct route *route_find(const char *method, const char *path,
                               struct route_params *params, char *allow,
                               size_t size);

/* True when r is a public route that a page of another origin may call
 * (server.cors_origin): proposals and the shop's products, never an
 * admin or order route. */
bool route_cors(const struct route *r);

/* True when path is such a route; methods (size bytes) then gets its
 * methods, comma-separated ("POST", "GET, HEAD"). */
bool route_cors_methods(const char *path, char *methods, size_t size);

/* True when path matches pattern (struct route); *params set. */
bool route_match(const char *pattern, const char *path,
                 struct route_params *params);

/* The body cap of route r, in bytes. */
size_t route_body_cap(const struct route *r);

/* The HTTP status of a result code (SPEC 8), from one table. */
unsigned http_status(enum enc_code code);

/*
 * Queues body (len bytes, malloc'ed, owned by the response from now on;
 * NULL means out of memory and sends a fixed 500) as application/json,
 * with an Allow header when allow is not NULL.
 */
enum MHD_Result http_respond(struct request *r, struct MHD_Connection *c,
                             unsigned status, char *body, size_t len,
                             const char *allow);

/*
 * http_respond() with any content type, and one more header when name is
 * not NULL (Location, WWW-Authenticate...). body is owned as above.
 */
enum MHD_Result http_respond_as(struct request *r, struct MHD_Connection *c,
                                unsigned status, char *body, size_t len,
                                const char *type, const char *name,
                                const char *value);

/*
 * http_respond() of a body the caller keeps (len bytes, copied by MHD:
 * the proposals' answer lives in the thread's reused buffer). NULL means
 * out of memory and sends a fixed 500.
 */
enum MHD_Result http_respond_copy(struct request *r, struct MHD_Connection *c,
                                  unsigned status, const char *body,
                                  size_t len);

/* A query argument of the request ("channel"), or NULL. */
const char *http_query(struct MHD_Connection *c, const char *name);

/* A header of the request, or NULL. */
const char *http_header(struct MHD_Connection *c, const char *name);

/* Responds with the error object of err and its status. */
enum MHD_Result http_respond_error(struct request *r, struct MHD_Connection *c,
                                   const struct enc_error *err,
                                   const char *allow);

/* The callbacks given to MHD_start_daemon (cls is the struct server). */
enum MHD_Result http_on_request(void *cls, struct MHD_Connection *c,
                                const char *url, const char *method,
                                const char *version, const char *upload,
                                size_t *upload_size, void **req_cls);
void http_on_completed(void *cls, struct MHD_Connection *c, void **req_cls,
                       enum MHD_RequestTerminationCode toe);
void *http_on_uri(void *cls, const char *uri, struct MHD_Connection *c);

#endif
