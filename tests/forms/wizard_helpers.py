"""Walking the application wizard as a browser would: start, post each step, submit."""

import datetime
import io

from django.utils import timezone
from PIL import Image

from forms.models import ApplicationDraft

SKILLS = ("listening", "reading", "speaking", "writing")


def valid_answers(today=None):
    """Answers every step accepts, for a highly skilled newcomer from Syria."""
    today = today or timezone.localdate()
    return {
        "about": {
            "first_name": "Amina",
            "last_name": "Haddad",
            "email": "amina@example.org",
            "phone": "+32 470 12 34 56",
            "date_of_birth_0": "14",
            "date_of_birth_1": "7",
            "date_of_birth_2": "1990",
            "gender": "woman",
            "preferred_language": "nl",
        },
        "origin": {
            "nationality": "SY",
            "other_nationality": "",
            "country_of_origin": "SY",
            "registered": "yes",
            "first_registration_0": "3",
            "first_registration_1": "3",
            "first_registration_2": str(today.year - 2),
            "right_to_work": "yes",
            "jobseeker": "yes",
        },
        "education": {
            "eqf_level": "7",
            "field_of_study": "Burgerlijk ingenieur",
            "diploma_country": "SY",
            "diploma_year": "2015",
            "recognition": "requested",
        },
        "languages": {
            **{f"nl_{skill}": "a2" for skill in SKILLS},
            **{f"fr_{skill}": "pre_a1" for skill in SKILLS},
            **{f"en_{skill}": "b2" for skill in SKILLS},
            "other_language": "Arabisch",
            **{f"other_{skill}": "c2" for skill in SKILLS},
        },
        "work": {
            "years_experience": "6",
            "sector": "Bouw",
            "last_job": "Werfleider",
            "jobs_wanted": "Ingenieur in de bouw",
            "availability": "now",
            "working_time": "full_time",
            "preferred_path": "career",
        },
        "referral": {
            "referring_organisation": "OCMW Leuven",
            "coach_name": "Els Peeters",
            "coach_email": "els.peeters@example.org",
            "coach_phone": "",
        },
        "documents": {},
        "privacy": {"agree": "on"},
        "review": {},
    }


class Wizard:
    """One browser's walk through one programme's wizard."""

    def __init__(self, client, programme, language="nl"):
        self.client = client
        self.programme = programme
        self.language = language
        self.start_url = f"/{language}/aanmelden/{programme.pk}/"
        self.url = f"/{language}/aanmelden/{programme.pk}/formulier/"

    def start(self):
        response = self.client.post(self.start_url)
        assert response.status_code == 302, response
        return response

    @property
    def draft(self):
        drafts = ApplicationDraft.objects.filter(
            programme__translation_key=self.programme.translation_key
        )
        return drafts.latest("created_at")

    def payload(self, step, answers, **extra):
        data = {f"{self.draft.wizard_prefix}-current_step": step}
        data.update({f"{step}-{name}": value for name, value in answers.items()})
        data.update(extra)
        return data

    def post(self, step, answers, *, files=None, follow=False, **extra):
        data = self.payload(step, answers, **extra)
        for name, upload in (files or {}).items():
            data[f"{step}-{name}"] = upload
        return self.client.post(self.url, data, follow=follow)

    def get(self, **params):
        return self.client.get(self.url, params)

    def walk(self, steps, answers=None):
        answers = answers or valid_answers()
        response = None
        for step in steps:
            response = self.post(step, answers[step])
        return response


def pdf_upload(name="diploma.pdf", size=None):
    from django.core.files.uploadedfile import SimpleUploadedFile

    content = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    if size:
        content = content + b"0" * (size - len(content))
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def png_upload(name="cv.png"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "white").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)
