/*
 * store.h - durable state behind one table of functions (STYLE 1).
 *
 * SQLite first (store/sqlite.c): WAL, foreign keys, a schema version with
 * migrations, one row per record. Every write is one transaction: all or
 * nothing. PostgreSQL can be added as another backend behind the same
 * struct store_ops.
 */
#ifndef ENCORE_STORE_STORE_H
#define ENCORE_STORE_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/check.h"
#include "../core/error.h"
#include "../core/model.h"

struct store;

struct store_ops {
    const char *name;
    enum enc_code (*open)(const char *path, struct store **out,
                          struct enc_error *err);
    void (*close)(struct store *s);
    /* Loads the whole catalogue as stored, indexed; *out is NULL (and
     * ENC_OK is returned) when the database holds none yet. */
    enum enc_code (*load)(struct store *s, struct enc_catalogue **out,
                          struct enc_error *err);
    /* The stored catalogue as one compact encore-catalogue/1 document, as
     * the rows hold it (malloc'ed, the caller frees): what an import
     * merges into. *doc is NULL (and ENC_OK is returned) when the
     * database holds none yet. */
    enum enc_code (*document)(struct store *s, char **doc, size_t *len,
                              struct enc_error *err);
    /* Replaces the stored state by cat, in one transaction. */
    enum enc_code (*save)(struct store *s, const struct enc_catalogue *cat,
                          struct enc_error *err);
    /* A number that changes with every committed write, from any process. */
    enum enc_code (*generation)(struct store *s, uint64_t *out,
                                struct enc_error *err);
};

extern const struct store_ops store_sqlite;

/* The message of the ENC_NOT_FOUND that every entry point (export,
 * propose, the server) gives while no catalogue was ever imported. */
#define STORE_EMPTY_MESSAGE "no catalogue imported yet"

/*
 * The import of SPEC 9: decodes doc (merged into what is stored unless
 * replace), checks every profile that is active once it is applied
 * (SPEC 6, as of now) and refuses the whole document if one has an error
 * (ENC_INVALID_FIELD naming "profiles[i]"); else saves it in one
 * transaction. Nothing changes on any error. On success *findings (may be
 * NULL; initialised by the caller, its content is replaced) gets the
 * warnings and the drafts' errors, indexed as in store_load()'s catalogue.
 */
enum enc_code store_import(struct store *s, const char *doc, size_t len,
                           bool replace, struct enc_time now,
                           struct enc_findings *findings,
                           struct enc_error *err);

/* The stored catalogue as an encore-catalogue/1 document (malloc'ed);
 * ENC_NOT_FOUND (STORE_EMPTY_MESSAGE) when none was imported yet. */
enum enc_code store_export(struct store *s, char **doc, size_t *len,
                           struct enc_error *err);

enum enc_code store_open(const char *path, struct store **out,
                         struct enc_error *err);
void store_close(struct store *s);
enum enc_code store_load(struct store *s, struct enc_catalogue **out,
                         struct enc_error *err);
enum enc_code store_generation(struct store *s, uint64_t *out,
                               struct enc_error *err);

#endif
