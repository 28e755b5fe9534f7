//! A `w:sym` symbol as the character it shows: the Symbol font's codes (Word names them F020–F0FF,
//! the font's own 20–FF in the private-use area) by the Adobe Symbol encoding, so that a `≥` typed
//! from Insert › Symbol reads `≥`; any other font's code as the character it names.

/// The Symbol font's characters from 0x20 to 0xFF; '\0' where the font has none.
const SYMBOL: [char; 224] = [
    // 0x20
    ' ', '!', '∀', '#', '∃', '%', '&', '∋', '(', ')', '∗', '+', ',', '−', '.', '/', //
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ':', ';', '<', '=', '>', '?', //
    '≅', 'Α', 'Β', 'Χ', 'Δ', 'Ε', 'Φ', 'Γ', 'Η', 'Ι', 'ϑ', 'Κ', 'Λ', 'Μ', 'Ν', 'Ο', //
    'Π', 'Θ', 'Ρ', 'Σ', 'Τ', 'Υ', 'ς', 'Ω', 'Ξ', 'Ψ', 'Ζ', '[', '∴', ']', '⊥', '_', //
    '‾', 'α', 'β', 'χ', 'δ', 'ε', 'φ', 'γ', 'η', 'ι', 'ϕ', 'κ', 'λ', 'μ', 'ν', 'ο', //
    'π', 'θ', 'ρ', 'σ', 'τ', 'υ', 'ϖ', 'ω', 'ξ', 'ψ', 'ζ', '{', '|', '}', '∼', '\0', //
    // 0x80–0x9F: none
    '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', //
    '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', //
    // 0xA0
    '€', 'ϒ', '′', '≤', '⁄', '∞', 'ƒ', '♣', '♦', '♥', '♠', '↔', '←', '↑', '→', '↓', //
    '°', '±', '″', '≥', '×', '∝', '∂', '•', '÷', '≠', '≡', '≈', '…', '⏐', '⎯', '↵', //
    'ℵ', 'ℑ', 'ℜ', '℘', '⊗', '⊕', '∅', '∩', '∪', '⊃', '⊇', '⊄', '⊂', '⊆', '∈', '∉', //
    '∠', '∇', '®', '©', '™', '∏', '√', '⋅', '¬', '∧', '∨', '⇔', '⇐', '⇑', '⇒', '⇓', //
    '◊', '〈', '®', '©', '™', '∑', '⎛', '⎜', '⎝', '⎡', '⎢', '⎣', '⎧', '⎨', '⎩', '⎪', //
    '\0', '〉', '∫', '⌠', '⎮', '⌡', '⎞', '⎟', '⎠', '⎤', '⎥', '⎦', '⎫', '⎬', '⎭', '\0', //
];

/// The character a `w:sym` shows: `font` its `w:font`, `code` its `w:char` (hex). None for a
/// code that is no character (kept by the caller as a note is not needed: a NUL or a surrogate
/// is no text).
pub fn symbol(font: Option<&str>, code: &str) -> Option<char> {
    let code = u32::from_str_radix(code.trim(), 16).ok()?;
    if font.is_some_and(|f| f.trim().eq_ignore_ascii_case("symbol")) {
        let low = match code {
            0xF020..=0xF0FF => code - 0xF000,
            0x20..=0xFF => code,
            _ => return char::from_u32(code).filter(|c| *c != '\0'),
        };
        if let Some(&c) = SYMBOL.get((low - 0x20) as usize).filter(|c| **c != '\0') {
            return Some(c);
        }
    }
    char::from_u32(code).filter(|c| *c != '\0')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbol_font_codes_read_as_unicode() {
        assert_eq!(symbol(Some("Symbol"), "F0B3"), Some('≥'));
        assert_eq!(symbol(Some("Symbol"), "F0A3"), Some('≤'));
        assert_eq!(symbol(Some("symbol"), "B1"), Some('±'));
        assert_eq!(symbol(Some("Symbol"), "F0B4"), Some('×'));
        assert_eq!(symbol(Some("Symbol"), "F0B8"), Some('÷'));
        assert_eq!(symbol(Some("Symbol"), "F0B9"), Some('≠'));
        assert_eq!(symbol(Some("Symbol"), "F061"), Some('α'));
        assert_eq!(symbol(Some("Wingdings"), "2265"), Some('≥'), "another font: the code as it names");
        assert_eq!(symbol(Some("Symbol"), "F080"), Some('\u{F080}'), "a code the font lacks is kept as written");
        assert_eq!(symbol(None, "zz"), None);
        assert_eq!(symbol(None, "D800"), None);
    }
}
