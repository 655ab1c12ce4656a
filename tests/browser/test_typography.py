"""Latin text is drawn by a Latin face and Chinese text by a CJK face, measured in Chromium.

CJK fonts carry the curly quotes shared with Latin text as full-width glyphs, so a stack
that lets them draw English punctuation turns "Members’ climate pledges" into
"Members’　climate pledges". The widths are read in em of the element's own font size.
"""

import pytest

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Each text goes in its own unbreakable box inside the element, so it takes the element's font.
MEASURE_IN_EM = """async ([selector, texts]) => {
    const host = document.querySelector(selector);
    const boxes = texts.map((text) => {
        const box = document.createElement("span");
        box.style.cssText = "display: inline-block; white-space: pre";
        box.textContent = text;
        host.append(box);
        return box;
    });
    await document.fonts.ready;
    const em = parseFloat(getComputedStyle(host).fontSize);
    const widths = boxes.map((box) => box.getBoundingClientRect().width / em);
    boxes.forEach((box) => box.remove());
    return widths;
}"""


def test_latin_text_takes_a_latin_face_and_chinese_text_a_cjk_face(browser, site):
    page = browser.new_page()
    page.goto(site + "/pledges/")
    for selector in ("h1", ".page-header .lead"):  # bold and regular faces
        with_apostrophe, without, apostrophe, han = page.evaluate(
            MEASURE_IN_EM, [selector, ["Members’ climate pledges", "Members climate pledges", "’", "中"]]
        )

        assert apostrophe < han / 2, f"{selector}: ’ is {apostrophe:.2f}em, 中 {han:.2f}em: a CJK face draws ’"
        assert with_apostrophe - without < 0.45, f"{selector}: the apostrophe adds {with_apostrophe - without:.2f}em"
        assert 0.9 < han < 1.1, f"{selector}: 中 on an English page is {han:.2f}em, not drawn by a CJK face"

    page.goto(site + "/zh-hans/pledges/")
    han, pair, quoted = page.evaluate(MEASURE_IN_EM, ["h1", ["中", "中文", "中“文"]])

    assert 0.9 < han < 1.1, f"中 on a Chinese page is {han:.2f}em"
    # On Chinese pages the CJK face comes first, so quotation marks keep their full-width Chinese form.
    assert quoted - pair > 0.8, f"“ is {quoted - pair:.2f}em wide in Chinese text"
