/*
 * sqlite_orders.c - orders, availability pushes and token hashes in the
 * SQLite backend (store.h, migration 2 of sqlite.c).
 *
 * What is left lives in two places of the catalogue rows: a performance's
 * pools are rows of their own ("left"), an undated product's stock is the
 * "stock" key of its JSON body. Both are taken only by a guarded UPDATE
 * (... AND left >= ? RETURNING left) inside one BEGIN IMMEDIATE
 * transaction, so two buyers can never both take the last seat, in this
 * process or in another one (R7). None of these writes moves the
 * generation: the server follows them with live counters (the hooks).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sqlite_private.h"

/* A pool changed by the write under way, to report through the hooks. */
struct pool_change {
    struct store_pool_change c;
    int64_t before; /* what it held before, to restore a follower */
};

/* The changes of one write, in the order they were made. */
struct change_list {
    struct pool_change *items;
    size_t n;
    size_t cap;
};

static bool
changes_add(struct change_list *l, const struct store_pool_change *c,
            int64_t before)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        struct pool_change *items = realloc(l->items, cap * sizeof(*items));
        if (items == NULL)
            return false;
        l->items = items;
        l->cap = cap;
    }
    l->items[l->n].c = *c;
    l->items[l->n].before = before;
    l->n++;
    return true;
}

/* Tells the hooks what the database now holds, in write order. */
static void
changes_report(const struct change_list *l,
               const struct store_order_hooks *hooks)
{
    if (hooks == NULL || hooks->pool_left == NULL)
        return;
    for (size_t i = 0; i < l->n; i++)
        hooks->pool_left(hooks->ctx, &l->items[i].c);
}

/* After a failed COMMIT: the values from before, newest change first, so
 * a pool changed twice ends at its first value. */
static void
changes_restore(const struct change_list *l,
                const struct store_order_hooks *hooks)
{
    if (hooks == NULL || hooks->pool_left == NULL)
        return;
    for (size_t i = l->n; i-- > 0;) {
        struct store_pool_change c = l->items[i].c;
        c.left = l->items[i].before;
        hooks->pool_left(hooks->ctx, &c);
    }
}

/*
 * Reports the changes, then commits (or rolls back when result is not
 * ENC_OK); when the COMMIT itself fails, the hooks get the old values
 * back. Frees the list.
 */
static enum enc_code
changes_commit(sqlite3 *db, enum enc_code result, struct change_list *l,
               const struct store_order_hooks *hooks, struct enc_error *err)
{
    if (result == ENC_OK)
        changes_report(l, hooks);
    enum enc_code done = db_finish(db, result, err);
    if (result == ENC_OK && done != ENC_OK)
        changes_restore(l, hooks);
    free(l->items);
    l->items = NULL;
    l->n = l->cap = 0;
    return done;
}

/* Binds a text that may be NULL (then SQL NULL). */
static void
bind_text_or_null(sqlite3_stmt *st, int i, const char *s)
{
    if (s == NULL)
        sqlite3_bind_null(st, i);
    else
        sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

/*
 * Steps st (bound by the caller) for at most one row and reads its
 * column 0 as an integer: *found false when there is no row, *is_null
 * when the column is NULL. Resets st.
 */
static enum enc_code
step_int(sqlite3 *db, sqlite3_stmt *st, bool *found, bool *is_null, int64_t *v,
         struct enc_error *err)
{
    int rc = sqlite3_step(st);
    *found = rc == SQLITE_ROW;
    if (rc == SQLITE_ROW) {
        if (is_null != NULL)
            *is_null = sqlite3_column_type(st, 0) == SQLITE_NULL;
        *v = sqlite3_column_int64(st, 0);
        /* RETURNING statements finish their work on the next step. */
        rc = sqlite3_step(st);
    }
    enum enc_code result = ENC_OK;
    if (rc != SQLITE_DONE)
        result = db_fail(db, sqlite3_sql(st), err);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return result;
}

/* Prepares, binds nothing, and finalizes on behalf of short functions. */
struct stmt_set {
    sqlite3_stmt *items[10]; /* POOL_SQL_COUNT and a spare */
};

static void
stmt_set_cleanup(struct stmt_set *set)
{
    for (size_t i = 0; i < sizeof(set->items) / sizeof(set->items[0]); i++)
        sqlite3_finalize(set->items[i]);
}

/* ---- pools and stocks ---- */

/*
 * The statements that find, take from and give back to pools. What is
 * given back stops at 2^53 - 1, the largest count a catalogue holds
 * (SPEC 7, docs/DECISIONS.md): a cancel after a push of that much would
 * otherwise store a pool that no load accepts, and the catalogue would
 * no longer load at all.
 */
enum {
    ST_PERF_ID,   /* ?1 performance code -> id */
    ST_POOL_FIND, /* ?1 perf id, ?2 seat category -> its pool, else "*" */
    ST_POOL_TAKE, /* ?1 perf id, ?2 pool, ?3 quantity -> left */
    ST_POOL_LEFT, /* ?1 perf id, ?2 pool -> left */
    ST_POOL_ADD,  /* ?1 perf id, ?2 pool, ?3 quantity (may be < 0) */
    ST_STOCK_TAKE,
    ST_STOCK_LEFT,
    ST_STOCK_ADD,
};

static const char *const pool_sql[] = {
    [ST_PERF_ID] = "SELECT id FROM performances WHERE code = ?1",
    [ST_POOL_FIND] = "SELECT code FROM pools WHERE performance_id = ?1"
                     " AND code IN (?2, '*') ORDER BY code = '*' LIMIT 1",
    [ST_POOL_TAKE] = "UPDATE pools SET \"left\" = \"left\" - ?3"
                     " WHERE performance_id = ?1 AND code = ?2"
                     " AND \"left\" >= ?3 RETURNING \"left\"",
    [ST_POOL_LEFT] = "SELECT \"left\" FROM pools"
                     " WHERE performance_id = ?1 AND code = ?2",
    [ST_POOL_ADD] = "UPDATE pools SET \"left\" ="
                    " min(\"left\" + ?3, 9007199254740991)"
                    " WHERE performance_id = ?1 AND code = ?2"
                    " RETURNING \"left\"",
    [ST_STOCK_TAKE] =
        "UPDATE products SET body = json_set(body, '$.stock',"
        " json_extract(body, '$.stock') - ?2)"
        " WHERE code = ?1 AND json_type(body, '$.stock') = 'integer'"
        " AND json_extract(body, '$.stock') >= ?2"
        " RETURNING json_extract(body, '$.stock')",
    [ST_STOCK_LEFT] = "SELECT json_extract(body, '$.stock') FROM products"
                      " WHERE code = ?1",
    [ST_STOCK_ADD] =
        "UPDATE products SET body = json_set(body, '$.stock',"
        " min(json_extract(body, '$.stock') + ?2, 9007199254740991))"
        " WHERE code = ?1 AND json_type(body, '$.stock') = 'integer'"
        " RETURNING json_extract(body, '$.stock')",
};

#define POOL_SQL_COUNT (sizeof(pool_sql) / sizeof(pool_sql[0]))
_Static_assert(POOL_SQL_COUNT < 10, "stmt_set holds the pool statements");

static enum enc_code
pool_prepare(sqlite3 *db, struct stmt_set *set, struct enc_error *err)
{
    enum enc_code result = ENC_OK;
    for (size_t i = 0; result == ENC_OK && i < POOL_SQL_COUNT; i++)
        result = db_prepare(db, pool_sql[i], &set->items[i], err);
    return result;
}

/* The row id of performance code; *found false when the database has
 * none. */
static enum enc_code
perf_id(sqlite3 *db, struct stmt_set *set, const char *code, bool *found,
        int64_t *id, struct enc_error *err)
{
    sqlite3_stmt *st = set->items[ST_PERF_ID];
    sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
    return step_int(db, st, found, NULL, id, err);
}

/*
 * R7: the pool an item of seat category sc (NULL: none) draws on at
 * performance row perf: its category's pool, else "*". Copies its code
 * into pool (size bytes); *found false when neither exists.
 */
static enum enc_code
pool_find(sqlite3 *db, struct stmt_set *set, int64_t perf, const char *sc,
          char *pool, size_t size, bool *found, struct enc_error *err)
{
    sqlite3_stmt *st = set->items[ST_POOL_FIND];
    sqlite3_bind_int64(st, 1, perf);
    sqlite3_bind_text(st, 2, sc ? sc : "*", -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    *found = rc == SQLITE_ROW;
    if (rc == SQLITE_ROW) {
        const char *code = (const char *)sqlite3_column_text(st, 0);
        snprintf(pool, size, "%s", code ? code : "*");
    }
    enum enc_code result = ENC_OK;
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        result = db_fail(db, "finding a pool", err);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return result;
}

/* Runs a pool statement with ?1 perf, ?2 pool and ?3 n when n_given. */
static enum enc_code
pool_step(sqlite3 *db, sqlite3_stmt *st, int64_t perf, const char *pool,
          bool n_given, int64_t n, bool *found, int64_t *v,
          struct enc_error *err)
{
    sqlite3_bind_int64(st, 1, perf);
    sqlite3_bind_text(st, 2, pool, -1, SQLITE_TRANSIENT);
    if (n_given)
        sqlite3_bind_int64(st, 3, n);
    return step_int(db, st, found, NULL, v, err);
}

/* Runs a stock statement with ?1 product and ?2 n when n_given. */
static enum enc_code
stock_step(sqlite3 *db, sqlite3_stmt *st, const char *product, bool n_given,
           int64_t n, bool *found, bool *is_null, int64_t *v,
           struct enc_error *err)
{
    sqlite3_bind_text(st, 1, product, -1, SQLITE_TRANSIENT);
    if (n_given)
        sqlite3_bind_int64(st, 2, n);
    return step_int(db, st, found, is_null, v, err);
}

/* ---- idempotency keys ---- */

/*
 * Looks key up inside the caller's transaction, or outside any. *found
 * false when unused; else *answer gets the recorded text when the hash
 * is the same, and ENC_CONFLICT is returned when it is not.
 */
static enum enc_code
idempotency_lookup(sqlite3 *db, const char *key, const unsigned char *hash,
                   size_t hash_len, bool *found, char **answer, size_t *len,
                   struct enc_error *err)
{
    sqlite3_stmt *st = NULL;
    *found = false;
    *answer = NULL;
    enum enc_code result = db_prepare(
        db, "SELECT hash, answer FROM idempotency WHERE key = ?1", &st, err);
    if (result != ENC_OK)
        return result;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *found = true;
        const void *kept = sqlite3_column_blob(st, 0);
        size_t kept_len = (size_t)sqlite3_column_bytes(st, 0);
        const char *text = (const char *)sqlite3_column_text(st, 1);
        size_t n = (size_t)sqlite3_column_bytes(st, 1);
        if (kept_len != hash_len || kept == NULL ||
            memcmp(kept, hash, hash_len) != 0)
            result = enc_error_set(
                err, ENC_CONFLICT, "Idempotency-Key",
                "this Idempotency-Key was used with another request");
        else if (text == NULL || (*answer = malloc(n + 1)) == NULL)
            result = enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
        else {
            memcpy(*answer, text, n + 1);
            *len = n;
        }
    } else if (rc != SQLITE_DONE) {
        result = db_fail(db, "reading an idempotency key", err);
    }
    sqlite3_finalize(st);
    return result;
}

enum enc_code
sqlite_idempotency_find(struct store *s, const char *key,
                        const unsigned char *hash, size_t hash_len,
                        char **answer, size_t *len, struct enc_error *err)
{
    bool found = false;
    enum enc_code result = idempotency_lookup(
        sqlite_of(s)->db, key, hash, hash_len, &found, answer, len, err);
    if (result == ENC_OK && !found)
        return enc_error_set(err, ENC_NOT_FOUND, "Idempotency-Key",
                             "this Idempotency-Key was never used");
    return result;
}

/* ---- placing an order ---- */

/* Fails with code on "cart[i].key", the message formatted from fmt. */
static enum enc_code item_fail(struct enc_error *err, enum enc_code code,
                               uint32_t i, const char *key, const char *fmt,
                               ...) __attribute__((format(printf, 5, 6)));

static enum enc_code
item_fail(struct enc_error *err, enum enc_code code, uint32_t i,
          const char *key, const char *fmt, ...)
{
    char field[48];
    snprintf(field, sizeof(field), "cart[%u].%s", i, key);
    char text[ENC_MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof(text), fmt, ap);
    va_end(ap);
    return enc_error_set(err, code, field, "%s", text);
}

/* Takes item i's quantity from the pool it draws on at its performance
 * (R7), only if enough is left. */
static enum enc_code
draw_pool(sqlite3 *db, struct stmt_set *set, struct store_order *o, uint32_t i,
          struct change_list *l, struct enc_error *err)
{
    struct store_order_item *it = &o->items[i];
    bool found = false;
    int64_t perf = 0;
    int64_t left = 0;
    char pool[256];
    enum enc_code result =
        perf_id(db, set, it->performance, &found, &perf, err);
    if (result == ENC_OK && !found)
        return item_fail(err, ENC_CONFLICT, i, "performance",
                         "performance %s is not in the database",
                         it->performance);
    if (result == ENC_OK)
        result = pool_find(db, set, perf, it->seat_category, pool, sizeof(pool),
                           &found, err);
    if (result == ENC_OK && !found)
        return item_fail(err, ENC_CONFLICT, i, "seat_category",
                         "performance %s has no pool for this seat category",
                         it->performance);
    if (result == ENC_OK)
        result = pool_step(db, set->items[ST_POOL_TAKE], perf, pool, true,
                           it->quantity, &found, &left, err);
    if (result == ENC_OK && !found) {
        result = pool_step(db, set->items[ST_POOL_LEFT], perf, pool, false, 0,
                           &found, &left, err);
        if (result == ENC_OK)
            return item_fail(err, ENC_CONFLICT, i, "quantity", "only %lld left",
                             (long long)left);
    }
    if (result != ENC_OK)
        return result;

    it->pool = arena_strdup(&o->arena, pool);
    it->drawn = true;
    struct store_pool_change c = {NULL, it->performance, it->pool, left};
    if (it->pool == NULL || !changes_add(l, &c, left + it->quantity))
        return enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    return ENC_OK;
}

/* Takes item i's quantity from its undated product's stock, only if
 * enough is left; a product without a stock is unlimited. */
static enum enc_code
draw_stock(sqlite3 *db, struct stmt_set *set, struct store_order *o, uint32_t i,
           struct change_list *l, struct enc_error *err)
{
    struct store_order_item *it = &o->items[i];
    bool found = false;
    bool is_null = false;
    int64_t left = 0;
    enum enc_code result =
        stock_step(db, set->items[ST_STOCK_TAKE], it->product, true,
                   it->quantity, &found, NULL, &left, err);
    if (result != ENC_OK)
        return result;
    if (found) {
        it->drawn = true;
        struct store_pool_change c = {it->product, NULL, NULL, left};
        if (!changes_add(l, &c, left + it->quantity))
            return enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
        return ENC_OK;
    }
    result = stock_step(db, set->items[ST_STOCK_LEFT], it->product, false, 0,
                        &found, &is_null, &left, err);
    if (result != ENC_OK)
        return result;
    if (!found)
        return item_fail(err, ENC_CONFLICT, i, "product",
                         "product %s is not in the database", it->product);
    if (is_null)
        return ENC_OK; /* unlimited: nothing to take */
    return item_fail(err, ENC_CONFLICT, i, "quantity", "only %lld left",
                     (long long)left);
}

/* Inserts the order row (o->id set) and its items. */
static enum enc_code
order_insert(sqlite3 *db, struct store_order *o, struct enc_error *err)
{
    struct stmt_set set = {0};
    enum enc_code result = db_prepare(
        db,
        "INSERT INTO orders (channel, currency, status, created, total)"
        " VALUES (?1, ?2, 'paid', ?3, ?4)",
        &set.items[0], err);
    if (result == ENC_OK)
        result = db_prepare(
            db,
            "INSERT INTO order_items (order_id, position, product,"
            " performance, seat_category, audience, quantity, unit_amount,"
            " pool, drawn) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            &set.items[1], err);
    if (result == ENC_OK) {
        sqlite3_stmt *st = set.items[0];
        sqlite3_bind_text(st, 1, o->channel, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, o->currency, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 3, o->created);
        sqlite3_bind_int64(st, 4, o->total);
        result = db_step_done(db, st, err);
        o->id = sqlite3_last_insert_rowid(db);
    }
    for (uint32_t i = 0; result == ENC_OK && i < o->n_items; i++) {
        const struct store_order_item *it = &o->items[i];
        sqlite3_stmt *st = set.items[1];
        sqlite3_bind_int64(st, 1, o->id);
        sqlite3_bind_int64(st, 2, i);
        sqlite3_bind_text(st, 3, it->product, -1, SQLITE_TRANSIENT);
        bind_text_or_null(st, 4, it->performance);
        bind_text_or_null(st, 5, it->seat_category);
        bind_text_or_null(st, 6, it->audience);
        sqlite3_bind_int64(st, 7, it->quantity);
        sqlite3_bind_int64(st, 8, it->unit_amount);
        bind_text_or_null(st, 9, it->pool);
        sqlite3_bind_int(st, 10, it->drawn ? 1 : 0);
        result = db_step_done(db, st, err);
    }
    stmt_set_cleanup(&set);
    return result;
}

/* Records the answer under key (the hooks write it, now that the order
 * has its id). *answer keeps the text. */
static enum enc_code
idempotency_insert(sqlite3 *db, const char *key, const unsigned char *hash,
                   size_t hash_len, const struct store_order *o,
                   const struct store_order_hooks *hooks, char **answer,
                   size_t *len, struct enc_error *err)
{
    *len = 0;
    *answer = hooks && hooks->answer ? hooks->answer(hooks->ctx, o, len)
                                     : strdup("{}");
    if (*answer == NULL)
        return enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    if (hooks == NULL || hooks->answer == NULL)
        *len = 2;
    sqlite3_stmt *st = NULL;
    enum enc_code result =
        db_prepare(db,
                   "INSERT INTO idempotency (key, hash, order_id, answer)"
                   " VALUES (?1, ?2, ?3, ?4)",
                   &st, err);
    if (result == ENC_OK) {
        sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
        sqlite3_bind_blob(st, 2, hash, (int)hash_len, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 3, o->id);
        sqlite3_bind_text(st, 4, *answer, (int)*len, SQLITE_TRANSIENT);
        result = db_step_done(db, st, err);
    }
    sqlite3_finalize(st);
    return result;
}

/* Draws every item and totals the order (overflow refused). */
static enum enc_code
order_draw(sqlite3 *db, struct store_order *o, struct change_list *l,
           struct enc_error *err)
{
    struct stmt_set set = {0};
    enum enc_code result = pool_prepare(db, &set, err);
    o->total = 0;
    for (uint32_t i = 0; result == ENC_OK && i < o->n_items; i++) {
        struct store_order_item *it = &o->items[i];
        int64_t amount = 0;
        if (__builtin_mul_overflow(it->quantity, it->unit_amount, &amount) ||
            __builtin_add_overflow(o->total, amount, &o->total)) {
            result = item_fail(err, ENC_INVALID_FIELD, i, "quantity",
                               "the order's total is out of range");
            break;
        }
        it->pool = NULL;
        it->drawn = false;
        if (it->performance != NULL)
            result = draw_pool(db, &set, o, i, l, err);
        else
            result = draw_stock(db, &set, o, i, l, err);
    }
    stmt_set_cleanup(&set);
    return result;
}

enum enc_code
sqlite_order_place(struct store *s, const char *key, const unsigned char *hash,
                   size_t hash_len, struct store_order *o,
                   const struct store_order_hooks *hooks, char **answer,
                   size_t *len, bool *replay, struct enc_error *err)
{
    sqlite3 *db = sqlite_of(s)->db;
    struct change_list changes = {0};
    bool found = false;
    *replay = false;
    *answer = NULL;

    enum enc_code result = db_exec(db, "BEGIN IMMEDIATE", err);
    if (result != ENC_OK)
        return result;
    /* Under the write lock: a retry that raced its first attempt finds
     * the key here and sells nothing. */
    result =
        idempotency_lookup(db, key, hash, hash_len, &found, answer, len, err);
    if (result == ENC_OK && found) {
        *replay = true;
        return db_finish(db, ENC_OK, err);
    }
    o->status = STORE_ORDER_PAID;
    o->cancelled = 0;
    if (result == ENC_OK)
        result = order_draw(db, o, &changes, err);
    if (result == ENC_OK)
        result = order_insert(db, o, err);
    if (result == ENC_OK) {
        /* The followers learn the new values first, so the answer
         * written next (its proposals) already sees them. */
        changes_report(&changes, hooks);
        result = idempotency_insert(db, key, hash, hash_len, o, hooks, answer,
                                    len, err);
        if (result != ENC_OK)
            changes_restore(&changes, hooks);
    }
    enum enc_code done = db_finish(db, result, err);
    if (result == ENC_OK && done != ENC_OK)
        changes_restore(&changes, hooks);
    free(changes.items);
    result = done;
    if (result != ENC_OK) {
        free(*answer);
        *answer = NULL;
    }
    return result;
}

/* ---- reading and cancelling ---- */

/* Copies column col of st into o's arena; NULL for SQL NULL. false when
 * out of memory. */
static bool
column_dup(struct store_order *o, sqlite3_stmt *st, int col, const char **out)
{
    const char *text = (const char *)sqlite3_column_text(st, col);
    *out = NULL;
    if (text == NULL)
        return sqlite3_column_type(st, col) == SQLITE_NULL;
    *out = arena_strdup(&o->arena, text);
    return *out != NULL;
}

/* Reads the order row id into o; ENC_NOT_FOUND when there is none. */
static enum enc_code
order_read_head(sqlite3 *db, int64_t id, struct store_order *o,
                struct enc_error *err)
{
    sqlite3_stmt *st = NULL;
    enum enc_code result = db_prepare(
        db,
        "SELECT channel, currency, status, created, cancelled, total,"
        " (SELECT count(*) FROM order_items WHERE order_id = ?1)"
        " FROM orders WHERE id = ?1",
        &st, err);
    if (result != ENC_OK)
        return result;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        o->id = id;
        o->created = sqlite3_column_int64(st, 3);
        o->cancelled = sqlite3_column_int64(st, 4);
        o->total = sqlite3_column_int64(st, 5);
        o->n_items = (uint32_t)sqlite3_column_int64(st, 6);
        o->items = arena_alloc(&o->arena, (o->n_items + 1) * sizeof(*o->items));
        if (!column_dup(o, st, 0, &o->channel) ||
            !column_dup(o, st, 1, &o->currency) ||
            !column_dup(o, st, 2, &o->status) || o->items == NULL)
            result = enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    } else if (rc == SQLITE_DONE) {
        result = enc_error_set(err, ENC_NOT_FOUND, NULL, "no order %lld",
                               (long long)id);
    } else {
        result = db_fail(db, "reading an order", err);
    }
    sqlite3_finalize(st);
    return result;
}

/* Reads the items of order o->id, in order. */
static enum enc_code
order_read_items(sqlite3 *db, struct store_order *o, struct enc_error *err)
{
    sqlite3_stmt *st = NULL;
    enum enc_code result = db_prepare(
        db,
        "SELECT product, performance, seat_category, audience, quantity,"
        " unit_amount, pool, drawn FROM order_items WHERE order_id = ?1"
        " ORDER BY position",
        &st, err);
    if (result != ENC_OK)
        return result;
    sqlite3_bind_int64(st, 1, o->id);
    uint32_t n = 0;
    while (result == ENC_OK && n < o->n_items) {
        int rc = sqlite3_step(st);
        if (rc != SQLITE_ROW) {
            if (rc != SQLITE_DONE)
                result = db_fail(db, "reading an order's items", err);
            break;
        }
        struct store_order_item *it = &o->items[n++];
        it->quantity = sqlite3_column_int64(st, 4);
        it->unit_amount = sqlite3_column_int64(st, 5);
        it->drawn = sqlite3_column_int(st, 7) != 0;
        if (!column_dup(o, st, 0, &it->product) ||
            !column_dup(o, st, 1, &it->performance) ||
            !column_dup(o, st, 2, &it->seat_category) ||
            !column_dup(o, st, 3, &it->audience) ||
            !column_dup(o, st, 6, &it->pool))
            result = enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    }
    o->n_items = n;
    sqlite3_finalize(st);
    return result;
}

/* Reads order id as a new store_order (*out), inside the caller's
 * transaction or outside any. */
static enum enc_code
order_read(sqlite3 *db, int64_t id, struct store_order **out,
           struct enc_error *err)
{
    *out = NULL;
    struct store_order *o = calloc(1, sizeof(*o));
    if (o == NULL)
        return enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    arena_init(&o->arena, 0);
    enum enc_code result = order_read_head(db, id, o, err);
    if (result == ENC_OK)
        result = order_read_items(db, o, err);
    if (result != ENC_OK) {
        store_order_free(o);
        return result;
    }
    *out = o;
    return ENC_OK;
}

enum enc_code
sqlite_order_get(struct store *s, int64_t id, struct store_order **out,
                 struct enc_error *err)
{
    return order_read(sqlite_of(s)->db, id, out, err);
}

/* Gives back what item it drew, when its pool or stock still exists. */
static enum enc_code
give_back(sqlite3 *db, struct stmt_set *set, const struct store_order_item *it,
          struct change_list *l, struct enc_error *err)
{
    bool found = false;
    int64_t left = 0;
    int64_t perf = 0;
    enum enc_code result = ENC_OK;
    struct store_pool_change c = {NULL, NULL, NULL, 0};
    if (it->performance != NULL && it->pool != NULL) {
        result = perf_id(db, set, it->performance, &found, &perf, err);
        if (result == ENC_OK && found)
            result = pool_step(db, set->items[ST_POOL_ADD], perf, it->pool,
                               true, it->quantity, &found, &left, err);
        c.performance = it->performance;
        c.pool = it->pool;
    } else {
        result = stock_step(db, set->items[ST_STOCK_ADD], it->product, true,
                            it->quantity, &found, NULL, &left, err);
        c.product = it->product;
    }
    c.left = left;
    if (result == ENC_OK && found && !changes_add(l, &c, left - it->quantity))
        result = enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    return result;
}

/* Marks order o cancelled at when and gives its items' stock back. */
static enum enc_code
order_undo(sqlite3 *db, struct store_order *o, int64_t when,
           struct change_list *l, struct enc_error *err)
{
    struct stmt_set set = {0};
    enum enc_code result = pool_prepare(db, &set, err);
    for (uint32_t i = 0; result == ENC_OK && i < o->n_items; i++)
        if (o->items[i].drawn)
            result = give_back(db, &set, &o->items[i], l, err);
    if (result == ENC_OK)
        result = db_prepare(db,
                            "UPDATE orders SET status = 'cancelled',"
                            " cancelled = ?2 WHERE id = ?1",
                            &set.items[POOL_SQL_COUNT], err);
    if (result == ENC_OK) {
        sqlite3_bind_int64(set.items[POOL_SQL_COUNT], 1, o->id);
        sqlite3_bind_int64(set.items[POOL_SQL_COUNT], 2, when);
        result = db_step_done(db, set.items[POOL_SQL_COUNT], err);
    }
    stmt_set_cleanup(&set);
    return result;
}

enum enc_code
sqlite_order_cancel(struct store *s, int64_t id, int64_t when,
                    const struct store_order_hooks *hooks,
                    struct store_order **out, struct enc_error *err)
{
    sqlite3 *db = sqlite_of(s)->db;
    struct change_list changes = {0};
    struct store_order *o = NULL;
    *out = NULL;
    enum enc_code result = db_exec(db, "BEGIN IMMEDIATE", err);
    if (result != ENC_OK)
        return result;
    result = order_read(db, id, &o, err);
    if (result == ENC_OK && strcmp(o->status, STORE_ORDER_PAID) != 0)
        result =
            enc_error_set(err, ENC_CONFLICT, NULL,
                          "order %lld is cancelled already", (long long)id);
    if (result == ENC_OK)
        result = order_undo(db, o, when, &changes, err);
    result = changes_commit(db, result, &changes, hooks, err);
    if (result == ENC_OK) {
        o->status = STORE_ORDER_CANCELLED;
        o->cancelled = when;
        *out = o;
        return ENC_OK;
    }
    store_order_free(o);
    return result;
}

/* ---- availability pushed by the ticketing system ---- */

/* Sets one performance pool to v->left. */
static enum enc_code
set_pool(sqlite3 *db, struct stmt_set *set, const struct store_pool_set *v,
         struct change_list *l, struct enc_error *err)
{
    bool found = false;
    int64_t perf = 0;
    int64_t before = 0;
    enum enc_code result = perf_id(db, set, v->performance, &found, &perf, err);
    if (result == ENC_OK && !found)
        return enc_error_set(err, ENC_UNKNOWN_CODE, v->field,
                             "unknown performance %s", v->performance);
    if (result == ENC_OK)
        result = pool_step(db, set->items[ST_POOL_LEFT], perf, v->pool, false,
                           0, &found, &before, err);
    if (result == ENC_OK && !found)
        return enc_error_set(err, ENC_UNKNOWN_CODE, v->field,
                             "performance %s has no pool %s", v->performance,
                             v->pool);
    int64_t now = 0;
    /* Adding the difference keeps one UPDATE statement for both uses. */
    if (result == ENC_OK)
        result = pool_step(db, set->items[ST_POOL_ADD], perf, v->pool, true,
                           v->left - before, &found, &now, err);
    struct store_pool_change c = {NULL, v->performance, v->pool, now};
    if (result == ENC_OK && !changes_add(l, &c, before))
        result = enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    return result;
}

/* Sets one undated product's stock to v->left. */
static enum enc_code
set_stock(sqlite3 *db, struct stmt_set *set, const struct store_pool_set *v,
          struct change_list *l, struct enc_error *err)
{
    bool found = false;
    bool is_null = false;
    int64_t before = 0;
    enum enc_code result = stock_step(db, set->items[ST_STOCK_LEFT], v->product,
                                      false, 0, &found, &is_null, &before, err);
    if (result == ENC_OK && !found)
        return enc_error_set(err, ENC_UNKNOWN_CODE, v->field,
                             "unknown product %s", v->product);
    if (result == ENC_OK && is_null)
        return enc_error_set(err, ENC_INVALID_FIELD, v->field,
                             "product %s has no stock (it is unlimited, or"
                             " dated): set one by an import",
                             v->product);
    int64_t now = 0;
    if (result == ENC_OK)
        result = stock_step(db, set->items[ST_STOCK_ADD], v->product, true,
                            v->left - before, &found, NULL, &now, err);
    struct store_pool_change c = {v->product, NULL, NULL, now};
    if (result == ENC_OK && !changes_add(l, &c, before))
        result = enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    return result;
}

enum enc_code
sqlite_availability_set(struct store *s, const struct store_pool_set *sets,
                        size_t n, const struct store_order_hooks *hooks,
                        struct enc_error *err)
{
    sqlite3 *db = sqlite_of(s)->db;
    struct change_list changes = {0};
    struct stmt_set set = {0};
    enum enc_code result = db_exec(db, "BEGIN IMMEDIATE", err);
    if (result != ENC_OK)
        return result;
    result = pool_prepare(db, &set, err);
    for (size_t i = 0; result == ENC_OK && i < n; i++) {
        if (sets[i].performance != NULL)
            result = set_pool(db, &set, &sets[i], &changes, err);
        else
            result = set_stock(db, &set, &sets[i], &changes, err);
    }
    stmt_set_cleanup(&set);
    return changes_commit(db, result, &changes, hooks, err);
}

/* ---- token hashes ---- */

enum enc_code
sqlite_token_get(struct store *s, const char *name, unsigned char *hash,
                 size_t size, size_t *len, struct enc_error *err)
{
    sqlite3 *db = sqlite_of(s)->db;
    sqlite3_stmt *st = NULL;
    *len = 0;
    enum enc_code result =
        db_prepare(db, "SELECT hash FROM tokens WHERE name = ?1", &st, err);
    if (result != ENC_OK)
        return result;
    sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        size_t n = (size_t)sqlite3_column_bytes(st, 0);
        const void *blob = sqlite3_column_blob(st, 0);
        if (blob != NULL && n <= size) {
            memcpy(hash, blob, n);
            *len = n;
        }
    } else if (rc != SQLITE_DONE) {
        result = db_fail(db, "reading a token", err);
    }
    sqlite3_finalize(st);
    return result;
}

enum enc_code
sqlite_token_set(struct store *s, const char *name, const unsigned char *hash,
                 size_t len, struct enc_error *err)
{
    sqlite3 *db = sqlite_of(s)->db;
    sqlite3_stmt *st = NULL;
    enum enc_code result =
        db_prepare(db,
                   "INSERT INTO tokens (name, hash) VALUES (?1, ?2)"
                   " ON CONFLICT (name) DO UPDATE SET hash = excluded.hash",
                   &st, err);
    if (result != ENC_OK)
        return result;
    sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_blob(st, 2, hash, (int)len, SQLITE_TRANSIENT);
    result = db_step_done(db, st, err);
    sqlite3_finalize(st);
    return result;
}
