"""Demo financiers: three approved (a bank, a fund, a development finance institution) and one waiting for
approval, with mandates, saved searches and expressions of interest in demo EOD programmes.

Idempotent: people are found by their email (their username), saved searches
by their query string, expressions of interest by financier and programme.
Nothing here sends email or queues a task: approval is recorded directly, and
saved searches start from everything already in the catalogue (their
baseline), so the first alert lists only programmes published afterwards.
"""

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from initiatives.eod.access import FINANCIERS_GROUP
from initiatives.eod.catalogue import canonical_querystring
from initiatives.financiers.accounts import financiers_group
from initiatives.financiers.alerts import matches_for
from initiatives.models import (
    AlertItem,
    EodProgrammePage,
    ExpressionOfInterest,
    Financier,
    FinancierMandate,
    SavedSearch,
)

# A documented demo login, never used outside the demo.
FINANCIER_PASSWORD = "demo-financier-2060"  # noqa: S105

Status = Financier.Status
Frequency = SavedSearch.Frequency

# email, full name, organisation, kind, position, phone, language, status
FINANCIERS = [
    ("lina@yangtze-green-bank.example.com", "Li Na", "Yangtze Green Bank", Financier.Kind.BANK,
     "Head of green credit", "+86 27 5555 0101", "en", Status.APPROVED),
    ("d.weber@eurasia-infra-fund.example.com", "Daniel Weber", "Eurasia Infrastructure Fund", Financier.Kind.FUND,
     "Investment director, Asia", "+852 5555 0102", "en", Status.APPROVED),
    ("chen.jing@silkroad-dfi.example.org", "陈静", "丝路开发金融公司", Financier.Kind.DFI,
     "项目融资经理", "+86 10 5555 0103", "zh-hans", Status.APPROVED),
    ("zhao.lei@pearl-insurance.example.com", "Zhao Lei", "Pearl River Insurance Asset Management",
     Financier.Kind.INSURER, "Senior analyst, infrastructure", "", "en", Status.PENDING),
]  # fmt: skip

# email -> [(name, query string, frequency)]; query strings are stored in the catalogue's canonical form.
SAVED_SEARCHES = {
    "lina@yangtze-green-bank.example.com": [
        ("Loans in the Yangtze provinces", "instrument=loan&province=HB&province=HN&province=JX", Frequency.DAILY),
        ("Wetlands still seeking financing", "q=wetland&stage=seeking-financing", Frequency.WEEKLY),
    ],
    "d.weber@eurasia-infra-fund.example.com": [
        ("Equity, gap of 500 million or more", "gap_min=500&instrument=equity", Frequency.WEEKLY),
        ("Clean energy", "sector=clean-energy", Frequency.OFF),
    ],
    "chen.jing@silkroad-dfi.example.org": [
        ("西部省份的担保与PPP", "instrument=guarantee&instrument=ppp&province=GS&province=QH&province=YN", Frequency.DAILY),
    ],
}  # fmt: skip

# email -> the approved financier's mandate (amounts CNY million, share percent); each one fits some programmes.
MANDATES = {
    "lina@yangtze-green-bank.example.com": {
        "provinces": ["HB", "HN", "JX", "AH"],
        "sectors": ["eco-tourism", "green-agriculture", "water-services"],
        "instruments": ["loan", "bond"],
        "stages": ["approved", "seeking-financing"],
        "ticket_min": Decimal(100),
        "ticket_max": Decimal(1500),
        "min_proceeds_share": Decimal(20),
    },
    "d.weber@eurasia-infra-fund.example.com": {
        "sectors": ["clean-energy", "circular-economy", "eco-tourism"],
        "instruments": ["equity", "ppp"],
        "stages": ["seeking-financing"],
        "ticket_min": Decimal(300),
        "ticket_max": Decimal(3000),
    },
    "chen.jing@silkroad-dfi.example.org": {
        "provinces": ["GS", "QH", "YN", "NX", "XJ"],
        "instruments": ["guarantee", "ppp", "loan"],
        "stages": ["concept", "approved", "seeking-financing"],
        "min_proceeds_share": Decimal(30),
    },
}

# email -> [(instrument, from, to, status, message, staff note)], one per programme, taken in catalogue order.
INTERESTS = {
    "lina@yangtze-green-bank.example.com": [
        ("loan", Decimal(200), Decimal(450), ExpressionOfInterest.Status.IN_DISCUSSION,
         "We can offer a 15-year green loan at a preferential rate, with a grace period during construction.",
         "The programme team met the bank on site; term sheet expected next month."),
        ("bond", Decimal(300), Decimal(600), ExpressionOfInterest.Status.SUBMITTED,
         "We could arrange a green bond once the environmental impact assessment is approved.", ""),
    ],
    "d.weber@eurasia-infra-fund.example.com": [
        ("equity", Decimal(150), Decimal(250), ExpressionOfInterest.Status.ACKNOWLEDGED,
         "Interested in a minority stake in the eco-tourism company, with a board seat.",
         "Passed to the programme's contact; they will share the financial model."),
    ],
}  # fmt: skip


def _programmes() -> list[EodProgrammePage]:
    """Live original-language programmes still seeking money, largest gap first."""
    programmes = EodProgrammePage.objects.live().filter(locale=Locale.get_default()).order_by("code")
    return sorted((p for p in programmes if p.financing_gap > 0), key=lambda p: (-p.financing_gap, p.code))


def _financier(spec, approver) -> Financier:
    email, full_name, organisation, kind, position, phone, language, status = spec
    user, _ = get_user_model().objects.get_or_create(username=email, defaults={"email": email})
    user.email, user.first_name = email, full_name
    user.set_password(FINANCIER_PASSWORD)
    user.save()
    financier, _ = Financier.objects.update_or_create(
        user=user,
        defaults={
            "full_name": full_name,
            "organisation": organisation,
            "kind": kind,
            "position": position,
            "phone": phone,
            "language": language,
            "status": status,
            "consented_at": timezone.now(),
        },
    )
    if status == Status.APPROVED:
        if financier.decided_at is None:
            financier.decided_at = timezone.now()
            financier.decided_by = approver
            financier.save(update_fields=["decided_at", "decided_by"])
        user.groups.add(financiers_group())
    else:
        user.groups.remove(*user.groups.filter(name=FINANCIERS_GROUP))
    return financier


def _saved_searches(financier: Financier, specs) -> int:
    created = 0
    for name, query, frequency in specs:
        querystring = canonical_querystring(query)
        saved, made = SavedSearch.objects.get_or_create(
            financier=financier,
            querystring=querystring,
            defaults={"name": name, "frequency": frequency, "last_run_at": timezone.now()},
        )
        created += made
        if made:  # everything in the catalogue now counts as known: alerts start with what comes next
            keys = EodProgrammePage.objects.live().values_list("translation_key", flat=True).distinct()
            AlertItem.objects.bulk_create(
                [
                    AlertItem(saved_search=saved, programme=match.programme, programme_version=match.version)
                    for match in matches_for(list(keys))
                ],
                ignore_conflicts=True,
            )
    return created


def _mandate(financier: Financier, values: dict | None) -> bool:
    if not values:
        return False
    empty = {"provinces": [], "sectors": [], "instruments": [], "stages": []}
    _mandate, made = FinancierMandate.objects.update_or_create(financier=financier, defaults={**empty, **values})
    return made


def _interests(financier: Financier, specs, programmes, offset: int) -> int:
    created = 0
    for index, (instrument, low, high, status, message, note) in enumerate(specs):
        if offset + index >= len(programmes):
            break
        programme = programmes[offset + index]
        high = min(high, programme.financing_gap)
        low = min(low, high)
        _interest, made = ExpressionOfInterest.objects.get_or_create(
            financier=financier,
            programme=programme,
            defaults={
                "programme_title": programme.title,
                "amount_min": low,
                "amount_max": high,
                "instrument": instrument,
                "message": message,
                "status": status,
                "staff_note": note,
                "status_changed_at": timezone.now() if status != ExpressionOfInterest.Status.SUBMITTED else None,
            },
        )
        created += made
    return created


@transaction.atomic
def load_financiers(stdout=None) -> dict:
    approver = get_user_model().objects.filter(username="moderator").first()
    programmes = _programmes()
    counts = {"financiers": 0, "saved_searches": 0, "interests": 0, "mandates": 0}
    offset = 0
    for spec in FINANCIERS:
        financier = _financier(spec, approver)
        counts["financiers"] += 1
        email = spec[0]
        counts["saved_searches"] += _saved_searches(financier, SAVED_SEARCHES.get(email, []))
        counts["mandates"] += _mandate(financier, MANDATES.get(email))
        counts["interests"] += _interests(financier, INTERESTS.get(email, []), programmes, offset)
        offset += len(INTERESTS.get(email, []))
    counts["logins"] = [(spec[0], spec[7]) for spec in FINANCIERS]
    if stdout is not None:
        stdout.write(
            f"Financiers: {counts['financiers']} ({counts['saved_searches']} new saved searches, "
            f"{counts['interests']} new expressions of interest, {counts['mandates']} new mandates)."
        )
    return counts
