# IGN Offline — developer commands. Every target works on a fresh Debian 12 as root.
#   make setup     QGIS from Debian if missing, venv (.venv), pinned Python requirements
#   make test      setup, lint, then unit tests (no QGIS) and plugin tests (headless QGIS)
#   make lint      ruff (pycodestyle, pyflakes, import order, pep8-naming; settings in pyproject.toml)
#   make process ARGS='list'      qgis_process with this checkout loaded as `ign_offline`
#   make demo      the whole job on the stand-ins, offline, in a few seconds; leaves .build/demo/demo.qgz
#   make bench     benchmarks under bench/
#   make package   dist/ign_offline-<version>.zip for "Install from ZIP"
#   make translations   gather the strings to translate into i18n/*.ts (then translate, then `make setup`)
#   make screenshots    the README's screenshots, taken in the real QGIS desktop under Xvfb
#   make image     the worker image (packaging/worker/) with podman or docker: ign-offline-worker:<version>
#   make test-image    that image built and run as three workers sharing one Redis budget (minutes; podman)
#   make install   that zip deployed into ~/.local/share/QGIS/QGIS3/profiles/default

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
MAKEFLAGS += --no-print-directory

SYSTEM_PYTHON := /usr/bin/python3
QGIS_PROCESS := /usr/bin/qgis_process.bin
VENV := .venv
PY := $(VENV)/bin/python
BUILD := .build
MAPPROXY := $(BUILD)/mapproxy
PLUGINS := $(abspath $(BUILD))/plugins
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
ZIP := dist/ign_offline-$(VERSION).zip
PROFILE_PLUGINS := $(HOME)/.local/share/QGIS/QGIS3/profiles/default/python/plugins
SYSTEM_PACKAGES := qgis python3-qgis qgis-providers python3-venv python3-pip git
LRELEASE := /usr/bin/lrelease
TRANSLATIONS := $(wildcard i18n/*.ts)
# Compiled translations, beside their sources: QGIS loads the plugin from this checkout (.build/plugins link).
QM := $(TRANSLATIONS:.ts=.qm)

export QT_QPA_PLATFORM := offscreen

.PHONY: setup lint test unit-tests qgis-tests process demo bench package install clean translations screenshots \
	image base-image test-image

setup: $(BUILD)/system.ok $(BUILD)/vsftpd.ok $(BUILD)/7zip.ok $(BUILD)/xvfb.ok $(VENV)/installed.ok ext_libs/installed.ok \
	$(PLUGINS)/ign_offline $(MAPPROXY)/installed.ok $(QM) web_libs/installed.ok $(BUILD)/chromium.ok $(BUILD)/redis.ok

# QGIS and PyQGIS for /usr/bin/python3, from Debian, only when they are missing.
$(BUILD)/system.ok:
	@mkdir -p $(BUILD)
	@if [ -x $(QGIS_PROCESS) ] && $(SYSTEM_PYTHON) -c 'import qgis.core, venv, ensurepip' 2>/dev/null; then \
		echo "QGIS found: $$($(SYSTEM_PYTHON) -c 'from qgis.core import Qgis; print(Qgis.QGIS_VERSION)')"; \
	else \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $(SYSTEM_PACKAGES); \
	fi
	@touch $@

$(VENV)/installed.ok: requirements/dev.txt requirements/embedded.txt $(BUILD)/system.ok
	@[ -x $(PY) ] || $(SYSTEM_PYTHON) -m venv --system-site-packages $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements/dev.txt
	@touch $@

# vsftpd, a real third-party FTP server for the tests (only started by them, on 127.0.0.1).
$(BUILD)/vsftpd.ok:
	@mkdir -p $(BUILD)
	@[ -x /usr/sbin/vsftpd ] || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q vsftpd; }
	@touch $@

# Debian's 7-Zip (7zz), for the tests and benches only: it makes the real archives the plugin's own 7z reader
# (core/archives/sevenzip.py, standard library only) must extract byte-identical. The plugin never calls it.
$(BUILD)/7zip.ok:
	@mkdir -p $(BUILD)
	@[ -x /usr/bin/7zz ] || [ -x /usr/bin/7z ] || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q 7zip; }
	@touch $@

# Debian's redis-server, for the tests and benches of the shared politeness budget (core.budget): started by them
# on 127.0.0.1 at a free port, nothing saved. The plugin never needs it (a job's Redis is the user's).
$(BUILD)/redis.ok:
	@mkdir -p $(BUILD)
	@[ -x /usr/bin/redis-server ] || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q redis-server; }
	@touch $@

# Xvfb: the real QGIS desktop in memory, for the French/English test and the screenshots.
$(BUILD)/xvfb.ok:
	@mkdir -p $(BUILD)
	@[ -x /usr/bin/Xvfb ] || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q xvfb; }
	@touch $@

# lrelease (Qt's translation compiler).
$(BUILD)/lrelease.ok:
	@mkdir -p $(BUILD)
	@[ -x $(LRELEASE) ] || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q qttools5-dev-tools; }
	@touch $@

i18n/%.qm: i18n/%.ts $(BUILD)/lrelease.ok
	$(LRELEASE) -silent $< -qm $@

translations: $(VENV)/installed.ok
	$(PY) i18n/update_ts.py fr

# Real QGIS under Xvfb, with a throwaway HOME; the pictures go to resources/screenshots/ (README).
screenshots: setup
	@home=$$(mktemp -d); trap 'rm -rf "$$home"' EXIT; \
	$(PY) tests/support/take_screenshots.py "$$home" "$(CURDIR)/resources/screenshots"

# MapProxy, a real third-party WMTS/TMS server for the interoperability tests, in a venv of its own.
$(MAPPROXY)/installed.ok: requirements/mapproxy.txt $(BUILD)/system.ok
	@[ -x $(MAPPROXY)/bin/python ] || $(SYSTEM_PYTHON) -m venv $(MAPPROXY)
	$(MAPPROXY)/bin/python -m pip install -q --disable-pip-version-check -r requirements/mapproxy.txt
	@touch $@

# The bundled dependencies, as `make package` ships them, so that qgis_process
# (which runs /usr/bin/python3, not the venv) finds them in a checkout too.
ext_libs/installed.ok: requirements/embedded.txt $(VENV)/installed.ok
	@rm -rf ext_libs
	$(PY) -m pip install -q --disable-pip-version-check --no-deps -t ext_libs -r requirements/embedded.txt
	@rm -rf ext_libs/bin
	@touch $@

# The web export's JavaScript (TARGET=web), pinned, from npm: maplibre-gl and pmtiles for the page (copied into
# web_libs/ with their licences; `make package` ships that folder, git ignores it), puppeteer-core for the tests
# only (it drives Debian's chromium; it downloads no browser). The pmtiles npm package has no LICENSE file: the
# repository's is in resources/web/licenses/.
NODE := $(BUILD)/node
MAPLIBRE_VERSION := 5.24.1
PMTILES_JS_VERSION := 4.5.0
PUPPETEER_VERSION := 24.43.1
$(NODE)/installed.ok: Makefile
	@[ -x /usr/bin/npm ] || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q npm; }
	@mkdir -p $(NODE)
	PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix $(NODE) --no-audit --no-fund --no-save --silent \
		maplibre-gl@$(MAPLIBRE_VERSION) pmtiles@$(PMTILES_JS_VERSION) puppeteer-core@$(PUPPETEER_VERSION)
	@touch $@

web_libs/installed.ok: $(NODE)/installed.ok resources/web/licenses/pmtiles-LICENSE.txt
	@rm -rf web_libs && mkdir -p web_libs
	cp $(NODE)/node_modules/maplibre-gl/dist/maplibre-gl.js $(NODE)/node_modules/maplibre-gl/dist/maplibre-gl.css web_libs/
	cp $(NODE)/node_modules/maplibre-gl/LICENSE.txt web_libs/maplibre-gl-LICENSE.txt
	cp $(NODE)/node_modules/pmtiles/dist/pmtiles.js web_libs/
	cp resources/web/licenses/pmtiles-LICENSE.txt web_libs/pmtiles-LICENSE.txt
	@printf 'maplibre-gl %s\npmtiles %s\n' $(MAPLIBRE_VERSION) $(PMTILES_JS_VERSION) > web_libs/VERSIONS.txt
	@touch $@

# Debian's Chromium: the tests open the web export in it, headless (WebGL through SwiftShader).
$(BUILD)/chromium.ok:
	@mkdir -p $(BUILD)
	@[ -x /usr/bin/chromium ] || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; }
	@touch $@

# QGIS loads a plugin from a folder named like its module.
$(PLUGINS)/ign_offline:
	@mkdir -p $(PLUGINS)
	@ln -sfn $(CURDIR) $@

test: setup lint unit-tests qgis-tests

lint: $(VENV)/installed.ok
	$(VENV)/bin/ruff check .

# Most tests wait (timers, servers on loopback, qgis_process), so several run at once (pytest-xdist; each worker is
# its own process with its own QGIS settings folder, .qgis-settings/gwN). Those marked `serial` time the code
# itself: they run afterwards, alone. Each run ends with its 15 slowest tests.
UNIT_WORKERS := 6
# The QGIS tier side by side too: each worker runs many tests one after another in one QGIS, and each test starts
# clean (tests/qgis/conftest.py, clean_slate: tasks ended, closed docks deleted, project, network cache, settings and
# environment reset; stopped stand-in servers close the connections QGIS keeps). QGIS_WORKERS=0: one process.
QGIS_WORKERS := 4
DURATIONS := --durations=15 --durations-min=1

unit-tests: setup
	$(PY) -m pytest -p no:qgis tests/unit -m "not serial" -n $(UNIT_WORKERS) $(DURATIONS)
	$(PY) -m pytest -p no:qgis tests/unit -m serial $(DURATIONS)

qgis-tests: setup
	$(PY) -m pytest tests/qgis -m "not serial" -n $(QGIS_WORKERS) $(DURATIONS)
	$(PY) -m pytest tests/qgis -m serial $(DURATIONS)

# A throwaway HOME: no user profile is read or written. QGIS_AUTH_DB_DIR_PATH and QGIS_AUTH_PASSWORD_FILE, when
# set, pass through to qgis_process (private layers in batch runs: see docs/accounts.md).
process: setup
	@home=$$(mktemp -d); trap 'rm -rf "$$home"' EXIT; \
	mkdir -m 700 "$$home/runtime"; \
	unset QGIS_CUSTOM_CONFIG_PATH QGIS_OPTIONS_PATH; \
	export HOME="$$home" XDG_RUNTIME_DIR="$$home/runtime" QGIS_PLUGINPATH="$(PLUGINS)"; \
	$(QGIS_PROCESS) plugins enable ign_offline > "$$home/enable.log" 2>&1 || { cat "$$home/enable.log"; exit 1; }; \
	$(QGIS_PROCESS) $(ARGS)

demo: setup
	$(PY) tests/support/demo.py

bench: setup
	$(PY) -m bench

package: $(VENV)/installed.ok $(BUILD)/lrelease.ok web_libs/installed.ok
	@rm -rf $(BUILD)/package && mkdir -p $(BUILD)/package dist
	@# `git stash create` snapshots uncommitted changes of tracked files (prints nothing when clean).
	@# It fails when a file was touched but not changed: refresh the index's stat data first.
	@git update-index -q --refresh > /dev/null || true
	@rev=$$(git stash create); git archive --format=tar --prefix=ign_offline/ "$${rev:-HEAD}" | tar -x -C $(BUILD)/package
	$(PY) -m pip install -q --disable-pip-version-check --no-deps -t $(BUILD)/package/ign_offline/ext_libs -r requirements/embedded.txt
	@for ts in $(BUILD)/package/ign_offline/i18n/*.ts; do $(LRELEASE) -silent "$$ts" -qm "$${ts%.ts}.qm"; done
	@rm -rf $(BUILD)/package/ign_offline/ext_libs/bin
	@cp -r web_libs $(BUILD)/package/ign_offline/web_libs && rm -f $(BUILD)/package/ign_offline/web_libs/installed.ok
	@find $(BUILD)/package -name __pycache__ -prune -exec rm -rf {} +
	@rm -f $(ZIP)
	@cd $(BUILD)/package && $(CURDIR)/$(PY) -m zipfile -c $(CURDIR)/$(ZIP) ign_offline
	@echo "$(ZIP)"

# The worker image (packaging/worker/): QGIS 3.22 from Debian 12 and this plugin, for shards on many machines.
# CONTAINER_ENGINE: podman when present, else docker; BASE: the Debian 12 image to start from (`make base-image`
# makes localhost/debian:bookworm from Debian's packages where no image registry is reachable). Podman here runs
# with runc and cgroupfs (crun refuses a hybrid cgroup layout): PODMAN_OPTIONS, empty for docker.
CONTAINER_ENGINE ?= $(shell command -v podman > /dev/null 2>&1 && echo podman || echo docker)
BASE ?= docker.io/library/debian:bookworm
LOCAL_BASE := localhost/debian:bookworm
IMAGE := ign-offline-worker
PODMAN_OPTIONS ?= $(if $(findstring podman,$(CONTAINER_ENGINE)),--runtime runc --cgroup-manager=cgroupfs)
ENGINE := $(CONTAINER_ENGINE) $(PODMAN_OPTIONS)

image: package
	@rm -rf $(BUILD)/image && mkdir -p $(BUILD)/image
	cp packaging/worker/Containerfile packaging/worker/entrypoint.sh $(BUILD)/image/
	cp $(ZIP) $(BUILD)/image/ign_offline.zip
	$(ENGINE) build --network host --build-arg BASE=$(BASE) -t $(IMAGE):$(VERSION) -t $(IMAGE):latest \
		-f $(BUILD)/image/Containerfile $(BUILD)/image
	@echo "$(IMAGE):$(VERSION): $$($(ENGINE) image inspect --format '{{.Size}}' $(IMAGE):$(VERSION) \
		| awk '{printf "%.0f MB", $$1 / 1e6}')"

# Podman, runc and mmdebstrap from Debian, and the one setting they need here (no per-container open-files limit:
# runc fails on setrlimit RLIMIT_NOFILE otherwise). Only for the targets below, never for `make test`.
$(BUILD)/podman.ok:
	@mkdir -p $(BUILD)
	@[ -x /usr/bin/podman ] && [ -x /usr/sbin/runc ] && [ -x /usr/bin/mmdebstrap ] || { apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q podman runc mmdebstrap; }
	@mkdir -p /etc/containers && { grep -qs default_ulimits /etc/containers/containers.conf || \
		printf '[containers]\ndefault_ulimits = []\n' >> /etc/containers/containers.conf; }
	@touch $@

# Debian 12 minbase from Debian's own packages, as a local image (about 20 s, 170 MB), made once.
base-image: $(BUILD)/podman.ok
	@$(ENGINE) image exists $(LOCAL_BASE) 2>/dev/null || \
		mmdebstrap --variant=minbase bookworm - | $(ENGINE) import - $(LOCAL_BASE)

# The image built from the local base, three workers sharing one Redis budget on one plan, one killed and started
# again, then merged (tests/image/): minutes; podman only. `.ci/run` runs it after `make test`.
test-image: setup base-image
	$(MAKE) image BASE=$(LOCAL_BASE) CONTAINER_ENGINE=podman
	IGN_OFFLINE_IMAGE=$(IMAGE):$(VERSION) $(PY) -m pytest -p no:qgis tests/image -q $(DURATIONS)

install: package
	@mkdir -p "$(PROFILE_PLUGINS)"
	@rm -rf "$(PROFILE_PLUGINS)/ign_offline"
	$(PY) -m zipfile -e $(ZIP) "$(PROFILE_PLUGINS)"
	@echo "Installed into $(PROFILE_PLUGINS)/ign_offline: enable it in Plugins > Manage and Install Plugins."

clean:
	rm -rf $(BUILD) dist ext_libs web_libs .pytest_cache .qgis-settings
