/*
 * sqlite.c - the SQLite backend of the store (store_sqlite).
 *
 * One row per record: each table keeps a record's position in document
 * order, its code and its compact JSON body as codec_record_encode()
 * wrote it. A product's performances, a performance's pools and a
 * profile's lines are rows of their own, tied to their parent by a
 * foreign key with ON DELETE CASCADE; load splices them back (assemble.h)
 * and decodes the document with the codec, so the codec stays the one
 * judge of what a catalogue is.
 *
 * The connection runs in WAL mode (readers never wait for the writer),
 * with foreign keys on and a busy timeout. The schema version lives in
 * PRAGMA user_version and grows through the migrations table below, each
 * applied in one transaction at open. Every write is one BEGIN IMMEDIATE
 * transaction that also bumps the "generation" row of meta, so any
 * process can tell that the catalogue changed. Only prepared statements
 * with bound parameters touch data.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../codec/codec.h"
#include "assemble.h"
#include "sqlite_private.h"

/* How long a connection waits for another one's write lock. */
#define SQLITE_BUSY_MS 15000

/* Migration 1: the schema. A migration is never edited once released;
 * a change to the schema is a new entry of the table below. */
static const char MIGRATION_1[] =
    "CREATE TABLE meta ("
    " key TEXT PRIMARY KEY, value INTEGER NOT NULL);"
    "INSERT INTO meta (key, value) VALUES ('generation', 0);"
    "CREATE TABLE institution ("
    " id INTEGER PRIMARY KEY CHECK (id = 1), body TEXT NOT NULL);"
    "CREATE TABLE channels (id INTEGER PRIMARY KEY,"
    " position INTEGER NOT NULL UNIQUE, code TEXT NOT NULL UNIQUE,"
    " body TEXT NOT NULL);"
    "CREATE TABLE seat_categories (id INTEGER PRIMARY KEY,"
    " position INTEGER NOT NULL UNIQUE, code TEXT NOT NULL UNIQUE,"
    " body TEXT NOT NULL);"
    "CREATE TABLE audiences (id INTEGER PRIMARY KEY,"
    " position INTEGER NOT NULL UNIQUE, code TEXT NOT NULL UNIQUE,"
    " body TEXT NOT NULL);"
    "CREATE TABLE activities (id INTEGER PRIMARY KEY,"
    " position INTEGER NOT NULL UNIQUE, code TEXT NOT NULL UNIQUE,"
    " body TEXT NOT NULL);"
    "CREATE TABLE themes (id INTEGER PRIMARY KEY,"
    " position INTEGER NOT NULL UNIQUE, code TEXT NOT NULL UNIQUE,"
    " body TEXT NOT NULL);"
    "CREATE TABLE products (id INTEGER PRIMARY KEY,"
    " position INTEGER NOT NULL UNIQUE, code TEXT NOT NULL UNIQUE,"
    " body TEXT NOT NULL);"
    "CREATE TABLE performances (id INTEGER PRIMARY KEY,"
    " product_id INTEGER NOT NULL"
    "  REFERENCES products (id) ON DELETE CASCADE,"
    " position INTEGER NOT NULL, code TEXT NOT NULL UNIQUE,"
    " body TEXT NOT NULL, UNIQUE (product_id, position));"
    "CREATE TABLE pools ("
    " performance_id INTEGER NOT NULL"
    "  REFERENCES performances (id) ON DELETE CASCADE,"
    " position INTEGER NOT NULL, code TEXT NOT NULL,"
    " \"left\" INTEGER NOT NULL CHECK (\"left\" >= 0),"
    " PRIMARY KEY (performance_id, code),"
    " UNIQUE (performance_id, position));"
    "CREATE TABLE profiles (id INTEGER PRIMARY KEY,"
    " position INTEGER NOT NULL UNIQUE, code TEXT NOT NULL UNIQUE,"
    " body TEXT NOT NULL);"
    "CREATE TABLE lines (id INTEGER PRIMARY KEY,"
    " profile_id INTEGER NOT NULL"
    "  REFERENCES profiles (id) ON DELETE CASCADE,"
    " position INTEGER NOT NULL, code TEXT NOT NULL,"
    " body TEXT NOT NULL, UNIQUE (profile_id, code),"
    " UNIQUE (profile_id, position));";

/*
 * Migration 2: orders, their items, idempotency keys and the hashes of
 * the API tokens. Orders name products, performances and pools by code,
 * without foreign keys: an import replaces every catalogue row, and an
 * order outlives them. An order item's pool is the pool it drew on (R7),
 * NULL for an undated product; drawn says whether it took from a pool or
 * a stock, so a cancel gives back exactly that.
 */
static const char MIGRATION_2[] =
    "CREATE TABLE orders (id INTEGER PRIMARY KEY,"
    " channel TEXT NOT NULL, currency TEXT NOT NULL,"
    " status TEXT NOT NULL CHECK (status IN ('paid', 'cancelled')),"
    " created INTEGER NOT NULL, cancelled INTEGER,"
    " total INTEGER NOT NULL);"
    "CREATE TABLE order_items ("
    " order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,"
    " position INTEGER NOT NULL, product TEXT NOT NULL,"
    " performance TEXT, seat_category TEXT, audience TEXT,"
    " quantity INTEGER NOT NULL CHECK (quantity > 0),"
    " unit_amount INTEGER NOT NULL, pool TEXT,"
    " drawn INTEGER NOT NULL CHECK (drawn IN (0, 1)),"
    " PRIMARY KEY (order_id, position));"
    "CREATE TABLE idempotency (key TEXT PRIMARY KEY,"
    " hash BLOB NOT NULL,"
    " order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,"
    " answer TEXT NOT NULL);"
    "CREATE TABLE tokens (name TEXT PRIMARY KEY, hash BLOB NOT NULL);";

/*
 * Migration 3: what a reload can skip (server/snapshot.c). The
 * "records_generation" row of meta is the generation of the last write
 * that changed anything but profiles and lines; a profile's "written" is
 * the generation of the write that last saved it. A server whose
 * snapshot holds generation G, records_generation R, then reloads only
 * the profiles written after G while R did not move.
 */
static const char MIGRATION_3[] =
    "INSERT INTO meta (key, value)"
    " SELECT 'records_generation', value FROM meta WHERE key = 'generation';"
    "ALTER TABLE profiles ADD COLUMN written INTEGER NOT NULL DEFAULT 0;";

struct migration {
    int version;
    const char *sql;
};

static const struct migration migrations[] = {
    {1, MIGRATION_1},
    {2, MIGRATION_2},
    {3, MIGRATION_3},
};

#define MIGRATION_COUNT (sizeof(migrations) / sizeof(migrations[0]))

/* Every write moves the generation first, so the rows it inserts can be
 * stamped with the generation it commits (MIGRATION_3). */
#define SQL_GENERATION_MOVE                                                    \
    "UPDATE meta SET value = value + 1 WHERE key = 'generation';"
/* A write that changes more than profiles and lines. */
#define SQL_RECORDS_MOVED                                                      \
    "UPDATE meta SET value = (SELECT value FROM meta WHERE key ="              \
    " 'generation') WHERE key = 'records_generation';"
#define SQL_PROFILE_INSERT                                                     \
    "INSERT INTO profiles (position, code, body, written) VALUES (?1, ?2,"     \
    " ?3, (SELECT value FROM meta WHERE key = 'generation'))"

/*
 * The records stored as plain rows, in the order of SPEC 7: the JSON key
 * of their array is also their table's name.
 */
struct record_table {
    enum enc_code_kind kind;
    const char *key;
    const char *insert;
    const char *select;
};

static const struct record_table record_tables[] = {
    {CODE_CHANNEL, "channels",
     "INSERT INTO channels (position, code, body) VALUES (?1, ?2, ?3)",
     "SELECT body FROM channels ORDER BY position"},
    {CODE_SEAT_CATEGORY, "seat_categories",
     "INSERT INTO seat_categories (position, code, body)"
     " VALUES (?1, ?2, ?3)",
     "SELECT body FROM seat_categories ORDER BY position"},
    {CODE_AUDIENCE, "audiences",
     "INSERT INTO audiences (position, code, body) VALUES (?1, ?2, ?3)",
     "SELECT body FROM audiences ORDER BY position"},
    {CODE_ACTIVITY, "activities",
     "INSERT INTO activities (position, code, body) VALUES (?1, ?2, ?3)",
     "SELECT body FROM activities ORDER BY position"},
    {CODE_THEME, "themes",
     "INSERT INTO themes (position, code, body) VALUES (?1, ?2, ?3)",
     "SELECT body FROM themes ORDER BY position"},
};

#define RECORD_TABLE_COUNT (sizeof(record_tables) / sizeof(record_tables[0]))

struct sqlite_store *
sqlite_of(struct store *s)
{
    return (struct sqlite_store *)s;
}

/* Fills err with what SQLite said about the last failure on db. */
enum enc_code
db_fail(sqlite3 *db, const char *what, struct enc_error *err)
{
    return enc_error_set(err, ENC_INTERNAL, NULL, "database: %s: %s", what,
                         sqlite3_errmsg(db));
}

/* Runs constant SQL that takes no parameter (schema, transactions). */
enum enc_code
db_exec(sqlite3 *db, const char *sql, struct enc_error *err)
{
    if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return db_fail(db, sql, err);
    return ENC_OK;
}

enum enc_code
db_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st,
           struct enc_error *err)
{
    if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK)
        return db_fail(db, sql, err);
    return ENC_OK;
}

/* Runs a statement that returns no row, then resets it for reuse. */
enum enc_code
db_step_done(sqlite3 *db, sqlite3_stmt *st, struct enc_error *err)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_DONE)
        return db_fail(db, sqlite3_sql(st), err);
    return ENC_OK;
}

/* Ends the transaction begun by the caller: COMMIT when result is ENC_OK,
 * else ROLLBACK. Returns the result, or the COMMIT's failure. */
enum enc_code
db_finish(sqlite3 *db, enum enc_code result, struct enc_error *err)
{
    if (result == ENC_OK) {
        result = db_exec(db, "COMMIT", err);
        if (result == ENC_OK)
            return ENC_OK;
    }
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return result;
}

/* Reads PRAGMA user_version: the number of the last migration applied. */
static enum enc_code
schema_version(sqlite3 *db, int *version, struct enc_error *err)
{
    sqlite3_stmt *st = NULL;
    enum enc_code result = db_prepare(db, "PRAGMA user_version", &st, err);
    if (result != ENC_OK)
        return result;
    if (sqlite3_step(st) == SQLITE_ROW)
        *version = sqlite3_column_int(st, 0);
    else
        result = db_fail(db, "PRAGMA user_version", err);
    sqlite3_finalize(st);
    return result;
}

/* Applies the migrations past version, inside the caller's transaction. */
static enum enc_code
schema_apply(sqlite3 *db, int version, struct enc_error *err)
{
    for (size_t i = 0; i < MIGRATION_COUNT; i++) {
        if (migrations[i].version <= version)
            continue;
        enum enc_code result = db_exec(db, migrations[i].sql, err);
        if (result != ENC_OK)
            return result;
        /* A PRAGMA takes no bound parameter; the value is our own
         * constant, never data. */
        char sql[48];
        snprintf(sql, sizeof(sql), "PRAGMA user_version = %d",
                 migrations[i].version);
        result = db_exec(db, sql, err);
        if (result != ENC_OK)
            return result;
    }
    return ENC_OK;
}

/*
 * Brings the schema to the last migration. The version is read first
 * without a lock, so opening an up-to-date database never writes; when a
 * migration is due it is read again under the write lock, in case another
 * process migrated meanwhile. A database newer than this program is
 * refused rather than misread.
 */
static enum enc_code
schema_migrate(sqlite3 *db, struct enc_error *err)
{
    int latest = migrations[MIGRATION_COUNT - 1].version;
    int version = 0;
    enum enc_code result = schema_version(db, &version, err);
    if (result != ENC_OK || version == latest)
        goto check;

    result = db_exec(db, "BEGIN IMMEDIATE", err);
    if (result != ENC_OK)
        return result;
    result = schema_version(db, &version, err);
    if (result == ENC_OK && version < latest)
        result = schema_apply(db, version, err);
    result = db_finish(db, result, err);

check:
    if (result == ENC_OK && version > latest)
        return enc_error_set(
            err, ENC_INTERNAL, NULL,
            "database: schema version %d is newer than this encore (%d)",
            version, latest);
    return result;
}

/* Sets the connection's pragmas: WAL, foreign keys, busy timeout. */
static enum enc_code
sqlite_configure(sqlite3 *db, struct enc_error *err)
{
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, SQLITE_BUSY_MS);
    enum enc_code result = db_exec(db, "PRAGMA foreign_keys = ON", err);
    if (result == ENC_OK)
        result = db_exec(db, "PRAGMA journal_mode = WAL", err);
    if (result == ENC_OK)
        result = db_exec(db, "PRAGMA synchronous = FULL", err);
    return result;
}

static void
sqlite_close(struct store *s)
{
    if (s == NULL)
        return;
    struct sqlite_store *q = sqlite_of(s);
    sqlite3_finalize(q->generation);
    sqlite3_close(q->db);
    free(q);
}

/* Opens (creating when missing) the database at path and migrates it. */
static enum enc_code
sqlite_open(const char *path, struct store **out, struct enc_error *err)
{
    *out = NULL;
    struct sqlite_store *q = calloc(1, sizeof(*q));
    if (q == NULL)
        return enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    q->base.ops = &store_sqlite;

    enum enc_code result = ENC_OK;
    /* One thread at a time uses a connection (the CLI, the server's
     * watcher), so SQLite's own mutexes are not needed. */
    int flags =
        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path, &q->db, flags, NULL) != SQLITE_OK) {
        result = enc_error_set(err, ENC_INTERNAL, NULL,
                               "database: cannot open %s: %s", path,
                               q->db ? sqlite3_errmsg(q->db) : "out of memory");
        goto out;
    }
    result = sqlite_configure(q->db, err);
    if (result == ENC_OK)
        result = schema_migrate(q->db, err);
    if (result == ENC_OK)
        result =
            db_prepare(q->db, "SELECT value FROM meta WHERE key = 'generation'",
                       &q->generation, err);

out:
    if (result != ENC_OK) {
        sqlite_close(&q->base);
        return result;
    }
    *out = &q->base;
    return ENC_OK;
}

static enum enc_code
sqlite_generation(struct store *s, uint64_t *out, struct enc_error *err)
{
    struct sqlite_store *q = sqlite_of(s);
    int rc = sqlite3_step(q->generation);
    if (rc == SQLITE_ROW)
        *out = (uint64_t)sqlite3_column_int64(q->generation, 0);
    sqlite3_reset(q->generation);
    if (rc != SQLITE_ROW)
        return db_fail(q->db, "reading the generation", err);
    return ENC_OK;
}

/* ---- save ---- */

/*
 * The rows of a large table go in by multi-row INSERTs of BATCH_ROWS rows:
 * what SQLite pays to run one statement (opening and closing its cursors,
 * the halt, the reset) is then paid once per batch instead of once per
 * row, and that was most of the save of the large catalogue (issue 4:
 * 1.5 s less for its 800,000 rows). Such a statement keeps a statement
 * journal of the pages it changes; larger batches journal fewer pages in
 * all, and past 256 rows the import was no faster (32 rows: 0.25 s
 * slower). The rows past the last full batch go in one by one.
 *
 * The statements are literals like every other (no SQL is built at run
 * time): BATCH_OF() repeats a row's parameters BATCH_ROWS times as the
 * program is compiled.
 */
#define BATCH_ROWS 256
#define ROWS_2(row) row "," row
#define ROWS_16(row) ROWS_2(ROWS_2(ROWS_2(ROWS_2(row))))
#define BATCH_OF(row) ROWS_16(ROWS_16(row))
_Static_assert(sizeof(BATCH_OF("(?)")) == BATCH_ROWS * sizeof("(?)"),
               "BATCH_OF() writes BATCH_ROWS rows");

/* A table written by batches: its INSERT of one row, then of BATCH_ROWS
 * rows, and the columns of a row. */
struct batch_table {
    const char *sql[2];
    int n_cols;
};

#define SQL_PRODUCT_INSERT                                                     \
    "INSERT INTO products (id, position, code, body) VALUES "
#define SQL_PERFORMANCE_INSERT                                                 \
    "INSERT INTO performances (id, product_id, position, code, body) VALUES "
#define SQL_POOL_INSERT                                                        \
    "INSERT INTO pools (performance_id, position, code, \"left\") VALUES "
#define SQL_LINE_INSERT                                                        \
    "INSERT INTO lines (profile_id, position, code, body) VALUES "

static const struct batch_table product_table = {
    {SQL_PRODUCT_INSERT "(?,?,?,?)", SQL_PRODUCT_INSERT BATCH_OF("(?,?,?,?)")},
    4};
static const struct batch_table performance_table = {
    {SQL_PERFORMANCE_INSERT "(?,?,?,?,?)",
     SQL_PERFORMANCE_INSERT BATCH_OF("(?,?,?,?,?)")},
    5};
static const struct batch_table pool_table = {
    {SQL_POOL_INSERT "(?,?,?,?)", SQL_POOL_INSERT BATCH_OF("(?,?,?,?)")}, 4};
static const struct batch_table line_table = {
    {SQL_LINE_INSERT "(?,?,?,?)", SQL_LINE_INSERT BATCH_OF("(?,?,?,?)")}, 4};

struct batch {
    sqlite3 *db;
    sqlite3_stmt *st[2]; /* as batch_table.sql; NULL when not needed */
    int n_cols;
    uint64_t total; /* the rows the caller will bind */
    uint64_t done;  /* the rows bound so far */
};

/* Opens a batch of total rows into table t; the caller binds them all
 * (batch_row(), batch_next()), then batch_close(). */
static enum enc_code
batch_open(struct batch *b, sqlite3 *db, const struct batch_table *t,
           uint64_t total, struct enc_error *err)
{
    *b = (struct batch){.db = db, .n_cols = t->n_cols, .total = total};
    const char *const *sql = t->sql;
    bool needed[2] = {total % BATCH_ROWS != 0, total >= BATCH_ROWS};
    enum enc_code result = ENC_OK;
    for (int i = 0; result == ENC_OK && i < 2; i++)
        if (needed[i])
            result = db_prepare(db, sql[i], &b->st[i], err);
    return result;
}

/* The rows that go in by full batches. */
static uint64_t
batch_full_rows(const struct batch *b)
{
    return b->total - b->total % BATCH_ROWS;
}

/* The statement the next row binds into; *at gets the parameter of its
 * first column (the others follow). */
static sqlite3_stmt *
batch_row(const struct batch *b, int *at)
{
    if (b->done >= batch_full_rows(b)) {
        *at = 1;
        return b->st[0];
    }
    *at = (int)(b->done % BATCH_ROWS) * b->n_cols + 1;
    return b->st[1];
}

/* Counts the row just bound, and runs its statement when that row was
 * the statement's last. */
static enum enc_code
batch_next(struct batch *b, struct enc_error *err)
{
    if (b->done >= b->total)
        return enc_error_set(err, ENC_INTERNAL, NULL,
                             "database: more rows than counted");
    b->done++;
    if (b->done > batch_full_rows(b))
        return db_step_done(b->db, b->st[0], err);
    if (b->done % BATCH_ROWS == 0)
        return db_step_done(b->db, b->st[1], err);
    return ENC_OK;
}

/* Finalizes the batch's statements. Returns result, or ENC_INTERNAL when
 * result is ENC_OK but fewer rows than counted were bound, since those
 * would be missing. */
static enum enc_code
batch_close(struct batch *b, enum enc_code result, struct enc_error *err)
{
    sqlite3_finalize(b->st[0]);
    sqlite3_finalize(b->st[1]);
    if (result == ENC_OK && b->done != b->total)
        return enc_error_set(err, ENC_INTERNAL, NULL,
                             "database: fewer rows than counted");
    return result;
}

/*
 * Binds the code and the body of a row at parameters at and at + 1. The
 * code belongs to the catalogue, which outlives the statement's run; the
 * body (malloc'ed) is handed to SQLite, which frees it once the statement
 * has run (or at once when the bind fails): no copy either way.
 */
static void
bind_code_body(sqlite3_stmt *st, int at, const char *code, char *body,
               size_t len)
{
    sqlite3_bind_text(st, at, code, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, at + 1, body, (int)len, free);
}

/*
 * Binds position, code and body (the text, owned by the caller, is copied
 * by SQLite) to ?1, ?2, ?3 of st, after parent (?1, then the others move
 * one place) when parent > 0, and runs it. *rowid gets the new row's id.
 */
static enum enc_code
insert_row(sqlite3 *db, sqlite3_stmt *st, int64_t parent, uint32_t position,
           const char *code, const char *body, size_t len, int64_t *rowid,
           struct enc_error *err)
{
    int i = 1;
    if (parent > 0)
        sqlite3_bind_int64(st, i++, parent);
    sqlite3_bind_int64(st, i++, position);
    sqlite3_bind_text(st, i++, code, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, i, body, (int)len, SQLITE_TRANSIENT);
    enum enc_code result = db_step_done(db, st, err);
    if (result == ENC_OK && rowid != NULL)
        *rowid = sqlite3_last_insert_rowid(db);
    return result;
}

/* Encodes one record with the codec and inserts it (see insert_row). */
static enum enc_code
insert_record(sqlite3 *db, sqlite3_stmt *st, const struct enc_catalogue *cat,
              enum enc_code_kind kind, uint32_t i, int64_t parent,
              const char *code, int64_t *rowid, struct enc_error *err)
{
    size_t len = 0;
    char *body = codec_record_encode(cat, kind, i, &len);
    if (body == NULL)
        return enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    enum enc_code result =
        insert_row(db, st, parent, i, code, body, len, rowid, err);
    free(body);
    return result;
}

static enum enc_code
save_institution(sqlite3 *db, const struct enc_catalogue *cat,
                 struct enc_error *err)
{
    sqlite3_stmt *st = NULL;
    enum enc_code result = db_prepare(
        db, "INSERT INTO institution (id, body) VALUES (1, ?1)", &st, err);
    if (result != ENC_OK)
        return result;
    size_t len = 0;
    char *body = codec_record_encode(cat, CODE_KIND_COUNT, 0, &len);
    if (body == NULL) {
        result = enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    } else {
        sqlite3_bind_text(st, 1, body, (int)len, SQLITE_TRANSIENT);
        result = db_step_done(db, st, err);
    }
    free(body);
    sqlite3_finalize(st);
    return result;
}

/* Inserts every record of one plain table, in document order. */
static enum enc_code
save_records(sqlite3 *db, const struct record_table *t,
             const struct enc_catalogue *cat, struct enc_error *err)
{
    sqlite3_stmt *st = NULL;
    enum enc_code result = db_prepare(db, t->insert, &st, err);
    uint32_t n = catalogue_count(cat, t->kind);
    for (uint32_t i = 0; result == ENC_OK && i < n; i++)
        result = insert_record(db, st, cat, t->kind, i, 0,
                               catalogue_code(cat, t->kind, i), NULL, err);
    sqlite3_finalize(st);
    return result;
}

/* *out gets the id past every row of the table sql reads (1 for an empty
 * one): the products and performances are given their ids, so that their
 * children can be batched apart from them. */
static enum enc_code
next_id(sqlite3 *db, const char *sql, int64_t *out, struct enc_error *err)
{
    sqlite3_stmt *st = NULL;
    enum enc_code result = db_prepare(db, sql, &st, err);
    if (result != ENC_OK)
        return result;
    if (sqlite3_step(st) == SQLITE_ROW)
        *out = sqlite3_column_int64(st, 0);
    else
        result = db_fail(db, sql, err);
    sqlite3_finalize(st);
    return result;
}

/* The ids the product rows start from, and the performance rows: the
 * performances of cat, products in order, get consecutive ids. */
struct product_ids {
    int64_t product;
    int64_t performance;
};

/* Inserts the product rows, product p with id ids->product + p. */
static enum enc_code
save_product_rows(sqlite3 *db, const struct enc_catalogue *cat,
                  const struct product_ids *ids, struct enc_error *err)
{
    struct batch b;
    enum enc_code result =
        batch_open(&b, db, &product_table, cat->n_products, err);
    for (uint32_t p = 0; result == ENC_OK && p < cat->n_products; p++) {
        size_t len = 0;
        char *body = codec_record_encode(cat, CODE_PRODUCT, p, &len);
        if (body == NULL) {
            result = enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
            break;
        }
        int at = 0;
        sqlite3_stmt *st = batch_row(&b, &at);
        sqlite3_bind_int64(st, at, ids->product + p);
        sqlite3_bind_int64(st, at + 1, p);
        bind_code_body(st, at + 2, cat->products[p].code, body, len);
        result = batch_next(&b, err);
    }
    return batch_close(&b, result, err);
}

/* Binds performance f, the j-th of product row prod_id, as row id. */
static enum enc_code
save_performance_row(struct batch *b, const struct enc_catalogue *cat,
                     uint32_t f, int64_t id, int64_t prod_id, uint32_t j,
                     struct enc_error *err)
{
    size_t len = 0;
    char *body = codec_record_encode(cat, CODE_PERFORMANCE, f, &len);
    if (body == NULL)
        return enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    int at = 0;
    sqlite3_stmt *st = batch_row(b, &at);
    sqlite3_bind_int64(st, at, id);
    sqlite3_bind_int64(st, at + 1, prod_id);
    sqlite3_bind_int64(st, at + 2, j);
    bind_code_body(st, at + 3, cat->performances[f].code, body, len);
    return batch_next(b, err);
}

/* Inserts the performance rows of every product, in order; n is their
 * count. */
static enum enc_code
save_performance_rows(sqlite3 *db, const struct enc_catalogue *cat,
                      const struct product_ids *ids, uint64_t n,
                      struct enc_error *err)
{
    struct batch b;
    enum enc_code result = batch_open(&b, db, &performance_table, n, err);
    int64_t id = ids->performance;
    for (uint32_t p = 0; result == ENC_OK && p < cat->n_products; p++) {
        const struct enc_product *prod = &cat->products[p];
        for (uint32_t j = 0; result == ENC_OK && j < prod->n_performances; j++)
            result = save_performance_row(&b, cat, prod->perf_first + j, id++,
                                          ids->product + p, j, err);
    }
    return batch_close(&b, result, err);
}

/* Binds the pools of performance f (row perf_id), in order (R7). */
static enum enc_code
save_pools(struct batch *b, const struct enc_catalogue *cat,
           const struct enc_performance *f, int64_t perf_id,
           struct enc_error *err)
{
    enum enc_code result = ENC_OK;
    for (uint32_t k = 0; result == ENC_OK && k < f->n_pools; k++) {
        const struct enc_pool *pool = &f->pools[k];
        const char *code = pool->seat_category < 0
                               ? "*"
                               : cat->seat_categories[pool->seat_category].code;
        int at = 0;
        sqlite3_stmt *st = batch_row(b, &at);
        sqlite3_bind_int64(st, at, perf_id);
        sqlite3_bind_int64(st, at + 1, k);
        sqlite3_bind_text(st, at + 2, code, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, at + 3, pool->left);
        result = batch_next(b, err);
    }
    return result;
}

/* Inserts the pools of every performance, the performances taken in the
 * order save_performance_rows() gave them their ids; n is their count. */
static enum enc_code
save_pool_rows(sqlite3 *db, const struct enc_catalogue *cat,
               const struct product_ids *ids, uint64_t n, struct enc_error *err)
{
    struct batch b;
    enum enc_code result = batch_open(&b, db, &pool_table, n, err);
    int64_t id = ids->performance;
    for (uint32_t p = 0; result == ENC_OK && p < cat->n_products; p++) {
        const struct enc_product *prod = &cat->products[p];
        for (uint32_t j = 0; result == ENC_OK && j < prod->n_performances;
             j++) {
            uint32_t f = prod->perf_first + j;
            result = save_pools(&b, cat, &cat->performances[f], id++, err);
        }
    }
    return batch_close(&b, result, err);
}

/*
 * Inserts the products, then their performances, then the pools, each
 * table by batches (foreign keys hold as each parent goes in before its
 * children). The ids are chosen here, past any row the table holds, as
 * SQLite would have chosen them.
 */
static enum enc_code
save_products(sqlite3 *db, const struct enc_catalogue *cat,
              struct enc_error *err)
{
    struct product_ids ids = {0, 0};
    uint64_t n_perfs = 0;
    uint64_t n_pools = 0;
    for (uint32_t p = 0; p < cat->n_products; p++) {
        const struct enc_product *prod = &cat->products[p];
        n_perfs += prod->n_performances;
        for (uint32_t j = 0; j < prod->n_performances; j++)
            n_pools += cat->performances[prod->perf_first + j].n_pools;
    }
    enum enc_code result = next_id(
        db, "SELECT coalesce(max(id), 0) + 1 FROM products", &ids.product, err);
    if (result == ENC_OK)
        result =
            next_id(db, "SELECT coalesce(max(id), 0) + 1 FROM performances",
                    &ids.performance, err);
    if (result == ENC_OK)
        result = save_product_rows(db, cat, &ids, err);
    if (result == ENC_OK)
        result = save_performance_rows(db, cat, &ids, n_perfs, err);
    if (result == ENC_OK)
        result = save_pool_rows(db, cat, &ids, n_pools, err);
    return result;
}

/* Binds the lines of profile p (row profile_id), in order. */
static enum enc_code
save_lines(struct batch *b, const struct enc_catalogue *cat, uint32_t p,
           int64_t profile_id, struct enc_error *err)
{
    const struct enc_profile *prof = &cat->profiles[p];
    enum enc_code result = ENC_OK;
    for (uint32_t l = 0; result == ENC_OK && l < prof->n_lines; l++) {
        size_t len = 0;
        char *body = codec_line_encode(cat, p, l, &len);
        if (body == NULL)
            return enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
        int at = 0;
        sqlite3_stmt *st = batch_row(b, &at);
        sqlite3_bind_int64(st, at, profile_id);
        sqlite3_bind_int64(st, at + 1, l);
        bind_code_body(st, at + 2, prof->lines[l].id, body, len);
        result = batch_next(b, err);
    }
    return result;
}

/* Inserts every profile, each row before the lines that name it; the
 * lines of all profiles go in by one batch. */
static enum enc_code
save_profiles(sqlite3 *db, const struct enc_catalogue *cat,
              struct enc_error *err)
{
    uint64_t n_lines = 0;
    for (uint32_t p = 0; p < cat->n_profiles; p++)
        n_lines += cat->profiles[p].n_lines;
    sqlite3_stmt *profile = NULL;
    struct batch lines;
    enum enc_code result = db_prepare(db, SQL_PROFILE_INSERT, &profile, err);
    if (result != ENC_OK)
        return result;
    result = batch_open(&lines, db, &line_table, n_lines, err);
    for (uint32_t p = 0; result == ENC_OK && p < cat->n_profiles; p++) {
        int64_t id = 0;
        result = insert_record(db, profile, cat, CODE_PROFILE, p, 0,
                               cat->profiles[p].code, &id, err);
        if (result == ENC_OK)
            result = save_lines(&lines, cat, p, id, err);
    }
    sqlite3_finalize(profile);
    return batch_close(&lines, result, err);
}

/*
 * Deletes every record and inserts cat's, inside the caller's transaction.
 * Performances, pools and lines go with their parent (ON DELETE CASCADE),
 * which needs foreign keys on: were they off, the old performance codes
 * would stay and the new ones would break UNIQUE, so the save would fail
 * rather than keep stale rows.
 */
static enum enc_code
save_all(sqlite3 *db, const struct enc_catalogue *cat, struct enc_error *err)
{
    enum enc_code result = db_exec(
        db,
        "DELETE FROM profiles; DELETE FROM products; DELETE FROM themes;"
        " DELETE FROM activities; DELETE FROM audiences;"
        " DELETE FROM seat_categories; DELETE FROM channels;"
        " DELETE FROM institution;" SQL_GENERATION_MOVE SQL_RECORDS_MOVED,
        err);
    if (result == ENC_OK)
        result = save_institution(db, cat, err);
    for (size_t t = 0; result == ENC_OK && t < RECORD_TABLE_COUNT; t++)
        result = save_records(db, &record_tables[t], cat, err);
    if (result == ENC_OK)
        result = save_products(db, cat, err);
    if (result == ENC_OK)
        result = save_profiles(db, cat, err);
    return result;
}

/* Replaces the stored state by cat in one transaction: all or nothing. */
static enum enc_code
sqlite_save(struct store *s, const struct enc_catalogue *cat,
            struct enc_error *err)
{
    sqlite3 *db = sqlite_of(s)->db;
    if (sqlite_of(s)->in_txn)
        return save_all(db, cat, err);
    enum enc_code result = db_exec(db, "BEGIN IMMEDIATE", err);
    if (result != ENC_OK)
        return result;
    result = save_all(db, cat, err);
    return db_finish(db, result, err);
}

/*
 * Takes the database's write lock (BEGIN IMMEDIATE) for a read-modify-write
 * such as a merged import: the rows it reads cannot change before it
 * saves, so no concurrent import, order or availability update is lost.
 * document() and save() join this transaction; write_end() ends it.
 */
static enum enc_code
sqlite_write_begin(struct store *s, struct enc_error *err)
{
    enum enc_code result = db_exec(sqlite_of(s)->db, "BEGIN IMMEDIATE", err);
    sqlite_of(s)->in_txn = result == ENC_OK;
    return result;
}

/* COMMIT when result is ENC_OK, else ROLLBACK; returns the outcome. */
static enum enc_code
sqlite_write_end(struct store *s, enum enc_code result, struct enc_error *err)
{
    sqlite_of(s)->in_txn = false;
    return db_finish(sqlite_of(s)->db, result, err);
}

/*
 * Replaces the stored profile p of cat (or adds it after the last one):
 * its row keeps its position, its lines are rewritten.
 */
static enum enc_code
save_one_profile(sqlite3 *db, sqlite3_stmt *const *sts,
                 const struct enc_catalogue *cat, uint32_t p,
                 struct enc_error *err)
{
    const char *code = cat->profiles[p].code;
    bool found = false;
    int64_t position = 0;
    sqlite3_bind_text(sts[0], 1, code, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(sts[0]);
    if (rc == SQLITE_ROW) {
        found = sqlite3_column_type(sts[0], 0) != SQLITE_NULL;
        position = sqlite3_column_int64(sts[0], found ? 0 : 1);
    }
    sqlite3_reset(sts[0]);
    sqlite3_clear_bindings(sts[0]);
    if (rc != SQLITE_ROW)
        return db_fail(db, "finding a profile's position", err);

    sqlite3_bind_text(sts[1], 1, code, -1, SQLITE_TRANSIENT);
    enum enc_code result = db_step_done(db, sts[1], err);
    int64_t id = 0;
    size_t len = 0;
    char *body = codec_record_encode(cat, CODE_PROFILE, p, &len);
    if (body == NULL && result == ENC_OK)
        result = enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    if (result == ENC_OK)
        result = insert_row(db, sts[2], 0, (uint32_t)position, code, body, len,
                            &id, err);
    free(body);
    if (result != ENC_OK)
        return result;
    struct batch lines;
    result = batch_open(&lines, db, &line_table, cat->profiles[p].n_lines, err);
    if (result == ENC_OK)
        result = save_lines(&lines, cat, p, id, err);
    return batch_close(&lines, result, err);
}

static enum enc_code
sqlite_save_profiles(struct store *s, const struct enc_catalogue *cat,
                     char *const *codes, size_t n, struct enc_error *err)
{
    static const char *const sql[] = {
        "SELECT (SELECT position FROM profiles WHERE code = ?1),"
        " (SELECT coalesce(max(position), -1) + 1 FROM profiles)",
        "DELETE FROM profiles WHERE code = ?1",
        SQL_PROFILE_INSERT,
    };
    sqlite3 *db = sqlite_of(s)->db;
    sqlite3_stmt *sts[3] = {NULL, NULL, NULL};
    bool joined = sqlite_of(s)->in_txn;
    enum enc_code result =
        joined ? ENC_OK : db_exec(db, "BEGIN IMMEDIATE", err);
    if (result != ENC_OK)
        return result;
    result = db_exec(db, SQL_GENERATION_MOVE, err);
    for (size_t i = 0; result == ENC_OK && i < 3; i++)
        result = db_prepare(db, sql[i], &sts[i], err);
    for (size_t i = 0; result == ENC_OK && i < n; i++) {
        int32_t p =
            catalogue_lookup(cat, CODE_PROFILE, codes[i], strlen(codes[i]));
        if (p < 0)
            result =
                enc_error_set(err, ENC_INTERNAL, NULL,
                              "profile %s is not in the catalogue", codes[i]);
        else
            result = save_one_profile(db, sts, cat, (uint32_t)p, err);
    }
    for (size_t i = 0; i < 3; i++)
        sqlite3_finalize(sts[i]);
    return joined ? result : db_finish(db, result, err);
}

/* ---- load ---- */

/* Appends the body in column col of the current row of st. */
static void
append_column(struct doc *d, sqlite3_stmt *st, int col)
{
    const char *text = (const char *)sqlite3_column_text(st, col);
    int n = sqlite3_column_bytes(st, col);
    if (text == NULL) {
        d->failed = true;
        return;
    }
    doc_append(d, text, (size_t)n);
}

/* Writes the current row of st into d, with the children it has. */
typedef enum enc_code (*row_writer)(sqlite3 *db, sqlite3_stmt *st, void *ctx,
                                    struct doc *d, struct enc_error *err);

/*
 * Steps st (bound by the caller) and appends "key":[body,...], after a
 * comma when comma is set, with the body in column 0 of each row; nothing
 * at all when there is no row. write, when not NULL, writes each row
 * instead of the plain append, to splice that row's children.
 */
static enum enc_code
append_rows(sqlite3 *db, sqlite3_stmt *st, const char *key, bool comma,
            row_writer write, void *ctx, struct doc *d, struct enc_error *err)
{
    enum enc_code result = ENC_OK;
    uint32_t n = 0;
    for (;;) {
        int rc = sqlite3_step(st);
        if (rc == SQLITE_DONE)
            break;
        if (rc != SQLITE_ROW) {
            result = db_fail(db, sqlite3_sql(st), err);
            break;
        }
        if (n == 0) {
            doc_append_str(d, comma ? "," : "");
            doc_append_json_string(d, key);
            doc_append_str(d, ":[");
        } else {
            doc_append_str(d, ",");
        }
        n++;
        if (write == NULL)
            append_column(d, st, 0);
        else
            result = write(db, st, ctx, d, err);
        if (result != ENC_OK)
            break;
    }
    if (result == ENC_OK && n > 0)
        doc_append_str(d, "]");
    sqlite3_reset(st);
    return result;
}

/* The statements that read the children of a row (load). */
struct load_statements {
    sqlite3_stmt *performances;
    sqlite3_stmt *pools;
    sqlite3_stmt *lines;
};

/* Writes "capacity":{...} from the pools of the performance in column 0
 * (id) of st, its body being column 1. The capacity is required, so it is
 * written even when empty. */
static enum enc_code
write_performance(sqlite3 *db, sqlite3_stmt *st, void *ctx, struct doc *d,
                  struct enc_error *err)
{
    struct load_statements *ls = ctx;
    const char *body = (const char *)sqlite3_column_text(st, 1);
    size_t len = (size_t)sqlite3_column_bytes(st, 1);
    doc_append_open_object(d, body ? body : "", len, "capacity");
    doc_append_str(d, "{");

    sqlite3_bind_int64(ls->pools, 1, sqlite3_column_int64(st, 0));
    enum enc_code result = ENC_OK;
    for (uint32_t n = 0;; n++) {
        int rc = sqlite3_step(ls->pools);
        if (rc == SQLITE_DONE)
            break;
        if (rc != SQLITE_ROW) {
            result = db_fail(db, "reading pools", err);
            break;
        }
        const char *code = (const char *)sqlite3_column_text(ls->pools, 0);
        if (code == NULL) {
            d->failed = true;
            break;
        }
        doc_append_str(d, n > 0 ? "," : "");
        doc_append_json_string(d, code);
        doc_append_str(d, ":");
        doc_append_int(d, sqlite3_column_int64(ls->pools, 1));
    }
    sqlite3_reset(ls->pools);
    doc_append_str(d, "}}");
    return result;
}

/* How a parent row finds and writes its children (write_parent). */
struct child_query {
    sqlite3_stmt *st;
    const char *key;
    row_writer write;
    void *ctx;
};

/*
 * Writes a parent row (id in column 0, body in column 1) with its children
 * spliced in as the last key, when it has any; ctx is a child_query.
 */
static enum enc_code
write_parent(sqlite3 *db, sqlite3_stmt *st, void *ctx, struct doc *d,
             struct enc_error *err)
{
    struct child_query *cq = ctx;
    const char *body = (const char *)sqlite3_column_text(st, 1);
    size_t len = (size_t)sqlite3_column_bytes(st, 1);
    if (body == NULL || len < 2 || body[len - 1] != '}') {
        d->failed = true;
        return ENC_OK;
    }

    /* The children go before the body's closing brace, after a comma
     * unless the body has no key (the codec never writes one so). */
    doc_append(d, body, len - 1);
    sqlite3_bind_int64(cq->st, 1, sqlite3_column_int64(st, 0));
    enum enc_code result =
        append_rows(db, cq->st, cq->key, len > 2, cq->write, cq->ctx, d, err);
    doc_append_str(d, "}");
    return result;
}

static enum enc_code
load_institution(sqlite3 *db, struct doc *d, bool *found, struct enc_error *err)
{
    sqlite3_stmt *st = NULL;
    enum enc_code result =
        db_prepare(db, "SELECT body FROM institution WHERE id = 1", &st, err);
    if (result != ENC_OK)
        return result;
    int rc = sqlite3_step(st);
    *found = rc == SQLITE_ROW;
    if (rc == SQLITE_ROW) {
        doc_append_str(d, "{\"format\":\"encore-catalogue/1\","
                          "\"institution\":");
        append_column(d, st, 0);
    } else if (rc != SQLITE_DONE) {
        result = db_fail(db, "reading the institution", err);
    }
    sqlite3_finalize(st);
    return result;
}

static enum enc_code
load_records(sqlite3 *db, const struct record_table *t, struct doc *d,
             struct enc_error *err)
{
    sqlite3_stmt *st = NULL;
    enum enc_code result = db_prepare(db, t->select, &st, err);
    if (result == ENC_OK)
        result = append_rows(db, st, t->key, true, NULL, NULL, d, err);
    sqlite3_finalize(st);
    return result;
}

/* Appends "products":[...] with their performances and capacities. */
static enum enc_code
load_products(sqlite3 *db, struct load_statements *ls, struct doc *d,
              struct enc_error *err)
{
    sqlite3_stmt *st = NULL;
    enum enc_code result = db_prepare(
        db, "SELECT id, body FROM products ORDER BY position", &st, err);
    struct child_query cq = {ls->performances, "performances",
                             write_performance, ls};
    if (result == ENC_OK)
        result =
            append_rows(db, st, "products", true, write_parent, &cq, d, err);
    sqlite3_finalize(st);
    return result;
}

/* Appends "profiles":[...] with their lines. */
static enum enc_code
load_profiles(sqlite3 *db, struct load_statements *ls, struct doc *d,
              struct enc_error *err)
{
    sqlite3_stmt *st = NULL;
    enum enc_code result = db_prepare(
        db, "SELECT id, body FROM profiles ORDER BY position", &st, err);
    struct child_query cq = {ls->lines, "lines", NULL, NULL};
    if (result == ENC_OK)
        result =
            append_rows(db, st, "profiles", true, write_parent, &cq, d, err);
    sqlite3_finalize(st);
    return result;
}

static enum enc_code
load_prepare(sqlite3 *db, struct load_statements *ls, struct enc_error *err)
{
    enum enc_code result =
        db_prepare(db,
                   "SELECT id, body FROM performances WHERE product_id = ?1"
                   " ORDER BY position",
                   &ls->performances, err);
    if (result == ENC_OK)
        result = db_prepare(
            db,
            "SELECT code, \"left\" FROM pools WHERE performance_id = ?1"
            " ORDER BY position",
            &ls->pools, err);
    if (result == ENC_OK)
        result = db_prepare(
            db,
            "SELECT body FROM lines WHERE profile_id = ?1 ORDER BY position",
            &ls->lines, err);
    return result;
}

/* Assembles the stored document inside the caller's read transaction;
 * *found is false when no catalogue was ever imported. */
static enum enc_code
load_document(sqlite3 *db, struct doc *d, bool *found, struct enc_error *err)
{
    struct load_statements ls = {0};
    enum enc_code result = load_institution(db, d, found, err);
    if (result != ENC_OK || !*found)
        return result;
    for (size_t t = 0; result == ENC_OK && t < RECORD_TABLE_COUNT; t++)
        result = load_records(db, &record_tables[t], d, err);
    if (result == ENC_OK)
        result = load_prepare(db, &ls, err);
    if (result == ENC_OK)
        result = load_products(db, &ls, d, err);
    if (result == ENC_OK)
        result = load_profiles(db, &ls, d, err);
    doc_append_str(d, "}");
    sqlite3_finalize(ls.lines);
    sqlite3_finalize(ls.pools);
    sqlite3_finalize(ls.performances);
    return result;
}

/*
 * Reads every row in one read transaction (WAL: a consistent view that
 * never waits for a writer) and glues them into one document.
 */
static enum enc_code
sqlite_document(struct store *s, char **out, size_t *len, struct enc_error *err)
{
    sqlite3 *db = sqlite_of(s)->db;
    struct doc d;
    bool found = false;
    bool joined = sqlite_of(s)->in_txn;
    *out = NULL;
    doc_init(&d);

    enum enc_code result = joined ? ENC_OK : db_exec(db, "BEGIN", err);
    if (result != ENC_OK)
        return result;
    result = load_document(db, &d, &found, err);
    if (!joined)
        result = db_finish(db, result, err);
    if (result == ENC_OK && found) {
        *out = doc_take(&d, len);
        if (*out == NULL)
            result = enc_error_set(err, ENC_INTERNAL, NULL,
                                   "database: out of memory or a damaged row");
    }
    doc_cleanup(&d);
    return result;
}

static enum enc_code
sqlite_load(struct store *s, struct enc_catalogue **out, struct enc_error *err)
{
    char *doc = NULL;
    size_t len = 0;
    *out = NULL;
    enum enc_code result = sqlite_document(s, &doc, &len, err);
    if (result == ENC_OK && doc != NULL)
        result = store_decode_stored(doc, len, out, err);
    free(doc);
    return result;
}

/* Deletes one profile (its lines go with it) and moves the generation. */
static enum enc_code
sqlite_profile_delete(struct store *s, const char *code, struct enc_error *err)
{
    sqlite3 *db = sqlite_of(s)->db;
    sqlite3_stmt *st = NULL;
    enum enc_code result = db_exec(db, "BEGIN IMMEDIATE", err);
    if (result != ENC_OK)
        return result;
    result = db_prepare(db, "DELETE FROM profiles WHERE code = ?1", &st, err);
    if (result == ENC_OK) {
        sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
        result = db_step_done(db, st, err);
    }
    if (result == ENC_OK && sqlite3_changes(db) == 0)
        result = enc_error_set(err, ENC_NOT_FOUND, NULL, "no profile %s", code);
    if (result == ENC_OK)
        result = db_exec(db, SQL_GENERATION_MOVE, err);
    sqlite3_finalize(st);
    return db_finish(db, result, err);
}

const struct store_ops store_sqlite = {
    .name = "sqlite",
    .open = sqlite_open,
    .close = sqlite_close,
    .load = sqlite_load,
    .load_since = sqlite_load_since,
    .document = sqlite_document,
    .save = sqlite_save,
    .save_profiles = sqlite_save_profiles,
    .generation = sqlite_generation,
    .write_begin = sqlite_write_begin,
    .write_end = sqlite_write_end,
    .idempotency_find = sqlite_idempotency_find,
    .order_place = sqlite_order_place,
    .order_get = sqlite_order_get,
    .order_cancel = sqlite_order_cancel,
    .availability_set = sqlite_availability_set,
    .token_get = sqlite_token_get,
    .token_set = sqlite_token_set,
    .profile_delete = sqlite_profile_delete,
};
