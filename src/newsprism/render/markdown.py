"""briefing.md: the briefing in the reading order of the design mock."""

from __future__ import annotations

from typing import Any

from .view import View, bind, environment


def render_markdown(data: dict[str, Any]) -> str:
    env = environment(html=False)
    bind(env, View(data, html=False))
    return env.get_template("md/briefing.md.j2").render(b=data)
