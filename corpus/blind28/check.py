#!/usr/bin/env python3
"""Validates the blind evaluation set in this directory.

Checks:
  * raw/ and gold/ hold the same seven document names; raw files are UTF-8 with 1,500-5,000 words
  * every gold file parses: one JSON object per line with string "speaker" and non-empty "text"
  * every gold turn's words occur in the raw file in order (one pointer runs through the whole
    document, so turns are also in document order)
  * every gold label occurs in the raw file, printed at the start of a line or after a line number
  * identity.jsonl covers every (doc, label) of the gold exactly once, with well-formed ids
  * every "turns" map covers exactly the turns of its label, with well-formed ids
Exit status 0 when everything passes.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.path.join(HERE, 'raw')
GOLD = os.path.join(HERE, 'gold')
ID_RE = re.compile(r'^(?:[a-z0-9]+(?:-[a-z0-9]+)*|role:[a-z]+|unknown:[a-z0-9-]+:.+)$')

errors = []


def err(msg):
    errors.append(msg)


def valid_id(pid, doc, label):
    if not isinstance(pid, str) or not ID_RE.match(pid):
        return False
    if pid.startswith('unknown:'):
        parts = pid.split(':', 2)
        return parts[1] == doc
    return True


raw_names = sorted(f[:-4] for f in os.listdir(RAW) if f.endswith('.txt'))
gold_names = sorted(f[:-6] for f in os.listdir(GOLD) if f.endswith('.jsonl'))
if raw_names != gold_names:
    err('raw/gold name mismatch: %s vs %s' % (raw_names, gold_names))
if len(raw_names) != 7:
    err('expected 7 documents, found %d' % len(raw_names))

gold = {}
for name in gold_names:
    turns = []
    with open(os.path.join(GOLD, name + '.jsonl'), encoding='utf-8') as f:
        for no, line in enumerate(f, 1):
            if not line.strip():
                err('%s: blank line %d in gold' % (name, no))
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                err('%s:%d: bad JSON: %s' % (name, no, e))
                continue
            if set(obj) != {'speaker', 'text'}:
                err('%s:%d: keys must be speaker,text: %s' % (name, no, sorted(obj)))
            if not isinstance(obj.get('speaker'), str) or not obj['speaker'].strip():
                err('%s:%d: empty/invalid speaker' % (name, no))
            if not isinstance(obj.get('text'), str) or not obj['text'].strip():
                err('%s:%d: empty/invalid text' % (name, no))
            else:
                for para in obj['text'].split('\n\n'):
                    if para != ' '.join(para.split()):
                        err('%s:%d: paragraph whitespace not collapsed' % (name, no))
            turns.append(obj)
    gold[name] = turns

for name in raw_names:
    if name not in gold:
        continue
    with open(os.path.join(RAW, name + '.txt'), encoding='utf-8') as f:
        raw = f.read()
    nwords = len(raw.split())
    if not 1500 <= nwords <= 5000:
        err('%s: raw has %d words (want 1,500-5,000)' % (name, nwords))
    tokens = raw.split()
    ptr = 0
    for i, t in enumerate(gold[name]):
        for w in t['text'].split():
            try:
                ptr = tokens.index(w, ptr) + 1
            except ValueError:
                err('%s turn %d (%s): word %r not found in raw in order' % (name, i, t['speaker'], w))
                break
        lab = re.escape(t['speaker'])
        if not re.search(r'(?m)^(?:\s*\d{1,2}\s+)?\s*' + lab + r'\s*[:.\-–—]', raw):
            err('%s turn %d: label %r not printed at a line start in raw' % (name, i, t['speaker']))
    print('%-40s %3d turns  %5d raw words' % (name, len(gold[name]), nwords))

# identity
seen = {}
persons_by_doc = {}
with open(os.path.join(HERE, 'identity.jsonl'), encoding='utf-8') as f:
    for no, line in enumerate(f, 1):
        try:
            r = json.loads(line)
        except json.JSONDecodeError as e:
            err('identity:%d: bad JSON: %s' % (no, e))
            continue
        key = (r.get('doc'), r.get('speaker'))
        if key in seen:
            err('identity:%d: duplicate entry for %s' % (no, key))
        seen[key] = r
        if not valid_id(r.get('person'), r.get('doc'), r.get('speaker')):
            err('identity:%d: bad person id %r' % (no, r.get('person')))

for name, turns in gold.items():
    labels = {}
    for i, t in enumerate(turns):
        labels.setdefault(t['speaker'], []).append(i)
    for lab, idx in labels.items():
        r = seen.get((name, lab))
        if r is None:
            err('identity: missing (%s, %s)' % (name, lab))
            continue
        ids = {r['person']}
        if 'turns' in r:
            m = r['turns']
            want = {str(i) for i in idx}
            if set(m) != want:
                err('identity (%s, %s): turns map keys %s != turns %s'
                    % (name, lab, sorted(m, key=int), sorted(want, key=int)))
            for k, v in m.items():
                if not valid_id(v, name, lab):
                    err('identity (%s, %s): bad id %r in turns map' % (name, lab, v))
            if len(set(m.values())) < 2:
                err('identity (%s, %s): turns map given but only one person' % (name, lab))
            ids = set(m.values())
        for pid in ids:
            persons_by_doc.setdefault(pid, set()).add(name)
for key in seen:
    if key[0] not in gold or key[1] not in {t['speaker'] for t in gold[key[0]]}:
        err('identity: entry %s has no gold turn' % (key,))

shared = {p: sorted(d) for p, d in persons_by_doc.items()
          if len(d) > 1 and not p.startswith(('role:', 'unknown:'))}
print('persons appearing in more than one document:', shared or 'none')

if errors:
    print('\nFAIL (%d problems)' % len(errors))
    for e in errors[:200]:
        print('  ' + e)
    sys.exit(1)
print('\nOK: all checks passed')
