"""Placeholder: commands are registered here by the cli_edit work."""
