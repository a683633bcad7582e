/*
 * utf8.h - keeping messages valid UTF-8 (SPEC 8: answers are UTF-8 JSON).
 *
 * An error message may quote what a client sent (jansson's "near '...'"
 * holds the raw bytes of malformed text), and a message or a field path
 * cut at its buffer's size may end inside a multi-byte character. Both
 * are repaired where the message is made, so no writer has to trust it.
 */
#ifndef ENCORE_CORE_UTF8_H
#define ENCORE_CORE_UTF8_H

#include <stddef.h>

/* The length of the valid UTF-8 sequence at s (1 to 4 bytes, n bytes
 * available), or 0 when s does not begin one: a stray continuation byte,
 * an overlong form, a surrogate, past U+10FFFF, or cut short. */
size_t utf8_sequence(const unsigned char *s, size_t n);

/* Makes the NUL-terminated s valid UTF-8 in place: an incomplete
 * sequence at its very end (a cut) is dropped, and every other byte that
 * does not begin a valid sequence becomes '?'. */
void utf8_repair(char *s);

#endif
