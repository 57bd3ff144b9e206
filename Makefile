# ZWK Desktop – the two commands of the quick start:
#   make run    set everything up and start the program
#   make test   set everything up and run every check (lint, format, types, layers, tests)
# Also: make bench (benchmarks), make fuzz (hostile input campaign), make dist (desktop bundle
# + smoke test), make clean.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# Debian packages: Qt's runtime libraries for a real window, and the independent tools the
# tests check our output with. Installed only when missing, and only when running as root.
DEB_RUNTIME := libegl1 libgl1 libfontconfig1 libxkbcommon-x11-0 libxcb-cursor0 \
               libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 \
               libxcb-shape0 libxcb-randr0 libxcb-xinerama0
DEB_TEST    := $(DEB_RUNTIME) xvfb xauth
# Draft store tests: chattr makes a folder read-only even for root.
DEB_TEST    += e2fsprogs
# Export (issue 5): poppler/qpdf/openssl/mpack check the package independently; gnome-keyring
# and dbus give the keyring tests a real Secret Service.
DEB_TEST    += poppler-utils qpdf openssl mpack gnome-keyring dbus dbus-daemon
# issue 6: the population chart's PDF is checked with poppler and drawn with an embedded font
DEB_TEST    += fonts-dejavu-core

# issue 17: signature cards are tested with a SoftHSM2 token (softhsm2-util) whose certificate is
# written with pkcs11-tool (opensc); zbarimg (zbar-tools) reads the paper print's QR code.
DEB_TEST    += softhsm2 opensc zbar-tools

# Packaging tests: nsis (makensis compiles the Windows installer script), binutils (strip,
# used by PyInstaller on Linux).
DEB_TEST    += nsis binutils

# make installer-test (issue 13): the NSIS installer under Wine (64-bit only: Debian's wine64
# runs the 64-bit installer without the i386 architecture), around stand-in executables compiled
# with mingw-w64.
DEB_INSTALLER_TEST := nsis wine wine64 gcc-mingw-w64-x86-64-win32

# make a11y-audit (issue 14): the program read through the accessibility bus under Xvfb with a
# window manager and a private D-Bus session running at-spi2-core; the walker uses Debian's
# system python3 with pyatspi.
DEB_A11Y := xvfb openbox dbus-daemon at-spi2-core python3-pyatspi python3-gi

.PHONY: a11y-audit a11y-listen deb-a11y run test bench fuzz lint clean deb-runtime deb-test venv translations screenshots dist \
        installer-check installer-test deb-installer-test

venv: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

define install_debs
	@missing=""; for p in $(1); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installiere fehlende Debian-Pakete:$$missing"; \
	    apt-get -o DPkg::Lock::Timeout=900 update -qq && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else \
	    echo "Hinweis: Es fehlen Debian-Pakete:$$missing (bitte mit sudo apt-get install nachinstallieren)."; \
	  fi; \
	fi
endef

deb-runtime:
	$(call install_debs,$(DEB_RUNTIME))

deb-test:
	$(call install_debs,$(DEB_TEST))

deb-a11y:
	$(call install_debs,$(DEB_A11Y))

# Prints a table of defect counts per check (issue 14's items); fails when any is found.
# A11Y_FLAGS=--list lists every defect, e.g. A11Y_FLAGS="--list --only structure".
A11Y_FLAGS ?=
LISTEN_FLAGS ?=
a11y-audit: $(STAMP) deb-a11y
	scripts/a11y_audit/session.sh /usr/bin/python3 scripts/a11y_audit/audit.py $(A11Y_FLAGS)

# What the screen reader Orca says on a keyboard tour through examples/gemeinde-lindenhagen.zwk
# (section change, check boxes, list items, required field, radio group, budget table, removing
# an item, "Prüfen"): per step the keys and Orca's spoken words (docs/orca-transcript.txt).
# Needs Debian's orca; not part of .ci/run.
a11y-listen: $(STAMP) deb-a11y
	@command -v orca >/dev/null || { echo "Orca fehlt: sudo apt-get install --no-install-recommends orca"; exit 1; }
	scripts/a11y_audit/session.sh /usr/bin/python3 scripts/a11y_audit/listen.py $(LISTEN_FLAGS)

deb-installer-test:
	$(call install_debs,$(DEB_INSTALLER_TEST))

run: $(STAMP) deb-runtime
	$(BIN)/zwk-desktop

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/mypy --strict packaging/*.py packaging/windows/*.py
	$(BIN)/lint-imports
	$(BIN)/actionlint .github/workflows/*.yml

# pytest runs in a private D-Bus session with gnome-keyring, so the keyring tests meet a real
# Secret Service (scripts/with-secret-service.sh).
# A test that kills the process (exit status above 128: a signal such as SIGBUS) is named last,
# where the tail of a CI log shows it.
PROGRESS := $(VENV)/pytest-current-test
test: $(STAMP) deb-test lint
	@rm -f $(PROGRESS)
	@ZWK_TEST_PROGRESS=$(CURDIR)/$(PROGRESS) scripts/with-secret-service.sh $(BIN)/pytest || { \
	  rc=$$?; if [ $$rc -gt 128 ] && [ -f $(PROGRESS) ]; then \
	    echo "pytest wurde durch Signal $$((rc - 128)) beendet, im Test: $$(cat $(PROGRESS))"; fi; \
	  exit $$rc; }

bench: $(STAMP) deb-test
	$(BIN)/python -m benchmarks

# Issue 15: a longer fuzz campaign than the one in `make test` (tests/test_fuzz.py): 2,000
# mutants of the examples through validate and drafts import, 400 mutated package folders and
# 400 mutated mails through verify; prints the counts per exit code, fails on any crash.
FUZZ_FLAGS ?=
fuzz: $(STAMP)
	$(BIN)/python tests/fuzz_campaign.py $(FUZZ_FLAGS)

# User-interface translations: collect the strings of zwk_desktop/ui into the .ts files (edit
# them with .venv/bin/pyside6-linguist), then compile the .qm files the program loads.
# German, the source language, gets a file of its own with only the plural forms of counting
# texts (%n), which Qt takes from a translation in every language.
TS := resources/translations/zwk_desktop_en.ts
TS_DE := resources/translations/zwk_desktop_de.ts
translations: $(STAMP)
	$(BIN)/pyside6-lupdate zwk_desktop/ui/*.py zwk_desktop/ui/*/*.py -ts $(TS) -source-language de_DE \
	    -target-language en_GB -no-obsolete -locations none
	$(BIN)/pyside6-lupdate zwk_desktop/ui/*.py zwk_desktop/ui/*/*.py -ts $(TS_DE) -pluralonly \
	    -source-language de_DE -target-language de_DE -no-obsolete -locations none
	$(BIN)/pyside6-lrelease $(TS) -qm $(TS:.ts=.qm)
	$(BIN)/pyside6-lrelease $(TS_DE) -qm $(TS_DE:.ts=.qm)

# The README's screenshots, taken of the real program in an X window under Xvfb.
screenshots: $(STAMP) deb-test
	xvfb-run -a -s "-screen 0 1600x1000x24" $(BIN)/python docs/screenshots/take.py
	$(BIN)/python docs/screenshots/first_contact.py  # 1024×700, 1366×768 at 125 %, 1920×1080 at 200 %

# --- Desktop bundle (packaging/README.md) ----------------------------------------------------
# make dist: build dist/zwk-desktop (PyInstaller, one folder) and its .tar.gz, then smoke-test
# the built archive itself with the network cut off, and measure its start. SMOKE_FLAGS=--require-netns (CI) fails
# when the network cannot be cut off by the kernel. make installer-check compiles the Windows
# installer script with makensis (the Windows installer itself is built on windows-latest).
SMOKE_FLAGS ?=

dist: $(STAMP) deb-test
	$(BIN)/python packaging/bundle_build.py
	$(BIN)/python packaging/bundle_smoke.py $(SMOKE_FLAGS) dist/zwk-desktop-*.tar.gz
	# the bundle's start to its painted main window against a bare QMainWindow bundle (and its
	# sizes); reported here, enforced by make bench
	$(BIN)/python -m benchmarks bench_bundle --lenient

installer-check: $(STAMP) deb-test
	$(BIN)/python packaging/bundle_build.py --installer-check

# make installer-test: build the real installer script around stand-in executables and install,
# upgrade, uninstall it silently under Wine (packaging/windows/wine_test.py, about a minute).
installer-test: $(STAMP) deb-installer-test
	$(BIN)/python packaging/windows/wine_test.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
