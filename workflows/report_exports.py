"""The report as files: its figures (CSV, XLSX) with small groups suppressed, and the
ESF participant list. No names, addresses or ids in either; text cells that a
spreadsheet would run as a formula are neutralised."""

import csv
import io

from django.http import HttpResponse
from django.utils.translation import gettext as _

from workflows.reports import PARTICIPANT_COLUMNS, SMALL_GROUP, participant_rows

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SUPPRESSED = "< 5"


def safe_text(value):
    """A cell as text a spreadsheet shows and never runs: "=SUM(..)" gets a quote."""
    text = "" if value is None else str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def suppressed(count):
    """A count as published: groups of 1 to 4 people could be recognised."""
    return SUPPRESSED if 0 < count < SMALL_GROUP else count


def _percent(value):
    return "" if value is None else round(100 * value, 1)


def _row(section, label, count, share=None, *, suppress=True):
    shown = suppressed(count) if suppress else count
    percent = "" if shown == SUPPRESSED else _percent(share)
    return [section, label, shown, percent]


def figure_rows(data):
    """(section, label, value, percent) for every figure of the report."""
    reached = data["reached"]
    work = data["work"]
    cafe = data["cafe"]
    rows = [
        _row(_("Bereik"), _("Aanmeldingen"), reached["received"]),
        _row(_("Bereik"), _("Komt in aanmerking"), reached["eligible"], reached["eligible_share"]),
        _row(_("Bereik"), _("Mensen bereikt"), reached["people"]),
        _row(_("Bereik"), _("Nationaliteiten"), reached["nationalities"], suppress=False),
    ]
    for key, section in (
        ("gender", _("Geslacht")),
        ("age_band", _("Leeftijd")),
        ("education_band", _("Opleidingsniveau")),
        ("nationalities", _("Nationaliteit (top 10)")),
        ("funnel", _("Trechter")),
        ("traineeships", _("Stages per soort")),
        ("placements", _("Jobs per soort contract")),
    ):
        rows += [_row(section, row.label, row.count, row.share) for row in data[key]]
    rows += [
        _row(
            _("Werk"),
            _("Aan het werk bij het verlaten"),
            work["in_work_when_leaving"],
            work["in_work_when_leaving_share"],
        ),
        _row(
            _("Werk"),
            _("Aan het werk zes maanden na het verlaten"),
            work["in_work_after_six_months"],
            work["in_work_after_six_months_share"],
        ),
        _row(_("Werk"), _("Werk op niveau"), work["at_level"], work["at_level_share"]),
    ]
    rows += [
        [_("Mediaan aantal dagen per toestand"), label, days, ""]
        for label, days in data["days_in_state"]
    ]
    rows += [
        _row(_("Café"), _("Inschrijvingen"), cafe["registrations"]),
        _row(_("Café"), _("Aanwezig"), cafe["attended"], cafe["attendance_rate"]),
        _row(_("Café"), _("Kwamen terug"), cafe["returning"], cafe["returning_share"]),
    ]
    coaching = data["coaching"]
    rows += [
        _row(_("Coaching"), _("Deelnemers gecoacht"), coaching["participants"]),
        [_("Coaching"), _("Sessies bijgewoond"), coaching["sessions_attended"], ""],
        [_("Coaching"), _("Uren coaching gekregen"), _hours(coaching["hours_received"]), ""],
        [
            _("Coaching"),
            _("Uren per gecoachte deelnemer (gemiddeld)"),
            _hours(coaching["hours_per_participant"]),
            "",
        ],
        [_("Coaching"), _("Sessies gehouden"), coaching["sessions_held"], ""],
    ]
    rows += [
        [_("Coachingsessies per onderwerp"), topic, sessions, ""]
        for topic, sessions, _hours_ in coaching["topics"]
    ]
    rows += [
        [_("Uren coaching per onderwerp"), topic, _hours(hours), ""]
        for topic, _sessions, hours in coaching["topics"]
    ]
    return rows


def _hours(value):
    return "" if value is None else round(value, 1)


FIGURE_HEADINGS = [_("Onderdeel"), _("Cijfer"), _("Aantal"), _("Procent")]


def _participant_headings():
    return [
        {
            "participant": _("Deelnemer (pseudoniem)"),
            "programme": _("Programma"),
            "entered_on": _("Ingestapt op"),
            "gender": _("Geslacht"),
            "age_band": _("Leeftijd"),
            "education_band": _("Opleidingsniveau (ISCED)"),
            "third_country_national": _("Onderdaan van een derde land"),
            "registered_jobseeker": _("Werkzoekend bij de start"),
            "eligible": _("Komt in aanmerking"),
            "enrolled": _("Ingestapt"),
            "left_on": _("Verlaten op"),
            "in_work_when_leaving": _("Werk bij het verlaten"),
            "in_work_six_months_after": _("Werk zes maanden later"),
            "hired": _("Aangeworven"),
            "work_at_level": _("Werk op niveau"),
            "coaching_sessions": _("Coachingsessies"),
            "coaching_hours": _("Uren coaching"),
        }[column]
        for column in PARTICIPANT_COLUMNS
    ]


def _cell(value):
    if value is True:
        return _("ja")
    if value is False:
        return _("nee")
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def participant_table(selection):
    yield _participant_headings()
    for row in participant_rows(selection):
        yield [_cell(row[column]) for column in PARTICIPANT_COLUMNS]


def csv_response(rows, filename):
    response = HttpResponse(content_type=CSV_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    response.write("\ufeff")  # so that spreadsheets read UTF-8
    writer = csv.writer(response)
    for row in rows:
        writer.writerow([safe_text(cell) if isinstance(cell, str) else cell for cell in row])
    return response


def xlsx_response(rows, filename, title):
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    for row in rows:
        # Text stays text: openpyxl would otherwise store "=..." as a formula.
        sheet.append([safe_text(cell) if isinstance(cell, str) else cell for cell in row])
    output = io.BytesIO()
    workbook.save(output)
    response = HttpResponse(output.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
