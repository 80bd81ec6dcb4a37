# lede — build, test, demo, evaluations and benchmarks.
# `make demo` and `make test` are all a user types on a fresh Debian 12 machine.

LUA      ?= lua5.4
BUSTED   ?= busted
LUA_INC  ?= $(shell pkg-config --cflags lua5.4 2>/dev/null || echo -I/usr/include/lua5.4)
CC       ?= cc
CFLAGS   ?= -O2
VISIBILITY := -fvisibility=hidden
WARN     := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CPPFLAGS := -Icsrc $(LUA_INC) -D_POSIX_C_SOURCE=200809L
LIBS     := -lstemmer -lutf8proc -lz -lzstd
SHARED   := ../shared/data

SRC      := $(wildcard csrc/util/*.c csrc/text/*.c csrc/article/*.c csrc/index/*.c csrc/summarize/*.c csrc/extract/*.c csrc/cluster/*.c csrc/dedup/*.c csrc/lua/*.c)
HDR      := $(wildcard csrc/*.h csrc/*/*.h)

# Environment for running from the checkout without installing.
RUNENV   := LUA_PATH="$(CURDIR)/lua/?.lua;$(CURDIR)/lua/?/init.lua;;" LUA_CPATH="$(CURDIR)/?.so;;"

# The sanitizer build loads into a lua5.4 that is not instrumented, so the runtimes are preloaded.
SAN_FLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
SAN_ENV   := LD_PRELOAD="$$($(CC) -print-file-name=libasan.so) $$($(CC) -print-file-name=libubsan.so)" \
             ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

.PHONY: eval-dedup eval-extract all deps fuzz-deps test test-unit test-sanitize demo eval eval-sbd eval-ir eval-summ eval-quantities bench bench-text bench-extract bench-extract-stages bench-search bench-summ fuzz clean eval-ner model eval-timex eval-quotes

all: deps lede/core.so

# Installs the Debian packages the project needs, only when one is missing.
deps:
	@sh .ci/deps.sh

lede/core.so: $(SRC) $(HDR)
	@mkdir -p lede
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(VISIBILITY) -fPIC -shared -o $@ $(SRC) $(LIBS)

build/san/lede/core.so: $(SRC) $(HDR)
	@mkdir -p build/san/lede
	$(CC) $(CPPFLAGS) $(WARN) $(SAN_FLAGS) $(VISIBILITY) -fPIC -shared -o $@ $(SRC) $(LIBS)

# The whole suite, then once more against the sanitizer build.
test: all build/san/lede/core.so
	@$(MAKE) --no-print-directory test-unit
	@$(MAKE) --no-print-directory test-sanitize

test-unit: lede/core.so
	$(RUNENV) $(BUSTED) --lua=$(LUA) spec

test-sanitize: build/san/lede/core.so
	LUA_PATH="$(CURDIR)/lua/?.lua;$(CURDIR)/lua/?/init.lua;;" LUA_CPATH="$(CURDIR)/build/san/?.so;;" \
	LEDE_CORE="$(CURDIR)/build/san/lede/core.so" $(SAN_ENV) $(BUSTED) --lua=$(LUA) --exclude-tags=install spec

# The main job, on the sample corpus: index it, group it into stories, print the briefing of its
# last two weeks, and write that briefing and a dossier as HTML (demo/*.html, open in a browser).
DEMO_DIR := demo
demo: all
	@rm -rf $(DEMO_DIR)/index && mkdir -p $(DEMO_DIR)
	@$(RUNENV) $(LUA) bin/lede index -o $(DEMO_DIR)/index --no-progress examples/corpus/*.jsonl >/dev/null
	@$(RUNENV) $(LUA) bin/lede cluster --write $(DEMO_DIR)/index >/dev/null
	@$(RUNENV) $(LUA) bin/lede report briefing --days 14 $(DEMO_DIR)/index
	@$(RUNENV) $(LUA) bin/lede report briefing --days 14 -f html -o $(DEMO_DIR)/briefing.html $(DEMO_DIR)/index
	@$(RUNENV) $(LUA) bin/lede report dossier -f html -o $(DEMO_DIR)/dossier.html Holloway $(DEMO_DIR)/index
	@echo
	@echo "demo: wrote $(DEMO_DIR)/briefing.html and $(DEMO_DIR)/dossier.html (Margaret A. Holloway); the index is $(DEMO_DIR)/index"

eval: eval-sbd eval-ir eval-summ eval-extract

# Extraction: entities (CoNLL-2003), dates (TimeBank), quotations (PolNeAR), and a hand check of
# quantities on the sample corpus.
eval-extract: eval-ner eval-timex eval-quotes eval-quantities

# Dates and times (TIMEX3): span, type and value scores on TimeBank/AQUAINT and GUM news.
eval-timex: all
	@$(RUNENV) $(LUA) bench/extract/timex.lua $(SHARED)/timex

# Quotations: direct-quote span F1 and speaker accuracy on PolNeAR dev.
eval-quotes: all
	@$(RUNENV) $(LUA) bench/extract/quotes.lua $(SHARED)/quotes/polnear_dev.jsonl

eval-sbd: all
	@$(RUNENV) $(LUA) bench/eval_sbd.lua $(SHARED)/sbd

# Retrieval effectiveness: lede's search against SQLite FTS5 and Xapian (installs python3-xapian).
eval-ir: all
	@$(RUNENV) sh bench/eval_ir.sh $(SHARED)/ir

# Summaries: every lede.summarize method, lead baselines and OTS (installs ots), scored by ROUGE.
# Quantities in the sample corpus, counts by unit, and a small hand check (not a benchmark).
eval-quantities: all
	@$(RUNENV) $(LUA) bench/extract/quantities.lua examples/corpus bench/extract/quantities_expected.txt

eval-summ: all
	@$(RUNENV) sh bench/eval_summ.sh $(SHARED)/summ

# Named entities: exact-span, exact-type P/R/F1 per type on CoNLL-2003 dev (eng.testa).
eval-ner: all
	@$(RUNENV) $(LUA) bench/extract/ner.lua $(SHARED)/ner/conll2003_dev.jsonl

# The shipped entity model, data/ner.model, trained on CoNLL-2003 train; deterministic (same bytes
# on every run, check with cmp).
NER_EPOCHS ?= 16
model: all
	@if [ -f $(SHARED)/ner/conll2003_train.txt ]; then \
	  $(RUNENV) $(LUA) bench/extract/ner_train.lua $(SHARED)/ner/conll2003_train.txt data/ner.model $(NER_EPOCHS); \
	else echo "model: no $(SHARED)/ner/conll2003_train.txt; data/ner.model left as it is"; fi

bench: bench-text bench-extract bench-search bench-summ

bench-text: all
	@$(RUNENV) sh bench/bench_text.sh $(SHARED)/news

# Extraction speed: analysis plus entities, quotes, dates and quantities, beside compromise.
bench-extract: all
	@$(RUNENV) sh bench/bench_extract.sh $(SHARED)/news

# Where extraction time goes: analysis, then each extractor alone.
bench-extract-stages: all
	@if [ -f $(SHARED)/news/reuters21578.jsonl ]; then \
	  $(RUNENV) $(LUA) bench/extract/stages.lua $(SHARED)/news/reuters21578.jsonl:body $(SHARED)/news/bbc_fulltext.jsonl:text; \
	else echo "bench-extract-stages: $(SHARED)/news not found — benchmark data is not shipped with lede"; fi

# Search speed: lede's index against SQLite FTS5 and Xapian (installs python3-xapian if missing).
bench-search: all
	@$(RUNENV) sh bench/bench_search.sh $(SHARED)/news

# Summarization speed: articles/s per lede.summarize method beside OTS (installs ots if missing).
bench-summ: all
	@$(RUNENV) sh bench/bench_summ.sh $(SHARED)/summ

clean:
	rm -rf lede build

# libFuzzer targets, each run for FUZZ_SECONDS (clang's libFuzzer, with ASan and UBSan).
FUZZ_SECONDS ?= 60
CORE_SRC := $(filter-out csrc/lua/%,$(SRC))
FUZZ_FLAGS := -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all

build/fuzz/%: fuzz/%.c $(CORE_SRC) $(HDR) | fuzz-deps
	@mkdir -p build/fuzz
	clang -Icsrc -D_POSIX_C_SOURCE=200809L -std=c11 -Wall -Wextra -Werror $(FUZZ_FLAGS) -o $@ $< $(CORE_SRC) $(LIBS)

fuzz-deps:
	@sh .ci/deps.sh clang libclang-rt-14-dev

fuzz: deps lede/core.so build/fuzz/fuzz_article build/fuzz/fuzz_query build/fuzz/fuzz_segment build/fuzz/fuzz_state build/fuzz/fuzz_signature
	@mkdir -p build/fuzz/corpus-article
	build/fuzz/fuzz_article -max_total_time=$(FUZZ_SECONDS) -max_len=4096 build/fuzz/corpus-article fuzz/regressions examples/corpus
	mkdir -p build/fuzz/corpus-query && build/fuzz/fuzz_query -max_total_time=$(FUZZ_SECONDS) -max_len=4096 build/fuzz/corpus-query fuzz/regressions
	@# Segment seeds: a real segment of one sample story, which the fuzzer then mutates.
	@rm -rf build/fuzz/seed-index && mkdir -p build/fuzz/corpus-segment
	@$(RUNENV) $(LUA) -e 'local lede = require("lede"); local ix = lede.index.open("build/fuzz/seed-index", { create = true }); for _, a in lede.read("examples/corpus/storm.jsonl") do ix:add(a) end; ix:commit()'
	@cp build/fuzz/seed-index/*.lseg build/fuzz/corpus-segment/
	build/fuzz/fuzz_segment -max_total_time=$(FUZZ_SECONDS) -max_len=65536 build/fuzz/corpus-segment
	@# State seeds: the body of the seed index's saved clustering (header and checksum cut off,
	@# the target puts right ones back); signature seeds: signatures of the sample articles.
	@mkdir -p build/fuzz/corpus-state build/fuzz/corpus-signature
	@$(RUNENV) $(LUA) bin/lede cluster --write build/fuzz/seed-index >/dev/null
	@tail -c +21 build/fuzz/seed-index/stories.state | head -c -4 > build/fuzz/corpus-state/seed
	build/fuzz/fuzz_state -max_total_time=$(FUZZ_SECONDS) -max_len=65536 build/fuzz/corpus-state
	@$(RUNENV) $(LUA) -e 'local lede = require("lede"); local n = 0; for _, a in lede.read("examples/corpus/storm.jsonl") do n = n + 1; local f = assert(io.open("build/fuzz/corpus-signature/storm-" .. n, "wb")); f:write(lede.dedup.signature(a)); f:close() end'
	build/fuzz/fuzz_signature -max_total_time=$(FUZZ_SECONDS) -max_len=8192 build/fuzz/corpus-signature

# Screenshots of the HTML reports of the sample corpus (docs/img/report-NAME.png, for the README),
# taken by headless Chromium at 1200x1600, made smaller by pngquant (256 colours) when it is there.
CHROMIUM := chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,1600
.PHONY: screenshots
screenshots: all
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; mkdir -p docs/img; \
	$(RUNENV) $(LUA) bin/lede index -o "$$tmp/index" --no-progress examples/corpus/*.jsonl; \
	$(RUNENV) $(LUA) bin/lede cluster --write "$$tmp/index" >/dev/null; \
	$(RUNENV) $(LUA) bin/lede report briefing --days 14 -f html -o "$$tmp/briefing.html" "$$tmp/index"; \
	$(RUNENV) $(LUA) bin/lede report dossier -f html -o "$$tmp/dossier.html" Holloway "$$tmp/index"; \
	$(RUNENV) $(LUA) bin/lede report brief --id defence-003 -f html -o "$$tmp/brief.html" "$$tmp/index"; \
	$(RUNENV) $(LUA) bin/lede report quotes -f html -o "$$tmp/quotes.html" measles "$$tmp/index"; \
	$(RUNENV) $(LUA) bin/lede report timeline -f html -o "$$tmp/timeline.html" storm "$$tmp/index"; \
	$(RUNENV) $(LUA) bin/lede report overview -f html -o "$$tmp/overview.html" "$$tmp/index"; \
	for name in briefing dossier brief quotes timeline overview; do \
	  $(CHROMIUM) --screenshot="$(CURDIR)/docs/img/report-$$name.png" "file://$$tmp/$$name.html" 2>/dev/null; \
	done; \
	if command -v pngquant >/dev/null; then pngquant --force --ext .png --skip-if-larger docs/img/report-*.png || true; fi; \
	ls -l docs/img/report-*.png

# Stories: clustering quality on the sample corpus (one story per file: purity, inverse purity,
# B-cubed), then the time to cluster Reuters-21578 + BBC (~22k articles), when ../shared is there.
.PHONY: eval-cluster
eval-cluster: all
	@$(RUNENV) $(LUA) bench/cluster/eval.lua examples/corpus
	@$(RUNENV) $(LUA) bench/cluster/speed.lua $(SHARED)/news

# Near-duplicates: perturbed copies of a Reuters-21578 sample (bench/dedup/perturb.lua, fixed
# seed), precision/recall per perturbation level, the duplicates already in Reuters, and ~100k
# signatures for scale (SCALE=0 skips that part).
eval-dedup: all
	@$(RUNENV) $(LUA) bench/dedup/eval.lua $(SHARED)/news

# Report speed: every built-in report in every format over Reuters-21578 + BBC (~22k articles),
# `lede report` in a fresh process, median of 3; the index is built once into build/bench-reports/.
.PHONY: bench-reports
bench-reports: all
	@$(RUNENV) $(LUA) bench/bench_reports.lua $(SHARED)/news
