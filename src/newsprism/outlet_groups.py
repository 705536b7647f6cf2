"""Outlet groups the user defines: any grouping (country, ownership, lean, wire vs own reporting)
read from TOML, with aliases so that "CBC", "CBC News" and "cbc.ca" name one outlet.

No ratings ship with the package. The file format (``examples/outlet-groups.toml``)::

    [outlet_groups.country]          # one table per grouping
    Canada = ["CBC News", "CBC", "cbc.ca"]
    Turkey = ["TRT World", "trtworld.com"]

The same tables may stand in a settings file (``[outlet_groups.country]`` beside
``[newsprism]``). An outlet matches an alias when their normalised forms are equal (case, "www.",
scheme and punctuation ignored) or when the alias is a domain and the source's URL is on it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

UNGROUPED = "(no group)"

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_DOMAIN = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}$")


def normalise(name: str) -> str:
    """'https://www.CBC.ca/' -> 'cbc ca'; 'CBC  News' -> 'cbc news'."""
    s = name.strip().casefold()
    s = re.sub(r"^[a-z]+://", "", s)
    s = re.sub(r"^www\.", "", s)
    return " ".join(_NON_WORD.split(s)).strip()


def _host(url: str | None) -> str:
    if not url:
        return ""
    try:
        host = urlsplit(url if "://" in url else f"http://{url}").hostname or ""
    except ValueError:
        return ""
    return host.casefold().removeprefix("www.")


@dataclass(slots=True)
class Grouping:
    """One way of grouping outlets: group name -> aliases (the group's outlets)."""

    name: str
    groups: dict[str, list[str]] = field(default_factory=dict)

    def group_of(self, outlet: str | None, url: str | None = None) -> str:
        """The group an outlet belongs to, or ``UNGROUPED``."""
        key = normalise(outlet) if outlet else ""
        host = _host(url)
        for group, aliases in self.groups.items():
            for alias in aliases:
                a = alias.strip().casefold().removeprefix("www.")
                if key and normalise(alias) == key:
                    return group
                if host and _DOMAIN.match(a) and (host == a or host.endswith("." + a)):
                    return group
        return UNGROUPED


@dataclass(slots=True)
class OutletGroups:
    groupings: list[Grouping] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.groupings)


def parse_outlet_groups(data: dict, where: str = "outlet groups") -> OutletGroups:
    """Read the ``outlet_groups`` table of parsed TOML (or a file that holds only groupings).

    Raises ``ValueError`` naming the bad entry: a grouping that is not a table, a group whose
    aliases are not a list of strings, or one alias placed in two groups of one grouping."""
    table = data.get("outlet_groups", data)
    if not isinstance(table, dict):
        raise ValueError(f"{where}: [outlet_groups] must be a table of groupings")
    out = OutletGroups()
    for gname, groups in table.items():
        if gname == "newsprism":
            continue  # a settings file's own table
        if not isinstance(groups, dict):
            raise ValueError(f"{where}: grouping {gname!r} must be a table of group = [aliases]")
        grouping = Grouping(name=str(gname))
        seen: dict[str, str] = {}
        for group, aliases in groups.items():
            if isinstance(aliases, str):
                aliases = [aliases]
            if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
                raise ValueError(f"{where}: group {gname}.{group} must be a list of outlet names")
            names = [group, *aliases] if not aliases else list(aliases)
            for a in names:
                k = normalise(a)
                if k in seen and seen[k] != group:
                    raise ValueError(f"{where}: {a!r} is in two groups of {gname!r}: "
                                     f"{seen[k]!r} and {group!r}")
                seen[k] = group
            grouping.groups[str(group)] = names
        out.groupings.append(grouping)
    return out


def load_outlet_groups(path: str | Path) -> OutletGroups:
    """Groupings from a TOML file (``ValueError`` with the file name when it cannot be used)."""
    p = Path(path)
    try:
        with p.open("rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise ValueError(f"{p}: cannot read outlet groups ({exc.strerror or exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{p}: not valid TOML ({exc})") from exc
    return parse_outlet_groups(data, where=str(p))
