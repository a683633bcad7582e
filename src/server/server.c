/*
 * server.c - starting and stopping `encore serve` (server.h).
 *
 * The daemon is libmicrohttpd with its own polling thread on epoll and a
 * pool of one thread per processor. The main thread does nothing but wait
 * for SIGINT or SIGTERM (blocked everywhere, taken with sigwait), then
 * stops the daemon, which lets the requests in flight finish, and the
 * snapshot watcher.
 */
#include "server.h"

#include <netdb.h>
#include <signal.h>
#include <stdlib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "../store/store.h"
#include "auth.h"
#include "http.h"
#include "log.h"

/* How long a stop waits for the connections still open. */
#define SERVER_DRAIN_MS 5000

/* MHD's own messages, as log lines of component mhd. */
static void
server_log_mhd(void *cls, const char *fmt, va_list ap)
{
    (void)cls;
    char msg[512];
    vsnprintf(msg, sizeof(msg), fmt, ap);
    msg[strcspn(msg, "\r\n")] = '\0';
    log_line(LOG_WARN, "mhd", "%s", msg);
}

/* The number of processors online, at least 1. */
static unsigned
server_threads(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (unsigned)n : 1;
}

/* Resolves host and port into *res (freeaddrinfo() it). */
static enum enc_code
server_resolve(const struct server_config *cfg, struct addrinfo **res,
               struct enc_error *err)
{
    struct addrinfo hints = {0};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV;
    int rc = getaddrinfo(cfg->host, cfg->port, &hints, res);
    if (rc != 0)
        return enc_error_set(err, ENC_INVALID_FIELD, "listen",
                             "cannot listen on %s:%s: %s", cfg->host, cfg->port,
                             gai_strerror(rc));
    return ENC_OK;
}

/* Starts the daemon on the first address host resolves to. */
static enum enc_code
server_start(struct server *srv, const struct server_config *cfg,
             struct enc_error *err)
{
    struct addrinfo *res = NULL;
    enum enc_code result = server_resolve(cfg, &res, err);
    if (result != ENC_OK)
        return result;
    /* ITC lets server_drain() stop the listening while serving on.
     *
     * TODO(speed): a proposal costs 27 us of CPU under wrk at 64
     * connections, nginx's static answer 11.5 us: 0.63 times its requests
     * per second (bench/RESULTS.md; issue 4 asks 0.75). About 8 us are
     * ours (parse 4.3, rules 0.9, answer 2.4, log line); the rest is
     * libmicrohttpd and the kernel: 30,000 context switches a second at
     * 50,000 requests (a wake-up per request), a response object with its
     * headers allocated per request. MHD_USE_TURBO and 1 or 4 threads
     * did not change it reliably (same-run A/B, 2 cores shared with wrk). */
    unsigned flags =
        MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ERROR_LOG | MHD_USE_ITC;
    if (res->ai_family == AF_INET6)
        flags |= MHD_USE_IPv6;
    /* The logger comes first, so MHD's own messages during start-up
     * already go through it. */
    srv->daemon = MHD_start_daemon(
        flags, 0, NULL, NULL, http_on_request, srv, MHD_OPTION_EXTERNAL_LOGGER,
        server_log_mhd, NULL, MHD_OPTION_SOCK_ADDR, res->ai_addr,
        MHD_OPTION_THREAD_POOL_SIZE, server_threads(),
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)HTTP_CONNECTION_MEMORY,
        MHD_OPTION_CONNECTION_TIMEOUT, HTTP_CONNECTION_TIMEOUT,
        MHD_OPTION_NOTIFY_COMPLETED, http_on_completed, srv,
        MHD_OPTION_URI_LOG_CALLBACK, http_on_uri, srv, MHD_OPTION_END);
    freeaddrinfo(res);
    if (srv->daemon == NULL)
        return enc_error_set(err, ENC_INTERNAL, NULL, "cannot listen on %s:%s",
                             cfg->host, cfg->port);
    return ENC_OK;
}

/* Prints where the server listens, with the port the system chose. */
static void
server_announce(const struct server *srv, const struct server_config *cfg)
{
    const union MHD_DaemonInfo *info =
        MHD_get_daemon_info(srv->daemon, MHD_DAEMON_INFO_BIND_PORT);
    unsigned port = info ? info->port : 0;
    bool v6 = strchr(cfg->host, ':') != NULL;
    fprintf(stderr, "encore: serving http://%s%s%s:%u\n", v6 ? "[" : "",
            cfg->host, v6 ? "]" : "", port);
}

/*
 * Stops accepting connections, then waits (at most SERVER_DRAIN_MS) for
 * the open ones to finish, so the requests in flight get their answer
 * before MHD_stop_daemon() closes what is left.
 */
static void
server_drain(struct server *srv)
{
    MHD_socket listen = MHD_quiesce_daemon(srv->daemon);
    for (unsigned waited = 0; waited < SERVER_DRAIN_MS; waited += 10) {
        const union MHD_DaemonInfo *info = MHD_get_daemon_info(
            srv->daemon, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
        if (info == NULL || info->num_connections == 0)
            break;
        struct timespec tick = {0, 10 * 1000000L};
        nanosleep(&tick, NULL);
    }
    MHD_stop_daemon(srv->daemon);
    if (listen != MHD_INVALID_SOCKET)
        close(listen);
}

/*
 * What the API needs beside the snapshots: the write connection, the
 * tokens and the web folder. On failure everything opened is closed.
 */
static enum enc_code
server_open(struct server *srv, const struct server_config *cfg,
            struct enc_error *err)
{
    if (!auth_init())
        return enc_error_set(err, ENC_INTERNAL, NULL,
                             "libsodium cannot be initialised");
    enum enc_code result = store_open(cfg->db_path, &srv->store, err);
    if (result == ENC_OK)
        result = auth_setup(srv->store, "admin", "ENCORE_ADMIN_TOKEN",
                            srv->admin_hash, err);
    if (result == ENC_OK)
        result = auth_setup(srv->store, "shop", "ENCORE_SHOP_TOKEN",
                            srv->shop_hash, err);
    if (result != ENC_OK) {
        store_close(srv->store);
        srv->store = NULL;
        return result;
    }
    pthread_mutex_init(&srv->store_lock, NULL);
    srv->cors_origin = cfg->cors_origin;
    if (cfg->web_dir != NULL)
        srv->web_dir = realpath(cfg->web_dir, NULL);
    if (srv->web_dir == NULL)
        log_line(LOG_WARN, "server", "event=web dir=%s message=\"%s\"",
                 cfg->web_dir ? cfg->web_dir : "(none)",
                 "no such folder: the pages and openapi.json answer 404");
    return ENC_OK;
}

static void
server_close(struct server *srv)
{
    pthread_mutex_destroy(&srv->store_lock);
    store_close(srv->store);
    free(srv->web_dir);
}

enum enc_code
server_run(const struct server_config *cfg, struct enc_error *err)
{
    /* Every thread started from here inherits the blocked set, so the
     * signals can only reach the sigwait below. SIGPIPE is ignored: a
     * client that leaves early must not end the server. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);

    struct server srv = {0};
    enum enc_code result = server_open(&srv, cfg, err);
    if (result != ENC_OK)
        return result;
    result = snapshots_start(&srv.snapshots, cfg->db_path, err);
    if (result != ENC_OK) {
        server_close(&srv);
        return result;
    }
    result = server_start(&srv, cfg, err);
    if (result != ENC_OK) {
        snapshots_stop(&srv.snapshots);
        server_close(&srv);
        return result;
    }
    server_announce(&srv, cfg);

    int sig = 0;
    sigwait(&stop, &sig);
    log_line(LOG_INFO, "server", "event=stop signal=%s",
             sig == SIGINT ? "SIGINT" : "SIGTERM");
    server_drain(&srv);
    snapshots_stop(&srv.snapshots);
    server_close(&srv);
    return ENC_OK;
}
