/*
 * sqlfile.h - SQL run on a connection of the test's own, to look at a
 * database file where the store's interface says nothing (the schema
 * version, the rows), or to damage it on purpose.
 */
#ifndef ENCORE_TESTS_SQLFILE_H
#define ENCORE_TESTS_SQLFILE_H

#include <stdint.h>

/* One integer from sql on the database at path (-1: no row). */
int64_t sqlfile_int(const char *path, const char *sql);

/* Runs sql on the database at path; returns SQLite's code. */
int sqlfile_exec(const char *path, const char *sql);

#endif
