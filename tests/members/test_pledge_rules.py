"""Bad pledge and report data is refused with a message on the field at fault."""

import pytest
from django.core.exceptions import ValidationError

from tests.members.factories import MemberCompanyFactory, PledgeFactory, ProgressReportFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"baseline_year": 2020, "target_year": 2019}, "target_year", "cannot be before the baseline year"),
        ({"target_year": 2101}, "target_year", "less than or equal to 2100"),
        ({"baseline_value": -5}, "baseline_value", "greater than or equal to 0"),
        ({"unit": "percent", "target_value": 120}, "target_value", "above 100"),
        ({"scope_1": False, "scope_2": False, "scope_3": False}, "scope_1", "at least one scope"),
        ({"baseline_year": None, "baseline_value": 1000}, "baseline_year", "year the baseline value refers to"),
    ],
)
def test_invalid_pledges_are_refused_on_the_right_field(changes, field, message):
    pledge = PledgeFactory.build(company=MemberCompanyFactory(), **changes)

    with pytest.raises(ValidationError) as refused:
        pledge.full_clean()

    assert field in refused.value.message_dict
    assert message in " ".join(refused.value.message_dict[field])


def test_a_valid_pledge_passes():
    PledgeFactory.build(company=MemberCompanyFactory()).full_clean()


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"scope_1": -1}, "scope_1"), ({"renewable_share": 101}, "renewable_share"), ({"year": 2101}, "year")],
)
def test_invalid_reports_are_refused(changes, field):
    report = ProgressReportFactory.build(company=MemberCompanyFactory(), **changes)

    with pytest.raises(ValidationError) as refused:
        report.full_clean()

    assert field in refused.value.message_dict


def test_one_report_per_company_and_year():
    first = ProgressReportFactory(year=2022)
    duplicate = ProgressReportFactory.build(company=first.company, year=2022)

    with pytest.raises(ValidationError):
        duplicate.full_clean()


def test_unknown_province_codes_are_refused():
    company = MemberCompanyFactory.build(provinces=["JS", "XX"])
    with pytest.raises(ValidationError, match="XX"):
        company.full_clean()
