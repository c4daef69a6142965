"""Fixtures of the CLI tests, imported by name from the rigs in support/.

``sandbox`` means a running sandbox in test_sandbox_command.py and a way to start them in
test_submit_and_assess_commands.py, so each of those modules imports its own.
"""

from support.cloud_fixtures import client, fake, sleeps  # noqa: F401 (fixtures)
from support.memory_keyring import memory_keyring  # noqa: F401 (fixture)
from support.session_fixtures import (  # noqa: F401 (fixtures)
    basic_session,
    clipped_wav,
    en_form,
    good_take_samples,
    good_wav,
)
from support.workflow_fixtures import full_template, make_session, rerecord, take_sources  # noqa: F401 (fixtures)
