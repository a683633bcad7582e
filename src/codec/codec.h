/*
 * codec.h - JSON to core and back (SPEC sections 5, 7 and 8).
 *
 * One JSON library (jansson) lives behind this header: no other layer sees
 * it. Every decoder checks everything before anything happens and reports
 * the first error in document order with the field's path, indexes from 0:
 * "cart[2].quantity", "products[3].performances[0].start".
 */
#ifndef ENCORE_CODEC_CODEC_H
#define ENCORE_CODEC_CODEC_H

#include <stddef.h>

#include "../core/check.h"
#include "../core/error.h"
#include "../core/model.h"
#include "../core/propose.h"
#include "../core/trace.h"

/* Caps (STYLE 12); a request or document past one is refused. */
#define CODEC_MAX_BODY (1u << 20)       /* proposal request, bytes */
#define CODEC_MAX_DOCUMENT (256u << 20) /* catalogue document, bytes */
#define CODEC_MAX_DEPTH 32              /* JSON nesting */
#define CODEC_MAX_STRING 4096           /* a code, a name, a text */
#define CODEC_MAX_CODE 128              /* a code */

/*
 * Parses an encore-catalogue/1 document of len bytes and returns a new
 * indexed catalogue in *out (the caller frees it with catalogue_free()).
 *
 * base / base_len: the document already stored (an export), or NULL. The
 * document is then merged into it by code, SPEC 9: a record it names is
 * replaced whole (a product with its performances, a profile with its
 * lines), the others are kept in place, new ones are appended, and the
 * institution may be left out. Errors name fields of the document given
 * (doc), not of the merged one.
 *
 * Refuses, naming the field: malformed JSON (invalid_json), a missing or
 * mistyped field, a duplicate code, a bad date, a control character
 * (invalid_field), a code that resolves nowhere (unknown_code), a package
 * that contains itself (invalid_field).
 * Does not run the checks of section 6: the caller does. err may be NULL.
 */
enum enc_code codec_catalogue_decode(const char *doc, size_t len,
                                     const char *base, size_t base_len,
                                     struct enc_catalogue **out,
                                     struct enc_error *err);

/*
 * Writes cat as one encore-catalogue/1 document (pretty, two-space
 * indent, keys in the order of SPEC 7, optional fields only when set).
 * Decoding the result gives back an identical document. Returns malloc'ed
 * text the caller frees, or NULL when out of memory; *len gets its length.
 */
char *codec_catalogue_encode(const struct enc_catalogue *cat, size_t *len);

/*
 * Parses a proposal request (SPEC 8) against cat. Strings and the cart are
 * allocated from arena and live as long as it. When the request has no
 * "now", *has_now is set false and req->now is left to the caller, which
 * reads the clock (core has none).
 */
enum enc_code codec_request_decode(const struct enc_catalogue *cat,
                                   const char *body, size_t len,
                                   struct arena *arena, struct enc_request *req,
                                   bool *has_now, struct enc_error *err);

/*
 * Writes the answer as the compact JSON of SPEC 8, keys in its order, no
 * newline. Returns malloc'ed text or NULL when out of memory.
 */
char *codec_answer_encode(const struct enc_catalogue *cat,
                          const struct enc_answer *ans, size_t *len);

/*
 * The preview's trace (core/trace.h) of a request against cat, as a JSON
 * array, one object per entry in its order:
 *   {"line":"L2","type":"cart","base":{"product":"JAZZ-1",
 *    "performance":"JAZZ-1-0612"},"target":0,"product":"PARKING",
 *    "outcome":"stopped","rule":"R7","reason":"sold_out",
 *    "message":"sold out"}
 * "performance" is there when the entry concerns a dated base group,
 * "target" and "product" when it concerns one target (else the line or
 * the group as a whole), "rule" when stopped; a proposed target has
 * "outcome":"proposed" and "reason":"proposed". Malloc'ed (the caller
 * frees), NULL when out of memory.
 */
char *codec_trace_encode(const struct enc_catalogue *cat,
                         const struct enc_trace *trace, size_t *len);

/* {"error":{"code":...,"message":...,"field":...}} ("field" left out when
 * empty); malloc'ed, NULL when out of memory. */
char *codec_error_encode(const struct enc_error *err, size_t *len);

/* The findings of check_all() as JSON (admin API) - malloc'ed. */
char *codec_findings_encode(const struct enc_catalogue *cat,
                            const struct enc_findings *f, size_t *len);

/*
 * One proposal request, bytes in, bytes out (SPEC 8): decodes body against
 * cat, runs enc_propose() and writes the answer. The CLI and the server
 * both call it, so their bytes are identical. clock_now is "now" when the
 * request gives none. *out (malloc'ed, the caller frees) gets the compact
 * answer on ENC_OK, else the error object of codec_error_encode(); either
 * ends with one "\n", counted in *out_len. cat NULL (nothing imported yet)
 * gives ENC_NOT_FOUND. Returns the code; *out is NULL only when out of
 * memory (ENC_INTERNAL).
 */
enum enc_code codec_propose(const struct enc_catalogue *cat, const char *body,
                            size_t len, struct enc_time clock_now, char **out,
                            size_t *out_len);

/* codec_propose() reading what is left from the live counters avail
 * (core/avail.h, built for cat; NULL: the catalogue's own values). */
struct enc_avail;
enum enc_code codec_propose_avail(const struct enc_catalogue *cat,
                                  const struct enc_avail *avail,
                                  const char *body, size_t len,
                                  struct enc_time clock_now, char **out,
                                  size_t *out_len);

/*
 * For the store, which keeps one row per record: the compact JSON body of
 * one record, as codec_catalogue_encode() writes it, less its children. A
 * product is written without "performances", a performance without
 * "capacity", a profile without "lines"; those keys are always the last of
 * their object in a document, so the store can splice them back when it
 * assembles a document (store/sqlite.c). kind is CODE_CHANNEL..CODE_PROFILE,
 * or CODE_KIND_COUNT for the institution (index ignored); lines are
 * written with codec_line_encode(). Malloc'ed, NULL when out of memory.
 */
char *codec_record_encode(const struct enc_catalogue *cat,
                          enum enc_code_kind kind, uint32_t index, size_t *len);
char *codec_line_encode(const struct enc_catalogue *cat, uint32_t profile,
                        uint32_t line, size_t *len);

#endif
