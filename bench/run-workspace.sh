#!/bin/sh
# Throughput of the real WorkspaceAPI (2,000 users): the in-process client on each endpoint at 16
# connections, then (if installed) wrk -t2 -c16 against the same server, one endpoint at a time.
# Keep runs short: the build machines are shared.
set -eu
cd "$(dirname "$0")"
swift build -c release --product sandbox-bench >/dev/null
bin=.build/release/sandbox-bench
seconds=${SECONDS_PER_RUN:-2}
users=${USERS:-2000}

"$bin" --api workspace --users "$users" --connections 16 --seconds "$seconds"

if command -v wrk >/dev/null 2>&1; then
    mkdir -p out
    "$bin" --api workspace --users "$users" --serve $((6 * seconds + 8)) >out/serve-workspace.txt &
    server=$!
    while [ "$(grep -c http out/serve-workspace.txt 2>/dev/null || true)" -lt 6 ]; do sleep 0.2; done
    grep http out/serve-workspace.txt | while IFS="$(printf '\t')" read -r name url; do
        printf 'wrk -t2 -c16 %-24s' "$name:"
        wrk -t2 -c16 -d"${seconds}s" -H 'Authorization: Bearer bench' "$url" | awk '/Requests\/sec/ {print $2 " GET/s"}'
    done
    wait "$server"
    tail -n 1 out/serve-workspace.txt
else
    echo "wrk not installed (apt-get install wrk) - skipped the cross-check"
fi
