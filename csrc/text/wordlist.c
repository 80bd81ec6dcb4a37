#include "text/wordlist.h"

#include <string.h>

int lede_wordlist_find(const char *const *list, size_t count, const char *key, size_t len)
{
    char folded[32];
    if (len == 0 || len >= sizeof folded)
        return -1;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)key[i];
        if (c >= 0x80)
            return -1;
        folded[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    folded[len] = '\0';
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int cmp = strcmp(folded, list[mid]);
        if (cmp == 0)
            return (int)mid;
        if (cmp < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return -1;
}
