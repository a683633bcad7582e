/*
 * test_store_batch.c - the SQLite store writes the rows of products,
 * performances, pools and lines by multi-row INSERTs of a fixed size,
 * then one statement for the rest (store/sqlite.c, issue 4). These
 * catalogues put their row counts on either side of the batch size
 * (256): none, fewer than a batch, exactly one, a batch and one, several
 * and some. Each is imported into a fresh database, then exported: the
 * export must be the document as the codec writes it back, and the
 * tables must hold one row per record, in order.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "codec/codec.h"
#include "sqlfile.h"
#include "store/store.h"

/* 2027-05-02T10:00:00+02:00. */
static const struct enc_time NOW = {1809244800, 7200};

/* A growing text the documents are written into; aborts the test when
 * out of memory. */
struct text {
    char *data;
    size_t len;
    size_t cap;
};

static void
text_add(struct text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    assert_true(n >= 0);
    if (t->len + (size_t)n + 1 > t->cap) {
        t->cap = (t->len + (size_t)n + 1) * 2;
        t->data = realloc(t->data, t->cap);
        assert_non_null(t->data);
    }
    va_start(ap, fmt);
    vsnprintf(t->data + t->len, t->cap - t->len, fmt, ap);
    va_end(ap);
    t->len += (size_t)n;
}

/* How large a catalogue is: its products, the performances of each
 * (each with pools in both seat categories), its draft profiles and the
 * lines of each. */
struct shape {
    uint32_t products;
    uint32_t performances;
    uint32_t profiles;
    uint32_t lines;
};

static void
write_records(struct text *t)
{
    text_add(t, "{\"format\":\"encore-catalogue/1\","
                "\"institution\":{\"code\":\"HALL\",\"name\":\"Hall\","
                "\"timezone\":\"Europe/Paris\",\"currency\":\"EUR\","
                "\"languages\":[\"en\"]},"
                "\"channels\":[{\"code\":\"WEB\",\"name\":\"Web\","
                "\"type\":\"internet\"}],"
                "\"seat_categories\":[{\"code\":\"C1\",\"name\":\"One\","
                "\"rank\":1},{\"code\":\"C2\",\"name\":\"Two\","
                "\"rank\":2}],"
                "\"audiences\":[{\"code\":\"ADULT\",\"name\":\"Adult\"}],");
}

static void
write_products(struct text *t, const struct shape *s)
{
    text_add(t, "\"products\":[");
    for (uint32_t p = 0; p < s->products; p++) {
        text_add(t,
                 "%s{\"code\":\"P%u\",\"kind\":\"event\",\"name\":\"E%u\","
                 "\"prices\":[{\"seat_category\":\"C1\",\"audience\":"
                 "\"ADULT\",\"amount\":%u}],\"performances\":[",
                 p ? "," : "", p, p, 1000 + p);
        for (uint32_t f = 0; f < s->performances; f++)
            text_add(t,
                     "%s{\"code\":\"P%u-%u\",\"start\":"
                     "\"2027-06-%02uT20:00:00+02:00\",\"capacity\":"
                     "{\"C2\":%u,\"C1\":%u}}",
                     f ? "," : "", p, f, 1 + f % 28, f, p);
        text_add(t, "]}");
    }
    text_add(t, "]");
}

static void
write_profiles(struct text *t, const struct shape *s)
{
    text_add(t, "\"profiles\":[");
    for (uint32_t r = 0; r < s->profiles; r++) {
        text_add(t,
                 "%s{\"code\":\"R%u\",\"name\":\"Profile %u\",\"status\":"
                 "\"draft\",\"channels\":[\"WEB\"],\"lines\":[",
                 r ? "," : "", r, r);
        for (uint32_t l = 0; l < s->lines; l++)
            text_add(t,
                     "%s{\"id\":\"L%u\",\"type\":\"cart\",\"base\":\"P%u\","
                     "\"targets\":[{\"product\":\"P%u\"}]}",
                     l ? "," : "", s->lines - l, l % s->products,
                     (l + 1) % s->products);
        text_add(t, "]}");
    }
    text_add(t, "]");
}

/* The document of shape s (malloc'ed, *len its length). */
static char *
write_document(const struct shape *s, size_t *len)
{
    struct text t = {0};
    write_records(&t);
    write_products(&t, s);
    text_add(&t, ",");
    write_profiles(&t, s);
    text_add(&t, "}");
    *len = t.len;
    return t.data;
}

/* The document of the profiles of s alone, as the admin API writes. */
static char *
write_profiles_document(const struct shape *s, size_t *len)
{
    struct text t = {0};
    text_add(&t, "{\"format\":\"encore-catalogue/1\",");
    write_profiles(&t, s);
    text_add(&t, "}");
    *len = t.len;
    return t.data;
}

/* One integer from SQL run on a connection of the test's own. */
static int64_t
sql_int(const char *path, const char *sql)
{
    return sqlfile_int(path, sql);
}

/* The export must be the document as the codec writes it back. */
static void
assert_export(struct store *store, const char *doc, size_t len)
{
    struct enc_catalogue *cat = NULL;
    struct enc_error err = {0};
    assert_int_equal(codec_catalogue_decode(doc, len, NULL, 0, &cat, &err),
                     ENC_OK);
    size_t want_len = 0;
    char *want = codec_catalogue_encode(cat, &want_len);
    assert_non_null(want);
    char *got = NULL;
    size_t got_len = 0;
    assert_int_equal(store_export(store, &got, &got_len, &err), ENC_OK);
    assert_int_equal(got_len, want_len);
    assert_memory_equal(got, want, want_len);
    free(got);
    free(want);
    catalogue_free(cat);
}

/* Each table holds its rows once, numbered in order under their parent
 * (positions 0..n-1, so the sum of positions tells a lost or doubled
 * row), and each child row names an existing parent. */
static void
assert_rows(const char *path, const struct shape *s)
{
    int64_t perfs = (int64_t)s->products * s->performances;
    int64_t lines = (int64_t)s->profiles * s->lines;
    int64_t n = s->performances;
    assert_int_equal(sql_int(path, "SELECT count(*) FROM products"),
                     s->products);
    assert_int_equal(sql_int(path, "SELECT count(*) FROM performances"), perfs);
    assert_int_equal(sql_int(path, "SELECT count(*) FROM pools"), 2 * perfs);
    assert_int_equal(sql_int(path, "SELECT count(*) FROM lines"), lines);
    assert_int_equal(
        sql_int(path, "SELECT coalesce(sum(position), 0) FROM performances"),
        (int64_t)s->products * (n * (n - 1) / 2));
    assert_int_equal(
        sql_int(path, "SELECT count(*) FROM pools WHERE position = 1"), perfs);
    assert_int_equal(
        sql_int(path, "SELECT count(*) FROM performances f JOIN products p"
                      " ON p.id = f.product_id"
                      " WHERE f.code LIKE p.code || '-%'"),
        perfs);
    assert_int_equal(sql_int(path, "SELECT count(*) FROM pools o"
                                   " JOIN performances f"
                                   " ON f.id = o.performance_id"),
                     2 * perfs);
    assert_int_equal(sql_int(path, "PRAGMA foreign_key_check"), -1);
}

/* Imports shape s into a fresh database, checks the export and the rows,
 * then imports its profiles alone (one profile's rows rewritten at a
 * time) and checks them again. */
static void
check_shape(const struct shape *s)
{
    char dir[] = "/tmp/encore-test-batch-XXXXXX";
    char path[64];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof(path), "%s/encore.db", dir);
    struct store *store = NULL;
    struct enc_error err = {0};
    assert_int_equal(store_open(path, &store, &err), ENC_OK);

    size_t len = 0;
    char *doc = write_document(s, &len);
    assert_int_equal(store_import(store, doc, len, false, NOW, NULL, &err),
                     ENC_OK);
    assert_export(store, doc, len);
    assert_rows(path, s);

    size_t profiles_len = 0;
    char *profiles = write_profiles_document(s, &profiles_len);
    assert_int_equal(
        store_import(store, profiles, profiles_len, false, NOW, NULL, &err),
        ENC_OK);
    assert_export(store, doc, len);
    assert_rows(path, s);

    free(profiles);
    free(doc);
    store_close(store);
    static const char *const suffixes[] = {"", "-wal", "-shm"};
    for (size_t i = 0; i < 3; i++) {
        char name[80];
        snprintf(name, sizeof(name), "%s%s", path, suffixes[i]);
        unlink(name);
    }
    rmdir(dir);
}

/* Fewer rows than a batch everywhere; a profile without lines. */
static void
test_batch_small(void **state)
{
    (void)state;
    check_shape(&(struct shape){1, 1, 1, 0});
    check_shape(&(struct shape){3, 2, 2, 5});
}

/* Exactly one batch of products, of lines, and two of pools: no
 * statement for the rest. */
static void
test_batch_exact(void **state)
{
    (void)state;
    check_shape(&(struct shape){256, 1, 1, 256});
}

/* A batch and one row, and several batches and some: 257 products, 771
 * performances, 1,542 pools, 2 x 300 lines. */
static void
test_batch_past(void **state)
{
    (void)state;
    check_shape(&(struct shape){257, 3, 2, 300});
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_batch_small),
        cmocka_unit_test(test_batch_exact),
        cmocka_unit_test(test_batch_past),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
