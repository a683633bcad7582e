/*
 * test_codec_jtok.c - the request's fast path against jansson (SPEC 5).
 *
 * Differential tests: on a corpus of valid and invalid texts (written by
 * hand for every rule of SPEC 5's "malformed JSON", then thousands of
 * random mutations of real requests), the tokenizer of jtok.h accepts
 * exactly what parse_object() (jansson) accepts, with the same values
 * (strings as views of the text or as copies);
 * and the tokens path of a request accepts exactly the requests the tree
 * path accepts, read the same way.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codec/codec.h"
#include "codec/jtok.h"
#include "codec/parse.h"
#include "codec/request.h"
#include "source.h"

/* ---- The JSON layer ---- */

/* True when token x (and what follows it) holds the same value as v. */
static bool
same_value(const struct jtok *x, const json_t *v)
{
    switch (x->type) {
    case JTOK_OBJECT:
        if (!json_is_object(v) || json_object_size(v) != x->n)
            return false;
        for (const struct jtok *k = jv_first_key(x); k; k = jv_next_key(x, k))
            if (!same_value(k + 1, json_object_getn(v, k->s, k->n)) ||
                jv_object_getn(x, k->s, k->n) != k + 1)
                return false;
        return true;
    case JTOK_ARRAY:
        if (!json_is_array(v) || json_array_size(v) != x->n)
            return false;
        for (uint32_t i = 0; i < x->n; i++)
            if (!same_value(jv_array_get(x, i), json_array_get(v, i)))
                return false;
        return jv_array_get(x, x->n) == NULL;
    case JTOK_STRING:
        return json_is_string(v) && json_string_length(v) == x->n &&
               memcmp(json_string_value(v), x->s, x->n) == 0;
    case JTOK_INTEGER:
        return json_is_integer(v) && json_integer_value(v) == x->i;
    case JTOK_REAL:
        return json_is_real(v);
    case JTOK_TRUE:
        return json_is_true(v);
    case JTOK_FALSE:
        return json_is_false(v);
    case JTOK_NULL:
        return json_is_null(v);
    }
    return false;
}

/* True when every string of a copied tokenizing is NUL-terminated. */
static bool
all_terminated(const struct jtok_doc *doc)
{
    for (uint32_t t = 0; t < doc->n; t++)
        if (doc->toks[t].type == JTOK_STRING &&
            doc->toks[t].s[doc->toks[t].n] != '\0')
            return false;
    return true;
}

/* Asserts that jtok and parse_object() agree on len bytes of text:
 * both refuse, or both accept the same object. Returns whether they
 * accepted. */
static bool
agree(const char *text, size_t len)
{
    struct arena arena;
    struct jtok_doc doc, copied;
    struct enc_error err = {0};
    json_t *root = NULL;
    bool fast, slow, fast_copied;

    arena_init(&arena, 0);
    fast = jtok_parse(text, len, &arena, false, &doc) &&
           doc.toks[0].type == JTOK_OBJECT;
    fast_copied = jtok_parse(text, len, &arena, true, &copied) &&
                  copied.toks[0].type == JTOK_OBJECT;
    slow = parse_object(text, len, CODEC_MAX_BODY, "the request", &root,
                        &err) == ENC_OK;
    if (fast != slow || fast_copied != fast ||
        (fast &&
         (!same_value(doc.toks, root) || !same_value(copied.toks, root) ||
          !all_terminated(&copied)))) {
        for (size_t b = 0; b < len; b++)
            fprintf(stderr, "%02x ", (unsigned char)text[b]);
        fprintf(stderr, "jtok %s, jansson %s (%s): [%.*s]\n",
                fast ? "accepts" : "refuses", slow ? "accepts" : "refuses",
                err.message, (int)len, text);
        fail();
    }
    json_decref(root);
    arena_cleanup(&arena);
    return fast;
}

#define AGREE(s) agree(s, sizeof(s) - 1)

/* SPEC 5: every way a text can be malformed, and valid neighbours. */
static void
test_spec5_jtok_agrees_on_written_cases(void **state)
{
    static const char *const cases[] = {
        "{}",
        " {} ",
        "{\"a\":1}",
        "{\r\n\"a\" : 1 }",
        "[1,1]",
        "[]",
        "1",
        "\"a\"",
        "true",
        "",
        " ",
        "{",
        "}",
        "{} x",
        "{},",
        "{\"a\":1,}",
        "{\"\":1}",
        "{\"a\" 1}",
        "{a:1}",
        "{'a':1}",
        "{\"a\":1 \"b\":2}",
        "{\f\"a\":1}",
        "\xef\xbb\xbf{}",
        /* numbers */
        "{\"a\":01}",
        "{\"a\":-}",
        "{\"a\":1.}",
        "{\"a\":.5}",
        "{\"a\":1e}",
        "{\"a\":-0}",
        "{\"a\":9223372036854775807}",
        "{\"a\":9223372036854775808}",
        "{\"a\":-9223372036854775808}",
        "{\"a\":-9223372036854775809}",
        "{\"a\":1e400}",
        "{\"a\":1e-400}",
        "{\"a\":-1e400}",
        "{\"a\":1E+2}",
        "{\"a\":1e-2}",
        "{\"a\":-01}",
        "{\"a\":00}",
        "{\"a\":0x10}",
        "{\"a\":+1}",
        "{\"a\":1e5.5}",
        "{\"a\":1.5e}",
        "{\"a\":0.0e0}",
        "{\"a\":1.5}",
        "{\"a\":123456789012345678901234567890.0}",
        "{\"a\":123456789012345678901234567890}",
        /* literals */
        "{\"a\":true}",
        "{\"a\":false}",
        "{\"a\":null}",
        "{\"a\":tru}",
        "{\"a\":nul}",
        "{\"a\":True}",
        /* strings, escapes, unicode */
        "{\"a\":\"\x7f\"}",
        "{\"a\":\"\\u0000\"}",
        "{\"a\":\"\\ud800\"}",
        "{\"a\":\"\\ud800\\u0041\"}",
        "{\"a\":\"\\udc00\"}",
        "{\"a\":\"\\ud83d\\ude00\"}",
        "{\"a\":\"\\uDBFF\\uDFFF\"}",
        "{\"a\":\"\\uD800\\uD800\"}",
        "{\"a\":\"\\u00e9\"}",
        "{\"a\":\"\\uFFFF\"}",
        "{\"a\":\"\\u12\"}",
        "{\"a\":\"\\uZZZZ\"}",
        "{\"a\":\"\\x\"}",
        "{\"a\":\"\\/\\\"\\\\\\b\\f\\n\\r\\t\"}",
        "{\"a\":\"\t\"}",
        "{\"a\":\"\n\"}",
        "{\"a\":\"\\",
        "{\"a\":\"abc",
        "{\"a\":\"\\\"}",
        "{\"\\u0061\":1,\"a\":2}",
        /* UTF-8 */
        "{\"a\":\"\xc0\xaf\"}",
        "{\"a\":\"\xc1\xbf\"}",
        "{\"a\":\"\xc2\x80\"}",
        "{\"a\":\"\xed\xa0\x80\"}",
        "{\"a\":\"\xed\x9f\xbf\"}",
        "{\"a\":\"\xf4\x90\x80\x80\"}",
        "{\"a\":\"\xf4\x8f\xbf\xbf\"}",
        "{\"a\":\"\xe2\x82\"}",
        "{\"a\":\"\xe2\x82\xac\"}",
        "{\"a\":\"\xe0\x80\x80\"}",
        "{\"a\":\"\xe0\xa0\x80\"}",
        "{\"a\":\"\xf0\x80\x80\x80\"}",
        "{\"a\":\"\xf0\x90\x80\x80\"}",
        "{\"a\":\"\xf8\x88\x80\x80\x80\"}",
        "{\"a\":\"\x80\"}",
        "{\"a\":\"\xff\"}",
        "{\"\xc3\xa9\":1}",
        "{\"a\":\"\xef\xbf\xbf\"}",
        /* duplicates, at any level */
        "{\"a\":1,\"a\":1}",
        "{\"a\":{\"b\":1,\"b\":2}}",
        "{\"a\":[{\"b\":1},{\"b\":1,\"c\":1,\"b\":0}]}",
        "{\"a\":{\"b\":1},\"c\":{\"b\":1}}",
        /* arrays */
        "{\"a\":[]}",
        "{\"a\":[1,]}",
        "{\"a\":[,1]}",
        "{\"a\":[1 2]}",
        "{\"a\":[[[]]]}",
    };

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        agree(cases[i], strlen(cases[i]));
    /* Bytes NUL: after the text, in a string, between tokens. */
    agree("{\"a\":1}\0", 8);
    agree("{\"a\":\"x\0y\"}", 11);
    agree("{\0}", 3);
    /* jansson lets a NUL after a number or a literal pass; SPEC 5 and
     * parse_object() do not. */
    assert_false(agree("{\"a\":1\0}", 8));
    assert_false(agree("{\"a\":[true\0]}", 13));
}

/* A text of depth n: {"a":{"a":...{}...}}. */
static void
nested(char *buf, int n)
{
    size_t k = 0;

    for (int i = 0; i < n; i++)
        k += (size_t)sprintf(buf + k, i + 1 < n ? "{\"a\":" : "{");
    for (int i = 0; i < n; i++)
        buf[k++] = '}';
    buf[k] = '\0';
}

/* SPEC 5: nesting up to CODEC_MAX_DEPTH passes, one more is refused. */
static void
test_spec5_jtok_agrees_on_depth(void **state)
{
    char buf[1024];

    (void)state;
    nested(buf, CODEC_MAX_DEPTH);
    assert_true(agree(buf, strlen(buf)));
    nested(buf, CODEC_MAX_DEPTH + 1);
    assert_false(agree(buf, strlen(buf)));
}

/* Many keys: duplicates found through the hash table as well. */
static void
test_spec5_jtok_agrees_on_large_objects(void **state)
{
    char *buf = malloc(64 * 1024);
    size_t k = 0;

    (void)state;
    assert_non_null(buf);
    buf[k++] = '{';
    for (int i = 0; i < 2000; i++)
        k += (size_t)sprintf(buf + k, "%s\"k%d\":%d", i ? "," : "", i, i);
    buf[k++] = '}';
    assert_true(agree(buf, k));
    k--;
    k += (size_t)sprintf(buf + k, ",\"k1234\":0}");
    assert_false(agree(buf, k));
    free(buf);
}

/* A small generator, the same on every run. */
static uint32_t
next_random(uint32_t *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return *seed >> 8;
}

/* Bytes a mutation draws from: JSON's own, and those SPEC 5 refuses. */
static const char mutation_bytes[] = "{}[]\":,\\u0123456789-+.eE tfnlrsa"
                                     "\x00\x01\x09\x0a\x7f\x80\xbf\xc2\xc3"
                                     "\xe0\xed\xef\xf0\xf4\xf8\xff";

/* One random change to buf (*len bytes, room for size): a byte replaced,
 * removed or inserted, or a span doubled. */
static void
mutate(char *buf, size_t *len, size_t size, uint32_t *seed)
{
    size_t at = *len ? next_random(seed) % *len : 0;
    char c = mutation_bytes[next_random(seed) % (sizeof(mutation_bytes) - 1)];

    switch (next_random(seed) % 4) {
    case 0:
        if (*len)
            buf[at] = c;
        break;
    case 1:
        if (*len) {
            memmove(buf + at, buf + at + 1, *len - at - 1);
            (*len)--;
        }
        break;
    case 2:
        if (*len + 1 < size) {
            memmove(buf + at + 1, buf + at, *len - at);
            buf[at] = c;
            (*len)++;
        }
        break;
    default: {
        size_t span = 1 + next_random(seed) % 8;
        if (at + span <= *len && *len + span < size) {
            memmove(buf + at + span, buf + at, *len - at);
            (*len) += span;
        }
        break;
    }
    }
}

/* Real requests, the seeds of the mutations. */
static const char *const seeds[] = {
    "{\"channel\":\"WEB\",\"stage\":\"cart\",\"lang\":\"en\",\"now\":"
    "\"2027-05-02T10:00:00+02:00\",\"cart\":[{\"product\":\"JAZZ-1\","
    "\"performance\":\"JAZZ-1-0612\",\"seat_category\":\"CAT1\","
    "\"audience\":\"ADULT\",\"quantity\":2}]}",
    "{\"channel\":\"WEB\",\"stage\":\"product\",\"cart\":[],\"focus\":{"
    "\"product\":\"JAZZ-1\",\"quantity\":1}}",
    "{\"channel\":\"WEB\",\"stage\":\"confirmation\",\"cart\":[{\"product\":"
    "\"TSHIRT\",\"quantity\":3},{\"product\":\"PARKING\",\"performance\":"
    "\"PARKING-0612\",\"quantity\":1}],\"now\":\"2027-05-02T10:00:00Z\"}",
    "{ \"a\" : [ 1 , -2.5e3 , \"x\\u00e9\\n\" , true , null , { } ] }",
};

/* SPEC 5: thousands of mutations of real requests, 1 to 4 changes each. */
static void
test_spec5_jtok_agrees_on_mutations(void **state)
{
    uint32_t seed = 20270612, accepted = 0;
    char buf[1024];

    (void)state;
    for (int round = 0; round < 6000; round++) {
        const char *s = seeds[round % (sizeof(seeds) / sizeof(seeds[0]))];
        size_t len = strlen(s);
        int changes = 1 + (int)(next_random(&seed) % 4);

        memcpy(buf, s, len);
        for (int i = 0; i < changes; i++)
            mutate(buf, &len, sizeof buf, &seed);
        accepted += agree(buf, len);
    }
    /* Some mutations leave valid JSON (a digit for a digit...). */
    assert_true(accepted > 100);
}

/* ---- The request layer ---- */

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

static bool
same_item(const struct enc_item *a, const struct enc_item *b)
{
    return a->product == b->product && a->performance == b->performance &&
           a->seat_category == b->seat_category && a->audience == b->audience &&
           a->quantity == b->quantity;
}

/* True when the two paths read the same request. */
static bool
same_request(const struct enc_request *a, bool a_now,
             const struct enc_request *b, bool b_now)
{
    if (a->channel != b->channel || a->stage != b->stage || a_now != b_now ||
        a->has_focus != b->has_focus || a->n_cart != b->n_cart)
        return false;
    if ((a->lang == NULL) != (b->lang == NULL) ||
        (a->lang && strcmp(a->lang, b->lang) != 0))
        return false;
    if (a_now && (a->now.utc != b->now.utc || a->now.offset != b->now.offset))
        return false;
    if (a->has_focus && !same_item(&a->focus, &b->focus))
        return false;
    for (uint32_t i = 0; i < a->n_cart; i++)
        if (!same_item(&a->cart[i], &b->cart[i]))
            return false;
    return true;
}

/* Asserts that both paths accept the request alike, or both refuse it.
 * Returns whether they accepted. */
static bool
request_agree(const struct enc_catalogue *cat, const char *text, size_t len)
{
    struct arena arena;
    struct enc_request fast_req, slow_req;
    struct enc_error err = {0};
    bool fast_now = false, slow_now = false, fast, slow;

    arena_init(&arena, 0);
    fast = request_decode_tokens(cat, text, len, &arena, &fast_req, &fast_now);
    slow = request_decode_tree(cat, text, len, &arena, &slow_req, &slow_now,
                               &err) == ENC_OK;
    if (fast != slow ||
        (fast && !same_request(&fast_req, fast_now, &slow_req, slow_now))) {
        fprintf(stderr, "tokens %s, tree %s (%s %s): [%.*s]\n",
                fast ? "accepts" : "refuses", slow ? "accepts" : "refuses",
                err.field, err.message, (int)len, text);
        fail();
    }
    arena_cleanup(&arena);
    return fast;
}

/* The request "{CHANNEL,STAGE,EXTRA CART}" with its parts swapped in. */
static size_t
request_text(char *buf, size_t size, const char *channel, const char *stage,
             const char *extra, const char *cart)
{
    return (size_t)snprintf(buf, size,
                            "{\"channel\":%s,\"stage\":%s%s,\"cart\":%s}",
                            channel, stage, extra, cart);
}

/* SPEC 5, 8: every field valid and invalid in turn, and their mixes. */
static void
test_spec5_paths_agree_on_fields(void **state)
{
    static const char *const channels[] = {
        "\"WEB\"", "\"DESK\"", "\"NOPE\"", "1", "\"\"", "\"W\\tEB\"", "null"};
    static const char *const stages[] = {
        "\"cart\"", "\"product\"", "\"confirmation\"", "\"checkout\"", "2"};
    static const char *const extras[] = {
        "",
        ",\"lang\":\"en\"",
        ",\"lang\":\"en_GB\"",
        ",\"lang\":7",
        ",\"now\":\"2027-05-02T10:00:00+02:00\"",
        ",\"now\":\"2027-02-29T10:00:00Z\"",
        ",\"now\":\"yesterday\"",
        ",\"focus\":{\"product\":\"JAZZ-1\",\"quantity\":1}",
        ",\"focus\":{\"product\":\"JAZZ-1\",\"performance\":\"JAZZ-1-0612\","
        "\"seat_category\":\"CAT1\",\"audience\":\"ADULT\",\"quantity\":2}",
        ",\"focus\":{\"product\":\"TSHIRT\",\"quantity\":0}",
        ",\"focus\":[]",
        ",\"size\":\"M\"",
    };
    static const char *const carts[] = {
        "[]",
        "{}",
        "[{\"product\":\"TSHIRT\",\"quantity\":1}]",
        "[{\"product\":\"TSHIRT\",\"quantity\":1000}]",
        "[{\"product\":\"TSHIRT\",\"quantity\":1001}]",
        "[{\"product\":\"TSHIRT\",\"quantity\":1.0}]",
        "[{\"product\":\"TSHIRT\",\"quantity\":\"1\"}]",
        "[{\"product\":\"TSHIRT\",\"quantity\":true}]",
        "[{\"product\":\"TSHIRT\"}]",
        "[{\"quantity\":1}]",
        "[{\"product\":\"TSHIRT\\n\",\"quantity\":1}]",
        "[{\"product\":\"JAZZ-1\",\"quantity\":1}]",
        "[{\"product\":\"JAZZ-1\",\"performance\":\"JAZZ-1-0612\","
        "\"quantity\":2}]",
        "[{\"product\":\"JAZZ-1\",\"performance\":\"DINNER-0612\","
        "\"quantity\":2}]",
        "[{\"product\":\"DINNER\",\"performance\":\"DINNER-0612\","
        "\"audience\":\"ADULT\",\"seat_category\":\"CAT1\",\"quantity\":2},"
        "{\"product\":\"JAZZ-1-PACK\",\"performance\":\"JAZZ-1-PACK-0612\","
        "\"quantity\":1}]",
        "[{\"product\":\"TSHIRT\",\"quantity\":1,\"size\":\"M\"}]",
        "[{\"product\":\"TSHIRT\",\"audience\":\"KID\",\"quantity\":1}]",
        "[1]",
    };
    const struct enc_catalogue *cat = *state;
    uint32_t accepted = 0;
    char buf[1024];

    for (size_t c = 0; c < sizeof(channels) / sizeof(*channels); c++)
        for (size_t s = 0; s < sizeof(stages) / sizeof(*stages); s++)
            for (size_t e = 0; e < sizeof(extras) / sizeof(*extras); e++)
                for (size_t k = 0; k < sizeof(carts) / sizeof(*carts); k++)
                    accepted += request_agree(
                        cat, buf,
                        request_text(buf, sizeof buf, channels[c], stages[s],
                                     extras[e], carts[k]));
    assert_true(accepted > 50);
    /* Fields in another order, required ones missing. */
    assert_true(request_agree(cat, seeds[1], strlen(seeds[1])));
    request_agree(cat, "{\"stage\":\"cart\",\"cart\":[]}", 27);
    request_agree(cat, "{\"channel\":\"WEB\",\"cart\":[]}", 27);
    request_agree(cat, "{\"channel\":\"WEB\",\"stage\":\"cart\"}", 32);
    request_agree(cat, "[]", 2);
}

/* SPEC 5: a cart of 1,000 items passes, 1,001 are refused. */
static void
test_spec5_paths_agree_on_cart_size(void **state)
{
    const char *item = "{\"product\":\"TSHIRT\",\"quantity\":1}";
    size_t room = 64 + 1001 * (strlen(item) + 1), k;
    char *buf = malloc(room);

    assert_non_null(buf);
    for (int n = 1000; n <= 1001; n++) {
        k = (size_t)sprintf(buf, "{\"channel\":\"WEB\",\"stage\":\"cart\","
                                 "\"cart\":[");
        for (int i = 0; i < n; i++)
            k += (size_t)sprintf(buf + k, "%s%s", i ? "," : "", item);
        k += (size_t)sprintf(buf + k, "]}");
        assert_int_equal(request_agree(*state, buf, k), n == 1000);
    }
    free(buf);
}

/* Mutations of real requests through both request paths. */
static void
test_spec5_paths_agree_on_mutations(void **state)
{
    uint32_t seed = 12062027, accepted = 0;
    char buf[1024];

    for (int round = 0; round < 6000; round++) {
        const char *s = seeds[round % 3];
        size_t len = strlen(s);
        int changes = 1 + (int)(next_random(&seed) % 3);

        memcpy(buf, s, len);
        for (int i = 0; i < changes; i++)
            mutate(buf, &len, sizeof buf, &seed);
        accepted += request_agree(*state, buf, len);
    }
    assert_true(accepted > 20);
}

int
main(void)
{
    const struct CMUnitTest json_tests[] = {
        cmocka_unit_test(test_spec5_jtok_agrees_on_written_cases),
        cmocka_unit_test(test_spec5_jtok_agrees_on_depth),
        cmocka_unit_test(test_spec5_jtok_agrees_on_large_objects),
        cmocka_unit_test(test_spec5_jtok_agrees_on_mutations),
    };
    const struct CMUnitTest request_tests[] = {
        cmocka_unit_test(test_spec5_paths_agree_on_fields),
        cmocka_unit_test(test_spec5_paths_agree_on_cart_size),
        cmocka_unit_test(test_spec5_paths_agree_on_mutations),
    };
    int failed = cmocka_run_group_tests(json_tests, NULL, NULL);

    return failed + cmocka_run_group_tests(request_tests, setup, teardown);
}
