"""The open-data catalogue in DCAT-AP-DK (the Danish profile of DCAT-AP), as JSON-LD.

The context is inline (no remote fetch); vocabularies are the EU Publications Office's authority tables
(language, data theme, file type) and IANA media types, as DCAT-AP asks.
"""

from django.conf import settings
from django.db.models import Max, Min

from .datasets import Dataset

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
EU = "http://publications.europa.eu/resource/authority"
FORMATS = {
    "csv": ("text/csv", "CSV"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX"),
    "json": ("application/json", "JSON"),
}
PUBLISHER_NAME = "KKR Hovedstaden"


def _text(da: str, en: str) -> list[dict]:
    return [{"@value": da, "@language": "da"}, {"@value": en, "@language": "en"}]


def _date(value: str) -> dict:
    return {"@value": value, "@type": "xsd:date"}


def temporal(dataset: Dataset) -> dict | None:
    """The years the dataset's rows cover, from the data itself; None where rows carry no year."""
    if not dataset.year:
        return None
    span = dataset.visible_to(dataset.rows(), None).aggregate(first=Min(dataset.year), last=Max(dataset.year))
    if span["first"] is None:
        return None
    return {
        "@type": "dct:PeriodOfTime",
        "dcat:startDate": _date(f"{span['first']}-01-01"),
        "dcat:endDate": _date(f"{span['last']}-12-31"),
    }


def catalogue(request, datasets: list[Dataset]) -> dict:
    base = request.build_absolute_uri("/").rstrip("/")
    publisher = {"@id": f"{base}/#kkr-hovedstaden", "@type": "foaf:Agent", "foaf:name": PUBLISHER_NAME}
    licence = {"@id": settings.OPEN_DATA_LICENSE}
    contact = {
        "@type": "vcard:Organization",
        "vcard:fn": "KKR-sekretariatet",
        "vcard:hasEmail": {"@id": f"mailto:{settings.SECRETARIAT_EMAIL}"},
    }
    entries = []
    for dataset in datasets:
        landing = f"{base}/data/#{dataset.area}-{dataset.name}"
        entry = {
            "@id": f"{base}/data/{dataset.area}/{dataset.name}",
            "@type": "dcat:Dataset",
            "dct:identifier": dataset.key,
            "dct:title": _text(dataset.title_da, dataset.title_en),
            "dct:description": _text(dataset.description_da, dataset.description_en),
            "dct:publisher": {"@id": publisher["@id"]},
            "dct:language": {"@id": f"{EU}/language/DAN"},
            "dct:accessRights": {"@id": f"{EU}/access-right/PUBLIC"},
            "dcat:theme": {"@id": f"{EU}/data-theme/GOVE"},
            "dcat:keyword": [{"@value": k, "@language": "da"} for k in dataset.keywords],
            "dcat:contactPoint": contact,
            "dcat:landingPage": {"@id": landing},
            "dcat:distribution": [
                {
                    "@id": f"{base}/data/{dataset.area}/{dataset.name}.{fmt}",
                    "@type": "dcat:Distribution",
                    "dct:title": _text(f"{dataset.title_da} ({label})", f"{dataset.title_en} ({label})"),
                    "dcat:accessURL": {"@id": landing},
                    "dcat:downloadURL": {"@id": f"{base}/data/{dataset.area}/{dataset.name}.{fmt}"},
                    "dcat:mediaType": {"@id": f"http://www.iana.org/assignments/media-types/{media}"},
                    "dct:format": {"@id": f"{EU}/file-type/{label}"},
                    "dct:license": licence,
                }
                for fmt, (media, label) in FORMATS.items()
            ],
        }
        span = temporal(dataset)
        if span:
            entry["dct:temporal"] = span
        entries.append(entry)
    return {
        "@context": CONTEXT,
        "@id": f"{base}/data/katalog.jsonld",
        "@type": "dcat:Catalog",
        "dct:title": _text("KKR Hovedstadens åbne data", "KKR Hovedstaden open data"),
        "dct:description": _text(
            "De datasæt fra KKR Hovedstadens portal, som sekretariatet har gjort offentlige.",
            "The datasets of the KKR Hovedstaden portal that the secretariat has made public.",
        ),
        "dct:publisher": publisher,
        "dct:language": {"@id": f"{EU}/language/DAN"},
        "dct:license": licence,
        "foaf:homepage": {"@id": f"{base}/data/"},
        "dcat:dataset": entries,
    }
