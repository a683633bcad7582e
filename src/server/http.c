/*
 * http.c - one request's life over libmicrohttpd: route, limits, body,
 * response, and one access-log line when it ends (http.h).
 *
 * MHD calls http_on_request() once with the headers, then once per piece
 * of body, then once more with none. Everything a request can be refused
 * for without its body (404, 405, 415, a Content-Length past the cap:
 * 413) is answered on the first call, so a large body is never read.
 */
#include "http.h"

#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../codec/codec.h"
#include "answer.h"
#include "auth.h"
#include "log.h"
#include "metrics.h"

/* SPEC 8: the status of every result code. */
static const unsigned statuses[] = {
    [ENC_OK] = 200,
    [ENC_INVALID_JSON] = 400,
    [ENC_INVALID_FIELD] = 400,
    [ENC_UNKNOWN_CODE] = 422,
    [ENC_TOO_LARGE] = 413,
    [ENC_UNSUPPORTED_MEDIA] = 415,
    [ENC_NOT_FOUND] = 404,
    [ENC_METHOD_NOT_ALLOWED] = 405,
    [ENC_UNAUTHORIZED] = 401,
    [ENC_CONFLICT] = 409,
    [ENC_INTERNAL] = 500,
    [ENC_CHECK_FAILED] = 422,
};

/* What is sent when even the error object cannot be allocated. */
static const char out_of_memory[] =
    "{\"error\":{\"code\":\"internal\",\"message\":\"out of memory\"}}\n";

unsigned
http_status(enum enc_code code)
{
    size_t n = sizeof(statuses) / sizeof(statuses[0]);
    if ((size_t)code >= n || statuses[code] == 0)
        return 500;
    return statuses[code];
}

/*
 * The headers of every answer of a route: its type, nosniff, and for a
 * public route a page of another origin may read, the origin encore serve
 * was told (--cors; none when it was not).
 */
static void
http_add_headers(const struct request *r, struct MHD_Response *resp,
                 const char *type)
{
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    if (r->route != NULL && r->server->cors_origin != NULL &&
        route_cors(r->route))
        MHD_add_response_header(resp, "Access-Control-Allow-Origin",
                                r->server->cors_origin);
}

/* Queues resp (len bytes of type, one more header when name is set)
 * as r's answer, then lets it go (MHD keeps it until sent). */
static enum MHD_Result
http_queue(struct request *r, struct MHD_Connection *c, unsigned status,
           struct MHD_Response *resp, size_t len, const char *type,
           const char *name, const char *value)
{
    http_add_headers(r, resp, type);
    if (name != NULL)
        MHD_add_response_header(resp, name, value);
    enum MHD_Result ret = MHD_queue_response(c, status, resp);
    MHD_destroy_response(resp);
    r->responded = true;
    r->status = status;
    r->bytes = len;
    return ret;
}

enum MHD_Result
http_respond_as(struct request *r, struct MHD_Connection *c, unsigned status,
                char *body, size_t len, const char *type, const char *name,
                const char *value)
{
    struct MHD_Response *resp;
    if (body == NULL) {
        status = 500;
        len = sizeof(out_of_memory) - 1;
        type = "application/json";
        name = NULL;
        resp = MHD_create_response_from_buffer(len, (void *)out_of_memory,
                                               MHD_RESPMEM_PERSISTENT);
    } else {
        resp =
            MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
    }
    if (resp == NULL) {
        free(body);
        return MHD_NO;
    }
    return http_queue(r, c, status, resp, len, type, name, value);
}

enum MHD_Result
http_respond(struct request *r, struct MHD_Connection *c, unsigned status,
             char *body, size_t len, const char *allow)
{
    return http_respond_as(r, c, status, body, len, "application/json",
                           allow ? MHD_HTTP_HEADER_ALLOW : NULL, allow);
}

enum MHD_Result
http_respond_copy(struct request *r, struct MHD_Connection *c, unsigned status,
                  const char *body, size_t len)
{
    if (body == NULL)
        return http_respond(r, c, status, NULL, 0, NULL);
    struct MHD_Response *resp = MHD_create_response_from_buffer(
        len, (void *)body, MHD_RESPMEM_MUST_COPY);
    if (resp == NULL)
        return MHD_NO;
    return http_queue(r, c, status, resp, len, "application/json", NULL, NULL);
}

const char *
http_query(struct MHD_Connection *c, const char *name)
{
    return MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, name);
}

const char *
http_header(struct MHD_Connection *c, const char *name)
{
    return MHD_lookup_connection_value(c, MHD_HEADER_KIND, name);
}

enum MHD_Result
http_respond_error(struct request *r, struct MHD_Connection *c,
                   const struct enc_error *err, const char *allow)
{
    size_t len = 0;
    char *body = answer_error(err, &len);
    return http_respond(r, c, http_status(err->code), body, len, allow);
}

/* Skips spaces and tabs (HTTP's optional white space). */
static const char *
skip_ows(const char *p)
{
    return p + strspn(p, " \t");
}

/* True when the len bytes at value name UTF-8: "utf-8", or its common
 * alias "utf8", in any case. */
static bool
charset_is_utf8(const char *value, size_t len)
{
    return (len == 5 && strncasecmp(value, "utf-8", 5) == 0) ||
           (len == 4 && strncasecmp(value, "utf8", 4) == 0);
}

/*
 * Reads one ";name=value" parameter of a media type at p (after the ';'),
 * quoted or not. Returns where it ends, or NULL when it is malformed or a
 * charset other than UTF-8, the only encoding of SPEC 8 bodies.
 */
static const char *
media_param_ok(const char *p)
{
    p = skip_ows(p);
    size_t name_len = strcspn(p, "=; \t");
    bool charset = name_len == 7 && strncasecmp(p, "charset", 7) == 0;
    p = skip_ows(p + name_len);
    if (name_len == 0 || *p != '=')
        return NULL;
    p = skip_ows(p + 1);

    const char *value = p;
    size_t len;
    if (*p == '"') {
        value = p + 1;
        len = strcspn(value, "\"");
        if (value[len] != '"')
            return NULL;
        p = value + len + 1;
    } else {
        len = strcspn(p, "; \t");
        p += len;
    }
    if (charset && !charset_is_utf8(value, len))
        return NULL;
    return skip_ows(p);
}

/* True when a Content-Type value is application/json (any case), with
 * parameters allowed and a charset, if any, of UTF-8. */
static bool
media_is_json(const char *value)
{
    static const char json[] = "application/json";
    if (value == NULL)
        return false;
    const char *p = skip_ows(value);
    if (strncasecmp(p, json, sizeof(json) - 1) != 0)
        return false;
    p = skip_ows(p + sizeof(json) - 1);
    while (p != NULL && *p == ';')
        p = media_param_ok(p + 1);
    return p != NULL && *p == '\0';
}

/* The checks of a JSON body that need only the headers: 415, then 413
 * for an announced length past cap. */
static void
http_check_headers(struct MHD_Connection *c, size_t cap, struct enc_error *err)
{
    const char *type = MHD_lookup_connection_value(
        c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
    if (!media_is_json(type)) {
        enc_error_set(err, ENC_UNSUPPORTED_MEDIA, NULL,
                      "the body must be application/json");
        return;
    }
    const char *length = MHD_lookup_connection_value(
        c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    if (length != NULL && strtoull(length, NULL, 10) > cap)
        enc_error_set(err, ENC_TOO_LARGE, NULL,
                      "the request is larger than %zu bytes", cap);
}

/* ---- Requests reused per thread ---- */

/* Requests kept for reuse by one thread at most: about as many as its
 * connections send at once. */
#define REQUEST_CACHE_MAX 64

/* The requests a thread keeps, freed when it ends. MHD runs a request
 * from its first call to its completion on the thread of its connection,
 * so a cache needs no lock. */
struct request_cache {
    struct request *head;
    unsigned n;
};

static _Thread_local struct request_cache cache;
static pthread_key_t cache_key;
static pthread_once_t cache_once = PTHREAD_ONCE_INIT;

/* A thread's end: frees the requests it kept. */
static void
request_cache_free(void *unused)
{
    (void)unused;
    while (cache.head != NULL) {
        struct request *r = cache.head;
        cache.head = r->next_free;
        free(r);
    }
    cache.n = 0;
}

static void
request_cache_init(void)
{
    pthread_key_create(&cache_key, request_cache_free);
}

/* A cleared request: one the thread kept, else a new one. */
static struct request *
request_get(void)
{
    struct request *r = cache.head;
    if (r == NULL) {
        r = malloc(sizeof(*r));
        if (r != NULL)
            memset(r, 0, offsetof(struct request, url_inline));
        return r;
    }
    cache.head = r->next_free;
    cache.n--;
    memset(r, 0, offsetof(struct request, url_inline));
    return r;
}

/* Frees what r took from the heap and keeps r for the thread's next
 * request (or frees it when the cache is full). */
static void
request_put(struct request *r)
{
    if (r->body != r->body_inline)
        free(r->body);
    if (r->url != r->url_inline)
        free(r->url);
    if (cache.n == REQUEST_CACHE_MAX) {
        free(r);
        return;
    }
    pthread_once(&cache_once, request_cache_init);
    if (cache.head == NULL)
        pthread_setspecific(cache_key, &cache); /* frees it at thread end */
    r->next_free = cache.head;
    cache.head = r;
    cache.n++;
}

/* The value of hex digit c, or -1. */
static int
hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Decodes the %XX escapes of s in place, but %00, and, when keep is set,
 * those of '/' and '%' (see http_on_uri()). */
static void
path_unescape(char *s, bool keep)
{
    char *out = s;
    for (const char *in = s; *in != '\0';) {
        int hi = in[0] == '%' ? hex_value(in[1]) : -1;
        int lo = hi >= 0 ? hex_value(in[2]) : -1;
        int c = hi * 16 + lo;
        if (lo >= 0 && c != 0 && !(keep && (c == '/' || c == '%'))) {
            *out++ = (char)c;
            in += 3;
        } else {
            *out++ = *in++;
        }
    }
    *out = '\0';
}

/*
 * MHD's URI callback: a request begins with its path as sent, so that a
 * code holding '/' (SPEC 7 lets the operator choose any) can stand in a
 * route's parameter as %2F. MHD would give the path already decoded,
 * where that '/' splits the path. The path is kept decoded but for %2F
 * and %25, which http_bind_params() decodes within each parameter.
 */
void *
http_on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
    (void)c;
    struct request *r = request_get();
    if (r == NULL)
        return NULL; /* http_begin() tries again, with MHD's path */
    size_t len = strcspn(uri, "?");
    r->server = cls;
    r->fresh = true;
    r->url = len < sizeof(r->url_inline) ? r->url_inline : malloc(len + 1);
    if (r->url != NULL) {
        memcpy(r->url, uri, len);
        r->url[len] = '\0';
        path_unescape(r->url, true);
    }
    return r;
}

/* Cuts the path (r->url, else a copy of url) into the route's
 * parameters, each decoded whole. */
static bool
http_bind_params(struct request *r, const char *url,
                 const struct route_params *params)
{
    size_t len = strlen(url);
    if (params->n == 0)
        return true;
    if (r->url == NULL) {
        r->url = len < sizeof(r->url_inline) ? r->url_inline : malloc(len + 1);
        if (r->url == NULL)
            return false;
        memcpy(r->url, url, len + 1);
    }
    for (unsigned i = 0; i < params->n; i++) {
        r->url[params->offset[i] + params->length[i]] = '\0';
        r->params[i] = r->url + params->offset[i];
        path_unescape(r->url + params->offset[i], false);
    }
    return true;
}

/* True when the request may use its route: a public one, or the
 * holder of the route's token. */
static bool
http_authorized(const struct request *r, struct MHD_Connection *c)
{
    const char *header = http_header(c, MHD_HTTP_HEADER_AUTHORIZATION);
    switch (r->route->auth) {
    case ROUTE_PUBLIC:
        return true;
    case ROUTE_ADMIN:
        return auth_check(header, r->server->admin_hash);
    case ROUTE_SHOP:
        return auth_check(header, r->server->shop_hash);
    }
    return false;
}

/*
 * A CORS preflight (OPTIONS) of a public route: 204 with Allow; with
 * --cors, also the origin, methods and request headers a page of that
 * origin may use. Without --cors no Access-Control-* header is sent, so
 * a browser keeps other origins out. Admin routes never get here: their
 * OPTIONS is a 405.
 */
static enum MHD_Result
http_preflight(struct request *r, struct MHD_Connection *c, const char *methods)
{
    struct MHD_Response *resp =
        MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
    if (resp == NULL)
        return MHD_NO;
    MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, methods);
    const char *origin = r->server->cors_origin;
    if (origin != NULL) {
        MHD_add_response_header(resp, "Access-Control-Allow-Origin", origin);
        MHD_add_response_header(resp, "Access-Control-Allow-Methods", methods);
        MHD_add_response_header(resp, "Access-Control-Allow-Headers",
                                "Content-Type");
        MHD_add_response_header(resp, "Access-Control-Max-Age", "600");
    }
    enum MHD_Result ret = MHD_queue_response(c, 204, resp);
    MHD_destroy_response(resp);
    r->responded = true;
    r->status = 204;
    return ret;
}

/* The first call: allocates the request, finds its route, and answers at
 * once when the headers are enough to refuse it. */
static enum MHD_Result
http_begin(struct server *srv, struct MHD_Connection *c, const char *url,
           const char *method, void **req_cls)
{
    struct request *r = *req_cls != NULL ? *req_cls : request_get();
    if (r == NULL)
        return MHD_NO;
    r->server = srv;
    r->fresh = false;
    /* The path routes are matched on: as sent (http_on_uri()). */
    const char *path = url;
    url = r->url != NULL ? r->url : url;
    clock_gettime(CLOCK_MONOTONIC, &r->start);
    log_value(method, r->method, sizeof(r->method));
    log_value(path, r->path, sizeof(r->path));
    *req_cls = r;

    char allow[64];
    struct enc_error err = {0};
    struct route_params params;
    r->route = route_find(method, url, &params, allow, sizeof(allow));
    if (r->route != NULL && !http_bind_params(r, url, &params))
        return MHD_NO;
    char cors[64];
    if (r->route == NULL && strcmp(method, "OPTIONS") == 0 &&
        route_cors_methods(url, cors, sizeof(cors)))
        return http_preflight(r, c, cors);
    if (r->route == NULL && allow[0] == '\0')
        enc_error_set(&err, ENC_NOT_FOUND, NULL, "no route for this path");
    else if (r->route == NULL)
        enc_error_set(&err, ENC_METHOD_NOT_ALLOWED, NULL,
                      "method %s is not allowed here; allowed: %s", r->method,
                      allow);
    else if (!http_authorized(r, c))
        enc_error_set(&err, ENC_UNAUTHORIZED, NULL,
                      "this route needs \"Authorization: Bearer TOKEN\" with"
                      " the %s token",
                      r->route->auth == ROUTE_ADMIN ? "admin" : "shop");
    else if (r->route->json_body)
        http_check_headers(c, route_body_cap(r->route), &err);
    if (err.code == ENC_OK)
        return MHD_YES;
    if (err.code == ENC_UNAUTHORIZED) {
        size_t len = 0;
        char *body = answer_error(&err, &len);
        return http_respond_as(r, c, 401, body, len, "application/json",
                               MHD_HTTP_HEADER_WWW_AUTHENTICATE, "Bearer");
    }
    return http_respond_error(r, c, &err,
                              r->route == NULL && allow[0] ? allow : NULL);
}

/*
 * Keeps n more bytes of body, growing the buffer up to the cap. Past the
 * cap (a body sent without Content-Length) the request is marked too
 * large and the rest is dropped as it arrives: MHD cannot answer before
 * the upload ends once it has started.
 */
static void
http_take_body(struct request *r, const char *data, size_t n)
{
    size_t max = route_body_cap(r->route);
    if (r->too_large)
        return;
    if (n > max - r->len) {
        r->too_large = true;
        return;
    }
    if (r->body == NULL) {
        r->body = r->body_inline;
        r->cap = sizeof(r->body_inline);
    }
    if (r->len + n > r->cap) {
        size_t cap = r->cap * 2;
        while (cap < r->len + n)
            cap *= 2;
        if (cap > max)
            cap = max;
        char *body =
            r->body == r->body_inline ? malloc(cap) : realloc(r->body, cap);
        if (body == NULL) {
            r->too_large = true;
            return;
        }
        if (r->body == r->body_inline)
            memcpy(body, r->body_inline, r->len);
        r->body = body;
        r->cap = cap;
    }
    memcpy(r->body + r->len, data, n);
    r->len += n;
}

enum MHD_Result
http_on_request(void *cls, struct MHD_Connection *c, const char *url,
                const char *method, const char *version, const char *upload,
                size_t *upload_size, void **req_cls)
{
    (void)version;
    struct request *r = *req_cls;
    if (r == NULL || r->fresh)
        return http_begin(cls, c, url, method, req_cls);
    if (*upload_size > 0) {
        if (!r->responded)
            http_take_body(r, upload, *upload_size);
        *upload_size = 0;
        return MHD_YES;
    }
    if (r->responded)
        return MHD_YES;
    if (r->too_large) {
        struct enc_error err = {0};
        enc_error_set(&err, ENC_TOO_LARGE, NULL,
                      "the request is larger than %zu bytes",
                      route_body_cap(r->route));
        return http_respond_error(r, c, &err, NULL);
    }
    return r->route->handler(r, c);
}

void
http_on_completed(void *cls, struct MHD_Connection *c, void **req_cls,
                  enum MHD_RequestTerminationCode toe)
{
    (void)cls;
    (void)c;
    struct request *r = *req_cls;
    if (r == NULL)
        return;
    *req_cls = NULL;
    if (r->fresh) { /* MHD answered it itself (431, 414...) */
        request_put(r);
        return;
    }
    struct timespec end;
    clock_gettime(CLOCK_MONOTONIC, &end);
    long long us = (long long)(end.tv_sec - r->start.tv_sec) * 1000000LL +
                   (end.tv_nsec - r->start.tv_nsec) / 1000;

    metrics_observe(r->route, r->status, us);
    enum log_level level = LOG_INFO;
    if (toe != MHD_REQUEST_TERMINATED_COMPLETED_OK)
        level = LOG_WARN;
    if (r->status >= 500)
        level = LOG_ERROR;
    log_access(level, r->method, r->path, r->status, r->bytes, us,
               toe != MHD_REQUEST_TERMINATED_COMPLETED_OK);
    request_put(r);
    *req_cls = NULL;
}
