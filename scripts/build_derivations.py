#!/usr/bin/env python3
"""Builds crates/claimtrace/data/ledger/derivations.tsv from WordNet 3.0.

Each line maps a derived word to the word it is derived from, so that the
ledger's signatures stem "explosion" and "exploded", "presidential" and
"president" alike: a noun of an action or state to its verb
("destruction" -> "destroy", WordNet's derivationally related forms), and
an adjective to the noun it pertains to ("presidential" -> "president",
WordNet's pertainyms), followed to the end ("electoral" -> "election" ->
"elect"). Only single lower-case words that share their first letters
(four, or all but one of a shorter root) and derived words with a suffix
of the kind, so that a link between words of unrelated spelling ("death"
/ "die") or an agent noun ("attacker", another party than the attack) is
not taken.

Reads Debian's wordnet-base (`apt-get install wordnet-base`:
/usr/share/wordnet); the WordNet 3.0 licence is shipped beside the table
(data/ledger/LICENSE-WordNet.txt).

    python3 scripts/build_derivations.py > crates/claimtrace/data/ledger/derivations.tsv
"""

import os
import sys

WORDNET = os.environ.get("WORDNET", "/usr/share/wordnet")

# Suffixes of nouns of an action, event or state made from a verb.
NOUN_SUFFIXES = ("ion", "ment", "al", "ure", "ance", "ence", "ancy", "ency", "y", "age", "sis", "ive")
# Suffixes of adjectives of relation made from a noun.
ADJ_SUFFIXES = ("al", "ial", "ical", "ic", "ian", "an", "ary", "ory", "ous", "ive", "ar")


def synsets(pos):
    """Yields (offset, lexicographer file, words, pointers) of each synset
    in data.<pos>."""
    with open(os.path.join(WORDNET, f"data.{pos}"), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split(" | ")[0].split()
            offset = fields[0]
            count = int(fields[3], 16)
            words = [fields[4 + 2 * i] for i in range(count)]
            k = 4 + 2 * count
            pointers = []
            for _ in range(int(fields[k])):
                symbol, target, target_pos, st = fields[k + 1 : k + 5]
                pointers.append((symbol, target, target_pos, int(st[:2], 16), int(st[2:], 16)))
                k += 4
            yield offset, fields[1], words, pointers


def senses(pos):
    """Each lemma's synsets in data.<pos>, most frequent sense first."""
    out = {}
    with open(os.path.join(WORDNET, f"index.{pos}"), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split()
            lemma, synset_count, pointer_count = fields[0], int(fields[2]), int(fields[3])
            out[lemma] = fields[6 + pointer_count : 6 + pointer_count + synset_count]
    return out


def person_nouns(index, lexfile):
    """Nouns whose first sense (`index`, from `senses`) is in the file of
    people (`lexfile`: noun synset -> lexicographer file; 18 is
    noun.person): "official", "criminal"."""
    return {lemma for lemma, offsets in index.items() if offsets and lexfile.get(offsets[0]) == "18"}


def clean(word):
    """A WordNet lemma as a word of text: adjective markers like "(a)" off."""
    return word.split("(")[0]


def plain(word):
    return word.isalpha() and word.islower()


def prefix(a, b):
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def related(derived, root):
    if derived == root or len(derived) <= len(root) - 1:
        return False
    return prefix(derived, root) >= min(4, len(root) - 1)


def main():
    files = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}
    words, lexfile = {}, {}
    for pos in ("noun", "verb", "adj"):
        for offset, lex, ws, _ in synsets(pos):
            words[(pos, offset)] = [clean(w) for w in ws]
            if pos == "noun":
                lexfile[offset] = lex
    candidates = {}
    rank = {pos: senses(pos) for pos in ("noun", "verb", "adj")}
    people = person_nouns(rank["noun"], lexfile)

    def common_sense(pos, word, offset, within):
        return offset in rank[pos].get(word.lower(), [])[:within]
    for pos, kind, suffixes, target in (
        ("noun", "+", NOUN_SUFFIXES, "verb"),
        ("adj", "\\", ADJ_SUFFIXES, "noun"),
    ):
        for offset, _, _, pointers in synsets(pos):
            ws = words[(pos, offset)]
            for symbol, to, to_pos, source, dest in pointers:
                if symbol != kind or files[to_pos] != target or source == 0:
                    continue
                derived = ws[source - 1]
                root = words[(target, to)][dest - 1]
                if not (plain(derived) and plain(root) and derived.endswith(suffixes)):
                    continue
                # The link's senses are among the words' commonest
                # ("statement" / "state"; not "position" / "posit").
                if not (common_sense(pos, derived, offset, 2) and common_sense(target, root, to, 3)):
                    continue
                # A word that is mostly a person ("official", "detective").
                if derived in people:
                    continue
                if related(derived, root):
                    candidates.setdefault(derived, set()).add(root)
    # One root a word: the one sharing most letters, then the shortest.
    table = {
        d: min(roots, key=lambda r: (-prefix(d, r), len(r), r)) for d, roots in candidates.items()
    }

    def final(word):
        seen = {word}
        while word in table and table[word] not in seen:
            word = table[word]
            seen.add(word)
        return word

    print("# Derived word -> the word it is derived from (WordNet 3.0: nouns of an")
    print("# action or state to their verbs, adjectives to the nouns they pertain")
    print("# to). Built by scripts/build_derivations.py; licence: LICENSE-WordNet.txt.")
    for d in sorted(table):
        root = final(d)
        if root != d:
            print(f"{d}\t{root}")


if __name__ == "__main__":
    sys.exit(main())
