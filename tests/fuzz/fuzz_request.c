/*
 * fuzz_request.c - libFuzzer target: a proposal request (SPEC 5, 8)
 * against the sample season, bytes in, bytes out (codec_propose(), what
 * `encore propose` and the server call).
 *
 * Each input is proposed twice: with the catalogue's own pools, and with
 * live counters where some pools are sold out or nearly (R7). Beside
 * memory safety (ASan, UBSan), it holds:
 *   - SPEC 8: the output is one line of JSON ending in a newline: an
 *     answer with "proposals" on success, else {"error":{...}} whose
 *     code is the one returned;
 *   - SPEC 8: a proposal lists at most 20 performances.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "core/avail.h"
#include "fuzz.h"

static struct enc_catalogue *cat;
static struct enc_avail *avail;

/* "now" for requests that give none: inside the season. */
static struct enc_time clock_now;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    cat = fuzz_load_catalogue("data/sample-season.json");
    avail = avail_new(cat);
    if (avail == NULL)
        fuzz_fail("avail_new: out of memory");
    /* Every third pool sold out, every fifth down to one (R7, R8). */
    for (uint32_t id = 0; id < avail->n_pools; id++) {
        if (id % 3 == 0)
            avail_set(avail, id, 0);
        else if (id % 5 == 0)
            avail_set(avail, id, 1);
    }
    clock_now = fuzz_time("2024-10-01T12:00:00-04:00");
    return 0;
}

/* SPEC 8: an answer's proposals, each with at most 20 performances. */
static void
request_check_answer(const json_t *root)
{
    const json_t *proposals = json_object_get(root, "proposals");
    if (!json_is_array(proposals))
        fuzz_fail("an answer without proposals");
    size_t i;
    const json_t *p;
    json_array_foreach(proposals, i, p)
    {
        const json_t *perfs = json_object_get(p, "performances");
        if (perfs != NULL && json_array_size(perfs) > ENC_MAX_PERFORMANCES)
            fuzz_fail("proposal %zu lists %zu performances", i,
                      json_array_size(perfs));
        if (!json_is_array(json_object_get(p, "offers")))
            fuzz_fail("proposal %zu without offers", i);
    }
}

/* SPEC 8: an error object whose code is the one returned. */
static void
request_check_error(const json_t *root, enum enc_code code)
{
    const json_t *e = json_object_get(root, "error");
    const char *name = json_string_value(json_object_get(e, "code"));
    if (name == NULL || strcmp(name, enc_code_name(code)) != 0)
        fuzz_fail("error object without code %s", enc_code_name(code));
    if (json_string_length(json_object_get(e, "message")) == 0)
        fuzz_fail("error object without a message");
    if (code == ENC_INTERNAL)
        fuzz_fail("internal error");
}

/* The output of one proposal: one line of JSON, as SPEC 8 says. */
static void
request_check_output(enum enc_code code, const char *out, size_t len)
{
    if (out == NULL)
        fuzz_fail("no output (code %s)", enc_code_name(code));
    if (len == 0 || out[len - 1] != '\n' || memchr(out, '\n', len - 1))
        fuzz_fail("output is not one line: %.*s", (int)len, out);
    json_error_t jerr;
    json_t *root = json_loadb(out, len - 1, JSON_REJECT_DUPLICATES, &jerr);
    if (!json_is_object(root))
        fuzz_fail("output is not a JSON object (%s): %.*s", jerr.text, (int)len,
                  out);
    if (code == ENC_OK)
        request_check_answer(root);
    else
        request_check_error(root, code);
    json_decref(root);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *body = (const char *)data;
    char *out = NULL;
    size_t len = 0;
    enum enc_code code = codec_propose(cat, body, size, clock_now, &out, &len);
    request_check_output(code, out, len);
    free(out);

    out = NULL;
    code = codec_propose_avail(cat, avail, body, size, clock_now, &out, &len);
    request_check_output(code, out, len);
    free(out);
    return 0;
}
