/*
 * store.c - the store's entry points, over any backend (store.h).
 *
 * The import of SPEC 9 lives here, above the backends: merge, check, then
 * one save, so every backend refuses the same documents the same way.
 */
#include <stdlib.h>
#include <string.h>

#include "../codec/codec.h"
#include "store_private.h"

/* The backend a path names. Only SQLite exists so far. */
static const struct store_ops *
store_backend(const char *path)
{
    (void)path;
    return &store_sqlite;
}

enum enc_code
store_open(const char *path, struct store **out, struct enc_error *err)
{
    return store_backend(path)->open(path, out, err);
}

void
store_close(struct store *s)
{
    if (s != NULL)
        s->ops->close(s);
}

enum enc_code
store_load(struct store *s, struct enc_catalogue **out, struct enc_error *err)
{
    return s->ops->load(s, out, err);
}

enum enc_code
store_generation(struct store *s, uint64_t *out, struct enc_error *err)
{
    return s->ops->generation(s, out, err);
}

enum enc_code
store_load_since(struct store *s, struct enc_catalogue *base,
                 const struct store_stamp *since, struct enc_catalogue **out,
                 struct store_stamp *now, struct enc_error *err)
{
    return s->ops->load_since(s, base, since, out, now, err);
}

enum enc_code
store_decode_stored(const char *doc, size_t len, struct enc_catalogue **out,
                    struct enc_error *err)
{
    struct enc_error cause = {0};
    if (codec_catalogue_decode(doc, len, NULL, 0, out, &cause) == ENC_OK)
        return ENC_OK;
    return enc_error_set(
        err, ENC_INTERNAL, NULL,
        "database: the stored catalogue does not decode: %.200s: %.250s",
        cause.field, cause.message);
}

/* Encodes cat as a document; ENC_INTERNAL when out of memory. */
static enum enc_code
store_encode(const struct enc_catalogue *cat, char **doc, size_t *len,
             struct enc_error *err)
{
    *doc = codec_catalogue_encode(cat, len);
    if (*doc == NULL)
        return enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    return ENC_OK;
}

enum enc_code
store_export(struct store *s, char **doc, size_t *len, struct enc_error *err)
{
    struct enc_catalogue *cat = NULL;
    *doc = NULL;
    enum enc_code result = store_load(s, &cat, err);
    if (result != ENC_OK)
        return result;
    if (cat == NULL)
        return enc_error_set(err, ENC_NOT_FOUND, NULL, STORE_EMPTY_MESSAGE);
    result = store_encode(cat, doc, len, err);
    catalogue_free(cat);
    return result;
}

/*
 * The index that the document given uses for the stored profile named
 * code, or -1 when the document does not name it. The merged catalogue
 * keeps stored profiles in their place, so its indexes may differ from
 * the document's: the document is merged once more into the stored
 * catalogue stripped of its profiles, which leaves exactly the document's
 * profiles, in its order. Runs only when an import is refused.
 */
static int32_t
import_document_index(const char *stored, size_t stored_len, const char *doc,
                      size_t len, const char *code)
{
    struct enc_catalogue *cat = NULL;
    struct enc_catalogue *given = NULL;
    char *base = NULL;
    size_t base_len = 0;
    int32_t index = -1;
    if (codec_catalogue_decode(stored, stored_len, NULL, 0, &cat, NULL) !=
        ENC_OK)
        goto out;
    struct enc_catalogue view = *cat;
    view.n_profiles = 0;
    base = codec_catalogue_encode(&view, &base_len);
    if (base != NULL && codec_catalogue_decode(doc, len, base, base_len, &given,
                                               NULL) == ENC_OK)
        index = catalogue_lookup(given, CODE_PROFILE, code, strlen(code));

out:
    catalogue_free(given);
    free(base);
    catalogue_free(cat);
    return index;
}

/*
 * Refuses the import when an active profile has an error (SPEC 6):
 * ENC_INVALID_FIELD naming "profiles[i]", i being the profile's index in
 * the document given when it names the profile, else in the merged
 * catalogue, with the profile's first error message (after the line's
 * id when the error is a line's). stored is the document merged into, or
 * NULL.
 */
static enum enc_code
import_refuse_errors(const struct enc_catalogue *merged, const char *stored,
                     size_t stored_len, const char *doc, size_t len,
                     const struct enc_findings *f, struct enc_error *err)
{
    for (uint32_t i = 0; i < f->n; i++) {
        const struct enc_finding *x = &f->items[i];
        const struct enc_profile *prof = &merged->profiles[x->profile];
        if (x->severity != SEVERITY_ERROR || prof->status != PROFILE_ACTIVE)
            continue;
        int32_t index = (int32_t)x->profile;
        if (stored != NULL)
            index =
                import_document_index(stored, stored_len, doc, len, prof->code);
        return store_refuse_error(prof, x, index, err);
    }
    return ENC_OK;
}

/*
 * Saves the merged catalogue: a document that only names profiles (the
 * admin API's writes) rewrites those profiles' rows alone, so a line
 * edit does not rewrite every product of a large catalogue; anything
 * else rewrites all rows.
 */
static enum enc_code
import_save(struct store *s, const struct enc_catalogue *merged,
            const char *doc, size_t len, bool replace, bool first,
            struct enc_error *err)
{
    char **codes = NULL;
    size_t n = 0;
    /* The first import writes every row: no need to read the document
     * again (a second pass over 41 MB costs a quarter of a second). */
    if (replace || first || !codec_document_profile_codes(doc, len, &codes, &n))
        return s->ops->save(s, merged, err);
    enum enc_code result = s->ops->save_profiles(s, merged, codes, n, err);
    free(codes);
    return result;
}

enum enc_code
store_import(struct store *s, const char *doc, size_t len, bool replace,
             struct enc_time now, struct enc_findings *findings,
             struct enc_error *err)
{
    return store_import_checked(s, doc, len, replace, now, findings, NULL, err);
}

enum enc_code
store_import_checked(struct store *s, const char *doc, size_t len, bool replace,
                     struct enc_time now, struct enc_findings *findings,
                     struct enc_catalogue **refused, struct enc_error *err)
{
    return store_import_generation(s, doc, len, replace, now, findings, refused,
                                   NULL, NULL, err);
}

enum enc_code
store_import_generation(struct store *s, const char *doc, size_t len,
                        bool replace, struct enc_time now,
                        struct enc_findings *findings,
                        struct enc_catalogue **refused, uint64_t *generation,
                        struct enc_catalogue **saved, struct enc_error *err)
{
    char *stored = NULL;
    size_t stored_len = 0;
    struct enc_catalogue *merged = NULL;
    struct enc_findings f;
    findings_init(&f);
    if (refused != NULL)
        *refused = NULL;

    /* The write lock is taken before the stored rows are read, so that
     * an import, an order or an availability update committed meanwhile
     * by another connection cannot be overwritten by this save. */
    enum enc_code result = s->ops->write_begin(s, err);
    if (result != ENC_OK)
        return result;

    /* The stored rows, as one document, are what doc is merged into. */
    if (!replace)
        result = s->ops->document(s, &stored, &stored_len, err);
    if (result == ENC_OK)
        result =
            codec_catalogue_decode(doc, len, stored, stored_len, &merged, err);
    if (result != ENC_OK)
        goto out;

    if (!check_all(merged, now, &f)) {
        result = enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
        goto out;
    }
    result =
        import_refuse_errors(merged, stored, stored_len, doc, len, &f, err);
    if (result != ENC_OK && refused != NULL) {
        *refused = merged;
        merged = NULL;
    }
    if (result == ENC_OK)
        result = import_save(s, merged, doc, len, replace, stored == NULL, err);
    /* Read inside the write transaction: the generation this import
     * committed, not one a concurrent writer moved on since. */
    if (result == ENC_OK && generation != NULL)
        result = s->ops->generation(s, generation, err);
    if (result == ENC_OK && findings != NULL) {
        findings_cleanup(findings);
        *findings = f;
        findings_init(&f);
    }

out:
    result = s->ops->write_end(s, result, err);
    if (result == ENC_OK && saved != NULL) {
        *saved = merged;
        merged = NULL;
    }
    findings_cleanup(&f);
    catalogue_free(merged);
    free(stored);
    return result;
}

/* ---- orders, availability, tokens: straight to the backend ---- */

enum enc_code
store_idempotency_find(struct store *s, const char *key,
                       const unsigned char *hash, size_t hash_len,
                       char **answer, size_t *len, struct enc_error *err)
{
    return s->ops->idempotency_find(s, key, hash, hash_len, answer, len, err);
}

enum enc_code
store_order_place(struct store *s, const char *key, const unsigned char *hash,
                  size_t hash_len, struct store_order *o,
                  const struct store_order_hooks *hooks, char **answer,
                  size_t *len, bool *replay, struct enc_error *err)
{
    return s->ops->order_place(s, key, hash, hash_len, o, hooks, answer, len,
                               replay, err);
}

enum enc_code
store_order_get(struct store *s, int64_t id, struct store_order **out,
                struct enc_error *err)
{
    return s->ops->order_get(s, id, out, err);
}

enum enc_code
store_order_cancel(struct store *s, int64_t id, int64_t when,
                   const struct store_order_hooks *hooks,
                   struct store_order **out, struct enc_error *err)
{
    return s->ops->order_cancel(s, id, when, hooks, out, err);
}

void
store_order_free(struct store_order *o)
{
    if (o == NULL)
        return;
    arena_cleanup(&o->arena);
    free(o);
}

enum enc_code
store_availability_set(struct store *s, const struct store_pool_set *sets,
                       size_t n, const struct store_order_hooks *hooks,
                       struct enc_error *err)
{
    return s->ops->availability_set(s, sets, n, hooks, err);
}

enum enc_code
store_token_get(struct store *s, const char *name, unsigned char *hash,
                size_t size, size_t *len, struct enc_error *err)
{
    return s->ops->token_get(s, name, hash, size, len, err);
}

enum enc_code
store_profile_delete(struct store *s, const char *code, struct enc_error *err)
{
    return s->ops->profile_delete(s, code, err);
}

enum enc_code
store_token_set(struct store *s, const char *name, const unsigned char *hash,
                size_t len, struct enc_error *err)
{
    return s->ops->token_set(s, name, hash, len, err);
}
