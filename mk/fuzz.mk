# mk/fuzz.mk — libFuzzer harnesses (tests/fuzz/), built with Debian's clang.
#   make fuzz         install clang and compiler-rt if missing, build every harness, run
#                     each for FUZZ_SECONDS (default 60) on a copy of its seed corpus
#                     (tests/fuzz/corpus/<name>/, never grown); fails on any crash, leak
#                     or timeout and ends with "fuzz: N passed, N failed"
#   make fuzz-build   only build them: build/fuzz/fuzz_<name>
# Run one by hand from the project root, e.g.
#   build/fuzz/fuzz_mustache -dict=tests/fuzz/mustache.dict build/fuzz/run/mustache/corpus
# and replay a crash with build/fuzz/fuzz_mustache CRASH-FILE.
# The objects of src/ are compiled again with clang into build/fuzz/ (coverage for the
# fuzzer, AddressSanitizer and UndefinedBehaviorSanitizer), apart from gcc's objects.
FUZZ_SECONDS ?= 60
FUZZ_CC      ?= clang
FUZZ_BUILD   := build/fuzz
FUZZ_NAMES   := frontmatter mustache content
FUZZ_CFLAGS  := -std=c17 -O1 -g -fno-omit-frame-pointer $(WARN) -D_GNU_SOURCE -D_FILE_OFFSET_BITS=64 -MMD -MP \
                -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_LIB_OBJ := $(LIB_SRC:%.c=$(FUZZ_BUILD)/%.o)
FUZZ_BIN     := $(FUZZ_NAMES:%=$(FUZZ_BUILD)/fuzz_%)
.SECONDARY: $(FUZZ_LIB_OBJ)

.PHONY: fuzz fuzz-build
fuzz:
	@scripts/deps.sh fuzz
	@$(MAKE) --no-print-directory fuzz-build
	@tests/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_NAMES)

fuzz-build: $(FUZZ_BIN)

$(FUZZ_BUILD)/src/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link $(PKG_CFLAGS) -DSOFGEN_VERSION='"$(VERSION)"' -c -o $@ $<

$(FUZZ_BUILD)/libsofgen.a: $(FUZZ_LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

# Linked against the archive, so a harness takes only the objects it uses.
# fuzz_content.c compiles src/read/content.c into itself (to fill sg_sources in memory):
# it defines every symbol of content.o, so that member is never taken.
$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_BUILD)/libsofgen.a
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer $(PKG_CFLAGS) -Isrc -o $@ $< $(FUZZ_BUILD)/libsofgen.a $(PKG_LIBS)
