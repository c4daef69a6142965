"""Upgrades of older ``session.json`` shapes, one function per schema step.

``MIGRATIONS[n]`` turns a schema-``n`` dict into a schema-``n+1`` dict. Each step is pure
(dict in, dict out) so it can be tested on its own.

Schema 0 is the shape written before ``schema_version`` existed: the voice form at the top
level, the script text inside each sentence, takes as ``{"file", "seconds", "rate",
"channels"}`` in ``takes/<sentence id>/``, ``chosen`` as a list index, and ``device`` as a
plain device name.
"""

from __future__ import annotations

from collections.abc import Callable

FORM_FIELDS = ("voice_name", "sex", "tag", "language", "description", "phone")


def _v0_take(take: dict, created: str) -> dict:
    return {
        "file": take["file"],
        "created": created,
        "duration_s": float(take["seconds"]),
        "samplerate": int(take["rate"]),
        "channels": int(take.get("channels", 1)),
        "capture": None,
        "check": None,
        "source": "recorded",
    }


def _v0_sentence(sentence: dict, created: str) -> dict:
    takes = [_v0_take(take, created) for take in sentence.get("takes", [])]
    chosen = sentence.get("chosen")
    return {
        "id": str(sentence["id"]),
        "folder": str(sentence["id"]),
        "takes": takes,
        "chosen": takes[chosen]["file"] if isinstance(chosen, int) and 0 <= chosen < len(takes) else None,
        "chosen_by_user": False,
        "marked_for_rerecord": False,
    }


def v0_to_v1(data: dict) -> dict:
    """Schema 0 -> 1: nest the form, split the script out, give takes full records."""
    created = str(data["created"])
    sentences = data["sentences"]
    device = data.get("device")
    return {
        "schema_version": 1,
        "created": created,
        "updated": created,
        "voice": {name: str(data.get(name, "")) for name in FORM_FIELDS},
        "edition": data["edition"],
        "script": {
            "language": data["language"],
            "sentences": [{"id": str(s["id"]), "text": s["text"]} for s in sentences],
            "source": "session format 0",
        },
        "device": None if device is None else {"hostapi": "", "name": str(device)},
        "samplerate": data.get("samplerate"),
        "current_index": 0,
        "sentences": [_v0_sentence(sentence, created) for sentence in sentences],
        "exports": [],
        "jobs": {},
    }


MIGRATIONS: dict[int, Callable[[dict], dict]] = {0: v0_to_v1}
