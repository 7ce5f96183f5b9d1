#!/bin/sh
# Rebuild latency of `portal serve` (see bench-serve.py). Default: 10,000 posts.
exec python3 "$(dirname "$0")/bench-serve.py" "$@"
