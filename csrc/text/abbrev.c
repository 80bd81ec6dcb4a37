#include "text/abbrev.h"

#include "text/wordlist.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Each list is sorted (strcmp order) and lower-case. */
static const char *const titles[] = {
    "adm", "amb", "atty", "brig", "capt", "cmdr", "col", "cpl", "cpt", "det", "dr", "fr", "ft",
    "gen", "gov", "hon", "insp", "lt", "maj", "messrs", "mme", "mr", "mrs", "ms", "mt", "pres",
    "prof", "pvt", "rep", "reps", "rev", "sen", "sens", "sgt", "st", "supt",
};

static const char *const months[] = {
    "apr", "aug", "dec", "feb", "jan", "jul", "jun", "mar", "nov", "oct", "sep", "sept",
};

static const char *const numeric[] = {
    "art", "ch", "fig", "figs", "no", "nos", "op", "p", "para", "pp", "vol", "vols",
};

/* Company and name suffixes, Latin and common short forms. */
static const char *const general[] = {
    "al", "approx", "assn", "ave", "blvd", "bros", "cf", "co", "corp", "dept", "dist", "esq",
    "est", "etc", "govt", "inc", "intl", "jr", "llc", "ltd", "mts", "natl", "plc", "rd", "sr",
    "univ", "vs",
};

/* The AP style's US states, which datelines use ("SPRINGFIELD, Ill. (AP) —"); only capitalised,
 * since "ill." and "wash." are words. */
static const char *const states[] = {
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan",
    "kans", "ky", "la", "mass", "md", "mich", "minn", "miss", "mo", "mont", "neb", "nev",
    "okla", "ore", "pa", "penn", "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
};

lede_abbrev_class lede_abbrev_classify(const char *word, size_t len)
{
    if (len == 0)
        return LEDE_ABBREV_NONE;
    int capitalised = word[0] >= 'A' && word[0] <= 'Z';
    if (capitalised && lede_wordlist_find(titles, COUNT(titles), word, len) >= 0)
        return LEDE_ABBREV_TITLE;
    if (capitalised && lede_wordlist_find(months, COUNT(months), word, len) >= 0)
        return LEDE_ABBREV_MONTH;
    if (lede_wordlist_find(numeric, COUNT(numeric), word, len) >= 0)
        return LEDE_ABBREV_NUMERIC;
    if (capitalised && lede_wordlist_find(states, COUNT(states), word, len) >= 0)
        return LEDE_ABBREV_GENERAL;
    if (lede_wordlist_find(general, COUNT(general), word, len) >= 0 ||
        lede_wordlist_find(titles, COUNT(titles), word, len) >= 0)
        return LEDE_ABBREV_GENERAL;
    return LEDE_ABBREV_NONE;
}
