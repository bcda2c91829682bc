#!/usr/bin/env python3
"""Writes a `veil eval` gold file of street addresses in sentences: Faker's `address()` (MIT; `pip
install faker`) of many locales, one line, each a gold ADDRESS span.

`--split dev` (English-speaking locales and fourteen of continental Europe, six frames) is the set
the address plugin's English and continental patterns were tuned on in issue 16 (2026-12-03): 0.373
of its addresses covered whole before, 0.740 after. `--split heldout` (other locales, other frames,
another seed) was written and committed before Veil was run on it: 0.285 with the session's
starting code, 0.423 with the code it was written beside (its misses not read).

Usage: addresses.py [--split dev|heldout] [--count N] > addresses-dev.jsonl
"""
import argparse
import json
import random
import warnings

from faker import Faker

warnings.filterwarnings("ignore")

SPLITS = {
    "dev": (["en_US", "en_GB", "en_AU", "en_CA", "en_IE", "en_NZ", "en_IN", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pl_PL", "pt_BR",
             "pt_PT", "sv_SE", "da_DK", "cs_CZ", "hu_HU", "ro_RO", "tr_TR"],
            ["Please send it to {A}.", "I moved, my new address is {A}", "Ship to: {A}", "We met at {A} last week.", "Address: {A}\nPhone: call me",
             "She lives at {A} with her sister."], 9),
    "heldout": (["de_AT", "de_CH", "fr_BE", "fr_CH", "it_CH", "nl_BE", "es_MX", "es_AR", "es_CO", "fi_FI", "no_NO", "sk_SK", "sl_SI", "hr_HR",
                 "lt_LT", "lv_LV", "et_EE", "el_GR", "bg_BG", "en_US", "en_GB", "en_AU", "en_NZ"],
                ["The parcel went to {A} by mistake.", "Current residence: {A}", "our old flat at {A} was sold", "Return address — {A}",
                 "{A} is where the interview took place.", "Invoice to {A}, attn. accounts"], 31),
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", choices=list(SPLITS), default="dev")
    parser.add_argument("--count", type=int, default=400)
    args = parser.parse_args()
    locales, frames, seed = SPLITS[args.split]
    rng = random.Random(seed)
    fakers = {}
    for index, locale in enumerate(locales):
        fakers[locale] = Faker(locale)
        fakers[locale].seed_instance(seed + 61 + index)
    for number in range(args.count):
        locale = rng.choice(locales)
        address = fakers[locale].address().replace("\n", ", ")
        frame = rng.choice(frames)
        start = frame.index("{A}")
        print(json.dumps({"id": f"{args.split}:{number}:{locale}", "text": frame.replace("{A}", address),
                          "spans": [{"start": start, "end": start + len(address), "entity": "ADDRESS"}]}, ensure_ascii=False))


if __name__ == "__main__":
    main()
