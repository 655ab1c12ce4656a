"""EOD programmes in search: a programme page's record, which the catalogue and site search find.

Registered with the search app by `register()`, from the initiatives app's `ready()`.
"""

from initiatives.eod.bands import GAP_BANDS, SIZE_BANDS, band
from initiatives.eod.choices import EodSector, Instrument, ProgrammeStage
from initiatives.eod.models import EodProgrammePage
from members.models import Province
from search.records import Record, html_text, in_both_languages, live_pages, page_date, page_record
from search.registry import Source, register_source


def _choice_labels(choices, values) -> list:
    names = dict(choices)
    return [names[value] for value in values if value in names]


def programme_record(page: EodProgrammePage) -> Record:
    """An EOD programme's public side only: no contact details, costs or restricted documents.

    Search results and their highlights are shown to everyone, so nothing a
    financier alone may read is indexed.
    """
    components = [*page.environmental_components.all(), *page.industrial_components.all()]
    categories = page.green_categories()
    body = "\n".join(
        filter(None, [html_text(page.description), page.city, page.lead_agency, page.implementing_entity, page.code])
    )
    body = "\n".join(filter(None, [body, *(component.name for component in components)]))
    gap = page.financing_gap
    labels = in_both_languages(
        *_choice_labels(Province.choices, [page.province]),
        *_choice_labels(ProgrammeStage.choices, [page.stage]),
        *_choice_labels(EodSector.choices, page.sectors or []),
        *_choice_labels(Instrument.choices, page.instruments or []),
        *(component.get_kind_display() for component in components if hasattr(component, "get_kind_display")),
    )
    labels += [name for category in categories for name in (category.name_en, category.name_zh)]
    return page_record(
        page,
        summary=page.summary,
        body=body,
        date=page_date(page),
        labels=labels,
        province=page.province,
        stage=page.stage,
        sectors=sorted(page.sectors or []),
        instruments=sorted(page.instruments or []),
        investment=float(page.total_investment),
        gap=float(gap),
        size_band=band(page.total_investment, SIZE_BANDS),
        gap_band=band(gap, GAP_BANDS),
        categories=[category.key for category in categories],
    )


def register() -> None:
    register_source(
        Source(
            "initiatives.eodprogrammepage",
            live_pages(
                EodProgrammePage,
                "environmental_components__green_category",
                "industrial_components__green_category",
            ),
            programme_record,
        )
    )
