#!/usr/bin/env bash
# test.sh installs what is missing and runs every check: go vet, staticcheck (the version
# pinned by go.mod's tool directive), every test, the race detector on the engine's packages
# that share state between goroutines, and the proof that nothing under timeline/ needs Fyne: no package of it depends
# on fyne.io, and its tests pass again without cgo (no display, no OpenGL).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
export PATH="/usr/local/go/bin:$PATH"
go vet ./...
go tool staticcheck ./...
go test -count=1 ./...
# The race detector on the engine's packages that share state between goroutines: the
# importer (pipes), the painters' and the measurer's shared font caches, the basemap. (The
# app's tests under -race take over ten minutes on two cores, and the command's cancel tests
# time how fast an export stops, which the detector's slowdown fails without a race.)
go test -count=1 -race ./timeline/format/importer/ ./timeline/paint/ ./timeline/textmetrics/ ./timeline/geo/
if fyne=$(go list -deps -test ./timeline/... | grep '^fyne\.io/'); then
	echo "test.sh: timeline/ depends on Fyne:" >&2
	echo "$fyne" >&2
	exit 1
fi
CGO_ENABLED=0 go test -count=1 ./timeline/... ./data/...
