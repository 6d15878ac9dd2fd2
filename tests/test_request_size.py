"""A request body over MAX_UPLOAD_BYTES is refused with 413 before anything reads it."""

import socket
import time

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from core import tabular
from education.models import Programme

THREE_HUNDRED_MB = 300 * 2**20


def test_the_limit_leaves_room_for_the_largest_import_file_and_keeps_it_in_memory():
    assert settings.MAX_UPLOAD_BYTES >= tabular.MAX_BYTES + 64 * 1024
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE > tabular.MAX_BYTES  # an allowed file is never spooled


@pytest.mark.parametrize("url", ["/login/", "/contracts/2023/import/", "/nowhere/"])
def test_a_declared_300_mb_body_is_refused_unread(client, url):
    # The test client's payload raises if more is read than it holds: a 413 here means nothing was read.
    response = client.post(url, {"username": "x"}, CONTENT_LENGTH=str(THREE_HUNDRED_MB))
    assert response.status_code == 413
    assert "for stor" in response.content.decode()


def test_a_nonsense_length_is_a_400(client):
    assert client.post("/login/", {"username": "x"}, CONTENT_LENGTH="lots").status_code == 400


@pytest.mark.django_db
def test_a_body_under_the_limit_still_reaches_the_view(client, secretariat):
    client.force_login(secretariat)
    content = b"Kommune;Pladser\n" + b"x" * (tabular.MAX_BYTES + 10)  # over the importer's limit only
    response = client.post(
        "/education/import/fordeling/",
        {
            "year": 2024,
            "programme": Programme.objects.get(slug="social-og-sundhedsassistent").pk,
            "file": SimpleUploadedFile("f.csv", content),
        },
    )
    assert response.status_code == 200
    assert "for stor" in response.content.decode()


def test_a_real_300_mb_upload_is_answered_after_its_headers(live_server):
    """Over a socket: the server answers 413 while the client has sent 64 kB of the 300 MB it declared."""
    host, port = live_server.thread.host, live_server.thread.port
    started = time.perf_counter()
    with socket.create_connection((host, port), timeout=10) as sock:
        head = (
            f"POST /login/ HTTP/1.1\r\nHost: {host}\r\n"
            "Content-Type: multipart/form-data; boundary=x\r\n"
            f"Content-Length: {THREE_HUNDRED_MB}\r\n\r\n"
        )
        sock.sendall(head.encode() + b"--x\r\n" + b"a" * 65536)
        answer = sock.recv(4096).decode(errors="replace")
    assert answer.startswith("HTTP/1.1 413"), answer[:200]
    assert time.perf_counter() - started < 5
