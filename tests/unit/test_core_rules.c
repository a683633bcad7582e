/*
 * test_core_rules.c - the rules of a proposal, R1 to R14 (SPEC 4), and the
 * defaults of SPEC 3, one test or more per rule, named after it.
 *
 * Each test builds a small catalogue with the fixture, asks enc_propose()
 * and compares the whole answer, written by fx_describe() as one line per
 * proposal: placement, line, base@performance, product, quantity, the
 * performances offered with what is left, and the offers.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"

#define NOW "2027-05-02T10:00:00+02:00"

/* A hall shared by the tests: channels, categories, audiences, a dated
 * event EVT with one performance on 12 June 2027 and an active profile on
 * WEB without lines. */
struct hall {
    struct fx *fx;
    int32_t web, desk, cat1, cat2, adult, child;
    int32_t evt, evt_0612;
    int32_t prof;
};

static void
hall_init(struct hall *h)
{
    struct fx *fx = fx_new();

    h->fx = fx;
    h->web = fx_channel(fx, "WEB", CHANNEL_INTERNET);
    h->desk = fx_channel(fx, "DESK", CHANNEL_BOX_OFFICE);
    h->cat1 = fx_seat_category(fx, "CAT1");
    h->cat2 = fx_seat_category(fx, "CAT2");
    h->adult = fx_audience(fx, "ADULT");
    h->child = fx_audience(fx, "CHILD");
    h->evt = fx_product(fx, "EVT", KIND_EVENT);
    fx_price(fx, h->evt, h->cat1, h->adult, 4500);
    fx_price(fx, h->evt, h->cat2, h->adult, 3000);
    h->evt_0612 =
        fx_performance(fx, h->evt, "EVT-0612", "2027-06-12T20:00:00+02:00");
    fx_pool(fx, h->evt_0612, h->cat1, 100);
    fx_pool(fx, h->evt_0612, h->cat2, 100);
    h->prof = fx_profile(fx, "WEB-2027", PROFILE_ACTIVE, h->web);
}

/* An undated product with one price row for anyone, unlimited stock. */
static int32_t
hall_goods(struct hall *h, const char *code, int64_t amount)
{
    int32_t p = fx_product(h->fx, code, KIND_MERCHANDISE);

    fx_price(h->fx, p, ENC_NONE, ENC_NONE, amount);
    return p;
}

/* A dated service with one row for anyone and one performance whose
 * shared pool holds left. Returns the product; *perf gets the performance. */
static int32_t
hall_service(struct hall *h, const char *code, const char *start, int64_t left,
             int32_t *perf)
{
    int32_t p = fx_product(h->fx, code, KIND_SERVICE);
    char pcode[64];
    int32_t pf;

    fx_price(h->fx, p, ENC_NONE, ENC_NONE, 800);
    snprintf(pcode, sizeof(pcode), "%s-1", code);
    pf = fx_performance(h->fx, p, pcode, start);
    fx_pool(h->fx, pf, ENC_NONE, left);
    if (perf != NULL)
        *perf = pf;
    return p;
}

/* A cart request on WEB at NOW holding qty CAT1 adult seats of EVT-0612. */
static void
hall_cart(struct hall *h, struct fx_request *r, uint32_t qty)
{
    fx_request(r, h->web, STAGE_CART, NOW);
    fx_item(r, h->evt, h->evt_0612, h->cat1, h->adult, qty);
}

/* ---- The example of SPEC 7 and 8, whole ---- */

struct spec_world {
    struct hall h;
    int32_t parking, dinner, tshirt, pack;
};

/* The catalogue of SPEC 7 (JAZZ-1 is the hall's EVT, max_per_order 8). */
static void
spec_world_init(struct spec_world *s)
{
    struct hall *h = &s->h;
    struct fx *fx;
    int32_t pf, l;
    struct enc_target *t;

    hall_init(h);
    fx = h->fx;
    fx_prod(fx, h->evt)->max_per_order = 8;
    s->parking =
        hall_service(h, "PARKING", "2027-06-12T08:00:00+02:00", 40, NULL);
    s->dinner = fx_product(fx, "DINNER", KIND_SERVICE);
    fx_price(fx, s->dinner, ENC_NONE, h->adult, 3500);
    pf = fx_performance(fx, s->dinner, "DINNER-0612",
                        "2027-06-12T18:30:00+02:00");
    fx_pool(fx, pf, ENC_NONE, 20);
    s->tshirt = hall_goods(h, "TSHIRT", 2500);
    fx_prod(fx, s->tshirt)->has_stock = true;
    fx_prod(fx, s->tshirt)->stock = 200;
    s->pack = fx_product(fx, "PACK", KIND_PACKAGE);
    fx_component(fx, s->pack, h->evt, 1);
    fx_component(fx, s->pack, s->tshirt, 1);
    fx_price(fx, s->pack, h->cat1, h->adult, 6500);
    pf = fx_performance(fx, s->pack, "PACK-0612", "2027-06-12T20:00:00+02:00");
    fx_pool(fx, pf, h->cat1, 30);
    fx_limit(fx, h->prof, PLACEMENT_SIDEBAR, 3);

    l = fx_line(fx, h->prof, "L1", LINE_UPSELL, h->evt);
    fx_target(fx, h->prof, l, s->pack);
    fx_text(fx, &fx_ln(fx, h->prof, l)->text, 2, "fr", "Avec le T-shirt ?",
            "en", "With the T-shirt?");
    l = fx_line(fx, h->prof, "L2", LINE_CART, h->evt);
    t = fx_target(fx, h->prof, l, s->parking);
    t->date = DATE_SAME_AS_BASE;
    fx_choice(t, 0, 2);
    l = fx_line(fx, h->prof, "L3", LINE_CONDITIONAL, h->evt);
    fx_ln(fx, h->prof, l)->when.present = true;
    fx_ln(fx, h->prof, l)->when.has_min_quantity = true;
    fx_ln(fx, h->prof, l)->when.min_quantity = 2;
    fx_ln(fx, h->prof, l)->when.n_seat_categories = 1;
    fx_ln(fx, h->prof, l)->when.seat_categories = fx_list(fx, 1, h->cat1);
    fx_ln(fx, h->prof, l)->valid_from = fx_bound_day("2027-01-01", 3600, false);
    fx_ln(fx, h->prof, l)->valid_to = fx_bound_day("2027-06-30", 7200, true);
    t = fx_target(fx, h->prof, l, s->dinner);
    t->date = DATE_SAME_AS_BASE;
    fx_proportional(t, 0);
    t->n_audiences = 1;
    t->audiences = fx_list(fx, 1, h->adult);
    fx_index(fx);
}

/* SPEC 8: the example request gets the example answer. */
static void
test_spec_example_cart(void **state)
{
    struct spec_world s;
    struct fx_request r;

    (void)state;
    spec_world_init(&s);
    hall_cart(&s.h, &r, 2);
    assert_string_equal(fx_answer(s.h.fx, &r),
                        "under_cart L2 EVT@EVT-0612 -> PARKING choice 1-2 "
                        "perfs=PARKING-1:40 offers=-/-/800:40\n"
                        "under_cart L3 EVT@EVT-0612 -> DINNER fixed 2 "
                        "perfs=DINNER-0612:20 offers=-/ADULT/3500:20");
    fx_free(s.h.fx);
}

/* SPEC 2 and R12: the upsell of the example at stage product. */
static void
test_spec_example_product(void **state)
{
    struct spec_world s;
    struct fx_request r;
    const struct enc_answer *a;

    (void)state;
    spec_world_init(&s);
    fx_request(&r, s.h.web, STAGE_PRODUCT, NOW);
    r.req.lang = "en";
    fx_focus(&r, s.h.evt, s.h.evt_0612, s.h.cat1, s.h.adult, 2);
    assert_string_equal(fx_answer(s.h.fx, &r),
                        "instead L1 EVT@EVT-0612 -> PACK fixed 2 "
                        "perfs=PACK-0612:30 offers=CAT1/ADULT/6500:30 "
                        "diff=2000");
    a = fx_propose(s.h.fx, &r);
    assert_string_equal(a->proposals[0].text, "With the T-shirt?");
    assert_string_equal(a->proposals[0].name, "PACK");
    fx_free(s.h.fx);
}

/* ---- R1 Profile ---- */

/* R1: a channel not of type internet gets no profile, even when an active
 * profile names it; the answer is empty, not an error. */
static void
test_R1_channel_not_internet(void **state)
{
    struct hall h;
    struct fx_request r;
    const struct enc_answer *a;
    int32_t g, l;

    (void)state;
    hall_init(&h);
    g = hall_goods(&h, "G", 500);
    fx_profile_channel(h.fx, h.prof, h.desk);
    l = fx_line(h.fx, h.prof, "L1", LINE_CART, h.evt);
    fx_target(h.fx, h.prof, l, g);
    fx_index(h.fx);

    hall_cart(&h, &r, 1);
    a = fx_propose(h.fx, &r);
    assert_int_equal(a->profile, h.prof);
    assert_int_equal(a->n_proposals, 1);
    r.req.channel = h.desk;
    a = fx_propose(h.fx, &r);
    assert_int_equal(a->profile, ENC_NONE);
    assert_int_equal(a->n_proposals, 0);
    assert_int_equal(a->channel, h.desk);
    fx_free(h.fx);
}

/* R1: an internet channel that no active profile names (only a draft
 * does) gets no profile. */
static void
test_R1_no_active_profile(void **state)
{
    struct hall h;
    struct fx_request r;
    const struct enc_answer *a;
    int32_t web2, draft, g, l;

    (void)state;
    hall_init(&h);
    g = hall_goods(&h, "G", 500);
    web2 = fx_channel(h.fx, "WEB2", CHANNEL_INTERNET);
    draft = fx_profile(h.fx, "DRAFT", PROFILE_DRAFT, web2);
    l = fx_line(h.fx, draft, "L1", LINE_CART, h.evt);
    fx_target(h.fx, draft, l, g);
    fx_index(h.fx);

    hall_cart(&h, &r, 1);
    r.req.channel = web2;
    a = fx_propose(h.fx, &r);
    assert_int_equal(a->profile, ENC_NONE);
    assert_int_equal(a->n_proposals, 0);
    assert_int_equal(a->now.utc, fx_time(NOW).utc);
    fx_free(h.fx);
}

/* ---- R2 Validity ---- */

struct validity_case {
    const char *from; /* instant, date (local day) or NULL */
    const char *to;   /* idem */
    const char *now;
    bool proposed;
};

/* Turns a case's bound into an enc_bound; dates resolve at +02:00. */
static struct enc_bound
case_bound(const char *s, bool end)
{
    struct enc_bound none = {0};

    if (s == NULL)
        return none;
    if (strlen(s) == 10)
        return fx_bound_day(s, 7200, end);
    return fx_bound(s);
}

/* R2: a line counts only when valid_from <= now <= valid_to; a date alone
 * covers its whole day. */
static void
test_R2_validity_window(void **state)
{
    static const struct validity_case cases[] = {
        {"2027-05-01", "2027-05-31", "2027-04-30T23:59:59+02:00", false},
        {"2027-05-01", "2027-05-31", "2027-05-01T00:00:00+02:00", true},
        {"2027-05-01", "2027-05-31", "2027-05-31T23:59:59+02:00", true},
        {"2027-05-01", "2027-05-31", "2027-05-31T21:59:59Z", true},
        {"2027-05-01", "2027-05-31", "2027-06-01T00:00:00+02:00", false},
        {"2027-05-01", "2027-05-31", "2027-05-31T22:00:00Z", false},
        {"2027-05-10T12:00:00+02:00", NULL, "2027-05-10T11:59:59+02:00", false},
        {"2027-05-10T12:00:00+02:00", NULL, "2027-05-10T10:00:00Z", true},
        {NULL, "2027-05-10T12:00:00+02:00", "2027-05-10T12:00:00+02:00", true},
        {NULL, "2027-05-10T12:00:00+02:00", "2027-05-10T12:00:01+02:00", false},
        {NULL, NULL, "2027-05-10T12:00:01+02:00", true},
    };

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct hall h;
        struct fx_request r;
        struct enc_line *line;
        int32_t g, l;

        hall_init(&h);
        g = hall_goods(&h, "G", 500);
        l = fx_line(h.fx, h.prof, "L1", LINE_CART, h.evt);
        fx_target(h.fx, h.prof, l, g);
        line = fx_ln(h.fx, h.prof, l);
        line->valid_from = case_bound(cases[i].from, false);
        line->valid_to = case_bound(cases[i].to, true);
        fx_index(h.fx);
        fx_request(&r, h.web, STAGE_CART, cases[i].now);
        fx_item(&r, h.evt, h.evt_0612, h.cat1, h.adult, 1);
        assert_string_equal(fx_answer(h.fx, &r),
                            cases[i].proposed ? "under_cart L1 EVT@EVT-0612 "
                                                "-> G choice 1-10 perfs= "
                                                "offers=-/-/500:inf"
                                              : "");
        fx_free(h.fx);
    }
}

/* ---- R3 Stage ---- */

/* A package PACK holding EVT, priced for anyone, with one performance on
 * the day of EVT-0612 whose shared pool holds 30. */
static int32_t
hall_pack(struct hall *h)
{
    int32_t pack = fx_product(h->fx, "PACK", KIND_PACKAGE);
    int32_t pf;

    fx_component(h->fx, pack, h->evt, 1);
    fx_price(h->fx, pack, ENC_NONE, ENC_NONE, 6000);
    pf = fx_performance(h->fx, pack, "PACK-0612", "2027-06-12T20:00:00+02:00");
    fx_pool(h->fx, pf, ENC_NONE, 30);
    return pack;
}

/* One line of each type on EVT, each to its own target. */
static void
hall_five_lines(struct hall *h)
{
    static const char *const ids[] = {"U", "C", "K", "F", "P"};
    static const enum enc_line_type types[] = {LINE_UPSELL, LINE_CART,
                                               LINE_CONDITIONAL, LINE_FAVORITE,
                                               LINE_POST_PURCHASE};
    int32_t pack = hall_pack(h);

    for (int i = 0; i < 5; i++) {
        char code[8];
        int32_t l = fx_line(h->fx, h->prof, ids[i], types[i], h->evt);
        snprintf(code, sizeof(code), "G%d", i);
        fx_target(h->fx, h->prof, l, i == 0 ? pack : hall_goods(h, code, 100));
    }
    fx_index(h->fx);
}

/* R3: product uses upsell lines, cart uses cart, conditional and favorite
 * lines, confirmation uses post_purchase lines. */
static void
test_R3_stage_selects_line_types(void **state)
{
    struct hall h;
    struct fx_request r;

    (void)state;
    hall_init(&h);
    hall_five_lines(&h);

    fx_request(&r, h.web, STAGE_PRODUCT, NOW);
    fx_focus(&r, h.evt, h.evt_0612, h.cat1, h.adult, 1);
    assert_string_equal(fx_answer(h.fx, &r),
                        "instead U EVT@EVT-0612 -> PACK fixed 1 "
                        "perfs=PACK-0612:30 offers=-/-/6000:30 diff=1500");
    hall_cart(&h, &r, 1);
    assert_string_equal(
        fx_answer(h.fx, &r),
        "under_cart C EVT@EVT-0612 -> G1 choice 1-10 perfs= "
        "offers=-/-/100:inf\n"
        "under_cart K EVT@EVT-0612 -> G2 choice 1-10 perfs= "
        "offers=-/-/100:inf\n"
        "sidebar F EVT@EVT-0612 -> G3 choice 1-10 perfs= offers=-/-/100:inf");
    r.req.stage = STAGE_CONFIRMATION;
    assert_string_equal(fx_answer(h.fx, &r),
                        "confirmation P EVT@EVT-0612 -> G4 choice 1-10 "
                        "perfs= offers=-/-/100:inf");
    fx_free(h.fx);
}

/* R3: at stage product only the focus is looked at, not the cart. */
static void
test_R3_product_stage_uses_focus_only(void **state)
{
    struct hall h;
    struct fx_request r;
    int32_t other;

    (void)state;
    hall_init(&h);
    other = hall_goods(&h, "OTHER", 100);
    hall_five_lines(&h);

    fx_request(&r, h.web, STAGE_PRODUCT, NOW);
    fx_item(&r, h.evt, h.evt_0612, h.cat1, h.adult, 1);
    fx_focus(&r, other, ENC_NONE, ENC_NONE, ENC_NONE, 1);
    assert_string_equal(fx_answer(h.fx, &r), "");
    r.req.has_focus = false;
    assert_string_equal(fx_answer(h.fx, &r), "");
    fx_free(h.fx);
}

/* ---- R4 Base ---- */

/* A second performance of EVT, on 13 June; call right after hall_init. */
static int32_t
hall_evt_0613(struct hall *h)
{
    int32_t pf =
        fx_performance(h->fx, h->evt, "EVT-0613", "2027-06-13T20:00:00+02:00");

    fx_pool(h->fx, pf, h->cat1, 100);
    fx_pool(h->fx, pf, h->cat2, 100);
    return pf;
}

/* PARK, a service with a performance on 12 and on 13 June, 40 each. */
static int32_t
hall_parking(struct hall *h)
{
    int32_t p = fx_product(h->fx, "PARK", KIND_SERVICE);
    int32_t a, b;

    fx_price(h->fx, p, ENC_NONE, ENC_NONE, 800);
    a = fx_performance(h->fx, p, "PARK-0612", "2027-06-12T08:00:00+02:00");
    b = fx_performance(h->fx, p, "PARK-0613", "2027-06-13T08:00:00+02:00");
    fx_pool(h->fx, a, ENC_NONE, 40);
    fx_pool(h->fx, b, ENC_NONE, 40);
    return p;
}

/* R4: one group per performance, in order of first appearance in the
 * cart; same_as_base means that group's date. */
static void
test_R4_groups_per_performance_in_cart_order(void **state)
{
    struct hall h;
    struct fx_request r;
    int32_t e13, park, l;

    (void)state;
    hall_init(&h);
    e13 = hall_evt_0613(&h);
    park = hall_parking(&h);
    l = fx_line(h.fx, h.prof, "L1", LINE_CART, h.evt);
    fx_proportional(fx_target(h.fx, h.prof, l, park), 0);
    fx_index(h.fx);

    fx_request(&r, h.web, STAGE_CART, NOW);
    fx_item(&r, h.evt, e13, h.cat1, h.adult, 1);
    fx_item(&r, h.evt, h.evt_0612, h.cat2, h.adult, 1);
    fx_item(&r, h.evt, e13, h.cat2, h.adult, 2);
    assert_string_equal(fx_answer(h.fx, &r),
                        "under_cart L1 EVT@EVT-0613 -> PARK fixed 3 "
                        "perfs=PARK-0613:40 offers=-/-/800:40\n"
                        "under_cart L1 EVT@EVT-0612 -> PARK fixed 1 "
                        "perfs=PARK-0612:40 offers=-/-/800:40");
    fx_free(h.fx);
}

struct when_case {
    bool has_min;
    uint32_t min;
    bool by_category;    /* when.seat_categories = [CAT1] */
    bool by_performance; /* when.performances = [EVT-0613] */
    const char *expected;
};

/* R4: a conditional line's matched quantity is the sum of the group's
 * items satisfying when (an item without a seat category fails a given
 * list); it applies when that reaches min_quantity, default 1. */
static void
test_R4_conditional_matched_quantity(void **state)
{
    static const struct when_case cases[] = {
        {true, 2, true, false,
         "under_cart K EVT@EVT-0612 -> G fixed 2 perfs= offers=-/-/100:inf"},
        {true, 3, true, false, ""},
        {false, 0, true, false,
         "under_cart K EVT@EVT-0612 -> G fixed 2 perfs= offers=-/-/100:inf"},
        {false, 0, false, false,
         "under_cart K EVT@EVT-0612 -> G fixed 7 perfs= offers=-/-/100:inf"},
        {true, 7, false, false,
         "under_cart K EVT@EVT-0612 -> G fixed 7 perfs= offers=-/-/100:inf"},
        {false, 0, false, true,
         "under_cart K EVT@EVT-0613 -> G fixed 4 perfs= offers=-/-/100:inf"},
        {true, 5, false, true, ""},
        {false, 0, true, true,
         "under_cart K EVT@EVT-0613 -> G fixed 1 perfs= offers=-/-/100:inf"},
    };

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct hall h;
        struct fx_request r;
        struct enc_when *w;
        int32_t e13, g, l;

        hall_init(&h);
        e13 = hall_evt_0613(&h);
        g = hall_goods(&h, "G", 100);
        l = fx_line(h.fx, h.prof, "K", LINE_CONDITIONAL, h.evt);
        fx_proportional(fx_target(h.fx, h.prof, l, g), 0);
        w = &fx_ln(h.fx, h.prof, l)->when;
        w->present = true;
        w->has_min_quantity = cases[i].has_min;
        w->min_quantity = cases[i].min;
        if (cases[i].by_category) {
            w->n_seat_categories = 1;
            w->seat_categories = fx_list(h.fx, 1, h.cat1);
        }
        if (cases[i].by_performance) {
            w->n_performances = 1;
            w->performances = fx_list(h.fx, 1, e13);
        }
        fx_index(h.fx);

        /* EVT-0612: 1 CAT1 + 3 CAT2 + 1 CAT1 + 2 without a category;
         * EVT-0613: 3 CAT2 + 1 CAT1. */
        fx_request(&r, h.web, STAGE_CART, NOW);
        fx_item(&r, h.evt, h.evt_0612, h.cat1, h.adult, 1);
        fx_item(&r, h.evt, h.evt_0612, h.cat2, h.adult, 3);
        fx_item(&r, h.evt, h.evt_0612, h.cat1, h.child, 1);
        fx_item(&r, h.evt, h.evt_0612, ENC_NONE, h.adult, 2);
        fx_item(&r, h.evt, e13, h.cat2, h.adult, 3);
        fx_item(&r, h.evt, e13, h.cat1, h.adult, 1);
        print_message("case %zu\n", i);
        assert_string_equal(fx_answer(h.fx, &r), cases[i].expected);
        fx_free(h.fx);
    }
}

/* R4: an item of a package counts as an item of each product inside it,
 * directly or through another package, at the package item's
 * performance. */
static void
test_R4_package_item_counts_as_base(void **state)
{
    struct hall h;
    struct fx_request r;
    int32_t park, pack, big, big_pf, l;

    (void)state;
    hall_init(&h);
    park = hall_parking(&h);
    pack = hall_pack(&h);
    big = fx_product(h.fx, "BIG", KIND_PACKAGE);
    fx_component(h.fx, big, pack, 1);
    fx_price(h.fx, big, ENC_NONE, ENC_NONE, 9000);
    big_pf = fx_performance(h.fx, big, "BIG-0613", "2027-06-13T19:00:00+02:00");
    fx_pool(h.fx, big_pf, ENC_NONE, 5);
    l = fx_line(h.fx, h.prof, "L1", LINE_CART, h.evt);
    fx_proportional(fx_target(h.fx, h.prof, l, park), 0);
    fx_index(h.fx);

    fx_request(&r, h.web, STAGE_CART, NOW);
    fx_item(&r, pack, fx_prod(h.fx, pack)->perf_first, ENC_NONE, ENC_NONE, 2);
    fx_item(&r, big, big_pf, ENC_NONE, ENC_NONE, 3);
    assert_string_equal(fx_answer(h.fx, &r),
                        "under_cart L1 EVT@PACK-0612 -> PARK fixed 2 "
                        "perfs=PARK-0612:40 offers=-/-/800:40\n"
                        "under_cart L1 EVT@BIG-0613 -> PARK fixed 3 "
                        "perfs=PARK-0613:40 offers=-/-/800:40");
    fx_free(h.fx);
}

/* R4 with quantities in packages (DECISIONS): an item of a package holding
 * 2 x EVT bought twice counts as 4 EVT, through nested packages too, for
 * the matched quantity and proportional targets; an upsell keeps the focus
 * item's own quantity. */
static void
test_R4_package_quantity_times_component_quantity(void **state)
{
    struct hall h;
    struct fx_request r;
    struct enc_when *w;
    int32_t park, duo, duo_pf, big, big_pf, l;

    (void)state;
    hall_init(&h);
    park = hall_parking(&h);
    duo = fx_product(h.fx, "DUO", KIND_PACKAGE);
    fx_component(h.fx, duo, h.evt, 2);
    fx_price(h.fx, duo, ENC_NONE, ENC_NONE, 8000);
    duo_pf = fx_performance(h.fx, duo, "DUO-0612", "2027-06-12T20:00:00+02:00");
    fx_pool(h.fx, duo_pf, ENC_NONE, 30);
    big = fx_product(h.fx, "BIG", KIND_PACKAGE);
    fx_component(h.fx, big, duo, 3);
    fx_component(h.fx, big, h.evt, 1);
    fx_price(h.fx, big, ENC_NONE, ENC_NONE, 9000);
    big_pf = fx_performance(h.fx, big, "BIG-0613", "2027-06-13T19:00:00+02:00");
    fx_pool(h.fx, big_pf, ENC_NONE, 5);
    l = fx_line(h.fx, h.prof, "K", LINE_CONDITIONAL, h.evt);
    fx_proportional(fx_target(h.fx, h.prof, l, park), 0);
    w = &fx_ln(h.fx, h.prof, l)->when;
    w->present = true;
    w->has_min_quantity = true;
    w->min_quantity = 4;
    l = fx_line(h.fx, h.prof, "U", LINE_UPSELL, h.evt);
    fx_target(h.fx, h.prof, l, big);
    fx_index(h.fx);
    assert_int_equal(product_count_in(h.fx->cat, big, h.evt), 7);
    assert_int_equal(product_count_in(h.fx->cat, duo, h.evt), 2);
    assert_int_equal(product_count_in(h.fx->cat, h.evt, h.evt), 1);
    assert_int_equal(product_count_in(h.fx->cat, duo, park), 0);

    fx_request(&r, h.web, STAGE_CART, NOW);
    fx_item(&r, duo, duo_pf, ENC_NONE, ENC_NONE, 2);
    fx_item(&r, big, big_pf, ENC_NONE, ENC_NONE, 1);
    assert_string_equal(fx_answer(h.fx, &r),
                        "under_cart K EVT@DUO-0612 -> PARK fixed 4 "
                        "perfs=PARK-0612:40 offers=-/-/800:40\n"
                        "under_cart K EVT@BIG-0613 -> PARK fixed 7 "
                        "perfs=PARK-0613:40 offers=-/-/800:40");

    fx_request(&r, h.web, STAGE_CART, NOW);
    fx_item(&r, duo, duo_pf, ENC_NONE, ENC_NONE, 1);
    assert_string_equal(fx_answer(h.fx, &r), "");

    fx_request(&r, h.web, STAGE_PRODUCT, NOW);
    fx_focus(&r, duo, ENC_NONE, ENC_NONE, ENC_NONE, 2);
    assert_string_equal(fx_answer(h.fx, &r),
                        "instead U EVT@- -> BIG fixed 2 perfs=BIG-0613:5 "
                        "offers=-/-/9000:5 diff=1000");
    fx_free(h.fx);
}

/* R4: items without a performance form one undated group. */
static void
test_R4_undated_items_form_one_group(void **state)
{
    struct hall h;
    struct fx_request r;
    int32_t pass, g, l;

    (void)state;
    hall_init(&h);
    pass = hall_goods(&h, "PASS", 2000);
    fx_prod(h.fx, pass)->kind = KIND_PASS_OPEN;
    g = hall_goods(&h, "G", 100);
    l = fx_line(h.fx, h.prof, "L1", LINE_CART, pass);
    fx_proportional(fx_target(h.fx, h.prof, l, g), 0);
    fx_index(h.fx);

    fx_request(&r, h.web, STAGE_CART, NOW);
    fx_item(&r, pass, ENC_NONE, ENC_NONE, h.adult, 1);
    fx_item(&r, h.evt, h.evt_0612, h.cat1, h.adult, 5);
    fx_item(&r, pass, ENC_NONE, ENC_NONE, h.child, 2);
    assert_string_equal(fx_answer(h.fx, &r),
                        "under_cart L1 PASS@- -> G fixed 3 perfs= "
                        "offers=-/-/100:inf");
    fx_free(h.fx);
}

/* ---- R5 On sale ---- */

enum sale_change {
    SALE_AS_IS,
    SALE_ARCHIVED,
    SALE_OTHER_CHANNEL,
    SALE_BOTH_CHANNELS,
    SALE_NOT_YET,
    SALE_OVER,
    SALE_OPEN,
    SALE_UNKNOWN,
};

/* R5: a target is proposed only if it exists, is not archived, is sold on
 * this channel (no list: every channel) and its sale window contains now. */
static void
test_R5_target_on_sale(void **state)
{
    static const struct {
        enum sale_change change;
        bool proposed;
    } cases[] = {
        {SALE_AS_IS, true},          {SALE_ARCHIVED, false},
        {SALE_OTHER_CHANNEL, false}, {SALE_BOTH_CHANNELS, true},
        {SALE_NOT_YET, false},       {SALE_OVER, false},
        {SALE_OPEN, true},           {SALE_UNKNOWN, false},
    };

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct hall h;
        struct fx_request r;
        struct enc_product *p;
        struct enc_target *t;
        int32_t g, l;

        hall_init(&h);
        g = hall_goods(&h, "G", 100);
        p = fx_prod(h.fx, g);
        l = fx_line(h.fx, h.prof, "L1", LINE_CART, h.evt);
        t = fx_target(h.fx, h.prof, l, g);
        switch (cases[i].change) {
        case SALE_AS_IS:
            break;
        case SALE_ARCHIVED:
            p->has_status = true;
            p->archived = true;
            break;
        case SALE_OTHER_CHANNEL:
            p->n_channels = 1;
            p->channels = fx_list(h.fx, 1, h.desk);
            break;
        case SALE_BOTH_CHANNELS:
            p->n_channels = 2;
            p->channels = fx_list(h.fx, 2, h.desk, h.web);
            break;
        case SALE_NOT_YET:
            p->has_sale = true;
            p->sale.from = fx_bound("2027-05-02T10:00:01+02:00");
            break;
        case SALE_OVER:
            p->has_sale = true;
            p->sale.to = fx_bound("2027-05-02T09:59:59+02:00");
            break;
        case SALE_OPEN:
            p->has_sale = true;
            p->sale.from = fx_bound("2027-05-02T10:00:00+02:00");
            p->sale.to = fx_bound("2027-05-02T10:00:00+02:00");
            break;
        case SALE_UNKNOWN:
            t->product = ENC_NONE;
            break;
        }
        fx_index(h.fx);
        hall_cart(&h, &r, 1);
        print_message("case %zu\n", i);
        assert_string_equal(fx_answer(h.fx, &r),
                            cases[i].proposed ? "under_cart L1 EVT@EVT-0612 "
                                                "-> G choice 1-10 perfs= "
                                                "offers=-/-/100:inf"
                                              : "");
        fx_free(h.fx);
    }
}

/* ---- R6 Dates ---- */

/* R6: only performances that start after now and whose own sale is open
 * are offered. */
static void
test_R6_only_future_open_performances(void **state)
{
    struct hall h;
    struct fx_request r;
    int32_t s, pf, l;

    (void)state;
    hall_init(&h);
    s = fx_product(h.fx, "S", KIND_SERVICE);
    fx_price(h.fx, s, ENC_NONE, ENC_NONE, 800);
    pf = fx_performance(h.fx, s, "S-PAST", "2027-05-01T10:00:00+02:00");
    fx_pool(h.fx, pf, ENC_NONE, 9);
    pf = fx_performance(h.fx, s, "S-NOW", "2027-05-02T08:00:00Z");
    fx_pool(h.fx, pf, ENC_NONE, 9);
    pf = fx_performance(h.fx, s, "S-CLOSED", "2027-06-01T10:00:00+02:00");
    fx_pool(h.fx, pf, ENC_NONE, 9);
    fx_perf(h.fx, pf)->has_sale = true;
    fx_perf(h.fx, pf)->sale.to = fx_bound("2027-05-01T00:00:00+02:00");
    pf = fx_performance(h.fx, s, "S-LATER", "2027-06-02T10:00:00+02:00");
    fx_pool(h.fx, pf, ENC_NONE, 9);
    fx_perf(h.fx, pf)->has_sale = true;
    fx_perf(h.fx, pf)->sale.from = fx_bound("2027-05-10T00:00:00+02:00");
    pf = fx_performance(h.fx, s, "S-OPEN", "2027-06-03T10:00:00+02:00");
    fx_pool(h.fx, pf, ENC_NONE, 9);
    fx_perf(h.fx, pf)->has_sale = true;
    fx_perf(h.fx, pf)->sale.from = fx_bound("2027-05-02T10:00:00+02:00");
    fx_perf(h.fx, pf)->sale.to = fx_bound("2027-06-03T09:00:00+02:00");
    pf = fx_performance(h.fx, s, "S-JUST", "2027-05-02T08:00:01Z");
    fx_pool(h.fx, pf, ENC_NONE, 9);
    l = fx_line(h.fx, h.prof, "F", LINE_FAVORITE, h.evt);
    fx_target(h.fx, h.prof, l, s);
    fx_index(h.fx);

    hall_cart(&h, &r, 1);
    assert_string_equal(fx_answer(h.fx, &r),
                        "sidebar F EVT@EVT-0612 -> S choice 1-9 "
                        "perfs=S-JUST:9,S-OPEN:9 offers=-/-/800:9");
    fx_free(h.fx);
}

/* R6: same_as_base offers only performances on the base's local date,
 * each read from the performance's own UTC offset, across midnight UTC. */
static void
test_R6_same_local_date_from_own_offset(void **state)
{
    struct hall h;
    struct fx_request r;
    int32_t s, pf, l;

    (void)state;
    hall_init(&h);
    s = fx_product(h.fx, "S", KIND_SERVICE);
    fx_price(h.fx, s, ENC_NONE, ENC_NONE, 800);
    /* 12 June 22:30 UTC, but 13 June in Paris: another day. */
    pf = fx_performance(h.fx, s, "S-13", "2027-06-13T00:30:00+02:00");
    fx_pool(h.fx, pf, ENC_NONE, 1);
    /* 11 June 23:00 UTC, 12 June in Paris: the same day. */
    pf = fx_performance(h.fx, s, "S-12-EARLY", "2027-06-12T01:00:00+02:00");
    fx_pool(h.fx, pf, ENC_NONE, 2);
    /* 13 June 03:30 UTC, 12 June in New York: the same day. */
    pf = fx_performance(h.fx, s, "S-12-LATE", "2027-06-12T22:30:00-05:00");
    fx_pool(h.fx, pf, ENC_NONE, 3);
    /* 11 June 23:59:59 in Paris: the day before. */
    pf = fx_performance(h.fx, s, "S-11", "2027-06-11T23:59:59+02:00");
    fx_pool(h.fx, pf, ENC_NONE, 4);
    l = fx_line(h.fx, h.prof, "L1", LINE_CART, h.evt);
    fx_target(h.fx, h.prof, l, s)->date = DATE_SAME_AS_BASE;
    fx_index(h.fx);

    hall_cart(&h, &r, 1);
    assert_string_equal(fx_answer(h.fx, &r),
                        "under_cart L1 EVT@EVT-0612 -> S choice 1-3 "
                        "perfs=S-12-EARLY:2,S-12-LATE:3 offers=-/-/800:3");
    fx_free(h.fx);
}

/* R6: a dated same_as_base target of a base item without a performance is
 * not proposed; left to its default, it becomes the buyer's choice. */
static void
test_R6_same_as_base_needs_dated_base(void **state)
{
    static const struct {
        enum enc_date_mode date;
        const char *expected;
    } cases[] = {
        {DATE_SAME_AS_BASE, ""},
        {DATE_DEFAULT, "under_cart L1 PASS@- -> PARK choice 1-10 "
                       "perfs=PARK-0612:40,PARK-0613:40 offers=-/-/800:40"},
        {DATE_CHOICE, "under_cart L1 PASS@- -> PARK choice 1-10 "
                      "perfs=PARK-0612:40,PARK-0613:40 offers=-/-/800:40"},
    };

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct hall h;
        struct fx_request r;
        int32_t pass, park, l;

        hall_init(&h);
        pass = hall_goods(&h, "PASS", 2000);
        park = hall_parking(&h);
        l = fx_line(h.fx, h.prof, "L1", LINE_CART, pass);
        fx_target(h.fx, h.prof, l, park)->date = cases[i].date;
        fx_index(h.fx);
        fx_request(&r, h.web, STAGE_CART, NOW);
        fx_item(&r, pass, ENC_NONE, ENC_NONE, ENC_NONE, 1);
        assert_string_equal(fx_answer(h.fx, &r), cases[i].expected);
        fx_free(h.fx);
    }
}

/* R6, SPEC 8: at most 20 performances, the earliest first, whatever the
 * order of the document. */
static void
test_R6_at_most_20_earliest_first(void **state)
{
    struct hall h;
    struct fx_request r;
    char expected[2048];
    size_t n;
    int32_t s, l;

    (void)state;
    hall_init(&h);
    s = fx_product(h.fx, "S", KIND_SERVICE);
    fx_price(h.fx, s, ENC_NONE, ENC_NONE, 800);
    for (int d = 25; d >= 1; d--) {
        char code[16], start[32];
        int32_t pf;
        snprintf(code, sizeof(code), "S-%02d", d);
        snprintf(start, sizeof(start), "2027-06-%02dT10:00:00+02:00", d);
        pf = fx_performance(h.fx, s, code, start);
        fx_pool(h.fx, pf, ENC_NONE, d);
    }
    l = fx_line(h.fx, h.prof, "F", LINE_FAVORITE, h.evt);
    fx_target(h.fx, h.prof, l, s);
    fx_index(h.fx);

    n = (size_t)snprintf(expected, sizeof(expected),
                         "sidebar F EVT@EVT-0612 -> S choice 1-10 perfs=");
    for (int d = 1; d <= 20; d++)
        n += (size_t)snprintf(expected + n, sizeof(expected) - n, "%sS-%02d:%d",
                              d > 1 ? "," : "", d, d);
    snprintf(expected + n, sizeof(expected) - n, " offers=-/-/800:20");
    hall_cart(&h, &r, 1);
    assert_string_equal(fx_answer(h.fx, &r), expected);
    fx_free(h.fx);
}

/* ---- R7 Stock ---- */

/* T, an event with rows CAT1/ADULT 50 and CAT2/ADULT 30 and no
 * performance yet. */
static int32_t
hall_two_row_event(struct hall *h)
{
    int32_t t = fx_product(h->fx, "T", KIND_EVENT);

    fx_price(h->fx, t, h->cat1, h->adult, 50);
    fx_price(h->fx, t, h->cat2, h->adult, 30);
    return t;
}

/* R7: a price row draws on the pool of its seat category when the
 * performance has one (even empty), else on the shared pool "*". */
static void
test_R7_pool_per_seat_category(void **state)
{
    struct hall h;
    struct fx_request r;
    int32_t t, pf, l;

    (void)state;
    hall_init(&h);
    t = hall_two_row_event(&h);
    pf = fx_performance(h.fx, t, "T-1", "2027-06-20T20:00:00+02:00");
    fx_pool(h.fx, pf, h.cat1, 0);
    fx_pool(h.fx, pf, ENC_NONE, 5);
    l = fx_line(h.fx, h.prof, "F", LINE_FAVORITE, h.evt);
    fx_target(h.fx, h.prof, l, t);
    fx_index(h.fx);

    hall_cart(&h, &r, 1);
    assert_string_equal(fx_answer(h.fx, &r),
                        "sidebar F EVT@EVT-0612 -> T choice 1-5 perfs=T-1:5 "
                        "offers=CAT2/ADULT/30:5");
    fx_free(h.fx);
}

/* R7: a row without a seat category draws on "*" only; a performance
 * where no allowed row has a pool is not offered. */
static void
test_R7_row_without_category_uses_shared_pool(void **state)
{
    struct hall h;
    struct fx_request r;
    int32_t t, pf, l;

    (void)state;
    hall_init(&h);
    t = fx_product(h.fx, "T", KIND_EVENT);
    fx_price(h.fx, t, ENC_NONE, h.adult, 10);
    pf = fx_performance(h.fx, t, "T-1", "2027-06-20T20:00:00+02:00");
    fx_pool(h.fx, pf, h.cat1, 50);
    pf = fx_performance(h.fx, t, "T-2", "2027-06-21T20:00:00+02:00");
    fx_pool(h.fx, pf, h.cat1, 50);
    fx_pool(h.fx, pf, ENC_NONE, 7);
    l = fx_line(h.fx, h.prof, "F", LINE_FAVORITE, h.evt);
    fx_target(h.fx, h.prof, l, t);
    fx_index(h.fx);

    hall_cart(&h, &r, 1);
    assert_string_equal(fx_answer(h.fx, &r),
                        "sidebar F EVT@EVT-0612 -> T choice 1-7 perfs=T-2:7 "
                        "offers=-/ADULT/10:7");
    fx_free(h.fx);
}

/* R7, R8: an undated product has one pool, its stock (none: unlimited). */
static void
test_R7_undated_stock(void **state)
{
    static const struct {
        bool has_stock;
        int64_t stock;
        uint32_t fixed; /* 0: the default choice */
        const char *expected;
    } cases[] = {
        {false, 0, 0,
         "under_cart L1 EVT@EVT-0612 -> G choice 1-10 perfs= "
         "offers=-/-/100:inf"},
        {true, 3, 0,
         "under_cart L1 EVT@EVT-0612 -> G choice 1-3 perfs= "
         "offers=-/-/100:3"},
        {true, 0, 0, ""},
        {true, 3, 4, ""},
        {true, 3, 3,
         "under_cart L1 EVT@EVT-0612 -> G fixed 3 perfs= offers=-/-/100:3"},
        {false, 0, 1000,
         "under_cart L1 EVT@EVT-0612 -> G fixed 1000 perfs= "
         "offers=-/-/100:inf"},
    };

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct hall h;
        struct fx_request r;
        struct enc_target *t;
        int32_t g, l;

        hall_init(&h);
        g = hall_goods(&h, "G", 100);
        fx_prod(h.fx, g)->has_stock = cases[i].has_stock;
        fx_prod(h.fx, g)->stock = cases[i].stock;
        l = fx_line(h.fx, h.prof, "L1", LINE_CART, h.evt);
        t = fx_target(h.fx, h.prof, l, g);
        if (cases[i].fixed > 0)
            fx_fixed(t, cases[i].fixed);
        fx_index(h.fx);
        hall_cart(&h, &r, 1);
        print_message("case %zu\n", i);
        assert_string_equal(fx_answer(h.fx, &r), cases[i].expected);
        fx_free(h.fx);
    }
}

/* R7: a performance is offered only where an allowed row has the proposed
 * quantity (for a choice, its minimum); a choice's maximum is capped by
 * the largest pool left among what is offered. */
static void
test_R7_quantity_left_and_choice_cap(void **state)
{
    static const struct {
        enum enc_qty_mode mode;
        uint32_t n; /* fixed value, or choice minimum */
        const char *expected;
    } cases[] = {
        {QTY_CHOICE, 1,
         "sidebar F EVT@EVT-0612 -> S choice 1-6 perfs=S-A:4,S-B:6 "
         "offers=-/-/800:6"},
        {QTY_CHOICE, 5,
         "sidebar F EVT@EVT-0612 -> S choice 5-6 perfs=S-B:6 "
         "offers=-/-/800:6"},
        {QTY_FIXED, 5,
         "sidebar F EVT@EVT-0612 -> S fixed 5 perfs=S-B:6 offers=-/-/800:6"},
        {QTY_FIXED, 4,
         "sidebar F EVT@EVT-0612 -> S fixed 4 perfs=S-A:4,S-B:6 "
         "offers=-/-/800:6"},
        {QTY_FIXED, 7, ""},
        {QTY_CHOICE, 7, ""},
    };

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct hall h;
        struct fx_request r;
        struct enc_target *t;
        int32_t s, pf, l;

        hall_init(&h);
        s = fx_product(h.fx, "S", KIND_SERVICE);
        fx_price(h.fx, s, ENC_NONE, ENC_NONE, 800);
        pf = fx_performance(h.fx, s, "S-A", "2027-06-20T10:00:00+02:00");
        fx_pool(h.fx, pf, ENC_NONE, 4);
        pf = fx_performance(h.fx, s, "S-B", "2027-06-21T10:00:00+02:00");
        fx_pool(h.fx, pf, ENC_NONE, 6);
        l = fx_line(h.fx, h.prof, "F", LINE_FAVORITE, h.evt);
        t = fx_target(h.fx, h.prof, l, s);
        if (cases[i].mode == QTY_FIXED)
            fx_fixed(t, cases[i].n);
        else
            fx_choice(t, cases[i].n, 10);
        fx_index(h.fx);
        hall_cart(&h, &r, 1);
        print_message("case %zu\n", i);
        assert_string_equal(fx_answer(h.fx, &r), cases[i].expected);
        fx_free(h.fx);
    }
}

/* ---- R8 Quantity ---- */

struct quantity_case {
    uint32_t cart;          /* base quantity */
    uint32_t max_per_order; /* of the target, 0: none */
    enum enc_qty_mode mode;
    uint32_t a, b;   /* per | value | min, max (0: not written) */
    const char *qty; /* expected "fixed N" / "choice A-B", NULL: none */
};

/* R8: proportional ceil(base / per), fixed value, choice min (default 1)
 * to max (default max_per_order, else 10; lowered to max_per_order); a
 * fixed or proportional quantity above max_per_order is not proposed. */
static void
test_R8_quantity(void **state)
{
    static const struct quantity_case cases[] = {
        {3, 0, QTY_PROPORTIONAL, 0, 0, "fixed 3"},
        {5, 0, QTY_PROPORTIONAL, 2, 0, "fixed 3"},
        {4, 0, QTY_PROPORTIONAL, 2, 0, "fixed 2"},
        {1, 0, QTY_PROPORTIONAL, 4, 0, "fixed 1"},
        {9, 0, QTY_FIXED, 4, 0, "fixed 4"},
        {9, 0, QTY_DEFAULT, 0, 0, "choice 1-10"},
        {9, 0, QTY_CHOICE, 0, 0, "choice 1-10"},
        {1, 0, QTY_CHOICE, 2, 0, "choice 2-10"},
        {1, 0, QTY_CHOICE, 0, 20, "choice 1-20"},
        {1, 6, QTY_DEFAULT, 0, 0, "choice 1-6"},
        {1, 6, QTY_CHOICE, 0, 9, "choice 1-6"},
        {1, 6, QTY_CHOICE, 2, 4, "choice 2-4"},
        {1, 6, QTY_CHOICE, 7, 9, NULL},
        {1, 6, QTY_FIXED, 7, 0, NULL},
        {1, 6, QTY_FIXED, 6, 0, "fixed 6"},
        {7, 6, QTY_PROPORTIONAL, 0, 0, NULL},
        {12, 6, QTY_PROPORTIONAL, 2, 0, "fixed 6"},
        {1, 0, QTY_CHOICE, 0, 5000, "choice 1-1000"},
    };

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const struct quantity_case *c = &cases[i];
        struct hall h;
        struct fx_request r;
        struct enc_target *t;
        char expected[256];
        int32_t g, l;

        hall_init(&h);
        g = hall_goods(&h, "G", 100);
        fx_prod(h.fx, g)->max_per_order = c->max_per_order;
        l = fx_line(h.fx, h.prof, "L1", LINE_CART, h.evt);
        t = fx_target(h.fx, h.prof, l, g);
        if (c->mode == QTY_PROPORTIONAL)
            fx_proportional(t, c->a);
        else if (c->mode == QTY_FIXED)
            fx_fixed(t, c->a);
        else if (c->mode == QTY_CHOICE)
            fx_choice(t, c->a, c->b);
        fx_index(h.fx);
        hall_cart(&h, &r, c->cart);
        expected[0] = '\0';
        if (c->qty != NULL)
            snprintf(expected, sizeof(expected),
                     "under_cart L1 EVT@EVT-0612 -> G %s perfs= "
                     "offers=-/-/100:inf",
                     c->qty);
        print_message("case %zu\n", i);
        assert_string_equal(fx_answer(h.fx, &r), expected);
        fx_free(h.fx);
    }
}

/* ---- R9 Offers ---- */

/* T with four rows (CAT1/ADULT, CAT1/CHILD, CAT2/ADULT, one for anyone)
 * and one performance: CAT1 8 left, CAT2 3, "*" 2. */
static int32_t
hall_four_row_event(struct hall *h)
{
    int32_t t = fx_product(h->fx, "T", KIND_EVENT);
    int32_t pf;

    fx_price(h->fx, t, h->cat1, h->adult, 50);
    fx_price(h->fx, t, h->cat1, h->child, 25);
    fx_price(h->fx, t, h->cat2, h->adult, 30);
    fx_price(h->fx, t, ENC_NONE, ENC_NONE, 10);
    pf = fx_performance(h->fx, t, "T-1", "2027-06-20T20:00:00+02:00");
    fx_pool(h->fx, pf, h->cat1, 8);
    fx_pool(h->fx, pf, h->cat2, 3);
    fx_pool(h->fx, pf, ENC_NONE, 2);
    return t;
}

/* R9: the offers are the rows the target's seat categories and audiences
 * allow (a row without one passes that filter); R7 available per row. */
static void
test_R9_offers_follow_filters(void **state)
{
    static const struct {
        bool cat2_only, child_only;
        uint32_t fixed; /* 0: the default choice */
        const char *expected;
    } cases[] = {
        {false, false, 0,
         "sidebar F EVT@EVT-0612 -> T choice 1-8 perfs=T-1:8 "
         "offers=CAT1/ADULT/50:8,CAT1/CHILD/25:8,CAT2/ADULT/30:3,-/-/10:2"},
        {true, false, 0,
         "sidebar F EVT@EVT-0612 -> T choice 1-3 perfs=T-1:3 "
         "offers=CAT2/ADULT/30:3,-/-/10:2"},
        {false, true, 0,
         "sidebar F EVT@EVT-0612 -> T choice 1-8 perfs=T-1:8 "
         "offers=CAT1/CHILD/25:8,-/-/10:2"},
        {true, true, 0,
         "sidebar F EVT@EVT-0612 -> T choice 1-2 perfs=T-1:2 "
         "offers=-/-/10:2"},
        {false, false, 3,
         "sidebar F EVT@EVT-0612 -> T fixed 3 perfs=T-1:8 "
         "offers=CAT1/ADULT/50:8,CAT1/CHILD/25:8,CAT2/ADULT/30:3"},
        {true, true, 3, ""},
    };

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct hall h;
        struct fx_request r;
        struct enc_target *t;
        int32_t p, l;

        hall_init(&h);
        p = hall_four_row_event(&h);
        l = fx_line(h.fx, h.prof, "F", LINE_FAVORITE, h.evt);
        t = fx_target(h.fx, h.prof, l, p);
        if (cases[i].cat2_only) {
            t->n_seat_categories = 1;
            t->seat_categories = fx_list(h.fx, 1, h.cat2);
        }
        if (cases[i].child_only) {
            t->n_audiences = 1;
            t->audiences = fx_list(h.fx, 1, h.child);
        }
        if (cases[i].fixed > 0)
            fx_fixed(t, cases[i].fixed);
        fx_index(h.fx);
        hall_cart(&h, &r, 1);
        print_message("case %zu\n", i);
        assert_string_equal(fx_answer(h.fx, &r), cases[i].expected);
        fx_free(h.fx);
    }
}

/* R9: an offer's available is its largest pool among the offered
 * performances; a row with nothing at any of them is no offer, and a
 * target without offers is not proposed. */
static void
test_R9_offer_available_across_performances(void **state)
{
    struct hall h;
    struct fx_request r;
    int32_t t, pf, l;

    (void)state;
    hall_init(&h);
    t = hall_two_row_event(&h);
    fx_price(h.fx, t, ENC_NONE, h.child, 5);
    pf = fx_performance(h.fx, t, "T-1", "2027-06-20T20:00:00+02:00");
    fx_pool(h.fx, pf, h.cat1, 8);
    fx_pool(h.fx, pf, h.cat2, 1);
    pf = fx_performance(h.fx, t, "T-2", "2027-06-21T20:00:00+02:00");
    fx_pool(h.fx, pf, h.cat1, 2);
    fx_pool(h.fx, pf, h.cat2, 6);
    l = fx_line(h.fx, h.prof, "F", LINE_FAVORITE, h.evt);
    fx_fixed(fx_target(h.fx, h.prof, l, t), 2);
    fx_index(h.fx);

    hall_cart(&h, &r, 1);
    assert_string_equal(fx_answer(h.fx, &r),
                        "sidebar F EVT@EVT-0612 -> T fixed 2 perfs=T-1:8,T-2:6 "
                        "offers=CAT1/ADULT/50:8,CAT2/ADULT/30:6");
    fx_free(h.fx);
}

/* ---- R10 Already there ---- */

/* R10: a target already in the cart, as an item of its own or inside a
 * package (transitively), is not proposed again. */
static void
test_R10_target_already_in_cart(void **state)
{
    static const char *const cart_holds[] = {"nothing", "G", "BOX", "CRATE"};

    (void)state;
    for (size_t i = 0; i < 4; i++) {
        struct hall h;
        struct fx_request r;
        int32_t g, box, crate, l;
        int32_t held[4];

        hall_init(&h);
        g = hall_goods(&h, "G", 100);
        box = hall_goods(&h, "BOX", 300);
        fx_prod(h.fx, box)->kind = KIND_PACKAGE;
        fx_component(h.fx, box, g, 2);
        crate = hall_goods(&h, "CRATE", 900);
        fx_prod(h.fx, crate)->kind = KIND_PACKAGE;
        fx_component(h.fx, crate, box, 3);
        l = fx_line(h.fx, h.prof, "L1", LINE_CART, h.evt);
        fx_target(h.fx, h.prof, l, g);
        fx_index(h.fx);
        held[1] = g;
        held[2] = box;
        held[3] = crate;
        hall_cart(&h, &r, 1);
        if (i > 0)
            fx_item(&r, held[i], ENC_NONE, ENC_NONE, ENC_NONE, 1);
        print_message("cart holds %s\n", cart_holds[i]);
        assert_string_equal(fx_answer(h.fx, &r),
                            i == 0 ? "under_cart L1 EVT@EVT-0612 -> G choice "
                                     "1-10 perfs= offers=-/-/100:inf"
                                   : "");
        fx_free(h.fx);
    }
}

/* R10: for a same_as_base target, only the same product on that date
 * counts as already there. */
static void
test_R10_same_as_base_counts_that_date_only(void **state)
{
    struct hall h;
    struct fx_request r;
    int32_t e13, park, l;

    (void)state;
    hall_init(&h);
    e13 = hall_evt_0613(&h);
    park = hall_parking(&h);
    l = fx_line(h.fx, h.prof, "L1", LINE_CART, h.evt);
    fx_target(h.fx, h.prof, l, park);
    fx_index(h.fx);

    fx_request(&r, h.web, STAGE_CART, NOW);
    fx_item(&r, h.evt, h.evt_0612, h.cat1, h.adult, 1);
    fx_item(&r, h.evt, e13, h.cat1, h.adult, 1);
    fx_item(&r, park, fx_prod(h.fx, park)->perf_first, ENC_NONE, ENC_NONE, 1);
    assert_string_equal(fx_answer(h.fx, &r),
                        "under_cart L1 EVT@EVT-0613 -> PARK choice 1-10 "
                        "perfs=PARK-0613:40 offers=-/-/800:40");
    fx_free(h.fx);
}

/* R10: the base product is never its own target, even on another date. */
static void
test_R10_base_never_its_own_target(void **state)
{
    struct hall h;
    struct fx_request r;
    int32_t l;

    (void)state;
    hall_init(&h);
    hall_evt_0613(&h);
    l = fx_line(h.fx, h.prof, "F", LINE_FAVORITE, h.evt);
    fx_target(h.fx, h.prof, l, h.evt);
    fx_index(h.fx);

    hall_cart(&h, &r, 1);
    assert_string_equal(fx_answer(h.fx, &r), "");
    fx_free(h.fx);
}

/* ---- R11 Once ---- */

/* R11: a product proposed by several lines shows once per placement, at
 * its first place; another placement shows it again. */
static void
test_R11_once_per_placement(void **state)
{
    struct hall h;
    struct fx_request r;
    int32_t g, l;

    (void)state;
    hall_init(&h);
    g = hall_goods(&h, "G", 100);
    l = fx_line(h.fx, h.prof, "F", LINE_FAVORITE, h.evt);
    fx_target(h.fx, h.prof, l, g);
    l = fx_line(h.fx, h.prof, "L1", LINE_CART, h.evt);
    fx_fixed(fx_target(h.fx, h.prof, l, g), 2);
    l = fx_line(h.fx, h.prof, "L2", LINE_CONDITIONAL, h.evt);
    fx_target(h.fx, h.prof, l, g);
    fx_index(h.fx);

    hall_cart(&h, &r, 1);
    assert_string_equal(fx_answer(h.fx, &r),
                        "under_cart L1 EVT@EVT-0612 -> G fixed 2 perfs= "
                        "offers=-/-/100:inf\n"
                        "sidebar F EVT@EVT-0612 -> G choice 1-10 perfs= "
                        "offers=-/-/100:inf");
    fx_free(h.fx);
}

/* R11: a same_as_base proposal is the same when its base group has the
 * same local date, another one otherwise; "any date" proposals of two
 * groups are the same. */
static void
test_R11_same_as_base_by_date(void **state)
{
    struct hall h;
    struct fx_request r;
    int32_t e12b, e13, park, g, l;

    (void)state;
    hall_init(&h);
    e12b = fx_performance(h.fx, h.evt, "EVT-0612-MAT",
                          "2027-06-12T14:00:00+02:00");
    fx_pool(h.fx, e12b, h.cat1, 10);
    e13 = hall_evt_0613(&h);
    park = hall_parking(&h);
    g = hall_goods(&h, "G", 100);
    l = fx_line(h.fx, h.prof, "L1", LINE_CART, h.evt);
    fx_target(h.fx, h.prof, l, park);
    fx_target(h.fx, h.prof, l, g);
    fx_index(h.fx);

    fx_request(&r, h.web, STAGE_CART, NOW);
    fx_item(&r, h.evt, h.evt_0612, h.cat1, h.adult, 1);
    fx_item(&r, h.evt, e12b, h.cat1, h.adult, 1);
    fx_item(&r, h.evt, e13, h.cat1, h.adult, 1);
    assert_string_equal(fx_answer(h.fx, &r),
                        "under_cart L1 EVT@EVT-0612 -> PARK choice 1-10 "
                        "perfs=PARK-0612:40 offers=-/-/800:40\n"
                        "under_cart L1 EVT@EVT-0612 -> G choice 1-10 perfs= "
                        "offers=-/-/100:inf\n"
                        "under_cart L1 EVT@EVT-0613 -> PARK choice 1-10 "
                        "perfs=PARK-0613:40 offers=-/-/800:40");
    fx_free(h.fx);
}

/* ---- R12 Upsell ---- */

/* UP, a package holding EVT with rows CAT1/ADULT 6500, CAT1/- 6000 and
 * -/- 5000, and a performance on 12 June (CAT1 30, "*" 10) and one on 14
 * June (CAT1 4). */
static int32_t
hall_upsell_pack(struct hall *h)
{
    int32_t up = fx_product(h->fx, "UP", KIND_PACKAGE);
    int32_t pf;

    fx_component(h->fx, up, h->evt, 1);
    fx_price(h->fx, up, h->cat1, h->adult, 6500);
    fx_price(h->fx, up, h->cat1, ENC_NONE, 6000);
    fx_price(h->fx, up, ENC_NONE, ENC_NONE, 5000);
    pf = fx_performance(h->fx, up, "UP-0612", "2027-06-12T20:00:00+02:00");
    fx_pool(h->fx, pf, h->cat1, 30);
    fx_pool(h->fx, pf, ENC_NONE, 10);
    pf = fx_performance(h->fx, up, "UP-0614", "2027-06-14T20:00:00+02:00");
    fx_pool(h->fx, pf, h->cat1, 4);
    return up;
}

/* R12: the upsell's one offer is the package row for the focus's seat
 * category and audience (exact first, then rows without them as
 * wildcards); price_difference is that row less the focus's own row,
 * when both are known. */
static void
test_R12_upsell_offer_row(void **state)
{
    static const struct {
        bool sc2; /* focus CAT2, else CAT1; */
        int aud;  /* 0 adult, 1 child, 2 none */
        bool no_sc;
        const char *expected;
    } cases[] = {
        {false, 0, false,
         "instead U EVT@EVT-0612 -> UP fixed 2 perfs=UP-0612:30 "
         "offers=CAT1/ADULT/6500:30 diff=2000"},
        {false, 1, false,
         "instead U EVT@EVT-0612 -> UP fixed 2 perfs=UP-0612:30 "
         "offers=CAT1/-/6000:30"},
        {true, 0, false,
         "instead U EVT@EVT-0612 -> UP fixed 2 perfs=UP-0612:10 "
         "offers=-/-/5000:10 diff=2000"},
        {false, 2, true,
         "instead U EVT@EVT-0612 -> UP fixed 2 perfs=UP-0612:30 "
         "offers=CAT1/ADULT/6500:30 diff=2000"},
    };

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct hall h;
        struct fx_request r;
        int32_t up, l, sc, aud;

        hall_init(&h);
        up = hall_upsell_pack(&h);
        l = fx_line(h.fx, h.prof, "U", LINE_UPSELL, h.evt);
        fx_target(h.fx, h.prof, l, up);
        fx_index(h.fx);
        sc = cases[i].no_sc ? ENC_NONE : cases[i].sc2 ? h.cat2 : h.cat1;
        aud = cases[i].aud == 0   ? h.adult
              : cases[i].aud == 1 ? h.child
                                  : ENC_NONE;
        fx_request(&r, h.web, STAGE_PRODUCT, NOW);
        fx_focus(&r, h.evt, h.evt_0612, sc, aud, 2);
        print_message("case %zu\n", i);
        assert_string_equal(fx_answer(h.fx, &r), cases[i].expected);
        fx_free(h.fx);
    }
}

/* R12: an upsell target that is not a package containing the base, or
 * without a row for the focus, is not proposed. */
static void
test_R12_upsell_needs_package_and_row(void **state)
{
    struct hall h;
    struct fx_request r;
    int32_t g, other, pf, narrow, l;

    (void)state;
    hall_init(&h);
    g = hall_goods(&h, "G", 100);
    other = fx_product(h.fx, "OTHER", KIND_PACKAGE);
    fx_component(h.fx, other, g, 1);
    fx_price(h.fx, other, ENC_NONE, ENC_NONE, 100);
    fx_prod(h.fx, other)->has_stock = true;
    fx_prod(h.fx, other)->stock = 5;
    narrow = fx_product(h.fx, "NARROW", KIND_PACKAGE);
    fx_component(h.fx, narrow, h.evt, 1);
    fx_price(h.fx, narrow, h.cat2, h.adult, 4000);
    pf = fx_performance(h.fx, narrow, "N-1", "2027-06-12T20:00:00+02:00");
    fx_pool(h.fx, pf, ENC_NONE, 10);
    l = fx_line(h.fx, h.prof, "U", LINE_UPSELL, h.evt);
    fx_target(h.fx, h.prof, l, g);
    fx_target(h.fx, h.prof, l, other);
    fx_target(h.fx, h.prof, l, narrow);
    fx_index(h.fx);

    fx_request(&r, h.web, STAGE_PRODUCT, NOW);
    fx_focus(&r, h.evt, h.evt_0612, h.cat1, h.adult, 1);
    assert_string_equal(fx_answer(h.fx, &r), "");
    /* The same package is proposed for a focus its row fits. */
    fx_focus(&r, h.evt, h.evt_0612, h.cat2, h.adult, 1);
    assert_string_equal(fx_answer(h.fx, &r),
                        "instead U EVT@EVT-0612 -> NARROW fixed 1 "
                        "perfs=N-1:10 offers=CAT2/ADULT/4000:10 diff=1000");
    fx_free(h.fx);
}

/* R12: a focus without a performance leaves the package's date to the
 * buyer; the package's own pools count, not its components'. */
static void
test_R12_focus_without_performance(void **state)
{
    struct hall h;
    struct fx_request r;
    int32_t up, l;

    (void)state;
    hall_init(&h);
    up = hall_upsell_pack(&h);
    l = fx_line(h.fx, h.prof, "U", LINE_UPSELL, h.evt);
    fx_target(h.fx, h.prof, l, up);
    fx_index(h.fx);

    fx_request(&r, h.web, STAGE_PRODUCT, NOW);
    fx_focus(&r, h.evt, ENC_NONE, h.cat1, h.adult, 3);
    assert_string_equal(
        fx_answer(h.fx, &r),
        "instead U EVT@- -> UP fixed 3 perfs=UP-0612:30,UP-0614:4 "
        "offers=CAT1/ADULT/6500:30 diff=2000");
    /* 5 seats: UP-0614 holds 4 of its own, however many EVT has left. */
    fx_focus(&r, h.evt, ENC_NONE, h.cat1, h.adult, 5);
    assert_string_equal(fx_answer(h.fx, &r),
                        "instead U EVT@- -> UP fixed 5 perfs=UP-0612:30 "
                        "offers=CAT1/ADULT/6500:30 diff=2000");
    fx_free(h.fx);
}

/* ---- R13 Language ---- */

/* R13: the asked language, else the institution's first (fr), else any;
 * an empty string counts as missing. Items are listed in the order given,
 * so "the first language" cannot be mistaken for "the first item". */
static void
test_R13_text_language(void **state)
{
    static const struct {
        const char *items[6]; /* lang, value pairs; NULL ends */
        const char *lang;
        const char *expected; /* NULL: none */
    } cases[] = {
        {{"fr", "Bonjour", "en", "Hello"}, "en", "Hello"},
        {{"fr", "Bonjour", "en", "Hello"}, NULL, "Bonjour"},
        {{"en", "Hello", "fr", "Bonjour"}, NULL, "Bonjour"},
        {{"en", "Hello", "fr", "Bonjour"}, "it", "Bonjour"},
        {{"de", "Hallo", "en", "", "fr", "Bonjour"}, "en", "Bonjour"},
        {{"en", "Hello", "de", "Hallo"}, "it", "Hello"},
        {{"fr", "", "de", "Hallo"}, NULL, "Hallo"},
        {{"fr", "", "en", ""}, "en", NULL},
        {{NULL}, "en", NULL},
    };

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct fx *fx = fx_new();
        struct enc_text text = {0};
        struct enc_text_item items[3];
        const char *got;

        while (text.n < 3 && cases[i].items[2 * text.n] != NULL) {
            items[text.n].lang = cases[i].items[2 * text.n];
            items[text.n].value = cases[i].items[2 * text.n + 1];
            text.n++;
        }
        text.items = items;
        got = catalogue_text(fx->cat, &text, cases[i].lang);
        print_message("case %zu\n", i);
        if (cases[i].expected == NULL)
            assert_null(got);
        else
            assert_string_equal(got, cases[i].expected);
        fx_free(fx);
    }
}

/* R13: a proposal's name and text come in the asked language; the name
 * falls back to the product's code, the text is absent when the line has
 * none. */
static void
test_R13_proposal_name_and_text(void **state)
{
    struct hall h;
    struct fx_request r;
    const struct enc_answer *a;
    int32_t g1, g2, l;

    (void)state;
    hall_init(&h);
    g1 = hall_goods(&h, "G1", 100);
    fx_text(h.fx, &fx_prod(h.fx, g1)->name, 2, "fr", "Bouteille", "en",
            "Bottle");
    g2 = hall_goods(&h, "G2", 100);
    fx_text(h.fx, &fx_prod(h.fx, g2)->name, 1, "fr", "");
    l = fx_line(h.fx, h.prof, "L1", LINE_CART, h.evt);
    fx_target(h.fx, h.prof, l, g1);
    fx_text(h.fx, &fx_ln(h.fx, h.prof, l)->text, 1, "en", "Thirsty?");
    l = fx_line(h.fx, h.prof, "L2", LINE_CART, h.evt);
    fx_target(h.fx, h.prof, l, g2);
    fx_index(h.fx);

    hall_cart(&h, &r, 1);
    r.req.lang = "en";
    a = fx_propose(h.fx, &r);
    assert_int_equal(a->n_proposals, 2);
    assert_string_equal(a->proposals[0].name, "Bottle");
    assert_string_equal(a->proposals[0].text, "Thirsty?");
    assert_string_equal(a->proposals[1].name, "G2");
    assert_null(a->proposals[1].text);
    r.req.lang = NULL;
    a = fx_propose(h.fx, &r);
    assert_string_equal(a->proposals[0].name, "Bouteille");
    assert_string_equal(a->proposals[0].text, "Thirsty?");
    fx_free(h.fx);
}

/* ---- R14 Order and limits ---- */

/* R14: grouped by placement (instead, under_cart, sidebar, confirmation),
 * then line order, then base groups in cart order, then targets. */
static void
test_R14_order(void **state)
{
    struct hall h;
    struct fx_request r;
    int32_t e13, park, g1, g2, l;

    (void)state;
    hall_init(&h);
    e13 = hall_evt_0613(&h);
    park = hall_parking(&h);
    g1 = hall_goods(&h, "G1", 100);
    g2 = hall_goods(&h, "G2", 200);
    l = fx_line(h.fx, h.prof, "F", LINE_FAVORITE, h.evt);
    fx_target(h.fx, h.prof, l, g2);
    fx_target(h.fx, h.prof, l, g1);
    l = fx_line(h.fx, h.prof, "C", LINE_CART, h.evt);
    fx_target(h.fx, h.prof, l, park);
    fx_target(h.fx, h.prof, l, g2);
    l = fx_line(h.fx, h.prof, "K", LINE_CONDITIONAL, h.evt);
    fx_target(h.fx, h.prof, l, g1);
    fx_index(h.fx);

    fx_request(&r, h.web, STAGE_CART, NOW);
    fx_item(&r, h.evt, e13, h.cat1, h.adult, 1);
    fx_item(&r, h.evt, h.evt_0612, h.cat1, h.adult, 1);
    assert_string_equal(fx_answer(h.fx, &r),
                        "under_cart C EVT@EVT-0613 -> PARK choice 1-10 "
                        "perfs=PARK-0613:40 offers=-/-/800:40\n"
                        "under_cart C EVT@EVT-0613 -> G2 choice 1-10 perfs= "
                        "offers=-/-/200:inf\n"
                        "under_cart C EVT@EVT-0612 -> PARK choice 1-10 "
                        "perfs=PARK-0612:40 offers=-/-/800:40\n"
                        "under_cart K EVT@EVT-0613 -> G1 choice 1-10 perfs= "
                        "offers=-/-/100:inf\n"
                        "sidebar F EVT@EVT-0613 -> G2 choice 1-10 perfs= "
                        "offers=-/-/200:inf\n"
                        "sidebar F EVT@EVT-0613 -> G1 choice 1-10 perfs= "
                        "offers=-/-/100:inf");
    fx_free(h.fx);
}

/* A profile with 8 distinct goods targets on one line of each of the
 * cart, favorite and post_purchase types, and 3 upsell packages. */
static void
hall_many_targets(struct hall *h)
{
    static const enum enc_line_type types[] = {LINE_CART, LINE_FAVORITE,
                                               LINE_POST_PURCHASE};
    int32_t l;

    for (int k = 0; k < 3; k++) {
        char id[8];
        snprintf(id, sizeof(id), "L%d", k);
        l = fx_line(h->fx, h->prof, id, types[k], h->evt);
        for (int i = 0; i < 8; i++) {
            char code[16];
            snprintf(code, sizeof(code), "G%d%d", k, i);
            fx_target(h->fx, h->prof, l, hall_goods(h, code, 100));
        }
    }
    l = fx_line(h->fx, h->prof, "U", LINE_UPSELL, h->evt);
    for (int i = 0; i < 3; i++) {
        char code[16];
        int32_t p;
        snprintf(code, sizeof(code), "P%d", i);
        p = hall_goods(h, code, 100);
        fx_prod(h->fx, p)->kind = KIND_PACKAGE;
        fx_component(h->fx, p, h->evt, 1);
        fx_target(h->fx, h->prof, l, p);
    }
}

/* How many proposals of each placement the answer holds. */
static void
count_placements(const struct enc_answer *a, uint32_t counts[])
{
    for (int i = 0; i < PLACEMENT_COUNT; i++)
        counts[i] = 0;
    for (uint32_t i = 0; i < a->n_proposals; i++)
        counts[a->proposals[i].placement]++;
}

/* R14: by default a placement shows 1, 5, 4 and 6 proposals, the first in
 * order; a profile's limits replace those it names. */
static void
test_R14_limits(void **state)
{
    static const struct {
        bool set;
        uint32_t limits[PLACEMENT_COUNT];
    } cases[] = {
        {false, {1, 5, 4, 6}},
        {true, {2, 0, 8, 3}},
    };

    (void)state;
    for (size_t i = 0; i < 2; i++) {
        struct hall h;
        struct fx_request r;
        const struct enc_answer *a;
        uint32_t counts[PLACEMENT_COUNT];

        hall_init(&h);
        hall_many_targets(&h);
        for (int pl = 0; pl < PLACEMENT_COUNT && cases[i].set; pl++)
            fx_limit(h.fx, h.prof, (enum enc_placement)pl, cases[i].limits[pl]);
        fx_index(h.fx);

        fx_request(&r, h.web, STAGE_PRODUCT, NOW);
        fx_focus(&r, h.evt, h.evt_0612, h.cat1, h.adult, 1);
        count_placements(fx_propose(h.fx, &r), counts);
        assert_int_equal(counts[PLACEMENT_INSTEAD], cases[i].limits[0]);
        hall_cart(&h, &r, 1);
        a = fx_propose(h.fx, &r);
        count_placements(a, counts);
        assert_int_equal(counts[PLACEMENT_UNDER_CART], cases[i].limits[1]);
        assert_int_equal(counts[PLACEMENT_SIDEBAR], cases[i].limits[2]);
        if (cases[i].limits[1] > 0)
            assert_string_equal(
                h.fx->cat->products[a->proposals[0].product].code, "G00");
        r.req.stage = STAGE_CONFIRMATION;
        a = fx_propose(h.fx, &r);
        count_placements(a, counts);
        assert_int_equal(counts[PLACEMENT_CONFIRMATION], cases[i].limits[3]);
        assert_string_equal(
            h.fx->cat->products[a->proposals[a->n_proposals - 1].product].code,
            cases[i].set ? "G22" : "G25");
        fx_free(h.fx);
    }
}

/* ---- SPEC 3 defaults ---- */

/* SPEC 3: where a target says nothing, an upsell takes the focus's
 * quantity (fixed) and date; a dated target of a cart or conditional line
 * takes same_as_base when the base item has a performance (else the
 * buyer's choice), with the buyer's choice of quantity; favorite and
 * post_purchase leave date and quantity to the buyer. */
static void
test_SPEC3_defaults(void **state)
{
    static const struct {
        enum enc_line_type type;
        bool dated_base;
        const char *expected;
    } cases[] = {
        {LINE_UPSELL, true,
         "instead L EVT@EVT-0612 -> UP fixed 3 perfs=UP-0612:30 "
         "offers=CAT1/ADULT/6500:30 diff=2000"},
        {LINE_UPSELL, false,
         "instead L EVT@- -> UP fixed 3 perfs=UP-0612:30,UP-0614:4 "
         "offers=CAT1/ADULT/6500:30 diff=2000"},
        {LINE_CART, true,
         "under_cart L EVT@EVT-0612 -> UP choice 1-10 perfs=UP-0612:30 "
         "offers=CAT1/ADULT/6500:30,CAT1/-/6000:30,-/-/5000:10"},
        {LINE_CART, false,
         "under_cart L EVT@- -> UP choice 1-10 perfs=UP-0612:30,UP-0614:4 "
         "offers=CAT1/ADULT/6500:30,CAT1/-/6000:30,-/-/5000:10"},
        {LINE_CONDITIONAL, true,
         "under_cart L EVT@EVT-0612 -> UP choice 1-10 perfs=UP-0612:30 "
         "offers=CAT1/ADULT/6500:30,CAT1/-/6000:30,-/-/5000:10"},
        {LINE_FAVORITE, true,
         "sidebar L EVT@EVT-0612 -> UP choice 1-10 "
         "perfs=UP-0612:30,UP-0614:4 "
         "offers=CAT1/ADULT/6500:30,CAT1/-/6000:30,-/-/5000:10"},
        {LINE_POST_PURCHASE, true,
         "confirmation L EVT@EVT-0612 -> UP choice 1-10 "
         "perfs=UP-0612:30,UP-0614:4 "
         "offers=CAT1/ADULT/6500:30,CAT1/-/6000:30,-/-/5000:10"},
    };

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct hall h;
        struct fx_request r;
        enum enc_stage stage = STAGE_CART;
        int32_t up, l, perf;

        hall_init(&h);
        up = hall_upsell_pack(&h);
        l = fx_line(h.fx, h.prof, "L", cases[i].type, h.evt);
        fx_target(h.fx, h.prof, l, up);
        fx_index(h.fx);
        if (cases[i].type == LINE_UPSELL)
            stage = STAGE_PRODUCT;
        else if (cases[i].type == LINE_POST_PURCHASE)
            stage = STAGE_CONFIRMATION;
        perf = cases[i].dated_base ? h.evt_0612 : ENC_NONE;
        fx_request(&r, h.web, stage, NOW);
        if (stage == STAGE_PRODUCT)
            fx_focus(&r, h.evt, perf, h.cat1, h.adult, 3);
        else
            fx_item(&r, h.evt, perf, h.cat1, h.adult, 3);
        print_message("case %zu\n", i);
        assert_string_equal(fx_answer(h.fx, &r), cases[i].expected);
        fx_free(h.fx);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spec_example_cart),
        cmocka_unit_test(test_spec_example_product),
        cmocka_unit_test(test_R1_channel_not_internet),
        cmocka_unit_test(test_R1_no_active_profile),
        cmocka_unit_test(test_R2_validity_window),
        cmocka_unit_test(test_R3_stage_selects_line_types),
        cmocka_unit_test(test_R3_product_stage_uses_focus_only),
        cmocka_unit_test(test_R4_groups_per_performance_in_cart_order),
        cmocka_unit_test(test_R4_conditional_matched_quantity),
        cmocka_unit_test(test_R4_package_item_counts_as_base),
        cmocka_unit_test(test_R4_package_quantity_times_component_quantity),
        cmocka_unit_test(test_R4_undated_items_form_one_group),
        cmocka_unit_test(test_R5_target_on_sale),
        cmocka_unit_test(test_R6_only_future_open_performances),
        cmocka_unit_test(test_R6_same_local_date_from_own_offset),
        cmocka_unit_test(test_R6_same_as_base_needs_dated_base),
        cmocka_unit_test(test_R6_at_most_20_earliest_first),
        cmocka_unit_test(test_R7_pool_per_seat_category),
        cmocka_unit_test(test_R7_row_without_category_uses_shared_pool),
        cmocka_unit_test(test_R7_undated_stock),
        cmocka_unit_test(test_R7_quantity_left_and_choice_cap),
        cmocka_unit_test(test_R8_quantity),
        cmocka_unit_test(test_R9_offers_follow_filters),
        cmocka_unit_test(test_R9_offer_available_across_performances),
        cmocka_unit_test(test_R10_target_already_in_cart),
        cmocka_unit_test(test_R10_same_as_base_counts_that_date_only),
        cmocka_unit_test(test_R10_base_never_its_own_target),
        cmocka_unit_test(test_R11_once_per_placement),
        cmocka_unit_test(test_R11_same_as_base_by_date),
        cmocka_unit_test(test_R12_upsell_offer_row),
        cmocka_unit_test(test_R12_upsell_needs_package_and_row),
        cmocka_unit_test(test_R12_focus_without_performance),
        cmocka_unit_test(test_R13_text_language),
        cmocka_unit_test(test_R13_proposal_name_and_text),
        cmocka_unit_test(test_R14_order),
        cmocka_unit_test(test_R14_limits),
        cmocka_unit_test(test_SPEC3_defaults),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
