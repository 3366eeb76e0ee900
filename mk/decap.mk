# mk/decap.mk — the web editor (Decap CMS) that a site with `cms:` in site.yaml gets at /admin/.
#   make decap   fetch the pinned Decap CMS bundle (npm package decap-cms, its dist/decap-cms.js
#                and the chunks it loads) and decap-server (for `sofgen serve --cms`) into
#                build/decap/; both are checked against the integrity pinned here and in
#                vendor/decap/package-lock.json. Nothing of it is kept in git (about 5 MB).
#   make install installs build/decap under $(DATADIR)/decap (DECAP=no leaves it out).
# The bundle is served from the site itself, never from a CDN. To move to a new version:
# change DECAP_VERSION and DECAP_INTEGRITY (npm view decap-cms@X dist.integrity) together.
DECAP_VERSION   = 3.16.3
DECAP_INTEGRITY = sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwUYhUJDYtYw==
DECAP_DIR       = build/decap
DECAP ?= yes

# cms.c names the version in its messages and checks it against the bundle's VERSION file
$(BUILD)/src/write/cms.o: OBJ_DEFS = -DSOFGEN_DECAP_VERSION='"$(DECAP_VERSION)"'
$(BUILD)/src/write/cms.o: mk/decap.mk

.PHONY: decap install-decap
decap: $(DECAP_DIR)/cms/VERSION $(DECAP_DIR)/server/node_modules/decap-server/package.json

$(DECAP_DIR)/cms/VERSION: mk/decap.mk
	@command -v npm >/dev/null 2>&1 || { echo "decap: npm is needed: sudo apt-get install -y npm"; exit 1; }
	@rm -rf $(DECAP_DIR)/cms $(DECAP_DIR)/pack && mkdir -p $(DECAP_DIR)/pack $(DECAP_DIR)/cms
	cd $(DECAP_DIR)/pack && npm pack --silent --no-fund decap-cms@$(DECAP_VERSION) >/dev/null
	@got=$$(node -e 'const c=require("crypto"),f=require("fs");process.stdout.write("sha512-"+c.createHash("sha512").update(f.readFileSync(process.argv[1])).digest("base64"))' \
	  $(DECAP_DIR)/pack/decap-cms-$(DECAP_VERSION).tgz); \
	if [ "$$got" != "$(DECAP_INTEGRITY)" ]; then \
	  echo "decap: decap-cms-$(DECAP_VERSION).tgz is not the pinned file (integrity $$got, want $(DECAP_INTEGRITY))"; \
	  rm -rf $(DECAP_DIR)/pack; exit 1; fi
	tar -xzf $(DECAP_DIR)/pack/decap-cms-$(DECAP_VERSION).tgz -C $(DECAP_DIR)/pack --wildcards 'package/dist/*decap-cms.js'
	cp $(DECAP_DIR)/pack/package/dist/*decap-cms.js $(DECAP_DIR)/cms/
	@rm -rf $(DECAP_DIR)/pack
	echo $(DECAP_VERSION) > $@

$(DECAP_DIR)/server/node_modules/decap-server/package.json: vendor/decap/package.json vendor/decap/package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "decap: npm is needed: sudo apt-get install -y npm"; exit 1; }
	@mkdir -p $(DECAP_DIR)/server && cp vendor/decap/package.json vendor/decap/package-lock.json $(DECAP_DIR)/server/
	cd $(DECAP_DIR)/server && npm ci --ignore-scripts --omit=dev --no-audit --no-fund --loglevel=error
	@touch $@

install: install-decap
install-decap: sofgen
	@if [ "$(DECAP)" = no ]; then echo "install: without the web editor (DECAP=no)"; exit 0; fi; \
	$(MAKE) --no-print-directory decap && \
	install -d $(DESTDIR)$(DATADIR)/decap/cms $(DESTDIR)$(DATADIR)/decap/server && \
	install -m 644 $(DECAP_DIR)/cms/*decap-cms.js $(DECAP_DIR)/cms/VERSION $(DESTDIR)$(DATADIR)/decap/cms/ && \
	cp -R $(DECAP_DIR)/server/node_modules $(DECAP_DIR)/server/package.json $(DESTDIR)$(DATADIR)/decap/server/

# the browser tests edit a site through the web editor (tests/e2e/cms.test.js)
e2e: decap

# The editors' guide's pictures of the web editor (docs/redaktorsguide.md §3), taken by the
# browser test itself so they show what the test proves works; run after a change to the
# editor's forms, and commit docs/bilder/.
.PHONY: screenshots
screenshots: $(BUILD)/sofgen decap
	@scripts/deps.sh e2e
	@cd tests/e2e && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@mkdir -p docs/bilder
	cd tests/e2e && $(TEST_ENV) SOFGEN=$(CURDIR)/$(BUILD)/sofgen SOFGEN_DECAP_DIR=$(CURDIR)/$(DECAP_DIR) \
	  SCREENSHOTS=$(CURDIR)/docs/bilder node --test cms.test.js
