"""Workflow fixtures: fast sandboxes on 127.0.0.1 and sessions whose takes pass the checker."""

from support.memory_keyring import memory_keyring  # noqa: F401 (fixture)
from support.workflow_fixtures import (  # noqa: F401 (fixtures)
    full_template,
    make_session,
    no_saved_cloud_settings,
    rerecord,
    sandbox_factory,
    segment_session,
    take_sources,
)
