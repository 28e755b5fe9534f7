"""Prints, from jixiao's JSON on stdin, the listing tests/c/walk.c prints through the C ABI."""

import json
import sys

SECTION_KIND = {"other": 0, "special_fund": 1, "budget_project": 2, "department_wide": 3}
LEVEL1 = {"other": 0, "output": 1, "effect": 2, "satisfaction": 3, "cost": 4, "input": 5, "process": 6, "decision": 7}
TABLE_KIND = {"target": 0, "self_evaluation": 1, "monitoring": 2, "department_wide": 3}
LIKELIHOOD = {None: 0, "certain": 1, "possible": 2, "impossible": 3}
LEVEL2 = {n: i for i, n in enumerate(["other", "quantity", "quality", "timeliness", "cost", "economic_cost",
          "social_cost", "ecological_cost", "economic_benefit", "social_benefit", "ecological_benefit",
          "sustainability", "service_satisfaction", "benefit"])}


def put(label, text):
    return f" {label}=" + (text or "").replace("\n", "\\n").replace("\t", "\\t")


def toc_part(toc):
    """A TC field as walk.c prints it; nothing when there is none."""
    if not toc:
        return ""
    line = put("toc", toc["text"]) + put("toc_id", toc["identifier"])
    if toc["level"] is not None:
        line += f" toc_level={toc['level']}"
    return line + put("toc_switches", toc["switches"])

def ln(node):
    """A node's line as the C ABI gives it: its line in a text save, 0 elsewhere."""
    return node.get("location", {}).get("line", 0)


def at(location):
    """A place as walk.c prints it, every part (0 or empty when absent)."""
    parts = ["line", "sheet", "cell", "table", "row", "column", "paragraph", "page"]
    return " at=" + ",".join(str(location.get(p, "" if p in ("sheet", "cell") else 0)) for p in parts)


def g(x):
    """Formats a number as C's %g does."""
    return "%g" % x


def amount(label, a):
    line = put(label, a["raw"])
    if a["value"] is not None:
        line += f" {label}_value={g(a['value'])}"
    if a["unit"]:
        line += put("unit", a["unit"])
    return line


def date(label, d):
    return f" {label}={d['year'] or 0}-{d['month'] or 0}-{d['day'] or 0}"


def target(what, tg):
    line = f"    {what} kind={tg['kind']} comparator={tg['comparator'] or 'none'} sign={int(tg['sign_given'])}"
    if tg["value"] is not None:
        line += f" value={g(tg['value'])}"
    if tg["upper"] is not None:
        line += f" upper={g(tg['upper'])}"
    line += put("unit", tg["unit"]) + put("raw", tg["raw"])
    if tg["comparator_inferred"]:
        line += " inferred=1"
    if tg["date"]:
        line += date("date", tg["date"])
    if tg["until"]:
        line += date("until", tg["until"])
    if tg["note"]:
        line += put("note", tg["note"])
    out = [line]
    for p in tg["parts"]:
        out.append(f"     part value={g(p['value'])}" + put("unit", p["unit"]) + put("text", p["text"]))
    return out


def table_parts(t):
    out = []
    line = f"  about kind={TABLE_KIND[t['kind']]}"
    if t["year"] is not None:
        line += f" year={t['year']}"
    if t["code"] is not None:
        line += put("code", t["code"])
    if t["unit"] is not None:
        line += put("unit", t["unit"])
    if t["budget"] is not None:
        line += amount("budget", t["budget"])
    if t["total_score"] is not None:
        line += f" total={g(t['total_score'])}"
    if t["grade"] is not None:
        line += put("grade", t["grade"])
    out.append(line)
    f = t["funds"]
    if f:
        out.append("  funds" + put("label", f["label"]) + "".join(put("c", c) for c in f["columns"]))
        for r in f["rows"]:
            line = f"   funds_row line={ln(r)}" + put("label", r["label"])
            for k in ("initial", "adjusted", "executed", "rate", "weight", "score"):
                if r[k] is not None:
                    line += amount(k, r[k])
            line += put("reason", r["reason"])
            for k in sorted(r["extra"]):
                line += put("extra_key", k) + put("extra_value", r["extra"][k])
            out.append(line)
    for d in t["duties"]:
        line = f"  duty line={ln(d)}" + put("function", d["function"]) + put("task", d["task"]) + put("project", d["project"])
        if d["budget"] is not None:
            line += amount("budget", d["budget"])
        out.append(line)
    for st in t["subtotals"]:
        line = f"  subtotal line={ln(st)}" + put("unit", st["unit"])
        if st["amount"] is not None:
            line += amount("amount", st["amount"])
        out.append(line)
    for r in t["info"]:
        out.append(f"  info line={ln(r)}" + put("label", r["label"]) + put("text", r["text"]))
    for r in t["remarks"]:
        out.append(f"  remark line={ln(r)}" + put("label", r["label"]) + put("text", r["text"]))
    return out


def main():
    doc = json.load(sys.stdin)
    out = []
    line = "document" + put("title", doc["title"])
    if doc["year"] is not None:
        line += f" year={doc['year']}"
    out.append(line)
    ov = doc["overview"]
    if ov:
        out.append(f"overview line={ln(ov)} goals={len(ov['goals'])} responsibilities={len(ov['responsibilities'])}"
                   f" safeguards={len(ov['safeguards'])}" + put("heading", ov["heading"]) + toc_part(ov["toc"]))
        for h in ov["subheadings"]:
            line = f" subheading line={ln(h)}" + put("text", h["text"])
            line += toc_part(h["toc"])
            out.append(line)
        for goal in ov["goals"]:
            out.append(f" goal {goal['number']} line={ln(goal)}" + put("title", goal["title"]))
            for item in goal["items"]:
                out.append(f"  item {item['number']} line={ln(item)}" + (" inline" if item["inline"] else "") + put("text", item["text"]))
        for r in ov["responsibilities"]:
            out.append(f" responsibility {r['number']} line={ln(r)}" + put("name", r["name"]) + put("description", r["description"]))
        for s in ov["safeguards"]:
            out.append(f" safeguard line={ln(s)}" + put("title", s["title"]) + put("text", s["text"]))
    count = 0
    for sec in doc["sections"]:
        line = "section"
        if sec["number"] is not None:
            line += f" number={sec['number']}"
        out.append(line + f" kind={SECTION_KIND[sec['kind']]} line={ln(sec)}" + put("heading", sec["heading"]) + toc_part(sec["toc"]))
        for t in sec["tables"]:
            line = " table"
            if t["number"] is not None:
                line += f" number={t['number']}"
            line += f" line={ln(t)}" + put("name", t["name"]) + put("title", t["title"])
            line += toc_part(t["toc"])
            if t["objective"] is not None:
                line += put("objective", t["objective"])
            out.append(line)
            out.extend(table_parts(t))
            out.append("  columns" + "".join(put("c", c) for c in t["columns"]))
            for cat in t["categories"]:
                out.append(f"  category level1={LEVEL1[cat['level1']]} line={ln(cat)}" + put("label", cat["label"]))
                for sub in cat["children"]:
                    out.append(f"   sub level2={LEVEL2[sub['level2']]} line={ln(sub)}" + put("label", sub["label"]))
                    for ind in sub["indicators"]:
                        count += 1
                        line = f"    indicator line={ln(ind)}" + at(ind["location"]) + put("name", ind["name"]) + put("description", ind["description"]) + put("basis", ind["basis"])
                        for k in sorted(ind["extra"]):
                            line += put("extra_key", k) + put("extra_value", ind["extra"][k])
                        out.append(line)
                        out.extend(target("target", ind["target"]))
                        for what in ("actual", "progress", "expected"):
                            if ind[what] is not None:
                                out.extend(target(what, ind[what]))
                        m = ind["midterm"]
                        if m is not None:
                            out.append("    midterm" + put("level2", m["level2_label"]) + put("name", m["name"]))
                            out.extend(target("midterm_target", m["target"]))
                        line = "    evaluation"
                        if ind["weight"] is not None:
                            line += f" weight={g(ind['weight'])}"
                        if ind["reported_score"] is not None:
                            line += f" score={g(ind['reported_score'])}"
                        line += f" likelihood={LIKELIHOOD[ind['likelihood']]}" + put("deviation", ind["deviation"])
                        out.append(line)
    for n in doc["notes"]:
        out.append(f"note line={ln(n)}" + at(n["location"]) + put("text", n["text"]))
    out.append(f"indicators={count}")
    sys.stdout.write("\n".join(out) + "\n")


main()
