/*
 * naive.h - the SQL-per-request baseline's engine (naive.c): the cart
 * stage's rules answered by SQL queries on every request.
 */
#ifndef ENCORE_BENCH_NAIVE_H
#define ENCORE_BENCH_NAIVE_H

#include <sqlite3.h>
#include <stddef.h>

#include "core/propose.h"

struct n_walk;

/* The baseline's database, its statements (prepared once) and the
 * scratch of one request (reused, allocated once). */
struct naive {
    sqlite3 *db;
    sqlite3_stmt *profile, *day, *lines, *targets, *product, *prices;
    sqlite3_stmt *same_day, *any_day;
    struct n_walk *walk;
};

/* Builds the baseline's tables into naive_path from the store's rows at
 * src_path (read only), unless naive_path exists. Exits on failure. */
void naive_build(const char *src_path, const char *naive_path);

/* Opens the baseline's database and prepares its statements; exits on
 * failure. */
void naive_open(struct naive *nv, const char *path);

void naive_close(struct naive *nv);

/*
 * Answers req (a cart-stage request decoded by Encore's codec; cat is
 * only used to read the codes it names) by SQL. When pairs is not NULL
 * it gets the (line, product) pairs proposed, "L1 P1;L2 P2;", in a
 * buffer of size bytes. Returns how many proposals were made.
 */
unsigned naive_evaluate(struct naive *nv, const struct enc_catalogue *cat,
                        const struct enc_request *req, char *pairs,
                        size_t size);

#endif
