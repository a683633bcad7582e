/*
 * propose_json.c - one proposal request, bytes in, bytes out: the one path
 * that the CLI ("encore propose") and the server both take, so their
 * answers are the same bytes (SPEC 8).
 */
#include <stdlib.h>
#include <string.h>

#include "codec.h"

/* Request, cart and answer of one call; a cart of 1,000 items and its
 * proposals stay far below. */
#define PROPOSE_ARENA_MAX (64u << 20)

/* Appends the "\n" that ends what codec_propose() writes. */
static char *
with_newline(char *text, size_t *len)
{
    char *grown;

    if (!text)
        return NULL;
    grown = realloc(text, *len + 2);
    if (!grown) {
        free(text);
        return NULL;
    }
    grown[(*len)++] = '\n';
    grown[*len] = '\0';
    return grown;
}

/* Decodes, proposes and writes the answer; *err on failure. */
static enum enc_code
propose_answer(const struct enc_catalogue *cat, const struct enc_avail *avail,
               const char *body, size_t len, struct enc_time clock_now,
               struct arena *arena, char **out, size_t *out_len,
               struct enc_error *err)
{
    struct enc_propose_opts opts = {.avail = avail};
    struct enc_request req;
    struct enc_answer ans;
    bool has_now;
    enum enc_code rc;

    if (!cat)
        return enc_error_set(err, ENC_NOT_FOUND, NULL,
                             "no catalogue imported yet");
    rc = codec_request_decode(cat, body, len, arena, &req, &has_now, err);
    if (rc != ENC_OK)
        return rc;
    if (!has_now)
        req.now = clock_now;
    rc = enc_propose_with(cat, &req, &opts, arena, &ans, err);
    if (rc != ENC_OK)
        return rc;
    *out = codec_answer_encode(cat, &ans, out_len);
    if (!*out)
        return enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    return ENC_OK;
}

enum enc_code
codec_propose(const struct enc_catalogue *cat, const char *body, size_t len,
              struct enc_time clock_now, char **out, size_t *out_len)
{
    return codec_propose_avail(cat, NULL, body, len, clock_now, out, out_len);
}

enum enc_code
codec_propose_avail(const struct enc_catalogue *cat,
                    const struct enc_avail *avail, const char *body, size_t len,
                    struct enc_time clock_now, char **out, size_t *out_len)
{
    struct enc_error err = {0};
    struct arena arena;
    enum enc_code rc;

    *out = NULL;
    *out_len = 0;
    arena_init(&arena, PROPOSE_ARENA_MAX);
    rc = propose_answer(cat, avail, body, len, clock_now, &arena, out, out_len,
                        &err);
    arena_cleanup(&arena);
    if (rc != ENC_OK)
        *out = codec_error_encode(&err, out_len);
    *out = with_newline(*out, out_len);
    if (!*out) {
        *out_len = 0;
        return ENC_INTERNAL;
    }
    return rc;
}
