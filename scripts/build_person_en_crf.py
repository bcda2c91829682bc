#!/usr/bin/env python3
"""Train person-en's tagger: a linear-chain CRF over the tokens of English text (python-crfsuite,
build time only) that labels each token O, B-/I-PER, B-/I-LOC or B-/I-ORG. Writes the weights as
Plugins/person-en/crf.tsv in the format NameTagger reads, and the word-frequency buckets its
features use as Plugins/person-en/ranks.tsv.

Tokens and features are computed exactly as EnglishNameRecognizer+Tagger.swift computes them:
a token is a run of letters, digits and underscores (with an apostrophe or hyphen between two of
them, and an @ or # in front), a possessive's final 's (as WNUT-17 writes it: Mader 's), or any
other single non-space character. Each token's features:
its lower-cased form, shape, three-letter prefix and suffix, whether first.tsv and last.tsv list
it (or, failing them, world.tsv's names of 105 countries), its word-frequency bucket (wordfreq's English list), the same for the words around it, and
whether a title (Mr, Dr …) or an @handle comes before it.

Training data: the WNUT-17 train split (../shared/data/wnut17/, CC BY 4.0, Derczynski et al.
2017) and sentences written here around names Faker draws in many locales (--faker N). Held out:
the WNUT-17 dev split, never trained on (--test).

Usage: build_person_en_crf.py --wnut wnut17train.conll [--faker 3000] --out crf.tsv
                              [--ranks ranks.tsv] [--test emerging.dev.conll] [--dump-features TEXT]
Needs: pip install python-crfsuite wordfreq faker
"""
import argparse
import json
import os
import random
import sys
import unicodedata

import gold_from_wnut17
from crf_model import write_model

PLUGIN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Plugins", "person-en")
LABELS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"]
TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lady", "lord", "judge", "officer", "sergeant",
          "sgt", "captain", "capt", "detective", "rev", "reverend", "father", "sister", "uncle", "aunt", "coach", "president",
          "senator", "governor", "mayor", "minister", "king", "queen", "prince", "princess", "saint", "st"}


def is_word_char(c):
    return c == "_" or unicodedata.category(c)[0] in ("L", "N", "M")


def is_possessive(text, i):
    """Whether an apostrophe at i begins a word's final 's (Mader's), a token of its own as WNUT-17 writes it."""
    return text[i] in "'’" and i + 1 < len(text) and text[i + 1] in "sS" and (i + 2 == len(text) or not is_word_char(text[i + 2]))


def tokens(text):
    """(start, end) of each token, in code points."""
    found, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
            continue
        start = i
        if c in "@#" and i + 1 < n and is_word_char(text[i + 1]):
            i += 1
        if is_word_char(text[i]):
            while i < n:
                if is_word_char(text[i]):
                    i += 1
                elif text[i] in "'’-" and i + 1 < n and is_word_char(text[i + 1]) and i > start and is_word_char(text[i - 1]) \
                        and not is_possessive(text, i):
                    i += 1
                else:
                    break
        elif is_possessive(text, i):
            i += 2
        else:
            i += 1
        found.append((start, i))
    return found


def shape(word):
    out = []
    for c in word[:12]:
        cat = unicodedata.category(c)
        s = "X" if cat == "Lu" or cat == "Lt" else "x" if cat[0] == "L" else "d" if cat[0] == "N" else c
        if not out or out[-1] != s:
            out.append(s)
    return "".join(out)[:6]


class Resources:
    def __init__(self, ranks=None):
        self.first = self._names(os.path.join(PLUGIN, "first.tsv"))
        self.last = self._names(os.path.join(PLUGIN, "last.tsv"))
        self.world_first, self.world_last = set(), set()
        for line in open(os.path.join(PLUGIN, "world.tsv"), encoding="utf-8"):
            if line.startswith("#"):
                continue
            name, kinds = line.rstrip("\n").split("\t")
            if "F" in kinds:
                self.world_first.add(name)
            if "L" in kinds:
                self.world_last.add(name)
        self.ranks = ranks or {}

    @staticmethod
    def _names(path):
        names = {}
        for line in open(path, encoding="utf-8"):
            if line.startswith("#"):
                continue
            row = line.rstrip("\n").split("\t")
            names[row[0].lower()] = float(row[1])
        return names


def name_bucket(share, world=False):
    """The census share's bucket; "w" for a name only the world list (world.tsv) holds."""
    if share is None:
        return "w" if world else None
    return "3" if share >= 0.1 else "2" if share >= 0.01 else "1"


def word_features(word, res):
    lower = word.lower()
    core = lower.lstrip("@#")
    return {
        "w": lower[:20],
        "s": shape(word),
        "f": name_bucket(res.first.get(core), core in res.world_first),
        "l": name_bucket(res.last.get(core), core in res.world_last),
        "r": res.ranks.get(core, "0"),
    }


def features(text, res):
    spans = tokens(text)
    words = [text[s:e] for s, e in spans]
    per = [word_features(w, res) for w in words]
    rows = []
    for i, w in enumerate(words):
        f = per[i]
        row = ["b", "w:" + f["w"], "s:" + f["s"], "p:" + f["w"][:3], "x:" + f["w"][-3:], "r:" + f["r"]]
        if f["f"]:
            row.append("f:" + f["f"])
        if f["l"]:
            row.append("l:" + f["l"])
        row.append("sr:" + f["s"] + "|" + f["r"])
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < len(words):
                g = per[j]
                row.append(f"w{offset:+d}:" + g["w"])
                if abs(offset) == 1:
                    row.append(f"s{offset:+d}:" + g["s"])
                    if g["f"]:
                        row.append(f"f{offset:+d}:" + g["f"])
                    if g["l"]:
                        row.append(f"l{offset:+d}:" + g["l"])
            else:
                row.append(f"w{offset:+d}:" + ("^" if j < 0 else "$"))
        if i > 0 and per[i - 1]["w"].rstrip(".") in TITLES:
            row.append("t-1")
        if i > 0 and words[i - 1][0] == "@" and len(words[i - 1]) > 1:
            row.append("h-1")
        rows.append(row)
    return spans, rows


def bio(spans, gold, length):
    """Token labels from gold character spans [(start, end, kind)]."""
    labels = ["O"] * len(spans)
    for start, end, kind in gold:
        inside = [k for k, (s, e) in enumerate(spans) if s < end and e > start]
        for n, k in enumerate(inside):
            labels[k] = ("B-" if n == 0 else "I-") + kind
    return labels


def wnut_records(path):
    """(text, [(start, end, kind)]) with tokens joined by spaces, as gold_from_wnut17.py writes them."""
    kinds = {"PERSON": "PER", "LOCATION": "LOC", "ORGANIZATION": "ORG"}
    for number, (toks, tags) in enumerate(gold_from_wnut17.posts(path)):
        record = gold_from_wnut17.record(path, number, toks, tags)
        yield record["text"], [(span["start"], span["end"], kinds[span["entity"]]) for span in record["spans"]]


# Sentences around a person's name, written here (not from any corpus): forum posts, messages,
# transcripts. {F} a first name, {L} a last name, {P} the full name.
FRAMES = [
    "Hi {F}, thanks for the update on the flat.", "{P} said the meeting was moved to Friday.", "Anyone know {P}? She used to post here.",
    "I talked to {F} yesterday and she agreed.", "Dear {F},\nPlease find attached the report.", "According to {P}, the office will close.",
    "My name is {P} and I live in the city.", "Thanks {F}!", "{F} and I went to the market.", "@{F}{L} lol same", "Call {F} if you need help.",
    "Interview with {P}, recorded in March.", "{L}: We were told nothing.", "Contact: {P}, project manager", "Best regards,\n{P}",
    "I think {F} is right about this.", "Congrats to {P} on the new job!", "{P} ({F}) joined the group last week.", "ask {F} lol",
    "Mr. {L} declined to comment.", "Ms. {L} will take over from Monday.", "{F} {L} was born in 1985.", "RIP {P}, you will be missed",
    "Shoutout to {F} for the help", "we met {F} at the airport and {F} drove us home", "Photo by {P}", "{P} wrote: this is wrong.",
    "Happy birthday {F}!!", "{F} told me {L} was leaving.", "Signed, {P}", "Is {F} coming tonight?", "my sister {F} lives there",
    # Added for issue 16 (after the international records' dev split showed single first names and
    # payees missed): people introducing themselves, reported contact, payments and bookings.
    "{F} here, just checking in", "this is {F} from upstairs", "so {F} emailed me back this morning", "{F} called twice while you were out",
    "Payment received from {P}, thank you", "Refund issued to {P} on 3 May", "Booking under the name {P}", "Paid by {P} via transfer",
    "{P} <info@example.org> wrote:", "Sent on behalf of {P}", "Customer {P} asked for a callback", "Parcel for {P}, flat 3",
]
LOCALES = ["en_US", "en_GB", "en_IN", "de_DE", "fr_FR", "es_ES", "it_IT", "pt_BR", "nl_NL", "pl_PL", "hu_HU", "cs_CZ", "sv_SE",
           "no_NO", "da_DK", "fi_FI", "tr_TR", "ru_RU", "uk_UA", "ro_RO", "hr_HR", "el_GR", "ja_JP", "ko_KR", "id_ID", "vi_VN",
           "th_TH", "fil_PH", "ar_AA", "he_IL", "fa_IR", "en_NZ", "en_AU", "es_MX", "is_IS", "lt_LT", "lv_LV", "sk_SK", "sl_SI", "et_EE",
           "bg_BG", "ka_GE", "hy_AM", "az_AZ", "zu_ZA", "tw_GH", "yo_NG"]


def faker_records(count, seed, frames):
    from faker import Faker
    rng = random.Random(seed)
    fakers = {}
    for locale in LOCALES:
        try:
            fake = Faker(locale)
            fake.seed_instance(seed)
            fakers[locale] = fake
        except Exception:
            continue
    latin = [l for l in fakers]
    for _ in range(count):
        fake = fakers[rng.choice(latin)]
        first, last = fake.first_name(), fake.last_name()
        frame = rng.choice(frames)
        text, gold, i = "", [], 0
        values = {"F": first, "L": last, "P": f"{first} {last}"}
        while i < len(frame):
            if frame[i] == "{":
                key = frame[i + 1]
                start = len(text)
                text += values[key]
                # @FirstLast is a handle: not a person span (the handle plugin has it).
                if not (start > 0 and text[start - 1] == "@") and not (key == "L" and frame[i - 1:i] == "}" and frame[i - 3:i] == "{F}"):
                    gold.append((start, len(text), "PER"))
                i += 3
            else:
                text += frame[i]
                i += 1
        yield text, gold


def read_ranks():
    import wordfreq
    ranks = {}
    for rank, word in enumerate(wordfreq.top_n_list("en", 30000)):
        ranks[word] = "1" if rank < 1000 else "2" if rank < 5000 else "3" if rank < 15000 else "4"
    return ranks


def write_ranks(ranks, path):
    with open(path, "w", encoding="utf-8") as out:
        out.write("# word\tfrequency bucket (1: top 1,000 English words, 2: top 5,000, 3: 15,000, 4: 30,000): wordfreq 3.x, CC BY-SA 4.0; scripts/build_person_en_crf.py\n")
        for word, bucket in sorted(ranks.items()):
            if "\t" not in word and "\n" not in word:
                out.write(f"{word}\t{bucket}\n")


def chunks(labels):
    found, start, kind = set(), None, None
    for k, label in enumerate(labels + ["O"]):
        if label.startswith("I-") and kind == label[2:]:
            continue
        if start is not None:
            found.add((start, k, kind))
        start, kind = (k, label[2:]) if label != "O" else (None, None)
    return found


def evaluate(tagger, res, records, kind="PER"):
    tp = fp = fn = 0
    for text, gold in records:
        spans, rows = features(text, res)
        if not spans:
            continue
        predicted = tagger.tag(rows)
        expected = bio(spans, gold, len(text))
        p = {c for c in chunks(predicted) if c[2] == kind}
        g = {c for c in chunks(expected) if c[2] == kind}
        tp += len(p & g)
        fp += len(p - g)
        fn += len(g - p)
    precision = tp / max(tp + fp, 1)
    recall = tp / max(tp + fn, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    return precision, recall, f1


def main():
    import pycrfsuite
    parser = argparse.ArgumentParser()
    parser.add_argument("--wnut", required=True)
    parser.add_argument("--faker", type=int, default=3000)
    parser.add_argument("--out", required=True)
    parser.add_argument("--ranks")
    parser.add_argument("--test", nargs="*", default=[])
    parser.add_argument("--dump-features", nargs="*")
    args = parser.parse_args()
    ranks = read_ranks()
    if args.ranks:
        write_ranks(ranks, args.ranks)
    res = Resources(ranks)
    if args.dump_features is not None:
        print(json.dumps([{"text": t, "tokens": features(t, res)[0], "features": features(t, res)[1]} for t in args.dump_features], ensure_ascii=False, indent=1))
        return
    records = list(wnut_records(args.wnut)) + list(faker_records(args.faker, 16, FRAMES))
    trainer = pycrfsuite.Trainer(verbose=False)
    for text, gold in records:
        spans, rows = features(text, res)
        if spans:
            trainer.append(rows, bio(spans, gold, len(text)))
    trainer.set_params({"c1": 0.1, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True})
    model = args.out + ".crfsuite"
    trainer.train(model)
    tagger = pycrfsuite.Tagger()
    tagger.open(model)
    for path in args.test:
        held = list(wnut_records(path))
        print(f"{os.path.basename(path)} PER exact P/R/F1 %.3f %.3f %.3f" % evaluate(tagger, res, held), file=sys.stderr)
        print(f"{os.path.basename(path)} LOC exact P/R/F1 %.3f %.3f %.3f" % evaluate(tagger, res, held, "LOC"), file=sys.stderr)
    write_model(tagger, args.out, LABELS, "person-en name tagger: linear-chain CRF over tokens (scripts/build_person_en_crf.py); trained on WNUT-17 train (CC BY 4.0) and Faker sentences")
    os.remove(model)


if __name__ == "__main__":
    main()
