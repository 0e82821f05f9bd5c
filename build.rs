//! Links the `gilvm` command as a position-dependent executable on Linux, as Debian's
//! CPython is: a position-independent one had 24,000 relocations for the dynamic loader to
//! apply at every start (a tenth of `gilvm -c pass`'s instructions), and the 470 KB of
//! pointer tables they wrote stayed resident as private memory in every process.

fn main() {
    // Without this, any file of the package (a test program) would rerun the script and
    // relink the command.
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if os == "linux" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
