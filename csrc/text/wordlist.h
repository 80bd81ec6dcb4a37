/* wordlist — membership in a sorted, lower-case, ASCII word list, ignoring the key's case. */
#ifndef LEDE_TEXT_WORDLIST_H
#define LEDE_TEXT_WORDLIST_H

#include <stddef.h>

/* Index of `key` (compared ASCII-case-insensitively) in `list`, or -1. Keys longer than 31 bytes
 * or with bytes outside ASCII are never found. */
int lede_wordlist_find(const char *const *list, size_t count, const char *key, size_t len);

#endif
