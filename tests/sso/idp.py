"""A real SAML identity provider for the tests: pysaml2's Server with certificates made here, issuing
signed OIOSAML 3-style assertions (CVR, bpp privileges, NSIS level) to the portal's service provider."""

import base64
import datetime
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import saml2
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from saml2.config import IdPConfig
from saml2.metadata import entity_descriptor
from saml2.saml import NAMEID_FORMAT_PERSISTENT, NameID
from saml2.server import Server

from sso import mapping

IDP_ENTITY_ID = "https://idp.test.invalid/metadata"
IDP_SSO_URL = "https://idp.test.invalid/sso"


def make_key_pair(directory: Path, name: str) -> tuple[str, str]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    key_path, cert_path = directory / f"{name}.key", directory / f"{name}.crt"
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return str(key_path), str(cert_path)


def bpp(cvr: str, *privileges: str) -> str:
    """A basic privilege profile list with these privileges scoped to the CVR number, base64-encoded."""
    items = "".join(f"<Privilege>{p}</Privilege>" for p in privileges)
    xml = (
        '<bpp:PrivilegeList xmlns:bpp="http://digst.dk/oiosaml/basic_privilege_profile">'
        f'<PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:{cvr}">{items}</PrivilegeGroup>'
        "</bpp:PrivilegeList>"
    )
    return base64.b64encode(xml.encode()).decode()


class TestIdentityProvider:
    __test__ = False

    def __init__(self, directory: Path, sso_url: str = IDP_SSO_URL):
        self.directory = directory
        self.sso_url = sso_url
        self.key_file, self.cert_file = make_key_pair(directory, "idp")
        self.metadata_file = directory / "idp-metadata.xml"
        self.metadata_file.write_text(str(entity_descriptor(self._config())))
        self.server: Server | None = None
        self.lifetime_minutes = 5

    def _config(self, sp_metadata_files=()) -> IdPConfig:
        config = IdPConfig()
        config.load(
            {
                "entityid": IDP_ENTITY_ID,
                "xmlsec_binary": "/usr/bin/xmlsec1",
                "service": {
                    "idp": {
                        "endpoints": {
                            "single_sign_on_service": [(self.sso_url, saml2.BINDING_HTTP_REDIRECT)],
                            "single_logout_service": [(self.sso_url + "/slo", saml2.BINDING_HTTP_REDIRECT)],
                        },
                        "policy": {
                            "default": {
                                "lifetime": {"minutes": 5},
                                "attribute_restrictions": None,
                                "name_form": "urn:oasis:names:tc:SAML:2.0:attrname-format:uri",
                            }
                        },
                        "name_id_format": [NAMEID_FORMAT_PERSISTENT],
                    }
                },
                "metadata": {"local": [str(f) for f in sp_metadata_files]},
                "key_file": self.key_file,
                "cert_file": self.cert_file,
            }
        )
        return config

    def trust(self, *sp_metadata_xml: str) -> None:
        """Load the service providers' metadata (as the Context Handler does when a system is registered)."""
        files = []
        for number, xml in enumerate(sp_metadata_xml):
            path = self.directory / f"sp-metadata-{number}.xml"
            path.write_text(xml)
            files.append(path)
        self.server = Server(config=self._config(files))

    def respond(
        self,
        redirect_url: str,
        *,
        cvr: str,
        privileges: tuple[str, ...] = (),
        loa: str = "Substantial",
        subject: str = "albertslund-lead-1",
        sign: bool = True,
        audience: str | None = None,
        lifetime_minutes: int = 5,
        attributes: dict | None = None,
        encrypt: bool = False,
    ) -> dict:
        """Answer the AuthnRequest in the portal's redirect: the form fields the browser would POST."""
        query = parse_qs(urlparse(redirect_url).query)
        request = self.server.parse_authn_request(query["SAMLRequest"][0], saml2.BINDING_HTTP_REDIRECT)
        message = request.message
        identity = {
            mapping.CVR_ATTRIBUTE: [cvr] if cvr else [],
            mapping.NSIS_LOA_ATTRIBUTE: [loa] if loa else [],
            mapping.FIRST_NAME_ATTRIBUTE: ["Anne"],
            mapping.LAST_NAME_ATTRIBUTE: ["Albertsen"],
            mapping.EMAIL_ATTRIBUTE: ["anne@albertslund.example"],
        }
        if privileges:
            identity[mapping.PRIVILEGES_ATTRIBUTE] = [bpp(cvr, *privileges)]
        identity.update(attributes or {})
        identity = {k: v for k, v in identity.items() if v}
        policy = self.server.config.getattr("policy", "idp")
        policy._restrictions["default"]["lifetime"] = {"minutes": lifetime_minutes}
        response = self.server.create_authn_response(
            identity,
            in_response_to=message.id,
            destination=message.assertion_consumer_service_url,
            sp_entity_id=audience or message.issuer.text,
            name_id=NameID(format=NAMEID_FORMAT_PERSISTENT, text=subject),
            authn={"class_ref": saml2.saml.AUTHN_PASSWORD_PROTECTED, "authn_auth": IDP_ENTITY_ID},
            sign_assertion=sign,
            sign_response=False,
            # As the Context Handler does: the signed assertion encrypted to the SP's encryption certificate
            # (taken from its metadata).
            encrypt_assertion=encrypt,
            encrypt_assertion_self_contained=True,
        )
        return {
            "url": message.assertion_consumer_service_url,
            "SAMLResponse": base64.b64encode(str(response).encode()).decode(),
            "RelayState": query.get("RelayState", [""])[0],
        }
