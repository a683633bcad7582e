/*
 * merge.h - SPEC 9's merge of a document into the stored one (merge.c),
 * on jansson trees: only an import with something stored needs it.
 * Private to codec/.
 */
#ifndef ENCORE_CODEC_MERGE_H
#define ENCORE_CODEC_MERGE_H

#include <jansson.h>

#include "decode.h"

/*
 * Merges doc into base by code (SPEC 9), see codec_catalogue_decode().
 * *out gets a new root (the caller decrefs) and d->origin the origins.
 */
enum enc_code decode_merge(struct decoder *d, const json_t *doc,
                           const json_t *base, json_t **out);

#endif
