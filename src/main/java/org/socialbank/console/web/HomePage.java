package org.socialbank.console.web;

import java.util.stream.Collectors;
import org.socialbank.console.Role;
import org.socialbank.console.StaffMember;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's home: who is signed in and, for the roles that may see it, the dashboard. */
@Controller
class HomePage {

    @GetMapping({"/console", "/console/"})
    String home(@AuthenticationPrincipal StaffMember who, Model model) {
        model.addAttribute("roles", who.roles().stream().sorted().map(Role::wireName).collect(Collectors.toList()));
        return "console/home";
    }
}
