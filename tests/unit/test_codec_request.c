/*
 * test_codec_request.c - proposal requests in, answers out (SPEC 5, 8).
 *
 * Requests are written with single quotes for readability; each error test
 * asserts the exact code and field. Answers are checked against exact
 * strings.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "codec/codec.h"
#include "source.h"

/* The SPEC 8 example request and its answer, compact. */
#define SPEC8_REQUEST                                                          \
    "{'channel':'WEB','stage':'cart','lang':'en','now':"                       \
    "'2027-05-02T10:00:00+02:00','cart':[{'product':'JAZZ-1','performance':"   \
    "'JAZZ-1-0612','seat_category':'CAT1','audience':'ADULT','quantity':2}]}"

#define SPEC8_ANSWER                                                           \
    "{\"channel\":\"WEB\",\"stage\":\"cart\",\"profile\":\"WEB-2027\","        \
    "\"now\":\"2027-05-02T10:00:00+02:00\",\"proposals\":[{\"line\":\"L2\","   \
    "\"type\":\"cart\",\"placement\":\"under_cart\",\"base\":{\"product\":"    \
    "\"JAZZ-1\",\"performance\":\"JAZZ-1-0612\"},\"product\":\"PARKING\","     \
    "\"kind\":\"service\",\"name\":\"Parking\",\"quantity\":{\"mode\":"        \
    "\"choice\",\"min\":1,\"max\":2},\"performances\":[{\"code\":"             \
    "\"PARKING-0612\",\"start\":\"2027-06-12T08:00:00+02:00\",\"available\":"  \
    "40}],\"offers\":[{\"amount\":800,\"available\":40}]},{\"line\":\"L3\","   \
    "\"type\":\"conditional\",\"placement\":\"under_cart\",\"base\":{"         \
    "\"product\":\"JAZZ-1\",\"performance\":\"JAZZ-1-0612\"},\"product\":"     \
    "\"DINNER\",\"kind\":\"service\",\"name\":\"Dinner\",\"quantity\":{"       \
    "\"mode\":\"fixed\",\"value\":2},\"performances\":[{\"code\":"             \
    "\"DINNER-0612\",\"start\":\"2027-06-12T18:30:00+02:00\",\"available\":"   \
    "20}],\"offers\":[{\"audience\":\"ADULT\",\"amount\":3500,\"available\":"  \
    "20}]}]}"

/* An item of JAZZ-1, to be completed by the test. */
#define ITEM_HEAD "{'product':'JAZZ-1','performance':'JAZZ-1-0612',"

/* Indexes in the SPEC 7 example. */
enum { P_JAZZ, P_PARKING, P_DINNER, P_TSHIRT, P_PACK };
enum { PERF_JAZZ, PERF_PARKING, PERF_DINNER, PERF_PACK };

/* The SPEC 7 example catalogue, decoded once for the group. */
static int
setup(void **state)
{
    *state = source_catalogue("tests/data/spec-example.json");
    return *state != NULL ? 0 : -1;
}

static int
teardown(void **state)
{
    catalogue_free(*state);
    return 0;
}

/* s with every ' turned into " (the caller frees). */
static char *
doc(const char *s)
{
    char *d = strdup(s);
    assert_non_null(d);
    for (char *p = d; *p; p++)
        if (*p == '\'')
            *p = '"';
    return d;
}

/* Decodes text (single quotes) into req, its strings in arena. */
static enum enc_code
decode(void **state, const char *text, struct arena *arena,
       struct enc_request *req, bool *has_now, struct enc_error *err)
{
    char *d = doc(text);
    enum enc_code rc =
        codec_request_decode(*state, d, strlen(d), arena, req, has_now, err);
    free(d);
    return rc;
}

static void
expect_error(void **state, const char *text, enum enc_code code,
             const char *field)
{
    struct enc_request req;
    struct enc_error err = {0};
    struct arena arena;
    bool has_now;
    enum enc_code rc;

    arena_init(&arena, 0);
    rc = decode(state, text, &arena, &req, &has_now, &err);
    if (rc != code || strcmp(err.field, field) != 0)
        print_error("got %s at '%s' (%s), expected %s at '%s'\n",
                    enc_code_name(rc), err.field, err.message,
                    enc_code_name(code), field);
    assert_int_equal(rc, code);
    assert_string_equal(err.field, field);
    assert_true(err.message[0] != '\0');
    arena_cleanup(&arena);
}

/* A cart request holding one item. */
static void
expect_item_error(void **state, const char *item, enum enc_code code,
                  const char *field)
{
    char text[1024];

    snprintf(text, sizeof text, "{'channel':'WEB','stage':'cart','cart':[%s]}",
             item);
    expect_error(state, text, code, field);
}

/* SPEC 5: a quantity outside 1 to 1,000, or not an integer. */

static void
test_spec5_cart_quantity_zero(void **state)
{
    expect_item_error(state, ITEM_HEAD "'quantity':0}", ENC_INVALID_FIELD,
                      "cart[0].quantity");
}

static void
test_spec5_cart_quantity_1001(void **state)
{
    expect_item_error(state, ITEM_HEAD "'quantity':1001}", ENC_INVALID_FIELD,
                      "cart[0].quantity");
}

static void
test_spec5_cart_quantity_negative(void **state)
{
    expect_item_error(state, ITEM_HEAD "'quantity':-1}", ENC_INVALID_FIELD,
                      "cart[0].quantity");
}

static void
test_spec5_cart_quantity_fraction(void **state)
{
    expect_item_error(state, ITEM_HEAD "'quantity':1.5}", ENC_INVALID_FIELD,
                      "cart[0].quantity");
}

static void
test_spec5_cart_quantity_string(void **state)
{
    expect_item_error(state, ITEM_HEAD "'quantity':'2'}", ENC_INVALID_FIELD,
                      "cart[0].quantity");
}

static void
test_spec5_cart_quantity_bounds_accepted(void **state)
{
    struct enc_request req;
    struct enc_error err;
    struct arena arena;
    bool has_now;

    arena_init(&arena, 0);
    assert_int_equal(decode(state,
                            "{'channel':'WEB','stage':'cart','cart':[" ITEM_HEAD
                            "'quantity':1}," ITEM_HEAD "'quantity':1000}]}",
                            &arena, &req, &has_now, &err),
                     ENC_OK);
    assert_int_equal(req.n_cart, 2);
    assert_int_equal(req.cart[0].quantity, 1);
    assert_int_equal(req.cart[1].quantity, 1000);
    arena_cleanup(&arena);
}

/* A cart of n items of TSHIRT. */
static char *
cart_of(size_t n)
{
    const char *item = "{'product':'TSHIRT','quantity':1}";
    size_t size = 64 + n * (strlen(item) + 1);
    char *text = malloc(size);
    size_t len;

    assert_non_null(text);
    len = (size_t)snprintf(text, size,
                           "{'channel':'WEB','stage':'cart',"
                           "'cart':[");
    for (size_t i = 0; i < n; i++)
        len += (size_t)snprintf(text + len, size - len, "%s%s", i ? "," : "",
                                item);
    snprintf(text + len, size - len, "]}");
    return text;
}

static void
test_spec5_cart_of_1001_items(void **state)
{
    struct enc_request req;
    struct enc_error err;
    struct arena arena;
    bool has_now;
    char *text = cart_of(ENC_MAX_CART + 1);

    expect_error(state, text, ENC_INVALID_FIELD, "cart");
    free(text);
    /* 1,000 items are fine. */
    text = cart_of(ENC_MAX_CART);
    arena_init(&arena, 0);
    assert_int_equal(decode(state, text, &arena, &req, &has_now, &err), ENC_OK);
    assert_int_equal(req.n_cart, ENC_MAX_CART);
    arena_cleanup(&arena);
    free(text);
}

/* SPEC 5: unknown codes. */

static void
test_spec5_unknown_channel(void **state)
{
    expect_error(state, "{'channel':'FAX','stage':'cart','cart':[]}",
                 ENC_UNKNOWN_CODE, "channel");
}

static void
test_spec5_unknown_product(void **state)
{
    expect_item_error(state, "{'product':'OPERA','quantity':1}",
                      ENC_UNKNOWN_CODE, "cart[0].product");
}

static void
test_spec5_unknown_performance(void **state)
{
    expect_item_error(state,
                      "{'product':'JAZZ-1','performance':'JAZZ-1-0613',"
                      "'quantity':1}",
                      ENC_UNKNOWN_CODE, "cart[0].performance");
}

static void
test_spec5_performance_of_another_product(void **state)
{
    expect_item_error(state,
                      "{'product':'JAZZ-1','performance':'PARKING-0612',"
                      "'quantity':1}",
                      ENC_UNKNOWN_CODE, "cart[0].performance");
}

static void
test_spec5_unknown_seat_category(void **state)
{
    expect_item_error(state, ITEM_HEAD "'seat_category':'CAT9','quantity':1}",
                      ENC_UNKNOWN_CODE, "cart[0].seat_category");
}

static void
test_spec5_unknown_audience(void **state)
{
    expect_item_error(state, ITEM_HEAD "'audience':'CHILD','quantity':1}",
                      ENC_UNKNOWN_CODE, "cart[0].audience");
}

/* SPEC 8: an item of a dated product names its performance; the focus may
 * not have one yet. */
static void
test_spec8_missing_performance(void **state)
{
    struct enc_request req;
    struct enc_error err;
    struct arena arena;
    bool has_now;

    expect_item_error(state, "{'product':'JAZZ-1','quantity':1}",
                      ENC_INVALID_FIELD, "cart[0].performance");
    arena_init(&arena, 0);
    assert_int_equal(decode(state,
                            "{'channel':'WEB','stage':'product','cart':[],"
                            "'focus':{'product':'JAZZ-1','quantity':2}}",
                            &arena, &req, &has_now, &err),
                     ENC_OK);
    assert_true(req.has_focus);
    assert_int_equal(req.focus.product, P_JAZZ);
    assert_int_equal(req.focus.performance, ENC_NONE);
    assert_int_equal(req.focus.quantity, 2);
    arena_cleanup(&arena);
}

static void
test_spec8_focus_with_stage_product_only(void **state)
{
    expect_error(state, "{'channel':'WEB','stage':'product','cart':[]}",
                 ENC_INVALID_FIELD, "focus");
    expect_error(state,
                 "{'channel':'WEB','stage':'cart','cart':[],'focus':{"
                 "'product':'TSHIRT','quantity':1}}",
                 ENC_INVALID_FIELD, "focus");
    expect_error(state,
                 "{'channel':'WEB','stage':'product','cart':[],'focus':{"
                 "'product':'NOPE','quantity':1}}",
                 ENC_UNKNOWN_CODE, "focus.product");
}

static void
test_spec5_bad_now(void **state)
{
    expect_error(state,
                 "{'channel':'WEB','stage':'cart','now':'2027-02-29T10:00:00Z',"
                 "'cart':[]}",
                 ENC_INVALID_FIELD, "now");
    expect_error(state,
                 "{'channel':'WEB','stage':'cart','now':'yesterday','cart':[]}",
                 ENC_INVALID_FIELD, "now");
}

static void
test_spec5_newline_in_code(void **state)
{
    expect_item_error(state, "{'product':'TSHIRT\\n','quantity':1}",
                      ENC_INVALID_FIELD, "cart[0].product");
    expect_error(state, "{'channel':'W\\tEB','stage':'cart','cart':[]}",
                 ENC_INVALID_FIELD, "channel");
}

static void
test_spec8_fields(void **state)
{
    expect_error(state, "{'channel':'WEB','stage':'checkout','cart':[]}",
                 ENC_INVALID_FIELD, "stage");
    expect_error(state, "{'channel':'WEB','stage':'cart'}", ENC_INVALID_FIELD,
                 "cart");
    expect_error(state, "{'stage':'cart','cart':[]}", ENC_INVALID_FIELD,
                 "channel");
    expect_error(state,
                 "{'channel':'WEB','stage':'cart','lang':'en_GB','cart':[]}",
                 ENC_INVALID_FIELD, "lang");
    expect_error(state,
                 "{'channel':'WEB','stage':'cart','lang':'"
                 "abcdefghij-abcdefghij-abcdefghij-abc','cart':[]}",
                 ENC_INVALID_FIELD, "lang");
    expect_item_error(state, "{'product':'TSHIRT','quantity':1,'size':'M'}",
                      ENC_INVALID_FIELD, "cart[0].size");
    expect_item_error(state, "{'quantity':1}", ENC_INVALID_FIELD,
                      "cart[0].product");
    expect_error(state, "{'channel':'WEB','stage':'cart','cart':{}}",
                 ENC_INVALID_FIELD, "cart");
}

static void
test_spec5_malformed_request(void **state)
{
    expect_error(state, "{'channel':'WEB',", ENC_INVALID_JSON, "");
    expect_error(state, "[]", ENC_INVALID_JSON, "");
    expect_error(state,
                 "{'channel':'WEB','channel':'WEB','stage':'cart','cart':[]}",
                 ENC_INVALID_JSON, "");
}

static void
test_spec8_body_too_large(void **state)
{
    struct enc_request req;
    struct enc_error err;
    struct arena arena;
    bool has_now;
    char *body = malloc(CODEC_MAX_BODY + 1);

    assert_non_null(body);
    memset(body, ' ', CODEC_MAX_BODY + 1);
    body[0] = '{';
    body[CODEC_MAX_BODY] = '}';
    arena_init(&arena, 0);
    assert_int_equal(codec_request_decode(*state, body, CODEC_MAX_BODY + 1,
                                          &arena, &req, &has_now, &err),
                     ENC_TOO_LARGE);
    assert_string_equal(err.field, "");
    arena_cleanup(&arena);
    free(body);
}

static void
test_spec8_request_decoded(void **state)
{
    struct enc_request req;
    struct enc_error err;
    struct arena arena;
    bool has_now;

    arena_init(&arena, 0);
    assert_int_equal(decode(state, SPEC8_REQUEST, &arena, &req, &has_now, &err),
                     ENC_OK);
    assert_true(has_now);
    assert_int_equal(req.now.utc, 1809244800); /* 2027-05-02T08:00:00Z */
    assert_int_equal(req.now.offset, 7200);
    assert_int_equal(req.channel, 0);
    assert_int_equal(req.stage, STAGE_CART);
    assert_string_equal(req.lang, "en");
    assert_false(req.has_focus);
    assert_int_equal(req.n_cart, 1);
    assert_int_equal(req.cart[0].product, P_JAZZ);
    assert_int_equal(req.cart[0].performance, PERF_JAZZ);
    assert_int_equal(req.cart[0].seat_category, 0);
    assert_int_equal(req.cart[0].audience, 0);
    assert_int_equal(req.cart[0].quantity, 2);
    arena_cleanup(&arena);

    /* Without "now" the caller reads the clock. */
    arena_init(&arena, 0);
    assert_int_equal(decode(state,
                            "{'channel':'WEB','stage':'cart',"
                            "'cart':[]}",
                            &arena, &req, &has_now, &err),
                     ENC_OK);
    assert_false(has_now);
    assert_null(req.lang);
    arena_cleanup(&arena);
}

/* SPEC 8: the answer, exactly. */

static void
test_spec8_answer_upsell_exact(void **state)
{
    const struct enc_catalogue *cat = *state;
    struct enc_offer offer = {0, 30};
    struct enc_proposal p = {
        .line = 0,
        .type = LINE_UPSELL,
        .placement = PLACEMENT_INSTEAD,
        .base_product = P_JAZZ,
        .base_performance = ENC_NONE,
        .product = P_PACK,
        .quantity_mode = QTY_FIXED,
        .value = 2,
        .n_performances = 1,
        .performances = {{PERF_PACK, 30}},
        .n_offers = 1,
        .offers = &offer,
        .has_price_difference = true,
        .price_difference = -150,
        .name = "Concert + T-shirt",
        /* Quotes, backslash, controls escaped; UTF-8 as is. */
        .text = "Avec \"le\" T-shirt\n\x01 \\ été",
    };
    struct enc_answer ans = {0, STAGE_PRODUCT, 0, {1809244800, 7200}, 1, &p};
    size_t len;
    char *out = codec_answer_encode(cat, &ans, &len);

    assert_string_equal(
        out, "{\"channel\":\"WEB\",\"stage\":\"product\",\"profile\":"
             "\"WEB-2027\",\"now\":\"2027-05-02T10:00:00+02:00\","
             "\"proposals\":[{\"line\":\"L1\",\"type\":\"upsell\","
             "\"placement\":\"instead\",\"base\":{\"product\":\"JAZZ-1\"},"
             "\"product\":\"JAZZ-1-PACK\",\"kind\":\"package\",\"name\":"
             "\"Concert + T-shirt\",\"text\":\"Avec \\\"le\\\" T-shirt"
             "\\u000a\\u0001 \\\\ été\",\"quantity\":{\"mode\":\"fixed\","
             "\"value\":2},\"price_difference\":-150,\"performances\":[{"
             "\"code\":\"JAZZ-1-PACK-0612\",\"start\":"
             "\"2027-06-12T20:00:00+02:00\",\"available\":30}],\"offers\":[{"
             "\"seat_category\":\"CAT1\",\"audience\":\"ADULT\",\"amount\":"
             "6500,\"available\":30}]}]}");
    assert_int_equal(len, strlen(out));
    free(out);
}

static void
test_spec8_answer_unlimited_and_choice_exact(void **state)
{
    const struct enc_catalogue *cat = *state;
    struct enc_offer offer = {0, -1};
    struct enc_proposal p[2] = {
        {.line = 1,
         .type = LINE_CART,
         .placement = PLACEMENT_UNDER_CART,
         .base_product = P_JAZZ,
         .base_performance = PERF_JAZZ,
         .product = P_TSHIRT,
         .quantity_mode = QTY_CHOICE,
         .min = 1,
         .max = 10,
         .n_offers = 1,
         .offers = &offer,
         .name = "T-shirt"},
        {.line = 2,
         .type = LINE_CONDITIONAL,
         .placement = PLACEMENT_UNDER_CART,
         .base_product = P_JAZZ,
         .base_performance = PERF_JAZZ,
         .product = P_PARKING,
         .quantity_mode = QTY_FIXED,
         .value = 1,
         .n_performances = 1,
         .performances = {{PERF_PARKING, -1}},
         .n_offers = 1,
         .offers = &offer,
         .name = "Parking"},
    };
    struct enc_answer ans = {0, STAGE_CART, 0, {1809244800, 0}, 2, p};
    char *out = codec_answer_encode(cat, &ans, NULL);

    assert_string_equal(
        out, "{\"channel\":\"WEB\",\"stage\":\"cart\",\"profile\":"
             "\"WEB-2027\",\"now\":\"2027-05-02T08:00:00Z\",\"proposals\":[{"
             "\"line\":\"L2\",\"type\":\"cart\",\"placement\":\"under_cart\","
             "\"base\":{\"product\":\"JAZZ-1\",\"performance\":"
             "\"JAZZ-1-0612\"},\"product\":\"TSHIRT\",\"kind\":"
             "\"merchandise\",\"name\":\"T-shirt\",\"quantity\":{\"mode\":"
             "\"choice\",\"min\":1,\"max\":10},\"offers\":[{\"amount\":2500}"
             "]},{\"line\":\"L3\",\"type\":\"conditional\",\"placement\":"
             "\"under_cart\",\"base\":{\"product\":\"JAZZ-1\","
             "\"performance\":\"JAZZ-1-0612\"},\"product\":\"PARKING\","
             "\"kind\":\"service\",\"name\":\"Parking\",\"quantity\":{"
             "\"mode\":\"fixed\",\"value\":1},\"performances\":[{\"code\":"
             "\"PARKING-0612\",\"start\":\"2027-06-12T08:00:00+02:00\"}],"
             "\"offers\":[{\"amount\":800}]}]}");
    free(out);
}

/* R1: no profile applies: "profile" is null, the list empty. */
static void
test_R1_answer_without_profile_exact(void **state)
{
    struct enc_answer ans = {
        1, STAGE_CONFIRMATION, ENC_NONE, {1809244800, -18000}, 0, NULL};
    char *out = codec_answer_encode(*state, &ans, NULL);

    assert_string_equal(out, "{\"channel\":\"DESK\",\"stage\":"
                             "\"confirmation\",\"profile\":null,\"now\":"
                             "\"2027-05-02T03:00:00-05:00\",\"proposals\":[]}");
    free(out);
}

/* The path the CLI and the server share: the SPEC 8 example, end to end. */
static void
test_spec8_codec_propose_example(void **state)
{
    char *body = doc(SPEC8_REQUEST), *out;
    size_t len;

    assert_int_equal(codec_propose(*state, body, strlen(body),
                                   (struct enc_time){0, 0}, &out, &len),
                     ENC_OK);
    assert_string_equal(out, SPEC8_ANSWER "\n");
    assert_int_equal(len, strlen(SPEC8_ANSWER) + 1);
    free(out);
    free(body);
}

static void
test_spec8_codec_propose_clock_and_errors(void **state)
{
    char *out;
    size_t len;
    const char *body = "{\"channel\":\"DESK\",\"stage\":\"cart\",\"cart\":[]}";

    /* No "now": the clock given is echoed. */
    assert_int_equal(codec_propose(*state, body, strlen(body),
                                   (struct enc_time){1809244800, 0}, &out,
                                   &len),
                     ENC_OK);
    assert_string_equal(out, "{\"channel\":\"DESK\",\"stage\":\"cart\","
                             "\"profile\":null,\"now\":"
                             "\"2027-05-02T08:00:00Z\",\"proposals\":[]}\n");
    free(out);

    body = "{\"channel\":\"WEB\",\"stage\":\"cart\",\"cart\":[{\"product\":"
           "\"TSHIRT\",\"quantity\":0}]}";
    assert_int_equal(codec_propose(*state, body, strlen(body),
                                   (struct enc_time){0, 0}, &out, &len),
                     ENC_INVALID_FIELD);
    assert_string_equal(out, "{\"error\":{\"code\":\"invalid_field\","
                             "\"message\":\"must be between 1 and 1000\","
                             "\"field\":\"cart[0].quantity\"}}\n");
    free(out);

    assert_int_equal(codec_propose(NULL, body, strlen(body),
                                   (struct enc_time){0, 0}, &out, &len),
                     ENC_NOT_FOUND);
    assert_string_equal(out, "{\"error\":{\"code\":\"not_found\","
                             "\"message\":\"no catalogue imported yet\"}}\n");
    free(out);
}

static void
test_spec8_error_encode_exact(void **state)
{
    struct enc_error err = {ENC_UNKNOWN_CODE, "cart[2].product",
                            "unknown product \"X\"\n"};
    char *out = codec_error_encode(&err, NULL);

    (void)state;
    assert_string_equal(out, "{\"error\":{\"code\":\"unknown_code\","
                             "\"message\":\"unknown product \\\"X\\\"\\u000a\","
                             "\"field\":\"cart[2].product\"}}");
    free(out);
    err = (struct enc_error){ENC_TOO_LARGE, "", "too large"};
    out = codec_error_encode(&err, NULL);
    assert_string_equal(out, "{\"error\":{\"code\":\"too_large\","
                             "\"message\":\"too large\"}}");
    free(out);
}

static void
test_spec6_findings_encode_exact(void **state)
{
    struct enc_finding items[2] = {
        {0, -1, SEVERITY_ERROR, "channel DESK is not of type internet"},
        {0, 2, SEVERITY_WARNING, "line has expired"},
    };
    struct enc_findings f = {2, 2, 1, items};
    char *out = codec_findings_encode(*state, &f, NULL);

    assert_string_equal(
        out, "{\"errors\":1,\"warnings\":1,\"findings\":[{\"profile\":"
             "\"WEB-2027\",\"severity\":\"error\",\"message\":\"channel DESK "
             "is not of type internet\"},{\"profile\":\"WEB-2027\",\"line\":"
             "\"L3\",\"severity\":\"warning\",\"message\":\"line has "
             "expired\"}]}");
    free(out);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spec5_cart_quantity_zero),
        cmocka_unit_test(test_spec5_cart_quantity_1001),
        cmocka_unit_test(test_spec5_cart_quantity_negative),
        cmocka_unit_test(test_spec5_cart_quantity_fraction),
        cmocka_unit_test(test_spec5_cart_quantity_string),
        cmocka_unit_test(test_spec5_cart_quantity_bounds_accepted),
        cmocka_unit_test(test_spec5_cart_of_1001_items),
        cmocka_unit_test(test_spec5_unknown_channel),
        cmocka_unit_test(test_spec5_unknown_product),
        cmocka_unit_test(test_spec5_unknown_performance),
        cmocka_unit_test(test_spec5_performance_of_another_product),
        cmocka_unit_test(test_spec5_unknown_seat_category),
        cmocka_unit_test(test_spec5_unknown_audience),
        cmocka_unit_test(test_spec8_missing_performance),
        cmocka_unit_test(test_spec8_focus_with_stage_product_only),
        cmocka_unit_test(test_spec5_bad_now),
        cmocka_unit_test(test_spec5_newline_in_code),
        cmocka_unit_test(test_spec8_fields),
        cmocka_unit_test(test_spec5_malformed_request),
        cmocka_unit_test(test_spec8_body_too_large),
        cmocka_unit_test(test_spec8_request_decoded),
        cmocka_unit_test(test_spec8_answer_upsell_exact),
        cmocka_unit_test(test_spec8_answer_unlimited_and_choice_exact),
        cmocka_unit_test(test_R1_answer_without_profile_exact),
        cmocka_unit_test(test_spec8_codec_propose_example),
        cmocka_unit_test(test_spec8_codec_propose_clock_and_errors),
        cmocka_unit_test(test_spec8_error_encode_exact),
        cmocka_unit_test(test_spec6_findings_encode_exact),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
