"""Turn off two-factor sign-in for a staff member who lost their phone and their backup
codes. They sign in with their password again and can turn it back on in their account."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from cms import two_factor


class Command(BaseCommand):
    help = "Turn off two-factor sign-in for one staff member (lost phone and backup codes)."

    def add_arguments(self, parser):
        parser.add_argument("email", help="the staff member's email address")

    def handle(self, *args, email, **options):
        user = get_user_model().objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(f"No user has the address {email!r}.")
        if not two_factor.is_enabled(user):
            self.stdout.write(f"Two-factor sign-in is already off for {user.email}.")
            return
        two_factor.turn_off(user, by=None)
        self.stdout.write(self.style.SUCCESS(f"Two-factor sign-in is now off for {user.email}."))
