"""Dock and dialogs: Qt Designer .ui files loaded at runtime, one .py per .ui."""
