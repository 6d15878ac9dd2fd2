"""The portal's pages about the API: what it offers, a user's own tokens, publishing, the call log."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import require_perm

from .datasets import all_datasets
from .forms import TokenForm
from .models import ApiCall, ApiToken, PublicDataset


def public_keys() -> set[str]:
    return set(PublicDataset.objects.filter(is_public=True).values_list("key", flat=True))


def index(request):
    """The datasets the user may read, their fields and addresses; the secretariat also publishes here."""
    public = public_keys()
    datasets = [{"dataset": d, "public": d.key in public} for d in all_datasets() if d.may_read(request.user)]
    return render(
        request,
        "api/index.html",
        {"datasets": datasets, "can_publish": request.user.has_perm("api.publish_datasets")},
    )


def tokens(request):
    """A user's own API tokens: create one (its key is shown this once) and revoke."""
    form = TokenForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        _token, new_key = ApiToken.issue(
            user=request.user, name=form.cleaned_data["name"], days=form.cleaned_data["days"]
        )
        form = TokenForm()
    response = render(
        request,
        "api/tokens.html",
        {"form": form, "new_key": new_key, "tokens": request.user.api_tokens.all(), "now": timezone.now()},
        status=400 if request.method == "POST" and new_key is None else 200,
    )
    response["Cache-Control"] = "no-store"  # the page may hold a key
    return response


@require_POST
def token_revoke(request, pk: int):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)  # another user's token is a 404
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        messages.success(request, _("Nøglen «%(name)s» er tilbagekaldt.") % {"name": token.name})
    return redirect("api:tokens")


@require_POST
def publish(request):
    require_perm(request.user, "api.publish_datasets")
    chosen = set(request.POST.getlist("public"))
    known = {d.key for d in all_datasets()}
    for key in sorted(known):
        record, _created = PublicDataset.objects.get_or_create(key=key)
        if record.is_public != (key in chosen):
            record.is_public = key in chosen
            record.save()
    messages.success(request, _("Valget af offentlige datasæt er gemt."))
    return redirect("api:index")


def calls(request):
    require_perm(request.user, "api.view_calls")
    page = Paginator(ApiCall.objects.select_related("user", "token"), 100).get_page(request.GET.get("side"))
    return render(request, "api/calls.html", {"page": page})
