"""The service provider's pysaml2 configuration, built from the settings (kkr_portal/settings.py's SAML_*
block, filled from the environment). djangosaml2 asks for it through SAML_CONFIG_LOADER on each request, so
a test can point the portal at its own identity provider with `settings`."""

import saml2
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from saml2.config import SPConfig
from saml2.saml import NAMEID_FORMAT_PERSISTENT
from saml2.xmldsig import DIGEST_SHA256, SIG_RSA_SHA256

from . import mapping


def sso_enabled() -> bool:
    """SAML_ENABLED: derived in the settings from the identity provider's metadata and our key pair."""
    return bool(getattr(settings, "SAML_ENABLED", False))


def _absolute(name: str) -> str:
    return settings.SAML_BASE_URL.rstrip("/") + reverse(name)


def config_dict() -> dict:
    metadata: dict = {}
    if settings.SAML_IDP_METADATA_FILE:
        metadata["local"] = [str(settings.SAML_IDP_METADATA_FILE)]
    if settings.SAML_IDP_METADATA_URL:
        remote = {"url": settings.SAML_IDP_METADATA_URL}
        if settings.SAML_IDP_METADATA_CERT_FILE:
            remote["cert"] = str(settings.SAML_IDP_METADATA_CERT_FILE)
        metadata["remote"] = [remote]
    encryption_key = settings.SAML_ENCRYPTION_KEY_FILE or settings.SAML_KEY_FILE
    encryption_cert = settings.SAML_ENCRYPTION_CERT_FILE or settings.SAML_CERT_FILE
    return {
        "entityid": settings.SAML_ENTITY_ID,
        "xmlsec_binary": settings.SAML_XMLSEC_BINARY,
        "allow_unknown_attributes": True,
        # Clock skew accepted between the identity provider and us, in seconds (NotBefore/NotOnOrAfter).
        "accepted_time_diff": settings.SAML_CLOCK_SKEW_SECONDS,
        "service": {
            "sp": {
                "name": "KKR Hovedstaden-portalen",
                "name_id_format": NAMEID_FORMAT_PERSISTENT,
                "endpoints": {
                    "assertion_consumer_service": [(_absolute("sso:acs"), saml2.BINDING_HTTP_POST)],
                    "single_logout_service": [
                        (_absolute("sso:ls"), saml2.BINDING_HTTP_REDIRECT),
                        (_absolute("sso:ls"), saml2.BINDING_HTTP_POST),
                    ],
                },
                # Only an answer to a request this browser made is accepted (no IdP-initiated login).
                "allow_unsolicited": False,
                "want_assertions_signed": True,
                "want_response_signed": False,
                "authn_requests_signed": True,
                "logout_requests_signed": True,
                "logout_responses_signed": True,
                "signing_algorithm": SIG_RSA_SHA256,
                "digest_algorithm": DIGEST_SHA256,
                "required_attributes": [mapping.CVR_ATTRIBUTE, mapping.PRIVILEGES_ATTRIBUTE],
                "optional_attributes": [
                    mapping.NSIS_LOA_ATTRIBUTE,
                    mapping.FIRST_NAME_ATTRIBUTE,
                    mapping.LAST_NAME_ATTRIBUTE,
                    mapping.EMAIL_ATTRIBUTE,
                ],
                "only_use_keys_in_metadata": True,
            }
        },
        "metadata": metadata,
        "key_file": str(settings.SAML_KEY_FILE),
        "cert_file": str(settings.SAML_CERT_FILE),
        "encryption_keypairs": [{"key_file": str(encryption_key), "cert_file": str(encryption_cert)}],
        "organization": {
            "name": [("KKR Hovedstaden", "da")],
            "display_name": [("KKR Hovedstaden-portalen", "da")],
            "url": [(settings.PORTAL_BASE_URL, "da")],
        },
        "contact_person": [
            {"contact_type": "technical", "email_address": f"mailto:{settings.SECRETARIAT_EMAIL}"},
        ],
    }


def sp_config(request=None) -> SPConfig:
    """djangosaml2's SAML_CONFIG_LOADER."""
    if not sso_enabled():
        raise ImproperlyConfigured(
            "Single sign-on is not configured (SAML_IDP_METADATA_*, SAML_KEY/CERT_FILE)."
        )
    config = SPConfig()
    try:
        config.load(config_dict())
    except Exception as error:  # requests' connection errors, pysaml2's metadata and signature errors
        raise IdentityProviderUnavailable(f"{type(error).__name__}: {error}"[:500]) from error
    return config


class IdentityProviderUnavailable(Exception):
    """The identity provider's metadata could not be read (SAML_IDP_METADATA_URL unreachable, or the file
    or its signature refused): the SAML pages answer 503 with a page saying so (sso/views.py)."""
