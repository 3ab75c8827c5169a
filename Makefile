# decant — one plain Makefile that globs the sources: a new file needs no edit.
CC       ?= gcc
MINGW_CC ?= x86_64-w64-mingw32-gcc
CFLAGS   ?= -O2 -g
CFLAGS   += -std=gnu11 -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers \
            -fno-strict-aliasing -fno-omit-frame-pointer -D_GNU_SOURCE \
            -Isrc/include -Isrc/loader -Isrc/nt -Isrc/fs -Isrc
LDLIBS   += -lm

BUILD    := build
SRCS     := $(shell find src -name '*.c' | sort)
OBJS     := $(SRCS:%.c=$(BUILD)/%.o)
DEPS     := $(OBJS:.o=.d)
CORE_OBJS := $(filter-out $(BUILD)/src/main.o,$(OBJS))

.PHONY: all demo test unit programs fuzz bench bench-real clean deps
all: $(BUILD)/decant

# V=1 shows the commands.
Q := $(if $(V),,@)

$(BUILD)/decant: $(OBJS)
	@echo "  LINK   $@"
	$(Q)$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC     $<"
	$(Q)$(CC) $(CFLAGS) -iquote $(dir $<) -MMD -MP -c -o $@ $<

-include $(DEPS)

deps:
	@scripts/deps.sh

# The demo: build decant and run a Windows program with it.
demo: deps $(BUILD)/decant $(BUILD)/examples/hello.exe
	$(BUILD)/decant $(BUILD)/examples/hello.exe "from decant"

$(BUILD)/examples/%.exe: examples/%.c
	@mkdir -p $(dir $@)
	$(MINGW_CC) -O2 -o $@ $<

# Native unit tests: one binary per tests/unit/*.c, linked with decant's core.
UNIT_SRCS := $(wildcard tests/unit/*.c)
UNIT_BINS := $(UNIT_SRCS:%.c=$(BUILD)/%)
$(BUILD)/tests/unit/%: tests/unit/%.c $(CORE_OBJS)
	@mkdir -p $(dir $@)
	@echo "  UNIT   $@"
	$(Q)$(CC) $(CFLAGS) -Itests/unit -o $@ $< $(CORE_OBJS) $(LDLIBS)
unit: $(UNIT_BINS)

test: deps $(BUILD)/decant $(UNIT_BINS)
	@tests/run.sh

# The PE header parser under libFuzzer (clang), a few minutes by default.
FUZZ_SECONDS ?= 180
fuzz:
	@mkdir -p $(BUILD)/fuzz/corpus
	clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc/include -D_GNU_SOURCE \
	    -o $(BUILD)/fuzz/pe_fuzz tests/fuzz/pe_fuzz.c src/loader/pe_parse.c
	$(BUILD)/fuzz/pe_fuzz -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
	    $(BUILD)/fuzz/corpus tests/fuzz/seeds

bench: $(BUILD)/decant
	@bench/run.sh

# The real programs of tests/real/ under decant and under Wine, a few minutes.
bench-real: $(BUILD)/decant
	@bench/real.sh

clean:
	rm -rf $(BUILD)
