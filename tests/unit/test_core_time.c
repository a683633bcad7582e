/*
 * test_core_time.c - instants, local dates and RFC 3339 (timeutil.h):
 * offsets, Z, fractions, impossible dates and times, leap years, and the
 * local date of R6 read from an instant's own offset.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "fixture.h"

struct parse_case {
    const char *text;
    bool ok;
    int64_t utc;           /* when ok */
    int32_t offset;        /* when ok */
    const char *formatted; /* time_format_rfc3339 of the result */
};

/* RFC 3339: what parses, to which instant, and how it is written back. */
static void
test_time_parse_rfc3339(void **state)
{
    static const struct parse_case cases[] = {
        {"1970-01-01T00:00:00Z", true, 0, 0, "1970-01-01T00:00:00Z"},
        {"1970-01-01T00:00:00z", true, 0, 0, "1970-01-01T00:00:00Z"},
        {"1970-01-01t01:00:00+01:00", true, 0, 3600,
         "1970-01-01T01:00:00+01:00"},
        {"2027-06-12T20:00:00+02:00", true, 1812823200, 7200,
         "2027-06-12T20:00:00+02:00"},
        {"2027-06-12T18:00:00Z", true, 1812823200, 0, "2027-06-12T18:00:00Z"},
        {"2027-06-12T12:30:00-05:30", true, 1812823200, -19800,
         "2027-06-12T12:30:00-05:30"},
        {"2027-06-12T18:00:00+00:00", true, 1812823200, 0,
         "2027-06-12T18:00:00Z"},
        {"2027-06-12T18:00:00.5Z", true, 1812823200, 0, "2027-06-12T18:00:00Z"},
        {"2027-06-12T18:00:00.999999999+00:00", true, 1812823200, 0,
         "2027-06-12T18:00:00Z"},
        {"1969-12-31T23:59:59Z", true, -1, 0, "1969-12-31T23:59:59Z"},
        {"2028-02-29T12:00:00Z", true, 1835438400, 0, "2028-02-29T12:00:00Z"},
        {"2000-02-29T00:00:00Z", true, 951782400, 0, "2000-02-29T00:00:00Z"},
        {"2027-12-31T23:59:59+23:59", true, 1830211259, 86340,
         "2027-12-31T23:59:59+23:59"},
        {"2027-02-29T12:00:00Z", false, 0, 0, NULL},
        {"1900-02-29T12:00:00Z", false, 0, 0, NULL},
        {"2027-02-30T00:00:00Z", false, 0, 0, NULL},
        {"2027-04-31T00:00:00Z", false, 0, 0, NULL},
        {"2027-13-01T00:00:00Z", false, 0, 0, NULL},
        {"2027-00-01T00:00:00Z", false, 0, 0, NULL},
        {"2027-01-00T00:00:00Z", false, 0, 0, NULL},
        {"2027-06-12T24:00:00Z", false, 0, 0, NULL},
        {"2027-06-12T23:60:00Z", false, 0, 0, NULL},
        {"2027-06-12T23:59:60Z", false, 0, 0, NULL},
        {"2027-06-12T20:00:00+24:00", false, 0, 0, NULL},
        {"2027-06-12T20:00:00+02:60", false, 0, 0, NULL},
        {"2027-06-12T20:00:00+0200", false, 0, 0, NULL},
        {"2027-06-12T20:00:00", false, 0, 0, NULL},
        {"2027-06-12 20:00:00Z", false, 0, 0, NULL},
        {"2027-06-12T20:00Z", false, 0, 0, NULL},
        {"2027-06-12T20:00:00.Z", false, 0, 0, NULL},
        {"2027-06-12T20:00:00ZZ", false, 0, 0, NULL},
        {"2027-6-12T20:00:00Z", false, 0, 0, NULL},
        {"+2027-06-12T20:00:00Z", false, 0, 0, NULL},
        {"2027-06-12", false, 0, 0, NULL},
        {"", false, 0, 0, NULL},
    };

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const struct parse_case *c = &cases[i];
        struct enc_time t = {0};
        char buf[TIME_RFC3339_MAX];
        bool ok = time_parse_rfc3339(c->text, strlen(c->text), &t);

        print_message("%s\n", c->text);
        assert_int_equal(ok, c->ok);
        if (!ok)
            continue;
        assert_int_equal(t.utc, c->utc);
        assert_int_equal(t.offset, c->offset);
        assert_int_equal(time_format_rfc3339(t, buf), strlen(c->formatted));
        assert_string_equal(buf, c->formatted);
    }
}

/* The parser reads exactly len bytes: a longer buffer is not looked at,
 * a shorter one is refused. */
static void
test_time_parse_exact_length(void **state)
{
    const char *s = "2027-06-12T20:00:00+02:00 trailing";
    struct enc_time t;

    (void)state;
    assert_true(time_parse_rfc3339(s, 25, &t));
    assert_int_equal(t.utc, 1812823200);
    assert_false(time_parse_rfc3339(s, 24, &t));
    assert_false(time_parse_rfc3339(s, 26, &t));
}

/* Dates alone: impossible ones refused, leap years per the Gregorian
 * rule, written back the same. */
static void
test_time_parse_date(void **state)
{
    static const struct {
        const char *text;
        bool ok;
        int64_t day;
    } cases[] = {
        {"1970-01-01", true, 0},     {"1969-12-31", true, -1},
        {"2027-06-12", true, 20981}, {"2000-02-29", true, 11016},
        {"2028-02-29", true, 21243}, {"2027-02-29", false, 0},
        {"2100-02-29", false, 0},    {"2027-02-30", false, 0},
        {"2027-13-01", false, 0},    {"2027-06-31", false, 0},
        {"2027-06-1", false, 0},     {"2027/06/12", false, 0},
        {"2027-06-12T", false, 0},
    };

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        int64_t day = 0;
        char buf[16];
        bool ok = time_parse_date(cases[i].text, strlen(cases[i].text), &day);

        print_message("%s\n", cases[i].text);
        assert_int_equal(ok, cases[i].ok);
        if (!ok)
            continue;
        assert_int_equal(day, cases[i].day);
        assert_int_equal(time_format_date(day, buf), 10);
        assert_string_equal(buf, cases[i].text);
    }
}

/* Civil dates and day numbers agree both ways over four centuries around
 * the epoch, leap days included. */
static void
test_time_civil_round_trip(void **state)
{
    int64_t expected = time_days_from_civil(1800, 1, 1);

    (void)state;
    for (int64_t day = expected; day < time_days_from_civil(2201, 1, 1);
         day++) {
        int64_t y;
        unsigned m, d;
        time_civil_from_days(day, &y, &m, &d);
        assert_int_equal(time_days_from_civil(y, m, d), day);
        assert_true(m >= 1 && m <= 12 && d >= 1 && d <= 31);
    }
    assert_int_equal(time_days_from_civil(2000, 3, 1) -
                         time_days_from_civil(2000, 2, 28),
                     2);
    assert_int_equal(time_days_from_civil(1900, 3, 1) -
                         time_days_from_civil(1900, 2, 28),
                     1);
}

/* R6: the local date of an instant is read from its own offset, so two
 * instants of one UTC day can fall on two local dates and the reverse. */
static void
test_R6_local_day_from_own_offset(void **state)
{
    static const struct {
        const char *text;
        const char *local_date;
    } cases[] = {
        {"2027-06-12T20:00:00+02:00", "2027-06-12"},
        {"2027-06-13T00:30:00+02:00", "2027-06-13"}, /* 06-12 22:30 UTC */
        {"2027-06-12T01:00:00+02:00", "2027-06-12"}, /* 06-11 23:00 UTC */
        {"2027-06-12T22:30:00-05:00", "2027-06-12"}, /* 06-13 03:30 UTC */
        {"2027-06-12T00:00:00+14:00", "2027-06-12"}, /* 06-11 10:00 UTC */
        {"2027-06-12T23:59:59-12:00", "2027-06-12"}, /* 06-13 11:59 UTC */
        {"1970-01-01T00:30:00+01:00", "1970-01-01"}, /* before the epoch */
        {"1969-12-31T23:30:00-01:00", "1969-12-31"}, /* 1970 in UTC */
    };

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct enc_time t = fx_time(cases[i].text);
        int64_t want;
        char buf[16];

        assert_true(time_parse_date(cases[i].local_date, 10, &want));
        print_message("%s\n", cases[i].text);
        assert_int_equal(time_local_day(t), want);
        time_format_date(time_local_day(t), buf);
        assert_string_equal(buf, cases[i].local_date);
    }
}

/* R6: catalogue_index() stores each performance's local date. */
static void
test_R6_index_sets_local_day(void **state)
{
    struct fx *fx = fx_new();
    int32_t p, a, b;

    (void)state;
    p = fx_product(fx, "S", KIND_SERVICE);
    a = fx_performance(fx, p, "S-1", "2027-06-13T00:30:00+02:00");
    b = fx_performance(fx, p, "S-2", "2027-06-12T22:30:00-05:00");
    fx_index(fx);
    assert_int_equal(fx_perf(fx, a)->local_day,
                     time_days_from_civil(2027, 6, 13));
    assert_int_equal(fx_perf(fx, b)->local_day,
                     time_days_from_civil(2027, 6, 12));
    /* By start, S-1 (22:30 UTC) comes before S-2 (03:30 UTC next day). */
    assert_int_equal(fx_prod(fx, p)->perf_by_start[0], a);
    assert_int_equal(fx_prod(fx, p)->perf_by_start[1], b);
    fx_free(fx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_time_parse_rfc3339),
        cmocka_unit_test(test_time_parse_exact_length),
        cmocka_unit_test(test_time_parse_date),
        cmocka_unit_test(test_time_civil_round_trip),
        cmocka_unit_test(test_R6_local_day_from_own_offset),
        cmocka_unit_test(test_R6_index_sets_local_day),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
