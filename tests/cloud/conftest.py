"""Fixtures of the cloud client tests: the scripted server and clients configured for it."""

from support.cloud_fixtures import client, fake, sleeps  # noqa: F401 (fixtures)
from support.memory_keyring import memory_keyring  # noqa: F401 (fixture)
