#!/usr/bin/env python3
"""Writes `records.jsonl`: international synthetic records, a `veil eval` gold file — customer and
contact records, sign-up forms and message snippets with names of many nationalities, phone numbers
in their countries' national and international layouts, card numbers of every network, and IBANs.

Written on 2026-12-03 for issue 16, before Veil was run on it; its layouts are not the training
script's frames (scripts/build_person_en_crf.py). Values come from Faker (MIT; `pip install
faker`). Every person, phone number, card number and IBAN is a gold span.

First scored (before any of its misses were read): people covered 0.830, phone numbers 0.660, cards
0.936, IBANs 1.000. Its misses were then read: JCB's 15-digit cards (1800, 2131) and Maestro's 0604
were added, lines in Greek letters reach the English tagger, and a number in any national layout
right after an English phone word is a phone (phone-intl's national-after-cue): 0.825 people, 0.891
phones, 1.000 cards now.

Since then (issue 16, same session): a phone number in the national layout of any country
libphonenumber knows (phone-national), names that a form or a table labels, and world name lists
for the tagger: people 0.923, phones 0.996, cards and IBANs 1.000 (all tuned against this split).

`--split heldout` writes `records-heldout.jsonl`: other locales, other layouts (no phone word
before some numbers, a CSV column, names in capitals), another seed. It was written and committed
on 2026-12-03 before Veil was run on it. First scored (nothing of it read yet): people covered
0.862, phone numbers 0.957, cards 0.902, IBANs 0.857, every finding overlapping a gold span of its
entity 0.991 or more. Its misses were then read, and four classes fixed (so later figures on it are
tuned): an IBAN followed by a word (the pattern read the word as a last group; backoff now cuts it),
calling codes in brackets ((+57) 323 …, +(370) …), "telephone" and "landline" as phone words, and
PAN / charge / payment as card words: people 0.862, phones 0.983, cards 0.986, IBANs 1.000.

`--split fresh` writes `records-fresh.jsonl`: a third split, written and committed at the end of
issue 16 (2026-12-03) before Veil was run on it, with locales and layouts neither other split has
(Nigerian, Pakistani, Thai, Icelandic, Algerian, Luxembourgish, Macedonian … names and numbers; a JSON line, an e-mail signature, an SMS, an invoice line, a table row,
"Name <phone>"), to score what issue 16 built on text it was not tuned against.

`--split fresh2` writes `records-fresh2.jsonl`: layouts none of the three splits above has (a URL
query, an HTML table row, em dashes, a vertical table, "my name is … and my number is …", a
holder after the card, a dot-parted line), over locales of all three, written and committed after
`records-fresh`'s classes were fixed and before Veil was run on it: how far those fixes carry.

`--split fresh3` writes `records-fresh3.jsonl`: fourteen more layouts (a reply, a delivery note, a
name in square brackets, a patient line with a birth date, a guest list, "Text from …: my new
number is …"), over locales of all splits, written and committed after `records-fresh2`'s classes
were fixed and before Veil was run on it.

`--split fresh4` writes `records-fresh4.jsonl`: fifteen more layouts (a vCard, a semicolon CSV, a
WhatsApp export line, YAML, a quoted reply, a log line, the number before the name, nested JSON …)
over Swahili names and locales of the earlier splits, written and committed after `records-fresh3`'s
classes were fixed and before Veil was run on it. First scored (nothing of it read yet): people
covered 0.828, phone numbers 0.922, cards 0.956, IBANs 1.000; overlap precision 0.92 people, 1.00
the rest. Its classes were then fixed (tuned since): 0.997, 1.000, 1.000, 1.000.

`--split fresh5` writes `records-fresh5.jsonl`: fourteen more layouts (a letter on someone's
behalf, a headed TSV, first and last names in separate JSON keys, "Surname, First", a title and
surname, a headed Markdown table, a caller ID …) over forty locales of the splits above, written
and committed after `records-fresh4`'s classes were fixed and before Veil was run on it. First
scored (nothing of it read yet): people covered 0.785, phone numbers 0.934, cards 1.000, IBANs
1.000 (found as a person: the tagger read "IBAN DE42…" as a name); overlap precision 0.92 people,
0.98 phones. Its classes were then fixed (tuned since): 0.993, 1.000, 1.000, 1.000.

`--split fresh6` writes `records-fresh6.jsonl`: fifteen more layouts (requests in Spanish, German
and French, a direct message, a headerless quoted CSV row, arrows and dotted leaders as labels,
prose with an age, a pipe-delimited log, "Card … belongs to …" …) over twenty-four locales,
written and committed after `records-fresh5`'s classes were fixed and before Veil was run on it.
First scored (nothing of it read yet): people covered 0.712, phone numbers 0.938, cards 0.906,
IBANs 1.000; overlap precision 0.995 people, 1.00 the rest. Its classes were then fixed (tuned
since): 0.993, 0.992, 0.992, 1.000.

`--split fresh7` writes `records-fresh7.jsonl`: fifteen more layouts (a call note, a phone book's
"Name: number", a phone emoji, a numbered attendee list, HTML with a bold name, an SMS header,
German inline fields …) over twenty-eight locales, written and committed after `records-fresh6`'s
classes were fixed and before Veil was run on it. First scored (nothing of it read yet): people
covered 0.838, phone numbers 0.911, cards 1.000, IBANs 1.000; overlap precision 1.00. Its classes
were then fixed (tuned since): 0.981, 0.969, 1.000, 1.000.

Usage: records.py [--split dev|heldout|fresh|fresh2|fresh3|fresh4|fresh5|fresh6|fresh7|fresh8|fresh9|fresh10|fresh11|fresh12|fresh13|fresh14] [--count N] [--seed S] > records.jsonl
"""
import argparse
import json
import random

from faker import Faker
from faker.config import AVAILABLE_LOCALES

# Every locale Faker has a phone number provider for (fresh10 draws its phone numbers from them all).
PHONE_LOCALES = sorted(locale for locale in AVAILABLE_LOCALES if locale not in ("fr_QC",))

LOCALES = ["en_US", "en_GB", "en_IN", "en_AU", "en_CA", "de_DE", "fr_FR", "es_ES", "it_IT", "pt_BR", "pt_PT", "nl_NL", "pl_PL", "hu_HU",
           "cs_CZ", "sv_SE", "da_DK", "fi_FI", "tr_TR", "ro_RO", "el_GR", "id_ID", "vi_VN", "ja_JP", "es_MX", "en_NZ", "de_AT", "de_CH",
           "fr_CH", "nl_BE", "no_NO", "en_IE"]

# Locales of the held-out split, in the scripts Veil reads (Latin, Greek, Cyrillic); Faker's Georgian,
# Armenian, Thai, Hebrew and Persian names are left out because no English-text plugin reads them.
HELDOUT_LOCALES = ["en_US", "en_GB", "es_AR", "es_CO", "es_CL", "fr_FR", "fr_CA", "de_DE", "it_IT", "pt_BR", "nl_NL", "sk_SK", "hr_HR",
                   "sl_SI", "lt_LT", "lv_LV", "et_EE", "bg_BG", "ru_RU", "uk_UA", "el_GR", "tr_TR", "az_AZ", "uz_UZ", "yo_NG", "zu_ZA",
                   "tw_GH", "en_KE", "ga_IE", "en_IN", "de_CH", "pl_PL", "sv_SE", "no_NO", "fi_FI", "bs_BA"]

# {N} a person's full name, {F} the first name, {T} a phone number, {C} a card number, {I} an IBAN.
LAYOUTS = [
    "Customer: {N}\nPhone: {T}\nCard on file: {C}",
    "Name,Phone\n{N},{T}",
    "{N} <no-reply@example.com> wrote: please call me back on {T}",
    "Reservation for {N} — contact number {T}; paid with card {C}",
    "Emergency contact: {N} ({T})",
    "Refund to {N}, IBAN {I}",
    "From: {N}\nTel. {T}\nMessage: is the room still free?",
    "Payee {N}; account {I}; reference invoice 2023-118",
    "{F} here, my number is {T} if you need anything",
    "Signed up: {N}, mobile {T}",
    "Cardholder name: {N}\nCard number: {C}\nExpiry: 09/27",
    "ok so {F} texted me from {T} last night",
]


# Layouts of the held-out split; {U} is the full name in capitals.
HELDOUT_LAYOUTS = [
    "Booking ref QX-2231\nGuest: {N}\nTelephone number: {T}",
    "id,full_name,phone,card\n17,{N},{T},{C}",
    "Hi {F},\nthanks for your order. We will ring {T} to arrange delivery.\n— Support",
    "{N} (tel {T}) asked whether the IBAN {I} is right.",
    "Please charge {C} for {N}'s two nights.",
    "{T} — missed call from {F}",
    "Witness statement taken from {N}, reachable at {T}.",
    "Name: {N}\nMobile: {T}\nBank account: {I}",
    "{N}\n{T}\n{C}",
    "CARDHOLDER: {U}\nPAN: {C}",
    "Spoke with {F} this morning; her landline is {T} and she prefers calls after six.",
    "Transfer from {N} to account {I} failed, card {C} was used instead.",
    "Contact person | Phone\n{N} | {T}",
    "Messages for {N}: call back on {T}.",
]


# Locales of the fresh split: none of the two splits above has them, and Faker has names of their own
# for each (Liechtenstein, Luxembourg, Nigeria in English, Hausa and Igbo, Pakistan, Thailand in
# English, Catalonia, Belgium, Algeria, Iceland, Italian Switzerland, North Macedonia).
FRESH_LOCALES = ["de_LI", "de_LU", "en_NG", "en_PK", "en_TH", "es_CA", "fr_BE", "fr_DZ", "ha_NG", "ig_NG", "is_IS", "it_CH", "mk_MK"]

# Layouts of the fresh split.
FRESH_LAYOUTS = [
    '{"customer": "{N}", "phone": "{T}"}',
    "Dear {N},\nyour card {C} was charged today. Questions? Call {T}.",
    "Invoice 4471 / Bill to: {N} / Tel {T} / IBAN {I}",
    "sms from {T}: hey its {F}, running late",
    "Kind regards,\n{N}\nSenior Analyst\nM: {T}",
    "Driver {N} will call you from {T} on arrival.",
    "Paid by {U} with {C}",
    "Contact: {N}; phone: {T}; email: n/a",
    "Ref. {N} - IBAN: {I} - BIC: DEUTDEFF",
    "| {N} | {T} | {C} |",
    "Per our call, {F} confirmed the number {T} and the card {C}.",
    "new lead: {N} / {T}",
    "{N} <{T}>",
    "The landlord, {N}, gave us {T} as the number to use.",
]


# Layouts of the second fresh split.
FRESH2_LAYOUTS = [
    "Subject: callback\n{N} left a voicemail, number {T}.",
    "Passenger {U}, seat 14C, contact {T}",
    "customer_name={N}&phone={T}",
    "Account holder {N} (IBAN {I}) disputes a charge on card {C}.",
    "Tenant: {N} · Mobile: {T}",
    "Regards\n{F}",
    "<tr><td>{N}</td><td>{T}</td></tr>",
    "{N} — {T} — {C}",
    "Hello, my name is {N} and my number is {T}.",
    "Card: {C} exp 04/28, holder {N}",
    "From {N} ({T}): is the flat still available?",
    "Name | {N}\nPhone | {T}",
    "Refund approved for {N}; card {C}; ref {I}",
    "{F} said to text {T} after five.",
]
FRESH2_LOCALES = ["en_US", "en_GB", "de_DE", "fr_FR", "es_CO", "pt_BR", "pl_PL", "ru_RU", "el_GR", "tr_TR", "yo_NG", "en_PK", "is_IS",
                  "mk_MK", "fr_DZ", "it_CH", "hu_HU", "cs_CZ", "fi_FI", "nl_BE"]


# Layouts of the third fresh split.
FRESH3_LAYOUTS = [
    "Re: your order\nThanks {F}! We'll call you at {T} tomorrow.",
    "{N}\nMobile {T}\nVisa {C}",
    "Contact person: {N}, tel. {T}",
    "Delivery for {N} — please ring {T} at the gate",
    "[{N}] {T}",
    "Patient {N}, DOB 1984-02-11, phone {T}",
    "Payer: {U} / IBAN {I}",
    "Text from {F}: my new number is {T}",
    "{N} ({F}) | {T}",
    "Card holder {N} card no. {C}",
    "Reference: {N}, {T}, {C}",
    "Guest list: {N}, +1 guest. Phone: {T}",
    "{F}: can you call me on {T}?",
    "Applicant: {N}\nTelephone: {T}\nPayment card: {C}",
]
FRESH3_LOCALES = ["en_US", "en_GB", "en_IN", "de_AT", "fr_CH", "es_ES", "es_AR", "it_IT", "pt_PT", "nl_NL", "sv_SE", "da_DK", "ro_RO",
                  "bg_BG", "uk_UA", "lt_LT", "sk_SK", "ha_NG", "en_TH", "de_LU"]


# Layouts of the fourth fresh split: formats none of the splits above has — a vCard, a semicolon CSV,
# a WhatsApp export line, a Markdown bullet, YAML, a quoted e-mail reply, a log line with key=value,
# prose with the name inside a sentence, the number before the name, a card receipt, chat shorthand,
# an HTML list item, a signature after "--", nested JSON, a Spanish label.
FRESH4_LAYOUTS = [
    "BEGIN:VCARD\nVERSION:3.0\nFN:{N}\nTEL;TYPE=CELL:{T}\nEND:VCARD",
    "nom;telephone;carte\n{N};{T};{C}",
    "[05/03/2024, 09:14] {N}: new number, save it: {T}",
    "- **{N}** · tel {T}",
    "contact:\n  name: {N}\n  phone: \"{T}\"",
    "On Tue, 5 Mar 2024 at 10:02, {N} wrote:\n> you can reach me on {T}",
    '2024-03-05T10:02:11Z INFO signup user="{N}" msisdn={T}',
    "I met {N} at the fair last week; her mobile is {T}.",
    "{T} ({N})",
    "VISA {C}  AUTH 004512\nCUSTOMER: {U}",
    "thx {F}!! is {T} still ur number?",
    "<li>{N}, {T}</li>",
    "--\n{N}\n{T}",
    '{"contact": {"fullName": "{N}", "msisdn": "{T}"}, "payment": {"pan": "{C}"}}',
    "Beneficiario: {N} — IBAN {I}",
]
# Locales of the fourth fresh split: Swahili names, which no split above has (Faker's Philippine,
# Maltese, Albanian and Cypriot locales borrow American names and numbers), and locales of all
# three earlier fresh splits and the held-out one.
FRESH4_LOCALES = ["sw", "es_MX", "fr_CA", "en_NZ", "de_CH", "pl_PL", "cs_CZ", "hr_HR", "fi_FI", "ru_RU", "tr_TR", "en_KE", "el_GR",
                  "hu_HU", "pt_BR", "it_IT", "nl_BE", "vi_VN", "id_ID", "en_NG"]


# Layouts of the fifth fresh split: a letter on someone's behalf, a headed TSV, first and last names
# in separate JSON keys, German punctuation, a ticket line, a mail whose name is quoted, a directory's
# "Surname, First", a title and surname, a headed Markdown table, "ask for …", a shouted block, an
# account holder in brackets, a caller ID, a booking line.
FRESH5_LAYOUTS = [
    "Dear Sir or Madam,\n\nI am writing on behalf of my mother, {N}. Her number is {T}.",
    "Full Name\tMobile No.\tCard Number\n{N}\t{T}\t{C}",
    '{"first_name": "{F}", "last_name": "{L}", "tel": "{T}"}',
    "Kontakt: {N}, Tel.: {T}",
    "Ticket #48213 opened by {N} ({T})",
    'From: "{N}"\nSubject: card declined\n\nMy card {C} was declined twice today.',
    "{L}, {F} — {T}",
    "Ms {L} can be contacted on {T}.",
    "| Name | Phone |\n|---|---|\n| {N} | {T} |",
    "Emergency: {T} (ask for {F})",
    "{U}\n{T}\nCARD {C}",
    "Please transfer to IBAN {I} (account holder: {N}).",
    "Caller ID: {T} — {N}",
    "Booking: table 4, 19:30, {N}, tel {T}",
]
FRESH5_LOCALES = ["en_US", "en_GB", "en_AU", "en_IE", "de_DE", "de_AT", "fr_FR", "fr_BE", "es_ES", "es_CO", "it_IT", "pt_PT", "pt_BR",
                  "nl_NL", "sv_SE", "no_NO", "da_DK", "pl_PL", "cs_CZ", "sk_SK", "sl_SI", "hr_HR", "ro_RO", "bg_BG", "el_GR", "ru_RU",
                  "uk_UA", "tr_TR", "hu_HU", "lt_LT", "lv_LV", "et_EE", "fi_FI", "is_IS", "ga_IE", "yo_NG", "zu_ZA", "en_IN", "id_ID",
                  "vi_VN"]


# Layouts of the sixth fresh split: requests in Spanish, German and French, a witness with a birth
# year, a direct message, a headerless quoted CSV row, arrows and dotted leaders as labels, prose
# with an age, the number first in slash-separated fields, a pipe-delimited log, a first name with
# the number in brackets, "Contact details:".
FRESH6_LAYOUTS = [
    "Witness: {N} (born 1979), tel. {T}",
    "Llamar a {N} al {T} antes de las 18h.",
    "Bitte rufen Sie {N} unter {T} zurück.",
    "Merci de contacter {N} au {T}.",
    "DM me or text {T} — {F}",
    '"{N}","{T}","{C}"',
    "name → {N}\nphone → {T}",
    "Name.......... {N}\nPhone......... {T}",
    "{N}, 34, from the north of the city, can be reached at {T}.",
    "Tel {T} / {N} / room 12",
    "sender={N}|msisdn={T}|amount=20.00",
    "{F} ({T}) — pickup at 5pm",
    "Contact details: {N} / {T} / {C}",
    "Card {C} belongs to {N}.",
    "Kontoinhaber: {N}\nIBAN: {I}",
]
FRESH6_LOCALES = ["de_DE", "es_ES", "fr_FR", "es_MX", "fr_CA", "de_AT", "it_IT", "pt_BR", "nl_NL", "pl_PL", "en_US", "en_GB", "en_IN",
                  "en_NG", "ru_RU", "uk_UA", "el_GR", "tr_TR", "sv_SE", "ro_RO", "cs_CZ", "hu_HU", "fi_FI", "hr_HR"]


# Layouts of the seventh fresh split: a call note, a patient line with the surname first, an order
# with phone and card, a numbered attendee list, a phone emoji, a phone book's "Name: number",
# "Mobile number of … is …", a cardholder before the card, a transfer block, HTML with a bold name,
# a message left for someone, an SMS header, a beneficiary in capitals, German inline fields, a
# booking with a party size.
FRESH7_LAYOUTS = [
    "Notes: called {F} back at {T}, no answer",
    "Patient: {L}, {F} | DOB 03/04/1971 | Tel {T}",
    "Ordered by {N} (tel. {T}), paid with {C}",
    "Attendee list:\n1. {N} — {T}",
    "{N} ☎ {T}",
    "{N}: {T}",
    "Mobile number of {N} is {T}.",
    "Cardholder {U} — {C}",
    "Transfer to {N}\nIBAN {I}\nRef: rent",
    "<p>Contact <b>{N}</b> on {T}</p>",
    "Leave a message for {F} on {T}.",
    "SMS {T}: Hi, it's {F}",
    "Beneficiary name: {U}\nAccount: {I}",
    "Kunde {N}, Telefon {T}, Karte {C}",
    "Booked: {N} x2, {T}",
]
FRESH7_LOCALES = ["en_US", "en_GB", "en_CA", "en_AU", "en_IE", "en_IN", "en_KE", "de_CH", "de_DE", "fr_BE", "fr_CH", "it_CH", "es_AR",
                  "es_CL", "pt_PT", "nl_BE", "da_DK", "no_NO", "pl_PL", "sk_SK", "lt_LT", "bg_BG", "mk_MK", "ru_RU", "el_CY", "ha_NG",
                  "yo_NG", "id_ID"]


# Layouts of the eighth fresh split: Faker's whole `name()` ({P}: with its titles, suffixes, double
# surnames and hyphens, as another generator would write a person), sentences of a customer-service
# chat with the name where no cue stands (under …, join accounts with …, a keynote speaker), an
# address and a company beside the person as distractors ({A}, {O}: never gold, they must not be
# read as people), Italian, Portuguese, Dutch and Spanish requests, a number before a wide-spaced
# label, HTML line breaks, a possessive, a dated CSV row without a header, a name run into its number.
FRESH8_LAYOUTS = [
    "Maybe it's under {P}? I called from {T} yesterday.",
    "{P} will be talking at the conference. Tickets: {T}",
    "I want to add {N} as a beneficiary to my account {I}",
    "Please have the manager call me at {T}. I'd like to join accounts with {N}.",
    "Shipping to {N}, {A}. Courier will phone {T}.",
    "Our new colleague {N} starts Monday (mobile {T}).",
    "Phone: {T}    Name: {N}",
    "{P}<br>{T}<br>{A}",
    "Titular: {N}. Tarjeta n.º {C}",
    "Il signor {L} ha chiamato dal numero {T}.",
    "Falar com {F} pelo {T}, por favor.",
    "Bel {F} even terug op {T}.",
    "Lost card {C}, holder {P}, please block ASAP",
    "Who is {F}? She rang from {T} twice.",
    "{N}'s phone number: {T}",
    "2024-01-05,{N},{T},paid",
    "{N} from {O} is the keynote speaker; RSVP {T}",
    "emergency contact {N} {T}",
]
FRESH8_LOCALES = ["en_US", "en_GB", "en_AU", "de_DE", "de_AT", "fr_FR", "fr_CA", "es_ES", "es_MX", "es_CL", "it_IT", "pt_BR", "pt_PT",
                  "nl_NL", "nl_BE", "pl_PL", "cs_CZ", "sk_SK", "hu_HU", "ro_RO", "hr_HR", "sl_SI", "bg_BG", "ru_RU", "uk_UA", "el_GR",
                  "tr_TR", "da_DK", "no_NO", "sv_SE", "fi_FI", "et_EE", "lv_LV", "lt_LT", "en_IN", "en_NG", "ig_NG", "zu_ZA", "tw_GH",
                  "id_ID", "vi_VN", "az_AZ", "ga_IE", "is_IS"]


# Layouts of the ninth fresh split, written after records-fresh8's classes were fixed: a surname
# first, a conference call, a birth date and an address beside the person, a group-join line, mail
# and phone symbols, next of kin, a card used by someone, "registered to", a greeting with a title,
# a YAML list, "Sent from …'s iPhone", a referrer with a company, a Markdown mail link.
FRESH9_LAYOUTS = [
    "Please deliver to: {L} {F} (surname first), mobile {T}",
    "Conference call with {P} — dial-in {T}, PIN 4431#",
    "Our records show {N} (DOB 12.03.1980) at {A}; tel {T}",
    "Beneficiary: {U}, account {I}, reference INV-2291",
    "{N} [{T}] joined the group",
    "✉ {N} · ☏ {T}",
    "Emergency: next of kin {N}, {T}",
    "card {C} used by {F} at 14:02",
    "{T} is registered to {N}.",
    "Hello {P}, your appointment is confirmed. Questions: {T}",
    "- name: {N}\n  tel: {T}",
    "Sent from {N}'s iPhone",
    "Referrer: {N} ({O}), {T}",
    "[{N}](mailto:office@example.com) · {T}",
]
FRESH9_LOCALES = ["en_US", "en_GB", "en_IE", "en_NZ", "en_IN", "de_DE", "de_CH", "fr_FR", "fr_BE", "it_IT", "es_ES", "es_AR",
                  "pt_PT", "pt_BR", "nl_NL", "da_DK", "sv_SE", "no_NO", "fi_FI", "is_IS", "pl_PL", "cs_CZ", "sk_SK", "sl_SI", "hr_HR",
                  "bs_BA", "ro_RO", "bg_BG", "mk_MK", "ru_RU", "uk_UA", "el_GR", "el_CY", "tr_TR", "az_AZ", "hu_HU", "lt_LT", "lv_LV",
                  "et_EE", "yo_NG", "ha_NG", "sw", "zu_ZA", "id_ID", "vi_VN"]


# Layouts of the tenth fresh split, written after records-fresh9's classes were fixed: customer
# messages and forum posts where a phone number stands with a weak cue or none (a verification text,
# bouncing messages, "whose number is …", a mailing list, a courier's note), a person beside a job
# and a company, a title and surname alone, a first name in a chat's thanks. The phone number is
# drawn from every locale Faker has (Bengali digits, Thai, Georgian, Armenian, Nepali, Japanese and
# Arabic-country layouts among them); the names from the locales whose names are written in Latin,
# Greek or Cyrillic letters.
FRESH10_LAYOUTS = [
    "I never got the verification text on {T}, can you resend it? — {N}",
    "Messages to {T} keep bouncing since Tuesday.",
    "{F} here. New number is {T}, the old one is gone.",
    "Whose number is {T}? It rang me three times.",
    "Add {N} ({T}) to the group please",
    "My husband {N} will pick it up; his number {T}.",
    "The courier left a note to call back {T}.",
    "We spoke with {N} on Friday, she can be reached at {T} or at the office.",
    "Please update my details to {T} and {E}. Thanks, {F}",
    "{P}, {J} at {O}, confirmed the figures.",
    "Dr. {L} said the results would be ready on Monday.",
    "I'm {F}, I called earlier from {T} about my card {C}.",
    "Thanks {F}! I'll text you at {T} when I land.",
    "If you need anything, {F}'s cell is {T}.",
    "Please remove {T} from your mailing list.",
    "Can you confirm that {T} belongs to {N}?",
    "Account holder {N}, {A}. Card {C} blocked on request.",
    "{T} (home) / {E} — {N}",
]
FRESH10_NAME_LOCALES = ["en_US", "en_GB", "en_CA", "en_AU", "en_NZ", "en_IE", "en_IN", "en_PK", "en_NG", "en_KE", "de_DE", "de_AT",
                        "de_CH", "fr_FR", "fr_CA", "fr_CH", "it_IT", "es_ES", "es_MX", "es_AR", "es_CO", "pt_PT", "pt_BR", "nl_NL",
                        "nl_BE", "da_DK", "sv_SE", "no_NO", "fi_FI", "pl_PL", "cs_CZ", "sk_SK", "hu_HU", "ro_RO", "hr_HR", "sl_SI",
                        "sq_AL", "lt_LT", "lv_LV", "et_EE", "bg_BG", "ru_RU", "uk_UA", "el_GR", "tr_TR", "az_AZ", "id_ID", "vi_VN",
                        "yo_NG", "zu_ZA", "tw_GH", "sw", "ga_IE", "mt_MT", "is_IS"]


# Layouts of the eleventh fresh split, written after records-fresh10's classes were fixed: a claim
# note, a chat answer, a note to self, a signature with bars, a tenant and guarantor, a surname
# first with a dash, a caller who gave her name, a direct message, a delivery contact, a contact
# with its number and e-mail in brackets, a witness of an address. Phone numbers from every locale
# Faker has, names from the Latin, Greek and Cyrillic locales of the tenth split.
FRESH11_LAYOUTS = [
    "Re: your claim — {N} rang twice from {T} today.",
    "{F}? yeah she's at {T} till 5",
    "Note to self: call {F} back ({T})",
    "{N} | Senior Analyst | {O} | {T}",
    "Tenant: {N}. Guarantor: {P}. Guarantor's phone: {T}",
    "Paid with {C} by {N} on 03/02",
    "{L}, {F} — Tel {T}",
    "Spoke to {F} ({T}); she'll confirm tomorrow",
    "Please ring my mobile {T} rather than the landline. {F}",
    "The caller, who gave her name as {N}, left {T}.",
    "DM me or text {T} — {F}",
    "Delivery contact {T} (ask for {F})",
    "{N} ({T}, {E})",
    "Witness: {N}, of {A}",
    "Card ending in {C} belongs to {P}",
]


# Layouts of the twelfth fresh split, written after records-fresh11's classes were fixed: a desk
# note, two people on one lease, a forward to someone at a company, meeting minutes, a lawyer of a
# firm, a Danish contact person, a Spanish contact with WhatsApp, a reference of surname and first
# name, a chat giggle, a signature with a job, an HTML contact card, a dashed line of name, job and
# company, a list of attendees. {G} is a second first name; {O} companies, {A} addresses and {J}
# jobs stand beside the people and are never gold.
FRESH12_LAYOUTS = [
    "From the desk of {P}, {J}",
    "{N} and {G} co-signed the lease at {A}.",
    "Pls forward to {F} @ {O}: {T}",
    "Minutes: {N} (chair), {P} (secretary). Next call {T}.",
    "Her lawyer, {P} of {O}, declined to comment.",
    "Kontaktperson: {N}, Tel. {T}",
    "Contacto: {N} — {T} (WhatsApp)",
    "Ref. {L}/{F} — card {C}",
    "Who's {F}?? lol she texted {T} again",
    "Signed, {N}, {J}",
    "<b>{N}</b>, {O} · {T}",
    "{N} – {J} – {O} – {T}",
    "Attendees: {F}, {G} and {P}",
    "Cardholder {U} disputes a charge on {C}.",
]

# Written on 2026-12-03 after fresh12's companies and job titles were fixed, committed before Veil
# was run on it: people beside companies, jobs, addresses and e-mail addresses in new frames.
FRESH13_LAYOUTS = [
    "{F}, can you ping {N} on {T}? thx",
    "Re: invoice — {N} ({O}) — {T}",
    "Per {P}, the card {C} was cancelled.",
    "Emergency contact — {N}, {T}; lives at {A}",
    "{O} hired {N} as {J} last spring.",
    "RSVP: {P} +1, {G} — reach them at {T}",
    "Tenant: {U} | Tel: {T} | Card: {C}",
    "Quote from {P}, {J} at {O}: we will fix it",
    "{L}, {F} — {T} — {E}",
    "Thank you {N}! Your order ships to {A}.",
    "I think {G} and {F} know {P}, the {J}.",
    "Witness statement taken from {N} ({J}), phone {T}.",
]

# Written on 2026-12-03 after fresh13's classes were fixed, committed before Veil was run on it.
FRESH14_LAYOUTS = [
    "Spoke to {N} from {O} today — she'll call back on {T}.",
    "Booking ref 7Q2K for {U}; contact {T}; paid with {C}",
    "{F} here! new number: {T}",
    "Statement of {P}, {J}, resident at {A}.",
    "cc: {N}, {P}; {O} legal team",
    "Our {J}, {N}, can be reached on {T}.",
    "Payment from {N} ({E}) declined, card {C}",
    "> {F} wrote: call me at {T}",
    "Landlord: {P} ({O}), tel. {T}",
    "We thank {N} and {G} of {O} for their help.",
    "{N}\t{T}\t{A}",
    "Delivery to {U}, {A} — call {T} on arrival",
]


def render(layout, values):
    text, spans, i = "", [], 0
    kinds = {"N": "PERSON", "F": "PERSON", "G": "PERSON", "L": "PERSON", "U": "PERSON", "P": "PERSON", "T": "PHONE_NUMBER", "C": "BANK_CARD", "I": "IBAN_CODE"}
    while i < len(layout):
        if layout[i] == "{" and layout[i + 2] == "}":
            key = layout[i + 1]
            start = len(text)
            text += values[key]
            if key in kinds:
                spans.append({"start": start, "end": len(text), "entity": kinds[key]})
            i += 3
        else:
            text += layout[i]
            i += 1
    return text, spans


# Each split: its locales, its layouts, its seed and the prefix of its ids.
SPLITS = {
    "dev": (LOCALES, LAYOUTS, 1603, "records"),
    "heldout": (HELDOUT_LOCALES, HELDOUT_LAYOUTS, 2207, "heldout"),
    "fresh": (FRESH_LOCALES, FRESH_LAYOUTS, 3119, "fresh"),
    "fresh2": (FRESH2_LOCALES, FRESH2_LAYOUTS, 4421, "fresh2"),
    "fresh3": (FRESH3_LOCALES, FRESH3_LAYOUTS, 5573, "fresh3"),
    "fresh4": (FRESH4_LOCALES, FRESH4_LAYOUTS, 6151, "fresh4"),
    "fresh5": (FRESH5_LOCALES, FRESH5_LAYOUTS, 7013, "fresh5"),
    "fresh6": (FRESH6_LOCALES, FRESH6_LAYOUTS, 8237, "fresh6"),
    "fresh7": (FRESH7_LOCALES, FRESH7_LAYOUTS, 9151, "fresh7"),
    "fresh8": (FRESH8_LOCALES, FRESH8_LAYOUTS, 9973, "fresh8"),
    "fresh9": (FRESH9_LOCALES, FRESH9_LAYOUTS, 10457, "fresh9"),
    "fresh10": (FRESH10_NAME_LOCALES, FRESH10_LAYOUTS, 11321, "fresh10"),
    "fresh11": (FRESH10_NAME_LOCALES, FRESH11_LAYOUTS, 12547, "fresh11"),
    "fresh12": (FRESH10_NAME_LOCALES, FRESH12_LAYOUTS, 13613, "fresh12"),
    "fresh13": (FRESH10_NAME_LOCALES, FRESH13_LAYOUTS, 14867, "fresh13"),
    "fresh14": (FRESH10_NAME_LOCALES, FRESH14_LAYOUTS, 15923, "fresh14"),
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", choices=list(SPLITS), default="dev")
    parser.add_argument("--count", type=int, default=600)
    parser.add_argument("--seed", type=int)
    args = parser.parse_args()
    locales, layouts, seed, prefix = SPLITS[args.split]
    if args.seed is None:
        args.seed = seed
    rng = random.Random(args.seed)
    fakers = {}
    for locale in locales:
        fake = Faker(locale)
        fake.seed_instance(args.seed)
        fakers[locale] = fake
    phone_fakers = {}
    if args.split in ("fresh10", "fresh11", "fresh12", "fresh13", "fresh14"):
        for index, locale in enumerate(PHONE_LOCALES):
            phone_faker = Faker(locale)
            if hasattr(phone_faker, "phone_number"):
                phone_faker.seed_instance(args.seed + index)
                phone_fakers[locale] = phone_faker
    iban_faker = Faker(["de_DE", "en_GB", "fr_FR", "nl_NL", "es_ES", "it_IT"])
    iban_faker.seed_instance(args.seed)
    for number in range(args.count):
        locale = rng.choice(locales)
        fake = fakers[locale]
        first, last = fake.first_name(), fake.last_name()
        values = {"N": f"{first} {last}", "F": first, "L": last, "U": f"{first} {last}".upper(), "T": fake.phone_number(), "C": fake.credit_card_number(), "I": iban_faker.iban()}
        if args.split in ("fresh8", "fresh9", "fresh10", "fresh11", "fresh12", "fresh13", "fresh14"):
            # Drawn only here, so that the earlier splits regenerate byte for byte.
            values.update({"P": fake.name(), "A": fake.address().replace("\n", ", "), "O": fake.company()})
        if args.split in ("fresh12", "fresh13", "fresh14"):
            values["G"] = fake.first_name()
        if args.split in ("fresh10", "fresh11", "fresh12", "fresh13", "fresh14"):
            values.update({"J": fake.job(), "E": fake.email(), "T": phone_fakers[rng.choice(sorted(phone_fakers))].phone_number()})
        text, spans = render(rng.choice(layouts), values)
        print(json.dumps({"id": f"{prefix}:{number}:{locale}", "text": text, "spans": spans}, ensure_ascii=False))


if __name__ == "__main__":
    main()
