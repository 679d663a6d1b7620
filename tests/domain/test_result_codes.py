from app.domain.result_codes import RESULT_CODES, lookup_result_code


def test_every_code_of_res_1_is_known_with_labels_and_follow_up() -> None:
    assert sorted(RESULT_CODES) == ["0", "1", "2", "3", "4", "8", "9"]
    assert lookup_result_code("1").label_ja == "資金不足"
    assert lookup_result_code("8").label_en == "stopped by consignor"
    assert all(c.follow_up and c.meaning for c in RESULT_CODES.values())
    assert lookup_result_code("0").paid and not lookup_result_code("1").paid


def test_unknown_code_is_kept_and_shown_as_unknown() -> None:
    code = lookup_result_code("N")
    assert not code.known and code.code == "N" and "N" in code.label_ja and code.label_en == "unknown code N"
