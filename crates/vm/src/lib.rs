//! gilvm's interpreter.
