//! Contract test: the binary's bytes for every case of
//! `tests/golden/commands.txt` equal the recorded `NAME.out` (see that
//! file's header: our own output, pinned on purpose so that moving code
//! between layers cannot change what a user sees).

use std::path::{Path, PathBuf};
use std::process::Command;

/// The folder of the cases.
fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// `(name, arguments)` of every case.
pub fn cases() -> Vec<(String, Vec<String>)> {
    let text = std::fs::read_to_string(dir().join("commands.txt")).expect("commands.txt");
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut words = l.split_whitespace().map(str::to_string);
            let name = words.next().expect("a name");
            (name, words.collect())
        })
        .collect()
}

/// The repository root, where the cases' relative paths start.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// What a case records: exit code, standard error, standard output.
pub fn record(code: Option<i32>, stderr: &[u8], stdout: &[u8]) -> Vec<u8> {
    let mut out = format!("exit: {code:?}\n").into_bytes();
    for line in String::from_utf8_lossy(stderr).lines() {
        out.extend_from_slice(format!("stderr: {line}\n").as_bytes());
    }
    out.extend_from_slice(b"--- stdout\n");
    out.extend_from_slice(stdout);
    out
}

#[test]
fn golden_outputs_are_unchanged() {
    let bless = std::env::var_os("CLASH_BLESS").is_some();
    let cases = cases();
    assert!(cases.len() >= 40, "{} cases", cases.len());
    let mut failed = Vec::new();
    for (name, args) in &cases {
        let o = Command::new(env!("CARGO_BIN_EXE_clash"))
            .args(args)
            .current_dir(root())
            .env_remove("NO_COLOR")
            .output()
            .expect("run clash");
        let got = record(o.status.code(), &o.stderr, &o.stdout);
        let path = dir().join(format!("{name}.out"));
        if bless {
            std::fs::write(&path, &got).expect("write golden");
            continue;
        }
        let want = std::fs::read(&path).unwrap_or_default();
        if got != want {
            let at = got
                .iter()
                .zip(&want)
                .position(|(a, b)| a != b)
                .unwrap_or(got.len().min(want.len()));
            let show = |b: &[u8]| {
                let s = at.saturating_sub(80);
                String::from_utf8_lossy(&b[s.min(b.len())..(at + 80).min(b.len())]).into_owned()
            };
            failed.push(format!(
                "{name} ({}): differs at byte {at}\n  want: {:?}\n  got:  {:?}",
                args.join(" "),
                show(&want),
                show(&got)
            ));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}
