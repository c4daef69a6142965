"""Cloud client fixtures: the scripted server and a client configured for it.

Imported by name into tests/cloud/conftest.py and tests/cli/conftest.py.
"""

import pytest

from support.cloud_fake import AK, PROJECT_ID, SK, FakeCloud
from voicerecorder.cloud.client import MetaStudioClient
from voicerecorder.cloud.config import AkSkAuth, build_config
from voicerecorder.cloud.transport import RetryPolicy

FAST_RETRY = RetryPolicy(attempts=4, base_delay=0.001, max_delay=0.01)


@pytest.fixture
def fake():
    with FakeCloud() as server:
        yield server


@pytest.fixture
def sleeps():
    return []


@pytest.fixture
def client(fake, sleeps):
    config = build_config(region=None, endpoint=fake.base_url, project_id=PROJECT_ID, auth=AkSkAuth(AK, SK))
    return MetaStudioClient(config, retry=FAST_RETRY, sleep=sleeps.append)
