# Entente: two commands do all the set-up on a fresh Debian 12 machine.
#   make run    install what is missing, build, import the sample digests, serve
#   make test   install what is missing, build, run the whole test suite
# Variables: BUILD (build dir, default build), DB (store, default var/entente.db),
# LISTEN (default 127.0.0.1:50051), HTTP (the web page and JSON API, default
# 127.0.0.1:8080), WERROR=1 (warnings are errors).

BUILD   ?= build
DB      ?= var/entente.db
LISTEN  ?= 127.0.0.1:50051
HTTP    ?= 127.0.0.1:8080
JOBS    ?= $(shell nproc)
WERROR  ?= 0
ENTENTE := $(BUILD)/service/cli/entente
SAMPLES := $(wildcard deploy/samples/*.txt)

.PHONY: run test deps build import clean

run: build
	@mkdir -p $(dir $(DB))
	@echo "== importing $(words $(SAMPLES)) sample digests into $(DB)"
	$(ENTENTE) import --db $(DB) $(SAMPLES)
	@echo
	@echo "== open http://$(HTTP)/ in a browser (search box, timelines, paths), e.g."
	@echo "   http://$(HTTP)/path/country:PAK/org:eu?k=3"
	@echo "== gRPC on $(LISTEN); in another terminal try:"
	@echo "   $(ENTENTE) path Pakistan \"European Union\" --k 3 --server $(LISTEN)"
	@echo "   $(ENTENTE) timeline Kazakhstan Pakistan --server $(LISTEN)"
	@echo "   (stop the server with Ctrl-C; without a server, use --db $(DB) instead of --server)"
	@echo
	exec $(ENTENTE) serve --db $(DB) --listen $(LISTEN) --http $(HTTP)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

build: deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release \
	  -DENTENTE_WERROR=$(if $(filter 1,$(WERROR)),ON,OFF)
	cmake --build $(BUILD) -j $(JOBS)

deps:
	@deploy/install-packages deploy/build-packages.txt

clean:
	rm -rf $(BUILD)
