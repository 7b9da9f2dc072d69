#!/usr/bin/env bash
# test.sh installs what is missing and runs every test: the whole module, then the core and
# the export again without cgo, which proves that nothing under timeline/ needs Fyne or a display.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
export PATH="/usr/local/go/bin:$PATH"
go vet ./...
go test -count=1 ./...
CGO_ENABLED=0 go test -count=1 ./timeline/... ./data/...
