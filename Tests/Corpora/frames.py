"""Frames for the hand-written gold corpora (names/forum_names.py, places/forum_places.py).

A frame is text with placeholders `{KEY}` and spans in `[ ]`: `[老{S}]` makes the whole of 老 and the
surname one span; a placeholder outside brackets is a span of its own when its key is in `spanned`.
"""


def render(frame, values, spanned=()):
    """The text of `frame` with `values` put in, and its spans as (start, end) pairs."""
    text, spans, index, open_at = "", [], 0, None
    while index < len(frame):
        char = frame[index]
        if char == "[":
            open_at = len(text)
            index += 1
        elif char == "]":
            spans.append((open_at, len(text)))
            open_at = None
            index += 1
        elif char == "{":
            close = frame.index("}", index)
            key = frame[index + 1:close]
            start = len(text)
            text += values[key]
            if open_at is None and key in spanned:
                spans.append((start, len(text)))
            index = close + 1
        else:
            text += char
            index += 1
    return text, spans
