/*
 * fuzz.c - helpers of the fuzz targets (fuzz.h).
 */
#include "fuzz.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef ENCORE_SOURCE_DIR
#define ENCORE_SOURCE_DIR "."
#endif

void
fuzz_fail(const char *fmt, ...)
{
    va_list ap;
    fputs("fuzz: invariant broken: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    abort();
}

char *
fuzz_read_file(const char *path, size_t *len)
{
    const char *dir = getenv("ENCORE_SOURCE_DIR");
    char full[4096];
    snprintf(full, sizeof(full), "%s/%s", dir ? dir : ENCORE_SOURCE_DIR, path);
    FILE *f = fopen(full, "rb");
    if (f == NULL)
        fuzz_fail("cannot open %s", full);
    char *text = NULL;
    size_t used = 0;
    size_t cap = 0;
    for (;;) {
        if (used + 4096 + 1 > cap) {
            cap = cap ? cap * 2 : 65536;
            text = realloc(text, cap);
            if (text == NULL)
                fuzz_fail("out of memory reading %s", full);
        }
        size_t n = fread(text + used, 1, cap - used - 1, f);
        used += n;
        if (n == 0)
            break;
    }
    fclose(f);
    text[used] = '\0';
    *len = used;
    return text;
}

struct enc_catalogue *
fuzz_load_catalogue(const char *path)
{
    size_t len = 0;
    char *doc = fuzz_read_file(path, &len);
    struct enc_catalogue *cat = NULL;
    struct enc_error err = {0};
    if (codec_catalogue_decode(doc, len, NULL, 0, &cat, &err) != ENC_OK)
        fuzz_fail("%s does not decode: %s: %s", path, err.field, err.message);
    free(doc);
    return cat;
}

struct enc_time
fuzz_time(const char *s)
{
    struct enc_time t;
    if (!time_parse_rfc3339(s, strlen(s), &t))
        fuzz_fail("bad time %s", s);
    return t;
}
