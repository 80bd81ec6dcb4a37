/*
 * libFuzzer target: any bytes are a segment file. Opening must refuse what is damaged with an
 * error and never crash; what opens must be readable end to end: every term's postings and
 * positions, every skip, keyword values and stored record.
 *
 * The checksum would reject nearly every mutation before any parsing, so the target writes the
 * right CRC into the mutated file first: the fuzzer then explores the structure checks behind it.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "index/codec.h"
#include "index/cursor.h"
#include "index/document.h"
#include "index/segment.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Fixes the CRC field (12 bytes before the end) to match the bytes before it. */
static void fix_crc(uint8_t *file, size_t size)
{
    if (size < 12)
        return;
    uint32_t crc = lede_crc32(0, file, size - 12);
    for (int i = 0; i < 4; i++)
        file[size - 12 + i] = (uint8_t)(crc >> (8 * i));
}

static void read_everything(const lede_segment *s)
{
    for (size_t f = 0; f < s->nfields; f++) {
        const lede_seg_field *field = &s->fields[f];
        for (uint32_t t = 0; t < field->nterms; t++) {
            size_t len;
            lede_term_info info;
            lede_segment_term_at(field, t, &len, &info);
            lede_cursor c;
            lede_cursor_init(&c, &info, field->type == LEDE_FIELD_TEXT);
            uint32_t target = 0;
            while (lede_cursor_advance(&c, target) != LEDE_NO_DOC) {
                lede_positions it = lede_cursor_positions(&c);
                uint32_t p;
                while (lede_positions_next(&it, &p))
                    ;
                target = c.doc + 1 + (c.doc % 3 ? 0 : 100); /* some steps skip blocks */
            }
        }
        for (uint32_t d = 0; d < s->ndocs; d++)
            (void)lede_segment_length(field, d);
    }
    lede_vec fields, storage;
    lede_vec_init(&fields, sizeof(lede_field));
    lede_vec_init(&storage, 1);
    for (uint32_t d = 0; d < s->ndocs; d++) {
        fields.len = 0;
        lede_record_decode(s, d, &fields, &storage);
        (void)lede_segment_date(s, d);
    }
    lede_vec_free(&fields);
    lede_vec_free(&storage);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char dir[64], path[96];
    snprintf(dir, sizeof dir, "/tmp/lede-fuzz-segment-%d", (int)getpid());
    snprintf(path, sizeof path, "%s/seg.lseg", dir);
    static int made;
    if (!made) {
        char cmd[128];
        snprintf(cmd, sizeof cmd, "mkdir -p %s", dir);
        if (system(cmd) != 0)
            abort();
        made = 1;
    }
    uint8_t *copy = malloc(size ? size : 1);
    if (!copy)
        return 0;
    memcpy(copy, data, size);
    fix_crc(copy, size);
    FILE *f = fopen(path, "wb");
    if (!f) {
        free(copy);
        return 0;
    }
    fwrite(copy, 1, size, f);
    fclose(f);
    free(copy);
    lede_segment *s;
    char error[256];
    if (lede_segment_open(dir, "seg.lseg", &s, error, sizeof error) == LEDE_OK) {
        read_everything(s);
        lede_segment_release(s);
    }
    return 0;
}
