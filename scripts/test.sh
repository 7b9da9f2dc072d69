#!/usr/bin/env bash
# test.sh installs what is missing and runs every check: go vet, staticcheck (the version
# pinned by go.mod's tool directive), every test, the race detector on the engine's packages
# that share state between goroutines and on the app's and the command's tests that cross
# one, and the proof that nothing under timeline/ needs Fyne: no package of it depends on
# fyne.io, and its tests pass again without cgo (no display, no OpenGL).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
export PATH="/usr/local/go/bin:$PATH"
go vet ./...
go tool staticcheck ./...
go test -count=1 ./...
# The race detector on the engine's packages that share state between goroutines: the
# importer (pipes), the painters' and the measurer's shared font caches, the basemap.
go test -count=1 -race ./timeline/format/importer/ ./timeline/paint/ ./timeline/textmetrics/ ./timeline/geo/
# And where the window's and the command's goroutines meet: the timeline widget's package
# whole, and of the app's and the command's tests those that cross a goroutine: a file
# opened and its open canceled, an export written and one failing (the render goroutine,
# fyne.Do back), kiosk mode's idle timers, the search index built beside the window, the
# tour's timer, and Ctrl-C at any moment of validate and the exports, two at once. (All the
# app's tests under -race take over ten minutes on two cores; TestCancelStops times the stop,
# which the detector's slowdown would fail without a race.) With an empty Go cache these two
# add about 20 minutes on two cores shared with other builds (load 8-15), 30 s of it testing:
# the rest compiles Fyne and its OpenGL driver for the detector.
go test -count=1 -race ./app/timelineview/
go test -count=1 -race -run '^(TestOpenFile|TestOpenCancel|TestExportWritesAndRemembers|TestExportFailureKeepsTheDialog|TestKioskIdleTwoSteps|TestSearchFieldChoosesResult|TestTourAutoAdvance|TestCancelAnyMoment|TestRunPanic)$' ./app/ ./cmd/trotsky-timeline/
if fyne=$(go list -deps -test ./timeline/... | grep '^fyne\.io/'); then
	echo "test.sh: timeline/ depends on Fyne:" >&2
	echo "$fyne" >&2
	exit 1
fi
CGO_ENABLED=0 go test -count=1 ./timeline/... ./data/...
