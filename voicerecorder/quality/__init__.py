"""The take checker: measurements of one take and the rule table that judges them (no Qt, no I/O)."""
