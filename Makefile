# Encore: make (build), make demo (serve the sample season), make test.
# CMake does the building; this file is the front door.

BUILD      ?= build
TEST_BUILD ?= build/asan
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
LISTEN     ?= 127.0.0.1:8080
DEMO_DB    ?= $(BUILD)/demo.db

.PHONY: all deps demo test unit cases format-check sample clean

all: $(BUILD)/encore

deps:
	@sh scripts/install-deps.sh

$(BUILD)/Makefile:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null

$(BUILD)/encore: $(BUILD)/Makefile FORCE
	@cmake --build $(BUILD) -j $(JOBS) --target encore

FORCE:

# A fresh database with the sample season moved to the coming weeks, then
# the server. Ctrl-C stops it cleanly.
demo: deps
	@$(MAKE) --no-print-directory all
	@sh scripts/demo.sh $(BUILD)/encore $(DEMO_DB) $(LISTEN)

# Every test, under AddressSanitizer and UBSan.
test: deps
	cmake -S . -B $(TEST_BUILD) -DCMAKE_BUILD_TYPE=Debug \
		-DENCORE_SANITIZE=ON -DENCORE_TESTS=ON >/dev/null
	cmake --build $(TEST_BUILD) -j $(JOBS)
	@$(MAKE) --no-print-directory format-check
	cd $(TEST_BUILD) && ctest --output-on-failure -j $(JOBS)
	sh tests/run-cases.sh $(TEST_BUILD)/encore
	sh tests/run-cli.sh $(TEST_BUILD)/encore
	sh tests/run-roundtrip.sh $(TEST_BUILD)/encore
	sh tests/run-http.sh $(TEST_BUILD)/encore
	sh tests/run-concurrency.sh $(TEST_BUILD)/encore
	python3 tests/api.py $(TEST_BUILD)/encore
	python3 data/test-sample.py --encore $(TEST_BUILD)/encore
	@sh scripts/install-browser-deps.sh
	sh tests/run-browser.sh $(TEST_BUILD)/encore
	@sh scripts/install-soak-deps.sh
	sh tests/fuzz/run.sh short
	python3 tests/badinput.py $(TEST_BUILD)/encore
	python3 tests/access.py $(TEST_BUILD)/encore
	python3 tests/race.py $(TEST_BUILD)/encore
	python3 tests/crash.py --rounds 4 $(TEST_BUILD)/encore
	python3 tests/load.py --seconds 10 $(TEST_BUILD)/encore

format-check:
	@files=$$(find src include tests bench -name '*.[ch]' 2>/dev/null); \
	clang-format --dry-run --Werror $$files && \
	echo "format-check: $$(echo $$files | wc -w) files formatted"

# Rebuilds data/sample-season.json from the source extracts in data/.
sample:
	python3 data/build-sample.py

clean:
	rm -rf $(BUILD)

# The benchmark of issue 4 (bench/run.sh writes bench/RESULTS.md); installs
# wrk, nginx, GNU time and Node.js when missing. The drivers are built
# here against the static libraries of $(BUILD).
.PHONY: bench
BENCH_CFLAGS = -std=c17 -O2 -g -Wall -Wextra -Werror -Wshadow \
	-Wstrict-prototypes -Wmissing-prototypes -Wvla \
	-D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Isrc -Iinclude -Ibench
BENCH_LIBS = $(BUILD)/libencore_store.a $(BUILD)/libencore_codec.a \
	$(BUILD)/libencore_core.a $$(pkg-config --libs jansson sqlite3) -lm \
	-lpthread
bench: deps
	@sh scripts/install-bench-deps.sh
	@$(MAKE) --no-print-directory all
	@mkdir -p $(BUILD)/bench
	$(CC) $(BENCH_CFLAGS) -o $(BUILD)/bench/inproc bench/inproc.c \
		bench/bench.c $(BENCH_LIBS)
	$(CC) $(BENCH_CFLAGS) -o $(BUILD)/bench/sqlnaive bench/sqlnaive.c \
		bench/naive.c bench/bench.c $(BENCH_LIBS)
	sh bench/run.sh $(BUILD)

# The long runs of issue 5 (tests/run-soak.sh), whose figures go into
# docs/SECURITY.md; each step's output is kept in $(BUILD)/soak/.
.PHONY: soak
soak: deps
	@sh scripts/install-soak-deps.sh
	@$(MAKE) --no-print-directory all
	cmake -S . -B $(TEST_BUILD) -DCMAKE_BUILD_TYPE=Debug \
		-DENCORE_SANITIZE=ON -DENCORE_TESTS=ON >/dev/null
	cmake --build $(TEST_BUILD) -j $(JOBS)
	sh tests/run-soak.sh $(BUILD)/encore $(TEST_BUILD)/encore $(BUILD)/soak
