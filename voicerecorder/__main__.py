import sys

from voicerecorder.cli import main

sys.exit(main())
