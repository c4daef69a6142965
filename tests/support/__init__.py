"""Shared test rigs (virtual microphone, servers) used by tests and benchmark scripts."""
