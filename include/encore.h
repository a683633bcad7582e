/*
 * encore.h - Encore, the cross-selling engine, embedded in a shop or a
 * kiosk: a catalogue in, proposals out, without a database or a server.
 *
 * The JSON is the same as the server's: the catalogue is an
 * encore-catalogue/1 document, a request and its answer are those of
 * POST /api/v1/proposals, errors are {"error": {"code", "message",
 * "field"}}. An engine is immutable once loaded: any number of threads may
 * call encore_propose() on it at once. To change the catalogue, load a new
 * engine and free the old one once no call uses it.
 */
#ifndef ENCORE_H
#define ENCORE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The version of the engine; CMakeLists.txt's project() says the same. */
#define ENCORE_VERSION "0.1.0"

/* A loaded catalogue and its profiles, ready to answer. */
typedef struct encore_engine encore_engine;

/*
 * Loads an encore-catalogue/1 document of len bytes into a new engine in
 * *out. The document is checked as an import is: every field, every code,
 * and every active profile (refused when one has an error as of now).
 * Returns 200 on success, else the HTTP-like status of the error (400,
 * 413, 422, 500); *out is then NULL and, when error_json is not NULL,
 * *error_json gets the error object (free it with encore_free()).
 */
int encore_engine_load(const char *doc, size_t len, encore_engine **out,
                       char **error_json);

/* Frees an engine; NULL is allowed. */
void encore_engine_free(encore_engine *engine);

/*
 * Answers one proposal request of len bytes. *answer gets the compact
 * answer JSON followed by one newline (or, on error, the error object
 * likewise), *answer_len its length; free it with encore_free(). When the
 * request gives no "now", the system clock is used. Returns the HTTP-like
 * status: 200, 400 (invalid_json, invalid_field), 404 (engine NULL), 413
 * (too_large), 422 (unknown_code) or 500 (out of memory: *answer may
 * then be NULL).
 */
int encore_propose(const encore_engine *engine, const char *request, size_t len,
                   char **answer, size_t *answer_len);

/* Frees what the functions above returned. NULL is allowed. */
void encore_free(void *p);

/* ENCORE_VERSION, as the library was built. */
const char *encore_version(void);

#ifdef __cplusplus
}
#endif

#endif
