"""The voice-form options shared by ``new`` and ``submit`` (every field of CreateTrainingJobReq
and CommitJobReq the form holds), and ``--app-user-id`` of the commands that call MetaStudio."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from voicerecorder.session.form import SERVICES, VoiceForm, voice_form_warnings
from voicerecorder.text import current_language

_TEXT_OPTIONS = ("description", "phone", "output_language", "custom_text")


def _services(value: str) -> tuple[str, ...]:
    return tuple(part.strip().upper() for part in value.split(",") if part.strip())


def add_form_arguments(parser: argparse.ArgumentParser) -> None:
    """``--description``, ``--phone``, ``--output-language``, ``--custom-text``,
    ``--supported-service`` and ``--on-demand``/``--no-on-demand``; unset ones stay None."""
    parser.add_argument("--description", help="shown with the voice in the asset library")
    parser.add_argument("--phone", help="contact phone number (digits, a leading +, spaces, dashes)")
    parser.add_argument(
        "--output-language", type=str.upper, metavar="CN|EN", help="the voice model's output language"
    )
    parser.add_argument("--custom-text", help="the preview text MetaStudio speaks with the new voice")
    parser.add_argument(
        "--supported-service",
        type=_services,
        metavar="LIST",
        help=f"comma-separated services the voice is for: {', '.join(SERVICES)}",
    )
    parser.add_argument(
        "--on-demand",
        action=argparse.BooleanOptionalAction,
        dest="is_ondemand_resource",
        help="use an on-demand (pay-per-use) training resource (MIDDLE)",
    )


def add_app_user_argument(parser: argparse.ArgumentParser) -> None:
    """``--app-user-id`` (overrides METASTUDIO_APP_USER_ID and the saved settings)."""
    parser.add_argument(
        "--app-user-id",
        metavar="ID",
        help="third-party user id sent as X-App-UserId (ASCII; default: METASTUDIO_APP_USER_ID or "
        "the saved settings)",
    )


def form_changes(args: argparse.Namespace) -> dict[str, Any]:
    """The form fields the command line sets (options left out are not included)."""
    names = (*_TEXT_OPTIONS, "supported_service", "is_ondemand_resource")
    return {name: getattr(args, name) for name in names if getattr(args, name) is not None}


def print_form_warnings(form: VoiceForm, edition: str) -> None:
    """Print the form's cautions (they do not block) to stderr."""
    language = current_language()
    for warning in voice_form_warnings(form, edition).values():
        print(f"voicerecorder: {warning.pick(language)}", file=sys.stderr, flush=True)
