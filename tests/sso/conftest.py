import pytest
from django.test import override_settings
from saml2.metadata import entity_descriptor

from core.models import Organisation
from core.organisation_cvr import CVR_NUMBERS
from tests.sso.idp import TestIdentityProvider, make_key_pair

# Albertslund's CVR number as load_kkr_data loads it (core/organisation_cvr.py).
ALBERTSLUND_TEST_CVR = CVR_NUMBERS["Albertslund"]
OTHER_SP = "https://other-service.example/metadata"


def configure_sp(settings, directory, idp, base_url):
    key, cert = make_key_pair(directory, "sp")
    settings.SAML_ENABLED = True
    settings.SAML_IDP_METADATA_FILE = str(idp.metadata_file)
    settings.SAML_IDP_METADATA_URL = ""
    settings.SAML_KEY_FILE, settings.SAML_CERT_FILE = key, cert
    settings.SAML_BASE_URL = base_url
    settings.SAML_ENTITY_ID = base_url + "/sso/metadata/"
    settings.SAML_ROLE_BASE = "http://kkr-portal/roles/"
    from sso.conf import sp_config

    own = str(entity_descriptor(sp_config()))
    with override_settings(SAML_ENTITY_ID=OTHER_SP):
        other = str(entity_descriptor(sp_config()))
    idp.trust(own, other)


@pytest.fixture
def idp(settings, tmp_path, kkr_data):
    provider = TestIdentityProvider(tmp_path)
    configure_sp(settings, tmp_path, provider, "http://testserver")
    assert Organisation.objects.get(name="Albertslund").cvr == ALBERTSLUND_TEST_CVR
    return provider
