/*
 * decode.h - the catalogue decoder, shared by the files that read
 * encore-catalogue/1 (SPEC 7). Private to codec/.
 *
 * Decoding runs in two passes over the document's tokens (jtok.h):
 *  - scan.c (pass A) counts the records, allocates the catalogue's arrays,
 *    maps every code to its index and finds packages that contain
 *    themselves, so that
 *  - decode_*.c (pass B) can read every field in document order, resolve
 *    every reference on the spot, and stop at the first error.
 * When a document is merged into a stored one (merge.c), records are
 * visited stored ones first, then the document's in its order, and error
 * paths name the document's indexes.
 */
#ifndef ENCORE_CODEC_DECODE_H
#define ENCORE_CODEC_DECODE_H

#include "../core/model.h"
#include "codes.h"
#include "read.h"
#include "tz.h"

/* The top-level arrays of records, in SPEC 7 order. */
#define DECODE_N_ARRAYS 7

struct decode_array {
    const char *key;         /* "channels" */
    enum enc_code_kind kind; /* CODE_CHANNEL */
};

extern const struct decode_array decode_arrays[DECODE_N_ARRAYS];

/* The array entry of a top-level key, or NULL. */
const struct decode_array *decode_array_find(const char *key);

struct decoder {
    struct reader r; /* first: field callbacks cast back to the decoder */
    struct enc_catalogue *cat;

    /* Merge: per kind, merged index -> index in the document given, or -1
     * for a stored record; NULL when the document was not merged (then the
     * two are the same). Malloc'ed, owned. */
    int32_t *origin[CODE_KIND_COUNT];

    /* Pass A. Per kind: records in visit order (malloc'ed), and code ->
     * index of the first record in that order with it (for performances,
     * the index in cat->performances). */
    uint32_t *order[CODE_KIND_COUNT];
    struct code_map codes[CODE_KIND_COUNT];
    uint32_t *component;      /* per product: strongly connected component */
    uint32_t *component_size; /* per component: products in it */
    const char *first_lang;   /* the institution's first language, or "" */
    /* Only profiles are decoded, against the records of d->cat, an
     * overlay (codec_profiles_decode()). */
    bool profiles_only;

    /* Pass B. */
    bool in_stored;            /* reading a record of the stored document */
    uint32_t product;          /* the product whose fields are being read */
    uint32_t profile;          /* the profile whose lines are being read */
    struct code_map line_ids;  /* its line ids seen so far */
    struct enc_bound **bounds; /* date-only bounds waiting for the zone */
    bool *bound_end;           /* for each: an end of a window */
    size_t n_bounds, cap_bounds;
};

/* The decoder holding reader r (field callbacks get the reader). */
static inline struct decoder *
decoder_of(struct reader *r)
{
    return (struct decoder *)r;
}

/* Pass A over the (merged) root: see above. Sets cat's counts and arrays.
 * Returns ENC_OK or ENC_INTERNAL when out of memory. */
enum enc_code decode_scan(struct decoder *d, const struct jtok *root);

/* Pass A for codec_profiles_decode(): the profiles only. */
enum enc_code decode_scan_profiles(struct decoder *d, const struct jtok *root);

/* Frees what pass A and the merge allocated (not the catalogue). */
void decode_release(struct decoder *d);

/* Pass B helpers (decode_common.c). */

/* A record's own code; a second record of the kind with it is refused. */
enum enc_code decode_own_code(struct decoder *d, const struct jtok *v,
                              enum enc_code_kind kind, uint32_t index,
                              const char **out);

/* A reference to a record of kind: its index, or unknown_code. */
enum enc_code decode_ref(struct decoder *d, const struct jtok *v,
                         enum enc_code_kind kind, int32_t *out);

/* A non-empty list of references (SPEC 7: leave it out to mean any). */
enum enc_code decode_refs(struct decoder *d, const struct jtok *v,
                          enum enc_code_kind kind, uint32_t *n, int32_t **out);

/* A name or a text: a string (in the first language) or an object of
 * language to string. */
enum enc_code decode_text(struct decoder *d, const struct jtok *v,
                          struct enc_text *out);

/* A bound: RFC 3339, or a date alone resolved later in the institution's
 * time zone (end: the day's last second, else its first). */
enum enc_code decode_bound(struct decoder *d, const struct jtok *v, bool end,
                           struct enc_bound *out);

/* A window {"from": ..., "to": ...}, at least one of them. */
enum enc_code decode_window(struct decoder *d, const struct jtok *v,
                            struct enc_window *out);

/*
 * Reads the records of a top-level array in visit order, each at the path
 * "key[i]" with i its index in the document given. read_one reads element
 * v into record index of its kind.
 */
enum enc_code decode_records(struct decoder *d, const struct jtok *array,
                             enum enc_code_kind kind,
                             enum enc_code (*read_one)(struct decoder *d,
                                                       const struct jtok *v,
                                                       uint32_t index));

/* The record readers of each kind (decode_records() callbacks). */
enum enc_code decode_product(struct decoder *d, const struct jtok *v,
                             uint32_t index);
enum enc_code decode_profile(struct decoder *d, const struct jtok *v,
                             uint32_t index);

#endif
