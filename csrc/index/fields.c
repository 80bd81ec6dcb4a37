#include "index/fields.h"

#include <string.h>

static int named(const char *name, size_t len, const char *literal)
{
    return strlen(literal) == len && memcmp(name, literal, len) == 0;
}

lede_field_type lede_field_type_of(const char *name, size_t len)
{
    if (named(name, len, "id"))
        return LEDE_FIELD_ID;
    if (named(name, len, "title") || named(name, len, "text"))
        return LEDE_FIELD_TEXT;
    if (named(name, len, "date"))
        return LEDE_FIELD_DATE;
    if (named(name, len, "url") || named(name, len, "authors"))
        return LEDE_FIELD_STORED;
    return LEDE_FIELD_KEYWORD;
}

int lede_field_name_valid(const char *name, size_t len)
{
    if (len == 0 || len > 64)
        return 0;
    for (size_t i = 0; i < len; i++) {
        char c = name[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return 0;
    }
    return 1;
}
