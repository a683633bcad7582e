/*
 * route.c - matching a path against a route's pattern (http.h).
 */
#include <string.h>

#include "../codec/codec.h"
#include "http.h"

/* Records a parameter of len bytes at offset; false past the maximum. */
static bool
params_add(struct route_params *params, size_t offset, size_t len)
{
    if (params->n == ROUTE_MAX_PARAMS)
        return false;
    params->offset[params->n] = offset;
    params->length[params->n] = len;
    params->n++;
    return true;
}

bool
route_match(const char *pattern, const char *path, struct route_params *params)
{
    const char *p = pattern;
    const char *s = path;
    params->n = 0;
    while (*p != '\0') {
        if (p[0] == '*' && p[1] == '\0')
            return params_add(params, (size_t)(s - path), strlen(s));
        if (*p == '{') {
            /* One non-empty segment. */
            size_t len = strcspn(s, "/");
            const char *close = strchr(p, '}');
            if (len == 0 || close == NULL ||
                !params_add(params, (size_t)(s - path), len))
                return false;
            s += len;
            p = close + 1;
            continue;
        }
        if (*p != *s)
            return false;
        p++;
        s++;
    }
    return *s == '\0';
}

size_t
route_body_cap(const struct route *r)
{
    return r->max_body ? r->max_body : CODEC_MAX_BODY;
}
