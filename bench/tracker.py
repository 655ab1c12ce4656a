"""Benchmark of the public pledge tracker on PostgreSQL. Prints figures; not a test.

    eval "$(scripts/services up 2>/dev/null)"
    DJANGO_SETTINGS_MODULE=portal.settings.dev .venv/bin/python bench/tracker.py [--companies 1000] [--runs 50]

Builds a throwaway database (its own name, dropped at the end whatever happens),
fills it with N companies x 5 public pledges (plus milestones, six yearly reports,
plants and a few drafts), then renders each tracker view with Django's test
client and prints the median and 95th-percentile time and the SQL query count.
"""

import argparse
import random
import time
from decimal import Decimal

from common import print_table, throwaway_database
from django.db import connection
from django.test import Client

from members.models import (
    MemberCompany,
    Milestone,
    Plant,
    Pledge,
    PledgeStatus,
    PledgeType,
    ProgressReport,
    Province,
    Sector,
    Verification,
)

TYPES = [
    PledgeType.EMISSIONS_PEAK,
    PledgeType.OPERATIONAL_NEUTRALITY,
    PledgeType.SUPPLY_CHAIN_NEUTRALITY,
    PledgeType.ABSOLUTE_REDUCTION,
    PledgeType.RENEWABLE_ELECTRICITY,
]


def build(companies: int, pledges_per_company: int) -> None:
    rng = random.Random(2060)  # noqa: S311 - seeded bench data, not security
    sectors, provinces = list(Sector.values), list(Province.values)
    MemberCompany.objects.bulk_create(
        MemberCompany(
            name_en=f"Bench Company {n:04d}",
            name_zh=f"基准公司{n:04d}",
            slug=f"bench-company-{n:04d}",
            sector=rng.choice(sectors),
            headquarters_country="Germany",
            member_since=rng.randint(2005, 2024),
            provinces=rng.sample(provinces, 2),
            profile_en="A bench company.",
        )
        for n in range(companies)
    )
    ids = list(MemberCompany.objects.values_list("pk", flat=True))
    pledges, reports, plants = [], [], []
    for company_id in ids:
        baseline = Decimal(rng.randint(10, 900) * 1000)
        for n in range(pledges_per_company):
            kind = TYPES[n % len(TYPES)]
            percent = kind == PledgeType.RENEWABLE_ELECTRICITY
            pledges.append(
                Pledge(
                    company_id=company_id,
                    pledge_type=kind,
                    scope_1=not percent,
                    scope_2=True,
                    scope_3=kind == PledgeType.SUPPLY_CHAIN_NEUTRALITY,
                    unit="percent" if percent else "tco2e",
                    baseline_year=2020,
                    baseline_value=Decimal(20) if percent else baseline,
                    target_year=rng.choice([2028, 2030, 2035, 2040, 2050, 2060]),
                    target_value=Decimal(100) if percent else Decimal(0),
                    status=rng.choice(PledgeStatus.values),
                    verification=rng.choice(Verification.values),
                    source_url="https://example.com/report.pdf",
                )
            )
        # A draft the public never sees.
        pledges.append(
            Pledge(company_id=company_id, pledge_type="net_zero", scope_1=True, target_year=2045, live=False)
        )
        value = baseline
        for year in range(2019, 2025):
            reports.append(
                ProgressReport(
                    company_id=company_id,
                    year=year,
                    scope_1=(value * Decimal("0.6")).quantize(Decimal(1)),
                    scope_2_market=(value * Decimal("0.4")).quantize(Decimal(1)),
                    scope_3=value * 5,
                )
            )
            value *= Decimal(str(rng.uniform(0.9, 1.02)))
        for n in range(2):
            plants.append(
                Plant(company_id=company_id, name=f"Plant {n}", city="Suzhou", province="JS", green_factory_year=2021)
            )
    Pledge.objects.bulk_create(pledges, batch_size=2000)
    ProgressReport.objects.bulk_create(reports, batch_size=2000)
    Plant.objects.bulk_create(plants, batch_size=2000)
    neutrality = Pledge.objects.filter(pledge_type=PledgeType.OPERATIONAL_NEUTRALITY).values_list("pk", flat=True)
    Milestone.objects.bulk_create(
        [
            Milestone(pledge_id=pk, year=year, value=1000, description="Interim")
            for pk in neutrality
            for year in (2025, 2030)
        ],
        batch_size=2000,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--companies", type=int, default=1000)
    parser.add_argument("--pledges", type=int, default=5, help="public pledges per company")
    parser.add_argument("--runs", type=int, default=50, help="renders per view")
    args = parser.parse_args()

    started = time.perf_counter()
    with throwaway_database("tracker"):
        build(args.companies, args.pledges)
        print(
            f"PostgreSQL {connection.pg_version // 10000}, database {connection.settings_dict['NAME']}: "
            f"{MemberCompany.objects.count()} companies, {Pledge.objects.public().count()} public pledges, "
            f"{Pledge.objects.filter(live=False).count()} drafts, {ProgressReport.objects.count()} reports "
            f"(built in {time.perf_counter() - started:.0f} s)"
        )
        client = Client()
        last = (args.companies + 24) // 25
        views = [
            ("tracker, first page", "/pledges/"),
            (f"tracker, page {last}", f"/pledges/?page={last}"),
            ("tracker, filtered + sorted", "/pledges/?scope=3&target_from=2030&sort=target"),
            ("tracker, search", "/pledges/?q=company+00"),
            ("tracker in Chinese", "/zh-hans/pledges/?sector=chemicals"),
            ("company page", f"/pledges/bench-company-{args.companies // 2:04d}/"),
            ("export CSV (all rows)", "/pledges/export.csv"),
            ("export XLSX (all rows)", "/pledges/export.xlsx"),
            ("export JSON (all rows)", "/pledges/export.json"),
        ]
        print_table(client, views, args.runs)


if __name__ == "__main__":
    main()
