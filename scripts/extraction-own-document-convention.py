#!/usr/bin/env python3
"""Applies the labelling convention "a province does not implement a document of its own
party organisation" to labelled extraction sets (see docs/extraction.md, "Labelling
conventions"): removes every IMPLEMENTS label [provinceKey, documentKey] whose document
scope (the second part of the key, before any ':' district part) equals provinceKey.
Nothing else changes; each file keeps its own layout. Prints the removals per file.

Usage: scripts/extraction-own-document-convention.py FILE.json [FILE.json ...]
"""
import json
import re
import sys

PROVINCE_KEY = re.compile(r"\d+(?:-\d{4})?")


def own_document(pair):
    source, document = pair
    if not PROVINCE_KEY.fullmatch(source) or document.count("|") != 2:
        return False
    scope = document.split("|")[1]
    return scope.split(":")[0] == source


def main(paths):
    for path in paths:
        with open(path, encoding="utf-8") as f:
            original = f.read()
        articles = json.loads(original)
        layout = None
        for indent in (1, 2, 4):
            if json.dumps(articles, ensure_ascii=False, indent=indent) == original.rstrip("\n"):
                layout = indent
        if layout is None:
            sys.exit(f"{path}: layout not recognised, nothing written")
        removed = []
        for article in articles:
            labels = article.get("implements")
            if labels is None:
                continue
            kept = [pair for pair in labels if not own_document(pair)]
            removed += [(article.get("id"), pair) for pair in labels if own_document(pair)]
            article["implements"] = kept
        text = json.dumps(articles, ensure_ascii=False, indent=layout)
        if original.endswith("\n"):
            text += "\n"
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        print(f"{path}: {len(removed)} removed")
        for article_id, pair in removed:
            print(f"  {article_id}: {pair[0]} -> {pair[1]}")


if __name__ == "__main__":
    main(sys.argv[1:])
