"""Session-layer fixtures: scripts, voice forms, and realistic takes spoken by espeak-ng."""

from support.session_fixtures import (  # noqa: F401 (fixtures)
    basic_session,
    clipped_wav,
    en_form,
    good_take_samples,
    good_wav,
)
