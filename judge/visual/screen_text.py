"""Text drawn only in pixels, read from a screenshot: a canvas grid's labels and cells, a word in a
photo. One rapidocr reader for the judge's own needs (grounding a label, checking an assertion's
quote), loaded on first need (its models ship inside the wheel, offline); without it nothing is read
and the judge goes on as if the screen held no such text."""

from __future__ import annotations

import asyncio
import re
import threading

import cv2

from iwr.judge.own_time import own_work
from iwr.judge.visual import MetricUnavailable
from iwr.judge.visual.images import decode
from iwr.judge.visual.ocr import TextBox, reading_order_text

READ_S = 20.0
"""Time a step may spend on top of its limit when it may read a screenshot: the judge's own work
(the OCR model's first load, a loaded machine), not the page's."""
_reader = None
_lock = threading.Lock()


def _load():
    global _reader
    with _lock:
        if _reader is None:
            try:
                from iwr.judge.visual.ocr import RapidOCRMetric

                _reader = RapidOCRMetric(disk_cache=False)
            except (MetricUnavailable, ImportError):
                _reader = False
    return _reader


async def boxes(png: bytes) -> tuple[list[TextBox], float]:
    """The text boxes read on a screenshot, in its pixels, and the image's width (for the caller's
    scale); ([], width) when no reader is available."""
    image = decode(png)
    with own_work():
        reader = await asyncio.to_thread(_load)  # the first load takes seconds
        if not reader:
            return [], float(image.shape[1])
        try:
            found = await asyncio.to_thread(reader.boxes, image)
        except MetricUnavailable:
            found = []
    return found, float(image.shape[1])


async def text(png: bytes) -> str:
    """What a screenshot shows in writing, line by line in reading order ("" without a reader)."""
    found, _ = await boxes(png)
    return reading_order_text(found) if found else ""


PICTURE_ZOOM = 2.0
"""Pictures are read enlarged: lettering in a photo (a flag, a sign, tilted or stylised) that the
reader misses at screen size..."""
LARGE_PICTURE_PX = 400_000
"""... unless they are large (a canvas spreadsheet filling the page: its cells are text-sized already,
and enlarging it would only cost time)."""


CROP_MARGIN_PX = 4
"""CSS pixels of the page around a picture cut out to be read."""


def turns_said(assertion: str) -> tuple[int, ...]:
    """The cv2 rotations that set upright the text an assertion says is drawn turned ("the number is
    printed upside down above them", "the label runs sideways", "rotated 90 degrees clockwise")."""
    said = assertion.lower().replace("counter clockwise", "counterclockwise").replace("anti-clockwise", "anticlockwise")
    turns = []
    if re.search(r"\bupside[\s-]down\b|\b180\b", said):
        turns.append(cv2.ROTATE_180)
    if re.search(r"\b(?:counterclockwise|anticlockwise)\b", said):
        turns.append(cv2.ROTATE_90_CLOCKWISE)
    elif re.search(r"\bclockwise\b", said):
        turns.append(cv2.ROTATE_90_COUNTERCLOCKWISE)
    elif re.search(r"\bsideways\b", said):
        turns += [cv2.ROTATE_90_CLOCKWISE, cv2.ROTATE_90_COUNTERCLOCKWISE]
    return tuple(turns)


async def pictures_text(
    png: bytes,
    regions: list[tuple[float, float, float, float]],
    scale: float,
    turns: tuple[int, ...] = (),
    enough=None,
    turn_unread: bool = True,
) -> str:
    """What the pictures at `regions` (x, y, w, h in CSS pixels; `scale` screenshot pixels per CSS
    pixel) show in writing, each cut out of the screenshot and read enlarged; `turns`: cv2 rotations
    each is read again after (text said to be drawn upside down). `enough(text so far)`: stop reading
    there (a dashboard's many charts: each read costs seconds); while it is not met (and `turn_unread`),
    the largest picture is read once more upside down (a wheel's labels run round it, unsaid: those in its
    lower half read upside down, tilted a little, which the reader takes)."""
    crops = _crops(decode(png), regions, scale)
    out: list[str] = []
    unsaid = [t for t in _TURNS if t not in turns] if enough is not None and turn_unread else []
    # the turns said first: text said to be drawn upside down is most likely read so; read upside down
    # unsaid, only the largest pictures (a wheel, a dial: a carousel's many photos would cost seconds each)
    turned_too = sorted(crops, key=lambda c: c.shape[0] * c.shape[1], reverse=True)[:TURNED_PICTURES]
    for ways, pictures in (([*turns, None], crops), (unsaid, turned_too)):
        for crop in pictures:
            for turn in ways:
                turned = crop if turn is None else cv2.rotate(crop, turn)
                read = await _read(turned)
                if not read and turn in (None, *turns):  # a lone big glyph in a plain coloured tile: in black and white
                    read = await _read(_black_on_white(turned))
                out.append(read)
                if enough is not None and enough("\n".join(t for t in out if t)):
                    return "\n".join(t for t in out if t)
    return "\n".join(t for t in out if t)


TURNED_PICTURES = 1
"""Pictures read upside down while a quote is unread: the largest one (each read costs a second or more)."""
_TURNS = (cv2.ROTATE_180,)


def _crops(image, regions: list[tuple[float, float, float, float]], scale: float) -> list:
    """The pictures cut out with a margin (text drawn to the picture's edge, a barcode's digits, is read
    whole), enlarged unless large; flat ones left out."""
    crops = []
    for x, y, w, h in regions:
        if _plain(_cut(image, x, y, w, h, scale)):
            continue
        x, y, w, h = x - CROP_MARGIN_PX, y - CROP_MARGIN_PX, w + 2 * CROP_MARGIN_PX, h + 2 * CROP_MARGIN_PX
        x0, y0 = max(int(x * scale), 0), max(int(y * scale), 0)
        x1, y1 = min(int((x + w) * scale), image.shape[1]), min(int((y + h) * scale), image.shape[0])
        if x1 - x0 < 20 or y1 - y0 < 20:
            continue
        crop = image[y0:y1, x0:x1]
        if crop.shape[0] * crop.shape[1] < LARGE_PICTURE_PX:
            crop = cv2.resize(crop, None, fx=PICTURE_ZOOM, fy=PICTURE_ZOOM, interpolation=cv2.INTER_CUBIC)
        crops.append(crop)
    return crops


PLAIN_SPREAD = 12
"""Grey levels within which a picture is one flat colour (an empty canvas before it is drawn on):
nothing is written there, and reading it would cost a second or more for nothing."""


def _cut(image, x: float, y: float, w: float, h: float, scale: float):
    x0, y0 = max(int(x * scale), 0), max(int(y * scale), 0)
    return image[y0 : max(int((y + h) * scale), y0 + 1), x0 : max(int((x + w) * scale), x0 + 1)]


def _plain(image) -> bool:
    if image.size == 0:
        return True
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    return int(grey.max()) - int(grey.min()) <= PLAIN_SPREAD


async def _read(image) -> str:
    ok, encoded = cv2.imencode(".png", image)
    return await text(encoded.tobytes()) if ok else ""


def _black_on_white(image):
    """The picture in two tones (Otsu's threshold), its ink dark: what the reader finds most readily."""
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    _, two = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    if two.mean() < 128:
        two = 255 - two
    return cv2.cvtColor(two, cv2.COLOR_GRAY2BGR)
