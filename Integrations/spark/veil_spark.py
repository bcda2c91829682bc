#!/usr/bin/env python3
"""Veil on Apache Spark: anonymize a JSONL dataset on a cluster, with the output `veil anonymize`
writes for it on one machine.

Each partition's records are piped through one long-lived `veil` process (the JSONL contract: a
JSON object per line in, the same line rewritten out). The binary, the policy, the built-in and
extra plugins and a key file are shipped to the executors with `SparkContext.addFile` and found
there with `SparkFiles`. What a run over the whole dataset knows and one partition cannot is
computed as Spark stages whose results every executor receives:

1. the values of the policy's entity fields (every `author`), so that a reply in one partition
   naming an author of another gets that author's pseudonym (`veil values`);
2. which originals each partition draws pseudonyms for, in input order (`veil anonymize
   --claims`), settled on the driver as one run settles them: first come, first served, so two
   originals never share a pseudonym and each keeps the one a single machine gives it
   (`veil settle`);
3. the output, each partition drawing as settled (`veil anonymize --settlement`).

Partitions are byte ranges of each file starting at multiples of 4 MiB: records link to the
records before them within such a block of their file, so no link crosses a partition.

As a library (`--py-files veil_spark.py`):

    from veil_spark import anonymize_jsonl
    anonymize_jsonl(spark, ["forum.jsonl"], "out", veil="/usr/local/bin/veil",
                    policy="forum.yaml", key="env:VEIL_KEY")

As a job:

    spark-submit Integrations/spark/veil_spark.py --veil .build/release/veil \\
        --policy Examples/forum-thread.yaml --key env:VEIL_KEY forum.jsonl -o out

A DataFrame — a Parquet or CSV dataset — is anonymized through JSON lines
(`anonymize_dataframe`, or `--format parquet|csv` for the job): its columns are the fields the
policy's rules name.

The output is a folder of part files (`part-00000`, ... in input order) and `_SUCCESS`. A job that
fails leaves no output folder. Errors name the file and line of the record (its byte offset for
files not on a local disk), never its text.
"""

import argparse
import itertools
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import uuid

from pyspark.accumulators import AccumulatorParam

BLOCK_SIZE = 4 << 20
"""Records link to the records before them within blocks of this many bytes of their file
(`DocumentContext.recordBlockSize` in Veil); every partition starts at a multiple of it."""

DEFAULT_SPLIT = 64 << 20

TEXT_INPUT_FORMAT = "org.apache.hadoop.mapreduce.lib.input.TextInputFormat"


class VeilError(RuntimeError):
    """A step of the run failed; the message names the file and record, never its text."""


class _Executor:
    """What an executor needs to run `veil`: the names of the files shipped with `addFile`, the
    key, the options. Made on the driver and sent with every task."""

    def __init__(self, veil, policy, plugins, key_spec, key_value, on_error):
        self.veil = veil
        self.policy = policy
        self.plugins = plugins
        self.key_spec = key_spec
        self.key_value = key_value
        self.on_error = on_error

    def command(self, subcommand, *options):
        from pyspark import SparkFiles

        veil = SparkFiles.get(self.veil)
        if not os.access(veil, os.X_OK):
            os.chmod(veil, os.stat(veil).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        command = [veil, subcommand, "--input-format", "jsonl", "--quiet", "--on-error", self.on_error]
        if self.policy:
            command += ["--policy", SparkFiles.get(self.policy)]
        for plugin in self.plugins:
            command += ["--plugins", SparkFiles.get(plugin)]
        if self.key_spec.startswith("env:"):
            command += ["--key", self.key_spec]
        else:
            command += ["--key", "file:" + SparkFiles.get(self.key_spec[5:])]
        return command + list(options)

    def environment(self):
        from pyspark import SparkFiles

        environment = dict(os.environ)
        # The built-in plugins and policies were shipped as Plugins/ and Policies/.
        environment["VEIL_HOME"] = SparkFiles.getRootDirectory()
        if self.key_spec.startswith("env:"):
            environment[self.key_spec[4:]] = self.key_value.value
        return environment


class _Part:
    """One partition's records, with their byte offsets in their file, checked to be whole and
    contiguous: `veil` counts its record blocks from the first offset."""

    def __init__(self, path, records):
        self.path = path
        self.records = iter(records)
        self.offsets = []
        self.start = None
        self.first = next(self.records, None)
        if self.first is not None:
            self.start = self.first[0]

    def lines(self):
        if self.first is None:
            return
        expected = self.start
        for offset, line in itertools.chain([self.first], self.records):
            expected = self._check(offset, line, expected)
            yield line

    def _check(self, offset, line, expected):
        if offset != expected:
            raise VeilError(
                f"{self.place(len(self.offsets))}: the line before this one is not as the file holds it "
                "(JSONL for Spark must be valid UTF-8, its lines ended by \\n alone)")
        self.offsets.append(offset)
        return offset + len(line.encode("utf-8")) + 1

    def place(self, index):
        """The file and line (or byte offset) of the partition's record `index` (0-based)."""
        offset = self.offsets[index] if 0 <= index < len(self.offsets) else (self.start or 0)
        line = _line_number(self.path, offset)
        return f"{self.path}:{line}" if line else f"{self.path} (the record at byte {offset})"

    def fail(self, message, status):
        """Raises the error `veil` reported, its `<stdin>:LINE` made the record's place in the file."""
        found = re.search(r"<stdin>:(\d+)(?::\d+)?: error: (.*)", message)
        if found:
            raise VeilError(f"{self.place(int(found.group(1)) - 1)}: error: {found.group(2)}")
        last = message.strip().splitlines()[-1] if message.strip() else f"veil exited with status {status}"
        raise VeilError(f"{self.path}: {last}")

    def run(self, executor, command, skipped=None):
        """Yields the output lines of `command` (`veil anonymize`, or `veil values` when `skipped`
        is None) over this partition's records."""
        if self.start is None:
            return
        report = os.path.join(tempfile.gettempdir(), f"veil-report-{uuid.uuid4().hex}.json")
        if skipped is not None:
            command = command + ["--input-offset", str(self.start), "--report", report]
        errors = tempfile.TemporaryFile()
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors, env=executor.environment())
        failure = []

        def feed():
            try:
                for line in self.lines():
                    process.stdin.write(line.encode("utf-8") + b"\n")
            except BrokenPipeError:
                pass
            except BaseException as error:  # noqa: BLE001 - raised by the reading thread
                failure.append(error)
                process.kill()
            finally:
                try:
                    process.stdin.close()
                except BrokenPipeError:
                    pass

        feeder = threading.Thread(target=feed, daemon=True)
        feeder.start()
        try:
            for line in process.stdout:
                yield line.rstrip(b"\n").decode("utf-8")
            status = process.wait()
            feeder.join()
            if failure:
                raise failure[0]
            if status != 0 and not self._only_skipped(status, report, skipped):
                errors.seek(0)
                self.fail(errors.read().decode("utf-8", "replace"), status)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
            if os.path.exists(report):
                os.unlink(report)

    def _only_skipped(self, status, report, skipped):
        """Whether `veil` exited 1 only because it left records out (`--on-error skip`); their
        places go to `skipped`."""
        if status != 1 or skipped is None or not os.path.exists(report):
            return False
        with open(report, encoding="utf-8") as handle:
            summary = json.load(handle)
        if "error" in summary:
            return False
        places = []
        for run in summary.get("inputs", []):
            for left_out in run.get("skipped", []):
                line = left_out.get("line")
                places.append(f"{self.place(line - 1) if line else self.path}: {left_out['message']}")
        skipped.add(places)
        return True


def _line_number(path, offset):
    """The 1-based line of byte `offset` of `path`, when it is a file on a local disk."""
    if "://" in path and not path.startswith("file:"):
        return None
    local = re.sub(r"^file:/*", "/", path)
    try:
        with open(local, "rb") as handle:
            count, remaining = 1, offset
            while remaining > 0:
                chunk = handle.read(min(remaining, 1 << 20))
                if not chunk:
                    break
                count += chunk.count(b"\n")
                remaining -= len(chunk)
            return count
    except OSError:
        return None


def _veil_home(veil):
    """The folder holding Veil's Plugins/ and Policies/ for the binary `veil`: $VEIL_HOME,
    <bin>/../share/veil, or the source checkout the binary was built in."""
    candidates = [os.environ.get("VEIL_HOME"), os.path.join(os.path.dirname(os.path.abspath(veil)), "..", "share", "veil")]
    folder = os.path.dirname(os.path.abspath(veil))
    while folder != os.path.dirname(folder):
        candidates.append(folder)
        folder = os.path.dirname(folder)
    for candidate in candidates:
        if candidate and os.path.isdir(os.path.join(candidate, "Plugins")) and os.path.isdir(os.path.join(candidate, "Policies")):
            return os.path.abspath(candidate)
    raise VeilError(f"cannot find Veil's Plugins/ and Policies/ for {veil}; set VEIL_HOME or pass veil_home")


def _input_files(spark, inputs):
    """Every file the inputs name (globs and folders expanded), in order."""
    jvm = spark.sparkContext._jvm
    configuration = spark.sparkContext._jsc.hadoopConfiguration()
    files = []
    for given in inputs:
        path = jvm.org.apache.hadoop.fs.Path(given)
        statuses = path.getFileSystem(configuration).globStatus(path) or []
        if not statuses:
            raise VeilError(f"{given}: no such file")
        for status in statuses:
            if status.isDirectory():
                children = path.getFileSystem(configuration).listStatus(status.getPath())
                names = [child.getPath().toString() for child in children if child.isFile()]
                files += sorted(name for name in names if not os.path.basename(name).startswith(("_", ".")))
            else:
                files.append(status.getPath().toString())
    return files


def _filesystem_path(spark, path):
    jvm = spark.sparkContext._jvm
    hadoop_path = jvm.org.apache.hadoop.fs.Path(path)
    return hadoop_path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()), hadoop_path


def _run_driver_veil(command):
    process = subprocess.run(command, capture_output=True)
    if process.returncode != 0:
        message = process.stderr.decode("utf-8", "replace").strip()
        raise VeilError(message.splitlines()[-1] if message else f"veil exited with status {process.returncode}")


def anonymize_jsonl(spark, inputs, output, *, veil, key, policy=None, plugins=(), on_error="fail",
                    split_bytes=DEFAULT_SPLIT, veil_home=None):
    """Anonymizes the JSONL files `inputs` (paths, globs or folders, taken in order) into the new
    folder `output` with the `veil` binary at `veil`, under `policy` (None: the built-in default).

    `key` is `env:NAME` (read here, handed to each partition's `veil`) or `file:PATH` (shipped):
    without the run's key every partition would draw pseudonyms of its own. The part files of the
    output, in order, hold what `veil anonymize` writes for the inputs in order. Under
    `on_error="skip"` a record that cannot be read is left out and its place returned; under
    `"fail"` the job fails with it. Raises `VeilError` with the place of what failed.
    """
    if split_bytes <= 0 or split_bytes % BLOCK_SIZE:
        raise ValueError(f"split_bytes must be a positive multiple of {BLOCK_SIZE} (4 MiB)")
    if on_error not in ("fail", "skip"):
        raise ValueError("on_error is fail or skip")
    if not key or not key.startswith(("env:", "file:")):
        raise ValueError("key is env:NAME or file:PATH: a Spark run needs the run's pseudonym key")
    context = spark.sparkContext
    filesystem, output_path = _filesystem_path(spark, output)
    if filesystem.exists(output_path):
        raise VeilError(f"{output}: the output folder exists already")
    home = veil_home or _veil_home(veil)
    key_value = None
    if key.startswith("env:"):
        secret = os.environ.get(key[4:])
        if not secret:
            raise VeilError(f"the environment variable {key[4:]} (the pseudonym key) is not set")
        key_value = context.broadcast(secret)
    # The run's files on the driver: links to what it ships, the values, claims and settlement.
    folder = tempfile.mkdtemp(prefix="veil-spark-")
    try:
        return _stages(spark, inputs, output, folder, veil=veil, key=key, key_value=key_value, policy=policy, plugins=plugins,
                       on_error=on_error, split_bytes=split_bytes, home=home)
    except Exception as error:
        if filesystem.exists(output_path):
            filesystem.delete(output_path, True)
        if isinstance(error, VeilError):
            raise
        found = re.search(r"VeilError: (.*)", str(error))
        if found:
            raise VeilError(found.group(1).strip()) from None
        raise
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _stages(spark, inputs, output, folder, *, veil, key, key_value, policy, plugins, on_error, split_bytes, home):
    """The stages of `anonymize_jsonl`, with `folder` for the run's files on the driver."""
    context = spark.sparkContext
    run = uuid.uuid4().hex

    def ship(path, recursive=False):
        """Ships `path` under a name of this run's (SparkFiles are known by name, and another run
        of the same SparkContext may ship another file of that name); returns the name."""
        name = f"{run}-{os.path.basename(os.path.abspath(path))}"
        copy = os.path.join(folder, name)
        if os.path.isdir(path):
            shutil.copytree(path, copy)
        else:
            try:
                os.link(path, copy)
            except OSError:
                shutil.copy2(path, copy)
        context.addFile(copy, recursive=recursive)
        return name

    # The built-in plugins and policies, where VEIL_HOME points (the same for every run).
    for name in ("Plugins", "Policies"):
        context.addFile(os.path.join(home, name), recursive=True)
    executor = _Executor(
        ship(veil), policy and ship(policy), [ship(plugin, recursive=True) for plugin in plugins],
        key if key.startswith("env:") else "file:" + ship(key[5:]), key_value, on_error)
    driver_key = key if key.startswith("env:") else "file:" + os.path.abspath(key[5:])
    driver_command = [os.path.abspath(veil)] + (["--policy", policy] if policy else [])
    for plugin in plugins:
        driver_command += ["--plugins", plugin]

    files = _input_files(spark, inputs)
    split = {"mapreduce.input.fileinputformat.split.minsize": str(split_bytes),
             "mapreduce.input.fileinputformat.split.maxsize": str(split_bytes)}
    parts = [(path, context.newAPIHadoopFile(path, TEXT_INPUT_FORMAT, "org.apache.hadoop.io.LongWritable",
                                             "org.apache.hadoop.io.Text", conf=split)) for path in files]

    def stage(step):
        """The union, in input order, of `step(path, records)` over every file's partitions."""
        return context.union([records.mapPartitions(lambda rows, path=path: step(path, rows)) for path, records in parts])

    values = os.path.join(folder, f"{run}-values.jsonl")
    claims = os.path.join(folder, f"{run}-claims.jsonl")
    settlement = os.path.join(folder, f"{run}-settlement.jsonl")
    skipped = context.accumulator([], _Places())

    # 1. Every entity field's value, from every partition.
    gathered = stage(lambda path, rows: _Part(path, rows).run(executor, executor.command("values"))).distinct().collect()
    _write_private(values, sorted(gathered))
    context.addFile(values)
    known = os.path.basename(values)

    # 2. What each partition draws pseudonyms for, in input order, settled as one run settles it.
    def claim(path, rows):
        from pyspark import SparkFiles

        notes = os.path.join(tempfile.gettempdir(), f"veil-claims-{uuid.uuid4().hex}.jsonl")
        try:
            command = executor.command("anonymize", "--known-values", SparkFiles.get(known), "--claims", notes, "-o", os.devnull)
            for _ in _Part(path, rows).run(executor, command, skipped=_Discard()):
                pass
            with open(notes, encoding="utf-8") as handle:
                yield from (line.rstrip("\n") for line in handle)
        finally:
            if os.path.exists(notes):
                os.unlink(notes)

    _write_private(claims, stage(claim).toLocalIterator())
    _run_driver_veil(driver_command[:1] + ["settle"] + driver_command[1:] + ["--key", driver_key, "-o", settlement, claims])
    context.addFile(settlement)
    settled = os.path.basename(settlement)

    # 3. The output, each partition drawing as settled.
    def anonymize(path, rows):
        from pyspark import SparkFiles

        command = executor.command("anonymize", "--known-values", SparkFiles.get(known), "--settlement", SparkFiles.get(settled))
        return _Part(path, rows).run(executor, command, skipped=skipped)

    stage(anonymize).saveAsTextFile(output)
    return list(skipped.value)


def anonymize_dataframe(spark, frame, staging, *, veil, key, policy=None, plugins=(), on_error="fail",
                        split_bytes=DEFAULT_SPLIT, veil_home=None):
    """Anonymizes a DataFrame (read from Parquet, CSV or anything Spark reads) and returns the
    anonymized DataFrame, with the same schema.

    Its rows are written as JSON lines under the new folder `staging` (a path every executor can
    reach: `hdfs://…` on a cluster; a local folder in local mode), anonymized there by
    `anonymize_jsonl` — the policy's field rules name the columns (`body: scan`,
    `author: {entity: PERSON}`, `post_id: keep`) — and read back with the frame's schema. Each of
    the frame's partitions is one JSON-lines file: the result is what `veil anonymize` writes for
    those files in order (records link within their file, so not across partitions). The rows
    as JSON are deleted once anonymized; the returned DataFrame reads `staging/anonymized`, which the
    caller deletes when done. A column whose rewritten value no longer fits its type (a number
    rewritten into text) reads back as null: keep such columns (`keep`) or cast them to strings.
    """
    filesystem, staging_path = _filesystem_path(spark, staging)
    if filesystem.exists(staging_path):
        raise VeilError(f"{staging}: the staging folder exists already")
    rows = staging.rstrip("/") + "/rows"
    anonymized = staging.rstrip("/") + "/anonymized"
    try:
        frame.write.json(rows)
        anonymize_jsonl(spark, [rows], anonymized, veil=veil, key=key, policy=policy, plugins=plugins, on_error=on_error,
                        split_bytes=split_bytes, veil_home=veil_home)
    except BaseException:
        filesystem.delete(staging_path, True)
        raise
    finally:
        rows_filesystem, rows_path = _filesystem_path(spark, rows)
        if rows_filesystem.exists(rows_path):
            rows_filesystem.delete(rows_path, True)
    return spark.read.schema(frame.schema).json(anonymized)


def _write_private(path, lines):
    """Writes `lines` to a file only its owner can read: values and claims hold originals."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        for line in lines:
            handle.write(line + "\n")


class _Discard:
    """Where the claims stage puts the places of records left out: the last stage reports them."""

    def add(self, places):
        pass


class _Places(AccumulatorParam):
    """Gathers the places of records left out, from every partition."""

    def zero(self, value):
        return []

    def addInPlace(self, first, second):
        return first + second


def main(arguments=None):
    parser = argparse.ArgumentParser(
        prog="veil_spark.py", description="Anonymize JSONL files with veil on Spark: the output veil anonymize writes on one machine.")
    parser.add_argument("inputs", nargs="+", help="JSONL files, globs or folders (taken in order)")
    parser.add_argument("-o", "--output", required=True, help="the output folder (must not exist)")
    parser.add_argument("--veil", required=True, help="the veil binary (shipped to the executors)")
    parser.add_argument("--policy", help="the policy file (default: the built-in default policy)")
    parser.add_argument("--plugins", action="append", default=[], help="a folder of extra plugins (repeatable)")
    parser.add_argument("--key", required=True, help="the pseudonym key: env:NAME or file:PATH")
    parser.add_argument("--on-error", default="fail", choices=["fail", "skip"])
    parser.add_argument("--split-mb", type=int, default=DEFAULT_SPLIT >> 20, help="partition size in MiB, a multiple of 4 (default 64)")
    parser.add_argument("--veil-home", help="the folder holding Veil's Plugins/ and Policies/ (default: found from the binary)")
    parser.add_argument("--format", default="jsonl", choices=["jsonl", "parquet", "csv"],
                        help="the inputs' format; parquet and csv (with a header) are anonymized as a DataFrame and written back in their format")
    parser.add_argument("--staging", help="for parquet and csv: a new folder every executor can reach, for the rows as JSON lines "
                                          "(default: the output folder with .veil-staging added)")
    options = parser.parse_args(arguments)
    if options.split_mb <= 0 or options.split_mb % 4:
        parser.error("--split-mb must be a positive multiple of 4")
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("veil anonymize").getOrCreate()
    common = dict(veil=options.veil, key=options.key, policy=options.policy, plugins=options.plugins, on_error=options.on_error,
                  split_bytes=options.split_mb << 20, veil_home=options.veil_home)
    try:
        if options.format == "jsonl":
            skipped = anonymize_jsonl(spark, options.inputs, options.output, **common)
        else:
            reader = spark.read.option("header", "true") if options.format == "csv" else spark.read
            frame = reader.format(options.format).load(options.inputs)
            staging = options.staging or options.output.rstrip("/") + ".veil-staging"
            try:
                result = anonymize_dataframe(spark, frame, staging, **common)
                writer = result.write.option("header", "true") if options.format == "csv" else result.write
                writer.format(options.format).save(options.output)
            finally:
                filesystem, path = _filesystem_path(spark, staging)
                if filesystem.exists(path):
                    filesystem.delete(path, True)
            skipped = []
    except (VeilError, ValueError) as error:
        print(f"veil-spark: error: {error}", file=sys.stderr)
        return 1
    finally:
        spark.stop()
    for place in skipped:
        print(f"veil-spark: left out: {place}", file=sys.stderr)
    if skipped:
        print(f"veil-spark: {len(skipped)} record{'s' if len(skipped) != 1 else ''} left out (each is listed above with its place)",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
