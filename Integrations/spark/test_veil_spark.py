"""Veil on Spark in local mode (local[2]) against `veil anonymize` on one machine: the same bytes,
one pseudonym for a person across partitions, and a bad record's place when a partition fails.

Run by check.sh (from `make test`) with the release binary: python3 -m unittest test_veil_spark
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
VEIL = os.environ.get("VEIL_BINARY", os.path.join(ROOT, ".build", "release", "veil"))
POLICY = os.path.join(ROOT, "Examples", "forum-thread.yaml")
SPLIT = 4 << 20

sys.path.insert(0, HERE)
import veil_spark  # noqa: E402


FLAKY_VEIL = """#!/bin/sh
# The first output run (--settlement) writes 100 KB of its partition, then fails.
case "$*" in
  *--settlement*)
    if mkdir "$VEIL_TEST_MARKER" 2> /dev/null; then
      "$VEIL_TEST_REAL" "$@" | head -c 100000
      exit 3
    fi ;;
esac
exec "$VEIL_TEST_REAL" "$@"
"""


class SparkAgainstOneMachine(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        from pyspark.sql import SparkSession

        cls.folder = tempfile.mkdtemp(prefix="veil-spark-test-")
        os.environ["VEIL_TEST_KEY"] = "spark tests: a key long enough"
        cls.dump = os.path.join(cls.folder, "forum.jsonl")
        # Three partitions of 4 MiB, authors replying to authors of other partitions.
        with open(cls.dump, "wb") as handle:
            subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "generate_corpus.py"), "9", "forum", "--seed", "11"],
                           stdout=handle, check=True)
        # A veil that fails its first output run midway, after writing part of a partition: Spark
        # must retry the task (local[2,2]: two attempts) and keep nothing of the failed attempt.
        cls.flaky = os.path.join(cls.folder, "flaky", "veil")
        os.makedirs(os.path.dirname(cls.flaky))
        with open(cls.flaky, "w") as handle:
            handle.write(FLAKY_VEIL)
        os.chmod(cls.flaky, 0o755)
        os.environ["VEIL_TEST_REAL"] = VEIL
        os.environ["VEIL_TEST_MARKER"] = os.path.join(cls.folder, "failed-once")
        cls.spark = (SparkSession.builder.master("local[2,2]").appName("veil-spark tests")
                     .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").getOrCreate())
        # The failing job's task errors are expected; the test checks the error the job raises.
        cls.spark.sparkContext.setLogLevel("OFF")

    @classmethod
    def tearDownClass(cls):
        cls.spark.stop()
        shutil.rmtree(cls.folder, ignore_errors=True)

    def one_machine(self, path, *options):
        output = os.path.join(self.folder, f"cli-{os.path.basename(path)}-{len(options)}")
        process = subprocess.run([VEIL, "anonymize", "--policy", POLICY, "--key", "env:VEIL_TEST_KEY", "--quiet", *options, path, "-o", output],
                                 capture_output=True)
        with open(output, "rb") as handle:
            return handle.read(), process

    def on_spark(self, path, name, **options):
        output = os.path.join(self.folder, name)
        skipped = veil_spark.anonymize_jsonl(self.spark, [path], output, veil=VEIL, policy=POLICY, key="env:VEIL_TEST_KEY",
                                             split_bytes=SPLIT, **options)
        parts = sorted(name for name in os.listdir(output) if name.startswith("part-"))
        self.assertTrue(os.path.exists(os.path.join(output, "_SUCCESS")))
        data = b""
        for part in parts:
            with open(os.path.join(output, part), "rb") as handle:
                data += handle.read()
        return data, parts, skipped

    def test_the_output_is_the_one_machine_output_byte_for_byte(self):
        expected, process = self.one_machine(self.dump)
        self.assertEqual(process.returncode, 0, process.stderr)
        output, parts, skipped = self.on_spark(self.dump, "equal")
        self.assertEqual(len(parts), 3)
        self.assertEqual(skipped, [])
        self.assertEqual(output, expected)

        # A reply in a later partition names an author of the first: the author's pseudonym.
        with open(self.dump, "rb") as handle:
            lines = handle.read().splitlines(keepends=True)
        originals = [json.loads(line) for line in lines]
        rewritten = [json.loads(line) for line in output.decode("utf-8").splitlines()]
        offsets, offset = [], 0
        for line in lines:
            offsets.append(offset)
            offset += len(line)
        first_post = {}
        for index, post in enumerate(originals):
            first_post.setdefault(post["author"], index)
        checked = 0
        for index, post in enumerate(originals):
            found = re.match(r"回复([^：]+)：", post["body"])
            if not found or offsets[index] < 2 * SPLIT:
                continue
            author = first_post.get(found.group(1))
            if author is None or offsets[author] >= SPLIT:
                continue
            pseudonym = rewritten[author]["author"]
            self.assertNotEqual(pseudonym, post["body"][2:2 + len(found.group(1))])
            self.assertTrue(rewritten[index]["body"].startswith(f"回复{pseudonym}："), (index, author))
            checked += 1
        self.assertGreater(checked, 100)

    def test_a_bad_record_fails_the_job_with_its_place_or_is_left_out(self):
        bad = os.path.join(self.folder, "bad.jsonl")
        with open(self.dump, "rb") as source, open(bad, "wb") as target:
            lines = source.read().split(b"\n")
            # A line in the second partition whose JSON is cut short.
            number, offset = 0, 0
            while offset < SPLIT + 1000:
                offset += len(lines[number]) + 1
                number += 1
            secret = lines[number][:60]
            lines[number] = secret
            target.write(b"\n".join(lines))
        line = number + 1
        with self.assertRaises(veil_spark.VeilError) as failure:
            self.on_spark(bad, "failed")
        message = str(failure.exception)
        self.assertRegex(message, rf"bad\.jsonl:{line}: error: invalid JSON")
        self.assertNotIn(secret.decode("utf-8", "ignore")[20:], message)
        self.assertFalse(os.path.exists(os.path.join(self.folder, "failed")), "a failed job leaves no output")

        expected, process = self.one_machine(bad, "--on-error", "skip")
        self.assertEqual(process.returncode, 1)
        output, _, skipped = self.on_spark(bad, "skipped", on_error="skip")
        self.assertEqual(len(skipped), 1)
        self.assertRegex(skipped[0], rf"bad\.jsonl:{line}: invalid JSON")
        self.assertEqual(output, expected)

    def test_a_dataframe_comes_back_anonymized_with_its_schema(self):
        with open(self.dump, encoding="utf-8") as handle:
            posts = [json.loads(next(handle)) for _ in range(300)]
        from pyspark.sql import Row

        columns = ["post_id", "thread", "author", "body", "posted_at"]
        # Three partitions, in the list's order (the order the rows are anonymized in).
        frame = self.spark.createDataFrame(self.spark.sparkContext.parallelize([Row(**{c: p[c] for c in columns}) for p in posts], 3))
        rows = [row.asDict() for row in frame.collect()]
        self.assertEqual([row["post_id"] for row in rows], [post["post_id"] for post in posts])
        staging = os.path.join(self.folder, "staging")
        result = veil_spark.anonymize_dataframe(self.spark, frame, staging, veil=VEIL, policy=POLICY, key="env:VEIL_TEST_KEY")
        self.assertEqual(result.schema, frame.schema)
        anonymized = [row.asDict() for row in result.collect()]
        self.assertFalse(os.path.exists(os.path.join(staging, "rows")), "the rows as JSON (originals) are deleted")
        # What veil anonymize writes for the frame's partitions as JSON-lines files, in order (records
        # link within their file, so a partition is a file).
        written = os.path.join(self.folder, "frame-as-json")
        frame.write.json(written)
        files = sorted(os.path.join(written, name) for name in os.listdir(written) if name.startswith("part-"))
        self.assertEqual(len(files), 3)
        outputs = os.path.join(self.folder, "frame-by-cli")
        process = subprocess.run([VEIL, "anonymize", "--policy", POLICY, "--key", "env:VEIL_TEST_KEY", "--quiet", "--input-format", "jsonl", *files, "-o", outputs + "/"],
                                 capture_output=True)
        self.assertEqual(process.returncode, 0, process.stderr)
        expected = []
        for path in files:
            with open(os.path.join(outputs, os.path.basename(path)), encoding="utf-8") as handle:
                expected += [json.loads(line) for line in handle]
        by_id = lambda row: row["post_id"]  # noqa: E731
        self.assertEqual(sorted(anonymized, key=by_id), sorted(expected, key=by_id))
        self.assertEqual(sorted(row["post_id"] for row in anonymized), sorted(row["post_id"] for row in rows))
        originals = {row["post_id"]: row["author"] for row in rows}
        self.assertTrue(all(row["author"] != originals[row["post_id"]] for row in anonymized))

    def test_a_partition_whose_veil_fails_is_retried_and_nothing_of_it_kept(self):
        expected, _ = self.one_machine(self.dump)
        output = os.path.join(self.folder, "retried")
        veil_spark.anonymize_jsonl(self.spark, [self.dump], output, veil=self.flaky, policy=POLICY, key="env:VEIL_TEST_KEY",
                                   split_bytes=SPLIT, veil_home=ROOT)
        self.assertTrue(os.path.isdir(os.environ["VEIL_TEST_MARKER"]), "the first attempt failed")
        data = b""
        for part in sorted(name for name in os.listdir(output) if name.startswith("part-")):
            with open(os.path.join(output, part), "rb") as handle:
                data += handle.read()
        self.assertEqual(data, expected)

    def test_a_run_without_the_key_is_refused(self):
        with self.assertRaises(ValueError):
            veil_spark.anonymize_jsonl(self.spark, [self.dump], os.path.join(self.folder, "nokey"), veil=VEIL, policy=POLICY, key="")
        with self.assertRaises(ValueError):
            veil_spark.anonymize_jsonl(self.spark, [self.dump], os.path.join(self.folder, "split"), veil=VEIL, policy=POLICY,
                                       key="env:VEIL_TEST_KEY", split_bytes=(4 << 20) + 1)


if __name__ == "__main__":
    unittest.main()
