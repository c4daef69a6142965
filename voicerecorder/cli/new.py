"""``voicerecorder new DIR ...``: create a session folder with a built-in or imported script."""

from __future__ import annotations

import argparse
from pathlib import Path

from voicerecorder.cli.form_options import add_form_arguments, form_changes, print_form_warnings
from voicerecorder.errors import EXIT_OK, EXIT_USAGE, UserFacingError
from voicerecorder.session.form import CREATE_TYPES, SEXES, VoiceForm
from voicerecorder.session.lint import lint_script
from voicerecorder.session.script import EDITIONS, LANGUAGES, TAGS, builtin_script, load_script_file
from voicerecorder.text import Bilingual, current_language


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``new``."""
    parser = subparsers.add_parser(
        "new",
        help="create a recording session folder",
        description="Create a session in DIR (absent or empty) with the built-in script for the tag, "
        "language and edition, or with --script FILE (checked first; errors refuse it).",
    )
    parser.add_argument("folder", type=Path, metavar="DIR", help="the new session folder")
    parser.add_argument("--edition", required=True, type=str.upper, choices=EDITIONS)
    parser.add_argument("--language", required=True, type=str.upper, choices=LANGUAGES)
    parser.add_argument("--tag", required=True, type=str.upper, choices=TAGS)
    parser.add_argument("--script", type=Path, metavar="FILE", help=".txt, .tsv or .csv script to read")
    parser.add_argument("--voice-name", help="the voice's name in MetaStudio (default: DIR's name)")
    parser.add_argument("--sex", type=str.upper, choices=SEXES, default="FEMALE")
    add_form_arguments(parser)
    parser.add_argument(
        "--create-type",
        type=str.upper,
        choices=CREATE_TYPES,
        default="PACKAGE",
        help="PACKAGE: one zip at submit (default); SEGMENT: MetaStudio checks each sentence as it is sent",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Create the session and print where it is."""
    if args.script is None:
        script = builtin_script(args.language, args.tag, args.edition)
    else:
        script = load_script_file(args.script, args.language)
        errors = [f for f in lint_script(script, args.edition) if f.level == "error"]
        if errors:
            raise UserFacingError(
                Bilingual(
                    f"The script {args.script} has problems to fix before recording:\n"
                    + "\n".join(f"  - {f.message.en}" for f in errors),
                    f"文稿 {args.script} 有以下问题，录音前请先修改：\n"
                    + "\n".join(f"  - {f.message.zh}" for f in errors),
                ),
                exit_code=EXIT_USAGE,
            )
    # Imported here: the take checker loads NumPy, soxr and webrtcvad; --help needs none of them.
    from voicerecorder.session.store import Session

    form = VoiceForm(
        voice_name=args.voice_name if args.voice_name is not None else args.folder.resolve().name,
        sex=args.sex,
        tag=args.tag,
        language=args.language,
        **form_changes(args),
    )
    with Session.create(
        form,
        args.edition,
        script,
        writer="voicerecorder new",
        folder=args.folder,
        create_type=args.create_type,
    ) as session:
        count = session.sentence_count
    print_form_warnings(form, args.edition)
    message = Bilingual(
        f"Created session {session.folder}: {count} sentences ({script.source}).",
        f"已创建会话 {session.folder}：共 {count} 句（{script.source}）。",
    )
    print(message.pick(current_language()))
    return EXIT_OK
