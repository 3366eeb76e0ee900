# sofgen — static-site generator for samordningsförbund.
#   make site   install missing packages, build sofgen and the example site into site/
#   make test   install what the tests need and run every test (unit, spec, integration,
#               sanitizers, valgrind)
CC      ?= cc
OPT     ?= -O2 -g
PKGS     = libcmark yaml-0.1 jansson libmicrohttpd
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

.PHONY: all site test unit check-asan valgrind e2e deps deps-test clean
all: sofgen

sofgen: $(BUILD)/sofgen
	cp $< $@

$(BUILD)/sofgen: $(BUILD)/src/main.o $(BUILD)/libsofgen.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/libsofgen.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -DSOFGEN_VERSION='"$(VERSION)"' -c -o $@ $<

$(BUILD)/tests/%: tests/%.c $(BUILD)/libsofgen.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -Isrc -o $@ $< $(BUILD)/libsofgen.a $(PKG_LIBS) $(shell pkg-config --libs criterion jansson)

deps:
	@scripts/deps.sh build
deps-test:
	@scripts/deps.sh test

site: deps
	@$(MAKE) --no-print-directory sofgen
	./sofgen build

# Every criterion test binary, run from the project root (tests read content/, ../shared/).
unit: $(TEST_BIN) $(BUILD)/sofgen
	@failed=0; for t in $(TEST_BIN); do SOFGEN=$(BUILD)/sofgen $$t --short-filename -j2 || failed=$$((failed+1)); done; \
	  if [ $$failed -ne 0 ]; then echo "unit: $$failed test program(s) failed"; exit 1; fi

test: deps-test
	@$(MAKE) --no-print-directory unit
	@$(MAKE) --no-print-directory check-asan
	@$(MAKE) --no-print-directory valgrind
	@$(MAKE) --no-print-directory e2e
	@$(MAKE) --no-print-directory fuzz

# The same tests built with AddressSanitizer and UndefinedBehaviorSanitizer.
# criterion's own runner leaks a few bytes; tests/lsan.supp ignores exactly that.
check-asan:
	@LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp $(MAKE) --no-print-directory unit BUILD=build/asan \
	  OPT="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	  LDFLAGS="-fsanitize=address,undefined"

# A full build of the example site under valgrind: zero errors, zero leaks.
valgrind: $(BUILD)/sofgen
	@rm -rf build/valgrind-site
	valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect,possible \
	  --errors-for-leak-kinds=definite,indirect,possible $(BUILD)/sofgen build --out build/valgrind-site
	@echo "valgrind: 1 passed, 0 failed"

# Browser tests: the example site, built with a fixed date, in Debian's chromium
# (headless, driven by playwright-core from npm; never a downloaded browser).
# E2E_FORMS_SITE: forms with one single-line field (tests/e2e/print-forms.test.js).
E2E_SITE = build/e2e-site
E2E_FORMS_SITE = build/e2e-forms-site
e2e: $(BUILD)/sofgen
	@scripts/deps.sh e2e
	@cd tests/e2e && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@rm -rf $(E2E_SITE) && $(BUILD)/sofgen build --now 2020-06-01T12:00 --out $(E2E_SITE)
	@rm -rf $(E2E_FORMS_SITE) && $(BUILD)/sofgen build --now 2020-06-01T12:00 \
	  --content tests/e2e/fixtures/one-field/content --out $(E2E_FORMS_SITE)
	cd tests/e2e && SITE_DIR=$(CURDIR)/$(E2E_SITE) FORMS_SITE_DIR=$(CURDIR)/$(E2E_FORMS_SITE) node --test

clean:
	rm -rf build sofgen

# More targets, one file per concern (fuzzing, hostile inputs, …)
include $(wildcard mk/*.mk)

-include $(shell find build -name '*.d' 2>/dev/null)
