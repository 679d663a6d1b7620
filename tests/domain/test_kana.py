import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.kana import ALLOWED, FieldClass, KanaError, fit, to_bank_kana, to_display_kana


@pytest.mark.parametrize(
    ("typed", "bank"),
    [
        ("やまだ たろう", "ﾔﾏﾀﾞ ﾀﾛｳ"),  # hiragana
        ("ヤマダ　タロウ", "ﾔﾏﾀﾞ ﾀﾛｳ"),  # full-width katakana and space
        ("ﾔﾏﾀﾞ ﾀﾛｳ", "ﾔﾏﾀﾞ ﾀﾛｳ"),  # already half-width
        ("キュウ", "ｷﾕｳ"),  # small kana to large
        ("ガッコウ", "ｶﾞﾂｺｳ"),
        ("スーパー", "ｽ-ﾊﾟ-"),  # long vowel to -
        ("ヴィオラ", "ｳﾞｲｵﾗ"),
        ("abc１２３ＸＹＺ", "ABC123XYZ"),  # lowercase and full-width letters and digits
        ("株式会社ヤマダショウジ", "ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ"),  # designation at the start
        ("ヤマダショウジ株式会社", "ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ"),  # at the end
        ("ヤマダ株式会社ショウジ", "ﾔﾏﾀﾞ(ｶ)ｼﾖｳｼﾞ"),  # in the middle
        ("カブシキガイシャ ヤマダ", "ｶ)ﾔﾏﾀﾞ"),  # typed in kana, with a space
        ("有限会社サトウ", "ﾕ)ｻﾄｳ"),
        ("医療法人ケンコウカイ", "ｲ)ｹﾝｺｳｶｲ"),
        ("ヤマダ（タロウ）", "ﾔﾏﾀﾞ(ﾀﾛｳ)"),
        ("カ゛ッコウ", "ｶﾞﾂｺｳ"),  # a voiced mark typed apart
    ],
)
def test_conversions(typed: str, bank: str) -> None:
    assert to_bank_kana(typed) == bank


@pytest.mark.parametrize(
    ("typed", "named"),
    [
        ("山田たろう", "1文字目「山」"),
        ("ヤマダ・タロウ", "4文字目「・」"),
        ("タロウ😀", "4文字目「😀」"),
        ("タロウ,ハナコ", "4文字目「,」"),
        ("ﾀﾛｳ*", "4文字目「*」"),
    ],
)
def test_unconvertible_characters_are_named_with_their_position(typed: str, named: str) -> None:
    with pytest.raises(KanaError) as raised:
        to_bank_kana(typed)
    assert named in raised.value.message


def test_bank_name_class_refuses_party_only_symbols() -> None:
    assert to_bank_kana("ミズホ", FieldClass.BANK_NAME) == "ﾐｽﾞﾎ"
    with pytest.raises(KanaError):
        to_bank_kana("ミズホ (シ)", FieldClass.BANK_NAME)


def test_fit_never_splits_a_voiced_mark() -> None:
    assert fit("ｶﾞｶﾞｶﾞ", 3) == "ｶﾞ"
    assert fit("ｶﾞｶﾞｶﾞ", 4) == "ｶﾞｶﾞ"
    assert fit("ﾀﾛｳ", 10) == "ﾀﾛｳ"


def test_display_form_is_full_width_katakana() -> None:
    assert to_display_kana("やまだ ﾀﾛｳ") == "ヤマダ タロウ"


kana_like = st.text(
    alphabet=st.sampled_from(list("あいうえおかがきゃっゆーアガキャッヴヲンｶﾞﾊﾟｰ ＡaZ09（）.-　株式会社有限山・,*😀゛")),
    max_size=25,
)


@given(st.one_of(kana_like, st.text(max_size=25)))
def test_any_input_converts_to_the_bank_set_or_raises_kana_error(typed: str) -> None:
    try:
        bank = to_bank_kana(typed)
    except KanaError as error:
        assert error.bad and all(1 <= b.position <= len(typed) for b in error.bad)
        return
    assert all(c in ALLOWED[FieldClass.PARTY_NAME] for c in bank)
    assert bank.encode("cp932").decode("cp932") == bank and len(bank.encode("cp932")) == len(bank)
    assert to_bank_kana(bank) == bank  # converting the bank form again changes nothing


@given(kana_like, st.integers(min_value=1, max_value=30))
def test_fit_keeps_marks_with_their_kana(typed: str, length: int) -> None:
    try:
        bank = to_bank_kana(typed)
    except KanaError:
        return
    cut = fit(bank, length)
    assert len(cut) <= length and bank.startswith(cut)
    if len(cut) < len(bank):
        assert bank[len(cut)] not in "ﾞﾟ"
