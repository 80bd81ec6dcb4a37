/*
 * The index: a directory of immutable segment files and a MANIFEST naming the live ones.
 *
 * Changes go to a working set — the committed segments plus those flushed since, each with its
 * deletions — and to the in-memory buffer. A commit flushes the buffer, writes the manifest
 * atomically, and publishes a new snapshot to searches. One process writes at a time: the first
 * change takes an exclusive lock on dir/LOCK, and removes files a crashed writer left behind.
 */
#include "index/index.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "index/file.h"
#include "index/manifest.h"
#include "index/merge.h"
#include "index/segment.h"

/* Flush the buffer into a segment once it holds this much. */
enum { FLUSH_BYTES = 64 << 20 };

lede_status lede_index_fail(lede_index *ix, lede_status status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ix->error, sizeof ix->error, fmt, ap);
    va_end(ap);
    return status;
}

const char *lede_index_error(const lede_index *ix)
{
    return ix->error;
}

void lede_snapshot_release(lede_snapshot *s)
{
    if (!s || --s->refs > 0)
        return;
    for (size_t i = 0; i < s->nsegs; i++) {
        lede_segment_release(s->segs[i].seg);
        free(s->segs[i].deleted);
    }
    free(s->segs);
    free(s);
}

static void free_work(lede_vec *work)
{
    for (size_t i = 0; i < work->len; i++) {
        lede_work_segment *w = &LEDE_VEC_AT(work, lede_work_segment, i);
        lede_segment_release(w->seg);
        lede_vec_free(&w->deleted);
    }
    work->len = 0;
}

/* A snapshot of the working set as it is now. */
static lede_status make_snapshot(lede_index *ix, lede_snapshot **out)
{
    lede_snapshot *s = calloc(1, sizeof *s);
    if (!s)
        return LEDE_ERR_NOMEM;
    s->refs = 1;
    s->generation = ix->generation;
    s->segs = calloc(ix->work.len ? ix->work.len : 1, sizeof *s->segs);
    if (!s->segs) {
        free(s);
        return LEDE_ERR_NOMEM;
    }
    for (size_t i = 0; i < ix->work.len; i++) {
        lede_work_segment *w = &LEDE_VEC_AT(&ix->work, lede_work_segment, i);
        lede_snap_segment *ss = &s->segs[s->nsegs++];
        ss->seg = w->seg;
        lede_segment_retain(w->seg);
        ss->ndeleted = (uint32_t)w->deleted.len;
        if (w->deleted.len) {
            ss->deleted = calloc((size_t)w->seg->ndocs / 8 + 1, 1);
            if (!ss->deleted) {
                lede_snapshot_release(s);
                return LEDE_ERR_NOMEM;
            }
            for (size_t k = 0; k < w->deleted.len; k++) {
                uint32_t d = LEDE_VEC_AT(&w->deleted, uint32_t, k);
                ss->deleted[d >> 3] |= (uint8_t)(1u << (d & 7));
            }
        }
        s->live_docs += w->seg->ndocs - ss->ndeleted;
    }
    *out = s;
    return LEDE_OK;
}

/* Loads the last commit into the working set and publishes it as the snapshot. */
static lede_status load(lede_index *ix)
{
    lede_manifest m;
    int exists;
    lede_status st = lede_manifest_read(ix->dir, &m, &exists, ix->error, sizeof ix->error);
    if (st != LEDE_OK)
        return st;
    free_work(&ix->work);
    for (size_t i = 0; st == LEDE_OK && i < m.segments.len; i++) {
        lede_manifest_segment *ms = &LEDE_VEC_AT(&m.segments, lede_manifest_segment, i);
        lede_work_segment *w = lede_vec_push(&ix->work);
        if (!w) {
            st = LEDE_ERR_NOMEM;
            break;
        }
        lede_vec_init(&w->deleted, sizeof(uint32_t));
        st = lede_segment_open(ix->dir, ms->name, &w->seg, ix->error, sizeof ix->error);
        if (st != LEDE_OK) {
            ix->work.len--;
            break;
        }
        if (w->seg->ndocs != ms->ndocs)
            st = lede_index_fail(ix, LEDE_ERR_CORRUPT, "index file %s is corrupt: the manifest "
                                 "says %u documents, the segment has %u", ms->name, ms->ndocs,
                                 w->seg->ndocs);
        else
            st = lede_vec_append(&w->deleted, ms->deleted.data, ms->deleted.len);
    }
    ix->generation = m.generation;
    ix->next_segment = m.next_segment;
    lede_manifest_free(&m);
    lede_snapshot *snap = NULL;
    if (st == LEDE_OK)
        st = make_snapshot(ix, &snap);
    if (st == LEDE_OK) {
        lede_snapshot_release(ix->snapshot);
        ix->snapshot = snap;
    }
    return st;
}

lede_status lede_index_open(const char *dir, int flags, lede_index **out, char *error,
                            size_t errlen)
{
    *out = NULL;
    struct stat sb;
    if (stat(dir, &sb) != 0) {
        if (errno != ENOENT || !(flags & LEDE_INDEX_CREATE) || mkdir(dir, 0755) != 0) {
            lede_io_error(error, errlen, errno == ENOENT ? "no index at" : "cannot open index", dir);
            return LEDE_ERR_IO;
        }
    } else if (!S_ISDIR(sb.st_mode)) {
        if (errlen)
            snprintf(error, errlen, "not an index directory: %s", dir);
        return LEDE_ERR_IO;
    }
    lede_index *ix = calloc(1, sizeof *ix);
    if (!ix || !(ix->dir = strdup(dir))) {
        free(ix);
        return LEDE_ERR_NOMEM;
    }
    ix->lock_fd = -1;
    lede_vec_init(&ix->work, sizeof(lede_work_segment));
    lede_status st = lede_buffer_init(&ix->buffer);
    if (st == LEDE_OK)
        st = lede_analyzer_new(&ix->analyzer);
    if (st == LEDE_OK)
        st = load(ix);
    if (st != LEDE_OK) {
        if (errlen)
            snprintf(error, errlen, "%s", ix->error[0] ? ix->error : lede_status_string(st));
        lede_index_close(ix);
        return st;
    }
    *out = ix;
    return LEDE_OK;
}

void lede_index_close(lede_index *ix)
{
    if (!ix)
        return;
    free_work(&ix->work);
    lede_vec_free(&ix->work);
    lede_buffer_free(&ix->buffer);
    lede_snapshot_release(ix->snapshot);
    lede_analyzer_free(ix->analyzer);
    if (ix->lock_fd >= 0)
        close(ix->lock_fd); /* releases the lock */
    free(ix->dir);
    free(ix);
}

static int is_segment_file(const char *name)
{
    size_t n = strlen(name);
    return strncmp(name, "seg-", 4) == 0 && n > 9 && strcmp(name + n - 5, ".lseg") == 0;
}

static int in_working_set(const lede_index *ix, const char *name)
{
    for (size_t i = 0; i < ix->work.len; i++)
        if (strcmp(LEDE_VEC_AT(&ix->work, lede_work_segment, i).seg->name, name) == 0)
            return 1;
    return 0;
}

/* Removes segment files that no commit names: left by a crash, or replaced by a merge. Only the
 * writer does this, and only for files outside its working set. */
static void remove_strays(lede_index *ix)
{
    DIR *d = opendir(ix->dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!is_segment_file(e->d_name) || in_working_set(ix, e->d_name))
            continue;
        char *path = lede_path_join(ix->dir, e->d_name);
        if (path)
            unlink(path);
        free(path);
    }
    closedir(d);
}

/* Takes the write lock before the first change; catches up with commits made since opening. */
static lede_status lock_for_writing(lede_index *ix)
{
    if (ix->lock_fd >= 0)
        return LEDE_OK;
    char *path = lede_path_join(ix->dir, "LOCK");
    if (!path)
        return LEDE_ERR_NOMEM;
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        lede_io_error(ix->error, sizeof ix->error, "cannot open", path);
        free(path);
        return LEDE_ERR_IO;
    }
    free(path);
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        close(fd);
        return lede_index_fail(ix, LEDE_ERR_BUSY, "another process is writing to the index %s",
                               ix->dir);
    }
    ix->lock_fd = fd;
    lede_status st = load(ix);
    if (st == LEDE_OK)
        remove_strays(ix);
    return st;
}

static lede_status insert_sorted(lede_vec *v, uint32_t doc)
{
    size_t i = v->len;
    while (i > 0 && LEDE_VEC_AT(v, uint32_t, i - 1) > doc)
        i--;
    if (i > 0 && LEDE_VEC_AT(v, uint32_t, i - 1) == doc)
        return LEDE_OK;
    if (!lede_vec_push(v))
        return LEDE_ERR_NOMEM;
    memmove((uint32_t *)v->data + i + 1, (uint32_t *)v->data + i, (v->len - 1 - i) * sizeof(uint32_t));
    LEDE_VEC_AT(v, uint32_t, i) = doc;
    return LEDE_OK;
}

static int contains(const lede_vec *v, uint32_t doc)
{
    size_t lo = 0, hi = v->len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        uint32_t x = LEDE_VEC_AT(v, uint32_t, mid);
        if (x == doc)
            return 1;
        if (x < doc)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* Deletes the id wherever it lives in the working set (and in the buffer, when asked). */
static lede_status delete_id(lede_index *ix, const char *id, size_t len, int in_buffer_too,
                             int *found)
{
    *found = 0;
    for (size_t i = 0; i < ix->work.len; i++) {
        lede_work_segment *w = &LEDE_VEC_AT(&ix->work, lede_work_segment, i);
        int64_t doc = lede_segment_find_id(w->seg, id, len);
        if (doc < 0 || contains(&w->deleted, (uint32_t)doc))
            continue;
        lede_status st = insert_sorted(&w->deleted, (uint32_t)doc);
        if (st != LEDE_OK)
            return st;
        *found = 1;
    }
    int in_buffer = in_buffer_too ? lede_buffer_delete(&ix->buffer, id, len) : 0;
    if (in_buffer < 0)
        return LEDE_ERR_NOMEM;
    *found |= in_buffer;
    return LEDE_OK;
}

static char *segment_name(uint32_t number)
{
    char *name = malloc(32);
    if (name)
        snprintf(name, 32, "seg-%08u.lseg", number);
    return name;
}

/* Writes a buffer as a new segment of the working set, with the buffer's own deletions. */
lede_status lede_index_write_segment(lede_index *ix, const lede_buffer *b)
{
    char *name = segment_name(ix->next_segment);
    char *path = name ? lede_path_join(ix->dir, name) : NULL;
    lede_work_segment *w = path ? lede_vec_push(&ix->work) : NULL;
    lede_status st = w ? LEDE_OK : LEDE_ERR_NOMEM;
    if (st == LEDE_OK) {
        lede_vec_init(&w->deleted, sizeof(uint32_t));
        ix->work.len--; /* counted only once the segment is open */
        ix->next_segment++;
        st = lede_segment_write(b, path, ix->error, sizeof ix->error);
    }
    if (st == LEDE_OK)
        st = lede_segment_open(ix->dir, name, &w->seg, ix->error, sizeof ix->error);
    for (size_t k = 0; st == LEDE_OK && k < b->deleted.len; k++)
        st = insert_sorted(&w->deleted, LEDE_VEC_AT(&b->deleted, uint32_t, k));
    if (st == LEDE_OK)
        ix->work.len++;
    else if (w)
        lede_vec_free(&w->deleted);
    free(name);
    free(path);
    return st;
}

static lede_status flush(lede_index *ix)
{
    if (ix->buffer.ndocs == 0)
        return LEDE_OK;
    lede_status st = lede_index_write_segment(ix, &ix->buffer);
    lede_buffer_reset(&ix->buffer);
    return st;
}

lede_status lede_index_add(lede_index *ix, const lede_field *fields, size_t nfields)
{
    ix->error[0] = '\0';
    lede_status st = lock_for_writing(ix);
    /* The buffer replaces a buffered document with the same id itself; an older one in a segment
     * is deleted once the new one is in (a refused document leaves the old one in place). */
    if (st == LEDE_OK)
        st = lede_buffer_add(&ix->buffer, ix->analyzer, fields, nfields, ix->error,
                             sizeof ix->error);
    const lede_field *id = NULL;
    for (size_t i = 0; st == LEDE_OK && i < nfields; i++)
        if (strcmp(fields[i].name, "id") == 0)
            id = &fields[i];
    int found;
    if (st == LEDE_OK)
        st = delete_id(ix, id->value, id->len, 0, &found);
    if (st == LEDE_OK) {
        ix->pending++;
        if (ix->buffer.bytes >= FLUSH_BYTES)
            st = flush(ix);
    } else if (st != LEDE_ERR_INVALID && st != LEDE_ERR_BUSY) {
        /* A half-inverted document cannot be taken back out of the buffer: drop the changes. */
        lede_buffer_reset(&ix->buffer);
        lede_index_fail(ix, st, "%s; the changes since the last commit were discarded",
                        ix->error[0] ? ix->error : lede_status_string(st));
        load(ix);
    }
    if (st != LEDE_OK && !ix->error[0])
        lede_index_fail(ix, st, "%s", lede_status_string(st));
    return st;
}

lede_status lede_index_delete(lede_index *ix, const char *id, size_t len, int *found)
{
    ix->error[0] = '\0';
    *found = 0;
    lede_status st = lock_for_writing(ix);
    if (st == LEDE_OK)
        st = delete_id(ix, id, len, 1, found);
    if (st == LEDE_OK && *found)
        ix->pending++;
    if (st != LEDE_OK && !ix->error[0])
        lede_index_fail(ix, st, "%s", lede_status_string(st));
    return st;
}

/* The working set as a manifest (names are borrowed from the segments). */
static lede_status write_manifest(lede_index *ix, uint64_t generation)
{
    lede_manifest m;
    lede_manifest_init(&m);
    m.generation = generation;
    m.next_segment = ix->next_segment;
    lede_status st = lede_vec_reserve(&m.segments, ix->work.len);
    for (size_t i = 0; st == LEDE_OK && i < ix->work.len; i++) {
        lede_work_segment *w = &LEDE_VEC_AT(&ix->work, lede_work_segment, i);
        lede_manifest_segment *ms = lede_vec_push(&m.segments);
        ms->name = w->seg->name;
        ms->ndocs = w->seg->ndocs;
        ms->deleted = w->deleted;
    }
    if (st == LEDE_OK)
        st = lede_manifest_write(ix->dir, &m, ix->error, sizeof ix->error);
    lede_vec_free(&m.segments); /* the names and lists stay with the working set */
    return st;
}

lede_status lede_index_commit(lede_index *ix)
{
    ix->error[0] = '\0';
    lede_status st = lock_for_writing(ix);
    if (st == LEDE_OK)
        st = flush(ix);
    if (st == LEDE_OK)
        st = lede_index_merge(ix, 0);
    if (st == LEDE_OK)
        st = write_manifest(ix, ix->generation + 1);
    lede_snapshot *snap = NULL;
    if (st == LEDE_OK) {
        ix->generation++;
        ix->pending = 0;
        remove_strays(ix);
        st = make_snapshot(ix, &snap);
    }
    if (st == LEDE_OK) {
        lede_snapshot_release(ix->snapshot);
        ix->snapshot = snap;
    }
    if (st != LEDE_OK && !ix->error[0])
        lede_index_fail(ix, st, "%s", lede_status_string(st));
    return st;
}

lede_status lede_index_optimize(lede_index *ix)
{
    ix->error[0] = '\0';
    lede_status st = lede_index_commit(ix);
    if (st == LEDE_OK && (ix->work.len > 1 || (ix->work.len == 1 &&
                          LEDE_VEC_AT(&ix->work, lede_work_segment, 0).deleted.len > 0))) {
        st = lede_index_merge(ix, 1);
        if (st == LEDE_OK)
            st = lede_index_commit(ix);
    }
    return st;
}

lede_status lede_index_stats_get(lede_index *ix, lede_index_stats *stats)
{
    memset(stats, 0, sizeof *stats);
    lede_snapshot *s = ix->snapshot;
    stats->documents = s->live_docs;
    stats->segments = (uint32_t)s->nsegs;
    stats->generation = s->generation;
    stats->pending = ix->pending;
    for (size_t i = 0; i < s->nsegs; i++) {
        stats->deleted += s->segs[i].ndeleted;
        stats->bytes += s->segs[i].seg->size;
    }
    return LEDE_OK;
}
