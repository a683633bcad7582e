/*
 * error.c - filling an enc_error and naming its code (see error.h).
 */
#include "error.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"

/* Wire names, in the order of enum enc_code (SPEC 8). */
static const char *const code_names[] = {
    [ENC_OK] = "ok",
    [ENC_INVALID_JSON] = "invalid_json",
    [ENC_INVALID_FIELD] = "invalid_field",
    [ENC_UNKNOWN_CODE] = "unknown_code",
    [ENC_TOO_LARGE] = "too_large",
    [ENC_UNSUPPORTED_MEDIA] = "unsupported_media_type",
    [ENC_NOT_FOUND] = "not_found",
    [ENC_METHOD_NOT_ALLOWED] = "method_not_allowed",
    [ENC_UNAUTHORIZED] = "unauthorized",
    [ENC_CONFLICT] = "conflict",
    [ENC_INTERNAL] = "internal",
    [ENC_CHECK_FAILED] = "check_failed",
};

enum enc_code
enc_error_set(struct enc_error *err, enum enc_code code, const char *field,
              const char *fmt, ...)
{
    va_list ap;

    if (err == NULL)
        return code;
    err->code = code;
    snprintf(err->field, sizeof(err->field), "%s", field ? field : "");
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof(err->message), fmt, ap);
    va_end(ap);
    /* SPEC 8: the message may quote the client's bytes or be cut short;
     * answers are UTF-8 all the same. */
    utf8_repair(err->field);
    utf8_repair(err->message);
    return code;
}

const char *
enc_code_name(enum enc_code code)
{
    size_t n = sizeof(code_names) / sizeof(code_names[0]);

    if ((size_t)code >= n || code_names[code] == NULL)
        return "internal";
    return code_names[code];
}
