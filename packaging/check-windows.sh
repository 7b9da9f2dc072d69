#!/bin/sh
# packaging/check-windows.sh ZIP checks the Windows package packaging/windows.sh made, as CI does
# after building it: the zip holds "NAME/trotsky-timeline.exe" and "NAME/README.txt"; the .exe
# is a PE32+ (64-bit) x86-64 executable for the Windows GUI subsystem (no console window on a
# double-click) whose resources hold an icon (RT_ICON and RT_GROUP_ICON), a version (RT_VERSION)
# naming FyneApp.toml's version, and a manifest (RT_MANIFEST). Each failure is said; exit 1.
# It installs unzip and mingw's binutils when missing (Debian or Ubuntu).
set -eu
cd "$(dirname "$0")/.."
ZIP=${1:?usage: packaging/check-windows.sh out/trotsky-timeline-VERSION-windows-amd64.zip}
OBJDUMP=${OBJDUMP:-x86_64-w64-mingw32-objdump}
STRINGS=${STRINGS:-x86_64-w64-mingw32-strings}

missing=""
command -v "$OBJDUMP" >/dev/null 2>&1 || missing="$missing binutils-mingw-w64-x86-64"
command -v unzip >/dev/null 2>&1 || missing="$missing unzip"
if [ -n "$missing" ]; then
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	echo "check-windows.sh: installing$missing" >&2
	$sudo apt-get update -qq
	# shellcheck disable=SC2086 # the list is meant to split
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

toml() { sed -n "s/^$1 *= *//p" FyneApp.toml | head -n 1 | sed 's/^"\(.*\)"$/\1/'; }
NAME=$(toml Name)
VERSION=$(toml Version)
BUILD=$(toml Build)

fail=0
bad() {
	echo "check-windows: $ZIP: $*" >&2
	fail=1
}

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
unzip -q "$ZIP" -d "$WORK"
EXE="$WORK/$NAME/trotsky-timeline.exe"
[ -f "$WORK/$NAME/README.txt" ] || bad "no $NAME/README.txt"
if [ ! -f "$EXE" ]; then
	bad "no $NAME/trotsky-timeline.exe"
	exit 1
fi

"$OBJDUMP" -p "$EXE" >"$WORK/headers" || bad "objdump cannot read the .exe"
grep -q 'file format pei-x86-64' "$WORK/headers" || bad "not an x86-64 PE executable"
grep -Eq '^Magic[[:space:]]+020b[[:space:]]+\(PE32\+\)' "$WORK/headers" || bad "not PE32+ (64-bit)"
grep -Eq '^Subsystem[[:space:]]+00000002[[:space:]]+\(Windows GUI\)' "$WORK/headers" ||
	bad "not the Windows GUI subsystem: $(grep '^Subsystem' "$WORK/headers")"

# The resource directory's first level lists the resource types by number: 3 RT_ICON,
# 14 RT_GROUP_ICON, 16 RT_VERSION, 24 RT_MANIFEST. objdump indents that level by three spaces.
types=$(awk '/^The \.rsrc Resource Directory section:/ { in_rsrc = 1; next }
	in_rsrc && /^[0-9a-f]+   Entry: ID: 0x/ { sub(/.*ID: 0x/, ""); sub(/,.*/, ""); print $0 }
	in_rsrc && /^$/ { in_rsrc = 0 }' "$WORK/headers" | tr '\n' ' ')
for t in 000003:RT_ICON 00000e:RT_GROUP_ICON 000010:RT_VERSION 000018:RT_MANIFEST; do
	case " $types" in
	*" ${t%%:*} "*) ;;
	*) bad "no ${t#*:} resource (resource types found, in hex: ${types:-none})" ;;
	esac
done
# VERSIONINFO strings are UTF-16.
"$STRINGS" -el "$EXE" | grep -qx "$VERSION.$BUILD" || bad "the version resource does not say $VERSION.$BUILD"

[ "$fail" -eq 0 ] || exit 1
echo "check-windows: $ZIP: PE32+ x86-64, Windows GUI subsystem, icon, version $VERSION.$BUILD and manifest resources; $(du -k "$ZIP" | cut -f1) KB zipped, $(du -k "$EXE" | cut -f1) KB unpacked"
