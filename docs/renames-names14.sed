#!/bin/sed -f
# Renames of branch names14 (issue 14 items 4 and 5), in a safe order. Run over new or changed
# Java, Thymeleaf, YAML and Markdown files written against the old names:
#   git diff --name-only main... | grep -E '\.(java|md|html|yml|properties)$' | xargs sed -i -f docs/renames-names14.sed
# then move new files of a moved package (see the "paths" comments) with git mv.
#
# Kernel types in the kernel: Language and Network moved from directory to shared.
s/\borg\.socialbank\.directory\.Language\b/org.socialbank.shared.Language/g
s/\borg\.socialbank\.directory\.Network\b/org.socialbank.shared.Network/g
