"""The benchmark table: printed, and written to var/bench/ so two runs can be compared."""

import datetime
import os
import platform
from pathlib import Path

from django.conf import settings
from django.db import connection

OUTPUT = Path(os.environ.get("OPSTAP_BENCH_DIR", settings.BASE_DIR / "var" / "bench"))


def write_table(name, title, rows, headers=("Measure", "Value", "Target", "Met")):
    widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]

    def line(cells):
        padded = (str(cell).ljust(width) for cell, width in zip(cells, widths, strict=True))
        return "| " + " | ".join(padded) + " |"

    machine = (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{connection.vendor}, {datetime.datetime.now().isoformat(timespec='seconds')}"
    )
    text = "\n".join(
        [
            f"{title} ({machine})",
            line(headers),
            "|" + "|".join("-" * (width + 2) for width in widths) + "|",
            *(line(row) for row in rows),
        ]
    )
    print("\n" + text + "\n")
    OUTPUT.mkdir(parents=True, exist_ok=True)
    (OUTPUT / f"{name}.txt").write_text(text + "\n")
    return text
