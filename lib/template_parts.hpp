/* A template as parts (glocal.h): what template_parts.cpp (MF1) and
 * template_parts_mf2.cpp (MF2) build and the part readers return. */
#ifndef GLOCAL_TEMPLATE_PARTS_HPP
#define GLOCAL_TEMPLATE_PARTS_HPP

#include <string>
#include <vector>

#include "glocal.h"

struct TemplatePart {
    glocal_part_kind kind;
    std::string text, type, style, source;
};

struct glocal_template {
    std::vector<TemplatePart> parts;
};

#endif
