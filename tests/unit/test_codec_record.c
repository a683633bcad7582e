/*
 * test_codec_record.c - the store's record bodies written without a tree
 * (codec_record_encode(), codec_line_encode(): issue 4, imports) are the
 * bytes jansson's compact dump of the trees of encode_catalogue.c gives,
 * for every record and line of every catalogue of tests/ and data/, and
 * for strings that need escaping (SPEC 7).
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
#include "codec/encode_tree.h"
#include "fixture.h"
#include "source.h"

/* Asserts that the streamed text equals the tree's compact dump. */
static void
same_bytes(char *streamed, size_t len, json_t *tree)
{
    char *dumped = json_dumps(tree, JSON_COMPACT | JSON_PRESERVE_ORDER);

    assert_non_null(streamed);
    assert_non_null(dumped);
    if (strlen(dumped) != len || memcmp(dumped, streamed, len) != 0) {
        fprintf(stderr, "tree     %s\nstreamed %s\n", dumped, streamed);
        fail();
    }
    free(dumped);
    free(streamed);
    json_decref(tree);
}

/* Every record of cat, of every kind, the institution, every line. */
static void
compare_records(const struct enc_catalogue *cat)
{
    const uint32_t counts[CODE_KIND_COUNT] = {
        cat->n_channels,     cat->n_seat_categories, cat->n_audiences,
        cat->n_activities,   cat->n_themes,          cat->n_products,
        cat->n_performances, cat->n_profiles};
    size_t len = 0;
    char *text;

    for (int k = 0; k <= CODE_KIND_COUNT; k++)
        for (uint32_t i = 0; i < (k < CODE_KIND_COUNT ? counts[k] : 1); i++) {
            text = codec_record_encode(cat, (enum enc_code_kind)k, i, &len);
            same_bytes(
                text, len,
                encode_record_tree(cat, (enum enc_code_kind)k, i, false));
        }
    for (uint32_t p = 0; p < cat->n_profiles; p++)
        for (uint32_t l = 0; l < cat->profiles[p].n_lines; l++) {
            text = codec_line_encode(cat, p, l, &len);
            same_bytes(text, len,
                       encode_line_tree(cat, &cat->profiles[p].lines[l]));
        }
}

/* The catalogue at path (from the source tree), decoded and compared. */
static void
compare_file(const char *path)
{
    struct enc_catalogue *cat = source_catalogue(path);
    assert_non_null(cat);
    compare_records(cat);
    catalogue_free(cat);
}

static void
test_spec7_records_of_the_test_catalogues(void **state)
{
    (void)state;
    compare_file("tests/data/spec-example.json");
    compare_file("tests/data/rich-catalogue.json");
    compare_file("tests/cases/catalogue.json");
    compare_file("data/sample-season.json");
}

/* SPEC 7: texts with quotes, backslashes, newlines, tabs, every control
 * jansson escapes, DEL, '/', and UTF-8 (written as it is). */
static void
test_spec7_records_escape_as_jansson(void **state)
{
    struct fx *fx = fx_new();
    int32_t p = fx_product(fx, "P\"1\\/", KIND_MERCHANDISE);
    int32_t q = fx_product(fx, "Q", KIND_MERCHANDISE);
    char controls[40];
    size_t k = 0;

    (void)state;
    for (int c = 1; c < 0x20; c++)
        controls[k++] = (char)c;
    controls[k++] = 0x7f;
    controls[k] = '\0';
    fx_text(fx, &fx_prod(fx, p)->name, 2, "fr",
            "Caf\xc3\xa9 \xe2\x80\xa8 \"x\"", "en", controls);
    fx_text(fx, &fx_prod(fx, p)->description, 1, "en", "a\tb\nc\\d/e");
    fx_price(fx, p, ENC_NONE, ENC_NONE, 0);
    fx_price(fx, q, ENC_NONE, ENC_NONE, 9007199254740991);
    fx_prod(fx, q)->max_per_order = 7;
    fx_prod(fx, q)->has_stock = true;
    fx_prod(fx, q)->stock = 0;
    compare_records(fx_index(fx));
    fx_free(fx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spec7_records_of_the_test_catalogues),
        cmocka_unit_test(test_spec7_records_escape_as_jansson),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
