//! Simple inline SVG charts: horizontal bars with their labels and counts (no script, nothing fetched).

use jixiao::write::html::escape;

/// Horizontal bars, one per (label, value), longest scaled to the width.
pub fn bars(title: &str, items: &[(String, f64)], color: &str) -> String {
    let row = 22.0;
    let label_width = 260.0;
    let bar_width = 360.0;
    let height = row * items.len().max(1) as f64 + 30.0;
    let max = items.iter().map(|(_, v)| *v).fold(0.0_f64, f64::max);
    let mut out = format!(
        "<figure class=\"chart\"><figcaption>{}</figcaption><svg role=\"img\" width=\"{w}\" height=\"{height}\" viewBox=\"0 0 {w} {height}\">",
        escape(title),
        w = label_width + bar_width + 60.0
    );
    if items.is_empty() {
        out.push_str("<text x=\"4\" y=\"18\" font-size=\"13\" fill=\"#777\">—</text>");
    }
    for (i, (label, value)) in items.iter().enumerate() {
        let y = 6.0 + i as f64 * row;
        let len = if max > 0.0 { bar_width * value / max } else { 0.0 };
        let shown: String = label.chars().take(28).collect();
        let shown = if shown.len() < label.len() { format!("{shown}…") } else { shown };
        out.push_str(&format!(
            "<g><title>{full}: {v}</title><text x=\"{lx}\" y=\"{ty}\" font-size=\"12\" text-anchor=\"end\">{label}</text><rect x=\"{bx}\" y=\"{y}\" width=\"{len:.1}\" height=\"{h}\" fill=\"{color}\"/><text x=\"{vx:.1}\" y=\"{ty}\" font-size=\"12\">{v}</text></g>",
            full = escape(label),
            v = number(*value),
            lx = label_width - 6.0,
            ty = y + 14.0,
            label = escape(&shown),
            bx = label_width,
            h = row - 6.0,
            vx = label_width + len + 4.0,
        ));
    }
    out.push_str("</svg></figure>");
    out
}

fn number(v: f64) -> String {
    if v.fract() == 0.0 { format!("{v:.0}") } else { format!("{v:.1}") }
}

/// The distribution of scores over the grade bands (差 < 60, 中 60–79, 良 80–89, 优 ≥ 90), in 10-point bins.
pub fn histogram(title: &str, scores: &[f64]) -> String {
    let labels = ["0–9", "10–19", "20–29", "30–39", "40–49", "50–59", "60–69", "70–79", "80–89", "90–100"];
    let mut counts = [0usize; 10];
    for s in scores {
        let bin = ((s.max(0.0) / 10.0).floor() as usize).min(9);
        counts[bin] += 1;
    }
    let w = 40.0;
    let h = 140.0;
    let max = counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    let mut out = format!(
        "<figure class=\"chart\"><figcaption>{}</figcaption><svg role=\"img\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\">",
        escape(title),
        w * 10.0 + 20.0,
        h + 50.0,
        w * 10.0 + 20.0,
        h + 50.0
    );
    for (i, c) in counts.iter().enumerate() {
        let bh = h * (*c as f64) / max;
        let x = 10.0 + i as f64 * w;
        let color = match i {
            9 => "#2e7d32",
            8 => "#7cb342",
            6 | 7 => "#f9a825",
            _ => "#d0342c",
        };
        out.push_str(&format!(
            "<g><title>{}: {c}</title><rect x=\"{x}\" y=\"{y:.1}\" width=\"{bw}\" height=\"{bh:.1}\" fill=\"{color}\"/><text x=\"{tx}\" y=\"{ly}\" font-size=\"10\" text-anchor=\"middle\">{}</text><text x=\"{tx}\" y=\"{cy:.1}\" font-size=\"11\" text-anchor=\"middle\">{c}</text></g>",
            labels[i],
            labels[i],
            y = 18.0 + h - bh,
            bw = w - 6.0,
            tx = x + (w - 6.0) / 2.0,
            ly = h + 34.0,
            cy = 14.0 + h - bh,
        ));
    }
    out.push_str("</svg></figure>");
    out
}
