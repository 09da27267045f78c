# The two commands of Voordeur: `make run` (demo on http://127.0.0.1:8080) and `make test` (every test).
# Both install what is missing first (scripts/install-deps.sh; quick when everything is there).

BUILD_DIR := build
# The web app is built again only when one of its files is newer than the last build.
WEB_SOURCES := $(shell find web -path web/node_modules -prune -o -path web/dist -prune -o -type f -print 2>/dev/null)

.PHONY: deps build run test clean

deps:
	bash scripts/install-deps.sh

build:
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(BUILD_DIR) -j2
	$(MAKE) --no-print-directory web/dist/index.html

web/dist/index.html: $(WEB_SOURCES)
	cd web && npm run build

run: deps
	$(MAKE) --no-print-directory build
	bash scripts/run-demo.sh

test: deps
	$(MAKE) --no-print-directory build
	bash scripts/test.sh

clean:
	rm -rf $(BUILD_DIR) web/dist tests/artifacts
