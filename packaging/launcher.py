"""Entry point of the frozen application: the same ``main`` as the ``voicerecorder`` command."""

import sys

from voicerecorder.cli import main

if __name__ == "__main__":
    sys.exit(main())
