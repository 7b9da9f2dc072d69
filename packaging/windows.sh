#!/bin/sh
# packaging/windows.sh cross-builds the Windows package of Trotsky Timeline on Debian or Ubuntu:
# a .zip holding one folder, "Trotsky Timeline", with trotsky-timeline.exe (amd64, windowed: no
# console window on a double-click) and README.txt. Unpack it anywhere and double-click the .exe.
#
#   packaging/windows.sh          -> out/trotsky-timeline-VERSION-windows-amd64.zip
#   OUT=dir packaging/windows.sh  writes into dir instead
#
# Fyne needs cgo, so the C parts are compiled by mingw-w64 (Debian's gcc-mingw-w64-x86-64,
# installed here when missing). The icon and the version come from FyneApp.toml and
# assets/icon.png: mkicon draws the .ico, this script writes a resource script, mingw's windres
# compiles it into a .syso object that `go build` links into the .exe. Nothing generated is
# committed; the .syso lives in cmd/trotsky-timeline only during the build.
set -eu
cd "$(dirname "$0")/.."

CC=${CC:-x86_64-w64-mingw32-gcc}
WINDRES=${WINDRES:-x86_64-w64-mingw32-windres}

missing=""
command -v "$CC" >/dev/null 2>&1 || missing="$missing gcc-mingw-w64-x86-64"
command -v "$WINDRES" >/dev/null 2>&1 || missing="$missing binutils-mingw-w64-x86-64"
command -v zip >/dev/null 2>&1 || missing="$missing zip"
if [ -n "$missing" ]; then
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	echo "windows.sh: installing$missing" >&2
	$sudo apt-get update -qq
	# shellcheck disable=SC2086 # the list is meant to split
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

# toml KEY: the first `KEY = value` of FyneApp.toml, without the quotes of a string.
toml() { sed -n "s/^$1 *= *//p" FyneApp.toml | head -n 1 | sed 's/^"\(.*\)"$/\1/'; }
NAME=$(toml Name)
ID=$(toml ID)
VERSION=$(toml Version)
BUILD=$(toml Build)
DESCRIPTION=$(toml Description)
case "$VERSION" in
[0-9]*.[0-9]*.[0-9]*) ;;
*) echo "windows.sh: FyneApp.toml Version \"$VERSION\" is not MAJOR.MINOR.PATCH" >&2; exit 1 ;;
esac
case "$BUILD" in
'' | *[!0-9]*) echo "windows.sh: FyneApp.toml Build \"$BUILD\" is not a number" >&2; exit 1 ;;
esac
# FILEVERSION wants four numbers: major, minor, patch, build.
NUMS=$(echo "$VERSION" | sed 's/[^0-9.].*//; s/\./,/g'),$BUILD
rcquote() { printf '%s' "$1" | sed 's/"/""/g'; } # a string in a resource script doubles its quotes

OUT=${OUT:-out}
mkdir -p "$OUT"
WORK=$(mktemp -d)
SYSO=cmd/trotsky-timeline/rsrc_windows_amd64.syso
trap 'rm -rf "$WORK" "$SYSO"' EXIT

go run ./packaging/mkicon -ico "$WORK/icon.ico"

# The manifest says which Windows versions the program was made for (so Windows 10 and 11 do
# not run it in a compatibility mode) and that it draws for each monitor's scale itself, as
# GLFW (Fyne's window library) does, so Windows does not blur it by stretching a bitmap.
cat >"$WORK/app.manifest" <<EOF
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<assembly xmlns="urn:schemas-microsoft-com:asm.v1" manifestVersion="1.0">
  <assemblyIdentity type="win32" name="$ID" version="$(echo "$NUMS" | tr , .)" processorArchitecture="amd64"/>
  <description>$NAME</description>
  <compatibility xmlns="urn:schemas-microsoft-com:compatibility.v1">
    <application>
      <supportedOS Id="{8e0f7a12-bfb3-4fe8-b9a5-48fd50a15a9a}"/>
    </application>
  </compatibility>
  <application xmlns="urn:schemas-microsoft-com:asm.v3">
    <windowsSettings>
      <dpiAware xmlns="http://schemas.microsoft.com/SMI/2005/WindowsSettings">true/pm</dpiAware>
      <dpiAwareness xmlns="http://schemas.microsoft.com/SMI/2016/WindowsSettings">PerMonitorV2</dpiAwareness>
    </windowsSettings>
  </application>
  <trustInfo xmlns="urn:schemas-microsoft-com:asm.v3">
    <security>
      <requestedPrivileges>
        <requestedExecutionLevel level="asInvoker" uiAccess="false"/>
      </requestedPrivileges>
    </security>
  </trustInfo>
</assembly>
EOF

# The icon is named GLFW_ICON: GLFW (Fyne's window library) gives its windows the icon of
# that name, for the title bar, the task bar and Alt+Tab, and Explorer shows the first icon
# of the .exe, which is this one. VERSIONINFO fills the .exe's Properties ▸ Details.
cat >"$WORK/app.rc" <<EOF
GLFW_ICON ICON "icon.ico"
1 24 "app.manifest"
1 VERSIONINFO
FILEVERSION $NUMS
PRODUCTVERSION $NUMS
FILEOS 0x40004
FILETYPE 0x1
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "040904B0"
    BEGIN
      VALUE "FileDescription", "$(rcquote "$NAME")"
      VALUE "FileVersion", "$VERSION.$BUILD"
      VALUE "InternalName", "trotsky-timeline"
      VALUE "OriginalFilename", "trotsky-timeline.exe"
      VALUE "ProductName", "$(rcquote "$NAME")"
      VALUE "ProductVersion", "$VERSION"
      VALUE "Comments", "$(rcquote "$DESCRIPTION")"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x409, 1200
  END
END
EOF
(cd "$WORK" && "$WINDRES" --input-format=rc --output-format=coff -c 65001 -i app.rc -o rsrc.syso)
cp "$WORK/rsrc.syso" "$SYSO"

DIR="$WORK/pkg/$NAME"
mkdir -p "$DIR"
echo "building $DIR/trotsky-timeline.exe (cgo with $CC; minutes on a cold build cache)" >&2
CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC="$CC" \
	go build -ldflags "-s -w -H=windowsgui" -o "$DIR/trotsky-timeline.exe" ./cmd/trotsky-timeline
rm -f "$SYSO"

# README.txt, with Windows line ends so Notepad of any age shows its lines.
sed 's/$/\r/' >"$DIR/README.txt" <<EOF
$NAME $VERSION for Windows (64-bit)

$DESCRIPTION

Start it: double-click trotsky-timeline.exe. It needs no installation and no administrator
rights: keep this folder anywhere (Documents, a USB stick) and, to find it from the Start
menu, right-click the .exe and choose "Pin to Start". To remove it, delete the folder.
Windows may warn about a program from an unknown publisher (it is not signed): choose
"More info", then "Run anyway".

It remembers its window size, language, theme, text size and last view in
%USERPROFILE%\\AppData\\Roaming\\fyne\\$ID\\preferences.json (the usual %APPDATA%).

The command line (from cmd.exe or PowerShell, in this folder), for example:

  trotsky-timeline.exe --kiosk
  trotsky-timeline.exe validate my-timeline.json
  trotsky-timeline.exe export --format png -o figure.png --from 1917 --to 1930
  trotsky-timeline.exe --help          (every command and option)

The program is a windowed one, so at an interactive cmd.exe prompt the command returns at once
and its output appears after the next prompt (press Enter for a fresh prompt). In a batch
file cmd.exe waits for it and %ERRORLEVEL% is its exit status; at the prompt, use
  start /wait /b trotsky-timeline.exe validate
to wait. In PowerShell, pipe it to wait for it:  .\\trotsky-timeline.exe validate | Out-Host

Full documentation: the README.md of the source code.
EOF

ZIP="$OUT/trotsky-timeline-$VERSION-windows-amd64.zip"
rm -f "$ZIP"
ABS=$(cd "$OUT" && pwd)/$(basename "$ZIP")
(cd "$WORK/pkg" && zip -q -X -9 -r "$ABS" "$NAME")
echo "$ZIP"
