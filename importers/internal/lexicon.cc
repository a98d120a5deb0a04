#include "importers/internal/lexicon.h"

#include <algorithm>

#include "absl/container/inlined_vector.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace entente::importers::internal {
namespace {

// An item's words as the tokenizer and tagger cut text: "Africa's" is "africa",
// "'s"; so is a plural's possessive mark ("leaders' summit" is "leaders", "'s",
// "summit").
std::vector<absl::string_view> SplitAsTokens(absl::string_view item) {
  std::vector<absl::string_view> out;
  for (absl::string_view word : absl::StrSplit(item, ' ')) {
    if (word.size() > 2 && absl::EndsWith(word, "'s")) {
      out.push_back(word.substr(0, word.size() - 2));
      out.push_back("'s");
    } else if (word.size() > 1 && word.back() == '\'') {
      out.push_back(word.substr(0, word.size() - 1));
      out.push_back("'s");
    } else {
      out.push_back(word);
    }
  }
  return out;
}

// The classes the tagger reads (tagger.cc); a lexicon without them cannot tag.
constexpr absl::string_view kClosedClasses[] = {
    "det",   "poss", "pron",     "rel",    "prep", "conj", "sub", "aux",
    "modal", "neg",  "particle", "adverb", "verb", "to",   "tell"};

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

std::string ThirdPerson(absl::string_view lemma) {
  if (absl::EndsWith(lemma, "s") || absl::EndsWith(lemma, "x") ||
      absl::EndsWith(lemma, "z") || absl::EndsWith(lemma, "ch") ||
      absl::EndsWith(lemma, "sh") || absl::EndsWith(lemma, "o")) {
    return absl::StrCat(lemma, "es");
  }
  if (lemma.size() > 1 && lemma.back() == 'y' && !IsVowel(lemma[lemma.size() - 2])) {
    return absl::StrCat(lemma.substr(0, lemma.size() - 1), "ies");
  }
  return absl::StrCat(lemma, "s");
}

std::string Past(absl::string_view lemma) {
  if (lemma.back() == 'e') return absl::StrCat(lemma, "d");
  if (lemma.size() > 1 && lemma.back() == 'y' && !IsVowel(lemma[lemma.size() - 2])) {
    return absl::StrCat(lemma.substr(0, lemma.size() - 1), "ied");
  }
  return absl::StrCat(lemma, "ed");
}

std::string Gerund(absl::string_view lemma) {
  if (absl::EndsWith(lemma, "ie"))
    return absl::StrCat(lemma.substr(0, lemma.size() - 2), "ying");
  if (lemma.size() > 2 && lemma.back() == 'e' && !absl::EndsWith(lemma, "ee") &&
      !absl::EndsWith(lemma, "ye") && !absl::EndsWith(lemma, "oe")) {
    return absl::StrCat(lemma.substr(0, lemma.size() - 1), "ing");
  }
  return absl::StrCat(lemma, "ing");
}

}  // namespace

absl::StatusOr<std::unique_ptr<Lexicon>> Lexicon::Build(
    const std::vector<WordListEntry>& entries) {
  auto lexicon = std::unique_ptr<Lexicon>(new Lexicon());
  Lexicon& x = *lexicon;
  for (const WordListEntry& e : entries) {
    if (e.class_name == "verb") {
      if (absl::Status s = x.AddVerb(e); !s.ok()) return s;
      continue;
    }
    if (e.class_name == "plural") {
      if (e.value.empty())
        return DataError(e.file, e.line, "@plural items need '= singular'");
      x.plurals_[e.item] = e.value;
      x.plural_filter_.Add(WordHash(e.item));
    }
    auto [it, inserted] = x.class_ids_.try_emplace(e.class_name, x.classes_.size());
    if (inserted) {
      x.classes_.emplace_back();
      x.class_names_.push_back(e.class_name);
    }
    Phrase p;
    for (absl::string_view word : SplitAsTokens(e.item)) {
      if (word.size() > 1 && word.back() == '*') {
        p.prefixes.emplace_back(word.substr(0, word.size() - 1));
        p.words.push_back(0);
      } else {
        p.prefixes.emplace_back();
        p.words.push_back(WordHash(word));
      }
    }
    p.value = e.value;
    p.file = e.file;
    p.line = e.line;
    int index = static_cast<int>(x.phrases_.size());
    PhraseClass& c = x.classes_[it->second];
    if (!p.prefixes[0].empty()) {
      c.wildcard.push_back(index);
    } else {
      const bool second = p.words.size() > 1 && p.prefixes[1].empty();
      c.by_first[p.words[0]].push_back(
          {index, static_cast<int>(p.words.size()), second ? p.words[1] : 0});
    }
    x.phrases_.push_back(std::move(p));
  }
  // Verbs are a class too (frames name "@verb" rarely, but the id must exist).
  for (absl::string_view name : kClosedClasses) {
    if (name == "verb") {
      if (x.verbs_.empty()) return DataError("lexicon", 0, "no @verb items");
      continue;
    }
    if (!x.class_ids_.contains(name)) {
      return DataError("lexicon", 0, absl::StrCat("closed class @", name, " is missing"));
    }
  }
  for (PhraseClass& c : x.classes_) {
    for (auto& [hash, list] : c.by_first) {
      std::stable_sort(
          list.begin(), list.end(),
          [](const Candidate& a, const Candidate& b) { return a.length > b.length; });
    }
  }
  x.start_words_ = (x.classes_.size() + 63) / 64 + (x.classes_.empty() ? 1 : 0);
  x.start_bits_.assign(x.start_words_, 0);  // Set 0: no class.
  x.word_bits_.assign(x.start_words_, 0);
  x.start_lists_.assign(1, {});
  for (size_t id = 0; id < x.classes_.size(); ++id) {
    for (const auto& [hash, list] : x.classes_[id].by_first) {
      auto [it, added] = x.start_index_.try_emplace(
          hash, static_cast<uint32_t>(x.start_bits_.size() / x.start_words_));
      if (added) x.start_bits_.resize(x.start_bits_.size() + x.start_words_, 0);
      x.start_bits_[it->second * x.start_words_ + id / 64] |= uint64_t{1} << (id % 64);
      x.word_bits_.resize(x.start_bits_.size(), 0);
      if (std::any_of(list.begin(), list.end(),
                      [](const Candidate& p) { return p.length == 1; })) {
        x.word_bits_[it->second * x.start_words_ + id / 64] |= uint64_t{1} << (id % 64);
      }
      x.start_lists_.resize(x.start_bits_.size() / x.start_words_);
      // by_first is complete: the list stays where it is.
      x.start_lists_[it->second].emplace_back(static_cast<ClassId>(id), &list);
    }
  }
  x.verb_hashes_.assign(kHashBits / 64, 0);
  for (const auto& [spelling, entry] : x.verbs_)
    SetHashBit(&x.verb_hashes_, WordHash(spelling));
  x.start_hashes_.assign(kHashBits / 64, 0);
  for (const auto& [hash, set] : x.start_index_) SetHashBit(&x.start_hashes_, hash);
  x.FindClosedClasses();
  x.function_hashes_.assign(kHashBits / 64, 0);
  for (uint32_t hash : x.function_words_) SetHashBit(&x.function_hashes_, hash);
  for (size_t id = 0; id < x.classes_.size(); ++id) {
    if (x.classes_[id].wildcard.empty()) continue;
    for (size_t set = 0; set < x.start_bits_.size(); set += x.start_words_) {
      x.start_bits_[set + id / 64] |= uint64_t{1} << (id % 64);
    }
  }
  // Last: StartSetOf answers hash 0 from it.
  auto no_lemma = x.start_index_.find(0);
  x.no_lemma_starts_ = no_lemma == x.start_index_.end() ? 0 : no_lemma->second;
  return lexicon;
}

void Lexicon::FindClosedClasses() {
  ClosedClasses& c = closed_;
  c.det = Find("det");
  c.poss = Find("poss");
  c.pron = Find("pron");
  c.rel = Find("rel");
  c.prep = Find("prep");
  c.conj = Find("conj");
  c.sub = Find("sub");
  c.aux = Find("aux");
  c.modal = Find("modal");
  c.neg = Find("neg");
  c.to = Find("to");
  c.adverb = Find("adverb");
  c.phrasal = Find("phrasal");
  c.tell = Find("tell");
  c.adjective = Find("adjective");
  c.linking_verb = Find("linking_verb");
  c.stance_gerund = Find("stance_gerund");
  c.group_adverb = Find("group_adverb");
  c.guest_gerund = Find("guest_gerund");
  c.title_gerund = Find("title_gerund");
  c.guest_preposition = Find("guest_preposition");
  c.guest_noun = Find("guest_noun");
  c.count_quantifier = Find("count_quantifier");
  c.compound_end = Find("compound_end");
  c.speech_verb = Find("speech_verb");
  c.praise_verb = Find("praise_verb");
  c.causative_verb = Find("causative_verb");
  c.irrealis_governor = Find("irrealis_governor");
  c.content_verb = Find("content_verb");
  c.hearsay_noun = Find("hearsay_noun");
  c.word_classes = MakeSet({c.det, c.poss, c.pron, c.rel, c.prep, c.conj, c.sub, c.aux,
                            c.modal, c.neg, c.to, c.adverb});
  for (ClassId id : {c.det, c.poss, c.pron, c.rel, c.prep, c.conj, c.sub, c.aux, c.modal,
                     c.neg, c.to}) {
    if (id < 0) continue;
    for (const auto& [hash, list] : classes_[id].by_first) {
      for (const Candidate& p : list) {
        if (p.length == 1) function_words_.insert(hash);
      }
    }
    for (int index : classes_[id].wildcard) {
      const Phrase& p = phrases_[index];
      if (p.words.size() == 1) function_word_prefixes_.push_back(p.prefixes[0]);
    }
  }
}

bool Lexicon::IsFunctionWord(const Token& t) const {
  if (HashBit(function_hashes_, t.hash) && function_words_.contains(t.hash)) return true;
  for (const std::string& prefix : function_word_prefixes_) {
    if (t.lower.size() > prefix.size() && absl::StartsWith(t.lower, prefix)) return true;
  }
  return false;
}

ClassSet Lexicon::MakeSet(absl::Span<const ClassId> ids) const {
  ClassSet set;
  set.bits_.assign(start_words_, 0);
  for (ClassId id : ids) {
    if (id >= 0) set.bits_[id / 64] |= uint64_t{1} << (id % 64);
  }
  return set;
}

bool Lexicon::MayMatchAny(const ClassSet& set, const Token& t) const {
  auto any_in = [&](uint32_t start_set) {
    for (size_t k = 0; k < start_words_; ++k) {
      if (start_bits_[start_set * start_words_ + k] & set.bits_[k]) return true;
    }
    return false;
  };
  // The same tests as MayMatchAt, for all classes of the set at once.
  if (!t.annotated || any_in(t.starts)) return true;
  if (t.lemma_hash == t.hash) return false;
  return t.lemma_starts_of != t.lemma_hash || any_in(t.lemma_starts);
}

uint32_t Lexicon::StartSetOf(uint32_t hash) const {
  if (hash == 0) return no_lemma_starts_;
  if (!HashBit(start_hashes_, hash)) return 0;  // No phrase starts with the word.
  auto it = start_index_.find(hash);
  return it == start_index_.end() ? 0 : it->second;
}

void Lexicon::Annotate(Token& token) const {
  // Annotated again after the tagger gives a lemma: the word's own set is known.
  if (!token.annotated || token.starts_of != token.hash) {
    token.starts = StartSetOf(token.hash);
    token.starts_of = token.hash;
  }
  token.lemma_starts =
      token.lemma_hash == token.hash ? token.starts : StartSetOf(token.lemma_hash);
  token.lemma_starts_of = token.lemma_hash;
  token.annotated = true;
}

absl::Status Lexicon::AddVerb(const WordListEntry& e) {
  std::vector<std::string> parts = absl::StrSplit(e.item, '/');
  if (parts.size() > 4 || parts[0].empty() || parts[0].find(' ') != std::string::npos) {
    return DataError(
        e.file, e.line,
        absl::StrCat("verb '", e.item, "': want lemma[/past[/participle[/gerund]]]"));
  }
  const std::string& lemma = parts[0];
  auto form = [&](size_t k, const std::string& regular) {
    return k < parts.size() && !parts[k].empty() ? parts[k] : regular;
  };
  std::string past = form(1, Past(lemma));
  std::string participle = form(2, past);
  auto add = [&](const std::string& word, uint8_t bits) {
    VerbEntry& v = verbs_[word];
    if (v.lemma.empty()) {
      v.lemma = lemma;
      v.lemma_hash = WordHash(lemma);
    }
    v.forms |= bits;
  };
  add(lemma, kBaseForm);
  add(ThirdPerson(lemma), kThirdPerson);
  add(past, kPastTense);
  add(participle, kPastParticiple);
  add(form(3, Gerund(lemma)), kGerund);
  return absl::OkStatus();
}

ClassId Lexicon::Find(absl::string_view name) const {
  auto it = class_ids_.find(name);
  return it == class_ids_.end() ? -1 : it->second;
}

absl::string_view Lexicon::WordValue(ClassId id, absl::string_view lower) const {
  if (id < 0) return "";
  auto it = classes_[id].by_first.find(WordHash(lower));
  if (it == classes_[id].by_first.end()) return "";
  for (const Candidate& p : it->second) {
    if (p.length == 1 && phrases_[p.index].prefixes[0].empty()) {
      return phrases_[p.index].value;
    }
  }
  return "";
}

bool Lexicon::Contains(ClassId id, absl::string_view phrase) const {
  if (id < 0) return false;
  // The words' hashes, split by hand (an inline search, no library call): most
  // phrases asked about are one word, and this runs for many tokens.
  absl::InlinedVector<uint32_t, 8> words;
  for (auto begin = phrase.begin();;) {
    auto end = std::find(begin, phrase.end(), ' ');
    if (end > begin) words.push_back(WordHash(absl::string_view(begin, end - begin)));
    if (end == phrase.end()) break;
    begin = end + 1;
  }
  if (words.empty()) return false;
  auto it = classes_[id].by_first.find(words[0]);
  if (it == classes_[id].by_first.end()) return false;
  for (const Candidate& p : it->second) {
    const std::vector<uint32_t>& candidate = phrases_[p.index].words;
    if (std::equal(candidate.begin(), candidate.end(), words.begin(), words.end())) {
      return true;
    }
  }
  return false;
}

bool Lexicon::ContainsWord(ClassId id, const Token& t) const {
  if (id < 0) return false;
  auto it = classes_[id].by_first.find(t.hash);
  if (it == classes_[id].by_first.end()) return false;
  for (const Candidate& p : it->second) {
    const std::vector<uint32_t>& words = phrases_[p.index].words;
    if (words.size() == 1 && words[0] == t.hash) return true;
  }
  return false;
}

bool Lexicon::WordMatches(const Phrase& p, size_t k, const Token& t) const {
  if (!p.prefixes[k].empty()) {
    return t.lower.size() > p.prefixes[k].size() &&
           absl::StartsWith(t.lower, p.prefixes[k]);
  }
  return p.words[k] == t.hash || p.words[k] == t.lemma_hash;
}

int Lexicon::Extent(const Phrase& p, const std::vector<Token>& tokens, int i,
                    int end) const {
  if (i + static_cast<int>(p.words.size()) > end) return 0;
  for (size_t k = 0; k < p.words.size(); ++k) {
    if (!WordMatches(p, k, tokens[i + k])) return 0;
  }
  return static_cast<int>(p.words.size());
}

const std::vector<Lexicon::Candidate>* Lexicon::StartingIn(ClassId id,
                                                           uint32_t set) const {
  for (const auto& [cls, list] : start_lists_[set]) {
    if (cls == id) return list;
  }
  return nullptr;
}

uint32_t Lexicon::WordStarts(const Token& t) const {
  return t.annotated && t.starts_of == t.hash ? t.starts : StartSetOf(t.hash);
}

uint32_t Lexicon::LemmaStarts(const Token& t) const {
  return t.annotated && t.lemma_starts_of == t.lemma_hash ? t.lemma_starts
                                                          : StartSetOf(t.lemma_hash);
}

PhraseMatch Lexicon::MatchPhrases(ClassId id, const std::vector<Token>& tokens, int i,
                                  int end) const {
  PhraseMatch best;
  const PhraseClass& c = classes_[id];
  auto consider = [&](int index) {
    const Phrase& p = phrases_[index];
    if (static_cast<int>(p.words.size()) <= best.length) return;
    int length = Extent(p, tokens, i, end);
    if (length > best.length) {
      best = {length, p.value, p.line, p.file};
    }
  };
  // The phrases starting with the word, then those starting with its lemma.
  auto scan = [&](uint32_t set) {
    const std::vector<Candidate>* candidates = StartingIn(id, set);
    if (candidates == nullptr) return;
    for (const Candidate& p : *candidates) {
      // Longest first: once a phrase is no longer than the best, none after is.
      if (p.length <= best.length) break;
      if (p.length > end - i) continue;
      if (p.second != 0 && p.second != tokens[i + 1].hash &&
          p.second != tokens[i + 1].lemma_hash) {
        continue;  // Its second word is not there; Extent would say so too.
      }
      if (p.length == 1 || (p.length == 2 && p.second != 0)) {
        // Every word is checked already (the first by the key): Extent would say
        // p.length, so its words, elsewhere in memory, need not be read.
        const Phrase& phrase = phrases_[p.index];
        best = {p.length, phrase.value, phrase.line, phrase.file};
        continue;
      }
      consider(p.index);
    }
  };
  const Token& t = tokens[i];
  scan(WordStarts(t));
  if (t.lemma_hash != t.hash) scan(LemmaStarts(t));
  for (int index : c.wildcard) consider(index);
  return best;
}

bool Lexicon::OneWordMatches(ClassId id, const std::vector<Token>& tokens, int i) const {
  // A "word*" item is matched as MatchAt does.
  if (!classes_[id].wildcard.empty()) return MatchAt(id, tokens, i, i + 1).length == 1;
  auto in = [&](uint32_t set) {
    return (word_bits_[set * start_words_ + id / 64] >> (id % 64)) & 1;
  };
  const Token& t = tokens[i];
  return in(WordStarts(t)) || (t.lemma_hash != t.hash && in(LemmaStarts(t)));
}

bool Lexicon::FindIn(ClassId id, const std::vector<Token>& tokens, int from, int to,
                     int* at, PhraseMatch* match) const {
  for (int i = std::max(from, 0); i < to; ++i) {
    PhraseMatch m = MatchAt(id, tokens, i, to);
    if (m.length > 0) {
      if (at != nullptr) *at = i;
      if (match != nullptr) *match = m;
      return true;
    }
  }
  return false;
}

const VerbEntry* Lexicon::Verb(absl::string_view lower) const {
  auto it = verbs_.find(lower);
  return it == verbs_.end() ? nullptr : &it->second;
}

const VerbEntry* Lexicon::Verb(const Token& t) const {
  return HashBit(verb_hashes_, t.hash) ? Verb(t.lower) : nullptr;
}

std::string Lexicon::NounLemma(absl::string_view w) const {
  std::string lemma;
  NounLemmaInto(w, &lemma);
  return lemma;
}

void Lexicon::NounLemmaInto(absl::string_view w, std::string* lemma) const {
  // Few words are irregular plurals: their filter rules most out without hashing the
  // string for the map.
  if (plural_filter_.MayContain(WordHash(w))) {
    if (auto it = plurals_.find(w); it != plurals_.end()) {
      *lemma = it->second;
      return;
    }
  }
  absl::string_view suffix;
  const size_t keep = RegularNounStem(w, &suffix);
  lemma->assign(w.data(), keep);
  lemma->append(suffix.data(), suffix.size());
}

void Lexicon::SetNounLemma(Token& t) const {
  // The tagger asks this of most nouns: the token's hash spares hashing the word
  // again, and a word that is its own lemma (the most common case) is copied once.
  const absl::string_view w = t.lower;
  if (plural_filter_.MayContain(t.hash)) {
    if (auto it = plurals_.find(w); it != plurals_.end()) {
      t.lemma = it->second;
      t.lemma_hash = WordHash(t.lemma);
      return;
    }
  }
  absl::string_view suffix;
  const size_t keep = RegularNounStem(w, &suffix);
  if (keep == w.size() && suffix.empty()) {
    t.lemma = t.lower;
    t.lemma_hash = t.hash;
    return;
  }
  t.lemma.assign(w.data(), keep);
  t.lemma.append(suffix.data(), suffix.size());
  t.lemma_hash = WordHash(t.lemma);
}

size_t Lexicon::RegularNounStem(absl::string_view w, absl::string_view* suffix) {
  *suffix = absl::string_view();
  if (w.size() < 4 || w.back() != 's' || absl::EndsWith(w, "ss") ||
      absl::EndsWith(w, "us") || absl::EndsWith(w, "is") || absl::EndsWith(w, "ics") ||
      absl::EndsWith(w, "'s")) {
    return w.size();  // The word itself.
  }
  if (absl::EndsWith(w, "ies") && w.size() > 4) {
    *suffix = "y";
    return w.size() - 3;
  }
  // "buzzes"; but "freezes", "prizes" keep their "e".
  if (absl::EndsWith(w, "sses") || absl::EndsWith(w, "shes") ||
      absl::EndsWith(w, "ches") || absl::EndsWith(w, "xes") ||
      absl::EndsWith(w, "zzes")) {
    return w.size() - 2;
  }
  return w.size() - 1;
}

std::string Lexicon::RegularPastLemma(absl::string_view w) {
  // "need", "speed", "hundred", "red": too short a stem, or a stem in "-ee".
  if (w.size() < 6 || !absl::EndsWith(w, "ed") || absl::EndsWith(w, "eed")) return "";
  for (char c : w) {
    if (!absl::ascii_islower(static_cast<unsigned char>(c)) && c != '-') return "";
  }
  absl::string_view stem = w.substr(0, w.size() - 2);
  if (absl::EndsWith(w, "ied")) return absl::StrCat(w.substr(0, w.size() - 3), "y");
  // "stopped" -> "stop"; "rolled" keeps its double l ("roll").
  if (stem.size() > 2 && stem.back() == stem[stem.size() - 2] && stem.back() != 'l' &&
      stem.back() != 's' && !IsVowel(stem.back())) {
    return std::string(stem.substr(0, stem.size() - 1));
  }
  return std::string(stem);
}

}  // namespace entente::importers::internal
