#!/bin/sh
# packaging/linux.sh builds the Linux desktop package of Trotsky Timeline: a .tar.xz holding
# usr/local/bin/trotsky-timeline, a .desktop entry, the icon and a Makefile that installs them.
#
#   packaging/linux.sh            -> out/trotsky-timeline-VERSION-linux-ARCH.tar.xz
#   EXE=path/to/binary packaging/linux.sh   packages an existing binary instead of building one
#
# `fyne package` reads FyneApp.toml from its source directory, which must hold Go code but need
# not be the main package when --exe is given; so we build the binary ourselves and package it
# from the repository root, where FyneApp.toml and assets/icon.png are.
set -eu
cd "$(dirname "$0")/.."

FYNE_TOOL_VERSION=v1.7.4
FYNE="$(go env GOPATH)/bin/fyne"
if ! "$FYNE" version 2>/dev/null | grep -q "$FYNE_TOOL_VERSION"; then
	echo "installing fyne.io/tools/cmd/fyne@$FYNE_TOOL_VERSION" >&2
	go install "fyne.io/tools/cmd/fyne@$FYNE_TOOL_VERSION"
fi

OUT=${OUT:-out}
mkdir -p "$OUT"
VERSION=$(sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
ARCH=$(go env GOARCH)

EXE=${EXE:-}
if [ -z "$EXE" ]; then
	EXE="$OUT/trotsky-timeline"
	echo "building $EXE" >&2
	go build -ldflags "-s -w" -o "$EXE" ./cmd/trotsky-timeline
fi

# The tarball is written to the current folder, named after [Details] Name.
NAME=$(sed -n 's/^Name *= *"\(.*\)"/\1/p' FyneApp.toml)
rm -f "$NAME.tar.xz"
# fyne package rewrites FyneApp.toml afterwards (Build + 1, comments dropped): keep ours.
SAVED=$(mktemp)
cp FyneApp.toml "$SAVED"
trap 'cp "$SAVED" FyneApp.toml; rm -f "$SAVED"' EXIT
"$FYNE" package -os linux --exe "$EXE" --release
PKG="$OUT/trotsky-timeline-$VERSION-linux-$ARCH.tar.xz"
mv "$NAME.tar.xz" "$PKG"
echo "$PKG"
