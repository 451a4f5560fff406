"""The outcome report in the admin (Rapporten → Resultaten): choose programmes and a
period, read the figures as charts with their tables, download them as CSV or XLSX, and
download the ESF participant list. For programme managers, over their programmes."""

import datetime

from django import forms
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms.forms import RecordMultipleChoiceField
from programmes.models import ProgrammePage
from workflows import report_exports, reports
from workflows.permissions import case_programmes_for, is_programme_manager


class ReportForm(forms.Form):
    programmes = RecordMultipleChoiceField(
        label=_("Programma's"),
        queryset=ProgrammePage.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Geen keuze: al je programma's."),
    )
    start = forms.DateField(
        label=_("Van"),
        widget=forms.DateInput(attrs={"type": "date"}),
        required=False,
        help_text=_("Aanmeldingen ingediend vanaf deze dag. Leeg: 1 januari van dit jaar."),
    )
    end = forms.DateField(
        label=_("Tot en met"),
        widget=forms.DateInput(attrs={"type": "date"}),
        required=False,
        help_text=_("Leeg: vandaag."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programmes"].queryset = case_programmes_for(user)
        self.fields["programmes"].label_from_instance = lambda programme: programme.title

    def clean(self):
        cleaned = super().clean()
        today = timezone.localdate()
        cleaned["start"] = cleaned.get("start") or datetime.date(today.year, 1, 1)
        cleaned["end"] = cleaned.get("end") or today
        if "start" not in self.errors and cleaned["start"] > cleaned["end"]:
            self.add_error("end", _("Kies een einddatum op of na de begindatum."))
        return cleaned

    def selection(self):
        chosen = self.cleaned_data.get("programmes") or self.fields["programmes"].queryset
        return reports.Selection(
            programme_ids=tuple(programme.pk for programme in chosen),
            start=self.cleaned_data["start"],
            end=self.cleaned_data["end"],
        )


def percent(value):
    return "–" if value is None else f"{round(100 * value)}%"


def bars(rows):
    """Rows for a bar chart: each with its bar's width relative to the largest."""
    largest = max((row.count for row in rows), default=0)
    return [
        {
            "label": row.label,
            "count": row.count,
            "percent": percent(row.share),
            "width": round(100 * row.count / largest, 1) if largest else 0,
        }
        for row in rows
    ]


def months(per_month):
    """Columns of a chart 10 units wide per month and 100 high, tallest month full."""
    largest = max((number for _month, number in per_month), default=0)
    columns = []
    for position, (month, number) in enumerate(per_month):
        height = round(100 * number / largest, 1) if largest else 0
        columns.append(
            {
                "month": month,
                "count": number,
                "x": position * 10 + 1,
                "y": 100 - height,
                "height": height,
            }
        )
    return columns


class OutcomeReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "workflows/admin/report.html"
    page_title = _("Resultaten voor financiers")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not is_programme_manager(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get(self, request, *args, **kwargs):
        self.form = ReportForm(request.GET or None, user=request.user)
        if request.GET and not self.form.is_valid():
            return self.render_to_response(self.get_context_data(data=None), status=400)
        if not request.GET:
            self.form = ReportForm({}, user=request.user)
            self.form.is_valid()
        selection = self.form.selection()
        export = request.GET.get("export")
        if export in ("figures", "participants"):
            return self.export(export, selection, request.GET.get("format", "csv"))
        return self.render_to_response(self.get_context_data(data=reports.report(selection)))

    def export(self, kind, selection, file_format):
        stamp = f"{selection.start:%Y%m%d}-{selection.end:%Y%m%d}"
        if kind == "figures":
            data = reports.report(selection)
            rows = [report_exports.FIGURE_HEADINGS, *report_exports.figure_rows(data)]
            filename, title = f"resultaten-{stamp}", gettext("Resultaten")
        else:
            rows = report_exports.participant_table(selection)
            filename, title = f"deelnemers-esf-{stamp}", gettext("Deelnemers")
        if file_format == "xlsx":
            return report_exports.xlsx_response(rows, filename, title)
        return report_exports.csv_response(rows, filename)

    def get_context_data(self, *, data, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        if data is None:
            return context
        query = self.request.GET.copy()
        links = {}
        for kind in ("figures", "participants"):
            for file_format in ("csv", "xlsx"):
                query["export"], query["format"] = kind, file_format
                links[f"{kind}_{file_format}"] = f"?{query.urlencode()}"
        work = data["work"]
        context.update(
            {
                "data": data,
                "exports": links,
                "programmes": [
                    programme.title
                    for programme in ProgrammePage.objects.filter(
                        pk__in=data["selection"].programme_ids
                    ).order_by("title")
                ],
                "gender": bars(data["gender"]),
                "age_band": bars(data["age_band"]),
                "education_band": bars(data["education_band"]),
                "nationalities": bars(data["nationalities"]),
                "funnel": bars(data["funnel"]),
                "traineeships": bars(data["traineeships"]),
                "placements": bars(data["placements"]),
                "months": months(data["per_month"]),
                "eligible_share": percent(data["reached"]["eligible_share"]),
                "work_rows": [
                    (
                        gettext("Aan het werk bij het verlaten"),
                        work["in_work_when_leaving"],
                        work["left"],
                        percent(work["in_work_when_leaving_share"]),
                    ),
                    (
                        gettext("Aan het werk zes maanden na het verlaten"),
                        work["in_work_after_six_months"],
                        work["followed_up"],
                        percent(work["in_work_after_six_months_share"]),
                    ),
                    (
                        gettext("Werk op niveau (EQF van de job minstens dat van het diploma)"),
                        work["at_level"],
                        work["hired"],
                        percent(work["at_level_share"]),
                    ),
                ],
                "cafe": data["cafe"],
                "attendance_rate": percent(data["cafe"]["attendance_rate"]),
                "returning_share": percent(data["cafe"]["returning_share"]),
            }
        )
        return context


def report_url():
    return reverse("outcome_report")
