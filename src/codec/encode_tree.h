/*
 * encode_tree.h - records as jansson trees (encode_catalogue.c): what an
 * export dumps, and the reference the streaming writer of
 * encode_record.c is tested against. Private to codec/ and its tests.
 */
#ifndef ENCORE_CODEC_ENCODE_TREE_H
#define ENCORE_CODEC_ENCODE_TREE_H

#include <jansson.h>
#include <stdbool.h>

#include "../core/model.h"

/* The record of kind at index (the institution for CODE_KIND_COUNT),
 * with its children (as a document holds it) or without (as the store
 * keeps it). NULL when out of memory; the caller decrefs. */
json_t *encode_record_tree(const struct enc_catalogue *cat,
                           enum enc_code_kind kind, uint32_t i, bool children);

/* One line of a profile; as above. */
json_t *encode_line_tree(const struct enc_catalogue *cat,
                         const struct enc_line *l);

#endif
