# kyodo — build, run, test.  Everything built goes under build/ (or
# build-asan/ for `make asan`).  Libraries are found through pkg-config.

BUILD   ?= build
CC      ?= cc
PREFIX  ?= /usr/local
PKGS     = ncursesw sqlite3 libsodium xlsxwriter
# cairo and pango lay out the PDFs (src/paper/).
PKGS    += cairo pangocairo
TEST_PKGS = cmocka

CFLAGS_BASE = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-Wformat=2 -Wno-format-nonliteral -g
OPT     ?= -O2
CFLAGS  += $(CFLAGS_BASE) $(OPT) -Isrc -I$(BUILD) \
	-DLOCALEDIR='"$(PREFIX)/share/locale"' \
	$(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS  += $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcsv

LAYERS   = base store domain sync sheet paper
CORE_SRC = $(foreach l,$(LAYERS),$(wildcard src/$(l)/*.c))
CLI_SRC  = $(wildcard src/cli/*.c)
TUI_SRC  = $(wildcard src/tui/*.c) $(wildcard screens/*.c)
CORE_OBJ = $(CORE_SRC:%.c=$(BUILD)/%.o) $(BUILD)/migrations.o
APP_OBJ  = $(CLI_SRC:%.c=$(BUILD)/%.o) $(TUI_SRC:%.c=$(BUILD)/%.o) $(BUILD)/src/main.o
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
MIGRATIONS = $(sort $(wildcard data/[0-9][0-9][0-9][0-9]_*.sql))
LANGS    = ja en
MO       = $(LANGS:%=$(BUILD)/locale/%/LC_MESSAGES/kyodo.mo)
DEMO_DB ?= $(BUILD)/demo.db

.PHONY: all run check unit asan deps clean pot install crash valgrind bench FORCE
.PHONY: deb package-test
all: $(BUILD)/kyodo $(MO)

$(BUILD)/kyodo: $(CORE_OBJ) $(APP_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

# Migrations are embedded in the binary, so a kiosk never reads SQL from disk.
# The list of steps is a prerequisite too, so a step added with an older
# timestamp still rebuilds the table.
$(BUILD)/migrations.list: FORCE
	@mkdir -p $(@D)
	@echo '$(MIGRATIONS)' | cmp -s - $@ 2>/dev/null || echo '$(MIGRATIONS)' > $@

$(BUILD)/migrations.c: $(MIGRATIONS) $(BUILD)/migrations.list tools/embed-sql.sh
	@mkdir -p $(@D)
	sh tools/embed-sql.sh $(MIGRATIONS) > $@

$(BUILD)/migrations.o: $(BUILD)/migrations.c
	$(CC) $(CFLAGS) -Isrc/store -c -o $@ $<

$(BUILD)/locale/%/LC_MESSAGES/kyodo.mo: locale/%.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<

# Regenerate the template after changing a message; then `msgmerge` the catalogs.
pot:
	xgettext --from-code=UTF-8 -k_ -kN_ -kP_:1,2 --add-comments=TRANSLATORS \
		--package-name=kyodo -o locale/kyodo.pot $(sort $(CORE_SRC) $(CLI_SRC) $(TUI_SRC) src/main.c)
	for l in $(LANGS); do msgmerge -q -U --backup=none locale/$$l.po locale/kyodo.pot; done

$(BUILD)/tests/%: tests/unit/%.c $(CORE_OBJ)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(shell pkg-config --cflags $(TEST_PKGS)) -o $@ $^ \
		$(LDLIBS) $(shell pkg-config --libs $(TEST_PKGS))

unit: $(UNIT_BIN)

# The crash test's writer: the core's save path in a loop, to be killed.
$(BUILD)/tests/crash-writer: tests/crash/writer.c $(CORE_OBJ)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

# The attacker of tests/cli/attack.sh: crafts monthly files from the format
# alone, with SQLite and libsodium and no kyodo code (sync.h for its number).
$(BUILD)/tests/craft: tests/tools/craft.c src/sync/sync.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ tests/tools/craft.c $(shell pkg-config --libs sqlite3 libsodium)
check: $(BUILD)/tests/craft

# make bench: city-scale figures beside their baselines (tests/bench/).  The
# data (34 centers x 10 years) is made once into $(BUILD)/bench.
$(BUILD)/tests/bench-hello: tests/bench/hello.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $< $(LDLIBS)

# The PDF figure's baseline: one page by cairo and pango alone.
$(BUILD)/tests/bench-pdf1: tests/bench/pdf1.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $< $(LDLIBS)

bench: all $(BUILD)/tests/bench-hello $(BUILD)/tests/bench-pdf1
	BUILD=$(BUILD) sh tests/bench/bench.sh

crash: all $(BUILD)/tests/crash-writer
	KILLS=$${KILLS:-1000} BUILD=$(BUILD) sh tests/crash/crash.sh
	KILLS=$${EXPORT_KILLS:-200} BUILD=$(BUILD) sh tests/crash/export.sh

$(DEMO_DB): | $(BUILD)/kyodo
	$(BUILD)/kyodo demo --db $@

run: deps all $(DEMO_DB)
	$(BUILD)/kyodo --db $(DEMO_DB) --no-kiosk

check: deps all $(UNIT_BIN) $(BUILD)/tests/crash-writer
	@BUILD=$(BUILD) sh tests/run.sh

# The end-to-end suite with every kyodo run under valgrind; the summary
# counts the runs that reported errors or definite leaks.  The runs use
# tests/valgrind/ncurses.supp; its reproducer says whether it is still needed.
valgrind: deps all
	rm -rf $(BUILD)/valgrind
	@for t in tests/e2e/*.sh; do KYODO_VALGRIND=1 BUILD=$(BUILD) sh $$t; done | grep -E '^(not )?ok' | \
		awk '/^ok/ { p++ } /^not ok/ { f++; print } END { printf "e2e under valgrind: %d passed, %d failed\n", p, f }'
	@$(CC) $(CFLAGS) -o $(BUILD)/ncurses-width1 tests/valgrind/ncurses-width1.c $(shell pkg-config --libs ncursesw)
	@sh tests/valgrind/ncurses-width1.sh $(BUILD)/ncurses-width1
	@sh tests/valgrind-summary.sh $(BUILD)/valgrind

asan:
	$(MAKE) BUILD=build-asan OPT="-O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined" \
		LDFLAGS="-fsanitize=address,undefined" check

deps:
	@sh tools/deps.sh

install: all
	install -D -m 755 $(BUILD)/kyodo $(DESTDIR)$(PREFIX)/bin/kyodo
	for l in $(LANGS); do install -D -m 644 $(BUILD)/locale/$$l/LC_MESSAGES/kyodo.mo \
		$(DESTDIR)$(PREFIX)/share/locale/$$l/LC_MESSAGES/kyodo.mo; done
	install -D -m 644 man/kyodo.1 $(DESTDIR)$(PREFIX)/share/man/man1/kyodo.1
	install -D -m 644 man/ja/kyodo.1 $(DESTDIR)$(PREFIX)/share/man/ja/man1/kyodo.1
	install -D -m 644 man/kyodo-sync.5 $(DESTDIR)$(PREFIX)/share/man/man5/kyodo-sync.5
	install -D -m 644 completion/kyodo.bash \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/kyodo

# The Debian package (debian/), built from a copy of the tree in
# $(BUILD)/deb so the .deb, .changes and .buildinfo land there; lintian
# checks them.  make package-test installs it in a fresh Debian root.
deb: deps
	rm -rf $(BUILD)/deb && mkdir -p $(BUILD)/deb/kyodo
	tar --exclude=./build --exclude='./build-*' --exclude=./.git -cf - . | tar -C $(BUILD)/deb/kyodo -xf -
	cd $(BUILD)/deb/kyodo && dpkg-buildpackage -b -us -uc
	lintian --fail-on error $(BUILD)/deb/*.changes

package-test: deb
	BUILD=$(BUILD) sh tests/package/install.sh

clean:
	rm -rf build build-asan

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

FUZZ_BUILD = build-fuzz
FUZZ_SECONDS ?= 60
.PHONY: fuzz
fuzz:
	$(MAKE) BUILD=$(FUZZ_BUILD) CC=clang OPT="-O1 -g -fsanitize=fuzzer-no-link,address,undefined" LDFLAGS="-fsanitize=fuzzer-no-link,address,undefined" TUI_SRC= $(FUZZ_BUILD)/migrations.o $(CORE_SRC:%.c=$(FUZZ_BUILD)/%.o)
	sh tests/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)
