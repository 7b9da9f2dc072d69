#!/bin/sh
# Times `trotsky-timeline validate` and measures its peak memory (max RSS, /usr/bin/time)
# on each hostile file class at 10 MB (or HOSTILE_SIZE bytes), beside a valid file of the
# same size: issue 13's targets, under 2 s and under 20x the file's size plus a fixed base.
# Usage: scripts/hostile-files.sh [BINARY]   (builds the program when not given)
set -eu
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
bin=${1:-}
if [ -z "$bin" ]; then
	go build -o "$dir/trotsky-timeline" ./cmd/trotsky-timeline
	bin=$dir/trotsky-timeline
fi
mkdir "$dir/files"
HOSTILE_DIR=$dir/files go test -count=1 -run '^TestWriteHostileFiles$' ./timeline/format ./timeline/format/timelinejs >/dev/null
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| file | bytes | exit | wall s | CPU s (user+sys) | max RSS MB | RSS / size |\n|---|---|---|---|---|---|---|\n'
for f in "$dir"/files/*.json "$dir"/files/*.csv; do
	size=$(wc -c <"$f")
	set +e
	/usr/bin/time -f '%e %U %S %M' -o "$dir/time" "$bin" validate "$f" >/dev/null 2>&1
	code=$?
	set -e
	read -r wall user sys rss <<EOT
$(tail -n 1 "$dir/time")
EOT
	echo "$(basename "$f") $size $code $wall $user $sys $rss" | awk '{printf "| %s | %d | %d | %.2f | %.2f | %.0f | %.1f |\n", $1, $2, $3, $4, $5+$6, $7/1024, $7*1024/$2}'
done
