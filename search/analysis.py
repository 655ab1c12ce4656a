"""Text analysis, done once in Python for every backend.

The same function turns a record's text into the terms Elasticsearch,
PostgreSQL and SQLite index, and a query into the terms they look up, so a
word means the same thing whichever backend answers:

- folding: NFKC (full-width letters and digits become ASCII), traditional
  Chinese characters become simplified (OpenCC), lower case;
- English and other space-separated words: stemmed with Snowball's English
  stemmer ("vehicles", "vehicle" -> "vehicl"; "trading", "traded" -> "trade"),
  numbers and mixed words such as "co2" kept as they are, possessives dropped;
- Chinese: segmented into words by jieba (the jieba-rs binding, which ships
  its dictionary). A run is indexed as its words in order, followed, after a
  gap, by the shorter words inside its longer ones ("生态环境" also gives
  "生态" and "环境"), so a query word matches whichever way a text was cut.

A Chinese word becomes a term of ASCII letters and digits ("z" then the
hexadecimal code points), because the only analyser every Elasticsearch
cluster has (`standard`) would cut it into single characters; PostgreSQL's
parser and SQLite's tokenizer keep such a term whole too. `readable` turns it
back for explanations.

Positions matter for phrases: the terms of a field are a list of streams,
each a space-separated run of terms, and nothing matches as a phrase across
two streams (Elasticsearch puts 100 positions between array values; the
database backend writes `GAP` between them).
"""

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import opencc
import rjieba
import Stemmer

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_CHAR = re.compile(f"[{HAN}]")
# A Han run, or a word of letters and digits (apostrophes inside: "china's", "don't").
_PIECES = re.compile(f"(?P<han>[{HAN}]+)|(?P<word>[^\\W_{HAN}]+(?:['’][^\\W_{HAN}]+)*)")
_APOSTROPHE = re.compile("['’]")
_POSSESSIVE = re.compile("['’]s$")

# The field's own words, kept whole by the segmenter (its general dictionary cuts 碳中和 into 碳中 / 和).
WORDS_ZH = Path(__file__).with_name("words_zh.txt")
DOMAIN_WORDS = [
    line.strip() for line in WORDS_ZH.read_text(encoding="utf-8").splitlines() if line.strip() and line[0] != "#"
]
for _word in DOMAIN_WORDS:
    rjieba.add_word(_word, None, None)  # frequency suggested by the dictionary, no part of speech

# A term that never matches anything, put between streams where a backend cannot keep them apart itself.
GAP = "zzgap"
_CHINESE_PREFIX = "z"

# Function words left out of a query's clauses (they are still indexed, so quoted phrases keep them).
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "for",
        "to",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "into",
        "onto",
        "about",
        "as",
        "than",
        "then",
        "so",
        "if",
        "not",
        "no",
        "nor",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "do",
        "does",
        "did",
        "doing",
        "has",
        "have",
        "had",
        "having",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "their",
        "they",
        "them",
        "we",
        "our",
        "us",
        "you",
        "your",
        "i",
        "me",
        "my",
        "he",
        "she",
        "his",
        "her",
        "him",
        "how",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "why",
        "when",
        "where",
        "whether",
        "any",
        "all",
        "some",
        "such",
        "more",
        "most",
        "other",
        "also",
        "only",
        "very",
        "per",
        "via",
    ]
) | frozenset(
    [
        "的",
        "了",
        "和",
        "与",
        "及",
        "以及",
        "或",
        "或者",
        "是",
        "在",
        "对",
        "为",
        "等",
        "把",
        "被",
        "之",
        "其",
        "而",
        "并",
        "也",
        "都",
        "这",
        "那",
        "这些",
        "那些",
        "有",
        "哪些",
        "什么",
        "如何",
        "怎么",
        "怎样",
        "吗",
        "呢",
        "吧",
        "啊",
        "关于",
        "哪个",
        "是否",
        "我们",
        "我",
        "你",
        "请问",
        "一下",
    ]
)

_stemmer = Stemmer.Stemmer("english")
_to_simplified = opencc.OpenCC("t2s")


@dataclass(frozen=True, slots=True)
class Token:
    term: str  # what is indexed and looked up
    start: int  # where it stands in the text analysed (character offsets)
    end: int
    han: bool = False
    inner: bool = False  # a shorter word inside a longer Chinese one


def fold(text: str) -> str:
    """Full-width to half-width, traditional to simplified, lower case.

    Kept to the length of the text whenever the steps allow (they almost
    always do), so that offsets into the folded text are offsets into the
    text itself; `fold_with_offsets` covers the rest.
    """
    text = unicodedata.normalize("NFKC", text)
    if _HAN_CHAR.search(text):
        text = _to_simplified.convert(text)
    return text.lower()


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """The folded text, and for each of its characters the offset of the character it came from."""
    folded = fold(text)
    if len(folded) == len(text):
        return folded, list(range(len(text) + 1))
    pieces, offsets = [], []
    for index, character in enumerate(text):
        piece = fold(character)
        pieces.append(piece)
        offsets.extend([index] * len(piece))
    offsets.append(len(text))
    return "".join(pieces), offsets


def is_han(text: str) -> bool:
    return bool(_HAN_CHAR.search(text))


@functools.lru_cache(maxsize=200_000)
def chinese_term(word: str) -> str:
    return _CHINESE_PREFIX + "".join(f"{ord(character):05x}" for character in word)


def readable(term: str) -> str:
    """A term as a person reads it: Chinese words decoded, stems as they are."""
    if term.startswith(_CHINESE_PREFIX) and len(term) > 1 and (len(term) - 1) % 5 == 0:
        try:
            return "".join(chr(int(term[i : i + 5], 16)) for i in range(1, len(term), 5))
        except ValueError:
            return term
    return term


@functools.lru_cache(maxsize=50_000)
def word_term(word: str) -> str:
    """The term of a folded word of letters and digits."""
    word = _APOSTROPHE.sub("", _POSSESSIVE.sub("", word))
    if word.isalpha() and word.isascii():
        return _stemmer.stemWord(word)
    return word


@functools.lru_cache(maxsize=50_000)
def _english(term: str) -> bool:
    return term.isalpha() and term.isascii()


def _han_tokens(run: str, offset: int, inner: bool) -> Iterator[Token]:
    words = rjieba.tokenize(run)
    for word, start, end in words:
        yield Token(chinese_term(word), offset + start, offset + end, han=True)
    if inner:
        whole = {(start, end) for _, start, end in words}
        for word, start, end in rjieba.tokenize(run, mode="search"):
            if (start, end) not in whole:
                yield Token(chinese_term(word), offset + start, offset + end, han=True, inner=True)


def tokens(folded: str, inner: bool = True) -> list[Token]:
    """The tokens of folded text, in order; with `inner`, each Han run's inner words follow the run's words."""
    found: list[Token] = []
    for match in _PIECES.finditer(folded):
        if match.group("han"):
            found.extend(_han_tokens(match.group(), match.start(), inner))
        else:
            term = word_term(match.group())
            if term:
                found.append(Token(term, match.start(), match.end()))
    return found


@functools.lru_cache(maxsize=50_000)
def _inside(word: str) -> tuple[str, ...] | None:
    """The shorter words search mode finds inside `word`, in its order; None if alone it would not stay whole.

    Search mode cuts a run as `rjieba.cut` does, then puts before each word of three or more characters the
    dictionary's words of two and three characters inside it: they depend on the word alone, so are looked up
    once a word rather than segmenting every run twice (a third of a rebuild's analysis time).
    """
    found = rjieba.cut_for_search(word)
    return tuple(found[:-1]) if found[-1] == word else None


def _inner_words(run: str, cut: list[str]) -> list[str]:
    """The words `rjieba.cut_for_search(run)` adds to `cut` (the run's words), in its order.

    May hold some of the run's own words too (when a word is looked up as a whole run): the caller drops those.
    """
    found = []
    for word in cut:
        if len(word) > 2:
            inside = _inside(word)
            if inside is None:
                return rjieba.cut_for_search(run)
            found += inside
    return found


@dataclass
class Analysed:
    streams: list[str]  # space-separated terms, one stream after another
    words: dict[str, str]  # English-like term -> the first word as written that gave it (for spelling)


def analyse(texts: Iterable[str]) -> Analysed:
    """The terms of each text, as a list of streams for one indexed field.

    A text gives its words as one stream and, when it holds Chinese, the
    inner words of its longer words as a second stream: they add to what the
    field matches, never to its phrases. The same terms as `tokens`, without
    their offsets: indexing needs no offsets, and this runs for every record
    of a rebuild.
    """
    out, words = [], {}
    for text in texts:
        if not text:
            continue
        stream, inner = [], []
        for han, piece in _PIECES.findall(fold(text)):
            if han:
                cut = rjieba.cut(han)
                stream += map(chinese_term, cut)
                whole = set(cut)
                inner += (chinese_term(word) for word in _inner_words(han, cut) if word not in whole)
            else:
                term = word_term(piece)
                if term:
                    stream.append(term)
                    if term not in words and _english(term):
                        words[term] = piece
        out.extend(" ".join(part) for part in (stream, inner) if part)
    return Analysed(out, words)


def streams(texts: Iterable[str]) -> list[str]:
    return analyse(texts).streams


def terms(text: str) -> list[str]:
    """The terms of a short text as it is looked up (a query, a synonym): words only, in order."""
    return [token.term for token in tokens(fold(text), inner=False)]


def inner_words(term: str) -> list[str]:
    """For a Chinese term of three or more characters, the words inside it, in order ("生态环境" -> 生态, 环境).

    A text that cut the same characters into shorter words holds them as a phrase.
    """
    word = readable(term)
    if len(word) < 3 or not is_han(word):
        return []
    pieces = {(start, end) for _, start, end in rjieba.tokenize(word, mode="search")} - {(0, len(word))}
    parts, position = [], 0
    while position < len(word):
        end = max((e for s, e in pieces if s == position), default=position + 1)
        parts.append(chinese_term(word[position:end]))
        position = end
    return parts


def is_stopword_term(text: str) -> bool:
    return fold(text) in STOPWORDS
