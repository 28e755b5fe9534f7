//! 第一部分 部门整体绩效目标: the overview, its goals, responsibilities and safeguards.

use jixiao::{Goal, Overview};

use crate::boundary::{guard_value, jx_status};
use crate::document::{doc, jx_document};
use crate::tree::put;
use crate::types::{jx_location, jx_str, jx_toc, location_of};

/// The department-wide part, borrowed from its document.
pub struct jx_overview {
    _private: [u8; 0],
}
/// One numbered goal of the overview, borrowed from its document.
pub struct jx_goal {
    _private: [u8; 0],
}

/// One item of a goal.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct jx_goal_item {
    pub number: u32,
    pub text: jx_str,
    pub line: usize,
    /// Where it stands in the source (line is its `location.line_number()`: 0 where the source has no lines).
    pub location: jx_location,
    /// The item stood in an inline list (`一是…二是…`) rather than on a `（1）` line of its own.
    pub is_inline: bool,
}

/// The target of one responsibility (职责分类绩效目标).
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct jx_responsibility {
    pub number: u32,
    pub name: jx_str,
    /// With its own sub-structure kept as lines.
    pub description: jx_str,
    pub line: usize,
    /// Where it stands in the source (line is its `location.line_number()`: 0 where the source has no lines).
    pub location: jx_location,
}

/// One titled block of safeguard measures (工作保障措施).
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct jx_safeguard {
    /// Empty when the prose has no title.
    pub title: jx_str,
    pub text: jx_str,
    pub line: usize,
    /// Where it stands in the source (line is its `location.line_number()`: 0 where the source has no lines).
    pub location: jx_location,
}

/// A subsection heading of part 1 as written (`（二）分项绩效目标`), with its TC field.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct jx_subheading {
    /// The heading as written, less any TC field.
    pub text: jx_str,
    pub has_toc: bool,
    /// Its Word TC field; meaningful when has_toc.
    pub toc: jx_toc,
    pub line: usize,
    /// Where it stands in the source (line is its `location.line_number()`: 0 where the source has no lines).
    pub location: jx_location,
}

fn ov<'a>(p: *const jx_overview) -> Option<&'a Overview> {
    // SAFETY: a non-NULL jx_overview was made from a &Overview of a live document.
    unsafe { p.cast::<Overview>().as_ref() }
}

fn goal<'a>(p: *const jx_goal) -> Option<&'a Goal> {
    // SAFETY: a non-NULL jx_goal was made from a &Goal of a live document.
    unsafe { p.cast::<Goal>().as_ref() }
}

/// The overview, or NULL when the document has no department-wide part.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_document_overview(doc_: *const jx_document) -> *const jx_overview {
    guard_value(std::ptr::null(), || doc(doc_).and_then(|d| d.overview.as_ref()).map_or(std::ptr::null(), |o| (o as *const Overview).cast()))
}

/// The part heading as written.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_overview_heading(overview: *const jx_overview) -> jx_str {
    guard_value(jx_str::EMPTY, || jx_str::opt(ov(overview).map(|o| o.heading.as_str())))
}

/// The introduction of 总体绩效目标.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_overview_intro(overview: *const jx_overview) -> jx_str {
    guard_value(jx_str::EMPTY, || jx_str::opt(ov(overview).map(|o| o.intro.as_str())))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_overview_line(overview: *const jx_overview) -> usize {
    guard_value(0, || ov(overview).map_or(0, |o| o.location.line_number().unwrap_or(0)))
}

/// Where it stands in the source: the line of a text save, a sheet's cell, a Word table's cell or
/// paragraph, a PDF's page; its strings borrow from the document. All 0 and empty for NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_overview_location(overview: *const jx_overview) -> jx_location {
    guard_value(jx_location::EMPTY, || ov(overview).map_or(jx_location::EMPTY, |o| location_of(&o.location)))
}

/// Writes the part heading's Word TC field to `*out` and returns true; false when it has none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_overview_toc(overview: *const jx_overview, out: *mut jx_toc) -> bool {
    guard_value(false, || crate::tree::write_opt(ov(overview).and_then(|o| o.toc.as_ref()).map(crate::tree::toc_of), out))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_overview_goal_count(overview: *const jx_overview) -> usize {
    guard_value(0, || ov(overview).map_or(0, |o| o.goals.len()))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_overview_goal(overview: *const jx_overview, index: usize, out: *mut *const jx_goal) -> jx_status {
    crate::tree::item(ov(overview).map(|o| o.goals.as_slice()), index, out, "overview")
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_goal_number(g: *const jx_goal) -> u32 {
    guard_value(0, || goal(g).map_or(0, |g| g.number))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_goal_title(g: *const jx_goal) -> jx_str {
    guard_value(jx_str::EMPTY, || jx_str::opt(goal(g).map(|g| g.title.as_str())))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_goal_line(g: *const jx_goal) -> usize {
    guard_value(0, || goal(g).map_or(0, |g| g.location.line_number().unwrap_or(0)))
}

/// Where it stands in the source: the line of a text save, a sheet's cell, a Word table's cell or
/// paragraph, a PDF's page; its strings borrow from the document. All 0 and empty for NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_goal_location(g: *const jx_goal) -> jx_location {
    guard_value(jx_location::EMPTY, || goal(g).map_or(jx_location::EMPTY, |g| location_of(&g.location)))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_goal_item_count(g: *const jx_goal) -> usize {
    guard_value(0, || goal(g).map_or(0, |g| g.items.len()))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_goal_get_item(g: *const jx_goal, index: usize, out: *mut jx_goal_item) -> jx_status {
    put(goal(g).map(|g| g.items.as_slice()), index, out, "goal", |i| jx_goal_item {
        number: i.number,
        text: jx_str::new(&i.text),
        line: i.location.line_number().unwrap_or(0),
        location: location_of(&i.location),
        is_inline: i.inline,
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_overview_responsibility_count(overview: *const jx_overview) -> usize {
    guard_value(0, || ov(overview).map_or(0, |o| o.responsibilities.len()))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_overview_responsibility(overview: *const jx_overview, index: usize, out: *mut jx_responsibility) -> jx_status {
    put(ov(overview).map(|o| o.responsibilities.as_slice()), index, out, "overview", |r| jx_responsibility {
        number: r.number,
        name: jx_str::new(&r.name),
        description: jx_str::new(&r.description),
        line: r.location.line_number().unwrap_or(0),
        location: location_of(&r.location),
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_overview_safeguard_count(overview: *const jx_overview) -> usize {
    guard_value(0, || ov(overview).map_or(0, |o| o.safeguards.len()))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_overview_safeguard(overview: *const jx_overview, index: usize, out: *mut jx_safeguard) -> jx_status {
    put(ov(overview).map(|o| o.safeguards.as_slice()), index, out, "overview", |s| jx_safeguard {
        title: jx_str::new(&s.title),
        text: jx_str::new(&s.text),
        line: s.location.line_number().unwrap_or(0),
        location: location_of(&s.location),
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_overview_subheading_count(overview: *const jx_overview) -> usize {
    guard_value(0, || ov(overview).map_or(0, |o| o.subheadings.len()))
}

/// The `index`-th subsection heading of the overview.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jx_overview_subheading(overview: *const jx_overview, index: usize, out: *mut jx_subheading) -> jx_status {
    put(ov(overview).map(|o| o.subheadings.as_slice()), index, out, "overview", |h| jx_subheading {
        text: jx_str::new(&h.text),
        has_toc: h.toc.is_some(),
        toc: h
            .toc
            .as_ref()
            .map_or(jx_toc { text: jx_str::EMPTY, identifier: jx_str::EMPTY, has_level: false, level: 0, switches: jx_str::EMPTY }, crate::tree::toc_of),
        line: h.location.line_number().unwrap_or(0),
        location: location_of(&h.location),
    })
}
