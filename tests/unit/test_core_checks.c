/*
 * test_core_checks.c - the checks of a profile, SPEC 6: one test per error
 * and per warning, each comparing every finding as "PROFILE/LINE:
 * severity: message".
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "fixture.h"

#define NOW "2027-05-02T10:00:00+02:00"

/* Channels, categories, an event EVT (CAT1 only) with one performance on
 * 12 June, undated goods G, and an active profile P on WEB. */
struct world {
    struct fx *fx;
    int32_t web, web2, desk, cat1, cat2, adult;
    int32_t evt, evt_0612, g;
    int32_t prof;
};

static void
world_init(struct world *w)
{
    struct fx *fx = fx_new();

    w->fx = fx;
    w->web = fx_channel(fx, "WEB", CHANNEL_INTERNET);
    w->web2 = fx_channel(fx, "WEB2", CHANNEL_INTERNET);
    w->desk = fx_channel(fx, "DESK", CHANNEL_BOX_OFFICE);
    w->cat1 = fx_seat_category(fx, "CAT1");
    w->cat2 = fx_seat_category(fx, "CAT2");
    w->adult = fx_audience(fx, "ADULT");
    w->evt = fx_product(fx, "EVT", KIND_EVENT);
    fx_price(fx, w->evt, w->cat1, w->adult, 4500);
    w->evt_0612 =
        fx_performance(fx, w->evt, "EVT-0612", "2027-06-12T20:00:00+02:00");
    fx_pool(fx, w->evt_0612, w->cat1, 100);
    w->g = fx_product(fx, "G", KIND_MERCHANDISE);
    fx_price(fx, w->g, ENC_NONE, ENC_NONE, 100);
    w->prof = fx_profile(fx, "P", PROFILE_ACTIVE, w->web);
}

/* A cart line L1 from EVT to G, clean. */
static int32_t
world_line(struct world *w, const char *id, enum enc_line_type type)
{
    int32_t l = fx_line(w->fx, w->prof, id, type, w->evt);

    fx_target(w->fx, w->prof, l, w->g);
    return l;
}

/* check_all() at now, described; also checks the error count. */
static const char *
world_check_at(struct world *w, const char *now)
{
    static char buf[8192];
    struct enc_findings f;
    uint32_t errors = 0;

    fx_index(w->fx);
    findings_init(&f);
    assert_true(check_all(w->fx->cat, fx_time(now), &f));
    for (uint32_t i = 0; i < f.n; i++)
        errors += f.items[i].severity == SEVERITY_ERROR;
    assert_int_equal(errors, f.n_errors);
    fx_describe_findings(w->fx->cat, &f, buf, sizeof(buf));
    findings_cleanup(&f);
    return buf;
}

static const char *
world_check(struct world *w)
{
    return world_check_at(w, NOW);
}

/* SPEC 6: a profile without a fault has no finding. */
static void
test_SPEC6_clean_profile(void **state)
{
    struct world w;

    (void)state;
    world_init(&w);
    world_line(&w, "L1", LINE_CART);
    assert_string_equal(world_check(&w), "");
    fx_free(w.fx);
}

/* SPEC 6 error: a code it uses is unknown (channel, base, target product,
 * seat category, audience, performance). */
static void
test_SPEC6_error_unknown_code(void **state)
{
    struct world w;
    struct enc_target *t;
    struct enc_line *line;
    int32_t l;

    (void)state;
    world_init(&w);
    fx_profile_channel(w.fx, w.prof, ENC_NONE);
    l = fx_line(w.fx, w.prof, "L1", LINE_CART, ENC_NONE);
    fx_target(w.fx, w.prof, l, w.g);
    l = world_line(&w, "L2", LINE_CONDITIONAL);
    t = fx_target(w.fx, w.prof, l, 77);
    t->n_seat_categories = 2;
    t->seat_categories = fx_list(w.fx, 2, w.cat1, 9);
    t->n_audiences = 1;
    t->audiences = fx_list(w.fx, 1, ENC_NONE);
    line = fx_ln(w.fx, w.prof, l);
    line->when.present = true;
    line->when.n_performances = 1;
    line->when.performances = fx_list(w.fx, 1, 500);
    line->when.n_seat_categories = 1;
    line->when.seat_categories = fx_list(w.fx, 1, -1);
    assert_string_equal(
        world_check(&w),
        "P: error: channels[1]: unknown channel\n"
        "P/L1: error: base: unknown product\n"
        "P/L2: error: targets[1].product: unknown product\n"
        "P/L2: error: targets[1].seat_categories[1]: unknown seat category\n"
        "P/L2: error: targets[1].audiences[0]: unknown audience\n"
        "P/L2: error: when.performances[0]: unknown performance\n"
        "P/L2: error: when.seat_categories[0]: unknown seat category");
    fx_free(w.fx);
}

/* SPEC 6 error: a target is its own base. */
static void
test_SPEC6_error_target_is_its_base(void **state)
{
    struct world w;
    int32_t l;

    (void)state;
    world_init(&w);
    l = world_line(&w, "L1", LINE_FAVORITE);
    fx_target(w.fx, w.prof, l, w.evt);
    assert_string_equal(world_check(&w),
                        "P/L1: error: targets[1]: EVT is its own base");
    fx_free(w.fx);
}

/* SPEC 6 error: an upsell target is not a package containing the base. */
static void
test_SPEC6_error_upsell_not_package_of_base(void **state)
{
    struct world w;
    int32_t pack, other, l;

    (void)state;
    world_init(&w);
    pack = fx_product(w.fx, "PACK", KIND_PACKAGE);
    fx_component(w.fx, pack, w.evt, 1);
    fx_price(w.fx, pack, ENC_NONE, ENC_NONE, 6000);
    other = fx_product(w.fx, "OTHER", KIND_PACKAGE);
    fx_component(w.fx, other, w.g, 1);
    fx_price(w.fx, other, ENC_NONE, ENC_NONE, 6000);
    l = fx_line(w.fx, w.prof, "U", LINE_UPSELL, w.evt);
    fx_target(w.fx, w.prof, l, pack);
    fx_target(w.fx, w.prof, l, w.g);
    fx_target(w.fx, w.prof, l, other);
    assert_string_equal(
        world_check(&w),
        "P/U: error: targets[1]: upsell target G is not a package containing "
        "EVT\n"
        "P/U: error: targets[2]: upsell target OTHER is not a package "
        "containing EVT");
    fx_free(w.fx);
}

/* SPEC 6 error: `when` stands on a line that is not conditional. */
static void
test_SPEC6_error_when_not_conditional(void **state)
{
    struct world w;
    int32_t l;

    (void)state;
    world_init(&w);
    l = world_line(&w, "L1", LINE_CART);
    fx_ln(w.fx, w.prof, l)->when.present = true;
    l = world_line(&w, "L2", LINE_CONDITIONAL);
    fx_ln(w.fx, w.prof, l)->when.present = true;
    assert_string_equal(world_check(&w),
                        "P/L1: error: when on a cart line (conditional only)");
    fx_free(w.fx);
}

/* SPEC 6 error: a quantity or a per below 1, or min > max (max as R8 sets
 * it: written, else max_per_order, else 10, lowered to max_per_order). */
static void
test_SPEC6_error_quantity(void **state)
{
    struct world w;
    struct enc_target *t;
    struct enc_line *line;
    int32_t l, h;

    (void)state;
    world_init(&w);
    h = fx_product(w.fx, "H", KIND_MERCHANDISE);
    fx_price(w.fx, h, ENC_NONE, ENC_NONE, 100);
    fx_prod(w.fx, h)->max_per_order = 6;
    l = fx_line(w.fx, w.prof, "L1", LINE_CONDITIONAL, w.evt);
    line = fx_ln(w.fx, w.prof, l);
    line->when.present = true;
    line->when.has_min_quantity = true;
    line->when.min_quantity = 0;
    t = fx_target(w.fx, w.prof, l, w.g);
    fx_proportional(t, 1);
    t->quantity.per = 0;
    t = fx_target(w.fx, w.prof, l, w.g);
    fx_fixed(t, 0);
    t = fx_target(w.fx, w.prof, l, w.g);
    fx_choice(t, 1, 1);
    t->quantity.min = 0;
    t->quantity.max = 0;
    t = fx_target(w.fx, w.prof, l, w.g);
    fx_choice(t, 3, 2);
    t = fx_target(w.fx, w.prof, l, w.g);
    fx_choice(t, 11, 0);
    t = fx_target(w.fx, w.prof, l, h);
    fx_choice(t, 7, 9);
    t = fx_target(w.fx, w.prof, l, h);
    fx_choice(t, 6, 9);
    t = fx_target(w.fx, w.prof, l, h);
    fx_choice(t, 8, 0);
    assert_string_equal(world_check(&w),
                        "P/L1: error: when.min_quantity is below 1\n"
                        "P/L1: error: targets[0].quantity.per is below 1\n"
                        "P/L1: error: targets[1].quantity.value is below 1\n"
                        "P/L1: error: targets[2].quantity.min is below 1\n"
                        "P/L1: error: targets[2].quantity.max is below 1\n"
                        "P/L1: error: targets[3].quantity: min 3 > max 2\n"
                        "P/L1: error: targets[4].quantity: min 11 > max 10 "
                        "(the default)\n"
                        "P/L1: error: targets[5].quantity: min 7 > max 6 "
                        "(max 9 lowered to the product's max_per_order 6)\n"
                        "P/L1: error: targets[7].quantity: min 8 > max 6 "
                        "(the product's max_per_order)");
    fx_free(w.fx);
}

/* SPEC 6 error: valid_to is before valid_from. */
static void
test_SPEC6_error_valid_to_before_valid_from(void **state)
{
    struct world w;
    struct enc_line *line;

    (void)state;
    world_init(&w);
    line = fx_ln(w.fx, w.prof, world_line(&w, "L1", LINE_CART));
    line->valid_from = fx_bound_day("2027-06-01", 7200, false);
    line->valid_to = fx_bound_day("2027-05-31", 7200, true);
    line = fx_ln(w.fx, w.prof, world_line(&w, "L2", LINE_FAVORITE));
    line->valid_from = fx_bound_day("2027-06-01", 7200, false);
    line->valid_to = fx_bound_day("2027-06-01", 7200, true);
    assert_string_equal(world_check(&w),
                        "P/L1: error: valid_to is before valid_from");
    fx_free(w.fx);
}

/* SPEC 6 error: a channel is not of type internet. */
static void
test_SPEC6_error_channel_not_internet(void **state)
{
    struct world w;

    (void)state;
    world_init(&w);
    fx_profile_channel(w.fx, w.prof, w.desk);
    world_line(&w, "L1", LINE_CART);
    assert_string_equal(world_check(&w),
                        "P: error: channel DESK is of type box_office, not "
                        "internet");
    fx_free(w.fx);
}

/* SPEC 6 error: an active profile names a channel another active profile
 * names (reported on the later one); a draft naming it gets a warning. */
static void
test_SPEC6_error_channel_of_two_active_profiles(void **state)
{
    struct world w;
    int32_t q;

    (void)state;
    world_init(&w);
    world_line(&w, "L1", LINE_CART);
    q = fx_profile(w.fx, "Q", PROFILE_ACTIVE, w.web2);
    fx_profile_channel(w.fx, q, w.web);
    fx_profile(w.fx, "R", PROFILE_ACTIVE, w.web2);
    assert_string_equal(world_check(&w),
                        "Q: error: channel WEB is also named by active "
                        "profile P\n"
                        "R: error: channel WEB2 is also named by active "
                        "profile Q");
    fx_free(w.fx);
}

/* SPEC 6 warning: a draft names a channel that an active profile holds,
 * whichever comes first in the document. */
static void
test_SPEC6_warning_draft_channel_held(void **state)
{
    struct world w;
    int32_t d;

    (void)state;
    world_init(&w);
    fx_profile(w.fx, "D0", PROFILE_DRAFT, w.web2);
    fx_profile(w.fx, "A", PROFILE_ACTIVE, w.web2);
    d = fx_profile(w.fx, "D1", PROFILE_DRAFT, w.web);
    fx_profile_channel(w.fx, d, w.desk);
    assert_string_equal(world_check(&w),
                        "D0: warning: channel WEB2 is held by active "
                        "profile A\n"
                        "D1: error: channel DESK is of type box_office, not "
                        "internet\n"
                        "D1: warning: channel WEB is held by active profile "
                        "P");
    fx_free(w.fx);
}

/* SPEC 6 warning: a line has expired. */
static void
test_SPEC6_warning_line_expired(void **state)
{
    struct world w;
    struct enc_line *line;

    (void)state;
    world_init(&w);
    line = fx_ln(w.fx, w.prof, world_line(&w, "L1", LINE_CART));
    line->valid_to = fx_bound_day("2027-05-01", 7200, true);
    line = fx_ln(w.fx, w.prof, world_line(&w, "L2", LINE_FAVORITE));
    line->valid_to = fx_bound("2027-05-02T10:00:00+02:00");
    line = fx_ln(w.fx, w.prof, world_line(&w, "L3", LINE_POST_PURCHASE));
    line->valid_to = fx_bound("2027-05-02T09:59:59+02:00");
    assert_string_equal(world_check(&w),
                        "P/L1: warning: line expired on 2027-05-01\n"
                        "P/L3: warning: line expired on "
                        "2027-05-02T09:59:59+02:00");
    fx_free(w.fx);
}

/* SPEC 6 warning: a target is sold out or has no performance left. */
static void
test_SPEC6_warning_target_sold_out(void **state)
{
    struct world w;
    struct enc_target *t;
    int32_t s, past, empty, pf, l;

    (void)state;
    world_init(&w);
    fx_prod(w.fx, w.g)->has_stock = true;
    fx_prod(w.fx, w.g)->stock = 0;
    past = fx_product(w.fx, "PAST", KIND_SERVICE);
    fx_price(w.fx, past, ENC_NONE, ENC_NONE, 100);
    pf = fx_performance(w.fx, past, "PAST-1", "2027-05-02T10:00:00+02:00");
    fx_pool(w.fx, pf, ENC_NONE, 10);
    pf = fx_performance(w.fx, past, "PAST-2", "2027-06-02T10:00:00+02:00");
    fx_pool(w.fx, pf, ENC_NONE, 10);
    fx_perf(w.fx, pf)->has_sale = true;
    fx_perf(w.fx, pf)->sale.to = fx_bound("2027-05-01T00:00:00+02:00");
    empty = fx_product(w.fx, "EMPTY", KIND_EVENT);
    fx_price(w.fx, empty, w.cat1, ENC_NONE, 100);
    fx_price(w.fx, empty, w.cat2, ENC_NONE, 100);
    pf = fx_performance(w.fx, empty, "EMPTY-1", "2027-06-02T10:00:00+02:00");
    fx_pool(w.fx, pf, w.cat1, 0);
    fx_pool(w.fx, pf, w.cat2, 3);
    s = fx_product(w.fx, "S", KIND_SERVICE);
    fx_price(w.fx, s, ENC_NONE, ENC_NONE, 100);
    pf = fx_performance(w.fx, s, "S-1", "2027-06-02T10:00:00+02:00");
    fx_pool(w.fx, pf, ENC_NONE, 1);
    fx_perf(w.fx, pf)->has_sale = true;
    fx_perf(w.fx, pf)->sale.from = fx_bound("2027-05-20T00:00:00+02:00");
    l = world_line(&w, "L1", LINE_FAVORITE);
    fx_target(w.fx, w.prof, l, past);
    t = fx_target(w.fx, w.prof, l, empty);
    t->n_seat_categories = 1;
    t->seat_categories = fx_list(w.fx, 1, w.cat1);
    fx_target(w.fx, w.prof, l, empty);
    fx_target(w.fx, w.prof, l, s);
    assert_string_equal(world_check(&w),
                        "P/L1: warning: targets[0]: G is sold out\n"
                        "P/L1: warning: targets[1]: PAST has no performance "
                        "left\n"
                        "P/L1: warning: targets[2]: EMPTY is sold out");
    fx_free(w.fx);
}

/* SPEC 6 warning: a line can never fire: every performance its conditions
 * name is over, or a seat category it names is not the base's. */
static void
test_SPEC6_warning_line_never_fires(void **state)
{
    struct world w;
    struct enc_line *line;
    int32_t e2, cat3, l;

    (void)state;
    world_init(&w);
    e2 = fx_performance(w.fx, w.evt, "EVT-0501", "2027-05-01T20:00:00+02:00");
    fx_pool(w.fx, e2, ENC_NONE, 10);
    cat3 = fx_seat_category(w.fx, "CAT3");
    fx_pool(w.fx, w.evt_0612, cat3, 10);
    l = world_line(&w, "K1", LINE_CONDITIONAL);
    line = fx_ln(w.fx, w.prof, l);
    line->when.present = true;
    line->when.n_performances = 1;
    line->when.performances = fx_list(w.fx, 1, e2);
    l = world_line(&w, "K2", LINE_CONDITIONAL);
    line = fx_ln(w.fx, w.prof, l);
    line->when.present = true;
    line->when.n_performances = 2;
    line->when.performances = fx_list(w.fx, 2, e2, w.evt_0612);
    line->when.n_seat_categories = 3;
    line->when.seat_categories = fx_list(w.fx, 3, w.cat1, w.cat2, cat3);
    assert_string_equal(world_check(&w),
                        "P/K1: warning: can never fire: every performance in "
                        "when is over\n"
                        "P/K2: warning: can never fire: seat category CAT2 is "
                        "not one of EVT's");
    fx_free(w.fx);
}

/* SPEC 6 warning and R8: a fixed quantity, or a proportional one at the
 * least matched quantity, above the target's max_per_order is never
 * shown: the target can never fire. */
static void
test_SPEC6_warning_quantity_above_max_per_order(void **state)
{
    struct world w;
    struct enc_target *t;
    struct enc_line *line;
    int32_t l, h;

    (void)state;
    world_init(&w);
    h = fx_product(w.fx, "H", KIND_MERCHANDISE);
    fx_price(w.fx, h, ENC_NONE, ENC_NONE, 100);
    fx_prod(w.fx, h)->max_per_order = 5;
    l = fx_line(w.fx, w.prof, "L1", LINE_CART, w.evt);
    fx_fixed(fx_target(w.fx, w.prof, l, h), 6);
    fx_fixed(fx_target(w.fx, w.prof, l, w.g), 6);
    fx_proportional(fx_target(w.fx, w.prof, l, h), 1);
    l = fx_line(w.fx, w.prof, "L2", LINE_CONDITIONAL, w.evt);
    line = fx_ln(w.fx, w.prof, l);
    line->when.present = true;
    line->when.has_min_quantity = true;
    line->when.min_quantity = 12;
    fx_proportional(fx_target(w.fx, w.prof, l, h), 2);
    t = fx_target(w.fx, w.prof, l, h);
    fx_proportional(t, 3);
    fx_fixed(fx_target(w.fx, w.prof, l, h), 5);
    assert_string_equal(world_check(&w),
                        "P/L1: warning: targets[0] can never fire: fixed "
                        "quantity 6 is above H's max_per_order 5 (R8)\n"
                        "P/L2: warning: targets[0] can never fire: "
                        "proportional quantity is at least 6, above H's "
                        "max_per_order 5 (R8)");
    fx_free(w.fx);
}

/* SPEC 6 warning: a performance in when of another product than the base
 * (or a package containing it) matches no item of the base (R4). */
static void
test_SPEC6_warning_when_performance_of_another_product(void **state)
{
    struct world w;
    struct enc_line *line;
    int32_t other, other_0612, pack, pack_0612, l;

    (void)state;
    world_init(&w);
    other = fx_product(w.fx, "OTHER", KIND_EVENT);
    fx_price(w.fx, other, w.cat1, w.adult, 100);
    other_0612 =
        fx_performance(w.fx, other, "OTHER-0612", "2027-06-12T20:00:00+02:00");
    fx_pool(w.fx, other_0612, w.cat1, 10);
    pack = fx_product(w.fx, "PACK", KIND_PACKAGE);
    fx_price(w.fx, pack, w.cat1, w.adult, 100);
    fx_component(w.fx, pack, w.evt, 1);
    pack_0612 =
        fx_performance(w.fx, pack, "PACK-0612", "2027-06-12T20:00:00+02:00");
    fx_pool(w.fx, pack_0612, w.cat1, 10);
    l = world_line(&w, "K1", LINE_CONDITIONAL);
    line = fx_ln(w.fx, w.prof, l);
    line->when.present = true;
    line->when.n_performances = 3;
    line->when.performances =
        fx_list(w.fx, 3, w.evt_0612, other_0612, pack_0612);
    assert_string_equal(world_check(&w),
                        "P/K1: warning: can never fire on "
                        "when.performances[1]: OTHER-0612 is a performance "
                        "of OTHER, not of the base EVT");
    fx_free(w.fx);
}

/* SPEC 6: the checks look as of the now they are given. */
static void
test_SPEC6_findings_as_of_now(void **state)
{
    struct world w;
    struct enc_line *line;

    (void)state;
    world_init(&w);
    line = fx_ln(w.fx, w.prof, world_line(&w, "L1", LINE_CART));
    line->valid_to = fx_bound_day("2027-06-30", 7200, true);
    assert_string_equal(world_check_at(&w, "2027-06-30T23:59:59+02:00"), "");
    assert_string_equal(world_check_at(&w, "2027-07-01T00:00:00+02:00"),
                        "P/L1: warning: line expired on 2027-06-30");
    fx_free(w.fx);
}

/* check_profile() reports one profile only, and nothing for a profile
 * index out of range. */
static void
test_SPEC6_check_profile_alone(void **state)
{
    struct world w;
    struct enc_findings f;
    int32_t q;

    (void)state;
    world_init(&w);
    world_line(&w, "L1", LINE_CART);
    q = fx_profile(w.fx, "Q", PROFILE_ACTIVE, w.desk);
    fx_index(w.fx);
    findings_init(&f);
    assert_true(check_profile(w.fx->cat, (uint32_t)w.prof, fx_time(NOW), &f));
    assert_int_equal(f.n, 0);
    assert_true(check_profile(w.fx->cat, 99, fx_time(NOW), &f));
    assert_int_equal(f.n, 0);
    assert_true(check_profile(w.fx->cat, (uint32_t)q, fx_time(NOW), &f));
    assert_int_equal(f.n, 1);
    assert_int_equal(f.n_errors, 1);
    assert_int_equal(f.items[0].profile, q);
    assert_int_equal(f.items[0].line, -1);
    findings_cleanup(&f);
    fx_free(w.fx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_SPEC6_clean_profile),
        cmocka_unit_test(test_SPEC6_error_unknown_code),
        cmocka_unit_test(test_SPEC6_error_target_is_its_base),
        cmocka_unit_test(test_SPEC6_error_upsell_not_package_of_base),
        cmocka_unit_test(test_SPEC6_error_when_not_conditional),
        cmocka_unit_test(test_SPEC6_error_quantity),
        cmocka_unit_test(test_SPEC6_error_valid_to_before_valid_from),
        cmocka_unit_test(test_SPEC6_error_channel_not_internet),
        cmocka_unit_test(test_SPEC6_error_channel_of_two_active_profiles),
        cmocka_unit_test(test_SPEC6_warning_draft_channel_held),
        cmocka_unit_test(test_SPEC6_warning_line_expired),
        cmocka_unit_test(test_SPEC6_warning_target_sold_out),
        cmocka_unit_test(test_SPEC6_warning_line_never_fires),
        cmocka_unit_test(test_SPEC6_warning_quantity_above_max_per_order),
        cmocka_unit_test(
            test_SPEC6_warning_when_performance_of_another_product),
        cmocka_unit_test(test_SPEC6_findings_as_of_now),
        cmocka_unit_test(test_SPEC6_check_profile_alone),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
