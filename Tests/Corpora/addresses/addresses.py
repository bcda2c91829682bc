#!/usr/bin/env python3
"""Writes a `veil eval` gold file of street addresses in sentences: Faker's `address()` (MIT; `pip
install faker`) of many locales, one line, each a gold ADDRESS span.

`--split dev` (English-speaking locales and fourteen of continental Europe, six frames) is the set
the address plugin's English and continental patterns were tuned on in issue 16 (2026-12-03): 0.373
of its addresses covered whole before, 0.740 after. `--split heldout` (other locales, other frames,
another seed) was written and committed before Veil was run on it: 0.285 with the session's
starting code, 0.423 with the code it was written beside (its misses not read).

`--split dev2` and `--split heldout2` (2026-12-03, see SPLITS) were both written before Veil was run
on them; heldout2's locales are in no other split.

Usage: addresses.py [--split dev|heldout|dev2|heldout2] [--count N] > addresses-dev.jsonl
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
    # Written on 2026-12-03 with heldout2, before Veil was run on either: dev2 (the held-out split's
    # locales and Vietnamese, other frames, another seed) to tune on, heldout2 (locales neither
    # split has, frames of their own) never read.
    "dev2": (["de_AT", "de_CH", "fr_CH", "nl_BE", "es_MX", "es_AR", "es_CO", "fi_FI", "no_NO", "sk_SK", "sl_SI", "hr_HR", "lt_LT", "lv_LV",
              "et_EE", "el_GR", "bg_BG", "vi_VN"],
             ["The lease covers {A} from May.", "Registered office: {A}", "He grew up at {A}, near the school.", "Deliver to {A} before noon",
              "Her last known address was {A}."], 47),
    "heldout2": (["es_CL", "fr_CA", "en_PH", "en_MS", "id_ID", "fil_PH", "ru_RU", "uk_UA", "mk_MK", "az_AZ", "ka_GE", "hy_AM", "zu_ZA",
                  "ne_NP", "en_BD", "fr_DZ", "he_IL"],
                 ["Police were called to {A} at 2am.", "Mailing address: {A}", "the shop at {A} closed in March", "Site visit — {A} — done",
                  "Tenant moved out of {A}; keys returned."], 73),
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
