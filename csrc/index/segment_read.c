/*
 * Reading a segment: map the file, check the magic, the footer and the CRC-32 of the whole file,
 * then check that every section and every dictionary entry lies inside the file. After that the
 * accessors in segment.h can trust offsets; only the postings bytes are decoded with bounds
 * checks as they are read.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "index/codec.h"
#include "index/file.h"
#include "index/section.h"
#include "index/segment.h"

static lede_status corrupt(char *error, size_t errlen, const char *name, const char *why)
{
    if (errlen)
        snprintf(error, errlen, "index file %s is corrupt: %s", name, why);
    return LEDE_ERR_CORRUPT;
}

void lede_segment_release(lede_segment *s)
{
    if (!s || --s->refs > 0)
        return;
    if (s->map)
        munmap(s->map, s->size);
    for (size_t i = 0; i < s->nfields; i++)
        free(s->fields[i].name);
    free(s->fields);
    free(s->name);
    free(s);
}

static lede_status map_file(const char *path, lede_segment *s, char *error, size_t errlen)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        lede_io_error(error, errlen, "cannot open", path);
        if (fd >= 0)
            close(fd);
        return LEDE_ERR_IO;
    }
    s->size = (size_t)st.st_size;
    if (s->size > 0) {
        void *m = mmap(NULL, s->size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (m == MAP_FAILED) {
            lede_io_error(error, errlen, "cannot map", path);
            close(fd);
            return LEDE_ERR_IO;
        }
        s->map = m;
    }
    close(fd);
    return LEDE_OK;
}

/* The footer: section table, its offset, the CRC and the tail magic. */
static lede_status read_footer(lede_segment *s, const lede_section **table, uint32_t *count,
                               char *error, size_t errlen)
{
    size_t tail = sizeof LEDE_SEGMENT_TAIL - 1, head = sizeof LEDE_SEGMENT_MAGIC - 1 + 4;
    if (s->size < head + 16 + tail || memcmp(s->map, LEDE_SEGMENT_MAGIC, head - 4) != 0 ||
        memcmp(s->map + s->size - tail, LEDE_SEGMENT_TAIL, tail) != 0)
        return corrupt(error, errlen, s->name, "not a complete lede segment (truncated?)");
    uint32_t version = lede_load_u32(s->map + head - 4);
    if (version != LEDE_SEGMENT_VERSION) {
        if (errlen)
            snprintf(error, errlen, "index file %s has format version %u; this lede reads %u",
                     s->name, version, LEDE_SEGMENT_VERSION);
        return LEDE_ERR_CORRUPT;
    }
    size_t crc_at = s->size - tail - 4;
    if (lede_crc32(0, s->map, crc_at) != lede_load_u32(s->map + crc_at))
        return corrupt(error, errlen, s->name, "checksum mismatch");
    uint64_t start = lede_load_u64(s->map + crc_at - 8);
    if (start < head || start > crc_at - 8 - 4)
        return corrupt(error, errlen, s->name, "bad section table");
    *count = lede_load_u32(s->map + start);
    if ((uint64_t)*count * 24 != crc_at - 8 - start - 4)
        return corrupt(error, errlen, s->name, "bad section table");
    /* The table is decoded into a copy: the map is not aligned for lede_section. */
    lede_section *t = malloc((*count ? *count : 1) * sizeof *t);
    if (!t)
        return LEDE_ERR_NOMEM;
    for (uint32_t i = 0; i < *count; i++) {
        const unsigned char *e = s->map + start + 4 + (size_t)i * 24;
        t[i].kind = lede_load_u32(e);
        t[i].field = lede_load_u32(e + 4);
        t[i].offset = lede_load_u64(e + 8);
        t[i].length = lede_load_u64(e + 16);
        if (t[i].offset < head || t[i].offset > start || t[i].length > start - t[i].offset) {
            free(t);
            return corrupt(error, errlen, s->name, "section outside the file");
        }
    }
    *table = t;
    return LEDE_OK;
}

static lede_status read_fields(lede_segment *s, const lede_section *sec, char *error, size_t errlen)
{
    lede_reader r = lede_reader_of(s->map + sec->offset, sec->length);
    uint64_t ndocs = lede_get_varint(&r), nfields = lede_get_varint(&r);
    if (r.failed || ndocs >= UINT32_MAX || nfields > 4096)
        return corrupt(error, errlen, s->name, "bad field table");
    s->ndocs = (uint32_t)ndocs;
    s->fields = calloc(nfields ? nfields : 1, sizeof *s->fields);
    if (!s->fields)
        return LEDE_ERR_NOMEM;
    s->nfields = (size_t)nfields;
    for (size_t i = 0; i < s->nfields; i++) {
        lede_seg_field *f = &s->fields[i];
        size_t len;
        const unsigned char *name = lede_get_bytes(&r, &len);
        uint64_t type = lede_get_varint(&r);
        f->total_len = lede_get_varint(&r);
        if (r.failed || type < LEDE_FIELD_ID || type > LEDE_FIELD_STORED)
            return corrupt(error, errlen, s->name, "bad field table");
        if (!(f->name = malloc(len + 1)))
            return LEDE_ERR_NOMEM;
        memcpy(f->name, name, len);
        f->name[len] = '\0';
        f->name_len = len;
        f->type = (lede_field_type)type;
    }
    return LEDE_OK;
}

/* Checks a u64 offset table of n+1 ascending entries ending within `limit`. */
static int offsets_valid(const unsigned char *table, size_t n, uint64_t limit)
{
    uint64_t previous = 0;
    for (size_t i = 0; i <= n; i++) {
        uint64_t v = lede_load_u64(table + i * 8);
        if (v < previous || v > limit)
            return 0;
        previous = v;
    }
    return 1;
}

static lede_status read_ids(lede_segment *s, const unsigned char *p, uint64_t len, char *error,
                            size_t errlen)
{
    if (len < 4)
        return corrupt(error, errlen, s->name, "bad id table");
    s->nids = lede_load_u32(p);
    uint64_t fixed = 4 + ((uint64_t)s->nids + 1) * 8 + (uint64_t)s->nids * 4;
    if (s->nids > s->ndocs || fixed > len)
        return corrupt(error, errlen, s->name, "bad id table");
    s->id_offsets = p + 4;
    s->id_docs = s->id_offsets + ((size_t)s->nids + 1) * 8;
    s->id_bytes = s->id_docs + (size_t)s->nids * 4;
    s->id_bytes_len = (size_t)(len - fixed);
    if (!offsets_valid(s->id_offsets, s->nids, s->id_bytes_len))
        return corrupt(error, errlen, s->name, "bad id table");
    for (uint32_t i = 0; i < s->nids; i++)
        if (lede_load_u32(s->id_docs + (size_t)i * 4) >= s->ndocs)
            return corrupt(error, errlen, s->name, "bad id table");
    return LEDE_OK;
}

/* Every dictionary entry must point inside the term bytes, the postings and the skips. */
static lede_status check_dictionary(lede_segment *s, const lede_seg_field *f, char *error,
                                    size_t errlen)
{
    for (uint32_t i = 0; i < f->nterms; i++) {
        const unsigned char *e = f->dict + (size_t)i * LEDE_DICT_ENTRY_SIZE;
        uint64_t term_off = lede_load_u32(e), term_len = lede_load_u32(e + 4);
        uint64_t nskips = lede_load_u32(e + 20), post_off = lede_load_u64(e + 24);
        uint64_t post_len = lede_load_u32(e + 32), skip_at = lede_load_u32(e + 36);
        /* Compared so that no sum can overflow, whatever the entry says. */
        if (term_off > f->term_bytes_len || term_len > f->term_bytes_len - term_off ||
            post_off > f->postings_len || post_len > f->postings_len - post_off ||
            skip_at > f->nskips || nskips > f->nskips - skip_at || lede_load_u32(e + 8) == 0)
            return corrupt(error, errlen, s->name, "bad dictionary entry");
    }
    return LEDE_OK;
}

static lede_status read_field_section(lede_segment *s, const lede_section *sec, char *error,
                                      size_t errlen)
{
    if (sec->field >= s->nfields)
        return corrupt(error, errlen, s->name, "section of an unknown field");
    lede_seg_field *f = &s->fields[sec->field];
    const unsigned char *p = s->map + sec->offset;
    uint64_t len = sec->length;
    switch (sec->kind) {
    case LEDE_SECTION_DICT:
        if (len < 4)
            return corrupt(error, errlen, s->name, "bad dictionary");
        f->nterms = lede_load_u32(p);
        if ((uint64_t)f->nterms * LEDE_DICT_ENTRY_SIZE > len - 4)
            return corrupt(error, errlen, s->name, "bad dictionary");
        f->dict = p + 4;
        f->term_bytes = f->dict + (size_t)f->nterms * LEDE_DICT_ENTRY_SIZE;
        f->term_bytes_len = (size_t)(len - 4 - (uint64_t)f->nterms * LEDE_DICT_ENTRY_SIZE);
        return LEDE_OK;
    case LEDE_SECTION_POSTINGS:
        f->postings = p;
        f->postings_len = (size_t)len;
        return LEDE_OK;
    case LEDE_SECTION_SKIPS:
        if (len % 8)
            return corrupt(error, errlen, s->name, "bad skip table");
        f->skips = p;
        f->nskips = (size_t)(len / 8);
        return LEDE_OK;
    case LEDE_SECTION_LENGTHS:
        if (len != (uint64_t)s->ndocs * 4)
            return corrupt(error, errlen, s->name, "bad length table");
        f->lengths = p;
        return LEDE_OK;
    case LEDE_SECTION_DOCVALUES: {
        uint64_t head = ((uint64_t)s->ndocs + 1) * 4;
        if (len < head || (len - head) % 4)
            return corrupt(error, errlen, s->name, "bad keyword values");
        f->dv_offsets = p;
        f->dv_ords = p + head;
        f->ndv = (size_t)((len - head) / 4);
        uint32_t previous = 0;
        for (uint32_t d = 0; d <= s->ndocs; d++) {
            uint32_t v = lede_load_u32(p + (size_t)d * 4);
            if (v < previous || v > f->ndv)
                return corrupt(error, errlen, s->name, "bad keyword values");
            previous = v;
        }
        return LEDE_OK;
    }
    case LEDE_SECTION_DISPLAY: {
        uint64_t head = ((uint64_t)f->nterms + 1) * 4;
        if (!f->dict || len < head)
            return corrupt(error, errlen, s->name, "bad keyword display");
        uint32_t previous = 0;
        for (uint32_t t = 0; t <= f->nterms; t++) {
            uint32_t v = lede_load_u32(p + (size_t)t * 4);
            if (v < previous || v > len - head)
                return corrupt(error, errlen, s->name, "bad keyword display");
            previous = v;
        }
        f->display_offsets = p;
        f->display_bytes = p + head;
        return LEDE_OK;
    }
    default:
        return LEDE_OK; /* a section a newer writer added: ignored */
    }
}

static lede_status read_sections(lede_segment *s, const lede_section *t, uint32_t count,
                                 char *error, size_t errlen)
{
    const lede_section *fields = NULL;
    for (uint32_t i = 0; i < count; i++)
        if (t[i].kind == LEDE_SECTION_FIELDS)
            fields = &t[i];
    if (!fields)
        return corrupt(error, errlen, s->name, "no field table");
    lede_status st = read_fields(s, fields, error, errlen);
    int have_offsets = 0, have_stored = 0, have_dates = 0, have_ids = 0;
    for (uint32_t i = 0; st == LEDE_OK && i < count; i++) {
        const unsigned char *p = s->map + t[i].offset;
        switch (t[i].kind) {
        case LEDE_SECTION_FIELDS:
            break;
        case LEDE_SECTION_STORED_OFFSETS:
            if (t[i].length != ((uint64_t)s->ndocs + 1) * 8)
                return corrupt(error, errlen, s->name, "bad stored offsets");
            s->stored_offsets = p;
            have_offsets = 1;
            break;
        case LEDE_SECTION_STORED:
            s->stored = p;
            s->stored_len = (size_t)t[i].length;
            have_stored = 1;
            break;
        case LEDE_SECTION_DATES:
            if (t[i].length != (uint64_t)s->ndocs * 8)
                return corrupt(error, errlen, s->name, "bad dates");
            s->dates = p;
            have_dates = 1;
            break;
        case LEDE_SECTION_IDS:
            st = read_ids(s, p, t[i].length, error, errlen);
            have_ids = 1;
            break;
        default:
            if (t[i].field != LEDE_NO_FIELD)
                st = read_field_section(s, &t[i], error, errlen);
        }
    }
    if (st != LEDE_OK)
        return st;
    if (!have_offsets || !have_stored || !have_dates || !have_ids ||
        !offsets_valid(s->stored_offsets, s->ndocs, s->stored_len))
        return corrupt(error, errlen, s->name, "missing or bad document sections");
    for (size_t i = 0; i < s->nfields && st == LEDE_OK; i++) {
        const lede_seg_field *f = &s->fields[i];
        if (f->dict && (!f->postings || !f->skips))
            return corrupt(error, errlen, s->name, "dictionary without postings");
        st = check_dictionary(s, f, error, errlen);
    }
    return st;
}

lede_status lede_segment_open(const char *dir, const char *name, lede_segment **out, char *error,
                              size_t errlen)
{
    *out = NULL;
    lede_segment *s = calloc(1, sizeof *s);
    char *path = lede_path_join(dir, name);
    if (!s || !path || !(s->name = strdup(name))) {
        free(path);
        free(s);
        return LEDE_ERR_NOMEM;
    }
    s->refs = 1;
    lede_status st = map_file(path, s, error, errlen);
    free(path);
    const lede_section *table = NULL;
    uint32_t count = 0;
    if (st == LEDE_OK)
        st = read_footer(s, &table, &count, error, errlen);
    if (st == LEDE_OK)
        st = read_sections(s, table, count, error, errlen);
    free((void *)table);
    if (st != LEDE_OK) {
        lede_segment_release(s);
        return st;
    }
    *out = s;
    return LEDE_OK;
}

const lede_seg_field *lede_segment_field(const lede_segment *s, const char *name, size_t len)
{
    for (size_t i = 0; i < s->nfields; i++)
        if (s->fields[i].name_len == len && memcmp(s->fields[i].name, name, len) == 0)
            return &s->fields[i];
    return NULL;
}

static int compare_key(const unsigned char *a, size_t alen, const char *b, size_t blen)
{
    size_t n = alen < blen ? alen : blen;
    int cmp = n ? memcmp(a, b, n) : 0;
    if (cmp)
        return cmp;
    return alen < blen ? -1 : alen > blen;
}

const char *lede_segment_term_at(const lede_seg_field *f, uint32_t i, size_t *len,
                                 lede_term_info *info)
{
    const unsigned char *e = f->dict + (size_t)i * LEDE_DICT_ENTRY_SIZE;
    *len = lede_load_u32(e + 4);
    if (info) {
        info->df = lede_load_u32(e + 8);
        info->max_tf = lede_load_u32(e + 12);
        info->min_len = lede_load_u32(e + 16);
        info->nskips = lede_load_u32(e + 20);
        info->postings = f->postings + lede_load_u64(e + 24);
        info->postings_end = info->postings + lede_load_u32(e + 32);
        info->skips = f->skips + (size_t)lede_load_u32(e + 36) * 8;
    }
    return (const char *)f->term_bytes + lede_load_u32(e);
}

const char *lede_segment_display(const lede_seg_field *f, uint32_t i, size_t *len)
{
    if (!f->display_offsets)
        return lede_segment_term_at(f, i, len, NULL);
    uint32_t a = lede_load_u32(f->display_offsets + (size_t)i * 4);
    *len = lede_load_u32(f->display_offsets + (size_t)i * 4 + 4) - a;
    return (const char *)f->display_bytes + a;
}

uint32_t lede_segment_lower_bound(const lede_seg_field *f, const char *key, size_t len)
{
    uint32_t lo = 0, hi = f->nterms;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        size_t tlen;
        const char *t = lede_segment_term_at(f, mid, &tlen, NULL);
        if (compare_key((const unsigned char *)t, tlen, key, len) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int lede_segment_term(const lede_seg_field *f, const char *term, size_t len, lede_term_info *info)
{
    uint32_t i = lede_segment_lower_bound(f, term, len);
    if (i >= f->nterms)
        return 0;
    size_t tlen;
    const char *t = lede_segment_term_at(f, i, &tlen, info);
    return compare_key((const unsigned char *)t, tlen, term, len) == 0;
}

int64_t lede_segment_find_id(const lede_segment *s, const char *id, size_t len)
{
    uint32_t lo = 0, hi = s->nids;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        uint64_t a = lede_load_u64(s->id_offsets + (size_t)mid * 8);
        uint64_t b = lede_load_u64(s->id_offsets + (size_t)mid * 8 + 8);
        int cmp = compare_key(s->id_bytes + a, (size_t)(b - a), id, len);
        if (cmp == 0)
            return lede_load_u32(s->id_docs + (size_t)mid * 4);
        if (cmp < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

const unsigned char *lede_segment_record(const lede_segment *s, uint32_t doc, size_t *len)
{
    uint64_t a = lede_load_u64(s->stored_offsets + (size_t)doc * 8);
    uint64_t b = lede_load_u64(s->stored_offsets + (size_t)doc * 8 + 8);
    *len = (size_t)(b - a);
    return s->stored + a;
}
