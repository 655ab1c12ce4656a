"""How a record is cut into the passages that are embedded."""

import itertools

from search.semantic.chunks import MAX_CHUNKS, Chunk, chunks, windows

EN_SENTENCE = "The carbon market covers power plants and will add steel, cement and aluminium next year. "
ZH_SENTENCE = "全国碳排放权交易市场首个履约周期纳入发电行业重点排放单位二千一百余家。"


def words(text: str) -> int:
    return len(text.split())


def record(**values) -> dict:
    return {"title": "", "alt_title": "", "summary": "", "body": "", "passages": [], **values}


def test_the_head_holds_both_titles_and_the_summary():
    found = chunks(
        record(
            title="工业领域碳达峰实施方案",
            alt_title="Implementation plan for carbon peaking in industry",
            summary="Targets and tasks for industry.",
            body="Body text.",
        )
    )

    assert found[0] == Chunk(
        0,
        None,
        "工业领域碳达峰实施方案\nImplementation plan for carbon peaking in industry\nTargets and tasks for industry.",
    )
    assert found[1] == Chunk(1, None, "Body text.")


def test_pages_are_cut_apart_and_keep_their_numbers():
    found = chunks(
        record(
            title="Plan",
            passages=[{"page": 3, "text": EN_SENTENCE * 12}, {"page": 4, "text": "Annex: the list of sectors."}],
        )
    )

    pages = [chunk.page for chunk in found]
    assert pages[0] is None
    assert pages.count(3) == 2  # 192 words: two windows
    assert pages[-1] == 4 and found[-1].text == "Annex: the list of sectors."
    assert [chunk.ordinal for chunk in found] == list(range(len(found)))


def test_english_windows_are_about_120_words_cut_after_a_sentence_and_overlap():
    text = " ".join(f"Sentence {n} says the allowance price rose in the quarter." for n in range(60))

    found = windows(text)

    assert len(found) > 3
    assert all(60 <= words(piece) <= 150 for piece in found)
    assert all(piece.endswith(".") for piece in found)  # cut after a sentence
    for before, after in itertools.pairwise(found):
        # the next window starts with a sentence from the end of this one
        first = after.split(". ")[0] + "."
        assert before.endswith(first) or f"{first} " in before[-200:]


def test_a_text_without_sentence_ends_is_cut_between_words():
    found = windows(" ".join(f"word{n}" for n in range(500)))

    assert all(words(piece) <= 120 for piece in found)
    assert found[0].split()[0] == "word0" and found[-1].split()[-1] == "word499"
    assert found[1].split()[0] in found[0].split()  # a few words repeated


def test_chinese_windows_are_about_250_characters_and_mixed_text_is_measured_by_both():
    found = windows(ZH_SENTENCE * 30)

    assert len(found) > 2
    assert all(150 <= len(piece) <= 330 for piece in found)
    assert all(piece.endswith("。") for piece in found)
    assert " " not in found[0]  # lines and sentences joined without spaces between Chinese characters

    mixed = windows((ZH_SENTENCE + EN_SENTENCE) * 10)
    # a pair is 34 characters (16 words' worth) and 16 words, 320 in all: three windows of 120
    # (a character counted as a word would make five; characters ignored, two)
    assert len(mixed) == 3


def test_a_long_summary_leaves_the_head_and_goes_before_the_body():
    found = chunks(record(title="Plan", summary=EN_SENTENCE * 10, body="The body."))

    assert words(found[0].text) <= 130
    assert found[0].text.startswith("Plan\nThe carbon market")
    assert found[-1].text.endswith("The body.")
    assert sum(chunk.text.count("carbon market") for chunk in found) >= 10


def test_at_most_48_chunks_and_the_first_pages_are_kept():
    passages = [{"page": n, "text": EN_SENTENCE * 4} for n in range(1, 101)]

    found = chunks(record(title="Long report", passages=passages))

    assert len(found) == MAX_CHUNKS
    assert found[1].page == 1
    assert [chunk.page for chunk in found[1:]] == sorted(chunk.page for chunk in found[1:])


def test_the_cut_is_deterministic_and_skips_blank_text():
    value = record(title="标题", body=(ZH_SENTENCE + EN_SENTENCE) * 20, passages=[{"page": 1, "text": "  \n "}])

    assert chunks(value) == chunks(dict(value))
    assert all(chunk.text.strip() for chunk in chunks(value))
    assert chunks(record()) == []
