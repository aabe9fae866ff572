//! The outlet registry: web domains to the outlet that publishes there,
//! with its country, language, whether a government owns or funds it
//! (and who says so), and whether it is a news agency whose copy others
//! republish. The ledger names an article's outlet by it, so that "BBC",
//! "BBC News" and bbc.co.uk count once, and lists filter by its fields.
//!
//! A starter set ships in `data/outlets/outlets.tsv` (CC0); users extend
//! or correct it with a file of the same shape ([`Outlets::extend`]).

use std::collections::HashMap;

/// One outlet of the registry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outlet {
    pub name: String,
    /// Its domains; a host under one (`en.example.org`) is the outlet's too.
    pub domains: Vec<String>,
    /// ISO 3166-1 alpha-2 of where it is based.
    pub country: Option<String>,
    /// ISO 639-1 of its main language.
    pub language: Option<String>,
    /// Owned, funded or controlled by a government (`Some(true)`), said
    /// not to be (`Some(false)`), or not labelled (`None`).
    pub state_affiliated: Option<bool>,
    /// Where the `state_affiliated` label comes from.
    pub label_source: Option<String>,
    /// A news agency whose copy other outlets republish.
    pub wire: bool,
    /// How other outlets credit its stories: a byline ("Associated
    /// Press"), or a dateline's "(AP)". Its name always counts.
    pub credits: Vec<String>,
}

/// A registry of outlets, looked up by domain or name.
#[derive(Clone, Debug, Default)]
pub struct Outlets {
    outlets: Vec<Outlet>,
    /// Domain (lower case) to its outlet.
    by_domain: HashMap<String, usize>,
}

/// The columns of a registry file, in order.
const COLUMNS: [&str; 8] = [
    "domains",
    "name",
    "country",
    "language",
    "state_affiliated",
    "label_source",
    "wire",
    "credits",
];

impl Outlets {
    /// The starter set shipped with claimtrace.
    pub fn starter() -> Outlets {
        Outlets::parse(include_str!("../../data/outlets/outlets.tsv"))
            .expect("the shipped outlet registry is well formed")
    }

    /// Reads a registry file: a header line naming the columns (any order,
    /// `domains` and `name` required), then one outlet a line, tab-separated;
    /// `#` starts a comment line. An error names the line and what is wrong
    /// with it.
    pub fn parse(text: &str) -> Result<Outlets, String> {
        let mut lines = text
            .lines()
            .enumerate()
            .map(|(k, line)| (k + 1, line.trim_end_matches('\r')))
            .filter(|(_, line)| !line.trim().is_empty() && !line.starts_with('#'));
        let (_, header) = lines.next().ok_or("no header line")?;
        let names: Vec<&str> = header.split('\t').map(str::trim).collect();
        let column = |name: &str| names.iter().position(|n| *n == name);
        if let Some(unknown) = names.iter().find(|n| !COLUMNS.contains(n)) {
            return Err(format!("line with the header: unknown column {unknown:?}"));
        }
        let (Some(domains_at), Some(name_at)) = (column("domains"), column("name")) else {
            return Err("the header names no \"domains\" or no \"name\" column".into());
        };
        let mut registry = Outlets::default();
        for (line_no, line) in lines {
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            let field = |name: &str| -> Option<String> {
                column(name)
                    .and_then(|k| fields.get(k))
                    .filter(|v| !v.is_empty())
                    .map(|v| v.to_string())
            };
            let flag = |name: &str| -> Result<Option<bool>, String> {
                match field(name).as_deref().map(str::to_ascii_lowercase).as_deref() {
                    None => Ok(None),
                    Some("yes" | "true") => Ok(Some(true)),
                    Some("no" | "false") => Ok(Some(false)),
                    Some(other) => {
                        Err(format!("line {line_no}: {name} is {other:?}, not yes or no"))
                    }
                }
            };
            let name = fields.get(name_at).filter(|n| !n.is_empty());
            let Some(name) = name else { return Err(format!("line {line_no}: no name")) };
            let domains: Vec<String> = fields
                .get(domains_at)
                .map(|d| d.split([' ', ',']).filter(|d| !d.is_empty()).map(domain).collect())
                .unwrap_or_default();
            if domains.is_empty() {
                return Err(format!("line {line_no}: {name} has no domain"));
            }
            let state_affiliated = flag("state_affiliated")?;
            let label_source = field("label_source");
            if state_affiliated.is_some() && label_source.is_none() {
                return Err(format!(
                    "line {line_no}: {name} is labelled state_affiliated without a label_source"
                ));
            }
            let country = field("country").map(|c| c.to_ascii_uppercase());
            if let Some(c) = country.as_deref().filter(|c| c.len() != 2) {
                return Err(format!("line {line_no}: country {c:?} is not a two-letter code"));
            }
            registry.add(Outlet {
                name: name.to_string(),
                domains,
                country,
                language: field("language").map(|l| l.to_ascii_lowercase()),
                state_affiliated,
                label_source,
                wire: flag("wire")?.unwrap_or(false),
                credits: field("credits")
                    .map(|c| {
                        c.split(',')
                            .map(|c| c.trim().to_string())
                            .filter(|c| !c.is_empty())
                            .collect()
                    })
                    .unwrap_or_default(),
            });
        }
        Ok(registry)
    }

    /// Adds `other`'s outlets; where a domain is in both, `other`'s wins.
    pub fn extend(&mut self, other: Outlets) {
        for outlet in other.outlets {
            self.add(outlet);
        }
    }

    fn add(&mut self, outlet: Outlet) {
        let at = self.outlets.len();
        for d in &outlet.domains {
            self.by_domain.insert(d.clone(), at);
        }
        self.outlets.push(outlet);
    }

    /// The outlet that publishes at `url` (or a bare host): its host, or
    /// the nearest domain above it, is one of the outlet's.
    pub fn of_url(&self, url: &str) -> Option<&Outlet> {
        let host = super::host_of(url).to_ascii_lowercase();
        let host = host.split(':').next().unwrap_or_default();
        let mut rest = host;
        loop {
            if let Some(&k) = self.by_domain.get(rest) {
                return Some(&self.outlets[k]);
            }
            rest = rest.split_once('.')?.1;
            if !rest.contains('.') {
                return None;
            }
        }
    }

    /// The news agency an article credits as the source of its story: a
    /// byline that is the agency ("Reuters", "Associated Press"), or its
    /// credit in parentheses near the start of the body, as datelines
    /// print it ("WASHINGTON (AP) —"). `None` for an agency's own article
    /// (`own`, the article's URL, is at one of its domains).
    pub fn wire_credited(&self, own: &str, authors: &[String], body: &str) -> Option<&Outlet> {
        let own = self.of_url(own).map(|o| o.name.as_str());
        let head = crate::chars::before(body, 300);
        self.outlets.iter().filter(|o| o.wire && Some(o.name.as_str()) != own).find(|o| {
            let mut names = std::iter::once(&o.name).chain(&o.credits);
            names.any(|n| {
                authors.iter().any(|a| a.trim().eq_ignore_ascii_case(n))
                    || head.contains(&format!("({n})"))
            })
        })
    }

    /// The outlets for which `keep` holds, each with its domains, in the
    /// registry's order. A domain another outlet took over is not listed.
    pub fn domains_where(&self, keep: impl Fn(&Outlet) -> bool) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (k, outlet) in self.outlets.iter().enumerate() {
            if !keep(outlet) {
                continue;
            }
            out.extend(
                outlet.domains.iter().filter(|d| self.by_domain.get(*d) == Some(&k)).cloned(),
            );
        }
        out
    }

    /// How many outlets the registry holds (an outlet overridden by
    /// domain still counts until all its domains are taken).
    pub fn len(&self) -> usize {
        self.by_domain.values().collect::<std::collections::HashSet<_>>().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A domain as the registry keys it: lower case, no scheme, path or "www.".
fn domain(d: &str) -> String {
    super::host_of(d.trim()).to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starter_set_is_well_formed_and_names_hosts() {
        let r = Outlets::starter();
        assert!(r.len() >= 100, "{}", r.len());
        assert_eq!(r.of_url("https://www.bbc.co.uk/news/world-1").unwrap().name, "BBC News");
        assert_eq!(r.of_url("https://en.wikinews.org/wiki/X").unwrap().name, "Wikinews");
        let tass = r.of_url("tass.com").unwrap();
        assert_eq!(
            (tass.country.as_deref(), tass.state_affiliated, tass.wire),
            (Some("RU"), Some(true), true)
        );
        assert!(tass.label_source.as_deref().unwrap().starts_with("https://"));
        // Not a domain of the registry, nor "co.uk" for "example.co.uk".
        assert!(r.of_url("https://example.co.uk/a").is_none());
        assert!(r.of_url("not a url").is_none());
        let ru = r.domains_where(|o| o.country.as_deref() == Some("RU"));
        assert!(ru.contains(&"tass.ru".to_string()) && !ru.contains(&"bbc.com".to_string()));
    }

    #[test]
    fn a_users_file_adds_and_overrides_by_domain() {
        let mut r = Outlets::starter();
        let mine = "name\tdomains\tcountry\tstate_affiliated\tlabel_source\n\
                    # a comment\n\
                    Local Gazette\tgazette.example\tgb\t\t\n\
                    BBC\tbbc.com\tGB\tno\tour desk\n";
        r.extend(Outlets::parse(mine).unwrap());
        assert_eq!(
            r.of_url("https://news.gazette.example/x").unwrap().country.as_deref(),
            Some("GB")
        );
        let bbc = r.of_url("https://www.bbc.com/news").unwrap();
        assert_eq!((bbc.name.as_str(), bbc.state_affiliated), ("BBC", Some(false)));
        // The starter's other domain still names its outlet.
        assert_eq!(r.of_url("bbc.co.uk").unwrap().name, "BBC News");
    }

    #[test]
    fn a_wire_story_is_told_by_its_byline_or_dateline() {
        let r = Outlets::starter();
        let credited = |url: &str, authors: &[&str], body: &str| {
            let authors: Vec<String> = authors.iter().map(|a| a.to_string()).collect();
            r.wire_credited(url, &authors, body).map(|o| o.name.clone())
        };
        let body = "WASHINGTON (AP) — The Senate voted on Tuesday.";
        assert_eq!(
            credited("https://local.example/1", &[], body).as_deref(),
            Some("Associated Press")
        );
        let by = credited("https://local.example/2", &["Reuters"], "LONDON - Prices rose.");
        assert_eq!(by.as_deref(), Some("Reuters"));
        // The agency's own article, a mention further down, an author who
        // is a person: none.
        assert_eq!(credited("https://apnews.com/article/1", &[], body), None);
        let late =
            format!("{} The figures were first reported (AP) by others.", "Words. ".repeat(60));
        assert_eq!(credited("https://local.example/3", &[], &late), None);
        assert_eq!(
            credited("https://local.example/4", &["Jane Roe"], "LONDON - Prices rose."),
            None
        );
    }

    #[test]
    fn a_bad_line_is_named() {
        let err = |text: &str| Outlets::parse(text).unwrap_err();
        assert!(err("domains\tname\twire\nx.example\tX\tmaybe\n").contains("line 2"));
        assert!(
            err("domains\tname\tstate_affiliated\nx.example\tX\tyes\n").contains("label_source")
        );
        assert!(err("domains\tname\tcountry\nx.example\tX\tRUS\n").contains("two-letter"));
        assert!(err("domains\tname\n\tX\n").contains("no domain"));
        assert!(err("domain\tname\n").contains("unknown column"));
        assert!(err("").contains("no header"));
    }
}
