/*
 * source.c - files of the source tree for the unit tests (source.h).
 */
#include "source.h"

#include <stdio.h>
#include <stdlib.h>

#include "codec/codec.h"

char *
source_read(const char *name, size_t *len)
{
    const char *root = getenv("ENCORE_SOURCE_DIR");
    char path[1024];
    snprintf(path, sizeof(path), "%s/%s", root ? root : ".", name);
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    char *text = NULL;
    long n = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
    if (n >= 0) {
        rewind(f);
        text = malloc((size_t)n + 1);
    }
    if (text != NULL && fread(text, 1, (size_t)n, f) == (size_t)n) {
        text[n] = '\0';
        if (len != NULL)
            *len = (size_t)n;
    } else {
        free(text);
        text = NULL;
    }
    fclose(f);
    return text;
}

struct enc_catalogue *
source_catalogue(const char *name)
{
    size_t len = 0;
    char *text = source_read(name, &len);
    struct enc_catalogue *cat = NULL;
    if (text != NULL &&
        codec_catalogue_decode(text, len, NULL, 0, &cat, NULL) != ENC_OK)
        cat = NULL;
    free(text);
    return cat;
}
