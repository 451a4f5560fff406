"""500 people register for a café session with 30 places at the same moment, through
gunicorn (2 workers, production settings) on PostgreSQL: exactly 30 get a place, 470 the
waiting list, nobody an error. Prints the time it took; one table, var/bench/rush.txt."""

import http.client
import json
import re
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.bench.report import OUTPUT, write_table
from tests.bench.test_pages_bench import (
    HOST,
    PYTHON,
    environment,
    free_port,
    run,
    start_gunicorn,
    stop,
    wait_until_up,
)

pytestmark = pytest.mark.bench

PEOPLE = 500


def probe(env, *arguments):
    output = subprocess.run(
        [PYTHON, "-m", "tests.bench.rush_probe", *arguments],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout
    return json.loads(output)


def form_cookie_and_token(port, path):
    """One visitor's CSRF cookie and form token; a pair may be sent again and again."""
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    connection.request("GET", path)
    response = connection.getresponse()
    html = response.read().decode()
    cookie = re.search(r"(csrftoken=[^;]+)", response.getheader("Set-Cookie", ""))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert cookie and token, f"{path}: no registration form ({response.status})"
    return cookie.group(1), token.group(1)


def test_five_hundred_people_at_once_for_thirty_places():
    env = environment(
        Path(tempfile.mkdtemp(prefix="opstap-rush-")) / "static",
        OPSTAP_CAFE_REGISTRATIONS_PER_IP_HOUR="100000",  # everyone comes from 127.0.0.1 here
    )
    if not env["DATABASE_URL"].startswith("postgres"):
        pytest.skip(
            "needs PostgreSQL (row locks between gunicorn's workers): run with "
            "DATABASE_URL=postgres://... make bench"
        )
    seed_env = {**env, "DJANGO_SETTINGS_MODULE": "cms.settings.test"}
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v", "0"], seed_env)
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0"], env)
    session = probe(env)
    port = free_port()
    gunicorn = start_gunicorn(env, port)
    statuses, errors = [], []
    try:
        wait_until_up(f"http://{HOST}:{port}/nl/", gunicorn)
        cookie, token = form_cookie_and_token(port, session["path"])
        start = threading.Barrier(PEOPLE + 1)

        def register(number):
            body = urlencode(
                {
                    "csrfmiddlewaretoken": token,
                    "name": f"Persoon {number}",
                    "email": f"persoon{number}@example.org",
                    "language": "nl",
                    "privacy_consent": "on",
                }
            )
            headers = {
                "Cookie": cookie,
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": f"http://{HOST}:{port}{session['path']}",
            }
            try:
                start.wait(timeout=120)
                connection = http.client.HTTPConnection(HOST, port, timeout=300)
                connection.request("POST", session["path"], body, headers)
                response = connection.getresponse()
                response.read()
                statuses.append((response.status, response.getheader("Location", "")))
            except Exception as error:  # noqa: BLE001 - reported below
                errors.append(repr(error))

        threads = [threading.Thread(target=register, args=(n,)) for n in range(PEOPLE)]
        for thread in threads:
            thread.start()
        start.wait(timeout=120)
        began = time.perf_counter()
        for thread in threads:
            thread.join(timeout=600)
        seconds = time.perf_counter() - began
    finally:
        stop(gunicorn)
        shutil.rmtree(Path(env["STATIC_ROOT"]).parent, ignore_errors=True)

    ended = probe(env, "count", str(session["id"]))
    done = sum(1 for status, location in statuses if status == 302 and "bevestiging" in location)
    OUTPUT.mkdir(parents=True, exist_ok=True)
    write_table(
        "rush",
        f"{PEOPLE} registrations posted at once for {session['capacity']} places, gunicorn "
        "2 workers, production settings, PostgreSQL",
        [
            (
                PEOPLE,
                session["capacity"],
                ended.get("confirmed", 0),
                ended.get("waitlisted", 0),
                done,
                PEOPLE - done,
                len(errors),
                f"{seconds:.1f}",
                f"{PEOPLE / seconds:.0f}",
            )
        ],
        headers=(
            "Posted",
            "Places",
            "Confirmed",
            "Waiting list",
            "Answered",
            "Not answered as expected",
            "Errors",
            "Seconds",
            "Registrations/s",
        ),
    )
    assert errors == []
    assert done == PEOPLE, sorted({status for status, _location in statuses})
    assert ended == {"confirmed": 30, "waitlisted": 470}
