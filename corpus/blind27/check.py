#!/usr/bin/env python3
"""Validate the blind27 evaluation set.

Checks:
  * exactly one raw file per gold file (raw/<name>.<ext> <-> gold/<name>.jsonl),
    raw is UTF-8 and 1,500-5,000 words (whitespace tokens);
  * every gold file parses: one JSON object per line with string "speaker" and
    non-empty string "text" and no other keys; text has no newlines other than
    paragraph joins and no runs of whitespace;
  * every gold turn's text words occur in the raw file in order (the whole gold
    file is matched as one subsequence of the raw token stream, so turns must
    also be in document order);
  * every label occurs verbatim in the raw file;
  * identity.jsonl covers every (doc, label) in gold exactly once and nothing
    else; person ids are slugs, role:<word> or unknown:<doc>:<label>;
  * "turns" maps (where present) cover exactly the turn indices of that label
    and only use well-formed ids; a label without a turns map has one person.
Exit status 0 when everything passes.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.path.join(HERE, "raw")
GOLD = os.path.join(HERE, "gold")
IDENT = os.path.join(HERE, "identity.jsonl")

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ROLE = re.compile(r"^role:[a-z]+$")

errors = []


def err(msg):
    errors.append(msg)


def valid_person(pid, doc, label):
    if SLUG.match(pid) or ROLE.match(pid):
        return True
    if pid.startswith("unknown:"):
        parts = pid.split(":", 2)
        return len(parts) == 3 and parts[1] == doc and parts[2] != ""
    return False


def main():
    raws = {}
    for fn in sorted(os.listdir(RAW)):
        stem = fn.rsplit(".", 1)[0]
        if stem in raws:
            err("two raw files for %s" % stem)
        raws[stem] = fn
    golds = sorted(f[:-6] for f in os.listdir(GOLD) if f.endswith(".jsonl"))
    if sorted(raws) != golds:
        err("raw/gold mismatch: raw=%s gold=%s" % (sorted(raws), golds))
    if len(golds) != 7:
        err("expected 7 documents, found %d" % len(golds))

    labels_by_doc = {}
    for doc in golds:
        if doc not in raws:
            continue
        path = os.path.join(RAW, raws[doc])
        with open(path, "rb") as f:
            data = f.read()
        try:
            raw = data.decode("utf-8")
        except UnicodeDecodeError as e:
            err("%s: not UTF-8 (%s)" % (raws[doc], e))
            continue
        nwords = len(raw.split())
        if not 1500 <= nwords <= 5000:
            err("%s: %d words, outside 1500-5000" % (raws[doc], nwords))

        turns = []
        with open(os.path.join(GOLD, doc + ".jsonl"), encoding="utf-8") as f:
            for ln, line in enumerate(f, 1):
                if not line.strip():
                    err("%s.jsonl:%d blank line" % (doc, ln))
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as e:
                    err("%s.jsonl:%d bad JSON (%s)" % (doc, ln, e))
                    continue
                if set(obj) != {"speaker", "text"}:
                    err("%s.jsonl:%d keys %s" % (doc, ln, sorted(obj)))
                    continue
                if not isinstance(obj["speaker"], str) or not obj["speaker"]:
                    err("%s.jsonl:%d empty/non-string speaker" % (doc, ln))
                if not isinstance(obj["text"], str) or not obj["text"].strip():
                    err("%s.jsonl:%d empty/non-string text" % (doc, ln))
                    continue
                for para in obj["text"].split("\n\n"):
                    if para != " ".join(para.split()):
                        err("%s.jsonl:%d whitespace not collapsed" % (doc, ln))
                        break
                turns.append(obj)
        if not turns:
            err("%s: no turns" % doc)
            continue

        # words in order: one subsequence match over the whole document
        rtoks = raw.split()
        pos = 0
        for i, t in enumerate(turns):
            for w in t["text"].split():
                try:
                    pos = rtoks.index(w, pos) + 1
                except ValueError:
                    err("%s turn %d: word %r not found in raw after token %d"
                        % (doc, i, w, pos))
                    break
            else:
                continue
            break

        labs = {}
        for i, t in enumerate(turns):
            if t["speaker"] not in raw:
                err("%s turn %d: label %r not in raw" % (doc, i, t["speaker"]))
            labs.setdefault(t["speaker"], []).append(i)
        labels_by_doc[doc] = labs

    # identity
    seen = set()
    if not os.path.exists(IDENT):
        err("identity.jsonl missing")
    else:
        with open(IDENT, encoding="utf-8") as f:
            for ln, line in enumerate(f, 1):
                try:
                    r = json.loads(line)
                except json.JSONDecodeError as e:
                    err("identity.jsonl:%d bad JSON (%s)" % (ln, e))
                    continue
                doc, lab, pid = r.get("doc"), r.get("speaker"), r.get("person")
                if set(r) - {"doc", "speaker", "person", "turns"}:
                    err("identity.jsonl:%d extra keys %s" % (ln, sorted(r)))
                key = (doc, lab)
                if key in seen:
                    err("identity.jsonl:%d duplicate %s" % (ln, key))
                seen.add(key)
                if doc not in labels_by_doc or lab not in labels_by_doc[doc]:
                    err("identity.jsonl:%d (%s, %s) not in gold" % (ln, doc, lab))
                    continue
                if not isinstance(pid, str) or not valid_person(pid, doc, lab):
                    err("identity.jsonl:%d bad person id %r" % (ln, pid))
                if "turns" in r:
                    tm = r["turns"]
                    want = {str(i) for i in labels_by_doc[doc][lab]}
                    if set(tm) != want:
                        err("identity.jsonl:%d turns map for (%s,%s) covers %s, gold has %s"
                            % (ln, doc, lab, sorted(tm, key=int), sorted(want, key=int)))
                    for k, v in tm.items():
                        if not valid_person(v, doc, lab):
                            err("identity.jsonl:%d turns[%s] bad id %r" % (ln, k, v))
                    if len(set(tm.values())) < 2:
                        err("identity.jsonl:%d turns map with a single person" % ln)
                    if pid not in tm.values():
                        err("identity.jsonl:%d headline person not among turns map" % ln)
        for doc, labs in labels_by_doc.items():
            for lab in labs:
                if (doc, lab) not in seen:
                    err("identity missing for (%s, %s)" % (doc, lab))

    total = sum(len(v2) for v in labels_by_doc.values() for v2 in v.values())
    if errors:
        for e in errors:
            print("FAIL:", e)
        print("%d problem(s)" % len(errors))
        return 1
    for doc in golds:
        n = sum(len(v) for v in labels_by_doc[doc].values())
        print("ok  %-40s %4d turns  labels: %s" % (doc, n, ", ".join(labels_by_doc[doc])))
    print("ALL CHECKS PASSED (%d documents, %d turns, %d identity rows)"
          % (len(golds), total, len(seen)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
