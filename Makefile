# Stegvis: one plain Makefile. Targets: all run stop check check-ha bench fuzz lint clean.
# `make SANITIZE=1 …` builds with ASan+UBSan into build/san.

CC      ?= cc
CFLAGS  ?= -O2 -g
WARN     = -std=c17 -Wall -Wextra -Wmissing-prototypes -Wstrict-prototypes \
           -Wshadow -Wformat=2 -Werror
CPPFLAGS += -Iinclude -D_GNU_SOURCE -MMD -MP
PKG_CFLAGS := $(shell pkg-config --cflags libmariadb libxml-2.0 libsodium liboath libqrencode 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs libmariadb libxml-2.0 libsodium liboath libqrencode 2>/dev/null || echo -lmariadb -lxml2 -lsodium -loath -lqrencode)
# GLPK for disclosure checks (report_suppress.c); Debian ships no .pc file.
LDLIBS  += -lfcgi $(PKG_LIBS) -lglpk -lm

BUILD = build
ifeq ($(SANITIZE),1)
BUILD   = build/san
CFLAGS += -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
LDFLAGS += -fsanitize=address,undefined
endif
ALL_CFLAGS = $(WARN) $(CFLAGS) $(PKG_CFLAGS)

# Every module but main; unit tests and fuzz drivers link against this archive.
MODULES = app arena str progress form form_registry conf view log pnr demo totp db sql_public sql_auth sql_admin \
          insats_public \
          session tablet auth audit access sql_access resp req route worker master \
          migrate page_common page_error page_public page_auth \
          backup backup_cli \
          page_admin page_admin_org page_admin_codes page_admin_log date history \
          sql_history sql_referral sql_participation page_referral page_referral_form \
          page_participation page_participation_view page_participation_contact contact \
          page_participation_list page_totp \
          consent sql_consent signature page_consent page_admin_consent \
          consent_record consent_page page_consent_staff page_consent_tablet page_consent_revoke \
          tablet_i18n \
          report_suppress report sql_report report_svg page_report \
          report_period report_scope report_goal report_chart page_report_form page_report_csv \
          sql_sus sus_xml sus_batch page_sus sus_quality sus_finsam sus_rows sus_file \
          sus_complete sus_items \
          quest_xml quest quest_cli sql_quest demo_quest page_quest page_quest_staff \
          quest_state quest_code quest_response quest_panel kiosk_words kiosk page_kiosk \
          report_quest \
          report_flow sql_report_flow demo_report_flow \
          report_people sql_report_people demo_report_people \
          followup sql_followup page_followup report_followup demo_followup \
          page_participation_sus sql_participation_sus \
          target_group page_participation_target \
          form_stash sql_form_stash page_form_stash \
          bind edit \
          gender staff mfa organisation code_list page_admin_account page_admin_insats \
          referral person visibility page_referral_save page_referral_render \
          participation participation_edit referral_decision page_participation_decide page_participation_change \
          structural sql_structural page_structural page_structural_form page_structural_training page_structural_goal report_structural demo_structural \
          report_document sql_report_document page_report_document demo_report_document \
          gallring sql_gallring gallring_run gallring_cli page_admin_gallring
MODULES += referral_withdraw page_referral_withdraw referral_dup paging page_admin_recover
MODULES += referral_follow sql_referral_follow page_referral_follow
MODULES += summary sql_summary page_summary page_summary_read demo_summary
MODULES += midterm sql_midterm page_participation_midterm demo_midterm \
           participation_correct sql_participation_correct page_participation_correct
MODULES += overdue sql_overdue news sql_news
MODULES += once sql_once hash_piece
MODULES += page_create
MODULES += public_cache code_labels
MODULES += participant_list sql_participant_list
MODULES += multipart
MODULES += db_nodes db_scope public_host
MODULES += forbund forbund_cli page_admin_forbund cli_forbund
MODULES += report_pass
MODULES += report_quest_pairs
LIB_OBJS = $(MODULES:%=$(BUILD)/app/%.o)
LIB      = $(BUILD)/libstegvis.a
BIN      = $(BUILD)/stegvis

UNIT_TESTS = test_arena_str test_form test_conf test_view test_route test_resp \
             test_session test_tablet test_pnr test_date test_contact \
             test_signature test_consent test_tablet_i18n \
             test_report_suppress \
             test_report_period test_report_scope test_report_goal test_sus_rules \
             test_sus_xml \
             test_sus_complete \
             test_quest_xml \
             test_quest \
             test_backup \
             test_form_stash \
             test_bind \
             test_staff test_organisation test_gender test_auth_rules test_admin_labels \
             test_visibility test_referral \
             test_participation \
             test_followup \
             test_target_group \
             test_structural \
             test_report_document \
             test_gallring
UNIT_TESTS += test_paging
UNIT_TESTS += test_summary
UNIT_TESTS += test_midterm test_participation_correct
UNIT_TESTS += test_overdue
UNIT_TESTS += test_report_pass
UNIT_TESTS += test_report_quest_pairs
UNIT_TESTS += test_once
UNIT_TESTS += test_log
UNIT_TESTS += test_public_cache test_code_labels
UNIT_TESTS += test_multipart
UNIT_TESTS += test_db_nodes test_db_scope test_db_scope_cover
UNIT_TESTS += test_public_host test_forbund
UNIT_TESTS += test_sus_items
UNIT_BINS  = $(UNIT_TESTS:%=$(BUILD)/tests/%)
FUZZERS    = urlenc cookie conf view pnr \
             signature \
             questionnaire \
             form_stash
FUZZERS += date http_head route form_fields kiosk_answer totp session_token \
           roles sus_xml
FUZZERS += multipart
FUZZERS += kiosk_code request_params
FUZZERS += db_scope public_host
REPLAY_BINS = $(FUZZERS:%=$(BUILD)/tests/replay_%)
FUZZ_BINS   = $(FUZZERS:%=$(BUILD)/fuzz/fuzz_%)

VAR  ?= var
PORT ?= 8080

.PHONY: all run stop check check-ha bench fuzz lint clean deps tests views-check

all: $(BIN)

$(BUILD)/app/%.o: app/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/tests/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/tests/fuzz_%.o: tests/fuzz/fuzz_%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c $< -o $@

$(LIB): $(LIB_OBJS)
	@rm -f $@
	ar rcs $@ $^

$(BIN): $(BUILD)/app/main.o $(LIB)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/test_%: $(BUILD)/tests/test_%.o $(LIB)
	$(CC) $(LDFLAGS) -o $@ $^ -lcmocka $(LDLIBS)

# Replay drivers: the fuzz target plus a small main() that feeds every corpus file.
$(BUILD)/tests/replay_%: $(BUILD)/tests/fuzz_%.o $(BUILD)/tests/replay_main.o $(LIB)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/replay_main.o: tests/fuzz/replay_main.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c $< -o $@

# The binary with test hooks (STEGVIS_TEST_HOOKS: the SUS crash hook) for
# make check only; $(BIN), what is installed and run, has none.
TEST_BIN = $(BUILD)/stegvis-testhooks
$(BUILD)/app/main-testhooks.o: app/main.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -DSTEGVIS_TEST_HOOKS $(ALL_CFLAGS) -c $< -o $@

$(TEST_BIN): $(BUILD)/app/main-testhooks.o $(LIB)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# The HTTP tests' own LP audit of published tables (GLPK), not a unit test.
LP_AUDIT = $(BUILD)/tests/lp_audit
$(LP_AUDIT): $(BUILD)/tests/lp_audit.o
	$(CC) $(LDFLAGS) -o $@ $^ -lglpk

tests: $(BIN) $(TEST_BIN) $(UNIT_BINS) $(REPLAY_BINS) $(LP_AUDIT)

# Install missing Debian packages (as root), or print the one sudo line needed.
deps:
	@sh conf/deps.sh

run: deps
	@$(MAKE) --no-print-directory all
	@bash conf/devstack.sh start "$(abspath $(VAR))" "$(PORT)" "$(abspath $(BIN))"

stop:
	@bash conf/devstack.sh stop "$(abspath $(VAR))"

# The whole set-up from scratch in a throw-away directory, then every test.
check: deps
	@$(MAKE) --no-print-directory tests
	@bash tests/run.sh "$(abspath $(BUILD))"

bench: deps
	@$(MAKE) --no-print-directory all
	@bash tests/bench.sh "$(abspath $(BUILD))"

# Three Galera nodes and two app hosts on this machine (tests/ha/run.sh);
# heavier than make check, so not part of it.
check-ha:
	@sh conf/deps.sh galera-4 mariadb-backup
	@$(MAKE) --no-print-directory all $(TEST_BIN)
	@bash tests/ha/run.sh "$(abspath $(BUILD))"

# Real coverage-guided fuzzing with libFuzzer (clang); `make check` only replays.
# The modules are built once for it (build/fuzz/obj), then one binary per
# target. tests/fuzz/run.sh runs each for FUZZ_SECONDS, goes on past a
# crash and ends with a line per target; non-zero when any crashed.
FUZZ_SECONDS ?= 60
FUZZ_DIR   = $(BUILD)/fuzz
FUZZ_FLAGS = -std=c17 -g -O1 -Iinclude -D_GNU_SOURCE -MMD -MP $(PKG_CFLAGS)
FUZZ_LIB   = $(FUZZ_DIR)/libstegvis-fuzz.a
$(FUZZ_DIR)/obj/%.o: app/%.c
	@mkdir -p $(@D)
	clang $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link,address,undefined -c $< -o $@
$(FUZZ_LIB): $(MODULES:%=$(FUZZ_DIR)/obj/%.o)
	@rm -f $@
	ar rcs $@ $^
$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_LIB)
	clang $(FUZZ_FLAGS) -fsanitize=fuzzer,address,undefined $< $(FUZZ_LIB) \
	  -o $@ $(LDLIBS)
fuzz:
	@$(MAKE) --no-print-directory -k $(FUZZ_BINS) || true
	@bash tests/fuzz/run.sh "$(FUZZ_DIR)" "$(FUZZ_SECONDS)" $(FUZZERS)
fuzz-list:
	@for f in $(FUZZERS); do echo $$f; done
	@echo "$(words $(FUZZERS)) fuzz targets"
.PHONY: fuzz-list

# ---- make install / make uninstall (README "A real server") ----------------
# `make && sudo make install [PREFIX=/usr] [DESTDIR=/tmp/pkg]`. The binary
# goes to $(BINDIR), what it reads (views and static files, XSDs, shipped
# questionnaires, sql/ migrations, the nginx site example) to $(DATADIR),
# laid out as in the checkout, so views/../conf and views/../sql resolve.
# The conf goes to $(CONFDIR) and is never overwritten once edited: a newer
# default is put beside it as stegvis.conf.dist. Units go to $(UNITDIR):
# under PREFIX (/usr/local/lib/systemd/system by default, which systemd
# searches) so a source install never writes into dpkg's /lib/systemd.
# Every conf/stegvis*.service and conf/stegvis*.timer is installed, with
# the /usr/local paths written in them rewritten to PREFIX.
PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
DATADIR    ?= $(PREFIX)/share/stegvis
SYSCONFDIR ?= /etc
CONFDIR    ?= $(SYSCONFDIR)/stegvis
UNITDIR    ?= $(PREFIX)/lib/systemd/system
STATEDIR   ?= /var/lib/stegvis
INSTALL    ?= install
UNITS       = $(wildcard conf/stegvis*.service conf/stegvis*.timer)
PATH_SED    = -e 's|/usr/local/bin/stegvis|$(BINDIR)/stegvis|g' \
              -e 's|/usr/local/share/stegvis|$(DATADIR)|g' \
              -e 's|/etc/stegvis/|$(CONFDIR)/|g'
# The installed conf: conf/stegvis.conf with server paths.
CONF_SED    = -e 's|^socket = .*|socket = /run/stegvis/stegvis.sock|' \
              -e 's|^db_socket = .*|db_socket = /run/mysqld/mysqld.sock|' \
              -e 's|^db_password_file = .*|db_password_file = $(CONFDIR)/db.pass|' \
              -e 's|^views = .*|views = $(DATADIR)/views|' \
              -e 's|^base_url = .*|base_url = https://stegvis.example.se|' \
              -e 's|^sus_schema = .*|sus_schema = $(DATADIR)/conf/sus-export-2.xsd|' \
              -e 's|^sus_export_dir = .*|sus_export_dir = $(STATEDIR)/sus|' \
              -e 's|^\# Every value below is the built-in default, so an empty file behaves the$$|\# The paths are a server'"'"'s; every other value is the built-in|' \
              -e 's|^\# same as this one\. This file never|\# default. This file never|'

.PHONY: install uninstall
install: $(BIN)
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/conf/questionnaires \
	  $(DESTDIR)$(DATADIR)/sql $(DESTDIR)$(CONFDIR) $(DESTDIR)$(UNITDIR)
	$(INSTALL) -m 0755 $(BIN) $(DESTDIR)$(BINDIR)/stegvis
	rm -rf $(DESTDIR)$(DATADIR)/views
	cd views && find . -type d -exec $(INSTALL) -d -m 0755 '$(DESTDIR)$(DATADIR)/views/{}' \; \
	  && find . -type f -exec $(INSTALL) -m 0644 '{}' '$(DESTDIR)$(DATADIR)/views/{}' \;
	$(INSTALL) -m 0644 conf/*.xsd $(DESTDIR)$(DATADIR)/conf/
	$(INSTALL) -m 0644 conf/questionnaires/*.xml $(DESTDIR)$(DATADIR)/conf/questionnaires/
	$(INSTALL) -m 0644 sql/[0-9][0-9][0-9][0-9]_*.sql $(DESTDIR)$(DATADIR)/sql/
	sed $(PATH_SED) conf/nginx-site.conf > $(DESTDIR)$(DATADIR)/nginx-site.conf
	{ echo "# Installed by make install with a real server's paths (README"; \
	  echo "# \"A real server\"); edit freely, make install keeps your edits."; \
	  sed $(CONF_SED) conf/stegvis.conf; } > $(DESTDIR)$(DATADIR)/stegvis.conf.dist
	@set -e; c=$(DESTDIR)$(CONFDIR)/stegvis.conf; n=$(DESTDIR)$(DATADIR)/stegvis.conf.dist; \
	if [ ! -e $$c ]; then $(INSTALL) -m 0644 $$n $$c; echo "installed $$c"; \
	elif cmp -s $$n $$c; then echo "$$c is up to date"; \
	else $(INSTALL) -m 0644 $$n $$c.dist; \
	  echo "kept your edited $$c; the new default is $$c.dist"; fi
	@set -e; for u in $(UNITS); do \
	  sed $(PATH_SED) $$u > $(DESTDIR)$(UNITDIR)/$${u#conf/}; \
	  chmod 0644 $(DESTDIR)$(UNITDIR)/$${u#conf/}; echo "installed $(UNITDIR)/$${u#conf/}"; done
	@echo "next: README \"A real server\" (user, database, db.pass, migrate, nginx, units)"

# Leaves $(CONFDIR) (your conf and the database password) and the data.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/stegvis
	rm -rf $(DESTDIR)$(DATADIR)
	for u in $(UNITS); do rm -f $(DESTDIR)$(UNITDIR)/$${u#conf/}; done

lint:
	@sh tests/lint.sh

clean:
	rm -rf build

-include $(shell find build -name '*.d' 2>/dev/null)
