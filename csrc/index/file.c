#include "index/file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void lede_io_error(char *error, size_t errlen, const char *what, const char *path)
{
    if (errlen)
        snprintf(error, errlen, "%s %s: %s", what, path, strerror(errno));
}

char *lede_path_join(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    char *p = malloc(a + b + 2);
    if (!p)
        return NULL;
    memcpy(p, dir, a);
    p[a] = '/';
    memcpy(p + a + 1, name, b + 1);
    return p;
}

lede_status lede_write_file(const char *path, const void *data, size_t len, char *error,
                            size_t errlen)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        lede_io_error(error, errlen, "cannot create", path);
        return LEDE_ERR_IO;
    }
    const char *p = data;
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            lede_io_error(error, errlen, "cannot write", path);
            close(fd);
            return LEDE_ERR_IO;
        }
        p += n;
        len -= (size_t)n;
    }
    if (fsync(fd) != 0) {
        lede_io_error(error, errlen, "cannot sync", path);
        close(fd);
        return LEDE_ERR_IO;
    }
    if (close(fd) != 0) {
        lede_io_error(error, errlen, "cannot close", path);
        return LEDE_ERR_IO;
    }
    return LEDE_OK;
}

lede_status lede_read_file(const char *path, unsigned char **data, size_t *len, char *error,
                           size_t errlen)
{
    *data = NULL;
    *len = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        lede_io_error(error, errlen, "cannot open", path);
        if (fd >= 0)
            close(fd);
        return LEDE_ERR_IO;
    }
    size_t size = (size_t)st.st_size;
    unsigned char *buf = malloc(size ? size : 1);
    if (!buf) {
        close(fd);
        return LEDE_ERR_NOMEM;
    }
    size_t got = 0;
    while (got < size) {
        ssize_t n = read(fd, buf + got, size - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    close(fd);
    if (got != size) {
        lede_io_error(error, errlen, "cannot read", path);
        free(buf);
        return LEDE_ERR_IO;
    }
    *data = buf;
    *len = size;
    return LEDE_OK;
}

lede_status lede_sync_dir(const char *dir, char *error, size_t errlen)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || fsync(fd) != 0) {
        lede_io_error(error, errlen, "cannot sync directory", dir);
        if (fd >= 0)
            close(fd);
        return LEDE_ERR_IO;
    }
    close(fd);
    return LEDE_OK;
}
