#!/bin/sh
# Sandbox throughput: builds the benchmark in release mode, runs its own keep-alive load client at
# 16 and 64 connections, then (if installed) wrk against the same server as an independent check.
# Keep runs short: the build machines are shared.
set -eu
cd "$(dirname "$0")"
swift build -c release --product sandbox-bench >/dev/null
bin=.build/release/sandbox-bench
seconds=${SECONDS_PER_RUN:-3}

"$bin" --connections 16,64 --seconds "$seconds"

if command -v wrk >/dev/null 2>&1; then
    mkdir -p out
    "$bin" --serve $((2 * seconds + 4)) >out/serve.txt &
    server=$!
    sleep 1
    url=$(head -n 1 out/serve.txt)
    for connections in 16 64; do
        printf 'wrk -t2 -c%s: ' "$connections"
        wrk -t2 -c"$connections" -d"${seconds}s" -H 'Authorization: Bearer bench' "$url" | awk '/Requests\/sec/ {print $2 " GET/s"}'
    done
    wait "$server"
    tail -n 1 out/serve.txt
else
    echo "wrk not installed (apt-get install wrk) - skipped the cross-check"
fi
