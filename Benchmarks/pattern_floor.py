#!/usr/bin/env python3
"""What the pattern plugins' regular expressions cost in PCRE2 itself, without Veil: each rule of
each plugin compiled as Veil compiles it (UTF, UCP, JIT) and run over the whole of a text, match
after match, from C. The sum is a floor under any engine that runs each rule with PCRE2 — windows
around digits and anchors can skip text, but on text as dense in numbers as the benchmark corpus
they cover most of it — and so says how fast a policy of pattern plugins can be at best.

Needs a C compiler, libpcre2-dev and PyYAML. Usage (from the repository root):
  python3 Benchmarks/pattern_floor.py [--text FILE] [--plugins id,id,...] [--repeat 3]
With no --text: one megabyte of the benchmark corpus (Benchmarks/generate_corpus.py, plain text).
With no --plugins: the identifier plugins of the default policy (no name, place or address plugin).
Prints each plugin's milliseconds per megabyte (best of --repeat runs) and their sum.
"""
import argparse
import glob
import os
import subprocess
import sys
import tempfile

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "Benchmarks"))
import run  # noqa: E402  (the runner's corpus and default-policy helpers)

# Reads rules (plugin, caseless flag, pattern: one per line, tab-separated) and a text; prints each
# rule's best time over REPEAT whole-text scans, in nanoseconds.
HARNESS = r"""
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1e9 + t.tv_nsec; }
int main(int argc, char **argv) {
    FILE *file = fopen(argv[2], "rb"); fseek(file, 0, SEEK_END); long size = ftell(file); fseek(file, 0, SEEK_SET);
    char *text = malloc(size); if (fread(text, 1, size, file) != (size_t)size) return 1; fclose(file);
    int repeat = atoi(argv[3]);
    FILE *rules = fopen(argv[1], "r"); static char line[16384];
    while (fgets(line, sizeof line, rules)) {
        line[strcspn(line, "\n")] = 0;
        char *plugin = strtok(line, "\t"), *caseless = strtok(NULL, "\t"), *source = strtok(NULL, "");
        int error; PCRE2_SIZE offset;
        pcre2_code *code = pcre2_compile((PCRE2_SPTR)source, PCRE2_ZERO_TERMINATED,
            PCRE2_UTF | PCRE2_UCP | (atoi(caseless) ? PCRE2_CASELESS : 0), &error, &offset, NULL);
        if (!code) { printf("%s\t-1\n", plugin); continue; }
        pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
        pcre2_match_data *match = pcre2_match_data_create_from_pattern(code, NULL);
        double best = 1e18;
        for (int round = 0; round < repeat; round++) {
            double start = now(); PCRE2_SIZE at = 0;
            while (at < (PCRE2_SIZE)size) {
                if (pcre2_match(code, (PCRE2_SPTR)text, size, at, PCRE2_NO_UTF_CHECK, match, NULL) < 0) break;
                PCRE2_SIZE *ovector = pcre2_get_ovector_pointer(match);
                at = ovector[1] > ovector[0] ? ovector[1] : ovector[0] + 1;
            }
            double took = now() - start; if (took < best) best = took;
        }
        printf("%s\t%.0f\n", plugin, best);
        pcre2_match_data_free(match); pcre2_code_free(code);
    }
    return 0;
}
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--text")
    parser.add_argument("--plugins")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        text = args.text or run.corpus(work, 1, "text")
        if args.plugins:
            plugins = args.plugins.split(",")
        else:
            plugins = [p for p in run.default_policy_plugins() if not p.startswith(("person-", "location-", "address"))]
        rules = os.path.join(work, "rules.tsv")
        with open(rules, "w", encoding="utf-8") as out:
            for path in sorted(glob.glob(os.path.join(ROOT, "Plugins", "*", "plugin.yaml"))):
                manifest = yaml.safe_load(open(path, encoding="utf-8"))
                if manifest["id"] not in plugins:
                    continue
                for rule in manifest.get("patterns") or []:
                    out.write(f"{manifest['id']}\t{int(bool(rule.get('caseless')))}\t{rule['regex']}\n")
        source, binary = os.path.join(work, "floor.c"), os.path.join(work, "floor")
        open(source, "w").write(HARNESS)
        subprocess.run(["cc", "-O2", source, "-o", binary, "-lpcre2-8"], check=True)
        output = subprocess.run([binary, rules, text, str(args.repeat)], capture_output=True, text=True, check=True).stdout
        megabytes = os.path.getsize(text) / 1024 / 1024
        totals, rule_count = {}, 0
        for line in output.splitlines():
            plugin, nanoseconds = line.split("\t")
            if float(nanoseconds) < 0:
                sys.exit(f"a pattern of {plugin} did not compile")
            totals[plugin] = totals.get(plugin, 0) + float(nanoseconds) / 1e6 / megabytes
            rule_count += 1
        print(f"{rule_count} rules of {len(totals)} plugins over {megabytes:.2f} MB of {os.path.basename(text)}, best of {args.repeat}:\n")
        print("| plugin | ms per MB |\n|---|---|")
        for plugin, milliseconds in sorted(totals.items(), key=lambda item: -item[1]):
            print(f"| {plugin} | {milliseconds:.2f} |")
        total = sum(totals.values())
        print(f"| all | {total:.1f} |\n\nAt best {1000 / total:.0f} MB/s on one core for these patterns alone.")


if __name__ == "__main__":
    main()
