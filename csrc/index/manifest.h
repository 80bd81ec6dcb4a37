/*
 * manifest — the file that names the live segments and their deleted documents. A commit writes a
 * new manifest under a temporary name, syncs it, renames it over MANIFEST and syncs the directory:
 * whatever moment a crash happens at, MANIFEST is either the old commit or the new one, whole.
 */
#ifndef LEDE_INDEX_MANIFEST_H
#define LEDE_INDEX_MANIFEST_H

#include <stddef.h>
#include <stdint.h>
#include "lede.h"
#include "util/vec.h"

#define LEDE_MANIFEST_NAME "MANIFEST"
#define LEDE_MANIFEST_VERSION 1u

typedef struct lede_manifest_segment {
    char *name;
    uint32_t ndocs;
    lede_vec deleted; /* uint32_t document numbers, ascending */
} lede_manifest_segment;

typedef struct lede_manifest {
    uint64_t generation;
    uint32_t next_segment;
    lede_vec segments; /* lede_manifest_segment */
} lede_manifest;

void lede_manifest_init(lede_manifest *m);
void lede_manifest_free(lede_manifest *m);

/* Reads dir/MANIFEST. A missing file is an empty index (generation 0) and *exists is 0. */
lede_status lede_manifest_read(const char *dir, lede_manifest *m, int *exists, char *error,
                               size_t errlen);

/* Writes and publishes m atomically. */
lede_status lede_manifest_write(const char *dir, const lede_manifest *m, char *error,
                                size_t errlen);

#endif
