"""The one analysis every backend indexes and queries with: folding, stemming, Chinese words."""

import pytest
import rjieba

from search import analysis


def readable_terms(text: str, inner: bool = True) -> list[str]:
    return [analysis.readable(token.term) for token in analysis.tokens(analysis.fold(text), inner=inner)]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("vehicles", "vehicle"),
        ("trading", "traded"),
        ("emissions", "emission"),
        ("policies", "policy"),
        ("China’s", "china"),
        ("ＣＯ２", "co2"),  # full-width letters and digits
        ("碳達峰", "碳达峰"),  # traditional characters folded to simplified
    ],
)
def test_forms_of_one_word_give_one_term(one, other):
    assert analysis.terms(one) == analysis.terms(other)


def test_different_words_stay_apart():
    assert analysis.terms("energy") != analysis.terms("energetic steel")
    assert analysis.terms("2030") == ["2030"]


def test_chinese_is_cut_into_words_with_the_shorter_words_inside_the_longer_ones_after_them():
    assert readable_terms("生态保护修复的资金", inner=False) == ["生态", "保护", "修复", "的", "资金"]
    # Inner words follow their run, so a phrase of the run's words stays side by side.
    assert readable_terms("生态环境部发布") == ["生态环境", "部", "发布", "生态", "环境"]


def test_the_fields_own_words_stay_whole_and_words_cut_into_their_parts_stay_cut():
    # The general dictionary would cut 碳中和 into 碳中 / 和 (and 和 is a stopword).
    assert readable_terms("推进碳达峰碳中和", inner=False) == ["推进", "碳达峰", "碳中和"]
    assert {"可再生", "能源"} <= set(readable_terms("发展可再生能源"))
    # 碳 / 排放 / 权 are its own parts: a search for 碳 still finds it.
    assert readable_terms("碳排放权", inner=False) == ["碳", "排放", "权"]


def test_a_chinese_term_is_one_ascii_token_that_reads_back():
    term = analysis.chinese_term("碳达峰")
    assert term.isascii() and term.isalnum()
    assert analysis.readable(term) == "碳达峰"
    assert analysis.readable("vehicl") == "vehicl"


def test_streams_keep_each_text_and_its_inner_words_apart():
    streams = analysis.streams(["Hydrogen energy", "", "新能源汽车"])
    assert streams[0] == "hydrogen energi"
    assert [analysis.readable(t) for t in streams[1].split()] == ["新能源", "汽车"]
    assert [analysis.readable(t) for t in streams[2].split()] == ["能源"]


def test_analysis_remembers_a_word_as_written_for_each_english_term():
    analysed = analysis.analyse(["Emissions trading schemes"])
    assert analysed.words == {"emiss": "emissions", "trade": "trading", "scheme": "schemes"}


def test_offsets_point_into_the_text_as_written_even_when_folding_changes_its_length():
    text = "ﬁnal Ⅸ 碳達峰"  # the ligature and the numeral grow when folded
    folded, offsets = analysis.fold_with_offsets(text)
    found = analysis.tokens(folded, inner=False)
    spans = [text[offsets[token.start] : offsets[token.end]] for token in found]
    assert spans == ["ﬁnal", "Ⅸ", "碳達峰"]


def test_inner_words_tile_a_long_chinese_word():
    inner = analysis.inner_words(analysis.chinese_term("生态环境"))
    assert [analysis.readable(term) for term in inner] == ["生态", "环境"]
    assert analysis.inner_words(analysis.chinese_term("能源")) == []
    assert analysis.inner_words("vehicl") == []


@pytest.mark.parametrize(
    "run",
    [
        "中华人民共和国国家发展和改革委员会",  # long dictionary words, inside which are shorter ones
        "推进钢铁行业绿色低碳发展和温室气体减排",
        "生态环境导向的开发模式项目融资",
        "碳中和碳达峰人民人民币",  # a run word that is also inside a later, longer word
        "龘靐齉爩鬱鱻麤",  # rare characters: words the segmenter guesses, which alone it may cut otherwise
    ],
)
def test_the_inner_words_are_those_search_mode_adds_to_the_run(run):
    # Looked up a word at a time rather than by segmenting the run again: the same words, in the same order.
    cut = rjieba.cut(run)
    whole = set(cut)

    derived = [word for word in analysis._inner_words(run, cut) if word not in whole]

    assert derived == [word for word in rjieba.cut_for_search(run) if word not in whole]
    assert analysis.analyse([run]).streams[1:] == ([" ".join(map(analysis.chinese_term, derived))] if derived else [])
