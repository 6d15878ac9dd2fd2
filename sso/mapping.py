"""From an OIOSAML 3 assertion to a portal identity, in one place.

KOMBIT's Context Handler (Fælleskommunal Adgangsstyring) sends the user's organisation as a CVR number and
the system roles the municipality granted as a basic privilege profile ("bpp": base64 of an XML privilege
list, each privilege scoped to a CVR number). The portal role groups are in core/roles.py:

| privilege (SAML_ROLE_BASE + …) | what the user gets                                             | NSIS level   |
|--------------------------------|----------------------------------------------------------------|--------------|
| `lead`                         | member of the organisation with that CVR (lead rights follow    | any          |
|                                | the data: which projects the organisation leads)                |              |
| `board`                        | the Board group (reads dashboards)                             | any          |
| `secretariat`                  | the Secretariat group                                          | Substantial+ |

Privileges scoped to another CVR than the user's own are ignored. No CVR, an unknown CVR or no portal role
is a refusal: nothing is created.
"""

import base64
import binascii
from dataclasses import dataclass, field

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.models import Organisation
from core.roles import BOARD, SECRETARIAT

CVR_ATTRIBUTE = "https://data.gov.dk/model/core/eid/professional/cvr"
PRIVILEGES_ATTRIBUTE = "https://data.gov.dk/model/core/eid/privilegesIntermediate"
NSIS_LOA_ATTRIBUTE = "https://data.gov.dk/concept/core/nsis/loa"
FIRST_NAME_ATTRIBUTE = "https://data.gov.dk/model/core/eid/firstName"
LAST_NAME_ATTRIBUTE = "https://data.gov.dk/model/core/eid/lastName"
EMAIL_ATTRIBUTE = "https://data.gov.dk/model/core/eid/email"

CVR_SCOPE_PREFIX = "urn:dk:gov:saml:cvrNumberIdentifier:"
# NSIS assurance levels in rising order (Lav, Betydelig, Høj).
NSIS_LEVELS = ("Low", "Substantial", "High")
# A privilege list larger than this is not a real one.
MAX_PRIVILEGES_BYTES = 64 * 1024

LEAD, BOARD_ROLE, SECRETARIAT_ROLE = "lead", "board", "secretariat"
ROLE_GROUPS = {BOARD_ROLE: BOARD, SECRETARIAT_ROLE: SECRETARIAT}
# The lowest NSIS level a role needs; a role not named here needs none.
ROLE_MIN_NSIS = {SECRETARIAT_ROLE: "Substantial"}

REFUSALS = {
    "signature": _(
        "Svaret fra log-ind-tjenesten var ikke underskrevet, eller underskriften kunne ikke godkendes."
    ),
    "audience": _("Svaret fra log-ind-tjenesten var udstedt til en anden tjeneste end denne portal."),
    "recipient": _("Svaret fra log-ind-tjenesten var sendt til en anden adresse end portalens."),
    "expired": _("Svaret fra log-ind-tjenesten er udløbet. Prøv at logge ind igen."),
    "replay": _("Dette svar fra log-ind-tjenesten er allerede brugt én gang og kan ikke bruges igen."),
    "unsolicited": _(
        "Portalen har ikke bedt om dette log-ind i denne browser, eller svaret er allerede brugt. "
        "Start forfra fra portalens log-ind-side."
    ),
    "idp_error": _("Log-ind-tjenesten afviste eller afbrød log-ind."),
    "no_cvr": _("Svaret fra log-ind-tjenesten indeholdt ikke din organisations CVR-nummer."),
    "unknown_cvr": _("Din organisation (CVR-nummer %(cvr)s) er ikke kendt i portalen."),
    "no_role": _("Din organisation har ikke givet dig en rolle i KKR-portalen."),
    "nsis_too_low": _(
        "Sekretariatets rolle kræver log-ind på sikringsniveau Betydelig (NSIS), men dit log-ind var på "
        "niveau %(level)s."
    ),
    "invalid": _("Svaret fra log-ind-tjenesten kunne ikke læses eller godkendes."),
}


class Refusal(Exception):
    """Why a single sign-on is refused: `code` is a key of REFUSALS (and goes into the login audit)."""

    def __init__(self, code: str, detail: str = "", **params):
        self.code = code
        self.detail = detail
        self.params = params
        super().__init__(f"{code}: {detail}" if detail else code)

    @property
    def message(self) -> str:
        return str(REFUSALS[self.code]) % self.params if self.params else str(REFUSALS[self.code])

    @property
    def audit_detail(self) -> str:
        return f"{self.code}: {self.detail}" if self.detail else self.code


@dataclass(frozen=True)
class Identity:
    issuer: str
    subject: str
    cvr: str
    organisation: Organisation
    roles: frozenset[str]
    nsis_level: str = ""
    privileges: tuple[str, ...] = ()
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    groups: frozenset[str] = field(default_factory=frozenset)

    @property
    def is_member(self) -> bool:
        return LEAD in self.roles


def role_uri(role: str) -> str:
    return settings.SAML_ROLE_BASE.rstrip("/") + "/" + role


def _first(ava: dict, name: str) -> str:
    values = ava.get(name) or []
    return str(values[0]).strip() if values else ""


def parse_privileges(value: str) -> dict[str, list[str]]:
    """The basic privilege profile: base64 of `<bpp:PrivilegeList>` → {scope: [privilege, …]}."""
    value = (value or "").strip()
    if not value:
        return {}
    if len(value) > MAX_PRIVILEGES_BYTES * 2:
        raise Refusal("invalid", "privilege list too large")
    try:
        xml = base64.b64decode(value, validate=False)
    except (binascii.Error, ValueError) as error:
        raise Refusal("invalid", "privilege list is not base64") from error
    if len(xml) > MAX_PRIVILEGES_BYTES:
        raise Refusal("invalid", "privilege list too large")
    try:
        root = ElementTree.fromstring(xml, forbid_dtd=True)
    except (ElementTree.ParseError, DefusedXmlException, ValueError) as error:
        raise Refusal("invalid", "privilege list is not XML") from error
    scopes: dict[str, list[str]] = {}
    for group in root.iter():
        if _local(group.tag) != "PrivilegeGroup":
            continue
        scope = (group.get("Scope") or "").strip()
        for privilege in group:
            if _local(privilege.tag) == "Privilege" and (privilege.text or "").strip():
                scopes.setdefault(scope, []).append(privilege.text.strip())
    return scopes


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def nsis_at_least(level: str, minimum: str) -> bool:
    if level not in NSIS_LEVELS:
        return False
    return NSIS_LEVELS.index(level) >= NSIS_LEVELS.index(minimum)


def identity_from(ava: dict, *, issuer: str, subject: str) -> Identity:
    """The portal identity an assertion's attributes describe; Refusal when the portal must say no."""
    cvr = _first(ava, CVR_ATTRIBUTE)
    if not cvr:
        raise Refusal("no_cvr")
    if not (len(cvr) == 8 and cvr.isdigit()):
        raise Refusal("unknown_cvr", f"cvr {cvr[:20]!r}", cvr=cvr[:20])
    organisation = Organisation.objects.filter(cvr=cvr).first()
    if organisation is None:
        raise Refusal("unknown_cvr", f"cvr {cvr}", cvr=cvr)

    privileges: list[str] = []
    for value in ava.get(PRIVILEGES_ATTRIBUTE) or []:
        privileges.extend(parse_privileges(str(value)).get(CVR_SCOPE_PREFIX + cvr, []))
    known = {role_uri(role): role for role in (LEAD, BOARD_ROLE, SECRETARIAT_ROLE)}
    roles = frozenset(known[p] for p in privileges if p in known)
    if not roles:
        raise Refusal("no_role", f"cvr {cvr}; privileges {sorted(set(privileges))[:5]}")

    nsis_level = _first(ava, NSIS_LOA_ATTRIBUTE)
    for role in sorted(roles):
        minimum = ROLE_MIN_NSIS.get(role)
        if minimum and not nsis_at_least(nsis_level, minimum):
            shown = nsis_level or str(_("ukendt"))
            raise Refusal("nsis_too_low", f"role {role}; loa {nsis_level or '-'}", level=shown[:20])

    return Identity(
        issuer=issuer,
        subject=subject,
        cvr=cvr,
        organisation=organisation,
        roles=roles,
        nsis_level=nsis_level[:20],
        privileges=tuple(sorted(set(privileges))),
        first_name=_first(ava, FIRST_NAME_ATTRIBUTE)[:150],
        last_name=_first(ava, LAST_NAME_ATTRIBUTE)[:150],
        email=_first(ava, EMAIL_ATTRIBUTE)[:254],
        groups=frozenset(ROLE_GROUPS[role] for role in roles if role in ROLE_GROUPS),
    )
