#include "lede.h"

const char *lede_status_string(lede_status status)
{
    switch (status) {
    case LEDE_OK: return "ok";
    case LEDE_ERR_NOMEM: return "out of memory";
    case LEDE_ERR_INVALID: return "invalid input";
    case LEDE_ERR_TOO_LARGE: return "input too large (4 GiB at most)";
    case LEDE_ERR_STEMMER: return "the Snowball English stemmer is not available";
    case LEDE_ERR_IO: return "input/output error";
    case LEDE_ERR_CORRUPT: return "index file is corrupt";
    case LEDE_ERR_BUSY: return "the index is being written by another process";
    }
    return "unknown error";
}
