#!/usr/bin/env bash
# Time and peak memory of `claimtrace analyze` on each hostile input of
# issue 15, at the default limits (and the 50 MB line once let in with
# --max-bytes). Writes the inputs to a temporary folder; needs GNU time.
#
#   scripts/hostile.sh [path/to/claimtrace]
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-target/release/claimtrace}"
[ -x "$bin" ] || cargo build --release -q -p claimtrace-cli
command -v /usr/bin/time >/dev/null || { echo "hostile.sh: needs GNU time (apt-get install time)" >&2; exit 2; }
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" <<'PY'
import gzip, os, sys
d = sys.argv[1]
w = lambda name, data: open(os.path.join(d, name), "wb").write(data)
n = 100_000
w("deep.html", ("<html><body>" + "<div>" * n + "<p>The minister said on Tuesday that 12 people were killed.</p>" + "</div>" * n + "</body></html>").encode())
line = "The minister said on Tuesday that 12 people were killed in the city. "
w("line-50mb.txt", ("Title\n\n" + line * (50_000_000 // len(line))).encode())
w("line-4mb.txt", ("Title\n\n" + line * (4_000_000 // len(line))).encode())
import random
random.seed(7)
words = "the minister said Kyiv Moscow people killed 12 of and in officials".split()
w("no-period-4mb.txt", ("Title\n\n" + " ".join(random.choice(words) for _ in range(4_000_000 // 7))).encode())
soup = "<div class=x><span>menu</span><a href=/x>link</a></div>\n"
w("soup-20mb.html", ("<html><body>" + soup * (20_000_000 // len(soup) - 10) + "<article><p>The minister said it.</p></article></body></html>").encode())
w("nul.txt", b"Title\n\nThe minister\x00 said\x00\x00 on Tuesday that 12 people were killed.\n")
w("deep.json", b"[" * 1_000_000 + b"]" * 1_000_000)
w("empty.jsonl", b"\n" * 1_000_000)
PY
printf '%-34s %8s %10s %5s  %s\n' input seconds "peak MiB" exit message
for f in deep.html line-50mb.txt line-4mb.txt no-period-4mb.txt soup-20mb.html nul.txt deep.json empty.jsonl; do
    code=0
    /usr/bin/time -o "$dir/time" -f '%e %M' "$bin" analyze --jsonl "$dir/$f" >/dev/null 2>"$dir/stderr" || code=$?
    read -r secs kb < <(tail -1 "$dir/time")
    msg="$(grep -m1 '^claimtrace' "$dir/stderr" | sed "s|$dir/||" | cut -c1-80 || true)"
    printf '%-34s %8s %10d %5s  %s\n' "$f" "$secs" $((kb / 1024)) "$code" "$msg"
done
code=0
/usr/bin/time -o "$dir/time" -f '%e %M' "$bin" analyze --jsonl --max-bytes 60000000 "$dir/line-50mb.txt" >/dev/null 2>"$dir/stderr" || code=$?
read -r secs kb < <(tail -1 "$dir/time")
msg="$(grep -m1 '^claimtrace' "$dir/stderr" | sed "s|$dir/||" | cut -c1-80 || true)"
printf '%-34s %8s %10d %5s  %s\n' "line-50mb.txt --max-bytes 60e6" "$secs" $((kb / 1024)) "$code" "$msg"

# A gzip bomb and an endless redirect, served from loopback.
cat >"$dir/serve.py" <<'PY'
import gzip, http.server, sys
bomb = gzip.compress(b" " * (64 << 20), 9)
class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def do_GET(self):
        if self.path == "/bomb":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(bomb)))
            self.end_headers()
            self.wfile.write(bomb)
        else:
            n = int(self.path.lstrip("/r") or 0)
            self.send_response(302)
            self.send_header("Location", f"/r{n + 1}")
            self.send_header("Content-Length", "0")
            self.end_headers()
s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
print(s.server_address[1], flush=True)
s.serve_forever()
PY
python3 "$dir/serve.py" >"$dir/port" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 50); do [ -s "$dir/port" ] && break; sleep 0.1; done
port="$(cat "$dir/port")"
for path in bomb r0; do
    code=0
    /usr/bin/time -o "$dir/time" -f '%e %M' "$bin" analyze --jsonl "http://127.0.0.1:$port/$path" >/dev/null 2>"$dir/stderr" || code=$?
    read -r secs kb < <(tail -1 "$dir/time")
    msg="$(grep -m1 '^claimtrace' "$dir/stderr" | cut -c1-80 || true)"
    printf '%-34s %8s %10d %5s  %s\n' "url /$path" "$secs" $((kb / 1024)) "$code" "$msg"
done
