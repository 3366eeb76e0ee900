# sofgen — static-site generator for samordningsförbund.
#   make site   install missing packages, build sofgen and the example site into site/
#   make test   install what the tests need and run every test (unit, spec, integration,
#               sanitizers, valgrind, browser, install and package, fuzzing)
#   make install / make uninstall (PREFIX, DESTDIR), make deb (a Debian package)
CC      ?= cc
OPT     ?= -O2 -g
# Installation (make install PREFIX=/usr/local DESTDIR=…); the binary looks for its default
# templates and assets in $(DATADIR), so build and install with the same PREFIX.
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/sofgen
MANDIR  ?= $(PREFIX)/share/man
DOCDIR  ?= $(PREFIX)/share/doc/sofgen
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
PKGS     = libcmark-gfm yaml-0.1 jansson libmicrohttpd icu-uc icu-i18n vips
WARN     = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CFLAGS  += -std=c17 $(OPT) $(WARN) -D_GNU_SOURCE -D_FILE_OFFSET_BITS=64 -MMD -MP
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS)) -lpthread -lm
VERSION := $(shell cat VERSION 2>/dev/null || echo 0.0.0)

BUILD   ?= build/release
LIB_SRC := $(shell find src -name '*.c' ! -name main.c | sort)
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c tests/integration/test_*.c))
TEST_BIN := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)

.PHONY: docs-test
.PHONY: all site test unit schema-test check-asan valgrind e2e deps deps-test clean standalone install uninstall deb deb-test publish-test install-dirs-test install-test reproducible-test
all: sofgen

sofgen: $(BUILD)/sofgen
	cp $< $@

$(BUILD)/sofgen: $(BUILD)/src/main.o $(BUILD)/libsofgen.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/libsofgen.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(PKG_CFLAGS) -DSOFGEN_VERSION='"$(VERSION)"' $(OBJ_DEFS) -c -o $@ $<

# Only site_root.c knows DATADIR; it is compiled again when DATADIR changes.
$(BUILD)/src/cli/site_root.o: OBJ_DEFS = -DSOFGEN_DATADIR='"$(DATADIR)"'
$(BUILD)/src/cli/site_root.o: $(BUILD)/datadir.stamp
$(BUILD)/datadir.stamp: FORCE
	@mkdir -p $(BUILD) && echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' > $@
FORCE:

$(BUILD)/tests/%: tests/%.c $(BUILD)/libsofgen.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(PKG_CFLAGS) -Isrc $(LDFLAGS) -o $@ $< $(BUILD)/libsofgen.a $(PKG_LIBS) $(shell pkg-config --libs criterion jansson)

deps:
	@scripts/deps.sh build
deps-test:
	@scripts/deps.sh test

site: deps
	@$(MAKE) --no-print-directory sofgen
	./sofgen build

# Tests compare messages in English, whatever language the developer's environment names
# (a test that wants Swedish says LANGUAGE=sv); the catalogue is the one of this build.
TEST_ENV = LANGUAGE=en LC_ALL=C.UTF-8 SOFGEN_LOCALEDIR=$(CURDIR)/$(BUILD)/locale

# Every criterion test binary, run from the project root (tests read content/ and tests/),
# and the check that every message has its Swedish translation (mk/i18n.mk).
unit: $(TEST_BIN) $(BUILD)/sofgen
	@failed=0; for t in $(TEST_BIN); do SOFGEN=$(BUILD)/sofgen $(TEST_ENV) $$t --short-filename -j2 || failed=$$((failed+1)); done; \
	  tests/po-check.sh $(LINGUAS) || failed=$$((failed+1)); \
	  if [ $$failed -ne 0 ]; then echo "unit: $$failed test program(s) failed"; exit 1; fi

test: deps-test
	@$(MAKE) --no-print-directory standalone
	@$(MAKE) --no-print-directory unit
	@$(MAKE) --no-print-directory schema-test
	@$(MAKE) --no-print-directory docs-test
	@$(MAKE) --no-print-directory check-asan
	@$(MAKE) --no-print-directory valgrind
	@$(MAKE) --no-print-directory e2e
	@$(MAKE) --no-print-directory install-test
	@$(MAKE) --no-print-directory fuzz

# The JSON Schemas (sofgen schema) against a real validator: the example content
# passes, broken files fail with exact messages.
schema-test: $(BUILD)/sofgen
	/usr/bin/python3 tests/schema/test_schemas.py $(BUILD)/sofgen

# Every relative link and #anchor in the documentation leads to a file and a heading.
docs-test:
	/usr/bin/python3 tests/docs/check_links.py README.md docs/*.md bench/README.md tests/bad/README.md \
	  $(wildcard examples/*/README.md)

# The same tests built with AddressSanitizer and UndefinedBehaviorSanitizer.
# criterion's own runner leaks a few bytes; tests/lsan.supp ignores exactly that.
check-asan:
	@LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp $(MAKE) --no-print-directory unit BUILD=build/asan \
	  OPT="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	  LDFLAGS="-fsanitize=address,undefined"

# The repository stands alone: no tracked file needs a folder beside the checkout or
# names an absolute path of the machine it was written on.
standalone:
	@if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then echo "standalone: not a git checkout, skipped"; exit 0; fi; \
	bad=$$(git ls-files -z | xargs -0 grep -l -I -E -e '[.][.]/shared' -e '(^|[^[:alnum:]_.}$$-])/(wor[k]|hom[e]|roo[t])/' 2>/dev/null); \
	if [ -n "$$bad" ]; then echo "standalone: these tracked files refer to something outside the repository:"; \
	  echo "$$bad" | sed 's/^/  /'; echo "standalone: 0 passed, 1 failed"; exit 1; fi; \
	echo "standalone: 1 passed, 0 failed"

# A full build of the example site under valgrind: zero errors, zero leaks (tests/valgrind.supp:
# only what librsvg keeps for the process).
valgrind: $(BUILD)/sofgen
	@rm -rf build/valgrind-site
	$(TEST_ENV) valgrind -q --error-exitcode=99 --suppressions=tests/valgrind.supp --leak-check=full --show-leak-kinds=definite,indirect,possible \
	  --errors-for-leak-kinds=definite,indirect,possible $(BUILD)/sofgen build --out build/valgrind-site
	@echo "valgrind: 1 passed, 0 failed"

# Browser tests: the example site, built with a fixed date, in Debian's chromium
# (headless, driven by playwright-core from npm; never a downloaded browser).
# E2E_SITE is built as of 2015-06-01, when the Sjuhärad insatser run and take referrals, with
# --build-future (the example's letters were written afterwards, and one links to a later one)
# (status and referrals are computed from the dates against --now).
# E2E_FORMS_SITE: forms with one single-line field (tests/e2e/print-forms.test.js).
E2E_SITE = build/e2e-site
E2E_FORMS_SITE = build/e2e-forms-site
e2e: $(BUILD)/sofgen
	@scripts/deps.sh e2e
	@cd tests/e2e && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@rm -rf $(E2E_SITE) && $(BUILD)/sofgen build --now 2015-06-01T12:00 --build-future --out $(E2E_SITE)
	@rm -rf $(E2E_FORMS_SITE) && $(BUILD)/sofgen build --now 2020-06-01T12:00 \
	  --content tests/e2e/fixtures/one-field/content --out $(E2E_FORMS_SITE)
	cd tests/e2e && $(TEST_ENV) SITE_DIR=$(CURDIR)/$(E2E_SITE) FORMS_SITE_DIR=$(CURDIR)/$(E2E_FORMS_SITE) \
	  SOFGEN=$(CURDIR)/$(BUILD)/sofgen SOFGEN_DECAP_DIR=$(CURDIR)/$(DECAP_DIR) node --test --test-concurrency=1

# The binary, the default templates and assets, the man page and the bash completion.
install: sofgen
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/templates $(DESTDIR)$(DATADIR)/assets \
	  $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(BASHCOMPDIR)
	install -m 755 sofgen $(DESTDIR)$(BINDIR)/sofgen
	install -m 644 templates/*.mustache $(DESTDIR)$(DATADIR)/templates/
	install -m 644 assets/* $(DESTDIR)$(DATADIR)/assets/
	sed -e 's|@DATADIR@|$(DATADIR)|g' -e 's|@DOCDIR@|$(DOCDIR)|g' -e 's|@LOCALEDIR@|$(LOCALEDIR)|g' docs/sofgen.1 > $(DESTDIR)$(MANDIR)/man1/sofgen.1
	chmod 644 $(DESTDIR)$(MANDIR)/man1/sofgen.1
	install -m 644 scripts/sofgen.bash-completion $(DESTDIR)$(BASHCOMPDIR)/sofgen
	install -d $(DESTDIR)$(DOCDIR)
	install -m 644 README.md docs/content-format.md docs/redaktorsguide.md docs/templates.md docs/open-data.md \
	  $(DESTDIR)$(DOCDIR)/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/sofgen $(DESTDIR)$(MANDIR)/man1/sofgen.1 $(DESTDIR)$(BASHCOMPDIR)/sofgen
	rm -rf $(DESTDIR)$(DATADIR) $(DESTDIR)$(DOCDIR)

# A Debian package built from a copy of this tree (dpkg-buildpackage, debhelper), checked
# with lintian; `make deb-test` installs it and builds a new site with no checkout in sight.
DEB_DIR = build/deb
deb:
	@scripts/deps.sh deb
	@rm -rf $(DEB_DIR) && mkdir -p $(DEB_DIR)/sofgen-$(VERSION)
	tar -cf - --exclude=./.git --exclude=./build --exclude=./site --exclude='./site-*' --exclude=./sofgen \
	  --exclude=./tests/e2e/node_modules . | tar -xf - -C $(DEB_DIR)/sofgen-$(VERSION)
	cd $(DEB_DIR)/sofgen-$(VERSION) && dpkg-buildpackage -us -uc -b >../build.log 2>&1 || { tail -40 ../build.log; exit 1; }
	lintian --fail-on error $(DEB_DIR)/sofgen_$(VERSION)_*.deb

deb-test: deb
	scripts/deb-test.sh $(DEB_DIR)/sofgen_$(VERSION)_*.deb

# The publishing pipeline of examples/ci/ run as a script (build, rsync to a folder).
publish-test: $(BUILD)/sofgen
	tests/publish-test.sh $(BUILD)/sofgen

# make install into a scratch DESTDIR and uninstall again leave nothing behind.
install-dirs-test: sofgen
	@d=$$(mktemp -d) && $(MAKE) --no-print-directory install DESTDIR=$$d PREFIX=/usr >/dev/null && \
	  test -x $$d/usr/bin/sofgen && test -f $$d/usr/share/sofgen/templates/base.mustache && \
	  test -f $$d/usr/share/man/man1/sofgen.1 && test -f $$d/usr/share/locale/sv/LC_MESSAGES/sofgen.mo && ! grep -q '@[A-Z]*DIR@' $$d/usr/share/man/man1/sofgen.1 && \
	  $(MAKE) --no-print-directory uninstall DESTDIR=$$d PREFIX=/usr >/dev/null && \
	  left=$$(find $$d -type f | wc -l) && rm -rf $$d && [ $$left -eq 0 ] && \
	  echo "install-dirs-test: 1 passed, 0 failed" || { echo "install-dirs-test: 0 passed, 1 failed"; exit 1; }

# SOURCE_DATE_EPOCH: byte-identical builds.
reproducible-test: $(BUILD)/sofgen
	tests/reproducible-test.sh $(BUILD)/sofgen

install-test: install-dirs-test publish-test reproducible-test deb-test

clean:
	rm -rf build sofgen

# More targets, one file per concern (fuzzing, hostile inputs, …)
include $(wildcard mk/*.mk)

-include $(shell find build -name '*.d' 2>/dev/null)
