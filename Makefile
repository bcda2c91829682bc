# Veil — the two commands of the quick start are `make demo` and `make test`.
SWIFT   ?= swift
PREFIX  ?= /usr/local
SUDO    := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
VEIL    := .build/debug/veil

.PHONY: deps build demo test bench install clean

# Debian packages: libpcre2-dev (PCRE2, the regex engine) and libsqlite3-dev (the mapping vault);
# for the tests only: python3 (the example process plugins and fixtures) and chromium (the review
# page's browser test). Veil itself needs neither.
deps:
	@if [ ! -f /usr/include/pcre2.h ] || [ ! -f /usr/include/sqlite3.h ] || ! command -v python3 > /dev/null || ! command -v chromium > /dev/null; then \
		echo "Installing libpcre2-dev, libsqlite3-dev, python3 and chromium..."; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libpcre2-dev libsqlite3-dev pkg-config python3 chromium; \
	fi

build: deps
	$(SWIFT) build --product veil

# Anonymize the bundled forum post with the built-in default policy and print the result.
demo: build
	$(VEIL) anonymize Examples/forum-post-zh.txt

# The test suite, then the library pipeline example checked against the CLI (Examples/Pipeline).
test: deps
	$(SWIFT) test
	Examples/Pipeline/check.sh

# Throughput, peak memory and start-up of the release build on a generated corpus (Benchmarks/).
bench: deps
	$(SWIFT) build -c release --product veil
	python3 Benchmarks/run.py --size 10 --plugins

# Installs the binary and the shipped plugins and policies (found at $(PREFIX)/share/veil).
install: deps
	$(SWIFT) build -c release --product veil
	$(SUDO) install -d $(PREFIX)/bin $(PREFIX)/share/veil
	$(SUDO) install -m 755 .build/release/veil $(PREFIX)/bin/veil
	$(SUDO) cp -R Plugins Policies $(PREFIX)/share/veil/

clean:
	rm -rf .build
