"""Validates Caseload's FHIR export with an independent library: PyPI fhir.resources (R4B models).

Usage: validate_bundles.py DIR [--same-ids-as DIR2]

Every P-*.json in DIR must be a Bundle of type collection whose every resource validates against
its R4B model, whose full URLs are unique urn:uuid URLs matching the resource ids, and whose every
reference points at one of its own entries. With --same-ids-as, the bundles in DIR2 (an earlier
export of the same records) must hold the same files and the same full URLs.
Prints one line per problem and a summary; exits 1 when there is any problem.
"""
import json
import pathlib
import sys

from fhir.resources.R4B import get_fhir_model_class


def references(value):
    """Every `reference` string anywhere in a resource."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "reference" and isinstance(item, str):
                yield item
            else:
                yield from references(item)
    elif isinstance(value, list):
        for item in value:
            yield from references(item)


def check(path):
    problems = []
    bundle = json.loads(path.read_text(encoding="utf-8"))
    try:
        get_fhir_model_class("Bundle").model_validate(bundle)
    except Exception as error:  # the library's own message names the element
        problems.append(f"{path.name}: Bundle: {error}")
    if bundle.get("type") != "collection":
        problems.append(f"{path.name}: the bundle's type is {bundle.get('type')!r}, not 'collection'")
    entries = bundle.get("entry", [])
    urls = [entry.get("fullUrl") for entry in entries]
    if len(set(urls)) != len(urls):
        problems.append(f"{path.name}: full URLs repeat")
    for entry in entries:
        resource = entry["resource"]
        kind = resource["resourceType"]
        url = entry.get("fullUrl", "")
        if url != "urn:uuid:" + resource.get("id", ""):
            problems.append(f"{path.name}: {kind} {url}: the full URL is not urn:uuid: and the resource id")
        try:
            get_fhir_model_class(kind).model_validate(resource)
        except Exception as error:
            problems.append(f"{path.name}: {kind} {url}: {error}")
        for target in references(resource):
            if target not in urls:
                problems.append(f"{path.name}: {kind} {url}: reference {target} is not in the bundle")
    return problems, urls, len(entries)


def main(arguments):
    folder = pathlib.Path(arguments[0])
    earlier = pathlib.Path(arguments[2]) if len(arguments) == 3 and arguments[1] == "--same-ids-as" else None
    files = sorted(folder.glob("P-*.json"))
    problems = [] if files else [f"{folder}: no bundles"]
    resources = 0
    for path in files:
        found, urls, count = check(path)
        problems += found
        resources += count
        if earlier is not None:
            before = earlier / path.name
            if not before.exists():
                problems.append(f"{path.name}: not in the earlier export")
            else:
                previous = [entry.get("fullUrl") for entry in json.loads(before.read_text(encoding="utf-8")).get("entry", [])]
                if previous != urls:
                    problems.append(f"{path.name}: its full URLs differ from the earlier export's")
    if earlier is not None and sorted(p.name for p in earlier.glob("P-*.json")) != [p.name for p in files]:
        problems.append("the two exports hold different bundles")
    for problem in problems:
        print(problem)
    print(f"{len(files)} bundles, {resources} resources, {len(problems)} errors")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
