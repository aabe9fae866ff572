fn main() {
    let path = std::env::args().nth(1).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let input = claimtrace::read::Input { name: &path, bytes: &bytes, format: None, content_type: None };
    let docs = claimtrace::analyze(&input, &Default::default());
    let doc = docs[0].as_ref().unwrap();
    for s in &doc.sentences {
        let line: Vec<String> = s.tokens.clone().map(|i| format!("{}/{}/{}>{}", doc.token_text(i), doc.tokens[i].tag.unwrap_or("-"), doc.tokens[i].rel.unwrap_or("-"), doc.tokens[i].head.map_or(0, |h| h as isize - i as isize))).collect();
        println!("{}", line.join(" "));
    }
    for m in &doc.mentions { println!("{:?} {:?} -> {}", doc.slice(m.span), m.kind, doc.entities[m.entity].name); }
}
