//! What a browser's tree construction does with a page's tokens, as far as the page's text,
//! tables and paragraphs go, without building the tree: a stack of the open elements and the
//! rules of the HTML standard's insertion modes that decide where an element ends.
//!
//! - Implied end tags: a `<p>` ends at the next block or `</div>`, a cell at the next cell, row
//!   or `</table>`, a row at the next row, a list item at the next item; a `<td>` outside a row
//!   opens one (and a `<tbody>`); `</p>` with no paragraph open is an empty paragraph.
//! - The head: what may stand in it (meta, link, title, style, script …) and where it ends
//!   implicitly; text or any other element starts the body.
//! - Tables: text and elements that stand in a table but outside its cells are "fostered" (a
//!   browser shows them before the table); a `<table>` in a table (not in a cell) ends it.
//! - Misnested tags (Office's pages write `<b><p>…</b></p>` and the like): an end tag with no
//!   open element of its name is left out; a formatting element (`b`, `font` …) closed across a
//!   block ends there without ending the block, as the adoption agency algorithm does.
//! - Raw text: `script`, `style`, `title`, `textarea` … hold text, not tags (the tokenizer is
//!   switched for them).
//! - `<select>`: its selected option (or its first) shows. Its content is parsed as the
//!   current standard (and html5ever) parses it: as any element's, a `<select>` or `<input>`
//!   ending an open one, an `<option>`, `<optgroup>` or `<hr>` ending an open option.
//!
//! Each event reaches the [`Walker`] only when it shows (no hidden element around it), with
//! whether it is fostered. Every element opened is counted against `max_depth` as a node of the
//! tree at its depth.
//!
//! Checked against html5ever 0.40's tree (the reader before this one) on the pages under
//! tests/data, variants of them and randomly damaged copies: the same blocks. Where it is known
//! to differ, on pages no browser-saved page is like:
//! - text fostered out of a layout table (one holding tables) after a table inside it stands
//!   where it is written, not before the layout table (the table's paragraphs are gone by then);
//! - inside a select's option, fostered text keeps its order among the option's text;
//! - of the active formatting elements only hidden ones are reopened (the others change no
//!   text), and without the "Noah's ark" limit of three alike.

use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};

use super::layout::Walker;
use crate::error::Result;
use crate::read::container::over_limit;

/// An emitter that asks the tokenizer for no parse errors: a page's errors change nothing read
/// here, and checking every character for them is a tenth of the tokenizer's time.
struct Quiet<E>(E);

impl<E: html5gum::Emitter> html5gum::ForwardingEmitter for Quiet<E> {
    type Token = E::Token;

    fn inner(&mut self) -> &mut impl html5gum::Emitter<Token = Self::Token> {
        &mut self.0
    }

    fn should_emit_errors(&mut self) -> bool {
        false
    }
}

/// The elements the rules name; every other element is `Other`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Tag {
    Html,
    Head,
    Body,
    Frameset,
    Frame,
    // In the head.
    Base,
    Link,
    Meta,
    Title,
    Style,
    Script,
    Noscript,
    Noframes,
    Template,
    // Blocks.
    P,
    Div,
    Address,
    Article,
    Aside,
    Blockquote,
    Center,
    Details,
    Dialog,
    Dir,
    Dl,
    Fieldset,
    Figcaption,
    Figure,
    Footer,
    Header,
    Hgroup,
    Main,
    Menu,
    Nav,
    Ol,
    Section,
    Summary,
    Ul,
    Search,
    Legend,
    H1,
    H2,
    H3,
    H4,
    H5,
    H6,
    Pre,
    Listing,
    Form,
    Li,
    Dd,
    Dt,
    Hr,
    Plaintext,
    Xmp,
    // Tables.
    Table,
    Caption,
    Colgroup,
    Col,
    Tbody,
    Thead,
    Tfoot,
    Tr,
    Td,
    Th,
    // Controls.
    Select,
    Option,
    Optgroup,
    Input,
    Textarea,
    Button,
    // Void.
    Br,
    Area,
    Img,
    Embed,
    Keygen,
    Wbr,
    Param,
    Source,
    Track,
    Basefont,
    Bgsound,
    // Raw text.
    Iframe,
    Noembed,
    // Formatting.
    A,
    B,
    Big,
    Code,
    Em,
    Font,
    I,
    Nobr,
    S,
    Small,
    Strike,
    Strong,
    Tt,
    U,
    // Scoping.
    Applet,
    Marquee,
    Object,
    Svg,
    Math,
    // Hidden by name.
    Del,
    Comment,
    Xml,
    Span,
    /// Any other element, by a hash of its name (end tags match start tags by it).
    Other(u64),
}

impl Tag {
    fn of(name: &[u8]) -> Tag {
        use Tag::*;
        match name {
            b"html" => Html,
            b"head" => Head,
            b"body" => Body,
            b"frameset" => Frameset,
            b"frame" => Frame,
            b"base" => Base,
            b"link" => Link,
            b"meta" => Meta,
            b"title" => Title,
            b"style" => Style,
            b"script" => Script,
            b"noscript" => Noscript,
            b"noframes" => Noframes,
            b"template" => Template,
            b"p" => P,
            b"div" => Div,
            b"address" => Address,
            b"article" => Article,
            b"aside" => Aside,
            b"blockquote" => Blockquote,
            b"center" => Center,
            b"details" => Details,
            b"dialog" => Dialog,
            b"dir" => Dir,
            b"dl" => Dl,
            b"fieldset" => Fieldset,
            b"figcaption" => Figcaption,
            b"figure" => Figure,
            b"footer" => Footer,
            b"header" => Header,
            b"hgroup" => Hgroup,
            b"main" => Main,
            b"menu" => Menu,
            b"nav" => Nav,
            b"ol" => Ol,
            b"section" => Section,
            b"summary" => Summary,
            b"ul" => Ul,
            b"search" => Search,
            b"legend" => Legend,
            b"h1" => H1,
            b"h2" => H2,
            b"h3" => H3,
            b"h4" => H4,
            b"h5" => H5,
            b"h6" => H6,
            b"pre" => Pre,
            b"listing" => Listing,
            b"form" => Form,
            b"li" => Li,
            b"dd" => Dd,
            b"dt" => Dt,
            b"hr" => Hr,
            b"plaintext" => Plaintext,
            b"xmp" => Xmp,
            b"table" => Table,
            b"caption" => Caption,
            b"colgroup" => Colgroup,
            b"col" => Col,
            b"tbody" => Tbody,
            b"thead" => Thead,
            b"tfoot" => Tfoot,
            b"tr" => Tr,
            b"td" => Td,
            b"th" => Th,
            b"select" => Select,
            b"option" => Option,
            b"optgroup" => Optgroup,
            b"input" => Input,
            b"textarea" => Textarea,
            b"button" => Button,
            b"br" => Br,
            b"area" => Area,
            b"img" | b"image" => Img,
            b"embed" => Embed,
            b"keygen" => Keygen,
            b"wbr" => Wbr,
            b"param" => Param,
            b"source" => Source,
            b"track" => Track,
            b"basefont" => Basefont,
            b"bgsound" => Bgsound,
            b"iframe" => Iframe,
            b"noembed" => Noembed,
            b"a" => A,
            b"b" => B,
            b"big" => Big,
            b"code" => Code,
            b"em" => Em,
            b"font" => Font,
            b"i" => I,
            b"nobr" => Nobr,
            b"s" => S,
            b"small" => Small,
            b"strike" => Strike,
            b"strong" => Strong,
            b"tt" => Tt,
            b"u" => U,
            b"applet" => Applet,
            b"marquee" => Marquee,
            b"object" => Object,
            b"svg" => Svg,
            b"math" => Math,
            b"del" => Del,
            b"comment" => Comment,
            b"xml" => Xml,
            b"span" => Span,
            other => Other(hash(other)),
        }
    }

    /// Elements whose content never shows; `del` is a tracked deletion (Word's pages write one
    /// so), left out as the .docx reader leaves deletions out.
    fn hidden(self) -> bool {
        matches!(self, Tag::Head | Tag::Script | Tag::Style | Tag::Template | Tag::Noscript | Tag::Title | Tag::Comment | Tag::Xml | Tag::Del)
    }

    /// Elements that start and end a paragraph (a line of their own).
    pub fn block(self) -> bool {
        use Tag::*;
        matches!(
            self,
            P | Div
                | H1
                | H2
                | H3
                | H4
                | H5
                | H6
                | Li
                | Ul
                | Ol
                | Dl
                | Dt
                | Dd
                | Blockquote
                | Pre
                | Section
                | Article
                | Header
                | Footer
                | Nav
                | Aside
                | Main
                | Center
                | Form
                | Hr
                | Address
                | Figure
                | Figcaption
                | Body
                | Html
                | Table
                | Thead
                | Tbody
                | Tfoot
                | Tr
                | Td
                | Th
                | Caption
                | Fieldset
                | Legend
                | Details
                | Summary
        )
    }

    /// Elements with no content and no end tag.
    fn void(self) -> bool {
        use Tag::*;
        matches!(self, Br | Area | Img | Embed | Keygen | Wbr | Param | Source | Track | Basefont | Bgsound | Input | Hr | Col | Frame | Base | Link | Meta)
    }

    /// Start tags that end an open `<p>` (in button scope).
    fn closes_p(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Address
                | Article
                | Aside
                | Blockquote
                | Center
                | Details
                | Dialog
                | Dir
                | Div
                | Dl
                | Fieldset
                | Figcaption
                | Figure
                | Footer
                | Header
                | Hgroup
                | Main
                | Menu
                | Nav
                | Ol
                | P
                | Search
                | Section
                | Summary
                | Ul
                | H1
                | H2
                | H3
                | H4
                | H5
                | H6
                | Pre
                | Listing
                | Form
                | Li
                | Dd
                | Dt
                | Plaintext
                | Xmp
                | Hr
        )
    }

    /// Where the list of formatting elements to reopen starts anew.
    fn marker(self) -> bool {
        matches!(self, Tag::Td | Tag::Th | Tag::Caption | Tag::Applet | Tag::Marquee | Tag::Object | Tag::Template)
    }

    fn heading(self) -> bool {
        matches!(self, Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6)
    }

    fn formatting(self) -> bool {
        use Tag::*;
        matches!(self, A | B | Big | Code | Em | Font | I | Nobr | S | Small | Strike | Strong | Tt | U)
    }

    /// The standard's "special" elements: an end tag of another name does not close past them.
    fn special(self) -> bool {
        use Tag::*;
        !matches!(self, Other(_) | Span | Del | Comment | Xml | Option | Optgroup | Svg | Math) && !self.formatting()
    }

    /// Where the default scope ends (a select too, as html5ever has it with the standard's
    /// select parsing).
    fn scope_boundary(self) -> bool {
        use Tag::*;
        matches!(self, Applet | Caption | Html | Table | Td | Th | Marquee | Object | Select | Template)
    }

    /// A table's structure, where text and other elements are fostered out of it.
    fn table_context(self) -> bool {
        matches!(self, Tag::Table | Tag::Tbody | Tag::Thead | Tag::Tfoot | Tag::Tr)
    }

    /// Raw text and RCDATA elements: their content is text.
    fn raw(self) -> bool {
        use Tag::*;
        matches!(self, Title | Style | Script | Noscript | Noframes | Textarea | Xmp | Iframe | Noembed | Plaintext)
    }
}

/// The ruby elements an option or optgroup ends (`rb`, `rp`, `rt`, `rtc`), by name hash.
const RUBY: [u64; 4] = [hash(b"rb"), hash(b"rp"), hash(b"rt"), hash(b"rtc")];

/// FNV-1a: a name's identity for elements the rules do not name.
const fn hash(name: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < name.len() {
        h = (h ^ name[i] as u64).wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    h
}

/// The attributes of a start tag that the reader looks at.
#[derive(Default, Debug)]
pub struct Attrs {
    pub hidden: bool,
    pub style: String,
    pub kind: String,
    pub value: Option<String>,
    pub selected: bool,
    pub src: Option<String>,
    pub rowspan: Option<String>,
    pub colspan: Option<String>,
    /// The classes (what jixiao's own page marks with them: see `own_notes`).
    pub class: String,
    /// The attribute whose value comes next.
    pending: Pending,
    /// Names seen on this tag (a repeated attribute is left out, as the standard says).
    seen: u16,
}

#[derive(Default, Debug, Clone, Copy, PartialEq)]
enum Pending {
    #[default]
    None,
    Style,
    Type,
    Value,
    Src,
    Rowspan,
    Colspan,
    Class,
}

impl Attrs {
    fn clear(&mut self) {
        self.hidden = false;
        self.style.clear();
        self.kind.clear();
        self.value = None;
        self.selected = false;
        self.src = None;
        self.rowspan = None;
        self.colspan = None;
        self.class.clear();
        self.pending = Pending::None;
        self.seen = 0;
    }

    fn name(&mut self, name: &[u8]) {
        let (bit, pending) = match name {
            b"hidden" => (1, Pending::None),
            b"selected" => (2, Pending::None),
            b"style" => (4, Pending::Style),
            b"type" => (8, Pending::Type),
            b"value" => (16, Pending::Value),
            b"src" => (32, Pending::Src),
            b"rowspan" => (64, Pending::Rowspan),
            b"colspan" => (128, Pending::Colspan),
            b"class" => (256, Pending::Class),
            _ => (0, Pending::None),
        };
        self.pending = Pending::None;
        if bit == 0 || self.seen & bit != 0 {
            return;
        }
        self.seen |= bit;
        self.pending = pending;
        match bit {
            1 => self.hidden = true,
            2 => self.selected = true,
            16 => self.value = Some(String::new()),
            32 => self.src = Some(String::new()),
            _ => {}
        }
    }

    fn value(&mut self, value: &str) {
        match self.pending {
            Pending::None => {}
            Pending::Style => self.style.push_str(value),
            Pending::Type => self.kind.push_str(value),
            Pending::Value => self.value.get_or_insert_default().push_str(value),
            Pending::Src => self.src.get_or_insert_default().push_str(value),
            Pending::Rowspan => self.rowspan.get_or_insert_default().push_str(value),
            Pending::Colspan => self.colspan.get_or_insert_default().push_str(value),
            Pending::Class => self.class.push_str(value),
        }
    }

    /// Whether the element's content does not show: the `hidden` attribute, a hidden input, or a
    /// style saying `display:none`, `visibility:hidden` or Word's `mso-hide:all`.
    fn hide(&self, tag: Tag) -> bool {
        if self.hidden || (tag == Tag::Input && self.kind.eq_ignore_ascii_case("hidden")) {
            return true;
        }
        !self.style.is_empty()
            && self.style.split(';').any(|decl| {
                let Some((key, value)) = decl.split_once(':') else { return false };
                let mut value = value.trim();
                while let Some(v) = value.strip_suffix("!important") {
                    value = v;
                }
                let value = value.trim();
                let key = key.trim();
                let is = |v: &str| value.eq_ignore_ascii_case(v);
                if key.eq_ignore_ascii_case("display") {
                    is("none")
                } else if key.eq_ignore_ascii_case("visibility") {
                    is("hidden") || is("collapse")
                } else {
                    key.eq_ignore_ascii_case("mso-hide") && is("all")
                }
            })
    }

    /// A span attribute (`rowspan`, `colspan`): at least 1, at most `most`; `0` (to the end of
    /// the table) as `most`.
    pub fn span(value: Option<&str>, most: usize) -> usize {
        match value.map(|v| v.trim().parse::<usize>()) {
            Some(Ok(0)) => most,
            Some(Ok(n)) => n.clamp(1, most),
            _ => 1,
        }
    }
}

/// One open element.
#[derive(Debug, Clone, Copy)]
struct Entry {
    tag: Tag,
    /// Hidden itself.
    own_hidden: bool,
    /// Hidden itself or inside a hidden element: nothing in it shows.
    hidden: bool,
    /// Fostered out of a table (or inside such an element).
    foster: bool,
    /// Its opening reached the walker (so its end does too).
    shown: bool,
    /// Which element it is (for the list of formatting elements to reopen).
    id: u32,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Phase {
    /// Before `<html>` or any content.
    Initial,
    BeforeHead,
    InHead,
    AfterHead,
    InBody,
    InFrameset,
}

/// An open `<select>`: its options' text, and which is selected.
struct Select {
    /// Its place on the stack.
    index: usize,
    options: Vec<(bool, String)>,
    /// The place on the stack of the option being read.
    option: Option<usize>,
    /// Whether it shows (its text goes to the walker when it ends).
    shown: bool,
    foster: bool,
}

/// The tree construction of a page, feeding a walker.
pub struct Tree<'w, 'o> {
    pub walker: &'w mut Walker<'o>,
    stack: Vec<Entry>,
    phase: Phase,
    quirks: bool,
    select: Option<Select>,
    /// The tag being read (its name; its attributes in `attrs`).
    tag: Option<Tag>,
    attrs: Attrs,
    /// Drop a line break that starts the content of `pre`, `listing` or `textarea`.
    skip_newline: bool,
    /// The standard's list of active formatting elements, as far as it changes what shows:
    /// hidden ones (`<font style="display:none">`), which a browser reopens after a block that
    /// ended them implicitly, until a cell ends (None: a cell's or caption's start).
    formatting: Vec<Option<(u32, Tag)>>,
    next_id: u32,
    error: Option<crate::error::Error>,
}

impl<'w, 'o> Tree<'w, 'o> {
    pub fn new(walker: &'w mut Walker<'o>) -> Self {
        Tree {
            walker,
            stack: Vec::new(),
            phase: Phase::Initial,
            quirks: true,
            select: None,
            tag: None,
            attrs: Attrs::default(),
            skip_newline: false,
            formatting: Vec::new(),
            next_id: 0,
            error: None,
        }
    }

    /// Reads a page: tokenizes it and builds as it goes.
    pub fn read(mut self, page: &str) -> Result<()> {
        let page = page.strip_prefix('\u{feff}').unwrap_or(page);
        {
            let mut emitter = CallbackEmitter::new(|event: CallbackEvent<'_>, _: html5gum::Span<()>| -> Option<()> {
                match self.event(event) {
                    Ok(()) => None,
                    Err(e) => {
                        self.error = Some(e);
                        Some(())
                    }
                }
            });
            // Raw text elements (script, style, title, textarea …) switch the tokenizer.
            emitter.naively_switch_states(true);
            // The tokenizer runs to the end of the page, or yields the one token the callback
            // gives when a limit is passed (the error is in `self.error`).
            let _stopped = html5gum::Tokenizer::new_with_emitter(page, Quiet(emitter)).next();
        }
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        self.end()
    }

    fn event(&mut self, event: CallbackEvent<'_>) -> Result<()> {
        match event {
            CallbackEvent::OpenStartTag { name } => {
                self.tag = Some(Tag::of(name));
                self.attrs.clear();
            }
            CallbackEvent::AttributeName { name } => {
                if self.tag.is_some() {
                    self.attrs.name(name);
                }
            }
            CallbackEvent::AttributeValue { value } => {
                if self.tag.is_some() && self.attrs.pending != Pending::None {
                    self.attrs.value(&String::from_utf8_lossy(value));
                }
            }
            CallbackEvent::CloseStartTag { self_closing } => {
                if let Some(tag) = self.tag.take() {
                    self.start(tag, self_closing)?;
                }
            }
            CallbackEvent::EndTag { name } => {
                self.tag = None;
                self.end_tag(Tag::of(name))?;
            }
            CallbackEvent::String { value } => {
                let text = match std::str::from_utf8(value) {
                    Ok(t) => std::borrow::Cow::Borrowed(t),
                    Err(_) => String::from_utf8_lossy(value),
                };
                self.text(&text)?;
            }
            CallbackEvent::Doctype { name, public_identifier, system_identifier, force_quirks } => {
                if self.phase == Phase::Initial {
                    self.quirks =
                        force_quirks || !name.eq_ignore_ascii_case(b"html") || public_identifier.is_some_and(|id| quirky(id, system_identifier.is_some()));
                }
            }
            CallbackEvent::Comment { .. } | CallbackEvent::Error(_) => {}
        }
        Ok(())
    }

    fn top(&self) -> Option<Tag> {
        self.stack.last().map(|e| e.tag)
    }

    /// Whether what is added now does not show.
    fn hiding(&self) -> bool {
        self.stack.last().is_some_and(|e| e.hidden)
    }

    fn fostering(&self) -> bool {
        self.stack.last().is_some_and(|e| e.foster)
    }

    /// Opens an element (or, for a void one, opens and ends it).
    fn push(&mut self, tag: Tag, foster: bool) -> Result<()> {
        let own_hidden = tag.hidden() || self.attrs.hide(tag);
        self.push_hidden(tag, foster, own_hidden)
    }

    /// [`Self::push`] for an element hidden itself or not.
    fn push_hidden(&mut self, tag: Tag, foster: bool, own_hidden: bool) -> Result<()> {
        let depth = self.stack.len() + 2;
        let limits = self.walker.limits;
        if depth > limits.max_depth {
            return Err(over_limit(self.walker.origin, "the HTML nesting", limits.max_depth, "max_depth"));
        }
        let parent_hidden = self.hiding();
        let hidden = parent_hidden || own_hidden;
        // In a table outside its cells, what is not of the table's structure is fostered.
        let foster = foster
            || self.fostering()
            || (self.top().is_some_and(Tag::table_context)
                && !matches!(
                    tag,
                    Tag::Caption
                        | Tag::Colgroup
                        | Tag::Col
                        | Tag::Tbody
                        | Tag::Thead
                        | Tag::Tfoot
                        | Tag::Tr
                        | Tag::Td
                        | Tag::Th
                        | Tag::Table
                        | Tag::Style
                        | Tag::Script
                        | Tag::Template
                ));
        // Inside a select only its options' text is read.
        let shown = !hidden && self.select.is_none();
        if tag == Tag::Table && !shown {
            // A table inside a data table makes it layout, shown or not.
            self.walker.hidden_table();
        }
        if shown {
            self.walker.open(tag, &self.attrs, foster)?;
        }
        if tag.void() {
            if shown {
                self.walker.close(tag, foster)?;
            }
        } else {
            let index = self.stack.len();
            match &mut self.select {
                None if tag == Tag::Select => self.select = Some(Select { index, options: Vec::new(), option: None, shown: !hidden, foster }),
                Some(select) if tag == Tag::Option => {
                    select.options.push((self.attrs.selected, String::new()));
                    select.option = Some(index);
                }
                _ => {}
            }
            let id = self.next_id;
            self.next_id = self.next_id.wrapping_add(1);
            if tag.formatting() && own_hidden {
                self.formatting.push(Some((id, tag)));
            } else if tag.marker() {
                self.formatting.push(None);
            }
            self.stack.push(Entry { tag, own_hidden, hidden, foster, shown, id });
            if matches!(tag, Tag::Pre | Tag::Listing | Tag::Textarea) {
                self.skip_newline = true;
            }
        }
        Ok(())
    }

    /// Ends the element on top.
    fn pop(&mut self) -> Result<()> {
        let Some(e) = self.stack.pop() else { return Ok(()) };
        if e.tag.marker() {
            // The formatting elements opened in it end with it.
            while let Some(Some(_)) = self.formatting.pop() {}
        }
        let index = self.stack.len();
        if let Some(select) = &mut self.select
            && select.option == Some(index)
        {
            select.option = None;
        }
        if self.select.as_ref().is_some_and(|s| s.index == index)
            && let Some(select) = self.select.take()
            && select.shown
            && let Some((_, chosen)) = select.options.iter().find(|o| o.0).or(select.options.first())
        {
            // What a select shows: its selected option, or its first.
            self.walker.text(chosen, select.foster);
        }
        if e.shown {
            self.walker.close(e.tag, e.foster)?;
        }
        Ok(())
    }

    /// Reopens the hidden formatting elements that a block ended implicitly (the standard's
    /// "reconstruct the active formatting elements"), before text or an inline element.
    fn reconstruct(&mut self) -> Result<()> {
        let start = self.formatting.iter().rposition(Option::is_none).map_or(0, |i| i + 1);
        for k in start..self.formatting.len() {
            let Some((id, tag)) = self.formatting[k] else { continue };
            if self.stack.iter().rev().any(|e| e.id == id) {
                continue;
            }
            let new_id = self.next_id;
            // Pushing it lists it again, last: that entry replaces the old one.
            self.push_hidden(tag, false, true)?;
            self.formatting.pop();
            self.formatting[k] = Some((new_id, tag));
        }
        Ok(())
    }

    /// Takes the element at `i` off the stack, those above it staying open.
    fn remove_at(&mut self, i: usize) -> Entry {
        if let Some(select) = &mut self.select {
            if select.index == i {
                // (a select is special: never taken out from under others)
                select.index = usize::MAX;
            } else if select.index > i {
                select.index -= 1;
            }
            select.option = select.option.and_then(|o| match o.cmp(&i) {
                std::cmp::Ordering::Less => Some(o),
                std::cmp::Ordering::Equal => None,
                std::cmp::Ordering::Greater => Some(o - 1),
            });
        }
        self.stack.remove(i)
    }

    /// Ends elements down to and with the topmost at `index`.
    fn pop_to(&mut self, index: usize) -> Result<()> {
        while self.stack.len() > index {
            self.pop()?;
        }
        Ok(())
    }

    /// The topmost open element matching `is`, searching down to a boundary (not included).
    fn find(&self, is: impl Fn(Tag) -> bool, boundary: impl Fn(Tag) -> bool) -> Option<usize> {
        for (i, e) in self.stack.iter().enumerate().rev() {
            if is(e.tag) {
                return Some(i);
            }
            if boundary(e.tag) {
                return None;
            }
        }
        None
    }

    /// Whether the insertion mode is one of a table outside its cells ("in table", "in table
    /// body", "in row"): the nearest table element open is its structure, not a cell or caption.
    fn in_table_outside_cells(&self) -> bool {
        self.stack
            .iter()
            .rev()
            .find(|e| matches!(e.tag, Tag::Td | Tag::Th | Tag::Caption | Tag::Html | Tag::Body | Tag::Template) || e.tag.table_context())
            .is_some_and(|e| e.tag.table_context())
    }

    fn in_scope(&self, tag: Tag) -> Option<usize> {
        self.find(|t| t == tag, Tag::scope_boundary)
    }

    fn in_button_scope(&self, tag: Tag) -> Option<usize> {
        self.find(|t| t == tag, |t| t.scope_boundary() || t == Tag::Button)
    }

    fn in_table_scope(&self, is: impl Fn(Tag) -> bool) -> Option<usize> {
        self.find(is, |t| matches!(t, Tag::Html | Tag::Table | Tag::Template))
    }

    fn close_p(&mut self) -> Result<()> {
        if let Some(i) = self.in_button_scope(Tag::P) {
            self.pop_to(i)?;
        }
        Ok(())
    }

    /// `<html>` and `<body>` as a page without them implies them.
    fn ensure_html(&mut self) -> Result<()> {
        if self.stack.is_empty() {
            self.attrs_cleared(|t| t.push(Tag::Html, false))?;
        }
        if self.phase == Phase::Initial {
            self.phase = Phase::BeforeHead;
        }
        Ok(())
    }

    /// Runs `f` with no attributes (for an implied element), keeping the tag's own.
    fn attrs_cleared(&mut self, f: impl FnOnce(&mut Self) -> Result<()>) -> Result<()> {
        let attrs = std::mem::take(&mut self.attrs);
        let result = f(self);
        self.attrs = attrs;
        result
    }

    /// Ends the head, if open, and opens the body.
    fn ensure_body(&mut self) -> Result<()> {
        self.ensure_html()?;
        match self.phase {
            Phase::InBody | Phase::InFrameset => return Ok(()),
            Phase::InHead => {
                if let Some(i) = self.stack.iter().rposition(|e| e.tag == Tag::Head) {
                    self.pop_to(i)?;
                }
            }
            _ => {}
        }
        self.attrs_cleared(|t| t.push(Tag::Body, false))?;
        self.phase = Phase::InBody;
        Ok(())
    }

    fn text(&mut self, text: &str) -> Result<()> {
        let mut text = text;
        if std::mem::take(&mut self.skip_newline) {
            text = text.strip_prefix('\n').or_else(|| text.strip_prefix("\r\n")).unwrap_or(text);
        }
        if text.is_empty() {
            return Ok(());
        }
        let blank = text.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'));
        let top = self.top();
        if top.is_some_and(Tag::raw) {
            if !self.hiding() {
                self.walker.text(text, self.fostering());
            }
            return Ok(());
        }
        if let Some(select) = &mut self.select {
            // Only an option's text shows (all of it, hidden or not); the rest of a select's
            // content never does.
            if select.option.is_some()
                && let Some(o) = select.options.last_mut()
            {
                o.1.push_str(text);
            }
            return Ok(());
        }
        match self.phase {
            Phase::InFrameset => return Ok(()),
            Phase::Initial | Phase::BeforeHead | Phase::AfterHead if blank => return Ok(()),
            Phase::InHead if blank && top == Some(Tag::Head) => return Ok(()),
            Phase::InBody => {}
            Phase::InHead if top != Some(Tag::Head) => {}
            _ => self.ensure_body()?,
        }
        if self.stack.len() + 2 > self.walker.limits.max_depth {
            return Err(over_limit(self.walker.origin, "the HTML nesting", self.walker.limits.max_depth, "max_depth"));
        }
        if self.top() == Some(Tag::Colgroup) && !blank {
            self.pop()?;
        }
        let foster = if self.top().is_some_and(Tag::table_context) {
            if blank {
                return Ok(());
            }
            true
        } else {
            self.fostering()
        };
        if !self.formatting.is_empty() && !blank && !self.hiding() {
            self.reconstruct()?;
        }
        if !self.hiding() {
            if text.contains('\0') {
                self.walker.text(&text.replace('\0', ""), foster);
            } else {
                self.walker.text(text, foster);
            }
        }
        Ok(())
    }

    fn start(&mut self, tag: Tag, self_closing: bool) -> Result<()> {
        use Tag::*;
        self.skip_newline = false;
        // Inside raw text no tag is seen (the tokenizer gives its end tag only).
        match self.phase {
            Phase::Initial | Phase::BeforeHead | Phase::InHead | Phase::AfterHead => {
                if tag == Html {
                    if self.stack.is_empty() {
                        self.push(Html, false)?;
                    }
                    if self.phase == Phase::Initial {
                        self.phase = Phase::BeforeHead;
                    }
                    return Ok(());
                }
                self.ensure_html()?;
                let in_head = self.phase == Phase::InHead && self.top() != Some(Head);
                if in_head {
                    // Inside an element of the head (a template): content of that element.
                    return self.start_in_body(tag, self_closing);
                }
                match tag {
                    Head if self.phase == Phase::BeforeHead => {
                        self.push(Head, false)?;
                        self.phase = Phase::InHead;
                        Ok(())
                    }
                    Head => Ok(()),
                    Base | Basefont | Bgsound | Link | Meta => Ok(()),
                    Title | Noscript | Noframes | Style | Script | Template => {
                        if self.phase == Phase::BeforeHead {
                            self.attrs_cleared(|t| t.push(Head, false))?;
                            self.phase = Phase::InHead;
                        }
                        // After the head, these go back into it: hidden all the same.
                        self.push(tag, false)?;
                        if self.phase == Phase::AfterHead
                            && let Some(e) = self.stack.last_mut()
                        {
                            e.hidden = true;
                            e.own_hidden = true;
                        }
                        Ok(())
                    }
                    Body => self.open_body(),
                    Frameset => {
                        if let Some(i) = self.stack.iter().rposition(|e| e.tag == Head) {
                            self.pop_to(i)?;
                        }
                        self.push(Frameset, false)?;
                        self.phase = Phase::InFrameset;
                        Ok(())
                    }
                    _ => {
                        self.ensure_body()?;
                        self.start_in_body(tag, self_closing)
                    }
                }
            }
            Phase::InFrameset => match tag {
                Frameset => self.push(Frameset, false),
                Frame => self.push(Frame, false),
                Noframes => self.push(Noframes, false),
                _ => Ok(()),
            },
            Phase::InBody => self.start_in_body(tag, self_closing),
        }
    }

    /// `<body>` itself: the body element with its attributes.
    fn open_body(&mut self) -> Result<()> {
        if let Some(i) = self.stack.iter().rposition(|e| e.tag == Tag::Head) {
            self.pop_to(i)?;
        }
        self.push(Tag::Body, false)?;
        self.phase = Phase::InBody;
        Ok(())
    }

    fn start_in_body(&mut self, tag: Tag, self_closing: bool) -> Result<()> {
        use Tag::*;
        let top = self.top();
        if top.is_some_and(Tag::raw) {
            return Ok(());
        }
        if top == Some(Colgroup) {
            if tag == Col {
                return Ok(());
            }
            self.pop()?;
            return self.start_in_body(tag, self_closing);
        }
        // Foreign content (svg, math): a self-closing tag is void; an HTML block breaks out.
        if self.stack.iter().any(|e| matches!(e.tag, Svg | Math)) {
            if matches!(
                tag,
                B | Big
                    | Blockquote
                    | Body
                    | Br
                    | Center
                    | Code
                    | Dd
                    | Div
                    | Dl
                    | Dt
                    | Em
                    | Embed
                    | H1
                    | H2
                    | H3
                    | H4
                    | H5
                    | H6
                    | Head
                    | Hr
                    | I
                    | Img
                    | Li
                    | Listing
                    | Menu
                    | Meta
                    | Nobr
                    | Ol
                    | P
                    | Pre
                    | S
                    | Small
                    | Span
                    | Strong
                    | Strike
                    | Table
                    | Tt
                    | U
                    | Ul
            ) {
                if let Some(i) = self.stack.iter().position(|e| matches!(e.tag, Svg | Math)) {
                    self.pop_to(i)?;
                }
            } else {
                self.push(tag, false)?;
                if self_closing {
                    self.pop()?;
                }
                return Ok(());
            }
        }
        // In a table outside its cells, its structure's tags keep their table rules even with a
        // fostered element open.
        if self.top().is_some_and(Tag::table_context)
            || (matches!(tag, Caption | Colgroup | Col | Tbody | Thead | Tfoot | Tr | Td | Th | Table) && self.in_table_outside_cells())
        {
            return self.start_in_table(tag, self_closing);
        }
        match tag {
            Caption | Col | Colgroup | Tbody | Td | Tfoot | Th | Thead | Tr => {
                // In a cell or a caption, these end it; elsewhere they are left out.
                match self.in_table_scope(|t| matches!(t, Td | Th | Caption)) {
                    Some(i) => {
                        self.pop_to(i)?;
                        self.start_in_body(tag, self_closing)
                    }
                    None => Ok(()),
                }
            }
            Html | Body | Head | Frameset | Frame | Base | Basefont | Bgsound | Link | Meta => Ok(()),
            Title | Noscript | Noframes | Style | Script | Template | Iframe | Noembed | Textarea => self.push(tag, false),
            Table => {
                if !self.quirks {
                    self.close_p()?;
                }
                self.push(Table, false)
            }
            Li | Dd | Dt => {
                let same = |t: Tag| if tag == Li { t == Li } else { matches!(t, Dd | Dt) };
                for i in (0..self.stack.len()).rev() {
                    let t = self.stack[i].tag;
                    if same(t) {
                        self.pop_to(i)?;
                        break;
                    }
                    if t.special() && !matches!(t, Address | Div | P) {
                        break;
                    }
                }
                self.close_p()?;
                self.push(tag, false)
            }
            H1 | H2 | H3 | H4 | H5 | H6 => {
                self.close_p()?;
                if self.top().is_some_and(Tag::heading) {
                    self.pop()?;
                }
                self.push(tag, false)
            }
            _ if tag.closes_p() && tag != Hr => {
                self.close_p()?;
                self.push(tag, false)
            }
            Button => {
                if let Some(i) = self.in_scope(Button) {
                    self.pop_to(i)?;
                }
                self.push(tag, false)
            }
            A => {
                // An `a` inside an `a` ends the first, as its end tag would.
                self.end_in_body(A)?;
                self.push(tag, false)
            }
            Select => match self.in_scope(Select) {
                // A select in a select ends the first.
                Some(i) => self.pop_to(i),
                None => self.push(Select, false),
            },
            Input => {
                if let Some(i) = self.in_scope(Select) {
                    self.pop_to(i)?;
                }
                self.push(Input, false)
            }
            Option | Optgroup | Hr => {
                if self.in_scope(Select).is_some() {
                    // The implied ends (an option, a paragraph …; an optgroup but for an option).
                    while self.top().is_some_and(|t| {
                        matches!(t, Dd | Dt | Li | Option | P) || (t == Optgroup && tag != Option) || matches!(t, Other(h) if RUBY.contains(&h))
                    }) {
                        self.pop()?;
                    }
                } else if self.top() == Some(Option) && tag != Hr {
                    self.pop()?;
                }
                if tag == Hr {
                    self.close_p()?;
                }
                self.push(tag, false)
            }
            Svg | Math => {
                self.push(tag, false)?;
                if self_closing {
                    self.pop()?;
                }
                Ok(())
            }
            _ => {
                if !self.formatting.is_empty() {
                    self.reconstruct()?;
                }
                self.push(tag, false)
            }
        }
    }

    /// A start tag where a table's structure is the current node.
    fn start_in_table(&mut self, tag: Tag, self_closing: bool) -> Result<()> {
        use Tag::*;
        let clear_to = |t: &Self, stop: &dyn Fn(Tag) -> bool| t.stack.iter().rposition(|e| stop(e.tag)).map_or(t.stack.len(), |i| i + 1);
        match tag {
            Caption | Colgroup => {
                let i = clear_to(self, &|t| matches!(t, Table | Template | Html));
                self.pop_to(i)?;
                self.push(tag, false)
            }
            Col => {
                // In an implied column group: the open row and section end.
                let i = clear_to(self, &|t| matches!(t, Table | Template | Html));
                self.pop_to(i)
            }
            Tbody | Thead | Tfoot => {
                let i = clear_to(self, &|t| matches!(t, Table | Template | Html));
                self.pop_to(i)?;
                self.push(tag, false)
            }
            Tr | Td | Th => {
                if tag == Tr {
                    let i = clear_to(self, &|t| matches!(t, Tbody | Thead | Tfoot | Table | Template | Html));
                    self.pop_to(i)?;
                } else {
                    let i = clear_to(self, &|t| matches!(t, Tr | Tbody | Thead | Tfoot | Table | Template | Html));
                    self.pop_to(i)?;
                }
                if self.top() == Some(Table) {
                    self.attrs_cleared(|t| t.push(Tbody, false))?;
                }
                if tag == Tr {
                    return self.push(Tr, false);
                }
                if self.top() != Some(Tr) {
                    self.attrs_cleared(|t| t.push(Tr, false))?;
                }
                self.push(tag, false)
            }
            Table => {
                // A table in a table (not in a cell) ends the first.
                if let Some(i) = self.in_table_scope(|t| t == Table) {
                    self.pop_to(i)?;
                }
                self.start_in_body(Table, self_closing)
            }
            Style | Script | Template => self.push(tag, false),
            Input if self.attrs.kind.eq_ignore_ascii_case("hidden") => Ok(()),
            Form => Ok(()),
            Html | Body | Head | Frameset | Frame | Base | Basefont | Bgsound | Link | Meta => Ok(()),
            // Fostered: shown before the table.
            _ => self.push(tag, true),
        }
    }

    fn end_tag(&mut self, tag: Tag) -> Result<()> {
        use Tag::*;
        self.skip_newline = false;
        match self.phase {
            Phase::Initial | Phase::BeforeHead | Phase::AfterHead | Phase::InHead if self.top().is_none_or(|t| matches!(t, Html | Head)) => match tag {
                Head if self.phase == Phase::InHead => {
                    if let Some(i) = self.stack.iter().rposition(|e| e.tag == Head) {
                        self.pop_to(i)?;
                    }
                    self.phase = Phase::AfterHead;
                    Ok(())
                }
                Body | Html | Br => {
                    self.ensure_body()?;
                    self.end_in_body(tag)
                }
                _ => Ok(()),
            },
            Phase::InFrameset => {
                if matches!(tag, Frameset | Noframes) && self.top() == Some(tag) {
                    self.pop()?;
                }
                Ok(())
            }
            _ => self.end_in_body(tag),
        }
    }

    fn end_in_body(&mut self, tag: Tag) -> Result<()> {
        use Tag::*;
        let top = self.top();
        if top.is_some_and(Tag::raw) {
            // The end of raw text (the tokenizer gives no other end tag there).
            if top == Some(tag) {
                self.pop()?;
            }
            return Ok(());
        }
        if top == Some(Colgroup) {
            self.pop()?;
            if tag == Colgroup {
                return Ok(());
            }
            return self.end_in_body(tag);
        }
        let in_table = top.is_some_and(Tag::table_context);
        match tag {
            Body | Html | Head | Col | Colgroup => Ok(()),
            Br => {
                self.attrs.clear();
                self.push(Br, in_table || self.fostering())
            }
            Table | Tbody | Thead | Tfoot | Tr | Td | Th | Caption => {
                if let Some(i) = self.in_table_scope(|t| t == tag) {
                    self.pop_to(i)?;
                }
                Ok(())
            }
            P => match self.in_button_scope(P) {
                Some(i) => self.pop_to(i),
                None => {
                    // An end with no start: an empty paragraph (in a table, fostered).
                    self.attrs.clear();
                    self.push(P, in_table || self.fostering())?;
                    self.pop()
                }
            },
            Li => match self.find(|t| t == Li, |t| t.scope_boundary() || matches!(t, Ol | Ul)) {
                Some(i) => self.pop_to(i),
                None => Ok(()),
            },
            H1 | H2 | H3 | H4 | H5 | H6 => match self.find(Tag::heading, Tag::scope_boundary) {
                Some(i) => self.pop_to(i),
                None => Ok(()),
            },
            Form => {
                if let Some(i) = self.in_scope(Form) {
                    let e = self.remove_at(i);
                    if e.shown {
                        self.walker.close(e.tag, e.foster)?;
                    }
                }
                Ok(())
            }
            _ if tag.formatting() => {
                let Some(i) = self.find(|t| t == tag, |t| t.scope_boundary()) else { return Ok(()) };
                let id = self.stack[i].id;
                if let Some(at) = self.formatting.iter().rposition(|f| f.is_some_and(|(f, _)| f == id)) {
                    self.formatting.remove(at);
                }
                if self.stack[i + 1..].iter().all(|e| !e.tag.special()) {
                    return self.pop_to(i);
                }
                // Closed across a block: it ends, the block does not; what follows in the block
                // is no longer inside it.
                let e = self.remove_at(i);
                if e.own_hidden {
                    let mut hidden = i.checked_sub(1).is_some_and(|p| self.stack[p].hidden);
                    for e in &mut self.stack[i..] {
                        hidden |= e.own_hidden;
                        e.hidden = hidden;
                    }
                }
                Ok(())
            }
            _ if tag.special() => match self.in_scope(tag) {
                Some(i) => self.pop_to(i),
                None => Ok(()),
            },
            _ => {
                // Any other end tag: the nearest open element of its name, unless a special
                // element stands above it.
                for i in (0..self.stack.len()).rev() {
                    let t = self.stack[i].tag;
                    if t == tag {
                        return self.pop_to(i);
                    }
                    if t.special() {
                        return Ok(());
                    }
                }
                Ok(())
            }
        }
    }

    /// The end of the page: every open element ends.
    fn end(mut self) -> Result<()> {
        self.pop_to(0)
    }
}

/// Whether a doctype's public identifier puts a page in quirks mode (the common ones: HTML 3.2
/// and older, HTML 4.0 Transitional, HTML 4.01 Transitional without a system identifier).
fn quirky(id: &[u8], has_system: bool) -> bool {
    let id = id.to_ascii_lowercase();
    id.starts_with(b"-//w3c//dtd html 4.0 transitional//")
        || id.starts_with(b"-//w3c//dtd html 4.0 frameset//")
        || id.starts_with(b"-//w3c//dtd html 3.2")
        || id.starts_with(b"-//ietf//dtd html")
        || id.starts_with(b"-//w3o//dtd w3 html strict 3.0//en//")
        || (!has_system && (id.starts_with(b"-//w3c//dtd html 4.01 transitional//") || id.starts_with(b"-//w3c//dtd html 4.01 frameset//")))
}
