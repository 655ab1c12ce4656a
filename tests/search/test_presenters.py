"""How the search page names what it found."""

from django.utils import translation

from search import presenters


def test_content_type_facets_keep_their_names_as_written_in_both_languages():
    assert presenters._type_label("initiatives.eodprogrammepage") == "EOD programmes"
    with translation.override("zh-hans"):
        assert presenters._type_label("initiatives.eodprogrammepage") == "EOD项目"
    assert presenters._type_label("portal.policydocument") == "Policy documents"
