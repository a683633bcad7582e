/*
 * utf8.c - repairing messages into valid UTF-8 (utf8.h).
 */
#include "utf8.h"

#include <stdbool.h>
#include <string.h>

/* True when c is a byte within [lo, hi]. */
static bool
byte_in(unsigned char c, unsigned char lo, unsigned char hi)
{
    return c >= lo && c <= hi;
}

size_t
utf8_sequence(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    if (byte_in(c, 0xc2, 0xdf))
        return n >= 2 && byte_in(s[1], 0x80, 0xbf) ? 2 : 0;
    if (byte_in(c, 0xe0, 0xef)) {
        /* E0 is overlong below A0; ED A0 and up are surrogates. */
        unsigned char lo = c == 0xe0 ? 0xa0 : 0x80;
        unsigned char hi = c == 0xed ? 0x9f : 0xbf;
        return n >= 3 && byte_in(s[1], lo, hi) && byte_in(s[2], 0x80, 0xbf) ? 3
                                                                            : 0;
    }
    if (byte_in(c, 0xf0, 0xf4)) {
        /* F0 is overlong below 90; F4 90 and up is past U+10FFFF. */
        unsigned char lo = c == 0xf0 ? 0x90 : 0x80;
        unsigned char hi = c == 0xf4 ? 0x8f : 0xbf;
        return n >= 4 && byte_in(s[1], lo, hi) && byte_in(s[2], 0x80, 0xbf) &&
                       byte_in(s[3], 0x80, 0xbf)
                   ? 4
                   : 0;
    }
    return 0;
}

/* The length of a lead byte's whole sequence, 0 for a byte that leads
 * none. */
static size_t
utf8_lead_length(unsigned char c)
{
    if (byte_in(c, 0xc2, 0xdf))
        return 2;
    if (byte_in(c, 0xe0, 0xef))
        return 3;
    if (byte_in(c, 0xf0, 0xf4))
        return 4;
    return 0;
}

/* Drops a sequence that the end of s cut short: a lead byte followed by
 * continuation bytes only, fewer than it needs. */
static void
utf8_drop_cut(char *s, size_t *n)
{
    size_t i = *n;
    while (i > 0 && *n - i < 3 && byte_in((unsigned char)s[i - 1], 0x80, 0xbf))
        i--;
    if (i == 0)
        return;
    size_t need = utf8_lead_length((unsigned char)s[i - 1]);
    if (need > *n - (i - 1) &&
        utf8_sequence((unsigned char *)s + i - 1, *n - (i - 1)) == 0) {
        *n = i - 1;
        s[*n] = '\0';
    }
}

void
utf8_repair(char *s)
{
    size_t n = strlen(s);
    utf8_drop_cut(s, &n);
    for (size_t i = 0; i < n;) {
        size_t k = utf8_sequence((unsigned char *)s + i, n - i);
        if (k == 0) {
            s[i] = '?';
            k = 1;
        }
        i += k;
    }
}
