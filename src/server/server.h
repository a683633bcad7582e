/*
 * server.h - `encore serve`: the HTTP API over libmicrohttpd.
 */
#ifndef ENCORE_SERVER_SERVER_H
#define ENCORE_SERVER_SERVER_H

#include "../core/error.h"

#define SERVER_DEFAULT_HOST "127.0.0.1"
#define SERVER_DEFAULT_PORT "8080"

struct server_config {
    const char *db_path;
    const char *host;    /* a name or a numeric address, IPv4 or IPv6 */
    const char *port;    /* decimal; "0" lets the system choose */
    const char *web_dir; /* static files (admin/, shop/, openapi.json) */
    /* Access-Control-Allow-Origin of the public routes (proposals, the
     * shop's products): an origin or "*"; NULL: none (issue 5). */
    const char *cors_origin;
};

/*
 * Serves until SIGINT or SIGTERM, then stops cleanly: no new connection,
 * the requests in flight finish, the watcher is joined, everything is
 * freed. Blocks both signals in the calling thread first, so it must be
 * called before any other thread is started. Sets up the admin and shop
 * tokens (auth.h; a new one is printed once on stderr). Prints "encore:
 * serving http://HOST:PORT" on stderr once it accepts connections. A
 * web_dir that does not exist is logged and its routes answer 404. Returns
 * ENC_OK after a clean stop, else the reason it could not start.
 */
enum enc_code server_run(const struct server_config *cfg,
                         struct enc_error *err);

#endif
