/*
 * encore.c - the embeddable engine of include/encore.h: the codec and the
 * core, no store, no server.
 */
#include "encore.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "codec/codec.h"

struct encore_engine {
    struct enc_catalogue *cat; /* owned, immutable */
};

/* The HTTP-like status of each code (SPEC 8). */
static int
status_of(enum enc_code code)
{
    static const int statuses[] = {
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
    };

    if ((size_t)code >= sizeof statuses / sizeof statuses[0])
        return 500;
    return statuses[code];
}

/* The system clock, in UTC (offset 0). */
static struct enc_time
clock_now(void)
{
    return (struct enc_time){(int64_t)time(NULL), 0};
}

/*
 * SPEC 6: a catalogue whose active profile has an error is refused, as an
 * import refuses it, naming "profiles[i]" and the first error.
 */
static enum enc_code
engine_check(const struct enc_catalogue *cat, struct enc_error *err)
{
    struct enc_findings f;
    enum enc_code rc = ENC_OK;

    findings_init(&f);
    if (!check_all(cat, clock_now(), &f))
        rc = enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    for (uint32_t i = 0; rc == ENC_OK && i < f.n; i++) {
        const struct enc_finding *x = &f.items[i];
        char field[32];

        if (x->severity != SEVERITY_ERROR ||
            cat->profiles[x->profile].status != PROFILE_ACTIVE)
            continue;
        snprintf(field, sizeof field, "profiles[%u]", x->profile);
        rc = enc_error_set(err, ENC_INVALID_FIELD, field,
                           "active profile %s: %s",
                           cat->profiles[x->profile].code, x->message);
    }
    findings_cleanup(&f);
    return rc;
}

int
encore_engine_load(const char *doc, size_t len, encore_engine **out,
                   char **error_json)
{
    struct enc_error err = {0};
    struct enc_catalogue *cat = NULL;
    enum enc_code rc;

    *out = NULL;
    if (error_json)
        *error_json = NULL;
    rc = codec_catalogue_decode(doc, len, NULL, 0, &cat, &err);
    if (rc == ENC_OK)
        rc = engine_check(cat, &err);
    if (rc == ENC_OK) {
        *out = malloc(sizeof **out);
        if (!*out)
            rc = enc_error_set(&err, ENC_INTERNAL, NULL, "out of memory");
    }
    if (rc != ENC_OK) {
        catalogue_free(cat);
        if (error_json)
            *error_json = codec_error_encode(&err, NULL);
        return status_of(rc);
    }
    /* The answers' fixed parts, serialised once (issue 4); without them
     * (out of memory) the answers are the same bytes, written slower. */
    codec_catalogue_prepare(cat);
    (*out)->cat = cat;
    return 200;
}

void
encore_engine_free(encore_engine *engine)
{
    if (!engine)
        return;
    catalogue_free(engine->cat);
    free(engine);
}

int
encore_propose(const encore_engine *engine, const char *request, size_t len,
               char **answer, size_t *answer_len)
{
    size_t n = 0;
    enum enc_code rc = codec_propose(engine ? engine->cat : NULL, request, len,
                                     clock_now(), answer, &n);

    if (answer_len)
        *answer_len = n;
    return status_of(rc);
}

void
encore_free(void *p)
{
    free(p);
}

const char *
encore_version(void)
{
    return ENCORE_VERSION;
}
