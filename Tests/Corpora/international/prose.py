#!/usr/bin/env python3
"""Writes a `veil eval` gold file of people in English prose: Faker's names (MIT) of English-speaking
locales (`prose.py en_US,en_GB,en_AU,en_CA > prose-en.jsonl`) or of seventeen others
(`prose.py de_DE,fr_FR,es_ES,it_IT,pl_PL,nl_NL,pt_BR,sv_SE,tr_TR,cs_CZ,ru_RU,hu_HU,ro_RO,en_IN,en_NG,id_ID,vi_VN 4 > prose-world.jsonl`)
in 24 sentences of chat and news prose — a first name, a surname or a full name where nothing but
the sentence says it is a person ("Why did … leave so early?", "The novel by … won the prize").

Written in issue 16 (2026-12-03) as a probe and tuned against since: person-en's rule for a listed
name inside a sentence in small letters, and its line-edge rules, were chosen on it (world names:
0.894 covered before, 0.948 after; English names 0.972 → 0.978). Not a held-out figure.
"""
import json, random, sys
from faker import Faker
import warnings; warnings.filterwarnings("ignore")
frames = [
 "{F} is always late to the meetings.", "Why did {F} leave so early?", "I told {F} about the party.", "Ask {F} if she wants coffee.",
 "{L} scored twice in the second half.", "The novel by {L} won the prize.", "Have you met {N} before?", "We had dinner with {N} and {G}.",
 "{N} will present the keynote.", "According to {N}, the deal is off.", "{F} and {G} went hiking on Sunday.", "A tribute to {N}, who died last year.",
 "Mr. {L} declined to comment.", "Photo by {N}", "{N}'s new album drops Friday.", "Congrats to {F} on the promotion!",
 "my cousin {F} lives in the city now", "lol {F} u coming tonight?", "Interview with {N}, the new coach", "{N} (left) and {M} at the launch.",
 "the painting was sold by {N} in 1998", "Does anyone know {N}? He used to work here.", "Shoutout to {F} for the help", "Prof. {L} retired in May.",
]
loc = sys.argv[1].split(",") if len(sys.argv) > 1 else ["en_US", "en_GB"]
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 3)
fs = {l: Faker(l) for l in loc}
for i, f in enumerate(fs.values()): f.seed_instance(50 + i)
for n in range(600):
    f = fs[rng.choice(loc)]
    v = {"F": f.first_name(), "G": f.first_name(), "L": f.last_name(), "N": f.first_name() + " " + f.last_name(), "M": f.first_name() + " " + f.last_name()}
    fr = rng.choice(frames); text = ""; spans = []; i = 0
    while i < len(fr):
        if fr[i] == "{" and fr[i+2] == "}":
            s = len(text); text += v[fr[i+1]]; spans.append({"start": s, "end": len(text), "entity": "PERSON"}); i += 3
        else: text += fr[i]; i += 1
    print(json.dumps({"id": f"p:{n}", "text": text, "spans": spans}, ensure_ascii=False))
