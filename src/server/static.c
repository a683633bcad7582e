/*
 * static.c - the pages: / redirects to the ticketshop, /admin/ and /shop/
 * serve the files of web/admin/ and web/shop/, /api/v1/openapi.json the
 * web folder's openapi.json.
 *
 * A path is served only when it stays inside its folder: no ".." or
 * hidden segment, and its real path (symlinks resolved) must still lie
 * below the folder's real path. Anything else is the JSON 404 of SPEC 8.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "answer.h"
#include "handlers.h"

/* A file served is at most this large (STYLE 12). */
#define STATIC_MAX_FILE (32u << 20)

/* Content types by file name ending; the rest is octet-stream. */
static const struct {
    const char *ext;
    const char *type;
} content_types[] = {
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".json", "application/json"},
    {".map", "application/json"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".jpg", "image/jpeg"},
    {".jpeg", "image/jpeg"},
    {".webp", "image/webp"},
    {".ico", "image/x-icon"},
    {".woff2", "font/woff2"},
    {".woff", "font/woff"},
    {".txt", "text/plain; charset=utf-8"},
    {".webmanifest", "application/manifest+json"},
};

static const char *
content_type(const char *path)
{
    size_t n = strlen(path);
    for (size_t i = 0; i < sizeof(content_types) / sizeof(*content_types);
         i++) {
        size_t e = strlen(content_types[i].ext);
        if (n >= e && strcmp(path + n - e, content_types[i].ext) == 0)
            return content_types[i].type;
    }
    return "application/octet-stream";
}

static enum MHD_Result
not_found(struct request *r, struct MHD_Connection *c)
{
    struct enc_error err = {0};
    enc_error_set(&err, ENC_NOT_FOUND, NULL, "no such file");
    return http_respond_error(r, c, &err, NULL);
}

/* A relative path is safe when no segment is empty past the first,
 * ".", "..", or hidden (".git"), and no byte is a control character or a
 * backslash. */
static bool
path_safe(const char *rel)
{
    const char *s = rel;
    while (*s != '\0') {
        size_t n = strcspn(s, "/");
        if (s[0] == '.' || (n == 0 && s[n] == '/'))
            return false;
        for (size_t i = 0; i < n; i++)
            if ((unsigned char)s[i] < 0x20 || s[i] == '\\' || s[i] == 0x7f)
                return false;
        s += n;
        if (*s == '/')
            s++;
    }
    return true;
}

/* Reads the regular file at path (at most STATIC_MAX_FILE bytes). */
static char *
read_file(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    struct stat st;
    char *data = NULL;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
        st.st_size <= (off_t)STATIC_MAX_FILE)
        data = malloc((size_t)st.st_size + 1);
    size_t got = 0;
    while (data != NULL && got < (size_t)st.st_size) {
        ssize_t n = read(fd, data + got, (size_t)st.st_size - got);
        if (n <= 0) {
            free(data);
            data = NULL;
            break;
        }
        got += (size_t)n;
    }
    close(fd);
    *len = got;
    return data;
}

/*
 * Serves rel (a path below folder, "" for its index.html) from the web
 * directory, after the checks at the top of this file.
 */
static enum MHD_Result
serve_file(struct request *r, struct MHD_Connection *c, const char *folder,
           const char *rel)
{
    const char *root = r->server->web_dir;
    if (root == NULL || !path_safe(rel))
        return not_found(r, c);
    char path[PATH_MAX];
    size_t n = strlen(rel);
    bool index = n == 0 || rel[n - 1] == '/';
    int w = snprintf(path, sizeof(path), "%s/%s/%s%s", root, folder, rel,
                     index ? "index.html" : "");
    if (w < 0 || (size_t)w >= sizeof(path))
        return not_found(r, c);

    /* Symlinks may not lead out of the web folder. */
    char *real = realpath(path, NULL);
    size_t rl = strlen(root);
    bool inside =
        real != NULL && strncmp(real, root, rl) == 0 && real[rl] == '/';
    size_t len = 0;
    char *data = inside ? read_file(real, &len) : NULL;
    free(real);
    if (data == NULL)
        return not_found(r, c);
    return http_respond_as(r, c, 200, data, len, content_type(path), NULL,
                           NULL);
}

/* A redirect to location (302). */
static enum MHD_Result
redirect(struct request *r, struct MHD_Connection *c, const char *location)
{
    char *body = strdup("");
    return http_respond_as(r, c, 302, body, 0, "text/plain",
                           MHD_HTTP_HEADER_LOCATION, location);
}

enum MHD_Result
handle_root(struct request *r, struct MHD_Connection *c)
{
    return redirect(r, c, "/shop/");
}

enum MHD_Result
handle_admin_slash(struct request *r, struct MHD_Connection *c)
{
    return redirect(r, c, "/admin/");
}

enum MHD_Result
handle_shop_slash(struct request *r, struct MHD_Connection *c)
{
    return redirect(r, c, "/shop/");
}

enum MHD_Result
handle_admin_file(struct request *r, struct MHD_Connection *c)
{
    return serve_file(r, c, "admin", r->params[0]);
}

enum MHD_Result
handle_shop_file(struct request *r, struct MHD_Connection *c)
{
    return serve_file(r, c, "shop", r->params[0]);
}

enum MHD_Result
handle_openapi(struct request *r, struct MHD_Connection *c)
{
    const char *root = r->server->web_dir;
    char path[PATH_MAX];
    size_t len = 0;
    char *data = NULL;
    if (root != NULL && snprintf(path, sizeof(path), "%s/openapi.json", root) <
                            (int)sizeof(path))
        data = read_file(path, &len);
    if (data == NULL)
        return not_found(r, c);
    return http_respond(r, c, 200, data, len, NULL);
}
