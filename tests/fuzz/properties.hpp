// What every report must be, whatever the input: checked after each run, and a violation stops the
// fuzzer with the input that caused it.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string_view>

namespace fuzz {

[[noreturn]] inline void violated(const char* what) {
  std::fprintf(stderr, "property violated: %s\n", what);
  std::abort();
}

// Text for people: no control byte but line feeds and tabs, so nothing can act on a terminal.
inline void no_control_bytes(std::string_view text) {
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\n' && c != '\t') || u == 0x7F) violated("a control byte in the text report");
  }
}

// JUnit: every character is one XML 1.0 allows, in valid UTF-8.
inline void xml_characters(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') violated("a control character in JUnit XML");
      ++i;
      continue;
    }
    const std::size_t length = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) violated("a byte that is not UTF-8 in JUnit XML");
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) violated("a byte that is not UTF-8 in JUnit XML");
    }
    if (text.substr(i, length) == "\xEF\xBF\xBE" || text.substr(i, length) == "\xEF\xBF\xBF") {
      violated("U+FFFE or U+FFFF in JUnit XML");
    }
    i += length;
  }
}

inline void parses_as_json(const std::string& text) {
  if (!nlohmann::json::accept(text)) violated("a JSON report that does not parse");
}

}  // namespace fuzz
