#!/usr/bin/env bash
# packaging/test-wine.sh ZIP tries the Windows package as a user would, on Debian, under Wine
# (wine64) in Xvfb: it unpacks the zip, exports a PNG and an SVG figure with the .exe and
# compares them with the Linux build's (they must be identical: same embedded data and fonts,
# same pure-Go painters), then opens the window, takes a screenshot of the first screen, closes
# the window as a user would (WM_CLOSE) and checks the preferences were saved in the Windows
# place (%APPDATA%\fyne\org.trotskytimeline.app\preferences.json). It is not part of CI (Wine
# costs minutes to install and start); CI checks the .exe's headers (check-windows.sh).
#
#   packaging/test-wine.sh out/trotsky-timeline-0.1.0-windows-amd64.zip
#
# Environment: DISP (X display number, default 22), SHOTS (folder for the screenshot and the
# figures, default a new temporary folder), TT (the Linux binary to compare with; built when
# unset), WAIT (seconds to let the window settle once it shows, default 10). The desktop is 1600x900, so the
# window opens at its default size fitted to the screen. It installs wine64, xvfb,
# imagemagick and mingw-w64 when missing.
#
# Wine 8.0 (Debian 12) lacks bcryptprimitives.dll, whose ProcessPrng Go 1.24 and later call
# for random bytes ("fatal error: bcryptprimitives.dll not found"); Windows 10 and 11 have it.
# For this test only, packaging/wine/processprng.c is built with mingw into the throwaway Wine
# prefix's system32. It never goes into the package.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$PATH"
ZIP=$(realpath "${1:?usage: packaging/test-wine.sh out/trotsky-timeline-VERSION-windows-amd64.zip}")
DISP=${DISP:-22}
WAIT=${WAIT:-10}
SHOTS=${SHOTS:-$(mktemp -d)}
mkdir -p "$SHOTS"
SHOTS=$(realpath "$SHOTS")

need=()
command -v wine >/dev/null || need+=(wine wine64)
command -v Xvfb >/dev/null || need+=(xvfb xauth)
command -v compare >/dev/null || need+=(imagemagick)
command -v x86_64-w64-mingw32-gcc >/dev/null || need+=(gcc-mingw-w64-x86-64)
command -v unzip >/dev/null || need+=(unzip)
if ((${#need[@]})); then
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	echo "test-wine: installing ${need[*]}" >&2
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

WORK=$(mktemp -d)
XVFB=""
cleanup() {
	WINEPREFIX="$WORK/prefix" wineserver -k 2>/dev/null || true
	[ -n "$XVFB" ] && kill "$XVFB" 2>/dev/null || true
	rm -rf "$WORK"
}
trap cleanup EXIT

export WINEPREFIX="$WORK/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" DISPLAY=":$DISP"
if ! xdpyinfo -display ":$DISP" >/dev/null 2>&1 && ! [ -e "/tmp/.X11-unix/X$DISP" ]; then
	Xvfb ":$DISP" -screen 0 1600x900x24 >"$WORK/xvfb.log" 2>&1 &
	XVFB=$!
	sleep 2
fi

echo "test-wine: making a Wine prefix" >&2
wineboot -i >"$WORK/wineboot.log" 2>&1
wineserver -w
x86_64-w64-mingw32-gcc -O2 -shared -s -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
	packaging/wine/processprng.c -ladvapi32

unzip -q "$ZIP" -d "$WORK/unpacked"
EXE=$(find "$WORK/unpacked" -name trotsky-timeline.exe | head -n 1)

if [ -z "${TT:-}" ]; then
	TT="$WORK/trotsky-timeline"
	echo "test-wine: building the Linux binary to compare with" >&2
	go build -o "$TT" ./cmd/trotsky-timeline
fi

fail=0
# The same figures from both builds. -o is a relative name: the Windows program is started
# in the output folder (Z:\...), as a user would in cmd.exe.
for f in png svg; do
	args=(export --format "$f" -o "figure-linux.$f")
	(cd "$SHOTS" && rm -f "figure-linux.$f" "figure-windows.$f" && "$TT" "${args[@]}")
	(cd "$SHOTS" && wine "$EXE" export --format "$f" -o "figure-windows.$f")
done
ae=$(compare -metric AE "$SHOTS/figure-linux.png" "$SHOTS/figure-windows.png" "$SHOTS/figure-diff.png" 2>&1 || true)
echo "test-wine: PNG export, Windows build under Wine vs Linux build: $ae pixels differ" \
	"($(identify -format '%wx%h' "$SHOTS/figure-windows.png"))"
[ "$ae" = 0 ] || fail=1
if cmp -s "$SHOTS/figure-linux.svg" "$SHOTS/figure-windows.svg"; then
	echo "test-wine: SVG export: byte for byte the same as the Linux build's"
else
	echo "test-wine: SVG export differs from the Linux build's" >&2
	fail=1
fi
out=$(wine "$EXE" validate 2>&1) || {
	echo "test-wine: validate failed: $out" >&2
	fail=1
}
echo "test-wine: validate under Wine: $out"

# The window, in a Wine virtual desktop (its title bar shows the window's icon; Xvfb has no
# window manager to draw one): the first screen, then a close as from the title bar
# (taskkill without /f sends WM_CLOSE), which makes the program save its preferences.
wine explorer /desktop=trotsky,1600x900 "$EXE" >"$WORK/app.log" 2>&1 &
# Wait for more than the desktop's few colours (at most 90 s), then WAIT seconds for it to settle.
for _ in $(seq 45); do
	sleep 2
	import -window root -display ":$DISP" "$SHOTS/wine-first-screen.png"
	[ "$(convert "$SHOTS/wine-first-screen.png" -format '%k' info:)" -gt 500 ] && break
done
sleep "$WAIT"
import -window root -display ":$DISP" "$SHOTS/wine-first-screen.png"
echo "test-wine: screenshot $SHOTS/wine-first-screen.png ($(convert "$SHOTS/wine-first-screen.png" -format '%k' info:) colours)"
# taskkill finds the windows of the desktop it runs in: the virtual one.
wine explorer /desktop=trotsky,1600x900 taskkill /im trotsky-timeline.exe >/dev/null 2>&1 || true
prefs=""
for _ in $(seq 30); do
	sleep 1
	prefs=$(find "$WINEPREFIX/drive_c/users" -path '*/AppData/Roaming/fyne/org.trotskytimeline.app/preferences.json' | head -n 1)
	# Fyne writes at each change and once more on the way out: wait for the last one.
	[ -n "$prefs" ] && grep -q '"window.width"' "$prefs" && break
done
if [ -n "$prefs" ] && grep -q '"window.width"' "$prefs"; then
	echo "test-wine: preferences saved in ${prefs#"$WINEPREFIX/"}: $(cat "$prefs")"
else
	echo "test-wine: no preferences.json with the window size under %APPDATA%\\fyne\\org.trotskytimeline.app 30 s after WM_CLOSE" >&2
	fail=1
fi
if [ -s "$WORK/app.log" ]; then
	echo "test-wine: the program's messages:" >&2
	sed 's/^/  /' "$WORK/app.log" >&2
fi
exit "$fail"
