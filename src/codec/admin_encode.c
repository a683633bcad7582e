/*
 * admin_encode.c - the answers of the admin API (issue 3): profiles and
 * lines as SPEC 7 writes them with their findings (SPEC 6), the pickers'
 * search, the editors' lists. Compact JSON written by hand.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../core/avail.h"
#include "codec.h"
#include "strbuf.h"

#define ANSWER_MAX CODEC_MAX_DOCUMENT

/* Appends the compact text of a record (codec_record_encode()). */
static void
put_record(struct strbuf *b, const struct enc_catalogue *cat,
           enum enc_code_kind kind, uint32_t i)
{
    size_t n = 0;
    char *text = codec_record_encode(cat, kind, i, &n);
    if (text == NULL) {
        b->failed = true;
        return;
    }
    strbuf_put(b, text, n);
    free(text);
}

/* Appends a record's text without its closing brace. */
static void
put_record_open(struct strbuf *b, const struct enc_catalogue *cat,
                enum enc_code_kind kind, uint32_t i)
{
    size_t n = 0;
    char *text = codec_record_encode(cat, kind, i, &n);
    if (text == NULL || n < 2) {
        free(text);
        b->failed = true;
        return;
    }
    strbuf_put(b, text, n - 1);
    free(text);
}

/* Appends profile p as SPEC 7 writes it, with its lines. */
static void
put_profile(struct strbuf *b, const struct enc_catalogue *cat, uint32_t p)
{
    const struct enc_profile *prof = &cat->profiles[p];
    put_record_open(b, cat, CODE_PROFILE, p);
    strbuf_puts(b, ",\"lines\":[");
    for (uint32_t l = 0; l < prof->n_lines; l++) {
        size_t n = 0;
        char *text = codec_line_encode(cat, p, l, &n);
        if (text == NULL) {
            b->failed = true;
            return;
        }
        if (l > 0)
            strbuf_putc(b, ',');
        strbuf_put(b, text, n);
        free(text);
    }
    strbuf_puts(b, "]}");
}

/* Appends the findings object of f (codec_findings_encode()). */
static void
put_findings(struct strbuf *b, const struct enc_catalogue *cat,
             const struct enc_findings *f)
{
    size_t n = 0;
    char *text = codec_findings_encode(cat, f, &n);
    if (text == NULL) {
        b->failed = true;
        return;
    }
    strbuf_put(b, text, n);
    free(text);
}

/* Appends the findings of profile p as of now (SPEC 6). */
static void
put_profile_findings(struct strbuf *b, const struct enc_catalogue *cat,
                     uint32_t p, struct enc_time now)
{
    struct enc_findings f;
    findings_init(&f);
    if (check_profile(cat, p, now, &f))
        put_findings(b, cat, &f);
    else
        b->failed = true;
    findings_cleanup(&f);
}

char *
codec_admin_findings_encode(const struct enc_catalogue *cat, uint32_t p,
                            struct enc_time now, size_t *len)
{
    struct strbuf b;
    strbuf_init(&b, ANSWER_MAX);
    put_profile_findings(&b, cat, p, now);
    return strbuf_finish(&b, len);
}

char *
codec_admin_profile_encode(const struct enc_catalogue *cat, uint32_t p,
                           struct enc_time now, const char *took_over,
                           size_t *len)
{
    struct strbuf b;
    strbuf_init(&b, ANSWER_MAX);
    strbuf_puts(&b, "{\"profile\":");
    put_profile(&b, cat, p);
    strbuf_puts(&b, ",\"findings\":");
    put_profile_findings(&b, cat, p, now);
    if (took_over != NULL) {
        strbuf_puts(&b, ",\"took_over\":");
        strbuf_puts(&b, took_over);
    }
    strbuf_putc(&b, '}');
    return strbuf_finish(&b, len);
}

char *
codec_admin_line_encode(const struct enc_catalogue *cat, uint32_t p,
                        uint32_t line, struct enc_time now, size_t *len)
{
    struct strbuf b;
    size_t n = 0;
    char *text = codec_line_encode(cat, p, line, &n);
    if (text == NULL)
        return NULL;
    strbuf_init(&b, ANSWER_MAX);
    strbuf_puts(&b, "{\"line\":");
    strbuf_put(&b, text, n);
    free(text);
    strbuf_puts(&b, ",\"findings\":");
    put_profile_findings(&b, cat, p, now);
    strbuf_putc(&b, '}');
    return strbuf_finish(&b, len);
}

/* Appends "key":[codes of refs] with the codes of records of kind. */
static void
put_channel_codes(struct strbuf *b, const struct enc_catalogue *cat,
                  const struct enc_profile *prof)
{
    strbuf_puts(b, ",\"channels\":[");
    for (uint32_t i = 0; i < prof->n_channels; i++) {
        if (i > 0)
            strbuf_putc(b, ',');
        strbuf_put_json(b, cat->channels[prof->channels[i]].code);
    }
    strbuf_putc(b, ']');
}

/* Appends a name or text as SPEC 7 writes it: a string when it was
 * written plain, else an object of language to string. */
static void
put_text_as_written(struct strbuf *b, const struct enc_text *t)
{
    if (t->plain && t->n == 1) {
        strbuf_put_json(b, t->items[0].value);
        return;
    }
    strbuf_putc(b, '{');
    for (uint32_t i = 0; i < t->n; i++) {
        if (i > 0)
            strbuf_putc(b, ',');
        strbuf_put_json(b, t->items[i].lang);
        strbuf_putc(b, ':');
        strbuf_put_json(b, t->items[i].value);
    }
    strbuf_putc(b, '}');
}

/* Appends one profile's summary, its findings counted as of now. */
static void
put_summary(struct strbuf *b, const struct enc_catalogue *cat, uint32_t p,
            const struct enc_findings *f)
{
    const struct enc_profile *prof = &cat->profiles[p];
    uint32_t errors = 0;
    uint32_t warnings = 0;
    for (uint32_t i = 0; i < f->n; i++) {
        if (f->items[i].profile != p)
            continue;
        if (f->items[i].severity == SEVERITY_ERROR)
            errors++;
        else
            warnings++;
    }
    strbuf_puts(b, "{\"code\":");
    strbuf_put_json(b, prof->code);
    if (prof->name.n > 0) {
        strbuf_puts(b, ",\"name\":");
        put_text_as_written(b, &prof->name);
    }
    strbuf_puts(b, ",\"status\":");
    strbuf_put_json(b, prof->status == PROFILE_ACTIVE ? "active" : "draft");
    put_channel_codes(b, cat, prof);
    strbuf_puts(b, ",\"lines\":");
    strbuf_put_int(b, prof->n_lines);
    strbuf_puts(b, ",\"errors\":");
    strbuf_put_int(b, errors);
    strbuf_puts(b, ",\"warnings\":");
    strbuf_put_int(b, warnings);
    strbuf_putc(b, '}');
}

char *
codec_admin_profiles_encode(const struct enc_catalogue *cat,
                            struct enc_time now, size_t *len)
{
    struct enc_findings f;
    findings_init(&f);
    if (!check_all(cat, now, &f)) {
        findings_cleanup(&f);
        return NULL;
    }
    struct strbuf b;
    strbuf_init(&b, ANSWER_MAX);
    strbuf_puts(&b, "{\"profiles\":[");
    for (uint32_t p = 0; p < cat->n_profiles; p++) {
        if (p > 0)
            strbuf_putc(&b, ',');
        put_summary(&b, cat, p, &f);
    }
    strbuf_puts(&b, "]}");
    findings_cleanup(&f);
    return strbuf_finish(&b, len);
}

char *
codec_check_failed_encode(const struct enc_catalogue *cat,
                          const struct enc_findings *f,
                          const struct enc_error *err, size_t *len)
{
    struct strbuf b;
    strbuf_init(&b, ANSWER_MAX);
    strbuf_puts(&b, "{\"error\":{\"code\":\"check_failed\",\"message\":");
    strbuf_put_json(&b, err->message);
    if (err->field[0] != '\0') {
        strbuf_puts(&b, ",\"field\":");
        strbuf_put_json(&b, err->field);
    }
    strbuf_puts(&b, "},\"findings\":");
    put_findings(&b, cat, f);
    strbuf_putc(&b, '}');
    return strbuf_finish(&b, len);
}

/* ---- the pickers' search ---- */

/* ASCII lower case of one byte; other bytes (UTF-8) as they are. */
static char
fold(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* True when s contains q (q already folded), ignoring ASCII case; *at
 * gets where (0: a prefix). */
static bool
contains_folded(const char *s, const char *q, size_t qlen, size_t *at)
{
    size_t n = strlen(s);
    for (size_t i = 0; i + qlen <= n; i++) {
        size_t k = 0;
        while (k < qlen && fold(s[i + k]) == q[k])
            k++;
        if (k == qlen) {
            *at = i;
            return true;
        }
    }
    return false;
}

/* 0: product p's code starts with q; 1: its code or a name contains q;
 * 2: no match. */
static int
search_rank(const struct enc_product *prod, const char *q, size_t qlen)
{
    size_t at = 0;
    if (contains_folded(prod->code, q, qlen, &at))
        return at == 0 ? 0 : 1;
    for (uint32_t i = 0; i < prod->name.n; i++)
        if (contains_folded(prod->name.items[i].value, q, qlen, &at))
            return 1;
    return 2;
}

static void
put_pick(struct strbuf *b, const struct enc_catalogue *cat, uint32_t p,
         const char *lang, bool first)
{
    const struct enc_product *prod = &cat->products[p];
    const char *name = catalogue_text(cat, &prod->name, lang);
    strbuf_puts(b, first ? "{\"code\":" : ",{\"code\":");
    strbuf_put_json(b, prod->code);
    strbuf_puts(b, ",\"kind\":");
    strbuf_put_json(b, kind_name(prod->kind));
    strbuf_puts(b, ",\"name\":");
    strbuf_put_json(b, name ? name : prod->code);
    strbuf_puts(b, prod->n_performances > 0 ? ",\"dated\":true"
                                            : ",\"dated\":false");
    strbuf_puts(b, prod->archived ? ",\"archived\":true}"
                                  : ",\"archived\":false}");
}

char *
codec_admin_search_encode(const struct enc_catalogue *cat, const char *q,
                          const char *lang, uint32_t limit, size_t *len)
{
    char folded[CODEC_MAX_CODE + 1];
    size_t qlen = 0;
    for (; q[qlen] != '\0' && qlen < CODEC_MAX_CODE; qlen++)
        folded[qlen] = fold(q[qlen]);
    folded[qlen] = '\0';

    /* Two passes over the products: code prefixes, then the rest. One
     * pass costs well under a millisecond on 5,000 products. */
    struct strbuf b;
    strbuf_init(&b, ANSWER_MAX);
    strbuf_puts(&b, "{\"products\":[");
    uint32_t found = 0;
    for (int rank = 0; rank < 2 && found < limit; rank++)
        for (uint32_t p = 0; p < cat->n_products && found < limit; p++)
            if (search_rank(&cat->products[p], folded, qlen) == rank)
                put_pick(&b, cat, p, lang, found++ == 0);
    strbuf_puts(&b, "]}");
    return strbuf_finish(&b, len);
}

/* ---- records for the editors ---- */

/* Appends performance f with "capacity": what is left now. */
static void
put_performance(struct strbuf *b, const struct enc_catalogue *cat,
                const struct enc_avail *avail, uint32_t f)
{
    const struct enc_performance *perf = &cat->performances[f];
    put_record_open(b, cat, CODE_PERFORMANCE, f);
    strbuf_puts(b, ",\"capacity\":{");
    for (uint32_t k = 0; k < perf->n_pools; k++) {
        const struct enc_pool *pool = &perf->pools[k];
        int64_t left =
            avail ? avail_left(avail, perf->pool_first + k) : pool->left;
        if (k > 0)
            strbuf_putc(b, ',');
        strbuf_put_json(b,
                        pool->seat_category < 0
                            ? "*"
                            : cat->seat_categories[pool->seat_category].code);
        strbuf_putc(b, ':');
        strbuf_put_int(b, left);
    }
    strbuf_puts(b, "}}");
}

char *
codec_admin_product_encode(const struct enc_catalogue *cat,
                           const struct enc_avail *avail, uint32_t p,
                           size_t *len)
{
    const struct enc_product *prod = &cat->products[p];
    struct strbuf b;
    strbuf_init(&b, ANSWER_MAX);
    strbuf_puts(&b, "{\"product\":");
    if (prod->n_performances == 0) {
        put_record(&b, cat, CODE_PRODUCT, p);
    } else {
        put_record_open(&b, cat, CODE_PRODUCT, p);
        strbuf_puts(&b, ",\"performances\":[");
        for (uint32_t j = 0; j < prod->n_performances; j++) {
            if (j > 0)
                strbuf_putc(&b, ',');
            put_performance(&b, cat, avail, prod->perf_first + j);
        }
        strbuf_puts(&b, "]}");
    }
    strbuf_putc(&b, '}');
    char *text = strbuf_finish(&b, len);
    int32_t stock = avail ? avail_stock_id(cat, (int32_t)p) : -1;
    if (text == NULL || stock < 0)
        return text;
    /* An undated product's stock, live: the record holds the snapshot's
     * value, which a sale may have changed since. */
    json_t *root = json_loadb(text, *len, 0, NULL);
    free(text);
    json_t *product = json_object_get(root, "product");
    text = NULL;
    if (product != NULL &&
        json_object_set_new(product, "stock",
                            json_integer(avail_left(avail, (uint32_t)stock))) ==
            0)
        text = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(root);
    if (text != NULL)
        *len = strlen(text);
    return text;
}

/* The name of list item i of kind, and its extra key. */
static void
put_list_item(struct strbuf *b, const struct enc_catalogue *cat,
              enum enc_code_kind kind, uint32_t i, const char *lang)
{
    const char *code = NULL;
    const struct enc_text *name = NULL;
    if (kind == CODE_CHANNEL) {
        code = cat->channels[i].code;
        name = &cat->channels[i].name;
    } else if (kind == CODE_SEAT_CATEGORY) {
        code = cat->seat_categories[i].code;
        name = &cat->seat_categories[i].name;
    } else {
        code = cat->audiences[i].code;
        name = &cat->audiences[i].name;
    }
    const char *text = catalogue_text(cat, name, lang);
    strbuf_puts(b, i > 0 ? ",{\"code\":" : "{\"code\":");
    strbuf_put_json(b, code);
    strbuf_puts(b, ",\"name\":");
    strbuf_put_json(b, text ? text : code);
    if (kind == CODE_CHANNEL) {
        strbuf_puts(b, ",\"type\":");
        strbuf_put_json(b, channel_type_name(cat->channels[i].type));
    } else if (kind == CODE_SEAT_CATEGORY && cat->seat_categories[i].has_rank) {
        strbuf_puts(b, ",\"rank\":");
        strbuf_put_int(b, cat->seat_categories[i].rank);
    }
    strbuf_putc(b, '}');
}

char *
codec_admin_list_encode(const struct enc_catalogue *cat,
                        enum enc_code_kind kind, const char *lang, size_t *len)
{
    struct strbuf b;
    strbuf_init(&b, ANSWER_MAX);
    if (kind == CODE_KIND_COUNT) {
        strbuf_puts(&b, "{\"institution\":");
        put_record(&b, cat, CODE_KIND_COUNT, 0);
        strbuf_putc(&b, '}');
        return strbuf_finish(&b, len);
    }
    uint32_t n = kind == CODE_CHANNEL         ? cat->n_channels
                 : kind == CODE_SEAT_CATEGORY ? cat->n_seat_categories
                                              : cat->n_audiences;
    strbuf_puts(&b, kind == CODE_CHANNEL         ? "{\"channels\":["
                    : kind == CODE_SEAT_CATEGORY ? "{\"seat_categories\":["
                                                 : "{\"audiences\":[");
    for (uint32_t i = 0; i < n; i++)
        put_list_item(&b, cat, kind, i, lang);
    strbuf_puts(&b, "]}");
    return strbuf_finish(&b, len);
}
