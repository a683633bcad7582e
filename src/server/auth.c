/*
 * auth.c - the API tokens (auth.h).
 */
#include "auth.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Random bytes of a new token, written base64url: 43 characters. */
#define AUTH_TOKEN_BYTES 32
/* A token given in the environment is at most this long. */
#define AUTH_TOKEN_MAX 512

bool
auth_init(void)
{
    return sodium_init() >= 0;
}

/* The hash of len bytes of token. */
static void
auth_hash(const char *token, size_t len, unsigned char hash[HTTP_TOKEN_HASH])
{
    crypto_generichash(hash, HTTP_TOKEN_HASH, (const unsigned char *)token, len,
                       NULL, 0);
}

void
auth_digest(const void *data, size_t len, unsigned char out[HTTP_TOKEN_HASH])
{
    crypto_generichash(out, HTTP_TOKEN_HASH, data, len, NULL, 0);
}

/* A token is printable ASCII without spaces, 1 to AUTH_TOKEN_MAX bytes:
 * what fits in a header as it is. */
static bool
auth_token_ok(const char *token)
{
    size_t len = strlen(token);
    if (len == 0 || len > AUTH_TOKEN_MAX)
        return false;
    for (size_t i = 0; i < len; i++)
        if (token[i] <= 0x20 || token[i] >= 0x7f)
            return false;
    return true;
}

/* Makes a new random token, prints it once and keeps its hash. */
static enum enc_code
auth_create(struct store *s, const char *name, const char *env,
            unsigned char hash[HTTP_TOKEN_HASH], struct enc_error *err)
{
    unsigned char raw[AUTH_TOKEN_BYTES];
    char token[sodium_base64_ENCODED_LEN(
        AUTH_TOKEN_BYTES, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    randombytes_buf(raw, sizeof(raw));
    sodium_bin2base64(token, sizeof(token), raw, sizeof(raw),
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    sodium_memzero(raw, sizeof(raw));
    auth_hash(token, strlen(token), hash);
    enum enc_code result = store_token_set(s, name, hash, HTTP_TOKEN_HASH, err);
    if (result == ENC_OK)
        fprintf(stderr,
                "encore: %s token (shown once; only its hash is kept; set %s"
                " to choose one): %s\n",
                name, env, token);
    sodium_memzero(token, sizeof(token));
    return result;
}

enum enc_code
auth_setup(struct store *s, const char *name, const char *env,
           unsigned char hash[HTTP_TOKEN_HASH], struct enc_error *err)
{
    const char *given = getenv(env);
    if (given != NULL && given[0] != '\0') {
        if (!auth_token_ok(given))
            return enc_error_set(err, ENC_INVALID_FIELD, env,
                                 "%s: a token is 1 to %d printable ASCII"
                                 " characters without spaces",
                                 env, AUTH_TOKEN_MAX);
        auth_hash(given, strlen(given), hash);
        return store_token_set(s, name, hash, HTTP_TOKEN_HASH, err);
    }
    size_t len = 0;
    enum enc_code result =
        store_token_get(s, name, hash, HTTP_TOKEN_HASH, &len, err);
    if (result != ENC_OK || len == HTTP_TOKEN_HASH)
        return result;
    return auth_create(s, name, env, hash, err);
}

bool
auth_check(const char *header, const unsigned char hash[HTTP_TOKEN_HASH])
{
    static const char scheme[] = "Bearer";
    if (header == NULL)
        return false;
    header += strspn(header, " \t");
    size_t n = sizeof(scheme) - 1;
    if (strncasecmp(header, scheme, n) != 0 ||
        (header[n] != ' ' && header[n] != '\t'))
        return false;
    const char *token = header + n;
    token += strspn(token, " \t");
    size_t len = strcspn(token, " \t");
    if (len == 0 || len > AUTH_TOKEN_MAX ||
        token[len + strspn(token + len, " \t")] != '\0')
        return false;
    unsigned char given[HTTP_TOKEN_HASH];
    auth_hash(token, len, given);
    return sodium_memcmp(given, hash, HTTP_TOKEN_HASH) == 0;
}
