/*
 * parse.c - text to a jansson tree, within the caps of STYLE 12.
 */
#include "parse.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "codec.h"

/* Where the scan stopped: a byte offset, and its line and column from 1. */
struct scan_pos {
    size_t offset;
    unsigned line;
    unsigned column;
};

/* What the scan before jansson found wrong. */
enum scan_fault {
    SCAN_OK,
    SCAN_TOO_DEEP, /* nesting past CODEC_MAX_DEPTH */
    SCAN_NUL,      /* a NUL byte */
};

/*
 * Scans the text outside strings for '[' and '{' and stops at the first
 * one past CODEC_MAX_DEPTH (SCAN_TOO_DEEP), *at telling where. Else it
 * notes where the first NUL byte outside a string is (SCAN_NUL): jansson
 * drops a NUL that follows a number or a literal ("[1\0]" passes), and
 * SPEC 5 refuses malformed JSON. A backslash inside a string hides the
 * next byte, so "\"" does not end it. Other malformed text (a NUL in a
 * string among it) is left for jansson to report.
 */
static enum scan_fault
parse_scan(const char *text, size_t len, struct scan_pos *at)
{
    enum scan_fault fault = SCAN_OK;
    unsigned depth = 0, line = 1, column = 0;
    bool in_string = false, escaped = false;

    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        column++;
        if (c == '\0' && !in_string && fault == SCAN_OK) {
            *at = (struct scan_pos){i, line, column};
            fault = SCAN_NUL;
        }
        if (c == '\n') {
            line++;
            column = 0;
        }
        if (in_string) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > CODEC_MAX_DEPTH) {
                *at = (struct scan_pos){i, line, column};
                return SCAN_TOO_DEEP;
            }
        } else if ((c == ']' || c == '}') && depth > 0) {
            depth--;
        }
    }
    return fault;
}

/*
 * Appends to path (size bytes, NUL-terminated) the path of the first
 * string of v, in document order, that holds a NUL character: a value
 * ("products[0].name") or a key (the path of its object). True when found.
 */
static bool
nul_find(const json_t *v, char *path, size_t size)
{
    size_t used = strlen(path);

    if (json_is_string(v))
        return strlen(json_string_value(v)) != json_string_length(v);
    if (json_is_array(v)) {
        for (size_t i = 0; i < json_array_size(v); i++) {
            snprintf(path + used, size - used, "[%zu]", i);
            if (nul_find(json_array_get(v, i), path, size))
                return true;
        }
    } else if (json_is_object(v)) {
        const char *key;
        size_t klen;
        json_t *child;
        json_object_keylen_foreach((json_t *)v, key, klen, child)
        {
            if (strlen(key) != klen) {
                path[used] = '\0';
                return true;
            }
            snprintf(path + used, size - used, "%s%s", used ? "." : "", key);
            if (nul_find(child, path, size))
                return true;
        }
    }
    path[used] = '\0';
    return false;
}

/*
 * SPEC 5: a code or text holding a NUL gets an error naming its field.
 * jansson refuses "\u0000" as malformed; when the text parses with NULs
 * allowed, the first string holding one is named instead.
 */
static enum enc_code
parse_nul_field(const char *text, size_t len, struct enc_error *err)
{
    json_t *root =
        json_loadb(text, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, NULL);
    char path[ENC_FIELD_MAX] = "";
    bool found = root != NULL && nul_find(root, path, sizeof(path));

    json_decref(root);
    if (!found)
        return ENC_OK;
    return enc_error_set(err, ENC_INVALID_FIELD, path[0] ? path : NULL,
                         "holds a NUL character");
}

enum enc_code
parse_object(const char *text, size_t len, size_t max_len, const char *what,
             json_t **out, struct enc_error *err)
{
    struct scan_pos at;
    enum scan_fault fault;
    json_error_t jerr;
    json_t *root;

    *out = NULL;
    if (len > max_len)
        return enc_error_set(err, ENC_TOO_LARGE, NULL,
                             "%s is larger than %zu bytes", what, max_len);
    fault = parse_scan(text, len, &at);
    if (fault == SCAN_TOO_DEEP)
        return enc_error_set(
            err, ENC_INVALID_JSON, NULL,
            "invalid JSON at line %u, column %u: nesting deeper than %d "
            "levels",
            at.line, at.column, CODEC_MAX_DEPTH);

    /* jansson refuses \u0000, invalid UTF-8, trailing garbage and
     * integers out of range by itself; duplicates on request. */
    root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        if (json_error_code(&jerr) == json_error_out_of_memory)
            return enc_error_set(err, ENC_INTERNAL, NULL, "out of memory");
        if (parse_nul_field(text, len, err) != ENC_OK)
            return ENC_INVALID_FIELD;
        return enc_error_set(err, ENC_INVALID_JSON, NULL,
                             "invalid JSON at line %d, column %d: %s",
                             jerr.line, jerr.column, jerr.text);
    }
    if (fault == SCAN_NUL) {
        json_decref(root);
        return enc_error_set(err, ENC_INVALID_JSON, NULL,
                             "invalid JSON at line %u, column %u: a NUL byte",
                             at.line, at.column);
    }
    if (!json_is_object(root)) {
        json_decref(root);
        return enc_error_set(err, ENC_INVALID_JSON, NULL,
                             "%s must be a JSON object", what);
    }
    *out = root;
    return ENC_OK;
}
