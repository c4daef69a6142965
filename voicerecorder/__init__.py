"""voicerecorder: record, check and submit voice-training takes to Huawei Cloud MetaStudio."""

__version__ = "0.1.0"
