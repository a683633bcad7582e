/*
 * answer.h - the bytes of an answer, the same for every entry point.
 *
 * `encore propose` and POST /api/v1/proposals both answer through
 * answer_proposal(), so a request gives byte-identical output on either
 * (SPEC 8), errors included.
 */
#ifndef ENCORE_SERVER_ANSWER_H
#define ENCORE_SERVER_ANSWER_H

#include <stddef.h>

#include "../core/error.h"
#include "../core/model.h"

/* The system clock as an instant in UTC (offset 0): the "now" of a
 * request that gives none, and of an import or a check. */
struct enc_time answer_clock_now(void);

/*
 * Answers a proposal request of len bytes against cat (NULL: no catalogue
 * was imported yet, ENC_NOT_FOUND). A body past CODEC_MAX_BODY is refused
 * with ENC_TOO_LARGE without being read, so a caller may pass the length
 * it was announced and a body of fewer bytes (or NULL). *out gets the
 * answer, or the error object, followed by one "\n" (malloc'ed, the
 * caller frees; NULL only when out of memory). Returns the answer's code:
 * ENC_OK or the error's.
 */
enum enc_code answer_proposal(const struct enc_catalogue *cat, const char *body,
                              size_t len, char **out, size_t *out_len);

/* The error object of SPEC 8 and a "\n" (malloc'ed, NULL when out of
 * memory). */
char *answer_error(const struct enc_error *err, size_t *out_len);

#endif
