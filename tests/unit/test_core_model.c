/*
 * test_core_model.c - the catalogue's pieces under the rules: the arena,
 * the code maps, package contents (R4, R10, R12) with cycle detection, the
 * active profile of each channel (R1), the wire names of the enums and
 * the language of a text (R13).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "core/error.h"
#include "fixture.h"

/* Allocations are zeroed, aligned, kept apart, and stop at the cap. */
static void
test_arena_alloc_and_cap(void **state)
{
    struct arena a;
    char *p, *q, *big;

    (void)state;
    arena_init(&a, 0);
    p = arena_alloc(&a, 3);
    q = arena_alloc(&a, 8);
    assert_non_null(p);
    assert_non_null(q);
    assert_true(q >= p + 3);
    assert_int_equal((uintptr_t)q % _Alignof(max_align_t), 0);
    big = arena_alloc(&a, 1 << 20); /* past one chunk */
    assert_non_null(big);
    for (size_t i = 0; i < (1 << 20); i += 4096)
        assert_int_equal(big[i], 0);
    assert_string_equal(arena_strndup(&a, "abcdef", 3), "abc");
    assert_string_equal(arena_strdup(&a, "xyz"), "xyz");
    arena_cleanup(&a);

    arena_init(&a, 100);
    assert_non_null(arena_alloc(&a, 64));
    assert_null(arena_alloc(&a, 64));
    assert_non_null(arena_alloc(&a, 16));
    assert_true(a.total <= 100);
    assert_null(arena_alloc(&a, SIZE_MAX));
    arena_cleanup(&a);
}

/* enc_error_set fills the error and returns its code; names are those of
 * SPEC 8. */
static void
test_error_set_and_names(void **state)
{
    struct enc_error err;

    (void)state;
    assert_int_equal(enc_error_set(&err, ENC_UNKNOWN_CODE, "cart[2].product",
                                   "no product %s", "X"),
                     ENC_UNKNOWN_CODE);
    assert_string_equal(err.field, "cart[2].product");
    assert_string_equal(err.message, "no product X");
    enc_error_set(&err, ENC_INVALID_JSON, NULL, "bad");
    assert_string_equal(err.field, "");
    assert_int_equal(enc_error_set(NULL, ENC_CONFLICT, NULL, "x"),
                     ENC_CONFLICT);
    assert_string_equal(enc_code_name(ENC_INVALID_FIELD), "invalid_field");
    assert_string_equal(enc_code_name(ENC_UNSUPPORTED_MEDIA),
                        "unsupported_media_type");
    assert_string_equal(enc_code_name(ENC_CONFLICT), "conflict");
}

/* Codes resolve to their record through the map, by exact length, with
 * many records per kind. */
static void
test_catalogue_lookup(void **state)
{
    struct fx *fx = fx_new();
    char code[16];

    (void)state;
    for (int i = 0; i < 200; i++) {
        snprintf(code, sizeof(code), "P%d", i);
        fx_product(fx, code, KIND_MERCHANDISE);
    }
    fx_channel(fx, "WEB", CHANNEL_INTERNET);
    /* Before catalogue_index(), a plain scan answers the same. */
    assert_int_equal(catalogue_lookup(fx->cat, CODE_PRODUCT, "P7", 2), 7);
    fx_index(fx);
    for (int i = 0; i < 200; i++) {
        snprintf(code, sizeof(code), "P%d", i);
        assert_int_equal(
            catalogue_lookup(fx->cat, CODE_PRODUCT, code, strlen(code)), i);
    }
    assert_int_equal(catalogue_lookup(fx->cat, CODE_PRODUCT, "P1999", 2), 1);
    assert_int_equal(catalogue_lookup(fx->cat, CODE_PRODUCT, "P200", 4), -1);
    assert_int_equal(catalogue_lookup(fx->cat, CODE_PRODUCT, "", 0), -1);
    assert_int_equal(catalogue_lookup(fx->cat, CODE_CHANNEL, "WEB", 3), 0);
    assert_int_equal(catalogue_lookup(fx->cat, CODE_CHANNEL, "P1", 2), -1);
    assert_int_equal(catalogue_lookup(fx->cat, CODE_PROFILE, "WEB", 3), -1);
    fx_free(fx);
}

/* Package contents are transitive (R4, R10); a product is not inside
 * itself, and a package inside itself, even through another, makes
 * catalogue_index() fail. */
static void
test_package_contents_and_cycles(void **state)
{
    struct fx *fx = fx_new();
    int32_t a, b, box, crate;

    (void)state;
    a = fx_product(fx, "A", KIND_EVENT);
    b = fx_product(fx, "B", KIND_MERCHANDISE);
    box = fx_product(fx, "BOX", KIND_PACKAGE);
    fx_component(fx, box, a, 1);
    fx_component(fx, box, b, 2);
    crate = fx_product(fx, "CRATE", KIND_PACKAGE);
    fx_component(fx, crate, box, 1);
    fx_index(fx);
    assert_true(product_contains(fx->cat, box, a));
    assert_true(product_contains(fx->cat, crate, a));
    assert_true(product_contains(fx->cat, crate, b));
    assert_true(product_contains(fx->cat, crate, box));
    assert_false(product_contains(fx->cat, box, crate));
    assert_false(product_contains(fx->cat, a, a));
    assert_false(product_contains(fx->cat, box, box));
    assert_false(product_contains(fx->cat, -1, a));
    assert_int_equal(fx_prod(fx, crate)->n_contents, 3);

    fx_component(fx, box, crate, 1);
    assert_false(catalogue_index(fx->cat));
    fx_free(fx);
}

/* R1: each channel's active profile is the first active one naming it;
 * drafts hold nothing. */
static void
test_channel_profile(void **state)
{
    struct fx *fx = fx_new();
    int32_t web, web2, desk, p1, p2;

    (void)state;
    web = fx_channel(fx, "WEB", CHANNEL_INTERNET);
    web2 = fx_channel(fx, "WEB2", CHANNEL_INTERNET);
    desk = fx_channel(fx, "DESK", CHANNEL_BOX_OFFICE);
    fx_profile(fx, "D", PROFILE_DRAFT, web);
    p1 = fx_profile(fx, "A1", PROFILE_ACTIVE, web2);
    p2 = fx_profile(fx, "A2", PROFILE_ACTIVE, web);
    fx_profile_channel(fx, p2, web2);
    fx_index(fx);
    assert_int_equal(fx->cat->channel_profile[web], p2);
    assert_int_equal(fx->cat->channel_profile[web2], p1);
    assert_int_equal(fx->cat->channel_profile[desk], -1);
    fx_free(fx);
}

/*
 * An overlay shares its base's records and indexes only its profiles: in
 * another order, R1's channel holder and the lines by base product (R3)
 * follow the new indexes; it outlives the base it borrowed from, which
 * AddressSanitizer would see otherwise.
 */
static void
test_overlay_reorders_profiles_and_outlives_its_base(void **state)
{
    struct fx *fx = fx_new();
    int32_t web, a, b, pa, pb;

    (void)state;
    web = fx_channel(fx, "WEB", CHANNEL_INTERNET);
    a = fx_product(fx, "A", KIND_EVENT);
    b = fx_product(fx, "B", KIND_MERCHANDISE);
    pa = fx_profile(fx, "PA", PROFILE_DRAFT, web);
    pb = fx_profile(fx, "PB", PROFILE_ACTIVE, web);
    fx_target(fx, pa, fx_line(fx, pa, "LA", LINE_CART, a), b);
    fx_target(fx, pb, fx_line(fx, pb, "LB", LINE_CART, a), b);
    fx_index(fx);

    struct enc_catalogue *o = catalogue_overlay(fx->cat);
    assert_non_null(o);
    struct enc_profile_source sources[] = {{fx->cat, (uint32_t)pb},
                                           {fx->cat, (uint32_t)pa}};
    assert_true(catalogue_profiles_assemble(o, sources, 2));
    fx_free(fx); /* o still holds the base */

    assert_ptr_equal(o->products, catalogue_records_owner(o)->products);
    assert_int_equal(catalogue_lookup(o, CODE_PRODUCT, "B", 1), b);
    assert_int_equal(catalogue_lookup(o, CODE_PROFILE, "PB", 2), 0);
    assert_int_equal(catalogue_lookup(o, CODE_PROFILE, "PA", 2), 1);
    assert_int_equal(o->channel_profile[web], 0);
    assert_int_equal(o->base_first[a + 1] - o->base_first[a], 2);
    assert_int_equal(o->base_lines[o->base_first[a]].key,
                     BASE_LINE_KEY(0, STAGE_CART));
    assert_string_equal(o->profiles[0].lines[0].id, "LB");
    catalogue_free(o);
}

/* The wire names of the enums and back; unknown names give -1. */
static void
test_enum_names(void **state)
{
    (void)state;
    for (int i = 0; i <= KIND_PACKAGE; i++)
        assert_int_equal(kind_parse(kind_name((enum enc_kind)i)), i);
    for (int i = 0; i <= CHANNEL_KIOSK; i++)
        assert_int_equal(
            channel_type_parse(channel_type_name((enum enc_channel_type)i)), i);
    for (int i = 0; i <= LINE_POST_PURCHASE; i++)
        assert_int_equal(line_type_parse(line_type_name((enum enc_line_type)i)),
                         i);
    for (int i = 0; i < PLACEMENT_COUNT; i++)
        assert_int_equal(placement_parse(placement_name((enum enc_placement)i)),
                         i);
    for (int i = 0; i <= STAGE_CONFIRMATION; i++)
        assert_int_equal(stage_parse(stage_name((enum enc_stage)i)), i);
    assert_string_equal(kind_name(KIND_PASS_TIMED), "pass_timed");
    assert_string_equal(line_type_name(LINE_POST_PURCHASE), "post_purchase");
    assert_string_equal(placement_name(PLACEMENT_UNDER_CART), "under_cart");
    assert_string_equal(channel_type_name(CHANNEL_CALL_CENTER), "call_center");
    assert_int_equal(kind_parse("Event"), -1);
    assert_int_equal(stage_parse(""), -1);
    assert_int_equal(line_type_parse(NULL), -1);
}

/* R13: a language tag is compared in any case, and a tag missing from a
 * text falls back to its primary subtag before the first language. */
static void
test_text_language_tags(void **state)
{
    struct fx *fx = fx_new(); /* languages fr, en */
    struct enc_text t, regional;

    (void)state;
    fx_text(fx, &t, 2, "fr", "Bonjour", "en", "Hello");
    fx_text(fx, &regional, 3, "fr", "Bonjour", "en", "Hello", "en-US", "Howdy");
    assert_string_equal(catalogue_text(fx->cat, &t, "EN"), "Hello");
    assert_string_equal(catalogue_text(fx->cat, &t, "en-US"), "Hello");
    assert_string_equal(catalogue_text(fx->cat, &t, "En-gb"), "Hello");
    assert_string_equal(catalogue_text(fx->cat, &t, "de-CH"), "Bonjour");
    assert_string_equal(catalogue_text(fx->cat, &t, "e"), "Bonjour");
    assert_string_equal(catalogue_text(fx->cat, &regional, "EN-us"), "Howdy");
    assert_string_equal(catalogue_text(fx->cat, &regional, "en"), "Hello");
    assert_int_equal(catalogue_lang_index(fx->cat, "EN"), 1);
    assert_int_equal(catalogue_lang_index(fx->cat, "Fr"), 0);
    assert_int_equal(catalogue_lang_index(fx->cat, "en-US"), -1);
    fx_free(fx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arena_alloc_and_cap),
        cmocka_unit_test(test_error_set_and_names),
        cmocka_unit_test(test_catalogue_lookup),
        cmocka_unit_test(test_package_contents_and_cycles),
        cmocka_unit_test(test_channel_profile),
        cmocka_unit_test(test_overlay_reorders_profiles_and_outlives_its_base),
        cmocka_unit_test(test_enum_names),
        cmocka_unit_test(test_text_language_tags),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
