/*
 * request.h - the two paths of codec_request_decode(). Private to codec/
 * and its tests.
 *
 * The tokens path (jtok.h) reads a valid request with no copy and no
 * heap, and gives up at the first thing it does not like; the tree path
 * (read.h over tokens with copies, jansson for malformed JSON) reads any
 * request and names what is wrong. A request goes the tokens path first
 * and, when it gives up, the tree path, so errors are those SPEC 5 always
 * gave. The two must accept the same requests and read them the same way
 * (tests/unit/test_codec_jtok.c).
 */
#ifndef ENCORE_CODEC_REQUEST_H
#define ENCORE_CODEC_REQUEST_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/error.h"
#include "../core/model.h"
#include "../core/propose.h"

/* True when body is a valid request, read into *req (strings and cart in
 * arena); false when anything is wrong (*req is then unspecified). */
bool request_decode_tokens(const struct enc_catalogue *cat, const char *body,
                           size_t len, struct arena *arena,
                           struct enc_request *req, bool *has_now);

/* codec_request_decode() with messages: any request, any error. */
enum enc_code request_decode_tree(const struct enc_catalogue *cat,
                                  const char *body, size_t len,
                                  struct arena *arena, struct enc_request *req,
                                  bool *has_now, struct enc_error *err);

#endif
