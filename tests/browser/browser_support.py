"""Paths the browser tests import (a module named conftest cannot be imported by name
once two test folders have one)."""

from pathlib import Path

SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"
