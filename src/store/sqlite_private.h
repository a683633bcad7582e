/*
 * sqlite_private.h - what the files of the SQLite backend share: its
 * handle and the small helpers every statement goes through. Private to
 * store/.
 */
#ifndef ENCORE_STORE_SQLITE_PRIVATE_H
#define ENCORE_STORE_SQLITE_PRIVATE_H

#include <sqlite3.h>
#include <stdbool.h>

#include "store_private.h"

struct sqlite_store {
    struct store base; /* first, so store.c can reach the ops */
    sqlite3 *db;
    sqlite3_stmt *generation; /* prepared once: the server polls it */
    /* A transaction is open on the connection (write_begin()'s, or the
     * read of load_since()): save, save_profiles, document and
     * load_since join it instead of opening their own. */
    bool in_txn;
};

struct sqlite_store *sqlite_of(struct store *s);

/* Fills err with what SQLite said about the last failure on db;
 * ENC_INTERNAL. */
enum enc_code db_fail(sqlite3 *db, const char *what, struct enc_error *err);

/* Runs constant SQL that takes no parameter (schema, transactions). */
enum enc_code db_exec(sqlite3 *db, const char *sql, struct enc_error *err);

enum enc_code db_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st,
                         struct enc_error *err);

/* Runs a statement that returns no row, then resets it for reuse. */
enum enc_code db_step_done(sqlite3 *db, sqlite3_stmt *st,
                           struct enc_error *err);

/* Ends the transaction begun by the caller: COMMIT when result is ENC_OK,
 * else ROLLBACK. Returns the result, or the COMMIT's failure. */
enum enc_code db_finish(sqlite3 *db, enum enc_code result,
                        struct enc_error *err);

/* The order, availability and token functions (sqlite_orders.c). */
enum enc_code sqlite_idempotency_find(struct store *s, const char *key,
                                      const unsigned char *hash,
                                      size_t hash_len, char **answer,
                                      size_t *len, struct enc_error *err);
enum enc_code sqlite_order_place(struct store *s, const char *key,
                                 const unsigned char *hash, size_t hash_len,
                                 struct store_order *o,
                                 const struct store_order_hooks *hooks,
                                 char **answer, size_t *len, bool *replay,
                                 struct enc_error *err);
enum enc_code sqlite_order_get(struct store *s, int64_t id,
                               struct store_order **out, struct enc_error *err);
enum enc_code sqlite_order_cancel(struct store *s, int64_t id, int64_t when,
                                  const struct store_order_hooks *hooks,
                                  struct store_order **out,
                                  struct enc_error *err);
enum enc_code sqlite_availability_set(struct store *s,
                                      const struct store_pool_set *sets,
                                      size_t n,
                                      const struct store_order_hooks *hooks,
                                      struct enc_error *err);
enum enc_code sqlite_token_get(struct store *s, const char *name,
                               unsigned char *hash, size_t size, size_t *len,
                               struct enc_error *err);
enum enc_code sqlite_token_set(struct store *s, const char *name,
                               const unsigned char *hash, size_t len,
                               struct enc_error *err);

/* load_since() (sqlite_reload.c). */
enum enc_code sqlite_load_since(struct store *s, struct enc_catalogue *base,
                                const struct store_stamp *since,
                                struct enc_catalogue **out,
                                struct store_stamp *now, struct enc_error *err);

#endif
