from __future__ import annotations

import hashlib
import hmac
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from specloom_runtime.errors import ConfigurationError, SpecloomError
from specloom_runtime.webhooks import (
    MAX_HEADER_LENGTH,
    WebhookVerificationError,
    construct_webhook_event,
    sign_webhook,
    verify_webhook,
)

SECRET = "whsec_Sup3r-s3cret/value+42"
BODY = b'{"id":"evt_1","type":"job.completed","data":{"ok":true}}'
T = 1_714_000_000


def _hex(secret: str | bytes, t: int | str, body: bytes) -> str:
    key = secret.encode() if isinstance(secret, str) else secret
    return hmac.new(key, f"{t}.".encode() + body, hashlib.sha256).hexdigest()


def _rejected(
    payload: bytes | str, header: str | None, secret: str | bytes = SECRET, **kw: Any
) -> WebhookVerificationError:
    with pytest.raises(WebhookVerificationError) as info:
        verify_webhook(payload, header, secret, now=kw.pop("now", T), **kw)
    error = info.value
    # The secret never leaks, in the message, the repr, or chained exceptions.
    key = secret.decode("utf-8", "replace") if isinstance(secret, bytes) else secret
    for text in (str(error), repr(error), str(error.__cause__), str(error.__context__)):
        assert key not in text
    assert isinstance(error, SpecloomError)
    return error


# --- accepted ------------------------------------------------------------------------------


def test_sign_webhook_produces_the_documented_scheme() -> None:
    header = sign_webhook(BODY, SECRET, timestamp=T)
    assert header == f"t={T},v1={_hex(SECRET, T, BODY)}"


def test_valid_signature_accepted_for_bytes_and_str_payloads() -> None:
    header = sign_webhook(BODY, SECRET, timestamp=T)
    verify_webhook(BODY, header, SECRET, now=T)
    verify_webhook(BODY.decode(), header, SECRET, now=T)
    verify_webhook(BODY, header, SECRET.encode(), now=T)
    buffer: Any = bytearray(BODY)  # bytes-like bodies (bytearray, memoryview) are accepted at runtime too
    verify_webhook(buffer, header, SECRET, now=T)
    view: Any = memoryview(buffer)
    verify_webhook(view, header, SECRET, now=T)


def test_str_payload_is_signed_as_utf8() -> None:
    text = '{"name":"café ☕ 日本"}'
    header = sign_webhook(text, SECRET, timestamp=T)
    assert header == sign_webhook(text.encode("utf-8"), SECRET, timestamp=T)
    verify_webhook(text.encode("utf-8"), header, SECRET, now=T)


def test_any_of_several_v1_values_may_match() -> None:
    good = _hex(SECRET, T, BODY)
    other = _hex("whsec_old", T, BODY)
    for header in (
        f"t={T},v1={other},v1={good}",
        f"t={T},v1={good},v1={other}",
        f"v1={'0' * 64},t={T},v1=zz,v1={good}",
    ):
        verify_webhook(BODY, header, SECRET, now=T)
    verify_webhook(BODY, f"t={T},v1={good},v1={other}", "whsec_old", now=T)  # rotation: the old secret still works


def test_whitespace_unknown_parts_and_hex_case_are_tolerated() -> None:
    good = _hex(SECRET, T, BODY)
    for header in (
        f"  t={T} ,  v1={good}  ",
        f"t = {T}, v1 = {good}",
        f"t={T},v0=deadbeef,scheme=hmac,v1={good},future",
        f"t={T},,v1={good},",
        f"t={T},v1={good.upper()}",
    ):
        verify_webhook(BODY, header, SECRET, now=T)


def test_default_now_is_the_current_time() -> None:
    verify_webhook(BODY, sign_webhook(BODY, SECRET), SECRET)
    assert construct_webhook_event(BODY, sign_webhook(BODY, SECRET), SECRET)["id"] == "evt_1"


# --- signature mismatch --------------------------------------------------------------------


def test_tampered_body_rejected() -> None:
    header = sign_webhook(BODY, SECRET, timestamp=T)
    for body in (BODY.replace(b"true", b"false"), BODY + b" ", BODY[:-1], b"", b'{"id": "evt_1"}'):
        error = _rejected(body, header)
        assert error.reason == "signature_mismatch"
        assert "signature mismatch" in str(error)


def test_wrong_secret_rejected() -> None:
    header = sign_webhook(BODY, SECRET, timestamp=T)
    for secret in ("whsec_other", SECRET + " ", SECRET.upper(), b"whsec_other"):
        assert _rejected(BODY, header, secret).reason == "signature_mismatch"


def test_timestamp_is_part_of_the_signature() -> None:
    v1 = _hex(SECRET, T, BODY)
    assert _rejected(BODY, f"t={T + 1},v1={v1}", now=T + 1).reason == "signature_mismatch"


def test_none_of_several_v1_values_match() -> None:
    header = f"t={T},v1={_hex('a', T, BODY)},v1={_hex('b', T, BODY)},v1="
    error = _rejected(BODY, header)
    assert error.reason == "signature_mismatch"
    assert "any of the 3 v1 signatures" in str(error)


def test_mismatch_message_does_not_reveal_the_expected_signature() -> None:
    error = _rejected(BODY, f"t={T},v1={'0' * 64}")
    assert _hex(SECRET, T, BODY) not in str(error)
    assert _hex(SECRET, T, BODY) not in repr(error)


# --- timestamp tolerance -------------------------------------------------------------------


def test_timestamp_too_old_rejected() -> None:
    header = sign_webhook(BODY, SECRET, timestamp=T)
    error = _rejected(BODY, header, now=T + 301)
    assert error.reason == "timestamp_too_old"
    assert "301 seconds in the past" in str(error) and "tolerance of 300 seconds" in str(error)


def test_timestamp_too_far_in_the_future_rejected() -> None:
    header = sign_webhook(BODY, SECRET, timestamp=T)
    error = _rejected(BODY, header, now=T - 301)
    assert error.reason == "timestamp_in_future"
    assert "301 seconds in the future" in str(error)


def test_tolerance_boundary_is_inclusive_in_both_directions() -> None:
    header = sign_webhook(BODY, SECRET, timestamp=T)
    for now in (T - 300, T - 299.5, T, T + 299.999, T + 300):
        verify_webhook(BODY, header, SECRET, now=now)
    assert _rejected(BODY, header, now=T + 300.001).reason == "timestamp_too_old"
    assert _rejected(BODY, header, now=T - 300.001).reason == "timestamp_in_future"


def test_custom_tolerance() -> None:
    header = sign_webhook(BODY, SECRET, timestamp=T)
    verify_webhook(BODY, header, SECRET, now=T + 10, tolerance=10)
    error = _rejected(BODY, header, now=T + 11, tolerance=10)
    assert "11 seconds in the past" in str(error) and "tolerance of 10 seconds" in str(error)
    verify_webhook(BODY, header, SECRET, now=T, tolerance=0)
    assert _rejected(BODY, header, now=T + 0.5, tolerance=0).reason == "timestamp_too_old"
    verify_webhook(BODY, header, SECRET, now=T + 10**9, tolerance=math.inf)


def test_signature_is_checked_before_the_timestamp() -> None:
    # A forged, stale delivery is reported as a forgery, not as stale.
    assert _rejected(BODY, f"t={T},v1={'ab' * 32}", now=T + 10_000).reason == "signature_mismatch"


def test_timestamp_zero_is_valid() -> None:
    header = sign_webhook(BODY, SECRET, timestamp=0)
    assert header.startswith("t=0,")
    verify_webhook(BODY, header, SECRET, now=100)


# --- malformed headers ---------------------------------------------------------------------

GOOD_V1 = _hex(SECRET, T, BODY)


@pytest.mark.parametrize(
    ("header", "reason", "message"),
    [
        (None, "missing_header", "header is missing"),
        ("", "missing_header", "header is empty"),
        ("   ", "missing_header", "header is empty"),
        (f"v1={GOOD_V1}", "malformed_header", "no timestamp"),
        ("garbage", "malformed_header", "no timestamp"),
        ("🙃,,,==,", "malformed_header", "no timestamp"),
        (f"T={T},v1={GOOD_V1}", "malformed_header", "no timestamp"),
        (f"t=abc,v1={GOOD_V1}", "malformed_header", "'abc' is not a non-negative integer"),
        (f"t=,v1={GOOD_V1}", "malformed_header", "'' is not a non-negative integer"),
        (f"t=-5,v1={GOOD_V1}", "malformed_header", "'-5' is not a non-negative integer"),
        (f"t=+5,v1={GOOD_V1}", "malformed_header", "not a non-negative integer"),
        (f"t=1.5,v1={GOOD_V1}", "malformed_header", "not a non-negative integer"),
        (f"t=1e9,v1={GOOD_V1}", "malformed_header", "not a non-negative integer"),
        (f"t=١٧١٤,v1={GOOD_V1}", "malformed_header", "not a non-negative integer"),  # non-ASCII digits
        (f"t={'9' * 16},v1={GOOD_V1}", "malformed_header", "16 digits"),
        (f"t={T},t={T},v1={GOOD_V1}", "malformed_header", "2 timestamps"),
        (f"t={T}", "no_signature", "no 'v1=' signature"),
        (f"t={T},v0={GOOD_V1}", "no_signature", "no 'v1=' signature"),
        (f"t={T},v2={GOOD_V1},sig={GOOD_V1}", "no_signature", "no 'v1=' signature"),
        (f"t={T},v1={GOOD_V1},{'x' * MAX_HEADER_LENGTH}", "malformed_header", "at most 8192"),
    ],
)
def test_malformed_headers_rejected_with_the_right_message(header: str | None, reason: str, message: str) -> None:
    error = _rejected(BODY, header)
    assert error.reason == reason
    assert message in str(error)
    assert error.message == str(error)
    assert repr(error) == f"WebhookVerificationError(reason={reason!r}, message={str(error)!r})"


def test_header_length_limit_is_inclusive() -> None:
    header = sign_webhook(BODY, SECRET, timestamp=T)
    padded = header + "," + "x" * (MAX_HEADER_LENGTH - len(header) - 1)
    assert len(padded) == MAX_HEADER_LENGTH
    verify_webhook(BODY, padded, SECRET, now=T)
    assert _rejected(BODY, padded + "x").reason == "malformed_header"


def test_long_garbage_timestamp_is_truncated_in_the_message() -> None:
    error = _rejected(BODY, f"t={'z' * 1000},v1={GOOD_V1}")
    assert len(str(error)) < 200


def test_non_ascii_and_surrogate_v1_values_do_not_crash() -> None:
    for v1 in ("é" * 64, "\udcff" * 64, "\x00"):
        assert _rejected(BODY, f"t={T},v1={v1}").reason == "signature_mismatch"


def test_str_payload_that_is_not_utf8_encodable() -> None:
    error = _rejected("bad \ud800 surrogate", sign_webhook(BODY, SECRET, timestamp=T))
    assert error.reason == "invalid_payload"
    assert "raw request body bytes" in str(error)


# --- misuse is not a verification failure ---------------------------------------------------


@pytest.mark.parametrize("secret", ["", b""])
def test_empty_secret_is_a_configuration_error(secret: str | bytes) -> None:
    header = sign_webhook(BODY, SECRET, timestamp=T)
    with pytest.raises(ConfigurationError, match="secret is empty"):
        verify_webhook(BODY, header, secret, now=T)
    with pytest.raises(ConfigurationError, match="secret is empty"):
        sign_webhook(BODY, secret)


def test_unencodable_secret_does_not_leak_through_the_exception_chain() -> None:
    secret = "whsec_\ud800_hidden"
    with pytest.raises(ConfigurationError) as info:
        verify_webhook(BODY, f"t={T},v1=00", secret, now=T)
    assert info.value.__cause__ is None and info.value.__suppress_context__
    assert "hidden" not in str(info.value) and "hidden" not in repr(info.value)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"tolerance": -1}, ConfigurationError, "tolerance must be a non-negative"),
        ({"tolerance": math.nan}, ConfigurationError, "tolerance must be a non-negative"),
        ({"tolerance": "300"}, TypeError, "tolerance must be a number"),
        ({"now": math.nan}, ConfigurationError, "now must be a finite"),
        ({"now": math.inf}, ConfigurationError, "now must be a finite"),
        ({"now": "1714000000"}, TypeError, "now must be a Unix time"),
    ],
)
def test_invalid_options(kwargs: dict[str, Any], error: type[Exception], match: str) -> None:
    header = sign_webhook(BODY, SECRET, timestamp=T)
    with pytest.raises(error, match=match):
        verify_webhook(BODY, header, SECRET, **kwargs)


def test_arguments_of_the_wrong_type() -> None:
    header = sign_webhook(BODY, SECRET, timestamp=T)
    bad: Any = {"id": 1}
    with pytest.raises(TypeError, match="payload must be the raw body"):
        verify_webhook(bad, header, SECRET, now=T)
    with pytest.raises(TypeError, match="secret must be a str or bytes"):
        verify_webhook(BODY, header, None, now=T)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="header must be a str"):
        verify_webhook(BODY, header.encode(), SECRET, now=T)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="timestamp must be an int"):
        sign_webhook(BODY, SECRET, timestamp=1.5)  # type: ignore[arg-type]
    with pytest.raises(ConfigurationError, match="non-negative"):
        sign_webhook(BODY, SECRET, timestamp=-1)


# --- construct_webhook_event ---------------------------------------------------------------


def test_construct_webhook_event_parses_json() -> None:
    header = sign_webhook(BODY, SECRET, timestamp=T)
    event = construct_webhook_event(BODY, header, SECRET, now=T)
    assert event == {"id": "evt_1", "type": "job.completed", "data": {"ok": True}}
    assert construct_webhook_event(BODY.decode(), header, SECRET, now=T) == event
    assert construct_webhook_event(b"[1, 2]", sign_webhook(b"[1, 2]", SECRET, timestamp=T), SECRET, now=T) == [1, 2]


def test_construct_webhook_event_verifies_before_parsing() -> None:
    header = sign_webhook(BODY, SECRET, timestamp=T)
    with pytest.raises(WebhookVerificationError) as info:
        construct_webhook_event(b"not json", header, SECRET, now=T)
    assert info.value.reason == "signature_mismatch"
    with pytest.raises(WebhookVerificationError) as info:
        construct_webhook_event(BODY, header, SECRET, now=T + 301)
    assert info.value.reason == "timestamp_too_old"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"not json", "not valid JSON: Expecting value at line 1 column 1"),
        (b'{"a": 1', "not valid JSON"),
        (b"", "not valid JSON"),
        (b'{"a": NaN}', "NaN is not a JSON value"),
        (b"[Infinity]", "Infinity is not a JSON value"),
        (b'{"a": "\xff"}', "not UTF-8 text (invalid byte at offset 7)"),
        (b"[" * 100_000 + b"]" * 100_000, "not valid JSON"),
    ],
)
def test_construct_webhook_event_rejects_invalid_json(body: bytes, message: str) -> None:
    header = sign_webhook(body, SECRET, timestamp=T)
    with pytest.raises(WebhookVerificationError) as info:
        construct_webhook_event(body, header, SECRET, now=T)
    assert info.value.reason == "invalid_json"
    assert message in str(info.value)
    assert SECRET not in str(info.value)


# --- properties ----------------------------------------------------------------------------

# Text secrets exclude lone surrogates (not UTF-8 encodable; rejected as a ConfigurationError, tested above).
secrets = st.one_of(
    st.binary(min_size=1, max_size=64),
    st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=64),
)
payloads = st.binary(max_size=512)
timestamps = st.integers(min_value=0, max_value=10**12)


@settings(derandomize=True, max_examples=200)
@given(payload=payloads, secret=secrets, t=timestamps, skew=st.floats(min_value=-300, max_value=300))
def test_sign_then_verify_round_trips(payload: bytes, secret: str | bytes, t: int, skew: float) -> None:
    header = sign_webhook(payload, secret, timestamp=t)
    assert header == f"t={t},v1={_hex(secret, t, payload)}"
    verify_webhook(payload, header, secret, now=t + skew)


@settings(derandomize=True, max_examples=200)
@given(
    payload=st.binary(min_size=1, max_size=512),
    secret=secrets,
    t=timestamps,
    data=st.data(),
)
def test_flipping_any_single_byte_of_the_body_is_rejected(
    payload: bytes, secret: str | bytes, t: int, data: st.DataObject
) -> None:
    header = sign_webhook(payload, secret, timestamp=t)
    index = data.draw(st.integers(min_value=0, max_value=len(payload) - 1), label="index")
    flip = data.draw(st.integers(min_value=1, max_value=255), label="xor")
    tampered = bytearray(payload)
    tampered[index] ^= flip
    with pytest.raises(WebhookVerificationError) as info:
        verify_webhook(bytes(tampered), header, secret, now=t)
    assert info.value.reason == "signature_mismatch"
