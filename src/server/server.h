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
    const char *host; /* a name or a numeric address, IPv4 or IPv6 */
    const char *port; /* decimal; "0" lets the system choose */
};

/*
 * Serves until SIGINT or SIGTERM, then stops cleanly: no new connection,
 * the requests in flight finish, the watcher is joined, everything is
 * freed. Blocks both signals in the calling thread first, so it must be
 * called before any other thread is started. Prints "encore: serving
 * http://HOST:PORT" on stderr once it accepts connections. Returns ENC_OK
 * after a clean stop, else the reason it could not start.
 */
enum enc_code server_run(const struct server_config *cfg,
                         struct enc_error *err);

#endif
