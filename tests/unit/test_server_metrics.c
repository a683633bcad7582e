/*
 * test_server_metrics.c - GET /metrics (issue 4 item 4): the text is the
 * Prometheus format 0.0.4 (HELP and TYPE before each metric, one sample
 * per line, cumulative buckets ending at +Inf equal to the count), and
 * its counters move: a request by route and status, and a proposal by
 * placement (R14) after one is answered.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codec/codec.h"
#include "server/metrics.h"
#include "server/snapshot.h"
#include "source.h"

/* The value of the sample line that starts with prefix (-1: none). */
static double
sample(const char *text, const char *prefix)
{
    size_t n = strlen(prefix);

    for (const char *line = text; line && *line;
         line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL)
        if (strncmp(line, prefix, n) == 0 && line[n] == ' ')
            return strtod(line + n + 1, NULL);
    return -1;
}

/* Every line is a comment (# HELP / # TYPE) or a sample
 * name{labels} value, and every sample's name was typed before it. */
static void
assert_format(const char *text)
{
    regex_t sample_re, type_re;
    char typed[4096] = " ";
    const char *line = text;

    assert_int_equal(
        regcomp(&sample_re,
                "^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([a-zA-Z_][a-zA-Z0-9_]*=\""
                "([^\"\\\\]|\\\\.)*\",?)*\\})? [-+0-9.eE]+(Inf)?$",
                REG_EXTENDED),
        0);
    assert_int_equal(regcomp(&type_re,
                             "^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) "
                             "(counter|gauge|histogram)$",
                             REG_EXTENDED),
                     0);
    while (*line) {
        const char *end = strchr(line, '\n');
        char buf[512], name[128];
        regmatch_t m[2];
        size_t len;

        assert_non_null(end); /* every line ends with \n */
        len = (size_t)(end - line);
        assert_true(len < sizeof buf);
        memcpy(buf, line, len);
        buf[len] = '\0';
        if (strncmp(buf, "# HELP ", 7) == 0) {
            line = end + 1;
            continue;
        }
        if (regexec(&type_re, buf, 2, m, 0) == 0) {
            snprintf(name, sizeof name, " %.*s ",
                     (int)(m[1].rm_eo - m[1].rm_so), buf + m[1].rm_so);
            strncat(typed, name + 1, sizeof typed - strlen(typed) - 1);
        } else {
            if (regexec(&sample_re, buf, 2, m, 0) != 0)
                fail_msg("not a sample line: %s", buf);
            snprintf(name, sizeof name, " %.*s ",
                     (int)(m[1].rm_eo - m[1].rm_so), buf + m[1].rm_so);
            /* histogram samples carry _bucket, _sum, _count */
            if (strstr(typed, name) == NULL) {
                char *suffix = strrchr(name, '_');
                assert_non_null(suffix);
                strcpy(suffix, " ");
                assert_non_null(strstr(typed, name));
            }
        }
        line = end + 1;
    }
    regfree(&sample_re);
    regfree(&type_re);
}

static const struct route proposals = {"POST", "/api/v1/proposals", NULL,
                                       true,   ROUTE_PUBLIC,        0};

/* The format, and requests counted by route, status and duration. */
static void
test_metrics_format_and_requests(void **state)
{
    const char *prefix = "encore_http_request_duration_seconds_bucket{"
                         "method=\"POST\",route=\"/api/v1/proposals\",le=";
    char key[256];
    size_t len = 0;
    char *text;

    (void)state;
    metrics_observe(&proposals, 200, 40);      /* first bucket */
    metrics_observe(&proposals, 200, 700);     /* 1 ms */
    metrics_observe(&proposals, 422, 2000000); /* past the last: +Inf */
    metrics_observe(NULL, 404, 10);
    text = metrics_render(NULL, &len);
    assert_non_null(text);
    assert_int_equal(strlen(text), len);
    assert_format(text);
    assert_true(sample(text, "encore_http_requests_total{method=\"POST\","
                             "route=\"/api/v1/proposals\"}") >= 3);
    assert_true(sample(text, "encore_http_responses_total{status=\"422\"}") >=
                1);
    assert_true(sample(text, "encore_http_requests_total{method=\"\","
                             "route=\"none\"}") >= 1);
    snprintf(key, sizeof key, "%s\"5e-05\"}", prefix);
    assert_true(sample(text, key) >= 1);
    snprintf(key, sizeof key, "%s\"0.001\"}", prefix);
    assert_true(sample(text, key) >= 2);
    snprintf(key, sizeof key, "%s\"+Inf\"}", prefix);
    assert_true(sample(text, key) ==
                sample(text, "encore_http_request_duration_seconds_count{"
                             "method=\"POST\",route=\"/api/v1/proposals\"}"));
    assert_true(sample(text, "encore_http_request_duration_seconds_sum{"
                             "method=\"POST\",route=\"/api/v1/proposals\"}") >=
                2.0007);
    free(text);
}

/* The SPEC 7 example, as a snapshot. */
static struct snapshot *
example_snapshot(void)
{
    struct enc_catalogue *cat =
        source_catalogue("tests/data/spec-example.json");
    assert_non_null(cat);
    assert_true(codec_catalogue_prepare(cat));
    return snapshot_new(cat, avail_new(cat), 7);
}

/* R14: a proposal answered moves its placement's counter; the snapshot's
 * gauges are there. */
static void
test_metrics_R14_proposals_counted(void **state)
{
    static const char request[] =
        "{\"channel\":\"WEB\",\"stage\":\"cart\",\"now\":"
        "\"2027-05-02T10:00:00+02:00\",\"cart\":[{\"product\":\"JAZZ-1\","
        "\"performance\":\"JAZZ-1-0612\",\"seat_category\":\"CAT1\","
        "\"audience\":\"ADULT\",\"quantity\":2}]}";
    static const char under_cart[] =
        "encore_proposals_total{placement=\"under_cart\"}";
    struct snapshots ss;
    struct snapshot *snap = example_snapshot();
    const char *out = NULL;
    size_t len = 0;
    double before, after;
    char *text;

    (void)state;
    assert_true(snapshots_open(&ss, snap));
    text = metrics_render(snap, &len);
    before = sample(text, under_cart);
    free(text);
    assert_int_equal(
        snapshot_propose(snap, request, strlen(request), &out, &len), ENC_OK);
    assert_non_null(strstr(out, "\"placement\":\"under_cart\""));
    text = metrics_render(snap, &len);
    assert_format(text);
    after = sample(text, under_cart);
    assert_true(after == before + 2); /* L2 and L3 of SPEC 8's example */
    assert_true(sample(text, "encore_snapshot_generation") == 7);
    assert_true(sample(text, "encore_catalogue_records{kind=\"products\"}") ==
                5);
    assert_true(sample(text, "encore_catalogue_records{kind=\"lines\"}") == 3);
    assert_true(sample(text, "encore_snapshot_build_seconds") >= 0);
    free(text);
    snapshots_close(&ss);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_metrics_format_and_requests),
        cmocka_unit_test(test_metrics_R14_proposals_counted),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
