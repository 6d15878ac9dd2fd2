"""The service provider's endpoints, on djangosaml2's views: login (AuthnRequest, HTTP-Redirect binding),
the assertion consumer service, single logout and the signed metadata. All answer 404 while single sign-on
is not configured (sso.conf.sso_enabled)."""

import calendar
import logging
from datetime import UTC, datetime, timedelta

from django.contrib import auth, messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from djangosaml2 import views as saml_views
from saml2.metadata import entity_descriptor, sign_entity_descriptor
from saml2.response import (
    IncorrectlySigned,
    StatusError,
    UnsolicitedResponse,
)
from saml2.saml import SCM_BEARER
from saml2.sigver import MissingKey, SignatureError, security_context
from saml2.time_util import str_to_time
from saml2.validate import ResponseLifetimeExceed, ToEarly

from accounts.models import LoginEvent
from accounts.services import record_event
from accounts.two_factor import SSO_SESSION_KEY as TWO_FACTOR_SSO_SESSION_KEY

from . import mapping
from .conf import IdentityProviderUnavailable, sso_enabled
from .mapping import Refusal
from .services import assertion_use, sso_user_sync

logger = logging.getLogger(__name__)

BACKEND = "sso.backends.SsoBackend"
# The session remembers the NSIS level of the login (the two-factor rules may count it as a second factor).
NSIS_SESSION_KEY = "sso_nsis_level"


class EnabledOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not sso_enabled():
            raise Http404("Single sign-on is not configured.")
        try:
            return super().dispatch(request, *args, **kwargs)
        except IdentityProviderUnavailable as error:
            logger.error("SSO: the identity provider's metadata could not be read: %s", error)
            return render(request, "sso/unavailable.html", status=503)


class LoginView(EnabledOnlyMixin, saml_views.LoginView):
    """Sends the browser to the identity provider with a signed AuthnRequest."""


def classify(exception) -> Refusal:
    """A pysaml2 failure as one of the refusals the page and the audit name."""
    if isinstance(exception, Refusal):
        return exception
    text = str(exception)[:200]
    if isinstance(exception, ResponseLifetimeExceed | ToEarly):
        return Refusal("expired", text)
    if isinstance(exception, UnsolicitedResponse):
        return Refusal("unsolicited", text)
    if isinstance(exception, SignatureError | IncorrectlySigned | MissingKey):
        return Refusal("signature", text or type(exception).__name__)
    if "AudienceRestriction" in text:
        return Refusal("audience", text)
    if "recipient" in text.lower() or "destination" in text.lower():
        return Refusal("recipient", text)
    if isinstance(exception, StatusError):
        return Refusal("idp_error", f"{type(exception).__name__}: {text}")
    return Refusal("invalid", f"{type(exception).__name__}: {text}")


def refusal_page(request, refusal: Refusal, *, username: str = ""):
    record_event(
        LoginEvent.Kind.SSO_REFUSED,
        request=request,
        username=username or refusal.params.get("cvr", ""),
        detail=refusal.audit_detail,
    )
    # The audit entry is written here; the 403 audit middleware need not write a second one.
    request.login_audit_recorded = True
    return render(request, "sso/refused.html", {"refusal": refusal}, status=403)


@method_decorator(csrf_exempt, name="dispatch")
class AssertionConsumerServiceView(EnabledOnlyMixin, saml_views.AssertionConsumerServiceView):
    """Checks the response (pysaml2: signature, audience, recipient, lifetime with the clock skew of
    SAML_CLOCK_SKEW_SECONDS, in response to our request), refuses a replayed assertion, maps it
    (sso/mapping.py) and logs the user in, or answers with the refusal page and an audit entry."""

    refusal: Refusal | None = None
    subject: str = ""

    def custom_validation(self, response):
        assertion = response.assertion
        not_on_or_after = None
        for confirmation in assertion.subject.subject_confirmation:
            if confirmation.method == SCM_BEARER and confirmation.subject_confirmation_data.not_on_or_after:
                not_on_or_after = confirmation.subject_confirmation_data.not_on_or_after
        expires = (
            datetime.fromtimestamp(calendar.timegm(str_to_time(not_on_or_after)), tz=UTC)
            if not_on_or_after
            else timezone.now() + timedelta(hours=1)
        )
        issuer = response.issuer() or ""
        self.subject = str(getattr(assertion.subject.name_id, "text", "") or "")
        try:
            assertion_use(assertion_id=assertion.id, issuer=issuer, not_on_or_after=expires)
        except Refusal as refusal:
            self.refusal = refusal
            raise

    def authenticate_user(
        self, request, session_info, attribute_mapping, create_unknown_user, assertion_info
    ):
        name_id = session_info["name_id"]
        subject = str(getattr(name_id, "text", "") or "")
        try:
            identity = mapping.identity_from(
                session_info.get("ava") or {}, issuer=session_info.get("issuer") or "", subject=subject
            )
        except Refusal as refusal:
            self.refusal = refusal
            self.subject = subject
            raise PermissionDenied(refusal.code) from refusal
        user = sso_user_sync(identity=identity)
        auth.login(request, user, backend=BACKEND)
        saml_views._set_subject_id(request.saml_session, name_id)
        request.session[NSIS_SESSION_KEY] = identity.nsis_level
        # The identity provider did the strong authentication (NSIS Substantial for the secretariat role):
        # accounts.two_factor asks no local code of this session.
        request.session[TWO_FACTOR_SSO_SESSION_KEY] = True
        return user

    def handle_acs_failure(self, request, exception=None, status=403, **kwargs):
        refusal = self.refusal or classify(exception)
        logger.info("Single sign-on refused: %s", refusal.audit_detail)
        return refusal_page(request, refusal, username=self.subject[:150])


class LogoutInitView(EnabledOnlyMixin, saml_views.LogoutInitView):
    """Single logout started here: a POST (a logout must not be triggered by a link on another site)."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        if saml_views._get_subject_id(request.saml_session) is None:
            # The SAML exchange's cookie is gone (expired, cleared): the identity provider cannot be named
            # a subject to log out, so the portal logs out here and says the municipality's login may live on.
            auth.logout(request)
            messages.info(
                request,
                _(
                    "Du er logget ud af portalen. Kommunens fælles login kunne ikke få besked; luk browseren "
                    "for også at logge ud der."
                ),
            )
            return redirect("login")
        return self.get(request, *args, **kwargs)


@method_decorator(csrf_exempt, name="dispatch")
class LogoutServiceView(EnabledOnlyMixin, saml_views.LogoutView):
    """The identity provider's logout requests and its answers to ours."""


class MetadataView(EnabledOnlyMixin, saml_views.MetadataView):
    """Our metadata, signed with the signing key: entity ID, endpoints, signing and encryption certificates."""

    def get(self, request, *args, **kwargs):
        config = self.get_sp_config(request)
        descriptor = entity_descriptor(config)
        _, xml = sign_entity_descriptor(descriptor, None, security_context(config))
        return HttpResponse(content=str(xml).encode("utf-8"), content_type="application/samlmetadata+xml")


login = login_not_required(LoginView.as_view())
acs = login_not_required(AssertionConsumerServiceView.as_view())
logout_service = login_not_required(LogoutServiceView.as_view())
metadata = login_not_required(MetadataView.as_view())
logout = require_POST(LogoutInitView.as_view())
