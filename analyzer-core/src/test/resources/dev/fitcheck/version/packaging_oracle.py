"""Answers PEP 440 questions with pip's vendored packaging, for PackagingDifferentialTest.

Usage: python3 packaging_oracle.py PIP_WHEEL < cases.json > answers.json

PIP_WHEEL is a pip wheel put first on sys.path, so the reference is exactly the packaging that pip
release vendors, whatever pip the machine has. One JSON object in, one out:

in:  {"versions": [str], "sample": [int], "specs": [str], "filters": [[spec, [int]]],
      optional: "requirements": [str], "markers": [str], "environments": [{marker variable: value}]}
out: {"packaging": str,
      "versions": [null | [str, epoch, [release], pre, post, dev, local, public, base,
                           is_prerelease, is_postrelease, is_devrelease] | ["crash", str]],
      "compare": str,       one of "<=>" per sample pair (i, j), i < j, row by row
      "specs": [null | [str, prereleases] | ["crash", str]],
      "contains": [null | str],   per spec, one digit per sample version: 1 contains(v),
                                  2 contains(v, prereleases=True), 4 contains(v, prereleases=False)
      "single": [null | [prereleases, digits]],  the same for a one-clause spec via Specifier
      "filters": [[[int], [int], [int]]]}        filter(..) with prereleases None, True, False
      "requirements": [null | [name, [extras, normalised and sorted], str(specifier), url | null,
                               str(marker) | null, evaluations]],
      "markers": [null | [str(marker), evaluations]]
evaluations: one letter per environment, T or F, or E where packaging cannot evaluate.
Numbers are strings, so no size is lost on the way.
"""
import json
import sys

sys.path.insert(0, sys.argv[1])
sys.set_int_max_str_digits(0) if hasattr(sys, "set_int_max_str_digits") else None

from pip._vendor import packaging  # noqa: E402
from pip._vendor.packaging.specifiers import InvalidSpecifier, Specifier, SpecifierSet  # noqa: E402
from pip._vendor.packaging.version import InvalidVersion, Version  # noqa: E402
from pip._vendor.packaging.markers import InvalidMarker, Marker  # noqa: E402
from pip._vendor.packaging.requirements import InvalidRequirement, Requirement  # noqa: E402
from pip._vendor.packaging.utils import canonicalize_name  # noqa: E402


def describe(v):
    return [
        str(v),
        str(v.epoch),
        [str(n) for n in v.release],
        None if v.pre is None else [v.pre[0], str(v.pre[1])],
        None if v.post is None else str(v.post),
        None if v.dev is None else str(v.dev),
        v.local,
        v.public,
        v.base_version,
        v.is_prerelease,
        v.is_postrelease,
        v.is_devrelease,
    ]


def tri(value):
    return "N" if value is None else ("T" if value else "F")


def main():
    cases = json.load(sys.stdin)
    out = {"packaging": packaging.__version__}

    parsed = []
    answers = []
    for text in cases["versions"]:
        try:
            v = Version(text)
            parsed.append(v)
            answers.append(describe(v))
        except InvalidVersion:
            parsed.append(None)
            answers.append(None)
        except Exception as e:  # anything else is a finding too
            parsed.append(None)
            answers.append(["crash", repr(e)])
    out["versions"] = answers

    sample = [parsed[i] for i in cases["sample"]]
    cmp = []
    for i in range(len(sample)):
        a = sample[i]
        for j in range(i + 1, len(sample)):
            b = sample[j]
            if a is None or b is None:
                cmp.append("x")
            else:
                cmp.append("<" if a < b else ("=" if a == b else ">"))
    out["compare"] = "".join(cmp)

    sets = []
    spec_answers = []
    contains = []
    single = []
    for text in cases["specs"]:
        try:
            s = SpecifierSet(text)
        except InvalidSpecifier:
            sets.append(None)
            spec_answers.append(None)
            contains.append(None)
            single.append(None)
            continue
        except Exception as e:
            sets.append(None)
            spec_answers.append(["crash", repr(e)])
            contains.append(None)
            single.append(None)
            continue
        sets.append(s)
        spec_answers.append([str(s), tri(s.prereleases)])
        digits = []
        for v in sample:
            if v is None:
                digits.append("x")
                continue
            bits = (1 if s.contains(v) else 0) | (2 if s.contains(v, prereleases=True) else 0) \
                | (4 if s.contains(v, prereleases=False) else 0)
            digits.append(str(bits))
        contains.append("".join(digits))
        clauses = list(s)
        if len(clauses) == 1:
            one = clauses[0]
            digits = []
            for v in sample:
                if v is None:
                    digits.append("x")
                    continue
                bits = (1 if one.contains(v) else 0) | (2 if one.contains(v, prereleases=True) else 0) \
                    | (4 if one.contains(v, prereleases=False) else 0)
                digits.append(str(bits))
            single.append([tri(one.prereleases), "".join(digits)])
        else:
            single.append(None)
    out["specs"] = spec_answers
    out["contains"] = contains
    out["single"] = single

    filters = []
    for spec_index, indices in cases["filters"]:
        s = sets[spec_index]
        if s is None:
            filters.append(None)
            continue
        items = [(i, parsed[i]) for i in indices if parsed[i] is not None]
        versions = [v for _, v in items]
        results = []
        for mode in (None, True, False):
            kept = list(s.filter(versions, prereleases=mode))
            # identity, not equality: the test wants to know which list entries came back
            ids = {id(v) for v in kept}
            results.append([i for i, v in items if id(v) in ids])
        filters.append(results)
    out["filters"] = filters

    environments = cases.get("environments", [])

    def evaluations(marker):
        letters = []
        for env in environments:
            try:
                letters.append("T" if marker.evaluate(env) else "F")
            except Exception:
                letters.append("E")
        return "".join(letters)

    requirements = []
    for text in cases.get("requirements", []):
        try:
            r = Requirement(text)
        except InvalidRequirement:
            requirements.append(None)
            continue
        except Exception as e:
            requirements.append(["crash", repr(e)])
            continue
        requirements.append([
            r.name,
            sorted({canonicalize_name(e) for e in r.extras}),
            str(r.specifier),
            r.url,
            None if r.marker is None else str(r.marker),
            "" if r.marker is None else evaluations(r.marker),
        ])
    out["requirements"] = requirements

    markers = []
    for text in cases.get("markers", []):
        try:
            m = Marker(text)
        except InvalidMarker:
            markers.append(None)
            continue
        except Exception as e:
            markers.append(["crash", repr(e)])
            continue
        markers.append([str(m), evaluations(m)])
    out["markers"] = markers

    json.dump(out, sys.stdout)


main()
