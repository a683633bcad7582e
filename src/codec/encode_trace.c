/*
 * encode_trace.c - the preview's trace (core/trace.h) as JSON: one object
 * per entry, in the trace's order (the profile's lines, then the walk).
 */
#include "codec.h"
#include "strbuf.h"

/* A trace of a profile of 100,000 lines stays well below this. */
#define TRACE_MAX (256u << 20)

/* "base": the line's base product, and the group's performance when the
 * entry concerns a dated group (R4). */
static void
put_trace_base(struct strbuf *b, const struct enc_catalogue *cat,
               const struct enc_line *line, const struct enc_trace_entry *e)
{
    strbuf_puts(b, ",\"base\":{\"product\":");
    strbuf_put_json(b, cat->products[line->base].code);
    if (e->has_group && e->base_performance >= 0) {
        strbuf_puts(b, ",\"performance\":");
        strbuf_put_json(b, cat->performances[e->base_performance].code);
    }
    strbuf_putc(b, '}');
}

/* One entry: line, type, placement, base, target and product (when it
 * concerns one target), outcome, rule (when stopped), reason, message. */
static void
put_trace_entry(struct strbuf *b, const struct enc_catalogue *cat,
                const struct enc_profile *profile,
                const struct enc_trace_entry *e)
{
    const struct enc_line *line = &profile->lines[e->line];
    const char *rule = trace_reason_rule(e->reason);

    strbuf_puts(b, "{\"line\":");
    strbuf_put_json(b, line->id);
    strbuf_puts(b, ",\"type\":");
    strbuf_put_json(b, line_type_name(line->type));
    put_trace_base(b, cat, line, e);
    if (e->target >= 0) {
        strbuf_puts(b, ",\"target\":");
        strbuf_put_int(b, e->target);
        if (e->product >= 0 && (uint32_t)e->product < cat->n_products) {
            strbuf_puts(b, ",\"product\":");
            strbuf_put_json(b, cat->products[e->product].code);
        }
    }
    strbuf_puts(b, e->reason == TRACE_PROPOSED ? ",\"outcome\":\"proposed\""
                                               : ",\"outcome\":\"stopped\"");
    if (rule != NULL) {
        strbuf_puts(b, ",\"rule\":");
        strbuf_put_json(b, rule);
    }
    strbuf_puts(b, ",\"reason\":");
    strbuf_put_json(b, trace_reason_name(e->reason));
    strbuf_puts(b, ",\"message\":");
    strbuf_put_json(b, trace_reason_message(e->reason));
    strbuf_putc(b, '}');
}

char *
codec_trace_encode(const struct enc_catalogue *cat,
                   const struct enc_trace *trace, size_t *len)
{
    const struct enc_profile *profile = NULL;
    struct strbuf b;

    if (trace->profile >= 0 && (uint32_t)trace->profile < cat->n_profiles)
        profile = &cat->profiles[trace->profile];
    strbuf_init(&b, TRACE_MAX);
    strbuf_putc(&b, '[');
    for (uint32_t i = 0; profile != NULL && i < trace->n; i++) {
        if (i)
            strbuf_putc(&b, ',');
        put_trace_entry(&b, cat, profile, &trace->entries[i]);
    }
    strbuf_putc(&b, ']');
    return strbuf_finish(&b, len);
}
