/*
 * admin.c - profiles and their lines in the admin API (SPEC 3, 6, 7):
 * list, read, create, change, delete, reorder, validate, activate,
 * deactivate (docs/API.md).
 *
 * Every write is a partial encore-catalogue/1 import (codec/admin_doc.c)
 * through store_import_onto(): one transaction, the decoder's errors
 * naming the body's fields, and the checks of SPEC 6, so a change that
 * would give an active profile an error is refused (422 check_failed with
 * the findings) and nothing changes (SPEC 3). The profile is decoded
 * against the records of the snapshot served (store_import_onto()), and
 * the snapshot is reloaded before the answer (api_import()): a fraction
 * of a second on 10,000 products (docs/API.md, costs).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../codec/codec.h"
#include "answer.h"
#include "api.h"
#include "handlers.h"

/* Room for "profiles[0].lines[N]". */
#define PREFIX_MAX 48

/* What a write changes and how it answers. */
struct admin_write {
    const char *code; /* the profile's code (after the write) */
    const char *line; /* the line to answer with, or NULL */
    unsigned status;  /* 200, 201 */
    const char *took_over;
    const char *deleted; /* set: answers that this line id was deleted */
};

/*
 * 422 check_failed: the findings of the profile code in the catalogue
 * the import was refused in (every error of the other active profiles
 * too, when that profile has none).
 */
static enum MHD_Result
admin_refused(struct request *r, struct MHD_Connection *c,
              struct enc_catalogue *refused, const char *code,
              const struct enc_error *cause)
{
    struct enc_findings all;
    struct enc_findings f;
    findings_init(&all);
    findings_init(&f);
    int32_t p = catalogue_lookup(refused, CODE_PROFILE, code, strlen(code));
    check_all(refused, answer_clock_now(), &all);
    for (int pass = 0; pass < 2 && f.n_errors == 0; pass++) {
        findings_cleanup(&f);
        findings_init(&f);
        for (uint32_t i = 0; i < all.n; i++) {
            const struct enc_finding *x = &all.items[i];
            bool mine = (int32_t)x->profile == p;
            bool blocking =
                x->severity == SEVERITY_ERROR &&
                refused->profiles[x->profile].status == PROFILE_ACTIVE;
            if (pass == 0 ? !mine : !blocking)
                continue;
            if (f.n == f.cap) {
                uint32_t cap = f.cap ? f.cap * 2 : 16;
                struct enc_finding *items =
                    realloc(f.items, cap * sizeof(*items));
                if (items == NULL)
                    break;
                f.items = items;
                f.cap = cap;
            }
            f.items[f.n++] = *x;
            f.n_errors += x->severity == SEVERITY_ERROR;
        }
    }
    struct enc_error err = *cause;
    err.code = ENC_CHECK_FAILED;
    err.field[0] = '\0';
    size_t len = 0;
    char *text = codec_check_failed_encode(refused, &f, &err, &len);
    findings_cleanup(&f);
    findings_cleanup(&all);
    catalogue_free(refused);
    return api_respond(r, c, http_status(ENC_CHECK_FAILED), text, len);
}

/* Answers a write that committed: the profile (or the line) as the new
 * snapshot holds it, with its findings. */
static enum MHD_Result
admin_written(struct request *r, struct MHD_Connection *c,
              const struct admin_write *w)
{
    if (w->deleted != NULL) {
        size_t len = 0;
        char *text = codec_deleted_encode(w->deleted, &len);
        return api_respond(r, c, 200, text, len);
    }
    struct enc_error err = {0};
    const struct snapshot *snap = api_snapshot(r, &err);
    if (snap == NULL)
        return http_respond_error(r, c, &err, NULL);
    int32_t p = api_lookup(snap->cat, CODE_PROFILE, w->code, &err);
    char *text = NULL;
    size_t len = 0;
    if (p >= 0 && w->line == NULL) {
        text = codec_admin_profile_encode(
            snap->cat, (uint32_t)p, answer_clock_now(), w->took_over, &len);
    } else if (p >= 0) {
        const struct enc_profile *prof = &snap->cat->profiles[p];
        uint32_t l = 0;
        while (l < prof->n_lines && strcmp(prof->lines[l].id, w->line) != 0)
            l++;
        if (l < prof->n_lines)
            text = codec_admin_line_encode(snap->cat, (uint32_t)p, l,
                                           answer_clock_now(), &len);
    }
    snapshot_release(&r->server->snapshots, snap);
    if (p < 0)
        return http_respond_error(r, c, &err, NULL);
    return api_respond(r, c, w->status, text, len);
}

/* What an edit builds its document from. */
enum admin_edit_kind {
    EDIT_PROFILE, /* a profile body: POST (code NULL) or PUT */
    EDIT_LINE,    /* a line op of codec_admin_line_doc() */
    EDIT_STATUS,  /* activate or deactivate */
};

/*
 * An edit, built by admin_build() from what is stored, under the write
 * lock (api_edit()), never from the snapshot a request began on: two
 * edits of one profile at once each build on the other's result.
 */
struct admin_edit {
    enum admin_edit_kind kind;
    const struct request *r; /* its body */
    const char *code;        /* the path's profile; NULL: a new one */
    enum codec_line_op op;   /* EDIT_LINE */
    const char *id;
    bool activate; /* EDIT_STATUS */
    /* Out. */
    bool built;                     /* the document was made */
    char given[CODEC_MAX_CODE + 1]; /* EDIT_PROFILE: the body's code */
    char prefix[PREFIX_MAX];        /* where the body sits ("": nowhere) */
    char *took;                     /* EDIT_STATUS: channels taken over */
    size_t took_len;
};

/* A store_build_fn: the edit's document, from cur. */
static enum enc_code
admin_build(const struct enc_catalogue *cur, void *ctx, char **doc, size_t *len,
            struct enc_error *err)
{
    struct admin_edit *e = ctx;
    const char *body = e->r->body ? e->r->body : "";
    size_t body_len = e->r->len;
    int32_t p = e->code ? api_lookup(cur, CODE_PROFILE, e->code, err) : -1;
    enum enc_code result = ENC_OK;
    if (e->code != NULL && p < 0)
        return ENC_NOT_FOUND;
    switch (e->kind) {
    case EDIT_PROFILE:
        result = codec_admin_profile_doc(cur, e->code, body, body_len, doc, len,
                                         e->given, sizeof(e->given), err);
        break;
    case EDIT_LINE:
        if (e->op == CODEC_LINE_DELETE) {
            body = NULL;
            body_len = 0;
        }
        result =
            codec_admin_line_doc(cur, (uint32_t)p, e->op, e->id, body, body_len,
                                 doc, len, e->prefix, sizeof(e->prefix), err);
        if (e->op == CODEC_LINE_DELETE)
            e->prefix[0] = '\0'; /* no body for errors to name */
        break;
    case EDIT_STATUS:
        free(e->took);
        e->took = NULL;
        result = codec_admin_status_doc(cur, (uint32_t)p, e->activate, doc, len,
                                        &e->took, &e->took_len, err);
        break;
    }
    e->built = result == ENC_OK;
    return result;
}

/*
 * Runs edit e; the decoder's error fields are made relative to the body
 * (e->prefix). On success, answers as w says (a NULL w->code: the code
 * the body gave).
 */
static enum MHD_Result
admin_apply(struct request *r, struct MHD_Connection *c, struct admin_edit *e,
            struct admin_write *w)
{
    struct enc_error err = {0};
    struct enc_catalogue *refused = NULL;
    enum enc_code result = api_edit(r->server, admin_build, e, &refused, &err);
    if (w->code == NULL)
        w->code = e->given;
    /* SPEC 3: an activation's answer names the channels it took over. */
    if (e->kind == EDIT_STATUS && e->activate)
        w->took_over = e->took;
    if (refused != NULL)
        return admin_refused(r, c, refused, w->code, &err);
    if (result != ENC_OK) {
        if (e->built && e->prefix[0] != '\0')
            codec_field_relative(&err, e->prefix);
        return http_respond_error(r, c, &err, NULL);
    }
    return admin_written(r, c, w);
}

/* The snapshot and profile of the path ({code}); NULL after answering
 * 404 when either is missing (*ret then holds the answer). */
static const struct snapshot *
admin_profile(struct request *r, struct MHD_Connection *c, int32_t *p,
              enum MHD_Result *ret)
{
    struct enc_error err = {0};
    const struct snapshot *snap = api_snapshot(r, &err);
    *p = snap ? api_lookup(snap->cat, CODE_PROFILE, r->params[0], &err) : -1;
    if (*p >= 0)
        return snap;
    if (snap != NULL)
        snapshot_release(&r->server->snapshots, snap);
    *ret = http_respond_error(r, c, &err, NULL);
    return NULL;
}

enum MHD_Result
handle_profiles_list(struct request *r, struct MHD_Connection *c)
{
    struct enc_error err = {0};
    const struct snapshot *snap = api_snapshot(r, &err);
    if (snap == NULL)
        return http_respond_error(r, c, &err, NULL);
    size_t len = 0;
    char *text =
        codec_admin_profiles_encode(snap->cat, answer_clock_now(), &len);
    snapshot_release(&r->server->snapshots, snap);
    return api_respond(r, c, 200, text, len);
}

enum MHD_Result
handle_profile_get(struct request *r, struct MHD_Connection *c)
{
    enum MHD_Result ret = MHD_NO;
    int32_t p = -1;
    const struct snapshot *snap = admin_profile(r, c, &p, &ret);
    if (snap == NULL)
        return ret;
    size_t len = 0;
    char *text = codec_admin_profile_encode(snap->cat, (uint32_t)p,
                                            answer_clock_now(), NULL, &len);
    snapshot_release(&r->server->snapshots, snap);
    return api_respond(r, c, 200, text, len);
}

/* POST (code NULL) or PUT of a profile body. */
static enum MHD_Result
profile_write(struct request *r, struct MHD_Connection *c, const char *code)
{
    struct admin_edit e = {.kind = EDIT_PROFILE, .r = r, .code = code};
    snprintf(e.prefix, sizeof(e.prefix), "profiles[0]");
    struct admin_write w = {code, NULL, code ? 200 : 201, NULL, NULL};
    return admin_apply(r, c, &e, &w);
}

enum MHD_Result
handle_profile_create(struct request *r, struct MHD_Connection *c)
{
    return profile_write(r, c, NULL);
}

enum MHD_Result
handle_profile_put(struct request *r, struct MHD_Connection *c)
{
    return profile_write(r, c, r->params[0]);
}

/* SPEC 3: an active profile is not deleted. Checked on the snapshot
 * refreshed under the store lock, so that no edit of this server comes
 * between the check and the delete, nor re-creates the profile after it
 * (its build then finds no profile: 404). */
static enum enc_code
profile_delete_locked(struct server *srv, const char *code,
                      struct enc_error *err)
{
    enum enc_code result = api_refresh(srv, err);
    const struct snapshot *snap =
        result == ENC_OK ? snapshot_acquire(&srv->snapshots) : NULL;
    int32_t p = snap == NULL ? -1
                : snap->cat  ? api_lookup(snap->cat, CODE_PROFILE, code, err)
                             : -1;
    if (result == ENC_OK && p < 0)
        result = snap->cat ? ENC_NOT_FOUND
                           : enc_error_set(err, ENC_NOT_FOUND, NULL,
                                           STORE_EMPTY_MESSAGE);
    if (result == ENC_OK && snap->cat->profiles[p].status == PROFILE_ACTIVE)
        result =
            enc_error_set(err, ENC_CONFLICT, NULL,
                          "profile %s is active: deactivate it first", code);
    if (snap != NULL)
        snapshot_release(&srv->snapshots, snap);
    if (result == ENC_OK)
        result = store_profile_delete(srv->store, code, err);
    return result;
}

enum MHD_Result
handle_profile_delete(struct request *r, struct MHD_Connection *c)
{
    struct enc_error err = {0};
    struct server *srv = r->server;
    pthread_mutex_lock(&srv->store_lock);
    enum enc_code result = profile_delete_locked(srv, r->params[0], &err);
    pthread_mutex_unlock(&srv->store_lock);
    if (result == ENC_OK)
        result = api_refresh(srv, &err);
    if (result != ENC_OK)
        return http_respond_error(r, c, &err, NULL);
    size_t len = 0;
    char *text = codec_deleted_encode(r->params[0], &len);
    return api_respond(r, c, 200, text, len);
}

/* A write of profile {code}'s lines: op with the body, for line id. */
static enum MHD_Result
line_write(struct request *r, struct MHD_Connection *c, enum codec_line_op op,
           const char *id, unsigned status)
{
    struct admin_edit e = {
        .kind = EDIT_LINE, .r = r, .code = r->params[0], .op = op, .id = id};
    struct admin_write w = {r->params[0], id, status, NULL, NULL};
    return admin_apply(r, c, &e, &w);
}

/* The id of a new line's body, for its answer ("" when it has none). */
static void
line_body_id(const struct request *r, char *id, size_t size)
{
    id[0] = '\0';
    const char *body = r->body ? r->body : "";
    codec_body_string(body, r->len, "id", id, size);
}

enum MHD_Result
handle_line_create(struct request *r, struct MHD_Connection *c)
{
    char id[CODEC_MAX_CODE + 1];
    line_body_id(r, id, sizeof(id));
    return line_write(r, c, CODEC_LINE_ADD, id, 201);
}

enum MHD_Result
handle_line_put(struct request *r, struct MHD_Connection *c)
{
    return line_write(r, c, CODEC_LINE_REPLACE, r->params[1], 200);
}

enum MHD_Result
handle_lines_reorder(struct request *r, struct MHD_Connection *c)
{
    return line_write(r, c, CODEC_LINE_REORDER, NULL, 200);
}

enum MHD_Result
handle_line_delete(struct request *r, struct MHD_Connection *c)
{
    struct admin_edit e = {.kind = EDIT_LINE,
                           .r = r,
                           .code = r->params[0],
                           .op = CODEC_LINE_DELETE,
                           .id = r->params[1]};
    struct admin_write w = {r->params[0], NULL, 200, NULL, r->params[1]};
    return admin_apply(r, c, &e, &w);
}

enum MHD_Result
handle_line_get(struct request *r, struct MHD_Connection *c)
{
    enum MHD_Result ret = MHD_NO;
    int32_t p = -1;
    const struct snapshot *snap = admin_profile(r, c, &p, &ret);
    if (snap == NULL)
        return ret;
    const struct enc_profile *prof = &snap->cat->profiles[p];
    uint32_t l = 0;
    while (l < prof->n_lines && strcmp(prof->lines[l].id, r->params[1]) != 0)
        l++;
    char *text = NULL;
    size_t len = 0;
    if (l < prof->n_lines)
        text = codec_admin_line_encode(snap->cat, (uint32_t)p, l,
                                       answer_clock_now(), &len);
    snapshot_release(&r->server->snapshots, snap);
    if (l == prof->n_lines) {
        struct enc_error err = {0};
        enc_error_set(&err, ENC_NOT_FOUND, NULL, "profile %s has no line %s",
                      r->params[0], r->params[1]);
        return http_respond_error(r, c, &err, NULL);
    }
    return api_respond(r, c, 200, text, len);
}

/* POST .../validate: SPEC 6 as findings, as of ?now= (default the
 * clock); nothing changes. */
enum MHD_Result
handle_profile_validate(struct request *r, struct MHD_Connection *c)
{
    struct enc_error err = {0};
    struct enc_time now;
    if (api_now(c, &now, &err) != ENC_OK)
        return http_respond_error(r, c, &err, NULL);
    enum MHD_Result ret = MHD_NO;
    int32_t p = -1;
    const struct snapshot *snap = admin_profile(r, c, &p, &ret);
    if (snap == NULL)
        return ret;
    size_t len = 0;
    char *text = codec_admin_findings_encode(snap->cat, (uint32_t)p, now, &len);
    snapshot_release(&r->server->snapshots, snap);
    return api_respond(r, c, 200, text, len);
}

/* SPEC 3: activate (taking the channels over) or back to draft. */
static enum MHD_Result
profile_status(struct request *r, struct MHD_Connection *c, bool activate)
{
    struct admin_edit e = {.kind = EDIT_STATUS,
                           .r = r,
                           .code = r->params[0],
                           .activate = activate};
    struct admin_write w = {r->params[0], NULL, 200, NULL, NULL};
    enum MHD_Result ret = admin_apply(r, c, &e, &w);
    free(e.took);
    return ret;
}

enum MHD_Result
handle_profile_activate(struct request *r, struct MHD_Connection *c)
{
    return profile_status(r, c, true);
}

enum MHD_Result
handle_profile_deactivate(struct request *r, struct MHD_Connection *c)
{
    return profile_status(r, c, false);
}
