"""Pictures for the demo events, drawn with Pillow so nothing is downloaded: hero banners,
gallery "photos" of rooms and plants, speaker portraits and slide decks saved as PDF.

Every drawing is deterministic for its arguments, so a second run draws the same thing.
"""

import hashlib
import math
import random
from io import BytesIO

from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERO_SIZE = (1600, 700)
PHOTO_SIZE = (1200, 800)
PORTRAIT_SIZE = 400
SLIDE_SIZE = (1280, 720)

# (sky top, sky bottom, shapes...) per hero; each hero has its own motif.
HERO_PALETTES = [
    ("#fbe3c8", "#f2a66a", "#c4553a", "#7a2e2a", "#3c1f2e"),  # dusk hills
    ("#dff1fb", "#9fd0ea", "#2b6f8f", "#f7f9fa", "#1c3d52"),  # wind farm
    ("#eaf4ff", "#bcd6f2", "#1f3f77", "#5d86c5", "#f5c542"),  # solar field
    ("#e3f7f4", "#9ee0d6", "#137a70", "#f3fffd", "#0b4a44"),  # hydrogen bubbles
    ("#f1f6e9", "#cde4b0", "#4d8a2a", "#86b85a", "#233f14"),  # circular arrows
    ("#eeeae4", "#cfc6b8", "#5c4f43", "#6fae7a", "#2f2823"),  # factory and leaves
    ("#e8ecf7", "#b7c3e6", "#2d3e77", "#f0b35a", "#161f3d"),  # skyline and river
    ("#f4f1fa", "#d8cdee", "#5b3f99", "#e86b5a", "#2a1d48"),  # falling bars
]
HERO_MOTIFS = ["hills", "wind", "solar", "bubbles", "cycle", "factory", "skyline", "bars"]


def _hex(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


def _gradient(size: tuple[int, int], top: str, bottom: str) -> Image.Image:
    """A vertical gradient, drawn as a 1-pixel-wide strip and stretched (fast at any size)."""
    width, height = size
    (r1, g1, b1), (r2, g2, b2) = _hex(top), _hex(bottom)
    strip = Image.new("RGB", (1, height))
    strip.putdata(
        [
            (round(r1 + (r2 - r1) * y / height), round(g1 + (g2 - g1) * y / height), round(b1 + (b2 - b1) * y / height))
            for y in range(height)
        ]
    )
    return strip.resize((width, height))


def _font(size: int) -> ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def draw_hero(number: int) -> Image.Image:
    """Hero banner number `number` (0-7): an abstract scene about the energy transition."""
    sky_top, sky_bottom, main, second, dark = HERO_PALETTES[number % len(HERO_PALETTES)]
    motif = HERO_MOTIFS[number % len(HERO_MOTIFS)]
    width, height = HERO_SIZE
    rng = random.Random(f"hero-{number}")
    picture = _gradient(HERO_SIZE, sky_top, sky_bottom)
    draw = ImageDraw.Draw(picture)

    def ground(level: float, colour: str, amplitude: float = 30, period: float = 260) -> None:
        phase = rng.uniform(0, math.tau)
        points = [(0, height)]
        points += [(x, height * level + amplitude * math.sin(x / period + phase)) for x in range(0, width + 40, 40)]
        draw.polygon([*points, (width, height)], fill=colour)

    if motif == "hills":
        draw.ellipse((1080, 120, 1320, 360), fill="#fff1d6")
        for level, colour, amplitude in ((0.58, main, 45), (0.7, second, 35), (0.84, dark, 25)):
            ground(level, colour, amplitude)
    elif motif == "wind":
        ground(0.78, main, 20, 400)
        for index in range(7):
            x = 140 + index * 220 + rng.randint(-40, 40)
            scale = rng.uniform(0.55, 1.0)
            hub_y = height * 0.78 - 360 * scale
            draw.line((x, height * 0.78, x, hub_y), fill=second, width=max(4, int(10 * scale)))
            turn = rng.uniform(0, math.tau)
            for blade in range(3):
                angle = turn + blade * math.tau / 3
                tip = (x + 150 * scale * math.cos(angle), hub_y + 150 * scale * math.sin(angle))
                draw.line(((x, hub_y), tip), fill=second, width=max(3, int(8 * scale)))
            draw.ellipse((x - 9 * scale, hub_y - 9 * scale, x + 9 * scale, hub_y + 9 * scale), fill=dark)
    elif motif == "solar":
        draw.ellipse((1250, 60, 1430, 240), fill=dark)
        ground(0.55, "#9cbf8a", 10, 500)
        for row in range(6):
            y = height * 0.58 + row * 48
            shrink = 1 - row * 0.05
            for column in range(-2, 16):
                x = column * 120 * shrink + row * 40
                panel = [(x, y), (x + 100 * shrink, y), (x + 110 * shrink, y + 36), (x + 8, y + 36)]
                draw.polygon(panel, fill=main if (row + column) % 5 else second, outline="#dfe9f7")
    elif motif == "bubbles":
        ground(0.86, dark, 12, 300)
        for _ in range(70):
            radius = rng.choice([14, 22, 34, 50, 70])
            x, y = rng.randint(0, width), rng.randint(0, int(height * 0.85))
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), outline=second, width=4)
            if radius > 30:  # an H2 molecule: two atoms joined
                draw.ellipse((x - radius // 3 - 12, y - 12, x - radius // 3 + 12, y + 12), fill=main)
                draw.ellipse((x + radius // 3 - 12, y - 12, x + radius // 3 + 12, y + 12), fill=main)
                draw.line((x - radius // 3, y, x + radius // 3, y), fill=main, width=6)
    elif motif == "cycle":
        centre, radius = (width * 0.5, height * 0.5), 230
        for index in range(3):
            start = index * 120 + 10
            box = (centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius)
            draw.arc(box, start, start + 95, fill=[main, second, dark][index], width=48)
            end = math.radians(start + 95)
            tip = (centre[0] + radius * math.cos(end), centre[1] + radius * math.sin(end))
            heading = end + math.pi / 2
            left = (tip[0] + 50 * math.cos(heading - 2.5), tip[1] + 50 * math.sin(heading - 2.5))
            right = (tip[0] + 50 * math.cos(heading + 2.5), tip[1] + 50 * math.sin(heading + 2.5))
            ahead = (tip[0] + 50 * math.cos(heading), tip[1] + 50 * math.sin(heading))
            draw.polygon([left, ahead, right], fill=[main, second, dark][index])
        for _ in range(24):
            x, y = rng.randint(0, width), rng.randint(0, height)
            draw.ellipse((x - 6, y - 6, x + 6, y + 6), fill=second)
    elif motif == "factory":
        ground(0.8, dark, 6, 600)
        left = 260
        for _building in range(4):
            top = height * 0.8 - rng.randint(120, 220)
            draw.rectangle((left, top, left + 190, height * 0.8), fill=main)
            draw.rectangle((left + 130, top - 160, left + 160, top), fill=main)
            for puff in range(4):  # the chimney's plume turns into leaves
                x, y = left + 145 + puff * 38, top - 190 - puff * 55
                draw.ellipse((x - 26, y - 14, x + 26, y + 14), fill=second)
            left += 280
    elif motif == "skyline":
        x = 0
        while x < width:
            building = rng.randint(60, 140)
            top = height * 0.72 - rng.randint(60, 330)
            draw.rectangle((x, top, x + building, height * 0.72), fill=dark if rng.random() < 0.5 else main)
            for wy in range(int(top) + 16, int(height * 0.72) - 16, 28):
                for wx in range(x + 12, x + building - 12, 24):
                    if rng.random() < 0.3:
                        draw.rectangle((wx, wy, wx + 8, wy + 12), fill=second)
            x += building + rng.randint(4, 20)
        draw.rectangle((0, height * 0.72, width, height), fill=main)
        for line in range(8):
            y = height * 0.76 + line * 22
            draw.line([(px, y + 6 * math.sin(px / 50 + line)) for px in range(0, width, 20)], fill=second, width=3)
    else:  # bars: yearly emissions rising to a peak, then falling toward zero
        bars = 24
        for index in range(bars):
            value = math.exp(-(((index / bars) - 0.35) ** 2) / 0.05) * 0.8 + 0.05
            x = 120 + index * 58
            draw.rectangle((x, height * 0.9 - value * 480, x + 40, height * 0.9), fill=main if index < 9 else second)
        draw.line((80, height * 0.9, width - 80, height * 0.9), fill=dark, width=4)
    return picture


# --- Gallery photographs ------------------------------------------------------------

PHOTO_SCENES = ["plenary", "panel", "plant", "lab", "coffee", "workshop", "posters", "rooftop"]
SKIN_AND_HAIR = [("#2b2422", "#e8c9a8"), ("#3a2c25", "#d9b48f"), ("#151214", "#f0d3b5"), ("#6b4a32", "#c99f7a")]
CLOTHES = ["#2f4a6d", "#6d2f3c", "#3d5e3a", "#505050", "#8a6d3b", "#1f1f3a", "#7b8fa6", "#b04a2f"]


def _person_from_behind(draw: ImageDraw.ImageDraw, x: float, y: float, scale: float, rng: random.Random) -> None:
    hair, _skin = rng.choice(SKIN_AND_HAIR)
    draw.rounded_rectangle(
        (x - 42 * scale, y, x + 42 * scale, y + 90 * scale), radius=int(24 * scale), fill=rng.choice(CLOTHES)
    )
    draw.ellipse((x - 24 * scale, y - 50 * scale, x + 24 * scale, y + 4 * scale), fill=hair)


def _person_facing(
    draw: ImageDraw.ImageDraw, x: float, y: float, scale: float, rng: random.Random, helmet: bool = False
) -> None:
    hair, skin = rng.choice(SKIN_AND_HAIR)
    draw.rounded_rectangle(
        (x - 40 * scale, y, x + 40 * scale, y + 150 * scale), radius=int(22 * scale), fill=rng.choice(CLOTHES)
    )
    draw.ellipse((x - 22 * scale, y - 48 * scale, x + 22 * scale, y + 2 * scale), fill=skin)
    if helmet:
        draw.chord((x - 27 * scale, y - 60 * scale, x + 27 * scale, y - 6 * scale), 180, 360, fill="#f2c230")
    else:
        draw.chord((x - 23 * scale, y - 50 * scale, x + 23 * scale, y - 10 * scale), 180, 360, fill=hair)


def draw_photo(number: int) -> Image.Image:
    """Gallery picture number `number` (0-7): a plausible event scene, softly blurred like a photo."""
    scene = PHOTO_SCENES[number % len(PHOTO_SCENES)]
    rng = random.Random(f"photo-{number}")
    width = PHOTO_SIZE[0]
    if scene in ("plenary", "panel"):
        picture = _gradient(PHOTO_SIZE, "#1d2430", "#39414f")
        draw = ImageDraw.Draw(picture)
        draw.rectangle((260, 70, 940, 420), fill="#e9eef2")  # the screen
        draw.rectangle((260, 70, 940, 130), fill="#0f5c4d")
        curve = [(300 + i * 10, 360 - 200 * math.exp(-(((i / 60) - 0.35) ** 2) / 0.04)) for i in range(61)]
        draw.line(curve, fill="#e07a3f", width=7)
        if scene == "panel":
            draw.rectangle((160, 470, 1040, 540), fill="#5a3b2a")  # table
            for index in range(5):
                _person_facing(draw, 250 + index * 175, 430, 0.9, rng)
            draw.rectangle((160, 500, 1040, 600), fill="#6b4632")
        else:
            draw.rectangle((980, 330, 1060, 520), fill="#6b4632")  # lectern
            _person_facing(draw, 1020, 300, 0.8, rng)
        for row in range(3):
            for seat in range(10):
                _person_from_behind(draw, 70 + seat * 120 + (row % 2) * 50, 600 + row * 70, 1.1 + row * 0.15, rng)
    elif scene == "plant":
        picture = _gradient(PHOTO_SIZE, "#c9d2d6", "#8a969b")
        draw = ImageDraw.Draw(picture)
        for index in range(5):  # pipes and tanks
            y = 120 + index * 60
            draw.rectangle((0, y, width, y + 22), fill=["#9aa5ab", "#6e7b82", "#b5623a"][index % 3])
        for index in range(3):
            x = 160 + index * 360
            draw.rounded_rectangle((x, 260, x + 220, 560), radius=40, fill="#d8dde0", outline="#7b868c", width=6)
        draw.polygon([(0, 800), (width, 800), (width, 600), (0, 640)], fill="#5f6a5f")
        for index in range(6):
            _person_facing(draw, 150 + index * 170 + rng.randint(-30, 30), 560, 1.0, rng, helmet=True)
    elif scene == "lab":
        picture = _gradient(PHOTO_SIZE, "#f3f6f8", "#d6e0e6")
        draw = ImageDraw.Draw(picture)
        for index in range(4):  # shelves with bottles
            y = 90 + index * 90
            draw.rectangle((80, y + 60, 1120, y + 68), fill="#9aa8b0")
            for bottle in range(14):
                x = 100 + bottle * 72 + rng.randint(-6, 6)
                draw.rectangle(
                    (x, y + 10, x + 34, y + 60), fill=rng.choice(["#8ec1d6", "#d6a88e", "#a8d68e", "#ffffff"])
                )
        draw.rectangle((0, 560, width, 800), fill="#38505c")  # bench
        for index in range(4):
            x = 300 + index * 180
            draw.polygon([(x, 560), (x + 30, 470), (x + 50, 470), (x + 80, 560)], fill="#bfe3ef")
        for index in range(3):
            _person_facing(draw, 200 + index * 380, 400, 1.1, rng)
    elif scene in ("coffee", "posters"):
        picture = _gradient(PHOTO_SIZE, "#f7efe2", "#d9c7ab")
        draw = ImageDraw.Draw(picture)
        if scene == "coffee":
            for index in range(4):  # windows
                draw.rectangle(
                    (60 + index * 290, 60, 300 + index * 290, 380), fill="#eaf4fb", outline="#b9a787", width=8
                )
        else:
            for index in range(5):  # poster boards
                x = 40 + index * 235
                draw.rectangle((x, 80, x + 200, 380), fill="#ffffff", outline="#7c6a50", width=4)
                draw.rectangle((x + 16, 100, x + 184, 130), fill="#0f5c4d")
                for line in range(6):
                    draw.rectangle(
                        (x + 16, 150 + line * 30, x + 30 + rng.randint(80, 160), 160 + line * 30), fill="#9b9b9b"
                    )
        draw.rectangle((0, 620, width, 800), fill="#a88e6b")
        for index in range(8):
            _person_facing(draw, 90 + index * 145 + rng.randint(-25, 25), 420 + rng.randint(-20, 30), 1.15, rng)
    elif scene == "workshop":
        picture = Image.new("RGB", PHOTO_SIZE, "#c8b99e")  # seen from above
        draw = ImageDraw.Draw(picture)
        for table in range(6):
            cx, cy = 220 + (table % 3) * 380, 220 + (table // 3) * 360
            draw.ellipse((cx - 120, cy - 120, cx + 120, cy + 120), fill="#f4f1ea")
            for sheet in range(3):
                draw.rectangle(
                    (cx - 60 + sheet * 40, cy - 30, cx - 30 + sheet * 40, cy + 14), fill="#ffffff", outline="#cccccc"
                )
            for seat in range(6):
                angle = seat * math.tau / 6 + rng.uniform(-0.2, 0.2)
                x, y = cx + 150 * math.cos(angle), cy + 150 * math.sin(angle)
                draw.ellipse((x - 34, y - 34, x + 34, y + 34), fill=rng.choice(CLOTHES))
                draw.ellipse((x - 18, y - 18, x + 18, y + 18), fill=rng.choice(SKIN_AND_HAIR)[0])
    else:  # rooftop solar
        picture = _gradient(PHOTO_SIZE, "#8ec3ea", "#e6f2fb")
        draw = ImageDraw.Draw(picture)
        draw.polygon([(0, 800), (width, 800), (width, 380), (0, 460)], fill="#b8b8b0")
        for row in range(7):
            for column in range(10):
                x, y = 40 + column * 118 + row * 12, 420 + row * 54
                draw.polygon(
                    [(x, y), (x + 100, y - 8), (x + 108, y + 34), (x + 6, y + 42)], fill="#27406e", outline="#c9d7ea"
                )
        for index in range(4):
            _person_facing(draw, 260 + index * 220, 300, 0.9, rng, helmet=True)
    return picture.filter(ImageFilter.GaussianBlur(1.2))


# --- Speaker portraits ------------------------------------------------------------

PORTRAIT_COLOURS = ["#0f5c4d", "#1d4e89", "#7a3b12", "#4a3f8c", "#8a1c3b", "#2f6b2f", "#0b6e8a", "#6b5b16"]


def initials(name: str) -> str:
    return "".join(part[0] for part in name.replace("-", " ").split()[:2]).upper()


def draw_portrait(name: str) -> Image.Image:
    """A placeholder portrait: the speaker's initials on a coloured disc, colour fixed by the name."""
    digest = hashlib.sha256(name.encode()).digest()
    colour = PORTRAIT_COLOURS[digest[0] % len(PORTRAIT_COLOURS)]
    size = PORTRAIT_SIZE
    picture = Image.new("RGB", (size, size), "#f3f5f4")
    draw = ImageDraw.Draw(picture)
    draw.ellipse((20, 20, size - 20, size - 20), fill=colour)
    draw.text((size / 2, size / 2), initials(name), fill="#ffffff", font=_font(150), anchor="mm")
    return picture


# --- Slide decks as PDF ---------------------------------------------------------------


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.ImageFont, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and draw.textlength(candidate, font=font) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line]


def draw_slide(title: str, bullets: list[str], page: int, total: int, deck_title: str) -> Image.Image:
    width, height = SLIDE_SIZE
    slide = Image.new("RGB", SLIDE_SIZE, "#ffffff")
    draw = ImageDraw.Draw(slide)
    if page == 1:  # title slide
        slide.paste(_gradient((width, height), "#0f5c4d", "#0a3a31"))
        draw = ImageDraw.Draw(slide)
        draw.text((90, 250), title, fill="#ffffff", font=_font(54))
        for index, line in enumerate(bullets):
            draw.text((90, 350 + index * 46), line, fill="#cfe8df", font=_font(30))
        draw.line((90, 330, 520, 330), fill="#f4b860", width=6)
    else:
        draw.rectangle((0, 0, width, 120), fill="#0f5c4d")
        draw.text((70, 38), title, fill="#ffffff", font=_font(44))
        y = 180
        for bullet in bullets:
            draw.ellipse((80, y + 10, 98, y + 28), fill="#f4b860")
            for line in _wrap(draw, bullet, _font(32), width - 200):
                draw.text((126, y), line, fill="#1e2a27", font=_font(32))
                y += 44
            y += 40
        draw.text((70, height - 50), deck_title, fill="#7d8a86", font=_font(20))
    draw.text((width - 70, height - 50), f"{page} / {total}", fill="#7d8a86", font=_font(20), anchor="ra")
    draw.text((width - 70, 40 if page == 1 else height - 90), "LCMA", fill="#f4b860", font=_font(28), anchor="ra")
    return slide


def slides_pdf(deck_title: str, slides: list[tuple[str, list[str]]]) -> bytes:
    """A real multi-page PDF: one rendered page per (title, bullets) slide."""
    pages = [
        draw_slide(title, bullets, number, len(slides), deck_title)
        for number, (title, bullets) in enumerate(slides, start=1)
    ]
    buffer = BytesIO()
    pages[0].save(buffer, "PDF", save_all=True, append_images=pages[1:], resolution=96, title=deck_title, author="LCMA")
    return buffer.getvalue()
