# SPDX-License-Identifier: MIT
"""The JSON Schema of the policy format: every shipped policy and valid
fixture converts from YAML to JSON and validates; invalid fixtures the
schema can judge are rejected; the schema's right names are exactly the
library's."""
import datetime
import glob
import json
import os
import re
import sys

import jsonschema
import yaml

top = sys.argv[1]
failures = []


def plain(v):
    """YAML 1.1 timestamps become datetimes; a policy means the text."""
    if isinstance(v, (datetime.date, datetime.datetime)):
        return v.isoformat().replace("+00:00", "Z")
    if isinstance(v, dict):
        return {str(k): plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [plain(x) for x in v]
    return v


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.loads(json.dumps(plain(yaml.safe_load(f))))


with open(os.path.join(top, "policies", "lsaemu-policy.schema.json"), encoding="utf-8") as f:
    schema = json.load(f)
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
validator = cls(schema)

valid = sorted(glob.glob(os.path.join(top, "policies", "*.yaml")))
valid += sorted(glob.glob(os.path.join(top, "tests", "data", "loader", "valid", "*.yaml")))
valid += [os.path.join(top, "tests", "cli", n)
          for n in ("machine.yaml", "roundtrip.yaml", "rights-replace.yaml", "domain.yaml",
                    "domain-unreachable.yaml")]
for path in valid:
    for e in validator.iter_errors(load(path)):
        failures.append("%s: %s at %s" % (path, e.message, "/".join(map(str, e.path))))

# Invalid fixtures whose fault lies in the document's shape.
invalid_dir = os.path.join(top, "tests", "data", "loader", "invalid")
for name in ("unknown-top-key", "unknown-account-key", "unknown-right", "version-2",
             "password-and-hash", "rid-and-sid", "fault-without-call", "fault-without-status",
             "fault-nth-zero", "enabled-right", "role-bogus", "base-bogus", "version-missing",
             "rights-add-errors"):
    path = os.path.join(invalid_dir, name + ".yaml")
    if not os.path.exists(path):
        continue
    try:
        doc = load(path)
    except yaml.YAMLError:
        continue
    if validator.is_valid(doc):
        failures.append("%s: accepted by the schema" % path)

# The schema's right names are the library's table.
with open(os.path.join(top, "lib", "gen", "rights_table.h"), encoding="utf-8") as f:
    names = re.findall(r'^X\(\w+, "(\w+)"', f.read(), re.M)
for section in ("rights", "rights_add"):
    if sorted(schema["properties"][section]["propertyNames"]["enum"]) != sorted(names):
        failures.append("schema right names of %s differ from lib/gen/rights_table.h" % section)

for f in failures:
    print("FAIL:", f)
if failures:
    sys.exit(1)
print("schema accepts %d policies and rejects the invalid shapes" % len(valid))
