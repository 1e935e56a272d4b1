#!/usr/bin/env bash
# Load benchmark of `clash serve` (SPEC §11) and of the deploy/ set-ups
# (SPEC §13), side by side in one run: nginx serving the site `clash
# publish` wrote (deploy/nginx/static-site.conf, the yardstick), `clash
# serve` directly, and nginx caching in front of two `clash serve`
# (deploy/nginx/caching-proxy.conf); then the API. Loopback only, bounded:
# wrk runs of $SECONDS_EACH seconds (default 10) with 32 keep-alive
# connections, then SIGTERM during one more.
#
#   benches/serve_load.sh     # needs wrk, nginx-light, libnginx-mod-http-brotli-static
#
# Prints requests per second and latency percentiles per run, the time and
# size of the publish, the server's resident memory at rest and under
# load, and its exit code after a SIGTERM in the middle of a load. The API
# is timed both ways: the same question again and again (from the second
# on, answered from memory, as a popular date is), and another day each
# request (none from memory: the engine's own work).
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
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    for f in "$tmp"/*/nginx.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true; done
    rm -rf "$tmp"
}
trap cleanup EXIT
chmod 755 "$tmp"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
start_serve() { # log file; sets $addr to the server's address
    "$bin" serve --listen 127.0.0.1:0 >/dev/null 2>"$1" &
    pids+=($!)
    for _ in $(seq 100); do grep -q "listening on" "$1" && break; sleep 0.05; done
    addr=$(sed -n 's/^clash serve: listening on //p' "$1" | head -n 1)
}
# nginx with one deploy/ configuration, its ports and folders replaced.
start_nginx() { # name, configuration file, sed script
    local dir="$tmp/$1"
    mkdir -p "$dir/cache"
    chmod 777 "$dir" "$dir/cache"
    sed -e "$3" "$2" >"$dir/site.conf"
    local brotli=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
    cat >"$dir/nginx.conf" <<CONF
$( [ -e "$brotli" ] && echo "load_module $brotli;" )
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    keepalive_requests 1000000;
    client_body_temp_path $dir/body;
    proxy_temp_path $dir/proxy;
    fastcgi_temp_path $dir/fastcgi;
    uwsgi_temp_path $dir/uwsgi;
    scgi_temp_path $dir/scgi;
    include $dir/site.conf;
}
CONF
    nginx -p "$dir" -c "$dir/nginx.conf"
}
rss() { awk '/VmRSS/ {print $2 / 1024 " MiB"}' "/proc/$1/status"; }

# The static site.
started=$(date +%s.%N)
"$bin" publish "$tmp/site" >/dev/null
ended=$(date +%s.%N)
chmod -R a+rX "$tmp/site"
echo "clash publish: $(find "$tmp/site" -type f | wc -l) files, $(du -sk "$tmp/site" | cut -f1) kB, $(python3 -c "print(round($ended - $started, 2))") s"
echo "the 3-year all-traditions feed: $(wc -c <"$tmp/site/feeds/all.ics") bytes"
static=$(free_port)
start_nginx static deploy/nginx/static-site.conf \
    "s|listen 80;|listen 127.0.0.1:$static;|; s|root /srv/clash/site;|root $tmp/site;|"

# clash serve, alone and behind the caching proxy (two of them).
start_serve "$tmp/serve.log"
url=$addr
server=${pids[-1]}
echo "clash serve at $url; resident at rest: $(rss "$server")"
start_serve "$tmp/b1.log"
b1=$addr
start_serve "$tmp/b2.log"
b2=$addr
proxy=$(free_port)
start_nginx proxy deploy/nginx/caching-proxy.conf \
    "s|listen 80;|listen 127.0.0.1:$proxy;|; s|server 127.0.0.1:8081|server ${b1#http://}|; s|server 127.0.0.1:8082|server ${b2#http://}|; s|/var/cache/nginx/clash|$tmp/proxy/cache|"
sleep 0.3
curl -s -o /dev/null "http://127.0.0.1:$proxy/feeds/all.ics"   # fills the cache

run() { # title, URL, more wrk arguments
    echo "== $1"
    wrk -t2 -c32 -d"${secs}s" --latency "${@:3}" "$2" | grep -E "Requests/sec|Transfer/sec|^ +(50|90|99)%"
}
run "nginx, the published feed (deploy/nginx/static-site.conf)" "http://127.0.0.1:$static/feeds/all.ics"
run "clash serve, /feeds/all.ics (from memory)" "$url/feeds/all.ics"
echo "clash serve resident under load: $(rss "$server")"
run "nginx caching two clash serve, /feeds/all.ics (deploy/nginx/caching-proxy.conf)" "http://127.0.0.1:$proxy/feeds/all.ics"
run "clash serve, /api/v1/check?date=2026-12-25" "$url/api/v1/check?date=2026-12-25"
run "clash serve, /api/v1/check, an 18:00 meeting in Ramadan" "$url/api/v1/check?date=2027-03-10T18:00&duration=2h"
run "clash serve, /api/v1/check, a month of 18:00 meetings" "$url/api/v1/check?date=2027-03&time=18:00"
# The same checks, each request another day (benches/wrk/new-day-each-request.lua):
# none is answered from memory, so these time the engine's own work.
run "clash serve, /api/v1/check, a new day each request" "$url/api/v1/check?date={day}" \
    -s benches/wrk/new-day-each-request.lua
run "clash serve, /api/v1/check, an 18:00 meeting on a new day each request" \
    "$url/api/v1/check?date={day}T18:00&duration=2h" -s benches/wrk/new-day-each-request.lua
# The last again with one wrk thread: the load generator shares the two
# cores with the server, and two wrk threads take more of them.
echo "== the same, wrk with one thread"
wrk -t1 -c32 -d"${secs}s" --latency -s benches/wrk/new-day-each-request.lua \
    "$url/api/v1/check?date={day}T18:00&duration=2h" | grep -E "Requests/sec|Transfer/sec|^ +(50|90|99)%"
echo "clash serve resident after the load: $(rss "$server")"

echo "== SIGTERM in the middle of a load"
wrk -t2 -c32 -d4s "$url/api/v1/check?date=2027-03-10T18:00" >"$tmp/wrk-term.txt" &
load=$!
sleep 2
kill -TERM "$server"
status=0
wait "$server" || status=$?
wait "$load" || true
echo "clash serve exited $status; wrk: $(grep -E 'requests in' "$tmp/wrk-term.txt" | xargs)"
grep -E "Socket errors|Non-2xx" "$tmp/wrk-term.txt" || echo "no socket errors, no non-2xx answers"
