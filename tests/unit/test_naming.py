from __future__ import annotations

import random

import pytest
from specloom.naming import allocate, constant, is_identifier, pascal, snake


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("getProjects", "get_projects"),
        ("get_projects", "get_projects"),
        ("department-id", "department_id"),
        ("gpu-memory", "gpu_memory"),
        ("from", "from_"),
        ("class", "class_"),
        ("enforceRun:aiScheduler", "enforce_run_ai_scheduler"),
        ("404NotFound", "n404_not_found"),
        ("HTTPServer", "http_server"),
        ("naïve", "naive"),
        ("type", "type_"),
        ("", "value"),
        ("$", "value"),
    ],
)
def test_snake(text: str, expected: str) -> None:
    assert snake(text) == expected
    assert is_identifier(snake(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Department", "Department"),
        ("department", "Department"),
        ("DistributedInferenceServingPortRules-2", "DistributedInferenceServingPortRules2"),
        ("404NotFound", "N404NotFound"),
        ("None", "None_"),
        ("True", "True_"),
        ("名前", "Model"),
    ],
)
def test_pascal(text: str, expected: str) -> None:
    assert pascal(text) == expected
    assert is_identifier(pascal(text))


@pytest.mark.parametrize(
    ("value", "expected"),
    [("True", "TRUE"), ("None", "NONE"), ("", "EMPTY"), ("In Progress", "IN_PROGRESS"), ("7d", "V7_D")],
)
def test_constant(value: str, expected: str) -> None:
    assert constant(value) == expected


def test_long_names_are_cut_stably_and_stay_distinct() -> None:
    a, b = "x" * 300 + "a", "x" * 300 + "b"
    assert len(snake(a)) <= 64 and len(pascal(a)) <= 64
    assert snake(a) != snake(b)
    assert snake(a) == snake(a)


def test_long_names_keep_their_first_and_last_words_without_a_hash() -> None:
    text = "EnterpriseConfigurationContentAndSharingIsAutoDeleteExpirationModificationPrevented"
    assert snake(text) == "enterprise_is_auto_delete_expiration_modification_prevented"
    assert pascal(text) == "EnterpriseAndSharingIsAutoDeleteExpirationModificationPrevented"
    assert constant(text) == "ENTERPRISE_IS_AUTO_DELETE_EXPIRATION_MODIFICATION_PREVENTED"


def test_allocate_ranks_by_identity_not_input_order() -> None:
    candidates = [
        ("getProjects", "get_projects", (1, "/v1/k8s/projects", "get")),
        ("get_projects", "get_projects", (0, "/api/v1/projects", "get")),
        ("get-projects", "get_projects", (1, "/api/v2/projects", "get")),
        ("other", "other", (0, "/other", "get")),
    ]
    expected = {"get_projects": "get_projects", "get-projects": "get_projects_2", "getProjects": "get_projects_3", "other": "other"}
    for seed in range(20):
        shuffled = candidates[:]
        random.Random(seed).shuffle(shuffled)
        assert allocate(shuffled, fold=str) == expected


def test_allocate_folds_case_for_file_names_and_respects_taken() -> None:
    names = allocate([("Department", "Department", (0,)), ("department", "Department", (1,))], taken=["options"])
    assert names == {"Department": "Department", "department": "Department_2"}
    assert allocate([("a", "options", (0,))], taken=["options"]) == {"a": "options_2"}
