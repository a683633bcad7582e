/*
 * test_codec_trace.c - the preview's trace as JSON (codec_trace_encode),
 * on the SPEC 7 example: every field, in order, for a cart of one CAT1
 * adult seat (L3's minimum of 2 not reached, R4) and of two.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codec/codec.h"
#include "source.h"

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

/* Decodes request, proposes with a trace and returns the trace's JSON
 * (the caller frees). */
static char *
trace_json(const struct enc_catalogue *cat, const char *request)
{
    struct enc_trace trace = {0};
    struct enc_propose_opts opts = {.trace = &trace};
    struct enc_request req;
    struct enc_answer ans;
    struct enc_error err = {0};
    struct arena arena;
    bool has_now;
    size_t len = 0;
    char *json;

    arena_init(&arena, 0);
    assert_int_equal(codec_request_decode(cat, request, strlen(request), &arena,
                                          &req, &has_now, &err),
                     ENC_OK);
    assert_int_equal(enc_propose_with(cat, &req, &opts, &arena, &ans, &err),
                     ENC_OK);
    json = codec_trace_encode(cat, &trace, &len);
    assert_non_null(json);
    assert_int_equal(strlen(json), len);
    arena_cleanup(&arena);
    return json;
}

#define REQUEST(qty)                                                           \
    "{\"channel\":\"WEB\",\"stage\":\"cart\",\"now\":"                         \
    "\"2027-05-02T10:00:00+02:00\",\"cart\":[{\"product\":\"JAZZ-1\","         \
    "\"performance\":\"JAZZ-1-0612\",\"seat_category\":\"CAT1\","              \
    "\"audience\":\"ADULT\",\"quantity\":" qty "}]}"

#define L1_OTHER_STAGE                                                         \
    "{\"line\":\"L1\",\"type\":\"upsell\",\"base\":{\"product\":\"JAZZ-1\"},"  \
    "\"outcome\":\"stopped\",\"rule\":\"R3\",\"reason\":\"not_this_stage\","   \
    "\"message\":\"the line is used at another stage\"}"
#define L2_PROPOSED                                                            \
    "{\"line\":\"L2\",\"type\":\"cart\",\"base\":{\"product\":\"JAZZ-1\","     \
    "\"performance\":\"JAZZ-1-0612\"},\"target\":0,\"product\":\"PARKING\","   \
    "\"outcome\":\"proposed\",\"reason\":\"proposed\",\"message\":"            \
    "\"proposed\"}"

/* R3, R4: one seat leaves L3 below its minimum of 2. */
static void
test_trace_json_R4_min_quantity(void **state)
{
    char *json = trace_json(*state, REQUEST("1"));

    assert_string_equal(
        json, "[" L1_OTHER_STAGE "," L2_PROPOSED
              ",{\"line\":\"L3\",\"type\":\"conditional\",\"base\":{"
              "\"product\":\"JAZZ-1\",\"performance\":\"JAZZ-1-0612\"},"
              "\"outcome\":\"stopped\",\"rule\":\"R4\",\"reason\":"
              "\"min_quantity_not_reached\",\"message\":\"the minimum "
              "quantity is not reached\"}]");
    free(json);
}

/* Two seats: L3's target is proposed too. */
static void
test_trace_json_all_proposed(void **state)
{
    char *json = trace_json(*state, REQUEST("2"));

    assert_string_equal(
        json, "[" L1_OTHER_STAGE "," L2_PROPOSED
              ",{\"line\":\"L3\",\"type\":\"conditional\",\"base\":{"
              "\"product\":\"JAZZ-1\",\"performance\":\"JAZZ-1-0612\"},"
              "\"target\":0,\"product\":\"DINNER\",\"outcome\":\"proposed\","
              "\"reason\":\"proposed\",\"message\":\"proposed\"}]");
    free(json);
}

/* R1: no profile on DESK, an empty trace. */
static void
test_trace_json_R1_no_profile(void **state)
{
    char *json = trace_json(
        *state, "{\"channel\":\"DESK\",\"stage\":\"cart\",\"cart\":[]}");

    assert_string_equal(json, "[]");
    free(json);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_trace_json_R4_min_quantity),
        cmocka_unit_test(test_trace_json_all_proposed),
        cmocka_unit_test(test_trace_json_R1_no_profile),
    };

    return cmocka_run_group_tests(tests, setup, teardown);
}
