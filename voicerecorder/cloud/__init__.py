"""The MetaStudio client: AK/SK signing, IAM tokens, typed operations, OBS uploads (no Qt)."""
