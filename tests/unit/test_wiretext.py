"""Date-times, dates and UUIDs read from an answer encode back to the exact text received."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from specloom_runtime import to_jsonable
from specloom_runtime.wiretext import read_date, read_datetime, read_uuid

from tests.support import COPIES, COPY_IDS

TEXTS = [
    ("2024-05-01T10:00:00Z", datetime.datetime(2024, 5, 1, 10, tzinfo=datetime.UTC)),
    ("2024-05-01T10:00:00+00:00", datetime.datetime(2024, 5, 1, 10, tzinfo=datetime.UTC)),
    ("2024-05-01t10:00:00z", datetime.datetime(2024, 5, 1, 10, tzinfo=datetime.UTC)),
    ("2024-05-01T10:00:00.123456789Z", datetime.datetime(2024, 5, 1, 10, 0, 0, 123456, tzinfo=datetime.UTC)),
    ("2016-12-31T23:59:60Z", datetime.datetime(2016, 12, 31, 23, 59, 59, 999999, tzinfo=datetime.UTC)),
    ("2024-05-01T10:00:00-05:30", datetime.datetime(2024, 5, 1, 15, 30, tzinfo=datetime.UTC)),
]


@pytest.mark.parametrize(("text", "moment"), TEXTS)
def test_a_date_time_is_a_datetime_and_encodes_back_to_its_text(text: str, moment: datetime.datetime) -> None:
    value = read_datetime(text)
    assert isinstance(value, datetime.datetime) and value == moment
    assert to_jsonable(value) == text


def test_a_date_time_changed_by_the_caller_is_written_in_the_standard_form() -> None:
    value = read_datetime("2024-05-01T10:00:00Z") + datetime.timedelta(hours=1)
    assert to_jsonable(value) == "2024-05-01T11:00:00+00:00"


def test_an_uppercase_uuid_is_a_uuid_and_encodes_back_to_its_text() -> None:
    text = "3F2504E0-4F89-11D3-9A0C-0305E82C3301"
    value = read_uuid(text)
    assert value == uuid.UUID(text) and to_jsonable(value) == text
    assert to_jsonable(read_date("2024-02-29")) == "2024-02-29"


@pytest.mark.parametrize("text", ["2024-05-01", "2024-05-01T10:00:00", "2024-13-01T10:00:00Z", "yesterday"])
def test_text_that_is_no_date_time_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        read_datetime(text)



@pytest.mark.parametrize("copy_of", COPIES, ids=COPY_IDS)
def test_a_copy_keeps_the_text(copy_of: Callable[[Any], Any]) -> None:
    for value in (read_datetime("2024-05-01t10:00:00.123456789z"), read_date("2024-05-01"),
                  read_uuid("0B6F2B8C-4D1E-4A5B-9C3D-2E1F0A9B8C7D")):
        copied = copy_of(value)
        assert copied == value and type(copied) is type(value) and to_jsonable(copied) == to_jsonable(value)
    changed = read_datetime("2024-05-01T10:00:00Z") + datetime.timedelta(hours=1)
    assert to_jsonable(copy_of(changed)) == "2024-05-01T11:00:00+00:00"

