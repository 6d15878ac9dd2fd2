"""Writes for the VIP area (the report workflow itself lives in core.workflow)."""
