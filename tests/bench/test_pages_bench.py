"""Pages served as in production (gunicorn, 2 workers, production settings, DEBUG off)
over the seed_bench dataset, driven by wrk, against nginx serving one page's HTML from
disk as the ceiling of this machine; then the anonymous pages again through Varnish with
the project's VCL (cms/http_cache). One table, also written to var/bench/pages.txt."""

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from tests.bench.report import OUTPUT, write_table

if not os.environ.get("OPSTAP_BENCH"):
    pytest.skip("a benchmark: run it with make bench (OPSTAP_BENCH=1)", allow_module_level=True)

pytestmark = pytest.mark.bench

BASE_DIR = Path(settings.BASE_DIR)
PYTHON = sys.executable
SCALE = os.environ.get("OPSTAP_BENCH_SCALE", "1")
DURATION = os.environ.get("OPSTAP_BENCH_SECONDS", "10")
THREADS, CONNECTIONS = "2", "8"
HOST = "127.0.0.1"


# The pages whose listing, or whole content, cms.listing_cache keeps rendered.
KEPT_RENDERED = {
    "Home",
    "Programme page",
    "Café sessions list",
    "Partner index",
    "Vacancy list",
    "Search",
}


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def database_url():
    """PostgreSQL when DATABASE_URL is set; otherwise a SQLite file kept under var/bench,
    so a second run reuses the dataset."""
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    return f"sqlite:///{OUTPUT / 'bench.sqlite3'}"


def environment(static_root, **extra):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "bench-only-" + "x" * 50,
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "DATABASE_URL": database_url(),
        "STATIC_ROOT": str(static_root),
        "PYTHONPATH": str(BASE_DIR),
        **extra,
    }


def run(command, env, timeout=1800):
    started = time.perf_counter()
    subprocess.run(command, cwd=BASE_DIR, env=env, check=True, timeout=timeout)
    return time.perf_counter() - started


def ensure_tool(executable, package):
    """wrk and nginx come from Debian's packages; install them when missing, if we may."""
    if shutil.which(executable) or Path(f"/usr/sbin/{executable}").exists():
        return shutil.which(executable) or f"/usr/sbin/{executable}"
    apt = shutil.which("apt-get")
    if apt:
        subprocess.run([apt, "install", "-y", "-q", package], capture_output=True, timeout=600)
    found = shutil.which(executable) or (
        f"/usr/sbin/{executable}" if Path(f"/usr/sbin/{executable}").exists() else None
    )
    if not found:
        pytest.skip(
            f"{executable} is missing and could not be installed: run "
            f"`sudo apt-get install {package}` and make bench again"
        )
    return found


def wait_until_up(url, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url}: the server stopped with exit code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (our own 127.0.0.1)
                return response.read()
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(wrk_path, url, cookie=None, post_body=None, script_dir=None, connections=None, close=False):
    connections = str(connections or CONNECTIONS)
    threads = str(min(int(THREADS), int(connections)))
    command = [wrk_path, "-t", threads, "-c", connections, "-d", f"{DURATION}s", "--latency"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    if close:  # a new connection per request, as the ceiling's nginx and gunicorn have it
        command += ["-H", "Connection: close"]
    if post_body is not None:
        script = script_dir / "post.lua"
        script.write_text(
            'wrk.method = "POST"\n'
            f"wrk.body = {json.dumps(post_body)}\n"
            'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n'
        )
        command += ["-s", str(script)]
    output = subprocess.run(
        [*command, url], capture_output=True, text=True, check=True, timeout=int(DURATION) + 60
    ).stdout

    def latency(percent):
        match = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        return float(match.group(1)) * UNITS[match.group(2)] if match else float("nan")

    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    failed = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(r"Socket errors: (.*)", output)
    return {
        "rate": float(rate.group(1)) if rate else 0.0,
        "p50": latency(50),
        "p99": latency(99),
        "failed": int(failed.group(1)) if failed else 0,
        "errors": errors.group(1) if errors else "",
    }


def assert_signed_in(url, cookie):
    """wrk counts a redirect as a success: make sure the cookie opens the admin, so the
    signed-in rows measure the listing and not the sign-in page."""
    request = urllib.request.Request(url, headers={"Cookie": cookie})
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 (127.0.0.1)
        assert response.url == url, f"the admin session cookie was refused: {response.url}"


def start_gunicorn(env, port):
    return subprocess.Popen(
        [
            str(Path(PYTHON).with_name("gunicorn")),
            "cms.wsgi",
            "--workers",
            "2",
            "--bind",
            f"{HOST}:{port}",
            "--log-level",
            "warning",
        ],  # fmt: skip
        cwd=BASE_DIR,
        env=env,
        start_new_session=True,
    )


def start_nginx(nginx_path, directory, port, html):
    """nginx on one page's HTML, keep-alive off as gunicorn's sync workers have it."""
    directory.mkdir()
    for folder in (directory.parent, directory):
        folder.chmod(0o755)  # nginx's workers drop to an unprivileged user
    (directory / "html").mkdir(mode=0o755)
    page = directory / "html" / "index.html"
    page.write_bytes(html)
    page.chmod(0o644)
    config = directory / "nginx.conf"
    config.write_text(
        f"""
worker_processes 2;
daemon off;
pid {directory}/nginx.pid;
error_log {directory}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    keepalive_timeout 0;
    default_type text/html;
    client_body_temp_path {directory}/body;
    proxy_temp_path {directory}/proxy;
    fastcgi_temp_path {directory}/fastcgi;
    uwsgi_temp_path {directory}/uwsgi;
    scgi_temp_path {directory}/scgi;
    server {{
        listen {HOST}:{port};
        root {directory}/html;
        location / {{ try_files /index.html =404; }}
    }}
}}
"""
    )
    return subprocess.Popen(
        [nginx_path, "-p", str(directory), "-c", str(config), "-e", f"{directory}/error.log"],
        start_new_session=True,
    )


def start_varnish(varnishd_path, directory, port, backend_port):
    """Varnish with the project's VCL in front of gunicorn, as in production."""
    directory.mkdir()
    vcl = (BASE_DIR / "cms" / "http_cache" / "varnish.vcl").read_text()
    config = directory / "opstap.vcl"
    config.write_text(vcl.replace("BACKEND_HOST", HOST).replace("BACKEND_PORT", str(backend_port)))
    return subprocess.Popen(
        [varnishd_path, "-F", "-j", "none", "-n", str(directory / "work"),
         "-a", f"{HOST}:{port}", "-f", str(config), "-s", "malloc,256m"],
        start_new_session=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip


def stop(process):
    if process and process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def test_pages_against_the_ceiling():
    wrk_path = ensure_tool("wrk", "wrk")
    nginx_path = ensure_tool("nginx", "nginx")
    work = Path(tempfile.mkdtemp(prefix="opstap-bench-"))
    OUTPUT.mkdir(parents=True, exist_ok=True)
    env = environment(work / "static")
    seed_env = {**env, "DJANGO_SETTINGS_MODULE": "cms.settings.test"}
    manage = [PYTHON, "manage.py"]
    seconds = run([*manage, "migrate", "--noinput", "-v", "0"], seed_env)
    seconds += run([*manage, "seed_bench", "--scale", SCALE], seed_env)
    run([*manage, "collectstatic", "--noinput", "-v", "0"], env)
    probe = json.loads(
        subprocess.run(
            [PYTHON, "-m", "tests.bench.pages_probe"],
            cwd=BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=600,
        ).stdout
    )

    varnishd_path = ensure_tool("varnishd", "varnish")
    gunicorn = nginx = varnish = None
    cached, rendered_each_time = [], []
    try:
        port = free_port()
        gunicorn = start_gunicorn(env, port)
        home_html = wait_until_up(f"http://{HOST}:{port}/nl/", gunicorn)
        nginx_port = free_port()
        nginx = start_nginx(nginx_path, work / "nginx", nginx_port, home_html)
        wait_until_up(f"http://{HOST}:{nginx_port}/", nginx)
        assert_signed_in(f"http://{HOST}:{port}/admin/dossiers/", probe["cookie"])
        ceiling = wrk(wrk_path, f"http://{HOST}:{nginx_port}/")
        measured = []
        for page in probe["pages"]:
            cookie = probe["cookie"] if page["signed_in"] else page.get("cookie")
            url = f"http://{HOST}:{port}{page['url']}"
            result = wrk(wrk_path, url, cookie, page.get("body"), work, page.get("connections"))
            measured.append((page, result))
        # The pages whose listing (or content) is kept rendered (cms.listing_cache) again,
        # rendered for each request, as for the first visitor after a change.
        stop(gunicorn)
        gunicorn = start_gunicorn({**env, "OPSTAP_LISTING_CACHE_SECONDS": "0"}, port)
        wait_until_up(f"http://{HOST}:{port}/nl/", gunicorn)
        for page in probe["pages"]:
            if page["name"] in KEPT_RENDERED:
                url = f"http://{HOST}:{port}{page['url']}"
                rendered_each_time.append((page, wrk(wrk_path, url)))
        # The anonymous pages again, through the shared cache; each filled once first.
        varnish_port = free_port()
        varnish = start_varnish(varnishd_path, work / "varnish", varnish_port, port)
        wait_until_up(f"http://{HOST}:{varnish_port}/healthz", varnish)
        for page in probe["pages"]:
            if page["signed_in"] or page.get("method") == "POST":
                continue
            url = f"http://{HOST}:{varnish_port}{page['url']}"
            urllib.request.urlopen(url, timeout=60).read()  # noqa: S310 (our own 127.0.0.1)
            cached.append((page, wrk(wrk_path, url, close=True)))
    finally:
        stop(varnish)
        stop(gunicorn)
        stop(nginx)
        shutil.rmtree(work, ignore_errors=True)

    def row(name, url, status, queries, result, connections=None):
        share = result["rate"] / ceiling["rate"] * 100 if ceiling["rate"] else 0
        failures = result["failed"] or ""
        return (
            name,
            url if len(url) <= 48 else url[:45] + "...",
            status,
            connections or CONNECTIONS,
            f"{result['rate']:,.1f}",
            f"{result['p50']:.1f}",
            f"{result['p99']:.1f}",
            queries,
            f"{share:.2f}%",
            failures,
        )

    rows = [row("Ceiling: nginx, home HTML from disk", "/", 200, "-", ceiling)]
    rows += [
        row(
            page["name"],
            page["url"],
            page["status"],
            page["queries"],
            result,
            page.get("connections"),
        )  # fmt: skip
        for page, result in measured
    ]
    rows += [
        row(f"{page['name']}, rendered each time", page["url"], page["status"], "-", result)
        for page, result in rendered_each_time
    ]
    rows += [
        row(f"{page['name']}, through Varnish", page["url"], page["status"], "-", result)
        for page, result in cached
    ]
    rows.append(
        ("(set-up: migrate and seed_bench)", "", "", "", f"{seconds:.0f} s", "", "", "", "", "")
    )
    write_table(
        "pages",
        f"Pages under wrk -d{DURATION}s (connections per row; staff pages and the wizard "
        f"step at one per worker, as their targets are latencies), gunicorn 2 workers, "
        f"production settings, seed_bench --scale {SCALE}",
        rows,
        headers=(
            "Page",
            "URL",
            "Status",
            "Connections",
            "Requests/s",
            "p50 ms",
            "p99 ms",
            "Queries",
            "Of ceiling",
            "Non-2xx",
        ),
    )
    # Every page answers 200; a valid wizard step answers with the next step's form.
    assert all(page["status"] == 200 for page in probe["pages"]), probe["pages"]
