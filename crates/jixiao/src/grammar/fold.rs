//! Width folding with an explicit table. NFKC is not used: it would also turn `①` into `1`
//! and `㎡` into `m2`, which changes what the author wrote.

/// Folds one character: full-width ASCII forms to ASCII, the ideographic space to a space,
/// and the comparator and dash variants found in budget tables to one form each.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' => ' ',
        '≧' | '⩾' => '≥',
        '≦' | '⩽' => '≤',
        // ﹦ (U+FE66, the small form variant, as some budget systems print =).
        '═' | '〓' | '﹦' => '=',
        '〜' | '∼' => '~',
        // ― (U+2015, the horizontal bar) is the — of a Chromium PDF whose font draws both alike.
        '—' | '―' | '–' | '‒' | '−' | '‐' | '﹣' | '─' => '-',
        '﹪' => '%',
        c if ('\u{4E00}'..='\u{9FFF}').contains(&c) => simplified(c),
        _ => c,
    }
}

/// Traditional characters of the form's vocabulary (績效目標, 產出指標, 實際完成值, 萬元) and their
/// simplified ones, sorted: labels, titles and units are matched in either script, the text is
/// kept as written. Both are three UTF-8 bytes, so folding keeps every byte offset.
const TRADITIONAL: &[(char, char)] = &[
    ('個', '个'),
    ('備', '备'),
    ('傳', '传'),
    ('價', '价'),
    ('億', '亿'),
    ('優', '优'),
    ('內', '内'),
    ('則', '则'),
    ('創', '创'),
    ('劃', '划'),
    ('動', '动'),
    ('務', '务'),
    ('勞', '劳'),
    ('勵', '励'),
    ('區', '区'),
    ('協', '协'),
    ('參', '参'),
    ('員', '员'),
    ('問', '问'),
    ('單', '单'),
    ('噸', '吨'),
    ('圍', '围'),
    ('園', '园'),
    ('圖', '图'),
    ('團', '团'),
    ('執', '执'),
    ('報', '报'),
    ('場', '场'),
    ('壩', '坝'),
    ('學', '学'),
    ('實', '实'),
    ('寧', '宁'),
    ('審', '审'),
    ('專', '专'),
    ('對', '对'),
    ('導', '导'),
    ('層', '层'),
    ('屬', '属'),
    ('師', '师'),
    ('幣', '币'),
    ('庫', '库'),
    ('廠', '厂'),
    ('廣', '广'),
    ('廳', '厅'),
    ('張', '张'),
    ('後', '后'),
    ('態', '态'),
    ('應', '应'),
    ('戶', '户'),
    ('採', '采'),
    ('撥', '拨'),
    ('據', '据'),
    ('數', '数'),
    ('於', '于'),
    ('時', '时'),
    ('曉', '晓'),
    ('書', '书'),
    ('會', '会'),
    ('東', '东'),
    ('條', '条'),
    ('業', '业'),
    ('構', '构'),
    ('槍', '枪'),
    ('樓', '楼'),
    ('標', '标'),
    ('樣', '样'),
    ('樹', '树'),
    ('橋', '桥'),
    ('檔', '档'),
    ('檢', '检'),
    ('權', '权'),
    ('歲', '岁'),
    ('歷', '历'),
    ('氣', '气'),
    ('決', '决'),
    ('況', '况'),
    ('測', '测'),
    ('準', '准'),
    ('溫', '温'),
    ('滿', '满'),
    ('漁', '渔'),
    ('濟', '济'),
    ('灣', '湾'),
    ('災', '灾'),
    ('為', '为'),
    ('營', '营'),
    ('狀', '状'),
    ('獎', '奖'),
    ('獲', '获'),
    ('現', '现'),
    ('環', '环'),
    ('產', '产'),
    ('畝', '亩'),
    ('當', '当'),
    ('療', '疗'),
    ('發', '发'),
    ('盡', '尽'),
    ('監', '监'),
    ('確', '确'),
    ('礎', '础'),
    ('種', '种'),
    ('稱', '称'),
    ('積', '积'),
    ('筆', '笔'),
    ('節', '节'),
    ('範', '范'),
    ('築', '筑'),
    ('簽', '签'),
    ('紀', '纪'),
    ('約', '约'),
    ('級', '级'),
    ('組', '组'),
    ('結', '结'),
    ('絡', '络'),
    ('統', '统'),
    ('經', '经'),
    ('維', '维'),
    ('網', '网'),
    ('線', '线'),
    ('編', '编'),
    ('練', '练'),
    ('縣', '县'),
    ('總', '总'),
    ('績', '绩'),
    ('織', '织'),
    ('繫', '系'),
    ('續', '续'),
    ('義', '义'),
    ('習', '习'),
    ('聯', '联'),
    ('職', '职'),
    ('臺', '台'),
    ('與', '与'),
    ('舉', '举'),
    ('舊', '旧'),
    ('萬', '万'),
    ('蓋', '盖'),
    ('藥', '药'),
    ('處', '处'),
    ('號', '号'),
    ('衛', '卫'),
    ('裏', '里'),
    ('補', '补'),
    ('裡', '里'),
    ('見', '见'),
    ('規', '规'),
    ('覽', '览'),
    ('訂', '订'),
    ('計', '计'),
    ('訓', '训'),
    ('設', '设'),
    ('評', '评'),
    ('話', '话'),
    ('該', '该'),
    ('認', '认'),
    ('說', '说'),
    ('課', '课'),
    ('請', '请'),
    ('論', '论'),
    ('講', '讲'),
    ('證', '证'),
    ('識', '识'),
    ('護', '护'),
    ('讀', '读'),
    ('負', '负'),
    ('財', '财'),
    ('貨', '货'),
    ('責', '责'),
    ('費', '费'),
    ('貼', '贴'),
    ('資', '资'),
    ('質', '质'),
    ('購', '购'),
    ('車', '车'),
    ('輛', '辆'),
    ('轉', '转'),
    ('辦', '办'),
    ('農', '农'),
    ('這', '这'),
    ('週', '周'),
    ('進', '进'),
    ('運', '运'),
    ('過', '过'),
    ('達', '达'),
    ('違', '违'),
    ('遞', '递'),
    ('遠', '远'),
    ('適', '适'),
    ('選', '选'),
    ('還', '还'),
    ('邊', '边'),
    ('鄉', '乡'),
    ('醫', '医'),
    ('釋', '释'),
    ('銷', '销'),
    ('錄', '录'),
    ('鎮', '镇'),
    ('鑒', '鉴'),
    ('門', '门'),
    ('開', '开'),
    ('間', '间'),
    ('關', '关'),
    ('陽', '阳'),
    ('隊', '队'),
    ('際', '际'),
    ('險', '险'),
    ('隱', '隐'),
    ('隻', '只'),
    ('雙', '双'),
    ('雜', '杂'),
    ('離', '离'),
    ('難', '难'),
    ('雲', '云'),
    ('電', '电'),
    ('靜', '静'),
    ('響', '响'),
    ('頁', '页'),
    ('項', '项'),
    ('預', '预'),
    ('頒', '颁'),
    ('領', '领'),
    ('頭', '头'),
    ('頻', '频'),
    ('題', '题'),
    ('額', '额'),
    ('類', '类'),
    ('顧', '顾'),
    ('顯', '显'),
    ('風', '风'),
    ('飛', '飞'),
    ('飲', '饮'),
    ('養', '养'),
    ('餘', '余'),
    ('館', '馆'),
    ('馬', '马'),
    ('驗', '验'),
    ('驛', '驿'),
    ('體', '体'),
    ('魚', '鱼'),
    ('鳥', '鸟'),
    ('麗', '丽'),
    ('麥', '麦'),
    ('黃', '黄'),
    ('點', '点'),
    ('齊', '齐'),
    ('齡', '龄'),
];

/// The simplified form of a traditional character of the form's vocabulary; any other as it is.
pub fn simplified(c: char) -> char {
    TRADITIONAL.binary_search_by_key(&c, |&(t, _)| t).map_or(c, |i| TRADITIONAL[i].1)
}

/// A text with the form's traditional characters simplified, byte for byte the same length
/// (`績效目標表` → `绩效目标表`), so that an offset found in it is one in the text.
pub fn simplified_text(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().all(|c| simplified(c) == c) {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(s.chars().map(simplified).collect())
}

/// The length in bytes of a mirror's pinyin in brackets at the start of `s` (`(wàn)`: a
/// syllable's letters with at least one tone mark, as some mirrors gloss characters), or 0.
pub fn gloss_len(s: &str) -> usize {
    const TONED: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ";
    let Some(open) = s.chars().next().filter(|c| matches!(c, '(' | '（')) else { return 0 };
    let rest = &s[open.len_utf8()..];
    let letters = rest.chars().take_while(|c| c.is_ascii_lowercase() || *c == 'ü' || TONED.contains(*c)).count();
    let body: usize = rest.chars().take(letters).map(char::len_utf8).sum();
    let toned = rest[..body].chars().any(|c| TONED.contains(c));
    match rest[body..].chars().next() {
        Some(close @ (')' | '）')) if (1..=7).contains(&letters) && toned => open.len_utf8() + body + close.len_utf8(),
        _ => 0,
    }
}

/// Whether a character is a CJK ideograph (unified, extension A, or compatibility): one a mirror
/// may gloss with pinyin.
pub fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// `s` without the pinyin a mirror writes after its characters (`績(jī)效` → `績效`), with the
/// offset in `s` of each byte offset of the result (and of its end), so that what is found in
/// it is found in `s`; None when it has none (nothing is allocated for a text without a
/// bracket). Only for matching: the model keeps the text as written.
pub fn without_glosses(s: &str) -> Option<(String, Vec<usize>)> {
    if s.is_ascii() || !s.contains(['(', '（']) {
        return None;
    }
    let (mut out, mut offsets, mut at) = (String::new(), Vec::new(), 0);
    let mut any = false;
    while let Some(c) = s[at..].chars().next() {
        out.push(c);
        offsets.extend(at..at + c.len_utf8());
        at += c.len_utf8();
        let skip = if is_ideograph(c) { gloss_len(&s[at..]) } else { 0 };
        any |= skip > 0;
        at += skip;
    }
    offsets.push(s.len());
    any.then_some((out, offsets))
}

/// Folds a string character by character (one character in, one out).
pub fn fold(s: &str) -> String {
    // No fold lengthens a character's UTF-8: one allocation, not one per doubling.
    let mut out = String::with_capacity(s.len());
    out.extend(s.chars().map(fold_char));
    out
}

/// Folds and removes every white-space character: the key labels are compared by.
/// A category label that a narrow cell wrapped over paragraphs, read as one line: the lines
/// trimmed and joined, with nothing between two CJK characters (`财政供养人员` / `控制率` →
/// `财政供养人员控制率`, `预算配置` / `(15分)` → `预算配置(15分)`) and one space only between two
/// Latin letters or digits (`GDP` / `growth`).
pub fn join_wrapped(s: &str) -> std::borrow::Cow<'_, str> {
    // A label is short: a long cell over several paragraphs (`无` / `注:1、…`) is not one wrapped.
    if !s.contains(['\n', '\r']) || s.chars().filter(|c| !c.is_whitespace()).count() > 30 {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for line in s.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (before, after) = (out.chars().last(), line.chars().next());
        if let (Some(b), Some(a)) = (before, after)
            && b.is_ascii_alphanumeric()
            && a.is_ascii_alphanumeric()
        {
            out.push(' ');
        }
        out.push_str(line);
    }
    std::borrow::Cow::Owned(out)
}

pub fn squeeze(s: &str) -> String {
    // As in `fold`: one allocation.
    let mut out = String::with_capacity(s.len());
    out.extend(squeezed(s));
    out
}

/// [`squeeze`] as an iterator, to compare without allocating.
pub fn squeezed(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().map(fold_char).filter(|c| !c.is_whitespace())
}

/// Whether two labels are the same once squeezed.
pub fn same_squeezed(a: &str, b: &str) -> bool {
    a == b || squeezed(a).eq(squeezed(b))
}

/// The unified ideograph a Kangxi radical, a CJK Radicals Supplement form or a CJK compatibility
/// ideograph stands for (`⼀` U+2F00 → `一`, `⽬` U+2F6C → `目`, `﨑` U+FA11 is itself unified
/// and stays, `⺠` U+2EA0 → `民`), from the table `make_ideographs.py` generates from the Unicode
/// data.
pub fn unified_ideograph(c: char) -> Option<char> {
    if c < '\u{2E80}' {
        return None;
    }
    let table = &super::ideographs::VARIANTS;
    table.binary_search_by_key(&c, |v| v.0).ok().map(|i| table[i].1)
}

/// Where the first character [`unified_ideograph`] folds may start, by its UTF-8 lead bytes:
/// U+2E80–U+2FFF is `E2 BA..BF`, U+F900–U+FAFF `EF A4..AB`, U+2F800–U+2FA1F `F0 AF A0..A8`.
fn first_variant(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut at = 0;
    while let Some(i) = memchr::memchr3(0xE2, 0xEF, 0xF0, b.get(at..)?) {
        let i = at + i;
        let next = |k: usize| b.get(i + k).copied().unwrap_or(0);
        let may = match b[i] {
            0xE2 => (0xBA..=0xBF).contains(&next(1)),
            0xEF => (0xA4..=0xAB).contains(&next(1)),
            _ => next(1) == 0xAF && (0xA0..=0xA8).contains(&next(2)),
        };
        if may {
            return Some(i);
        }
        at = i + 1;
    }
    None
}

/// Folds, in stored text, every Kangxi radical, CJK Radicals Supplement form and CJK
/// compatibility ideograph that stands for one unified ideograph to that ideograph (PDFs from
/// Chromium, Word and WPS map common ideographs to the radicals: `第⼀部分`, `⽬标`), and returns
/// how many it folded. Nothing else changes: `①` stays `①`. Text without one is not copied.
pub fn fold_ideographs(s: &mut String) -> usize {
    folded_ideographs(s).map_or(0, |(out, n)| {
        *s = out;
        n
    })
}

/// [`fold_ideographs`] for text that may still be borrowed from the input.
pub fn fold_ideographs_cow(s: &mut std::borrow::Cow<'_, str>) -> usize {
    folded_ideographs(s).map_or(0, |(out, n)| {
        *s = std::borrow::Cow::Owned(out);
        n
    })
}

fn folded_ideographs(s: &str) -> Option<(String, usize)> {
    let start = first_variant(s)?;
    let mut folded = 0;
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..start]);
    for c in s[start..].chars() {
        match unified_ideograph(c) {
            Some(u) => {
                folded += 1;
                out.push(u);
            }
            None => out.push(c),
        }
    }
    (folded > 0).then_some((out, folded))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_names_read_as_one_line() {
        assert_eq!(join_wrapped("财政供养人员\n控制率"), "财政供养人员控制率");
        assert_eq!(join_wrapped("预算配置\r\n(15分)"), "预算配置(15分)");
        assert_eq!(join_wrapped("“三公经费”\n 变动率 "), "“三公经费”变动率");
        assert_eq!(join_wrapped("GDP\ngrowth"), "GDP growth");
        assert_eq!(join_wrapped("经济效益\n\n指标"), "经济效益指标");
        assert_eq!(join_wrapped("产\n出\n指\n标"), "产出指标");
        let long = "无\n注:1、其他资金包括和中央、省、市补助、地方财政资金共同投入到同一项目的自";
        assert_eq!(join_wrapped(long), long);
        assert!(matches!(join_wrapped(" 一行 "), std::borrow::Cow::Borrowed(" 一行 ")));
    }

    #[test]
    fn radicals_and_compatibility_ideographs_fold_to_the_unified_ideograph() {
        let mut s = "第\u{2F00}部分 \u{2F6C}标 \u{2EA0} \u{2E9F} \u{2EF3} \u{F900} \u{FA11} 𠮷 ① ㎡ ＞".to_owned();
        assert_eq!(fold_ideographs(&mut s), 6);
        // U+FA11 﨑 is a unified ideograph in the compatibility block: it stays; so do ①, ㎡, ＞.
        assert_eq!(s, "第一部分 目标 民 母 龟 \u{8C48} \u{FA11} 𠮷 ① ㎡ ＞");
        let mut s = "\u{2F800}\u{2FA1D}\u{2FA1E}".to_owned();
        assert_eq!(fold_ideographs(&mut s), 2);
        assert_eq!(s, "丽\u{2A600}\u{2FA1E}");
        let mut plain = "绩效目标表“引号”—".to_owned();
        assert_eq!(fold_ideographs(&mut plain), 0);
        assert_eq!(plain, "绩效目标表“引号”—");
    }

    #[test]
    fn the_table_is_sorted_and_maps_to_unified_ideographs() {
        let table = &crate::grammar::ideographs::VARIANTS;
        assert!(table.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(table.iter().all(|(_, u)| ('\u{4E00}'..='\u{9FFF}').contains(u) || ('\u{3400}'..='\u{4DBF}').contains(u) || *u >= '\u{20000}'));
        assert_eq!(table.iter().filter(|(v, _)| ('\u{2F00}'..='\u{2FD5}').contains(v)).count(), 214);
    }

    #[test]
    fn folds_full_width_forms_and_keeps_circled_digits() {
        assert_eq!(fold("＞＝９０％"), ">=90%");
        assert_eq!(fold("≧１，５００人"), "≥1,500人");
        assert_eq!(fold("①"), "①");
        assert_eq!(fold("﹦72890元"), "=72890元");
        assert_eq!(fold("產出指標"), "产出指标");
        assert_eq!(simplified_text("績效自評表"), "绩效自评表");
        assert!(TRADITIONAL.windows(2).all(|w| w[0].0 < w[1].0), "sorted, no repeats");
        assert!(TRADITIONAL.iter().all(|(t, s)| t.len_utf8() == 3 && s.len_utf8() == 3));
        let t = crate::model::Target::parse("﹦100%");
        assert_eq!((t.comparator, t.value, t.sign_given), (Some(crate::model::Comparator::Eq), Some(100.0), true));
        assert_eq!(squeeze(" 产出　指标 "), "产出指标");
    }
}
