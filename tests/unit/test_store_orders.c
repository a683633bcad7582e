/*
 * test_store_orders.c - the order transaction of the store (store.h):
 * pools taken only when enough is left (R7), all or nothing, idempotency
 * keys, cancels that give the stock back, availability pushes, token
 * hashes, and buyers racing on separate connections for the last seats.
 *
 * Each test works in a fresh database holding tests/cases/catalogue.json
 * and reads the rows with a connection of its own where the store's
 * interface says nothing.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "source.h"
#include "sqlfile.h"
#include "store/store.h"

/* 2027-05-02T10:00:00+02:00. */
static const struct enc_time NOW = {1809244800, 7200};

struct fixture {
    char dir[64];
    char path[96];
    struct store *store;
};

static int
setup(void **state)
{
    struct fixture *fx = calloc(1, sizeof(*fx));
    if (fx == NULL)
        return -1;
    snprintf(fx->dir, sizeof(fx->dir), "/tmp/encore-test-orders-XXXXXX");
    if (mkdtemp(fx->dir) == NULL)
        return -1;
    snprintf(fx->path, sizeof(fx->path), "%s/encore.db", fx->dir);
    char *doc = source_read("tests/cases/catalogue.json", NULL);
    if (doc == NULL || store_open(fx->path, &fx->store, NULL) != ENC_OK)
        return -1;
    enum enc_code rc =
        store_import(fx->store, doc, strlen(doc), false, NOW, NULL, NULL);
    free(doc);
    if (rc != ENC_OK)
        return -1;
    *state = fx;
    return 0;
}

static int
teardown(void **state)
{
    struct fixture *fx = *state;
    char path[128];
    store_close(fx->store);
    static const char *const suffixes[] = {"", "-wal", "-shm"};
    for (size_t i = 0; i < 3; i++) {
        snprintf(path, sizeof(path), "%s%s", fx->path, suffixes[i]);
        unlink(path);
    }
    rmdir(fx->dir);
    free(fx);
    return 0;
}

/* One integer from SQL run on a connection of the test's own (-1: no
 * row). */
static int64_t
sql_int(const struct fixture *fx, const char *sql)
{
    return sqlfile_int(fx->path, sql);
}

static int
sql_exec(const struct fixture *fx, const char *sql)
{
    return sqlfile_exec(fx->path, sql);
}

/* What is left in pool code of performance perf, read from the rows. */
static int64_t
pool_left(const struct fixture *fx, const char *perf, const char *code)
{
    char sql[256];
    snprintf(sql, sizeof(sql),
             "SELECT \"left\" FROM pools JOIN performances ON"
             " performances.id = pools.performance_id"
             " WHERE performances.code = '%s' AND pools.code = '%s'",
             perf, code);
    return sql_int(fx, sql);
}

static int64_t
stock_left(const struct fixture *fx, const char *product)
{
    char sql[160];
    snprintf(sql, sizeof(sql),
             "SELECT json_extract(body, '$.stock') FROM products"
             " WHERE code = '%s'",
             product);
    return sql_int(fx, sql);
}

/* The hooks of a test: the last value each report gave, and a count. */
struct follower {
    int reports;
    int64_t last_left;
    char last_pool[64];
};

static void
follow_pool(void *ctx, const struct store_pool_change *c)
{
    struct follower *f = ctx;
    f->reports++;
    f->last_left = c->left;
    snprintf(f->last_pool, sizeof(f->last_pool), "%s",
             c->pool ? c->pool : c->product);
}

static char *
follow_answer(void *ctx, const struct store_order *o, size_t *len)
{
    (void)ctx;
    char text[64];
    int n = snprintf(text, sizeof(text), "{\"id\":%lld,\"total\":%lld}",
                     (long long)o->id, (long long)o->total);
    *len = (size_t)n;
    return strdup(text);
}

/* An order of n items, codes borrowed from the items given. */
static void
order_init(struct store_order *o, struct store_order_item *items, uint32_t n)
{
    memset(o, 0, sizeof(*o));
    arena_init(&o->arena, 0);
    o->channel = "WEB";
    o->currency = "EUR";
    o->created = NOW.utc;
    o->items = items;
    o->n_items = n;
}

static const unsigned char HASH_A[4] = {1, 2, 3, 4};
static const unsigned char HASH_B[4] = {5, 6, 7, 8};

/* Places the order under key with hash; returns the code, *err set. */
static enum enc_code
place(struct fixture *fx, const char *key, const unsigned char *hash,
      struct store_order *o, struct follower *f, bool *replay,
      struct enc_error *err)
{
    struct store_order_hooks hooks = {f ? follow_pool : NULL, follow_answer, f};
    char *answer = NULL;
    size_t len = 0;
    bool again = false;
    enum enc_code rc = store_order_place(fx->store, key, hash, 4, o, &hooks,
                                         &answer, &len, &again, err);
    if (rc == ENC_OK)
        assert_int_equal(strlen(answer), len);
    free(answer);
    if (replay != NULL)
        *replay = again;
    return rc;
}

/* R7: a seated item takes from its seat category's pool, and the
 * follower hears the value the database now holds. */
static void
test_R7_order_takes_from_the_seat_category_pool(void **state)
{
    struct fixture *fx = *state;
    struct store_order_item items[] = {
        {"JAZZ-1", "JAZZ-1-0612", "CAT2", "ADULT", 3, 3000, NULL, false},
    };
    struct store_order o;
    struct follower f = {0};
    struct enc_error err = {0};
    order_init(&o, items, 1);
    assert_int_equal(place(fx, "k1", HASH_A, &o, &f, NULL, &err), ENC_OK);
    assert_true(o.id > 0);
    assert_int_equal(o.total, 9000);
    assert_string_equal(items[0].pool, "CAT2");
    assert_true(items[0].drawn);
    assert_int_equal(pool_left(fx, "JAZZ-1-0612", "CAT2"), 77);
    assert_int_equal(pool_left(fx, "JAZZ-1-0612", "CAT1"), 120);
    assert_int_equal(f.reports, 1);
    assert_int_equal(f.last_left, 77);
    assert_int_equal(sql_int(fx, "SELECT count(*) FROM order_items"), 1);
    arena_cleanup(&o.arena);
}

/* R7: a row without its own pool draws on the shared pool "*". */
static void
test_R7_order_falls_back_to_the_shared_pool(void **state)
{
    struct fixture *fx = *state;
    struct store_order_item items[] = {
        {"CLUB", "CLUB-0616", "CAT2", "ADULT", 4, 1500, NULL, false},
        {"PARKING", "PARKING-0612", NULL, NULL, 2, 800, NULL, false},
    };
    struct store_order o;
    struct follower f = {0};
    order_init(&o, items, 2);
    assert_int_equal(place(fx, "k1", HASH_A, &o, &f, NULL, NULL), ENC_OK);
    assert_string_equal(items[0].pool, "*");
    assert_int_equal(pool_left(fx, "CLUB-0616", "*"), 6);
    assert_int_equal(pool_left(fx, "PARKING-0612", "*"), 38);
    assert_int_equal(f.reports, 2);
    arena_cleanup(&o.arena);
}

/* R7: too few left refuses the whole order, naming the item, and leaves
 * every pool and table as it was, the items before it included. */
static void
test_R7_too_few_left_refuses_the_whole_order(void **state)
{
    struct fixture *fx = *state;
    struct store_order_item items[] = {
        {"PARKING", "PARKING-0612", NULL, NULL, 2, 800, NULL, false},
        {"DINNER", "DINNER-0613", NULL, "ADULT", 2, 3500, NULL, false},
    };
    struct store_order o;
    struct follower f = {0};
    struct enc_error err = {0};
    order_init(&o, items, 2);
    assert_int_equal(place(fx, "k1", HASH_A, &o, &f, NULL, &err), ENC_CONFLICT);
    assert_string_equal(err.field, "cart[1].quantity");
    assert_string_equal(err.message, "only 1 left");
    assert_int_equal(pool_left(fx, "PARKING-0612", "*"), 40);
    assert_int_equal(pool_left(fx, "DINNER-0613", "*"), 1);
    assert_int_equal(sql_int(fx, "SELECT count(*) FROM orders"), 0);
    assert_int_equal(sql_int(fx, "SELECT count(*) FROM idempotency"), 0);
    assert_int_equal(f.reports, 0);
    arena_cleanup(&o.arena);
}

/* R7: a seat category without a pool at that performance, and no "*". */
static void
test_R7_no_pool_for_the_seat_category(void **state)
{
    struct fixture *fx = *state;
    struct store_order_item items[] = {
        {"GALA", "GALA-0615", "CAT2", NULL, 1, 9000, NULL, false},
    };
    struct store_order o;
    struct enc_error err = {0};
    order_init(&o, items, 1);
    assert_int_equal(place(fx, "k1", HASH_A, &o, NULL, NULL, &err),
                     ENC_CONFLICT);
    assert_string_equal(err.field, "cart[0].seat_category");
    arena_cleanup(&o.arena);
}

/* R7: an undated product's stock is taken; one without a stock is
 * unlimited and nothing is drawn. */
static void
test_R7_order_takes_stock_of_undated_products(void **state)
{
    struct fixture *fx = *state;
    struct store_order_item items[] = {
        {"POSTER", NULL, NULL, NULL, 2, 1000, NULL, false},
        {"WATER", NULL, NULL, NULL, 5, 150, NULL, false},
    };
    struct store_order o;
    struct follower f = {0};
    order_init(&o, items, 2);
    assert_int_equal(place(fx, "k1", HASH_A, &o, &f, NULL, NULL), ENC_OK);
    assert_int_equal(stock_left(fx, "POSTER"), 1);
    assert_true(items[0].drawn);
    assert_false(items[1].drawn);
    assert_int_equal(f.reports, 1);
    assert_string_equal(f.last_pool, "POSTER");

    /* The stock is the product's: the catalogue loads it back. */
    struct enc_catalogue *cat = NULL;
    assert_int_equal(store_load(fx->store, &cat, NULL), ENC_OK);
    int32_t p = catalogue_lookup(cat, CODE_PRODUCT, "POSTER", 6);
    assert_int_equal(cat->products[p].stock, 1);
    catalogue_free(cat);

    struct store_order_item more[] = {
        {"POSTER", NULL, NULL, NULL, 2, 1000, NULL, false},
    };
    struct store_order o2;
    struct enc_error err = {0};
    order_init(&o2, more, 1);
    assert_int_equal(place(fx, "k2", HASH_A, &o2, &f, NULL, &err),
                     ENC_CONFLICT);
    assert_string_equal(err.field, "cart[0].quantity");
    assert_string_equal(err.message, "only 1 left");
    arena_cleanup(&o.arena);
    arena_cleanup(&o2.arena);
}

/* An Idempotency-Key used again with the same request gets the answer
 * recorded the first time and sells nothing; with another request, a
 * conflict. */
static void
test_order_idempotency_key_sells_once(void **state)
{
    struct fixture *fx = *state;
    struct store_order_item items[] = {
        {"PARKING", "PARKING-0613", NULL, NULL, 5, 800, NULL, false},
    };
    struct store_order o;
    bool replay = true;
    order_init(&o, items, 1);
    assert_int_equal(place(fx, "retry", HASH_A, &o, NULL, &replay, NULL),
                     ENC_OK);
    assert_false(replay);
    assert_int_equal(pool_left(fx, "PARKING-0613", "*"), 20);

    char *answer = NULL;
    size_t len = 0;
    assert_int_equal(store_idempotency_find(fx->store, "retry", HASH_A, 4,
                                            &answer, &len, NULL),
                     ENC_OK);
    assert_string_equal(answer, "{\"id\":1,\"total\":4000}");
    free(answer);

    struct store_order again;
    order_init(&again, items, 1);
    struct store_order_hooks hooks = {NULL, follow_answer, NULL};
    assert_int_equal(store_order_place(fx->store, "retry", HASH_A, 4, &again,
                                       &hooks, &answer, &len, &replay, NULL),
                     ENC_OK);
    assert_true(replay);
    assert_string_equal(answer, "{\"id\":1,\"total\":4000}");
    free(answer);
    assert_int_equal(pool_left(fx, "PARKING-0613", "*"), 20);
    assert_int_equal(sql_int(fx, "SELECT count(*) FROM orders"), 1);

    struct enc_error err = {0};
    assert_int_equal(place(fx, "retry", HASH_B, &again, NULL, NULL, &err),
                     ENC_CONFLICT);
    assert_string_equal(err.field, "Idempotency-Key");
    assert_int_equal(store_idempotency_find(fx->store, "unused", HASH_A, 4,
                                            &answer, &len, NULL),
                     ENC_NOT_FOUND);
    assert_int_equal(pool_left(fx, "PARKING-0613", "*"), 20);
    arena_cleanup(&o.arena);
    arena_cleanup(&again.arena);
}

/* A cancel gives back what each item drew, once; the order reads back
 * with its items and status. */
static void
test_order_cancel_gives_stock_back_once(void **state)
{
    struct fixture *fx = *state;
    struct store_order_item items[] = {
        {"JAZZ-1", "JAZZ-1-0613", "CAT1", "ADULT", 2, 4500, NULL, false},
        {"CAP", NULL, NULL, NULL, 1, 1500, NULL, false},
        {"WATER", NULL, NULL, NULL, 1, 150, NULL, false},
    };
    struct store_order o;
    order_init(&o, items, 3);
    assert_int_equal(place(fx, "k1", HASH_A, &o, NULL, NULL, NULL), ENC_OK);
    assert_int_equal(pool_left(fx, "JAZZ-1-0613", "CAT1"), 98);
    assert_int_equal(stock_left(fx, "CAP"), 0);

    struct store_order *got = NULL;
    assert_int_equal(store_order_get(fx->store, o.id, &got, NULL), ENC_OK);
    assert_string_equal(got->status, STORE_ORDER_PAID);
    assert_int_equal(got->n_items, 3);
    assert_string_equal(got->items[0].pool, "CAT1");
    assert_null(got->items[1].performance);
    assert_int_equal(got->total, 9000 + 1500 + 150);
    store_order_free(got);

    struct follower f = {0};
    struct store_order_hooks hooks = {follow_pool, NULL, &f};
    assert_int_equal(
        store_order_cancel(fx->store, o.id, NOW.utc + 60, &hooks, &got, NULL),
        ENC_OK);
    assert_string_equal(got->status, STORE_ORDER_CANCELLED);
    assert_int_equal(got->cancelled, NOW.utc + 60);
    store_order_free(got);
    assert_int_equal(pool_left(fx, "JAZZ-1-0613", "CAT1"), 100);
    assert_int_equal(stock_left(fx, "CAP"), 1);
    assert_int_equal(f.reports, 2);

    struct enc_error err = {0};
    assert_int_equal(
        store_order_cancel(fx->store, o.id, NOW.utc, &hooks, &got, &err),
        ENC_CONFLICT);
    assert_int_equal(pool_left(fx, "JAZZ-1-0613", "CAT1"), 100);
    assert_int_equal(
        store_order_cancel(fx->store, 999, NOW.utc, &hooks, &got, &err),
        ENC_NOT_FOUND);
    assert_int_equal(store_order_get(fx->store, 999, &got, &err),
                     ENC_NOT_FOUND);
    arena_cleanup(&o.arena);
}

/* SPEC 7: a cancel after a push of the largest count (2^53 - 1) gives
 * back no more than that, so the catalogue still loads (found while
 * hardening, issue 5). */
static void
test_order_cancel_stops_at_the_largest_count(void **state)
{
    struct fixture *fx = *state;
    struct store_order_item items[] = {
        {"PARKING", "PARKING-0612", NULL, NULL, 1, 800, NULL, false},
        {"CAP", NULL, NULL, NULL, 1, 1500, NULL, false},
    };
    struct store_order o;
    order_init(&o, items, 2);
    assert_int_equal(place(fx, "k1", HASH_A, &o, NULL, NULL, NULL), ENC_OK);
    const int64_t most = 9007199254740991;
    struct store_pool_set sets[] = {
        {NULL, "PARKING-0612", "*", most, "performances[0].capacity.*"},
        {"CAP", NULL, NULL, most, "products[0].stock"},
    };
    assert_int_equal(store_availability_set(fx->store, sets, 2, NULL, NULL),
                     ENC_OK);
    struct store_order *got = NULL;
    assert_int_equal(
        store_order_cancel(fx->store, o.id, NOW.utc, NULL, &got, NULL), ENC_OK);
    store_order_free(got);
    assert_int_equal(pool_left(fx, "PARKING-0612", "*"), most);
    assert_int_equal(stock_left(fx, "CAP"), most);
    struct enc_catalogue *cat = NULL;
    assert_int_equal(store_load(fx->store, &cat, NULL), ENC_OK);
    assert_non_null(cat);
    catalogue_free(cat);
    arena_cleanup(&o.arena);
}

/* SPEC 7: the ticketing system pushes what is left; unknown pools and
 * products without a stock are refused, all or nothing. */
static void
test_availability_push_sets_pools_and_stocks(void **state)
{
    struct fixture *fx = *state;
    struct store_pool_set sets[] = {
        {NULL, "PARKING-0612", "*", 3, "performances[0].capacity.*"},
        {"TSHIRT", NULL, NULL, 7, "products[0].stock"},
    };
    struct follower f = {0};
    struct store_order_hooks hooks = {follow_pool, NULL, &f};
    assert_int_equal(store_availability_set(fx->store, sets, 2, &hooks, NULL),
                     ENC_OK);
    assert_int_equal(pool_left(fx, "PARKING-0612", "*"), 3);
    assert_int_equal(stock_left(fx, "TSHIRT"), 7);
    assert_int_equal(f.reports, 2);

    struct store_pool_set bad[] = {
        {NULL, "PARKING-0612", "*", 9, "performances[0].capacity.*"},
        {NULL, "PARKING-0612", "CAT1", 1, "performances[0].capacity.CAT1"},
    };
    struct enc_error err = {0};
    assert_int_equal(store_availability_set(fx->store, bad, 2, &hooks, &err),
                     ENC_UNKNOWN_CODE);
    assert_string_equal(err.field, "performances[0].capacity.CAT1");
    assert_int_equal(pool_left(fx, "PARKING-0612", "*"), 3);

    struct store_pool_set unlimited[] = {
        {"WATER", NULL, NULL, 1, "products[0].stock"},
    };
    assert_int_equal(
        store_availability_set(fx->store, unlimited, 1, &hooks, &err),
        ENC_INVALID_FIELD);
    assert_string_equal(err.field, "products[0].stock");
    assert_int_equal(f.reports, 2);
}

/* A pushed or sold value survives an import that does not name the
 * product (SPEC 9 merge keeps the stored rows). */
static void
test_import_keeps_what_orders_left(void **state)
{
    struct fixture *fx = *state;
    struct store_order_item items[] = {
        {"PARKING", "PARKING-0612", NULL, NULL, 10, 800, NULL, false},
    };
    struct store_order o;
    order_init(&o, items, 1);
    assert_int_equal(place(fx, "k1", HASH_A, &o, NULL, NULL, NULL), ENC_OK);
    static const char doc[] = "{\"format\":\"encore-catalogue/1\","
                              "\"audiences\":[{\"code\":\"SENIOR\"}]}";
    assert_int_equal(
        store_import(fx->store, doc, strlen(doc), false, NOW, NULL, NULL),
        ENC_OK);
    assert_int_equal(pool_left(fx, "PARKING-0612", "*"), 30);
    assert_int_equal(sql_int(fx, "SELECT count(*) FROM orders"), 1);
    arena_cleanup(&o.arena);
}

/* Buyers racing on connections of their own for the last seats. */
#define RACERS 8
#define ORDERS_EACH 5

struct racer {
    const char *path;
    int index;
    int sold;
    int refused;
};

static void *
race(void *arg)
{
    struct racer *r = arg;
    struct store *s = NULL;
    if (store_open(r->path, &s, NULL) != ENC_OK)
        return NULL;
    for (int k = 0; k < ORDERS_EACH; k++) {
        struct store_order_item items[] = {
            {"DINNER", "DINNER-0612", NULL, "ADULT", 1, 3500, NULL, false},
        };
        struct store_order o;
        order_init(&o, items, 1);
        char key[32];
        snprintf(key, sizeof(key), "racer-%d-%d", r->index, k);
        unsigned char hash[4] = {(unsigned char)r->index, (unsigned char)k};
        char *answer = NULL;
        size_t len = 0;
        bool replay = false;
        struct enc_error err = {0};
        enum enc_code rc = store_order_place(s, key, hash, 4, &o, NULL, &answer,
                                             &len, &replay, &err);
        free(answer);
        arena_cleanup(&o.arena);
        if (rc == ENC_OK)
            r->sold++;
        else if (rc == ENC_CONFLICT &&
                 strcmp(err.field, "cart[0].quantity") == 0)
            r->refused++;
    }
    store_close(s);
    return NULL;
}

/* R7: 40 orders of one seat for the 20 left, from 8 connections at once:
 * exactly 20 sold, 20 refused, 0 left, never below. */
static void
test_R7_racing_buyers_never_sell_twice(void **state)
{
    struct fixture *fx = *state;
    pthread_t threads[RACERS];
    struct racer racers[RACERS];
    for (int i = 0; i < RACERS; i++) {
        racers[i] = (struct racer){fx->path, i, 0, 0};
        assert_int_equal(pthread_create(&threads[i], NULL, race, &racers[i]),
                         0);
    }
    int sold = 0;
    int refused = 0;
    for (int i = 0; i < RACERS; i++) {
        pthread_join(threads[i], NULL);
        sold += racers[i].sold;
        refused += racers[i].refused;
    }
    assert_int_equal(sold, 20);
    assert_int_equal(refused, RACERS * ORDERS_EACH - 20);
    assert_int_equal(pool_left(fx, "DINNER-0612", "*"), 0);
    assert_int_equal(sql_int(fx, "SELECT sum(quantity) FROM order_items"), 20);
}

/* Token hashes are kept by name and replaced. */
static void
test_token_hashes_are_kept(void **state)
{
    struct fixture *fx = *state;
    unsigned char hash[STORE_HASH_MAX];
    size_t len = 99;
    assert_int_equal(
        store_token_get(fx->store, "admin", hash, sizeof(hash), &len, NULL),
        ENC_OK);
    assert_int_equal(len, 0);
    assert_int_equal(store_token_set(fx->store, "admin", HASH_A, 4, NULL),
                     ENC_OK);
    assert_int_equal(store_token_set(fx->store, "admin", HASH_B, 4, NULL),
                     ENC_OK);
    assert_int_equal(
        store_token_get(fx->store, "admin", hash, sizeof(hash), &len, NULL),
        ENC_OK);
    assert_int_equal(len, 4);
    assert_memory_equal(hash, HASH_B, 4);
    assert_int_equal(
        store_token_get(fx->store, "shop", hash, sizeof(hash), &len, NULL),
        ENC_OK);
    assert_int_equal(len, 0);
}

/* A database of schema 1 gets migrations 2 and 3 at open and keeps its
 * rows; migration 3 gives it the records generation it had. */
static void
test_store_migrates_schema_1_to_latest(void **state)
{
    struct fixture *fx = *state;
    store_close(fx->store);
    fx->store = NULL;
    assert_int_equal(sql_exec(fx, "DROP TABLE idempotency;"
                                  " DROP TABLE order_items; DROP TABLE orders;"
                                  " DROP TABLE tokens;"
                                  " ALTER TABLE profiles DROP COLUMN written;"
                                  " DELETE FROM meta"
                                  "  WHERE key = 'records_generation';"
                                  " PRAGMA user_version = 1;"),
                     SQLITE_OK);
    assert_int_equal(store_open(fx->path, &fx->store, NULL), ENC_OK);
    assert_int_equal(sql_int(fx, "PRAGMA user_version"), 3);
    assert_int_equal(sql_int(fx, "SELECT count(*) FROM orders"), 0);
    assert_int_equal(
        sql_int(fx, "SELECT value FROM meta WHERE key = 'records_generation'"),
        sql_int(fx, "SELECT value FROM meta WHERE key = 'generation'"));
    assert_int_equal(pool_left(fx, "PARKING-0612", "*"), 40);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(
            test_R7_order_takes_from_the_seat_category_pool, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_R7_order_falls_back_to_the_shared_pool, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_R7_too_few_left_refuses_the_whole_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_R7_no_pool_for_the_seat_category,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_R7_order_takes_stock_of_undated_products, setup, teardown),
        cmocka_unit_test_setup_teardown(test_order_idempotency_key_sells_once,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_order_cancel_gives_stock_back_once,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_order_cancel_stops_at_the_largest_count, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_availability_push_sets_pools_and_stocks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_import_keeps_what_orders_left,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_R7_racing_buyers_never_sell_twice,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_token_hashes_are_kept, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_store_migrates_schema_1_to_latest,
                                        setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
