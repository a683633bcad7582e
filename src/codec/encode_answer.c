/*
 * encode_answer.c - the answer of SPEC 8 as compact JSON, written straight
 * into a buffer: keys in the order SPEC 8 shows, optional fields left out
 * (never null), "profile" null when none applies (R1).
 *
 * When the catalogue was prepared (codec_catalogue_prepare()), the fixed
 * parts of a proposal (line, product, name, text, performances, price
 * rows) are copied from its fragments; otherwise they are written here.
 * The bytes are the same (test_codec_answer.c).
 */
#include "answer_write.h"

#include "codec.h"
#include "fragments.h"
#include "strbuf.h"

/* An answer holds at most a few hundred proposals; this is far above. */
#define ANSWER_MAX (64u << 20)

/* n in decimal, without printf (every proposal has several). */
static void
put_int(struct strbuf *b, int64_t n)
{
    char buf[24];
    size_t k = sizeof buf;
    uint64_t u = n < 0 ? 0 - (uint64_t)n : (uint64_t)n;

    do {
        buf[--k] = (char)('0' + u % 10);
        u /= 10;
    } while (u > 0);
    if (n < 0)
        buf[--k] = '-';
    strbuf_put(b, buf + k, sizeof buf - k);
}

/* Fragment k of list, in blob (fragments.h). */
static void
put_frag(struct strbuf *b, const char *blob, const uint32_t *list, uint32_t k)
{
    strbuf_put(b, blob + list[k], list[k + 1] - list[k]);
}

/* ,"key": of a literal key, in one copy. */
#define put_key(b, key) strbuf_lit((b), ",\"" key "\":")

static void
put_time(struct strbuf *b, struct enc_time t)
{
    char buf[TIME_RFC3339_MAX];
    size_t n = time_format_rfc3339(t, buf);

    strbuf_putc(b, '"');
    strbuf_put(b, buf, n);
    strbuf_putc(b, '"');
}

/* "quantity": fixed (R8: proportional comes out fixed) or choice. */
static void
put_quantity(struct strbuf *b, const struct enc_proposal *p)
{
    put_key(b, "quantity");
    if (p->quantity_mode == QTY_CHOICE) {
        strbuf_lit(b, "{\"mode\":\"choice\",\"min\":");
        put_int(b, p->min);
        strbuf_lit(b, ",\"max\":");
        put_int(b, p->max);
    } else {
        strbuf_lit(b, "{\"mode\":\"fixed\",\"value\":");
        put_int(b, p->value);
    }
    strbuf_putc(b, '}');
}

/* "available", left out when unlimited (-1). */
static void
put_available(struct strbuf *b, int64_t available)
{
    if (available < 0)
        return;
    put_key(b, "available");
    put_int(b, available);
}

/* R6: at most ENC_MAX_PERFORMANCES, earliest first, as the engine chose. */
static void
put_performances(struct strbuf *b, const struct enc_catalogue *cat,
                 const struct enc_proposal *p)
{
    if (p->n_performances == 0)
        return;
    put_key(b, "performances");
    strbuf_putc(b, '[');
    for (uint32_t i = 0; i < p->n_performances; i++) {
        const struct enc_performance *perf =
            &cat->performances[p->performances[i].performance];
        strbuf_puts(b, i ? ",{\"code\":" : "{\"code\":");
        strbuf_put_json(b, perf->code);
        put_key(b, "start");
        put_time(b, perf->start);
        put_available(b, p->performances[i].available);
        strbuf_putc(b, '}');
    }
    strbuf_putc(b, ']');
}

/* R9: each offer is a price row of the target. */
static void
put_offers(struct strbuf *b, const struct enc_catalogue *cat,
           const struct enc_proposal *p)
{
    const struct enc_product *product = &cat->products[p->product];

    put_key(b, "offers");
    strbuf_putc(b, '[');
    for (uint32_t i = 0; i < p->n_offers; i++) {
        const struct enc_price *row = &product->prices[p->offers[i].price];
        strbuf_puts(b, i ? ",{" : "{");
        if (row->seat_category >= 0) {
            strbuf_lit(b, "\"seat_category\":");
            strbuf_put_json(b, cat->seat_categories[row->seat_category].code);
            strbuf_putc(b, ',');
        }
        if (row->audience >= 0) {
            strbuf_lit(b, "\"audience\":");
            strbuf_put_json(b, cat->audiences[row->audience].code);
            strbuf_putc(b, ',');
        }
        strbuf_lit(b, "\"amount\":");
        put_int(b, row->amount);
        put_available(b, p->offers[i].available);
        strbuf_putc(b, '}');
    }
    strbuf_putc(b, ']');
}

/* "base": the base product and the group's performance (R4). */
static void
put_base(struct strbuf *b, const struct enc_catalogue *cat,
         const struct enc_proposal *p)
{
    put_key(b, "base");
    strbuf_lit(b, "{\"product\":");
    strbuf_put_json(b, cat->products[p->base_product].code);
    if (p->base_performance >= 0) {
        put_key(b, "performance");
        strbuf_put_json(b, cat->performances[p->base_performance].code);
    }
    strbuf_putc(b, '}');
}

static void
put_proposal(struct strbuf *b, const struct enc_catalogue *cat,
             const struct enc_profile *profile, const struct enc_proposal *p)
{
    strbuf_lit(b, "{\"line\":");
    strbuf_put_json(b, profile->lines[p->line].id);
    put_key(b, "type");
    strbuf_put_json(b, line_type_name(p->type));
    put_key(b, "placement");
    strbuf_put_json(b, placement_name(p->placement));
    put_base(b, cat, p);
    put_key(b, "product");
    strbuf_put_json(b, cat->products[p->product].code);
    put_key(b, "kind");
    strbuf_put_json(b, kind_name(cat->products[p->product].kind));
    put_key(b, "name");
    strbuf_put_json(b, p->name);
    if (p->text) {
        put_key(b, "text");
        strbuf_put_json(b, p->text);
    }
    put_quantity(b, p);
    if (p->has_price_difference) {
        put_key(b, "price_difference");
        put_int(b, p->price_difference);
    }
    put_performances(b, cat, p);
    put_offers(b, cat, p);
    strbuf_putc(b, '}');
}

/* The name (R13) from the fragments: the item the engine picked, or the
 * product's code when it has none. */
static void
put_name_frag(struct strbuf *b, const struct enc_catalogue *cat,
              const struct codec_fragments *f, const struct enc_proposal *p)
{
    const struct enc_text *name = &cat->products[p->product].name;

    if (p->name_item >= 0 && (uint32_t)p->name_item < name->n &&
        p->name == name->items[p->name_item].value)
        put_frag(b, f->blob, f->name_item,
                 f->name_first[p->product] + (uint32_t)p->name_item);
    else if (p->name == cat->products[p->product].code)
        put_frag(b, f->blob, f->product_code, (uint32_t)p->product);
    else
        strbuf_put_json(b, p->name);
}

/* ,"text": from the fragments, when the line has one (R13). */
static void
put_text_frag(struct strbuf *b, const struct codec_fragments *f,
              const struct enc_line *line, uint32_t global_line,
              const struct enc_proposal *p)
{
    if (p->text == NULL)
        return;
    if (p->text_item >= 0 && (uint32_t)p->text_item < line->text.n &&
        p->text == line->text.items[p->text_item].value) {
        put_frag(b, f->line_blob, f->text_item,
                 f->text_first[global_line] + (uint32_t)p->text_item);
        return;
    }
    put_key(b, "text");
    strbuf_put_json(b, p->text);
}

/* The proposal of put_proposal(), its fixed parts copied from the
 * fragments of profile number pi. */
static void
put_proposal_frag(struct strbuf *b, const struct enc_catalogue *cat,
                  const struct codec_fragments *f, uint32_t pi,
                  const struct enc_proposal *p)
{
    uint32_t gl = f->line_first[pi] + p->line;
    uint32_t rows = f->row_first[p->product];
    const struct enc_line *line = &cat->profiles[pi].lines[p->line];

    put_frag(b, f->line_blob, f->line_head, gl);
    strbuf_lit(b, ",\"base\":{\"product\":");
    put_frag(b, f->blob, f->product_code, (uint32_t)p->base_product);
    if (p->base_performance >= 0) {
        strbuf_lit(b, ",\"performance\":");
        put_frag(b, f->blob, f->perf_code, (uint32_t)p->base_performance);
    }
    strbuf_lit(b, "},");
    put_frag(b, f->blob, f->product_head, (uint32_t)p->product);
    put_name_frag(b, cat, f, p);
    put_text_frag(b, f, line, gl, p);
    put_quantity(b, p);
    if (p->has_price_difference) {
        put_key(b, "price_difference");
        put_int(b, p->price_difference);
    }
    if (p->n_performances > 0) {
        put_key(b, "performances");
        for (uint32_t i = 0; i < p->n_performances; i++) {
            strbuf_putc(b, i ? ',' : '[');
            put_frag(b, f->blob, f->perf, p->performances[i].performance);
            put_available(b, p->performances[i].available);
            strbuf_putc(b, '}');
        }
        strbuf_putc(b, ']');
    }
    put_key(b, "offers");
    strbuf_putc(b, '[');
    for (uint32_t i = 0; i < p->n_offers; i++) {
        if (i)
            strbuf_putc(b, ',');
        put_frag(b, f->blob, f->row, rows + p->offers[i].price);
        put_available(b, p->offers[i].available);
        strbuf_putc(b, '}');
    }
    strbuf_lit(b, "]}");
}

void
answer_write(struct strbuf *b, const struct enc_catalogue *cat,
             const struct enc_answer *ans)
{
    const struct enc_profile *profile =
        ans->profile >= 0 ? &cat->profiles[ans->profile] : NULL;
    const struct codec_fragments *f =
        atomic_load_explicit(&cat->encoded, memory_order_acquire);

    strbuf_lit(b, "{\"channel\":");
    strbuf_put_json(b, cat->channels[ans->channel].code);
    put_key(b, "stage");
    strbuf_put_json(b, stage_name(ans->stage));
    put_key(b, "profile");
    if (profile)
        strbuf_put_json(b, profile->code);
    else
        strbuf_lit(b, "null");
    put_key(b, "now");
    put_time(b, ans->now);
    put_key(b, "proposals");
    strbuf_putc(b, '[');
    for (uint32_t i = 0; profile && i < ans->n_proposals; i++) {
        if (i)
            strbuf_putc(b, ',');
        if (f != NULL)
            put_proposal_frag(b, cat, f, (uint32_t)ans->profile,
                              &ans->proposals[i]);
        else
            put_proposal(b, cat, profile, &ans->proposals[i]);
    }
    strbuf_lit(b, "]}");
}

char *
codec_answer_encode(const struct enc_catalogue *cat,
                    const struct enc_answer *ans, size_t *len)
{
    struct strbuf b;

    strbuf_init(&b, ANSWER_MAX);
    answer_write(&b, cat, ans);
    return strbuf_finish(&b, len);
}
