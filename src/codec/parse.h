/*
 * parse.h - text to a jansson tree, within the caps of STYLE 12.
 */
#ifndef ENCORE_CODEC_PARSE_H
#define ENCORE_CODEC_PARSE_H

#include <jansson.h>
#include <stddef.h>

#include "../core/error.h"

/*
 * Parses len bytes of text into one JSON object (*out, the caller
 * decrefs). Refuses with ENC_TOO_LARGE a text over max_len bytes, and with
 * ENC_INVALID_JSON nesting deeper than CODEC_MAX_DEPTH (found by a scan
 * before jansson runs, so deep input never recurses), malformed JSON,
 * invalid UTF-8, "\u0000", a NUL byte (even where jansson lets one pass),
 * a duplicate key, trailing garbage, an integer out of range, or a value
 * that is not an object; the message gives the line and column. what names the
 * text in messages ("the request").
 */
enum enc_code parse_object(const char *text, size_t len, size_t max_len,
                           const char *what, json_t **out,
                           struct enc_error *err);

#endif
