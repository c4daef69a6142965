"""OBS pre-signed uploads: signature, Content-Type, expiry, Content-Length, dropped connections."""

import hashlib
import socket
import xml.etree.ElementTree as ET
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
import requests
from huaweicloudsdkcore.exceptions.exceptions import ClientRequestException
from huaweicloudsdkmetastudio.v1 import (
    CommitShortJobRequest,
    CreateShortJobReq,
    CreateShortJobRequest,
    CreateTrainingBasicJobRequest,
    CreateTrainingJobReq,
    ShowJobUploadingAddressRequest,
    ShowVoiceTrainingJobRequest,
)
from support.metastudio_zip import assess_zip
from support.sandbox_sdk import put, sdk_client

from voicerecorder.sandbox import FaultPlan, When

pytestmark = pytest.mark.reference_sdk


def _short_job(client):
    return client.create_short_job(CreateShortJobRequest(body=CreateShortJobReq(job_type="VOICE_ASSESS")))


def _error(response):
    assert response.headers["Content-Type"] == "application/xml"
    root = ET.fromstring(response.content)
    assert root.tag == "Error"
    assert root.findtext("RequestId")
    assert root.findtext("Resource").startswith("/metastudio-sandbox/")
    return root.findtext("Code"), root.findtext("Message")


def test_put_stores_the_object_and_returns_its_md5(client, tmp_path):
    job = _short_job(client)
    data = assess_zip(tmp_path / "a.zip").read_bytes()
    answer = put(job.data_uploading_url, data, "application/zip")
    assert answer.status_code == 200
    assert answer.content == b""
    assert answer.headers["ETag"] == f'"{hashlib.md5(data).hexdigest()}"'
    assert answer.headers["x-obs-request-id"]
    client.commit_short_job(CommitShortJobRequest(job_id=job.job_id))


def test_other_content_type_does_not_match_the_signature(client):
    job = _short_job(client)
    for content_type in ("application/octet-stream", "application/zip; charset=utf-8"):
        answer = put(job.data_uploading_url, b"PK zip", content_type)
        assert answer.status_code == 403
        assert _error(answer)[0] == "SignatureDoesNotMatch"
    bare = requests.put(job.data_uploading_url, data=b"PK zip", timeout=10)
    assert _error(bare)[0] == "SignatureDoesNotMatch"


def test_altered_url_and_other_methods_are_refused(client):
    url = _short_job(client).data_uploading_url
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    query["Expires"] = str(int(query["Expires"]) + 3600)
    longer = f"{parts.scheme}://{parts.netloc}{parts.path}?{urlencode(query)}"
    assert _error(put(longer, b"x", "application/zip"))[0] == "SignatureDoesNotMatch"
    assert _error(requests.get(url, timeout=10))[0] == "SignatureDoesNotMatch"
    assert (
        requests.post(url, data=b"x", headers={"Content-Type": "application/zip"}, timeout=10).status_code
        == 405
    )
    unsigned = url.split("?")[0]
    assert _error(requests.put(unsigned, data=b"x", timeout=10))[0] == "AccessDenied"


def test_expired_url_is_refused_and_fresh_urls_work(start_sandbox, tmp_path):
    sandbox = start_sandbox(faults=FaultPlan(expired_urls=When(first=1)))
    client = sdk_client(sandbox)
    created = client.create_training_basic_job(
        CreateTrainingBasicJobRequest(body=CreateTrainingJobReq(voice_name="v", create_type="PACKAGE"))
    )
    answer = put(created.training_data_uploading_url, b"PK data", "application/zip")
    assert answer.status_code == 403
    assert _error(answer) == ("AccessDenied", "Request has expired")
    fresh = client.show_job_uploading_address(ShowJobUploadingAddressRequest(job_id=created.job_id))
    assert (
        put(fresh.package_url.training_data_uploading_url, b"PK data", "application/zip").status_code == 200
    )


def _raw_put(url: str, headers: list[str], body: bytes) -> bytes:
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as connection:
        head = [f"PUT {parts.path}?{parts.query} HTTP/1.1", f"Host: {parts.netloc}", *headers, "", ""]
        connection.sendall("\r\n".join(head).encode() + body)
        received = b""
        while chunk := connection.recv(65536):
            received += chunk
        return received


def test_content_length_is_required(client):
    url = _short_job(client).data_uploading_url
    chunked = _raw_put(
        url, ["Content-Type: application/zip", "Transfer-Encoding: chunked"], b"4\r\nPKzz\r\n0\r\n\r\n"
    )
    assert chunked.startswith(b"HTTP/1.1 411")
    assert b"<Code>MissingContentLength</Code>" in chunked
    missing = _raw_put(url, ["Content-Type: application/zip", "Connection: close"], b"")
    assert missing.startswith(b"HTTP/1.1 411")


def test_dropped_connection_stores_nothing_and_a_retry_succeeds(start_sandbox, tmp_path):
    sandbox = start_sandbox(faults=FaultPlan(drop_uploads=When(first=1)))
    client = sdk_client(sandbox)
    job = _short_job(client)
    data = assess_zip(tmp_path / "a.zip", count=3).read_bytes()
    with pytest.raises(requests.ConnectionError):
        put(job.data_uploading_url, data, "application/zip")
    with pytest.raises(ClientRequestException) as refused:
        client.commit_short_job(CommitShortJobRequest(job_id=job.job_id))
    assert refused.value.error_code == "MSS.20020001"
    assert not list((tmp_path / "sandbox" / "obs").rglob("*.partial"))
    assert put(job.data_uploading_url, data, "application/zip").status_code == 200
    client.commit_short_job(CommitShortJobRequest(job_id=job.job_id))


def test_client_that_stops_sending_leaves_no_object(client):
    url = _short_job(client).data_uploading_url
    answer = _raw_put_partial(url)
    assert answer == b""
    with pytest.raises(ClientRequestException):
        client.commit_short_job(CommitShortJobRequest(job_id=urlsplit(url).path.split("/")[-2]))


def _raw_put_partial(url: str) -> bytes:
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as connection:
        head = [f"PUT {parts.path}?{parts.query} HTTP/1.1", f"Host: {parts.netloc}",
                "Content-Type: application/zip", "Content-Length: 1000", "", ""]  # fmt: skip
        connection.sendall("\r\n".join(head).encode() + b"x" * 10)
        connection.shutdown(socket.SHUT_WR)
        return connection.recv(65536)


def test_object_size_limit_and_injected_server_error(start_sandbox):
    sandbox = start_sandbox(faults=FaultPlan(errors={"ObsPut": When(first=1)}))
    url = _short_job(sdk_client(sandbox)).data_uploading_url
    failed = put(url, b"PK", "application/zip")
    assert failed.status_code == 500
    assert _error(failed)[0] == "InternalError"
    huge = _raw_put(url, ["Content-Type: application/zip", f"Content-Length: {6 * 1024**3}"], b"")
    assert huge.startswith(b"HTTP/1.1 400")
    assert b"<Code>EntityTooLarge</Code>" in huge


def test_unknown_access_key_in_url(client):
    url = _short_job(client).data_uploading_url
    assert _error(put(url.replace("AccessKeyId=", "AccessKeyId=X"), b"x", "application/zip"))[0] == (
        "InvalidAccessKeyId"
    )


def test_download_of_a_vanished_object_is_404(client, sandbox, tmp_path):
    created = client.create_training_basic_job(
        CreateTrainingBasicJobRequest(body=CreateTrainingJobReq(voice_name="v", create_type="PACKAGE"))
    )
    put(created.training_data_uploading_url, b"PK data", "application/zip")
    job = client.show_voice_training_job(ShowVoiceTrainingJobRequest(job_id=created.job_id))
    assert requests.get(job.training_input_source_url, timeout=10).content == b"PK data"
    for stored in (tmp_path / "sandbox" / "obs").rglob("training-data.zip"):
        stored.unlink()
    assert _error(requests.get(job.training_input_source_url, timeout=10))[0] == "NoSuchKey"


def test_malformed_content_length(client):
    url = _short_job(client).data_uploading_url
    answer = _raw_put(url, ["Content-Type: application/zip", "Content-Length: ten"], b"")
    assert answer.startswith(b"HTTP/1.1 400")
    assert b"<Code>InvalidArgument</Code>" in answer
