//! Every node's [`Location`], visited in source order: how a reader that numbers places while it
//! reads gives each node its place once the node is built, how version-1 JSON gets its own, and
//! how findings about nodes are put in the document's order.

use super::Location;
use super::{Category, Document, Funds, Overview, Section, Table};

/// A part of the model whose nodes each carry a [`Location`].
pub trait Places {
    /// Calls `f` with the location of this node and of every node under it, in source order.
    fn places(&self, f: &mut dyn FnMut(&Location));
    /// The same, each location to change.
    fn places_mut(&mut self, f: &mut dyn FnMut(&mut Location));
}

// Each walk is written once and made into both methods: `$visit` is `places` or `places_mut`,
// and `$($m)?` is empty or `mut`, the kind of borrow.

macro_rules! document_walk {
    ($visit:ident $(, $m:ident)?) => {
        fn $visit(& $($m)? self, f: &mut dyn FnMut(& $($m)? Location)) {
            if let Some(overview) = & $($m)? self.overview {
                overview.$visit(f);
            }
            for section in & $($m)? self.sections {
                section.$visit(f);
            }
            for note in & $($m)? self.notes {
                f(& $($m)? note.location);
            }
        }
    };
}

impl Places for Document {
    document_walk!(places);
    document_walk!(places_mut, mut);
}

macro_rules! overview_walk {
    ($visit:ident $(, $m:ident)?) => {
        fn $visit(& $($m)? self, f: &mut dyn FnMut(& $($m)? Location)) {
            f(& $($m)? self.location);
            for goal in & $($m)? self.goals {
                f(& $($m)? goal.location);
                for item in & $($m)? goal.items {
                    f(& $($m)? item.location);
                }
            }
            for r in & $($m)? self.responsibilities {
                f(& $($m)? r.location);
            }
            for s in & $($m)? self.safeguards {
                f(& $($m)? s.location);
            }
            for s in & $($m)? self.subheadings {
                f(& $($m)? s.location);
            }
        }
    };
}

impl Places for Overview {
    overview_walk!(places);
    overview_walk!(places_mut, mut);
}

macro_rules! section_walk {
    ($visit:ident $(, $m:ident)?) => {
        fn $visit(& $($m)? self, f: &mut dyn FnMut(& $($m)? Location)) {
            f(& $($m)? self.location);
            for table in & $($m)? self.tables {
                table.$visit(f);
            }
        }
    };
}

impl Places for Section {
    section_walk!(places);
    section_walk!(places_mut, mut);
}

macro_rules! table_walk {
    ($visit:ident $(, $m:ident)?) => {
        fn $visit(& $($m)? self, f: &mut dyn FnMut(& $($m)? Location)) {
            // A sheet of many projects states its subtotals before the table they close.
            for s in & $($m)? self.subtotals {
                f(& $($m)? s.location);
            }
            f(& $($m)? self.location);
            for i in & $($m)? self.info {
                f(& $($m)? i.location);
            }
            if let Some(funds) = & $($m)? self.funds {
                funds.$visit(f);
            }
            for d in & $($m)? self.duties {
                f(& $($m)? d.location);
            }
            for c in & $($m)? self.categories {
                c.$visit(f);
            }
            for r in & $($m)? self.remarks {
                f(& $($m)? r.location);
            }
        }
    };
}

impl Places for Table {
    table_walk!(places);
    table_walk!(places_mut, mut);
}

macro_rules! funds_walk {
    ($visit:ident $(, $m:ident)?) => {
        fn $visit(& $($m)? self, f: &mut dyn FnMut(& $($m)? Location)) {
            f(& $($m)? self.location);
            for row in & $($m)? self.rows {
                f(& $($m)? row.location);
            }
        }
    };
}

impl Places for Funds {
    funds_walk!(places);
    funds_walk!(places_mut, mut);
}

macro_rules! category_walk {
    ($visit:ident $(, $m:ident)?) => {
        fn $visit(& $($m)? self, f: &mut dyn FnMut(& $($m)? Location)) {
            f(& $($m)? self.location);
            for sub in & $($m)? self.children {
                f(& $($m)? sub.location);
                for indicator in & $($m)? sub.indicators {
                    f(& $($m)? indicator.location);
                }
            }
        }
    };
}

impl Places for Category {
    category_walk!(places);
    category_walk!(places_mut, mut);
}
