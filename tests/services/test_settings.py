import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from sqlalchemy import select

from app.db.database import Database
from app.db.models import AuditLog
from app.domain.errors import InvalidValue
from app.services import settings
from app.services.operators import OperatorRef


def test_new_database_holds_the_provider_defaults(db: Database) -> None:
    view = settings.get_settings(db)
    assert view.consignor_code == "329273" and view.customer_number_prefix == "0329279"


def test_set_validates_and_audits(db: Database, operator: OperatorRef) -> None:
    settings.set_setting(db, "consignor_name", "株式会社サンプル", operator)
    with pytest.raises(InvalidValue, match="6桁"):
        settings.set_setting(db, "consignor_code", "12345", operator)
    with pytest.raises(InvalidValue, match="7桁"):
        settings.set_setting(db, "customer_number_prefix", "123", operator)
    with pytest.raises(InvalidValue, match="使える項目"):
        settings.set_setting(db, "colour", "red", operator)
    assert settings.get_settings(db).consignor_name == "株式会社サンプル"
    with db.read() as s:
        logs = list(s.scalars(select(AuditLog)))
    assert [(log.entity, log.changes) for log in logs] == [
        ("merchant_settings", {"consignor_name": ["", "株式会社サンプル"]})
    ]


@given(key=st.sampled_from(sorted(settings.SETTING_KEYS)), value=st.text(max_size=12))
@hsettings(max_examples=60, deadline=None)
def test_setting_validators_answer_a_value_or_the_domain_error(key: str, value: str) -> None:
    _, validate = settings.SETTING_KEYS[key]
    try:
        validate(value)
    except InvalidValue as error:
        assert error.message
