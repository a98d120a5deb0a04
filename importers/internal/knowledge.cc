#include "importers/internal/knowledge.h"

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "importers/internal/embedded_data.h"

namespace entente::importers::internal {
namespace {

// A class the pipeline's code reads, and the field of `Group` that holds its id.
template <typename Group>
struct Required {
  const char* name;
  ClassId Group::*field;
};

// Every class the pipeline's code reads, with the file that defines it.
constexpr Required<KnownClasses> kRequired[] = {
    {"speech_verb", &KnownClasses::speech_verb},
    {"irrealis_governor", &KnownClasses::irrealis_governor},
    {"denial_governor", &KnownClasses::denial_governor},
    {"hedge_cue", &KnownClasses::hedge_cue},
    {"cancel_cue", &KnownClasses::cancel_cue},
    {"historical_cue", &KnownClasses::historical_cue},
    {"ranking_cue", &KnownClasses::ranking_cue},
    {"investment_noun", &KnownClasses::investment_noun},
    {"signed_list_cue", &KnownClasses::signed_list_cue},
    {"event_happening", &KnownClasses::event_happening},
    {"projection_cue", &KnownClasses::projection_cue},
    {"report_verb", &KnownClasses::report_verb},
    {"press_report_verb", &KnownClasses::press_report_verb},
    {"piece_noun", &KnownClasses::piece_noun},
    {"outlet_noun", &KnownClasses::outlet_noun},
    {"group_anaphor", &KnownClasses::group_anaphor},
    {"org_anaphor", &KnownClasses::org_anaphor},
    {"country_anaphor", &KnownClasses::country_anaphor},
    {"government_anaphor", &KnownClasses::government_anaphor},
    {"host_anaphor", &KnownClasses::host_anaphor},
    {"guest_anaphor", &KnownClasses::guest_anaphor},
    {"person_pronoun", &KnownClasses::person_pronoun},
    {"plural_pronoun", &KnownClasses::plural_pronoun},
    {"speaker_pronoun", &KnownClasses::speaker_pronoun},
    {"partner_verb", &KnownClasses::partner_verb},
    {"addressee_pronoun", &KnownClasses::addressee_pronoun},
    {"it_pronoun", &KnownClasses::it_pronoun},
    {"agent_noun", &KnownClasses::agent_noun},
    {"seat_agent", &KnownClasses::seat_agent},
    {"agreement_kind", &KnownClasses::agreement_kind},
    {"partnership_level", &KnownClasses::partnership_level},
    {"visit_level", &KnownClasses::visit_level},
    {"facility", &KnownClasses::facility},
    {"facility_part", &KnownClasses::facility_part},
    {"capacity_unit", &KnownClasses::capacity_unit},
    {"sanction_measure", &KnownClasses::sanction_measure},
    {"origin_participle", &KnownClasses::origin_participle},
    {"export_word", &KnownClasses::export_word},
    {"decrease_verb", &KnownClasses::decrease_verb},
    {"trade_noun", &KnownClasses::trade_noun},
    {"event_noun", &KnownClasses::event_noun},
    {"bilateral_event", &KnownClasses::bilateral_event},
    {"not_event_topic", &KnownClasses::not_event_topic},
    {"region_word", &KnownClasses::region_word},
    {"country_noun", &KnownClasses::country_noun},
    {"partnership_noun", &KnownClasses::partnership_noun},
    {"location_prep", &KnownClasses::location_prep},
    {"comitative_prep", &KnownClasses::comitative_prep},
    {"sector", &KnownClasses::sector},
    {"status_cue", &KnownClasses::status_cue},
    {"document_bundle", &KnownClasses::document_bundle},
    {"membership_role", &KnownClasses::membership_role},
    {"downgrade_measure", &KnownClasses::downgrade_measure},
    {"event_format", &KnownClasses::event_format},
    {"separate_cue", &KnownClasses::separate_cue},
    {"apart_cue", &KnownClasses::apart_cue},
    {"light_verb", &KnownClasses::light_verb},
    {"reciprocal", &KnownClasses::reciprocal},
    {"talks_round", &KnownClasses::talks_round},
    {"aside_event", &KnownClasses::aside_event},
    {"plan_governor", &KnownClasses::plan_governor},
    {"occasion_prep", &KnownClasses::occasion_prep},
    {"prior_occasion_prep", &KnownClasses::prior_occasion_prep},
    {"awaiting_governor", &KnownClasses::awaiting_governor},
    {"phase_noun", &KnownClasses::phase_noun},
    {"pledge_governor", &KnownClasses::pledge_governor},
    {"arrangement_governor", &KnownClasses::arrangement_governor},
    {"visit_end_verb", &KnownClasses::visit_end_verb},
    {"exclusion_cue", &KnownClasses::exclusion_cue},
    {"title_complement", &KnownClasses::title_complement},
    {"bundle_quantifier", &KnownClasses::bundle_quantifier},
    {"list_joiner", &KnownClasses::list_joiner},
    {"measure_joiner", &KnownClasses::measure_joiner},
    {"list_elaboration", &KnownClasses::list_elaboration},
    {"amount_hedge", &KnownClasses::amount_hedge},
    {"baseline_opener", &KnownClasses::baseline_opener},
    {"claim_label", &KnownClasses::claim_label},
    {"question_label", &KnownClasses::question_label},
    {"speech_heading", &KnownClasses::speech_heading},
    {"false_report_word", &KnownClasses::false_report_word},
    {"continuing_governor", &KnownClasses::continuing_governor},
    {"impose_verb", &KnownClasses::impose_verb},
    {"sanction_noun", &KnownClasses::sanction_noun},
    {"concluding_verb", &KnownClasses::concluding_verb},
    {"lower_comparative", &KnownClasses::lower_comparative},
    {"dating_occasion", &KnownClasses::dating_occasion},
    {"ally_noun", &KnownClasses::ally_noun},
    {"shared_short_name", &KnownClasses::shared_short_name},
    {"admin_unit", &KnownClasses::admin_unit},
    {"averting_prep", &KnownClasses::averting_prep},
    {"deliberation_governor", &KnownClasses::deliberation_governor},
    {"deliberation_cue", &KnownClasses::deliberation_cue},
    {"speculative_modal", &KnownClasses::speculative_modal},
    {"help_verb", &KnownClasses::help_verb},
    {"diplomat_noun", &KnownClasses::diplomat_noun},
    {"plan_adjective", &KnownClasses::plan_adjective},
    {"talks_noun", &KnownClasses::talks_noun},
    {"leader_verb", &KnownClasses::leader_verb},
    {"partner_word", &KnownClasses::partner_word},
    {"change_noun", &KnownClasses::change_noun},
    {"company_suffix", &KnownClasses::company_suffix},
    {"company_word", &KnownClasses::company_word},
    {"hearsay_noun", &KnownClasses::hearsay_noun},
    {"report_denial_verb", &KnownClasses::report_denial_verb},
    {"denied_report", &KnownClasses::denied_report},
    {"referring_document", &KnownClasses::referring_document},
    {"place_named_document", &KnownClasses::place_named_document},
    {"programme_word", &KnownClasses::programme_word},
    {"partnership_stage", &KnownClasses::partnership_stage},
    {"purpose_build_verb", &KnownClasses::purpose_build_verb},
    {"future_time", &KnownClasses::future_time},
    {"abeyance", &KnownClasses::abeyance},
    {"company_noun", &KnownClasses::company_noun},
    {"civil_noun", &KnownClasses::civil_noun},
    {"subnational_body", &KnownClasses::subnational_body},
    {"resolution_noun", &KnownClasses::resolution_noun},
    {"harm_verb", &KnownClasses::harm_verb},
    {"tenure_noun", &KnownClasses::tenure_noun},
    {"legal_suffix", &KnownClasses::legal_suffix},
    {"legislature", &KnownClasses::legislature},
    {"candidacy_noun", &KnownClasses::candidacy_noun},
    {"occurrence_verb", &KnownClasses::occurrence_verb},
    {"scoped_cue", &KnownClasses::scoped_cue},
    {"occasion_noun", &KnownClasses::occasion_noun},
    {"decision_noun", &KnownClasses::decision_noun},
    {"sector_scope", &KnownClasses::sector_scope},
    {"elided_document", &KnownClasses::elided_document},
    {"record_ordinal", &KnownClasses::record_ordinal},
    {"title_end", &KnownClasses::title_end},
    {"title_free_modifier", &KnownClasses::title_free_modifier},
    {"destination_prep", &KnownClasses::destination_prep},
    {"place_relative", &KnownClasses::place_relative},
    {"dateline_adverb", &KnownClasses::dateline_adverb},
    {"place_noun", &KnownClasses::place_noun},
    {"building_noun", &KnownClasses::building_noun},
    {"visit_noun", &KnownClasses::visit_noun},
    {"joint_cue", &KnownClasses::joint_cue},
    {"visit_verb", &KnownClasses::visit_verb},
    {"journey_verb", &KnownClasses::journey_verb},
    {"encounter_verb", &KnownClasses::encounter_verb},
    {"process_verb", &KnownClasses::process_verb},
};

constexpr Required<CurrencyClasses> kRequiredCurrencies[] = {
    {"currency_sign", &CurrencyClasses::sign},
    {"dollar_prefix", &CurrencyClasses::dollar_prefix},
    {"currency_code", &CurrencyClasses::code},
    {"currency_word", &CurrencyClasses::word},
    {"dollar_country", &CurrencyClasses::dollar_country},
    {"glued_sign", &CurrencyClasses::glued_sign},
    {"shared_sign", &CurrencyClasses::shared_sign},
    {"local_currency", &CurrencyClasses::local_currency},
};

constexpr Required<TitleClasses> kRequiredTitles[] = {
    {"leader_title", &TitleClasses::leader_title},
    {"title", &TitleClasses::title},
    {"honorific", &TitleClasses::honorific},
    {"name_particle", &TitleClasses::name_particle},
    {"name_suffix", &TitleClasses::name_suffix},
    {"counterpart", &TitleClasses::counterpart},
    {"institution_noun", &TitleClasses::institution},
    {"generic_office", &TitleClasses::generic_office},
    {"agent_participle", &TitleClasses::agent_participle},
    {"org_scope", &TitleClasses::org_scope},
    {"org_head", &TitleClasses::org_head},
    {"not_a_code", &TitleClasses::not_a_code},
    {"org_head_initialled", &TitleClasses::org_head_initialled},
};

// Sets each required class's id in *group; InvalidArgument naming the first class no
// word list defines.
template <typename Group, size_t N>
absl::Status FindClasses(const Lexicon& x, const Required<Group> (&required)[N],
                         Group* group) {
  for (const Required<Group>& r : required) {
    const ClassId id = x.Find(r.name);
    if (id < 0) {
      return absl::InvalidArgumentError(absl::StrCat("importers/data: class @", r.name,
                                                     " is read by the extractor "
                                                     "but no word list defines it"));
    }
    group->*r.field = id;
  }
  return absl::OkStatus();
}

// Every word a frame triggers on as a verb ("v:prolong", "v:@sign_verb") is a verb
// to the tagger too, so a frame never waits on lexicon.txt to list it.
void AddTriggerVerbs(const std::vector<std::pair<std::string, std::string>>& frame_files,
                     std::vector<WordListEntry>* entries) {
  absl::flat_hash_set<std::string> known;
  for (const WordListEntry& e : *entries) {
    if (e.class_name == "verb")
      known.insert(std::string(e.item.substr(0, e.item.find('/'))));
  }
  auto add = [&](absl::string_view phrase, const std::string& file) {
    std::string word(phrase.substr(0, phrase.find_first_of(" _")));
    if (word.empty() || !known.insert(word).second) return;
    entries->push_back({"verb", word, "", file, 0});
  };
  std::vector<WordListEntry> copy = *entries;
  for (const auto& [name, content] : frame_files) {
    for (absl::string_view line : absl::StrSplit(content, '\n')) {
      std::vector<absl::string_view> words =
          absl::StrSplit(line, absl::ByAnyChar(" \t"), absl::SkipEmpty());
      if (words.size() < 2 || words[0][0] == '#' || !absl::StartsWith(words[1], "v:")) {
        continue;
      }
      for (absl::string_view item : absl::StrSplit(words[1].substr(2), '|')) {
        if (item.empty()) continue;
        if (item[0] != '@') {
          add(item, name);
          continue;
        }
        for (const WordListEntry& e : copy) {
          if (e.class_name == item.substr(1)) add(e.item, e.file);
        }
      }
    }
  }
}

}  // namespace

absl::StatusOr<std::shared_ptr<const Knowledge>> Knowledge::FromEmbedded() {
  std::vector<std::pair<std::string, std::string>> files;
  for (const EmbeddedFile& f : EmbeddedDataFiles()) {
    files.emplace_back(std::string(f.name), std::string(f.content));
  }
  return FromFiles(files);
}

absl::StatusOr<std::shared_ptr<const Knowledge>> Knowledge::FromFiles(
    const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<WordListEntry> entries;
  std::vector<std::pair<std::string, std::string>> frame_files;
  for (const auto& [name, content] : files) {
    if (absl::StartsWith(name, "frames/")) {
      frame_files.emplace_back(name, content);
    } else if (absl::EndsWith(name, ".txt")) {
      auto parsed = ParseWordList(name, content);
      if (!parsed.ok()) return parsed.status();
      entries.insert(entries.end(), parsed->begin(), parsed->end());
    }
  }
  AddTriggerVerbs(frame_files, &entries);
  auto knowledge = std::shared_ptr<Knowledge>(new Knowledge());
  auto lexicon = Lexicon::Build(entries);
  if (!lexicon.ok()) return lexicon.status();
  knowledge->lexicon_ = std::move(*lexicon);
  const Lexicon& x = *knowledge->lexicon_;
  for (absl::Status filled :
       {FindClasses(x, kRequired, &knowledge->classes_),
        FindClasses(x, kRequiredTitles, &knowledge->classes_.titles),
        FindClasses(x, kRequiredCurrencies, &knowledge->classes_.currencies)}) {
    if (!filled.ok()) return filled;
  }
  TitleClasses& titles = knowledge->classes_.titles;
  titles.starts = x.MakeSet(
      {titles.leader_title, titles.title, titles.honorific, titles.counterpart});
  auto frames = FrameBook::Compile(frame_files, x);
  if (!frames.ok()) return frames.status();
  knowledge->frames_ = std::move(*frames);
  return std::shared_ptr<const Knowledge>(std::move(knowledge));
}

}  // namespace entente::importers::internal
