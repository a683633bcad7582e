/*
 * admin_doc.c - the writes of the admin API as partial encore-catalogue/1
 * documents (issue 3, SPEC 9 merge), so that every write goes through the
 * one import path: the same decoder, the same checks, one transaction.
 *
 * A body the API receives (a profile, a line) is copied into the document
 * byte for byte, never re-serialised, so the decoder judges exactly what
 * was sent and names its fields; codec_field_relative() then makes those
 * names relative to the body again. The profile's other lines come from
 * the catalogue the server serves (the current snapshot), each written as
 * the store keeps it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codec.h"
#include "jtok.h"
#include "parse.h"
#include "strbuf.h"

#define DOC_HEAD "{\"format\":\"encore-catalogue/1\",\"profiles\":["
#define DOC_MAX CODEC_MAX_DOCUMENT

void
codec_field_relative(struct enc_error *err, const char *prefix)
{
    size_t n = strlen(prefix);
    if (strncmp(err->field, prefix, n) != 0)
        return;
    const char *rest = err->field + n;
    if (*rest == '.')
        rest++;
    else if (*rest != '\0' && *rest != '[')
        return;
    memmove(err->field, rest, strlen(rest) + 1);
}

/* The body of JSON text: its bytes less the white space around them. */
static void
text_trim(const char **s, size_t *len)
{
    while (*len > 0 && strchr(" \t\r\n", (*s)[0]) != NULL) {
        (*s)++;
        (*len)--;
    }
    while (*len > 0 && strchr(" \t\r\n", (*s)[*len - 1]) != NULL)
        (*len)--;
}

/* Appends an object's text without its closing brace, then ,"key": (or
 * "key": when the object is empty). text is a parsed object, trimmed. */
static void
put_open_object(struct strbuf *b, const char *text, size_t len, const char *key)
{
    size_t inner = len - 1;
    strbuf_put(b, text, inner);
    bool empty = true;
    for (size_t i = 1; i < inner && empty; i++)
        empty = strchr(" \t\r\n", text[i]) != NULL;
    if (!empty)
        strbuf_putc(b, ',');
    strbuf_put_json(b, key);
    strbuf_putc(b, ':');
}

/* Appends line l of profile p as the store keeps it. */
static void
put_stored_line(struct strbuf *b, const struct enc_catalogue *cat, uint32_t p,
                uint32_t l)
{
    size_t n = 0;
    char *text = codec_line_encode(cat, p, l, &n);
    if (text == NULL) {
        b->failed = true;
        return;
    }
    strbuf_put(b, text, n);
    free(text);
}

/* Appends "[" every stored line of p "]". */
static void
put_stored_lines(struct strbuf *b, const struct enc_catalogue *cat, uint32_t p)
{
    strbuf_putc(b, '[');
    for (uint32_t l = 0; l < cat->profiles[p].n_lines; l++) {
        if (l > 0)
            strbuf_putc(b, ',');
        put_stored_line(b, cat, p, l);
    }
    strbuf_putc(b, ']');
}

/* Hands the buffer over as a document; ENC_INTERNAL when it failed. */
static enum enc_code
doc_finish(struct strbuf *b, char **doc, size_t *len, struct enc_error *err)
{
    *doc = strbuf_finish(b, len);
    if (*doc == NULL)
        return enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    return ENC_OK;
}

/* Checks the body's "code" against the write: a new code on create
 * (else a conflict), the path's code on replace. */
static enum enc_code
profile_code_check(const struct enc_catalogue *cat, const char *code,
                   json_t *root, struct enc_error *err)
{
    json_t *given = json_object_get(root, "code");
    if (!json_is_string(given))
        return ENC_OK; /* the decoder names what is wrong */
    const char *s = json_string_value(given);
    if (code == NULL && cat != NULL &&
        catalogue_lookup(cat, CODE_PROFILE, s, strlen(s)) >= 0)
        return enc_error_set(err, ENC_CONFLICT, "code",
                             "a profile %s exists already", s);
    if (code != NULL && strcmp(s, code) != 0)
        return enc_error_set(err, ENC_INVALID_FIELD, "code",
                             "the body's code (%s) must be the path's (%s)", s,
                             code);
    return ENC_OK;
}

void
codec_body_string(const char *body, size_t len, const char *key, char *out,
                  size_t size)
{
    json_t *root = json_loadb(body, len, 0, NULL);
    const char *s = json_string_value(json_object_get(root, key));
    snprintf(out, size, "%s", s ? s : "");
    json_decref(root);
}

/* The code of profile element i of profiles (NUL-terminated), or NULL. */
static const char *
profile_code_at(const struct jtok *profiles, size_t i)
{
    return jv_string(jv_object_get(jv_array_get(profiles, i), "code"));
}

bool
codec_document_profile_codes(const char *doc, size_t len, char ***codes,
                             size_t *n)
{
    *codes = NULL;
    *n = 0;
    /* Tokens, not a jansson tree: this runs on every import, and a tree
     * of a 41 MB catalogue cost a second and 300 MB (issue 4). */
    struct arena scratch;
    struct jtok_doc tokens;
    arena_init(&scratch, 0);
    const struct jtok *root =
        jtok_parse(doc, len, &scratch, true, &tokens) ? tokens.toks : NULL;
    const struct jtok *profiles = jv_object_get(root, "profiles");
    bool only =
        jv_is_array(profiles) &&
        jv_object_size(root) == 1u + (jv_object_get(root, "format") != NULL);
    size_t count = only ? jv_array_size(profiles) : 0;
    size_t bytes = (count + 1) * sizeof(char *);
    for (size_t i = 0; only && i < count; i++) {
        const char *code = profile_code_at(profiles, i);
        only = code != NULL;
        bytes += only ? strlen(code) + 1 : 0;
    }
    char **list = only ? malloc(bytes) : NULL;
    if (list != NULL) {
        char *at = (char *)(list + count + 1);
        for (size_t i = 0; i < count; i++) {
            const char *code = profile_code_at(profiles, i);
            size_t k = strlen(code) + 1;
            memcpy(at, code, k);
            list[i] = at;
            at += k;
        }
        list[count] = NULL;
        *codes = list;
        *n = count;
    }
    arena_cleanup(&scratch);
    return list != NULL;
}

char *
codec_deleted_encode(const char *code, size_t *len)
{
    struct strbuf b;
    strbuf_init(&b, CODEC_MAX_BODY);
    strbuf_puts(&b, "{\"deleted\":");
    strbuf_put_json(&b, code);
    strbuf_putc(&b, '}');
    return strbuf_finish(&b, len);
}

enum enc_code
codec_admin_profile_doc(const struct enc_catalogue *cat, const char *code,
                        const char *body, size_t len, char **doc,
                        size_t *doc_len, char *given, size_t given_size,
                        struct enc_error *err)
{
    json_t *root = NULL;
    *doc = NULL;
    given[0] = '\0';
    enum enc_code result =
        parse_object(body, len, CODEC_MAX_BODY, "the profile", &root, err);
    const char *named = json_string_value(json_object_get(root, "code"));
    if (named != NULL)
        snprintf(given, given_size, "%s", named);
    if (result == ENC_OK)
        result = profile_code_check(cat, code, root, err);
    bool keep_lines = code != NULL && json_object_get(root, "lines") == NULL;
    json_decref(root);
    if (result != ENC_OK)
        return result;

    struct strbuf b;
    strbuf_init(&b, DOC_MAX);
    strbuf_puts(&b, DOC_HEAD);
    text_trim(&body, &len);
    int32_t p = code && cat
                    ? catalogue_lookup(cat, CODE_PROFILE, code, strlen(code))
                    : -1;
    if (keep_lines && p >= 0) {
        /* PUT without "lines" keeps the stored ones (docs/API.md). */
        put_open_object(&b, body, len, "lines");
        put_stored_lines(&b, cat, (uint32_t)p);
        strbuf_putc(&b, '}');
    } else {
        strbuf_put(&b, body, len);
    }
    strbuf_puts(&b, "]}");
    return doc_finish(&b, doc, doc_len, err);
}

/* The line ids of a reorder body {"order":[...]}: each id of profile p
 * once. order gets the line indexes in their new order. */
static enum enc_code
reorder_read(const struct enc_catalogue *cat, uint32_t p, const char *body,
             size_t len, uint32_t *order, struct enc_error *err)
{
    const struct enc_profile *prof = &cat->profiles[p];
    json_t *root = NULL;
    enum enc_code result =
        parse_object(body, len, CODEC_MAX_BODY, "the request", &root, err);
    if (result != ENC_OK)
        return result;
    json_t *ids = json_object_get(root, "order");
    const char *key = NULL;
    json_t *v = NULL;
    json_object_foreach(root, key, v)
    {
        if (strcmp(key, "order") != 0) {
            result = enc_error_set(err, ENC_INVALID_FIELD, key,
                                   "unknown field %s", key);
            goto out;
        }
    }
    if (!json_is_array(ids) || json_array_size(ids) != prof->n_lines) {
        result = enc_error_set(err, ENC_INVALID_FIELD, "order",
                               "expected an array of the profile's %u line"
                               " ids, each once",
                               prof->n_lines);
        goto out;
    }
    bool *seen = calloc(prof->n_lines + 1, sizeof(*seen));
    if (seen == NULL) {
        result = enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
        goto out;
    }
    for (uint32_t i = 0; result == ENC_OK && i < prof->n_lines; i++) {
        const char *id = json_string_value(json_array_get(ids, i));
        uint32_t l = 0;
        while (id != NULL && l < prof->n_lines &&
               strcmp(prof->lines[l].id, id) != 0)
            l++;
        char field[32];
        snprintf(field, sizeof(field), "order[%u]", i);
        if (id == NULL || l == prof->n_lines || seen[l])
            result = enc_error_set(err, ENC_INVALID_FIELD, field,
                                   "expected a line id of the profile,"
                                   " each once");
        else
            seen[l] = true;
        order[i] = l;
    }
    free(seen);
out:
    json_decref(root);
    return result;
}

/* The index of line id in profile p, or -1. */
static int32_t
line_find(const struct enc_profile *prof, const char *id)
{
    for (uint32_t l = 0; id != NULL && l < prof->n_lines; l++)
        if (strcmp(prof->lines[l].id, id) == 0)
            return (int32_t)l;
    return -1;
}

/* Checks a line body: JSON, and its id (new on add, the path's on
 * replace). */
static enum enc_code
line_body_check(const struct enc_profile *prof, enum codec_line_op op,
                const char *id, const char *body, size_t len,
                struct enc_error *err)
{
    json_t *root = NULL;
    enum enc_code result =
        parse_object(body, len, CODEC_MAX_BODY, "the line", &root, err);
    if (result != ENC_OK)
        return result;
    const char *given = json_string_value(json_object_get(root, "id"));
    if (given != NULL && op == CODEC_LINE_ADD && line_find(prof, given) >= 0)
        result = enc_error_set(err, ENC_CONFLICT, "id",
                               "profile %s has a line %s already", prof->code,
                               given);
    else if (given != NULL && op == CODEC_LINE_REPLACE &&
             strcmp(given, id) != 0)
        result = enc_error_set(err, ENC_INVALID_FIELD, "id",
                               "the body's id (%s) must be the path's (%s)",
                               given, id);
    json_decref(root);
    return result;
}

/* Where the body goes among the slots of put_profile_lines(). */
#define SLOT_BODY (-1)

/* Appends profile p's record with "lines": for each slot, the stored line
 * of that index, or the body for SLOT_BODY. */
static void
put_profile_lines(struct strbuf *b, const struct enc_catalogue *cat, uint32_t p,
                  const int32_t *slots, uint32_t n_slots, const char *body,
                  size_t len)
{
    size_t rlen = 0;
    char *record = codec_record_encode(cat, CODE_PROFILE, p, &rlen);
    if (record == NULL) {
        b->failed = true;
        return;
    }
    put_open_object(b, record, rlen, "lines");
    free(record);
    strbuf_putc(b, '[');
    for (uint32_t i = 0; i < n_slots; i++) {
        if (i > 0)
            strbuf_putc(b, ',');
        if (slots[i] == SLOT_BODY)
            strbuf_put(b, body, len);
        else
            put_stored_line(b, cat, p, (uint32_t)slots[i]);
    }
    strbuf_puts(b, "]}");
}

/*
 * The lines of the new profile as slots (see put_profile_lines()): the
 * stored ones with the body added at the end (add), in place of line l
 * (replace), without line l (delete), or in order (reorder). *at gets
 * the body's index, -1 when there is none.
 */
static uint32_t
line_slots(enum codec_line_op op, uint32_t n, int32_t l, const uint32_t *order,
           int32_t *slots, int32_t *at)
{
    uint32_t k = 0;
    *at = -1;
    for (uint32_t i = 0; i < n; i++) {
        if (op == CODEC_LINE_REORDER) {
            slots[k++] = (int32_t)order[i];
        } else if ((int32_t)i != l) {
            slots[k++] = (int32_t)i;
        } else if (op == CODEC_LINE_REPLACE) {
            *at = (int32_t)k;
            slots[k++] = SLOT_BODY;
        }
    }
    if (op == CODEC_LINE_ADD) {
        *at = (int32_t)k;
        slots[k++] = SLOT_BODY;
    }
    return k;
}

enum enc_code
codec_admin_line_doc(const struct enc_catalogue *cat, uint32_t p,
                     enum codec_line_op op, const char *id, const char *body,
                     size_t len, char **doc, size_t *doc_len, char *prefix,
                     size_t prefix_size, struct enc_error *err)
{
    const struct enc_profile *prof = &cat->profiles[p];
    uint32_t n = prof->n_lines;
    int32_t l = line_find(prof, id);
    *doc = NULL;
    snprintf(prefix, prefix_size, "profiles[0]");
    if ((op == CODEC_LINE_REPLACE || op == CODEC_LINE_DELETE) && l < 0)
        return enc_error_set(err, ENC_NOT_FOUND, NULL,
                             "profile %s has no line %s", prof->code, id);

    uint32_t *order = calloc(n + 1, sizeof(*order));
    int32_t *slots = calloc(n + 1, sizeof(*slots));
    enum enc_code result = ENC_OK;
    if (order == NULL || slots == NULL)
        result = enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    else if (op == CODEC_LINE_ADD || op == CODEC_LINE_REPLACE)
        result = line_body_check(prof, op, id, body, len, err);
    else if (op == CODEC_LINE_REORDER)
        result = reorder_read(cat, p, body, len, order, err);
    if (result == ENC_OK) {
        int32_t at = -1;
        uint32_t n_slots = line_slots(op, n, l, order, slots, &at);
        if (at >= 0)
            snprintf(prefix, prefix_size, "profiles[0].lines[%d]", (int)at);
        if (body != NULL)
            text_trim(&body, &len);
        struct strbuf b;
        strbuf_init(&b, DOC_MAX);
        strbuf_puts(&b, DOC_HEAD);
        put_profile_lines(&b, cat, p, slots, n_slots, body, len);
        strbuf_puts(&b, "]}");
        result = doc_finish(&b, doc, doc_len, err);
    }
    free(slots);
    free(order);
    return result;
}

/* A profile's record with status and channels set, and its lines. */
static void
put_profile_as(struct strbuf *b, const struct enc_catalogue *cat, uint32_t p,
               bool active, json_t *channels)
{
    size_t rlen = 0;
    char *record = codec_record_encode(cat, CODE_PROFILE, p, &rlen);
    json_t *root = record ? json_loadb(record, rlen, 0, NULL) : NULL;
    free(record);
    char *text = NULL;
    if (root != NULL) {
        json_object_set_new(root, "status",
                            json_string(active ? "active" : "draft"));
        if (channels != NULL)
            json_object_set(root, "channels", channels);
        text = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER);
        json_decref(root);
    }
    if (text == NULL) {
        b->failed = true;
        return;
    }
    put_open_object(b, text, strlen(text), "lines");
    free(text);
    put_stored_lines(b, cat, p);
    strbuf_putc(b, '}');
}

/* True when profile q names channel c. */
static bool
profile_names(const struct enc_profile *q, int32_t c)
{
    for (uint32_t i = 0; i < q->n_channels; i++)
        if (q->channels[i] == c)
            return true;
    return false;
}

/*
 * SPEC 3: another active profile q loses the channels that p takes over
 * (a profile left without any goes back to draft, its list kept); each is
 * added to the took-over list. Appends q's new record after a comma.
 */
static void
put_taken_over(struct strbuf *b, struct strbuf *took,
               const struct enc_catalogue *cat, uint32_t p, uint32_t q)
{
    const struct enc_profile *prof = &cat->profiles[p];
    const struct enc_profile *other = &cat->profiles[q];
    json_t *kept = json_array();
    for (uint32_t i = 0; kept != NULL && i < other->n_channels; i++) {
        int32_t c = other->channels[i];
        if (!profile_names(prof, c)) {
            json_array_append_new(kept, json_string(cat->channels[c].code));
            continue;
        }
        strbuf_puts(took, took->len > 1 ? ",{\"channel\":" : "{\"channel\":");
        strbuf_put_json(took, cat->channels[c].code);
        strbuf_puts(took, ",\"from\":");
        strbuf_put_json(took, other->code);
        strbuf_putc(took, '}');
    }
    if (kept == NULL) {
        b->failed = true;
        return;
    }
    /* A profile names one channel at least (SPEC 7): one left with none
     * keeps its list and goes back to draft. */
    bool active = json_array_size(kept) > 0;
    strbuf_putc(b, ',');
    put_profile_as(b, cat, q, active, active ? kept : NULL);
    json_decref(kept);
}

/* True when profile q is another active profile sharing a channel with
 * profile p. */
static bool
profile_overlaps(const struct enc_catalogue *cat, uint32_t p, uint32_t q)
{
    const struct enc_profile *other = &cat->profiles[q];
    if (q == p || other->status != PROFILE_ACTIVE)
        return false;
    for (uint32_t i = 0; i < other->n_channels; i++)
        if (profile_names(&cat->profiles[p], other->channels[i]))
            return true;
    return false;
}

enum enc_code
codec_admin_status_doc(const struct enc_catalogue *cat, uint32_t p,
                       bool activate, char **doc, size_t *doc_len,
                       char **took_over, size_t *took_len,
                       struct enc_error *err)
{
    struct strbuf b;
    struct strbuf took;
    *doc = NULL;
    *took_over = NULL;
    strbuf_init(&b, DOC_MAX);
    strbuf_init(&took, DOC_MAX);
    strbuf_puts(&b, DOC_HEAD);
    strbuf_putc(&took, '[');
    put_profile_as(&b, cat, p, activate, NULL);
    for (uint32_t q = 0; activate && q < cat->n_profiles; q++)
        if (profile_overlaps(cat, p, q))
            put_taken_over(&b, &took, cat, p, q);
    strbuf_puts(&b, "]}");
    strbuf_putc(&took, ']');
    *took_over = strbuf_finish(&took, took_len);
    enum enc_code result = doc_finish(&b, doc, doc_len, err);
    if (result == ENC_OK && *took_over == NULL)
        result = enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
    if (result != ENC_OK) {
        free(*doc);
        free(*took_over);
        *doc = *took_over = NULL;
    }
    return result;
}
