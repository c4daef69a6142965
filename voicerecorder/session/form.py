"""The voice form (what MetaStudio's CreateTrainingJobReq needs) and its per-field validation."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass

from voicerecorder.session.script import EDITION_SIZES, LANGUAGES, TAGS
from voicerecorder.text import Bilingual

SEXES = ("FEMALE", "MALE")
EDITIONS = tuple(EDITION_SIZES)
CREATE_TYPES = ("PACKAGE", "SEGMENT")
"""How the training data goes up: one zip (PACKAGE) or sentence by sentence (SEGMENT)."""

VOICE_NAME_MAX = 64
DESCRIPTION_MAX = 500
_PHONE = re.compile(r"\+?[0-9][0-9 \-]*", re.ASCII)
PHONE_DIGITS = (5, 20)


@dataclass(frozen=True)
class VoiceForm:
    """The talent's details, sent with the training job (voice_name becomes the asset name)."""

    voice_name: str
    sex: str
    tag: str
    language: str
    description: str = ""
    phone: str = ""

    def to_dict(self) -> dict[str, str]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> VoiceForm:
        return cls(**{name: str(data.get(name, "")) for name in cls.__dataclass_fields__})


def _has_control(text: str, allow_newlines: bool = False) -> bool:
    allowed = "\n\t" if allow_newlines else ""
    return any(unicodedata.category(ch) in ("Cc", "Cf") and ch not in allowed for ch in text)


def _choice_error(value: str, choices: tuple[str, ...], field_en: str, field_zh: str) -> Bilingual | None:
    if value in choices:
        return None
    listed = ", ".join(choices)
    return Bilingual(f"Choose the {field_en}: one of {listed}.", f"请选择{field_zh}：{listed} 之一。")


def _voice_name_error(voice_name: str) -> Bilingual | None:
    name = voice_name.strip()
    if not name:
        return Bilingual(
            "Enter a voice name; it becomes the name of the voice in MetaStudio.",
            "请输入声音名称，它将成为 MetaStudio 中的声音名称。",
        )
    if len(name) > VOICE_NAME_MAX:
        return Bilingual(
            f"Shorten the voice name to at most {VOICE_NAME_MAX} characters (now {len(name)}).",
            f"声音名称最多 {VOICE_NAME_MAX} 个字符（当前 {len(name)} 个），请缩短。",
        )
    if _has_control(name):
        return Bilingual(
            "Remove the invisible control characters from the voice name (retype it).",
            "声音名称中含有不可见的控制字符，请重新输入。",
        )
    return None


def _description_error(description: str) -> Bilingual | None:
    if len(description) > DESCRIPTION_MAX:
        return Bilingual(
            f"Shorten the description to at most {DESCRIPTION_MAX} characters.",
            f"描述最多 {DESCRIPTION_MAX} 个字符，请缩短。",
        )
    if _has_control(description, allow_newlines=True):
        return Bilingual(
            "Remove the invisible control characters from the description.",
            "描述中含有不可见的控制字符，请删除。",
        )
    return None


def _phone_error(phone: str) -> Bilingual | None:
    phone = phone.strip()
    if not phone:
        return None
    digits = sum(ch.isdigit() for ch in phone)
    if _PHONE.fullmatch(phone) and PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1]:
        return None
    return Bilingual(
        "Enter the phone number with digits only (a leading + and spaces or dashes are fine), "
        f"{PHONE_DIGITS[0]} to {PHONE_DIGITS[1]} digits, or leave it empty.",
        "请只用数字填写电话号码（可以以 + 开头，可含空格或短横线），"
        f"共 {PHONE_DIGITS[0]}–{PHONE_DIGITS[1]} 位，也可以留空。",
    )


def validate_voice_form(form: VoiceForm, edition: str) -> dict[str, Bilingual]:
    """Per-field problems of ``form`` and ``edition`` (field name -> message); empty when valid.

    The keys are the VoiceForm field names plus ``edition``, so a UI can show each message
    at its field.
    """
    errors = {
        "voice_name": _voice_name_error(form.voice_name),
        "sex": _choice_error(form.sex, SEXES, "sex", "性别"),
        "tag": _choice_error(form.tag, TAGS, "scenario tag", "场景标签"),
        "language": _choice_error(form.language, LANGUAGES, "language", "语言"),
        "edition": _choice_error(edition, EDITIONS, "edition", "版本"),
        "description": _description_error(form.description),
        "phone": _phone_error(form.phone),
    }
    return {field: message for field, message in errors.items() if message is not None}
