# mk/serve.mk — `sofgen serve` under valgrind.
#   make valgrind-serve   the serve integration tests (tests/integration/test_serve.c) with the
#                         server itself run under valgrind: a build, requests of every kind, an
#                         event stream, an edit, a broken and a fixed file, SIGTERM. Any memory
#                         error or leak makes the server exit 99, which fails the test.
# `make valgrind` runs it too. Valgrind does not know openat2 (it answers ENOSYS, and the
# server falls back to openat); its warnings about that end up in the server's log only.
VALGRIND_SERVE = valgrind -q --error-exitcode=99 --suppressions=$(CURDIR)/tests/valgrind.supp --leak-check=full --show-leak-kinds=definite,indirect,possible \
                 --errors-for-leak-kinds=definite,indirect,possible

.PHONY: valgrind-serve
valgrind: valgrind-serve
valgrind-serve: $(BUILD)/tests/integration/test_serve $(BUILD)/sofgen
	$(TEST_ENV) SOFGEN=$(BUILD)/sofgen SOFGEN_SERVE_WRAPPER="$(VALGRIND_SERVE)" SOFGEN_SERVE_RELOAD_MS=20000 \
	  $(BUILD)/tests/integration/test_serve --short-filename -j1 --filter 'serve/*'
