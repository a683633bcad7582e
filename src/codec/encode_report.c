/*
 * encode_report.c - errors (SPEC 8) and the findings of SPEC 6 as JSON.
 */
#include "answer_write.h"
#include "codec.h"
#include "strbuf.h"

/* An error or a findings list stays well below this. */
#define REPORT_MAX (64u << 20)

void
error_write(struct strbuf *b, const struct enc_error *err)
{
    strbuf_puts(b, "{\"error\":{\"code\":");
    strbuf_put_json(b, enc_code_name(err->code));
    strbuf_puts(b, ",\"message\":");
    strbuf_put_json(b, err->message);
    if (err->field[0]) {
        strbuf_puts(b, ",\"field\":");
        strbuf_put_json(b, err->field);
    }
    strbuf_puts(b, "}}");
}

char *
codec_error_encode(const struct enc_error *err, size_t *len)
{
    struct strbuf b;

    strbuf_init(&b, REPORT_MAX);
    error_write(&b, err);
    return strbuf_finish(&b, len);
}

/* {"profile":...,"line":...,"severity":...,"message":...}; "line" left
 * out for a finding on the profile itself. */
static void
put_finding(struct strbuf *b, const struct enc_catalogue *cat,
            const struct enc_finding *f)
{
    const struct enc_profile *p = &cat->profiles[f->profile];

    strbuf_puts(b, "{\"profile\":");
    strbuf_put_json(b, p->code);
    if (f->line >= 0) {
        strbuf_puts(b, ",\"line\":");
        strbuf_put_json(b, p->lines[f->line].id);
    }
    strbuf_puts(b, ",\"severity\":");
    strbuf_put_json(b, f->severity == SEVERITY_ERROR ? "error" : "warning");
    strbuf_puts(b, ",\"message\":");
    strbuf_put_json(b, f->message);
    strbuf_putc(b, '}');
}

/* {"errors":N,"warnings":N,"findings":[...]} in the order of check_all(). */
char *
codec_findings_encode(const struct enc_catalogue *cat,
                      const struct enc_findings *f, size_t *len)
{
    struct strbuf b;

    strbuf_init(&b, REPORT_MAX);
    strbuf_puts(&b, "{\"errors\":");
    strbuf_put_int(&b, f->n_errors);
    strbuf_puts(&b, ",\"warnings\":");
    strbuf_put_int(&b, (int64_t)f->n - f->n_errors);
    strbuf_puts(&b, ",\"findings\":[");
    for (uint32_t i = 0; i < f->n; i++) {
        if (i)
            strbuf_putc(&b, ',');
        put_finding(&b, cat, &f->items[i]);
    }
    strbuf_puts(&b, "]}");
    return strbuf_finish(&b, len);
}
