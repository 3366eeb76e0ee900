# mk/i18n.mk — sofgen's messages in Swedish (GNU gettext; src/util/i18n.h, po/).
#   make pot        extract every message from src/ into po/sofgen.pot (scripts/pot.sh)
#   make po-update  merge po/sofgen.pot into po/sv.po (new messages untranslated, changed
#                   ones fuzzy): translate them, then `make po-check`
#   make po-check   fails when a message in src/ has no Swedish translation in po/sv.po,
#                   or one is fuzzy, or a format differs (tests/po-check.sh; part of
#                   `make unit` and so of `make test`)
#   make mo         compile po/<lang>.po into $(BUILD)/locale/<lang>/LC_MESSAGES/sofgen.mo,
#                   where the binary of that build finds it (make install: $(LOCALEDIR))
LOCALEDIR ?= $(PREFIX)/share/locale
LINGUAS   := sv
MO_FILES  := $(LINGUAS:%=$(BUILD)/locale/%/LC_MESSAGES/sofgen.mo)

.PHONY: pot po-update po-check mo
pot:
	scripts/pot.sh po/sofgen.pot
po-update: pot
	for l in $(LINGUAS); do msgmerge --quiet --update --backup=none --no-wrap po/$$l.po po/sofgen.pot; done
po-check:
	@tests/po-check.sh $(LINGUAS)
mo: $(MO_FILES)

$(BUILD)/locale/%/LC_MESSAGES/sofgen.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check --output-file=$@ $<

# the binary finds the catalogue of its own build (build/release/locale) and, installed,
# the one in LOCALEDIR: only i18n.c knows LOCALEDIR, and is compiled again when it changes
$(BUILD)/sofgen: | $(MO_FILES)
$(BUILD)/src/util/i18n.o: OBJ_DEFS = -DSOFGEN_LOCALEDIR='"$(LOCALEDIR)"'
$(BUILD)/src/util/i18n.o: $(BUILD)/localedir.stamp
$(BUILD)/localedir.stamp: FORCE
	@mkdir -p $(BUILD) && echo '$(LOCALEDIR)' | cmp -s - $@ || echo '$(LOCALEDIR)' > $@

install: install-mo
uninstall: uninstall-mo
.PHONY: install-mo uninstall-mo
install-mo: $(MO_FILES)
	for l in $(LINGUAS); do install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
	  install -m 644 $(BUILD)/locale/$$l/LC_MESSAGES/sofgen.mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/sofgen.mo; done
uninstall-mo:
	for l in $(LINGUAS); do rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/sofgen.mo; done
