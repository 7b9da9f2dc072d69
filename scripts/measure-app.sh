#!/usr/bin/env bash
# measure-app.sh measures the real desktop window under Xvfb: the time from launch to the
# first frame, the frame times while zooming and panning (from the app's TT_TRACE=1 log),
# the CPU the process spent per frame (which also counts Fyne's and Mesa's work after our
# frame, that the trace does not see), and the resident memory with the window open.
#
#   scripts/measure-app.sh [FILE]      FILE defaults to a generated 1M-event workload
#
# Environment: TT (the binary; built into /tmp/tt when unset), RUNS (launches timed, default
# 3), SHOTS (folder for the screenshots, default /tmp), DISP (X display number, default 97).
# It installs xvfb, xauth, libgl1-mesa-dri, x11-apps, imagemagick and xdotool when missing.
#
# The run: launch RUNS times on FILE and RUNS times on the built-in dataset, timing each to its
# first frame; on the first launch on FILE, drive the window with xdotool: 8 wheel clicks in
# (the 64 years of the workload become about two years: see the screenshot), drags of
# 160 px (10% of the window) each way, 12 clicks more (to the one-week limit), drags again,
# Home (fit all), drags at full range, 20 clicks out; then read VmRSS and VmHWM from
# /proc/PID/status and take screenshots along the way. The built-in dataset is dragged the
# same way, to tell the cost of a frame that does not depend on the number of events (Fyne's
# texture upload and Mesa's software GL under Xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$PATH"
RUNS=${RUNS:-3}
SHOTS=${SHOTS:-/tmp}
DISP=${DISP:-97}
export DISPLAY=":$DISP"

need=()
command -v Xvfb >/dev/null || need+=(xvfb xauth libgl1-mesa-dri)
command -v xwd >/dev/null || need+=(x11-apps)
[[ -x /usr/bin/convert ]] || need+=(imagemagick)
command -v xdotool >/dev/null || need+=(xdotool)
if ((${#need[@]})); then
	echo "installing ${need[*]}" >&2
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

if [[ -z "${TT:-}" ]]; then
	TT=/tmp/tt
	go build -o "$TT" ./cmd/trotsky-timeline
fi
FILE=${1:-}
if [[ -z "$FILE" ]]; then
	FILE=/tmp/tt-bench-1m.json
	[[ -s "$FILE" ]] || "$TT" gen --events 1000000 -o "$FILE"
fi

WORK=$(mktemp -d /tmp/tt-measure.XXXXXX)
mkdir -p "$SHOTS"
# Each launch is a first launch: Fyne's preferences (the remembered window size and last
# view) go to a fresh folder, so every run opens at 1600×900 on the whole span.
export XDG_CONFIG_HOME="$WORK/config"
XPID="" APID=""
cleanup() {
	[[ -n "$APID" ]] && kill "$APID" 2>/dev/null || true
	[[ -n "$XPID" ]] && kill "$XPID" 2>/dev/null || true
	wait 2>/dev/null || true
}
trap cleanup EXIT

Xvfb "$DISPLAY" -screen 0 1600x900x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XPID=$!
for _ in $(seq 100); do xdpyinfo >/dev/null 2>&1 && break; xwd -root -silent >/dev/null 2>&1 && break; sleep 0.05; done

now_ms() { echo $(($(date +%s%N) / 1000000)); }
# cpu_ticks <pid>: the process's user+system CPU ticks (10 ms) as "all gl": gl is the part
# spent in Mesa's llvmpipe threads (software OpenGL, as there is no GPU under Xvfb).
cpu_ticks() {
	local t all=0 gl=0 c
	for t in /proc/"$1"/task/*; do
		c=$(awk '{print $14 + $15}' "$t/stat" 2>/dev/null) || continue
		all=$((all + c))
		[[ $(cat "$t/comm" 2>/dev/null) == llvmpipe* ]] && gl=$((gl + c))
	done
	echo "$all $gl"
}
shot() { xwd -root -silent | convert xwd:- "$SHOTS/$1" && echo "screenshot $SHOTS/$1"; }

# launch <log> [FILE]: starts the app (APID) and waits for its first frame; WALL is the time
# from the start to the first frame's line in the log.
launch() {
	local log=$1 t0 t1
	shift
	rm -rf "$XDG_CONFIG_HOME"
	: >"$log"
	t0=$(now_ms)
	TT_TRACE=1 "$TT" "$@" >"$log" 2>&1 &
	APID=$!
	for _ in $(seq 3000); do
		grep -q "first frame" "$log" && break
		kill -0 "$APID" 2>/dev/null || { cat "$log" >&2; echo "the app exited" >&2; exit 1; }
		sleep 0.01
	done
	t1=$(now_ms)
	grep -q "first frame" "$log" || { echo "no first frame in 30 s" >&2; exit 1; }
	WALL=$((t1 - t0))
	# The CPU the process had used by then (all threads): unlike the wall time, it hardly
	# depends on what else the machine is doing.
	WALLCPU=$(($(cpu_ticks "$APID" | cut -d' ' -f1) * 10))
}
stop() { kill "$APID" 2>/dev/null || true; wait "$APID" 2>/dev/null || true; APID=""; }

# stats <log> <from line>: the traced frame times after a line of the log.
stats() {
	tail -n +"$(($2 + 1))" "$1" | sed -n 's/.*trace: frame \([0-9.]*\) ms (\([0-9]*\) shapes.*/\1 \2/p' | sort -n |
		awk '{ t[NR] = $1; s += $2 }
		END {
			if (NR == 0) { print "no frames"; exit }
			p95 = t[int(NR * 0.95 + 0.999)]
			printf "%d frames, median %.1f ms, p95 %.1f ms, max %.1f ms, mean shapes %.0f", NR, (NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2), p95, t[NR], s / NR
		}'
	# The trace's timestamps (milliseconds since start, binaries from 6ff0c12 on): the median
	# time from one frame to the next, that is how often the window showed a new picture.
	tail -n +"$(($2 + 1))" "$1" | sed -n 's/^+ *\([0-9.]*\) ms trace: frame .*/\1/p' |
		awk 'NR > 1 { g[++n] = $1 - prev } { prev = $1 }
		END {
			if (n == 0) exit
			for (i = 2; i <= n; i++) { v = g[i]; for (j = i - 1; j >= 1 && g[j] > v; j--) g[j+1] = g[j]; g[j+1] = v }
			printf ", median %.1f ms between frames", n % 2 ? g[(n + 1) / 2] : (g[n / 2] + g[n / 2 + 1]) / 2
		}'
}

# phase <name> <command...>: runs an interaction and reports its frames and CPU per frame.
LOG=""
phase() {
	local name=$1 l0 c0 c1 n
	shift
	l0=$(wc -l <"$LOG")
	c0=($(cpu_ticks "$APID"))
	"$@"
	sleep 0.7 # let the last frames land
	c1=($(cpu_ticks "$APID"))
	n=$(tail -n +"$((l0 + 1))" "$LOG" | grep -c "trace: frame" || true)
	printf '%-26s %s; process CPU %s\n' "$name" "$(stats "$LOG" "$l0")" \
		"$(awk -v c=$(((c1[0] - c0[0]) * 10)) -v g=$(((c1[1] - c0[1]) * 10)) -v n="$n" 'BEGIN {
			printf "%d ms", c
			if (n) printf " = %.1f ms a frame (%.1f in llvmpipe, %.1f in the rest)", c / n, g / n, (c - g) / n
		}')"
}
wheel() { xdotool mousemove 800 400 click --repeat "$2" --delay 80 "$1"; }
drags() { # three drags of 160 px each way, in 10 px steps
	local i j
	for i in 1 2 3; do
		for dir in -10 10; do
			xdotool mousemove 800 400 mousedown 1
			for j in $(seq 16); do xdotool mousemove_relative -- "$dir" 0; sleep 0.02; done
			xdotool mouseup 1
			sleep 0.1
		done
	done
}
homekey() { xdotool mousemove 800 400 key Home; }
idle() { xdotool mousemove 800 880; sleep 2; } # the pointer off the lanes, nothing asked

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), nproc $(nproc), $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $TT on $FILE ($(du -h "$FILE" | cut -f1)), Xvfb $DISPLAY 1600x900x24"

for r in $(seq "$RUNS"); do
	LOG="$WORK/file-$r.log"
	launch "$LOG" "$FILE"
	echo "launch $r: first frame after $WALL ms wall, $WALLCPU ms CPU; app: $(sed -n 's/.*trace: \(first frame.*\)/\1/p' "$LOG")"
	if [[ $r == 1 ]]; then
		sleep 1
		shot shot-1m-full.png
		phase "idle 2 s" idle
		L1=$(wc -l <"$LOG")
		phase "zoom in 8 clicks" wheel 4 8
		shot shot-1m-2years.png
		phase "drag 10% x6 (zoomed)" drags
		phase "zoom in 12 clicks" wheel 4 12
		shot shot-1m-week.png
		phase "drag 10% x6 (a week)" drags
		phase "Home (fit all)" homekey
		phase "drag 10% x6 (full range)" drags
		phase "zoom out 20 clicks" wheel 5 20
		echo "all interaction: $(stats "$LOG" "$L1")"
		grep -E '^Vm(RSS|HWM)' "/proc/$APID/status" | tr -s ' \t' ' ' | tr '\n' ' '
		echo "(window open, after interacting)"
		cp "$LOG" "$SHOTS/measure-app-1m.log"
	fi
	stop
done

for r in $(seq "$RUNS"); do
	LOG="$WORK/builtin-$r.log"
	launch "$LOG"
	echo "built-in launch $r: first frame after $WALL ms wall, $WALLCPU ms CPU; app: $(sed -n 's/.*trace: \(first frame.*\)/\1/p' "$LOG")"
	if [[ $r == 1 ]]; then
		sleep 1
		shot shot-builtin.png
		phase "built-in: drag 10% x6" drags
		grep -E '^Vm(RSS|HWM)' "/proc/$APID/status" | tr -s ' \t' ' ' | tr '\n' ' '
		echo "(built-in, window open)"
	fi
	stop
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$WORK"
