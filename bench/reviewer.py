# The reviewer of bench/season.sh and bench/chaos.sh: approves and publishes one submitted report every --interval
# seconds through the review API, alternating between the sites given (each with its cookie jar from a real
# sign-in), until the --stop file exists or the list is done. One JSON line per report in --out:
#   id, site (its index), status (the publish step's answer, 0 when none came), seconds (through the API),
#   acknowledged_at (epoch seconds of the 2xx publish answer), attempts ([epoch, step, status] per request),
#   final (the report's state as last read), visible_N (with --watch).
# --watch: after each publication, asks every site (anonymously) for the organization's feed, kept in their caches
#   beforehand, until it lists the report: the time until it is visible there. (Its browse page of the year would
#   not do: for a body with others under it, the report may be on a later page of the subtree's list.)
# --retry-seconds S: a step that gets no answer or a 5xx is not given up: the reviewer reads the report's state
#   again and goes on from there (approve if still submitted, publish if approved, done if published) for up to S
#   seconds, as a person would after an error page. A publication whose answer was lost shows as published on the
#   re-read without an acknowledgement.
import argparse, http.cookiejar, json, os, re, ssl, threading, time, urllib.error, urllib.request

parser = argparse.ArgumentParser()
parser.add_argument("--sites", nargs="+", required=True)
parser.add_argument("--jars", nargs="+", required=True)
parser.add_argument("--submitted", required=True)
parser.add_argument("--ready", required=True)
parser.add_argument("--stop", required=True)
parser.add_argument("--interval", type=float, default=2)
parser.add_argument("--out", required=True)
parser.add_argument("--watch", action="store_true")
parser.add_argument("--retry-seconds", type=float, default=0)
args = parser.parse_args()
sites = args.sites
context = ssl._create_unverified_context()


def opener(jar_file):
    with open(jar_file) as source, open(jar_file + ".py", "w") as target:
        target.write("# Netscape HTTP Cookie File\n")
        for line in source.read().replace("#HttpOnly_", "").splitlines():
            parts = line.split("\t")
            if len(parts) == 7 and parts[4] == "0":
                parts[4] = str(int(time.time()) + 86400)
            target.write("\t".join(parts) + "\n")
    jar = http.cookiejar.MozillaCookieJar(jar_file + ".py")
    jar.load(ignore_discard=True, ignore_expires=True)
    return urllib.request.build_opener(urllib.request.HTTPSHandler(context=context), urllib.request.HTTPCookieProcessor(jar))


openers = [opener(j) for j in args.jars]
anonymous = urllib.request.build_opener(urllib.request.HTTPSHandler(context=context))
tokens = []
for base, o in zip(sites, openers):
    page = o.open(base + "/account/password").read().decode()
    tokens.append(re.search(r'name="__RequestVerificationToken"[^>]*value="([^"]+)"', page).group(1))


def call(i, method, path, body=None):
    """(status, JSON or text); status 0 when no answer came (refused, reset, timed out)."""
    request = urllib.request.Request(sites[i] + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json", "RequestVerificationToken": tokens[i]})
    try:
        with openers[i].open(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(errors="replace")
    except Exception as e:  # no answer: the connection was refused, reset or timed out
        return 0, repr(e)


def shows(i, path, link):
    try:
        with anonymous.open(sites[i] + path, timeout=10) as response:
            return link in response.read().decode()
    except Exception:
        return False


lock = threading.Lock()
results = []
watchers = []


def watch(entry, path, link, published_at):
    for i in range(len(sites)):
        while not shows(i, path, link):
            if time.time() - published_at > 30:
                break
            time.sleep(0.02)
        entry[f"visible_{i}"] = round(time.time() - published_at, 3) if shows(i, path, link) else None
    with lock:
        results.append(entry)


def review(i, report_id, entry):
    """Approves and publishes; returns the publish step's status (0 when none came) and the last answer."""
    attempts = entry["attempts"]

    def step(method, path, body=None):
        status, answer = call(i, method, path, body)
        attempts.append([round(time.time(), 3), path.rsplit("/", 1)[-1] if method == "POST" else "read", status])
        return status, answer

    give_up = time.time() + args.retry_seconds
    status, answer = 0, None
    while True:
        status, state = step("GET", f"/api/v1/review/reports/{report_id}")
        if status == 200:
            entry["final"] = state["status"]
            if state["status"] == "published":
                # Published already: an earlier publish step went through and its answer was lost.
                return 0, state
            if state["status"] == "submitted":
                status, answer = step("POST", f"/api/v1/review/reports/{report_id}/approve", {"version": state["version"]})
                if status == 200:
                    state = answer["report"]  # a step answers {"message": …, "report": the new state}
            if state["status"] == "approved" and status == 200:
                status, answer = step("POST", f"/api/v1/review/reports/{report_id}/publish",
                                      {"publishedOn": time.strftime("%Y-%m-%d"), "secrecyReviewConfirmed": True, "version": state["version"]})
                if status == 200:
                    entry["acknowledged_at"] = round(time.time(), 3)
                    entry["final"] = answer["report"]["status"]
                    return status, answer
        else:
            answer = state
        # A refusal (4xx) is final; no answer or a 5xx is tried again while there is time.
        if 400 <= status < 500 or time.time() >= give_up:
            return status, answer
        time.sleep(1)


open(args.ready, "w").close()
n = 0
start = time.time()
for line in open(args.submitted):
    if os.path.exists(args.stop):
        break
    report_id, key, year = line.split()
    i = n % len(sites)
    n += 1
    watched = f"/reports/{key}/feed.atom"
    link = f"/reports/{key}/{year}"
    if args.watch:
        for j in range(len(sites)):
            for _ in range(2):
                shows(j, watched, link)
    began = time.time()
    entry = {"id": int(report_id), "site": i, "started": round(began, 3), "attempts": []}
    status, answer = review(i, report_id, entry)
    entry["status"] = status
    entry["seconds"] = round(time.time() - began, 3)
    if status == 200 and args.watch:
        t = threading.Thread(target=watch, args=(entry, watched, link, time.time()))
        t.start()
        watchers.append(t)
    else:
        if status != 200:
            entry["error"] = str(answer)[:200]
        with lock:
            results.append(entry)
    time.sleep(max(0, start + n * args.interval - time.time()))
for t in watchers:
    t.join()
with open(args.out, "w") as f:
    for entry in sorted(results, key=lambda e: e["id"]):
        f.write(json.dumps(entry) + "\n")
