"""Resumable multi-step jobs: assess, submit, track, resubmit (no Qt)."""
