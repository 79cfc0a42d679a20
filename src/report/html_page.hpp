// The frame of an HTML page: its head with the style sheet, its foot, and text made safe for it.
#pragma once

#include <string>
#include <string_view>

namespace liftlint::report {

// Text from plans and rule files shown in HTML: controls and invisible characters as printable()
// shows them, then &, <, >, " and ' as entities, so that no text can open a tag or leave an attribute.
[[nodiscard]] std::string escaped(std::string_view text);
// Up to <body>, with the page's whole style sheet: the page loads nothing from anywhere.
[[nodiscard]] std::string page_head(std::string_view title);
[[nodiscard]] std::string page_foot();

}  // namespace liftlint::report
