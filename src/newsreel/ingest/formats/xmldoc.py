"""XML read with defusedxml: entity declarations and external references are refused.

Caption and metadata files never need entities, and a few nested ones expand to
gigabytes (the 'billion laughs') or pull in local files; the stdlib parser expands them.
"""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException, EntitiesForbidden
from defusedxml.ElementTree import ParseError, fromstring

from newsreel.errors import BadInputError

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def parse_xml(text: str) -> Element:
    """Parse an XML document; raise ``BadInputError`` naming what is wrong and where."""
    try:
        return fromstring(text)
    except EntitiesForbidden as exc:
        what = "an external entity" if exc.sysid or exc.pubid else "an entity"
        raise BadInputError(
            f"the XML declares {what} ({exc.name!r}), which Newsreel refuses: entities can "
            "expand to gigabytes (a 'billion laughs' document) or read other files, and "
            "caption files never need them; remove the <!DOCTYPE> block"
        ) from None
    except DefusedXmlException as exc:
        raise BadInputError(f"the XML uses a feature Newsreel refuses ({exc})") from None
    except ParseError as exc:
        line, column = exc.position
        raise BadInputError(
            f"not well-formed XML ({str(exc).split(':')[0]} at line {line}, column {column + 1})",
            line=line,
        ) from None


def local_name(element: Element) -> str:
    """The tag without its namespace: ``{http://www.w3.org/ns/ttml}p`` → ``p``."""
    return element.tag.rsplit("}", 1)[-1]


def attribute(element: Element, name: str) -> str | None:
    """An attribute by local name, namespaced or not (``ttp:tickRate``, ``begin``)."""
    if name in element.attrib:
        return element.attrib[name]
    for key, value in element.attrib.items():
        if key.rsplit("}", 1)[-1] == name:
            return value
    return None


def flat_text(element: Element) -> str:
    """The element's text and its children's, every ``<br/>`` read as a space."""
    # A loop, not recursion: a hostile document nests elements thousands deep.
    parts = [element.text or ""]
    stack: list[tuple[Iterator[Element], str]] = [(iter(element), "")]
    while stack:
        children, tail = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            parts.append(tail)
        elif local_name(child) == "br":
            parts += [" ", child.tail or ""]
        else:
            parts.append(child.text or "")
            stack.append((iter(child), child.tail or ""))
    return "".join(parts)
