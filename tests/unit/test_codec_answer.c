/*
 * test_codec_answer.c - answers written from a prepared catalogue's
 * fragments (codec_catalogue_prepare(), issue 4) are the very bytes
 * written without them (SPEC 8), and so are those of codec_propose_reuse()
 * (the thread's buffers), on every catalogue of tests/ and data/,
 * for every product as a cart, a confirmation and a focus, in every
 * language of the institution, one it does not have, and none (R13).
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

/* The catalogue at path (from the source tree), decoded. */
static struct enc_catalogue *
load(const char *path)
{
    struct enc_catalogue *cat = source_catalogue(path);
    assert_non_null(cat);
    return cat;
}

/* Asserts that request gets the same bytes from both catalogues;
 * returns the number of proposals (-1 for an error answer). */
static int
same_answer(const struct enc_catalogue *plain,
            const struct enc_catalogue *prepared, const char *request)
{
    struct enc_time now = {1809244800, 0};
    char *a = NULL, *b = NULL;
    size_t alen = 0, blen = 0;
    enum enc_code ra, rb;
    int n = 0;

    const char *c = NULL;
    size_t clen = 0;
    uint32_t counts[PLACEMENT_COUNT], counted = 0;

    ra = codec_propose(plain, request, strlen(request), now, &a, &alen);
    rb = codec_propose(prepared, request, strlen(request), now, &b, &blen);
    assert_int_equal(ra, rb);
    /* The thread's reused buffers give the same bytes too. */
    assert_int_equal(codec_propose_reuse(prepared, NULL, request,
                                         strlen(request), now, &c, &clen,
                                         counts),
                     rb);
    assert_int_equal(clen, blen);
    assert_memory_equal(c, b, blen);
    if (alen != blen || memcmp(a, b, alen) != 0) {
        fprintf(stderr, "request %s\nplain    %s\nprepared %s\n", request, a,
                b);
        fail();
    }
    for (const char *s = a; (s = strstr(s, "\"line\":")) != NULL; s++)
        n++;
    for (int p = 0; p < PLACEMENT_COUNT; p++)
        counted += counts[p];
    assert_int_equal(counted, ra == ENC_OK ? (uint32_t)n : 0);
    free(a);
    free(b);
    return ra == ENC_OK ? n : -1;
}

/* Every product of the catalogue at path as a cart item (its first
 * performance), a confirmation and a focus, on every channel, in each
 * language; returns how many proposals the answers held. */
static long
compare_catalogue(const char *path, const char *now)
{
    static const char *const langs[] = {"", ",\"lang\":\"en\"",
                                        ",\"lang\":\"fr\"", ",\"lang\":\"de\""};
    static const char *const stages[] = {"cart", "confirmation", "product"};
    struct enc_catalogue *plain = load(path), *prepared = load(path);
    long proposals = 0;
    char req[1024], item[512];

    assert_true(codec_catalogue_prepare(prepared));
    assert_true(codec_catalogue_prepare(prepared)); /* once is enough */
    for (uint32_t p = 0; p < plain->n_products; p++) {
        const struct enc_product *pr = &plain->products[p];
        if (pr->n_performances > 0)
            snprintf(item, sizeof item,
                     "{\"product\":\"%s\",\"performance\":\"%s\","
                     "\"quantity\":2}",
                     pr->code, plain->performances[pr->perf_first].code);
        else
            snprintf(item, sizeof item, "{\"product\":\"%s\",\"quantity\":2}",
                     pr->code);
        for (uint32_t c = 0; c < plain->n_channels; c++)
            for (size_t s = 0; s < 3; s++)
                for (size_t l = 0; l < 4; l++) {
                    int n;
                    if (s == 2)
                        snprintf(req, sizeof req,
                                 "{\"channel\":\"%s\",\"stage\":\"product\","
                                 "\"now\":\"%s\"%s,\"cart\":[],\"focus\":%s}",
                                 plain->channels[c].code, now, langs[l], item);
                    else
                        snprintf(req, sizeof req,
                                 "{\"channel\":\"%s\",\"stage\":\"%s\","
                                 "\"now\":\"%s\"%s,\"cart\":[%s]}",
                                 plain->channels[c].code, stages[s], now,
                                 langs[l], item);
                    n = same_answer(plain, prepared, req);
                    proposals += n > 0 ? n : 0;
                }
    }
    catalogue_free(plain);
    catalogue_free(prepared);
    return proposals;
}

/* The "now" of the test catalogues' seasons. */
#define SOON "2027-05-02T10:00:00+02:00"

static void
test_spec8_prepared_answers_spec_example(void **state)
{
    (void)state;
    assert_true(compare_catalogue("tests/data/spec-example.json", SOON) > 0);
}

static void
test_spec8_prepared_answers_rich_catalogue(void **state)
{
    (void)state;
    assert_true(compare_catalogue("tests/data/rich-catalogue.json", SOON) > 0);
}

static void
test_spec8_prepared_answers_case_catalogue(void **state)
{
    (void)state;
    assert_true(compare_catalogue("tests/cases/catalogue.json", SOON) > 0);
}

static void
test_spec8_prepared_answers_sample_season(void **state)
{
    (void)state;
    assert_true(compare_catalogue("data/sample-season.json",
                                  "2024-09-02T10:00:00-04:00") > 50);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spec8_prepared_answers_spec_example),
        cmocka_unit_test(test_spec8_prepared_answers_rich_catalogue),
        cmocka_unit_test(test_spec8_prepared_answers_case_catalogue),
        cmocka_unit_test(test_spec8_prepared_answers_sample_season),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
