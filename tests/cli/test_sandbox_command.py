"""``voicerecorder sandbox``: prints how to connect, serves, and stops cleanly on SIGTERM/SIGINT."""

import os
import signal
import socket
import subprocess
import sys

import pytest
from huaweicloudsdkmetastudio.v1 import (
    CreateTrainingBasicJobRequest,
    CreateTrainingJobReq,
    ShowTenantDurationCfgRequest,
    ShowVoiceTrainingJobRequest,
)
from support.sandbox_fixtures import running_sandbox, start_sandbox  # noqa: F401 (fixtures)
from support.sandbox_sdk import sdk_client

from voicerecorder.cli import main
from voicerecorder.sandbox import DEFAULT_AK, DEFAULT_SK, SANDBOX_LABEL, in_process

pytestmark = pytest.mark.reference_sdk


def _launch(tmp_path, *extra):
    command = [
        sys.executable,
        "-m",
        "voicerecorder",
        "sandbox",
        "--port",
        "0",
        "--data",
        str(tmp_path / "d"),
        *extra,
    ]
    environment = {**os.environ, "VOICERECORDER_LANG": "en"}
    return subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment
    )


def _banner(process):
    lines = []
    for line in process.stdout:
        lines.append(line.rstrip("\n"))
        if line.startswith("Press Ctrl+C"):
            return lines
    raise AssertionError(f"no banner; stderr: {process.stderr.read()}")


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
def test_prints_credentials_serves_and_stops(tmp_path, stop_signal):
    process = _launch(tmp_path, "--speed", "50")
    try:
        lines = _banner(process)
        assert lines[0] == SANDBOX_LABEL.en
        exports = dict(line[len("export ") :].split("=", 1) for line in lines if line.startswith("export "))
        assert exports["CLOUD_SDK_AK"] == DEFAULT_AK
        assert exports["CLOUD_SDK_SK"] == DEFAULT_SK
        endpoint = exports["METASTUDIO_ENDPOINT"]
        assert endpoint.startswith("http://127.0.0.1:")
        client = sdk_client(_Running(endpoint, exports["METASTUDIO_PROJECT_ID"]))
        assert client.show_tenant_duration_cfg(ShowTenantDurationCfgRequest()).short_assess_max == 300
        process.send_signal(stop_signal)
        assert process.wait(timeout=15) == 0
        assert process.stdout.read().strip() == "Sandbox stopped."
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert (tmp_path / "d" / "jobs").is_dir()


class _Running:
    """Just enough of a SandboxServer for :func:`sdk_client`: its URL and project."""

    def __init__(self, base_url, project_id):
        self.base_url = base_url
        self.project_id = project_id


def test_bad_fault_spec_exits_2(tmp_path, capsys):
    assert main(["sandbox", "--port", "0", "--data", str(tmp_path), "--faults", "drop=2"]) == 2
    assert "Invalid fault spec" in capsys.readouterr().err


def test_bad_speed_exits_2(tmp_path, capsys):
    assert main(["sandbox", "--port", "0", "--data", str(tmp_path), "--speed", "0"]) == 2
    assert "--speed" in capsys.readouterr().err


@pytest.mark.parametrize("port", ["99999", "-1", "http"])
def test_port_out_of_range_is_a_usage_error(tmp_path, capsys, port):
    with pytest.raises(SystemExit) as stopped:
        main(["sandbox", "--port", port, "--data", str(tmp_path)])
    assert stopped.value.code == 2
    assert f"{port!r} is not a port: give a number from 0 to 65535" in capsys.readouterr().err


def test_port_in_use_exits_1(tmp_path, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["sandbox", "--port", str(port), "--data", str(tmp_path)]) == 1
    errors = capsys.readouterr().err
    assert f"Port {port}" in errors
    assert "--port" in errors


def test_in_process_sandbox_for_the_app(tmp_path):
    with in_process(tmp_path / "app") as server:
        assert server.base_url.startswith("http://127.0.0.1:")
        assert SANDBOX_LABEL.zh == "沙箱——数据不会离开这台电脑"
        assert sdk_client(server).show_tenant_duration_cfg(ShowTenantDurationCfgRequest()).basic_max == 600
    with pytest.raises(RuntimeError):
        _ = server.base_url


def shown(server, job_id):
    return sdk_client(server).show_voice_training_job(ShowVoiceTrainingJobRequest(job_id=job_id)).job_id


BASIC_JOB = CreateTrainingBasicJobRequest(body=CreateTrainingJobReq(voice_name="v", create_type="PACKAGE"))


def test_workflows_at_the_same_time_share_one_in_process_sandbox(tmp_path):
    # One store per data folder: two servers would each keep their own copy of a job and the
    # later write would undo the other's.
    with in_process(tmp_path / "app") as first:
        with in_process(tmp_path / "app") as second, in_process(tmp_path / "other") as other:
            assert second is first
            assert other is not first
            job_id = sdk_client(second).create_training_basic_job(BASIC_JOB).job_id
        assert other.data_dir == tmp_path / "other"
        with pytest.raises(RuntimeError):
            _ = other.base_url
        assert shown(first, job_id) == job_id
    with pytest.raises(RuntimeError):
        _ = first.base_url
    with in_process(tmp_path / "app") as again:
        assert again is not first
        assert shown(again, job_id) == job_id


def _other_addresses() -> list[str]:
    """Addresses of this machine other than 127.0.0.1: 127.0.0.2 (Linux answers the whole
    127/8 on the loopback device) and the outgoing address when there is one."""
    addresses = ["127.0.0.2"] if sys.platform.startswith("linux") else []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("192.0.2.1", 9))  # no packet is sent; this only picks the outgoing address
        own_address = probe.getsockname()[0]
    if own_address != "127.0.0.1":
        addresses.append(own_address)
    return addresses


def test_listens_on_loopback_only(sandbox):
    port = int(sandbox.base_url.rsplit(":", 1)[1])
    addresses = _other_addresses()
    assert addresses, "no address other than 127.0.0.1 to try"
    for address in addresses:
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection((address, port), timeout=2).close()
    socket.create_connection(("127.0.0.1", port), timeout=2).close()
