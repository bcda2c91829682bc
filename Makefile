# Veil — the two commands of the quick start are `make demo` and `make test`.
SWIFT   ?= swift
PREFIX  ?= /usr/local
SUDO    := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
VEIL    := .build/debug/veil

.PHONY: deps build demo test install clean

# libpcre2-dev is the regex engine's headers and library (Debian package).
deps:
	@if [ ! -f /usr/include/pcre2.h ]; then \
		echo "Installing libpcre2-dev (PCRE2, Veil's regex engine)..."; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libpcre2-dev pkg-config; \
	fi

build: deps
	$(SWIFT) build --product veil

# Anonymize the bundled forum post with the built-in default policy and print the result.
demo: build
	$(VEIL) anonymize Examples/forum-post-zh.txt

test: deps
	$(SWIFT) test

# Installs the binary and the shipped plugins and policies (found at $(PREFIX)/share/veil).
install: deps
	$(SWIFT) build -c release --product veil
	$(SUDO) install -d $(PREFIX)/bin $(PREFIX)/share/veil
	$(SUDO) install -m 755 .build/release/veil $(PREFIX)/bin/veil
	$(SUDO) cp -R Plugins Policies $(PREFIX)/share/veil/

clean:
	rm -rf .build
