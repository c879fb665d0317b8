//! Where each value of a JSON text starts, so errors can name a line and column.
