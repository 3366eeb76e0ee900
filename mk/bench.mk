# make bench — sofgen against Hugo on the shared synthetic catalogue (bench/README.md).
# BENCH_RUNS (default 3), BENCH_N, BENCH_LARGE=1 (adds 100 000 insatser).
BENCH_RUNS ?= 3
.PHONY: bench
bench: deps
	@$(MAKE) --no-print-directory sofgen
	bench/run.sh $(BENCH_RUNS)
