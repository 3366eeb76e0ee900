#!/usr/bin/python3
"""Every relative link in the Markdown documentation leads somewhere: the file exists and,
when the link names a heading (#anchor), the file has that heading, by the rule GitHub and
GitLab use to make anchors (lower case, punctuation dropped, spaces to '-'). Images too.
Run from the project root: tests/docs/check_links.py README.md docs/*.md ..."""
import os
import re
import sys

LINK = re.compile(r'!?\[(?:[^\]\[]|\[[^\]]*\])*\]\(([^)\s]+)(?:\s+"[^"]*")?\)')


def anchors(path):
    """The anchors of a Markdown file's headings (outside code blocks), with GitHub's -1, -2
    for repeated ones."""
    seen, out, fence = {}, set(), False
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.startswith('```'):
                fence = not fence
            m = None if fence else re.match(r'#{1,6} (.*)', line)
            if not m:
                continue
            slug = re.sub(r'[^\w\- ]', '', m.group(1).strip().lower()).replace(' ', '-')
            n = seen.get(slug, 0)
            seen[slug] = n + 1
            out.add(slug if n == 0 else f'{slug}-{n}')
    return out


def main(files):
    bad = 0
    cache = {}
    for path in files:
        fence = False
        with open(path, encoding='utf-8') as f:
            for lineno, line in enumerate(f, 1):
                if line.startswith('```'):
                    fence = not fence
                if fence:
                    continue
                # a code span is text, not a link: `![Karta](karta.png)` shows the syntax
                for m in LINK.finditer(re.sub(r'(`+)(?:(?!\1).)+\1', lambda c: ' ' * len(c.group(0)), line)):
                    target = m.group(1)
                    if re.match(r'[a-z]+:', target) or target.startswith('/'):
                        continue  # https:, mailto:, or an address on the built site
                    file, _, anchor = target.partition('#')
                    dest = os.path.normpath(os.path.join(os.path.dirname(path), file)) if file else path
                    if not os.path.exists(dest):
                        print(f'{path}:{lineno}: the link {target} leads to {dest}, which does not exist')
                        bad += 1
                        continue
                    if anchor and dest.endswith('.md'):
                        if dest not in cache:
                            cache[dest] = anchors(dest)
                        if anchor not in cache[dest]:
                            print(f'{path}:{lineno}: the link {target}: {dest} has no heading #{anchor}')
                            bad += 1
    print(f'docs-test: {len(files)} files, {bad} broken link(s)')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
