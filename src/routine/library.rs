//! The built-in routines (embedded) and the user's own, found by name.
