/*
 * store_private.h - what every store backend shares, behind store.h.
 *
 * A backend's handle starts with struct store, so store.c can reach the
 * backend's table of functions from any handle it was given.
 */
#ifndef ENCORE_STORE_STORE_PRIVATE_H
#define ENCORE_STORE_STORE_PRIVATE_H

#include "store.h"

struct store {
    const struct store_ops *ops;
};

/*
 * Decodes a document a backend assembled from its rows (a load). A
 * failure here means the stored data is damaged, so it is reported as
 * ENC_INTERNAL with the codec's field and message.
 */
enum enc_code store_decode_stored(const char *doc, size_t len,
                                  struct enc_catalogue **out,
                                  struct enc_error *err);

/*
 * The error that refuses an import for finding x of active profile prof
 * (SPEC 6): ENC_INVALID_FIELD naming "profiles[index]" of the document
 * given, after the line's id when x is a line's; index -1 (a stored
 * profile the document does not name) names the profile in the message
 * instead, since the document has no such field.
 */
enum enc_code store_refuse_error(const struct enc_profile *prof,
                                 const struct enc_finding *x, int32_t index,
                                 struct enc_error *err);

#endif
