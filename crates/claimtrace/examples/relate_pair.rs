use claimtrace::ledger::{relate, Signature};
use std::io::BufRead;
fn main() {
    // lines: textA \t entsA(;) \t textB \t entsB
    for line in std::io::stdin().lock().lines() {
        let line = line.unwrap();
        let f: Vec<&str> = line.split('\t').collect();
        let ents =
            |s: &str| s.split(';').filter(|x| !x.is_empty()).map(String::from).collect::<Vec<_>>();
        let a = Signature::of(f[0], &ents(f.get(1).copied().unwrap_or("")));
        let b = Signature::of(f[2], &ents(f.get(3).copied().unwrap_or("")));
        println!("A {:?}\nB {:?}\n=> {:?}\n", a, b, relate(&a, &b));
    }
}
