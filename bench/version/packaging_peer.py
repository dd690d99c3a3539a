"""The same workload as VersionBenchmark, timed with pip 26.3's vendored packaging.

Usage: python3 bench/version/packaging_peer.py PIP_WHEEL [VERSION_LIST]
Prints microseconds per pass for each operation (best of 5 repeats, like JMH's steady state).
"""
import random
import sys
import timeit

sys.path.insert(0, sys.argv[1])
from pip._vendor import packaging  # noqa: E402
from pip._vendor.packaging.specifiers import SpecifierSet  # noqa: E402
from pip._vendor.packaging.version import InvalidVersion, Version  # noqa: E402

LIST = sys.argv[2] if len(sys.argv) > 2 else "analyzer-core/src/test/resources/dev/fitcheck/version/real-world-versions.txt"
SPECIFIERS = ["==4.44.2", ">=4.46,<4.48", "<4.45", "~=2.3.1", ">=1.26,<2", "!=1.5,>=1.0", "==2.*", ">=0.14.5,<0.15",
              ">=2.6.3", "<=70.0", ">60,!=65.5.1,<75", "==2024.*", "~=1.4.5", ">=5.0.0rc0", ""]

texts = [l.split(" ", 1)[1].strip() for l in open(LIST) if l.strip() and not l.startswith("#")]
versions = []
for t in texts:
    try:
        versions.append(Version(t))
    except InvalidVersion:
        pass
specifiers = [SpecifierSet(s) for s in SPECIFIERS]


def parse_all():
    for t in texts:
        try:
            Version(t)
        except InvalidVersion:
            pass


def sort_all():
    copy = list(versions)
    random.Random(1).shuffle(copy)
    copy.sort()


def contains_all():
    n = 0
    for s in specifiers:
        for v in versions:
            if s.contains(v):
                n += 1
    return n


def filter_all():
    for s in specifiers:
        list(s.filter(versions))


def parse_specifiers():
    for s in SPECIFIERS:
        list(SpecifierSet(s).filter([versions[0]]))


print(f"packaging {packaging.__version__}, {len(texts)} strings, {len(versions)} valid, Python {sys.version.split()[0]}")
for name, fn in [("parseAll", parse_all), ("sortAll", sort_all), ("containsAll", contains_all),
                 ("filterAll", filter_all), ("parseSpecifiers", parse_specifiers)]:
    fn()
    timer = timeit.Timer(fn)
    loops, _ = timer.autorange()
    best = min(timer.repeat(repeat=5, number=loops)) / loops
    print(f"{name:16s} {best * 1e6:12.1f} us/op")
