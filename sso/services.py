"""Writes of single sign-on: the user an identity stands for (created just in time, refreshed at every
login) and the replay guard."""

import hashlib
from datetime import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.roles import ROLE_GROUPS

from .mapping import Identity, Refusal
from .models import SsoIdentity, UsedAssertion


def sso_username(issuer: str, subject: str) -> str:
    # Never a local account's name: a prefix and a digest of who the identity provider says it is.
    return "sso-" + hashlib.sha256(f"{issuer}\n{subject}".encode()).hexdigest()[:24]


def sso_user_sync(*, identity: Identity):
    """The identity's user with organisation and role groups exactly as the assertion says them."""
    User = get_user_model()
    with transaction.atomic():
        link = (
            SsoIdentity.objects.select_for_update()
            .select_related("user")
            .filter(issuer=identity.issuer, subject=identity.subject)
            .first()
        )
        if link is None:
            user = User(username=sso_username(identity.issuer, identity.subject))
            user.set_unusable_password()
            link = SsoIdentity(user=user, issuer=identity.issuer, subject=identity.subject)
        else:
            user = link.user
        # A role removed in the municipality disappears here: the lead role is the organisation membership.
        user.organisation = identity.organisation if identity.is_member else None
        user.first_name = identity.first_name or user.first_name
        user.last_name = identity.last_name or user.last_name
        user.email = identity.email or user.email
        user.save()
        link.user = user
        link.last_login_at = timezone.now()
        link.last_cvr = identity.cvr
        link.last_privileges = list(identity.privileges)
        link.last_nsis_level = identity.nsis_level
        link.save()

        wanted = {Group.objects.get_or_create(name=name)[0] for name in identity.groups}
        current = set(user.groups.filter(name__in=ROLE_GROUPS))
        user.groups.remove(*(current - wanted))
        user.groups.add(*(wanted - current))
        user.__dict__.pop("_kkr_group_names", None)
    return user


def assertion_use(*, assertion_id: str, issuer: str, not_on_or_after: datetime) -> None:
    """Record an assertion as used; Refusal("replay") if it was used before. Expired records go."""
    now = timezone.now()
    UsedAssertion.objects.filter(not_on_or_after__lt=now).delete()
    try:
        with transaction.atomic():
            UsedAssertion.objects.create(
                assertion_id=assertion_id[:200], issuer=issuer[:300], not_on_or_after=not_on_or_after
            )
    except IntegrityError as error:
        raise Refusal("replay", f"assertion {assertion_id[:80]}") from error
