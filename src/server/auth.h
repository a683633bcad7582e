/*
 * auth.h - the API tokens: the admin's and the shop's (issue 3).
 *
 * A token is a secret sent as "Authorization: Bearer TOKEN". The server
 * keeps only its hash (BLAKE2b-256, libsodium's crypto_generichash), in
 * the database and in memory, and compares hashes in constant time.
 */
#ifndef ENCORE_SERVER_AUTH_H
#define ENCORE_SERVER_AUTH_H

#include <stdbool.h>

#include "../core/error.h"
#include "../store/store.h"
#include "http.h"

/* Initialises libsodium once; false when it cannot run. */
bool auth_init(void);

/*
 * Sets up token name ("admin", "shop"): from the environment variable env
 * when set (its hash replaces the one kept), else the hash kept in the
 * database, else a new random token, printed once on stderr, whose hash
 * is kept. hash gets the token's hash.
 */
enum enc_code auth_setup(struct store *s, const char *name, const char *env,
                         unsigned char hash[HTTP_TOKEN_HASH],
                         struct enc_error *err);

/* The BLAKE2b-256 digest of len bytes of data (an order's body, kept
 * with its Idempotency-Key). */
void auth_digest(const void *data, size_t len,
                 unsigned char out[HTTP_TOKEN_HASH]);

/* True when an Authorization header value holds a Bearer token whose hash
 * is hash (NULL header: false). */
bool auth_check(const char *header, const unsigned char hash[HTTP_TOKEN_HASH]);

#endif
