/*
 * api.h - what the handlers of the shop, order and admin API share:
 * answers, query parameters, the snapshot, and writes that swap it.
 */
#ifndef ENCORE_SERVER_API_H
#define ENCORE_SERVER_API_H

#include "../core/error.h"
#include "../core/model.h"
#include "../store/store.h"
#include "http.h"
#include "snapshot.h"

/* Responds status with text (malloc'ed, owned from now on; NULL: out of
 * memory) as JSON, a newline added as every answer of SPEC 8 has. */
enum MHD_Result api_respond(struct request *r, struct MHD_Connection *c,
                            unsigned status, char *text, size_t len);

/* The current snapshot when it holds a catalogue; else NULL, released,
 * and err says STORE_EMPTY_MESSAGE (404). */
const struct snapshot *api_snapshot(struct request *r, struct enc_error *err);

/* Query "now" (RFC 3339, ENC_INVALID_FIELD on "now" when it does not
 * parse), else the clock. */
enum enc_code api_now(struct MHD_Connection *c, struct enc_time *now,
                      struct enc_error *err);

/* Query name as an integer in [min, max], def when absent;
 * ENC_INVALID_FIELD on name otherwise. */
enum enc_code api_uint(struct MHD_Connection *c, const char *name, uint32_t min,
                       uint32_t max, uint32_t def, uint32_t *out,
                       struct enc_error *err);

/* The record of kind named by a path parameter, or -1 and ENC_NOT_FOUND
 * in err. */
int32_t api_lookup(const struct enc_catalogue *cat, enum enc_code_kind kind,
                   const char *code, struct enc_error *err);

/* A store_order_hooks pool_left callback: sets the live counter of the
 * pool changed, in the snapshot ctx (held with snapshots_avail_begin()). */
void api_follow_pool(void *ctx, const struct store_pool_change *change);

/*
 * An admin write: imports doc (merged, or replacing when replace) under
 * the store lock, then loads the new snapshot before returning, so the
 * next request sees it. When the document is refused for an active
 * profile's error, *refused (may be NULL) gets the catalogue it was
 * checked in (the caller frees it). *findings may be NULL.
 */
enum enc_code api_import(struct server *srv, const char *doc, size_t len,
                         bool replace, struct enc_findings *findings,
                         struct enc_catalogue **refused, struct enc_error *err);

/*
 * An admin edit of profiles: build makes the document of the profiles it
 * changes from what is stored, under the store lock and the database's
 * write lock (store_edit_profiles()), so two edits never build on the
 * same state; then as api_import().
 */
enum enc_code api_edit(struct server *srv, store_build_fn build, void *ctx,
                       struct enc_catalogue **refused, struct enc_error *err);

/* Loads the new snapshot after a write committed, logging a failure. */
enum enc_code api_refresh(struct server *srv, struct enc_error *err);

#endif
