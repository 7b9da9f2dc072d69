#!/usr/bin/env bash
# deps.sh installs what building and testing Trotsky Timeline needs on Debian or Ubuntu:
# the C libraries Fyne's OpenGL driver links against (docs/DESIGN.md), Xvfb for running the
# window without a screen, rsvg-convert (the test that an SVG renders the same without Noto
# Sans), and the Go modules pinned in go.mod. It does nothing that is done.
set -euo pipefail
cd "$(dirname "$0")/.."

pkgs=(gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev
      libxi-dev libxxf86vm-dev libxkbcommon-dev libwayland-dev
      xvfb xauth libgl1-mesa-dri x11-apps librsvg2-bin)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "deps: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Go: the one on PATH or in /usr/local/go; else the distribution's (Ubuntu 24.04 has 1.22),
# which fetches the toolchain go.mod names (GOTOOLCHAIN=auto, Go 1.21 and later).
[ -x /usr/local/go/bin/go ] && export PATH="/usr/local/go/bin:$PATH"
if ! command -v go >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "deps: installing golang-go" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends golang-go ca-certificates >/dev/null
fi
minor=$(go env GOVERSION 2>/dev/null | sed -n 's/^go1\.\([0-9]*\).*/\1/p')
if [ -z "$minor" ] || [ "$minor" -lt 21 ]; then
  echo "deps: $(go version 2>/dev/null || echo 'no Go') is too old to fetch the Go toolchain go.mod names;" >&2
  echo "deps: install Go 1.26 or newer (https://go.dev/doc/install), then run this again." >&2
  exit 1
fi
go mod download
