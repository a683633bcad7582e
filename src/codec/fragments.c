/*
 * fragments.c - the fixed parts of answers, serialised once per snapshot
 * (fragments.h): codec_catalogue_prepare().
 */
#include "fragments.h"

#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "strbuf.h"

/* The fragments of a catalogue of 200,000 performances take about 30 MB;
 * this cap is far above any catalogue the rest of Encore accepts. */
#define FRAGMENTS_MAX (1u << 31)

/* An offsets list of n fragments (n + 1 offsets) from the arena. */
static uint32_t *
list_new(struct arena *a, size_t n)
{
    return arena_alloc(a, (n + 1) * sizeof(uint32_t));
}

/* Where the next fragment starts. */
static uint32_t
here(const struct strbuf *b)
{
    return (uint32_t)b->len;
}

/* "product":"CODE","kind":"KIND","name":  and "CODE", per product. */
static void
build_products(const struct enc_catalogue *cat, struct codec_fragments *f,
               struct strbuf *b)
{
    for (uint32_t p = 0; p < cat->n_products; p++) {
        f->product_head[p] = here(b);
        strbuf_puts(b, "\"product\":");
        strbuf_put_json(b, cat->products[p].code);
        strbuf_puts(b, ",\"kind\":");
        strbuf_put_json(b, kind_name(cat->products[p].kind));
        strbuf_puts(b, ",\"name\":");
    }
    f->product_head[cat->n_products] = here(b);
    for (uint32_t p = 0; p < cat->n_products; p++) {
        f->product_code[p] = here(b);
        strbuf_put_json(b, cat->products[p].code);
    }
    f->product_code[cat->n_products] = here(b);
}

/* Each item of each product's name, "VALUE". */
static void
build_names(const struct enc_catalogue *cat, struct codec_fragments *f,
            struct strbuf *b)
{
    uint32_t k = 0;

    for (uint32_t p = 0; p < cat->n_products; p++) {
        const struct enc_text *name = &cat->products[p].name;
        f->name_first[p] = k;
        for (uint32_t i = 0; i < name->n; i++) {
            f->name_item[k++] = here(b);
            strbuf_put_json(b,
                            name->items[i].value ? name->items[i].value : "");
        }
    }
    f->name_first[cat->n_products] = k;
    f->name_item[k] = here(b);
}

/* Each price row: {"seat_category":"C","audience":"A","amount":N (R9,
 * SPEC 8: a field the row does not name is left out). */
static void
build_rows(const struct enc_catalogue *cat, struct codec_fragments *f,
           struct strbuf *b)
{
    uint32_t k = 0;

    for (uint32_t p = 0; p < cat->n_products; p++) {
        const struct enc_product *pr = &cat->products[p];
        f->row_first[p] = k;
        for (uint32_t i = 0; i < pr->n_prices; i++) {
            const struct enc_price *row = &pr->prices[i];
            f->row[k++] = here(b);
            strbuf_putc(b, '{');
            if (row->seat_category >= 0) {
                strbuf_puts(b, "\"seat_category\":");
                strbuf_put_json(b,
                                cat->seat_categories[row->seat_category].code);
                strbuf_putc(b, ',');
            }
            if (row->audience >= 0) {
                strbuf_puts(b, "\"audience\":");
                strbuf_put_json(b, cat->audiences[row->audience].code);
                strbuf_putc(b, ',');
            }
            strbuf_puts(b, "\"amount\":");
            strbuf_put_int(b, row->amount);
        }
    }
    f->row_first[cat->n_products] = k;
    f->row[k] = here(b);
}

/* {"code":"CODE","start":"TIME"  and "CODE", per performance. */
static void
build_performances(const struct enc_catalogue *cat, struct codec_fragments *f,
                   struct strbuf *b)
{
    char time[TIME_RFC3339_MAX];

    for (uint32_t i = 0; i < cat->n_performances; i++) {
        const struct enc_performance *pf = &cat->performances[i];
        size_t n = time_format_rfc3339(pf->start, time);
        f->perf[i] = here(b);
        strbuf_puts(b, "{\"code\":");
        strbuf_put_json(b, pf->code);
        strbuf_puts(b, ",\"start\":\"");
        strbuf_put(b, time, n);
        strbuf_putc(b, '"');
    }
    f->perf[cat->n_performances] = here(b);
    for (uint32_t i = 0; i < cat->n_performances; i++) {
        f->perf_code[i] = here(b);
        strbuf_put_json(b, cat->performances[i].code);
    }
    f->perf_code[cat->n_performances] = here(b);
}

/* {"line":"ID","type":"TYPE","placement":"PLACEMENT" per line, then
 * ,"text":"VALUE" per item of each line's text. */
static void
build_lines(const struct enc_catalogue *cat, struct codec_fragments *f,
            struct strbuf *b)
{
    uint32_t g = 0, k = 0;

    for (uint32_t p = 0; p < cat->n_profiles; p++) {
        const struct enc_profile *pf = &cat->profiles[p];
        f->line_first[p] = g;
        for (uint32_t l = 0; l < pf->n_lines; l++, g++) {
            enum enc_line_type type = pf->lines[l].type;
            f->line_head[g] = here(b);
            strbuf_puts(b, "{\"line\":");
            strbuf_put_json(b, pf->lines[l].id);
            strbuf_puts(b, ",\"type\":");
            strbuf_put_json(b, line_type_name(type));
            strbuf_puts(b, ",\"placement\":");
            strbuf_put_json(b, placement_name(line_type_placement(type)));
        }
    }
    f->line_first[cat->n_profiles] = g;
    f->line_head[g] = here(b);
    g = 0;
    for (uint32_t p = 0; p < cat->n_profiles; p++)
        for (uint32_t l = 0; l < cat->profiles[p].n_lines; l++, g++) {
            const struct enc_text *text = &cat->profiles[p].lines[l].text;
            f->text_first[g] = k;
            for (uint32_t i = 0; i < text->n; i++) {
                f->text_item[k++] = here(b);
                strbuf_puts(b, ",\"text\":");
                strbuf_put_json(b, text->items[i].value ? text->items[i].value
                                                        : "");
            }
        }
    f->text_first[g] = k;
    f->text_item[k] = here(b);
}

/* The records' offsets lists, sized from the catalogue; false when out
 * of memory. */
static bool
lists_new_records(struct enc_catalogue *cat, struct codec_fragments *f)
{
    struct arena *a = &cat->arena;
    size_t names = 0, rows = 0;

    for (uint32_t p = 0; p < cat->n_products; p++) {
        names += cat->products[p].name.n;
        rows += cat->products[p].n_prices;
    }
    f->product_head = list_new(a, cat->n_products);
    f->product_code = list_new(a, cat->n_products);
    f->name_first = list_new(a, cat->n_products);
    f->name_item = list_new(a, names);
    f->row_first = list_new(a, cat->n_products);
    f->row = list_new(a, rows);
    f->perf = list_new(a, cat->n_performances);
    f->perf_code = list_new(a, cat->n_performances);
    return f->product_head && f->product_code && f->name_first &&
           f->name_item && f->row_first && f->row && f->perf && f->perf_code;
}

/* The lines' offsets lists. */
static bool
lists_new_lines(struct enc_catalogue *cat, struct codec_fragments *f)
{
    struct arena *a = &cat->arena;
    size_t lines = 0, texts = 0;

    for (uint32_t p = 0; p < cat->n_profiles; p++) {
        lines += cat->profiles[p].n_lines;
        for (uint32_t l = 0; l < cat->profiles[p].n_lines; l++)
            texts += cat->profiles[p].lines[l].text.n;
    }
    f->line_first = list_new(a, cat->n_profiles);
    f->line_head = list_new(a, lines);
    f->text_first = list_new(a, lines);
    f->text_item = list_new(a, texts);
    return f->line_first && f->line_head && f->text_first && f->text_item;
}

/* b's text copied into cat's arena (b is emptied); NULL when out of
 * memory. */
static const char *
blob_keep(struct enc_catalogue *cat, struct strbuf *b)
{
    size_t len = 0;
    char *text = strbuf_finish(b, &len);
    char *blob = text ? arena_alloc(&cat->arena, len + 1) : NULL;

    if (blob != NULL)
        memcpy(blob, text, len + 1);
    free(text);
    return blob;
}

/* The records' fragments: built, or shared with the records owner of an
 * overlay when it has them. */
static bool
build_records(struct enc_catalogue *cat, struct codec_fragments *f)
{
    const struct codec_fragments *own = NULL;
    struct strbuf b;

    if (cat->records_owner != NULL)
        own = atomic_load_explicit(&cat->records_owner->encoded,
                                   memory_order_acquire);
    if (own != NULL) {
        *f = *own;
        return true;
    }
    if (!lists_new_records(cat, f))
        return false;
    strbuf_init(&b, FRAGMENTS_MAX);
    build_products(cat, f, &b);
    build_names(cat, f, &b);
    build_rows(cat, f, &b);
    build_performances(cat, f, &b);
    f->blob = blob_keep(cat, &b);
    return f->blob != NULL;
}

bool
codec_catalogue_prepare(struct enc_catalogue *cat)
{
    struct codec_fragments *f;
    struct strbuf b;

    if (atomic_load_explicit(&cat->encoded, memory_order_acquire) != NULL)
        return true;
    f = arena_alloc(&cat->arena, sizeof(*f));
    if (f == NULL || !build_records(cat, f) || !lists_new_lines(cat, f))
        return false;
    strbuf_init(&b, FRAGMENTS_MAX);
    build_lines(cat, f, &b);
    f->line_blob = blob_keep(cat, &b);
    if (f->line_blob == NULL)
        return false;
    /* Published whole: a request sees no fragments or all of them. */
    atomic_store_explicit(&cat->encoded, f, memory_order_release);
    return true;
}
