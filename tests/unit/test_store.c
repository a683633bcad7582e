/*
 * test_store.c - the SQLite store: migrations, all-or-nothing imports,
 * the generation, foreign keys (store.h, SPEC 5 and 9).
 *
 * Each test works in a fresh database under a temporary directory and
 * looks at the file with a connection of its own where the store's
 * interface says nothing (the schema version, the rows).
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
#include "source.h"
#include "sqlfile.h"
#include "store/store.h"

/* 2027-05-02T10:00:00+02:00, the SPEC 8 example's now. */
static const struct enc_time NOW = {1809244800, 7200};

struct fixture {
    char dir[64];
    char path[96];
    struct store *store;
    char *catalogue; /* tests/cases/catalogue.json */
    size_t catalogue_len;
};

static int
setup(void **state)
{
    struct fixture *fx = calloc(1, sizeof(*fx));
    if (fx == NULL)
        return -1;
    snprintf(fx->dir, sizeof(fx->dir), "/tmp/encore-test-store-XXXXXX");
    if (mkdtemp(fx->dir) == NULL)
        return -1;
    snprintf(fx->path, sizeof(fx->path), "%s/encore.db", fx->dir);
    fx->catalogue =
        source_read("tests/cases/catalogue.json", &fx->catalogue_len);
    if (fx->catalogue == NULL)
        return -1;
    if (store_open(fx->path, &fx->store, NULL) != ENC_OK)
        return -1;
    *state = fx;
    return 0;
}

static int
teardown(void **state)
{
    struct fixture *fx = *state;
    char path[128];
    store_close(fx->store);
    static const char *const suffixes[] = {"", "-wal", "-shm"};
    for (size_t i = 0; i < 3; i++) {
        snprintf(path, sizeof(path), "%s%s", fx->path, suffixes[i]);
        unlink(path);
    }
    rmdir(fx->dir);
    free(fx->catalogue);
    free(fx);
    return 0;
}

/* One integer from SQL run on a connection of the test's own. */
static int64_t
sql_int(const struct fixture *fx, const char *sql)
{
    return sqlfile_int(fx->path, sql);
}

/* Runs SQL on a connection of the test's own; returns SQLite's code. */
static int
sql_exec(const struct fixture *fx, const char *sql)
{
    return sqlfile_exec(fx->path, sql);
}

static uint64_t
generation(struct fixture *fx)
{
    uint64_t gen = 0;
    assert_int_equal(store_generation(fx->store, &gen, NULL), ENC_OK);
    return gen;
}

static char *export(struct fixture *fx)
{
    char *doc = NULL;
    size_t len = 0;
    struct enc_error err = {0};
    assert_int_equal(store_export(fx->store, &doc, &len, &err), ENC_OK);
    assert_int_equal(strlen(doc), len);
    return doc;
}

static enum enc_code
import(struct fixture *fx, const char *doc, bool replace, struct enc_error *err)
{
    return store_import(fx->store, doc, strlen(doc), replace, NOW, NULL, err);
}

static void
import_catalogue(struct fixture *fx)
{
    struct enc_error err = {0};
    assert_int_equal(store_import(fx->store, fx->catalogue, fx->catalogue_len,
                                  false, NOW, NULL, &err),
                     ENC_OK);
}

/* A fresh file gets the whole schema (migrations 1 and 2) in WAL mode,
 * no catalogue, generation 0; opening it again migrates nothing. */
static void
test_store_migrates_a_fresh_file(void **state)
{
    struct fixture *fx = *state;
    assert_int_equal(sql_int(fx, "PRAGMA user_version"), 3);
    assert_int_equal(
        sql_int(fx, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                    " AND name IN ('meta', 'institution', 'channels',"
                    " 'seat_categories', 'audiences', 'activities', 'themes',"
                    " 'products', 'performances', 'pools', 'profiles',"
                    " 'lines', 'orders', 'order_items', 'idempotency',"
                    " 'tokens')"),
        16);
    assert_int_equal(sql_int(fx, "SELECT count(*) FROM pragma_journal_mode"
                                 " WHERE journal_mode = 'wal'"),
                     1);
    assert_int_equal(generation(fx), 0);

    struct enc_catalogue *cat = NULL;
    assert_int_equal(store_load(fx->store, &cat, NULL), ENC_OK);
    assert_null(cat);
    struct enc_error err = {0};
    char *doc = NULL;
    size_t len = 0;
    assert_int_equal(store_export(fx->store, &doc, &len, &err), ENC_NOT_FOUND);
    assert_string_equal(err.message, STORE_EMPTY_MESSAGE);

    struct store *again = NULL;
    assert_int_equal(store_open(fx->path, &again, NULL), ENC_OK);
    store_close(again);
    assert_int_equal(sql_int(fx, "PRAGMA user_version"), 3);
    assert_int_equal(generation(fx), 0);
}

/* A database written by a newer encore is refused, not misread. */
static void
test_store_refuses_a_newer_schema(void **state)
{
    struct fixture *fx = *state;
    assert_int_equal(sql_exec(fx, "PRAGMA user_version = 99"), SQLITE_OK);
    struct store *s = NULL;
    struct enc_error err = {0};
    assert_int_equal(store_open(fx->path, &s, &err), ENC_INTERNAL);
    assert_null(s);
    assert_non_null(strstr(err.message, "newer"));
}

/* SPEC 5, 9: an unknown code in a draft refuses the whole document and
 * changes nothing. */
static void
test_store_import_unknown_code_in_draft_changes_nothing(void **state)
{
    struct fixture *fx = *state;
    import_catalogue(fx);
    char *before = export(fx);
    struct enc_error err = {0};
    assert_int_equal(
        import(fx,
               "{\"format\":\"encore-catalogue/1\",\"profiles\":[{\"code\":"
               "\"D\",\"status\":\"draft\",\"channels\":[\"APP\"],\"lines\":"
               "[{\"id\":\"X\",\"type\":\"cart\",\"base\":\"EXPO\","
               "\"targets\":[{\"product\":\"NOPE\"}]}]}]}",
               false, &err),
        ENC_UNKNOWN_CODE);
    assert_string_equal(err.field, "profiles[0].lines[0].targets[0].product");
    char *after = export(fx);
    assert_string_equal(before, after);
    assert_int_equal(generation(fx), 1);
    free(after);
    free(before);
}

/* SPEC 6: an active profile with an error refuses the import, named by
 * its index in the document given (3 in the merged catalogue). */
static void
test_store_import_active_profile_with_error_is_refused(void **state)
{
    struct fixture *fx = *state;
    import_catalogue(fx);
    char *before = export(fx);
    struct enc_error err = {0};
    assert_int_equal(
        import(fx,
               "{\"format\":\"encore-catalogue/1\",\"profiles\":[{\"code\":"
               "\"NEW\",\"status\":\"active\",\"channels\":[\"APP\"],"
               "\"lines\":[{\"id\":\"A\",\"type\":\"cart\",\"base\":\"EXPO\","
               "\"targets\":[{\"product\":\"EXPO\"}]}]}]}",
               false, &err),
        ENC_INVALID_FIELD);
    assert_string_equal(err.field, "profiles[0]");
    assert_non_null(strstr(err.message, "line A: "));
    char *after = export(fx);
    assert_string_equal(before, after);
    free(after);
    free(before);
}

/* A save that fails half-way (here a trigger stands for a failing disk)
 * is rolled back whole: rows, generation, everything. */
static void
test_store_failed_save_rolls_back(void **state)
{
    struct fixture *fx = *state;
    import_catalogue(fx);
    char *before = export(fx);
    assert_int_equal(sql_exec(fx, "CREATE TRIGGER boom BEFORE INSERT ON lines"
                                  " WHEN NEW.code = 'BOOM' BEGIN"
                                  " SELECT RAISE(ABORT, 'disk full'); END"),
                     SQLITE_OK);
    struct enc_error err = {0};
    assert_int_equal(
        import(fx,
               "{\"format\":\"encore-catalogue/1\",\"profiles\":[{\"code\":"
               "\"D\",\"status\":\"draft\",\"channels\":[\"APP\"],\"lines\":"
               "[{\"id\":\"BOOM\",\"type\":\"cart\",\"base\":\"EXPO\","
               "\"targets\":[{\"product\":\"GUIDE\"}]}]}]}",
               false, &err),
        ENC_INTERNAL);
    assert_non_null(strstr(err.message, "disk full"));
    char *after = export(fx);
    assert_string_equal(before, after);
    assert_int_equal(generation(fx), 1);
    assert_int_equal(sql_int(fx, "SELECT count(*) FROM products"), 26);
    free(after);
    free(before);
}

/* Every committed write bumps the generation, seen from any connection;
 * a refused one does not. */
static void
test_store_generation_bumps_on_every_write(void **state)
{
    struct fixture *fx = *state;
    struct store *other = NULL;
    uint64_t seen = 0;
    assert_int_equal(store_open(fx->path, &other, NULL), ENC_OK);

    import_catalogue(fx);
    assert_int_equal(generation(fx), 1);
    import_catalogue(fx);
    assert_int_equal(generation(fx), 2);
    assert_int_equal(store_generation(other, &seen, NULL), ENC_OK);
    assert_int_equal(seen, 2);

    struct enc_error err = {0};
    assert_int_not_equal(import(fx, "{", false, &err), ENC_OK);
    assert_int_equal(generation(fx), 2);
    store_close(other);
}

/* Performances, pools and lines go with their parent (ON DELETE CASCADE
 * needs foreign keys on): a --replace leaves only the new rows. */
static void
test_store_foreign_keys_cascade_on_replace(void **state)
{
    struct fixture *fx = *state;
    import_catalogue(fx);
    assert_int_equal(sql_int(fx, "SELECT count(*) FROM performances"), 20);

    size_t len = 0;
    char *example = source_read("tests/data/spec-example.json", &len);
    assert_non_null(example);
    struct enc_error err = {0};
    assert_int_equal(import(fx, example, true, &err), ENC_OK);
    free(example);
    assert_int_equal(sql_int(fx, "SELECT count(*) FROM products"), 5);
    assert_int_equal(sql_int(fx, "SELECT count(*) FROM performances"), 4);
    assert_int_equal(sql_int(fx, "SELECT count(*) FROM pools"), 4);
    assert_int_equal(sql_int(fx, "SELECT count(*) FROM lines"), 3);

    /* The schema itself refuses a row without its parent. */
    assert_int_equal(sql_exec(fx, "PRAGMA foreign_keys = ON;"
                                  " INSERT INTO performances"
                                  " (product_id, position, code, body)"
                                  " VALUES (999999, 0, 'X', '{}')"),
                     SQLITE_CONSTRAINT);
}

/* SPEC 9: a partial document replaces what it names and keeps the rest;
 * what is left of a pool is a row of its own (R7). */
static void
test_store_merge_keeps_the_rest(void **state)
{
    struct fixture *fx = *state;
    import_catalogue(fx);
    struct enc_error err = {0};
    assert_int_equal(
        import(fx,
               "{\"format\":\"encore-catalogue/1\",\"products\":[{\"code\":"
               "\"PARKING\",\"kind\":\"service\",\"name\":\"Parking\","
               "\"prices\":[{\"amount\":800}],\"performances\":[{\"code\":"
               "\"PARKING-0612\",\"start\":\"2027-06-12T08:00:00+02:00\","
               "\"capacity\":{\"*\":39}}]}]}",
               false, &err),
        ENC_OK);
    assert_int_equal(sql_int(fx, "SELECT count(*) FROM products"), 26);
    assert_int_equal(sql_int(fx, "SELECT count(*) FROM performances"), 19);
    assert_int_equal(sql_int(fx, "SELECT \"left\" FROM pools JOIN performances"
                                 " ON performances.id = performance_id"
                                 " WHERE performances.code = 'PARKING-0612'"),
                     39);

    struct enc_catalogue *cat = NULL;
    assert_int_equal(store_load(fx->store, &cat, NULL), ENC_OK);
    int32_t p = catalogue_lookup(cat, CODE_PRODUCT, "PARKING", 7);
    assert_int_equal(p, 1); /* kept in its place */
    assert_int_equal(cat->products[p].n_performances, 1);
    assert_int_equal(cat->n_profiles, 3);
    catalogue_free(cat);
}

/* A document of profiles alone: WEB-2027 rewritten with one line, NEW
 * added. */
static const char WEB_AND_NEW[] =
    "{\"format\":\"encore-catalogue/1\",\"profiles\":["
    "{\"code\":\"WEB-2027\",\"status\":\"active\","
    "\"channels\":[\"WEB\"],\"lines\":[{\"id\":\"N1\","
    "\"type\":\"cart\",\"base\":\"JAZZ-1\",\"targets\":"
    "[{\"product\":\"PARKING\"}]}]},"
    "{\"code\":\"NEW\",\"status\":\"draft\","
    "\"channels\":[\"APP\"]}]}";

/* SPEC 9: a document of profiles alone rewrites those profiles' rows and
 * no other (a line edit of the admin API on a large catalogue), keeps the
 * profiles' order, adds a new one last, and moves the generation. */
static void
test_store_profiles_only_import_rewrites_them_alone(void **state)
{
    struct fixture *fx = *state;
    import_catalogue(fx);
    int64_t product_id = sql_int(fx, "SELECT id FROM products"
                                     " WHERE code = 'JAZZ-1'");
    int64_t kept_id = sql_int(fx, "SELECT id FROM profiles"
                                  " WHERE code = 'MOBILE-2027'");
    uint64_t gen = generation(fx);
    struct enc_error err = {0};
    assert_int_equal(import(fx, WEB_AND_NEW, false, &err), ENC_OK);
    assert_int_equal(generation(fx), gen + 1);
    assert_int_equal(
        sql_int(fx, "SELECT id FROM products WHERE code = 'JAZZ-1'"),
        product_id);
    assert_int_equal(
        sql_int(fx, "SELECT id FROM profiles WHERE code = 'MOBILE-2027'"),
        kept_id);

    struct enc_catalogue *cat = NULL;
    assert_int_equal(store_load(fx->store, &cat, NULL), ENC_OK);
    assert_int_equal(cat->n_profiles, 4);
    assert_string_equal(cat->profiles[0].code, "WEB-2027");
    assert_int_equal(cat->profiles[0].n_lines, 1);
    assert_string_equal(cat->profiles[0].lines[0].id, "N1");
    assert_string_equal(cat->profiles[1].code, "MOBILE-2027");
    assert_int_equal(cat->profiles[1].n_lines, 2);
    assert_string_equal(cat->profiles[3].code, "NEW");
    assert_int_equal(cat->n_products, 26);
    catalogue_free(cat);
}

/* load_since() of base at since: the catalogue and its stamp. */
static struct enc_catalogue *
load_since(struct fixture *fx, struct enc_catalogue *base,
           const struct store_stamp *since, struct store_stamp *now)
{
    struct enc_catalogue *cat = NULL;
    struct enc_error err = {0};
    assert_int_equal(store_load_since(fx->store, base, since, &cat, now, &err),
                     ENC_OK);
    assert_non_null(cat);
    return cat;
}

/* True when cat encodes as what a whole load of the store encodes. */
static bool
same_as_stored(struct fixture *fx, const struct enc_catalogue *cat)
{
    struct enc_catalogue *whole = NULL;
    size_t a_len = 0, b_len = 0;
    assert_int_equal(store_load(fx->store, &whole, NULL), ENC_OK);
    char *a = codec_catalogue_encode(cat, &a_len);
    char *b = codec_catalogue_encode(whole, &b_len);
    bool same = a && b && a_len == b_len && memcmp(a, b, a_len) == 0;
    free(a);
    free(b);
    catalogue_free(whole);
    return same;
}

/*
 * A reload after profile writes (server/snapshot.c) decodes only the
 * profiles written since and shares the rest with the catalogue it had:
 * what it gives is what a whole load gives, in the stored order, after an
 * edit, an addition and a deletion, and still once the catalogues it
 * borrowed from are freed (AddressSanitizer would see a use after free).
 * A write beyond profiles gives a whole load.
 */
static void
test_store_reload_decodes_only_changed_profiles(void **state)
{
    struct fixture *fx = *state;
    import_catalogue(fx);
    struct store_stamp s0, s1, s2, s3;
    struct enc_catalogue *base = load_since(fx, NULL, NULL, &s0);
    assert_ptr_equal(catalogue_records_owner(base), base);
    assert_int_equal(s0.generation, generation(fx));

    struct enc_error err = {0};
    assert_int_equal(import(fx, WEB_AND_NEW, false, &err), ENC_OK);
    struct enc_catalogue *one = load_since(fx, base, &s0, &s1);
    assert_int_equal(s1.generation, s0.generation + 1);
    assert_int_equal(s1.records, s0.records);
    assert_ptr_equal(catalogue_records_owner(one), base);
    assert_int_equal(one->n_profiles, 4);
    assert_ptr_equal(one->profile_block[0], one->block); /* WEB-2027 */
    assert_null(one->profile_block[1]); /* MOBILE-2027, kept in base */
    assert_ptr_equal(one->profile_block[3], one->block); /* NEW */
    assert_true(same_as_stored(fx, one));

    assert_int_equal(store_profile_delete(fx->store, "MOBILE-2027", &err),
                     ENC_OK);
    catalogue_free(base);
    struct enc_catalogue *two = load_since(fx, one, &s1, &s2);
    catalogue_free(one);
    assert_int_equal(two->n_profiles, 3);
    assert_int_equal(catalogue_lookup(two, CODE_PROFILE, "MOBILE-2027", 11),
                     ENC_NONE);
    assert_int_equal(catalogue_lookup(two, CODE_PROFILE, "NEW", 3), 2);
    assert_true(same_as_stored(fx, two));

    assert_int_equal(
        import(fx,
               "{\"format\":\"encore-catalogue/1\",\"products\":[{\"code\":"
               "\"PARKING\",\"kind\":\"service\",\"name\":\"Parking\","
               "\"prices\":[{\"amount\":800}]}]}",
               false, &err),
        ENC_OK);
    struct enc_catalogue *three = load_since(fx, two, &s2, &s3);
    assert_true(s3.records > s2.records);
    assert_ptr_equal(catalogue_records_owner(three), three);
    assert_true(same_as_stored(fx, three));
    catalogue_free(two);
    catalogue_free(three);
}

/* Documents of profiles alone that SPEC 5, 6 and 9 refuse. */
static const char *const refused_profiles[] = {
    /* unknown code in a draft */
    "{\"format\":\"encore-catalogue/1\",\"profiles\":[{\"code\":\"D\","
    "\"status\":\"draft\",\"channels\":[\"APP\"],\"lines\":[{\"id\":\"X\","
    "\"type\":\"cart\",\"base\":\"EXPO\",\"targets\":[{\"product\":"
    "\"NOPE\"}]}]}]}",
    /* an active profile with an error (SPEC 6) */
    "{\"format\":\"encore-catalogue/1\",\"profiles\":[{\"code\":\"NEW\","
    "\"status\":\"active\",\"channels\":[\"APP\"],\"lines\":[{\"id\":\"A\","
    "\"type\":\"cart\",\"base\":\"EXPO\",\"targets\":[{\"product\":"
    "\"EXPO\"}]}]}]}",
    /* the same profile twice */
    "{\"format\":\"encore-catalogue/1\",\"profiles\":[{\"code\":\"D\","
    "\"status\":\"draft\",\"channels\":[\"APP\"]},{\"code\":\"D\","
    "\"status\":\"draft\",\"channels\":[\"APP\"]}]}",
    /* no format */
    "{\"profiles\":[{\"code\":\"D\",\"status\":\"draft\",\"channels\":"
    "[\"APP\"]}]}",
    /* a bad date, a bad type */
    "{\"format\":\"encore-catalogue/1\",\"profiles\":[{\"code\":\"D\","
    "\"status\":\"draft\",\"channels\":[\"APP\"],\"lines\":[{\"id\":\"X\","
    "\"type\":\"cart\",\"base\":\"EXPO\",\"valid_from\":\"2027-02-30\","
    "\"targets\":[{\"product\":\"PARKING\"}]}]}]}",
    "{\"format\":\"encore-catalogue/1\",\"profiles\":[{\"code\":\"D\","
    "\"status\":\"draft\",\"channels\":[\"APP\"],\"lines\":[{\"id\":\"X\","
    "\"type\":\"nope\",\"base\":\"EXPO\",\"targets\":[{\"product\":"
    "\"PARKING\"}]}]}]}",
    /* taking over the channel of another active profile (SPEC 6) */
    "{\"format\":\"encore-catalogue/1\",\"profiles\":[{\"code\":\"D\","
    "\"status\":\"active\",\"channels\":[\"WEB\"]}]}",
};

/*
 * store_import_onto() refuses what the general import refuses, with the
 * same code, field and message, and changes nothing (SPEC 5, 6, 9).
 */
static void
test_store_import_onto_refuses_as_the_general_import(void **state)
{
    struct fixture *fx = *state;
    import_catalogue(fx);
    struct store_stamp since;
    struct enc_catalogue *base = load_since(fx, NULL, NULL, &since);
    char *before = export(fx);
    for (size_t i = 0; i < sizeof(refused_profiles) / sizeof(char *); i++) {
        const char *doc = refused_profiles[i];
        struct enc_error general = {0}, onto = {0};
        enum enc_code a = import(fx, doc, false, &general);
        enum enc_code b =
            store_import_onto(fx->store, base, &since, doc, strlen(doc), false,
                              NOW, NULL, NULL, NULL, &onto);
        assert_int_not_equal(a, ENC_OK);
        assert_int_equal(b, a);
        assert_string_equal(onto.field, general.field);
        assert_string_equal(onto.message, general.message);
    }
    char *after = export(fx);
    assert_string_equal(before, after);
    free(after);
    free(before);
    catalogue_free(base);
}

/*
 * store_import_onto() with a catalogue loaded before another write checks
 * against that write too (what is stored is reloaded under the write
 * lock: SPEC 6 sees the channel it took), keeps it, and replaces the
 * profile it names in place (SPEC 9).
 */
static void
test_store_import_onto_keeps_writes_made_since(void **state)
{
    struct fixture *fx = *state;
    import_catalogue(fx);
    struct store_stamp since;
    struct enc_catalogue *base = load_since(fx, NULL, NULL, &since);
    struct enc_error err = {0};
    assert_int_equal(import(fx,
                            "{\"format\":\"encore-catalogue/1\",\"profiles\":["
                            "{\"code\":\"OTHER\",\"status\":\"active\","
                            "\"channels\":[\"APP\"]}]}",
                            false, &err),
                     ENC_OK);
    /* OTHER, written since base, holds APP (SPEC 6). */
    const char *taking = "{\"format\":\"encore-catalogue/1\",\"profiles\":["
                         "{\"code\":\"MOBILE-2027\",\"status\":\"active\","
                         "\"channels\":[\"MOBILE\",\"APP\"]}]}";
    assert_int_equal(store_import_onto(fx->store, base, &since, taking,
                                       strlen(taking), false, NOW, NULL, NULL,
                                       NULL, &err),
                     ENC_INVALID_FIELD);
    assert_non_null(strstr(err.message, "stored active profile OTHER"));
    const char *doc = "{\"format\":\"encore-catalogue/1\",\"profiles\":["
                      "{\"code\":\"MOBILE-2027\",\"status\":\"active\","
                      "\"channels\":[\"MOBILE\"]}]}";
    uint64_t gen = 0;
    assert_int_equal(store_import_onto(fx->store, base, &since, doc,
                                       strlen(doc), false, NOW, NULL, NULL,
                                       &gen, &err),
                     ENC_OK);
    assert_int_equal(gen, generation(fx));
    catalogue_free(base);

    struct enc_catalogue *cat = NULL;
    assert_int_equal(store_load(fx->store, &cat, NULL), ENC_OK);
    assert_int_equal(cat->n_profiles, 4);
    assert_string_equal(cat->profiles[1].code, "MOBILE-2027");
    assert_int_equal(cat->profiles[1].n_lines, 0);
    assert_string_equal(cat->profiles[3].code, "OTHER");
    catalogue_free(cat);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_store_migrates_a_fresh_file, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_store_refuses_a_newer_schema,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_store_import_unknown_code_in_draft_changes_nothing, setup,
            teardown),
        cmocka_unit_test_setup_teardown(
            test_store_import_active_profile_with_error_is_refused, setup,
            teardown),
        cmocka_unit_test_setup_teardown(test_store_failed_save_rolls_back,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_store_generation_bumps_on_every_write, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_store_foreign_keys_cascade_on_replace, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_store_profiles_only_import_rewrites_them_alone, setup,
            teardown),
        cmocka_unit_test_setup_teardown(test_store_merge_keeps_the_rest, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            test_store_reload_decodes_only_changed_profiles, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_store_import_onto_refuses_as_the_general_import, setup,
            teardown),
        cmocka_unit_test_setup_teardown(
            test_store_import_onto_keeps_writes_made_since, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
