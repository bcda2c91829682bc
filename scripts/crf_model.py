"""Writes a trained python-crfsuite model in the text format Veil's NameTagger reads: a comment
line, the labels, one `>` row per label transition, then one row per feature with its
label:weight pairs (weights below 10^-precision dropped). Shared by build_person_crf.py
(person-zh) and build_person_en_crf.py (person-en)."""
import sys


def write_model(tagger, path, labels, header, precision=4):
    info = tagger.info()
    index = {label: i for i, label in enumerate(labels)}
    with open(path, "w", encoding="utf-8") as out:
        out.write(f"# {header}\n")
        out.write("# labels\t" + "\t".join(labels) + "\n")
        for (previous, label), weight in sorted(info.transitions.items()):
            out.write(f">\t{index[previous]}\t{index[label]}\t{weight:.{precision}f}\n")
        by_feature = {}
        for (feature, label), weight in info.state_features.items():
            if abs(weight) >= 10 ** -precision:
                by_feature.setdefault(feature, {})[index[label]] = weight
        for feature in sorted(by_feature):
            out.write(feature + "\t" + " ".join(f"{i}:{w:.{precision}f}" for i, w in sorted(by_feature[feature].items())) + "\n")
    print(f"wrote {path}: {len(by_feature)} features", file=sys.stderr)
