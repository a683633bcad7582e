/*
 * test_core_avail.c - live availability (core/avail.h): pool ids, the
 * lookups orders use, and the engine reading what is left through the
 * counters (R7, R8, R9, R12) instead of the catalogue's values.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "core/avail.h"
#include "fixture.h"

#define NOW "2027-05-02T10:00:00+02:00"

/* WEB, CAT1/CAT2, EVT on 12 June (CAT1 100, CAT2 50), PARKING that day
 * (shared pool 40), TSHIRT (stock 200), MUG (unlimited), and one cart line
 * EVT -> PARKING, TSHIRT, MUG. */
struct world {
    struct fx *fx;
    int32_t web, cat1, cat2, evt, evt_0612, parking, park_0612, tshirt, mug;
    struct enc_catalogue *cat;
};

static int32_t
world_goods(struct world *w, const char *code, int64_t amount)
{
    int32_t p = fx_product(w->fx, code, KIND_MERCHANDISE);

    fx_price(w->fx, p, ENC_NONE, ENC_NONE, amount);
    return p;
}

static void
world_init(struct world *w)
{
    struct fx *fx = fx_new();
    int32_t prof, line;

    w->fx = fx;
    w->web = fx_channel(fx, "WEB", CHANNEL_INTERNET);
    w->cat1 = fx_seat_category(fx, "CAT1");
    w->cat2 = fx_seat_category(fx, "CAT2");
    w->evt = fx_product(fx, "EVT", KIND_EVENT);
    fx_price(fx, w->evt, w->cat1, ENC_NONE, 4500);
    fx_price(fx, w->evt, w->cat2, ENC_NONE, 3000);
    w->evt_0612 =
        fx_performance(fx, w->evt, "EVT-0612", "2027-06-12T20:00:00+02:00");
    fx_pool(fx, w->evt_0612, w->cat1, 100);
    fx_pool(fx, w->evt_0612, w->cat2, 50);
    w->parking = fx_product(fx, "PARKING", KIND_SERVICE);
    fx_price(fx, w->parking, ENC_NONE, ENC_NONE, 800);
    w->park_0612 = fx_performance(fx, w->parking, "PARKING-0612",
                                  "2027-06-12T08:00:00+02:00");
    fx_pool(fx, w->park_0612, ENC_NONE, 40);
    w->tshirt = world_goods(w, "TSHIRT", 2500);
    fx_prod(fx, w->tshirt)->has_stock = true;
    fx_prod(fx, w->tshirt)->stock = 200;
    w->mug = world_goods(w, "MUG", 900);
    prof = fx_profile(fx, "WEB-2027", PROFILE_ACTIVE, w->web);
    line = fx_line(fx, prof, "L1", LINE_CART, w->evt);
    fx_target(fx, prof, line, w->parking);
    fx_target(fx, prof, line, w->tshirt);
    fx_target(fx, prof, line, w->mug);
    w->cat = fx_index(fx);
}

/* Pool ids: performance pools first in catalogue order, then stocks. */
static void
test_avail_pool_ids(void **state)
{
    struct world w;

    (void)state;
    world_init(&w);
    assert_int_equal(w.cat->n_pools, 4);
    assert_int_equal(avail_pool_id(w.cat, (uint32_t)w.evt_0612, w.cat1), 0);
    assert_int_equal(avail_pool_id(w.cat, (uint32_t)w.evt_0612, w.cat2), 1);
    assert_int_equal(avail_pool_id(w.cat, (uint32_t)w.park_0612, ENC_NONE), 2);
    assert_int_equal(avail_stock_id(w.cat, w.tshirt), 3);
    assert_int_equal(avail_stock_id(w.cat, w.mug), ENC_NONE);
    assert_int_equal(avail_stock_id(w.cat, w.evt), ENC_NONE);
    assert_int_equal(avail_stock_id(w.cat, 999), ENC_NONE);
    /* No "*" pool at EVT-0612; an exact lookup does not fall back. */
    assert_int_equal(avail_pool_id(w.cat, (uint32_t)w.evt_0612, ENC_NONE),
                     ENC_NONE);
    assert_int_equal(avail_pool_id(w.cat, 999, w.cat1), ENC_NONE);
    fx_free(w.fx);
}

/* R7: a row draws on its category's pool, else on "*". */
static void
test_avail_R7_pool_for_row(void **state)
{
    struct world w;

    (void)state;
    world_init(&w);
    assert_int_equal(avail_pool_for_row(w.cat, (uint32_t)w.evt_0612, w.cat2),
                     1);
    assert_int_equal(avail_pool_for_row(w.cat, (uint32_t)w.park_0612, w.cat1),
                     2);
    assert_int_equal(avail_pool_for_row(w.cat, (uint32_t)w.evt_0612, ENC_NONE),
                     ENC_NONE);
    fx_free(w.fx);
}

/* The counters start at the catalogue's values; writes are stamped. */
static void
test_avail_new_and_set(void **state)
{
    struct world w;
    struct enc_avail *a;

    (void)state;
    world_init(&w);
    a = avail_new(w.cat);
    assert_non_null(a);
    assert_int_equal(avail_left(a, 0), 100);
    assert_int_equal(avail_left(a, 1), 50);
    assert_int_equal(avail_left(a, 2), 40);
    assert_int_equal(avail_left(a, 3), 200);
    assert_int_equal(avail_clock(a), 0);
    assert_int_equal(avail_stamp(a, 2), 0);
    avail_set(a, 2, 7);
    avail_set(a, 3, 5);
    assert_int_equal(avail_left(a, 2), 7);
    assert_int_equal(avail_clock(a), 2);
    assert_int_equal(avail_stamp(a, 2), 1);
    assert_int_equal(avail_stamp(a, 3), 2);
    assert_int_equal(avail_stamp(a, 0), 0);
    /* The catalogue itself is left as it was. */
    assert_int_equal(w.cat->performances[w.park_0612].pools[0].left, 40);
    avail_free(a);
    avail_free(NULL);
    fx_free(w.fx);
}

/* The answer of the cart request, with or without counters. */
static const char *
world_answer(struct world *w, const struct enc_avail *a, char *buf, size_t size)
{
    struct fx_request r;
    struct enc_propose_opts opts = {.avail = a};
    struct enc_answer ans;
    struct enc_error err = {0};
    struct arena arena;

    fx_request(&r, w->web, STAGE_CART, NOW);
    fx_item(&r, w->evt, w->evt_0612, w->cat1, ENC_NONE, 2);
    arena_init(&arena, 0);
    assert_int_equal(
        enc_propose_with(w->cat, &r.req, &opts, &arena, &ans, &err), ENC_OK);
    fx_describe(w->cat, &ans, buf, size);
    arena_cleanup(&arena);
    return buf;
}

/* R7, R9: the engine reads what is left from the counters when given. */
static void
test_avail_R7_engine_reads_counters(void **state)
{
    struct world w;
    struct enc_avail *a;
    char without[2048], with[2048];

    (void)state;
    world_init(&w);
    a = avail_new(w.cat);
    world_answer(&w, NULL, without, sizeof without);
    world_answer(&w, a, with, sizeof with);
    assert_string_equal(without, with);
    assert_non_null(strstr(with, "PARKING-0612:40"));

    avail_set(a, 2, 3);
    avail_set(a, 3, 1);
    world_answer(&w, a, with, sizeof with);
    assert_non_null(strstr(with, "PARKING-0612:3"));
    assert_non_null(strstr(with, "choice 1-3"));
    assert_non_null(strstr(with, "-> TSHIRT choice 1-1"));
    /* Without counters, the catalogue's values still answer. */
    world_answer(&w, NULL, without, sizeof without);
    assert_non_null(strstr(without, "PARKING-0612:40"));
    avail_free(a);
    fx_free(w.fx);
}

/* R7: a pool sold out in the counters stops the target. */
static void
test_avail_R7_sold_out_in_counters(void **state)
{
    struct world w;
    struct enc_avail *a;
    char with[2048];

    (void)state;
    world_init(&w);
    a = avail_new(w.cat);
    avail_set(a, 2, 0);
    avail_set(a, 3, 0);
    world_answer(&w, a, with, sizeof with);
    assert_null(strstr(with, "PARKING"));
    assert_null(strstr(with, "TSHIRT"));
    assert_non_null(strstr(with, "MUG"));
    avail_free(a);
    fx_free(w.fx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_avail_pool_ids),
        cmocka_unit_test(test_avail_R7_pool_for_row),
        cmocka_unit_test(test_avail_new_and_set),
        cmocka_unit_test(test_avail_R7_engine_reads_counters),
        cmocka_unit_test(test_avail_R7_sold_out_in_counters),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
