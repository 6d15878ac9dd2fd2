"""sso/mapping.py on its own: the privilege list parser and the rules, with hostile input."""

import base64

import pytest

from core.organisation_cvr import CVR_NUMBERS
from sso import mapping
from sso.mapping import Refusal
from tests.sso.idp import bpp

ALBERTSLUND = CVR_NUMBERS["Albertslund"]
LEAD = "http://kkr-portal/roles/lead"


def ava(cvr=ALBERTSLUND, privileges=None, loa="Substantial"):
    values = {mapping.CVR_ATTRIBUTE: [cvr], mapping.NSIS_LOA_ATTRIBUTE: [loa]}
    if privileges is not None:
        values[mapping.PRIVILEGES_ATTRIBUTE] = privileges
    return values


def test_privileges_are_grouped_by_scope():
    scopes = mapping.parse_privileges(bpp(ALBERTSLUND, LEAD, "urn:other"))
    assert scopes == {f"urn:dk:gov:saml:cvrNumberIdentifier:{ALBERTSLUND}": [LEAD, "urn:other"]}


@pytest.mark.parametrize(
    "value",
    [
        "!!! not base64 !!!",
        base64.b64encode(b"<not xml").decode(),
        # An entity expansion bomb: refused before anything is expanded.
        base64.b64encode(
            b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
            b"<PrivilegeList>&b;</PrivilegeList>"
        ).decode(),
        base64.b64encode(b"<x>" + b"a" * (mapping.MAX_PRIVILEGES_BYTES + 1) + b"</x>").decode(),
    ],
    ids=["not-base64", "not-xml", "entity-bomb", "oversized"],
)
def test_a_hostile_privilege_list_is_a_refusal(value):
    with pytest.raises(Refusal) as refusal:
        mapping.parse_privileges(value)
    assert refusal.value.code == "invalid"


@pytest.mark.django_db
def test_the_rules(kkr_data):
    lead = mapping.identity_from(ava(privileges=[bpp(ALBERTSLUND, LEAD)]), issuer="idp", subject="s")
    assert lead.is_member and lead.organisation.name == "Albertslund" and lead.groups == frozenset()
    with pytest.raises(Refusal, match="no_cvr"):
        mapping.identity_from({}, issuer="idp", subject="s")
    with pytest.raises(Refusal, match="unknown_cvr"):
        mapping.identity_from(ava(cvr="12<script>"), issuer="idp", subject="s")
    with pytest.raises(Refusal, match="no_role"):
        mapping.identity_from(
            ava(privileges=[bpp(ALBERTSLUND, "http://kkr-portal/roles/admin")]), issuer="i", subject="s"
        )
    secretariat = bpp(ALBERTSLUND, "http://kkr-portal/roles/secretariat")
    with pytest.raises(Refusal, match="nsis_too_low"):
        mapping.identity_from(ava(privileges=[secretariat], loa=""), issuer="idp", subject="s")
    assert mapping.identity_from(
        ava(privileges=[secretariat], loa="High"), issuer="i", subject="s"
    ).groups == {"Secretariat"}
