"""Helpers of the workflow tests: fast policies, clients of a sandbox, the test sessions' takes."""

from __future__ import annotations

from pathlib import Path

import pytest
import soundfile

from support.metastudio_zip import RATE, sentence_text, speechlike
from voicerecorder.cloud.client import MetaStudioClient
from voicerecorder.cloud.models import ListJobsQuery, TrainingJob
from voicerecorder.cloud.transport import RetryPolicy
from voicerecorder.sandbox import SandboxServer
from voicerecorder.session.form import VoiceForm
from voicerecorder.session.script import Script, Sentence
from voicerecorder.session.store import Session
from voicerecorder.workflow.polling import PollPolicy
from voicerecorder.workflow.target import sandbox_config

SPEED = 400.0
TAKE_SECONDS = 6.0
FAST_RETRY = RetryPolicy(attempts=4, base_delay=0.01, max_delay=0.05)
FAST_POLL = PollPolicy(first_s=0.02, factor=1.5, max_s=0.2, failures_allowed=6)
VOICE = "Ada Workflow"


def client_of(server: SandboxServer, retry: RetryPolicy = FAST_RETRY) -> MetaStudioClient:
    """A client of ``server`` with its demo credentials (the configured-cloud path)."""
    config = sandbox_config(server.base_url, server.keys.ak, server.keys.sk, server.project_id)
    return MetaStudioClient(config, retry=retry)


def point_environment_at(
    monkeypatch: pytest.MonkeyPatch, server: SandboxServer, sk: str | None = None
) -> None:
    """Configure the command line for ``server`` through the documented variables."""
    monkeypatch.setenv("CLOUD_SDK_AK", server.keys.ak)
    monkeypatch.setenv("CLOUD_SDK_SK", sk or server.keys.sk)
    monkeypatch.setenv("METASTUDIO_ENDPOINT", server.base_url)
    monkeypatch.setenv("METASTUDIO_PROJECT_ID", server.project_id)


def training_jobs(client: MetaStudioClient, voice_name: str = VOICE) -> list[TrainingJob]:
    """Every training job of ``voice_name`` the service knows."""
    return list(client.list_voice_training_jobs(ListJobsQuery(voice_name=voice_name, limit=100)).jobs)


def write_take(folder: Path, index: int, seed: int, seconds: float = TAKE_SECONDS) -> Path:
    """A speech-like take that passes the checker for sentence ``index`` of the test script."""
    path = folder / f"source-{index}-{seed}.wav"
    if not path.exists():
        soundfile.write(path, speechlike(seconds, seed=seed), RATE, subtype="PCM_16")
    return path


def new_session(folder: Path, voice_name: str = VOICE, create_type: str = "PACKAGE") -> Session:
    """A BASIC English session of 20 sentences that read in about TAKE_SECONDS each."""
    script = Script(
        "EN",
        tuple(Sentence(f"{i + 1:03d}", sentence_text(i, "EN", TAKE_SECONDS)) for i in range(20)),
        "test script",
    )
    form = VoiceForm(voice_name=voice_name, sex="FEMALE", tag="NEWS", language="EN", phone="+86 10 1234 5678")
    return Session.create(form, "BASIC", script, writer="tests", folder=folder, create_type=create_type)
