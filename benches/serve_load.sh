#!/usr/bin/env bash
# Load benchmark of `clash serve` (SPEC §11), side by side in one run with
# nginx serving the same feed bytes from a file (the yardstick). Loopback
# only, bounded: five wrk runs of $SECONDS_EACH seconds (default 10) with
# 32 keep-alive connections, then SIGTERM during a sixth.
#
#   benches/serve_load.sh            # needs wrk and nginx (Debian packages)
#
# Prints requests per second and latency percentiles per run, the server's
# resident memory at rest and under load, and its exit code after a
# SIGTERM in the middle of a load.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
secs=${SECONDS_EACH:-10}
for tool in wrk nginx; do
    command -v "$tool" >/dev/null || { echo "serve_load.sh needs $tool (apt-get install wrk nginx-light)"; exit 2; }
done
cargo build -q --release --locked --bin clash
bin="${CARGO_TARGET_DIR:-$root/target}/release/clash"
tmp=$(mktemp -d)
cleanup() {
    [ -n "${server:-}" ] && kill "$server" 2>/dev/null || true
    [ -f "$tmp/nginx.pid" ] && kill "$(cat "$tmp/nginx.pid")" 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

"$bin" serve --listen 127.0.0.1:0 2>"$tmp/serve.log" &
server=$!
for _ in $(seq 100); do grep -q "listening on" "$tmp/serve.log" && break; sleep 0.05; done
url=$(sed -n 's/^clash serve: listening on //p' "$tmp/serve.log" | head -n 1)
rss() { awk '/VmRSS/ {print $2 / 1024 " MiB"}' "/proc/$server/status"; }
echo "clash serve at $url; resident at rest: $(rss)"

# The yardstick: nginx serving the feed's own bytes from a file.
mkdir -p "$tmp/www"
chmod 755 "$tmp" "$tmp/www"   # nginx's workers read it as another user
python3 -c 'import sys, urllib.request; open(sys.argv[2], "wb").write(urllib.request.urlopen(sys.argv[1]).read())' \
    "$url/feeds/all.ics" "$tmp/www/all.ics"
chmod 644 "$tmp/www/all.ics"
echo "the 3-year all-traditions feed: $(wc -c <"$tmp/www/all.ics") bytes"
port=$(free_port)
cat >"$tmp/nginx.conf" <<CONF
worker_processes auto;
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    types { text/calendar ics; }
    server {
        listen 127.0.0.1:$port;
        root $tmp/www;
        keepalive_requests 1000000;
    }
}
CONF
nginx -c "$tmp/nginx.conf" -p "$tmp"
sleep 0.3

run() {
    echo "== $1"
    wrk -t2 -c32 -d"${secs}s" --latency "$2" | grep -E "Requests/sec|Transfer/sec|^ +(50|90|99)%"
}
run "nginx, the feed file" "http://127.0.0.1:$port/all.ics"
run "clash serve, /feeds/all.ics (from memory)" "$url/feeds/all.ics"
echo "clash serve resident under load: $(rss)"
run "clash serve, /api/v1/check?date=2026-12-25" "$url/api/v1/check?date=2026-12-25"
run "clash serve, /api/v1/check, an 18:00 meeting in Ramadan" "$url/api/v1/check?date=2027-03-10T18:00&duration=2h"
run "clash serve, /api/v1/check, a month of 18:00 meetings" "$url/api/v1/check?date=2027-03&time=18:00"
echo "clash serve resident after the load: $(rss)"

echo "== SIGTERM in the middle of a load"
wrk -t2 -c32 -d4s "$url/api/v1/check?date=2027-03-10T18:00" >"$tmp/wrk-term.txt" &
load=$!
sleep 2
kill -TERM "$server"
status=0
wait "$server" || status=$?
server=
wait "$load" || true
echo "clash serve exited $status; wrk: $(grep -E 'requests in' "$tmp/wrk-term.txt" | xargs)"
grep -E "Socket errors|Non-2xx" "$tmp/wrk-term.txt" || echo "no socket errors, no non-2xx answers"
