#include "index/document.h"

#include <string.h>

#include "index/codec.h"

lede_status lede_record_decode(const lede_segment *s, uint32_t doc, lede_vec *out)
{
    size_t len;
    const unsigned char *rec = lede_segment_record(s, doc, &len);
    lede_reader r = lede_reader_of(rec, len);
    uint64_t n = lede_get_varint(&r);
    for (uint64_t i = 0; !r.failed && i < n; i++) {
        uint64_t field = lede_get_varint(&r);
        size_t vlen;
        const unsigned char *value = lede_get_bytes(&r, &vlen);
        if (r.failed || field >= s->nfields)
            break;
        lede_field *f = lede_vec_push(out);
        if (!f)
            return LEDE_ERR_NOMEM;
        f->name = s->fields[field].name;
        f->value = (const char *)value;
        f->len = vlen;
    }
    return r.failed ? LEDE_ERR_CORRUPT : LEDE_OK;
}

const lede_field *lede_fields_find(const lede_field *fields, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(fields[i].name, name) == 0)
            return &fields[i];
    return NULL;
}
