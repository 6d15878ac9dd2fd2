"""schemathesis, a real external client, against the live server and its own OpenAPI schema.

Its command line runs in a process of its own: it reads the schema over HTTP, generates requests from it
(filters, paging, odd and hostile values) and checks every answer: no server error, a documented status
code and content type, and a body that matches the schema.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from api.models import ApiToken

# The coverage phase (boundary and negative values for every parameter, ~600 requests, about a minute) runs
# in the services run, which CI makes; the embedded `make test` keeps to the examples and random fuzzing.
PHASES = "examples,coverage,fuzzing" if os.environ.get("DATABASE_URL") else "examples,fuzzing"
CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"


@pytest.fixture
def api_key(transactional_db, kkr_data, django_user_model):
    from django.contrib.auth.models import Group

    from core.roles import SECRETARIAT

    user = django_user_model.objects.create_user("analytiker", "a@example.org", "pw-for-tests")
    user.groups.add(Group.objects.get_or_create(name=SECRETARIAT)[0])
    return ApiToken.issue(user=user, name="schemathesis", days=1)[1]


def test_the_api_answers_as_its_schema_says(live_server, api_key, settings, tmp_path):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"token": "100000/minute"},
    }
    st = shutil.which("st", path=str(Path(sys.executable).parent))
    assert st, "schemathesis is a test dependency"
    result = subprocess.run(
        [
            st,
            "run",
            f"{live_server.url}/api/v1/schema/?format=json",
            "--header",
            f"Authorization: Bearer {api_key}",
            "--checks",
            CHECKS,
            "--max-examples",
            "8",
            "--seed",
            "20261201",
            "--phases",
            PHASES,
            "--no-color",
        ],
        cwd=tmp_path,  # schemathesis keeps a cache of examples in its working directory
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]


def test_the_schema_is_valid_openapi(client):
    from openapi_spec_validator import validate

    response = client.get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    schema = response.json()
    validate(schema)
    assert schema["components"]["securitySchemes"]["personalToken"]["scheme"] == "bearer"
    allocations = schema["paths"]["/api/v1/education/allocations/"]["get"]
    assert {p["name"] for p in allocations["parameters"]} >= {"year", "page", "page_size"}
