/*
 * assemble.h - building an encore-catalogue/1 document from stored rows.
 *
 * A backend keeps one row per record, each holding the compact JSON body
 * that codec_record_encode() wrote. Loading glues those bodies back into
 * one document: arrays of bodies, and the children of a record (a
 * product's performances, a performance's capacity, a profile's lines)
 * spliced back as the last key of its object, where the codec always puts
 * them. The buffer grows as needed; any failure (out of memory) is sticky
 * and reported once by doc_failed().
 */
#ifndef ENCORE_STORE_ASSEMBLE_H
#define ENCORE_STORE_ASSEMBLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct doc {
    char *text; /* malloc'ed, NUL-terminated when not failed */
    size_t len;
    size_t cap;
    bool failed;
};

void doc_init(struct doc *d);
void doc_cleanup(struct doc *d);

/* True when an append ran out of memory; the text is then unusable. */
bool doc_failed(const struct doc *d);

void doc_append(struct doc *d, const char *s, size_t n);
void doc_append_str(struct doc *d, const char *s);
void doc_append_int(struct doc *d, int64_t v);

/* Appends s as a JSON string: quoted, with '"', '\\' and control
 * characters escaped; other bytes (UTF-8) are copied as they are. */
void doc_append_json_string(struct doc *d, const char *s);

/*
 * Appends the JSON object body (n bytes, ending with '}') without its
 * closing brace, then ,"key": so the caller can write the child's value
 * and close the object with doc_append_str(d, "}").
 */
void doc_append_open_object(struct doc *d, const char *body, size_t n,
                            const char *key);

/*
 * Hands the text over to the caller (who frees it) and leaves d empty.
 * Returns NULL when an append had failed.
 */
char *doc_take(struct doc *d, size_t *len);

#endif
