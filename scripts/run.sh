#!/usr/bin/env bash
# run.sh installs what is missing, builds Trotsky Timeline and opens it.
# Arguments go to the program: scripts/run.sh FILE, scripts/run.sh --kiosk, scripts/run.sh validate.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
export PATH="/usr/local/go/bin:$PATH"
go build -o trotsky-timeline ./cmd/trotsky-timeline
exec ./trotsky-timeline "$@"
