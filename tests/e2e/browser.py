"""What the browser journeys share: axe-core's verdict on a page, the links in the
emails the live server sent, and signing in as staff."""

import json
import re
import time
from pathlib import Path

from django.conf import settings
from django.core import mail

AXE_SCRIPT = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
# The rules behind WCAG 2.2 AA, and axe's best practices (landmarks, one h1, ...).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
SERIOUS = ("serious", "critical")


def axe_violations(page, impacts=SERIOUS):
    """axe-core's violations on the page as it is now, of the given impacts."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=AXE_SCRIPT.read_text(encoding="utf-8"))
    results = page.evaluate(
        """async (tags) => await window.axe.run(document, {
            runOnly: {type: 'tag', values: tags},
            resultTypes: ['violations'],
        })""",
        AXE_TAGS,
    )
    return [violation for violation in results["violations"] if violation["impact"] in impacts]


def describe(violations):
    """axe's findings, readable in a failed assertion: rule, impact, help, and where."""
    return json.dumps(
        [
            {
                "rule": violation["id"],
                "impact": violation["impact"],
                "help": violation["help"],
                "nodes": [
                    {"target": node["target"], "summary": node.get("failureSummary", "")}
                    for node in violation["nodes"][:5]
                ],
            }
            for violation in violations
        ],
        indent=2,
        ensure_ascii=False,
    )


def assert_accessible(page):
    violations = axe_violations(page)
    assert violations == [], f"{page.url}\n{describe(violations)}"


# --- Email ---------------------------------------------------------------------------------


def email_to(address, *, containing="", timeout=10):
    """The latest email to `address` (whose text contains `containing`), waiting for the
    live server's thread to send it."""
    deadline = time.monotonic() + timeout
    while True:
        for message in reversed(mail.outbox):
            if address in message.to and containing in message.body:
                return message
        if time.monotonic() > deadline:
            sent = [(message.to, message.subject) for message in mail.outbox]
            raise AssertionError(f"No email to {address} containing {containing!r}; sent: {sent}")
        time.sleep(0.1)


def link_in(message, path_part):
    """The first link in the email's text whose address contains `path_part`."""
    for url in re.findall(r"https?://[^\s<>\"']+", message.body):
        if path_part in url:
            return url
    raise AssertionError(f"No link with {path_part!r} in:\n{message.body}")


# --- Staff ---------------------------------------------------------------------------------


def sign_in_to_admin(page, email, password):
    """Signs in through Wagtail's own form, as django-axes asks."""
    page.goto("/admin/login/")
    page.get_by_label(re.compile("e-?mail", re.IGNORECASE)).fill(email)
    page.get_by_label(re.compile("password|wachtwoord", re.IGNORECASE)).fill(password)
    page.get_by_role("button", name=re.compile("sign in|aanmelden|inloggen", re.IGNORECASE)).click()
    page.wait_for_url(re.compile(r"/admin/(?!login)"))


def sign_out_of_admin(page):
    page.context.clear_cookies()


# --- The application wizard ------------------------------------------------------------------


def fill_step(page, step, answers):
    """Fills the wizard's current step with `answers` ({field name: value}), by the
    fields' names, so it works in every language."""
    form = page.locator("form.wizard__form")
    for name, value in answers.items():
        fields = form.locator(f'[name="{step}-{name}"]')
        kind = fields.first.evaluate("element => element.type")
        if kind == "radio":
            form.locator(f'[name="{step}-{name}"][value="{value}"]').check()
        elif kind == "checkbox":
            if value:
                fields.first.check()
        elif kind == "select-one":
            fields.first.select_option(value)
        else:
            fields.first.fill(value)


def current_step(page):
    """The name of the step the wizard shows (from its management form)."""
    return page.locator('form.wizard__form input[name$="-current_step"]').input_value()


def wizard_button(page, role):
    """The wizard's buttons, found by what they do rather than by their text."""
    actions = page.locator("form.wizard__form .wizard__actions")
    selectors = {
        "next": "button.utrecht-button--primary-action",
        "back": 'button[name="wizard_goto_step"]',
        "later": 'button[name="wizard_save_later"]',
    }
    return actions.locator(selectors[role])


def staff_context(new_context):
    """A Dutch-speaking member of staff's browser: the admin shows its own Dutch texts."""
    return new_context(locale="nl-BE")


def perform_step(page, name, fill=None):
    """Opens the case action called `name` in "Wat kan nu?", fills its form by label
    ({label: value}; a select takes an option's text or value, a date its ISO form), and submits."""
    action = page.locator("details.case-action").filter(
        has=page.locator(".case-action__name", has_text=re.compile(f"^{re.escape(name)}$"))
    )
    if not action.evaluate("details => details.open"):  # the first action may be open already
        action.locator("summary").click()
    form = action.locator("form")
    for label, value in (fill or {}).items():
        # Not exact: Wagtail adds an asterisk to a required field's label.
        field = form.get_by_label(label)
        if field.evaluate("element => element.tagName") == "SELECT":
            field.select_option(value)  # an option's value or its text
        else:
            field.fill(value)
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    errors = [text.strip() for text in page.locator(".w-field__errors").all_inner_texts()]
    assert not any(errors), f"{name}: {[text for text in errors if text]}"


# --- The keyboard alone ------------------------------------------------------------------------

FOCUSED = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    return {
        tag: element.tagName,
        type: element.type || "",
        name: element.name || "",
        id: element.id || "",
        href: element.getAttribute("href") || "",
        value: element.value ?? "",
        checked: !!element.checked,
        primary: element.matches("form.wizard__form .utrecht-button--primary-action"),
        inMain: !!element.closest("main"),
        text: (element.innerText || "").trim().slice(0, 60),
        // A visible focus: an outline or a ring drawn with box-shadow.
        visible: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0)
            || style.boxShadow !== "none",
    };
}"""


def focused(page):
    return page.evaluate(FOCUSED)


def tab_to(page, matches, *, limit=120):
    """Presses Tab until the focused element matches; returns the elements passed on the
    way, each {name, visible, ...}."""
    passed = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        passed.append(element)
        if matches(element):
            return passed
    raise AssertionError(f"Tab never reached the element; it passed {passed[-10:]}")


def keyboard_fill_step(page, step, answers):
    """Fills the wizard's step by keyboard alone, from where the focus is: Tab to each
    field in turn, type, Space a checkbox, arrows for radio buttons and selects; then
    Enter on "Next". Returns every element the focus passed through, in order."""
    wanted = {f"{step}-{name}": str(value) for name, value in answers.items() if value != ""}
    passed = [focused(page)]
    while True:
        element = passed[-1]
        if element["primary"]:
            with page.expect_navigation():
                page.keyboard.press("Enter")
            return passed
        if element["name"] in wanted:
            value = wanted.pop(element["name"])
            if element["type"] == "checkbox":
                page.keyboard.press("Space")
            elif element["type"] == "radio":
                _arrow_until(page, value, key="ArrowDown", check=True)
            elif element["tag"] == "SELECT":
                _arrow_until(page, value, key="ArrowDown")
            else:
                page.keyboard.type(value)
        passed += tab_to(page, lambda element: element["name"] in wanted or element["primary"])


def _arrow_until(page, value, *, key, check=False, limit=400):
    for _ in range(limit):
        element = focused(page)
        if element["value"] == value:
            if check and not element["checked"]:
                page.keyboard.press("Space")
            return
        page.keyboard.press(key)
    raise AssertionError(f"The arrow keys never reached {value!r}")
