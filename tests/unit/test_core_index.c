/*
 * test_core_index.c - what catalogue_index() compiles for the engine
 * (issue 4): lines by base product, profile and stage (R3, R4); row keys
 * and each product's performance slots with their pools (R6, R7); texts
 * by language (R13); and the arena that serves a request from a buffer.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"

/* The lines of product p for profile prof at stage st, as "L1,L2". */
static const char *
lines_of(const struct enc_catalogue *cat, int32_t p, int32_t prof,
         enum enc_stage st, char *buf, size_t size)
{
    size_t n = 0;

    buf[0] = '\0';
    for (uint32_t k = cat->base_first[p]; k < cat->base_first[p + 1]; k++) {
        const struct enc_base_line *e = &cat->base_lines[k];
        if (e->key != BASE_LINE_KEY(prof, st))
            continue;
        n += (size_t)snprintf(buf + n, size - n, "%s%s", n ? "," : "",
                              cat->profiles[prof].lines[e->line].id);
    }
    return buf;
}

/* R3, R4: each product's lines, per profile and stage, in profile order. */
static void
test_index_R4_lines_by_base_profile_stage(void **state)
{
    struct fx *fx = fx_new();
    int32_t web = fx_channel(fx, "WEB", CHANNEL_INTERNET);
    int32_t a = fx_product(fx, "A", KIND_MERCHANDISE);
    int32_t b = fx_product(fx, "B", KIND_MERCHANDISE);
    int32_t p1 = fx_profile(fx, "P1", PROFILE_ACTIVE, web);
    int32_t p2 = fx_profile(fx, "P2", PROFILE_DRAFT, ENC_NONE);
    struct enc_catalogue *cat;
    char buf[128];

    (void)state;
    fx_line(fx, p1, "L1", LINE_CART, a);
    fx_line(fx, p1, "L2", LINE_UPSELL, a);
    fx_line(fx, p1, "L3", LINE_FAVORITE, b);
    fx_line(fx, p1, "L4", LINE_CONDITIONAL, a);
    fx_line(fx, p2, "M1", LINE_POST_PURCHASE, a);
    fx_line(fx, p2, "M2", LINE_CART, a);
    cat = fx_index(fx);
    assert_string_equal(lines_of(cat, a, p1, STAGE_CART, buf, sizeof buf),
                        "L1,L4");
    assert_string_equal(lines_of(cat, a, p1, STAGE_PRODUCT, buf, sizeof buf),
                        "L2");
    assert_string_equal(lines_of(cat, b, p1, STAGE_CART, buf, sizeof buf),
                        "L3");
    assert_string_equal(
        lines_of(cat, a, p2, STAGE_CONFIRMATION, buf, sizeof buf), "M1");
    assert_string_equal(lines_of(cat, a, p2, STAGE_CART, buf, sizeof buf),
                        "M2");
    assert_string_equal(lines_of(cat, b, p2, STAGE_CART, buf, sizeof buf), "");
    assert_int_equal(cat->base_first[cat->n_products], 6);
    fx_free(fx);
}

/* R7: rows of one seat category share a key; each slot (start order)
 * names the pool each key draws on: its category's, else "*". */
static void
test_index_R7_row_keys_and_slots(void **state)
{
    struct fx *fx = fx_new();
    int32_t cat1 = fx_seat_category(fx, "CAT1");
    int32_t cat2 = fx_seat_category(fx, "CAT2");
    int32_t adult = fx_audience(fx, "ADULT");
    int32_t child = fx_audience(fx, "CHILD");
    int32_t evt = fx_product(fx, "EVT", KIND_EVENT);
    int32_t late, early;
    const struct enc_product *pr;
    struct enc_catalogue *cat;

    (void)state;
    fx_price(fx, evt, cat1, adult, 50);
    fx_price(fx, evt, cat2, adult, 30);
    fx_price(fx, evt, cat1, child, 40);
    fx_price(fx, evt, ENC_NONE, child, 10);
    late = fx_performance(fx, evt, "LATE", "2027-06-13T20:00:00+02:00");
    fx_pool(fx, late, cat1, 5);
    fx_pool(fx, late, ENC_NONE, 7);
    early = fx_performance(fx, evt, "EARLY", "2027-06-12T20:00:00+02:00");
    fx_pool(fx, early, cat2, 9);
    cat = fx_index(fx);
    pr = &cat->products[evt];
    assert_int_equal(pr->n_keys, 3); /* CAT1, CAT2, none */
    assert_int_equal(pr->row_key[0], pr->row_key[2]);
    assert_int_not_equal(pr->row_key[0], pr->row_key[1]);
    assert_int_equal(pr->slots[0].perf, early);
    assert_int_equal(pr->slots[1].perf, late);
    assert_int_equal(pr->slots[0].local_day,
                     cat->performances[early].local_day);
    /* EARLY: CAT1 none, CAT2 its pool, none: no "*" there. */
    assert_int_equal(pr->slot_pools[0 * 3 + pr->row_key[0]], ENC_NONE);
    assert_int_equal(pr->slot_pools[0 * 3 + pr->row_key[1]],
                     cat->performances[early].pool_first);
    assert_int_equal(pr->slot_pools[0 * 3 + pr->row_key[3]], ENC_NONE);
    /* LATE: CAT1 its pool, CAT2 and none draw on "*". */
    assert_int_equal(pr->slot_pools[1 * 3 + pr->row_key[0]],
                     cat->performances[late].pool_first);
    assert_int_equal(pr->slot_pools[1 * 3 + pr->row_key[1]],
                     cat->performances[late].pool_first + 1);
    assert_int_equal(pr->slot_pools[1 * 3 + pr->row_key[3]],
                     cat->performances[late].pool_first + 1);
    assert_int_equal(cat->pool_left[cat->performances[late].pool_first + 1], 7);
    fx_free(fx);
}

/* R13: names compiled per language of the institution (fr, then en). */
static void
test_index_R13_texts_by_language(void **state)
{
    struct fx *fx = fx_new();
    int32_t p = fx_product(fx, "P", KIND_MERCHANDISE);
    int32_t q = fx_product(fx, "Q", KIND_MERCHANDISE);
    struct enc_catalogue *cat;

    (void)state;
    fx_text(fx, &fx_prod(fx, p)->name, 2, "en", "Cap", "fr", "Casquette");
    fx_text(fx, &fx_prod(fx, q)->name, 2, "de", "Hut", "en", "");
    cat = fx_index(fx);
    assert_int_equal(cat->products[p].name_by_lang[0], 1); /* fr */
    assert_int_equal(cat->products[p].name_by_lang[1], 0); /* en */
    /* No fr, an empty en: any language it has (R13). */
    assert_int_equal(cat->products[q].name_by_lang[0], 0);
    assert_int_equal(cat->products[q].name_by_lang[1], 0);
    assert_int_equal(catalogue_lang_index(cat, "en"), 1);
    assert_int_equal(catalogue_lang_index(cat, NULL), 0);
    assert_int_equal(catalogue_lang_index(cat, "de"), ENC_NONE);
    assert_int_equal(catalogue_text_item(cat, &cat->products[q].name, "de"), 0);
    fx_free(fx);
}

/* A request's arena on a caller's buffer: no chunk until it is full, and
 * a reset starts over on the buffer. */
static void
test_index_arena_buffer_and_reset(void **state)
{
    static char buf[1024];
    struct arena a;
    char *p, *q, *big;

    (void)state;
    arena_init_buffer(&a, buf, sizeof buf, 0);
    p = arena_alloc(&a, 100);
    assert_true(p >= buf && p < buf + sizeof buf); /* within buf */
    assert_null(a.head);
    big = arena_alloc(&a, 4096);
    assert_non_null(big);
    assert_non_null(a.head);
    memset(big, 1, 4096);
    arena_reset(&a);
    assert_null(a.head);
    q = arena_alloc(&a, 100);
    assert_ptr_equal(p, q);
    assert_int_equal(a.total, 112); /* 100 rounded up to 16 */
    arena_cleanup(&a);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_index_R4_lines_by_base_profile_stage),
        cmocka_unit_test(test_index_R7_row_keys_and_slots),
        cmocka_unit_test(test_index_R13_texts_by_language),
        cmocka_unit_test(test_index_arena_buffer_and_reset),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
