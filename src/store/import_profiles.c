/*
 * import_profiles.c - the import of a document of profiles alone against
 * a catalogue the caller holds (store_import_onto(), store.h).
 *
 * The general import (store.c) merges the document into the whole stored
 * document and decodes it all: seconds on 10,000 products, with the
 * database's write lock held, so every order waits as long. A server
 * holds the catalogue it serves, loaded at a known stamp; under the write
 * lock, load_since() brings it to what is stored (the profiles written
 * since, decoded, or a whole load when records changed), the document's
 * profiles are decoded against its records into an overlay, and the
 * checks of SPEC 6 run on the result before the profiles' rows are
 * rewritten. What is refused and how is the general import's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../codec/codec.h"
#include "store_private.h"

/* The index of code in the document's codes, or -1. */
static int32_t
document_index(char *const *codes, size_t n, const char *code)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(codes[i], code) == 0)
            return (int32_t)i;
    return -1;
}

enum enc_code
store_refuse_error(const struct enc_profile *prof, const struct enc_finding *x,
                   int32_t index, struct enc_error *err)
{
    char field[32] = "";
    char line[160] = "";
    if (x->line >= 0)
        snprintf(line, sizeof(line), "line %s: ", prof->lines[x->line].id);
    if (index < 0)
        return enc_error_set(err, ENC_INVALID_FIELD, NULL,
                             "the stored active profile %s would have an "
                             "error: %s%s",
                             prof->code, line, x->message);
    snprintf(field, sizeof(field), "profiles[%d]", (int)index);
    return enc_error_set(err, ENC_INVALID_FIELD, field, "%s%s", line,
                         x->message);
}

/*
 * Sets next's profiles: cur's in their order, each one the document
 * names replaced by its decoded one (next's own, in document order),
 * then the document's new ones in its order (SPEC 9). False when out of
 * memory or when next would hold too many catalogues.
 */
static bool
assemble_merged(struct enc_catalogue *next, const struct enc_catalogue *cur)
{
    uint32_t n_doc = next->n_profiles, n = 0;
    struct enc_profile_source *sources =
        malloc((cur->n_profiles + n_doc + 1) * sizeof(*sources));
    if (sources == NULL)
        return false;
    for (uint32_t i = 0; i < cur->n_profiles; i++) {
        const char *code = cur->profiles[i].code;
        int32_t j = catalogue_lookup(next, CODE_PROFILE, code, strlen(code));
        sources[n++] = j >= 0 ? (struct enc_profile_source){next, (uint32_t)j}
                              : (struct enc_profile_source){cur, i};
    }
    for (uint32_t j = 0; j < n_doc; j++) {
        const char *code = next->profiles[j].code;
        if (catalogue_lookup(cur, CODE_PROFILE, code, strlen(code)) < 0)
            sources[n++] = (struct enc_profile_source){next, j};
    }
    bool ok = catalogue_profiles_assemble(next, sources, n);
    free(sources);
    return ok;
}

/*
 * Refuses the import when an active profile has an error (SPEC 6), as
 * store.c's general import does: ENC_INVALID_FIELD naming "profiles[i]"
 * of the document when it names the profile, else naming the stored
 * profile in the message.
 */
static enum enc_code
refuse_errors(const struct enc_catalogue *next, char *const *codes, size_t n,
              const struct enc_findings *f, struct enc_error *err)
{
    for (uint32_t i = 0; i < f->n; i++) {
        const struct enc_finding *x = &f->items[i];
        const struct enc_profile *prof = &next->profiles[x->profile];
        if (x->severity != SEVERITY_ERROR || prof->status != PROFILE_ACTIVE)
            continue;
        return store_refuse_error(prof, x, document_index(codes, n, prof->code),
                                  err);
    }
    return ENC_OK;
}

/* What one import of profiles needs and gives (store_import_onto()). */
struct profiles_import {
    char **codes; /* the document's profiles, in its order (malloc'ed) */
    size_t n;
    struct enc_time now;
    struct enc_findings *findings;
    struct enc_catalogue **refused;
    uint64_t *generation;
    bool fallback; /* nothing stored: the general import runs instead */
    bool held;     /* too many catalogues held: redo on a whole load */
};

/* Decodes, checks and saves, inside the write transaction; cur is what
 * is stored. */
static enum enc_code
import_into(struct store *s, struct enc_catalogue *cur, const char *doc,
            size_t len, struct profiles_import *im, struct enc_error *err)
{
    struct enc_findings f;
    struct enc_catalogue *next = catalogue_overlay(cur);
    enum enc_code result =
        next ? codec_profiles_document_decode(next, doc, len, err)
             : enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    findings_init(&f);
    im->held = result == ENC_OK && !assemble_merged(next, cur);
    if (result == ENC_OK && !im->held && !check_all(next, im->now, &f))
        result = enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    if (result == ENC_OK && !im->held) {
        result = refuse_errors(next, im->codes, im->n, &f, err);
        if (result != ENC_OK && im->refused != NULL) {
            *im->refused = next;
            next = NULL;
        }
        if (result == ENC_OK)
            result = s->ops->save_profiles(s, next, im->codes, im->n, err);
        if (result == ENC_OK && im->generation != NULL)
            result = s->ops->generation(s, im->generation, err);
        if (result == ENC_OK && im->findings != NULL) {
            findings_cleanup(im->findings);
            *im->findings = f;
            findings_init(&f);
        }
    }
    findings_cleanup(&f);
    catalogue_free(next);
    return result;
}

/*
 * import_into() on what is stored, *cur (base brought up to date); when
 * the overlay would hold too many catalogues, once more on a whole load,
 * whose overlay holds only it.
 */
static enum enc_code
import_current(struct store *s, struct enc_catalogue **cur, const char *doc,
               size_t len, struct profiles_import *im, struct enc_error *err)
{
    struct store_stamp stamp;
    enum enc_code result = import_into(s, *cur, doc, len, im, err);
    if (result != ENC_OK || !im->held)
        return result;
    catalogue_free(*cur);
    *cur = NULL;
    result = s->ops->load_since(s, NULL, NULL, cur, &stamp, err);
    if (result == ENC_OK)
        result = import_into(s, *cur, doc, len, im, err);
    if (result == ENC_OK && im->held)
        result = enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    return result;
}

/*
 * Under the write lock: brings base up to what is stored, builds the
 * document from it (build NULL: doc as given), then decodes, checks and
 * saves it. im->fallback when nothing is stored and no build was given.
 */
static enum enc_code
import_locked(struct store *s, struct enc_catalogue *base,
              const struct store_stamp *since, store_build_fn build, void *ctx,
              const char *doc, size_t len, struct profiles_import *im,
              struct enc_error *err)
{
    struct enc_catalogue *cur = NULL;
    struct store_stamp stamp;
    char *built = NULL;
    if (im->refused != NULL)
        *im->refused = NULL;
    enum enc_code result = s->ops->write_begin(s, err);
    if (result != ENC_OK)
        return result;
    result = s->ops->load_since(s, base, since, &cur, &stamp, err);
    if (result == ENC_OK && cur == NULL && build != NULL)
        result = enc_error_set(err, ENC_NOT_FOUND, NULL, STORE_EMPTY_MESSAGE);
    im->fallback = result == ENC_OK && cur == NULL;
    if (result == ENC_OK && !im->fallback && build != NULL) {
        result = build(cur, ctx, &built, &len, err);
        doc = built;
        if (result == ENC_OK &&
            !codec_document_profile_codes(doc, len, &im->codes, &im->n))
            result = enc_error_set(err, ENC_INTERNAL, NULL,
                                   "an edit wrote more than profiles");
    }
    if (result == ENC_OK && !im->fallback)
        result = import_current(s, &cur, doc, len, im, err);
    catalogue_free(cur);
    free(built);
    if (im->fallback)
        result = ENC_INTERNAL; /* rolls back: the general import runs */
    return s->ops->write_end(s, result, err);
}

enum enc_code
store_edit_profiles(struct store *s, struct enc_catalogue *base,
                    const struct store_stamp *since, store_build_fn build,
                    void *ctx, struct enc_time now,
                    struct enc_catalogue **refused, struct enc_error *err)
{
    struct profiles_import im = {NULL,    0,    now,   NULL,
                                 refused, NULL, false, false};
    enum enc_code result =
        import_locked(s, base, since, build, ctx, NULL, 0, &im, err);
    free(im.codes);
    return result;
}

enum enc_code
store_import_onto(struct store *s, struct enc_catalogue *base,
                  const struct store_stamp *since, const char *doc, size_t len,
                  bool replace, struct enc_time now,
                  struct enc_findings *findings, struct enc_catalogue **refused,
                  uint64_t *generation, struct enc_error *err)
{
    struct profiles_import im = {NULL,    0,          now,   findings,
                                 refused, generation, false, false};
    enum enc_code result = ENC_OK;
    if (!replace && base != NULL && since != NULL &&
        codec_document_profile_codes(doc, len, &im.codes, &im.n)) {
        result = import_locked(s, base, since, NULL, NULL, doc, len, &im, err);
        free(im.codes);
        if (!im.fallback)
            return result;
        if (err != NULL)
            *err = (struct enc_error){0};
    }
    return store_import_generation(s, doc, len, replace, now, findings, refused,
                                   generation, NULL, err);
}
