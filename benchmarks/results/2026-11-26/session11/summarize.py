#!/usr/bin/env python3
"""Medians behind docs/PERFORMANCE.md section 7, from the raw outputs of this folder (kept runs and noisy/ attempts).

    python3 benchmarks/results/2026-11-26/session11/summarize.py > benchmarks/results/2026-11-26/session11/summary.txt

The machine was shared with other agents' builds and tests. A measured interval counts as clean when other
processes used less than 0.3 cores during it (the harness's "cores this/others" column). Every clean interval of
every attempt of the same command (same build) is pooled; the medians are over those, and the count is shown.
Figures of noisy intervals are shown too, for comparison, never used in a median.
"""
import glob
import os
import re
import statistics

HERE = os.path.dirname(os.path.abspath(__file__))
NOISE = 0.3
NUM = r"([\d,]+(?:\.\d+)?)"
PT_ROW = re.compile(r"^\s*(\d+)\s+(\d+)\s+(\d+)\s+" + r"\s+".join([NUM] * 5) + r"\s+" + NUM + "/" + NUM + r"\s+"
                    + NUM + "/" + NUM + "/" + NUM + r"\s+" + NUM + r"\s+(\d+)\s+(\d+\.\d\d)/(\d+\.\d\d)\s*$")
HL_PHASE = re.compile(r"^rep (\d+), (baseline: no background load|background load ([\d,]+) fills/s): .*"
                      r"cores this/others (\d+\.\d\d)/(\d+\.\d\d)")
HL_STEP = re.compile(r"^  (probe: )?(.+?)\s+(\d+)\s+" + r"\s+".join([NUM] * 4) + r"\s*$")


def num(text):
    return float(text.replace(",", ""))


def files(name):
    """The kept output and every later attempt in noisy/ (attempt0 was an earlier output format, skipped)."""
    found = [os.path.join(HERE, f"{name}.txt")]
    found += sorted(glob.glob(os.path.join(HERE, "noisy", f"{name}-attempt[1-9].txt")))
    return [f for f in found if os.path.exists(f)]


def pretrade(name):
    rows = []
    for path in files(name):
        with open(path, errors="replace") as f:
            for line in f:
                m = PT_ROW.match(line)
                if m:
                    g = m.groups()
                    rows.append({"file": os.path.relpath(path, HERE), "rep": int(g[0]), "rate": int(g[1]),
                                 "p50": num(g[3]), "p90": num(g[4]), "p99": num(g[5]), "p999": num(g[6]),
                                 "max": num(g[7]), "svc50": num(g[8]), "svc99": num(g[9]), "lag50": num(g[10]),
                                 "lag99": num(g[11]), "achieved": num(g[13]), "rejected": int(g[14]),
                                 "self": float(g[15]), "others": float(g[16])})
    print(f"== {name}: PreTradeLatency, microseconds")
    print(f"{'file':28} rep   rate      p50      p90        p99      p99.9        max  svc50   svc99  lag50  "
          "lag99  achieved  rej  this/others")
    for r in rows:
        flag = "" if r["others"] < NOISE else "  (noisy, not used)"
        print(f"{r['file']:28} {r['rep']:3} {r['rate']:6} {r['p50']:8.1f} {r['p90']:8.1f} {r['p99']:10.1f} "
              f"{r['p999']:10.1f} {r['max']:10.1f} {r['svc50']:6.1f} {r['svc99']:7.1f} {r['lag50']:6.1f} "
              f"{r['lag99']:6.1f} {r['achieved']:9.0f} {r['rejected']:4} {r['self']:.2f}/{r['others']:.2f}{flag}")
    for rate, title in [(rate, title) for rate in sorted({r["rate"] for r in rows})
                        for title in ("kept run", "clean intervals, pooled")]:
        clean = [r for r in rows if r["rate"] == rate and r["others"] < NOISE
                 and (title != "kept run" or not r["file"].startswith("noisy"))]
        if not clean:
            print(f"median at {rate}/s ({title}): no clean interval")
            continue
        med = {k: statistics.median(r[k] for r in clean) for k in
               ("p50", "p90", "p99", "p999", "max", "svc50", "svc99", "lag50", "lag99", "achieved")}
        print(f"median at {rate:6}/s, {title}, over {len(clean)} intervals: p50 {med['p50']:.1f}  p90 {med['p90']:.1f}  "
              f"p99 {med['p99']:.1f}  p99.9 {med['p999']:.1f}  max {med['max']:.1f}  service p50 {med['svc50']:.1f} "
              f"p99 {med['svc99']:.1f}  send lag p50 {med['lag50']:.1f} p99 {med['lag99']:.1f}  achieved "
              f"{med['achieved']:.0f}/s; rejected in clean intervals: {sum(r['rejected'] for r in clean)}")
    pairs = {}
    for r in rows:
        pairs.setdefault((r["file"], r["rep"]), {})[r["rate"]] = r
    ratios = [p[max(p)]["p99"] / p[min(p)]["p99"] for p in pairs.values()
              if len(p) == 2 and all(x["others"] < NOISE for x in p.values())]
    if ratios:
        print(f"p99 ratio high/low rate, median over {len(ratios)} clean repetitions: {statistics.median(ratios):.1f}x")
    print()


def halts(prefix):
    phases = []
    for path in sorted(glob.glob(os.path.join(HERE, f"{prefix}-*.txt"))) + sorted(
            glob.glob(os.path.join(HERE, "noisy", f"{prefix}-*-attempt[1-9].txt"))):
        current = None
        with open(path, errors="replace") as f:
            for line in f:
                m = HL_PHASE.match(line)
                if m:
                    current = {"file": os.path.relpath(path, HERE), "load": 0 if m.group(3) is None
                               else int(num(m.group(3))), "others": float(m.group(5)), "steps": {}}
                    phases.append(current)
                    continue
                m = HL_STEP.match(line)
                if m and current is not None:
                    current["steps"][(m.group(1) or "") + m.group(2).strip()] = (
                        int(m.group(3)), num(m.group(4)), num(m.group(5)), num(m.group(6)), num(m.group(7)))
    print(f"== {prefix}: HaltLatency, milliseconds")
    for load in sorted({p["load"] for p in phases}):
        same = [p for p in phases if p["load"] == load]
        clean = [p for p in same if p["others"] < NOISE]
        label = "no background load" if load == 0 else f"background load {load:,} fills/s"
        print(f"-- {label}: {len(clean)} clean of {len(same)} runs "
              f"(others per run: {', '.join('%.2f' % p['others'] for p in same)})")
        for p in same:
            figure = p["steps"].get("ingest -> 35=q out (the figure)")
            if figure:
                print(f"   {p['file']:28} others {p['others']:.2f}: n {figure[0]} p50 {figure[1]:.3f} p90 "
                      f"{figure[2]:.3f} p99 {figure[3]:.3f} max {figure[4]:.3f}"
                      + ("" if p["others"] < NOISE else "  (noisy, not used)"))
        kept = [p for p in clean if not p["file"].startswith("noisy")]
        for title, runs in (("the kept runs (the doc's figures)", kept), ("every clean run, pooled", clean)):
            if not runs:
                continue
            print(f"   {'step, median over ' + title:60} {'p50':>8} {'p90':>8} {'p99':>8} {'max':>8}  runs {len(runs)}")
            for step in runs[0]["steps"]:
                values = [p["steps"][step] for p in runs if step in p["steps"]]
                print(f"   {step:60} " + " ".join(f"{statistics.median(v[i] for v in values):8.3f}"
                                                  for i in range(1, 5)))
    print()


def main():
    for name in ("pt", "pt-var", "pt-zgc"):
        if files(name):
            pretrade(name)
    halts("hl-1000")
    halts("hl-5000")


if __name__ == "__main__":
    main()
