/*
 * fuzz_import.c - libFuzzer target: the catalogue import (SPEC 5, 7, 9).
 *
 * Each input is given to codec_catalogue_decode() twice: as a whole
 * document, and as a partial one merged into tests/data/spec-example.json
 * (SPEC 9). Beside memory safety (ASan, UBSan), it holds:
 *   - SPEC 5: a refusal carries a code of SPEC 8 and a message;
 *   - SPEC 7: what decodes exports, and the export decodes back into the
 *     same bytes (import and export round-trip);
 *   - SPEC 6: the checks of every profile run on what decodes.
 */
#include <stdlib.h>
#include <string.h>

#include "core/check.h"
#include "fuzz.h"

/* The stored document partial imports merge into. */
static char *base;
static size_t base_len;

/* An instant inside the test catalogue's season, for the checks. */
static struct enc_time check_now;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    base = fuzz_read_file("tests/data/spec-example.json", &base_len);
    check_now = fuzz_time("2027-05-02T10:00:00+02:00");
    return 0;
}

/* SPEC 5: a refusal names a known code and says why. */
static void
import_check_refusal(enum enc_code code, const struct enc_error *err)
{
    if (code == ENC_INTERNAL)
        fuzz_fail("internal error on input: %s", err->message);
    if (err->code != code || err->message[0] == '\0')
        fuzz_fail("refusal %s without its error (%s, \"%s\")",
                  enc_code_name(code), enc_code_name(err->code), err->message);
}

/* SPEC 7: cat exports, and its export decodes back into the same bytes.
 * SPEC 6: the checks run on it. */
static void
import_check_catalogue(const struct enc_catalogue *cat, const char *what)
{
    size_t len = 0;
    char *text = codec_catalogue_encode(cat, &len);
    if (text == NULL)
        fuzz_fail("%s: no export", what);
    struct enc_catalogue *again = NULL;
    struct enc_error err = {0};
    if (codec_catalogue_decode(text, len, NULL, 0, &again, &err) != ENC_OK)
        fuzz_fail("%s: its export is refused: %s: %s\n%.*s", what, err.field,
                  err.message, (int)(len < 4000 ? len : 4000), text);
    size_t len2 = 0;
    char *text2 = codec_catalogue_encode(again, &len2);
    if (text2 == NULL || len2 != len || memcmp(text, text2, len) != 0)
        fuzz_fail("%s: export, import, export changes the document", what);

    struct enc_findings f;
    findings_init(&f);
    if (!check_all(cat, check_now, &f))
        fuzz_fail("%s: check_all out of memory", what);
    if (f.n_errors > f.n)
        fuzz_fail("%s: more errors than findings", what);
    findings_cleanup(&f);
    free(text2);
    catalogue_free(again);
    free(text);
}

/* Decodes doc, merged into base when merge, and checks the outcome. */
static void
import_one(const char *doc, size_t len, bool merge)
{
    struct enc_catalogue *cat = NULL;
    struct enc_error err = {0};
    enum enc_code code = codec_catalogue_decode(
        doc, len, merge ? base : NULL, merge ? base_len : 0, &cat, &err);
    if (code != ENC_OK) {
        if (cat != NULL)
            fuzz_fail("refused, yet a catalogue came out");
        import_check_refusal(code, &err);
        return;
    }
    if (cat == NULL)
        fuzz_fail("accepted without a catalogue");
    import_check_catalogue(cat, merge ? "merged" : "whole");
    catalogue_free(cat);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    import_one((const char *)data, size, false);
    import_one((const char *)data, size, true);
    return 0;
}
