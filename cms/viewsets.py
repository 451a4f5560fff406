"""Admin wiring for the custom user: Wagtail's user screens, plus the preferred language."""

from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet


class OpstapUserCreationForm(UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | {"preferred_language"}


class OpstapUserEditForm(UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | {"preferred_language"}


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return OpstapUserEditForm if for_update else OpstapUserCreationForm
