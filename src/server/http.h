/*
 * http.h - the request lifecycle and the route table, shared by http.c
 * (reading, limits, responding, the access log) and routes.c (the
 * routes and their handlers).
 */
#ifndef ENCORE_SERVER_HTTP_H
#define ENCORE_SERVER_HTTP_H

#include <microhttpd.h>
#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "../core/error.h"
#include "snapshot.h"

/* Bytes of a connection's memory pool (headers, MHD's read buffer). */
#define HTTP_CONNECTION_MEMORY (64u * 1024u)
/* Seconds a connection may stay idle. */
#define HTTP_CONNECTION_TIMEOUT 30u

struct server {
    struct snapshots snapshots;
    struct MHD_Daemon *daemon;
};

struct request;
typedef enum MHD_Result (*route_handler)(struct request *r,
                                         struct MHD_Connection *c);

/* One row of the route table (STYLE 3). json_body: the route takes a JSON
 * body of at most CODEC_MAX_BODY bytes (415 and 413 otherwise). */
struct route {
    const char *method;
    const char *path;
    route_handler handler;
    bool json_body;
};

/* One request, from its headers to the access-log line. */
struct request {
    struct server *server;
    const struct route *route; /* NULL: refused before any route ran */
    struct timespec start;     /* CLOCK_MONOTONIC */
    char method[16];           /* for the log, made safe by log_value() */
    char path[256];
    char *body; /* malloc'ed, at most CODEC_MAX_BODY bytes */
    size_t len;
    size_t cap;
    bool too_large; /* the body passed the cap: what follows is dropped */
    bool responded;
    unsigned status;
    size_t bytes;
};

/*
 * The route for method and path. NULL when none matches: *allow then gets
 * the methods of that path, comma-separated ("" when the path is not a
 * route at all), in a buffer of size bytes.
 */
const struct route *route_find(const char *method, const char *path,
                               char *allow, size_t size);

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

#endif
