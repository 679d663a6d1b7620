from datetime import date

from app.domain.lifecycle import next_step, presumed_complete


def test_presumed_complete_after_six_quiet_weeks() -> None:
    # REG-3: the bank never confirms; six weeks after sending without a return the form is presumed complete
    assert not presumed_complete("sent", date(2026, 11, 2), date(2026, 12, 13))
    assert presumed_complete("sent", date(2026, 11, 2), date(2026, 12, 14))
    assert not presumed_complete("returned", date(2026, 11, 2), date(2027, 1, 1))
    assert next_step("sent", date(2026, 11, 2), date(2026, 11, 20)) == "返却がなければ 2026-12-14 に登録済とみなす"
    assert next_step("sent", date(2026, 11, 2), date(2026, 12, 14)).startswith("返却なし・未確認")
    assert next_step("keyed", None, date(2026, 11, 20)) == "次の発送で送付"
    assert next_step("returned", None, date(2026, 11, 20)) == "お客様に新しい依頼書を依頼"
