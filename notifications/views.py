from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.access import require_perm

from .forms import PreferenceForm
from .services import preference_of, preference_save


def preferences(request):
    """The user's own choice of e-mail language and of immediate e-mails or a weekly digest."""
    require_perm(request.user, "notifications.change_own_preference")
    form = PreferenceForm(request.POST or None, instance=preference_of(request.user))
    if request.method == "POST" and form.is_valid():
        preference_save(preference=form.save(commit=False))
        messages.success(request, _("Dine e-mail-indstillinger er gemt."))
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})
