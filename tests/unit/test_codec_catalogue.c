/*
 * test_codec_catalogue.c - encore-catalogue/1 in and out (SPEC 5, 7, 9).
 *
 * Documents are written with single quotes for readability; doc() turns
 * them into JSON. Each error test asserts the exact code and field.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "codec/codec.h"
#include "source.h"

/* The head of a small valid catalogue; tests append products, profiles. */
#define HEAD                                                                   \
    "{'format':'encore-catalogue/1','institution':{'code':'H',"                \
    "'timezone':'Europe/Paris','currency':'EUR','languages':['fr','en']},"     \
    "'channels':[{'code':'WEB','type':'internet'},"                            \
    "{'code':'DESK','type':'box_office'}],"                                    \
    "'seat_categories':[{'code':'CAT1'},{'code':'CAT2'}],"                     \
    "'audiences':[{'code':'ADULT'}],"

#define JAZZ                                                                   \
    "{'code':'JAZZ','kind':'event','name':'Jazz','prices':[{'amount':100}],"   \
    "'performances':[{'code':'J1','start':'2027-06-12T20:00:00+02:00',"        \
    "'capacity':{'CAT1':10}}]}"

#define PARKING                                                                \
    "{'code':'PARKING','kind':'service','name':'Parking',"                     \
    "'prices':[{'amount':800}]}"

/* A file of tests/data, read whole (the caller frees). */
static char *
data_read(const char *name, size_t *len)
{
    char path[256];
    snprintf(path, sizeof path, "tests/data/%s", name);
    char *text = source_read(path, len);
    assert_non_null(text);
    return text;
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

/* Decodes text (single quotes) merged into base (NULL: none). */
static enum enc_code
decode_merged(const char *text, const char *base, struct enc_catalogue **cat,
              struct enc_error *err)
{
    char *d = doc(text);
    enum enc_code rc = codec_catalogue_decode(
        d, strlen(d), base, base ? strlen(base) : 0, cat, err);
    free(d);
    return rc;
}

/* Asserts that text is refused with code at field. */
static void
expect_error_merged(const char *text, const char *base, enum enc_code code,
                    const char *field)
{
    struct enc_catalogue *cat = NULL;
    struct enc_error err = {0};
    enum enc_code rc = decode_merged(text, base, &cat, &err);

    if (rc != code || strcmp(err.field, field) != 0)
        print_error("got %s at '%s' (%s), expected %s at '%s'\n",
                    enc_code_name(rc), err.field, err.message,
                    enc_code_name(code), field);
    assert_int_equal(rc, code);
    assert_string_equal(err.field, field);
    assert_true(err.message[0] != '\0');
    assert_null(cat);
}

static void
expect_error(const char *text, enum enc_code code, const char *field)
{
    expect_error_merged(text, NULL, code, field);
}

/* Decodes text, which must be valid. */
static struct enc_catalogue *
decode_ok(const char *text)
{
    struct enc_catalogue *cat = NULL;
    struct enc_error err = {0};
    enum enc_code rc = decode_merged(text, NULL, &cat, &err);

    if (rc != ENC_OK)
        print_error("refused: %s at '%s': %s\n", enc_code_name(rc), err.field,
                    err.message);
    assert_int_equal(rc, ENC_OK);
    assert_non_null(cat);
    return cat;
}

/* SPEC 5: malformed input of every kind jansson sees. */

static void
test_spec5_malformed_json(void **state)
{
    (void)state;
    expect_error(HEAD "'products':[" JAZZ ",]}", ENC_INVALID_JSON, "");
}

static void
test_spec5_nul_in_string(void **state)
{
    (void)state;
    expect_error(HEAD "'products':[{'code':'A\\u0000B','kind':'event',"
                      "'name':'x','prices':[]}]}",
                 ENC_INVALID_FIELD, "products[0].code");
}

static void
test_spec5_invalid_utf8(void **state)
{
    (void)state;
    expect_error(HEAD "'products':[{'code':'A','kind':'event',"
                      "'name':'caf\xc3\x28','prices':[]}]}",
                 ENC_INVALID_JSON, "");
}

static void
test_spec5_duplicate_key(void **state)
{
    (void)state;
    expect_error(HEAD "'products':[{'code':'A','code':'B','kind':'event',"
                      "'name':'x','prices':[]}]}",
                 ENC_INVALID_JSON, "");
}

static void
test_spec5_trailing_garbage(void **state)
{
    (void)state;
    expect_error(HEAD "'products':[" JAZZ "]} x", ENC_INVALID_JSON, "");
}

static void
test_spec5_integer_out_of_range(void **state)
{
    (void)state;
    /* Past what jansson holds: malformed. */
    expect_error(HEAD "'products':[{'code':'A','kind':'event','name':'x',"
                      "'prices':[{'amount':99999999999999999999999}]}]}",
                 ENC_INVALID_JSON, "");
    /* Past 2^53 - 1: not exact in every reader. */
    expect_error(HEAD "'products':[{'code':'A','kind':'event','name':'x',"
                      "'prices':[{'amount':9007199254740992}]}]}",
                 ENC_INVALID_FIELD, "products[0].prices[0].amount");
}

/* A document nested depth levels deep inside a product's name. */
static char *
nested(unsigned depth)
{
    size_t head = strlen(HEAD "'products':[{'code':'A','kind':'event',"
                              "'prices':[],'name':");
    char *d = malloc(head + 2 * depth + 16);
    size_t n = 0;

    assert_non_null(d);
    memcpy(d, HEAD "'products':[{'code':'A','kind':'event','prices':[],'name':",
           head);
    n = head;
    for (unsigned i = 0; i < depth; i++)
        d[n++] = '[';
    for (unsigned i = 0; i < depth; i++)
        d[n++] = ']';
    memcpy(d + n, "}]}", 4);
    return d;
}

static void
test_spec5_deep_nesting(void **state)
{
    char *d;

    (void)state;
    /* The document's own 3 levels plus 29: just within the cap of 32. */
    d = nested(CODEC_MAX_DEPTH - 3);
    expect_error(d, ENC_INVALID_FIELD, "products[0].name");
    free(d);
    d = nested(CODEC_MAX_DEPTH - 2);
    expect_error(d, ENC_INVALID_JSON, "");
    free(d);
    /* Far deeper: refused by the scan, nothing recurses. */
    d = nested(100000);
    expect_error(d, ENC_INVALID_JSON, "");
    free(d);
}

static void
test_spec5_not_an_object(void **state)
{
    (void)state;
    expect_error("[1,2]", ENC_INVALID_JSON, "");
}

static void
test_spec5_too_large(void **state)
{
    struct enc_catalogue *cat = NULL;
    struct enc_error err = {0};

    (void)state;
    /* The length alone is refused, before the text is read. */
    assert_int_equal(codec_catalogue_decode("{}", CODEC_MAX_DOCUMENT + 1, NULL,
                                            0, &cat, &err),
                     ENC_TOO_LARGE);
    assert_null(cat);
}

/* SPEC 7: required fields, types, ranges. */

static void
test_spec7_missing_field(void **state)
{
    (void)state;
    expect_error(HEAD "'products':[{'code':'A','name':'x','prices':[]}]}",
                 ENC_INVALID_FIELD, "products[0].kind");
    expect_error("{'institution':{'code':'H','timezone':'Europe/Paris',"
                 "'currency':'EUR','languages':['fr']}}",
                 ENC_INVALID_FIELD, "format");
    expect_error(HEAD "'products':[" JAZZ "],'profiles':[{'code':'P',"
                      "'status':'draft','channels':['WEB'],'lines':[{'id':"
                      "'L1','type':'cart','targets':[{'product':'JAZZ'}]}]}]}",
                 ENC_INVALID_FIELD, "profiles[0].lines[0].base");
    expect_error(HEAD "'products':[{'code':'P','kind':'package','name':'x',"
                      "'prices':[]}]}",
                 ENC_INVALID_FIELD, "products[0].components");
}

static void
test_spec7_mistyped_field(void **state)
{
    (void)state;
    expect_error(HEAD "'products':[{'code':'A','kind':'event','name':'x',"
                      "'prices':[{'amount':'800'}]}]}",
                 ENC_INVALID_FIELD, "products[0].prices[0].amount");
    expect_error(HEAD "'products':[{'code':'A','kind':'event','name':'x',"
                      "'prices':[{'amount':8.5}]}]}",
                 ENC_INVALID_FIELD, "products[0].prices[0].amount");
    expect_error(HEAD "'products':[{'code':'A','kind':'show','name':'x',"
                      "'prices':[]}]}",
                 ENC_INVALID_FIELD, "products[0].kind");
    expect_error(HEAD "'products':{}}", ENC_INVALID_FIELD, "products");
    expect_error(HEAD "'products':[{'code':7,'kind':'event','name':'x',"
                      "'prices':[]}]}",
                 ENC_INVALID_FIELD, "products[0].code");
}

static void
test_spec7_negative_numbers(void **state)
{
    (void)state;
    expect_error(HEAD "'products':[{'code':'A','kind':'event','name':'x',"
                      "'prices':[{'amount':-1}]}]}",
                 ENC_INVALID_FIELD, "products[0].prices[0].amount");
    expect_error(HEAD "'products':[{'code':'T','kind':'merchandise',"
                      "'name':'x','stock':-5,'prices':[]}]}",
                 ENC_INVALID_FIELD, "products[0].stock");
    expect_error(HEAD "'products':[{'code':'A','kind':'event','name':'x',"
                      "'prices':[],'performances':[{'code':'A1','start':"
                      "'2027-06-12T20:00:00+02:00','capacity':{'*':-1}}]}]}",
                 ENC_INVALID_FIELD, "products[0].performances[0].capacity.*");
    /* SPEC 5: quantities are 1 to 1,000, "per" too. */
    expect_error(HEAD "'products':[" JAZZ "," PARKING "],'profiles':[{'code':"
                      "'P','status':'draft','channels':['WEB'],'lines':[{'id':"
                      "'L1','type':'cart','base':'JAZZ','targets':[{'product':"
                      "'PARKING','quantity':{'mode':'proportional','per':0}}"
                      "]}]}]}",
                 ENC_INVALID_FIELD,
                 "profiles[0].lines[0].targets[0].quantity.per");
}

static void
test_spec7_unknown_field(void **state)
{
    (void)state;
    expect_error(HEAD "'products':[{'code':'A','kind':'event','name':'x',"
                      "'colour':'red','prices':[]}]}",
                 ENC_INVALID_FIELD, "products[0].colour");
    expect_error(HEAD "'extra':1}", ENC_INVALID_FIELD, "extra");
}

static void
test_spec7_quantity_fields_per_mode(void **state)
{
    (void)state;
    expect_error(HEAD "'products':[" JAZZ "," PARKING "],'profiles':[{'code':"
                      "'P','status':'draft','channels':['WEB'],'lines':[{'id':"
                      "'L1','type':'cart','base':'JAZZ','targets':[{'product':"
                      "'PARKING','quantity':{'mode':'fixed'}}]}]}]}",
                 ENC_INVALID_FIELD,
                 "profiles[0].lines[0].targets[0].quantity.value");
    expect_error(HEAD "'products':[" JAZZ "," PARKING "],'profiles':[{'code':"
                      "'P','status':'draft','channels':['WEB'],'lines':[{'id':"
                      "'L1','type':'cart','base':'JAZZ','targets':[{'product':"
                      "'PARKING','quantity':{'mode':'choice','value':2}}]}]}]}",
                 ENC_INVALID_FIELD,
                 "profiles[0].lines[0].targets[0].quantity.value");
}

/* SPEC 5: an unknown code anywhere, drafts included, refuses the whole. */
static void
test_spec5_unknown_code_in_draft(void **state)
{
    (void)state;
    expect_error(HEAD "'products':[" JAZZ "],'profiles':[{'code':'P',"
                      "'status':'draft','channels':['WEB'],'lines':[{'id':"
                      "'L1','type':'cart','base':'JAZZ','targets':[{'product':"
                      "'JAZZ'},{'product':'NOPE'}]}]}]}",
                 ENC_UNKNOWN_CODE, "profiles[0].lines[0].targets[1].product");
    expect_error(HEAD "'products':[" JAZZ "],'profiles':[{'code':'P',"
                      "'status':'draft','channels':['WEB','KIOSK']}]}",
                 ENC_UNKNOWN_CODE, "profiles[0].channels[1]");
}

static void
test_spec5_unknown_code_in_records(void **state)
{
    (void)state;
    expect_error(HEAD "'products':[{'code':'A','kind':'event','name':'x',"
                      "'prices':[],'performances':[{'code':'A1','start':"
                      "'2027-06-12T20:00:00+02:00','capacity':{'CAT9':3}}]}]}",
                 ENC_UNKNOWN_CODE, "products[0].performances[0].capacity.CAT9");
    expect_error(HEAD "'products':[{'code':'A','kind':'event','name':'x',"
                      "'prices':[{'audience':'CHILD','amount':1}]}]}",
                 ENC_UNKNOWN_CODE, "products[0].prices[0].audience");
    expect_error(HEAD "'themes':[{'code':'JAZZ','parent':'MUSIC'}]}",
                 ENC_UNKNOWN_CODE, "themes[0].parent");
    /* A reference to a record further down the document resolves. */
    catalogue_free(decode_ok(
        HEAD "'products':[{'code':'P','kind':'package','name':'x',"
             "'components':[{'product':'JAZZ'}],'prices':[]}," JAZZ "]}"));
}

static void
test_spec5_bad_date(void **state)
{
    (void)state;
    expect_error(HEAD "'products':[{'code':'A','kind':'event','name':'x',"
                      "'prices':[],'performances':[{'code':'A1','start':"
                      "'2027-02-30T20:00:00+01:00','capacity':{}}]}]}",
                 ENC_INVALID_FIELD, "products[0].performances[0].start");
    expect_error(HEAD "'products':[" JAZZ "],'profiles':[{'code':'P',"
                      "'status':'draft','channels':['WEB'],'lines':[{'id':"
                      "'L1','type':'cart','base':'JAZZ','targets':[{'product':"
                      "'JAZZ'}],'valid_to':'2027-13-01'}]}]}",
                 ENC_INVALID_FIELD, "profiles[0].lines[0].valid_to");
    expect_error(HEAD "'products':[{'code':'A','kind':'event','name':'x',"
                      "'sale':{'from':'tomorrow'},'prices':[]}]}",
                 ENC_INVALID_FIELD, "products[0].sale.from");
}

static void
test_spec5_control_character_in_code(void **state)
{
    (void)state;
    expect_error(HEAD "'products':[{'code':'JA\\u0001ZZ','kind':'event',"
                      "'name':'x','prices':[]}]}",
                 ENC_INVALID_FIELD, "products[0].code");
    expect_error(HEAD "'products':[{'code':'JAZZ\\n','kind':'event',"
                      "'name':'x','prices':[]}]}",
                 ENC_INVALID_FIELD, "products[0].code");
    /* C1 controls too (U+0085). */
    expect_error(HEAD "'products':[{'code':'JAZZ\\u0085','kind':'event',"
                      "'name':'x','prices':[]}]}",
                 ENC_INVALID_FIELD, "products[0].code");
}

static void
test_spec5_control_character_in_text(void **state)
{
    struct enc_catalogue *cat;

    (void)state;
    expect_error(HEAD "'products':[{'code':'A','kind':'event','name':"
                      "{'fr':'a\\u0007b'},'prices':[]}]}",
                 ENC_INVALID_FIELD, "products[0].name.fr");
    /* Newline and tab are allowed in texts. */
    cat = decode_ok(HEAD "'products':[{'code':'A','kind':'event','name':"
                         "'line 1\\n\\tline 2','prices':[]}]}");
    assert_string_equal(cat->products[0].name.items[0].value,
                        "line 1\n\tline 2");
    catalogue_free(cat);
}

static void
test_spec7_code_length(void **state)
{
    char text[1024];
    char code[CODEC_MAX_CODE + 2];
    struct enc_catalogue *cat;

    (void)state;
    memset(code, 'A', CODEC_MAX_CODE);
    code[CODEC_MAX_CODE] = '\0';
    snprintf(text, sizeof text,
             HEAD "'products':[{'code':'%s','kind':'event','name':'x',"
                  "'prices':[]}]}",
             code);
    cat = decode_ok(text);
    catalogue_free(cat);
    strcat(code, "A");
    snprintf(text, sizeof text,
             HEAD "'products':[{'code':'%s','kind':'event','name':'x',"
                  "'prices':[]}]}",
             code);
    expect_error(text, ENC_INVALID_FIELD, "products[0].code");
    expect_error(HEAD "'products':[{'code':'','kind':'event','name':'x',"
                      "'prices':[]}]}",
                 ENC_INVALID_FIELD, "products[0].code");
}

static void
test_spec7_duplicate_codes(void **state)
{
    (void)state;
    expect_error(HEAD "'products':[" JAZZ "," PARKING "," JAZZ "]}",
                 ENC_INVALID_FIELD, "products[2].code");
    /* Performance codes are unique across products. */
    expect_error(HEAD "'products':[" JAZZ ",{'code':'B','kind':'event',"
                      "'name':'x','prices':[],'performances':[{'code':'J1',"
                      "'start':'2027-06-12T20:00:00+02:00','capacity':{}}]}]}",
                 ENC_INVALID_FIELD, "products[1].performances[0].code");
    /* Line ids within their profile; another profile may reuse them. */
    expect_error(HEAD "'products':[" JAZZ "],'profiles':[{'code':'P',"
                      "'status':'draft','channels':['WEB'],'lines':["
                      "{'id':'L1','type':'cart','base':'JAZZ','targets':[{"
                      "'product':'JAZZ'}]},{'id':'L1','type':'cart','base':"
                      "'JAZZ','targets':[{'product':'JAZZ'}]}]}]}",
                 ENC_INVALID_FIELD, "profiles[0].lines[1].id");
    catalogue_free(decode_ok(
        HEAD "'products':[" JAZZ "],'profiles':[{'code':'P','status':"
             "'draft','channels':['WEB'],'lines':[{'id':'L1','type':'cart',"
             "'base':'JAZZ','targets':[{'product':'JAZZ'}]}]},{'code':'Q',"
             "'status':'draft','channels':['WEB'],'lines':[{'id':'L1',"
             "'type':'cart','base':'JAZZ','targets':[{'product':'JAZZ'}]}]}"
             "]}"));
    /* The same code in two kinds is two records. */
    catalogue_free(decode_ok(HEAD "'activities':[{'code':'ADULT'}]}"));
}

static void
test_spec7_package_contains_itself(void **state)
{
    (void)state;
    expect_error(HEAD "'products':[{'code':'P','kind':'package','name':'x',"
                      "'components':[{'product':'P'}],'prices':[]}]}",
                 ENC_INVALID_FIELD, "products[0].components[0].product");
    /* Through another: named at the first package of the cycle. */
    expect_error(HEAD "'products':[" JAZZ ",{'code':'P','kind':'package',"
                      "'name':'x','components':[{'product':'JAZZ'},"
                      "{'product':'Q'}],'prices':[]},{'code':'Q','kind':"
                      "'package','name':'y','components':[{'product':'P'}],"
                      "'prices':[]}]}",
                 ENC_INVALID_FIELD, "products[1].components[1].product");
    /* A package of packages without a cycle is fine. */
    catalogue_free(decode_ok(
        HEAD "'products':[" JAZZ ",{'code':'P','kind':'package','name':'x',"
             "'components':[{'product':'JAZZ'}],'prices':[]},{'code':'Q',"
             "'kind':'package','name':'y','components':[{'product':'P'},"
             "{'product':'JAZZ'}],'prices':[]}]}"));
}

static void
test_spec7_theme_is_its_own_ancestor(void **state)
{
    (void)state;
    expect_error(HEAD "'themes':[{'code':'A'},{'code':'B','parent':'C'},"
                      "{'code':'C','parent':'B'}]}",
                 ENC_INVALID_FIELD, "themes[1].parent");
}

static void
test_spec7_empty_code_list(void **state)
{
    (void)state;
    expect_error(HEAD "'products':[{'code':'A','kind':'event','name':'x',"
                      "'channels':[],'prices':[]}]}",
                 ENC_INVALID_FIELD, "products[0].channels");
    expect_error(HEAD "'products':[" JAZZ "],'profiles':[{'code':'P',"
                      "'status':'draft','channels':['WEB'],'lines':[{'id':"
                      "'L1','type':'cart','base':'JAZZ','targets':[{'product':"
                      "'JAZZ','seat_categories':[]}]}]}]}",
                 ENC_INVALID_FIELD,
                 "profiles[0].lines[0].targets[0].seat_categories");
}

static void
test_spec7_components_and_stock_by_kind(void **state)
{
    (void)state;
    expect_error(HEAD "'products':[" JAZZ ",{'code':'A','kind':'event',"
                      "'name':'x','components':[{'product':'JAZZ'}],"
                      "'prices':[]}]}",
                 ENC_INVALID_FIELD, "products[1].components");
    expect_error(HEAD "'products':[{'code':'A','kind':'event','name':'x',"
                      "'stock':4,'prices':[],'performances':[{'code':'A1',"
                      "'start':'2027-06-12T20:00:00+02:00','capacity':{}}]}]}",
                 ENC_INVALID_FIELD, "products[0].stock");
}

static void
test_spec7_institution(void **state)
{
    (void)state;
    expect_error("{'format':'encore-catalogue/1','institution':{'code':'H',"
                 "'timezone':'Mars/Olympus','currency':'EUR',"
                 "'languages':['fr']}}",
                 ENC_INVALID_FIELD, "institution.timezone");
    expect_error("{'format':'encore-catalogue/1','institution':{'code':'H',"
                 "'timezone':'../../etc/passwd','currency':'EUR',"
                 "'languages':['fr']}}",
                 ENC_INVALID_FIELD, "institution.timezone");
    expect_error("{'format':'encore-catalogue/1','institution':{'code':'H',"
                 "'timezone':'Europe/Paris','currency':'euro',"
                 "'languages':['fr']}}",
                 ENC_INVALID_FIELD, "institution.currency");
    expect_error("{'format':'encore-catalogue/1','institution':{'code':'H',"
                 "'timezone':'Europe/Paris','currency':'EUR',"
                 "'languages':[]}}",
                 ENC_INVALID_FIELD, "institution.languages");
    expect_error("{'format':'encore-catalogue/1','institution':{'code':'H',"
                 "'timezone':'Europe/Paris','currency':'EUR',"
                 "'languages':['fr','fr']}}",
                 ENC_INVALID_FIELD, "institution.languages[1]");
    expect_error("{'format':'encore-catalogue/2','institution':{'code':'H',"
                 "'timezone':'Europe/Paris','currency':'EUR',"
                 "'languages':['fr']}}",
                 ENC_INVALID_FIELD, "format");
}

/* SPEC 8: the first error in document order is the one reported. */
static void
test_spec8_first_error_in_document_order(void **state)
{
    (void)state;
    expect_error(HEAD "'products':[{'code':'A','kind':'event','name':'x',"
                      "'prices':[{'amount':-1}]},{'code':'B','kind':'?',"
                      "'name':'x','prices':[]}]}",
                 ENC_INVALID_FIELD, "products[0].prices[0].amount");
    /* An unknown code before a malformed field, in one record. */
    expect_error(HEAD "'products':[{'code':'A','kind':'event','name':'x',"
                      "'activity':'NOPE','prices':'none'}]}",
                 ENC_UNKNOWN_CODE, "products[0].activity");
    /* Profiles before products in the document: their error first. */
    expect_error("{'format':'encore-catalogue/1','institution':{'code':'H',"
                 "'timezone':'Europe/Paris','currency':'EUR','languages':"
                 "['fr']},'channels':[{'code':'WEB','type':'internet'}],"
                 "'profiles':[{'code':'P','status':'draft','channels':"
                 "['WEB'],'lines':[{'id':'L1','type':'cart','base':'NOPE',"
                 "'targets':[{'product':'A'}]}]}],'products':[{'code':'A',"
                 "'kind':'event','name':'x','prices':[{'amount':-1}]}]}",
                 ENC_UNKNOWN_CODE, "profiles[0].lines[0].base");
}

/* R2: a date alone covers its whole local day, in the institution's zone,
 * summer time included. */
static void
test_R2_date_only_bounds_resolved_in_zone(void **state)
{
    struct enc_catalogue *cat;
    const struct enc_line *l;

    (void)state;
    cat = decode_ok(HEAD "'products':[" JAZZ "],'profiles':[{'code':'P',"
                         "'status':'draft','channels':['WEB'],'lines':[{'id':"
                         "'L1','type':'cart','base':'JAZZ','targets':[{"
                         "'product':'JAZZ'}],'valid_from':'2027-03-28',"
                         "'valid_to':'2027-03-28'}]}]}");
    l = &cat->profiles[0].lines[0];
    /* 2027-03-28 00:00 +01:00 is 2027-03-27T23:00:00Z. */
    assert_true(l->valid_from.date_only);
    assert_int_equal(l->valid_from.at.utc, 1806188400);
    assert_int_equal(l->valid_from.at.offset, 3600);
    /* The clocks go forward that night: 23:59:59 +02:00 = 21:59:59Z. */
    assert_true(l->valid_to.date_only);
    assert_int_equal(l->valid_to.at.utc, 1806271199);
    assert_int_equal(l->valid_to.at.offset, 7200);
    catalogue_free(cat);
}

/* R2: Santiago skips midnight when summer time begins (the rule lives in
 * the POSIX footer of a slim TZif file): the day begins at 01:00. */
static void
test_R2_date_only_bound_without_midnight(void **state)
{
    struct enc_catalogue *cat;
    const struct enc_line *l;

    (void)state;
    cat = decode_ok(
        "{'format':'encore-catalogue/1','institution':{'code':'H',"
        "'timezone':'America/Santiago','currency':'CLP','languages':['es']},"
        "'channels':[{'code':'WEB','type':'internet'}],"
        "'seat_categories':[{'code':'CAT1'}],'products':[" JAZZ
        "],'profiles':[{'code':'P','status':'draft','channels':['WEB'],"
        "'lines':[{'id':'L1','type':'cart','base':'JAZZ','targets':[{"
        "'product':'JAZZ'}],'valid_from':'2027-09-05','valid_to':"
        "'2027-09-04'}]}]}");
    l = &cat->profiles[0].lines[0];
    /* 2027-09-05T01:00:00-03:00 = 04:00:00Z. */
    assert_int_equal(l->valid_from.at.utc, 1820116800);
    assert_int_equal(l->valid_from.at.offset, -3 * 3600);
    /* The day before ends one second earlier, at 23:59:59 -04:00. */
    assert_int_equal(l->valid_to.at.utc, 1820116799);
    assert_int_equal(l->valid_to.at.offset, -4 * 3600);
    catalogue_free(cat);
}

/* R2: Havana turns its clocks back from 01:00 to 00:00, so that day's
 * midnight comes twice: the day begins at the first. */
static void
test_R2_date_only_bound_with_two_midnights(void **state)
{
    struct enc_catalogue *cat;
    const struct enc_line *l;

    (void)state;
    cat = decode_ok(
        "{'format':'encore-catalogue/1','institution':{'code':'H',"
        "'timezone':'America/Havana','currency':'CUP','languages':['es']},"
        "'channels':[{'code':'WEB','type':'internet'}],"
        "'seat_categories':[{'code':'CAT1'}],'products':[" JAZZ
        "],'profiles':[{'code':'P','status':'draft','channels':['WEB'],"
        "'lines':[{'id':'L1','type':'cart','base':'JAZZ','targets':[{"
        "'product':'JAZZ'}],'valid_from':'2027-11-07','valid_to':"
        "'2027-11-06'}]}]}");
    l = &cat->profiles[0].lines[0];
    /* 2027-11-07T00:00:00-04:00 = 04:00:00Z, not 00:00 -05:00. */
    assert_int_equal(l->valid_from.at.utc, 1825560000);
    assert_int_equal(l->valid_from.at.offset, -4 * 3600);
    assert_int_equal(l->valid_to.at.utc, 1825559999);
    catalogue_free(cat);
}

/* Round trip: encode(decode(encode(x))) == encode(x), byte for byte. */
static void
round_trip(const char *file)
{
    struct enc_catalogue *a = NULL, *b = NULL;
    struct enc_error err = {0};
    size_t len, len1, len2;
    char *text = data_read(file, &len);
    char *once, *twice;
    json_t *given, *exported;

    assert_int_equal(codec_catalogue_decode(text, len, NULL, 0, &a, &err),
                     ENC_OK);
    once = codec_catalogue_encode(a, &len1);
    assert_non_null(once);
    assert_int_equal(codec_catalogue_decode(once, len1, NULL, 0, &b, &err),
                     ENC_OK);
    twice = codec_catalogue_encode(b, &len2);
    assert_non_null(twice);
    assert_int_equal(len1, len2);
    assert_memory_equal(once, twice, len1);

    /* Nothing was lost or added on the way: same JSON value as given. */
    given = json_loadb(text, len, 0, NULL);
    exported = json_loadb(once, len1, 0, NULL);
    assert_true(json_equal(given, exported));
    json_decref(given);
    json_decref(exported);
    free(twice);
    free(once);
    catalogue_free(b);
    catalogue_free(a);
    free(text);
}

static void
test_spec7_round_trip_example(void **state)
{
    (void)state;
    round_trip("spec-example.json");
}

static void
test_spec7_round_trip_rich(void **state)
{
    (void)state;
    round_trip("rich-catalogue.json");
}

/* The export's layout: two-space indent, UTF-8 as is, SPEC 7 key order,
 * children last. */
static void
test_spec7_export_layout(void **state)
{
    size_t len, out_len;
    char *text = data_read("spec-example.json", &len);
    struct enc_catalogue *cat = NULL;
    struct enc_error err;
    char *out;

    (void)state;
    assert_int_equal(codec_catalogue_decode(text, len, NULL, 0, &cat, &err),
                     ENC_OK);
    out = codec_catalogue_encode(cat, &out_len);
    assert_non_null(out);
    assert_int_equal(strlen(out), out_len);
    assert_true(
        strncmp(out, "{\n  \"format\": \"encore-catalogue/1\",\n", 36) == 0);
    assert_non_null(strstr(out, "\"1re catégorie\""));
    assert_non_null(strstr(out, "\"valid_from\": \"2027-01-01\""));
    assert_non_null(
        strstr(out, "\"stock\": 200,\n      \"prices\": [\n        {\n"
                    "          \"amount\": 2500\n        }\n      ]\n    },"));
    assert_int_equal(out[out_len - 1], '\n');
    free(out);
    catalogue_free(cat);
    free(text);
}

/* The store's bodies: compact, children left out. */
static void
test_spec7_record_bodies(void **state)
{
    size_t len, n;
    char *text = data_read("spec-example.json", &len);
    struct enc_catalogue *cat = NULL;
    struct enc_error err;
    char *body;

    (void)state;
    assert_int_equal(codec_catalogue_decode(text, len, NULL, 0, &cat, &err),
                     ENC_OK);
    body = codec_record_encode(cat, CODE_PRODUCT, 1, &n);
    assert_string_equal(body, "{\"code\":\"PARKING\",\"kind\":\"service\","
                              "\"name\":\"Parking\",\"prices\":[{\"amount\":"
                              "800}]}");
    assert_int_equal(n, strlen(body));
    free(body);
    body = codec_record_encode(cat, CODE_PERFORMANCE, 0, &n);
    assert_string_equal(body, "{\"code\":\"JAZZ-1-0612\",\"start\":"
                              "\"2027-06-12T20:00:00+02:00\"}");
    free(body);
    body = codec_record_encode(cat, CODE_PROFILE, 0, &n);
    assert_string_equal(body, "{\"code\":\"WEB-2027\",\"name\":\"Web season "
                              "2027\",\"status\":\"active\",\"channels\":["
                              "\"WEB\"],\"limits\":{\"sidebar\":3}}");
    free(body);
    body = codec_record_encode(cat, CODE_KIND_COUNT, 0, &n);
    assert_string_equal(body, "{\"code\":\"HALL\",\"name\":\"Example Hall\","
                              "\"timezone\":\"Europe/Paris\",\"currency\":"
                              "\"EUR\",\"languages\":[\"fr\",\"en\"]}");
    free(body);
    body = codec_line_encode(cat, 0, 2, &n);
    assert_string_equal(
        body, "{\"id\":\"L3\",\"type\":\"conditional\",\"base\":\"JAZZ-1\","
              "\"when\":{\"min_quantity\":2,\"seat_categories\":[\"CAT1\"]},"
              "\"targets\":[{\"product\":\"DINNER\",\"date\":\"same_as_base\","
              "\"quantity\":{\"mode\":\"proportional\"},\"audiences\":["
              "\"ADULT\"]}],\"valid_from\":\"2027-01-01\",\"valid_to\":"
              "\"2027-06-30\"}");
    free(body);
    catalogue_free(cat);
    free(text);
}

/* SPEC 9: merging a partial document into the stored one. */

/* The stored document: the SPEC 7 example as exported. */
static char *
stored_example(void)
{
    size_t len, out_len;
    char *text = data_read("spec-example.json", &len);
    struct enc_catalogue *cat = NULL;
    struct enc_error err;
    char *out;

    assert_int_equal(codec_catalogue_decode(text, len, NULL, 0, &cat, &err),
                     ENC_OK);
    out = codec_catalogue_encode(cat, &out_len);
    assert_non_null(out);
    catalogue_free(cat);
    free(text);
    return out;
}

static void
test_spec9_merge_partial_document(void **state)
{
    char *base = stored_example();
    struct enc_catalogue *cat = NULL;
    struct enc_error err = {0};

    (void)state;
    assert_int_equal(
        decode_merged("{'format':'encore-catalogue/1','products':["
                      "{'code':'SCARF','kind':'merchandise','name':'Scarf',"
                      "'prices':[{'amount':1500}]},"
                      "{'code':'PARKING','kind':'service','name':'Parking',"
                      "'prices':[{'amount':900}]}]}",
                      base, &cat, &err),
        ENC_OK);
    /* The institution and the other records are kept. */
    assert_string_equal(cat->institution.code, "HALL");
    assert_int_equal(cat->n_profiles, 1);
    assert_int_equal(cat->n_products, 6);
    /* PARKING replaced whole, in place: its performance is gone. */
    assert_string_equal(cat->products[1].code, "PARKING");
    assert_int_equal(cat->products[1].prices[0].amount, 900);
    assert_int_equal(cat->products[1].n_performances, 0);
    assert_int_equal(
        catalogue_lookup(cat, CODE_PERFORMANCE, "PARKING-0612", 12), -1);
    /* SCARF appended. */
    assert_string_equal(cat->products[5].code, "SCARF");
    assert_string_equal(cat->products[4].code, "JAZZ-1-PACK");
    catalogue_free(cat);
    free(base);
}

static void
test_spec9_merge_errors_name_the_document(void **state)
{
    char *base = stored_example();

    (void)state;
    /* PARKING (doc index 1) sits at 1 once merged, SCARF (doc index 0)
     * at 5: errors name the document's indexes, in its order. */
    expect_error_merged("{'format':'encore-catalogue/1','products':["
                        "{'code':'SCARF','kind':'merchandise','name':'Scarf',"
                        "'prices':[{'amount':-1}]},"
                        "{'code':'PARKING','kind':'service','name':'Parking',"
                        "'prices':[{'amount':-1}]}]}",
                        base, ENC_INVALID_FIELD,
                        "products[0].prices[0].amount");
    expect_error_merged("{'format':'encore-catalogue/1','products':["
                        "{'code':'SCARF','kind':'merchandise','name':'Scarf',"
                        "'prices':[]},"
                        "{'code':'PARKING','kind':'service','name':'Parking',"
                        "'prices':[{'audience':'CHILD','amount':1}]}]}",
                        base, ENC_UNKNOWN_CODE,
                        "products[1].prices[0].audience");
    /* A performance code a stored product holds: named in the document. */
    expect_error_merged(
        "{'format':'encore-catalogue/1','products':[{'code':'BUS',"
        "'kind':'service','name':'Bus','prices':[],'performances':[{"
        "'code':'DINNER-0612','start':'2027-06-12T18:00:00+02:00',"
        "'capacity':{}}]}]}",
        base, ENC_INVALID_FIELD, "products[0].performances[0].code");
    /* A code the document gives twice. */
    expect_error_merged("{'format':'encore-catalogue/1','audiences':["
                        "{'code':'CHILD'},{'code':'CHILD'}]}",
                        base, ENC_INVALID_FIELD, "audiences[1].code");
    /* A cycle made with a stored package. */
    expect_error_merged("{'format':'encore-catalogue/1','products':[{'code':"
                        "'TSHIRT','kind':'package','name':'x','components':["
                        "{'product':'JAZZ-1-PACK'}],'prices':[]}]}",
                        base, ENC_INVALID_FIELD,
                        "products[0].components[0].product");
    /* The format is the document's own. */
    expect_error_merged("{'audiences':[{'code':'CHILD'}]}", base,
                        ENC_INVALID_FIELD, "format");
    free(base);
}

static void
test_spec9_merge_profile_with_its_lines(void **state)
{
    char *base = stored_example();
    struct enc_catalogue *cat = NULL;
    struct enc_error err = {0};

    (void)state;
    assert_int_equal(
        decode_merged("{'format':'encore-catalogue/1','profiles':[{'code':"
                      "'WEB-2027','status':'draft','channels':['WEB'],"
                      "'lines':[{'id':'L9','type':'favorite','base':"
                      "'JAZZ-1','targets':[{'product':'TSHIRT'}]}]}]}",
                      base, &cat, &err),
        ENC_OK);
    assert_int_equal(cat->n_profiles, 1);
    assert_int_equal(cat->profiles[0].status, PROFILE_DRAFT);
    assert_int_equal(cat->profiles[0].n_lines, 1);
    assert_string_equal(cat->profiles[0].lines[0].id, "L9");
    assert_false(cat->profiles[0].has_limit[PLACEMENT_SIDEBAR]);
    catalogue_free(cat);
    free(base);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spec5_malformed_json),
        cmocka_unit_test(test_spec5_nul_in_string),
        cmocka_unit_test(test_spec5_invalid_utf8),
        cmocka_unit_test(test_spec5_duplicate_key),
        cmocka_unit_test(test_spec5_trailing_garbage),
        cmocka_unit_test(test_spec5_integer_out_of_range),
        cmocka_unit_test(test_spec5_deep_nesting),
        cmocka_unit_test(test_spec5_not_an_object),
        cmocka_unit_test(test_spec5_too_large),
        cmocka_unit_test(test_spec7_missing_field),
        cmocka_unit_test(test_spec7_mistyped_field),
        cmocka_unit_test(test_spec7_negative_numbers),
        cmocka_unit_test(test_spec7_unknown_field),
        cmocka_unit_test(test_spec7_quantity_fields_per_mode),
        cmocka_unit_test(test_spec5_unknown_code_in_draft),
        cmocka_unit_test(test_spec5_unknown_code_in_records),
        cmocka_unit_test(test_spec5_bad_date),
        cmocka_unit_test(test_spec5_control_character_in_code),
        cmocka_unit_test(test_spec5_control_character_in_text),
        cmocka_unit_test(test_spec7_code_length),
        cmocka_unit_test(test_spec7_duplicate_codes),
        cmocka_unit_test(test_spec7_package_contains_itself),
        cmocka_unit_test(test_spec7_theme_is_its_own_ancestor),
        cmocka_unit_test(test_spec7_empty_code_list),
        cmocka_unit_test(test_spec7_components_and_stock_by_kind),
        cmocka_unit_test(test_spec7_institution),
        cmocka_unit_test(test_spec8_first_error_in_document_order),
        cmocka_unit_test(test_R2_date_only_bounds_resolved_in_zone),
        cmocka_unit_test(test_R2_date_only_bound_without_midnight),
        cmocka_unit_test(test_R2_date_only_bound_with_two_midnights),
        cmocka_unit_test(test_spec7_round_trip_example),
        cmocka_unit_test(test_spec7_round_trip_rich),
        cmocka_unit_test(test_spec7_export_layout),
        cmocka_unit_test(test_spec7_record_bodies),
        cmocka_unit_test(test_spec9_merge_partial_document),
        cmocka_unit_test(test_spec9_merge_errors_name_the_document),
        cmocka_unit_test(test_spec9_merge_profile_with_its_lines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
