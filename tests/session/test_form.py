import pytest

from voicerecorder.session.form import VoiceForm, validate_voice_form


def form(**changes) -> VoiceForm:
    values = {"voice_name": "Ada", "sex": "FEMALE", "tag": "NEWS", "language": "EN"} | changes
    return VoiceForm(**values)


def test_a_complete_form_is_valid():
    assert (
        validate_voice_form(form(phone="+86 138-0013-8000", description="Line one\nline two"), "BASIC") == {}
    )


@pytest.mark.parametrize(
    ("changes", "edition", "field"),
    [
        ({"voice_name": "   "}, "BASIC", "voice_name"),
        ({"voice_name": "x" * 65}, "BASIC", "voice_name"),
        ({"voice_name": "Ada\x07"}, "BASIC", "voice_name"),
        ({"voice_name": "Ada\u200e"}, "BASIC", "voice_name"),
        ({"sex": "OTHER"}, "BASIC", "sex"),
        ({"tag": "SPORTS"}, "BASIC", "tag"),
        ({"language": "FR"}, "BASIC", "language"),
        ({}, "ADVANCE", "edition"),
        ({"phone": "call me"}, "BASIC", "phone"),
        ({"phone": "12"}, "BASIC", "phone"),
        ({"phone": "1" * 21}, "BASIC", "phone"),
        ({"phone": "138+0013"}, "BASIC", "phone"),
        ({"description": "d" * 501}, "BASIC", "description"),
        ({"description": "bell\x07"}, "BASIC", "description"),
    ],
)
def test_each_bad_field_is_reported_at_its_field(changes, edition, field):
    errors = validate_voice_form(form(**changes), edition)
    assert list(errors) == [field]
    message = errors[field]
    assert message.en
    assert message.zh
    assert message.en != message.zh


def test_several_errors_at_once():
    errors = validate_voice_form(form(voice_name="", sex="", phone="abc"), "MIDDLE")
    assert set(errors) == {"voice_name", "sex", "phone"}


def test_unicode_names_and_empty_phone_are_fine():
    assert validate_voice_form(form(voice_name="张伟 Zoë", phone=""), "MIDDLE") == {}
