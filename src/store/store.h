/*
 * store.h - durable state behind one table of functions (STYLE 1).
 *
 * SQLite first (store/sqlite.c): WAL, foreign keys, a schema version with
 * migrations, one row per record. Every write is one transaction: all or
 * nothing. PostgreSQL can be added as another backend behind the same
 * struct store_ops.
 */
#ifndef ENCORE_STORE_STORE_H
#define ENCORE_STORE_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/check.h"
#include "../core/error.h"
#include "../core/model.h"

struct store;
struct store_order;

/* What a load read: the generation, and the records generation (the last
 * write that changed more than profiles and lines). */
struct store_stamp {
    uint64_t generation;
    uint64_t records;
};
struct store_order_hooks;
struct store_pool_set;

struct store_ops {
    const char *name;
    enum enc_code (*open)(const char *path, struct store **out,
                          struct enc_error *err);
    void (*close)(struct store *s);
    /* Loads the whole catalogue as stored, indexed; *out is NULL (and
     * ENC_OK is returned) when the database holds none yet. */
    enum enc_code (*load)(struct store *s, struct enc_catalogue **out,
                          struct enc_error *err);
    /* The stored catalogue as one compact encore-catalogue/1 document, as
     * the rows hold it (malloc'ed, the caller frees): what an import
     * merges into. *doc is NULL (and ENC_OK is returned) when the
     * database holds none yet. */
    enum enc_code (*document)(struct store *s, char **doc, size_t *len,
                              struct enc_error *err);
    /* Replaces the stored state by cat, in one transaction. */
    enum enc_code (*save)(struct store *s, const struct enc_catalogue *cat,
                          struct enc_error *err);
    /* Replaces (or adds) the n profiles of cat named by codes, with their
     * lines, keeping every other row: the save of a document that only
     * names profiles, in one transaction. */
    enum enc_code (*save_profiles)(struct store *s,
                                   const struct enc_catalogue *cat,
                                   char *const *codes, size_t n,
                                   struct enc_error *err);
    /* In one read transaction: *now gets the stamp of what is stored and
     * *out what is stored, as an overlay of base (catalogue_overlay())
     * that decodes only the profiles written after since->generation
     * when only profiles changed since base was loaded at *since, else
     * whole. base may be NULL (a whole load); *out is NULL (and ENC_OK
     * returned) when the database holds no catalogue yet. Joins the
     * transaction of write_begin() when one is open. */
    enum enc_code (*load_since)(struct store *s, struct enc_catalogue *base,
                                const struct store_stamp *since,
                                struct enc_catalogue **out,
                                struct store_stamp *now, struct enc_error *err);
    /* A number that changes with every committed write, from any process. */
    enum enc_code (*generation)(struct store *s, uint64_t *out,
                                struct enc_error *err);
    /* Holds the write lock across a read-modify-write: document() and
     * save() called in between join its transaction; write_end() commits
     * when result is ENC_OK, else rolls back, and returns the outcome. */
    enum enc_code (*write_begin)(struct store *s, struct enc_error *err);
    enum enc_code (*write_end)(struct store *s, enum enc_code result,
                               struct enc_error *err);

    /* Orders, availability and tokens (store_order_place() and below).
     * None of them moves the generation: what is left changes with every
     * sale and is followed by live counters, not by a new snapshot. */
    enum enc_code (*idempotency_find)(struct store *s, const char *key,
                                      const unsigned char *hash,
                                      size_t hash_len, char **answer,
                                      size_t *len, struct enc_error *err);
    enum enc_code (*order_place)(struct store *s, const char *key,
                                 const unsigned char *hash, size_t hash_len,
                                 struct store_order *o,
                                 const struct store_order_hooks *hooks,
                                 char **answer, size_t *len, bool *replay,
                                 struct enc_error *err);
    enum enc_code (*order_get)(struct store *s, int64_t id,
                               struct store_order **out, struct enc_error *err);
    enum enc_code (*order_cancel)(struct store *s, int64_t id, int64_t when,
                                  const struct store_order_hooks *hooks,
                                  struct store_order **out,
                                  struct enc_error *err);
    enum enc_code (*availability_set)(struct store *s,
                                      const struct store_pool_set *sets,
                                      size_t n,
                                      const struct store_order_hooks *hooks,
                                      struct enc_error *err);
    enum enc_code (*token_get)(struct store *s, const char *name,
                               unsigned char *hash, size_t size, size_t *len,
                               struct enc_error *err);
    enum enc_code (*token_set)(struct store *s, const char *name,
                               const unsigned char *hash, size_t len,
                               struct enc_error *err);
    enum enc_code (*profile_delete)(struct store *s, const char *code,
                                    struct enc_error *err);
};

extern const struct store_ops store_sqlite;

/* The message of the ENC_NOT_FOUND that every entry point (export,
 * propose, the server) gives while no catalogue was ever imported. */
#define STORE_EMPTY_MESSAGE "no catalogue imported yet"

/*
 * The import of SPEC 9: decodes doc (merged into what is stored unless
 * replace), checks every profile that is active once it is applied
 * (SPEC 6, as of now) and refuses the whole document if one has an error
 * (ENC_INVALID_FIELD naming "profiles[i]"); else saves it in one
 * transaction. Nothing changes on any error. On success *findings (may be
 * NULL; initialised by the caller, its content is replaced) gets the
 * warnings and the drafts' errors, indexed as in store_load()'s catalogue.
 */
enum enc_code store_import(struct store *s, const char *doc, size_t len,
                           bool replace, struct enc_time now,
                           struct enc_findings *findings,
                           struct enc_error *err);

/*
 * store_import() that also tells why an active profile blocked it: when
 * the document is refused for an active profile's error (and only then),
 * *refused gets the merged catalogue it was checked in (the caller frees
 * it), so the caller can show every finding (the admin API's 422).
 */
enum enc_code store_import_checked(struct store *s, const char *doc, size_t len,
                                   bool replace, struct enc_time now,
                                   struct enc_findings *findings,
                                   struct enc_catalogue **refused,
                                   struct enc_error *err);

/* store_import_checked() that also sets, on success, *generation (may be
 * NULL) to the generation the import committed, read inside its own
 * write transaction, and *saved (may be NULL) to the catalogue it saved
 * (the caller frees it), so a report needs no second load. */
enum enc_code
store_import_generation(struct store *s, const char *doc, size_t len,
                        bool replace, struct enc_time now,
                        struct enc_findings *findings,
                        struct enc_catalogue **refused, uint64_t *generation,
                        struct enc_catalogue **saved, struct enc_error *err);

/*
 * store_import_generation() for a caller that holds a catalogue loaded
 * from this store (base, loaded at since: the server's snapshot). A
 * document that names profiles alone (the admin API's writes) is decoded
 * against base's records, brought to what is stored under the write
 * lock (load_since()), instead of being merged into the whole stored
 * document: a profile edit on 10,000 products then takes milliseconds,
 * and holds the write lock (and the orders waiting for it) as long.
 * Anything else is store_import_generation(). Same contract.
 */
enum enc_code store_import_onto(struct store *s, struct enc_catalogue *base,
                                const struct store_stamp *since,
                                const char *doc, size_t len, bool replace,
                                struct enc_time now,
                                struct enc_findings *findings,
                                struct enc_catalogue **refused,
                                uint64_t *generation, struct enc_error *err);

/* Builds, from cur (what is stored, under the write lock), a document
 * that names profiles alone (malloc'ed in *doc); an error refuses the
 * edit, as is. */
typedef enum enc_code (*store_build_fn)(const struct enc_catalogue *cur,
                                        void *ctx, char **doc, size_t *len,
                                        struct enc_error *err);

/*
 * A read-modify-write of profiles (the admin API's edits): under the
 * write lock, base (loaded at since) is brought to what is stored, build
 * makes the document of the profiles it changes from that, and the
 * document is imported as store_import_onto() would (SPEC 6 checks,
 * refused and *refused the same). Two edits of one profile, from any
 * process, thus never build on the same state: neither is lost.
 * ENC_NOT_FOUND when nothing is stored.
 */
enum enc_code store_edit_profiles(struct store *s, struct enc_catalogue *base,
                                  const struct store_stamp *since,
                                  store_build_fn build, void *ctx,
                                  struct enc_time now,
                                  struct enc_catalogue **refused,
                                  struct enc_error *err);

/* Deletes profile code and its lines in one transaction, moving the
 * generation; ENC_NOT_FOUND when there is none. */
enum enc_code store_profile_delete(struct store *s, const char *code,
                                   struct enc_error *err);

/* The stored catalogue as an encore-catalogue/1 document (malloc'ed);
 * ENC_NOT_FOUND (STORE_EMPTY_MESSAGE) when none was imported yet. */
enum enc_code store_export(struct store *s, char **doc, size_t *len,
                           struct enc_error *err);

enum enc_code store_open(const char *path, struct store **out,
                         struct enc_error *err);
void store_close(struct store *s);
enum enc_code store_load(struct store *s, struct enc_catalogue **out,
                         struct enc_error *err);
enum enc_code store_generation(struct store *s, uint64_t *out,
                               struct enc_error *err);
enum enc_code store_load_since(struct store *s, struct enc_catalogue *base,
                               const struct store_stamp *since,
                               struct enc_catalogue **out,
                               struct store_stamp *now, struct enc_error *err);

/* ---- orders (POST /api/v1/orders), availability, tokens ---- */

/* An item of an order. Codes are borrowed from the caller when placing,
 * owned by the order's arena when the store returns one. */
struct store_order_item {
    const char *product;
    const char *performance;   /* NULL: an undated product */
    const char *seat_category; /* NULL: not named */
    const char *audience;      /* NULL: not named */
    int64_t quantity;
    int64_t unit_amount;
    /* Set by the store: the pool drawn on (R7: the seat category's pool,
     * else "*"; NULL for an undated product), and whether a pool or a
     * stock was decremented (false: an unlimited product). */
    const char *pool;
    bool drawn;
};

#define STORE_ORDER_PAID "paid"
#define STORE_ORDER_CANCELLED "cancelled"

struct store_order {
    struct arena arena; /* owns the strings and items of a returned order */
    int64_t id;         /* set by the store */
    const char *channel;
    const char *currency;
    const char *status; /* STORE_ORDER_PAID or STORE_ORDER_CANCELLED */
    int64_t created;    /* UTC seconds */
    int64_t cancelled;  /* UTC seconds; 0 while paid */
    int64_t total;      /* set by the store: sum of quantity * unit_amount */
    uint32_t n_items;
    struct store_order_item *items;
};

/* One pool whose content a write changed, with what the database holds
 * once the write is applied: a performance's pool, or a product's stock
 * (performance and pool NULL). */
struct store_pool_change {
    const char *product; /* NULL for a performance's pool */
    const char *performance;
    const char *pool;
    int64_t left;
};

/*
 * What a write calls back, inside its transaction. pool_left: once per
 * pool changed, before COMMIT, with the value the database then holds;
 * when the COMMIT fails after that, once more per pool with the value it
 * had before, so a follower (the live counters) ends where the database
 * is. answer: the text to record under an order's idempotency key, once
 * the order has its id (malloc'ed; NULL means out of memory and rolls
 * back). Either may be NULL.
 */
struct store_order_hooks {
    void (*pool_left)(void *ctx, const struct store_pool_change *c);
    char *(*answer)(void *ctx, const struct store_order *o, size_t *len);
    void *ctx;
};

/* The hash of an idempotent request is at most this many bytes. */
#define STORE_HASH_MAX 64

/*
 * The answer recorded under an idempotency key. ENC_NOT_FOUND when the key
 * was never used; ENC_OK with *answer (malloc'ed, the caller frees) when
 * it was, with the same request hash; ENC_CONFLICT (field
 * "Idempotency-Key") when it was, with another.
 */
enum enc_code store_idempotency_find(struct store *s, const char *key,
                                     const unsigned char *hash, size_t hash_len,
                                     char **answer, size_t *len,
                                     struct enc_error *err);

/*
 * Places order o in one BEGIN IMMEDIATE transaction: each item takes its
 * quantity from its pool (R7) only if enough is left, the order and its
 * items are recorded, then hooks->answer's text under key with hash.
 * o->id, o->total and each item's pool and drawn are set. *answer gets
 * the recorded text (malloc'ed) and *replay is false; when key was
 * already used with the same hash (a retry), nothing is sold, *answer is
 * the text recorded then and *replay is true. Errors, nothing changed:
 * ENC_CONFLICT naming "cart[i].quantity" ("only N left"),
 * "cart[i].performance" (unknown to the database) or
 * "cart[i].seat_category" (no pool for it), or "Idempotency-Key" (used
 * with another hash).
 */
enum enc_code store_order_place(struct store *s, const char *key,
                                const unsigned char *hash, size_t hash_len,
                                struct store_order *o,
                                const struct store_order_hooks *hooks,
                                char **answer, size_t *len, bool *replay,
                                struct enc_error *err);

/* Order id as recorded (*out: store_order_free()); ENC_NOT_FOUND. */
enum enc_code store_order_get(struct store *s, int64_t id,
                              struct store_order **out, struct enc_error *err);

/*
 * Cancels order id at when (UTC seconds), in one transaction: what each
 * item drew goes back to its pool, when that pool still exists, and the
 * order is marked cancelled. ENC_NOT_FOUND; ENC_CONFLICT when it was
 * cancelled already. *out gets the cancelled order.
 */
enum enc_code store_order_cancel(struct store *s, int64_t id, int64_t when,
                                 const struct store_order_hooks *hooks,
                                 struct store_order **out,
                                 struct enc_error *err);

void store_order_free(struct store_order *o);

/*
 * One value pushed by the ticketing system: what is left in a pool of a
 * performance (performance and pool set), or in the stock of an undated
 * product (product set). field names it in the request, for errors.
 */
struct store_pool_set {
    const char *product;
    const char *performance;
    const char *pool;
    int64_t left;
    const char *field;
};

/*
 * Sets each pool or stock in one transaction (SPEC 7: what is left, as
 * the ticketing system knows it). Errors, nothing changed:
 * ENC_UNKNOWN_CODE naming the set's field for a performance, a pool or a
 * product the database does not hold; ENC_INVALID_FIELD for a product
 * without a stock (unlimited, or dated).
 */
enum enc_code store_availability_set(struct store *s,
                                     const struct store_pool_set *sets,
                                     size_t n,
                                     const struct store_order_hooks *hooks,
                                     struct enc_error *err);

/* The hash kept for token name ("admin", "shop") in hash (size bytes);
 * *len is 0 when none is kept. */
enum enc_code store_token_get(struct store *s, const char *name,
                              unsigned char *hash, size_t size, size_t *len,
                              struct enc_error *err);

/* Keeps hash (len bytes) as token name's, replacing the one kept. */
enum enc_code store_token_set(struct store *s, const char *name,
                              const unsigned char *hash, size_t len,
                              struct enc_error *err);

#endif
