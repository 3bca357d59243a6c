#!/usr/bin/env python3
"""Validate the blind29 evaluation set.

Checks
  1. every gold/<name>.jsonl parses; each line is {"speaker": str, "text": str}, both non-empty
  2. every gold turn's text words occur in raw/<name>.txt in order (one running cursor per document)
  3. every gold label occurs in the raw (whitespace-normalised; a label wrapped over two lines counts)
  4. identity.jsonl covers every (doc, label) in gold exactly once, and nothing else
  5. person ids are well formed (slug | role:slug | unknown:<doc>:<label>)
  6. every "turns" map covers exactly the turn indices that carry that label, and a label that
     maps to more than one person has a "turns" map
  7. each raw file has 1,500-5,000 words; there are seven documents
Exit status 0 when everything passes.
"""
import json, os, re, sys

ROOT = os.path.dirname(os.path.abspath(__file__))
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
errors = []


def err(msg):
    errors.append(msg)


def norm(s):
    return re.sub(r"\s+", " ", s)


def load_gold(path, name):
    turns = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                err(f"{name}: blank line {n} in gold")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                err(f"{name}: gold line {n} is not JSON: {e}")
                continue
            if set(obj) != {"speaker", "text"}:
                err(f"{name}: gold line {n} keys {sorted(obj)}")
            if not isinstance(obj.get("speaker"), str) or not obj["speaker"].strip():
                err(f"{name}: gold line {n} empty speaker")
            if not isinstance(obj.get("text"), str) or not obj["text"].strip():
                err(f"{name}: gold line {n} empty text")
            turns.append(obj)
    return turns


def main():
    gold_dir = os.path.join(ROOT, "gold")
    raw_dir = os.path.join(ROOT, "raw")
    names = sorted(f[:-6] for f in os.listdir(gold_dir) if f.endswith(".jsonl"))
    raws = sorted(f[:-4] for f in os.listdir(raw_dir) if f.endswith(".txt"))
    if names != raws:
        err(f"gold/raw mismatch: {names} vs {raws}")
    if len(names) != 7:
        err(f"expected 7 documents, found {len(names)}")
    golds = {}
    for name in names:
        raw = open(os.path.join(raw_dir, name + ".txt"), encoding="utf-8").read()
        nwords = len(raw.split())
        if not 1500 <= nwords <= 5000:
            err(f"{name}: raw has {nwords} words (want 1500-5000)")
        turns = load_gold(os.path.join(gold_dir, name + ".jsonl"), name)
        golds[name] = turns
        # 2. words in order
        pos = 0
        for i, t in enumerate(turns):
            for w in t["text"].split():
                j = raw.find(w, pos)
                if j < 0:
                    err(f"{name}: turn {i} ({t['speaker']}): word {w!r} not found in raw after offset {pos}")
                    break
                pos = j + len(w)
        # 3. labels
        nraw = norm(raw)
        for lab in sorted({t["speaker"] for t in turns}):
            if norm(lab) not in nraw:
                err(f"{name}: label {lab!r} does not occur in raw")
        print(f"{name:40s} turns={len(turns):4d} labels={len({t['speaker'] for t in turns}):3d} raw_words={nwords}")
    # 4-6 identity
    ipath = os.path.join(ROOT, "identity.jsonl")
    seen = {}
    with open(ipath, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                err(f"identity line {n}: not JSON: {e}")
                continue
            key = (row.get("doc"), row.get("speaker"))
            if key in seen:
                err(f"identity line {n}: duplicate {key}")
            seen[key] = row
    wanted = {(name, t["speaker"]) for name, turns in golds.items() for t in turns}
    for k in sorted(wanted - set(seen)):
        err(f"identity missing for {k}")
    for k in sorted(set(seen) - wanted):
        err(f"identity row for a (doc, label) not in gold: {k}")

    def check_id(pid, doc, where):
        if not isinstance(pid, str):
            err(f"{where}: person id not a string")
            return
        if pid.startswith("role:"):
            if not SLUG.match(pid[5:]):
                err(f"{where}: bad role id {pid!r}")
        elif pid.startswith("unknown:"):
            parts = pid.split(":", 2)
            if len(parts) != 3 or parts[1] != doc or not parts[2]:
                err(f"{where}: bad unknown id {pid!r}")
        elif not SLUG.match(pid):
            err(f"{where}: bad person slug {pid!r}")

    n_maps = 0
    for (doc, lab), row in seen.items():
        if (doc, lab) not in wanted:
            continue
        where = f"identity {doc} / {lab!r}"
        check_id(row.get("person"), doc, where)
        if row.get("person", "").startswith("unknown:") and "turns" not in row:
            if row["person"] != f"unknown:{doc}:{lab}":
                err(f"{where}: unknown id should be unknown:{doc}:{lab}")
        idxs = {str(i) for i, t in enumerate(golds[doc]) if t["speaker"] == lab}
        if "turns" in row:
            n_maps += 1
            tm = row["turns"]
            if set(tm) != idxs:
                err(f"{where}: turns map keys {sorted(tm, key=int)} != label turns {sorted(idxs, key=int)}")
            for k, pid in tm.items():
                check_id(pid, doc, f"{where} turn {k}")
            if len(set(tm.values())) < 2:
                err(f"{where}: turns map names only one person (drop it)")
    print(f"identity rows={len(seen)} turns-maps={n_maps} persons={len({r['person'] for r in seen.values()} | {p for r in seen.values() for p in r.get('turns', {}).values()})}")
    if errors:
        print(f"\nFAIL: {len(errors)} problem(s)")
        for e in errors[:200]:
            print("  -", e)
        return 1
    print("\nOK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
