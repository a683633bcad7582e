/*
 * test_core_utf8.c - error messages and findings stay valid UTF-8 (SPEC 8)
 * even when they quote the client's raw bytes or are cut at their size.
 * Regression of tests/fuzz/regressions/request/invalid-escape-raw-byte.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "core/error.h"
#include "core/utf8.h"

/* One repair: the text given, the text expected. */
struct repair_case {
    const char *in;
    const char *out;
};

static const struct repair_case repairs[] = {
    {"plain ASCII", "plain ASCII"},
    {"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x8e\xb5", "caf\xc3\xa9 \xe2\x82\xac "
                                                  "\xf0\x9f\x8e\xb5"},
    {"near '\\\xcb'", "near '\\?'"}, /* lead byte, no continuation */
    {"x\x80y", "x?y"},               /* stray continuation byte */
    {"\xc0\xaf", "??"},              /* overlong '/' */
    {"\xed\xa0\x80", "???"},         /* a surrogate */
    {"\xf4\x90\x80\x80", "????"},    /* past U+10FFFF */
    {"\xff\xfe", "??"},              /* never in UTF-8 */
    {"cut \xe2\x82", "cut "},        /* cut short at the end */
    {"cut \xf0\x9f\x8e", "cut "},    /* cut short at the end */
    {"\xe2\x82 then", "?? then"},    /* short, not at the end */
};

static void
test_utf8_repair_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(repairs) / sizeof(repairs[0]); i++) {
        char buf[64];
        strcpy(buf, repairs[i].in);
        utf8_repair(buf);
        assert_string_equal(buf, repairs[i].out);
    }
}

/* SPEC 8: enc_error_set() repairs what it formats, a message cut at
 * ENC_MESSAGE_MAX in the middle of a character included. */
static void
test_error_set_repairs(void **state)
{
    (void)state;
    struct enc_error err;
    char code[ENC_MESSAGE_MAX + 8];
    size_t n = 0;
    /* "x" then two-byte characters: the cut falls inside one. */
    code[n++] = 'x';
    while (n + 2 < sizeof(code)) {
        code[n++] = '\xc3';
        code[n++] = '\xa9';
    }
    code[n] = '\0';
    enc_error_set(&err, ENC_INVALID_JSON, "f\xcb", "near '%s'", code);
    assert_string_equal(err.field, "f");
    size_t len = strlen(err.message);
    for (size_t i = 0; i < len;) {
        size_t k =
            utf8_sequence((const unsigned char *)err.message + i, len - i);
        assert_true(k > 0);
        i += k;
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_repair_table),
        cmocka_unit_test(test_error_set_repairs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
