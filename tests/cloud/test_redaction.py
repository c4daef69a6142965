"""Secrets never reach logs or exception texts."""

import logging

import pytest
from support.cloud_fake import AK, DOMAIN, PASSWORD, PROJECT_ID, SK, USER, Reply

from voicerecorder.cloud.client import MetaStudioClient
from voicerecorder.cloud.config import AkSkAuth, PasswordAuth, build_config
from voicerecorder.cloud.errors import AuthError, NetworkError
from voicerecorder.cloud.redact import MASK, install_log_redaction, redact, register_secret
from voicerecorder.cloud.transport import RetryPolicy
from voicerecorder.text import Bilingual

SIGNATURE = "a" * 64


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (
            f"Authorization: SDK-HMAC-SHA256 Access={AK}, SignedHeaders=host, Signature={SIGNATURE}",
            SIGNATURE,
        ),
        (
            f"{{'Authorization': 'SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature={SIGNATURE}'}}",
            SIGNATURE,
        ),
        ("X-Auth-Token: MIIEhgYJKoZIhvcNAQcCoIIEdzCCBHMCAQExDTALBglghkgBZQMEAgEwggLu", "MIIEhgYJ"),
        ('{"X-Security-Token": "gQpjbi1ub3J0aC00"}', "gQpjbi1ub3J0aC00"),
        ("x-subject-token=MIIT0ken0value", "MIIT0ken0value"),
        (
            "https://b.obs.cn-north-4.myhuaweicloud.com/k?AccessKeyId=X&Expires=1&Signature=abc%2Bdef%3D",
            "abc%2Bdef",
        ),
        ("https://b/k?x-obs-security-token=tok3n&Expires=1", "tok3n"),
        ('{"password": "hunter2!", "name": "u"}', "hunter2!"),
        ("endpoint: https://user:Pa55word@metastudio.example.com/v1", "Pa55word"),
        ("ProxyError('http://proxyuser:Pr0xyPw@10.0.0.1:3128')", "Pr0xyPw"),
        ("METASTUDIO_ENDPOINT=http://onlyatoken@127.0.0.1:8080", "onlyatoken"),
    ],
)
def test_patterns_are_masked(text, secret):
    cleaned = redact(text)
    assert secret not in cleaned
    assert MASK in cleaned


def test_registered_literals_are_masked_anywhere():
    register_secret("Literal-Secret-Value-42")
    assert redact("oops Literal-Secret-Value-42 leaked") == f"oops {MASK} leaked"
    assert redact("sk=abc", extra_secrets=["abc"]) == f"sk={MASK}"


def test_creating_credentials_registers_their_secrets():
    AkSkAuth("ak", "Freshly-Made-SK-000", "Fresh-Security-Token-000")
    PasswordAuth("u", "Fresh-Password-000", "d")
    text = redact("Freshly-Made-SK-000 Fresh-Security-Token-000 Fresh-Password-000")
    assert "Fresh" not in text


def test_credentials_repr_hides_secrets():
    assert "Hidden-SK-1234" not in repr(AkSkAuth("ak", "Hidden-SK-1234", "tok-1234"))
    assert "Hidden-Pass-1234" not in repr(PasswordAuth("u", "Hidden-Pass-1234", "d"))


def test_log_records_are_redacted_for_every_logger(caplog):
    install_log_redaction()
    register_secret(SK)
    caplog.set_level(logging.DEBUG)
    logger = logging.getLogger("somewhere.else")
    logger.info(
        "headers %s",
        {"Authorization": f"SDK-HMAC-SHA256 Access=x, SignedHeaders=host, Signature={SIGNATURE}"},
    )
    logger.warning("sk is %s", SK)
    try:
        raise ValueError(f"boom {SK}")
    except ValueError:
        logger.exception("failed")
    assert SIGNATURE not in caplog.text
    assert SK not in caplog.text
    for record in caplog.records:
        assert SK not in logging.Formatter().format(record)


def test_a_whole_session_leaves_no_secret_in_logs_or_errors(fake, caplog):
    caplog.set_level(logging.DEBUG)
    logging.getLogger("urllib3").setLevel(logging.DEBUG)
    config = build_config(region=None, endpoint=fake.base_url, project_id=PROJECT_ID, auth=AkSkAuth(AK, SK))
    client = MetaStudioClient(config, retry=RetryPolicy(attempts=2, base_delay=0.001), sleep=lambda s: None)
    fake.reply(
        "GET",
        fake.ms_path("user/jobs/j"),
        Reply(
            status=401,
            body={
                "error_code": "APIGW.0301",
                "error_msg": f"bad signature, Authorization: SDK-HMAC-SHA256 Signature={SIGNATURE}, sk={SK}",
            },
        ),
    )
    with pytest.raises(AuthError) as caught:
        client.show_voice_training_job("j")
    texts = [
        str(caught.value),
        caught.value.message.en,
        caught.value.message.zh,
        caplog.text,
        repr(caught.value),
    ]
    for text in texts:
        assert SK not in text
        assert SIGNATURE not in text
    sent_authorization = fake.seen[-1].headers["Authorization"]
    assert sent_authorization.split("Signature=")[1] not in caplog.text

    token_config = build_config(
        region=None, endpoint=fake.base_url, project_id=PROJECT_ID, auth=PasswordAuth(USER, PASSWORD, DOMAIN)
    )
    token_client = MetaStudioClient(token_config, retry=RetryPolicy(attempts=1), sleep=lambda s: None)
    fake.reply("GET", fake.ms_path("user/tenant-duration-cfg"), Reply(body={}))
    token_client.show_tenant_duration_cfg()
    token = fake.seen[-1].headers["X-Auth-Token"]
    assert token not in caplog.text
    assert PASSWORD not in caplog.text
    assert redact(f"leak {token}") == f"leak {MASK}"


def test_error_texts_are_redacted():
    error = NetworkError(
        Bilingual("Cannot reach https://b/k?Signature=s3cr3t", "无法连接 https://b/k?Signature=s3cr3t"),
        detail="url=/k?Signature=s3cr3t",
    )
    assert "s3cr3t" not in str(error)
    assert "s3cr3t" not in error.message.zh
    assert "s3cr3t" not in (error.detail or "")


def test_url_credentials_never_reach_errors_or_logs(caplog):
    install_log_redaction()
    caplog.set_level(logging.INFO, logger="voicerecorder")
    config = build_config(
        region=None,
        endpoint="http://apiuser:UrlPa55word@127.0.0.1:9",
        project_id=PROJECT_ID,
        auth=AkSkAuth(AK, SK),
    )
    client = MetaStudioClient(config, retry=RetryPolicy(attempts=2, base_delay=0.001, max_delay=0.001))
    with pytest.raises(NetworkError) as raised:
        client.show_voice_training_job("job-1")
    error = raised.value
    texts = [error.message.en, error.message.zh, str(error.detail), str(error), caplog.text]
    assert "Cannot reach 127.0.0.1:9" in error.message.en
    assert all("UrlPa55word" not in text and "apiuser" not in text for text in texts)
