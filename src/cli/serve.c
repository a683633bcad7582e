/*
 * serve.c - `encore serve [--listen HOST:PORT] [--web DIR] [--cors
 * ORIGIN]`: the HTTP API, the back-office and the ticketshop until SIGINT
 * or SIGTERM.
 */
#include <stdlib.h>
#include <string.h>

#include "../server/server.h"
#include "cli.h"

/*
 * Splits "HOST:PORT" ("[::1]:8080" for IPv6) into host (a buffer of
 * host_size bytes) and port (PORT_MAX). Returns false when listen does
 * not have that shape or the port is past 65535.
 */
#define PORT_MAX 6
static bool
serve_split(const char *listen, char *host, size_t host_size, char *port)
{
    const char *colon = strrchr(listen, ':');
    if (colon == NULL)
        return false;
    const char *digits = colon + 1;
    size_t n = strlen(digits);
    if (n == 0 || n >= PORT_MAX || strspn(digits, "0123456789") != n ||
        atoi(digits) > 65535)
        return false;

    const char *start = listen;
    size_t len = (size_t)(colon - listen);
    if (len >= 2 && listen[0] == '[' && listen[len - 1] == ']') {
        start++;
        len -= 2;
    }
    if (len == 0 || len >= host_size)
        return false;
    memcpy(host, start, len);
    host[len] = '\0';
    memcpy(port, digits, n + 1);
    return true;
}

/* The folder of the pages: --web, else $ENCORE_WEB, else web/ of the
 * source tree this binary was built from. */
static const char *
serve_web_dir(const struct cli_option *web)
{
    if (web->value != NULL)
        return web->value;
    const char *env = getenv("ENCORE_WEB");
    if (env != NULL && env[0] != '\0')
        return env;
    return ENCORE_WEB_DIR;
}

/* Bytes of an origin given to --cors, at most. */
#define CORS_ORIGIN_MAX 255

/*
 * True when origin is "*" or an origin as a browser sends it:
 * http[s]://HOST[:PORT], HOST letters, digits, '.' and '-' (or an IPv6
 * address in brackets), no path. It becomes a response header as it is,
 * so nothing else (a space, a CR or LF) may pass.
 */
static bool
serve_origin_ok(const char *origin)
{
    if (strcmp(origin, "*") == 0)
        return true;
    size_t len = strlen(origin);
    const char *host = NULL;
    if (strncmp(origin, "https://", 8) == 0)
        host = origin + 8;
    else if (strncmp(origin, "http://", 7) == 0)
        host = origin + 7;
    if (host == NULL || len > CORS_ORIGIN_MAX)
        return false;
    const char *rest = host;
    if (host[0] == '[') {
        rest = host + 1 + strspn(host + 1, "0123456789abcdefABCDEF:.");
        if (rest == host + 1 || *rest != ']')
            return false;
        rest++;
    } else {
        rest = host + strspn(host, "abcdefghijklmnopqrstuvwxyz"
                                   "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-");
        if (rest == host)
            return false;
    }
    if (*rest == ':')
        rest += 1 + strspn(rest + 1, "0123456789");
    return *rest == '\0' && rest[-1] != ':';
}

int
cmd_serve(struct cli *cli, int argc, char **argv)
{
    static const char usage[] =
        "[--listen HOST:PORT] [--web DIR] [--cors ORIGIN]";
    struct cli_option opts[] = {
        {"listen", true, NULL, false},
        {"web", true, NULL, false},
        {"cors", true, NULL, false},
    };
    int first = 0;
    int status = cli_options(argc, argv, usage, opts, 3, &first);
    if (status >= 0)
        return status;
    if (first != argc)
        return cli_usage(argv[0], usage);
    const char *listen = opts[0].value ? opts[0].value
                                       : SERVER_DEFAULT_HOST
                             ":" SERVER_DEFAULT_PORT;

    char host[256];
    char port[PORT_MAX];
    if (!serve_split(listen, host, sizeof(host), port)) {
        cli_say("--listen: expected HOST:PORT, got %s", listen);
        return CLI_FAIL;
    }
    if (opts[2].value != NULL && !serve_origin_ok(opts[2].value)) {
        cli_say("--cors: expected * or an origin such as"
                " https://shop.example.com, got %s",
                opts[2].value);
        return CLI_FAIL;
    }
    struct server_config cfg = {cli->db_path, host, port,
                                serve_web_dir(&opts[1]), opts[2].value};
    struct enc_error err = {0};
    if (server_run(&cfg, &err) != ENC_OK) {
        cli_say_error(&err);
        return CLI_FAIL;
    }
    return CLI_OK;
}
