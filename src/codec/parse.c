/*
 * parse.c - text to a jansson tree, within the caps of STYLE 12.
 */
#include "parse.h"

#include <stdbool.h>

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
