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
 * Decodes the profiles of doc, {"profiles":[...]} as a store writes them
 * (trusted, not a user's document), into overlay: a catalogue_overlay()
 * that shares the records they refer to. Sets overlay's profiles to them
 * unindexed: catalogue_profiles_assemble() comes next. Errors as
 * codec_catalogue_decode()'s.
 */
enum enc_code codec_profiles_decode(struct enc_catalogue *overlay,
                                    const char *doc, size_t len,
                                    struct enc_error *err);

/*
 * The same for a user's document that names profiles and nothing else
 * but its format (SPEC 9, the admin API's writes): errors name its
 * fields as codec_catalogue_decode() would merging it into what is
 * stored.
 */
enum enc_code codec_profiles_document_decode(struct enc_catalogue *overlay,
                                             const char *doc, size_t len,
                                             struct enc_error *err);

/*
 * Serialises once the fixed parts of the answers cat can give (codes,
 * names and texts escaped, performances' starts formatted: issue 4), so
 * codec_answer_encode() and codec_propose*() copy them instead. It lives
 * in the catalogue's arena. One thread may call it while others answer
 * from the catalogue (the fragments are published whole, atomically),
 * but never two at once, nor with anything else that allocates from the
 * catalogue's arena. The answers are the same bytes with or without it.
 * Returns false when out of memory (the catalogue still answers,
 * slower).
 */
bool codec_catalogue_prepare(struct enc_catalogue *cat);

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
 * codec_propose_avail() without the heap: the request's arena and the
 * answer live in memory of the calling thread, reused by its next call.
 * *out points at the answer (or the error object) and its "\n", valid
 * until the same thread calls again; NULL only when out of memory. An
 * answer past the thread's buffer (64 KB) is copied to the heap, freed
 * at the next call. per_placement (NULL: not wanted) gets how many
 * proposals the answer holds in each placement (R14), 0 on an error.
 */
enum enc_code codec_propose_reuse(const struct enc_catalogue *cat,
                                  const struct enc_avail *avail,
                                  const char *body, size_t len,
                                  struct enc_time clock_now, const char **out,
                                  size_t *out_len,
                                  uint32_t per_placement[PLACEMENT_COUNT]);

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

/* ---- the admin and shop API (issue 3; codec/admin*.c) ---- */

struct enc_avail;

/*
 * Makes err's field relative to a body that a document held at prefix
 * ("profiles[0]", "profiles[0].lines[2]"): "profiles[0].lines[0].base"
 * becomes "lines[0].base". A field elsewhere is left as it is.
 */
void codec_field_relative(struct enc_error *err, const char *prefix);

/*
 * A profile body of the admin API (SPEC 7's profile object) as a partial
 * encore-catalogue/1 document of one profile, its bytes copied as they
 * are, so the decoder names the body's fields under "profiles[0]". code
 * NULL: a new profile (ENC_CONFLICT on "code" when cat has one with its
 * code); else the profile of that code is replaced: the body's code must
 * be it (ENC_INVALID_FIELD on "code"), and a body without "lines" keeps
 * the lines cat holds. Malformed JSON: ENC_INVALID_JSON. *doc is
 * malloc'ed; given (given_size bytes) gets the body's code ("" when it
 * has none that is a string).
 */
enum enc_code codec_admin_profile_doc(const struct enc_catalogue *cat,
                                      const char *code, const char *body,
                                      size_t len, char **doc, size_t *doc_len,
                                      char *given, size_t given_size,
                                      struct enc_error *err);

/* The string at key of a JSON object body, copied into out (size
 * bytes); out is "" when the body is not an object or has no such
 * string. */
void codec_body_string(const char *body, size_t len, const char *key, char *out,
                       size_t size);

/*
 * When doc (an encore-catalogue/1 document) holds profiles and nothing
 * else but "format" (the admin API's writes), *codes gets the codes of
 * its profiles (one malloc'ed block; the caller frees it) and *n their
 * count, and true is returned; false otherwise, or for a document that
 * does not parse (the decoder says why).
 */
bool codec_document_profile_codes(const char *doc, size_t len, char ***codes,
                                  size_t *n);

/* {"deleted":code} (malloc'ed). */
char *codec_deleted_encode(const char *code, size_t *len);

enum codec_line_op {
    CODEC_LINE_ADD,     /* body: a new line, appended */
    CODEC_LINE_REPLACE, /* body: line id's new text, in its place */
    CODEC_LINE_DELETE,  /* no body */
    CODEC_LINE_REORDER, /* body: {"order":[every line id once]} */
};

/*
 * Profile p of cat, changed by op, as a partial document (see above).
 * prefix (prefix_size bytes) gets where the body sits in it
 * ("profiles[0].lines[3]"), for codec_field_relative(). Errors:
 * ENC_NOT_FOUND (no line id), ENC_CONFLICT on "id" (add: the id exists),
 * ENC_INVALID_FIELD on "id" (replace: not the path's), on "order" or
 * "order[i]" (reorder: not each id once), ENC_INVALID_JSON.
 */
enum enc_code codec_admin_line_doc(const struct enc_catalogue *cat, uint32_t p,
                                   enum codec_line_op op, const char *id,
                                   const char *body, size_t len, char **doc,
                                   size_t *doc_len, char *prefix,
                                   size_t prefix_size, struct enc_error *err);

/*
 * Profile p of cat made active (SPEC 3: it takes over its channels from
 * any other active profile, which loses them, and goes back to draft, its
 * list kept, when it would have none left) or draft, as a partial
 * document. *took_over gets
 * [{"channel","from"}...] (malloc'ed, "[]" when none).
 */
enum enc_code codec_admin_status_doc(const struct enc_catalogue *cat,
                                     uint32_t p, bool activate, char **doc,
                                     size_t *doc_len, char **took_over,
                                     size_t *took_len, struct enc_error *err);

/*
 * The answers of the admin API, compact JSON (malloc'ed; NULL when out of
 * memory). Findings are those of check_profile() as of now.
 *   profiles: {"profiles":[{"code","name"?,"status","channels","lines",
 *             "errors","warnings"}]}
 *   profile:  {"profile":<SPEC 7 profile with lines>,"findings":{...}
 *             [,"took_over":took_over]} (took_over NULL: left out)
 *   line:     {"line":<SPEC 7 line>,"findings":{...}}
 *   findings: {"errors","warnings","findings":[...]} of profile p
 *   check_failed: {"error":{"code":"check_failed","message","field"?},
 *             "findings":{...}}, f's findings (cat is the catalogue they
 *             were found in)
 */
char *codec_admin_profiles_encode(const struct enc_catalogue *cat,
                                  struct enc_time now, size_t *len);
char *codec_admin_profile_encode(const struct enc_catalogue *cat, uint32_t p,
                                 struct enc_time now, const char *took_over,
                                 size_t *len);
char *codec_admin_line_encode(const struct enc_catalogue *cat, uint32_t p,
                              uint32_t line, struct enc_time now, size_t *len);
char *codec_admin_findings_encode(const struct enc_catalogue *cat, uint32_t p,
                                  struct enc_time now, size_t *len);
char *codec_check_failed_encode(const struct enc_catalogue *cat,
                                const struct enc_findings *f,
                                const struct enc_error *err, size_t *len);

/*
 * The pickers' search: {"products":[{"code","kind","name","dated",
 * "archived"}]}, products whose code or a name (any language) contains q
 * (ASCII case ignored; "" matches all), code-prefix matches first, then
 * the others, each in catalogue order, at most limit; names in lang
 * (R13).
 */
char *codec_admin_search_encode(const struct enc_catalogue *cat, const char *q,
                                const char *lang, uint32_t limit, size_t *len);

/* {"product":<SPEC 7 product, its performances' capacity what avail says
 * is left (NULL: the catalogue's)>}. */
char *codec_admin_product_encode(const struct enc_catalogue *cat,
                                 const struct enc_avail *avail, uint32_t p,
                                 size_t *len);

/* {"KEY":[{"code","name"(R13 in lang)[,"rank"|"type"]}]} for kind
 * CODE_CHANNEL, CODE_SEAT_CATEGORY or CODE_AUDIENCE (KEY: "channels",
 * "seat_categories", "audiences"); {"institution":{SPEC 7}} for
 * CODE_KIND_COUNT. */
char *codec_admin_list_encode(const struct enc_catalogue *cat,
                              enum enc_code_kind kind, const char *lang,
                              size_t *len);

/* One value of an availability push (PUT /api/v1/admin/availability):
 * the pool of seat category seat_category (-1: "*") of performance
 * performance, or the stock of product (performance -1). field names it
 * in the body (allocated from the decoder's arena). */
struct codec_pool_value {
    int32_t product;
    int32_t performance;
    int32_t seat_category;
    int64_t left;
    const char *field;
};

/*
 * Decodes {"performances":[{"code","capacity":{POOL:n}}],"products":
 * [{"code","stock"}]} against cat: codes must exist (ENC_UNKNOWN_CODE on
 * "performances[i].code", on "performances[i].capacity.POOL" for a pool
 * the performance does not have, on "products[i].code"), values are
 * integers of 0 or more (ENC_INVALID_FIELD). *out comes from arena.
 */
enum enc_code codec_availability_decode(const struct enc_catalogue *cat,
                                        const char *body, size_t len,
                                        struct arena *arena,
                                        struct codec_pool_value **out,
                                        size_t *n, struct enc_error *err);

/* R5: product p is on sale on channel c at now (exists, not archived,
 * sold on c, its sale window holds now). */
bool codec_product_on_sale(const struct enc_catalogue *cat, uint32_t p,
                           int32_t c, struct enc_time now);

/* R6: performance f starts after now and its sale is open. */
bool codec_performance_open(const struct enc_catalogue *cat, uint32_t f,
                            struct enc_time now);

/* What the shop lists (GET /api/v1/shop/products[/{code}]). */
struct codec_shop_query {
    int32_t channel;
    const char *lang; /* NULL: the institution's first */
    struct enc_time now;
    uint32_t offset;
    uint32_t limit;
    int32_t product; /* >= 0: that product alone, under "product" */
};

/*
 * The products on sale on q->channel (R5) with their open performances
 * (R6, earliest first, what is left per pool from avail, and "available",
 * R7), prices and names in q->lang (R13): docs/API.md. Malloc'ed, NULL
 * when out of memory.
 */
char *codec_shop_encode(const struct enc_catalogue *cat,
                        const struct enc_avail *avail,
                        const struct codec_shop_query *q, size_t *len);

/*
 * The body of POST /api/v1/orders ({"channel","lang"?,"now"?,"cart"},
 * a non-empty cart) as the proposal request of its confirmation stage
 * (SPEC 8): *request (malloc'ed) is the body with "stage":"confirmation"
 * added, so codec_request_decode() then checks it and names the body's
 * fields. Refuses another key (ENC_INVALID_FIELD), an empty or missing
 * cart (ENC_INVALID_FIELD on "cart"), malformed JSON.
 */
enum enc_code codec_order_request(const char *body, size_t len, char **request,
                                  size_t *request_len, struct enc_error *err);

/* An order as the API writes it. Strings are borrowed; NULL: left out. */
struct codec_order_item {
    const char *product;
    const char *performance;
    const char *seat_category;
    const char *audience;
    int64_t quantity;
    int64_t unit_amount;
};

struct codec_order {
    int64_t id;
    const char *status;
    const char *channel;
    const char *currency;
    int64_t created;   /* UTC seconds */
    int64_t cancelled; /* UTC seconds; 0: not cancelled */
    int64_t total;
    uint32_t n_items;
    const struct codec_order_item *items;
};

/* {"order":{"id","status","channel","created"[,"cancelled"],"items",
 * "total","currency"}[,"proposals":proposals]} (proposals: a compact
 * answer of SPEC 8, its bytes copied; NULL: left out). Malloc'ed. */
char *codec_order_encode(const struct codec_order *o, const char *proposals,
                         size_t proposals_len, size_t *len);

/* {"answer":<answer>,"trace":<codec_trace_encode()>} (malloc'ed). */
char *codec_preview_encode(const struct enc_catalogue *cat,
                           const struct enc_answer *ans,
                           const struct enc_trace *trace, size_t *len);

#endif
