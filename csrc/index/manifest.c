#include "index/manifest.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "index/codec.h"
#include "index/file.h"

#define MAGIC "LEDEMAN\0"

void lede_manifest_init(lede_manifest *m)
{
    m->generation = 0;
    m->next_segment = 1;
    lede_vec_init(&m->segments, sizeof(lede_manifest_segment));
}

void lede_manifest_free(lede_manifest *m)
{
    for (size_t i = 0; i < m->segments.len; i++) {
        lede_manifest_segment *s = &LEDE_VEC_AT(&m->segments, lede_manifest_segment, i);
        free(s->name);
        lede_vec_free(&s->deleted);
    }
    lede_vec_free(&m->segments);
    lede_manifest_init(m);
}

static uint32_t load_u32(const unsigned char *p)
{
    lede_reader r = lede_reader_of(p, 4);
    return lede_get_u32(&r);
}

static lede_status corrupt(char *error, size_t errlen, const char *path, const char *why)
{
    if (errlen)
        snprintf(error, errlen, "index file %s is corrupt: %s", path, why);
    return LEDE_ERR_CORRUPT;
}

/* A segment name is a plain file name: no path separators, no hidden files. */
static int name_valid(const unsigned char *name, size_t len)
{
    if (len == 0 || len > 64 || name[0] == '.')
        return 0;
    for (size_t i = 0; i < len; i++)
        if (name[i] == '/' || name[i] == '\0')
            return 0;
    return 1;
}

static lede_status parse(const unsigned char *data, size_t len, lede_manifest *m, const char *path,
                         char *error, size_t errlen)
{
    size_t magic = sizeof MAGIC - 1;
    if (len < magic + 4 + 4 || memcmp(data, MAGIC, magic) != 0)
        return corrupt(error, errlen, path, "not a lede manifest");
    if (lede_crc32(0, data, len - 4) != load_u32(data + len - 4))
        return corrupt(error, errlen, path, "checksum mismatch");
    lede_reader r = lede_reader_of(data + magic, len - magic - 4);
    uint32_t version = lede_get_u32(&r);
    if (version != LEDE_MANIFEST_VERSION) {
        if (errlen)
            snprintf(error, errlen, "index file %s has format version %u; this lede reads %u",
                     path, version, LEDE_MANIFEST_VERSION);
        return LEDE_ERR_CORRUPT;
    }
    m->generation = lede_get_u64(&r);
    m->next_segment = lede_get_u32(&r);
    uint32_t count = lede_get_u32(&r);
    for (uint32_t i = 0; !r.failed && i < count; i++) {
        size_t name_len;
        const unsigned char *name = lede_get_bytes(&r, &name_len);
        uint64_t ndocs = lede_get_varint(&r), ndeleted = lede_get_varint(&r);
        if (r.failed || !name_valid(name, name_len) || ndocs >= UINT32_MAX || ndeleted > ndocs)
            return corrupt(error, errlen, path, "bad segment entry");
        lede_manifest_segment *s = lede_vec_push(&m->segments);
        if (!s || !(s->name = malloc(name_len + 1)))
            return LEDE_ERR_NOMEM;
        memcpy(s->name, name, name_len);
        s->name[name_len] = '\0';
        s->ndocs = (uint32_t)ndocs;
        lede_vec_init(&s->deleted, sizeof(uint32_t));
        uint64_t doc = 0;
        for (uint64_t k = 0; k < ndeleted; k++) {
            doc += lede_get_varint(&r) + (k ? 1 : 0);
            uint32_t *d = lede_vec_push(&s->deleted);
            if (!d)
                return LEDE_ERR_NOMEM;
            if (r.failed || doc >= ndocs)
                return corrupt(error, errlen, path, "bad deletion list");
            *d = (uint32_t)doc;
        }
    }
    if (r.failed || r.p != r.end)
        return corrupt(error, errlen, path, "bad length");
    return LEDE_OK;
}

lede_status lede_manifest_read(const char *dir, lede_manifest *m, int *exists, char *error,
                               size_t errlen)
{
    lede_manifest_init(m);
    *exists = 0;
    char *path = lede_path_join(dir, LEDE_MANIFEST_NAME);
    if (!path)
        return LEDE_ERR_NOMEM;
    if (access(path, F_OK) != 0 && errno == ENOENT) {
        free(path);
        return LEDE_OK;
    }
    unsigned char *data;
    size_t len;
    lede_status st = lede_read_file(path, &data, &len, error, errlen);
    if (st == LEDE_OK) {
        *exists = 1;
        st = parse(data, len, m, path, error, errlen);
        free(data);
    }
    if (st != LEDE_OK)
        lede_manifest_free(m);
    free(path);
    return st;
}

static lede_status serialise(const lede_manifest *m, lede_vec *out)
{
    lede_status st = lede_vec_append(out, MAGIC, sizeof MAGIC - 1);
    if (st == LEDE_OK) st = lede_put_u32(out, LEDE_MANIFEST_VERSION);
    if (st == LEDE_OK) st = lede_put_u64(out, m->generation);
    if (st == LEDE_OK) st = lede_put_u32(out, m->next_segment);
    if (st == LEDE_OK) st = lede_put_u32(out, (uint32_t)m->segments.len);
    for (size_t i = 0; st == LEDE_OK && i < m->segments.len; i++) {
        const lede_manifest_segment *s = &LEDE_VEC_AT(&m->segments, lede_manifest_segment, i);
        st = lede_put_bytes(out, s->name, strlen(s->name));
        if (st == LEDE_OK) st = lede_put_varint(out, s->ndocs);
        if (st == LEDE_OK) st = lede_put_varint(out, s->deleted.len);
        for (size_t k = 0; st == LEDE_OK && k < s->deleted.len; k++) {
            uint32_t doc = LEDE_VEC_AT(&s->deleted, uint32_t, k);
            uint32_t prev = k ? LEDE_VEC_AT(&s->deleted, uint32_t, k - 1) : 0;
            st = lede_put_varint(out, k ? doc - prev - 1 : doc);
        }
    }
    if (st == LEDE_OK)
        st = lede_put_u32(out, lede_crc32(0, out->data, out->len));
    return st;
}

lede_status lede_manifest_write(const char *dir, const lede_manifest *m, char *error,
                                size_t errlen)
{
    lede_vec out;
    lede_vec_init(&out, 1);
    char *tmp = lede_path_join(dir, LEDE_MANIFEST_NAME ".tmp");
    char *path = lede_path_join(dir, LEDE_MANIFEST_NAME);
    lede_status st = tmp && path ? serialise(m, &out) : LEDE_ERR_NOMEM;
    if (st == LEDE_OK)
        st = lede_write_file(tmp, out.data, out.len, error, errlen);
    if (st == LEDE_OK && rename(tmp, path) != 0) {
        lede_io_error(error, errlen, "cannot rename", tmp);
        st = LEDE_ERR_IO;
    }
    if (st == LEDE_OK)
        st = lede_sync_dir(dir, error, errlen);
    lede_vec_free(&out);
    free(tmp);
    free(path);
    return st;
}
