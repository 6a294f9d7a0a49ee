/* UTF-8 helpers shared by the text core (the validation API itself is in
 * crosscheck.h). */
#ifndef XC_UTF8_H
#define XC_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decode the code point at text[i] (valid UTF-8 assumed, but never reads
 * past `len`); stores its byte length in *size. Invalid bytes decode as
 * U+FFFD of size 1. */
int32_t xc_utf8_decode(const char *text, size_t len, size_t i, size_t *size);
/* Encode `cp` into out (4 bytes room); returns the byte count. */
size_t xc_utf8_encode(int32_t cp, char *out);
/* 1-based line number of byte `offset`. */
long xc_line_of(const char *text, size_t len, size_t offset);

#endif
