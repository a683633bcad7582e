/*
 * error.h - the result every layer returns: a code, the field it concerns
 * and a message for a person. The codes are those of SPEC section 8; the
 * HTTP layer maps them to statuses in one table (server/), the CLI prints
 * "encore: message".
 */
#ifndef ENCORE_CORE_ERROR_H
#define ENCORE_CORE_ERROR_H

enum enc_code {
    ENC_OK = 0,
    ENC_INVALID_JSON,       /* 400 */
    ENC_INVALID_FIELD,      /* 400 */
    ENC_UNKNOWN_CODE,       /* 422 */
    ENC_TOO_LARGE,          /* 413 */
    ENC_UNSUPPORTED_MEDIA,  /* 415 */
    ENC_NOT_FOUND,          /* 404 */
    ENC_METHOD_NOT_ALLOWED, /* 405 */
    ENC_UNAUTHORIZED,       /* 401 */
    ENC_CONFLICT,           /* 409 */
    ENC_INTERNAL,           /* 500: out of memory, a failing disk */
    ENC_CHECK_FAILED,       /* 422: a profile check (SPEC 6) found an error */
};

#define ENC_FIELD_MAX 256
#define ENC_MESSAGE_MAX 512

struct enc_error {
    enum enc_code code;
    char field[ENC_FIELD_MAX];     /* "cart[2].quantity"; "" when none */
    char message[ENC_MESSAGE_MAX]; /* one sentence, no trailing newline */
};

/* Sets *err (when err is not NULL) and returns code. field may be NULL. */
enum enc_code enc_error_set(struct enc_error *err, enum enc_code code,
                            const char *field, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* The wire name of a code: "invalid_field"... */
const char *enc_code_name(enum enc_code code);

#endif
