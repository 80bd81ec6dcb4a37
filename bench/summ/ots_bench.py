#!/usr/bin/python3
"""OTS speed on the texts of a file (one JSON string a line), for bench/bench_summ.sh.

usage: ots_bench.py TEXTS.jsonl [--runs 3] [--ratio 10] [--ots ots]  -> one JSON line

Three measurements, each the median of --runs runs:
  process:  one `ots -r RATIO FILE` process per article (texts written to files beforehand),
            wall time of the whole loop: what a user calling the command pays, start-up included
  startup:  the same command on an empty file, timed 50 times per run (median per process);
            process minus articles x startup estimates OTS's own work
  library:  libots called in this process through ctypes, as the ots command calls it (a new
            article, the English dictionary loaded into it, parse, grade, highlight, text out,
            free) for every text: no process start-up at all. The dictionary is loaded per
            article because libots keeps it in the article.
"""
import ctypes
import ctypes.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time


def load_lib():
    for name in ("libots-1.so.0", ctypes.util.find_library("ots-1") or ""):
        if not name:
            continue
        try:
            lib = ctypes.CDLL(name)
            break
        except OSError:
            lib = None
    if lib is None:
        return None
    vp = ctypes.c_void_p
    lib.ots_new_article.restype = vp
    lib.ots_new_article.argtypes = []
    lib.ots_free_article.argtypes = [vp]
    lib.ots_load_xml_dictionary.argtypes = [vp, ctypes.c_char_p]
    lib.ots_load_xml_dictionary.restype = ctypes.c_int
    lib.ots_parse_stream.argtypes = [ctypes.c_char_p, ctypes.c_size_t, vp]
    lib.ots_grade_doc.argtypes = [vp]
    lib.ots_highlight_doc.argtypes = [vp, ctypes.c_int]
    lib.ots_get_doc_text.argtypes = [vp, ctypes.POINTER(ctypes.c_size_t)]
    lib.ots_get_doc_text.restype = vp
    return lib


def summarize_lib(lib, libc, data, ratio):
    art = lib.ots_new_article()
    if not lib.ots_load_xml_dictionary(art, b"en"):
        raise RuntimeError("libots: cannot load the English dictionary")
    lib.ots_parse_stream(data, len(data), art)
    lib.ots_grade_doc(art)
    lib.ots_highlight_doc(art, ratio)
    n = ctypes.c_size_t()
    p = lib.ots_get_doc_text(art, ctypes.byref(n))
    out = ctypes.string_at(p, n.value) if p else b""
    if p:
        libc.free(ctypes.c_void_p(p))
    lib.ots_free_article(art)
    return out


def main():
    args = sys.argv[1:]
    path = args[0]
    runs, ratio, ots = 3, 10, "ots"
    for i, a in enumerate(args):
        if a == "--runs":
            runs = int(args[i + 1])
        elif a == "--ratio":
            ratio = int(args[i + 1])
        elif a == "--ots":
            ots = args[i + 1]
    texts = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    data = [t.encode("utf-8") for t in texts]
    out = {"articles": len(texts), "ratio": ratio}

    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i, d in enumerate(data):
            f = os.path.join(tmp, "%05d.txt" % i)
            with open(f, "wb") as fh:
                fh.write(d)
            files.append(f)
        empty = os.path.join(tmp, "empty.txt")
        open(empty, "wb").close()

        def run(f):
            subprocess.run([ots, "-r", str(ratio), f], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, check=False)

        process, startup = [], []
        for _ in range(runs):
            t0 = time.perf_counter()
            for f in files:
                run(f)
            process.append(time.perf_counter() - t0)
            one = []
            for _ in range(50):
                t0 = time.perf_counter()
                run(empty)
                one.append(time.perf_counter() - t0)
            startup.append(statistics.median(one))
        out["process_runs"] = process
        out["process"] = statistics.median(process)
        out["startup"] = statistics.median(startup)

        # the library agrees with the command on a sample before it is timed
        lib = load_lib()
        if lib is not None:
            libc = ctypes.CDLL(ctypes.util.find_library("c"))
            libc.free.argtypes = [ctypes.c_void_p]
            mism = 0
            for f, d in list(zip(files, data))[:20]:
                cli = subprocess.run([ots, "-r", str(ratio), f], stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL).stdout
                if cli.strip() != summarize_lib(lib, libc, d, ratio).strip():
                    mism += 1
            out["library_mismatches_of_20"] = mism
            library = []
            for _ in range(runs):
                t0 = time.perf_counter()
                for d in data:
                    summarize_lib(lib, libc, d, ratio)
                library.append(time.perf_counter() - t0)
            out["library_runs"] = library
            out["library"] = statistics.median(library)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
