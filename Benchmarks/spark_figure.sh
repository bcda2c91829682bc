#!/usr/bin/env bash
# The README's Spark figure: a generated forum dump (JSONL) anonymized by `veil anonymize` and by
# Veil on Spark in local mode (local[2]), timed, and the two outputs compared byte for byte.
# Usage: Benchmarks/spark_figure.sh [SIZE_MB (default 1024)] [FOLDER (default /tmp/veil-spark-figure)]
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1024}
folder=${2:-/tmp/veil-spark-figure}
veil=$PWD/.build/release/veil
policy=$PWD/Examples/forum-thread.yaml
export VEIL_FIGURE_KEY="the Spark figure's key, not a secret"
mkdir -p "$folder"
dump=$folder/forum-$size.jsonl
[ -f "$dump" ] || python3 Benchmarks/generate_corpus.py "$size" forum --seed 1 > "$dump"
rm -rf "$folder/cli.jsonl" "$folder/spark"
echo "veil anonymize:"
/usr/bin/time -f "  %e s, peak memory %M KB" "$veil" anonymize --quiet --policy "$policy" --key env:VEIL_FIGURE_KEY "$dump" -o "$folder/cli.jsonl"
echo "Spark local[2]:"
/usr/bin/time -o "$folder/spark.time" -f "  %e s" spark-submit --master 'local[2]' --driver-memory 2g --conf spark.ui.showConsoleProgress=false \
    Integrations/spark/veil_spark.py --veil "$veil" --policy "$policy" --key env:VEIL_FIGURE_KEY "$dump" -o "$folder/spark" 2> "$folder/spark.log" \
    || { tail -20 "$folder/spark.log"; exit 1; }
cat "$folder/spark.time"
cat "$folder"/spark/part-* | cmp - "$folder/cli.jsonl" && echo "the outputs are byte-identical ($(du -h "$dump" | cut -f1) in, $(ls "$folder"/spark/part-* | wc -l) partitions)"
