/*
 * test_core_trace.c - the preview's trace (core/trace.h): for each line,
 * group and target, proposed or the rule that stopped it, one test per
 * reason; a trace never changes the answer; entries in line order.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "core/trace.h"
#include "fixture.h"

#define NOW "2027-05-02T10:00:00+02:00"
#define JUNE12 "2027-06-12T20:00:00+02:00"

/* WEB (internet), CAT1/CAT2, ADULT/CHILD, EVT on 12 June (CAT1 and CAT2
 * pools of 100) and an active profile on WEB; each test adds the rest. */
struct world {
    struct fx *fx;
    int32_t web, cat1, cat2, adult, child, evt, evt_0612, prof;
    struct enc_trace trace;
    struct arena arena;
    struct enc_answer ans;
};

static void
world_init(struct world *w)
{
    struct fx *fx = fx_new();

    memset(w, 0, sizeof(*w));
    w->fx = fx;
    w->web = fx_channel(fx, "WEB", CHANNEL_INTERNET);
    w->cat1 = fx_seat_category(fx, "CAT1");
    w->cat2 = fx_seat_category(fx, "CAT2");
    w->adult = fx_audience(fx, "ADULT");
    w->child = fx_audience(fx, "CHILD");
    w->evt = fx_product(fx, "EVT", KIND_EVENT);
    fx_price(fx, w->evt, w->cat1, w->adult, 4500);
    w->evt_0612 = fx_performance(fx, w->evt, "EVT-0612", JUNE12);
    fx_pool(fx, w->evt_0612, w->cat1, 100);
    fx_pool(fx, w->evt_0612, w->cat2, 100);
    w->prof = fx_profile(fx, "WEB-2027", PROFILE_ACTIVE, w->web);
    arena_init(&w->arena, 0);
}

static void
world_free(struct world *w)
{
    arena_cleanup(&w->arena);
    fx_free(w->fx);
}

/* An undated product with one row for anyone, unlimited. */
static int32_t
goods(struct world *w, const char *code)
{
    int32_t p = fx_product(w->fx, code, KIND_MERCHANDISE);

    fx_price(w->fx, p, ENC_NONE, ENC_NONE, 900);
    return p;
}

/* A dated service, one row for anyone, one performance at start whose
 * shared pool holds left. */
static int32_t
service(struct world *w, const char *code, const char *pcode, const char *start,
        int64_t left)
{
    int32_t p = fx_product(w->fx, code, KIND_SERVICE);
    int32_t pf;

    fx_price(w->fx, p, ENC_NONE, ENC_NONE, 800);
    pf = fx_performance(w->fx, p, pcode, start);
    fx_pool(w->fx, pf, ENC_NONE, left);
    return p;
}

/* A line of the world's profile with one target per product given. */
static int32_t
line(struct world *w, const char *id, enum enc_line_type type, int32_t base,
     int32_t target)
{
    int32_t l = fx_line(w->fx, w->prof, id, type, base);

    if (target >= 0)
        fx_target(w->fx, w->prof, l, target);
    return l;
}

/* Asks for stage at NOW with qty CAT1 adult seats of EVT-0612 in the cart
 * (or as the focus at stage product), with a trace. */
static void
ask(struct world *w, enum enc_stage stage, uint32_t qty)
{
    struct fx_request r;
    struct enc_propose_opts opts = {.trace = &w->trace};
    struct enc_error err = {0};

    fx_index(w->fx);
    fx_request(&r, w->web, stage, NOW);
    if (stage == STAGE_PRODUCT)
        fx_focus(&r, w->evt, w->evt_0612, w->cat1, w->adult, qty);
    else
        fx_item(&r, w->evt, w->evt_0612, w->cat1, w->adult, qty);
    assert_int_equal(
        enc_propose_with(w->fx->cat, &r.req, &opts, &w->arena, &w->ans, &err),
        ENC_OK);
}

/* The reason of the first entry of line l about target t (-1: the line
 * or a group as a whole); -1 when there is none. */
static int
reason(const struct world *w, int32_t l, int32_t t)
{
    for (uint32_t i = 0; i < w->trace.n; i++)
        if (w->trace.entries[i].line == (uint32_t)l &&
            w->trace.entries[i].target == t)
            return (int)w->trace.entries[i].reason;
    return -1;
}

static void
test_trace_proposed_and_R14_over_limit(void **state)
{
    struct world w;
    int32_t l;

    (void)state;
    world_init(&w);
    fx_limit(w.fx, w.prof, PLACEMENT_UNDER_CART, 1);
    l = line(&w, "L1", LINE_CART, w.evt, goods(&w, "MUG"));
    fx_target(w.fx, w.prof, l, goods(&w, "CAP"));
    ask(&w, STAGE_CART, 2);
    assert_int_equal(w.ans.n_proposals, 1);
    assert_int_equal(reason(&w, l, 0), TRACE_PROPOSED);
    assert_int_equal(reason(&w, l, 1), TRACE_R14_OVER_LIMIT);
    assert_true(w.trace.entries[0].has_group);
    assert_int_equal(w.trace.entries[0].base_performance, w.evt_0612);
    world_free(&w);
}

static void
test_trace_R14_line_past_the_limit(void **state)
{
    struct world w;
    int32_t l2;

    (void)state;
    world_init(&w);
    fx_limit(w.fx, w.prof, PLACEMENT_UNDER_CART, 1);
    line(&w, "L1", LINE_CART, w.evt, goods(&w, "MUG"));
    l2 = line(&w, "L2", LINE_CART, w.evt, goods(&w, "CAP"));
    ask(&w, STAGE_CART, 2);
    assert_int_equal(reason(&w, l2, -1), TRACE_R14_OVER_LIMIT);
    world_free(&w);
}

static void
test_trace_R2_R3_R4_lines_left_out(void **state)
{
    struct world w;
    int32_t mug = ENC_NONE, l1, l2, l3;

    (void)state;
    world_init(&w);
    mug = goods(&w, "MUG");
    l1 = line(&w, "OLD", LINE_CART, w.evt, mug);
    fx_ln(w.fx, w.prof, l1)->valid_to = fx_bound("2027-01-01T00:00:00+01:00");
    l2 = line(&w, "UP", LINE_UPSELL, w.evt, mug);
    l3 = line(&w, "OTHER", LINE_CART, mug, goods(&w, "CAP"));
    ask(&w, STAGE_CART, 2);
    assert_int_equal(reason(&w, l1, -1), TRACE_R2_NOT_VALID);
    assert_int_equal(reason(&w, l2, -1), TRACE_R3_OTHER_STAGE);
    assert_int_equal(reason(&w, l3, -1), TRACE_R4_BASE_NOT_IN_CART);
    /* In profile order, one entry per line left out. */
    assert_int_equal(w.trace.n, 3);
    assert_int_equal(w.trace.entries[0].line, l1);
    assert_int_equal(w.trace.entries[2].line, l3);
    world_free(&w);
}

static void
test_trace_R4_min_quantity_and_no_match(void **state)
{
    struct world w;
    int32_t l1, l2;
    struct enc_line *ln;

    (void)state;
    world_init(&w);
    l1 = line(&w, "MIN3", LINE_CONDITIONAL, w.evt, goods(&w, "MUG"));
    ln = fx_ln(w.fx, w.prof, l1);
    ln->when.present = true;
    ln->when.has_min_quantity = true;
    ln->when.min_quantity = 3;
    l2 = line(&w, "CAT2", LINE_CONDITIONAL, w.evt, goods(&w, "CAP"));
    ln = fx_ln(w.fx, w.prof, l2);
    ln->when.present = true;
    ln->when.n_seat_categories = 1;
    ln->when.seat_categories = fx_list(w.fx, 1, w.cat2);
    ask(&w, STAGE_CART, 2);
    assert_int_equal(reason(&w, l1, -1), TRACE_R4_MIN_QUANTITY);
    assert_int_equal(reason(&w, l2, -1), TRACE_R4_NO_MATCH);
    world_free(&w);
}

static void
test_trace_R5_archived_channel_sale(void **state)
{
    struct world w;
    int32_t a, b, c, l;

    (void)state;
    world_init(&w);
    a = goods(&w, "OLD");
    fx_prod(w.fx, a)->archived = true;
    b = goods(&w, "DESK-ONLY");
    fx_prod(w.fx, b)->n_channels = 1;
    fx_prod(w.fx, b)->channels =
        fx_list(w.fx, 1, fx_channel(w.fx, "DESK", CHANNEL_BOX_OFFICE));
    c = goods(&w, "LATER");
    fx_prod(w.fx, c)->has_sale = true;
    fx_prod(w.fx, c)->sale.from = fx_bound("2027-06-01T00:00:00+02:00");
    l = line(&w, "L1", LINE_CART, w.evt, a);
    fx_target(w.fx, w.prof, l, b);
    fx_target(w.fx, w.prof, l, c);
    ask(&w, STAGE_CART, 2);
    assert_int_equal(reason(&w, l, 0), TRACE_R5_ARCHIVED);
    assert_int_equal(reason(&w, l, 1), TRACE_R5_NOT_ON_CHANNEL);
    assert_int_equal(reason(&w, l, 2), TRACE_R5_NOT_ON_SALE);
    world_free(&w);
}

static void
test_trace_R6_day_left_and_undated_base(void **state)
{
    struct world w;
    int32_t other_day, past, l, l2, mug;
    struct enc_target *t;

    (void)state;
    world_init(&w);
    other_day =
        service(&w, "PARKING", "PARKING-0613", "2027-06-13T08:00:00+02:00", 40);
    past = service(&w, "TOUR", "TOUR-0401", "2027-04-01T10:00:00+02:00", 40);
    l = line(&w, "L1", LINE_CART, w.evt, other_day);
    t = fx_target(w.fx, w.prof, l, past);
    t->date = DATE_CHOICE;
    /* A same_as_base target of an undated base: MUG in the cart. */
    mug = goods(&w, "MUG");
    l2 = line(&w, "L2", LINE_CART, mug, other_day);
    fx_ln(w.fx, w.prof, l2)->targets[0].date = DATE_SAME_AS_BASE;
    fx_index(w.fx);
    {
        struct fx_request r;
        struct enc_propose_opts opts = {.trace = &w.trace};
        struct enc_error err = {0};

        fx_request(&r, w.web, STAGE_CART, NOW);
        fx_item(&r, w.evt, w.evt_0612, w.cat1, w.adult, 2);
        fx_item(&r, mug, ENC_NONE, ENC_NONE, ENC_NONE, 1);
        assert_int_equal(
            enc_propose_with(w.fx->cat, &r.req, &opts, &w.arena, &w.ans, &err),
            ENC_OK);
    }
    assert_int_equal(reason(&w, l, 0), TRACE_R6_NO_PERFORMANCE_DAY);
    assert_int_equal(reason(&w, l, 1), TRACE_R6_NO_PERFORMANCE);
    assert_int_equal(reason(&w, l2, 0), TRACE_R6_BASE_UNDATED);
    world_free(&w);
}

static void
test_trace_R7_R8_pools_and_quantities(void **state)
{
    struct world w;
    int32_t empty, few, big, stock0, l;
    struct enc_target *t;

    (void)state;
    world_init(&w);
    empty =
        service(&w, "PARKING", "PARKING-0612", "2027-06-12T08:00:00+02:00", 0);
    few = service(&w, "DINNER", "DINNER-0612", "2027-06-12T18:00:00+02:00", 2);
    big = goods(&w, "POSTER");
    fx_prod(w.fx, big)->max_per_order = 4;
    stock0 = goods(&w, "TSHIRT");
    fx_prod(w.fx, stock0)->has_stock = true;
    fx_prod(w.fx, stock0)->stock = 0;
    l = line(&w, "L1", LINE_CART, w.evt, empty);
    t = fx_target(w.fx, w.prof, l, few);
    fx_fixed(t, 3);
    t = fx_target(w.fx, w.prof, l, big);
    fx_fixed(t, 5);
    fx_target(w.fx, w.prof, l, stock0);
    ask(&w, STAGE_CART, 2);
    assert_int_equal(reason(&w, l, 0), TRACE_R7_SOLD_OUT);
    assert_int_equal(reason(&w, l, 1), TRACE_R8_ABOVE_LEFT);
    assert_int_equal(reason(&w, l, 2), TRACE_R8_ABOVE_MAX_PER_ORDER);
    assert_int_equal(reason(&w, l, 3), TRACE_R7_SOLD_OUT);
    world_free(&w);
}

static void
test_trace_R9_no_offer(void **state)
{
    struct world w;
    int32_t kids, l;
    struct enc_target *t;

    (void)state;
    world_init(&w);
    kids = fx_product(w.fx, "KIDS", KIND_MERCHANDISE);
    fx_price(w.fx, kids, ENC_NONE, w.child, 500);
    l = line(&w, "L1", LINE_CART, w.evt, ENC_NONE);
    t = fx_target(w.fx, w.prof, l, kids);
    t->n_audiences = 1;
    t->audiences = fx_list(w.fx, 1, w.adult);
    ask(&w, STAGE_CART, 2);
    assert_int_equal(reason(&w, l, 0), TRACE_R9_NO_OFFER);
    world_free(&w);
}

static void
test_trace_R10_R11_cart_own_base_duplicate(void **state)
{
    struct world w;
    int32_t mug, l1, l2;

    (void)state;
    world_init(&w);
    mug = goods(&w, "MUG");
    l1 = line(&w, "L1", LINE_CART, w.evt, w.evt);
    fx_target(w.fx, w.prof, l1, mug);
    l2 = line(&w, "L2", LINE_CART, w.evt, mug);
    ask(&w, STAGE_CART, 2);
    assert_int_equal(reason(&w, l1, 0), TRACE_R10_OWN_BASE);
    assert_int_equal(reason(&w, l1, 1), TRACE_PROPOSED);
    assert_int_equal(reason(&w, l2, 0), TRACE_R11_DUPLICATE);
    world_free(&w);
}

static void
test_trace_R10_already_in_cart(void **state)
{
    struct world w;
    int32_t mug, l;
    struct fx_request r;
    struct enc_propose_opts opts = {.trace = &w.trace};
    struct enc_error err = {0};

    (void)state;
    world_init(&w);
    mug = goods(&w, "MUG");
    l = line(&w, "L1", LINE_CART, w.evt, mug);
    fx_index(w.fx);
    opts.trace = &w.trace;
    fx_request(&r, w.web, STAGE_CART, NOW);
    fx_item(&r, w.evt, w.evt_0612, w.cat1, w.adult, 2);
    fx_item(&r, mug, ENC_NONE, ENC_NONE, ENC_NONE, 1);
    assert_int_equal(
        enc_propose_with(w.fx->cat, &r.req, &opts, &w.arena, &w.ans, &err),
        ENC_OK);
    assert_int_equal(reason(&w, l, 0), TRACE_R10_IN_CART);
    world_free(&w);
}

static void
test_trace_R12_upsell(void **state)
{
    struct world w;
    int32_t not_pack, pack, pf, l;

    (void)state;
    world_init(&w);
    not_pack = service(&w, "TOUR", "TOUR-0612", JUNE12, 10);
    pack = fx_product(w.fx, "PACK", KIND_PACKAGE);
    fx_component(w.fx, pack, w.evt, 1);
    fx_price(w.fx, pack, w.cat2, w.adult, 6500);
    pf = fx_performance(w.fx, pack, "PACK-0612", JUNE12);
    fx_pool(w.fx, pf, w.cat2, 10);
    l = line(&w, "UP", LINE_UPSELL, w.evt, not_pack);
    fx_target(w.fx, w.prof, l, pack);
    ask(&w, STAGE_PRODUCT, 2);
    assert_int_equal(reason(&w, l, 0), TRACE_R12_NOT_A_PACKAGE);
    assert_int_equal(reason(&w, l, 1), TRACE_R12_NO_PRICE_ROW);
    world_free(&w);
}

/* A trace never changes the answer. */
static void
test_trace_does_not_change_the_answer(void **state)
{
    struct world w;
    struct fx_request r;
    char with[4096], without[4096];
    int32_t l;

    (void)state;
    world_init(&w);
    fx_limit(w.fx, w.prof, PLACEMENT_UNDER_CART, 2);
    l = line(&w, "L1", LINE_CART, w.evt, goods(&w, "MUG"));
    fx_target(w.fx, w.prof, l, goods(&w, "CAP"));
    fx_target(w.fx, w.prof, l, goods(&w, "PEN"));
    line(&w, "L2", LINE_FAVORITE, w.evt, goods(&w, "BAG"));
    ask(&w, STAGE_CART, 2);
    fx_describe(w.fx->cat, &w.ans, with, sizeof with);
    fx_request(&r, w.web, STAGE_CART, NOW);
    fx_item(&r, w.evt, w.evt_0612, w.cat1, w.adult, 2);
    fx_describe(w.fx->cat, fx_propose(w.fx, &r), without, sizeof without);
    assert_string_equal(with, without);
    assert_int_equal(reason(&w, l, 2), TRACE_R14_OVER_LIMIT);
    world_free(&w);
}

/* Every reason has a name, a message, and a rule but "proposed". */
static void
test_trace_reason_names(void **state)
{
    (void)state;
    assert_string_equal(trace_reason_name(TRACE_PROPOSED), "proposed");
    assert_null(trace_reason_rule(TRACE_PROPOSED));
    assert_string_equal(trace_reason_rule(TRACE_R7_SOLD_OUT), "R7");
    assert_string_equal(trace_reason_message(TRACE_R7_SOLD_OUT), "sold out");
    for (int r = 1; r < TRACE_REASON_COUNT; r++) {
        assert_non_null(trace_reason_rule((enum enc_trace_reason)r));
        assert_true(strlen(trace_reason_message((enum enc_trace_reason)r)) > 0);
        assert_string_not_equal(trace_reason_name((enum enc_trace_reason)r),
                                "?");
    }
    assert_string_equal(trace_reason_name(TRACE_REASON_COUNT), "?");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_trace_proposed_and_R14_over_limit),
        cmocka_unit_test(test_trace_R14_line_past_the_limit),
        cmocka_unit_test(test_trace_R2_R3_R4_lines_left_out),
        cmocka_unit_test(test_trace_R4_min_quantity_and_no_match),
        cmocka_unit_test(test_trace_R5_archived_channel_sale),
        cmocka_unit_test(test_trace_R6_day_left_and_undated_base),
        cmocka_unit_test(test_trace_R7_R8_pools_and_quantities),
        cmocka_unit_test(test_trace_R9_no_offer),
        cmocka_unit_test(test_trace_R10_R11_cart_own_base_duplicate),
        cmocka_unit_test(test_trace_R10_already_in_cart),
        cmocka_unit_test(test_trace_R12_upsell),
        cmocka_unit_test(test_trace_does_not_change_the_answer),
        cmocka_unit_test(test_trace_reason_names),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
