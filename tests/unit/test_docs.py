"""The front door and its reference: README.md stays short, with a quick start and the developer commands, and
every relative link of README.md and docs/*.md leads to a file that exists (and to a heading of it, for a
`#anchor`), so that a page moved or a heading renamed is caught here rather than by a reader."""

import glob
import os
import re
from urllib.parse import unquote

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
README_MAX_LINES = 300

LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
CODE_SPAN = re.compile(r"`+[^`]*`+")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def prose_lines(text):
    """(line number, line) outside fenced code blocks: a link or heading inside one is only an example."""
    fenced = False
    for number, line in enumerate(text.split("\n"), 1):
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        if not fenced:
            yield number, line


def slug(heading):
    """GitHub's anchor for a heading: lower case, punctuation (backquotes, colons, parentheses…) dropped, each
    space a hyphen; letters with accents and underscores kept."""
    text = CODE_SPAN.sub(lambda found: found.group(0).strip("`"), heading).strip().lower()
    return "".join(c for c in text if c.isalnum() or c in "-_ ").replace(" ", "-")


def anchors(path):
    """The anchors a Markdown file's headings make, repeated ones numbered as GitHub numbers them."""
    with open(path, encoding="utf-8") as stream:
        text = stream.read()
    seen, found = {}, set()
    for _, line in prose_lines(text):
        match = HEADING.match(line)
        if match:
            base = slug(match.group(2))
            found.add(base if base not in seen else "{}-{}".format(base, seen[base]))
            seen[base] = seen.get(base, 0) + 1
    return found


def links(path):
    """(line number, target) of every link and image of a Markdown file, code left out."""
    with open(path, encoding="utf-8") as stream:
        text = stream.read()
    for number, line in prose_lines(text):
        for match in LINK.finditer(CODE_SPAN.sub("", line)):
            yield number, match.group(1)


def broken_links(paths):
    """'file:line: target (why)' for each relative link that leads nowhere: no such file, or no such heading."""
    problems = []
    for path in paths:
        for number, target in links(path):
            if SCHEME.match(target):  # https:, mailto:: not ours to check offline
                continue
            file_part, _, anchor = target.partition("#")
            destination = os.path.normpath(os.path.join(os.path.dirname(path), unquote(file_part))) \
                if file_part else path
            where = "{}:{}: {}".format(os.path.relpath(path, ROOT), number, target)
            if not os.path.exists(destination):
                problems.append(where + " (no such file)")
            elif anchor and (not destination.endswith(".md") or unquote(anchor).lower() not in anchors(destination)):
                problems.append(where + " (no such heading)")
    return problems


def documentation():
    return [os.path.join(ROOT, "README.md")] + sorted(glob.glob(os.path.join(ROOT, "docs", "*.md")))


def test_readme_is_a_short_front_door_with_a_quick_start():
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as stream:
        text = stream.read()
    assert len(text.splitlines()) <= README_MAX_LINES, "README.md: keep the reference in docs/"
    headings = [HEADING.match(line).group(2) for _, line in prose_lines(text) if HEADING.match(line)]
    assert "Quick start" in headings, headings
    quick_start = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    assert "make demo" in quick_start and "qgis_process" in quick_start  # the demo first, then the two ways
    assert "make test" in text and "resources/screenshots/" in text


def test_every_relative_link_of_readme_and_docs_leads_to_a_file_and_heading():
    problems = broken_links(documentation())
    assert not problems, "\n".join(problems)


def test_every_page_of_docs_is_reachable_from_the_readme():
    linked = {os.path.normpath(os.path.join(ROOT, target.partition("#")[0]))
              for _, target in links(os.path.join(ROOT, "README.md")) if not SCHEME.match(target)}
    pages = set(glob.glob(os.path.join(ROOT, "docs", "*.md")))
    assert pages and pages <= linked, sorted(os.path.relpath(p, ROOT) for p in pages - linked)


def test_broken_links_are_found_and_good_ones_are_not(tmp_path):
    """The check itself, on a small tree: a missing file, a missing heading and a link into code are told apart
    from good links (a file, a heading with accents and code, an image, a web address)."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "pic.png").write_bytes(b"\x89PNG")
    (tmp_path / "docs" / "guide.md").write_text(
        "# Guide\n\n## Relief from a DEM: `ign_offline:relief`\n\n"
        "## Données à télécharger\n\n## Données à télécharger\n\n[back](../README.md) [self](#guide)\n",
        encoding="utf-8")
    readme = tmp_path / "README.md"
    readme.write_text(
        "# Title\n\n![a picture (with parentheses)](pic.png)\n"
        "[good](docs/guide.md#relief-from-a-dem-ign_offlinerelief) [accents](docs/guide.md#données-à-télécharger-1)\n"
        "[gone](docs/missing.md) [web](https://example.org/x) [`code`](docs/guide.md)\n"
        "[no heading](docs/guide.md#nowhere) see `[not a link](nowhere.md)`\n"
        "```\n[an example](nowhere-either.md)\n```\n", encoding="utf-8")
    found = broken_links([str(readme), str(tmp_path / "docs" / "guide.md")])
    assert [problem.rsplit(": ", 1)[1] for problem in found] == [
        "docs/missing.md (no such file)", "docs/guide.md#nowhere (no such heading)"], found
