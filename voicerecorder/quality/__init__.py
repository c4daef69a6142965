"""The take checker: measurements of one take and the rule table that judges them (no Qt, no I/O).

Entry points: ``checker.check_take`` / ``checker.session_baseline`` (takes),
``roomtone.check_room_tone`` / ``roomtone.check_headroom_line`` (microphone page).
Thresholds and messages: ``rules``; the report format and the order to fix findings: ``report``;
which measures a level problem leaves unjudged: ``triage``.
"""
