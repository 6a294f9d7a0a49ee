# crosscheck — build, test, demo, fuzz, bench.
#
#   make demo    set up, build, ingest examples/ into build/demo.db, print its stories
#   make test    set up, build, run every test (also under ASan+UBSan, and a short fuzz run)
#   make e2e     the web page of `crosscheck serve` in headless Chromium (part of make test)
#   make bench   throughput and memory on a generated 100,000-article corpus,
#                main-text extraction speed beside readability, and the HTTP server
#                under wrk load (bench-deps: their packages)
#   make fuzz    run the libFuzzer targets for FUZZ_SECONDS each (default 60)
#
# Set-up: missing Debian packages are installed with apt-get (as root, or via
# sudo), so a fresh Debian 12 machine needs nothing but these commands.

CC       ?= cc
FUZZ_CC  ?= clang
VARIANT  ?= release

DEBIAN_PACKAGES := gcc make libc6-dev libsqlite3-dev libutf8proc-dev libstemmer-dev \
                   libxxhash-dev libcjson-dev libcmocka-dev libexpat1-dev libxml2-dev zlib1g-dev \
                   libcurl4-openssl-dev libmicrohttpd-dev clang libclang-rt-14-dev jq curl ots python3 time \
                   chromium chromium-driver

WARNINGS := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2
CPPFLAGS := -Iinclude -Isrc -Ibuild/gen -I/usr/include/libxml2 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
LIBS     := -lsqlite3 -lutf8proc -lstemmer -lxxhash -lcjson -lexpat -lxml2 -lcurl -lmicrohttpd -lz -lm -lpthread

ifeq ($(VARIANT),asan)
  OPTFLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
else
  OPTFLAGS := -O2 -g
endif
CFLAGS   ?=
ALL_CFLAGS := -std=c11 $(WARNINGS) $(OPTFLAGS) $(CFLAGS)

OUT      := build/$(VARIANT)
GEN      := build/gen/stopwords_data.c build/gen/background_data.c build/gen/gazetteer_data.c build/gen/ner_data.S \
            build/gen/web_assets.c
LIB_SRC  := $(sort $(filter-out src/cli/%,$(wildcard src/*/*.c)))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(OUT)/%.o) $(OUT)/gen/stopwords_data.o $(OUT)/gen/background_data.o \
            $(OUT)/gen/gazetteer_data.o $(OUT)/gen/ner_data.o $(OUT)/gen/web_assets.o
CLI_OBJ  := $(CLI_SRC:%.c=$(OUT)/%.o)
LIB      := $(OUT)/libcrosscheck.a
BIN      := $(OUT)/crosscheck
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(OUT)/tests/%)
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/%)
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 15
SHARED   ?= ../shared

.PHONY: all deps bench-deps build demo test unit cli-tests e2e asan-tests fuzz fuzz-smoke bench clean

all: deps build

# ---- set-up ---------------------------------------------------------------

deps:
	@missing=""; \
	for p in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	command -v node >/dev/null 2>&1 || missing="$$missing nodejs"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO=sudo; \
	  else echo "crosscheck: need root to install:$$missing" >&2; exit 1; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# ---- build ----------------------------------------------------------------

build: $(BIN)

build/gen/stopwords_data.c: scripts/embed-stopwords.sh $(wildcard data/stopwords/*.txt)
	@mkdir -p $(dir $@)
	sh scripts/embed-stopwords.sh $@ $(sort $(wildcard data/stopwords/*.txt))

build/gen/background_data.c: scripts/embed-background.sh $(wildcard data/idf/english.tsv)
	@mkdir -p $(dir $@)
	sh scripts/embed-background.sh $@ $(wildcard data/idf/english.tsv)

build/gen/gazetteer_data.c: scripts/embed-gazetteers.sh $(wildcard data/gazetteers/*.txt)
	@mkdir -p $(dir $@)
	sh scripts/embed-gazetteers.sh $@ $(sort $(wildcard data/gazetteers/*.txt))

# The web page and the OpenAPI document, built into the binary for `serve`.
WEB_FILES := $(sort $(wildcard web/*.html web/*.js web/*.css web/*.svg web/*.png web/*.ico))
WEB_ASSETS := $(foreach f,$(WEB_FILES),/$(notdir $(f))=$(f)) \
              $(if $(wildcard src/api/openapi.json),/api/openapi.json=src/api/openapi.json)
build/gen/web_assets.c: scripts/embed-web.sh $(WEB_FILES) $(wildcard src/api/openapi.json) Makefile
	@mkdir -p $(dir $@)
	sh scripts/embed-web.sh $@ $(WEB_ASSETS)

# gazetteer.c looks for the generated lists (__has_include): generate them first.
$(OUT)/src/ner/gazetteer.o: build/gen/gazetteer_data.c

# The entity model and word clusters are linked in as raw bytes (.incbin).
NER_DATA := $(wildcard data/models/ner-english.bin) $(wildcard data/clusters/english.tsv)
build/gen/ner_data.S: scripts/embed-binary.sh $(NER_DATA)
	@mkdir -p $(dir $@)
	sh scripts/embed-binary.sh $@ xc_embedded_ner_model data/models/ner-english.bin \
	    xc_embedded_clusters data/clusters/english.tsv

$(OUT)/gen/ner_data.o: build/gen/ner_data.S $(NER_DATA)
	@mkdir -p $(dir $@)
	$(CC) -c $< -o $@

$(OUT)/%.o: %.c include/crosscheck.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(OUT)/gen/%.o: build/gen/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c $< -o $@

$(LIB): $(LIB_OBJ)
	ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	$(CC) $(ALL_CFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(LIBS)

$(OUT)/tests/%: tests/unit/%.c tests/unit/test_util.h $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(LIB) $(LIBS) -lcmocka

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)

# ---- demo -----------------------------------------------------------------

demo: deps build
	@rm -f build/demo.db build/demo.db-wal build/demo.db-shm
	./$(BIN) --db build/demo.db ingest examples
	@echo
	./$(BIN) --db build/demo.db stories
	@echo
	@biggest=$$(./$(BIN) --db build/demo.db --json stories --limit 1 | jq -r .id); \
	echo "./$(BIN) --db build/demo.db story $$biggest"; ./$(BIN) --db build/demo.db story $$biggest
	@echo
	./$(BIN) --db build/demo.db search '"life jackets"'

# ---- tests ----------------------------------------------------------------

test: deps
	$(MAKE) unit cli-tests e2e
	$(MAKE) VARIANT=asan asan-tests
	$(MAKE) fuzz-smoke
	@echo "make test: all passed"

unit: $(UNIT_BIN)
	@set -e; for t in $(UNIT_BIN); do echo "== $$t"; CROSSCHECK_EXAMPLES=examples ./$$t; done

cli-tests: $(BIN)
	@set -e; for t in $(sort $(wildcard tests/cli/test_*.sh)); do \
	  echo "== $$t"; CROSSCHECK=$(abspath $(BIN)) SHARED=$(abspath $(SHARED)) sh $$t; done

# The web page in Debian's Chromium against a real `crosscheck serve` (tests/e2e/run.sh), driven
# by playwright-core, pinned by tests/e2e/package-lock.json and installed again only when the
# lockfile changes. No browser is downloaded: the tests use /usr/bin/chromium. Screenshots go to
# build/e2e/.
E2E_STAMP := tests/e2e/node_modules/.installed
$(E2E_STAMP): tests/e2e/package.json tests/e2e/package-lock.json
	cd tests/e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

e2e: $(BIN) $(E2E_STAMP)
	@echo "== tests/e2e/run.sh"
	@CROSSCHECK=$(abspath $(BIN)) sh tests/e2e/run.sh build/e2e

# The same tests with AddressSanitizer and UndefinedBehaviorSanitizer.
asan-tests: export ASAN_OPTIONS = abort_on_error=1:detect_leaks=1
asan-tests: export UBSAN_OPTIONS = print_stacktrace=1:halt_on_error=1
asan-tests: unit cli-tests

# ---- fuzzing --------------------------------------------------------------

FUZZ_FLAGS := -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined

# The library is compiled once with the fuzzing instrumentation
# (fuzzer-no-link) and each target links against it.
FUZZ_LIB_FLAGS := -std=c11 -g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
FUZZ_OBJ := $(LIB_SRC:%.c=build/fuzz/obj/%.o) $(patsubst build/gen/%,build/fuzz/obj/gen/%.o,$(GEN))
FUZZ_LIB := build/fuzz/libcrosscheck-fuzz.a

build/fuzz/obj/%.o: %.c include/crosscheck.h $(GEN)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_LIB_FLAGS) -MMD -MP -c $< -o $@

build/fuzz/obj/gen/%.o: build/gen/%
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_LIB_FLAGS) -c $< -o $@

$(FUZZ_LIB): $(FUZZ_OBJ)
	ar rcs $@ $^

build/fuzz/%: tests/fuzz/%.c $(FUZZ_LIB) include/crosscheck.h
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_FLAGS) -o $@ $< $(FUZZ_LIB) $(LIBS)

-include $(FUZZ_OBJ:.o=.d)

fuzz: deps $(FUZZ_BIN)
	@set -e; for f in $(FUZZ_BIN); do name=$$(basename $$f); \
	  mkdir -p build/fuzz/corpus/$$name; \
	  echo "== $$name for $(FUZZ_SECONDS)s"; \
	  $$f -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
	      -artifact_prefix=build/fuzz/ -print_final_stats=0 \
	      build/fuzz/corpus/$$name tests/fuzz/corpus/$$name; done

fuzz-smoke:
	$(MAKE) fuzz FUZZ_SECONDS=$(FUZZ_SMOKE_SECONDS)

# ---- benchmark ------------------------------------------------------------

build/bench/gencorpus: bench/gencorpus.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O2 -Wall -Wextra -o $@ $< -lm

build/bench/bench_ingest: bench/bench_ingest.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(LIB) $(LIBS)

build/bench/bench_engine: bench/bench_engine.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(LIB) $(LIBS)

build/bench/bench_ner: bench/bench_ner.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(LIB) $(LIBS)

build/bench/bench_dates: bench/bench_dates.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(LIB) $(LIBS)

build/bench/bench_quotes: bench/bench_quotes.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(LIB) $(LIBS)

build/bench/bench_numbers: bench/bench_numbers.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(LIB) $(LIBS)

build/bench/bench_claims: bench/bench_claims.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(LIB) $(LIBS)

build/bench/bench_warc: bench/bench_warc.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(LIB) $(LIBS)

# Only the benchmark needs these (not make test): python3-readability, nodejs and
# npm for the extraction competitors, and their pinned npm packages in build/;
# wrk (and curl) for the HTTP server's load.
bench-deps:
	sh bench/extract.sh --install-only
	sh bench/serve.sh --install-only

bench: deps bench-deps build build/bench/gencorpus build/bench/bench_ingest build/bench/bench_engine build/bench/bench_ner \
       build/bench/bench_dates \
       build/bench/bench_quotes build/bench/bench_numbers build/bench/bench_claims build/bench/bench_warc
	sh bench/run.sh $(SHARED)
	BENCH_SERVE_FROM=build/bench/bench.db sh bench/serve.sh $(SHARED)

clean:
	rm -rf build
