/*
 * sqlite_reload.c - load_since() of the SQLite backend: what a server
 * reloads after a write (store.h, server/snapshot.c).
 *
 * Migration 3 (sqlite.c) stamps every profile row with the generation
 * that wrote it, and keeps the records generation: the last write that
 * changed anything but profiles and lines. When that did not move since
 * the catalogue the caller holds was loaded, only the profiles written
 * after it are read and decoded, into an overlay that shares every other
 * record with it (catalogue_overlay()), and the profiles that did not
 * change are borrowed as they are. A profile edit on a catalogue of
 * 10,000 products then reloads in milliseconds instead of seconds.
 */
#include <stdlib.h>

#include "../codec/codec.h"
#include "assemble.h"
#include "sqlite_private.h"

/* The stamp of what the current transaction reads (MIGRATION_3). */
static enum enc_code
read_stamp(sqlite3 *db, struct store_stamp *now, struct enc_error *err)
{
    sqlite3_stmt *st = NULL;
    enum enc_code result =
        db_prepare(db,
                   "SELECT (SELECT value FROM meta WHERE key = 'generation'),"
                   " (SELECT value FROM meta WHERE key = 'records_generation')",
                   &st, err);
    if (result != ENC_OK)
        return result;
    if (sqlite3_step(st) == SQLITE_ROW) {
        now->generation = (uint64_t)sqlite3_column_int64(st, 0);
        now->records = (uint64_t)sqlite3_column_int64(st, 1);
    } else {
        result = db_fail(db, "reading the generation", err);
    }
    sqlite3_finalize(st);
    return result;
}

/* Appends the bodies of the rows of st (column 0), bound by the caller,
 * comma separated. */
static enum enc_code
append_bodies(sqlite3 *db, sqlite3_stmt *st, struct doc *d,
              struct enc_error *err)
{
    int rc;
    for (uint32_t n = 0; (rc = sqlite3_step(st)) == SQLITE_ROW; n++) {
        const char *body = (const char *)sqlite3_column_text(st, 0);
        doc_append_str(d, n > 0 ? "," : "");
        doc_append(d, body ? body : "", (size_t)sqlite3_column_bytes(st, 0));
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? ENC_OK : db_fail(db, "reading lines", err);
}

/*
 * Appends each profile row of st (id, body) with its lines spliced in as
 * the last key, as the codec wrote them apart (assemble.h).
 */
static enum enc_code
append_profiles(sqlite3 *db, sqlite3_stmt *st, sqlite3_stmt *lines,
                struct doc *d, struct enc_error *err)
{
    enum enc_code result = ENC_OK;
    int rc;
    for (uint32_t n = 0;
         result == ENC_OK && (rc = sqlite3_step(st)) == SQLITE_ROW; n++) {
        const char *body = (const char *)sqlite3_column_text(st, 1);
        size_t len = (size_t)sqlite3_column_bytes(st, 1);
        if (body == NULL || len < 2 || body[len - 1] != '}')
            return enc_error_set(err, ENC_INTERNAL, NULL,
                                 "database: a damaged profile row");
        doc_append_str(d, n > 0 ? "," : "");
        doc_append_open_object(d, body, len, "lines");
        doc_append_str(d, "[");
        sqlite3_bind_int64(lines, 1, sqlite3_column_int64(st, 0));
        result = append_bodies(db, lines, d, err);
        doc_append_str(d, "]}");
    }
    if (result == ENC_OK && rc != SQLITE_DONE)
        result = db_fail(db, "reading profiles", err);
    return result;
}

/* {"profiles":[...]}: the profiles written after generation since, with
 * their lines, in position order (malloc'ed). */
static enum enc_code
load_changed(sqlite3 *db, uint64_t since, char **text, size_t *len,
             struct enc_error *err)
{
    sqlite3_stmt *st = NULL, *lines = NULL;
    struct doc d;
    doc_init(&d);
    doc_append_str(&d, "{\"profiles\":[");
    enum enc_code result =
        db_prepare(db,
                   "SELECT id, body FROM profiles WHERE written > ?1"
                   " ORDER BY position",
                   &st, err);
    if (result == ENC_OK)
        result = db_prepare(
            db,
            "SELECT body FROM lines WHERE profile_id = ?1 ORDER BY position",
            &lines, err);
    if (result == ENC_OK) {
        sqlite3_bind_int64(st, 1, (int64_t)since);
        result = append_profiles(db, st, lines, &d, err);
    }
    doc_append_str(&d, "]}");
    sqlite3_finalize(lines);
    sqlite3_finalize(st);
    *text = result == ENC_OK ? doc_take(&d, len) : NULL;
    doc_cleanup(&d);
    if (result == ENC_OK && *text == NULL)
        result = enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    return result;
}

/*
 * Where each stored profile comes from, in position order: overlay (the
 * profiles written after since, decoded) or base. *n is 0 and *sources
 * NULL when base lacks a profile it should hold: a whole load is due.
 */
static enum enc_code
profile_sources(sqlite3 *db, const struct enc_catalogue *base,
                const struct enc_catalogue *overlay, uint64_t since,
                struct enc_profile_source **sources, uint32_t *n,
                struct enc_error *err)
{
    sqlite3_stmt *st = NULL;
    uint32_t cap = base->n_profiles + overlay->n_profiles + 1, k = 0;
    struct enc_profile_source *out = malloc(cap * sizeof(*out));
    enum enc_code result =
        out ? db_prepare(db,
                         "SELECT code, written FROM profiles ORDER BY position",
                         &st, err)
            : enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    int rc = SQLITE_DONE;
    while (result == ENC_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *code = (const char *)sqlite3_column_text(st, 0);
        size_t len = (size_t)sqlite3_column_bytes(st, 0);
        const struct enc_catalogue *from =
            (uint64_t)sqlite3_column_int64(st, 1) > since ? overlay : base;
        int32_t i = code ? catalogue_lookup(from, CODE_PROFILE, code, len) : -1;
        if (i < 0 || k == cap) {
            rc = SQLITE_DONE;
            k = 0;
            break;
        }
        out[k++] = (struct enc_profile_source){from, (uint32_t)i};
    }
    if (result == ENC_OK && rc != SQLITE_ROW && rc != SQLITE_DONE)
        result = db_fail(db, "reading profiles", err);
    sqlite3_finalize(st);
    if (result != ENC_OK || k == 0) {
        free(out);
        out = NULL;
        k = 0;
    }
    *sources = out;
    *n = k;
    return result;
}

/*
 * The overlay of base with the profiles written after since decoded and
 * the others kept, inside the caller's read transaction; *out stays NULL
 * when a whole load is due instead (base lacks a profile, no profile is
 * stored, or the overlay would hold too many catalogues).
 */
static enum enc_code
load_overlay(sqlite3 *db, struct enc_catalogue *base, uint64_t since,
             struct enc_catalogue **out, struct enc_error *err)
{
    struct enc_catalogue *overlay = catalogue_overlay(base);
    struct enc_profile_source *sources = NULL;
    struct enc_error cause = {0};
    char *text = NULL;
    size_t len = 0;
    uint32_t n = 0;
    enum enc_code result =
        overlay ? load_changed(db, since, &text, &len, err)
                : enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    if (result == ENC_OK &&
        codec_profiles_decode(overlay, text, len, &cause) != ENC_OK)
        result = enc_error_set(
            err, ENC_INTERNAL, NULL,
            "database: the stored profiles do not decode: %.200s: %.250s",
            cause.field, cause.message);
    if (result == ENC_OK)
        result = profile_sources(db, base, overlay, since, &sources, &n, err);
    if (result == ENC_OK && n > 0 &&
        catalogue_profiles_assemble(overlay, sources, n)) {
        *out = overlay;
        overlay = NULL;
    }
    free(sources);
    free(text);
    catalogue_free(overlay);
    return result;
}

enum enc_code
sqlite_load_since(struct store *s, struct enc_catalogue *base,
                  const struct store_stamp *since, struct enc_catalogue **out,
                  struct store_stamp *now, struct enc_error *err)
{
    sqlite3 *db = sqlite_of(s)->db;
    bool joined = sqlite_of(s)->in_txn;
    *out = NULL;
    enum enc_code result = joined ? ENC_OK : db_exec(db, "BEGIN", err);
    if (result != ENC_OK)
        return result;
    sqlite_of(s)->in_txn = true; /* the whole load below joins it */
    result = read_stamp(db, now, err);
    /* base holds the profiles stored at since->generation: every profile
     * written later is decoded, every other one kept. */
    if (result == ENC_OK && base != NULL && since != NULL &&
        since->records == now->records && since->generation <= now->generation)
        result = load_overlay(db, base, since->generation, out, err);
    if (result == ENC_OK && *out == NULL)
        result = store_sqlite.load(s, out, err);
    sqlite_of(s)->in_txn = joined;
    if (!joined)
        result = db_finish(db, result, err);
    if (result != ENC_OK) {
        catalogue_free(*out);
        *out = NULL;
    }
    return result;
}
