"""Demo content of the intake: the privacy notice applicants agree to, in every language."""

import datetime

from django.utils.html import escape

from cms.demo.seed import ensure_translation
from forms.models import PrivacyNotice

VERSION = "2026-11"
IN_FORCE_FROM = datetime.date(2026, 1, 1)
TITLE = "Zo gaan we om met je gegevens"
PARAGRAPHS = [
    "De stad en haar partners in het programma gebruiken je antwoorden alleen om je "
    "aanmelding te behandelen en je te begeleiden naar werk.",
    "Alleen de medewerkers die jouw aanmelding behandelen, zien je gegevens. Je "
    "documenten zijn nooit openbaar.",
    "Je kunt je gegevens altijd bekijken, downloaden of laten verwijderen via je "
    "persoonlijke pagina. Een aanmelding die je niet verstuurt, verwijderen we na 30 dagen.",
]
AGREEMENT = "Ik heb gelezen hoe jullie met mijn gegevens omgaan."

TRANSLATIONS = {
    "en": {
        TITLE: "How we handle your data",
        PARAGRAPHS[0]: "The city and its partners in the programme use your answers only "
        "to handle your application and guide you to work.",
        PARAGRAPHS[1]: "Only the staff who handle your application see your data. Your "
        "documents are never public.",
        PARAGRAPHS[2]: "You can always view, download or have your data deleted on your "
        "personal page. An application you do not send is deleted after 30 days.",
        AGREEMENT: "I have read how you handle my data.",
    },
    "fr": {
        TITLE: "Comment nous traitons tes données",
        PARAGRAPHS[0]: "La ville et ses partenaires du programme utilisent tes réponses "
        "uniquement pour traiter ta candidature et t'accompagner vers un emploi.",
        PARAGRAPHS[1]: "Seuls les collaborateurs qui traitent ta candidature voient tes "
        "données. Tes documents ne sont jamais publics.",
        PARAGRAPHS[2]: "Tu peux toujours consulter, télécharger ou faire supprimer tes "
        "données sur ta page personnelle. Une candidature que tu n'envoies pas est "
        "supprimée après 30 jours.",
        AGREEMENT: "J'ai lu comment vous traitez mes données.",
    },
    "ar": {
        TITLE: "كيف نتعامل مع بياناتك",
        PARAGRAPHS[0]: "تستخدم المدينة وشركاؤها في البرنامج إجاباتك فقط لمعالجة طلبك "
        "ومرافقتك نحو العمل.",
        PARAGRAPHS[1]: "لا يرى بياناتك إلا الموظفون الذين يعالجون طلبك. وثائقك ليست علنية أبدًا.",
        PARAGRAPHS[2]: "يمكنك دائمًا الاطلاع على بياناتك أو تنزيلها أو طلب حذفها من صفحتك "
        "الشخصية. الطلب الذي لا ترسله نحذفه بعد 30 يومًا.",
        AGREEMENT: "قرأت كيف تتعاملون مع بياناتي.",
    },
    "uk": {
        TITLE: "Як ми поводимося з вашими даними",
        PARAGRAPHS[0]: "Місто та його партнери в програмі використовують ваші відповіді "
        "лише для розгляду вашої заявки та супроводу до роботи.",
        PARAGRAPHS[1]: "Ваші дані бачать лише працівники, які розглядають вашу заявку. "
        "Ваші документи ніколи не бувають публічними.",
        PARAGRAPHS[2]: "Ви завжди можете переглянути, завантажити або видалити свої дані "
        "на своїй особистій сторінці. Заявку, яку ви не надіслали, ми видаляємо через 30 днів.",
        AGREEMENT: "Я прочитав(-ла), як ви поводитеся з моїми даними.",
    },
}


def seed(home, locales, create_logins=True):
    notice = PrivacyNotice.objects.filter(version=VERSION, locale=home.locale).first()
    if notice is None:
        notice = PrivacyNotice.objects.create(
            locale=home.locale,
            version=VERSION,
            title=TITLE,
            body="".join(f"<p>{escape(paragraph)}</p>" for paragraph in PARAGRAPHS),
            agreement_label=AGREEMENT,
            requires_consent=False,
            in_force_from=IN_FORCE_FROM,
        )
    for language, locale in locales.items():
        if language in TRANSLATIONS and locale != home.locale:
            ensure_translation(notice, locale, TRANSLATIONS)
