#include "importers/internal/frames.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "importers/internal/word_lists.h"

namespace entente::importers::internal {
namespace {

absl::StatusOr<Slot> ParseSlot(absl::string_view name, const Lexicon& lexicon,
                               absl::string_view file, int line) {
  Slot slot;
  if (name == "subj") {
    slot.kind = Slot::kSubject;
  } else if (name == "obj") {
    slot.kind = Slot::kObject;
  } else if (name == "poss") {
    slot.kind = Slot::kPossessor;
  } else if (name == "mod") {
    slot.kind = Slot::kModifier;
  } else if (name == "group") {
    slot.kind = Slot::kGroup;
  } else if (name == "loc") {
    slot.kind = Slot::kLocation;
  } else if (name == "self") {
    slot.kind = Slot::kSelf;
  } else if (name == "event") {
    slot.kind = Slot::kEvent;
  } else if (name == "people") {
    slot.kind = Slot::kPeople;
  } else if (name == "after") {
    slot.kind = Slot::kAfter;
  } else if (name == "appos") {
    slot.kind = Slot::kApposed;
  } else if (name == "org") {
    slot.kind = Slot::kOrganization;
  } else if (name == "part") {
    slot.kind = Slot::kParticipleObject;
  } else if (name == "helped") {
    slot.kind = Slot::kHelped;
  } else if (name == "speaker") {
    slot.kind = Slot::kSpeaker;
  } else if (name == "host") {
    slot.kind = Slot::kHost;
  } else if (name == "item") {
    slot.kind = Slot::kItem;
  } else if (!name.empty() && name.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") ==
                                  absl::string_view::npos) {
    slot.kind = Slot::kPrep;
    slot.prep = absl::StrReplaceAll(name, {{"_", " "}});
    if (!lexicon.Contains(lexicon.Find("prep"), slot.prep)) {
      return DataError(
          file, line,
          absl::StrCat("unknown slot '", name, "' (not a slot name nor an @prep item)"));
    }
  } else {
    return DataError(file, line, absl::StrCat("unknown slot '", name, "'"));
  }
  return slot;
}

absl::StatusOr<std::vector<SlotChoice>> ParseSlots(absl::string_view value,
                                                   const Lexicon& lexicon,
                                                   absl::string_view file, int line) {
  std::vector<SlotChoice> out;
  for (absl::string_view alt : absl::StrSplit(value, '|')) {
    if (alt.empty()) return DataError(file, line, "empty slot alternative");
    SlotChoice choice;
    std::vector<absl::string_view> parts = absl::StrSplit(alt, '+');
    if (parts.size() > 2) return DataError(file, line, "at most two slots joined by '+'");
    auto first = ParseSlot(parts[0], lexicon, file, line);
    if (!first.ok()) return first.status();
    choice.first = *first;
    if (parts.size() == 2) {
      auto second = ParseSlot(parts[1], lexicon, file, line);
      if (!second.ok()) return second.status();
      choice.crossed = true;
      choice.second = *second;
    }
    out.push_back(std::move(choice));
  }
  return out;
}

absl::StatusOr<ClassId> ParseClass(absl::string_view value, const Lexicon& lexicon,
                                   absl::string_view file, int line) {
  if (value.size() < 2 || value[0] != '@') {
    return DataError(file, line, absl::StrCat("expected @class, got '", value, "'"));
  }
  ClassId id = lexicon.Find(value.substr(1));
  if (id < 0) return DataError(file, line, absl::StrCat("unknown class '", value, "'"));
  return id;
}

absl::Status ParseTrigger(absl::string_view text, const Lexicon& lexicon, Frame* f,
                          absl::string_view file, int line) {
  if (absl::StartsWith(text, "v:")) {
    f->verbal = true;
  } else if (absl::StartsWith(text, "n:")) {
    f->verbal = false;
  } else {
    return DataError(file, line,
                     absl::StrCat("trigger '", text, "' must start with v: or n:"));
  }
  for (absl::string_view item : absl::StrSplit(text.substr(2), '|')) {
    if (item.empty()) return DataError(file, line, "empty trigger word");
    if (item[0] == '@') {
      auto id = ParseClass(item, lexicon, file, line);
      if (!id.ok()) return id.status();
      f->trigger_classes.push_back(*id);
    } else {
      f->lemmas.push_back(absl::StrReplaceAll(item, {{"_", " "}}));
      absl::string_view lemma = f->lemmas.back();
      f->lemma_ends.push_back(WordHash(lemma.substr(lemma.rfind(' ') + 1)));
    }
  }
  return absl::OkStatus();
}

absl::Status ParseField(absl::string_view key, absl::string_view value,
                        const Lexicon& lexicon, Frame* f, absl::string_view file,
                        int line) {
  if (key == "source" || key == "target" || key == "parties") {
    auto slots = ParseSlots(value, lexicon, file, line);
    if (!slots.ok()) return slots.status();
    (key == "source" ? f->source : key == "target" ? f->target : f->parties) = *slots;
    return absl::OkStatus();
  }
  if (absl::StartsWith(key, "attr.")) {
    if (key.size() <= 5) return DataError(file, line, "attr. needs a name");
    f->constants.emplace_back(std::string(key.substr(5)), std::string(value));
    return absl::OkStatus();
  }
  if (key == "under" || key == "through") {
    for (absl::string_view prep : absl::StrSplit(value, '|')) {
      if (prep.empty())
        return DataError(file, line, absl::StrCat(key, "= needs prepositions"));
      (key == "under" ? f->under : f->through)
          .push_back(absl::StrReplaceAll(prep, {{"_", " "}}));
    }
    return absl::OkStatus();
  }
  if (key == "near" || key == "not" || key == "verb_not" || key == "self_not") {
    auto id = ParseClass(value, lexicon, file, line);
    if (!id.ok()) return id.status();
    (key == "near"       ? f->near
     : key == "not"      ? f->absent
     : key == "self_not" ? f->self_not
                         : f->verb_not)
        .push_back(*id);
    return absl::OkStatus();
  }
  if (key == "needs") {
    if (value == "money") {
      f->needs_money = true;
    } else if (value == "own_money") {
      f->needs_money = true;
      f->needs_own_money = true;
    } else if (value == "percent") {
      f->needs_percent = true;
    } else if (value == "baseline") {
      f->needs_baseline = true;
    } else if (value == "later_figure") {
      f->needs_later_figure = true;
    } else if (value == "signed_list") {
      f->needs_signed_list = true;
    } else if (value == "date") {
      f->needs_date = true;
    } else if (value == "person") {
      f->needs_person = true;
    } else if (value == "person_object") {
      f->needs_person_object = true;
    } else if (value == "thing_object") {
      f->needs_thing_object = true;
    } else if (value == "no_object") {
      f->needs_no_object = true;
    } else if (value == "named_subject") {
      f->needs_named_subject = true;
    } else if (value == "acting_subject") {
      f->needs_acting_subject = true;
    } else if (value == "named_object") {
      f->needs_named_object = true;
    } else if (value == "name") {
      f->needs_name = true;
    } else if (value == "own_date") {
      f->needs_own_date = true;
    } else if (value == "indefinite_target") {
      f->needs_indefinite_target = true;
    } else if (value == "counted_object") {
      f->needs_counted_object = true;
    } else if (value == "unplaced_main_event") {
      f->needs_unplaced_main_event = true;
    } else if (value == "state_source") {
      f->needs_state_source = true;
    } else if (value == "states") {
      f->needs_states = true;
    } else {
      return DataError(
          file, line,
          absl::StrCat(
              "needs=", value,
              ": want "
              "money|percent|baseline|later_figure|date|own_date|person|person_object|"
              "thing_object|no_object|"
              "name|named_subject|named_object|acting_subject|own_money|"
              "unplaced_main_event|state_source|states"));
    }
    return absl::OkStatus();
  }
  if (key == "trigger") {
    if (value != "modifier" || f->verbal) {
      return DataError(file, line, "trigger= wants modifier, on an n: trigger");
    }
    f->modifier_trigger = true;
    return absl::OkStatus();
  }
  if (key == "mood") {
    if (value != "any" && value != "future" && value != "pledged" && value != "factual") {
      return DataError(file, line, "mood= wants any, future, pledged or factual");
    }
    f->any_mood = value == "any";
    f->future_mood = value == "future";
    f->pledged_mood = value == "pledged";
    return absl::OkStatus();
  }
  if (key == "date") {
    if (value == "anniversary") {
      f->anniversary = true;
    } else if (value == "since") {
      f->since_state = true;
    } else {
      return DataError(file, line, "date= wants anniversary or since");
    }
    return absl::OkStatus();
  }
  if (key == "max_parties") {
    if (!absl::SimpleAtoi(value, &f->max_parties) || f->max_parties < 2) {
      return DataError(file, line, "max_parties wants a number of at least 2");
    }
    return absl::OkStatus();
  }
  if (key == "confidence") {
    if (!absl::SimpleAtod(value, &f->confidence) || f->confidence <= 0 ||
        f->confidence > 1) {
      return DataError(file, line, "confidence wants a number in (0, 1]");
    }
    return absl::OkStatus();
  }
  // "obj=@class", "with=@class": a condition on a slot.
  auto slot = ParseSlot(key, lexicon, file, line);
  if (!slot.ok()) return DataError(file, line, absl::StrCat("unknown field '", key, "'"));
  auto id = ParseClass(value, lexicon, file, line);
  if (!id.ok()) return id.status();
  f->requires_in_slot.push_back({*slot, *id});
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Frame> ParseFrame(absl::string_view text, const Lexicon& lexicon,
                                 absl::string_view file, int line) {
  std::vector<absl::string_view> words =
      absl::StrSplit(text, absl::ByAnyChar(" \t"), absl::SkipEmpty());
  if (words.size() < 3) {
    return DataError(file, line, "want TYPE TRIGGER FIELDS...");
  }
  Frame f;
  f.file = std::string(file);
  f.line = line;
  std::optional<graph::RelationType> type = graph::ParseRelationType(words[0]);
  if (!type)
    return DataError(file, line, absl::StrCat("unknown relation type '", words[0], "'"));
  f.type = *type;
  if (absl::Status s = ParseTrigger(words[1], lexicon, &f, file, line); !s.ok()) return s;
  for (size_t k = 2; k < words.size(); ++k) {
    size_t eq = words[k].find('=');
    if (eq == absl::string_view::npos || eq == 0 || eq + 1 == words[k].size()) {
      return DataError(file, line,
                       absl::StrCat("field '", words[k], "' is not key=value"));
    }
    absl::Status s = ParseField(words[k].substr(0, eq), words[k].substr(eq + 1), lexicon,
                                &f, file, line);
    if (!s.ok()) return s;
  }
  bool directed = !graph::IsSymmetric(f.type);
  if (directed && (f.source.empty() || f.target.empty())) {
    return DataError(file, line,
                     absl::StrCat(words[0], " is directed: give source= and target="));
  }
  if (!directed && f.parties.empty()) {
    return DataError(file, line, absl::StrCat(words[0], " is symmetric: give parties="));
  }
  return f;
}

absl::StatusOr<std::unique_ptr<FrameBook>> FrameBook::Compile(
    const std::vector<std::pair<std::string, std::string>>& files,
    const Lexicon& lexicon) {
  auto book = std::unique_ptr<FrameBook>(new FrameBook());
  std::vector<ClassId> noun_classes;
  std::vector<ClassId> verb_classes;
  for (const auto& [name, content] : files) {
    int number = 0;
    for (absl::string_view line : absl::StrSplit(content, '\n')) {
      ++number;
      if (size_t hash = line.find('#'); hash != absl::string_view::npos) {
        line = line.substr(0, hash);
      }
      line = absl::StripAsciiWhitespace(line);
      if (line.empty()) continue;
      auto frame = ParseFrame(line, lexicon, name, number);
      if (!frame.ok()) return frame.status();
      int index = static_cast<int>(book->frames_.size());
      if (frame->verbal) {
        for (const std::string& lemma : frame->lemmas)
          book->by_verb_[lemma].push_back(index);
        if (!frame->trigger_classes.empty()) book->verb_class_frames_.push_back(index);
        verb_classes.insert(verb_classes.end(), frame->trigger_classes.begin(),
                            frame->trigger_classes.end());
      } else if (frame->modifier_trigger) {
        book->modifier_frames_.push_back(index);
      } else {
        book->noun_frames_.push_back(index);
        book->noun_lemma_ends_.insert(frame->lemma_ends.begin(), frame->lemma_ends.end());
        noun_classes.insert(noun_classes.end(), frame->trigger_classes.begin(),
                            frame->trigger_classes.end());
      }
      book->frames_.push_back(std::move(*frame));
    }
  }
  if (book->frames_.empty()) {
    return absl::InvalidArgumentError("frames: no frame in any file");
  }
  book->noun_trigger_classes_ = lexicon.MakeSet(noun_classes);
  book->verb_trigger_classes_ = lexicon.MakeSet(verb_classes);
  return book;
}

const std::vector<int>* FrameBook::VerbFrames(absl::string_view lemma) const {
  auto it = by_verb_.find(lemma);
  return it == by_verb_.end() ? nullptr : &it->second;
}

}  // namespace entente::importers::internal
