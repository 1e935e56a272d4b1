"""The deploy/ configurations, for real (SPEC §13): nginx serving the site
that `clash publish` writes, and nginx as a caching proxy in front of two
`clash serve` processes. nginx runs on loopback ports this test picks, as
an unprivileged user (when the test runs as root, as CI does), with the
deploy/ files as they are but for the lines that name ports and folders.

    CLASH_BIN=target/debug/clash python -m pytest tests/deploy

Under CI=true a missing nginx or brotli module fails the run.
"""

import gzip
import os
import pathlib
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

import icalendar
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
CLASH = os.environ.get("CLASH_BIN", str(ROOT / "target" / "debug" / "clash"))
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
BROTLI = pathlib.Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port, seconds=10):
    end = time.time() + seconds
    while time.time() < end:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"nothing listens on {port}")


def get(url, headers=None):
    """(status, headers lower-cased, raw body) of a GET, without decoding."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
    except urllib.error.HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, e.read()


class _Stay(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def get_unfollowed(url):
    """As get, without following a redirect."""
    try:
        with urllib.request.build_opener(_Stay).open(url, timeout=30) as r:
            return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
    except urllib.error.HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, e.read()


# The feeds renamed in 2026-12 (clash_app::MOVED_FEEDS), old name → new.
MOVED = {f"holidays-{n}": f"bank-holidays-{n}" for n in ("gb-eng", "gb-sct", "gb-wls", "gb-nir")}


def clash(*args):
    return subprocess.run([CLASH, *args], check=True, capture_output=True).stdout


class Nginx:
    """nginx with one server configuration, in a folder of its own."""

    def __init__(self, tmp, site_conf):
        self.tmp = tmp
        (tmp / "site.conf").write_text(site_conf)
        modules = f"load_module {BROTLI};" if BROTLI.exists() else ""
        (tmp / "nginx.conf").write_text(
            f"""
{modules}
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {tmp}/site.conf;
}}
"""
        )
        command = [NGINX, "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-g", "daemon off;"]
        if os.geteuid() == 0:
            # Not as root: the whole of nginx as nobody.
            command = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", *command]
        self.process = subprocess.Popen(command, stderr=subprocess.PIPE)

    def ready(self, port):
        try:
            wait_for(port)
        except AssertionError:
            self.process.kill()
            _, err = self.process.communicate()
            log = (self.tmp / "error.log").read_text() if (self.tmp / "error.log").exists() else ""
            raise AssertionError(f"nginx did not start: {err.decode()} {log}")

    def stop(self):
        self.process.send_signal(signal.SIGQUIT)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def deploy_conf(name, **replace):
    text = (ROOT / "deploy" / "nginx" / name).read_text()
    for old, new in replace.items():
        assert old in text, f"{name} has no {old!r}"
        text = text.replace(old, new)
    return text


@pytest.fixture(scope="module")
def tmp():
    if os.environ.get("CI") == "true":
        assert os.path.exists(NGINX), "nginx is missing (apt-get install nginx-light)"
        assert BROTLI.exists(), "the brotli module is missing (libnginx-mod-http-brotli-static)"
    if not os.path.exists(NGINX):
        pytest.fail("nginx is missing (apt-get install nginx-light libnginx-mod-http-brotli-static)")
    d = pathlib.Path(tempfile.mkdtemp(prefix="clash-deploy-"))
    # nginx's workers run as nobody: they must be able to read and write here.
    os.chmod(d, 0o777)
    yield d
    shutil.rmtree(d, ignore_errors=True)


@pytest.fixture(scope="module")
def site(tmp):
    port = free_port()
    root = tmp / "site"
    said = clash("publish", str(root), "--base-url", f"http://127.0.0.1:{port}").decode()
    assert said.startswith("published "), said
    for p in [root, *root.rglob("*")]:
        os.chmod(p, 0o755 if p.is_dir() else 0o644)
    ngx_dir = tmp / "static"
    ngx_dir.mkdir(mode=0o777)
    os.chmod(ngx_dir, 0o777)
    conf = deploy_conf(
        "static-site.conf",
        **{"listen 80;": f"listen 127.0.0.1:{port};", "root /srv/clash/site;": f"root {root};"},
    )
    nginx = Nginx(ngx_dir, conf)
    nginx.ready(port)
    yield f"http://127.0.0.1:{port}", root
    nginx.stop()


def feeds(root):
    return sorted((root / "feeds").glob("*.ics"))


def test_every_published_feed_in_each_encoding(site):
    url, root = site
    files = feeds(root)
    assert len(files) >= 30
    for f in files:
        path = f"/feeds/{f.name}"
        status, h, body = get(url + path)
        assert status == 200, path
        assert h["content-type"] == "text/calendar; charset=utf-8", path
        assert "content-encoding" not in h, path
        assert body == f.read_bytes(), path
        assert h["cache-control"] == "public, max-age=3600"
        assert h["access-control-allow-origin"] == "*"
        status, h, body = get(url + path, {"Accept-Encoding": "gzip"})
        assert (status, h.get("content-encoding")) == (200, "gzip"), path
        assert gzip.decompress(body) == f.read_bytes(), path
        status, h, body = get(url + path, {"Accept-Encoding": "br"})
        assert (status, h.get("content-encoding")) == (200, "br"), path
        assert body == f.with_name(f.name + ".br").read_bytes(), path


def test_feeds_are_clash_export(site):
    url, _ = site
    year = time.gmtime().tm_year
    window = ["--from", str(year - 1), "--to", str(year + 1)]
    for name, options in [("all", []), ("all-high", ["--min-impact", "high"]),
                          ("jewish", ["--tradition", "jewish"])]:
        _, _, body = get(f"{url}/feeds/{name}.ics")
        assert body == clash("export", *window, *options), name


def test_a_renamed_feed_redirects_to_its_new_name(site):
    url, root = site
    for old, new in MOVED.items():
        assert not (root / "feeds" / f"{old}.ics").exists()
        status, h, _ = get_unfollowed(f"{url}/feeds/{old}.ics")
        assert (status, h.get("location")) == (301, f"/feeds/{new}.ics"), old
        status, h, _ = get_unfollowed(f"{url}/feeds/{old}.ics?from=2027")
        assert (status, h.get("location")) == (301, f"/feeds/{new}.ics?from=2027"), old
        # Followed, it is the new feed's file.
        status, _, body = get(f"{url}/feeds/{old}.ics")
        assert (status, body) == (200, (root / "feeds" / f"{new}.ics").read_bytes()), old


def test_etag_and_conditional_get(site):
    url, _ = site
    status, h, _ = get(url + "/feeds/all.ics")
    tag = h["etag"]
    assert tag.startswith('"'), tag
    status, _, body = get(url + "/feeds/all.ics", {"If-None-Match": tag})
    assert (status, body) == (304, b"")


def test_a_feed_parses_with_python_icalendar(site):
    url, _ = site
    _, _, body = get(url + "/feeds/all.ics")
    events = icalendar.Calendar.from_ical(body).walk("VEVENT")
    year = time.gmtime().tm_year
    import json
    listed = json.loads(clash("list", "--from", str(year - 1), "--to", str(year + 1), "--format", "json"))
    assert len(events) == len(listed["occurrences"]) > 0


def test_the_subscribe_page_and_the_catalogue(site):
    url, root = site
    status, h, body = get(url + "/")
    assert status == 200 and h["content-type"].startswith("text/html")
    assert body == (root / "index.html").read_bytes()
    assert b"webcal://127.0.0.1:" in body
    status, h, body = get(url + "/api/v1/observances.json")
    assert status == 200 and h["content-type"].startswith("application/json")


@pytest.fixture(scope="module")
def proxy(tmp):
    backends = []
    ports = []
    for _ in range(2):
        p = subprocess.Popen([CLASH, "serve", "--listen", "127.0.0.1:0"], stderr=subprocess.PIPE, text=True)
        line = p.stderr.readline()
        assert "listening on http://" in line, line
        ports.append(int(line.rsplit(":", 1)[1]))
        backends.append(p)
    port = free_port()
    ngx_dir = tmp / "proxy"
    ngx_dir.mkdir()
    os.chmod(ngx_dir, 0o777)
    (ngx_dir / "cache").mkdir()
    os.chmod(ngx_dir / "cache", 0o777)
    conf = deploy_conf(
        "caching-proxy.conf",
        **{
            "listen 80;": f"listen 127.0.0.1:{port};",
            "server 127.0.0.1:8081": f"server 127.0.0.1:{ports[0]}",
            "server 127.0.0.1:8082": f"server 127.0.0.1:{ports[1]}",
            "/var/cache/nginx/clash": str(ngx_dir / "cache"),
        },
    )
    nginx = Nginx(ngx_dir, conf)
    nginx.ready(port)
    yield f"http://127.0.0.1:{port}", backends
    nginx.stop()
    for b in backends:
        b.kill()
        b.wait()


def test_the_proxy_caches_feeds_passes_headers_and_survives_a_backend(proxy):
    url, backends = proxy
    status, h, first = get(url + "/feeds/all.ics")
    assert status == 200
    assert h["x-cache-status"] in ("MISS", "EXPIRED")
    status, h, again = get(url + "/feeds/all.ics")
    assert (status, h["x-cache-status"]) == (200, "HIT")
    assert again == first
    # The backend's headers pass through.
    assert h["content-type"] == "text/calendar; charset=utf-8"
    assert h["cache-control"] == "public, max-age=3600"
    assert h["access-control-allow-origin"] == "*"
    assert h["etag"].startswith('"')
    year = time.gmtime().tm_year
    assert first == clash("export", "--from", str(year - 1), "--to", str(year + 1))
    # One backend gone: every request still answered, by the other.
    backends[0].send_signal(signal.SIGTERM)
    assert backends[0].wait(timeout=20) == 0
    for i in range(20):
        status, h, body = get(f"{url}/api/v1/check?date=2026-12-{10 + i % 15:02d}")
        assert status == 200, body
        assert h.get("x-cache-status") in ("MISS", "BYPASS", "EXPIRED", None), h
    status, h, _ = get(url + "/feeds/all.ics")
    assert (status, h["x-cache-status"]) == (200, "HIT")
    # A feed not yet cached comes from the live backend.
    status, h, _ = get(url + "/feeds/hindu.ics")
    assert status == 200
    # A renamed feed's redirect passes through.
    for old, new in MOVED.items():
        status, h, _ = get_unfollowed(f"{url}/feeds/{old}.ics")
        assert (status, h.get("location")) == (301, f"/feeds/{new}.ics"), old


def test_a_feed_without_events_is_still_a_calendar():
    # Bahá'í observances on one day that has none: the feed holds no event,
    # and still one component (RFC 5545 §3.6), which a parser reads.
    body = clash("export", "2026-01-02", "--tradition", "bahai")
    cal = icalendar.Calendar.from_ical(body)
    assert cal.walk("VEVENT") == []
    assert len(cal.subcomponents) == 1
    assert cal.subcomponents[0].name == "VTIMEZONE"
