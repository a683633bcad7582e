/*
 * test_embed.c - the public API of include/encore.h, as a shop embedding
 * the engine would use it: the SPEC 7 example in, the SPEC 8 answer out.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "encore.h"
#include "source.h"

/* The SPEC 8 example answer, compact, as encore_propose() writes it. */
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
    "20}]}]}\n"

/* The SPEC 8 example request. */
#define SPEC8_REQUEST                                                          \
    "{\"channel\": \"WEB\", \"stage\": \"cart\", \"lang\": \"en\", "           \
    "\"now\": \"2027-05-02T10:00:00+02:00\",\n \"cart\": [{\"product\": "      \
    "\"JAZZ-1\", \"performance\": \"JAZZ-1-0612\",\n"                          \
    "\"seat_category\": \"CAT1\", \"audience\": \"ADULT\", \"quantity\": 2}]}"

/* tests/data/spec-example.json, read whole (the caller frees). */
static char *
example_read(size_t *len)
{
    char *text = source_read("tests/data/spec-example.json", len);
    assert_non_null(text);
    return text;
}

/* The engine of the SPEC 7 example. */
static encore_engine *
example_engine(void)
{
    size_t len;
    char *doc = example_read(&len);
    encore_engine *engine = NULL;
    char *error = NULL;

    assert_int_equal(encore_engine_load(doc, len, &engine, &error), 200);
    assert_non_null(engine);
    assert_null(error);
    free(doc);
    return engine;
}

static void
test_spec8_embed_example_answer(void **state)
{
    encore_engine *engine = example_engine();
    char *answer = NULL;
    size_t len = 0;

    (void)state;
    assert_int_equal(encore_propose(engine, SPEC8_REQUEST,
                                    strlen(SPEC8_REQUEST), &answer, &len),
                     200);
    assert_string_equal(answer, SPEC8_ANSWER);
    assert_int_equal(len, strlen(SPEC8_ANSWER));
    encore_free(answer);
    encore_engine_free(engine);
}

/* Asserts the status and the error object of one request. */
static void
expect_status(const encore_engine *engine, const char *request, int status,
              const char *answer)
{
    char *out = NULL;
    size_t len = 0;

    assert_int_equal(
        encore_propose(engine, request, strlen(request), &out, &len), status);
    assert_string_equal(out, answer);
    assert_int_equal(len, strlen(answer));
    encore_free(out);
}

static void
test_spec8_embed_statuses(void **state)
{
    encore_engine *engine = example_engine();
    char *big;

    (void)state;
    expect_status(engine, "{", 400,
                  "{\"error\":{\"code\":\"invalid_json\",\"message\":"
                  "\"invalid JSON at line 1, column 1: string or '}' "
                  "expected near end of file\"}}\n");
    expect_status(engine,
                  "{\"channel\":\"WEB\",\"stage\":\"cart\",\"cart\":["
                  "{\"product\":\"CD\",\"quantity\":1}]}",
                  422,
                  "{\"error\":{\"code\":\"unknown_code\",\"message\":"
                  "\"unknown product CD\",\"field\":\"cart[0].product\"}}\n");
    /* R1: a box office channel gets an empty list, not an error. */
    expect_status(engine,
                  "{\"channel\":\"DESK\",\"stage\":\"cart\",\"now\":"
                  "\"2027-05-02T10:00:00+02:00\",\"cart\":[]}",
                  200,
                  "{\"channel\":\"DESK\",\"stage\":\"cart\",\"profile\":null,"
                  "\"now\":\"2027-05-02T10:00:00+02:00\",\"proposals\":[]}\n");
    expect_status(NULL, "{}", 404,
                  "{\"error\":{\"code\":\"not_found\",\"message\":"
                  "\"no catalogue imported yet\"}}\n");

    big = calloc(1, (1u << 20) + 2);
    assert_non_null(big);
    memset(big, ' ', (1u << 20) + 1);
    big[0] = '{';
    big[1u << 20] = '}';
    expect_status(engine, big, 413,
                  "{\"error\":{\"code\":\"too_large\",\"message\":"
                  "\"the request is larger than 1048576 bytes\"}}\n");
    free(big);
    encore_engine_free(engine);
}

static void
test_spec5_embed_load_refuses_bad_document(void **state)
{
    const char *doc = "{\"format\":\"encore-catalogue/1\"}";
    encore_engine *engine = (encore_engine *)&engine;
    char *error = NULL;

    (void)state;
    assert_int_equal(encore_engine_load(doc, strlen(doc), &engine, &error),
                     400);
    assert_null(engine);
    assert_string_equal(error, "{\"error\":{\"code\":\"invalid_field\","
                               "\"message\":\"missing field\",\"field\":"
                               "\"institution\"}}");
    encore_free(error);
    /* error_json may be NULL. */
    assert_int_equal(encore_engine_load("[", 1, &engine, NULL), 400);
    assert_null(engine);
}

/* SPEC 6: an active profile with an error is refused, as an import is. */
static void
test_spec6_embed_load_refuses_active_profile_error(void **state)
{
    size_t len;
    char *doc = example_read(&len);
    char *bad = malloc(len + 16);
    char *at = strstr(doc, "\"channels\": [\"WEB\"]");
    encore_engine *engine = NULL;
    char *error = NULL;

    (void)state;
    assert_non_null(bad);
    assert_non_null(at);
    /* The active profile names the box office channel. */
    snprintf(bad, len + 16, "%.*s\"channels\": [\"DESK\"]%s", (int)(at - doc),
             doc, at + strlen("\"channels\": [\"WEB\"]"));
    assert_int_equal(encore_engine_load(bad, strlen(bad), &engine, &error),
                     400);
    assert_null(engine);
    assert_non_null(strstr(error, "\"field\":\"profiles[0]\""));
    assert_non_null(strstr(error, "\"code\":\"invalid_field\""));
    encore_free(error);
    free(bad);
    free(doc);
}

static void
test_embed_version(void **state)
{
    (void)state;
    assert_string_equal(encore_version(), ENCORE_VERSION);
    assert_string_equal(encore_version(), "0.1.0");
    encore_engine_free(NULL);
    encore_free(NULL);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spec8_embed_example_answer),
        cmocka_unit_test(test_spec8_embed_statuses),
        cmocka_unit_test(test_spec5_embed_load_refuses_bad_document),
        cmocka_unit_test(test_spec6_embed_load_refuses_active_profile_error),
        cmocka_unit_test(test_embed_version),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
