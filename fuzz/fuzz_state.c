/*
 * libFuzzer target: any bytes are the body of a saved story clustering (lede_cluster_save's
 * file). The target wraps them in a right header and checksum, so that the fuzzer explores the
 * body's checks rather than the CRC. Loading must refuse what is inconsistent with an error and
 * never crash; what loads must be usable: every article, story and feature read, and one more
 * batch clustered on top of it.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "index/codec.h"
#include "lede.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char MAGIC[8] = { 'L', 'E', 'D', 'E', 'S', 'T', 'O', 0 };
enum { VERSION = 1 };

/* The file lede_cluster_load expects around `body`, written to a new temporary file. */
static int write_state(const uint8_t *body, size_t size, char *path)
{
    lede_vec file;
    lede_vec_init(&file, 1);
    lede_status st = lede_vec_append(&file, MAGIC, sizeof MAGIC);
    if (st == LEDE_OK)
        st = lede_put_u32(&file, VERSION);
    if (st == LEDE_OK)
        st = lede_put_u64(&file, size);
    if (st == LEDE_OK && size)
        st = lede_vec_append(&file, body, size);
    if (st == LEDE_OK)
        st = lede_put_u32(&file, lede_crc32(0, body, size));
    int fd = st == LEDE_OK ? mkstemp(path) : -1;
    int ok = fd >= 0 && write(fd, file.data, file.len) == (ssize_t)file.len;
    if (fd >= 0)
        close(fd);
    lede_vec_free(&file);
    return ok;
}

static void use(lede_cluster *c)
{
    for (size_t i = 0; i < lede_cluster_article_count(c); i++) {
        lede_cluster_article a;
        lede_cluster_article_at(c, i, &a);
        (void)lede_cluster_find(c, a.id, strlen(a.id));
    }
    for (size_t i = 0; i < lede_cluster_story_count(c); i++) {
        lede_story s;
        lede_cluster_story_at(c, i, &s);
        lede_story_feature *f;
        size_t n;
        if (lede_cluster_story_features(c, i, 8, &f, &n) == LEDE_OK)
            free(f);
    }
    static const char text[] = "BRUSSELS - NATO ministers met on Thursday to discuss Iraq.";
    lede_cluster_doc doc = { .id = "fuzz-new", .id_len = 8, .date = 1770000000,
                             .title = "NATO ministers meet", .title_len = 19,
                             .text = text, .text_len = sizeof text - 1 };
    int staged;
    if (lede_cluster_stage(c, &doc, &staged) == LEDE_OK)
        (void)lede_cluster_run(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static lede_analyzer *analyzer;
    if (!analyzer && lede_analyzer_new(&analyzer) != LEDE_OK)
        return 0;
    char path[] = "/tmp/lede-fuzz-state-XXXXXX";
    if (!write_state(data, size, path))
        return 0;
    lede_cluster *c = NULL;
    char error[256];
    if (lede_cluster_load(analyzer, path, &c, error, sizeof error) == LEDE_OK) {
        use(c);
        lede_cluster_free(c);
    }
    unlink(path);
    return 0;
}
