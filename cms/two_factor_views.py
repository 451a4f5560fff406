"""Two-factor sign-in screens: the code step after the password, and the account screens
where staff turn it on or off and renew their backup codes. The rules live in
`cms.two_factor`."""

from django import forms
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from django_otp import login as otp_login
from wagtail.admin.views.account import LoginView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms import two_factor


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_(
            "De zes cijfers die je app nu toont, of een van je reservecodes (acht tekens)."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "spellcheck": "false", "autofocus": True}
        ),
        error_messages={"required": _("Typ de code uit je app of een reservecode.")},
    )

    def device_of(self, user):
        """The device that accepts the typed code, or None with the reason on the field."""
        if two_factor.is_throttled(user):
            self.wait()
            return None
        device = two_factor.check_code(user, self.cleaned_data["code"])
        if device is None:
            self.wrong()
        return device

    def wait(self):
        self.add_error(
            "code", _("Te veel foute codes na elkaar. Wacht een minuut en probeer opnieuw.")
        )

    def wrong(self):
        self.add_error(
            "code",
            _(
                "Deze code klopt niet. Typ de zes cijfers die je app nu toont (ze veranderen "
                "elke 30 seconden), of een reservecode."
            ),
        )


# --- Signing in ---------------------------------------------------------------------------


class SignInView(LoginView):
    """Wagtail's sign-in; with two-factor sign-in on, a right password leads to the code."""

    def form_valid(self, form):
        user = form.get_user()
        if not two_factor.is_enabled(user):
            return super().form_valid(form)
        two_factor.start_pending(
            self.request,
            user,
            remember=bool(form.cleaned_data.get("remember")),
            next_url=self.get_success_url(),
        )
        return redirect("two_factor_sign_in")


class CodeSignInView(TemplateView):
    template_name = "cms/two_factor/sign_in.html"

    def dispatch(self, request, *args, **kwargs):
        self.user, self.details = two_factor.pending(request)
        if self.user is None:
            messages.info(
                request, gettext("Meld je opnieuw aan: de tijd om de code te typen is voorbij.")
            )
            return redirect("wagtailadmin_login")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", CodeForm())
        return super().get_context_data(**kwargs)

    def post(self, request):
        form = CodeForm(request.POST)
        if form.is_valid():
            device = form.device_of(self.user)
            if device is not None:
                return self.sign_in(device)
        return self.render_to_response(self.get_context_data(form=form))

    def sign_in(self, device):
        request, details = self.request, self.details
        two_factor.end_pending(request)
        # django-otp marks the session verified when the user carries the device.
        self.user.otp_device = device
        auth_login(request, self.user, backend=details["backend"])
        request.session.set_expiry(None if details["remember"] else 0)
        if device.name == two_factor.BACKUP_DEVICE_NAME:
            left = two_factor.backup_codes_left(self.user)
            messages.warning(
                request,
                gettext(
                    "Je gebruikte een reservecode; je hebt er nog %(left)s. Maak nieuwe "
                    "aan in je account als ze bijna op zijn."
                )
                % {"left": left},
            )
        next_url = details["next"]
        if not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            next_url = reverse("wagtailadmin_home")
        return redirect(next_url)


code_sign_in = never_cache(CodeSignInView.as_view())


# --- The account screens --------------------------------------------------------------------


class TwoFactorAccountView(WagtailAdminTemplateMixin, TemplateView):
    """Two-factor sign-in in the account: what is on, and the buttons to change it."""

    template_name = "cms/two_factor/account.html"
    page_title = _("Tweestapsaanmelding")
    header_icon = "key"

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_account"), "label": gettext("Account")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        user = self.request.user
        enabled = two_factor.is_enabled(user)
        kwargs.setdefault("form", CodeForm())
        return super().get_context_data(
            enabled=enabled,
            backup_codes_left=two_factor.backup_codes_left(user) if enabled else 0,
            **kwargs,
        )

    def post(self, request):
        """Renew the backup codes or turn it off: both need a code first."""
        user = request.user
        form = CodeForm(request.POST)
        if form.is_valid() and not two_factor.is_enabled(user):
            return redirect("two_factor")
        if form.is_valid() and form.device_of(user) is not None:
            if request.POST.get("action") == "off":
                two_factor.turn_off(user, by=user)
                messages.success(request, gettext("Tweestapsaanmelding staat uit."))
                return redirect("two_factor")
            return self.show_codes(two_factor.new_backup_codes(user))
        return self.render_to_response(self.get_context_data(form=form))

    def show_codes(self, codes):
        # Shown once, in this answer only: never stored in the session or a message.
        context = self.get_context_data(backup_codes=codes)
        return self.render_to_response(context)


class TurnOnView(TwoFactorAccountView):
    template_name = "cms/two_factor/turn_on.html"
    page_title = _("Tweestapsaanmelding aanzetten")

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_account"), "label": gettext("Account")},
            {"url": reverse("two_factor"), "label": gettext("Tweestapsaanmelding")},
            {"url": "", "label": self.get_page_title()},
        ]

    def dispatch(self, request, *args, **kwargs):
        if two_factor.is_enabled(request.user):
            return redirect("two_factor")
        self.device = two_factor.new_app_device(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            qr_code=two_factor.qr_code_svg(self.device),
            secret=two_factor.secret_for_typing(self.device),
            **kwargs,
        )

    def post(self, request):
        form = CodeForm(request.POST)
        if form.is_valid() and not self.device.verify_is_allowed()[0]:
            form.wait()
        elif form.is_valid():
            codes = two_factor.turn_on(request.user, self.device, form.cleaned_data["code"])
            if codes is not None:
                # This session has just shown the second factor: keep it signed in.
                otp_login(request, self.device)
                messages.success(request, gettext("Tweestapsaanmelding staat aan."))
                self.template_name = TwoFactorAccountView.template_name
                return self.show_codes(codes)
            form.wrong()
        return self.render_to_response(self.get_context_data(form=form))


account = never_cache(TwoFactorAccountView.as_view())
turn_on = never_cache(TurnOnView.as_view())
