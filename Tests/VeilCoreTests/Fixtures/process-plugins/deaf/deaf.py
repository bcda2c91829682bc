#!/usr/bin/env python3
"""Test fixture for Veil's process plugin protocol: greets, then never reads."""
import json
import time

print(json.dumps({"protocol": 1, "entities": ["PERSON"]}), flush=True)
time.sleep(30)
