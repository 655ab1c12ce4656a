"""Generated company logos for demo content: a coloured mark with initials and
the company's short name, drawn with Pillow so no image is downloaded."""

import hashlib

from PIL import Image, ImageDraw, ImageFont

PALETTE = [
    ("#0f5c4d", "#e8f3ef"),
    ("#1d4e89", "#e7eef8"),
    ("#7a3b12", "#f7ede5"),
    ("#4a3f8c", "#eeecf8"),
    ("#8a1c3b", "#f8e9ee"),
    ("#2f6b2f", "#ebf5e9"),
    ("#0b6e8a", "#e5f3f7"),
    ("#6b5b16", "#f6f2e1"),
]
SHAPES = ("circle", "square", "hexagon", "leaf")


def _font(size: int) -> ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def draw_logo(name: str, width: int = 480, height: int = 240) -> Image.Image:
    """A deterministic logo for `name`: same name, same picture."""
    digest = hashlib.sha256(name.encode()).digest()
    ink, paper = PALETTE[digest[0] % len(PALETTE)]
    shape = SHAPES[digest[1] % len(SHAPES)]
    words = name.split()
    initials = "".join(word[0] for word in words[:2]).upper()

    picture = Image.new("RGB", (width, height), paper)
    draw = ImageDraw.Draw(picture)
    size = int(height * 0.6)
    left, top = int(height * 0.2), (height - size) // 2
    box = (left, top, left + size, top + size)
    if shape == "circle":
        draw.ellipse(box, fill=ink)
    elif shape == "square":
        draw.rounded_rectangle(box, radius=size // 6, fill=ink)
    elif shape == "hexagon":
        draw.regular_polygon((left + size / 2, top + size / 2, size / 2), n_sides=6, fill=ink)
    else:
        draw.pieslice((left, top, left + size * 2, top + size * 2), 180, 270, fill=ink)
        draw.pieslice((left - size, top - size, left + size, top + size), 0, 90, fill=ink)
    draw.text((left + size / 2, top + size / 2), initials, fill=paper, font=_font(size // 2.4), anchor="mm")

    text_left = left + size + int(height * 0.12)
    draw.text((text_left, height / 2 - height * 0.02), words[0], fill=ink, font=_font(height // 5), anchor="ls")
    draw.text(
        (text_left, height / 2 + height * 0.14),
        " ".join(words[1:]).upper(),
        fill=ink,
        font=_font(height // 11),
        anchor="ls",
    )
    return picture
