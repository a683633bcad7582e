/*
 * fixture.h - building catalogues and requests in C for the unit tests,
 * without JSON.
 *
 * fx_new() gives an empty catalogue (institution HALL, languages fr then
 * en); the fx_* calls append records and return their index; fx_index()
 * runs catalogue_index(). Every array has a fixed room (FX_MAX_*), enough
 * for a test; going past it aborts the test program. A product's
 * performances must be added right after the product (or its other
 * performances), since a product's performances are one run of the
 * catalogue's array. Everything lives in the catalogue's arena.
 *
 * fx_describe() writes an answer as text, one proposal a line, so a test
 * can compare the exact proposals in one string.
 */
#ifndef ENCORE_TESTS_FIXTURE_H
#define ENCORE_TESTS_FIXTURE_H

#include <stddef.h>

#include "core/check.h"
#include "core/model.h"
#include "core/propose.h"

#define FX_MAX_RECORDS 256 /* per kind */
#define FX_MAX_PERFORMANCES 1024
#define FX_MAX_CHILDREN 32 /* prices, pools, components, lines, targets */
#define FX_MAX_ITEMS 64    /* items of a request's cart */

struct fx {
    struct enc_catalogue *cat;
    struct arena scratch; /* answers of fx_propose() */
};

struct fx *fx_new(void);
void fx_free(struct fx *fx);

/* Parses an RFC 3339 instant; aborts on a bad one. */
struct enc_time fx_time(const char *s);

/* A bound written as an instant. */
struct enc_bound fx_bound(const char *s);

/* A bound written as a date alone, resolved at the given UTC offset (in
 * seconds): the first second of the day, or the last one when end. */
struct enc_bound fx_bound_day(const char *date, int32_t offset, bool end);

/* A list of n indexes from the catalogue's arena. */
int32_t *fx_list(struct fx *fx, uint32_t n, ...);

/* Sets *text to n (lang, value) pairs given as 2n strings. */
void fx_text(struct fx *fx, struct enc_text *text, uint32_t n, ...);

int32_t fx_channel(struct fx *fx, const char *code, enum enc_channel_type type);
int32_t fx_seat_category(struct fx *fx, const char *code);
int32_t fx_audience(struct fx *fx, const char *code);

/* A product named by its code in the first language. */
int32_t fx_product(struct fx *fx, const char *code, enum enc_kind kind);
struct enc_product *fx_prod(struct fx *fx, int32_t product);

/* A price row; sc and aud -1 when the row does not name them. */
void fx_price(struct fx *fx, int32_t product, int32_t sc, int32_t aud,
              int64_t amount);
void fx_component(struct fx *fx, int32_t package, int32_t product,
                  uint32_t quantity);

/* A performance of product (see above for the order) starting at start. */
int32_t fx_performance(struct fx *fx, int32_t product, const char *code,
                       const char *start);
struct enc_performance *fx_perf(struct fx *fx, int32_t performance);

/* A pool of a performance; sc -1 is the shared pool "*". */
void fx_pool(struct fx *fx, int32_t performance, int32_t sc, int64_t left);

/* A profile naming one channel (-1: none yet). */
int32_t fx_profile(struct fx *fx, const char *code,
                   enum enc_profile_status status, int32_t channel);
void fx_profile_channel(struct fx *fx, int32_t profile, int32_t channel);
void fx_limit(struct fx *fx, int32_t profile, enum enc_placement pl,
              uint32_t limit);

int32_t fx_line(struct fx *fx, int32_t profile, const char *id,
                enum enc_line_type type, int32_t base);
struct enc_line *fx_ln(struct fx *fx, int32_t profile, int32_t line);

/* A target of a line, saying nothing (SPEC 3 defaults); tweak the
 * returned record. Valid until the next fx_target() on that line. */
struct enc_target *fx_target(struct fx *fx, int32_t profile, int32_t line,
                             int32_t product);
void fx_choice(struct enc_target *t, uint32_t min, uint32_t max);
void fx_fixed(struct enc_target *t, uint32_t value);
void fx_proportional(struct enc_target *t, uint32_t per);

/* catalogue_index(); aborts when it fails. */
struct enc_catalogue *fx_index(struct fx *fx);

/* ---- Requests ---- */

struct fx_request {
    struct enc_request req;
    struct enc_item items[FX_MAX_ITEMS];
};

void fx_request(struct fx_request *r, int32_t channel, enum enc_stage stage,
                const char *now);
/* Appends a cart item; perf, sc, aud -1 when not named. */
void fx_item(struct fx_request *r, int32_t product, int32_t perf, int32_t sc,
             int32_t aud, uint32_t quantity);
void fx_focus(struct fx_request *r, int32_t product, int32_t perf, int32_t sc,
              int32_t aud, uint32_t quantity);

/* enc_propose() into an answer living until the next call or fx_free(). */
const struct enc_answer *fx_propose(struct fx *fx, const struct fx_request *r);

/*
 * Writes the answer as text into buf (size bytes), one proposal a line:
 *   placement line base@perf -> product qty perfs=CODE:avail,...
 *   offers=SC/AUD/amount:avail,... [diff=n]
 * qty is "fixed N" or "choice MIN-MAX"; a missing performance, seat
 * category or audience is "-", an unlimited availability "inf". An empty
 * answer gives "". Returns buf.
 */
const char *fx_describe(const struct enc_catalogue *cat,
                        const struct enc_answer *a, char *buf, size_t size);

/* fx_propose() then fx_describe() into a static buffer. */
const char *fx_answer(struct fx *fx, const struct fx_request *r);

/* Writes the findings as "PROFILE/LINE: error|warning: message" lines. */
const char *fx_describe_findings(const struct enc_catalogue *cat,
                                 const struct enc_findings *f, char *buf,
                                 size_t size);

#endif
