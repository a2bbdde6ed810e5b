//! Modules depend downward: no file of `src/` reaches, through the files
//! beside it in its folder, back to itself. A newcomer can then read a
//! folder from the bottom up, and a cycle (two screens calling into each
//! other) shows up here, named, instead of in review.
//!
//! What counts as a use of a sibling: a path through `super::` or
//! `crate::` (in `use` lines, groups included, and in code) that names it.
//! Comments and the tests at the end of a file (`#[cfg(test)]` onwards)
//! are left out; test files are not read.

use std::collections::{BTreeMap, BTreeSet};
mod support;

use support::sources::program_sources;

type Module = Vec<String>;

#[test]
fn no_file_depends_on_itself_through_its_folder() {
    let modules = modules();
    let known: BTreeSet<&Module> = modules.keys().collect();
    let mut uses: BTreeMap<&Module, BTreeSet<Module>> = BTreeMap::new();
    for (module, code) in &modules {
        let siblings = paths_in(code, module)
            .into_iter()
            .filter_map(|path| sibling_named(&path, module, &known))
            .collect();
        uses.insert(module, siblings);
    }
    // One line a cycle, however many of its files it starts from.
    let mut cycles = BTreeMap::new();
    for start in uses.keys() {
        if let Some((members, shown)) = cycle_from(start, &uses) {
            cycles.entry(members).or_insert(shown);
        }
    }
    let shown: Vec<&String> = cycles.values().collect();
    assert!(
        shown.is_empty(),
        "files that depend on each other: {shown:#?}"
    );
}

/// The reading above is of text, not of Rust: this holds it to a group
/// import, a `crate::` path and a cycle of two.
#[test]
fn a_planted_cycle_is_found() {
    let a: Module = vec!["app".into(), "a".into()];
    let b: Module = vec!["app".into(), "b".into()];
    let paths = paths_in("use super::{b, App};\nfn f() { crate::app::a::g() }", &a);
    let known: BTreeSet<&Module> = [&a, &b].into_iter().collect();
    let from_a: BTreeSet<Module> = paths
        .iter()
        .filter_map(|p| sibling_named(p, &a, &known))
        .collect();
    assert_eq!(from_a, BTreeSet::from([b.clone()]));
    let uses = BTreeMap::from([(&a, from_a), (&b, BTreeSet::from([a.clone()]))]);
    let (members, shown) = cycle_from(&a, &uses).expect("a cycle");
    assert_eq!(shown, "app::a -> app::b -> app::a");
    assert_eq!(members, BTreeSet::from([a, b]));
}

/// Every module's code, but its tests and comments.
fn modules() -> BTreeMap<Module, String> {
    let mut modules = BTreeMap::new();
    for (file, code) in program_sources() {
        let mut module: Module = file
            .parent()
            .into_iter()
            .flat_map(|folder| folder.iter())
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        let stem = file.file_stem().unwrap_or_default().to_string_lossy();
        if !matches!(&*stem, "mod" | "lib" | "main") {
            module.push(stem.into_owned());
        }
        let code: Vec<&str> = code
            .lines()
            .map(|l| l.split("//").next().unwrap_or(""))
            .collect();
        modules.insert(module, code.join("\n"));
    }
    modules
}

/// Each path through `super::` or `crate::`, made absolute; a group
/// (`super::{a, b::c}`) gives a path for each of its items.
fn paths_in(code: &str, module: &Module) -> Vec<Module> {
    let mut paths = Vec::new();
    for (at, _) in code.match_indices("::") {
        let head = code[..at]
            .rsplit(|c: char| !is_ident(c))
            .next()
            .unwrap_or("");
        let base = match head {
            "crate" => Vec::new(),
            "super" if module.is_empty() => continue,
            "super" => module[..module.len() - 1].to_vec(),
            _ => continue,
        };
        if code[..at].ends_with("super::super") {
            continue;
        }
        for tail in tails(&code[at + 2..]) {
            paths.push(base.iter().cloned().chain(tail).collect());
        }
    }
    paths
}

/// The names after a `::`: one path, or one for each item of a group.
fn tails(rest: &str) -> Vec<Vec<String>> {
    let rest = rest.trim_start();
    if let Some(group) = rest.strip_prefix('{') {
        let end = group.find('}').unwrap_or(group.len());
        return group[..end]
            .split(',')
            .map(|item| names(item.trim()))
            .collect();
    }
    vec![names(rest)]
}

fn names(path: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = path;
    loop {
        let end = rest.find(|c: char| !is_ident(c)).unwrap_or(rest.len());
        if end == 0 {
            return names;
        }
        names.push(rest[..end].to_string());
        match rest[end..].strip_prefix("::") {
            Some(next) if !next.starts_with('{') => rest = next,
            _ => return names,
        }
    }
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The sibling of `module` (same folder, not itself) that `path` reaches.
fn sibling_named(path: &Module, module: &Module, known: &BTreeSet<&Module>) -> Option<Module> {
    let parent = module.get(..module.len().checked_sub(1)?)?;
    let name = path.strip_prefix(parent)?.first()?;
    let sibling: Module = parent.iter().chain([name]).cloned().collect();
    (sibling != *module && known.contains(&sibling)).then_some(sibling)
}

/// A way back to `start` through its siblings: the files on it, and the
/// way as `a -> b -> a`.
fn cycle_from(
    start: &Module,
    uses: &BTreeMap<&Module, BTreeSet<Module>>,
) -> Option<(BTreeSet<Module>, String)> {
    let mut trail = vec![start.clone()];
    let mut seen = BTreeSet::new();
    walk(start, start, uses, &mut trail, &mut seen).then(|| {
        let shown: Vec<String> = trail.iter().map(|m| m.join("::")).collect();
        (trail.into_iter().collect(), shown.join(" -> "))
    })
}

fn walk(
    at: &Module,
    start: &Module,
    uses: &BTreeMap<&Module, BTreeSet<Module>>,
    trail: &mut Vec<Module>,
    seen: &mut BTreeSet<Module>,
) -> bool {
    for next in uses.get(at).into_iter().flatten() {
        trail.push(next.clone());
        if next == start {
            return true;
        }
        if seen.insert(next.clone()) && walk(next, start, uses, trail, seen) {
            return true;
        }
        trail.pop();
    }
    false
}
