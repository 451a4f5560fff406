"""The referral behind an application, for the staff's case page."""

from django import template

from forms.referrals import referral_for_staff

register = template.Library()


@register.simple_tag
def referral_of(application):
    return referral_for_staff(application)
