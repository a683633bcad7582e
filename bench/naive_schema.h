/*
 * naive_schema.h - the tables of the SQL-per-request baseline
 * (sqlnaive.c), derived by SQL from the store's rows, and the queries it
 * runs on every request.
 *
 * A common design keeps the catalogue in normalised tables with the
 * indexes its queries need, and asks them on each request. The store
 * keeps one JSON body per record, which no such design would query, so
 * the baseline derives its own tables from the same rows before anything
 * is timed (an attached copy: the store's database is only read). Bounds
 * given as a date alone are taken as UTC days (the bench catalogue has
 * none).
 */
#ifndef ENCORE_BENCH_NAIVE_SCHEMA_H
#define ENCORE_BENCH_NAIVE_SCHEMA_H

/* An instant in UTC seconds, or NULL; a date alone starts its day. */
#define NAIVE_FROM(x) "CAST(strftime('%s', " x ") AS INTEGER)"
/* A date alone ends its day. */
#define NAIVE_TO(x)                                                            \
    "(CAST(strftime('%s', " x ") AS INTEGER) + "                               \
    "CASE WHEN length(" x ") = 10 THEN 86399 ELSE 0 END)"
/* A JSON list of codes as ",A,B," (NULL when absent), for instr(). */
#define NAIVE_CODES(body, path)                                                \
    "(SELECT ',' || group_concat(value, ',') || ',' FROM json_each(" body      \
    ", '" path "'))"

static const char naive_schema[] =
    "CREATE TABLE n_channels AS SELECT code,"
    " json_extract(body, '$.type') AS type FROM src.channels;"
    "CREATE UNIQUE INDEX n_channels_code ON n_channels (code);"

    "CREATE TABLE n_profiles AS SELECT p.id, p.position, p.code, "
    "j.value"
    " AS channel, json_extract(p.body, '$.limits.under_cart') AS "
    "lim_under,"
    " json_extract(p.body, '$.limits.sidebar') AS lim_side"
    " FROM src.profiles p, json_each(p.body, '$.channels') j"
    " WHERE json_extract(p.body, '$.status') = 'active';"
    "CREATE INDEX n_profiles_channel ON n_profiles (channel, position);"

    "CREATE TABLE n_lines AS SELECT l.profile_id AS profile, "
    "l.position,"
    " l.code AS id, json_extract(l.body, '$.type') AS type,"
    " json_extract(l.body, '$.base') AS base,"
    " json_extract(l.body, '$.when.min_quantity') AS min_quantity,"
    " " NAIVE_CODES(
        "l.body",
        "$.when.seat_categories") " AS when_seats,"
                                  " " NAIVE_CODES(
                                      "l.body",
                                      "$.when."
                                      "performanc"
                                      "es") " AS "
                                            "when"
                                            "_per"
                                            "fs,"
                                            " " NAIVE_FROM(
                                                "json_extract(l.body, "
                                                "'$.valid_from')") " AS "
                                                                   "valid_from,"
                                                                   " " NAIVE_TO(
                                                                       "json_"
                                                                       "extract"
                                                                       "(l."
                                                                       "body, "
                                                                       "'$."
                                                                       "valid_"
                                                                       "to')") " AS valid_to"
                                                                               " FROM src.lines l;"
                                                                               "CREATE INDEX n_lines_base ON n_lines (profile, base, position);"

                                                                               "CREATE TABLE n_targets AS SELECT l.profile_id AS profile,"
                                                                               " l.position AS line, t.key AS position,"
                                                                               " json_extract(t.value, '$.product') AS product,"
                                                                               " json_extract(t.value, '$.date') AS date_mode,"
                                                                               " json_extract(t.value, '$.quantity.mode') AS qty_mode,"
                                                                               " json_extract(t.value, '$.quantity.per') AS per,"
                                                                               " json_extract(t.value, '$.quantity.value') AS value,"
                                                                               " json_extract(t.value, '$.quantity.min') AS qty_min,"
                                                                               " json_extract(t.value, '$.quantity.max') AS qty_max,"
                                                                               " " NAIVE_CODES(
                                                                                   "t.value",
                                                                                   "$.seat_categories") " AS seats,"
                                                                                                        " " NAIVE_CODES("t.value",
                                                                                                                        "$.audiences") " AS audiences"
                                                                                                                                       " FROM src.lines l, json_each(l.body, '$.targets') t;"
                                                                                                                                       "CREATE INDEX n_targets_line ON n_targets (profile, line, position);"

                                                                                                                                       "CREATE TABLE n_products AS SELECT p.code,"
                                                                                                                                       " json_extract(p.body, '$.status') AS status,"
                                                                                                                                       " " NAIVE_CODES("p.body",
                                                                                                                                                       "$.channels") " AS channels,"
                                                                                                                                                                     " " NAIVE_FROM("json_extract(p.body, '$.sale.from')") " AS sale_from,"
                                                                                                                                                                                                                           " " NAIVE_TO(
                                                                                                                                                                                                                               "json_extract(p.body, '$.sale.to')") " AS sale_to,"
                                                                                                                                                                                                                                                                    " json_extract(p.body, '$.stock') AS stock,"
                                                                                                                                                                                                                                                                    " json_extract(p.body, '$.max_per_order') AS max_per_order,"
                                                                                                                                                                                                                                                                    " (SELECT count(*) FROM src.performances f WHERE f.product_id = p.id)"
                                                                                                                                                                                                                                                                    " AS n_performances FROM src.products p;"
                                                                                                                                                                                                                                                                    "CREATE UNIQUE INDEX n_products_code ON n_products (code);"

                                                                                                                                                                                                                                                                    "CREATE TABLE n_prices AS SELECT p.code AS product, j.key AS position,"
                                                                                                                                                                                                                                                                    " json_extract(j.value, '$.seat_category') AS seat,"
                                                                                                                                                                                                                                                                    " json_extract(j.value, '$.audience') AS audience"
                                                                                                                                                                                                                                                                    " FROM src.products p, json_each(p.body, '$.prices') j;"
                                                                                                                                                                                                                                                                    "CREATE INDEX n_prices_product ON n_prices (product, position);"

                                                                                                                                                                                                                                                                    "CREATE TABLE n_performances AS SELECT f.id, f.code, p.code AS product,"
                                                                                                                                                                                                                                                                    " f.position, " NAIVE_FROM("json_extract(f.body, '$.start')") " AS start,"
                                                                                                                                                                                                                                                                                                                                  " substr(json_extract(f.body, '$.start'), 1, 10) AS day,"
                                                                                                                                                                                                                                                                                                                                  " " NAIVE_FROM("json_extract(f.body, '$.sale.from')") " AS sale_from,"
                                                                                                                                                                                                                                                                                                                                                                                        " " NAIVE_TO(
                                                                                                                                                                                                                                                                                                                                                                                            "json_extract(f.body, '$.sale.to')") " AS sale_to"
                                                                                                                                                                                                                                                                                                                                                                                                                                 " FROM src.performances f JOIN src.products p ON p.id = f.product_id;"
                                                                                                                                                                                                                                                                                                                                                                                                                                 "CREATE UNIQUE INDEX n_performances_code ON n_performances (code);"
                                                                                                                                                                                                                                                                                                                                                                                                                                 "CREATE INDEX n_performances_day ON n_performances"
                                                                                                                                                                                                                                                                                                                                                                                                                                 " (product, day, start, position);"
                                                                                                                                                                                                                                                                                                                                                                                                                                 "CREATE INDEX n_performances_start ON n_performances"
                                                                                                                                                                                                                                                                                                                                                                                                                                 " (product, start, position);"

                                                                                                                                                                                                                                                                                                                                                                                                                                 "CREATE TABLE n_pools AS SELECT performance_id AS performance,"
                                                                                                                                                                                                                                                                                                                                                                                                                                 " code AS seat, \"left\" FROM src.pools;"
                                                                                                                                                                                                                                                                                                                                                                                                                                 "CREATE INDEX n_pools_performance ON n_pools (performance, \"left\");";

/* R1: the active profile of an internet channel (the first one wins). */
static const char naive_q_profile[] =
    "SELECT p.id, p.lim_under, p.lim_side FROM n_channels c"
    " JOIN n_profiles p ON p.channel = c.code"
    " WHERE c.code = ?1 AND c.type = 'internet' ORDER BY p.position LIMIT 1";

/* R4, R6: the local day of a cart item's performance. */
static const char naive_q_day[] =
    "SELECT day FROM n_performances WHERE code = ?1";

/* R2, R3, R4: the profile's lines of the cart stage with that base,
 * valid now, in profile order. */
static const char naive_q_lines[] =
    "SELECT position, id, type, min_quantity, when_seats, when_perfs"
    " FROM n_lines WHERE profile = ?1 AND base = ?2"
    " AND type IN ('cart', 'conditional', 'favorite')"
    " AND (valid_from IS NULL OR valid_from <= ?3)"
    " AND (valid_to IS NULL OR valid_to >= ?3) ORDER BY position";

/* A line's targets, in order. */
static const char naive_q_targets[] =
    "SELECT product, date_mode, qty_mode, per, value, qty_min, qty_max,"
    " seats, audiences FROM n_targets WHERE profile = ?1 AND line = ?2"
    " ORDER BY position";

/* R5 and what R6 to R8 need of a target's product. */
static const char naive_q_product[] =
    "SELECT status, channels, sale_from, sale_to, stock, max_per_order,"
    " n_performances FROM n_products WHERE code = ?1";

/* R9: a product's price rows, in order. */
static const char naive_q_prices[] =
    "SELECT seat, audience FROM n_prices WHERE product = ?1"
    " ORDER BY position";

/* R6, R7: the performances of ?1 on day ?2 after now (?3) where some
 * pool holds at least ?4, earliest first, with their pools. */
#define NAIVE_PERFORMANCES(day)                                                \
    "SELECT f.id, f.sale_from, f.sale_to, o.seat, o.\"left\""                  \
    " FROM n_performances f JOIN n_pools o ON o.performance = f.id"            \
    " WHERE f.product = ?1 " day " AND f.start > ?3"                           \
    " AND EXISTS (SELECT 1 FROM n_pools q WHERE q.performance = f.id"          \
    " AND q.\"left\" >= ?4) ORDER BY f.start, f.position, f.id"

/* Same as base: the group's day only; else any day (?2 unused). */
static const char naive_q_same_day[] = NAIVE_PERFORMANCES("AND f.day = ?2");
static const char naive_q_any_day[] = NAIVE_PERFORMANCES("");

#endif
