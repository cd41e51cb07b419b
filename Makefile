# twilio-gateway: the two commands a new machine needs are `make run` and `make test`.
# Both install what is missing (Debian packages; Python peers for tests) before building.

SWIFT ?= swift
CONFIG ?= release
BIN := .build/$(CONFIG)/twilio-gateway

.PHONY: all deps test-deps build run test lint format generate bench bench-bulk docker clean fuzz

all: build

deps:
	scripts/install-deps

test-deps:
	scripts/install-deps --test

build: deps
	$(SWIFT) build -c $(CONFIG) --product twilio-gateway

## Builds and serves: RPC on 127.0.0.1:7701, HTTP (GraphQL) on 127.0.0.1:8080, sandbox unless
## TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are set. Extra flags: make run ARGS="--log-level debug".
run: build
	$(BIN) serve $(ARGS)

## Lint, then the whole test suite (Swift tests, which also drive the Python peers). Suites run
## one at a time: many of them start servers and Python peers, and on a small machine running
## them all at once starves the ones that measure deadlines.
test: test-deps lint
	GATEWAY_REQUIRE_PYTHON=1 $(SWIFT) test --no-parallel

lint: deps
	$(SWIFT) format lint --strict -r Sources Tests Package.swift
	scripts/check-imports
	scripts/check-generated

## libFuzzer runs of the frame decoder, the GraphQL parser and the form-body parsers (not a test):
## make fuzz FUZZ_SECONDS=60. See docs/fuzzing.md.
FUZZ_SECONDS ?= 60
fuzz:
	scripts/fuzz --seconds $(FUZZ_SECONDS)

format:
	$(SWIFT) format -i -r Sources Tests Package.swift

generate: deps
	scripts/generate-protos

## Prints RPC throughput and latency figures (see docs/benchmarks.md).
bench: deps
	$(SWIFT) build -c release --product gateway-bench
	.build/release/gateway-bench $(ARGS)

## One BulkSendSms of 10,000 recipients with pacing off against the in-process sandbox, then the
## same batch from the twilio Python library on 32 threads; prints both rates and their ratio.
bench-bulk: deps
	$(SWIFT) build -c release --product gateway-bench
	.build/release/gateway-bench --bulk $(or $(N),10000) --python scripts/bench-bulk-python

docker:
	docker build -f docker/Dockerfile -t twilio-gateway .

clean:
	rm -rf .build
