# Veil — the two commands of the quick start are `make demo` and `make test`.
SWIFT   ?= swift
PREFIX  ?= /usr/local
SUDO    := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
VEIL    := .build/release/veil

.PHONY: deps test-deps release build demo test docs format lint bench fuzz install clean

# What Veil needs to build and run: libpcre2-dev (PCRE2, the regex engine) and libsqlite3-dev (the
# mapping vault). Installed only when missing; nothing else is upgraded.
deps:
	@if [ ! -f /usr/include/pcre2.h ] || [ ! -f /usr/include/sqlite3.h ] || ! command -v pkg-config > /dev/null; then \
		echo "Installing libpcre2-dev, libsqlite3-dev and pkg-config..."; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-upgrade libpcre2-dev libsqlite3-dev pkg-config; \
	fi

# What only the tests need: python3 (the example process plugins and fixtures; `requests` calls the
# server as a client in another language would), chromium (the review page's browser test), openssl
# (the server test's certificate), and Java 17 with pyspark (Veil on Spark, Integrations/spark).
test-deps: deps
	@if ! command -v python3 > /dev/null || ! command -v chromium > /dev/null || ! command -v openssl > /dev/null || ! command -v java > /dev/null; then \
		echo "Installing python3, chromium, openssl and Java 17 for the tests..."; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-upgrade python3 chromium openssl openjdk-17-jre-headless; \
	fi
	@python3 -c "import requests" 2> /dev/null || python3 -m pip install --quiet requests || $(SUDO) apt-get install -y -qq python3-requests
	@python3 -c "import schemathesis" 2> /dev/null || python3 -m pip install --quiet schemathesis
	@python3 -c "import pyspark" 2> /dev/null || python3 -m pip install --quiet pyspark

# The optimized binary, .build/release/veil: the one to run on real data (a debug build is about
# ten times slower). The first build takes a few minutes; later ones only rebuild what changed.
# The Swift runtime and Foundation are linked in: the binary starts about 12 ms sooner (no shared
# libraries of the toolchain to load and relocate) and runs where the toolchain is not installed.
release: deps
	$(SWIFT) build -c release --product veil --static-swift-stdlib

build: release

# Anonymize the bundled forum post with the built-in default policy and print the result.
demo: release
	$(VEIL) anonymize Examples/forum-post-zh.txt

# The code's layout (.swift-format), the test suite, the server against its OpenAPI document
# (Tests/API, schemathesis), the library pipeline example checked against the CLI
# (Examples/Pipeline), Veil on Spark against the CLI (Integrations/spark, with the release build),
# then the library's documentation (whose links must all resolve).
# The server's tests run on their own: they start a server whose requests need Swift's few
# cooperative threads, which the rest of the suite's long synchronous tests hold for minutes.
test: test-deps lint
	$(SWIFT) test --skip VeilServerTests
	$(SWIFT) test --skip-build --filter VeilServerTests
	Tests/API/check.sh
	Examples/Pipeline/check.sh
	$(MAKE) release
	Integrations/spark/check.sh
	$(MAKE) docs

# swift-format with the repository's .swift-format: `make format` rewrites, `make lint` checks.
SWIFT_SOURCES := Package.swift Sources Tests Examples/Pipeline/Package.swift Examples/Pipeline/Sources Fuzz/Package.swift Fuzz/Sources
format:
	$(SWIFT) format format --in-place --recursive $(SWIFT_SOURCES)
lint:
	$(SWIFT) format lint --strict --recursive $(SWIFT_SOURCES)

# The library's DocC documentation — the `Veil` façade and the engine types it re-exports — in
# .build/plugins/Swift-DocC/outputs/Veil.doccarchive; a broken link or any other warning fails.
docs:
	$(SWIFT) package --disable-sandbox generate-documentation --target Veil --target VeilCore \
		--enable-experimental-combined-documentation --warnings-as-errors

# Throughput, peak memory and start-up of the release build on a generated corpus (Benchmarks/).
bench: release
	python3 Benchmarks/run.py --size 10 --plugins

# Every fuzz target (Fuzz/) for FUZZ_SECONDS each (default 300), from its seed corpus in
# Fuzz/Corpus; inputs that crash or hang are written to Fuzz/findings/ and the run fails.
FUZZ_SECONDS ?= 300
FUZZ_TARGETS := text records policy manifest vault protocol image
FUZZ_LIB      = $(firstword $(wildcard /opt/swift/usr/lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a) \
                  $(wildcard $(dir $(shell command -v swiftc))../lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a))
fuzz: deps
	cd Fuzz && $(SWIFT) build -c release -Xswiftc -enable-testing -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp \
		-Xlinker $(FUZZ_LIB) -Xlinker -lstdc++
	@mkdir -p Fuzz/findings
	@for target in $(FUZZ_TARGETS); do \
		mkdir -p Fuzz/.work/$$target; \
		echo "fuzz-$$target: $(FUZZ_SECONDS) s"; \
		ASAN_OPTIONS=detect_leaks=0 Fuzz/.build/release/fuzz-$$target -max_total_time=$(FUZZ_SECONDS) -timeout=20 -rss_limit_mb=4096 -detect_leaks=0 \
			-artifact_prefix=Fuzz/findings/$$target- Fuzz/.work/$$target Fuzz/Corpus/$$target > Fuzz/.work/$$target.log 2>&1 \
			|| { tail -30 Fuzz/.work/$$target.log; exit 1; }; \
		grep -E "^Done|stat::number_of_executed_units" Fuzz/.work/$$target.log | tail -1; \
	done

# Installs the binary and the shipped plugins and policies (found at $(PREFIX)/share/veil).
install: release
	$(SUDO) install -d $(PREFIX)/bin $(PREFIX)/share/veil
	$(SUDO) install -m 755 .build/release/veil $(PREFIX)/bin/veil
	$(SUDO) cp -R Plugins Policies $(PREFIX)/share/veil/

clean:
	rm -rf .build
