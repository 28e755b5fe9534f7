"""Prints, from jixiao's JSON on stdin, the listing tests/c/walk.c prints through the C ABI."""

import json
import sys

SECTION_KIND = {"other": 0, "special_fund": 1, "budget_project": 2}
LEVEL1 = {"other": 0, "output": 1, "effect": 2, "satisfaction": 3, "cost": 4}
LEVEL2 = {n: i for i, n in enumerate(["other", "quantity", "quality", "timeliness", "cost", "economic_cost",
          "social_cost", "ecological_cost", "economic_benefit", "social_benefit", "ecological_benefit",
          "sustainability", "service_satisfaction"])}


def put(label, text):
    return f" {label}=" + (text or "").replace("\n", "\\n").replace("\t", "\\t")


def g(x):
    """Formats a number as C's %g does."""
    return "%g" % x


def main():
    doc = json.load(sys.stdin)
    out = []
    line = "document" + put("title", doc["title"])
    if doc["year"] is not None:
        line += f" year={doc['year']}"
    out.append(line)
    ov = doc["overview"]
    if ov:
        out.append(f"overview line={ov['line']} goals={len(ov['goals'])} responsibilities={len(ov['responsibilities'])}"
                   f" safeguards={len(ov['safeguards'])}" + put("heading", ov["heading"]))
        for h in ov["subheadings"]:
            line = f" subheading line={h['line']}" + put("text", h["text"])
            if h["toc"]:
                line += put("toc", h["toc"]["text"]) + put("toc_id", h["toc"]["identifier"])
                if h["toc"]["level"] is not None:
                    line += f" toc_level={h['toc']['level']}"
            out.append(line)
        for goal in ov["goals"]:
            out.append(f" goal {goal['number']} line={goal['line']}" + put("title", goal["title"]))
            for item in goal["items"]:
                out.append(f"  item {item['number']} line={item['line']}" + put("text", item["text"]))
        for r in ov["responsibilities"]:
            out.append(f" responsibility {r['number']} line={r['line']}" + put("name", r["name"]) + put("description", r["description"]))
        for s in ov["safeguards"]:
            out.append(f" safeguard line={s['line']}" + put("title", s["title"]) + put("text", s["text"]))
    count = 0
    for sec in doc["sections"]:
        line = "section"
        if sec["number"] is not None:
            line += f" number={sec['number']}"
        out.append(line + f" kind={SECTION_KIND[sec['kind']]} line={sec['line']}" + put("heading", sec["heading"]))
        for t in sec["tables"]:
            line = " table"
            if t["number"] is not None:
                line += f" number={t['number']}"
            line += f" line={t['line']}" + put("name", t["name"]) + put("title", t["title"])
            if t["toc"]:
                line += put("toc", t["toc"]["text"]) + put("toc_id", t["toc"]["identifier"])
                if t["toc"]["level"] is not None:
                    line += f" toc_level={t['toc']['level']}"
            if t["objective"] is not None:
                line += put("objective", t["objective"])
            out.append(line)
            out.append("  columns" + "".join(put("c", c) for c in t["columns"]))
            for cat in t["categories"]:
                out.append(f"  category level1={LEVEL1[cat['level1']]} line={cat['line']}" + put("label", cat["label"]))
                for sub in cat["children"]:
                    out.append(f"   sub level2={LEVEL2[sub['level2']]} line={sub['line']}" + put("label", sub["label"]))
                    for ind in sub["indicators"]:
                        count += 1
                        line = f"    indicator line={ind['line']}" + put("name", ind["name"]) + put("description", ind["description"]) + put("basis", ind["basis"])
                        for k in sorted(ind["extra"]):
                            line += put("extra_key", k) + put("extra_value", ind["extra"][k])
                        out.append(line)
                        tg = ind["target"]
                        line = f"    target kind={tg['kind']} comparator={tg['comparator'] or 'none'} sign={int(tg['sign_given'])}"
                        if tg["value"] is not None:
                            line += f" value={g(tg['value'])}"
                        if tg["upper"] is not None:
                            line += f" upper={g(tg['upper'])}"
                        out.append(line + put("unit", tg["unit"]) + put("raw", tg["raw"]))
                        for p in tg["parts"]:
                            out.append(f"     part value={g(p['value'])}" + put("unit", p["unit"]) + put("text", p["text"]))
    for n in doc["notes"]:
        out.append(f"note line={n['line']}" + put("text", n["text"]))
    out.append(f"indicators={count}")
    sys.stdout.write("\n".join(out) + "\n")


main()
