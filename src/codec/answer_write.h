/*
 * answer_write.h - the answer writer of encode_answer.c, for the files of
 * codec/ that write an answer into a buffer of their own. Private to
 * codec/.
 */
#ifndef ENCORE_CODEC_ANSWER_WRITE_H
#define ENCORE_CODEC_ANSWER_WRITE_H

#include "../core/error.h"
#include "../core/model.h"
#include "../core/propose.h"
#include "strbuf.h"

/* Appends the compact answer of SPEC 8 to b (see codec_answer_encode()). */
void answer_write(struct strbuf *b, const struct enc_catalogue *cat,
                  const struct enc_answer *ans);

/* Appends the error object of SPEC 8 to b (see codec_error_encode()). */
void error_write(struct strbuf *b, const struct enc_error *err);

#endif
