"""Parses Atom feeds with feedparser (a real feed reader's parser) and prints,
for each, what the end-to-end tests check, as JSON."""
import json
import re
import sys

import feedparser

out = []
for path in sys.argv[1:]:
    feed = feedparser.parse(path)
    out.append({
        "bozo": bool(feed.bozo),
        "bozo_exception": str(feed.get("bozo_exception", "")),
        "title": feed.feed.get("title"),
        "entries": [
            {
                "title": e.get("title"),
                "link": e.get("link"),
                "author": e.get("author"),
                "published": e.get("published"),
                "updated": e.get("updated"),
                "content_words": len(re.sub(r"<[^>]+>", " ", e.content[0].value).split()) if e.get("content") else 0,
            }
            for e in feed.entries
        ],
    })
print(json.dumps(out))
