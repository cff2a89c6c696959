"""Shared test set-up: offscreen Qt, hypothesis profiles, and a private data folder per test."""

from __future__ import annotations

import os
import tempfile

from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No test, nor any app process a test starts, may touch the user's own settings or data folders.
_PRIVATE_HOME = tempfile.mkdtemp(prefix="iphr-test-home-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_PRIVATE_HOME, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_PRIVATE_HOME, "data")
os.environ["XDG_CACHE_HOME"] = os.path.join(_PRIVATE_HOME, "cache")

settings.register_profile(
    "default", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "fuzz", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
