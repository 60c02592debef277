"""Fixtures of the integration suite: real servers on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.integration.servers import LoopbackServer, RecordingApp, serve


@pytest.fixture
def recording_app() -> RecordingApp:
    """A fresh recording app; answers 404 ``{"message": "recorded"}`` until told otherwise."""
    return RecordingApp()


@pytest.fixture
def recording_server(recording_app: RecordingApp) -> Iterator[LoopbackServer]:
    """``recording_app`` served on a free loopback port for the test."""
    with serve(recording_app) as server:
        yield server
